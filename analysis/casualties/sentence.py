"""Reading one sentence: find its numbers, drop those that are dates, times, money, ages or
measurements, tie each to a category (toll phrase, verb before, participle after), then link
coordinated numbers, subsets and corrections ("two, not 20 as initially reported")."""

from __future__ import annotations

import re

from collections.abc import Sequence
from itertools import pairwise

from analysis.casualties.cues import (
    AFTER,
    AUXILIARIES,
    BEFORE,
    CROSSING,
    DETAINED,
    DISPLACED,
    INJURED,
    KILLED,
    KILLED_OR_INJURED,
    MISSING,
    MOVEMENT,
    PASSIVE_AUX,
    has_cue,
    is_refugee_context,
)
from analysis.casualties.linking import (
    coordinate,
    is_additional,
    resolve_generic,
    resolve_subsets,
)
from analysis.casualties.numbers import QUANTITY_OPENERS, Quantity, parse_quantity
from analysis.casualties.reading import (
    GENERIC_HEADS,
    NP_STOPS,
    Found,
    after_cue,
    before_cue,
    is_active,
    released,
    skip_aside,
    toll_cue,
)
from analysis.casualties.singles import singulars
from analysis.casualties.tokens import Token, tokenize
from analysis.casualties.victims import (
    COMBATANTS,
    MONTHS,
    NON_PERSON,
    PERSON_PLURAL,
    TRAVELLERS,
    UNIT_WORDS,
    is_person_phrase,
    noun_phrase_end,
    victims_text,
)

_SPEECH = frozenset({"said", "says", "say", "told", "reported", "reports", "according", "stated", "announced"})
_SUBSET_BEFORE = frozenset({"including", "includes", "included", "include"})
_SUBSET_AMONG = frozenset("dead killed injured wounded victims casualties missing detained arrested deaths "
                          "fatalities".split())
_SUBSET_CATEGORY = {"dead": KILLED, "killed": KILLED, "victims": KILLED, "deaths": KILLED, "fatalities": KILLED,
                    "casualties": KILLED_OR_INJURED,
                    "injured": INJURED, "wounded": INJURED, "missing": MISSING,
                    "detained": DETAINED, "arrested": DETAINED}
_SHELTER = frozenset({"took", "taken", "sheltering"})
_NEEDS_PEOPLE = frozenset({"held", "took", "taken", "sheltering", "cross", "crossed", "crossing", "entered", "entering", "arrived", "arriving"})
_INCLUDING_VERBS = frozenset({"included", "include", "includes", "were", "are", "was", "is"})
_GROUP_FILLERS = frozenset({"who", "which", ",", "the", "those", "also", "reportedly", "were", "are"})
_DIED = frozenset({"died", "perished", "drowned"})
_PHRASE_PREPOSITIONS = frozenset({"from", "in", "at", "inside", "near", "on", "of"})
_APPOSED_GROUPS = frozenset({"dead", "killed", "injured", "wounded", "missing"})
_SUPERLATIVE = re.compile(r"(?:[a-z]{2,}est|most|worst|few|many|first)$")
_ALONE_REACH = 8  # how far before a number "alone" may mark it as one place's share
# A number after these is a date, an age or a label ("May 5", "aged 12", "Resolution 2593").
_NOT_COUNT_BEFORE = MONTHS | {"aged", "age", "no", "number", "article", "resolution", "flight", "route", "highway",
                              "page", "us$"}


def _valid_count(tokens: Sequence[Token], q: Quantity, text: str, offset: int) -> bool:
    """False for numbers that are dates, times, money, ages, percentages or measurements."""
    n = len(tokens)
    a, b = q.start - offset, q.end - offset
    if b < len(text) and (text[b] in "/:%" or text[b].isalpha()) or a > 0 and text[a - 1] in "/:$£€#":
        return False  # "9/11", "10:30", "5%", "3rd", "$500"
    if q.first > 1 and tokens[q.first - 1].low == "." and tokens[q.first - 2].low in MONTHS:
        return False  # "Oct. 7"
    if q.last < n and (tokens[q.last].low in UNIT_WORDS or tokens[q.last].low in MONTHS):
        return False
    if q.first > 0 and tokens[q.first - 1].low in _NOT_COUNT_BEFORE:
        return False
    if q.last + 1 < n and tokens[q.last].low == "-" and tokens[q.last + 1].low in UNIT_WORDS:
        return False
    if q.last + 2 < n and tokens[q.last].low == "of" and tokens[q.last + 1].low == "the" \
            and _SUPERLATIVE.match(tokens[q.last + 2].low):
        return False  # "one of the deadliest": a ranking, not a count
    word = tokens[q.first].text
    if q.last == q.first + 1 and len(word) == 4 and word.isdigit() and 1900 <= int(word) <= 2100:
        # A bare year ("In 2019, 12 people ..."), unless people or a cue follow ("2000 people").
        nxt = tokens[q.last].low if q.last < n else ""
        return nxt in PERSON_PLURAL or nxt in AFTER
    return True


def _after_alone(tokens: Sequence[Token], first: int) -> bool:
    """"The main hospital alone received 22 bodies", "In the city alone, 40 died": one place's
    share of a larger toll, a subset that never adds."""
    for k in range(first - 1, max(first - _ALONE_REACH, 0) - 1, -1):
        word = tokens[k].low
        if word == "alone":
            return True
        if word in (";", ":", "while", "but") or word[:1].isdigit() or (word == "," and tokens[k - 1].low != "alone"):
            return False
    return False


def _included_in(tokens: Sequence[Token], first: int) -> int | None:
    """Index of the group a number belongs to: "the dead included 3 women", "those detained,
    who included 15 women", "among the 1,915 arrested are 96 juveniles"."""
    if first < 2 or tokens[first - 1].low not in _INCLUDING_VERBS:
        return None
    for k in range(first - 2, max(first - 8, 0) - 1, -1):
        word = tokens[k].low
        if word in _SUBSET_AMONG:
            if any(t.low in ("the", "those", "among") for t in tokens[max(k - 3, 0):k]):
                return k
            return None
        if word not in _GROUP_FILLERS and not word[:1].isdigit():
            return None
    return None


def _quantities(tokens: Sequence[Token], text: str, offset: int) -> list[Quantity]:
    found: list[Quantity] = []
    i, n = 0, len(tokens)
    while i < n:
        word = tokens[i].low
        if not word[:1].isdigit() and word not in QUANTITY_OPENERS and word.split("-")[0] not in QUANTITY_OPENERS:
            i += 1  # parse_quantity's own first test, without the call: most words fail it
            continue
        q = parse_quantity(tokens, i)
        if q is not None:
            if _valid_count(tokens, q, text, offset):
                found.append(q)
            i = q.last
        else:
            i += 1
    return found


def _read_sentence(tokens: list[Token], text: str, offset: int, refugee: bool) -> list[Found]:
    quantities = _quantities(tokens, text, offset)
    found: list[Found] = []
    for q in quantities:
        f = Found(q)
        f.np_end = noun_phrase_end(tokens, q.last, stops=NP_STOPS)
        found.append(f)
    n = len(tokens)
    inside_until = -1
    for index, f in enumerate(found):
        q = f.quantity
        # Corrections: "two, not 20 as initially reported" -> keep 2, drop 20.
        if q.first >= 2 and tokens[q.first - 1].low == "not" and tokens[q.first - 2].low == "," and index > 0:
            found[index - 1].corrected_from = q.value if q.value is not None else q.low
            f.dropped = True
            continue
        prev_word = tokens[q.first - 1].low if q.first > 0 else ""
        prev2 = tokens[q.first - 2].low if q.first > 1 else ""
        if prev_word in ("the", "his", "her", "their", "its") and prev2 in _SUBSET_BEFORE:
            prev_word = prev2  # "including the six attackers"
        breakdown = q.last < n and tokens[q.last].low in AFTER  # "the casualties included 12 dead"
        group_at = None if breakdown else _included_in(tokens, q.first)
        if group_at is not None:
            f.part_of, f.how, f.category = True, "subset", _SUBSET_CATEGORY[tokens[group_at].low]
            f.group = group_at
            f.victims = victims_text(tokens, q.last, f.np_end, text, offset)
            continue
        if (prev_word in _SUBSET_BEFORE and not breakdown) or (prev_word in ("them", "whom") and prev2 == "among") \
                or (prev2 in ("were", "was", "are", "included") and q.first > 3 and tokens[q.first - 3].low in _SUBSET_AMONG
                    and tokens[q.first - 4].low in ("the", "those")) or q.last + 1 < n and tokens[q.last].low == "of" and tokens[q.last + 1].low in ("them", "whom") and index > 0:
            f.part_of, f.how = True, "subset"
        elif q.last + 2 < n and tokens[q.last].low == "of" and tokens[q.last + 1].low in ("the", "those") \
                and tokens[q.last + 2].low in _SUBSET_AMONG:
            # "four of the dead were children": a share, category from "dead" below; but "two
            # of the wounded later died" are new deaths.
            later = after_cue(tokens, q.last + 3, refugee)
            group_word = tokens[q.last + 2].low
            if later is not None and later[0] != _SUBSET_CATEGORY.get(group_word):
                f.category, f.how, f.group = later[0], "after", later[1]
                continue
            f.part_of = True
        if q.last + 1 < n and tokens[q.last].low == "of" and index + 1 < len(found) and \
                found[index + 1].quantity.first in (q.last + 1, q.last + 2):
            f.dropped = True  # "two of the five men arrested": a share of the next figure
            continue
        if q.first >= 3 and prev_word == "," and tokens[q.first - 2].low in _APPOSED_GROUPS \
                and tokens[q.first - 3].low in ("the", "those"):
            # "The dead, more than 70 according to officials, were buried": the group's size
            f.category, f.how, f.group = _SUBSET_CATEGORY[tokens[q.first - 2].low], "before", q.first - 2
            continue
        toll = toll_cue(tokens, q)
        if toll is not None:
            category, head, earlier = toll
            if earlier:
                f.dropped = True
                nxt = found[index + 1] if index + 1 < len(found) else None
                if nxt is not None:  # "revised from 45 to 62", "rose from 25 to 40": the figure replaced
                    nxt.corrected_from = q.value
                continue
            f.category, f.how, f.group = category, f.how or "toll", head
            f.toll = True
            continue
        before = before_cue(tokens, q, f.np_end)
        if before is not None and not (f.np_end > q.last and not is_person_phrase(tokens, q.last, f.np_end)
                                       and any(t.low in NON_PERSON for t in tokens[q.last:f.np_end])):
            f.category, f.how, f.group = before[0], f.how or "before", before[1]
            f.victims = victims_text(tokens, q.last, f.np_end, text, offset)
            continue
        if q.first < inside_until:
            f.dropped = True  # a number inside an earlier figure's phrase ("from one family")
            continue
        j = skip_aside(tokens, f.np_end)
        if any(t.low in NON_PERSON for t in tokens[q.last:f.np_end]):
            continue
        after = after_cue(tokens, j, refugee)
        if after is None and j < n and tokens[j].low in _PHRASE_PREPOSITIONS:
            # "17 people from one family were also killed", "5 people in the village died"
            m = j + 1
            while m < n and m - j <= 7 and tokens[m].text[:1].isalnum() and tokens[m].low not in AUXILIARIES \
                    and tokens[m].low not in AFTER:
                m += 1
            if m < n and m - j <= 7 and (tokens[m].low in PASSIVE_AUX | {"have", "had", "has"}
                                         or tokens[m].low in _DIED):
                after = after_cue(tokens, m, refugee)
                if after is not None:
                    inside_until = m
        if after is not None:
            category, cue, passive = after
            if not passive and tokens[cue].low in BEFORE and is_active(tokens, cue, f.np_end > q.last):
                continue
            if tokens[cue].low in _NEEDS_PEOPLE and not is_person_phrase(tokens, q.last, f.np_end):
                continue  # "two meetings were held", "200 trucks crossed"
            subject = {t.low for t in tokens[q.last:f.np_end]}
            if (tokens[cue].low in MOVEMENT | {"come"} or category == DISPLACED) and subject & COMBATANTS:
                continue  # troops entering a town or taking cover are not refugees
            if tokens[cue].low in CROSSING | _SHELTER and not refugee and subject & TRAVELLERS:
                continue  # tourists crossing a border, delegates sheltering in a hotel
            if category == DETAINED and released(tokens, q.first, cue):
                continue
            f.category, f.how, f.group = category, f.how or "after", cue
            # "bringing to more than 200 the number killed": a cumulative toll
            f.toll = any(t.low in GENERIC_HEADS or t.low == "toll" for t in tokens[q.last:f.np_end])
            if any(t.low == "among" and tokens[m - 1].low in PASSIVE_AUX for m, t in
                   enumerate(tokens[f.np_end:cue], start=f.np_end)):
                f.part_of = True  # "two journalists were among those killed", not ", among them three"
            f.victims = victims_text(tokens, q.last, f.np_end, text, offset)
    covered = {t for f in found if f.category for t in range(f.quantity.first, f.np_end)}
    numbered = {f.quantity.first for f in found if not f.dropped}
    found = sorted(found + singulars(tokens, text, offset, covered, refugee, numbered),
                   key=lambda f: f.quantity.start)
    resolve_subsets(found)
    coordinate(found, tokens, text, offset)
    resolve_generic(found)
    resolve_subsets(found)
    kept = [f for f in found if f.category and not f.dropped]
    for f in kept:
        f.additional = is_additional(tokens, f)
        f.part_of = f.part_of or _after_alone(tokens, f.quantity.first)
    # Figures separated by a speech verb are separate claims ("the army said it killed 20
    # militants, while the ministry said 32 Palestinians were killed"): never added up.
    for f, nxt in pairwise(kept):
        between = tokens[f.quantity.last:nxt.quantity.first]
        nxt.claim = f.claim + (1 if any(t.low in _SPEECH for t in between) else 0)
    for f in kept:
        if f.victims is None and f.how != "single":
            f.victims = victims_text(tokens, f.quantity.last, f.np_end, text, offset)
    return kept


def read_sentence(text: str, offset: int = 0, refugee_context: bool = False) -> list[Found]:
    """All figures of one sentence, in order (internal form; see extract_casualties).

    `refugee_context` says the paragraph is about flight or refugees, so that movement verbs
    ("3,000 Rohingya arrived", "thousands crossed into Poland") count as displacement.
    """
    if not has_cue(text):
        return []
    refugee = refugee_context or is_refugee_context(text)
    return _read_sentence(tokenize(text, offset), text, offset, refugee)


def read_cued_sentence(text: str, offset: int, refugee: bool) -> list[Found]:
    """`read_sentence` for a caller that has already checked `has_cue(text)` and decided
    `refugee` (REFUGEE_CONTEXT in the sentence or its paragraph) itself."""
    return _read_sentence(tokenize(text, offset), text, offset, refugee)

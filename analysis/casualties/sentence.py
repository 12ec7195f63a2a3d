"""Reading one sentence: find its numbers, drop those that are dates, times, money, ages or
measurements, tie each to a category (toll phrase, verb before, participle after), then link
coordinated numbers, subsets and corrections ("two, not 20 as initially reported")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple

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
from analysis.casualties.numbers import QUANTITY_OPENERS, TENS, UNITS, Quantity, parse_quantity
from analysis.casualties.reading import (
    GENERIC_HEADS,
    NP_STOPS,
    Found,
    after_cue,
    before_cue,
    day_of_month,
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
_NEEDS_PEOPLE = frozenset({"fell", "held", "took", "taken", "sheltering", "cross", "crossed", "crossing", "entered", "entering", "arrived", "arriving"})
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
    if _in_an_age_list(tokens, q.first):
        return False
    if q.last + 1 < n and tokens[q.last].low == "-" and tokens[q.last + 1].low in UNIT_WORDS:
        return False
    if q.last + 2 < n and tokens[q.last].low == "of" and tokens[q.last + 1].low == "the" \
            and _SUPERLATIVE.match(tokens[q.last + 2].low):
        return False  # "one of the deadliest": a ranking, not a count
    return not _is_bare_year(tokens, q)


def _in_an_age_list(tokens: Sequence[Token], first: int) -> bool:
    """Whether the number at `first` continues a list of ages ("aged nine and 12", "aged 6,
    8 and 11"): only numbers, commas and "and" back to "aged" or "ages"."""
    for k in range(first - 1, max(first - 12, -1), -1):
        word = tokens[k].low
        if word in ("aged", "ages"):
            return k < first - 1
        if not (word in (",", "and") or word.isdigit() or word in UNITS or word in TENS):
            return False
    return False


def _is_bare_year(tokens: Sequence[Token], q: Quantity) -> bool:
    """A year on its own ("In 2019, 12 people ..."), not a count with people or a cue after it
    ("2000 people", "2000 died")."""
    word = tokens[q.first].text
    if not (q.last == q.first + 1 and len(word) == 4 and word.isdigit() and 1900 <= int(word) <= 2100):
        return False
    nxt = tokens[q.last].low if q.last < len(tokens) else ""
    return not (nxt in PERSON_PLURAL or nxt in AFTER)


def _after_alone(tokens: Sequence[Token], first: int) -> bool:
    """"The main hospital alone received 22 bodies", "In the city alone, 40 died": one place's
    share of a larger toll, a subset that never adds. A count joined by "and" to one such
    share is the same place's ("the hospital alone received 29 bodies and treated 93 wounded")."""
    for k in range(first - 1, max(first - _ALONE_REACH, 0) - 1, -1):
        word = tokens[k].low
        if word == "alone":
            return True
        if word[:1].isdigit():
            return any(tokens[j].low == "and" for j in range(k + 1, first)) and _after_alone(tokens, k)
        if word in (";", ":", "while", "but") or (word == "," and tokens[k - 1].low != "alone"):
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


class _Sentence(NamedTuple):
    """The sentence being read: its tokens, its text and where that starts in the document, and
    whether it (or its paragraph) is about refugees."""

    tokens: list[Token]
    text: str
    offset: int
    refugee: bool

    def victims(self, last: int, np_end: int) -> str | None:
        """The victims' words of the figure whose noun phrase is tokens [last, np_end)."""
        return victims_text(self.tokens, last, np_end, self.text, self.offset)


class _Number(NamedTuple):
    """A count in the sentence and the end (exclusive) of the noun phrase after it."""

    quantity: Quantity
    np_end: int


class Tie(NamedTuple):
    """What reading one number decided: its category and how it was tied (the fields of
    `Found`), or that it is dropped; and what it says of its neighbours: "two, not 20"
    corrects the figure before it, "rose from 25 to 40" is replaced by the one after."""

    category: str | None = None
    how: str = ""
    group: int = -1
    part_of: bool = False
    toll: bool = False
    victims: str | None = None
    dropped: bool = False
    corrects_previous: bool = False
    replaced_by_next: bool = False


_UNTIED = Tie()
_CORRECTION = Tie(dropped=True, corrects_previous=True)


def _read_sentence(tokens: list[Token], text: str, offset: int, refugee: bool) -> list[Found]:
    """The sentence's figures: each number tied on its own, the singular victims added ("a
    child was killed"), the figures linked to each other, then what only the kept figures need."""
    sentence = _Sentence(tokens, text, offset, refugee)
    numbers = [_Number(q, noun_phrase_end(tokens, q.last, stops=NP_STOPS)) for q in _quantities(tokens, text, offset)]
    found = _with_singulars(_tie_numbers(sentence, numbers), sentence)
    _link(found, sentence)
    kept = [f for f in found if f.category and not f.dropped]
    _mark_additions_and_shares(kept, tokens)
    _number_claims(kept, tokens)
    _fill_victims(kept, sentence)
    return kept


def _tie_numbers(sentence: _Sentence, numbers: list[_Number]) -> list[Found]:
    """One `Found` per number, from its `Tie` (the records are filled here only, then handed
    to the linking steps, which work on them in place). A number inside an earlier figure's
    phrase ("17 people from one family were killed") is not a figure, so the reach of the last
    phrase read is carried from number to number."""
    found = [Found(number.quantity, np_end=number.np_end) for number in numbers]
    inside_until = -1
    for index, number in enumerate(numbers):
        tie, inside_until = _tie_number(sentence, numbers, index, inside_until)
        f = found[index]
        f.category, f.how, f.group, f.part_of, f.toll, f.victims, f.dropped = (
            tie.category, tie.how, tie.group, tie.part_of, tie.toll, tie.victims, tie.dropped)
        q = number.quantity
        if tie.corrects_previous:
            found[index - 1].corrected_from = q.value if q.value is not None else q.low
        if tie.replaced_by_next and index + 1 < len(found):
            found[index + 1].corrected_from = q.value
    return found


def _tie_number(sentence: _Sentence, numbers: list[_Number], index: int, inside_until: int) -> tuple[Tie, int]:
    """How number `index` is tied, and how far the phrases read so far reach. The readers are
    asked from the most specific (a correction, a named group's members) to the cues around."""
    tokens = sentence.tokens
    number = numbers[index]
    q = number.quantity
    if index > 0 and _is_correction(tokens, q):
        return _CORRECTION, inside_until
    prev_word, prev2 = _words_before(tokens, q)
    breakdown = q.last < len(tokens) and tokens[q.last].low in AFTER  # "the casualties included 12 dead"
    member = None if breakdown else _member_of_named_group(sentence, number)
    if member is not None:
        return member, inside_until
    marked = _UNTIED
    if _is_subset_phrase(tokens, q, index, prev_word, prev2, breakdown):
        marked = Tie(part_of=True, how="subset")
    elif _is_share_of_the_group(tokens, q):
        died_later = _died_later(sentence, q)
        if died_later is not None:
            return died_later, inside_until
        marked = Tie(part_of=True)
    tie = _tie_by_neighbours(sentence, numbers, index, marked, prev_word)
    if tie is not None:
        return tie, inside_until
    if q.first < inside_until:
        return marked._replace(dropped=True), inside_until  # a number inside an earlier figure's phrase
    return _tie_by_cue_after(sentence, number, marked, inside_until)


def _is_correction(tokens: Sequence[Token], q: Quantity) -> bool:
    """"two, not 20 as initially reported": this number is the wrong figure."""
    return q.first >= 2 and tokens[q.first - 1].low == "not" and tokens[q.first - 2].low == ","


def _words_before(tokens: Sequence[Token], q: Quantity) -> tuple[str, str]:
    """The two words before the number, skipping a determiner after "including" ("including
    the six attackers")."""
    prev_word = tokens[q.first - 1].low if q.first > 0 else ""
    prev2 = tokens[q.first - 2].low if q.first > 1 else ""
    if prev_word in ("the", "his", "her", "their", "its") and prev2 in _SUBSET_BEFORE:
        prev_word = prev2
    return prev_word, prev2


def _member_of_named_group(sentence: _Sentence, number: _Number) -> Tie | None:
    """Members of a group named before: "the dead included 3 women": a subset of the dead."""
    q = number.quantity
    group_at = _included_in(sentence.tokens, q.first)
    if group_at is None:
        return None
    return Tie(part_of=True, how="subset", category=_SUBSET_CATEGORY[sentence.tokens[group_at].low],
               group=group_at, victims=sentence.victims(q.last, number.np_end))


def _is_subset_phrase(tokens: Sequence[Token], q: Quantity, index: int, prev_word: str, prev2: str,
                      breakdown: bool) -> bool:
    """A share of a figure given before: "including six", "among them three", "the dead were
    four ...", "two of them"."""
    n = len(tokens)
    return (prev_word in _SUBSET_BEFORE and not breakdown) or (prev_word in ("them", "whom") and prev2 == "among") \
        or (prev2 in ("were", "was", "are", "included") and q.first > 3 and tokens[q.first - 3].low in _SUBSET_AMONG
            and tokens[q.first - 4].low in ("the", "those")) \
        or q.last + 1 < n and tokens[q.last].low == "of" and tokens[q.last + 1].low in ("them", "whom") and index > 0


def _of_the_group(tokens: Sequence[Token], q: Quantity) -> int | None:
    """Where "of" stands in "four of the dead", "three more of the wounded"; None otherwise."""
    k = q.last + 1 if q.last < len(tokens) and tokens[q.last].low == "more" else q.last
    if k + 2 < len(tokens) and tokens[k].low == "of" and tokens[k + 1].low in ("the", "those") \
            and tokens[k + 2].low in _SUBSET_AMONG:
        return k
    return None


def _is_share_of_the_group(tokens: Sequence[Token], q: Quantity) -> bool:
    """"four of the dead were children": a share of a group, typed from the group's word."""
    return _of_the_group(tokens, q) is not None


def _died_later(sentence: _Sentence, q: Quantity) -> Tie | None:
    """"two of the wounded later died", "three more of the wounded died": new figures of
    another category, not a share."""
    of = _of_the_group(sentence.tokens, q)
    if of is None:
        return None
    later = after_cue(sentence.tokens, of + 3, sentence.refugee)
    group_word = sentence.tokens[of + 2].low
    if later is not None and later[0] != _SUBSET_CATEGORY.get(group_word):
        return Tie(category=later[0], how="after", group=later[1])
    return None


def _tie_by_neighbours(sentence: _Sentence, numbers: list[_Number], index: int, marked: Tie,
                       prev_word: str) -> Tie | None:
    """The readings the words right around the number decide: a share of the next figure, a
    group's size set off by commas, a toll phrase, a cue before the number."""
    tokens = sentence.tokens
    number = numbers[index]
    q = number.quantity
    if q.last + 1 < len(tokens) and tokens[q.last].low == "of" and index + 1 < len(numbers) and \
            numbers[index + 1].quantity.first in (q.last + 1, q.last + 2):
        return marked._replace(dropped=True)  # "two of the five men arrested": a share of the next figure
    if q.first >= 3 and prev_word == "," and tokens[q.first - 2].low in _APPOSED_GROUPS \
            and tokens[q.first - 3].low in ("the", "those"):
        # "The dead, more than 70 according to officials, were buried": the group's size
        return marked._replace(category=_SUBSET_CATEGORY[tokens[q.first - 2].low], how="before", group=q.first - 2)
    if _revised_from(tokens, q, numbers, index):
        return marked._replace(dropped=True, replaced_by_next=True)
    toll = toll_cue(tokens, q)
    if toll is not None:
        category, head, earlier = toll
        if earlier:  # "revised from 45 to 62", "rose from 25 to 40": the figure replaced
            return marked._replace(dropped=True, replaced_by_next=True)
        return marked._replace(category=category, how=marked.how or "toll", group=head, toll=True)
    return _tie_by_cue_before(sentence, number, marked)


_REVISING = frozenset("revised revising raised raising rose risen rising climbed increased jumped lowered "
                      "updated corrected amended".split())


def _revised_from(tokens: Sequence[Token], q: Quantity, numbers: list[_Number], index: int) -> bool:
    """"revised its count for the raid on Sofara, on 6 May, from 21 to 26 people killed": the
    number after "from", with "to" and the next number right after it, is the figure a revision
    replaced, when a verb of revision comes before it with no other count between (a toll
    phrase without a toll word)."""
    if q.first < 2 or tokens[q.first - 1].low != "from" or index + 1 >= len(numbers):
        return False
    if q.last >= len(tokens) or tokens[q.last].low != "to" or numbers[index + 1].quantity.first != q.last + 1:
        return False
    for k in range(q.first - 2, max(q.first - 45, -1), -1):
        word = tokens[k].low
        if word in _REVISING:
            return True
        if word in (";", ":", ".") or (word[:1].isdigit() and not day_of_month(tokens, k)):
            return False  # a clause break, or another count ("on 4 November" is no count)
    return False


def _tie_by_cue_before(sentence: _Sentence, number: _Number, marked: Tie) -> Tie | None:
    """A verb or noun before the number ("killed 12 people", "the deaths of 4"), unless the
    noun phrase after it is things, not people."""
    tokens = sentence.tokens
    q, np_end = number
    before = before_cue(tokens, q, np_end)
    if before is None or (np_end > q.last and not is_person_phrase(tokens, q.last, np_end)
                          and any(t.low in NON_PERSON for t in tokens[q.last:np_end])):
        return None
    if tokens[before[1]].low in ("lost", "losing") and np_end < len(tokens) and tokens[np_end].low in AFTER:
        return None  # "lost 1,060 troops killed or wounded": the words after say what happened
    return marked._replace(category=before[0], how=marked.how or "before", group=before[1],
                           victims=sentence.victims(q.last, np_end))


def _tie_by_cue_after(sentence: _Sentence, number: _Number, marked: Tie, inside_until: int) -> tuple[Tie, int]:
    """A verb after the number's noun phrase ("12 people were killed", "5 people in the village
    died"), unless the subject is things, troops or travellers, or the detained were released.
    Also returns how far the phrase read reaches."""
    tokens = sentence.tokens
    q, np_end = number
    j = skip_aside(tokens, np_end)
    if any(t.low in NON_PERSON for t in tokens[q.last:np_end]):
        return marked, inside_until
    after = after_cue(tokens, j, sentence.refugee)
    if after is None:
        after, inside_until = _cue_after_phrase(sentence, j, inside_until)
    if after is None or not _cue_fits_subject(sentence, number, after):
        return marked, inside_until
    category, cue, _ = after
    # "two journalists were among those killed", not ", among them three"
    among = any(t.low == "among" and tokens[m - 1].low in PASSIVE_AUX for m, t in
                enumerate(tokens[np_end:cue], start=np_end))
    return marked._replace(
        category=category, how=marked.how or "after", group=cue,
        # "bringing to more than 200 the number killed": a cumulative toll
        toll=any(t.low in GENERIC_HEADS or t.low == "toll" for t in tokens[q.last:np_end]),
        part_of=marked.part_of or among, victims=sentence.victims(q.last, np_end),
    ), max(inside_until, np_end)  # "Five members of one family were killed": the "one" is inside the phrase


def _cue_after_phrase(sentence: _Sentence, j: int, inside_until: int) -> tuple[tuple[str, int, bool] | None, int]:
    """"17 people from one family were also killed", "5 people in the village died": the verb
    after a short prepositional phrase. Also returns how far that phrase reaches."""
    tokens = sentence.tokens
    n = len(tokens)
    if not (j < n and tokens[j].low in _PHRASE_PREPOSITIONS):
        return None, inside_until
    m = j + 1
    while m < n and m - j <= 7 and tokens[m].text[:1].isalnum() and tokens[m].low not in AUXILIARIES \
            and tokens[m].low not in AFTER:
        m += 1
    if m < n and m - j <= 7 and (tokens[m].low in PASSIVE_AUX | {"have", "had", "has"} or tokens[m].low in _DIED):
        after = after_cue(tokens, m, sentence.refugee)
        if after is not None:
            return after, m
    return None, inside_until


def _cue_fits_subject(sentence: _Sentence, number: _Number, after: tuple[str, int, bool]) -> bool:
    """False when the cue after the number does not make its subject victims: an active verb
    the subject did, "two meetings were held", troops entering a town, tourists crossing a
    border, detainees released."""
    tokens = sentence.tokens
    q, np_end = number
    category, cue, passive = after
    word = tokens[cue].low
    if not passive and word in BEFORE and is_active(tokens, cue, np_end > q.last):
        return False
    if word in _NEEDS_PEOPLE and not is_person_phrase(tokens, q.last, np_end):
        return False  # "two meetings were held", "200 trucks crossed"
    subject = {t.low for t in tokens[q.last:np_end]}
    if (word in MOVEMENT | {"come"} or category == DISPLACED) and subject & COMBATANTS:
        return False  # troops entering a town or taking cover are not refugees
    if word in CROSSING | _SHELTER and not sentence.refugee and subject & TRAVELLERS:
        return False  # tourists crossing a border, delegates sheltering in a hotel
    return not (category == DETAINED and released(tokens, q.first, cue))


def _with_singulars(found: list[Found], sentence: _Sentence) -> list[Found]:
    """The numbered figures and the singular victims ("a child was killed") outside their
    phrases, in text order."""
    covered = {t for f in found if f.category for t in range(f.quantity.first, f.np_end)}
    numbered = {f.quantity.first for f in found if not f.dropped}
    singles = singulars(sentence.tokens, sentence.text, sentence.offset, covered, sentence.refugee, numbered)
    return sorted(found + singles, key=lambda f: f.quantity.start)


def _link(found: list[Found], sentence: _Sentence) -> None:
    """Link the figures to each other in place (see analysis.casualties.linking): subsets,
    coordinated numbers sharing a cue, generic figures, then subsets again."""
    resolve_subsets(found)
    coordinate(found, sentence.tokens, sentence.text, sentence.offset)
    resolve_generic(found)
    resolve_subsets(found)


def _mark_additions_and_shares(kept: list[Found], tokens: Sequence[Token]) -> None:
    """"another 5 died" adds to a toll; "the hospital alone received 22 bodies" is one place's
    share of a larger one, and so are the deaths that explain a revision in the sentence."""
    explaining = _explaining_a_revision(kept)
    for f in kept:
        f.additional = is_additional(tokens, f)
        f.part_of = f.part_of or _after_alone(tokens, f.quantity.first) or id(f) in explaining


def _explaining_a_revision(kept: list[Found]) -> set[int]:
    """The figures (by id) that explain a revision of the sentence: "revised from 14 to 17 people
    killed, after three more bodies were found", or "from 16 to 21, after three of the wounded
    died and two bodies were found". The difference the revision adds is one figure of its
    category after it, or all of them together; they are inside its new figure."""
    explaining: set[int] = set()
    for position, revision in enumerate(kept):
        if revision.corrected_from is None or revision.quantity.value is None:
            continue
        added = revision.quantity.value - revision.corrected_from
        after = [f for f in kept[position + 1:] if f.corrected_from is None and f.category == revision.category
                 and f.quantity.value is not None]
        single = [f for f in after if f.quantity.value == added]
        if single:
            explaining.add(id(single[0]))
        elif after and sum(f.quantity.value for f in after) == added:
            explaining.update(id(f) for f in after)
    return explaining


def _number_claims(kept: list[Found], tokens: Sequence[Token]) -> None:
    """Figures separated by a speech verb are separate claims ("the army said it killed 20
    militants, while the ministry said 32 Palestinians were killed"): never added up."""
    for f, nxt in pairwise(kept):
        between = tokens[f.quantity.last:nxt.quantity.first]
        nxt.claim = f.claim + (1 if any(t.low in _SPEECH for t in between) else 0)


def _fill_victims(kept: list[Found], sentence: _Sentence) -> None:
    """The victims' words of every kept figure the readers did not describe."""
    for f in kept:
        if f.victims is None and f.how != "single":
            f.victims = sentence.victims(f.quantity.last, f.np_end)


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

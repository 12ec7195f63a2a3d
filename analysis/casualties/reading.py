"""Reading the words around one number: which cue ties it to a category.

A cue can sit before the number ("killing eight", "the deaths of 12", "the death toll rose to
62") or after it and its noun phrase ("eight people were killed", "18 dead", "30 sustained
injuries"). Each reader returns the category and the index of its cue word, or None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from analysis.casualties.cues import (
    AFTER,
    AFTER_NEEDS_NEXT,
    AUXILIARIES,
    BEFORE,
    BEFORE_PERSON_ONLY,
    CROSSING,
    DETAINED,
    DISPLACED,
    DISPLACING_VERBS,
    INJURED,
    KILLED,
    MOVEMENT,
    NOUN_OF,
    NUMBER_OF,
    PASSIVE_AUX,
    TOLL_LINKS,
    combined_category,
)
from analysis.casualties.numbers import TENS, UNITS, Quantity, parse_quantity
from analysis.casualties.tokens import Token
from analysis.casualties.victims import MONTHS, PERSON_PLURAL, is_person_phrase

NP_STOPS = frozenset(AFTER) | frozenset(AFTER_NEEDS_NEXT) | MOVEMENT | AUXILIARIES | {
    "lives", "hostage", "captive", "prisoner"}
_DETERMINERS = frozenset("the his her their its all another a an further additional".split())
_COLLECTIVES = frozenset({"family", "total", "group", "crowd", "number"})
_OBJECT_START = frozenset("the a an his her their its him them themselves himself at".split())
_NOT_AFTER_LIVES = frozenset({"saved", "saving", "save", "saves"})
_ADVERB = re.compile(r"[a-z]{3,}ly$")  # "seriously injured", "reportedly killed"
_MODALS = frozenset({"could", "might", "may", "would", "will", "can", "should"})
_CLAUSE_BREAKS = frozenset({",", ";", ":", ".", "(", ")", "—", "–", "while", "but", "whereas"})
_RELEASE = frozenset(
    "released releasing freed freeing rescued rescuing exchanged exchanging swapped returned "
    "repatriated handed".split())
_ASIDE_OPENERS = frozenset(
    "including among most mostly many mainly all both some several almost nearly majority the a "
    "an one two three ages aged according who mainly".split())
_HELD_NOUNS = frozenset({"hostages", "detainees", "prisoners", "captives"})
_CARRIED = frozenset({"brought", "taken", "admitted", "rushed", "hospitalised", "hospitalized", "treated"})
_WOUNDS = frozenset({"injuries", "wounds", "burns", "gunshot", "shrapnel", "bullet", "serious", "severe", "minor"})
_RISE = frozenset(
    "rose risen rises climbed climbs reached reach stood stand stands jumped increased hit "
    "topped passed surpassed exceeded soared mounted grew now have has had".split())
_ALIVE_KILLING = frozenset({"burned", "burnt", "burning", "buried", "burying"})
GENERIC_HEADS = frozenset({"number", "numbers", "tally", "count", "total", "figure", "figures"})


@dataclass
class Found:
    """A quantity tied to a category while a sentence is being read.

    `how` records which reader tied it (before, after, toll, subset, inherited, single), `np_end`
    the token after its noun phrase, `group` the index of the cue it shares with coordinated
    numbers, `dropped` a number ruled out late (a corrected figure, a share of another).
    """

    quantity: Quantity
    category: str | None = None
    how: str = ""  # before | after | toll | subset | inherited
    np_end: int = 0
    victims: str | None = None
    part_of: bool = False
    corrected_from: int | None = None
    group: int = -1
    dropped: bool = False
    toll: bool = False
    claim: int = 0
    additional: bool = False


def before_cue(tokens: Sequence[Token], q: Quantity, np_end: int) -> tuple[str, int] | None:
    """A verb or "noun of" right before the quantity: (category, cue index)."""
    k = _word_before_object(tokens, q)
    if k < 0:
        return None
    verb = verb_before(tokens, k)
    if verb is not None:
        return verb
    word = tokens[k].low
    if word == "up" and k > 0 and tokens[k - 1].low == "rounded" and is_person_phrase(tokens, q.last, np_end):
        return DETAINED, k
    if word in BEFORE_PERSON_ONLY:
        return _person_only_cue(tokens, q, np_end, k)
    if word in DISPLACING_VERBS and _made_to_flee(tokens, np_end):
        return DISPLACED, k
    if word == "of" and k > 0:
        return _noun_of_cue(tokens, k)
    return None


def _word_before_object(tokens: Sequence[Token], q: Quantity) -> int:
    """The index of the word that may be the cue before the quantity, past determiners ("killed
    the 12"), "himself and" ("killing himself and 11 others") and "a family of" / "a total
    of" ("killed a family of five"); below 0 when the sentence starts first."""
    k = q.first - 1
    while k >= 0 and tokens[k].low in _DETERMINERS:
        k -= 1
    if k >= 1 and tokens[k].low == "and" and tokens[k - 1].low in ("himself", "herself", "themselves"):
        k -= 2
    if k >= 2 and tokens[k].low == "of" and tokens[k - 1].low in _COLLECTIVES and tokens[k - 2].low in ("a", "an", "the"):
        k -= 3
    return k


def _person_only_cue(tokens: Sequence[Token], q: Quantity, np_end: int, k: int) -> tuple[str, int] | None:
    """A verb that counts only people ("captured 30 villagers", not "seized 30 trucks"; "lost 12
    soldiers", not "lost 3 vehicles"); "took or held 12" needs "hostage/captive/prisoner" after
    the noun phrase."""
    word = tokens[k].low
    if word in ("took", "taking", "taken", "held", "holding"):
        after = tokens[np_end].low if np_end < len(tokens) else ""
        return (DETAINED, k) if after in ("hostage", "captive", "prisoner", "hostages") else None
    if q.last < np_end and is_person_phrase(tokens, q.last, np_end):
        return BEFORE_PERSON_ONLY.get(word, DETAINED), k
    return None


def _made_to_flee(tokens: Sequence[Token], np_end: int) -> bool:
    """After a displacing verb's object: "(forcing 300 families) to flee/leave/evacuate/abandon/
    seek", "from (their homes)", "out", "fleeing"."""
    if np_end + 1 >= len(tokens):
        return False
    nxt, nxt2 = tokens[np_end].low, tokens[np_end + 1].low
    return (nxt == "to" and nxt2 in ("flee", "leave", "evacuate", "abandon", "seek")) or nxt in ("from", "out", "fleeing")


def _noun_of_cue(tokens: Sequence[Token], of: int) -> tuple[str, int] | None:
    """"the deaths of 12", "the abduction of 30": the noun before "of" names the category;
    "saved the lives of 40" names no casualty."""
    noun = tokens[of - 1].low
    if noun not in NOUN_OF:
        return None
    if noun == "lives" and of > 1 and tokens[of - 2].low in _NOT_AFTER_LIVES:
        return None
    return NOUN_OF[noun], of


def verb_before(tokens: Sequence[Token], k: int) -> tuple[str, int] | None:
    """A casualty verb ending at token k, whose object follows: "killing", "wounded",
    "killed or wounded" (a combined count), "shot dead", "gunned down". (category, cue index)."""
    if k < 0:
        return None
    word = tokens[k].low
    if word in BEFORE:
        if k >= 2 and tokens[k - 2].low in BEFORE:  # "killed or wounded 45"
            combined = combined_category(tokens[k - 2].low, tokens[k - 1].low, word)
            if combined:
                return combined, k
        return BEFORE[word], k
    if word == "dead" and k > 0 and tokens[k - 1].low in ("shot", "shooting"):
        return KILLED, k
    if word == "alive" and k > 0 and tokens[k - 1].low in _ALIVE_KILLING:
        return KILLED, k  # "burned alive six villagers"
    if word == "down" and k > 0 and tokens[k - 1].low == "gunned":
        return KILLED, k
    if word == "death" and k > 1 and tokens[k - 1].low == "to" and tokens[k - 2].text.isalpha():
        return KILLED, k  # "burning to death a woman"
    return None


def toll_cue(tokens: Sequence[Token], q: Quantity) -> tuple[str | None, int, bool] | None:
    """A toll phrase before the quantity: (category, head index, is an earlier value).

    "the death toll (from Sunday's attack) rose to 62", "put the number of dead at 31". A
    generic head ("put the figure at 23") comes back with category None: it takes the
    category of the sentence's other figures.
    """
    k = q.first - 1
    if k < 0 or tokens[k].low not in TOLL_LINKS:
        return None
    earlier = tokens[k].low == "from"
    steps = 0
    while k >= 0 and steps < 24:
        aside = _place_aside_start(tokens, k) if tokens[k].low == "," else None
        if aside is not None:  # "the death toll from the attack on Djibo, in Soum province, stands at 44"
            k, steps = aside - 1, steps + 1
            continue
        if _ends_the_toll_phrase(tokens, k, steps):
            return None
        head = _toll_head(tokens, k, steps)
        if head is not None:
            return head[0], head[1], earlier
        k -= 1
        steps += 1
    return None


def _ends_the_toll_phrase(tokens: Sequence[Token], k: int, steps: int) -> bool:
    """Walking back from the quantity, the toll phrase cannot reach past a clause break or
    another number (unless it is a date or follows "from": "rose from 40 to 62")."""
    word = tokens[k].low
    return word in _CLAUSE_BREAKS or bool(
        steps and word[:1].isdigit() and tokens[k - 1].low != "from" and not day_of_month(tokens, k)
        and not _numbers_a_name(tokens, k))


def _numbers_a_name(tokens: Sequence[Token], k: int) -> bool:
    """Whether the number at k is part of a name ("Police District 13", "Highway 1"): it comes
    right after a capitalised word that opens no sentence."""
    return k > 1 and tokens[k - 1].text[:1].isupper() and tokens[k - 2].text[:1].isalpha() \
        and tokens[k - 1].low not in MONTHS


def _toll_head(tokens: Sequence[Token], k: int, steps: int) -> tuple[str | None, int] | None:
    """The head of a toll phrase at token k, `steps` words before the quantity: "(death/injury)
    toll", "deaths rose", "the number of dead", or a generic "the figure" (category None)."""
    word = tokens[k].low
    if word == "toll":
        prev = tokens[k - 1].low if k > 0 else ""
        return (INJURED if prev in ("injury", "injuries") else KILLED), k
    if word in ("fatalities", "deaths") and k + 1 < len(tokens) and tokens[k + 1].low in _RISE:
        return KILLED, k
    if word in NUMBER_OF:
        head = _number_of_head(tokens, k, steps)
        if head is not None:
            return head
    if word in GENERIC_HEADS and k > 0 and tokens[k - 1].low in ("the", "this", "that") \
            and (k + 1 >= len(tokens) or tokens[k + 1].low != "of"):
        return None, k
    return None


def _number_of_head(tokens: Sequence[Token], k: int, steps: int) -> tuple[str, int] | None:
    """A casualty word at k read as a count: "... deaths to 23,084 and injuries to 58,926"
    (right after "and", one word before the quantity), or "the number/tally of (the) dead"
    (the generic head is the head)."""
    word = tokens[k].low
    if steps == 1 and k > 0 and tokens[k - 1].low == "and" and tokens[k + 1].low in ("to", "at"):
        return NUMBER_OF[word], k
    for m in range(k - 1, max(k - 4, -1), -1):
        if tokens[m].low == "of" and m > 0 and tokens[m - 1].low in GENERIC_HEADS:
            return NUMBER_OF[word], m - 1
    return None


_CAPTORS = frozenset("kidnappers captors abductors hostage-takers".split())


def _in_captors_hands(tokens: Sequence[Token], j: int) -> bool:
    """Whether tokens[j:] read "in the hands of (their) kidnappers/captors/abductors"."""
    words = [t.low for t in tokens[j:j + 6]]
    return words[:4] == ["in", "the", "hands", "of"] and any(w in _CAPTORS for w in words[4:6])


def day_of_month(tokens: Sequence[Token], k: int) -> bool:
    """Whether the number at k is a day of a month ("the 2 March attack", "March 2")."""
    return (k + 1 < len(tokens) and tokens[k + 1].low in MONTHS) or (k > 0 and tokens[k - 1].low in MONTHS)


_PLACE_ASIDE = frozenset({"in", "near", "outside", "north", "south", "east", "west", "northeast", "northwest",
                          "southeast", "southwest"})


def _place_aside_start(tokens: Sequence[Token], comma: int) -> int | None:
    """The index of the opening comma when tokens[comma] closes a short place aside (", in Soum
    province,"); else None."""
    for m in range(comma - 1, max(comma - 10, 0), -1):  # ", in the west of Taiz governorate,"
        if tokens[m].low == ",":
            return m if tokens[m + 1].low in _PLACE_ASIDE and m + 1 < comma else None
        if not tokens[m].text[:1].isalnum() and tokens[m].text != "'s":
            return None
    return None


Cue = tuple[str, int, bool]  # (category, cue index, saw a passive auxiliary)


class _Auxiliaries(NamedTuple):
    """What the auxiliaries and adverbs before a cue word said: where the word is, whether a
    passive auxiliary ("were", "been") came first, and whether "fatally" did."""

    end: int
    passive: bool
    fatally: bool


def after_cue(tokens: Sequence[Token], j: int, refugee: bool = False) -> Cue | None:
    """A cue at or after token j, past auxiliaries: (category, cue index, saw passive aux)."""
    n = len(tokens)
    if j + 1 < n and tokens[j].low == "to" and tokens[j + 1].low == "death":
        return KILLED, j + 1, False  # "stabbed a man to death": "to" is no auxiliary here
    aux = _skip_auxiliaries(tokens, j)
    if aux is None:
        return None
    j, passive = aux.end, aux.passive
    if aux.fatally and j < n and tokens[j].low in ("wounded", "injured", "shot", "stabbed", "hurt"):
        return KILLED, j, passive  # "fatally wounded"
    if j >= n:
        return None
    chained = _chained_cue_start(tokens, j) if passive else None
    if chained is not None:
        return after_cue(tokens, chained, refugee)
    return _cue_at(tokens, j, passive, refugee)


def _skip_auxiliaries(tokens: Sequence[Token], j: int) -> _Auxiliaries | None:
    """Step past up to six auxiliaries and -ly adverbs ("were reportedly", "have also been") to
    the word that may be the cue. None at a modal with no "have" after it: "thousands could
    die" is a fear, not a figure ("may have died" is one)."""
    n = len(tokens)
    passive = fatally = False
    steps = 0
    while j < n and (tokens[j].low in AUXILIARIES or _ADVERB.match(tokens[j].low)) and steps < 6:
        if tokens[j].low in _MODALS and j + 1 < n and tokens[j + 1].low != "have":
            return None
        passive = passive or tokens[j].low in PASSIVE_AUX
        fatally = fatally or tokens[j].low == "fatally"
        j += 1
        steps += 1
    return _Auxiliaries(j, passive, fatally)


def _chained_cue_start(tokens: Sequence[Token], j: int) -> int | None:
    """After a passive auxiliary and a word that is no cue, where a second verb joined by "and"
    starts ("were trapped and remain missing", "were hit by gunfire and killed"): the cue is
    read from there. None when no such "and" comes within a few words of the clause."""
    word = tokens[j].low
    if word in AFTER or word in AFTER_NEEDS_NEXT:
        return None
    for m in range(j + 1, min(j + 5, len(tokens) - 1)):
        if not tokens[m].text[:1].isalpha():
            break
        if tokens[m].low == "and" and (tokens[m + 1].low in AFTER or tokens[m + 1].low in AUXILIARIES):
            return m + 1
    return None


def _cue_at(tokens: Sequence[Token], j: int, passive: bool, refugee: bool) -> Cue | None:
    """The cue that starts at token j, the first word past the auxiliaries; the readers are
    tried in turn, and the first that decides wins."""
    word = tokens[j].low
    nxt = tokens[j + 1].low if j + 1 < len(tokens) else ""
    phrase = _fixed_phrase_cue(tokens, j, passive)
    if phrase is not None:
        return phrase
    if word == "among" and nxt in ("those", "the"):
        return _among_the_counted(tokens, j)
    if word in AFTER:
        return _after_word_cue(tokens, j, passive)
    if word == "lives":
        return KILLED, j, passive
    if word in AFTER_NEEDS_NEXT:
        if _verb_names_no_casualty(tokens, j):
            return None
        verb = _verb_with_next_word_cue(tokens, j, passive)
        if verb is not None:
            return verb
    if word in _CARRIED:
        carried = _carried_with_wounds(tokens, j, passive)
        if carried is not None:
            return carried
    return _death_flight_or_holding_cue(tokens, j, passive, refugee)


def _fixed_phrase_cue(tokens: Sequence[Token], j: int, passive: bool) -> Cue | None:
    """A set phrase: "(slashing 19 people) to death", "in custody/detention/captivity", "in the
    hands of their kidnappers". Being held counts as passive whatever came before."""
    word = tokens[j].low
    nxt = tokens[j + 1].low if j + 1 < len(tokens) else ""
    if word == "to" and nxt == "death":
        return KILLED, j + 1, passive
    if word == "in" and nxt in ("custody", "detention", "captivity"):
        return DETAINED, j + 1, True
    if word == "in" and _in_captors_hands(tokens, j):
        return DETAINED, j + 2, True
    return None


def _among_the_counted(tokens: Sequence[Token], j: int) -> Cue | None:
    """"were among the dead", "were among the 11 people killed": the cue word within a few
    words of "among the/those", before any punctuation."""
    for m in range(j + 2, min(j + 6, len(tokens))):
        if tokens[m].low in AFTER:
            return AFTER[tokens[m].low], m, True
        if not (tokens[m].text[:1].isalnum()):
            break
    return None


def _after_word_cue(tokens: Sequence[Token], j: int, passive: bool) -> Cue | None:
    """A cue word on its own ("killed", "injured", "missing"). Two of different categories
    joined ("killed or wounded", "dead and injured") are one combined count, or no category
    at all when they cannot combine."""
    n = len(tokens)
    word = tokens[j].low
    nxt = tokens[j + 1].low if j + 1 < n else ""
    if nxt in ("or", "and") and j + 2 < n and tokens[j + 2].low in AFTER and AFTER[tokens[j + 2].low] != AFTER[word]:
        combined = combined_category(word, nxt, tokens[j + 2].low)
        return (combined, j + 2, passive) if combined else None
    return AFTER[word], j, passive


def _verb_names_no_casualty(tokens: Sequence[Token], j: int) -> bool:
    """Verbs that need a next word but here name no casualty: "shot and" without a cue word
    after it ("shot and arrested"), and "escaped the police/guards/prison/jail"."""
    word = tokens[j].low
    if j + 2 >= len(tokens):
        return False
    nxt, follow = tokens[j + 1].low, tokens[j + 2].low
    if word == "shot" and nxt == "and":
        return follow not in AFTER
    return word == "escaped" and nxt == "the" and follow in ("police", "guards", "prison", "jail")


def _verb_with_next_word_cue(tokens: Sequence[Token], j: int, passive: bool) -> Cue | None:
    """A verb that is a cue only with the right next word ("shot dead", "left homeless",
    "sustained injuries"), or after a passive auxiliary ("were captured", "was shot"). Read
    once `_verb_names_no_casualty` has ruled the verb in."""
    n = len(tokens)
    word = tokens[j].low
    nxt = tokens[j + 1].low if j + 1 < n else ""
    if word == "shot" and nxt == "and" and j + 2 < n:
        follow = tokens[j + 2].low
        return (AFTER[follow], j, passive) if follow in AFTER else None  # "shot and killed"
    options = AFTER_NEEDS_NEXT[word]
    if nxt in options:
        return options[nxt], j, passive
    if word in ("captured", "seized") and passive:
        return DETAINED, j, passive
    if word == "shot" and passive and not (nxt == "to" and j + 2 < n and tokens[j + 2].low == "death"):
        return INJURED, j, passive
    return None


def _carried_with_wounds(tokens: Sequence[Token], j: int, passive: bool) -> Cue | None:
    """"31 were brought to hospital with injuries": taken somewhere with wounds named before
    any punctuation."""
    n = len(tokens)
    for m in range(j + 1, min(j + 8, n - 1)):
        if tokens[m].low == "with" and tokens[m + 1].low in _WOUNDS:
            return INJURED, m + 1, passive
        if not tokens[m].text[:1].isalnum():
            break
    return None


def _death_flight_or_holding_cue(tokens: Sequence[Token], j: int, passive: bool, refugee: bool) -> Cue | None:
    """The last readers: "(were) beaten to death", crossing a border, moving amid an exodus,
    still being held."""
    n = len(tokens)
    word = tokens[j].low
    nxt = tokens[j + 1].low if j + 1 < n else ""
    if nxt == "to" and j + 2 < n and tokens[j + 2].low == "death" and tokens[j].text.isalpha():
        return KILLED, j, passive
    flight = _flight_cue(tokens, j, passive, refugee)
    if flight is not None:
        return flight
    if word == "held" and passive and nxt not in _OBJECT_START:
        return DETAINED, j, passive  # "one person is still being held"
    return None


def _flight_cue(tokens: Sequence[Token], j: int, passive: bool, refugee: bool) -> Cue | None:
    """Crossing a border is flight anywhere; arriving or coming over only in a sentence about
    refugees, where the movers are not troops or travellers."""
    word = tokens[j].low
    nxt = tokens[j + 1].low if j + 1 < len(tokens) else ""
    if word in CROSSING and _to_border(tokens, j + 1):  # "have crossed into Bangladesh"
        return DISPLACED, j, passive
    if word in MOVEMENT and refugee:  # "scores of individuals entering Turkey" amid an exodus
        return DISPLACED, j, passive
    if word == "come" and nxt in ("across", "over") and refugee:
        return DISPLACED, j, passive
    return None


def _to_border(tokens: Sequence[Token], k: int) -> bool:
    """"into <place>", "the border", "over/across the border" right after a crossing verb."""
    if k >= len(tokens):
        return False
    if tokens[k].low == "into":
        return True
    return tokens[k].low in ("the", "a", "over", "across") and any(
        t.low in ("border", "frontier") for t in tokens[k + 1:k + 3])


def released(tokens: Sequence[Token], first: int, cue: int) -> bool:
    """True when the people counted are being freed ("rescued 50 hostages", "the 12 hostages
    were released"): a release is not a new detention."""
    lo = max(first - 3, 0)
    # After a noun ("hostages were released") the release is theirs; after a participle ("the
    # five men arrested were later released") the arrest still happened.
    hi = min(cue + 6, len(tokens)) if tokens[cue].low in _HELD_NOUNS else cue
    return any(t.low in _RELEASE for t in tokens[lo:hi])


def skip_aside(tokens: Sequence[Token], j: int) -> int:
    """Skip ", including three children," or ", most of them civilians," after a noun phrase."""
    n = len(tokens)
    if j + 1 < n and tokens[j].low in (",", "(", "—", "–") and (
            tokens[j + 1].low in _ASIDE_OPENERS or _opens_a_share(tokens, j + 1)):
        closers = [m for m in range(j + 1, min(j + 14, n)) if tokens[m].low in (",", ")", "—", "–")]
        # The aside ends at the comma the verb follows ("three girls, aged 6, 8 and 11, were").
        for m in closers:
            if m + 1 < n and (tokens[m + 1].low in AUXILIARIES or tokens[m + 1].low in AFTER):
                return m + 1
        if closers:
            return closers[0] + 1
    if j < n and tokens[j].low in ("including", "mostly", "mainly", "among"):
        # "eight civilians including children were killed"
        m = j + 1
        while m < n and m - j <= 5 and tokens[m].text[:1].isalpha() and tokens[m].low not in AUXILIARIES \
                and tokens[m].low not in AFTER:
            m += 1
        if m < n and (tokens[m].low in AUXILIARIES or tokens[m].low in AFTER):
            return m
    return j


def _opens_a_share(tokens: Sequence[Token], k: int) -> bool:
    """"five of them", "12 of whom", "nine of those": a share of the figure before it."""
    word = tokens[k].low
    return (word.isdigit() or word in UNITS or word in TENS) and k + 2 < len(tokens) \
        and tokens[k + 1].low == "of" and tokens[k + 2].low in ("them", "whom", "those", "these")


def is_active(tokens: Sequence[Token], cue: int, has_subject: bool) -> bool:
    """True when the cue verb takes an object ("3 gunmen killed 5"): the count is the killer.
    Right after the number with no noun between, it is an adjective ("35 wounded people")."""
    if cue + 1 >= len(tokens):
        return False
    nxt = tokens[cue + 1]
    if nxt.low in _OBJECT_START or (has_subject and nxt.low in PERSON_PLURAL):
        return True
    return parse_quantity(tokens, cue + 1) is not None

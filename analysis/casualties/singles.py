"""Counts written without a number: "a policeman was killed", "killing a civilian", "another
was wounded", "gunmen shot dead a public prosecutor" (1), "killed the district chief and his
guard" (2), and "a policeman and two civilians were killed", where the single shares the cue of
the numbered figure it is listed with (linking.coordinate gives it that cue)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis.casualties.cues import DETAINED, DISPLACED, INJURED, KILLED, NOUN_OF, PASSIVE_AUX
from analysis.casualties.numbers import FEW, QUANTITY_OPENERS, TENS, UNITS, VAGUE, Quantity
from analysis.casualties.reading import NP_STOPS, Found, after_cue, verb_before
from analysis.casualties.tokens import Token
from analysis.casualties.victims import (
    MONTHS,
    NON_PERSON,
    NP_STOP,
    PERPETRATORS,
    PERSON_PLURAL,
    PERSON_SINGULAR,
    UNIT_WORDS,
)

_AGENT_NOUN = re.compile(r"(?:er|or|ist|ian|man|woman|ant|ent|ee)$")
_INTRANSITIVE = frozenset("died perished drowned succumbed disappeared fled lost".split())
# Cues that say what happened to the person before them, whatever the verb before it: "a
# soldier died", "shot a man dead", "stabbed a woman to death".
_STATES = _INTRANSITIVE | {"dead", "death"}
_INDEFINITE = frozenset({"a", "an", "another"})
# A definite or possessive singular ("the judge", "his guard") counts only as the object of a
# casualty verb or the subject of a passive one: elsewhere it is someone already counted.
_DEFINITE = frozenset({"the", "his", "her", "their", "its"})
# "him" or "her" (not "her son") as the object of a casualty verb is one person.
_OBJECT_PRONOUNS = frozenset({"him", "her"})
_ORDINALS = {word: n for n, word in enumerate(
    "second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), start=2)}
_STARTS = _INDEFINITE | _DEFINITE | PERSON_SINGULAR | _OBJECT_PRONOUNS  # words a single can start with
_NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(VAGUE) | frozenset(FEW) | {
    "dozen", "hundred", "thousand", "both"}
# Capitalised words that open no name: days, months, sentence openers.
_NOT_NAMES = MONTHS | frozenset(
    """monday tuesday wednesday thursday friday saturday sunday the a an in on at after before
    during since from for with when while but and yet still later earlier meanwhile last this
    his her their its some many most several two three four five six seven eight nine ten""".split())
_PREPOSITIONS = frozenset("of in at near from to by with on into for outside inside across".split())
_POSSESSIVES = frozenset({"his", "her", "their"})
_LEAVING = frozenset({"leaving", "left", "leave", "leaves"})
_LIST_JOINERS = frozenset({"and", ","})
# Singular nouns after "a" that never name one person ("killed a number of", "a day later").
_NOT_PEOPLE = UNIT_WORDS | MONTHS | frozenset(
    """number total dozen handful group family crowd lot majority third half quarter further
    record series wave string spate day night week month year time place way thing car truck bus
    vehicle house home building school hospital market mosque church road bridge village town
    city camp checkpoint convoy post base position tank plane drone mine bomb shell rocket dog
    horse cow goat camel donkey""".split())
_INCLUDING = frozenset({"included", "include", "includes", "were", "was"})
_GROUPS = {"dead": KILLED, "killed": KILLED, "victims": KILLED, "wounded": INJURED, "injured": INJURED}
_PHRASE_ENDS = frozenset({"dead", "and", "to"})
_MAX_MODIFIERS = 3  # "a 35-year-old local journalist"


def written_without_number(phrase: str) -> bool:
    """Whether a figure's words hold no number ("the district chief and his guard", "a
    policeman"): such a count names particular people, so it is one episode's, never a total."""
    return not any(word.isdigit() or word in _NUMBER_WORDS for word in re.findall(r"[\w]+", phrase.lower()))


def _person_end(tokens: Sequence[Token], i: int, listed: bool = False) -> tuple[int, bool] | None:
    """(index after, guessed) of a singular person phrase at i: "a policeman", "the district
    chief", "his guard", "Judge Ibrahim Haroun", or "an interpreter" (an agent noun, guessed)."""
    word = tokens[i].low
    if word in _OBJECT_PRONOUNS and (i + 1 >= len(tokens) or not _opens_noun(tokens[i + 1])):
        return i + 1, False  # "executed him", "shot her dead": someone the text named before
    if word in _INDEFINITE or word in _DEFINITE:
        return _determined_person_end(tokens, i, listed)
    if _is_titled_name(tokens, i):
        return _past_name(tokens, i + 1), False  # "Judge Ibrahim Haroun"
    return _full_name_end(tokens, i)


def _determined_person_end(tokens: Sequence[Token], i: int, listed: bool) -> tuple[int, bool] | None:
    """(index after, guessed) of a person phrase opened by an article or possessive at i: its
    head is a person noun a few modifiers on ("a 35-year-old local journalist"), or, after
    "a"/"an" (or a possessive within a list), a guessed agent noun. A number or a phrase
    boundary before the head means no single person ("his two sons" is a numbered figure)."""
    word = tokens[i].low
    n = len(tokens)
    for m in range(i + 1, min(i + 2 + _MAX_MODIFIERS, n)):
        low = tokens[m].low
        nxt = tokens[m + 1].low if m + 1 < n else ""
        if low in PERSON_SINGULAR or low == "head" and (m > i + 1 or nxt == "of"):  # "the village head", not "his head"
            if nxt in PERSON_SINGULAR:
                continue  # "a woman journalist": the head comes next
            if nxt in PERSON_PLURAL:
                return None  # "a civilian convoy's passengers"
            return _past_name(tokens, m + 1), False
        if not (tokens[m].text[:1].isalpha() or "-" in tokens[m].text) or low in NP_STOPS \
                or low in _NUMBER_WORDS:
            return None  # "his two sons" is a numbered figure
        loose = listed and word in _POSSESSIVES  # "a cook and his apprentice": anyone of his
        if (word in ("a", "an") or loose) and _guessed_head(tokens, m, loose):
            return m + 1, True  # "an interpreter was killed", "shot a money changer dead"
    return None


def _is_titled_name(tokens: Sequence[Token], i: int) -> bool:
    """Whether a capitalised person noun opens a name: "Judge Ibrahim Haroun"."""
    return tokens[i].low in PERSON_SINGULAR and tokens[i].text[:1].isupper() and i + 1 < len(tokens) \
        and _is_name(tokens[i + 1])


def _full_name_end(tokens: Sequence[Token], i: int) -> tuple[int, bool] | None:
    """(index after, False) of a full name at i ("Maria Lopez"), when the phrase ends after it:
    two capitalised words that open no sentence and are not a date, then a stop or the end."""
    n = len(tokens)
    if not (_is_name(tokens[i]) and i + 1 < n and _is_name(tokens[i + 1]) and tokens[i].low not in _NOT_NAMES):
        return None
    end = _past_name(tokens, i + 2)
    if end >= n or not tokens[end].text[:1].isalpha() or tokens[end].low in NP_STOPS or tokens[end].low in NP_STOP:
        return end, False
    return None


def _opens_noun(token: Token) -> bool:
    """Whether a word after "her" makes it a possessive ("her son"), not an object ("her dead")."""
    return token.text[:1].isalpha() and token.low not in _PREPOSITIONS and token.low not in _PHRASE_ENDS \
        and token.low not in NP_STOPS and token.low not in ("as", "after", "before", "while", "when", "outside")


def _guessed_head(tokens: Sequence[Token], m: int, loose: bool = False) -> bool:
    """Whether tokens[m] can end "a <noun>" that names an unlisted person ("a porter", "a money
    changer", "a Palestinian"): a singular agent or nationality noun right before the phrase
    ends. Only casualty verbs make it a count (see _single_at)."""
    word = tokens[m]
    low = word.low
    if not word.text.isalpha() or low in _NOT_PEOPLE or low in NON_PERSON \
            or (low.endswith("s") and not low.endswith("ss")) or low.endswith("ly"):
        return False
    if m + 1 >= len(tokens):
        return True
    nxt = tokens[m + 1].low
    if nxt == "and" and m + 2 < len(tokens) and tokens[m + 2].low in ("his", "her"):
        return True  # "a midwife and her daughter": the pronoun says a person came before
    if not loose and not _AGENT_NOUN.search(low):
        return False  # "a convoy", "a second blast": no one
    return nxt in PASSIVE_AUX or nxt in _PHRASE_ENDS or nxt in NP_STOPS and nxt != "of" \
        or not tokens[m + 1].text[:1].isalnum()


def _may_open_name(tokens: Sequence[Token], i: int) -> bool:
    """Cheap test: two capitalised words in a row may be a person's name."""
    return tokens[i].text[:1].isupper() and i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper()


def _is_name(token: Token) -> bool:
    return token.text[:1].isupper() and token.text.isalpha() and token.low not in QUANTITY_OPENERS


def _past_name(tokens: Sequence[Token], j: int) -> int:
    """The index after a name that follows a title ("the judge Ibrahim Haroun")."""
    while j < len(tokens) and _is_name(tokens[j]):
        j += 1
    return j


def _person_list(tokens: Sequence[Token], i: int, taken: set[int]) -> tuple[int, int, bool] | None:
    """(people, index after, guessed) of "the district chief and his guard" at i: singular
    person phrases joined by "and" or commas. A numbered phrase ends the list."""
    first = _person_end(tokens, i)
    if first is None:
        return None
    ends, guesses = [_past_of_phrase(tokens, first[0])], [first[1]]
    closed = False  # a list joined by commas alone is an apposition: "a hostage, an aid worker,"
    n = len(tokens)
    while ends[-1] + 1 < n and tokens[ends[-1]].low in _LIST_JOINERS and ends[-1] + 1 not in taken:
        end = ends[-1]
        k = end + 1
        if tokens[end].low == "," and tokens[k].low == "and":
            k += 1  # "a soldier, a nurse, and a child"
        nxt = _person_end(tokens, k, listed=True) if k < n else None
        if nxt is None:
            break
        closed = closed or tokens[k - 1].low == "and"
        ends.append(nxt[0])
        guesses.append(nxt[1])
    if not closed:
        ends, guesses = ends[:1], guesses[:1]
    return len(ends), ends[-1], any(guesses)


def _past_of_phrase(tokens: Sequence[Token], end: int) -> int:
    """The index after an "of" phrase that names whose or where the person is ("the imam of
    the town's central mosque"), when "and" follows it; else `end`."""
    if end >= len(tokens) or tokens[end].low != "of":
        return end
    for m in range(end + 1, min(end + 7, len(tokens))):
        word = tokens[m]
        if word.low == "and":
            return m if m > end + 1 else end
        if not (word.text[:1].isalpha() or word.text in ("'s", "’s")) or word.low in NP_STOPS \
                or word.low in _NUMBER_WORDS:
            return end
    return end


def _listed_with_number(tokens: Sequence[Token], end: int, taken: set[int]) -> bool:
    """"a policeman and two civilians ...": the list runs on into a numbered figure."""
    return end + 1 < len(tokens) and tokens[end].low == "and" and end + 1 in taken


def singulars(tokens: Sequence[Token], text: str, offset: int, taken: set[int],
              refugee: bool = False, numbered: set[int] = frozenset()) -> list[Found]:
    """Counts without a numeral (see the module docstring). `taken` holds the tokens of figures
    already read, `numbered` the first token of every number in the sentence. A single with no
    cue of its own that is listed with a number ("a policeman and two civilians were killed",
    "killing two soldiers and a civilian") comes back without a category, for
    linking.coordinate to give it its neighbour's."""
    out: list[Found] = []
    resume = 0
    for i, tok in enumerate(tokens):
        if i < resume or tok.low not in _STARTS and not _may_open_name(tokens, i) or i in taken:
            continue  # one set look-up rules out most words
        if i >= 2 and tokens[i - 1].low == "of" and (tokens[i - 2].low in _NUMBER_WORDS or tokens[i - 2].text.isdigit()):
            continue  # "four of its soldiers": the number's people, not a single
        found = _single_at(tokens, i, text, offset, taken, refugee, numbered)
        if found is not None:
            out.append(found)
            resume = max(found.quantity.last, found.np_end)
    return out


def _single_at(tokens: Sequence[Token], i: int, text: str, offset: int, taken: set[int],
               refugee: bool, numbered: set[int]) -> Found | None:
    """The count without a numeral that starts at token i, or None."""
    n = len(tokens)
    tok = tokens[i]
    ordinal = _ordinal_victim(tokens, i)
    if ordinal is not None:
        return _toll_by_ordinal(tokens, i, *ordinal, refugee)
    if tok.low == "another" and i + 1 < n and (tokens[i + 1].low in PASSIVE_AUX or tokens[i + 1].low in _INTRANSITIVE):
        people, end, guessed = 1, i + 1, False  # "one soldier was killed and another was wounded"
    else:
        listed = _person_list(tokens, i, taken)
        if listed is None:
            return None
        people, end, guessed = listed
    definite = tok.low not in _INDEFINITE
    group = _included_in_group(tokens, i)
    if group is not None:  # "the dead included a nurse and her son": a share of the dead
        found = Found(Quantity(i, end, tok.start, tokens[end - 1].end, people, "exact", people, people),
                      _GROUPS[tokens[group].low], "subset", end, _victims(tokens, i, end, text, offset),
                      part_of=True, group=group)
        return found
    category, cue, by_verb = _cue_of(tokens, i, end, refugee)
    if category is None:
        joined = (i > 1 and tokens[i - 1].low == "and") or _listed_with_number(tokens, end, numbered)
        if definite or guessed or not joined or _speaks(tokens, end):
            return None
    elif _ruled_out(tokens, i, end, category, by_verb, guessed, definite, people, numbered):
        return None
    phrase_end = end
    if category is not None and cue > end:  # "a judge who was killed with his driver"
        more, phrase_end = _killed_with(tokens, cue + 1, taken)
        people, phrase_end = people + more, max(phrase_end, end)
    quantity = Quantity(i, end, tok.start, tokens[end - 1].end, people, "exact", people, people)
    found = Found(quantity, category, ("before" if cue < i else "after") if category else "single", phrase_end,
                  None, group=cue)
    found.victims = _victims(tokens, i, end, text, offset)
    return found


_SPEECH = frozenset("said say says told tells reported reports added confirmed stated announced".split())
_CLAUSE_BREAK = frozenset({",", ";", ":", ".", "and", "but", "while", "who", "which", "when"})


def _speaks(tokens: Sequence[Token], end: int) -> bool:
    """Whether the person phrase ending at `end` is the subject of a speech verb in its clause
    ("relatives and a traditional chief in Niger's Tahoua region said"): a source, no victim."""
    for k in range(end, min(end + 8, len(tokens))):
        word = tokens[k].low
        if word in _SPEECH:
            return True
        if word in _CLAUSE_BREAK:
            return False
    return False


def _ordinal_victim(tokens: Sequence[Token], i: int) -> tuple[int, int] | None:
    """(toll, index after) of "a sixth victim", "a third", "the fourth person" at i."""
    if tokens[i].low not in ("a", "the") or i + 1 >= len(tokens) or tokens[i + 1].low not in _ORDINALS:
        return None
    end = i + 2
    if end < len(tokens) and (tokens[end].low in PERSON_SINGULAR or tokens[end].low in ("victim", "person")):
        end += 1
    return _ORDINALS[tokens[i + 1].low], end


def _toll_by_ordinal(tokens: Sequence[Token], i: int, toll: int, end: int, refugee: bool) -> Found | None:
    """"a sixth victim died in hospital": the toll is now six, a revision of the count before.
    Only a death or injury right after counts ("a second blast" is no one)."""
    after = after_cue(tokens, _past_age(tokens, end), refugee)
    if after is None or after[0] not in (KILLED, INJURED) or not (after[2] or tokens[after[1]].low in _STATES):
        return None
    quantity = Quantity(i, end, tokens[i].start, tokens[end - 1].end, toll, "exact", toll, toll)
    found = Found(quantity, after[0], "toll", end, None, group=after[1])
    found.toll = True
    return found


def _cue_of(tokens: Sequence[Token], i: int, end: int, refugee: bool) -> tuple[str | None, int, bool]:
    """(category, cue index, cue is a verb before) for the person phrase tokens[i:end]: a
    casualty verb or "the bodies of" before it, or a passive or intransitive cue after it."""
    verb = verb_before(tokens, i - 1)
    if verb is None and i >= 2 and tokens[i - 1].low == "of":
        noun = _noun_before_of(tokens, i - 1)
        if noun is not None:  # "the bodies of a man and a woman", "the killing last week of the chief"
            verb = NOUN_OF[tokens[noun].low], noun
    if verb is not None:
        return verb[0], verb[1], True
    after = after_cue(tokens, _past_age(tokens, end), refugee)
    leaving = i > 0 and tokens[i - 1].low in _LEAVING  # "leaving a resident killed"
    if after is not None and (after[2] or leaving or tokens[after[1]].low in _STATES):
        return after[0], after[1], False
    return None, -1, False


# Words of a time phrase between a casualty noun and its "of": "the assassination on Monday of".
_TIME_ASIDE = frozenset("""on last this early late earlier later week month weekend night morning evening
    yesterday monday tuesday wednesday thursday friday saturday sunday""".split())


def _noun_before_of(tokens: Sequence[Token], of: int) -> int | None:
    """The index of the casualty noun ("killing", "bodies") that the "of" at `of` belongs to,
    past a time phrase of up to three words; None when there is none."""
    j = of - 1
    while j >= 0 and of - j <= 4 and tokens[j].low in _TIME_ASIDE:
        j -= 1
    return j if j >= 0 and tokens[j].low in NOUN_OF else None


def _ruled_out(tokens: Sequence[Token], i: int, end: int, category: str, by_verb: bool, guessed: bool,
               definite: bool, people: int, numbered: set[int]) -> bool:
    """Person phrases with a cue that still are no count of their own."""
    if guessed and category == DETAINED:
        return True  # "a tanker was seized" is no detention
    if not by_verb and tokens[i].low not in _STARTS and i > 0 and tokens[i - 1].low in _PREPOSITIONS:
        return True  # "four people from the town of Port Allen died": a place, not a subject
    if definite and category == DISPLACED:
        return True  # "the gunman fled", "the suspect fled": someone escaping, not displaced
    # "the assailant was also killed": deathcount adds him to the attack's toll
    return definite and people == 1 and _is_perpetrator(tokens, i, end) \
        and not _listed_with_number(tokens, end, numbered)


def _included_in_group(tokens: Sequence[Token], i: int) -> int | None:
    """The index of "dead" in "the dead included" / "the victims were" right before token i."""
    if i >= 3 and tokens[i - 1].low in _INCLUDING and tokens[i - 2].low in _GROUPS \
            and tokens[i - 3].low in ("the", "those"):
        return i - 2
    return None


def _is_perpetrator(tokens: Sequence[Token], i: int, end: int) -> bool:
    return any(t.low in PERPETRATORS for t in tokens[i:end])


_RELATIVE_ASIDE = 25  # tokens: how long a ", who ...," aside between a person and the verb may run


def _past_age(tokens: Sequence[Token], end: int) -> int:
    """The index after an aside that follows a person before its verb, else `end`: an age
    (", 34,"), a name ("The bus driver, Jacques Louissaint, was shot dead") or a relative
    clause ("The driver, who tried to turn the bus around, was shot dead")."""
    n = len(tokens)
    if end + 2 >= n or tokens[end].low != ",":
        return end
    if tokens[end + 1].text.isdigit() and tokens[end + 2].low == "," and len(tokens[end + 1].text) <= 3:
        return end + 3
    k = end + 1
    if tokens[k].low in ("who", "whose"):
        closing = next((j for j in range(k + 1, min(k + _RELATIVE_ASIDE, n)) if tokens[j].low in (",", ";")), None)
        return closing + 1 if closing is not None and tokens[closing].low == "," else end
    while k < n and _is_name(tokens[k]):
        k += 1
    return k + 1 if k > end + 1 and k < n and tokens[k].low == "," else end


def _killed_with(tokens: Sequence[Token], k: int, taken: set[int]) -> tuple[int, int]:
    """(people, index after) that "with his driver", "along with a nurse and a child" after a
    cue adds; (0, k) when none follows."""
    n = len(tokens)
    if k + 1 < n and tokens[k].low in ("along", "together") and tokens[k + 1].low == "with":
        k += 1
    if k + 1 >= n or tokens[k].low != "with" or k + 1 in taken:
        return 0, k
    listed = _person_list(tokens, k + 1, taken)
    return (listed[0], listed[1]) if listed is not None and not listed[2] else (0, k)


def _victims(tokens: Sequence[Token], i: int, end: int, text: str, offset: int) -> str | None:
    """The people as written, without a leading article ("local chief", "Judge Ibrahim Haroun
    and his driver")."""
    first = i + 1 if tokens[i].low in ("a", "an", "the", "another") else i
    if first >= end:
        return None
    return text[tokens[first].start - offset: tokens[end - 1].end - offset]

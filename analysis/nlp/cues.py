"""What the words around a capitalised run say it is: a person ("X said", "spokesman X",
"X, a member of ..."), a place ("the town of X", "the X region", "in X"), an organisation
("the X news agency", "X, a volunteer group"), a facility ("the X mosque") or a ship ("the
tanker X"). Only lower-case context words count: the run itself is typed elsewhere."""

from __future__ import annotations

from typing import NamedTuple

from analysis.nlp.lexicon import (
    FAC_NOUNS_AFTER,
    INVERTED_SPEECH_VERBS,
    ORG_APPOSITION,
    ORG_NOUNS_AFTER,
    ORG_NOUNS_BEFORE,
    PERSON_APPOSITION,
    PERSON_NOUNS_AFTER,
    PERSON_TITLES,
    PLACE_APPOSITION,
    PLACE_NOUN_MODIFIERS,
    PLACE_NOUNS_AFTER,
    PLACE_NOUNS_OF,
    SHIP_NOUNS,
    SPEECH_VERBS,
)

LOCATION_PREPOSITIONS = frozenset(
    "in at near from into across outside around inside toward towards via through".split()
)
_DIRECTIONS = frozenset(
    "northern southern eastern western central northeastern northwestern southeastern southwestern "
    "north south east west neighbouring neighboring nearby".split()
)
_PERSON_LEFT_CUES = PERSON_TITLES | frozenset({"by"})


class Context(NamedTuple):
    """What the tokens around a run say about it (a NamedTuple: one per capitalised run,
    cheaper to make than a frozen dataclass)."""

    person_cue: bool
    location_cue: bool  # after "in", "near", "from" ...
    place_cue: bool = False  # "the town of X", "the X region": a place, whatever the word
    org_cue: bool = False  # "X, a volunteer group", "the X news agency"
    fac_cue: bool = False  # "the X mosque"
    ship_cue: bool = False  # "the tanker X", "the X vessel"


_APPOSITION_OPENERS = frozenset("a an the its his her their one".split())
_BARE_ROLES = PERSON_APPOSITION | frozenset({"director-general", "secretary-general", "commander-in-chief", "head", "chief"})
_APPOSITION_STOPS = frozenset(
    ", . ; : ( ) of in for that which who whose based with on at from near to by and or since".split()
)


def _apposition_head(texts: list[str], i: int) -> str:
    """Head noun of an apposition starting at `i` (", a volunteer group, ..." -> "group";
    ", director-general of ..." -> "director-general"); "" when there is none."""
    n = len(texts)
    if i < n and texts[i].lower() in _APPOSITION_OPENERS:
        i += 1
    elif i < n:
        # No article: only a bare role opens an apposition (", director-general of ...").
        word = texts[i].lower()
        if i + 2 < n and texts[i + 1] == "-":
            word = f"{word}-{texts[i + 2].lower()}"
        return word if word in _BARE_ROLES else (texts[i + 2].lower() if i + 2 < n and texts[i + 1] == "-" and texts[i + 2].lower() in _BARE_ROLES else "")
    head = ""
    for j in range(i, min(n, i + 7)):
        word = texts[j]
        lower = word.lower()
        if lower in _APPOSITION_STOPS or "\n" in word or (word[:1].isupper() and j > i) or lower.endswith(("ing", "ed")) and head:
            break
        if word.isalpha() or "-" in word:
            head = lower
    return head


def read_context(texts: list[str], a: int, b: int) -> Context:
    """The cues around tokens [a, b) of `texts`: who or what the words before and after
    say the run is."""
    n = len(texts)
    before = texts[a - 1].lower() if a > 0 else ""
    before2 = texts[a - 2].lower() if a > 1 else ""
    after = texts[b].lower() if b < n else ""
    after2 = texts[b + 1].lower() if b + 1 < n else ""
    person = (
        before.rstrip(".") in _PERSON_LEFT_CUES and before != "by"
        or before in INVERTED_SPEECH_VERBS
        or (before == "to" and before2 == "according")
        or after in SPEECH_VERBS
        or (after == "," and after2 in SPEECH_VERBS)
    )
    org = after in ORG_NOUNS_AFTER or (after == "news" and after2 == "agency") or before in ORG_NOUNS_BEFORE
    person = person or after in PERSON_NOUNS_AFTER
    place = (
        after in PLACE_NOUNS_AFTER
        or (after in PLACE_NOUN_MODIFIERS and after2 in PLACE_NOUNS_AFTER)
        or (before == "of" and before2 in PLACE_NOUNS_OF)
    )
    if after == "," and b + 2 < n and not (person or place or org):
        head = _apposition_head(texts, b + 1)
        person = head in PERSON_APPOSITION
        org = head in ORG_APPOSITION
        place = head in PLACE_APPOSITION
    location = before in LOCATION_PREPOSITIONS or (before in _DIRECTIONS and before2 in LOCATION_PREPOSITIONS)
    ship = after in SHIP_NOUNS or before in SHIP_NOUNS or (before2 in SHIP_NOUNS and before in ("the", "a"))
    ship = ship or (before in ("ship", "ships") and before2 in ("container", "cargo", "the", "a"))
    fac = after in FAC_NOUNS_AFTER
    return Context(
        person_cue=person and not place and not org and not ship,
        location_cue=location,
        place_cue=place and not org and not ship,
        org_cue=org and not ship,
        fac_cue=fac and not (person or place or org),
        ship_cue=ship,
    )

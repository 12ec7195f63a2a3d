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


class _Window(NamedTuple):
    """The two lower-cased tokens either side of a run ("" past either end of the text)."""

    before: str
    before2: str
    after: str
    after2: str


def _window(texts: list[str], a: int, b: int) -> _Window:
    """The words around tokens [a, b): every cue below reads only these four."""
    n = len(texts)
    return _Window(
        before=texts[a - 1].lower() if a > 0 else "",
        before2=texts[a - 2].lower() if a > 1 else "",
        after=texts[b].lower() if b < n else "",
        after2=texts[b + 1].lower() if b + 1 < n else "",
    )


def _says_person(w: _Window) -> bool:
    """A title before ("spokesman X"), a speech verb around ("X said", "said X", "X, said"),
    "according to X" or a family noun after ("the al-Fara family")."""
    return (
        w.before.rstrip(".") in _PERSON_LEFT_CUES and w.before != "by"
        or w.before in INVERTED_SPEECH_VERBS
        or (w.before == "to" and w.before2 == "according")
        or w.after in SPEECH_VERBS
        or (w.after == "," and w.after2 in SPEECH_VERBS)
        or w.after in PERSON_NOUNS_AFTER
    )


def _says_organisation(w: _Window) -> bool:
    """An organisation noun after ("the X ministry", "the X news agency") or before."""
    return w.after in ORG_NOUNS_AFTER or (w.after == "news" and w.after2 == "agency") or w.before in ORG_NOUNS_BEFORE


def _says_place(w: _Window) -> bool:
    """A place noun after ("the X region", "the X border region") or "the town of X"."""
    return (
        w.after in PLACE_NOUNS_AFTER
        or (w.after in PLACE_NOUN_MODIFIERS and w.after2 in PLACE_NOUNS_AFTER)
        or (w.before == "of" and w.before2 in PLACE_NOUNS_OF)
    )


def _says_location(w: _Window) -> bool:
    """A location preposition before ("in X"), possibly through a direction ("in northern X")."""
    return w.before in LOCATION_PREPOSITIONS or (w.before in _DIRECTIONS and w.before2 in LOCATION_PREPOSITIONS)


def _says_ship(w: _Window) -> bool:
    """A ship noun around ("the tanker X", "X vessel", "the cargo ship X")."""
    return (
        w.after in SHIP_NOUNS
        or w.before in SHIP_NOUNS
        or (w.before2 in SHIP_NOUNS and w.before in ("the", "a"))
        or (w.before in ("ship", "ships") and w.before2 in ("container", "cargo", "the", "a"))
    )


def _apposition_cues(texts: list[str], b: int) -> tuple[bool, bool, bool]:
    """(person, organisation, place) from an apposition after the run ("X, a volunteer group"):
    read only when the neighbouring words said none of the three."""
    head = _apposition_head(texts, b + 1)
    return head in PERSON_APPOSITION, head in ORG_APPOSITION, head in PLACE_APPOSITION


def read_context(texts: list[str], a: int, b: int) -> Context:
    """The cues around tokens [a, b) of `texts`: who or what the words before and after
    say the run is. A ship cue outranks an organisation, which outranks a place, which
    outranks a person; a facility counts only when no person, place or organisation was said."""
    w = _window(texts, a, b)
    person, org, place = _says_person(w), _says_organisation(w), _says_place(w)
    if w.after == "," and b + 2 < len(texts) and not (person or place or org):
        person, org, place = _apposition_cues(texts, b)
    ship = _says_ship(w)
    fac = w.after in FAC_NOUNS_AFTER
    return Context(
        person_cue=person and not place and not org and not ship,
        location_cue=_says_location(w),
        place_cue=place and not org and not ship,
        org_cue=org and not ship,
        fac_cue=fac and not (person or place or org),
        ship_cue=ship,
    )

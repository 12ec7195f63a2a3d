"""Who gives the figure: "according to X", "X said", ", said X". Wire copy almost always names
a source for a toll, and analysts weigh a ministry's count differently from a witness's.

A pronoun ("he added", "they said") is never a source on its own: `resolve_pronoun` looks back
for the nearest named source the pronoun can stand for (a person's name for "he"/"she", a group
for "they"), then for a role ("a police officer", "officials"), and gives up rather than return
a bare pronoun.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis.wordscan import WholeWords

_SPEECH_VERBS = ("said says say told reported reports added confirmed confirms stated announced estimated "
                 "estimates claimed claims tweeted wrote").split()
_SPEECH = "(?:" + "|".join(_SPEECH_VERBS) + ")"
_ACCORDING = re.compile(r"\b[Aa]ccording to (?P<src>[^,;.()\"“”]+)")
_ACCORDING_KEY = "ccording to "  # in every match: a substring test skips the regex for most sentences
# Every pattern but "according to" needs a speech verb: most sentences have none, and one scan
# for it is far cheaper than trying each pattern at every position.
_ANY_SPEECH = WholeWords(_SPEECH_VERBS)
_PERSON_RUN = re.compile(r"(?:[A-Z][\w’'\-]+|al-|bin|ibn|de|van|von)(?:\s+(?:[A-Z][\w’'\-]+|al-\w+|bin|ibn|de|van|von))*")
# "..., a local official said" / "Police said" / "Gaza's health ministry said on Sunday"
_SUBJECT_SAID = re.compile(
    r"(?:^|[,;:\"“”]\s*|\bthat\s|\band\s)(?P<src>(?:[\w’'\-.]+\s){0,6}?[\w’'\-.]+)\s+" + _SPEECH + r"\b"
)
# "..., said Ahmed Khan, a spokesman" / "said a police official"
_SAID_SUBJECT = re.compile(r",\s*" + _SPEECH + r"\s+(?P<src>[^,;.()\"“”]+)")
# "Babagana Umar, the local government chairman, said": the name, not the role, is the source.
_NAME_APPOSITION = re.compile(
    r"(?:^|[,;:\"“”]\s*)(?P<name>[A-Z][\w’'\-]+(?:\s+(?:[A-Z][\w’'\-]+|al-\w+|bin|ibn|de|van|von)){1,3}),"
    r"\s+(?:the|a|an|his|her)\s+[^,;.()\"“”]{2,60},\s+" + _SPEECH + r"\b"
)
# "the governor, Babagana Zulum, said"
_APPOSED_NAME = re.compile(
    r",\s+(?P<name>[A-Z][\w’'\-]+(?:\s+(?:[A-Z][\w’'\-]+|al-\w+|bin|ibn|de|van|von)){1,3}),\s+" + _SPEECH + r"\b")
# Abbreviated titles: their full stop is not a sentence end, and a source is never one alone.
_TITLES = ("Dr Mr Mrs Ms Prof Gen Lt Col Maj Capt Sgt Cpl Pvt Adm Brig Cmdr Cdr Gov Sen Rep Rev Insp "
           "Supt Fr Sgt Maj Lt-Col Lt-Gen Maj-Gen Brig-Gen").split()
_TITLE_DOT = re.compile(r"\b(" + "|".join(sorted(set(_TITLES), key=len, reverse=True)) + r")\.(?=\s+[A-Z])")
_TITLE_WORDS = frozenset(t.lower() for t in _TITLES)
# Words that never name a source on their own ("However, ... said", "So it said").
_FUNCTION_WORDS = frozenset(
    """as so but and or yet however also meanwhile then there here this that these those which
    what who whom whose when where while if because although though since its you one some
    many most all both each either neither none nobody someone everyone other others
    such""".split())
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_LEADING = re.compile(r"^(?:the|a|an|that|and)\s+", re.IGNORECASE)
_NOT_SOURCE = re.compile(r"^(?:it|this|there|which|who|what|he was|she was)$", re.IGNORECASE)
# The head of a subject before a relative clause, and the last clause-like chunk of it.
_RELATIVE = re.compile(r"\b(?:who|which|whose)\b")
_CLAUSE_BREAK = re.compile(r"\b(?:and|but|while|as|that|killing|wounding|after|when)\b")
# A ", said X" that runs on into a clause ("said the wounded were taken to hospital") names no source.
_CLAUSE_WORDS = frozenset("were was is are had have has will would could been be being".split())
_PREPOSITION = re.compile(r"\s+(?:on|in|at|late|early|last|this|earlier|yesterday|today|told|by)\b")
# After a participle a prepositional phrase belongs to the source ("videos shared on social
# media", "figures released by the ministry"), unless it only says when.
_PARTICIPLE = re.compile(r"[a-z]{2,}ed$|(?:taken|shown|written|given|seen|drawn|sent|put|shot|made|held|kept)$")
_WHEN = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december late early last this earlier
    yesterday today tonight morning afternoon evening night""".split())
_NAME_OPENERS = frozenset(
    "In On At The A An After Before During Since From For With Near Inside Outside Across Earlier "
    "Later Last This Meanwhile But And Yet Still Elsewhere".split())
_ORG_HEADS = frozenset(
    """ministry police army military forces force council agency office department government
    authorities authority service services committee commission organisation organization group
    agency administration command hospital hospitals ministries mission un unicef who unhcr
    ocha icrc msf reuters ap afp""".split())
_PLURAL_SINGULARS = frozenset({"police", "people", "staff", "authorities", "military", "personnel"})


def _cut_time_and_place(source: str) -> str:
    """Drop a trailing "on Sunday" / "in Kandahar" / "told reporters", but keep a phrase that
    completes a participle ("videos shared on social media")."""
    for match in _PREPOSITION.finditer(source):
        before = source[:match.start()].split()
        after = source[match.end():].split()
        word = match.group(0).strip().lower()
        if word in ("on", "in", "at", "by") and before and _PARTICIPLE.match(before[-1].lower()) \
                and after and after[0].lower() not in _WHEN:
            continue
        return source[:match.start()]
    return source


def _clean(source: str) -> str | None:
    source = source.strip(" \"'“”")
    source = _cut_time_and_place(source)
    names = _PERSON_RUN.match(source)
    if names and " " in names.group(0) and names.group(0) == source[: names.end()] and source[:1].isupper() \
            and not source.lower().startswith(("the ", "a ", "an ")):
        source = names.group(0)
    source = _LEADING.sub("", source).strip()
    words = source.split()
    while words and words[-1].lower().rstrip(".") in _TITLE_WORDS:
        words.pop()  # "Army Maj": a title cut from its name names no one
    source = " ".join(words)
    if not source or _NOT_SOURCE.match(source) or len(words) > 8:
        return None
    if len(words) == 1 and words[0].lower() in _FUNCTION_WORDS:
        return None
    return source


def find_attribution(sentence: str) -> str | None:
    """The source the sentence names for its figures, or None; pronouns come back as is."""
    if "." in sentence:
        sentence = _TITLE_DOT.sub(r"\1", sentence)  # "Dr. Ahmed Saleh" reads as one name
    match = _ACCORDING.search(sentence) if _ACCORDING_KEY in sentence else None
    if match:
        found = _clean(match.group("src"))
        if found:
            return found
    if not _ANY_SPEECH.any_in(sentence):
        return None
    match = _SAID_SUBJECT.search(sentence)
    if match and not _CLAUSE_WORDS.intersection(match.group("src").lower().split()) \
            and not match.group("src")[:1].isdigit():
        found = _clean(match.group("src"))
        if found:
            return found
    for pattern in (_NAME_APPOSITION, _APPOSED_NAME):
        match = pattern.search(sentence)
        if match and match.group("name").split()[0] not in _NAME_OPENERS:
            return match.group("name")
    for match in _SUBJECT_SAID.finditer(sentence):
        src = match.group("src")
        # Keep the subject only: the head before a relative clause ("a resident who helped
        # ... said"), else the last clause-like chunk before the verb.
        src = _RELATIVE.split(src)[0]
        src = _CLAUSE_BREAK.split(src)[-1].strip()
        found = _clean(src)
        if found:
            return found
    return None


def is_pronoun(source: str | None) -> bool:
    return source is not None and source.lower() in PRONOUNS


_TRAILING_NAME = re.compile(r"(?:^|\s)[A-Z][\w’'\-]+(?:\s+(?:[A-Z][\w’'\-]+|al-\w+|bin|ibn|de|van|von))+$")


def is_named(source: str) -> bool:
    """A source naming someone ("Ataullah Atta", "police spokesman Nahum Daso"), not a role
    alone ("police officer", "officials")."""
    return bool(_TRAILING_NAME.search(source)) and not _is_group(source)


def _head(source: str) -> str:
    """The head word: the last, or the one before "of" ("Ministry of Health")."""
    words = source.lower().split()
    if "of" in words[1:]:
        words = words[:words.index("of")]
    return words[-1] if words else ""


def _is_group(source: str) -> bool:
    return _head(source) in _ORG_HEADS


def _is_plural(source: str) -> bool:
    last = _head(source)
    return last in _PLURAL_SINGULARS or (last.endswith("s") and not last.endswith(("ss", "'s", "’s")))


def fits(pronoun: str, source: str) -> bool:
    """Whether `pronoun` can stand for `source`: "he" for a person or a singular role, "they"
    for a plural role or a body, "it" for a body."""
    pronoun = pronoun.lower()
    if pronoun in ("he", "she", "i", "we"):
        return not _is_group(source) and not _is_plural(source) or (pronoun == "we" and _is_group(source))
    if pronoun == "they":
        return _is_plural(source) or _is_group(source)
    return _is_group(source) and not _is_plural(source)  # "it"


def resolve_pronoun(pronoun: str, earlier: Sequence[Sequence[str]]) -> str | None:
    """The source a pronoun stands for, or None (never the bare pronoun).

    `earlier` holds, per paragraph and nearest paragraph first, the sources named in that
    paragraph before the pronoun, nearest first. In each paragraph a fitting name wins over
    a fitting role ("a police officer"), and the pronoun's own paragraph comes first.
    """
    for sources in earlier:
        candidates = [s for s in sources if s and not is_pronoun(s) and fits(pronoun, s)]
        named = [s for s in candidates if is_named(s)]
        if pronoun.lower() in ("he", "she", "i", "we") and named:
            return named[0]
        if candidates:
            return candidates[0]
    return None

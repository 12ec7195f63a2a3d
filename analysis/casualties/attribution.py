"""Who gives the figure: "according to X", "X said", ", said X". Wire copy almost always names
a source for a toll, and analysts weigh a ministry's count differently from a witness's."""

from __future__ import annotations

import re

_SPEECH = r"(?:said|says|say|told|reported|reports|added|confirmed|confirms|stated|announced|estimated|estimates|claimed|claims|tweeted|wrote)"
_ACCORDING = re.compile(r"\b[Aa]ccording to (?P<src>[^,;.()\"“”]+)")
_PERSON_RUN = re.compile(r"(?:[A-Z][\w’'\-]+|al-|bin|ibn|de|van|von)(?:\s+(?:[A-Z][\w’'\-]+|al-\w+|bin|ibn|de|van|von))*")
# "..., a local official said" / "Police said" / "Gaza's health ministry said on Sunday"
_SUBJECT_SAID = re.compile(
    r"(?:^|[,;:\"“”]\s*|\bthat\s|\band\s)(?P<src>(?:[\w’'\-.]+\s){0,6}?[\w’'\-.]+)\s+" + _SPEECH + r"\b"
)
# "..., said Ahmed Khan, a spokesman" / "said a police official"
_SAID_SUBJECT = re.compile(r",\s*" + _SPEECH + r"\s+(?P<src>[^,;.()\"“”]+)")
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_LEADING = re.compile(r"^(?:the|a|an|that|and)\s+", re.IGNORECASE)
_NOT_SOURCE = re.compile(r"^(?:it|this|there|which|who|what|he was|she was)$", re.IGNORECASE)


def _clean(source: str) -> str | None:
    source = source.strip(" \"'“”")
    source = re.split(r"\s+(?:on|in|at|late|early|last|this|earlier|yesterday|today|told|by)\b", source)[0]
    names = _PERSON_RUN.match(source)
    if names and " " in names.group(0) and names.group(0) == source[: names.end()] and source[:1].isupper() \
            and not source.lower().startswith(("the ", "a ", "an ")):
        source = names.group(0)
    source = _LEADING.sub("", source).strip()
    if not source or _NOT_SOURCE.match(source) or len(source.split()) > 8:
        return None
    return source


def find_attribution(sentence: str) -> str | None:
    """The source the sentence names for its figures, or None; pronouns come back as is."""
    match = _ACCORDING.search(sentence)
    if match:
        found = _clean(match.group("src"))
        if found:
            return found
    match = _SAID_SUBJECT.search(sentence)
    if match:
        found = _clean(match.group("src"))
        if found:
            return found
    for match in _SUBJECT_SAID.finditer(sentence):
        src = match.group("src")
        # Keep the subject only: the head before a relative clause ("a resident who helped
        # ... said"), else the last clause-like chunk before the verb.
        src = re.split(r"\b(?:who|which|whose)\b", src)[0]
        src = re.split(r"\b(?:and|but|while|as|that|killing|wounding|after|when)\b", src)[-1].strip()
        found = _clean(src)
        if found:
            return found
    return None


def is_pronoun(source: str | None) -> bool:
    return source is not None and source.lower() in PRONOUNS

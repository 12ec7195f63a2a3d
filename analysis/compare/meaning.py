"""Sentence evidence a reader uses to tell that two sentences state one fact, and its similarity.

A sentence becomes a set of evidence items:
- `e:<entity>` for each named entity, by the canonical entity id of the mentions table, so "UN"
  and "United Nations" count as one actor wherever entity resolution merges them;
- `c:<concept>` for words of one meaning class (lexicon.CONCEPTS: "blast"/"explosion"/"bomb",
  "militants"/"terrorists", "died"/"killed"), in the sentence or inside a name ("Israel Defense
  Forces" is a military), and for a responsibility claim in any wording (lexicon.CLAIM_PHRASE);
- `#<n>` for each number, digits or words ("nine", "9", "twenty-two"), and `~<n>` for its first
  digit's order of magnitude from 20 up, years aside ("529 detainees" / "more than 500 inmates");
- `n:<stem>` for a one-word name and for a capitalised word shaped like a people's name
  (lexicon.DEMONYM), by their first letters: "Rwandan troops" / "soldiers from Rwanda";
- `w:<stem>` for every other content word.

Each item weighs its inverse document frequency over the sentences compared (the story's city or
main actor, named everywhere, weighs little; a culvert or a maternity ward weighs much), times a
kind weight (KIND_WEIGHT). Two scores come out:
the weighted cosine of the two sets, and containment, the shared weight over the smaller
sentence's weight, which finds a fact stated inside a longer sentence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from analysis.compare.lexicon import (
    ARMED_PHRASE,
    CLAIM_PHRASE,
    DEMONYM,
    STOP,
    concept_of,
    number_value,
    stem,
)

# entity, concept, number, word. Rarity (IDF) already tells the story's main actor from a
# name only one statement uses; weighing entities 1.5 on top matched background sentences that
# name the story's actors to its events (development pairs: precision 0.85 against 0.92).
KIND_WEIGHT = {"e": 1.0, "c": 1.0, "#": 1.0, "~": 1.0, "n": 1.0, "w": 1.0}
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’-]*|\d[\d,]*(?:\.\d+)?")
MIN_STEM = 3  # shorter leftovers ("al", "de") are name particles, not content
NATION_STEM = 4  # "Rwanda"/"Rwandan", "Mali"/"Malian", "Haiti"/"Haitian" share their first four letters
ROUGH_FROM = 20  # below this a count is exact ("two wounded" is not "three wounded")
YEARS = range(1900, 2101)  # a year is a date, never a rough count


@dataclass(frozen=True)
class Evidence:
    """One sentence's evidence items and what each item was written as (for explanations)."""

    items: frozenset[str]
    written: dict[str, str]


def _without_mentions(text: str, mention_texts: Iterable[str]) -> str:
    """The sentence with each mention's words blanked: a name counts once, as its entity."""
    for mention in sorted(set(mention_texts), key=len, reverse=True):
        if mention:
            text = text.replace(mention, " ")
    return text


POSSESSIVE = re.compile(r"['’]s$")


def _word_item(token: str) -> str | None:
    lowered = POSSESSIVE.sub("", token.lower()).strip("'’-")
    value = number_value(lowered.rstrip(".,"))
    if value is not None:
        return f"#{value}"
    if lowered in STOP or not lowered:
        return None
    concept = concept_of(lowered)
    if concept:
        return f"c:{concept}"
    parts = [p for p in re.split(r"[-']", lowered) if p]
    if len(parts) > 1 and all(number_value(p) is not None for p in parts):
        return None
    stemmed = stem(lowered)
    return f"w:{stemmed}" if len(stemmed) >= MIN_STEM and stemmed not in STOP else None


def rough_number(value: int) -> int | None:
    """The value's first digit at its order of magnitude (529 -> 500, 62 -> 60), or None for
    small counts and years: two outlets rounding one count differently still state it."""
    if value < ROUGH_FROM or value in YEARS:
        return None
    magnitude = 10 ** (len(str(value)) - 1)
    return value // magnitude * magnitude


def nation_item(word: str) -> str | None:
    """`n:<first letters>` of a one-word name or a demonym-shaped word, else None."""
    word = word.split("-")[0]
    if len(word) < NATION_STEM or not word[:1].isupper():
        return None
    return f"n:{word[:NATION_STEM].lower()}"


def evidence_of(text: str, entities: Sequence[tuple[str, str]] = ()) -> Evidence:
    """The evidence items of one sentence; `entities` are its mentions as (text, entity id)."""
    written: dict[str, str] = {}
    for mention, entity in entities:
        written.setdefault(f"e:{entity}", mention)
        words = mention.split()
        nation = nation_item(words[0]) if len(words) == 1 else None
        if nation:
            written.setdefault(nation, mention)
        for word in _WORD.findall(mention):  # what the name says: "Israel Defense Forces" is a military
            concept = concept_of(word)
            if concept:
                written.setdefault(f"c:{concept}", word)
    for claim in CLAIM_PHRASE.finditer(text):
        written.setdefault("c:claim", claim.group(0))
    for armed in ARMED_PHRASE.finditer(text):
        written.setdefault("c:armed_group", armed.group(0))
    for token in _WORD.findall(_without_mentions(text, (m for m, _ in entities))):
        item = _word_item(token)
        if item:
            written.setdefault(item, token)
        if item and item.startswith("#"):
            rough = rough_number(int(item[1:]))
            if rough is not None:
                written.setdefault(f"~{rough}", token)
        if DEMONYM.fullmatch(token.split("-")[0]):
            nation = nation_item(token)
            if nation:
                written.setdefault(nation, token)
    return Evidence(frozenset(written), written)


def item_weights(evidence: Sequence[Evidence]) -> dict[str, float]:
    """Weight of every item: kind weight times smoothed IDF over the sentences compared."""
    n = len(evidence)
    frequency: dict[str, int] = {}
    for e in evidence:
        for item in e.items:
            frequency[item] = frequency.get(item, 0) + 1
    return {item: KIND_WEIGHT[item[0]] * math.log(1.0 + n / df) for item, df in frequency.items()}


@dataclass(frozen=True)
class EvidenceScores:
    cosine: np.ndarray  # weighted cosine of the item sets
    containment: np.ndarray  # shared weight over the lighter sentence's weight
    weights: dict[str, float]


def evidence_scores(evidence: Sequence[Evidence]) -> EvidenceScores:
    """Pairwise scores of the sentences' evidence (squared weights: a vector per sentence)."""
    weights = item_weights(evidence)
    vocabulary = {item: k for k, item in enumerate(sorted(weights))}
    matrix = np.zeros((len(evidence), len(vocabulary)))
    for row, e in enumerate(evidence):
        for item in e.items:
            matrix[row, vocabulary[item]] = weights[item]
    shared = matrix @ matrix.T
    mass = np.diag(shared).copy()
    with np.errstate(divide="ignore", invalid="ignore"):
        cosine = np.where(np.outer(mass, mass) > 0, shared / np.sqrt(np.outer(mass, mass)), 0.0)
        lighter = np.minimum.outer(mass, mass)
        containment = np.where(lighter > 0, shared / lighter, 0.0)
    return EvidenceScores(cosine, containment, weights)

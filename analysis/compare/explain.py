"""Why the aligner decided what it did, in words a reader checks against the sentences.

- A sentence of a statement is "partly shared" when much of its evidence (names, numbers,
  event words, content words) is in no other sentence of the statement; `only_here` lists
  that part, as written.
- A sentence of no statement is an omission ("only this side") only when nothing on another side
  comes near it: its closest sentence elsewhere is below OMISSION_CEILING. Between that and a
  match it is "maybe elsewhere": another side may state it in other words, and the page says so
  rather than call it an omission.
- `why_not_same` says what an unmatched sentence shares with its closest sentence elsewhere and
  what it says that the other does not.
- Rival figures: sentences of one statement that give the same category of casualty figure
  with different numbers are one statement with a disagreement (`figure_disagreement`).

OMISSION_CEILING: on the development pairs every sentence listed below 0.09 was a true
omission, and sentences between 0.09 and the match threshold were as often told in other words
as not (tests/data/compare/pairs, dev split).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from analysis.compare.meaning import Evidence

OMISSION_CEILING = 0.09
PARTIAL_SHARE = 0.5  # share of a sentence's evidence weight no partner states: "partly shared"
SHOWN_WORDS = 6

SHARED, PARTLY, MAYBE, ONLY = "shared", "partly shared", "maybe elsewhere", "only here"


def _by_weight(items: Iterable[str], weights: Mapping[str, float]) -> list[str]:
    return sorted(items, key=lambda item: (-weights.get(item, 0.0), item))


def written(evidence: Evidence, items: Iterable[str], weights: Mapping[str, float], limit: int = SHOWN_WORDS) -> str:
    """The items as the sentence wrote them, heaviest first: "culvert, overnight"."""
    words = list(dict.fromkeys(evidence.written[i] for i in _by_weight(items, weights)))
    return ", ".join(words[:limit])


def unshared_share(evidence: Evidence, partners: Sequence[Evidence], weights: Mapping[str, float]) -> float:
    """Share of the sentence's evidence weight that no partner states."""
    total = sum(weights.get(i, 0.0) for i in evidence.items)
    if total == 0:
        return 0.0
    elsewhere = set().union(*(p.items for p in partners)) if partners else set()
    return sum(weights.get(i, 0.0) for i in evidence.items - elsewhere) / total


def member_status(evidence: Evidence, partners: Sequence[Evidence], weights: Mapping[str, float]) -> tuple[str, str]:
    """(status, only_here) of a sentence inside a statement."""
    if unshared_share(evidence, partners, weights) < PARTIAL_SHARE:
        return SHARED, ""
    elsewhere = set().union(*(p.items for p in partners))
    return PARTLY, written(evidence, evidence.items - elsewhere, weights)


def unmatched_status(best: float) -> str:
    """A sentence of no statement: an omission only when nothing elsewhere comes near it."""
    return ONLY if best < OMISSION_CEILING else MAYBE


def why_not_same(evidence: Evidence, nearest: Evidence | None, similarity: float,
                 weights: Mapping[str, float]) -> str:
    """Plain words on an unmatched sentence and its closest sentence on another side."""
    if nearest is None:
        return "No other side to compare with."
    shared = evidence.items & nearest.items
    own = evidence.items - nearest.items
    head = f"Closest sentence elsewhere (similarity {similarity:.2f})"
    said = f"shares only {written(evidence, shared, weights)}" if shared else "shares no name, number or event word"
    tail = f"; it does not say {written(evidence, own, weights)}" if own else ""
    return f"{head} {said}{tail}."


def figure_disagreement(labelled: Sequence[tuple[str, Sequence[tuple[str, int]]]]) -> str:
    """"killed: A 2; B 3" when sentences of one statement give one category of casualty figure
    (the casualties table's reading: killed, injured, ...) with numbers that share none; empty
    when they agree or do not both give one. `labelled` is (side label, (category, value)s)."""
    found: dict[str, list[tuple[str, set[int]]]] = {}
    for label, figures in labelled:
        by_category: dict[str, set[int]] = {}
        for category, value in figures:
            by_category.setdefault(category, set()).add(int(value))
        for category, numbers in by_category.items():
            found.setdefault(category, []).append((label, numbers))
    parts = []
    for category, given in found.items():
        if len({label for label, _ in given}) < 2 or set.intersection(*(n for _, n in given)):
            continue
        said = "; ".join(f"{label} {', '.join(str(n) for n in sorted(numbers))}" for label, numbers in given)
        parts.append(f"{category}: {said}")
    return " | ".join(parts)

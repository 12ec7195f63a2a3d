"""Aligned statements: sentences of different sides that report the same fact.

Similarity is by meaning, not wording (similarity.meaning_similarity): shared entities,
numbers, event words of one class, content words, and the sentences' wording.

Which pairs count, for each pair of sides: a pair at or above MATCH_THRESHOLD is kept when one
of its sentences has no closer sentence on the other's side (a best match, seen from either
end). Seen from one end only, so a long sentence stating several facts ("an air strike on a
school killed 18, the health ministry said") keeps each shorter sentence that states one of them:
alignment is many-to-many. A sentence that is nobody's best match is left alone unless the pair
is as close as STRONG_MATCH, the same fact told twice.

Statements: every kept pair is a statement; across three or more sides, pairs merge into one
statement when the merged group holds at most one sentence per side and every two of its
sentences are at least LINK_THRESHOLD alike (complete linkage: a statement never chains two
different facts through a sentence that holds both). A sentence may so belong to several
statements; its first (strongest) one is its `statement`.

Thresholds were chosen on the development pairs of tests/data/compare/pairs (dev split) and
the four-article corpus of tests/data/compare; the held-out pairs played no part. Measured with
bench/score_compare.py on the dev split: pair precision 0.92, recall 0.74 (TF-IDF wording alone:
1.00 / 0.49); on dev2, pairs written after these thresholds were set: 0.93 / 0.72; on the
four-article corpus, text only: 0.95 / 0.95 (test_align.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from analysis.compare.meaning import Evidence, evidence_of, item_weights

MATCH_THRESHOLD = 0.13
ONE_SIDED_MATCH = 0.18
STRONG_MATCH = 0.30
LINK_THRESHOLD = 0.12


@dataclass(frozen=True)
class Unit:
    """One sentence of one side: what the aligner sees. `entities` are its mentions as
    (text as written, canonical entity id); `figures` its casualty figures as (category, value)."""

    side: int
    doc_id: str
    sent_id: int
    text: str
    entities: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    figures: tuple[tuple[str, int], ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Alignment:
    """`statement[i]` is unit i's first statement (None: no other side reports it) and
    `statements[i]` all of them; `best[i]`/`best_unit[i]` its highest similarity to any sentence
    of another side and which; `members[s - 1]` the units of statement s."""

    units: tuple[Unit, ...]
    similarity: np.ndarray
    statement: tuple[int | None, ...]
    best: tuple[float, ...]
    best_unit: tuple[int | None, ...]
    edges: tuple[tuple[int, int, float], ...]  # the pair matches kept, strongest first
    statements: tuple[tuple[int, ...], ...] = ()
    members: tuple[tuple[int, ...], ...] = ()
    matcher: str = ""
    evidence: tuple[Evidence, ...] = ()
    weights: dict[str, float] = field(default_factory=dict)  # evidence item -> weight in this selection


def pair_matches(sim: np.ndarray, rows: np.ndarray, cols: np.ndarray, threshold: float = MATCH_THRESHOLD,
                 one_sided: float = ONE_SIDED_MATCH, strong: float = STRONG_MATCH) -> list[tuple[int, int, float]]:
    """The kept pairs between two sides' sentences: mutual best matches, best from one end
    when closer still, or strong."""
    block = sim[np.ix_(rows, cols)]
    if block.size == 0:
        return []
    row_best = block >= block.max(axis=1, keepdims=True)
    col_best = block >= block.max(axis=0, keepdims=True)
    keep = (((row_best & col_best) & (block >= threshold)) | ((row_best | col_best) & (block >= one_sided))
            | (block >= strong))
    return sorted(((int(rows[r]), int(cols[c]), float(block[r, c])) for r, c in np.argwhere(keep)),
                  key=lambda e: -e[2])


def group_statements(units: Sequence[Unit], sim: np.ndarray, edges: Sequence[tuple[int, int, float]],
                     link: float = LINK_THRESHOLD) -> list[list[int]]:
    """Statements from the kept pairs, strongest first: an edge joins the statement of one end
    when the other end's side is not in it yet and it is `link`-alike to every member, else it
    is a statement of its own (unless a statement already holds both ends)."""
    statements: list[list[int]] = []
    of_unit: dict[int, list[int]] = {}
    for i, j, _ in edges:
        if set(of_unit.get(i, ())) & set(of_unit.get(j, ())):
            continue
        joined = False
        for anchor, other in ((i, j), (j, i)):
            for s in of_unit.get(anchor, ()):
                group = statements[s]
                if all(units[k].side != units[other].side and sim[k, other] >= link for k in group):
                    group.append(other)
                    of_unit.setdefault(other, []).append(s)
                    joined = True
                    break
            if joined:
                break
        if not joined:
            statements.append([i, j])
            of_unit.setdefault(i, []).append(len(statements) - 1)
            of_unit.setdefault(j, []).append(len(statements) - 1)
    return statements


def _nearest(sim: np.ndarray, sides: np.ndarray) -> tuple[list[float], list[int | None]]:
    best: list[float] = []
    best_unit: list[int | None] = []
    for i in range(len(sides)):
        others = np.flatnonzero(sides != sides[i])
        if len(others) == 0:
            best.append(0.0)
            best_unit.append(None)
            continue
        k = int(others[np.argmax(sim[i, others])])
        best.append(float(sim[i, k]))
        best_unit.append(k)
    return best, best_unit


def align(units: Sequence[Unit], threshold: float = MATCH_THRESHOLD,
          similarity: Callable[[Sequence[Unit], Sequence[Evidence]], tuple[np.ndarray, str]] | None = None
          ) -> Alignment:
    """Match sentences across sides and group the matches into statements."""
    from analysis.compare.similarity import meaning_similarity

    units = tuple(units)
    n = len(units)
    evidence = tuple(evidence_of(u.text, u.entities) for u in units)
    sim, matcher = (similarity or meaning_similarity)(units, evidence) if n else (np.zeros((0, 0)), "")
    sides = np.array([u.side for u in units], dtype=int)
    side_ids = sorted(set(sides.tolist()))
    edges: list[tuple[int, int, float]] = []
    for k, a in enumerate(side_ids):
        for b in side_ids[k + 1:]:
            edges.extend(pair_matches(sim, np.flatnonzero(sides == a), np.flatnonzero(sides == b), threshold))
    edges.sort(key=lambda e: -e[2])
    groups = group_statements(units, sim, edges)
    memberships: list[list[int]] = [[] for _ in range(n)]
    for number, group in enumerate(groups, start=1):
        for k in group:
            memberships[k].append(number)
    best, best_unit = _nearest(sim, sides)
    return Alignment(units, sim, tuple(m[0] if m else None for m in memberships), tuple(best), tuple(best_unit),
                     tuple(edges), tuple(tuple(m) for m in memberships), tuple(tuple(sorted(g)) for g in groups),
                     matcher, evidence, item_weights(evidence))

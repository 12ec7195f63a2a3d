"""`compare`: a selection of sides in, a `Comparison` out. Runs on the selected articles only,
so it costs the same on a corpus of two articles or of thousands.

Only the framing words depend on anything beyond the selected articles (the prior: the words of
the articles around them), so `compare` is `with_framing(compare_unframed(...))`: a page whose
prior follows its filters keeps the rest of a comparison while the filters change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from analysis.compare import (
    conflicts,
    coverage,
    framing,
    labels,
    statements,
    summary,
    tone,
)
from analysis.compare.model import Comparison
from analysis.compare.selection import Side
from analysis.result import Analysis


def compare(result: Analysis, sides: Sequence[Side], texts: Mapping[str, str],
            prior: Mapping[str, float] | None = None) -> Comparison:
    """Compare `sides` (see analysis.compare.selection.build_sides) within `result`.

    `texts` maps doc_id to the article text (offsets in the tables index it); `prior` is the
    corpus's word counts for the framing statistic (framing.term_counts), else the selection's.
    """
    return with_framing(compare_unframed(result, sides, texts), texts, prior)


def with_framing(comparison: Comparison, texts: Mapping[str, str],
                 prior: Mapping[str, float] | None = None, sides: Sequence[Side] | None = None) -> Comparison:
    """`comparison` with its framing words weighed against `prior`. `sides`, when given, must
    stand for the same articles as the comparison's (only how many articles a source has in
    view, `Side.available`, may have changed since): they replace the comparison's."""
    sides = tuple(sides) if sides is not None else comparison.sides
    return replace(comparison, sides=sides, framing=framing.distinctive_terms(sides, texts, prior))


def compare_unframed(result: Analysis, sides: Sequence[Side], texts: Mapping[str, str]) -> Comparison:
    """Everything `compare` gives but the framing words (left empty): what depends on the
    selected articles alone."""
    sides = tuple(sides)
    chosen = {d for side in sides for d in side.doc_ids}
    sentences = result.sentences[result.sentences["doc_id"].isin(chosen)]
    mentions = result.mentions[result.mentions["doc_id"].isin(chosen)]
    alignment = statements.align_sides(sides, sentences, mentions, result.casualties)
    sentence_rows = statements.sentence_table(sides, sentences, alignment)
    statement_rows = statements.statement_table(sentence_rows, alignment)
    quotes = coverage.quotes_table(sides, sentences, mentions)
    figures = conflicts.figure_conflicts(sides, result.casualties, sentence_rows)
    parts = {
        "sides": sides,
        "sentences": sentence_rows,
        "statements": statement_rows,
        "omissions": statements.omissions(sentence_rows),
        "maybe_elsewhere": statements.maybe_elsewhere(sentence_rows),
        "overlap": statements.pair_overlap(sentence_rows, len(sides)),
        "coverage": coverage.coverage_table(sides, mentions),
        "quotes": quotes,
        "labels": labels.actor_labels(sides, texts, mentions),
        "epithets": labels.epithets(sides, texts),
        "figures": figures,
        "figure_spread": conflicts.figure_spread(figures),
        "dates": conflicts.date_conflicts(sides, result.events, sentence_rows),
        "tone": tone.side_tone(sides, sentence_rows),
        "statement_tone": tone.statement_tone(statement_rows),
    }
    return Comparison(
        sides=sides, sentences=parts["sentences"], statements=parts["statements"], omissions=parts["omissions"],
        maybe_elsewhere=parts["maybe_elsewhere"], matcher=alignment.matcher,
        overlap=parts["overlap"], coverage=parts["coverage"], quotes=quotes, labels=parts["labels"],
        epithets=parts["epithets"], framing=framing.distinctive_terms((), {}), figures=figures,
        dates=parts["dates"], tone=parts["tone"], statement_tone=parts["statement_tone"],
        summary=summary.summarise(parts),
    )

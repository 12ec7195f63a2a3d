"""Compare sources on one story: aligned statements, omissions, entity coverage and labels,
framing, figure and date conflicts, tone, and a summary in plain words.

    from analysis.compare import build_sides, clean_selection, compare
    sides = build_sides(clean_selection(keys, result.documents)[0], result.documents)
    comparison = compare(result, sides, {d.doc_id: d.text for d in documents})
"""

from analysis.compare.core import compare
from analysis.compare.framing import term_counts
from analysis.compare.model import Comparison
from analysis.compare.selection import (
                                        MAX_SIDES,
                                        Side,
                                        article_key,
                                        build_sides,
                                        clean_selection,
                                        default_selection,
                                        selection_mode,
                                        source_key,
)

__all__ = ["MAX_SIDES", "Comparison", "Side", "article_key", "build_sides", "clean_selection", "compare",
           "default_selection", "selection_mode", "source_key", "term_counts"]

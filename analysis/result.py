"""The `Analysis` result: one DataFrame per concern, all keyed by doc_id and sent_id."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd

from analysis.schema import TABLES


def empty_table(name: str) -> pd.DataFrame:
    """An empty table with the columns analysis.schema promises, so views never special-case "no rows"."""
    return pd.DataFrame({column: pd.Series(dtype="object") for column in TABLES[name]})


@dataclass(frozen=True)
class Analysis:
    """Everything Parallax computes from a corpus. Plain DataFrames: picklable, cacheable, exportable."""

    documents: pd.DataFrame
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    entities: pd.DataFrame
    casualties: pd.DataFrame
    events: pd.DataFrame
    pipeline: str
    incidents: pd.DataFrame = field(default_factory=lambda: empty_table("incidents"))
    statistics: pd.DataFrame = field(default_factory=lambda: empty_table("statistics"))

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table by name, in docs/ARCHITECTURE.md's order (the six original tables, then
        incidents and statistics), for exports and the CLI."""
        return {
            "documents": self.documents,
            "sentences": self.sentences,
            "mentions": self.mentions,
            "entities": self.entities,
            "casualties": self.casualties,
            "events": self.events,
            "incidents": self.incidents,
            "statistics": self.statistics,
        }

    def replace(self, **tables: pd.DataFrame) -> Analysis:
        return replace(self, **tables)

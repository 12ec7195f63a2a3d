"""`Comparison`: everything the Compare page shows, as plain tables keyed by side index."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.compare.selection import Side


@dataclass(frozen=True)
class Comparison:
    sides: tuple[Side, ...]
    sentences: pd.DataFrame  # every sentence of the selection, with its statement (or none)
    statements: pd.DataFrame  # aligned statements, one row per member sentence
    omissions: pd.DataFrame  # sentences only one side reports (nothing elsewhere comes near)
    overlap: pd.DataFrame  # side x other side: statements shared
    coverage: pd.DataFrame  # entity x side mentions, named by all / only one
    quotes: pd.DataFrame  # who is quoted, by which side, in which sentence
    labels: pd.DataFrame  # descriptive phrases each side writes next to an actor
    epithets: pd.DataFrame  # free-standing characterisations per side
    framing: pd.DataFrame  # distinctive terms per side (log-odds z)
    figures: pd.DataFrame  # figures the sides disagree on
    dates: pd.DataFrame  # events the sides date differently
    tone: pd.DataFrame  # sentiment per side
    statement_tone: pd.DataFrame  # sentiment gap per statement
    summary: tuple[str, ...]  # plain-words findings, most telling first
    maybe_elsewhere: pd.DataFrame | None = None  # unmatched sentences another side may state in other words
    matcher: str = ""  # which statement matcher ran (offline, or with a sentence-embedding model)

    @property
    def n_statements(self) -> int:
        return int(self.statements["statement"].nunique()) if not self.statements.empty else 0

"""Tone per side and per aligned statement (VADER compound of the sentences, -1..+1)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.compare.selection import Side


def side_tone(sides: Sequence[Side], sentence_rows: pd.DataFrame) -> pd.DataFrame:
    """Mean and spread of sentence sentiment per side, and its most negative sentence."""
    rows = []
    for index, side in enumerate(sides):
        own = sentence_rows[sentence_rows["side"] == index]
        if own.empty:
            rows.append({"side": index, "label": side.label, "sentences": 0, "mean": 0.0, "negative_share": 0.0,
                         "most_negative": "", "most_negative_score": 0.0})
            continue
        worst = own.loc[own["compound"].idxmin()]
        rows.append({"side": index, "label": side.label, "sentences": len(own), "mean": float(own["compound"].mean()),
                     "negative_share": float((own["compound"] <= -0.05).mean()),
                     "most_negative": worst["text"], "most_negative_score": float(worst["compound"])})
    return pd.DataFrame(rows)


def statement_tone(statements: pd.DataFrame) -> pd.DataFrame:
    """One row per statement: its sides' sentiments, widest gap first."""
    columns = ["statement", "n_sides", "tone_spread", "warmest", "coldest", "warmest_text", "coldest_text"]
    if statements.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for statement, group in statements.groupby("statement", sort=False):
        warm, cold = group.loc[group["compound"].idxmax()], group.loc[group["compound"].idxmin()]
        rows.append({"statement": int(statement), "n_sides": len(group), "tone_spread": float(warm["compound"] - cold["compound"]),
                     "warmest": f"{warm['label']} ({warm['compound']:+.2f})", "coldest": f"{cold['label']} ({cold['compound']:+.2f})",
                     "warmest_text": warm["text"], "coldest_text": cold["text"]})
    return pd.DataFrame(rows, columns=columns).sort_values("tone_spread", ascending=False).reset_index(drop=True)

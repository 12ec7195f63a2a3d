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
    """One row per statement: its sides' sentiments, widest gap first. Each statement's warmest
    and coldest sentence are found in one grouped pass (a lookup per statement took 3.6 s for
    two sources' 30 articles)."""
    columns = ["statement", "n_sides", "tone_spread", "warmest", "coldest", "warmest_text", "coldest_text"]
    if statements.empty:
        return pd.DataFrame(columns=columns)
    by_statement = statements.groupby("statement", sort=False)["compound"]
    warm = statements.loc[by_statement.idxmax().to_numpy()].reset_index(drop=True)
    cold = statements.loc[by_statement.idxmin().to_numpy()].reset_index(drop=True)
    rows = pd.DataFrame({
        "statement": warm["statement"].astype(int).to_numpy(),
        "n_sides": by_statement.size().to_numpy(),
        "tone_spread": (warm["compound"] - cold["compound"]).astype(float).to_numpy(),
        "warmest": [f"{label} ({compound:+.2f})" for label, compound in zip(warm["label"], warm["compound"])],
        "coldest": [f"{label} ({compound:+.2f})" for label, compound in zip(cold["label"], cold["compound"])],
        "warmest_text": warm["text"].to_numpy(), "coldest_text": cold["text"].to_numpy(),
    }, columns=columns)
    return rows.sort_values("tone_spread", ascending=False).reset_index(drop=True)

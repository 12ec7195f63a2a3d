"""Tone per aligned statement: each statement's warmest and coldest telling, widest gap first."""

import pandas as pd

from analysis.compare.tone import statement_tone


def test_each_statement_names_its_warmest_and_coldest_side_widest_gap_first():
    statements = pd.DataFrame({
        "statement": pd.array([1, 1, 2, 2, 2], dtype="Int64"),
        "label": ["Harbour Wire", "Ridge Post", "Harbour Wire", "Ridge Post", "Valley Times"],
        "compound": [-0.2, -0.1, 0.4, -0.6, 0.4],
        "text": ["Shelling hit Kherson.", "Kherson was shelled.", "Aid reached Mykolaiv.",
                 "Little aid reached Mykolaiv.", "Aid convoys arrived in Mykolaiv."],
    })
    tone = statement_tone(statements)
    assert list(tone["statement"]) == [2, 1]  # the gap of 1.0 before the gap of 0.1
    first = tone.iloc[0]
    assert first["n_sides"] == 3 and round(first["tone_spread"], 6) == 1.0
    # a tie for the warmest goes to the statement's first sentence
    assert first["warmest"] == "Harbour Wire (+0.40)" and first["warmest_text"] == "Aid reached Mykolaiv."
    assert first["coldest"] == "Ridge Post (-0.60)" and first["coldest_text"] == "Little aid reached Mykolaiv."
    second = tone.iloc[1]
    assert second["warmest"] == "Ridge Post (-0.10)" and second["coldest"] == "Harbour Wire (-0.20)"
    assert round(second["tone_spread"], 6) == 0.1


def test_no_statement_gives_an_empty_table_with_its_columns():
    empty = statement_tone(pd.DataFrame(columns=["statement", "label", "compound", "text"]))
    assert empty.empty and "tone_spread" in empty.columns

"""Omissions in the sentence table: a sentence far from everything elsewhere is "only here" when
the matcher has placed most of the other side, and "maybe elsewhere" when it has not."""

import pandas as pd

from analysis.compare import explain
from analysis.compare.align import Unit, align
from analysis.compare.selection import Side
from analysis.compare.statements import sentence_table, unexplained_shares

SIDES = (Side("s:a", "Red Sea Post", "Red Sea Post", ("a",)), Side("s:b", "Tihama Radio", "Tihama Radio", ("b",)))


def _table(texts_a: list[str], texts_b: list[str]) -> tuple[pd.DataFrame, object]:
    units = [Unit(0, "a", k, t) for k, t in enumerate(texts_a)] + [Unit(1, "b", k, t) for k, t in enumerate(texts_b)]
    sentences = pd.DataFrame([{"doc_id": u.doc_id, "sent_id": u.sent_id, "paragraph": 0, "compound": 0.0,
                               "text": u.text} for u in units])
    alignment = align(units)
    return sentence_table(SIDES, sentences, alignment), alignment


SHELLING_A = "Rebels shelled the port of Hodeidah on Monday, killing nine civilians."
SHELLING_B = "Nine civilians died when rebels shelled Hodeidah port on Monday."
SCHOOLS = "The city's schools will stay closed until Friday."
FISHERMEN = "Fishermen say their catch has halved since the war began."
GOVERNOR = "The governor toured the flooded market by boat."


def test_the_unexplained_share_counts_the_other_sides_sentences_in_no_statement():
    _, alignment = _table([SHELLING_A, SCHOOLS], [SHELLING_B, FISHERMEN, GOVERNOR])
    assert alignment.statement[0] is not None and alignment.statement[2] is not None  # the shelling
    shares = unexplained_shares(alignment)
    assert shares[0] == 2 / 3  # fishermen and governor: nothing of side a holds them
    assert shares[1] == 1 / 2  # the schools


def test_an_unmatched_sentence_is_only_here_where_the_other_side_is_read():
    table, _ = _table([SHELLING_A, SCHOOLS], [SHELLING_B])
    schools = table[table["text"] == SCHOOLS].iloc[0]
    assert schools["best_similarity"] < explain.OMISSION_CEILING
    assert schools["status"] == explain.ONLY
    assert schools["nearest_text"] == SHELLING_B and schools["why"].startswith("Closest sentence elsewhere")


def test_it_is_maybe_elsewhere_where_much_of_the_other_side_is_unexplained():
    table, _ = _table([SHELLING_A, SCHOOLS], [SHELLING_B, FISHERMEN, GOVERNOR])
    schools = table[table["text"] == SCHOOLS].iloc[0]
    assert schools["best_similarity"] < explain.OMISSION_CEILING
    assert schools["status"] == explain.MAYBE
    assert "67% of the other side's sentences match nothing here" in schools["why"]

"""Statements and omissions as tables: which sentence of which side reports what.

`sentence_table` has one row per sentence of the selection with its statement number (None:
only this side reports it), its best similarity to another side and that side's nearest
sentence, so an omission can be judged ("nothing above 0.12 elsewhere"). `statement_table`
has one row per sentence that belongs to a statement, for the aligned-statements view.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.compare.align import Alignment, Unit, align
from analysis.compare.selection import Side

SENTENCE_COLUMNS = ["side", "label", "doc_id", "sent_id", "paragraph", "text", "compound", "statement",
                    "n_sides", "best_similarity", "nearest_side", "nearest_text"]


def units_of(sides: Sequence[Side], sentences: pd.DataFrame) -> list[Unit]:
    """The sentences of every side in reading order (article, then sentence)."""
    units: list[Unit] = []
    for index, side in enumerate(sides):
        rows = sentences[sentences["doc_id"].isin(side.doc_ids)]
        order = {doc_id: k for k, doc_id in enumerate(side.doc_ids)}
        rows = rows.assign(_order=rows["doc_id"].map(order)).sort_values(["_order", "sent_id"], kind="stable")
        units.extend(Unit(index, str(d), int(s), str(t)) for d, s, t in rows[["doc_id", "sent_id", "text"]].itertuples(index=False))
    return units


def align_sides(sides: Sequence[Side], sentences: pd.DataFrame) -> Alignment:
    return align(units_of(sides, sentences))


def sentence_table(sides: Sequence[Side], sentences: pd.DataFrame, alignment: Alignment) -> pd.DataFrame:
    """One row per sentence of the selection, with its statement and nearest match elsewhere."""
    info = sentences.set_index(["doc_id", "sent_id"])
    sizes: dict[int, int] = {}
    for s in alignment.statement:
        if s is not None:
            sizes[s] = sizes.get(s, 0) + 1
    rows = []
    for i, unit in enumerate(alignment.units):
        row = info.loc[(unit.doc_id, unit.sent_id)]
        near = alignment.best_unit[i]
        statement = alignment.statement[i]
        rows.append({
            "side": unit.side, "label": sides[unit.side].label, "doc_id": unit.doc_id, "sent_id": unit.sent_id,
            "paragraph": int(row["paragraph"]), "text": unit.text, "compound": float(row["compound"]),
            "statement": statement, "n_sides": sizes.get(statement, 1) if statement is not None else 1,
            "best_similarity": round(alignment.best[i], 3),
            "nearest_side": sides[alignment.units[near].side].label if near is not None else None,
            "nearest_text": alignment.units[near].text if near is not None else None,
        })
    frame = pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
    frame["statement"] = frame["statement"].astype("Int64")
    return frame


def statement_table(sentence_rows: pd.DataFrame, alignment: Alignment) -> pd.DataFrame:
    """The aligned statements, one row per member sentence, most widely reported first.

    `similarity` is the sentence's strongest match inside its statement; `tone_spread` the
    statement's max minus min sentiment, the same fact told warmer or colder."""
    members = sentence_rows.dropna(subset=["statement"]).copy()
    if members.empty:
        return members.assign(similarity=pd.Series(dtype=float), tone_spread=pd.Series(dtype=float))
    index_of = {(u.doc_id, u.sent_id, u.side): k for k, u in enumerate(alignment.units)}
    keys = [index_of[(d, s, side)] for d, s, side in members[["doc_id", "sent_id", "side"]].itertuples(index=False)]
    statement_of = dict(zip(keys, members["statement"]))
    strongest: dict[int, float] = {}
    for i, j, value in alignment.edges:
        if statement_of.get(i) is not None and statement_of.get(i) == statement_of.get(j):
            strongest[i] = max(strongest.get(i, 0.0), value)
            strongest[j] = max(strongest.get(j, 0.0), value)
    members["similarity"] = [round(strongest.get(k, 0.0), 3) for k in keys]
    spread = members.groupby("statement")["compound"].agg(lambda c: float(c.max() - c.min()))
    members["tone_spread"] = members["statement"].map(spread)
    members = members.sort_values(["n_sides", "statement", "side"], ascending=[False, True, True], kind="stable")
    return members.reset_index(drop=True)


def omissions(sentence_rows: pd.DataFrame) -> pd.DataFrame:
    """Sentences only one side reports: what every other side of the selection leaves out."""
    only = sentence_rows[sentence_rows["statement"].isna()]
    return only[["side", "label", "doc_id", "sent_id", "text", "compound", "best_similarity", "nearest_side",
                 "nearest_text"]].reset_index(drop=True)


def pair_overlap(sentence_rows: pd.DataFrame, n_sides: int) -> pd.DataFrame:
    """For each ordered pair (a, b): how many of a's sentences b also reports, and the share."""
    rows = []
    by_side = {s: set(g["statement"].dropna()) for s, g in sentence_rows.groupby("side")}
    counts = sentence_rows.groupby("side").size()
    for a in range(n_sides):
        for b in range(n_sides):
            if a == b:
                continue
            shared = len(by_side.get(a, set()) & by_side.get(b, set()))
            total = int(counts.get(a, 0))
            rows.append({"side": a, "other": b, "shared": shared, "sentences": total,
                         "share": shared / total if total else 0.0})
    return pd.DataFrame(rows, columns=["side", "other", "shared", "sentences", "share"])

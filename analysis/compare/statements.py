"""Statements and omissions as tables: which sentence of which side reports what.

`sentence_table` has one row per sentence of the selection with its first statement number
(None: no other side was matched), its `status` (shared, partly shared, maybe elsewhere, only
here: analysis.compare.explain), the part only it states, its best similarity to another side,
that side's nearest sentence and, for a sentence of no statement, why it is not the same.
`statement_table` has one row per (statement, member sentence), for the aligned-statements
view, with any disagreement on figures. `omissions` are the "only here" sentences.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.compare import explain
from analysis.compare.align import Alignment, Unit, align
from analysis.compare.selection import Side

SENTENCE_COLUMNS = ["side", "label", "doc_id", "sent_id", "paragraph", "text", "compound", "statement",
                    "n_sides", "status", "only_here", "best_similarity", "nearest_side", "nearest_text", "why"]
OMISSION_COLUMNS = ["side", "label", "doc_id", "sent_id", "text", "compound", "best_similarity", "nearest_side",
                    "nearest_text", "why"]


def _entities_by_sentence(mentions: pd.DataFrame | None) -> dict[tuple[str, int], tuple[tuple[str, str], ...]]:
    """(doc_id, sent_id) -> its mentions as (text, canonical entity id), in reading order."""
    if mentions is None or mentions.empty:
        return {}
    found: dict[tuple[str, int], list[tuple[str, str]]] = {}
    for d, s, text, entity in mentions.sort_values(["doc_id", "start"])[["doc_id", "sent_id", "text", "entity"]].itertuples(index=False):
        found.setdefault((str(d), int(s)), []).append((str(text), str(entity)))
    return {key: tuple(value) for key, value in found.items()}


def _figures_by_sentence(casualties: pd.DataFrame | None) -> dict[tuple[str, int], tuple[tuple[str, int], ...]]:
    """(doc_id, sent_id) -> its casualty figures as (category, value), numbers only."""
    if casualties is None or casualties.empty:
        return {}
    found: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for d, s, category, value in casualties[["doc_id", "sent_id", "category", "value"]].itertuples(index=False):
        if value is not None and not pd.isna(value):
            found.setdefault((str(d), int(s)), []).append((str(category), int(value)))
    return {key: tuple(value) for key, value in found.items()}


def units_of(sides: Sequence[Side], sentences: pd.DataFrame, mentions: pd.DataFrame | None = None,
             casualties: pd.DataFrame | None = None) -> list[Unit]:
    """The sentences of every side in reading order (article, then sentence), with their
    mentions' canonical entities (the aligner's strongest evidence) and casualty figures."""
    entities = _entities_by_sentence(mentions)
    figures = _figures_by_sentence(casualties)
    units: list[Unit] = []
    for index, side in enumerate(sides):
        rows = sentences[sentences["doc_id"].isin(side.doc_ids)]
        order = {doc_id: k for k, doc_id in enumerate(side.doc_ids)}
        rows = rows.assign(_order=rows["doc_id"].map(order)).sort_values(["_order", "sent_id"], kind="stable")
        units.extend(Unit(index, str(d), int(s), str(t), entities.get((str(d), int(s)), ()),
                          figures.get((str(d), int(s)), ()))
                     for d, s, t in rows[["doc_id", "sent_id", "text"]].itertuples(index=False))
    return units


def align_sides(sides: Sequence[Side], sentences: pd.DataFrame, mentions: pd.DataFrame | None = None,
                casualties: pd.DataFrame | None = None) -> Alignment:
    return align(units_of(sides, sentences, mentions, casualties))


def unexplained_shares(alignment: Alignment) -> dict[int, float]:
    """Side -> share of the other sides' sentences that are in no statement: how much of what the
    others say the matcher could not place (explain.UNEXPLAINED_LIMIT)."""
    sides = [u.side for u in alignment.units]
    alone = [s is None for s in alignment.statement]
    shares = {}
    for side in set(sides):
        others = [lonely for own, lonely in zip(sides, alone) if own != side]
        shares[side] = sum(others) / len(others) if others else 0.0
    return shares


def _judged(alignment: Alignment, i: int, unexplained: float) -> tuple[str, str, str]:
    """(status, only_here, why) of unit i; `unexplained` is unexplained_shares of its side."""
    evidence, weights = alignment.evidence[i], alignment.weights
    if alignment.statements[i]:
        partners = [alignment.evidence[k] for s in alignment.statements[i] for k in alignment.members[s - 1] if k != i]
        status, only_here = explain.member_status(evidence, partners, weights)
        return status, only_here, ""
    near = alignment.best_unit[i]
    why = explain.why_not_same(evidence, alignment.evidence[near] if near is not None else None,
                               alignment.best[i], weights) + explain.unexplained_note(alignment.best[i], unexplained)
    return explain.unmatched_status(alignment.best[i], unexplained), "", why


def sentence_table(sides: Sequence[Side], sentences: pd.DataFrame, alignment: Alignment) -> pd.DataFrame:
    """One row per sentence of the selection, with its statement and nearest match elsewhere."""
    info = sentences.set_index(["doc_id", "sent_id"])
    sizes = {number: len({alignment.units[k].side for k in group})
             for number, group in enumerate(alignment.members, start=1)}
    unexplained = unexplained_shares(alignment)
    rows = []
    for i, unit in enumerate(alignment.units):
        row = info.loc[(unit.doc_id, unit.sent_id)]
        near = alignment.best_unit[i]
        statement = alignment.statement[i]
        status, only_here, why = _judged(alignment, i, unexplained[unit.side])
        rows.append({
            "side": unit.side, "label": sides[unit.side].label, "doc_id": unit.doc_id, "sent_id": unit.sent_id,
            "paragraph": int(row["paragraph"]), "text": unit.text, "compound": float(row["compound"]),
            "statement": statement, "n_sides": sizes.get(statement, 1) if statement is not None else 1,
            "status": status, "only_here": only_here, "best_similarity": round(alignment.best[i], 3),
            "nearest_side": sides[alignment.units[near].side].label if near is not None else None,
            "nearest_text": alignment.units[near].text if near is not None else None, "why": why,
        })
    frame = pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
    frame["statement"] = frame["statement"].astype("Int64")
    return frame


def statement_table(sentence_rows: pd.DataFrame, alignment: Alignment) -> pd.DataFrame:
    """The aligned statements, one row per (statement, member sentence), most widely reported
    first; a sentence stating several shared facts has a row in each of their statements.

    `similarity` is the sentence's strongest match inside the statement; `tone_spread` the
    statement's max minus min sentiment, the same fact told warmer or colder; `figures_differ`
    the casualty figures its sides give differently ("killed: A 2; B 3"), empty if none."""
    rows_of_unit = {(u.doc_id, u.sent_id, u.side): k for k, u in enumerate(alignment.units)}
    row_of_unit = {rows_of_unit[(d, s, side)]: r for r, (d, s, side) in
                   enumerate(sentence_rows[["doc_id", "sent_id", "side"]].itertuples(index=False))}
    picked, numbers, similarity = [], [], []
    for number, group in enumerate(alignment.members, start=1):
        for k in group:
            picked.append(row_of_unit[k])
            numbers.append(number)
            similarity.append(round(max(float(alignment.similarity[k, o]) for o in group if o != k), 3))
    members = sentence_rows.iloc[picked].copy()
    if members.empty:
        return members.assign(similarity=pd.Series(dtype=float), tone_spread=pd.Series(dtype=float))
    members["statement"] = pd.array(numbers, dtype="Int64")
    members["n_sides"] = members.groupby("statement")["side"].transform("nunique")
    members["similarity"] = similarity
    labels = sentence_rows["label"].tolist()  # a row lookup per member took 3 s for 10,800 members
    differ = {number: explain.figure_disagreement([(labels[row_of_unit[k]], alignment.units[k].figures) for k in group])
              for number, group in enumerate(alignment.members, start=1)}
    members["figures_differ"] = members["statement"].map(lambda number: differ[int(number)])
    tone = members.groupby("statement")["compound"]
    members["tone_spread"] = members["statement"].map((tone.max() - tone.min()).astype(float))
    members = members.sort_values(["n_sides", "statement", "side"], ascending=[False, True, True], kind="stable")
    return members.reset_index(drop=True)


def omissions(sentence_rows: pd.DataFrame) -> pd.DataFrame:
    """Sentences only one side reports: nothing on any other side of the selection comes near
    them (explain.OMISSION_CEILING) in sides the matcher has read (explain.UNEXPLAINED_LIMIT),
    with the nearest sentence elsewhere and why it differs."""
    only = sentence_rows[sentence_rows["status"] == explain.ONLY]
    return only[OMISSION_COLUMNS].reset_index(drop=True)


def maybe_elsewhere(sentence_rows: pd.DataFrame) -> pd.DataFrame:
    """Sentences matched to no other side that another side may still state in other words:
    neither a shared statement nor an omission an analyst should act on."""
    return sentence_rows[sentence_rows["status"] == explain.MAYBE][OMISSION_COLUMNS].reset_index(drop=True)


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

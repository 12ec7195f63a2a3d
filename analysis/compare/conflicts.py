"""Figures and dates the sides disagree on.

Figures come from two places. The Casualties incident grouping (`incident_id`) joins one
incident's reports across articles when place, date and numbers fit; an aligned statement
(sentences reporting the same thing) catches the reports the grouping kept apart, e.g. when one
outlet dates the attack a day earlier. A figure differs when the sides' ranges (low..high) are
not the same; an incident's reports must also not name two different places (a check on the
grouping: an aligned statement is one statement whatever places its sentences name). Dates: sentences of one statement that each carry a day-level date and share no
day between them give the same event different dates.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.compare.coverage import side_of_doc
from analysis.compare.selection import Side

FIGURE_COLUMNS = ["matched_by", "category", "side", "label", "figure", "low", "high", "location", "text",
                  "doc_id", "sent_id"]
DATE_COLUMNS = ["statement", "side", "label", "dates", "expressions", "text", "doc_id", "sent_id"]
QUALIFIER_WORDS = {"exact": "", "at_least": "at least ", "more_than": "more than ", "about": "about ",
                   "up_to": "up to ", "range": "", "vague": ""}
DAY_GRANULARITIES = frozenset({"day"})


def _number(value) -> int | None:
    try:
        return None if value is None or pd.isna(value) else int(value)
    except (TypeError, ValueError):
        return None


def figure_words(row) -> str:
    """"at least 15 killed" from a casualties row; the words as written when there is no number."""
    value = _number(row.get("value"))
    said = str(row.get("text") or "").strip()
    if value is None:
        return f"{said} {row['category']}".strip()
    return f"{QUALIFIER_WORDS.get(str(row.get('qualifier')), '')}{value} {row['category']}"


def _best_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """Per side, the side's largest figure for the category (its headline toll)."""
    ranked = rows.assign(_top=rows["high"].fillna(rows["low"]).fillna(0)).sort_values(["side", "_top"], ascending=[True, False])
    return ranked.drop_duplicates("side")


def _places(group: pd.DataFrame) -> set[str]:
    if "location" not in group.columns:
        return set()
    return {str(p).strip().lower() for p in group["location"] if isinstance(p, str) and p.strip()}


def _disagreeing(group: pd.DataFrame, same_place: bool = False) -> bool:
    """Two or more sides, two or more different ranges; with `same_place`, and no two places
    named (figures from two places are two incidents, whatever grouped them)."""
    spans = {(_number(l), _number(h)) for l, h in group[["low", "high"]].itertuples(index=False)}
    if same_place and len(_places(group)) > 1:
        return False
    return group["side"].nunique() >= 2 and len(spans) >= 2


def _rows_for(matched_by: str, best: pd.DataFrame, sides: Sequence[Side]) -> list[dict]:
    return [{"matched_by": matched_by, "category": r["category"], "side": int(r["side"]),
             "label": sides[int(r["side"])].label, "figure": figure_words(r), "low": _number(r["low"]),
             "high": _number(r["high"]), "location": r.get("location"), "text": r.get("evidence"),
             "doc_id": r["doc_id"], "sent_id": int(r["sent_id"])} for _, r in best.iterrows()]


def figure_conflicts(sides: Sequence[Side], casualties: pd.DataFrame, sentence_rows: pd.DataFrame) -> pd.DataFrame:
    """One row per side and disagreement: the incident or statement, and each side's figure."""
    where = side_of_doc(sides)
    rows = casualties[casualties["doc_id"].isin(where)].assign(side=lambda c: c["doc_id"].map(where))
    if "part_of" in rows.columns:
        rows = rows[~rows["part_of"].fillna(False).astype(bool)]  # subsets ("including three children")
    out: list[dict] = []
    seen: list[frozenset] = []

    def report(matched_by: str, best: pd.DataFrame, same_place: bool = False) -> None:
        key = frozenset(zip(best["doc_id"], best["sent_id"], best["category"]))
        if _disagreeing(best, same_place) and not any(key <= earlier for earlier in seen):
            seen.append(key)
            out.extend(_rows_for(matched_by, best, sides))

    # Statements first: they reach across the grouping's date and place windows, so an
    # incident whose reports they already show adds nothing.
    statement_of = {(d, s): st for d, s, st in sentence_rows[["doc_id", "sent_id", "statement"]].itertuples(index=False)
                    if not pd.isna(st)}
    rows = rows.assign(statement=[statement_of.get((d, s)) for d, s in zip(rows["doc_id"], rows["sent_id"])])
    for (statement, category), group in rows.dropna(subset=["statement"]).groupby(["statement", "category"], sort=True):
        report(f"statement S{int(statement)}", _best_rows(group))
    if "incident_id" in rows.columns:
        for incident, group in rows.dropna(subset=["incident_id"]).groupby("incident_id", sort=True):
            report(f"incident {incident}", _best_rows(group), same_place=True)
    return pd.DataFrame(out, columns=FIGURE_COLUMNS)


def figure_spread(conflicts: pd.DataFrame) -> pd.DataFrame:
    """One row per disagreement: category, lowest and highest figure and who gives them."""
    if conflicts.empty:
        return pd.DataFrame(columns=["matched_by", "category", "lowest", "highest", "ratio", "figures"])
    rows = []
    for (matched, category), group in conflicts.groupby(["matched_by", "category"], sort=False):
        tops = group["high"].fillna(group["low"])
        lowest, highest = group.loc[tops.idxmin()], group.loc[tops.idxmax()]
        rows.append({"matched_by": matched, "category": category, "lowest": f"{lowest['label']}: {lowest['figure']}",
                     "highest": f"{highest['label']}: {highest['figure']}",
                     "ratio": float(tops.max()) / float(tops.min()) if tops.min() else float("inf"),
                     "figures": "; ".join(f"{l}: {f}" for l, f in zip(group["label"], group["figure"]))})
    return pd.DataFrame(rows).sort_values("ratio", ascending=False).reset_index(drop=True)


def date_conflicts(sides: Sequence[Side], events: pd.DataFrame, sentence_rows: pd.DataFrame) -> pd.DataFrame:
    """Aligned sentences that date the same event to different days."""
    dated = events[events["granularity"].isin(DAY_GRANULARITIES)].dropna(subset=["date"])
    by_sentence: dict[tuple[str, int], list] = {}
    for d, s, day, expr in dated[["doc_id", "sent_id", "date", "expression"]].itertuples(index=False):
        by_sentence.setdefault((d, int(s)), []).append((pd.Timestamp(day).date(), expr))
    out: list[dict] = []
    members = sentence_rows.dropna(subset=["statement"])
    for statement, group in members.groupby("statement", sort=True):
        carried = [(r, by_sentence[(r.doc_id, r.sent_id)]) for r in group.itertuples() if (r.doc_id, r.sent_id) in by_sentence]
        if len(carried) < 2:
            continue
        days = [{d for d, _ in found} for _, found in carried]
        clash = any(not (days[i] & days[j]) for i in range(len(days)) for j in range(i + 1, len(days)))
        if not clash:
            continue
        for r, found in carried:
            out.append({"statement": int(statement), "side": int(r.side), "label": r.label,
                        "dates": ", ".join(f"{d:%a %-d %b %Y}" for d in sorted({d for d, _ in found})),
                        "expressions": ", ".join(dict.fromkeys(e for _, e in found)), "text": r.text,
                        "doc_id": r.doc_id, "sent_id": int(r.sent_id)})
    return pd.DataFrame(out, columns=DATE_COLUMNS)

"""The casualty tables reshaped for reading: figures with their evidence, each source's report of
each incident, the incident ledger and totals that never count the same deaths twice.

Pure pandas, no Streamlit, so the Casualties page and its CSV exports are testable and scriptable.

The one rule everything here keeps: a total is a sum over *incidents* of each incident's
conservative figure (ACLED's "most conservative credible report"). Reports of one incident by
several sources are never added, and a subset ("including eight children") never adds to the
figure it belongs to.

When the sidebar filters keep only some of an incident's reports (one source, say), that
incident is restated from the reports that are left. Each report's figure comes from
analysis.casualties.article_figure, the one rule the incident grouping uses too (coordinated
figures of one sentence add up, rival claims never do, a cumulative toll stands alone), and
the incident's figures from analysis.casualties.incident_figures (the conservative figure is
the lowest stated figure among the reports).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date
from urllib.parse import urlparse

import numpy as np
import pandas as pd

from analysis.casualties import article_figure, incident_figures
from analysis.casualties.kinds import STATISTIC
from analysis.schema import CASUALTY_CATEGORIES

REPORT_COLUMNS = [
    "incident_id", "doc_id", "source", "title", "url", "published", "date", "category", "low", "high",
    "stated", "wording", "evidence", "toll", "unit",
]
INCIDENT_VIEW_COLUMNS = [
    "incident_id", "category", "location", "date", "sources", "n_sources", "reports", "conservative",
    "low", "high", "first_reported_by", "first_reported", "disagree", "restated", "unit",
]
TOTAL_COLUMNS = ["category", "incidents", "conservative", "low", "high", "reports", "sources"]
STATISTIC_VIEW_COLUMNS = [
    "statistic_id", "category", "issuer", "period", "figure", "figures", "sources", "n_sources", "evidence",
]
FIGURE_COLUMNS = [
    "incident_id", "category", "figure", "qualifier", "value", "low", "high", "counted", "kind", "statistic_id",
    "victims", "unit",
    "location", "attribution", "period", "corrected_from", "date", "source", "title", "url",
    "published", "doc_id", "sent_id", "evidence", "span_start", "span_end",
]


# --- small coercions -------------------------------------------------------------------------

def _missing(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _is_statistic(frame: pd.DataFrame) -> pd.Series:
    """True on rows of kind "statistic"; all False when the table has no `kind` column."""
    if "kind" not in frame.columns:
        return pd.Series(False, index=frame.index, dtype=bool)
    return (frame["kind"] == STATISTIC).fillna(False).astype(bool)


def _text(value) -> str:
    return "" if _missing(value) else str(value)


def _flag_series(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame.columns:
        return pd.Series(False, index=frame.index)
    return frame[column].map(lambda v: False if _missing(v) else bool(v)).astype(bool)


def _day(value):
    """A datetime.date, or None for anything missing or unparsable."""
    if _missing(value):
        return None
    try:
        return pd.Timestamp(value).date()
    except (TypeError, ValueError):
        return None


def _ordered_categories(categories: Iterable[str]) -> list[str]:
    present = set(categories)
    known = [c for c in CASUALTY_CATEGORIES if c in present]
    return known + sorted(present - set(known))


# --- evidence --------------------------------------------------------------------------------

def evidence_span(evidence: str, start: int, end: int, sentence_start: int | None,
                  written: str = "") -> tuple[int, int] | None:
    """Where the figure sits inside its evidence sentence.

    `start`/`end` index the article, so the span is shifted by the sentence's own start; if that
    does not land on the figure as written (an evidence sentence trimmed differently), the
    written figure is looked up in the sentence instead. None when neither finds it.
    """
    evidence = _text(evidence)
    written = _text(written)
    if not evidence:
        return None
    if not _missing(sentence_start) and not _missing(start) and not _missing(end):
        lo, hi = int(start) - int(sentence_start), int(end) - int(sentence_start)
        if 0 <= lo < hi <= len(evidence) and (not written or evidence[lo:hi] == written):
            return lo, hi
    if written:
        found = evidence.find(written)
        if found < 0:
            found = evidence.casefold().find(written.casefold())
        if found >= 0:
            return found, found + len(written)
    return None


def safe_link(url) -> str | None:
    """The URL if it is an http(s) address (anything else, e.g. javascript:, is dropped)."""
    url = _text(url).strip()
    return url if urlparse(url).scheme in ("http", "https") else None


# --- figures ---------------------------------------------------------------------------------

def _with_context(casualties: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Casualty rows with their sentence's start and date and their article's metadata."""
    data = casualties.copy()
    if "incident_id" not in data.columns:
        data["incident_id"] = None
    sent = sentences[["doc_id", "sent_id", "start", "date"]].rename(
        columns={"start": "sentence_start", "date": "sentence_date"})
    data = data.merge(sent, on=["doc_id", "sent_id"], how="left")
    docs = documents[[c for c in ("doc_id", "source", "title", "url", "published") if c in documents.columns]]
    data = data.merge(docs, on="doc_id", how="left")
    data["source"] = data["source"].where(data["source"].notna(), data["doc_id"]).astype(str)
    data["event_date"] = [_day(s) or _day(p) for s, p in zip(data["sentence_date"], data["published"])]
    return data


def figures_table(casualties: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """One row per reported figure, as written, with where it sits in its evidence sentence.

    `counted` is False for a subset of another figure and for a statistic (`kind`, with its
    `statistic_id`): they are shown, never added. `date` is the
    date the figure's sentence is about (its event date, else the article's publication date).
    """
    if casualties.empty:
        return pd.DataFrame(columns=FIGURE_COLUMNS)
    data = _with_context(casualties, sentences, documents)
    written = data["text"] if "text" in data.columns else pd.Series("", index=data.index)
    spans = [
        evidence_span(ev, s, e, ss, w)
        for ev, s, e, ss, w in zip(data["evidence"], data["start"], data["end"], data["sentence_start"], written)
    ]
    figure = [
        _text(w) or (_text(ev)[sp[0]:sp[1]] if sp else "") for w, ev, sp in zip(written, data["evidence"], spans)
    ]
    out = pd.DataFrame({
        "incident_id": data["incident_id"],
        "category": data["category"],
        "figure": figure,
        "qualifier": data["qualifier"],
        "value": pd.to_numeric(data["value"], errors="coerce").astype("Int64"),
        "low": pd.to_numeric(data["low"], errors="coerce").astype("Int64"),
        "high": pd.to_numeric(data["high"], errors="coerce").astype("Int64"),
        "counted": ~_flag_series(data, "part_of") & ~_is_statistic(data),
        "kind": data["kind"] if "kind" in data.columns else "incident",
        "statistic_id": data["statistic_id"] if "statistic_id" in data.columns else None,
        "victims": data["victims"],
        "unit": data["unit"] if "unit" in data.columns else None,
        "location": data["location"],
        "attribution": data["attribution"],
        "period": data["period"] if "period" in data.columns else None,
        "corrected_from": (pd.to_numeric(data["corrected_from"], errors="coerce").astype("Int64")
                           if "corrected_from" in data.columns else pd.NA),
        "date": data["event_date"],
        "source": data["source"],
        "title": data.get("title"),
        "url": data.get("url"),
        "published": data["published"].map(_day) if "published" in data.columns else None,
        "doc_id": data["doc_id"],
        "sent_id": data["sent_id"],
        "evidence": data["evidence"],
        "span_start": pd.array([sp[0] if sp else None for sp in spans], dtype="Int64"),
        "span_end": pd.array([sp[1] if sp else None for sp in spans], dtype="Int64"),
    })
    out["_order"] = out["category"].map({c: i for i, c in enumerate(CASUALTY_CATEGORIES)})
    out = out.sort_values(["_order", "incident_id", "published", "source", "sent_id"], na_position="last",
                          kind="stable")
    return out.drop(columns="_order").reset_index(drop=True)[FIGURE_COLUMNS]


# --- reports: one article's account of one incident ----------------------------------------

def source_reports(casualties: pd.DataFrame, documents: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per (incident, article): the figure that article gives for the incident, by the
    rule the incident grouping uses (analysis.casualties.article_figure: parts of one sentence
    add up, rival claims never do, a cumulative toll stands alone, the largest wins).

    Subsets are left out. `stated` is False when the figure is only a vague floor ("dozens");
    `evidence` is the first sentence of the figure, `date` its earliest event date.
    """
    if casualties.empty or "incident_id" not in casualties.columns:
        return pd.DataFrame(columns=REPORT_COLUMNS)
    data = _with_context(casualties, sentences, documents)
    data = data[~_flag_series(data, "part_of") & data["incident_id"].notna() & ~_is_statistic(data)]
    if data.empty:
        return pd.DataFrame(columns=REPORT_COLUMNS)
    # A plain loop over record dicts: iterating pandas groups is slow with thousands of incidents.
    grouped: dict[tuple, list[dict]] = {}
    for row in data.to_dict("records"):
        grouped.setdefault((row["incident_id"], row["doc_id"]), []).append(row)
    out = []
    for (incident_id, doc_id), rows in grouped.items():
        figure = article_figure(rows)
        chosen = [rows[i] for i in figure.rows]
        days = [d for d in (_day(r["event_date"]) for r in chosen) if d is not None]
        first = chosen[0]
        out.append({
            "incident_id": incident_id, "doc_id": doc_id, "source": first["source"],
            "title": first.get("title"), "url": first.get("url"), "published": _day(first.get("published")),
            "date": min(days) if days else None, "category": first["category"],
            "low": figure.low, "high": figure.high, "stated": figure.stated, "wording": figure.wording,
            "evidence": first["evidence"],
            "toll": any(not _missing(r.get("toll")) and bool(r.get("toll")) for r in rows),
            "unit": None if _missing(first.get("unit")) else first.get("unit"),
        })
    best = pd.DataFrame(out, columns=REPORT_COLUMNS)
    best["low"] = best["low"].astype(int)
    best["high"] = pd.array(best["high"].tolist(), dtype="Int64")
    best["stated"] = best["stated"].astype(bool)
    best = best.sort_values(["incident_id", "published", "source", "doc_id"], na_position="last", kind="stable")
    return best.reset_index(drop=True)[REPORT_COLUMNS]


# --- incidents as seen through the filters ---------------------------------------------------

def _restate(reports: pd.DataFrame) -> pd.DataFrame:
    """Each incident's figures from the reports given, indexed by incident_id: the figures by
    analysis.casualties.incident_figures, the rest grouped in pandas (a corpus of thousands of
    articles has thousands of incidents)."""
    data = reports.assign(
        _p=reports["published"].map(lambda d: _day(d) or date.max),
        _d=reports["date"].map(lambda d: _day(d) or date.max),
        _day=reports["date"].map(_day),
    )
    grouped = data.groupby("incident_id", sort=False)
    first = data.sort_values(["_p", "_d", "doc_id"], kind="stable").groupby("incident_id", sort=False).first()
    # The incident's figures by the grouping's own rule, in a plain loop (fast enough for
    # thousands of incidents, and one rule for the table and the view).
    # A report is dated by its article, else by the day it is about (as the grouping dates it),
    # so a later running toll supersedes an earlier one here as it does there.
    tolls = data["toll"] if "toll" in data.columns else pd.Series(False, index=data.index)
    parts: dict[str, list[tuple]] = {}
    for incident_id, low, high, stated, published, day, toll in zip(
            data["incident_id"], data["low"], data["high"], data["stated"], data["published"].map(_day),
            data["_day"], tolls):
        parts.setdefault(incident_id, []).append((low, high, stated, published or day, bool(toll)))
    figures = {incident_id: incident_figures(rows) for incident_id, rows in parts.items()}
    index = grouped.size().index
    out = pd.DataFrame({
        "category": grouped["category"].first(),
        "date": grouped["_day"].min(),
        "sources": grouped["source"].agg(lambda s: "; ".join(sorted(set(s)))),
        "n_sources": grouped["source"].nunique(),
        "reports": grouped.size(),
        "conservative": pd.Series([figures[i].conservative for i in index], index=index),
        "low": pd.Series([figures[i].low for i in index], index=index),
        "high": pd.Series([figures[i].high for i in index], index=index),
        "first_reported_by": first["source"],
        "first_reported": first["published"],
        "disagree": pd.Series([figures[i].disagree for i in index], index=index),
        "unit": grouped["unit"].first() if "unit" in data.columns else None,
    })
    out["date"] = out["date"].map(lambda d: None if _missing(d) else d)
    return out


def incidents_view(incidents: pd.DataFrame, reports: pd.DataFrame,
                   complete: Iterable[str] | None = None) -> pd.DataFrame:
    """The incidents behind the shown reports, one row each (INCIDENT_VIEW_COLUMNS).

    An incident in `complete` (all its reports survived the filters) keeps the incident table's
    own figures; any other is restated from the reports left, and `restated` says so. With
    `complete=None` every incident that has reports is taken as complete.
    """
    if reports.empty:
        return pd.DataFrame(columns=INCIDENT_VIEW_COLUMNS)
    out = _restate(reports)
    out["location"] = None
    out["restated"] = True
    whole = set(reports["incident_id"]) if complete is None else set(complete)
    if not incidents.empty:
        table = incidents.drop_duplicates("incident_id").set_index("incident_id")
        known = out.index.intersection(table.index)
        out.loc[known, "category"] = table.loc[known, "category"]
        out.loc[known, "location"] = table.loc[known, "location"]
        kept = known.intersection(pd.Index(sorted(whole)))
        columns = [c for c in INCIDENT_VIEW_COLUMNS
                   if c in table.columns and c not in ("incident_id", "category", "location", "restated")]
        for column in columns:
            out[column] = out[column].astype(object)
            out.loc[kept, column] = table.loc[kept, column].astype(object)
        out.loc[kept, "restated"] = False
    out = out.rename_axis("incident_id").reset_index()
    out["date"] = out["date"].map(_day)
    out["first_reported"] = out["first_reported"].map(_day)
    for column in ("conservative", "low", "high", "n_sources", "reports"):
        out[column] = pd.to_numeric(out[column], errors="coerce").astype("Int64")
    out["disagree"] = out["disagree"].map(lambda v: False if _missing(v) else bool(v)).astype(bool)
    out["restated"] = out["restated"].astype(bool)
    out["location"] = out["location"].map(lambda v: None if _missing(v) else v)
    out["unit"] = out["unit"].map(lambda v: None if _missing(v) else v)
    out["_order"] = out["category"].map({c: i for i, c in enumerate(CASUALTY_CATEGORIES)})
    out = out.sort_values(["_order", "conservative", "incident_id"], ascending=[True, False, True],
                          na_position="last", kind="stable")
    return out.drop(columns="_order").reset_index(drop=True)[INCIDENT_VIEW_COLUMNS]


def complete_incidents(filtered: pd.DataFrame, full: pd.DataFrame) -> set[str]:
    """Incidents of which the filters kept every counted figure (subsets aside), so the incident
    table's own figures still describe what is shown."""
    def figures(frame: pd.DataFrame) -> pd.Series:
        if frame.empty or "incident_id" not in frame.columns:
            return pd.Series(dtype=object)
        counted = frame[~_flag_series(frame, "part_of") & frame["incident_id"].notna()]
        keys = pd.Series(list(zip(counted["doc_id"], counted["sent_id"], counted["start"])), index=counted.index)
        return keys.groupby(counted["incident_id"]).agg(frozenset)

    kept, every = figures(filtered), figures(full)
    return {i for i, rows in kept.items() if every.get(i) == rows}


# --- totals ----------------------------------------------------------------------------------

def _counts_households(incidents: pd.DataFrame) -> pd.Series:
    """True for incidents whose figure counts families or households, not people: a unit is named
    (a missing or empty unit counts people). One pass over the column, as the totals need it for
    every row on every filter change."""
    if "unit" not in incidents.columns:
        return pd.Series(False, index=incidents.index)
    units = incidents["unit"]
    named = units.notna()
    return named & units.astype(object).where(named, "").astype(bool)


def category_totals(incidents: pd.DataFrame) -> pd.DataFrame:
    """Per category: the sum over incidents of each one's conservative figure, and the range
    (sum of lows, sum of highs). Reports of one incident are never added together, a
    statistic (an incident row of kind "statistic") never adds, and families or households
    never add to a count of people (`household_totals` gives them)."""
    incidents = incidents[~_is_statistic(incidents) & ~_counts_households(incidents)]
    if incidents.empty:
        return pd.DataFrame(columns=TOTAL_COLUMNS)
    data = incidents.assign(
        conservative=pd.to_numeric(incidents["conservative"], errors="coerce").fillna(0).astype(int),
        low=pd.to_numeric(incidents["low"], errors="coerce").fillna(0).astype(int),
        high=pd.to_numeric(incidents["high"], errors="coerce").fillna(0).astype(int),
        reports=pd.to_numeric(incidents["reports"], errors="coerce").fillna(0).astype(int),
    )
    categories = _ordered_categories(data["category"].dropna().unique())
    if not categories:
        return pd.DataFrame(columns=TOTAL_COLUMNS)
    by_category = data.groupby("category")
    sums = by_category[["conservative", "low", "high", "reports"]].sum().reindex(categories)
    sources = _sources_per_category(data["category"], data["sources"])
    return pd.DataFrame({
        "category": categories,
        "incidents": by_category.size().reindex(categories).to_numpy(),
        "conservative": sums["conservative"].to_numpy(),
        "low": sums["low"].to_numpy(),
        "high": sums["high"].to_numpy(),
        "reports": sums["reports"].to_numpy(),
        "sources": sources.reindex(categories, fill_value=0).to_numpy(),
    }, columns=TOTAL_COLUMNS)


def _sources_per_category(categories: pd.Series, sources: pd.Series) -> pd.Series:
    """How many distinct sources report each category's incidents. A `sources` cell names several
    ("Wire; Daily") and a few hundred cells recur over thousands of incidents, so each distinct
    (category, cell) pair is split once; a missing cell names none."""
    cells = sources.astype(object).where(sources.notna(), "").astype(str)
    pairs = pd.DataFrame({"category": categories, "cell": cells}).drop_duplicates()
    named = pd.DataFrame([(category, name.strip()) for category, cell in zip(pairs["category"], pairs["cell"])
                          for name in cell.split(";") if name.strip()], columns=["category", "name"])
    return named.groupby("category")["name"].nunique()


def household_totals(incidents: pd.DataFrame) -> pd.DataFrame:
    """Per category and unit, the incidents whose figure counts families or households and the
    sum of their conservative figures: said beside the head counts, never added to them."""
    columns = ["category", "unit", "incidents", "conservative"]
    incidents = incidents[~_is_statistic(incidents) & _counts_households(incidents)]
    if incidents.empty:
        return pd.DataFrame(columns=columns)
    data = incidents.assign(conservative=pd.to_numeric(incidents["conservative"], errors="coerce").fillna(0).astype(int))
    out = data.groupby(["category", "unit"], as_index=False).agg(
        incidents=("incident_id", "size"), conservative=("conservative", "sum"))
    return out.sort_values(["category", "unit"], ignore_index=True)[columns]


def households_line(households: pd.DataFrame) -> str:
    """The families or households reported, in plain words, said apart from the head counts."""
    parts = [f"{int(row['conservative']):,} {row['unit']} {category_label(row['category'])} "
             f"({int(row['incidents'])} incident{'s' if int(row['incidents']) != 1 else ''})"
             for row in households.to_dict("records")]
    return "Also reported, not counted as people: " + "; ".join(parts) + "."


def source_totals(reports: pd.DataFrame) -> pd.DataFrame:
    """What each source reports, per category: its figure for each incident it covers (its
    latest article's, when it ran several on one incident), summed over those incidents. People
    only: families and households are said apart (`household_totals`), never summed with them."""
    columns = ["source", "category", "total", "incidents"]
    if not reports.empty:
        reports = reports[~_counts_households(reports)]
    if reports.empty:
        return pd.DataFrame(columns=columns)
    latest = (reports.assign(_p=reports["published"].map(lambda d: d or pd.Timestamp.min.date()))
              .sort_values(["_p", "low"], kind="stable")
              .drop_duplicates(["source", "incident_id"], keep="last"))
    out = (latest.groupby(["source", "category"], as_index=False)
           .agg(total=("low", "sum"), incidents=("incident_id", "nunique")))
    out["total"] = out["total"].astype(int)
    return out.sort_values(["source", "category"], ignore_index=True)[columns]


def totals_over_time(incidents: pd.DataFrame) -> pd.DataFrame:
    """Per event date and category: incidents and the sum of their conservative figures.
    Families and households are never summed with people (as in `category_totals`)."""
    columns = ["date", "category", "conservative", "incidents", "incident_ids"]
    incidents = incidents[~_counts_households(incidents)]
    dated = incidents.assign(date=_days(incidents["date"])) if not incidents.empty else incidents
    if dated.empty or dated["date"].isna().all():
        return pd.DataFrame(columns=columns)
    dated = dated[dated["date"].notna() & dated["category"].notna()]
    grouped = dated.groupby(["date", "category"])
    out = grouped.agg(conservative=("conservative", "sum"), incidents=("incident_id", "size")).reset_index()
    joined = _joined_by_group(dated["incident_id"], grouped.ngroup().to_numpy(), len(out))
    out["incident_ids"] = pd.Series(joined, index=out.index, dtype="str")
    out["conservative"] = out["conservative"].astype(int)
    return out.sort_values(["date", "category"], ignore_index=True)[columns]


def _days(values: pd.Series) -> pd.Series:
    """`_day` of every value (None where missing). The incidents of a corpus fall on a few
    hundred days, so each distinct value is read once. That needs equal values to be the same
    day, which holds for text and for dates and timestamps without a time zone; a column holding
    anything else (timestamps of several zones are equal across midnight) is read value by value."""
    codes, distinct = pd.factorize(values)
    if not all(isinstance(v, (str, date)) and getattr(v, "tzinfo", None) is None for v in distinct):
        return values.map(_day)
    days = np.array([_day(v) for v in distinct] + [None], dtype=object)  # code -1 (missing) reads last
    return pd.Series(days[codes], index=values.index, dtype=object)


def _joined_by_group(ids: pd.Series, groups: np.ndarray, count: int) -> list[str]:
    """The ids of each of `count` groups joined by "; ", in their row order; `groups` numbers each
    row's group from 0. One sort and one join per group: pandas calls a Python function per group
    with a Series of its own, which cost more than the whole of the rest of the totals."""
    order = np.argsort(groups, kind="stable")
    bounds = np.searchsorted(groups[order], np.arange(count + 1))
    ordered = ids.to_numpy(dtype=object)[order]
    return ["; ".join(ordered[start:end]) for start, end in zip(bounds[:-1], bounds[1:])]


# --- the ledger ------------------------------------------------------------------------------

def report_cell(low: int, high, wording: str) -> str:
    """A source's figure for a ledger cell: the count used, then the wording when it differs
    ("11 (at least 11)", "14 (Fourteen)", "19")."""
    count = format_range(low, high)
    wording = _text(wording).strip()
    return count if not wording or wording == count else f"{count} ({wording})"


def format_range(low, high) -> str:
    if _missing(low):
        return ""
    if _missing(high) or int(high) == int(low):
        return f"{int(low):,}"
    return f"{int(low):,}–{int(high):,}"


def ledger_sources(reports: pd.DataFrame) -> list[str]:
    """Sources ordered by how many incidents they report (most first), then by name."""
    if reports.empty:
        return []
    counts = reports.groupby("source")["incident_id"].nunique()
    return sorted(counts.index, key=lambda s: (-counts[s], s))


def incident_ledger(incidents: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """One row per incident, each source's figure and wording side by side in a column of its
    own (several articles of one source, oldest first, joined by " → "), then the range, the
    conservative figure, who reported first and whether the sources disagree."""
    sources = ledger_sources(reports)
    fixed = ["incident", "category", "location", "date"]
    tail = ["range", "conservative", "n_sources", "first_reported_by", "first_reported", "disagree"]
    if incidents.empty:
        return pd.DataFrame(columns=fixed + sources + tail)
    # Reports come oldest first within an incident (source_reports sorts them); a plain loop,
    # since iterating pandas groups is slow with thousands of incidents.
    parts: dict[tuple[str, str], list[str]] = {}
    for incident_id, source, low, high, wording in zip(
            reports["incident_id"], reports["source"], reports["low"], reports["high"], reports["wording"]):
        parts.setdefault((incident_id, source), []).append(report_cell(low, high, wording))
    cells = {key: " → ".join(values) for key, values in parts.items()}
    rows = []
    for row in incidents.itertuples(index=False):
        entry = {
            "incident": row.incident_id, "category": row.category,
            "location": _text(row.location), "date": _day(row.date),
        }
        for source in sources:
            entry[source] = cells.get((row.incident_id, source), "")
        entry.update({
            "range": format_range(row.low, row.high),
            "conservative": row.conservative,
            "n_sources": row.n_sources,
            "first_reported_by": row.first_reported_by,
            "first_reported": _day(row.first_reported),
            "disagree": bool(row.disagree),
        })
        rows.append(entry)
    return pd.DataFrame(rows, columns=fixed + sources + tail)


# --- statistics: period totals, cumulatives, stocks, rates and roll-ups, never added -----------

def category_label(category: str) -> str:
    """A category as a reader names it: "killed or injured", not "killed_or_injured"."""
    return str(category).replace("_", " ")


def statistics_view(statistics: pd.DataFrame, casualties: pd.DataFrame) -> pd.DataFrame:
    """The statistics quoted by the figures shown (STATISTIC_VIEW_COLUMNS), in category order,
    largest first; `figure` is the range over the outlets ("1,200" or "1,150–1,200")."""
    if statistics.empty or casualties.empty or "statistic_id" not in casualties.columns:
        return pd.DataFrame(columns=STATISTIC_VIEW_COLUMNS)
    shown = statistics[statistics["statistic_id"].isin(set(casualties["statistic_id"].dropna()))]
    if shown.empty:
        return pd.DataFrame(columns=STATISTIC_VIEW_COLUMNS)
    out = shown.assign(
        figure=[format_range(low, high) for low, high in zip(shown["low"], shown["high"])],
        issuer=shown["issuer"].where(shown["issuer"].notna() & (shown["issuer"] != ""), "not named"),
        _order=shown["category"].map({c: i for i, c in enumerate(CASUALTY_CATEGORIES)}),
        _low=pd.to_numeric(shown["low"], errors="coerce"),
    )
    out = out.sort_values(["_order", "_low", "statistic_id"], ascending=[True, False, True],
                          na_position="last", kind="stable")
    return out.reset_index(drop=True)[STATISTIC_VIEW_COLUMNS]


def statistics_by_category(statistics: pd.DataFrame) -> dict[str, int]:
    """How many statistics each category has (what the headline leaves out)."""
    if statistics.empty:
        return {}
    return {str(k): int(v) for k, v in statistics["category"].value_counts().items()}


def counting_line(total: pd.Series | dict, statistics: int = 0) -> str:
    """How a category's headline was counted, in plain words, from its category_totals row
    and the number of statistics of that category left out."""
    incidents = int(total["incidents"])
    line = f"Counted: {incidents:,} incident{'s' if incidents != 1 else ''}, each once at its conservative figure"
    if statistics:
        line += f"; {statistics:,} statistic{'s' if statistics != 1 else ''} listed below, not added"
    return line + "."

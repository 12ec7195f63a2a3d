"""Incidents: one event's casualty reports grouped across sources, so that nothing is counted
twice.

Two steps. First each article's figures become *reports*: the figures of one category and
place in one article, about days within the window, are that article's account of one
incident, and its figure is analysis.casualties.article_figure (the largest toll it gives,
adding up coordinated parts of one sentence, never rival claims). A figure whose sentence and
paragraph name no place takes its article's (the lead names the town; "Another 25 people were
wounded" three paragraphs down is the same scene). Then reports from different articles join
one incident when category, place, date window and numbers agree; a country or province joins
a town it may hold when both are dated ("northeast Nigeria" and "Gwoza"). Candidates are
blocked by category, kind, place and date window, so grouping stays far from quadratic.
Subsets ("including three children") are linked to their incident but never add to it.

Per incident (ACLED's practice, analysis.casualties.reports.incident_figures): `conservative`
is the lowest figure among the credible reports (those stating a number; vague floors only
when no report states one); `low`/`high` span all reports; `disagree` is set when sources give
different numbers. Totals are per incident, never a sum of reports. `first_reported_by` is the
source published first.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.casualties.location import LOCALITY, countries_of, place_rank
from analysis.casualties.reports import article_figure, incident_figures

INCIDENT_COLUMNS = [
    "incident_id", "category", "location", "date", "sources", "n_sources", "reports",
    "conservative", "low", "high", "first_reported_by", "first_reported", "disagree", "summary",
]
WINDOW_DAYS = 2  # reports of one incident are dated within this many days of each other
MAX_RATIO = 4.0  # and their figures within this factor (tolls rise, but not tenfold)
# Entries of each cache of place comparisons. A corpus naming a few hundred places compares
# over 100,000 ordered pairs; a smaller cache would evict pairs it meets again (about 100 bytes
# an entry, so each holds a few tens of MB at most).
_PAIR_CACHE = 1 << 18


@dataclass
class _Report:
    """One article's account of one incident: its rows and its best figure."""

    doc_id: str
    source: str
    published: date | None
    category: str
    location: str | None
    day: date | None
    cumulative: bool
    rows: list = field(default_factory=list)
    low: int = 0
    high: int | None = None
    stated: bool = True
    wording: str = ""


@dataclass
class _Incident:
    """Reports grouped so far, with what `_first_compatible` and `_agrees` need to rule a report
    in or out without walking them: the articles already in it, the span of its stated figures
    (pairwise within MAX_RATIO, so a report is within the ratio of every stated report exactly
    when it is within it of both ends), the span of its dates, and each place it names with
    whether a report there is undated."""

    reports: list[_Report] = field(default_factory=list)
    doc_ids: set[str] = field(default_factory=set)
    stated_span: tuple[int, int] | None = None
    stated_fits: tuple[float, float] | None = None  # the figures within MAX_RATIO of every stated one
    day_span: tuple[date, date] | None = None
    undated: bool = False
    places: dict[str | None, bool] = field(default_factory=dict)  # place -> some report there is undated
    first_day: date | None = None  # the first report's, which candidate searches read most
    first_location: str | None = None

    def add(self, report: _Report) -> None:
        if not self.reports:
            self.first_day, self.first_location = report.day, report.location
        self.reports.append(report)
        self.doc_ids.add(report.doc_id)
        if report.stated:
            low = max(report.low, 1)
            span = self.stated_span
            self.stated_span = span = (low, low) if span is None else (min(span[0], low), max(span[1], low))
            self.stated_fits = (span[1] / MAX_RATIO, span[0] * MAX_RATIO)
        day = report.day
        if day is None:
            self.undated = True
        else:
            span = self.day_span
            self.day_span = (day, day) if span is None else (min(span[0], day), max(span[1], day))
        self.places[report.location] = self.places.get(report.location, False) or day is None


def _as_date(value) -> date | None:
    if type(value) is date:  # the usual case, first: a plain date is returned as is below too
        return value
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return pd.Timestamp(value).date()
    except (ValueError, TypeError):
        return None


def _norm_place(value) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or not str(value).strip():
        return None
    return str(value).strip()


def _place_key(place: str | None) -> str | None:
    return place.casefold() if place else None


@lru_cache(maxsize=_PAIR_CACHE)
def _places_match(a: str | None, b: str | None) -> bool:
    """Same place, or one name the other plus words ("Kandahar" and "Kandahar province"),
    compared word by word so "Town1" never matches "Town10"."""
    if a is None or b is None:
        return a is None and b is None
    if a == b:
        return True
    wa, wb = _place_words(a), _place_words(b)
    if len(wa) > len(wb):
        wa, wb = wb, wa
    return wa == wb or any(wb[i:i + len(wa)] == wa for i in range(len(wb) - len(wa) + 1))


@lru_cache(maxsize=_PAIR_CACHE)
def _place_words(name: str) -> tuple[str, ...]:
    """A place name's case-folded words (cached: clustering compares the same names often)."""
    return tuple(name.casefold().split())


def _contains(coarse: str, fine: str) -> bool:
    """Whether `coarse` (a country or province) may hold `fine`: it is less specific, and the
    countries they lie in agree where both are known ("Nigeria" holds "Borno" and, for all
    this module can tell, the town "Gwoza"; it never holds "Kandahar")."""
    if place_rank(coarse) >= place_rank(fine):
        return False
    inner = countries_of(fine)
    return not inner or bool(inner & countries_of(coarse))


@lru_cache(maxsize=_PAIR_CACHE)
def _places_nest(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and (_contains(a, b) or _contains(b, a))


@lru_cache(maxsize=_PAIR_CACHE)
def _could_share_place(a: str | None, b: str | None) -> bool:
    """Whether reports placed at `a` and `b` could be one incident: the same place, one named
    within the other, or nested. `_agrees` needs this of every pair, so checking it first
    (cached) rules out most candidates without walking their reports."""
    return a == b or _places_match(a, b) or _places_nest(a, b)


def _flag(row, name: str) -> bool:
    value = row.get(name, False)
    return bool(value) if value is not None and not (isinstance(value, float) and math.isnan(value)) else False


def _best(rows: list[tuple[object, dict]]) -> tuple[int, int | None, bool, str]:
    """An article's figure for one incident (see analysis.casualties.reports)."""
    figure = article_figure(row for _, row in rows)
    return figure.low, figure.high, figure.stated, figure.wording


def _agrees(report: _Report, incident: _Incident) -> bool:
    """Whether `report` agrees with every report of `incident` on category and kind, dates
    within the window (an undated pair needs a place to go on) and place (a country or
    province and a place inside it only when both are dated: one source names the town,
    another only "northeast Nigeria"). `_first_compatible` has already checked that the
    article is new to the incident and its figure within MAX_RATIO of the incident's.
    Each test reads the incident's summaries, so it costs the same however many reports it holds."""
    first = incident.reports[0]  # every report of an incident shares its category and kind
    if first.category != report.category or first.cumulative != report.cumulative:
        return False
    location, day = report.location, report.day
    if day is not None and incident.day_span is not None:
        earliest, latest = incident.day_span
        if (day - earliest).days > WINDOW_DAYS or (latest - day).days > WINDOW_DAYS:
            return False
    if location is None and (day is None or incident.undated):
        return False  # neither place nor date to go on: keep it apart
    for place, undated_there in incident.places.items():
        if place != location and not _places_match(place, location):
            if not (day is not None and not undated_there and _places_nest(place, location)):
                return False
    return True


def _rows(frame: pd.DataFrame) -> list[tuple[object, dict]]:
    """(index label, row dict) pairs, much faster than iterrows on large tables.

    The values are those of `to_dict("records")` (Python scalars, None for a missing count),
    built from whole columns when every column's type allows it, which is several times faster.
    """
    columns = list(frame.columns)
    values = []
    for column in columns:
        dtype = frame[column].dtype
        if isinstance(dtype, pd.Int64Dtype):
            values.append([None if v is pd.NA else v for v in frame[column].tolist()])
        elif (isinstance(dtype, np.dtype) and dtype.kind in "biuf") or (
                isinstance(dtype, pd.StringDtype) and dtype.na_value is np.nan):
            values.append(frame[column].tolist())
        else:
            return list(zip(frame.index, frame.to_dict("records")))
    return list(zip(frame.index, (dict(zip(columns, row)) for row in zip(*values))))


def _build_reports(records: list[tuple[object, dict]], documents: pd.DataFrame,
                   sentences: pd.DataFrame) -> list[_Report]:
    meta: dict[str, tuple[str, date | None]] = {}
    if not documents.empty:
        for row in documents.to_dict("records"):
            meta[row["doc_id"]] = (str(row.get("source", row["doc_id"])), _as_date(row.get("published")))
    sentence_day: dict[tuple, date | None] = {}
    if not sentences.empty and "date" in sentences:
        wanted = {(row["doc_id"], int(row["sent_id"])) for _, row in records}  # only figures' sentences
        for doc_id, sent_id, day in zip(sentences["doc_id"].tolist(), sentences["sent_id"].tolist(),
                                        sentences["date"].tolist()):
            key = (doc_id, int(sent_id))
            if key in wanted:
                sentence_day[key] = _as_date(day)
    places = _article_places(records)
    reports: dict[tuple, list[_Report]] = {}
    for index, row in records:
        if _flag(row, "part_of"):
            continue
        doc_id = row["doc_id"]
        source, published = meta.get(doc_id, (str(doc_id), None))
        day = sentence_day.get((doc_id, int(row["sent_id"]))) or published
        location = places.get(index)
        cumulative = isinstance(row.get("period"), str) and bool(row.get("period"))
        key = (doc_id, row["category"], _place_key(location), cumulative)
        # One article's figures of one category and place are one report, unless their
        # sentences are about days further apart than the window (two attacks on one town).
        same = reports.setdefault(key, [])
        report = next((r for r in same if r.day is None or day is None or abs((r.day - day).days) <= WINDOW_DAYS),
                      None)
        if report is None:
            report = _Report(doc_id, source, published, row["category"], location, day, cumulative)
            same.append(report)
        elif day is not None and (report.day is None or day < report.day):
            report.day = day
        report.rows.append((index, row))
    built = [report for same in reports.values() for report in same]
    for report in built:
        report.low, report.high, report.stated, report.wording = _best(report.rows)
    return sorted(built, key=lambda r: (r.day or date.max, r.published or date.max, r.doc_id))


def _article_places(records: list[tuple[object, dict]]) -> dict[object, str | None]:
    """Each figure's place; a figure whose sentence and paragraph name none takes the place of
    its article's nearest figure that has one, earlier first ("Another 25 people were
    wounded, police said" under a lead naming the town): an article reports one scene
    unless it names another."""
    by_doc: dict[object, list[tuple[int, object, str | None]]] = {}
    for index, row in records:
        by_doc.setdefault(row["doc_id"], []).append((int(row["sent_id"]), index, _norm_place(row.get("location"))))
    places: dict[object, str | None] = {}
    for rows in by_doc.values():
        rows.sort(key=lambda r: r[0])
        located = [(sent_id, place) for sent_id, _, place in rows if place]
        # A bisect, not a scan of every located figure: a 20 MB article has ~96,000 figures,
        # and the scan took 103 s there against 0.2 s.
        located_ids = [sent_id for sent_id, _ in located]
        for sent_id, index, place in rows:
            if place is None and located:
                before = bisect_right(located_ids, sent_id)
                place = located[before - 1][1] if before else located[0][1]
            places[index] = place
    return places


def _cluster(records: list[tuple[object, dict]], documents: pd.DataFrame,
             sentences: pd.DataFrame) -> list[_Incident]:
    """Greedy grouping in date order. Incidents are bucketed by category, kind and place so a
    report is only compared with the few incidents it could belong to."""
    incidents: list[_Incident] = []
    buckets: dict[tuple, list[_Incident]] = {}
    by_kind: dict[tuple, list[_Incident]] = {}  # every incident, by category and kind
    coarse_by_kind: dict[tuple, list[_Incident]] = {}  # those with a country or province report
    matching: dict[str, set[str]] = {}  # place key -> the place keys it matches
    for report in _build_reports(records, documents, sentences):
        kind = (report.category, report.cumulative)
        place = _place_key(report.location)
        if place is not None and place not in matching:
            matching[place] = {place} | {other for other in matching if _places_match(other, place)}
            for other in matching[place]:
                matching[other].add(place)
        keys = sorted(matching[place]) if place is not None else [None]
        home = None
        for key in keys:
            home = _first_compatible(report, reversed(buckets.get(kind + (key,), [])))
            if home is not None:
                break
        if home is None and place is not None and report.day is not None:
            # A country or province may name the place of an incident a town names elsewhere:
            # a coarse report looks at every incident of its kind in the window, a town's at
            # those that hold a coarse report.
            coarse = place_rank(report.location) < LOCALITY
            home = _first_compatible(report, reversed((by_kind if coarse else coarse_by_kind).get(kind, [])))
        if home is None:
            home = _Incident()
            incidents.append(home)
            buckets.setdefault(kind + (place,), []).append(home)
            by_kind.setdefault(kind, []).append(home)
        if place is not None and place_rank(report.location) < LOCALITY and not any(
                place_rank(r.location) < LOCALITY for r in home.reports if r.location):
            coarse_by_kind.setdefault(kind, []).append(home)
        home.add(report)
    return incidents


def _first_compatible(report: _Report, candidates) -> _Incident | None:
    """The first incident among `candidates` (newest first) the report fits, looking no
    further back than the date window.

    On a large corpus this loop runs about a million times, and most candidates fail one of
    the cheap tests (the same article, figures more than MAX_RATIO apart, places that cannot
    match), so those are made here inline, before `_agrees` reads the rest."""
    day, location, doc_id = report.day, report.location, report.doc_id
    low = max(report.low, 1) if report.stated else None
    for incident in candidates:
        first_day = incident.first_day
        if day is not None and first_day is not None and (day - first_day).days > WINDOW_DAYS:
            return None  # date order: this and every older incident began outside the window
        if doc_id in incident.doc_ids:
            continue
        fits = incident.stated_fits
        if low is not None and fits is not None and not fits[0] <= low <= fits[1]:
            continue
        if _could_share_place(location, incident.first_location) and _agrees(report, incident):
            return incident
    return None


def _incident_row(incident_id: str, incident: _Incident) -> dict:
    reports = incident.reports
    figures = incident_figures((r.low, r.high, r.stated) for r in reports)
    first = min(reports, key=lambda r: (r.published or date.max, r.day or date.max))
    days = [r.day for r in reports if r.day is not None]
    # The most specific place any source names (the town rather than the country).
    location = max((r.location for r in reports if r.location), key=place_rank, default=None)
    return {
        "incident_id": incident_id,
        "category": reports[0].category,
        "location": location,
        "date": min(days) if days else None,
        "sources": "; ".join(sorted({r.source for r in reports})),
        "n_sources": len({r.source for r in reports}),
        "reports": len(reports),
        "conservative": figures.conservative,
        "low": figures.low,
        "high": figures.high,
        "first_reported_by": first.source,
        "first_reported": first.published,
        "disagree": figures.disagree,
        "summary": " | ".join(f"{r.source}: {r.wording}" for r in reports),
    }


def assign_incidents(casualties: pd.DataFrame, documents: pd.DataFrame,
                     sentences: pd.DataFrame) -> pd.Series:
    """The incident_id of every casualty row (aligned on `casualties.index`); a subset row gets
    the incident of its article's figure of the same sentence and category, else None."""
    ids, _ = _run(casualties, documents, sentences)
    return ids


def _run(casualties: pd.DataFrame, documents: pd.DataFrame,
         sentences: pd.DataFrame) -> tuple[pd.Series, pd.DataFrame]:
    if casualties.empty:
        return pd.Series([None] * len(casualties), index=casualties.index, dtype="object"), \
            pd.DataFrame(columns=INCIDENT_COLUMNS)
    records = _rows(casualties)
    assigned: dict[object, str] = {}
    rows = []
    for number, incident in enumerate(_cluster(records, documents, sentences), start=1):
        incident_id = f"I{number:04d}"
        rows.append(_incident_row(incident_id, incident))
        for report in incident.reports:
            for index, _ in report.rows:
                assigned[index] = incident_id
    # Subsets join the incident of the whole figure they belong to.
    whole = {(r["doc_id"], r["sent_id"], r["category"]): assigned[i] for i, r in records if i in assigned}
    whole_doc = {(r["doc_id"], r["category"]): assigned[i] for i, r in records if i in assigned}
    ids = [assigned.get(i) or whole.get((r["doc_id"], r["sent_id"], r["category"]),
                                        whole_doc.get((r["doc_id"], r["category"])))
           for i, r in records]
    return pd.Series(ids, index=casualties.index, dtype="object"), pd.DataFrame(rows, columns=INCIDENT_COLUMNS)


def group_incidents(casualties: pd.DataFrame, documents: pd.DataFrame,
                    sentences: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Group casualty figures into incidents.

    `casualties` holds every figure with its `doc_id` (the extractor's columns); `documents`
    has doc_id, source, published; `sentences` has doc_id, sent_id, date (the date a sentence
    is about). Returns `(incidents, casualties)`: the incidents table (INCIDENT_COLUMNS, one row
    per incident) and a copy of `casualties` with an `incident_id` column linking each figure
    (each source's report) to its incident.
    """
    ids, incidents = _run(casualties, documents, sentences)
    linked = casualties.copy()
    linked["incident_id"] = ids
    return incidents, linked

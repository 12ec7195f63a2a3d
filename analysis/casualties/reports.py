"""One article's figure for one incident, and one incident's figures from its reports: the
rules the incident grouping and every view share.

An article can give several figures for one incident: a cumulative toll ("the death toll rose to
62"), coordinated parts of one toll in one sentence ("killing three soldiers and two
civilians" is five), rival claims in one sentence ("the army said 20, the ministry said 32"),
and restatements in later sentences. Parts of one sentence and one claim add up; rival claims
are alternatives and never add; a toll, or a count revised "from 21 to 26", stands alone; the article's figure is the largest of
these units (by its floor, then its upper bound).

Across the articles of one incident (ACLED's practice): a report is superseded when a higher
toll is reported after it (a death toll rises over hours or days); of the reports left, the
conservative figure is the lowest credible one (a stated number; vague floors only when no
report states one), the best the highest, the range spans them, and sources disagree when their
floors differ or the upper bounds they state do.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class ArticleFigure:
    """The figure an article gives for an incident.

    `low`/`high` bound it (`high` None when open-ended: "more than 30", "dozens"); `stated`
    is False when it rests on a vague floor only; `wording` is the figure as written (parts
    joined by " + "); `rows` are the positions (in the input order) of the figures it is made
    of, so callers can reach their evidence and dates.
    """

    low: int
    high: int | None
    stated: bool
    wording: str
    rows: tuple[int, ...]


def _missing(value) -> bool:
    if value is None:
        return True
    kind = type(value)
    if kind is int or kind is str or kind is bool:  # the usual values, decided without pandas
        return False
    if kind is float:
        return math.isnan(value)
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _int(value) -> int | None:
    return None if _missing(value) else int(value)


def _flag(value) -> bool:
    return False if _missing(value) else bool(value)


def _written(row: Mapping) -> str:
    for key in ("text", "evidence"):
        value = row.get(key)
        if not _missing(value) and str(value):
            return str(value)
    return ""


def article_figure(rows: Iterable[Mapping]) -> ArticleFigure | None:
    """The article's figure from its casualty rows for one incident (subsets left out by the
    caller). Rows need `sent_id`, `low`, `high`, `value`, and may have `toll`, `corrected_from`, `claim`,
    `text`/`evidence`. None when there are no rows."""
    units: dict[tuple, list[int]] = {}
    parts: list[tuple[int, int | None, bool, str]] = []
    for position, row in enumerate(rows):
        low = _int(row.get("low")) or 0
        parts.append((low, _int(row.get("high")), _int(row.get("value")) is not None,
                      _written(row)))
        if _flag(row.get("toll")) or _int(row.get("corrected_from")) is not None:
            # A toll, or a count revised "from 21 to 26", is the whole count on its own: the
            # "five people" whose deaths explain the revision are inside it, not added to it.
            key: tuple = ("toll", position)
        else:
            key = ("sentence", _int(row.get("sent_id")), _int(row.get("claim")) or 0)
        units.setdefault(key, []).append(position)
    best: tuple | None = None  # (low, high, members); an ArticleFigure is built for the winner only
    for members in units.values():
        low = sum(parts[p][0] for p in members)
        highs = [parts[p][1] for p in members]
        high = sum(highs) if None not in highs else None
        if best is None or (low, high or 0) > (best[0], best[1] or 0):
            best = (low, high, members)
    if best is None:
        return None
    low, high, members = best
    chosen = [parts[p] for p in members]
    return ArticleFigure(low, high, all(p[2] for p in chosen), " + ".join(p[3] for p in chosen), tuple(members))


@dataclass(frozen=True)
class IncidentFigures:
    """One incident's figures from its current reports (ACLED/UCDP vocabulary): `conservative`
    (the lowest credible figure at the latest reporting), `best` (the highest of those),
    `low`/`high` (the span of the current reports; `high` a report's upper bound, else its
    floor), whether the sources `disagree`, and per report (in the order given) whether a later,
    higher report has `superseded` it: a superseded figure stays visible but is never used."""

    conservative: int
    low: int
    high: int
    disagree: bool
    best: int = 0
    superseded: tuple[bool, ...] = ()


def _supersedes(later: tuple, earlier: tuple, first_given: dict[int, object]) -> bool:
    """Whether report `later` revises `earlier` upwards: a higher floor reported after it, or
    at the same time as a running toll ("the death toll rose to 40"). A higher figure that some
    report already gave no later than `earlier` is a rival claim repeated, not a revision (the
    army's 5 beside a security source's 10 stands when a later article repeats the 10);
    `first_given` is when each figure was first given other than as a running toll. When
    either reporting time is unknown the order is too, and only a running toll revises: a toll
    that "has risen to 14" is later than any lower figure."""
    if later[0] <= earlier[0]:
        return False
    if later[3] is None or earlier[3] is None:
        return later[4]
    if not (later[3] > earlier[3] or (later[3] == earlier[3] and later[4] and not earlier[4])):
        return False
    given = first_given.get(later[0])
    return given is None or given > earlier[3]


def incident_figures(reports: Iterable[tuple]) -> IncidentFigures:
    """From each report's (low, high, stated[, reported, toll]): the incident's figures. Needs
    one report. `reported` (a date or anything ordered; None when unknown) is when the report
    was published and `toll` whether it states a running toll; without them no report is
    superseded and every report counts."""
    reports = [(int(r[0]), None if _missing(r[1]) else int(r[1]), bool(r[2]),
                None if len(r) < 4 or _missing(r[3]) else r[3], len(r) > 4 and _flag(r[4]))
               for r in reports]
    first_given: dict[int, object] = {}
    for low, _, _, reported, toll in reports:
        if reported is not None and not toll and (low not in first_given or reported < first_given[low]):
            first_given[low] = reported
    superseded = tuple(any(_supersedes(other, report, first_given) for other in reports) for report in reports)
    current = [r for r, old in zip(reports, superseded) if not old]
    credible = [r for r in current if r[2]] or current
    stated_highs = {r[1] for r in current if r[1] is not None}
    return IncidentFigures(
        conservative=min(r[0] for r in credible),
        low=min(r[0] for r in current),
        high=max(r[1] if r[1] is not None else r[0] for r in current),
        disagree=len({r[0] for r in current}) > 1 or len(stated_highs) > 1,
        best=max(r[0] for r in credible),
        superseded=superseded,
    )

"""The statistics table: casualty figures of kind "statistic" (period totals, cumulative counts,
stocks, rates, roll-ups), one row per statistic, merged across outlets.

Two outlets quote the same statistic when they give it the same category, a compatible issuer
("the United Nations" and "the UN"), the same kind of period (a total over a period, a count
since a date, a rate, a stock) starting within a month of each other, and figures close to
each other (outlets round or quote an update). Each outlet's figure is kept, with the range.
Statistics never join an incident, so they never add to the headline.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import pandas as pd

from analysis.casualties.kinds import (
    STATISTIC,
    clean_issuer,
    find_issuer,
    has_rate,
    has_stock,
    opens_with_parts,
)
from analysis.nlp.lexicon import STOP_WORDS
from analysis.schema import STATISTICS as STATISTIC_COLUMNS

CLOSE_RATIO = 0.75  # the smaller figure at least this share of the larger: one statistic
START_DAYS = 31  # period starts within this many days: one period
# Issuers of one family: the UN's offices and agencies quote each other's counts.
_UN_FAMILY = re.compile(r"\b(?:U\.?N\.?|United\s+Nations|OCHA|UNHCR|UNICEF|WHO|IOM|OHCHR|UNAMA|MONUSCO)\b")


@dataclass
class _Quote:
    """One outlet's report of a statistic: one casualty row."""

    index: object
    doc_id: str
    source: str
    category: str
    issuer: str | None
    period: str | None
    shape: str
    start: date | None
    end: date | None
    low: int
    high: int
    text: str
    evidence: str
    part_of: bool


@dataclass
class _Statistic:
    quotes: list[_Quote] = field(default_factory=list)
    doc_ids: set[str] = field(default_factory=set)  # of its quotes: each quote is checked against them
    issuers: set[str | None] = field(default_factory=set)  # distinct, so a much-quoted statistic checks few

    def add(self, quote: _Quote) -> None:
        self.quotes.append(quote)
        self.doc_ids.add(quote.doc_id)
        self.issuers.add(quote.issuer)


def period_shape(period: str | None, sentence: str) -> str:
    """What the figure measures over time: "rate", "stock", "since" (a count from a date),
    "period" (a total over a stated span) or "none"."""
    if has_rate(sentence):
        return "rate"
    if has_stock(sentence):
        return "stock"
    if period and period.lower().startswith("since"):
        return "since"
    return "period" if period else "none"


# Cached: merging compares a quote's issuer with every quote of each candidate statistic, 1.3 M
# calls on the 3,000-article bench corpus; build_statistics went from 3.3 s to 1.4 s there.
@lru_cache(maxsize=4096)
def issuer_key(issuer: str | None) -> frozenset[str]:
    """The words that identify an issuer, lower-cased; the UN's family shares one word."""
    if not issuer:
        return frozenset()
    words = {w for w in re.findall(r"[a-z]+", issuer.lower()) if w not in STOP_WORDS}
    return frozenset({"un"} if _UN_FAMILY.search(issuer) else words)


def issuers_compatible(a: str | None, b: str | None) -> bool:
    """True when either issuer is unknown or they share an identifying word."""
    key_a, key_b = issuer_key(a), issuer_key(b)
    return not key_a or not key_b or bool(key_a & key_b)


def figures_close(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when two (low, high) figures are within CLOSE_RATIO of each other."""
    small, large = min(a[0], b[0]), max(a[1], b[1])
    return large <= 0 or small >= CLOSE_RATIO * large


def _same(statistic: _Statistic, quote: _Quote) -> bool:
    first = statistic.quotes[0]
    if quote.category != first.category or quote.shape != first.shape or quote.part_of != first.part_of:
        return False
    if quote.doc_id in statistic.doc_ids:
        return False  # one article states a statistic once; two figures there are two statistics
    if not all(issuers_compatible(issuer, quote.issuer) for issuer in statistic.issuers):
        return False
    if (first.start is None) != (quote.start is None):
        return False
    if first.start is not None and abs((first.start - quote.start).days) > START_DAYS:
        return False
    return figures_close((first.low, first.high), (quote.low, quote.high))


Dated = dict[tuple[str, int], list[tuple[str, date, date]]]


def _dated_expressions(events: pd.DataFrame, wanted: set[tuple[str, int]]) -> Dated:
    """(expression, date, date_end) of the events table, by (doc_id, sent_id), for the
    sentences in `wanted` only (a large corpus has a dated expression in most sentences)."""
    dated: Dated = {}
    if events.empty:
        return dated
    columns = (events[c].tolist() for c in ("doc_id", "sent_id", "expression", "date", "date_end"))
    for doc_id, sent_id, expression, start, end in zip(*columns):
        key = (doc_id, int(sent_id))
        if key in wanted and isinstance(expression, str) and isinstance(start, date):
            dated.setdefault(key, []).append((expression.lower(), start, end if isinstance(end, date) else start))
    return dated


def period_bounds(expressions: Sequence[tuple[str, date, date]], period: str | None,
                  published: date | None) -> tuple[date | None, date | None]:
    """The calendar span of `period` from the dated expressions of its sentence that lie
    inside it; a count "since" a date runs to the article's publication."""
    if not period:
        return None, None
    inside = [(start, end) for expression, start, end in expressions if expression in period.lower()]
    if not inside:
        return None, None
    since = period.lower().startswith("since") and published is not None
    return min(s for s, _ in inside), published if since else max(e for _, e in inside)


def _quotes(casualties: pd.DataFrame, documents: pd.DataFrame, events: pd.DataFrame) -> list[_Quote]:
    meta = {}
    if not documents.empty:
        for row in documents[["doc_id", "source", "published"]].to_dict("records"):
            published = row["published"] if isinstance(row["published"], date) else None
            meta[row["doc_id"]] = (str(row["source"]), published)
    dated = _dated_expressions(events, set(zip(casualties["doc_id"].tolist(),
                                               map(int, casualties["sent_id"].tolist()))))
    quotes: list[_Quote] = []
    # Rows as plain dicts: iterrows built a Series per row, 16 of the 44 s of build_statistics
    # on 20,000 generated articles.
    for index, row in zip(casualties.index, casualties.to_dict("records")):
        evidence = str(row.get("evidence") or "")
        period = row.get("period") if isinstance(row.get("period"), str) else None
        source, published = meta.get(row["doc_id"], (str(row["doc_id"]), None))
        whole = _whole_of(quotes, row["doc_id"], evidence)
        low = int(row["low"]) if pd.notna(row.get("low")) else 0
        high = int(row["high"]) if pd.notna(row.get("high")) else low
        start, end = period_bounds(dated.get((row["doc_id"], int(row["sent_id"])), ()), period, published)
        issuer = row.get("attribution") if isinstance(row.get("attribution"), str) else None
        quotes.append(_Quote(
            index=index, doc_id=row["doc_id"], source=source, category=str(row["category"]),
            issuer=find_issuer(evidence) or (whole.issuer if whole else clean_issuer(issuer)),
            period=period or (whole.period if whole else None),
            shape=whole.shape if whole and not period else period_shape(period, evidence),
            start=start or (whole.start if whole else None), end=end or (whole.end if whole else None), low=low, high=max(high, low), text=str(row.get("text") or row.get("value")),
            evidence=evidence, part_of=bool(row.get("part_of")) if pd.notna(row.get("part_of")) else False,
        ))
    return quotes


def _whole_of(quotes: Sequence[_Quote], doc_id: str, evidence: str) -> _Quote | None:
    """The statistic a breakdown ("Of these, 700 ...") divides: the article's last statistic
    before it, whose issuer and period the parts share."""
    if not opens_with_parts(evidence) or not quotes or quotes[-1].doc_id != doc_id:
        return None
    return quotes[-1]


def _merge(quotes: Sequence[_Quote]) -> list[_Statistic]:
    """The quotes grouped into statistics, in order of first quote: each quote joins the first
    statistic it is the same as (`_same`), among the few `_Filing` lets it meet."""
    statistics: list[_Statistic] = []
    filing = _Filing()
    for quote in quotes:
        match = next((s for s in filing.candidates(quote) if _same(s, quote)), None)
        if match is None:
            match = _Statistic()
            match.add(quote)
            filing.file(len(statistics), match)
            statistics.append(match)
        else:
            match.add(quote)
    return statistics


class _Filing:
    """Statistics filed so a quote meets only those it could be: only a statistic's first quote
    decides its period start and figures, so each is filed in one bucket (`_bucket`), and a
    quote looks in its own and the neighbouring buckets; there, every issuer of a statistic must
    be compatible with the quote's, its first quote's included, so a quote naming an issuer meets
    only the statistics whose first quote names none and those filed under a word of its
    issuer's (the first quote's issuer is the one filed: a later one need not be). On 10,000
    generated articles, 733,000 of the 770,000 comparisons the buckets alone let through failed on the
    issuer (40,000 articles: _merge 39 s, growing with the square of the corpus)."""

    def __init__(self) -> None:
        self.numbers: dict[int, int] = {}  # id of a statistic -> its number (order of first quote)
        self.every: dict[tuple, list[_Statistic]] = {}  # bucket -> its statistics
        self.anyone: dict[tuple, list[_Statistic]] = {}  # bucket -> those whose first quote names no issuer
        self.by_word: dict[tuple, list[_Statistic]] = {}  # bucket + (word of the first issuer,) -> statistics

    def file(self, number: int, statistic: _Statistic) -> None:
        first = statistic.quotes[0]
        bucket, words = _bucket(first), issuer_key(first.issuer)
        self.numbers[id(statistic)] = number
        self.every.setdefault(bucket, []).append(statistic)
        if not words:
            self.anyone.setdefault(bucket, []).append(statistic)
        for word in words:
            self.by_word.setdefault(bucket + (word,), []).append(statistic)

    def candidates(self, quote: _Quote) -> list[_Statistic]:
        """The statistics the quote may be, in order of their first quotes."""
        words = issuer_key(quote.issuer)
        found: dict[int, _Statistic] = {}
        for bucket in _neighbour_buckets(quote):
            lists = [self.every.get(bucket, ())] if not words else \
                [self.anyone.get(bucket, ()), *(self.by_word.get(bucket + (word,), ()) for word in words)]
            for filed in lists:
                for statistic in filed:
                    found[id(statistic)] = statistic
        return sorted(found.values(), key=lambda statistic: self.numbers[id(statistic)])


_FIGURE_STEP = math.log(1 / CLOSE_RATIO)


def _bucket(quote: _Quote) -> tuple:
    """Where a statistic whose first quote is `quote` is filed: its block (category, shape,
    part_of), its start in START_DAYS steps (None without one) and its high figure in steps of
    1/CLOSE_RATIO (None when not positive: such figures are close only to each other)."""
    start = None if quote.start is None else quote.start.toordinal() // START_DAYS
    figure = None if quote.high <= 0 else math.floor(math.log(quote.high) / _FIGURE_STEP)
    return quote.category, quote.shape, quote.part_of, start, figure


def _neighbour_buckets(quote: _Quote) -> list[tuple]:
    """Every bucket a statistic `quote` is the same as can be filed in: starts within
    START_DAYS fall in the same or the next step; close figures (highs within 1/CLOSE_RATIO)
    in the same or the next step, one more either side against rounding."""
    category, shape, part_of, start, figure = _bucket(quote)
    starts = [None] if start is None else [start - 1, start, start + 1]
    figures = [None] if figure is None else range(figure - 2, figure + 3)
    return [(category, shape, part_of, s, f) for s in starts for f in figures]


def _statistic_row(statistic_id: str, statistic: _Statistic) -> dict:
    quotes = statistic.quotes
    first = quotes[0]
    sources = list(dict.fromkeys(q.source for q in quotes))
    return {
        "statistic_id": statistic_id,
        "category": first.category,
        "issuer": next((q.issuer for q in quotes if q.issuer), None),
        "period": next((q.period for q in quotes if q.period), None) or ("a stock" if first.shape == "stock" else None),
        "period_start": min((q.start for q in quotes if q.start), default=None),
        "period_end": max((q.end for q in quotes if q.end), default=None),
        "low": min(q.low for q in quotes),
        "high": max(q.high for q in quotes),
        "figures": " | ".join(f"{q.source}: {q.text}" for q in quotes),
        "sources": "; ".join(sources),
        "n_sources": len(sources),
        "reports": len(quotes),
        "part_of": first.part_of,
        "evidence": first.evidence,
    }


def build_statistics(casualties: pd.DataFrame, documents: pd.DataFrame,
                     events: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """The statistics table (STATISTIC_COLUMNS) from the casualty rows of kind "statistic",
    and each casualty row's statistic_id (None for incident rows), aligned on its index.

    `documents` gives each article's source and publication date; `events` the dated
    expressions that place each period on the calendar."""
    ids = pd.Series([None] * len(casualties), index=casualties.index, dtype="object")
    if casualties.empty or "kind" not in casualties:
        return pd.DataFrame(columns=STATISTIC_COLUMNS), ids
    wanted = [kind == STATISTIC and isinstance(category, str) and bool(category)
              for kind, category in zip(casualties["kind"].tolist(), casualties["category"].tolist())]
    rows = casualties[pd.Series(wanted, index=casualties.index, dtype=bool)]
    if rows.empty:
        return pd.DataFrame(columns=STATISTIC_COLUMNS), ids
    statistics = _merge(_quotes(rows, documents, events))
    table = []
    for number, statistic in enumerate(statistics, start=1):
        statistic_id = f"S{number:04d}"
        table.append(_statistic_row(statistic_id, statistic))
        for quote in statistic.quotes:
            ids[quote.index] = statistic_id
    return pd.DataFrame(table, columns=STATISTIC_COLUMNS), ids

"""The filters every page shares, their round trip through URL query parameters, and `apply`.

Filtering is sentence-level, so every view narrows the same way: a sentence stays when its article
is from a chosen source, its `date` (event date, else publication date) is in range, and, when
entities are chosen, it mentions one of them. Every other table keeps the rows of kept sentences.
The entity-type filter narrows the entity tables (and the entity picker), not the sentences.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date, timedelta

import pandas as pd

from analysis.result import Analysis

# Query-parameter names: short, readable in a shared link, and stable (old links must keep working).
PARAM_ENTITY = "entity"
PARAM_LABEL = "type"
PARAM_SOURCE = "source"
PARAM_FROM = "from"
PARAM_TO = "to"
FILTER_PARAMS = (PARAM_ENTITY, PARAM_LABEL, PARAM_SOURCE, PARAM_FROM, PARAM_TO)

# The default date range: the narrowest stretch holding this share of the dated sentences seeds it...
CORE_SHARE = 0.8
# ...and it widens to each neighbouring date closer than this or than its own span, so a weekly or
# monthly reporting rhythm stays inside while a date recalled from decades ago (9/11 in a 2021
# story) stays out. The Timeline chart's focus window uses the same gap.
STORY_GAP = timedelta(days=60)


@dataclass(frozen=True)
class Filters:
    """What the analyst narrowed the corpus to. Empty means everything."""

    entities: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None

    def is_empty(self) -> bool:
        return all(not getattr(self, f.name) for f in fields(self))

    def to_query_params(self) -> dict[str, list[str]]:
        """Query parameters for a shareable link; empty filters are left out of the URL."""
        params: dict[str, list[str]] = {}
        for key, values in (
            (PARAM_ENTITY, self.entities),
            (PARAM_LABEL, self.labels),
            (PARAM_SOURCE, self.sources),
        ):
            if values:
                params[key] = list(values)
        if self.date_from:
            params[PARAM_FROM] = [self.date_from.isoformat()]
        if self.date_to:
            params[PARAM_TO] = [self.date_to.isoformat()]
        return params

    @classmethod
    def from_query_params(cls, params: Mapping[str, object]) -> Filters:
        """Read filters back from query parameters, ignoring anything malformed (a hand-edited
        or truncated link must open the dashboard, not crash it)."""
        return cls.parse_query_params(params)[0]

    @classmethod
    def parse_query_params(cls, params: Mapping[str, object]) -> tuple[Filters, list[str]]:
        """The filters in `params`, and a note for every value ignored (too long, too many, not a
        date), so the visitor learns why a link opened with less than it named."""
        notes: list[str] = []

        def values(key: str) -> tuple[str, ...]:
            found, dropped = param_values(params, key)
            notes.extend(dropped)
            return found

        def one_date(key: str) -> date | None:
            found = values(key)
            if len(found) > 1:
                notes.append(f"Link parameter “{key}”: only the first of {len(found)} dates is used.")
            if not found:
                return None
            day = parse_day(found[0])
            if day is None:
                notes.append(f"Link parameter “{key}”: “{clip(found[0])}” is not a date (YYYY-MM-DD), "
                             "so it is ignored.")
            return day

        date_from, date_to = one_date(PARAM_FROM), one_date(PARAM_TO)
        if date_from and date_to and date_from > date_to:
            date_from, date_to = date_to, date_from
        filters = cls(
            entities=values(PARAM_ENTITY),
            labels=tuple(label.upper() for label in values(PARAM_LABEL)),
            sources=values(PARAM_SOURCE),
            date_from=date_from,
            date_to=date_to,
        )
        return filters, notes


# --- what a link may carry -----------------------------------------------------------------------
# Every URL parameter is bounded here, so a hostile or mangled link costs little memory and time.
MAX_PARAM_VALUES = 50  # repeated values of one parameter (entities, sources, compared sides)
MAX_PARAM_CHARS = 500  # one value: far more than any entity, source or article key needs
MAX_CORRECTIONS_CHARS = 20_000  # the entity corrections ("fix"): base64 of a JSON list
MAX_SHARE_TOKEN_CHARS = 64  # a share's token or delete token ("share", "unshare"): 32 characters
NOTE_VALUE_CHARS = 40  # how much of a rejected value a note quotes


def clip(value: str, limit: int = NOTE_VALUE_CHARS) -> str:
    """The start of `value` for a note: enough to recognise it, never a whole hostile payload."""
    return value if len(value) <= limit else value[: limit - 1] + "…"


def parse_day(text: str) -> date | None:
    """A YYYY-MM-DD date, or None for anything else (including impossible days)."""
    if len(text) != 10:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def param_values(params: Mapping[str, object], key: str, *, max_values: int = MAX_PARAM_VALUES,
                 max_chars: int = MAX_PARAM_CHARS) -> tuple[tuple[str, ...], list[str]]:
    """The distinct non-empty values of `key` (one string or a list of them), at most
    `max_values`, none longer than `max_chars`; and a note for what was left out and why."""
    raw = params.get(key, ())
    items = [raw] if isinstance(raw, str) else raw if isinstance(raw, (list, tuple)) else None
    if items is None:
        return (), [f"Link parameter “{key}” ignored: not text."]
    notes: list[str] = []
    texts = [item.strip() for item in items if isinstance(item, str)]
    if len(texts) < len(items):
        notes.append(f"Link parameter “{key}”: {len(items) - len(texts)} value(s) that are not text ignored.")
    too_long = [text for text in texts if len(text) > max_chars]
    if too_long:
        notes.append(f"Link parameter “{key}”: {len(too_long)} value(s) longer than {max_chars:,} "
                     "characters ignored.")
    unique = list(dict.fromkeys(text for text in texts if text and len(text) <= max_chars))
    if len(unique) > max_values:
        notes.append(f"Link parameter “{key}”: only the first {max_values} of {len(unique)} values are used.")
    return tuple(unique[:max_values]), notes


def _keys(frame: pd.DataFrame) -> pd.MultiIndex:
    return pd.MultiIndex.from_frame(frame[["doc_id", "sent_id"]])


def _rows_in(frame: pd.DataFrame, keys: pd.MultiIndex) -> pd.DataFrame:
    if frame.empty:
        return frame
    return frame[_keys(frame).isin(keys)]


def _in_date_range(dates: pd.Series, date_from: date | None, date_to: date | None) -> pd.Series:
    stamps = pd.to_datetime(dates, errors="coerce")
    keep = stamps.notna()
    if date_from:
        keep &= stamps >= pd.Timestamp(date_from)
    if date_to:
        keep &= stamps <= pd.Timestamp(date_to)
    return keep


def recount_entities(entities: pd.DataFrame, mentions: pd.DataFrame, sentences: pd.DataFrame,
                     documents: pd.DataFrame) -> pd.DataFrame:
    """The entities table restated over a subset of mentions: counts and tone of what is left."""
    if mentions.empty:
        return entities.iloc[0:0]
    with_source = mentions.merge(documents[["doc_id", "source"]], on="doc_id", how="left")
    grouped = with_source.groupby("entity", sort=False)
    counts = pd.DataFrame({
        "mentions": grouped.size(),
        "documents": grouped["doc_id"].nunique(),
        "sources": grouped["source"].nunique(),
    })
    tone = (
        mentions[["entity", "doc_id", "sent_id"]].drop_duplicates()
        .merge(sentences[["doc_id", "sent_id", "compound"]], on=["doc_id", "sent_id"], how="left")
        .groupby("entity")["compound"].mean()
    )
    counts["compound"] = tone
    # What is named where also narrows: the outlets and spellings of the mentions left.
    counts["aliases"] = grouped["text"].agg(lambda texts: sorted(set(texts)))
    counts["source_list"] = grouped["source"].agg(lambda sources: sorted(set(sources.dropna())))
    kept = entities[entities["entity"].isin(counts.index)].set_index("entity")
    kept = kept.drop(columns=[c for c in counts.columns if c in kept.columns]).join(counts, how="left")
    kept = kept.reset_index()
    return kept[list(entities.columns)].sort_values(["mentions", "entity"], ascending=[False, True],
                                              ignore_index=True)


def apply(result: Analysis, filters: Filters) -> Analysis:
    """The analysis narrowed to `filters`; pure, so every page and every test filters alike."""
    if filters.is_empty():
        return result
    documents = result.documents
    if filters.sources:
        documents = documents[documents["source"].isin(filters.sources)]
    sentences = result.sentences[result.sentences["doc_id"].isin(documents["doc_id"])]
    if filters.date_from or filters.date_to:
        sentences = sentences[_in_date_range(sentences["date"], filters.date_from, filters.date_to)]
    mentions = _rows_in(result.mentions, _keys(sentences))
    if filters.entities:
        chosen = mentions[mentions["entity"].isin(filters.entities)]
        sentences = _rows_in(sentences, _keys(chosen))
        mentions = _rows_in(mentions, _keys(sentences))
    if filters.labels:
        mentions = mentions[mentions["label"].isin(filters.labels)]
    keys = _keys(sentences)
    documents = documents[documents["doc_id"].isin(sentences["doc_id"])]
    casualties = _rows_in(result.casualties, keys)
    incidents = result.incidents
    if "incident_id" in casualties.columns and "incident_id" in incidents.columns:
        incidents = incidents[incidents["incident_id"].isin(casualties["incident_id"])]
    statistics = result.statistics
    if "statistic_id" in casualties.columns and "statistic_id" in statistics.columns:
        statistics = statistics[statistics["statistic_id"].isin(casualties["statistic_id"])]
    return result.replace(
        documents=documents.reset_index(drop=True),
        sentences=sentences.reset_index(drop=True),
        mentions=mentions.reset_index(drop=True),
        entities=recount_entities(result.entities, mentions, sentences, documents),
        casualties=casualties.reset_index(drop=True),
        events=_rows_in(result.events, keys).reset_index(drop=True),
        incidents=incidents.reset_index(drop=True),
        statistics=statistics.reset_index(drop=True),
    )


def core_span(days: Iterable[date], share: float = CORE_SHARE, gap: timedelta = STORY_GAP
              ) -> tuple[date, date] | None:
    """Where a corpus's dated sentences concentrate (one entry per sentence, repeats count): the
    narrowest window holding `share` of them, widened through neighbouring dates while the step
    to the next one is at most `gap` or the window's own span. None when nothing is dated.

    A few old references or far-off promises then never set the scale of the date filter, while
    a corpus spread evenly over months keeps all of it."""
    counts = Counter(days)
    if not counts:
        return None
    # Distinct days with their counts, walked by index: a corpus has tens of thousands of dated
    # sentences but few distinct days, and the sidebar asks on every rerun.
    distinct = sorted(counts)
    size = max(1, math.ceil(share * sum(counts.values())))
    best: tuple[timedelta, int, int] | None = None
    end, held = 0, 0
    for start, first in enumerate(distinct):
        while held < size and end < len(distinct):
            held += counts[distinct[end]]
            end += 1
        if held < size:
            break
        span = distinct[end - 1] - first
        if best is None or span < best[0]:
            best = (span, start, end - 1)
        held -= counts[first]
    _, lo, hi = best
    widened = True
    while widened:
        reach = max(gap, distinct[hi] - distinct[lo])
        widened = False
        if lo > 0 and distinct[lo] - distinct[lo - 1] <= reach:
            lo, widened = lo - 1, True
        if hi + 1 < len(distinct) and distinct[hi + 1] - distinct[hi] <= reach:
            hi, widened = hi + 1, True
    return distinct[lo], distinct[hi]


@dataclass(frozen=True)
class DatesOutside:
    """The dated sentences a date range leaves out: how many, and the span they cover."""

    count: int
    first: date | None
    last: date | None


@dataclass(frozen=True)
class FilterChoices:
    """What a corpus offers to filter on: the values the sidebar widgets list."""

    entities: tuple[tuple[str, str, int], ...]  # (entity, label, mentions), most mentioned first
    labels: tuple[str, ...]
    sources: tuple[str, ...]
    first_date: date | None
    last_date: date | None
    # Where the dated sentences concentrate (core_span): the date filter's default range.
    core_first: date | None = None
    core_last: date | None = None
    day_counts: tuple[tuple[date, int], ...] = ()  # every sentence date with its sentence count

    @classmethod
    def of(cls, result: Analysis) -> FilterChoices:
        entities = result.entities
        dates = pd.to_datetime(result.sentences["date"], errors="coerce").dropna()
        days = Counter(stamp.date() for stamp in dates)
        core = core_span(days.elements())
        return cls(
            entities=tuple(
                (str(e), str(label), int(n))
                for e, label, n in entities[["entity", "label", "mentions"]].itertuples(index=False)
            ),
            labels=tuple(sorted(entities["label"].dropna().unique())),
            sources=tuple(sorted(result.documents["source"].dropna().unique())),
            first_date=dates.min().date() if not dates.empty else None,
            last_date=dates.max().date() if not dates.empty else None,
            core_first=core[0] if core else None,
            core_last=core[1] if core else None,
            day_counts=tuple(sorted(days.items())),
        )

    def default_range(self) -> tuple[date, date] | None:
        """The range the date filter opens on: where the sentences' dates concentrate."""
        if self.core_first is None or self.core_last is None:
            return None
        return self.core_first, self.core_last

    def outside(self, start: date, end: date) -> DatesOutside:
        """The dated sentences the range [start, end] leaves out."""
        left = [(day, n) for day, n in self.day_counts if day < start or day > end]
        if not left:
            return DatesOutside(0, None, None)
        return DatesOutside(sum(n for _, n in left), left[0][0], left[-1][0])

    def as_filter(self, start: date, end: date) -> tuple[date | None, date | None]:
        """The filter's (date_from, date_to) for the picked range [start, end]. An end is left
        open (None) only when it is the corpus's own and also the default's: then a link without
        dates reopens the same view, and a link to every date names the far end it reaches."""
        date_from = None if start == self.first_date == self.core_first else start
        date_to = None if end == self.last_date == self.core_last else end
        return date_from, date_to

    def restrict(self, filters: Filters) -> tuple[Filters, list[str]]:
        """`filters` cut down to what this corpus has, with a note for everything dropped (a link
        made on another corpus, or a hand-edited one, must still open)."""
        known_entities = {e for e, _, _ in self.entities}
        dropped: list[str] = []

        def keep(values: tuple[str, ...], known: set[str], kind: str) -> tuple[str, ...]:
            kept = tuple(v for v in values if v in known)
            dropped.extend(f"{kind} “{v}”" for v in values if v not in known)
            return kept

        date_from, date_to = self._clamp(filters.date_from), self._clamp(filters.date_to)
        if date_from == self.first_date == self.core_first:
            date_from = None  # the whole span from the start, the default's too: a cleaner link
        if date_to == self.last_date == self.core_last:
            date_to = None
        return Filters(
            entities=keep(filters.entities, known_entities, "entity"),
            labels=keep(filters.labels, set(self.labels), "entity type"),
            sources=keep(filters.sources, set(self.sources), "source"),
            date_from=date_from,
            date_to=date_to,
        ), dropped

    def _clamp(self, day: date | None) -> date | None:
        if day is None or self.first_date is None or self.last_date is None:
            return None
        return min(max(day, self.first_date), self.last_date)

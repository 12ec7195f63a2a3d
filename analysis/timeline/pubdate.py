"""Estimating the publication date of an article that has none.

Reasoning, in order:

1. An article is written after the events it reports. Every calendar date it states in a past or
   tenseless clause (explicit: "7 July 2021", "in May 2021"; year-less: "On June 10", "in May")
   is a lower bound; the latest of them, `floor`, is the earliest possible publication date.
   Dates in future clauses ("talks will be held on 3 August") are upper bounds instead.
2. Year-less dates take their year from a provisional anchor: the median of the corpus's known
   publication dates (articles in one corpus cover one story, so they cluster in time), else
   the end of the latest year the article itself states. As the provisional anchor is rough,
   a year-less date takes whichever year puts it nearer. Without either they are unusable.
3. When `floor` is a day, the estimate is the earliest known corpus publication date on or
   after it within `window_days` (the article most likely belongs to that burst of coverage),
   else `floor` itself (news reports events within days). When it is a month ("in August"),
   the article may come anywhere in the coverage from the month to `window_days` after it:
   the median of those dates, else `floor`. When `floor` is only a
   year ("in 2014"), it says little about recency: the median corpus date not before it is used,
   else `floor`. When every known date comes more than `window_days` after the floor's
   period, the article is likelier one of that coverage recalling an old event: the corpus
   median. Without any stated date, the corpus median is the best guess; with nothing at all,
   None.
4. The estimate never exceeds the earliest future-clause date (minus a day), nor falls below
   `floor`.

Relative expressions ("on Tuesday", "a month ago") cannot help: they need the very date sought.
Named dates (9/11) are anchors of memory, not news of the day: they are ignored.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from analysis.segmentation import Sentence
from analysis.timeline.finders import find_mentions
from analysis.timeline.mention import Mention
from analysis.timeline.resolve import resolve
from analysis.timeline.tense import direction_at

_USABLE = frozenset({"absolute", "month_day", "month"})
_GRAIN_DAYS = {"month": 31, "year": 366}  # how far past its first day a floor of that grain may reach


class KnownDates:
    """The corpus's known publication dates, sorted once. Every undated article's estimate
    searches them by bisection and reads medians by index, so dating U undated articles against
    K known dates costs U log K, not U times a sort of K."""

    def __init__(self, dates: Iterable[date | None]) -> None:
        self.dates: list[date] = sorted(d for d in dates if d is not None)

    def __len__(self) -> int:
        return len(self.dates)

    def median_from(self, first: int = 0) -> date:
        """The low median of the dates from position `first` on (statistics.median_low of
        that suffix, without copying or sorting it)."""
        return self.dates[first + (len(self.dates) - first - 1) // 2]


def _calendar_mentions(sentences: Sequence[Sentence]) -> list[tuple[str, Mention]]:
    """The calendar dates the article states, each with its sentence (its tense is read there);
    relative and named dates cannot date an article."""
    return [
        (s.text, m) for s in sentences for m in find_mentions(s.text, calendar=True) if m.kind in _USABLE and not m.named
    ]


def _provisional_anchor(corpus: KnownDates, mentions: Sequence[tuple[str, Mention]]) -> date | None:
    """The date year-less mentions take their year from: the corpus median, else the end of the
    latest year the article states, else None (nothing to anchor them to)."""
    if corpus.dates:
        return corpus.median_from(0)
    years = [m.period.end for _, m in mentions if m.kind == "absolute" and m.period is not None]
    return date(max(years).year, 12, 31) if years else None


def _bounds_from_mentions(mentions: Sequence[tuple[str, Mention]],
                          provisional: date) -> tuple[list[tuple[date, str]], list[date]]:
    """(lower, upper): the starts of dates in past or tenseless clauses with their granularity,
    which the article was written after, and of dates in future clauses, which it was written
    before. A date that cannot be resolved is left out."""
    lower: list[tuple[date, str]] = []
    upper: list[date] = []
    for body, mention in mentions:
        tense = direction_at(body, mention.start, mention.end, "past")
        # The provisional anchor is only roughly right: a year-less date takes the nearer year.
        try:
            period = resolve(mention, provisional, "future" if tense == "future" else "nearest")
        except (OverflowError, ValueError):  # arithmetic past year 1 or 9999 (absurd corpus dates)
            continue
        if period is None:
            continue
        if tense == "future":
            upper.append(period.start)
        else:
            lower.append((period.start, period.granularity))
    return lower, upper


def _estimate_from_floor(corpus: KnownDates, floor: date, grain: str, window_days: int) -> date:
    """The estimate when the article states a date it was written after: the first corpus date
    within `window_days` of a day or month floor (the burst of coverage it belongs to), else
    the floor; the median corpus date not before a year floor, else the floor."""
    known = corpus.dates
    # `known` is sorted: the dates not before `floor` are a suffix of it.
    first = bisect_left(known, floor)
    if first == 0 and known and floor + timedelta(days=window_days + _GRAIN_DAYS.get(grain, 0)) < known[0]:
        # Every known article came out long after the newest date this one states ("a cockfight
        # in March 2025" in a November 2026 bulletin): it is likelier one of them recalling an
        # old event than a lone article from then.
        return corpus.median_from(0)
    if grain == "year":
        # "in 2014" only says "not before 2014": the corpus is the better guide when it agrees.
        return corpus.median_from(first) if first < len(known) else floor
    if grain == "month":
        # "in August" may be told any time in the coverage that follows the month: the middle
        # of that burst is nearer the truth on average than its first day.
        month_end = (floor.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        last = bisect_right(known, month_end + timedelta(days=window_days))
        return known[first + (last - first - 1) // 2] if last > first else floor
    if first < len(known) and known[first] <= floor + timedelta(days=window_days):
        return known[first]
    return floor


def _below_ceiling(estimate: date, floor: date | None, upper: Sequence[date]) -> date:
    """The estimate kept before the earliest future-clause date after the floor (the day
    before it), though never below the floor."""
    ceiling = min((d for d in upper if floor is None or d > floor), default=None)
    if ceiling is None or estimate < ceiling:
        return estimate
    try:
        return max(ceiling - timedelta(days=1), floor or ceiling - timedelta(days=1))
    except OverflowError:  # a ceiling on 1 January of year 1
        return ceiling


def estimate_publication_date(
    text: str,
    sentences: Sequence[Sentence],
    corpus_dates: Sequence[date | None] | KnownDates,
    window_days: int = 45,
) -> date | None:
    """Best estimate of when `text` was published (see the module docstring for the reasoning).

    `corpus_dates` are the known publication dates of the other articles in the corpus; pass
    them as `KnownDates` when dating many articles against one corpus.
    """
    corpus = corpus_dates if isinstance(corpus_dates, KnownDates) else KnownDates(corpus_dates)
    mentions = _calendar_mentions(sentences)
    provisional = _provisional_anchor(corpus, mentions)
    if provisional is None:
        return None
    lower, upper = _bounds_from_mentions(mentions, provisional)
    floor, grain = max(lower) if lower else (None, "")
    if floor is None:
        if not corpus.dates:
            return None
        estimate = provisional  # the corpus median: no stated date says otherwise
    else:
        estimate = _estimate_from_floor(corpus, floor, grain, window_days)
    return _below_ceiling(estimate, floor, upper)

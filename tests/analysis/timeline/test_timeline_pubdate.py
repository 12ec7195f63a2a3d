"""Publication-date estimation for articles without a date."""

from datetime import date
from pathlib import Path

from analysis.segmentation import split_sentences
from analysis.timeline import estimate_publication_date

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


def _estimate(text: str, corpus: list[date]) -> date | None:
    return estimate_publication_date(text, split_sentences(text), corpus)


def test_seed_003_lands_in_july_2021() -> None:
    text = (SEEDS / "003_7126b1dd18ba6691.txt").read_text(encoding="utf-8")
    estimate = _estimate(text, [date(2021, 7, 13)])  # article 000's publication date
    assert estimate is not None
    assert date(2021, 7, 1) <= estimate <= date(2021, 7, 31)
    assert estimate >= date(2021, 6, 10)  # after "On June 10", the latest date it reports


def test_no_evidence_gives_none() -> None:
    text = (SEEDS / "003_7126b1dd18ba6691.txt").read_text(encoding="utf-8")
    assert _estimate(text, []) is None  # year-less dates and 9/11 alone cannot date it


def test_explicit_dates_bound_the_estimate() -> None:
    text = "Fighting resumed on 3 March 2022. Talks will be held on 20 March 2022."
    assert _estimate(text, []) == date(2022, 3, 3)
    # A corpus date inside the window is preferred, but not past the future-tense talks.
    assert _estimate(text, [date(2022, 3, 8)]) == date(2022, 3, 8)
    assert _estimate(text, [date(2022, 3, 25)]) == date(2022, 3, 19)


def test_year_less_dates_take_the_corpus_year() -> None:
    text = "Rebels entered the city on June 2. The governor fled in May."
    assert _estimate(text, [date(2019, 6, 5), date(2019, 6, 20)]) == date(2019, 6, 5)


def test_without_dates_falls_back_to_corpus_median() -> None:
    assert _estimate("The fighting continues.", [date(2020, 1, 1), date(2020, 1, 5), date(2020, 3, 1)]) == date(2020, 1, 5)


def test_a_bare_year_defers_to_the_corpus() -> None:
    text = "Russia annexed Crimea in 2014. The fighting continues."
    assert _estimate(text, [date(2021, 7, 13), date(2021, 7, 20), date(2021, 8, 2)]) == date(2021, 7, 20)
    assert _estimate(text, []) == date(2014, 1, 1)


def test_absurd_corpus_dates_give_an_estimate_or_none_not_an_error():
    from datetime import date

    from analysis.segmentation import split_sentences
    from analysis.timeline import estimate_publication_date

    text = "July 79/11/2001/2002"
    estimate = estimate_publication_date(text, split_sentences(text), [date(2, 1, 1)])
    assert estimate is None or isinstance(estimate, date)


# The named steps of estimate_publication_date, each on sentences of our own.

from analysis.timeline.pubdate import (  # noqa: E402
    KnownDates,
    _below_ceiling,
    _bounds_from_mentions,
    _calendar_mentions,
    _estimate_from_floor,
    _provisional_anchor,
)


def test_only_calendar_dates_count_and_anchor_the_year() -> None:
    text = "Floods hit Beira on 4 March 2019. Aid arrived on Tuesday."
    mentions = _calendar_mentions(split_sentences(text))
    assert [body[m.start:m.end] for body, m in mentions] == ["4 March 2019"]  # "on Tuesday" needs the date sought
    assert _provisional_anchor(KnownDates([]), mentions) == date(2019, 12, 31)
    assert _provisional_anchor(KnownDates([date(2020, 5, 1), None, date(2020, 1, 1)]), mentions) == date(2020, 1, 1)
    assert _provisional_anchor(KnownDates([]), []) is None


def test_past_dates_are_floors_and_future_dates_ceilings() -> None:
    text = "The dam burst on 2 May 2023. Repairs will start on 9 June 2023."
    lower, upper = _bounds_from_mentions(_calendar_mentions(split_sentences(text)), date(2023, 6, 30))
    assert lower == [(date(2023, 5, 2), "day")]
    assert upper == [date(2023, 6, 9)]


def test_a_floor_picks_the_burst_of_coverage_after_it() -> None:
    corpus = KnownDates([date(2023, 1, 5), date(2023, 5, 4), date(2023, 5, 20), date(2024, 2, 1)])
    assert _estimate_from_floor(corpus, date(2023, 5, 2), "day", 45) == date(2023, 5, 4)
    assert _estimate_from_floor(corpus, date(2023, 8, 1), "day", 45) == date(2023, 8, 1)  # none in the window
    assert _estimate_from_floor(corpus, date(2023, 1, 1), "year", 45) == date(2023, 5, 4)  # the median after
    assert _estimate_from_floor(corpus, date(2025, 1, 1), "year", 45) == date(2025, 1, 1)


def test_a_month_floor_picks_the_middle_of_the_coverage_after_the_month() -> None:
    # "in August": told any time in the coverage from August to the window after it.
    corpus = KnownDates([date(2025, 6, 1), date(2025, 9, 9), date(2025, 9, 12), date(2025, 9, 15),
                         date(2025, 9, 19), date(2025, 9, 21), date(2026, 3, 1)])
    assert _estimate_from_floor(corpus, date(2025, 8, 1), "month", 45) == date(2025, 9, 15)
    assert _estimate_from_floor(corpus, date(2025, 11, 1), "month", 45) == date(2025, 11, 1)  # none after


def test_the_estimate_stays_before_a_ceiling_but_not_below_the_floor() -> None:
    assert _below_ceiling(date(2023, 7, 1), date(2023, 5, 2), [date(2023, 6, 9)]) == date(2023, 6, 8)
    assert _below_ceiling(date(2023, 6, 1), date(2023, 5, 2), [date(2023, 6, 9)]) == date(2023, 6, 1)
    assert _below_ceiling(date(2023, 7, 1), date(2023, 5, 2), [date(2023, 4, 1)]) == date(2023, 7, 1)  # not after the floor
    assert _below_ceiling(date(2023, 5, 9), date(2023, 5, 8), [date(2023, 5, 9)]) == date(2023, 5, 8)


def test_a_floor_older_than_all_the_coverage_defers_to_the_corpus() -> None:
    # A bulletin whose only calendar date recalls an attack of March 2025, in coverage of
    # November 2026: it is one of those articles, not one from March 2025.
    corpus = KnownDates([date(2026, 11, 3), date(2026, 11, 9), date(2026, 11, 20)])
    assert _estimate_from_floor(corpus, date(2025, 3, 1), "month", 45) == date(2026, 11, 9)
    assert _estimate_from_floor(corpus, date(2025, 3, 14), "day", 45) == date(2026, 11, 9)
    # A floor within the window before the coverage still picks its first article.
    assert _estimate_from_floor(corpus, date(2026, 10, 30), "day", 45) == date(2026, 11, 3)

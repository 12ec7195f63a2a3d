from datetime import date

import pandas as pd
import pytest

from analysis.filters import DatesOutside, FilterChoices, Filters, apply, core_span
from analysis.result import Analysis


@pytest.fixture
def small() -> Analysis:
    """Two articles from two sources; sentence 1 of article a is dated by an event in May."""
    documents = pd.DataFrame({
        "doc_id": ["a", "b"], "title": ["A", "B"], "source": ["Wire", "Daily"],
        "published": [date(2021, 7, 13), date(2021, 7, 14)], "published_estimated": [False, True],
        "url": ["", ""], "words": [20, 10], "sentences": [3, 1], "compound": [0.0, -0.5],
    })
    sentences = pd.DataFrame({
        "doc_id": ["a", "a", "a", "b"], "sent_id": [0, 1, 2, 0], "paragraph": [0, 0, 1, 0],
        "start": [0, 10, 20, 0], "end": [9, 19, 29, 9], "text": ["s0", "s1", "s2", "t0"],
        "compound": [0.5, -0.5, 0.0, -0.5], "pos": [0.5, 0, 0, 0], "neu": [0.5, 0.5, 1, 0.5],
        "neg": [0, 0.5, 0, 0.5],
        "date": [date(2021, 7, 13), date(2021, 5, 1), date(2021, 7, 13), date(2021, 7, 14)],
    })
    mentions = pd.DataFrame({
        "doc_id": ["a", "a", "a", "b"], "sent_id": [0, 0, 1, 0], "start": [0, 5, 10, 0],
        "end": [4, 9, 14, 4], "text": ["Kabul", "NATO", "Kabul", "NATO"],
        "label": ["GPE", "ORG", "GPE", "ORG"], "entity": ["Kabul", "NATO", "Kabul", "NATO"],
    })
    entities = pd.DataFrame({
        "entity": ["Kabul", "NATO"], "label": ["GPE", "ORG"], "mentions": [2, 2], "documents": [1, 2],
        "sources": [1, 2], "aliases": [["Kabul"], ["NATO"]], "compound": [0.0, 0.0],
    })
    casualties = pd.DataFrame({
        "doc_id": ["a", "b"], "sent_id": [1, 0], "start": [12, 2], "end": [13, 3], "category": ["killed"] * 2,
        "value": [8, 9], "qualifier": ["exact"] * 2, "low": [8, 9], "high": [8, 9], "victims": [None] * 2,
        "location": [None] * 2, "attribution": [None] * 2, "evidence": ["s1", "t0"], "incident_id": [1, 1],
    })
    events = pd.DataFrame({
        "doc_id": ["a"], "sent_id": [1], "start": [10], "end": [13], "expression": ["May"],
        "date": [date(2021, 5, 1)], "date_end": [date(2021, 5, 31)], "granularity": ["month"],
        "relative": [True], "text": ["s1"],
    })
    incidents = pd.DataFrame({"incident_id": [1], "category": ["killed"]})
    return Analysis(documents, sentences, mentions, entities, casualties, events, "test", incidents)


def test_query_params_round_trip():
    filters = Filters(("Kabul", "Hulusi Akar"), ("GPE",), ("Republic World",), date(2021, 7, 1), date(2021, 7, 31))
    params = filters.to_query_params()
    assert params["entity"] == ["Kabul", "Hulusi Akar"]
    assert params["from"] == ["2021-07-01"]
    assert Filters.from_query_params(params) == filters


def test_empty_filters_leave_the_url_clean():
    assert Filters().to_query_params() == {}
    assert Filters.from_query_params({}) == Filters()


def test_malformed_params_are_ignored_not_fatal():
    filters = Filters.from_query_params({"from": "9999-99-99", "to": "yesterday", "entity": ["", "Kabul", "Kabul"],
                                         "type": "gpe"})
    assert filters == Filters(entities=("Kabul",), labels=("GPE",))


def test_reversed_dates_are_swapped():
    filters = Filters.from_query_params({"from": "2021-08-01", "to": "2021-07-01"})
    assert (filters.date_from, filters.date_to) == (date(2021, 7, 1), date(2021, 8, 1))


def test_no_filters_return_the_same_result(small):
    assert apply(small, Filters()) is small


def test_source_filter_keeps_that_sources_rows(small):
    out = apply(small, Filters(sources=("Daily",)))
    assert list(out.documents["doc_id"]) == ["b"]
    assert set(out.sentences["doc_id"]) == {"b"}
    assert list(out.casualties["value"]) == [9]
    assert out.events.empty
    assert out.entities.set_index("entity")["mentions"].to_dict() == {"NATO": 1}


def test_date_filter_uses_the_sentence_date(small):
    out = apply(small, Filters(date_from=date(2021, 5, 1), date_to=date(2021, 5, 31)))
    assert list(zip(out.sentences["doc_id"], out.sentences["sent_id"])) == [("a", 1)]
    assert list(out.events["expression"]) == ["May"]
    assert list(out.casualties["value"]) == [8]
    assert list(out.documents["doc_id"]) == ["a"]


def test_entity_filter_keeps_sentences_naming_it(small):
    out = apply(small, Filters(entities=("NATO",)))
    assert list(zip(out.sentences["doc_id"], out.sentences["sent_id"])) == [("a", 0), ("b", 0)]
    # Co-mentioned entities stay visible: Kabul shares sentence a/0 with NATO.
    assert set(out.mentions["entity"]) == {"NATO", "Kabul"}
    counts = out.entities.set_index("entity")["mentions"].to_dict()
    assert counts == {"NATO": 2, "Kabul": 1}
    assert out.entities.loc[out.entities["entity"] == "NATO", "compound"].iloc[0] == pytest.approx(0.0)


def test_type_filter_narrows_entity_tables_only(small):
    out = apply(small, Filters(labels=("ORG",)))
    assert set(out.entities["entity"]) == {"NATO"}
    assert len(out.sentences) == len(small.sentences)


def test_incidents_follow_their_reports(small):
    assert len(apply(small, Filters(sources=("Daily",))).incidents) == 1
    assert apply(small, Filters(entities=("Kabul",), sources=("Daily",))).incidents.empty


def test_choices_and_restrict(small):
    choices = FilterChoices.of(small)
    assert choices.sources == ("Daily", "Wire")
    assert (choices.first_date, choices.last_date) == (date(2021, 5, 1), date(2021, 7, 14))
    restricted, dropped = choices.restrict(
        Filters(entities=("Kabul", "Mars"), sources=("Nope",), date_from=date(2020, 1, 1), date_to=date(2021, 6, 1)))
    assert restricted == Filters(entities=("Kabul",), date_to=date(2021, 6, 1))
    assert dropped == ["entity “Mars”", "source “Nope”"]


def test_entity_sources_and_aliases_narrow_with_the_filter(small):
    entities = small.entities.assign(source_list=[["Wire"], ["Daily", "Wire"]])
    out = apply(small.replace(entities=entities), Filters(sources=("Daily",)))
    row = out.entities.set_index("entity").loc["NATO"]
    assert row["source_list"] == ["Daily"]
    assert row["aliases"] == ["NATO"]


def days(*spec: tuple[date, int]) -> list[date]:
    """One entry per dated sentence: (day, how many sentences)."""
    return [day for day, n in spec for _ in range(n)]


def test_core_span_leaves_a_recalled_anniversary_out():
    # A July 2021 story that recalls one day of 2001: the range stays on the story's months.
    dated = days((date(2001, 9, 11), 1), (date(2021, 5, 1), 1), (date(2021, 6, 10), 1),
                 (date(2021, 7, 13), 22), (date(2021, 9, 1), 1))
    assert core_span(dated) == (date(2021, 5, 1), date(2021, 9, 1))


def test_core_span_keeps_a_corpus_spread_evenly_over_months():
    weekly = [date(2022, 1, 3) + pd.Timedelta(weeks=w) for w in range(30)]
    assert core_span(weekly) == (weekly[0], weekly[-1])


def test_core_span_leaves_a_far_promise_out_on_the_late_side_too():
    dated = days((date(2023, 3, 1), 6), (date(2023, 3, 20), 4), (date(2030, 1, 1), 1))
    assert core_span(dated) == (date(2023, 3, 1), date(2023, 3, 20))


def test_core_span_of_two_equal_clusters_takes_both():
    # Neither cluster holds most of the sentences, so neither is an outlier.
    dated = days((date(2019, 2, 1), 5), (date(2021, 2, 1), 5))
    assert core_span(dated) == (date(2019, 2, 1), date(2021, 2, 1))


def test_core_span_of_nothing_and_of_one_day():
    assert core_span([]) is None
    assert core_span([date(2020, 4, 4)]) == (date(2020, 4, 4), date(2020, 4, 4))


@pytest.fixture
def with_old_reference(small) -> Analysis:
    """`small` plus a sentence about a day ten years before the rest."""
    old = small.sentences.iloc[[2]].assign(sent_id=3, date=date(2011, 3, 15), text="s3")
    extra = small.sentences.iloc[[0]].assign(sent_id=4, text="s4")
    return small.replace(sentences=pd.concat([small.sentences, old, extra], ignore_index=True))


def test_choices_default_to_the_core_and_count_what_lies_outside(with_old_reference):
    choices = FilterChoices.of(with_old_reference)
    assert (choices.first_date, choices.last_date) == (date(2011, 3, 15), date(2021, 7, 14))
    assert choices.default_range() == (date(2021, 5, 1), date(2021, 7, 14))
    assert choices.outside(*choices.default_range()) == DatesOutside(1, date(2011, 3, 15), date(2011, 3, 15))
    assert choices.outside(date(2021, 7, 13), date(2021, 7, 13)) == DatesOutside(
        3, date(2011, 3, 15), date(2021, 7, 14))
    assert choices.outside(choices.first_date, choices.last_date).count == 0


def test_as_filter_names_every_end_that_differs_from_the_default(with_old_reference, small):
    choices = FilterChoices.of(with_old_reference)
    # The default: its start is explicit (the corpus starts earlier), its end the corpus's own.
    assert choices.as_filter(*choices.default_range()) == (date(2021, 5, 1), None)
    # Every date: the far start is named, so a link to it does not reopen on the default.
    assert choices.as_filter(choices.first_date, choices.last_date) == (date(2011, 3, 15), None)
    plain = FilterChoices.of(small)
    assert plain.as_filter(plain.first_date, plain.last_date) == (None, None)
    assert plain.as_filter(date(2021, 6, 1), plain.last_date) == (date(2021, 6, 1), None)


def test_the_default_applied_leaves_the_old_reference_out(with_old_reference):
    choices = FilterChoices.of(with_old_reference)
    date_from, date_to = choices.as_filter(*choices.default_range())
    kept = apply(with_old_reference, Filters(date_from=date_from, date_to=date_to)).sentences
    assert len(kept) == len(with_old_reference.sentences) - 1
    assert "s3" not in set(kept["text"])


def test_restrict_keeps_the_far_start_a_link_names(with_old_reference):
    choices = FilterChoices.of(with_old_reference)
    restricted, _ = choices.restrict(Filters(date_from=date(2000, 1, 1)))
    assert restricted.date_from == date(2011, 3, 15)


def test_statistics_follow_the_figures_that_quote_them():
    from datetime import date

    from analysis import analyze
    from analysis.document import Document

    quoting = Document("a", "UN", "Wire", date(2024, 5, 2), "",
                       "The conflict has killed more than 9,000 people since 2019, the UN said.")
    other = Document("b", "Raid", "Post", date(2024, 5, 2), "", "Gunmen killed four farmers in Gbankoro on Monday.")
    result = analyze([quoting, other])
    assert len(result.statistics) == 1
    assert len(apply(result, Filters(sources=("Wire",))).statistics) == 1
    assert apply(result, Filters(sources=("Post",))).statistics.empty


def _core_span_by_scanning(days, share=0.8, gap=None):
    """core_span spelled out on the sorted list with repeats, as its docstring reads."""
    import math as m
    from datetime import timedelta as td

    gap = gap or td(days=7)
    ordered = sorted(days)
    size = max(1, m.ceil(share * len(ordered)))
    start = min(range(len(ordered) - size + 1), key=lambda i: ordered[i + size - 1] - ordered[i])
    low, high = ordered[start], ordered[start + size - 1]
    widened = True
    while widened:
        earlier = [day for day in ordered if day < low]
        later = [day for day in ordered if day > high]
        reach = max(gap, high - low)
        widened = False
        if earlier and low - earlier[-1] <= reach:
            low, widened = earlier[-1], True
        if later and later[0] - high <= reach:
            high, widened = later[0], True
    return low, high


def test_core_span_walks_distinct_days_to_the_same_window_as_a_scan_of_every_date():
    import random
    from datetime import date as d
    from datetime import timedelta as td

    from analysis.filters import CORE_SHARE, STORY_GAP, core_span

    rng = random.Random(3)
    for _ in range(200):
        story = d(2024, 1, 1) + td(days=rng.randint(0, 300))
        days = [story + td(days=rng.randint(0, rng.choice([2, 10, 40]))) for _ in range(rng.randint(1, 60))]
        days += [d(rng.randint(1990, 2030), rng.randint(1, 12), 1) for _ in range(rng.randint(0, 6))]
        assert core_span(days) == _core_span_by_scanning(days, CORE_SHARE, STORY_GAP)

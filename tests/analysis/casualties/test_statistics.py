"""Statistics merged across outlets, on casualty rows built for these tests."""

from datetime import date

import pandas as pd

from analysis.casualties import statistics as statistics_module
from analysis.casualties.statistics import (
    build_statistics,
    figures_close,
    issuer_key,
    issuers_compatible,
    period_bounds,
    period_shape,
)
from analysis.schema import STATISTICS

DOCUMENTS = pd.DataFrame({
    "doc_id": ["a", "b", "c"],
    "source": ["Harbour Times", "Ridge Radio", "Valley Post"],
    "published": [date(2023, 7, 3), date(2023, 7, 5), date(2023, 7, 5)],
})


def _row(doc_id, sent_id, category, low, evidence, period=None, kind="statistic", text=None):
    return {"doc_id": doc_id, "sent_id": sent_id, "category": category, "value": low, "low": low, "high": low,
            "text": text or str(low), "evidence": evidence, "period": period, "kind": kind, "attribution": None,
            "part_of": False}


def _events(*rows):
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "expression", "date", "date_end"])


def test_one_statistic_quoted_by_two_outlets_is_one_row_with_each_figure_and_the_range():
    casualties = pd.DataFrame([
        _row("a", 2, "killed", 910, "Between January and June, 910 civilians were killed, the UN said.",
             "Between January and June", text="910"),
        _row("b", 4, "killed", 900, "In the first half of the year, more than 900 civilians died, "
             "according to United Nations figures.", "In the first half of the year", text="more than 900"),
        _row("c", 1, "killed", 12, "A car bomb killed 12 people at the port.", kind="incident"),
    ])
    events = _events(("a", 2, "January", date(2023, 1, 1), date(2023, 1, 31)),
                     ("a", 2, "June", date(2023, 6, 1), date(2023, 6, 30)),
                     ("b", 4, "the first half of the year", date(2023, 1, 1), date(2023, 6, 30)))
    table, ids = build_statistics(casualties, DOCUMENTS, events)
    assert list(table.columns) == STATISTICS
    assert len(table) == 1
    row = table.iloc[0]
    assert (row["low"], row["high"], row["n_sources"]) == (900, 910, 2)
    assert row["figures"] == "Harbour Times: 910 | Ridge Radio: more than 900"
    assert row["period_start"] == date(2023, 1, 1) and row["period_end"] == date(2023, 6, 30)
    assert ids.tolist() == ["S0001", "S0001", None]


def test_different_categories_periods_or_far_apart_figures_stay_apart():
    casualties = pd.DataFrame([
        _row("a", 1, "displaced", 50000, "Since March, 50,000 people have fled.", "Since March"),
        _row("b", 1, "displaced", 51000, "Since October, 51,000 people have fled.", "Since October"),
        _row("c", 1, "killed", 50000, "Since March, 50,000 people have been killed.", "Since March"),
        _row("c", 2, "displaced", 9000, "Since March, 9,000 people have fled the town.", "Since March"),
    ])
    events = _events(("a", 1, "March", date(2023, 3, 1), date(2023, 3, 31)),
                     ("b", 1, "October", date(2022, 10, 1), date(2022, 10, 31)),
                     ("c", 1, "March", date(2023, 3, 1), date(2023, 3, 31)),
                     ("c", 2, "March", date(2023, 3, 1), date(2023, 3, 31)))
    table, _ = build_statistics(casualties, DOCUMENTS, events)
    assert len(table) == 4


def test_a_breakdown_shares_the_issuer_and_period_of_the_statistic_it_divides():
    casualties = pd.DataFrame([
        _row("a", 1, "killed", 500, "In 2022, 500 people were killed, according to the UN mission.", "In 2022"),
        _row("a", 2, "killed", 300, "Of these, 300 were killed in the hills."),
    ])
    table, _ = build_statistics(casualties, DOCUMENTS, _events())
    assert table["issuer"].tolist() == ["UN mission", "UN mission"]
    assert table["period"].tolist() == ["In 2022", "In 2022"]


def test_without_kind_or_rows_the_table_is_empty_with_its_columns():
    table, ids = build_statistics(pd.DataFrame(), DOCUMENTS, _events())
    assert table.empty and list(table.columns) == STATISTICS and ids.empty


def test_issuers_figures_and_shapes():
    assert issuers_compatible("the United Nations", "UN refugee agency")
    assert issuers_compatible(None, "health ministry")
    assert not issuers_compatible("health ministry", "Red Cross")
    # Function and reporting words identify no issuer: sharing "the" or "said" is no match.
    assert issuer_key("the new health ministry of the region, which said") == {"health", "ministry", "region"}
    assert not issuers_compatible("the ministry, which said", "the army, which denied it")
    assert figures_close((1200, 1200), (1150, 1250)) and not figures_close((100, 100), (300, 300))
    assert period_shape("every day", "Ten people die every day.") == "rate"
    assert period_shape(None, "The town hosts 8,000 refugees.") == "stock"
    assert period_shape("since May", "Since May 300 were killed.") == "since"
    assert period_bounds([("may", date(2023, 5, 1), date(2023, 5, 31))], "since May",
                         date(2023, 7, 1)) == (date(2023, 5, 1), date(2023, 7, 1))


def _quote(doc_id: str, issuer: str | None, low: int = 900) -> statistics_module._Quote:
    return statistics_module._Quote(index=doc_id, doc_id=doc_id, source=doc_id, category="killed", issuer=issuer,
                                    period="since January", shape="since", start=date(2023, 1, 1),
                                    end=date(2023, 7, 1), low=low, high=low, text=str(low), evidence="",
                                    part_of=False)


def test_a_quote_meets_only_statistics_whose_issuers_could_be_its_own():
    filing = statistics_module._Filing()
    for number, (doc_id, issuer) in enumerate([("a", "the health ministry"), ("b", None),
                                               ("c", "Amnesty International"), ("d", "the Health Ministry of Gaza")]):
        statistic = statistics_module._Statistic()
        statistic.add(_quote(doc_id, issuer))
        filing.file(number, statistic)

    def met(issuer: str | None, low: int = 900) -> list[str]:
        return [s.quotes[0].doc_id for s in filing.candidates(_quote("z", issuer, low))]

    assert met("Gaza's health ministry") == ["a", "b", "d"]  # a word in common, or no issuer: in filing order
    assert met("Amnesty") == ["b", "c"]
    assert met(None) == ["a", "b", "c", "d"]  # a quote naming no issuer may be any of them
    assert met("Amnesty", low=90_000) == []  # figures far apart are filed apart


"""The Casualties page through AppTest: the seeds, deep links with filters, and a corpus where
several outlets report one attack with different death tolls."""

import csv

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.markup import md

PAGE = "views/casualties.py"

ATTACK = [
    ("Reuters", "2023-03-10", "https://example.org/reuters",
     ("Gunmen opened fire on a crowded market in Maiduguri on Thursday, killing at least 11 people, "
      "a local official said.")),
    ("Associated Press", "2023-03-10", "https://example.org/ap",
     "Fourteen people were killed when gunmen stormed a market in Maiduguri on Thursday, police said."),
    ("Al <Jazeera>", "2023-03-10", "https://example.org/aj",
     ("At least 12 people were killed on Thursday when armed men attacked a market in Maiduguri, "
      "the army said.")),
]



def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def html_bodies(at: AppTest) -> list[str]:
    return [element.proto.body for element in at.get("html")]


def test_the_seeds_show_per_incident_totals_ledger_and_evidence(run):
    at = run()
    assert at.title[0].value == "Casualties"
    shown = metrics(at)
    assert shown["Killed"] == "8"
    # "hundreds of families" displaced keep their unit: said beside the head counts, never one.
    assert "Injured" in shown and "Displaced" not in shown
    assert any(md("not counted as people: 100 families displaced") in c.value for c in at.caption)
    assert any("How the totals are computed" in m.value for m in at.markdown)
    ledger = at.dataframe[0].value
    assert "Republic World" in ledger.columns and {"conservative", "range", "disagree"} <= set(ledger.columns)
    assert (ledger["category"] == "killed").sum() >= 1
    figures = next(body for body in html_bodies(at) if "px-figures" in body)
    assert "<mark>eight</mark>" in figures
    assert len(at.get("plotly_chart")) == 3
    # The seeds quote one rate ("every day"): a statistics table and its CSV join the two others.
    assert [b.label for b in at.get("download_button")] == [
        "Download incidents (CSV)", "Download statistics (CSV)", "Download figures (CSV)"]
    statistics = at.dataframe[1].value
    assert statistics["period"].tolist() == ["every day"] and statistics["category"].tolist() == ["displaced"]


def test_a_deep_link_filtering_to_a_source_without_figures_says_so(run):
    at = run({"source": "Continental Defence"})
    assert not at.metric
    assert any("No casualty figures" in i.value for i in at.info)


def test_a_deep_link_keeps_its_filters_on_this_page(run):
    at = run({"source": "Republic World", "from": "2021-07-13", "to": "2021-07-13"})
    assert metrics(at)["Killed"] == "8"
    assert at.query_params.get("source") in ("Republic World", ["Republic World"])


def test_an_entity_filter_keeps_the_figures_of_sentences_naming_it(run):
    everything = run().dataframe[0].value
    at = run({"entity": "Kandahar"})
    assert metrics(at)["Killed"] == "8"
    assert len(at.dataframe[0].value) < len(everything)


@pytest.fixture
def attack_corpus(tmp_path, monkeypatch):
    path = tmp_path / "attack.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["source", "published", "url", "title", "text"])
        for source, published, url, text in ATTACK:
            writer.writerow([source, published, url, f"{source} on the market attack", text])
    monkeypatch.setenv("PARALLAX_CORPUS", str(path))
    return path


def test_several_outlets_on_one_attack_count_once_and_disagree(attack_corpus, run):
    at = run()
    killed = int(metrics(at)["Killed"].replace(",", ""))
    assert 11 <= killed < 11 + 14 + 12  # never the sum of the three reports
    ledger = at.dataframe[0].value
    attack = ledger[ledger["category"] == "killed"]
    assert {"Reuters", "Associated Press", "Al <Jazeera>"} <= set(ledger.columns)
    if len(attack) == 1:  # grouped as one incident: the ledger flags the disagreement
        row = attack.iloc[0]
        assert killed == 11 and row["conservative"] == 11 and row["range"] == "11–14"
        assert row["disagree"] == "⚠ differ"
        assert row["Associated Press"] == "14 (Fourteen)"
    side_by_side = "".join(html_bodies(at))
    assert "Al &lt;Jazeera&gt;" in side_by_side and "Al <Jazeera>" not in side_by_side


def test_choosing_one_outlet_restates_the_incident_from_its_report(attack_corpus, run):
    at = run({"source": "Associated Press"})
    assert metrics(at)["Killed"] == "14"
    ledger = at.dataframe[0].value
    assert "Reuters" not in ledger.columns


STATISTIC_ARTICLES = [
    ("Lake *Wire*", "2023-05-02",
     "A suicide bomber killed nine people at a checkpoint in Mora on Monday, officials said. "
     "Since January, at least 1,400 civilians have been killed in the region, the [UN](http://x.test) said."),
    ("Savanna Post", "2023-05-03",
     "The bombing at the Mora checkpoint on Monday killed nine people, the governor said. "
     "At least 1,400 civilians have been killed in the region since January, according to the United Nations."),
]


@pytest.fixture
def statistic_corpus(tmp_path, monkeypatch):
    path = tmp_path / "statistic.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["source", "published", "title", "text"])
        for source, published, text in STATISTIC_ARTICLES:
            writer.writerow([source, published, f"{source} on Mora", text])
    monkeypatch.setenv("PARALLAX_CORPUS", str(path))
    return path


def test_a_statistic_two_outlets_quote_is_one_row_apart_from_the_headline(statistic_corpus, run):
    at = run()
    assert metrics(at)["Killed"] == "9"  # the attack only: the running count since January never adds
    captions = [c.value for c in at.caption]
    assert md("Counted: 1 incident, each once at its conservative figure; 1 statistic listed below, "
              "not added.") in captions
    statistics = at.dataframe[1].value
    assert len(statistics) == 1
    row = statistics.iloc[0]
    assert (row["category"], row["figure"], row["n_sources"]) == ("killed", "1,400", 2)
    assert row["sources"] == "Lake *Wire*; Savanna Post"  # plain text in a dataframe: shown as written
    assert "Download statistics (CSV)" in [b.label for b in at.get("download_button")]
    figures = next(body for body in html_bodies(at) if "px-figures" in body)
    assert "a statistic (S0001), never added" in figures


def test_headline_counts_read_as_words_and_source_columns_fit_a_revision():
    import pandas as pd

    from dashboard.views.casualties import (
        MAX_SOURCE_PX,
        MIN_SOURCE_PX,
        headline_caption,
        source_column_px,
    )

    row = {"low": 91, "high": 117, "incidents": 9, "reports": 1, "sources": 7}
    assert headline_caption(row) == "range 91–117 · 9 incidents · 1 report · 7 sources"
    assert "(s)" not in headline_caption({**row, "low": 91, "high": 91})
    revision = pd.Series(["17 (at least 17) → 46 (at least 46)", "", None])
    assert MIN_SOURCE_PX < source_column_px(revision) < MAX_SOURCE_PX
    assert source_column_px(pd.Series(["8"])) == MIN_SOURCE_PX
    assert source_column_px(pd.Series(["9 → " * 200])) == MAX_SOURCE_PX


def test_the_seeds_chart_only_people_and_say_what_the_ledger_counts(run):
    at = run()
    ledger = at.dataframe[0].value
    counts = dict(zip(ledger["category"], ledger["counts"]))
    assert counts == {"killed": "people", "injured": "people", "displaced": "families"}
    over_time = at.get("plotly_chart")[2].proto.spec
    assert "displaced" not in over_time  # 100 families are not drawn as 100 people
    assert "killed" in over_time and "injured" in over_time
    assert any("“→” joins a source's later articles" in c.value for c in at.caption)


def test_an_article_a_later_one_of_its_source_revised_is_marked_superseded():
    import pandas as pd

    from dashboard.views.casualties import _article_card, later_revisions

    # One incident: Harbour Wire first says 17, then 46; Coast Radio says 70 once; Delta News
    # repeats its 9 (a repeat is no revision).
    reports = pd.DataFrame({
        "incident_id": ["I1"] * 5,
        "doc_id": ["hw-1", "hw-2", "cr-1", "dn-1", "dn-2"],
        "source": ["Harbour Wire", "Harbour Wire", "Coast Radio", "Delta News", "Delta News"],
        "low": [17, 46, 71, 9, 9], "high": [17, 46, 71, 9, 9],
    })
    assert later_revisions(reports) == {"hw-1": "46"}
    figures = pd.DataFrame({
        "doc_id": ["hw-1"], "source": ["Harbour <Wire>"], "title": ["Assault on the town"], "url": [None],
        "published": ["2025-10-06"], "low": [17], "high": [17], "counted": [True], "attribution": [None],
        "evidence": ["Fighting killed at least 17 people."], "span_start": [15], "span_end": [26],
    })
    card = _article_card(figures, "46")
    assert "Superseded: Harbour &lt;Wire&gt; gives 46 in a later article." in card
    assert "Superseded" not in _article_card(figures)


def _figures_list(copies: int) -> None:
    """The page's figures section over the seeds' figures repeated `copies` times."""
    import pandas as pd

    from analysis import analyze, load_corpus
    from analysis.casualties import views as cv
    from dashboard.corpus import SEEDS_DIR
    from dashboard.views import casualties

    result = analyze(load_corpus([str(SEEDS_DIR)]).documents)
    figures = cv.figures_table(result.casualties, result.sentences, result.documents)
    casualties._figures(pd.concat([figures] * copies, ignore_index=True))


def test_a_long_figures_list_shows_one_page_at_a_time_and_says_how_to_see_the_rest():
    from dashboard.views.casualties import FIGURES_PER_PAGE

    at = AppTest.from_function(_figures_list, args=(40,), default_timeout=120).run()
    assert not at.exception
    rows = [body.count("<tr>") - 1 for body in html_bodies(at) if "px-figures" in body]  # minus the header
    assert rows == [FIGURES_PER_PAGE]
    picker = at.number_input[0]
    pages = int(picker.label.split("of ")[1].split(",")[0])
    note = next(c.value for c in at.caption if c.value.startswith("Showing figures"))
    total = int(note.split(" of ")[1].split(":")[0].replace(",", ""))
    assert pages == -(-total // FIGURES_PER_PAGE) and total > FIGURES_PER_PAGE
    assert note.startswith(f"Showing figures 1–{FIGURES_PER_PAGE} of ") and "download them all" in note
    picker.set_value(pages).run()
    last = total - (pages - 1) * FIGURES_PER_PAGE
    assert [body.count("<tr>") - 1 for body in html_bodies(at) if "px-figures" in body] == [last]
    assert any(c.value.startswith(f"Showing figures {total - last + 1:,}–{total:,} of {total:,}") for c in at.caption)
    assert [b.label for b in at.get("download_button")] == ["Download figures (CSV)"]


def test_a_short_figures_list_has_no_pages():
    at = AppTest.from_function(_figures_list, args=(1,), default_timeout=120).run()
    assert not at.exception and not at.number_input
    assert not any(c.value.startswith("Showing figures") for c in at.caption)

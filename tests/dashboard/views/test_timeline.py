"""The Timeline page through Streamlit's AppTest on the bundled seeds, deep links included."""

from datetime import date

from streamlit.testing.v1 import AppTest

PAGE = "views/timeline.py"



def evidence(at: AppTest) -> str:
    return " ".join(h.proto.body for h in at.get("html"))


def date_slider(at: AppTest):
    return next(s for s in at.select_slider if s.key.startswith("timeline_range"))


def param(at: AppTest, key: str):
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) else value


def test_the_page_shows_the_seeds_timeline(run):
    at = run()
    assert at.title[0].value == "Timeline"
    assert at.get("plotly_chart")
    page = evidence(at)
    # Relative expressions resolved against the publication date, highlighted in their sentence.
    assert "<mark>Tuesday</mark>" in page and "13 Jul 2021" in page
    # 9/11 sits twenty years before the story: the default range leaves it out and says so.
    assert "9/11" not in page
    sidebar = " ".join(c.value for c in at.sidebar.caption)
    assert "1 sentence about a date outside the date filter is left out (it is dated 11 Sep 2001)." in sidebar
    captions = " ".join(c.value for c in at.caption)
    assert "estimated" in captions  # one seed article has no date
    # The chart says so too, and how to bring it back.
    assert "(it is dated 11 Sep 2001). **Include every date** in the sidebar brings it back." in captions
    table = at.dataframe[0].value
    assert {"Date", "Expression", "Reading", "Sentence", "Source"} <= set(table.columns)
    assert at.get("download_button")


def test_every_date_brings_the_old_reference_back_and_the_chart_stays_on_the_story(run):
    at = run()
    at.button(key="dates_all").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert param(at, "from") == "2001-09-11"
    assert "<mark>9/11</mark>" in evidence(at) and "9/11" in set(at.dataframe[0].value["Expression"])
    captions = " ".join(c.value for c in at.caption)
    # The chart still opens on the story, and says what lies outside it.
    assert "outside it" in captions and "11 Sep 2001" in captions
    assert not at.toggle(key="timeline_show_all").disabled


def test_deep_link_with_a_date_range_narrows_the_timeline(run):
    at = run({"from": "2021-07-01", "to": "2021-07-31", "source": "Republic World"})
    table = at.dataframe[0].value
    assert not table.empty
    assert table["Date"].between("2021-07-01", "2021-07-31").all()
    assert set(table["Source"]) == {"Republic World"}
    assert "9/11" not in evidence(at)
    assert date_slider(at).value == (date(2021, 7, 7), date(2021, 7, 13))
    assert not next(b for b in at.button if b.key == "timeline_clear").disabled


def test_the_date_slider_sets_the_shared_filter_and_the_url(run):
    at = run()
    date_slider(at).set_range(date(2021, 6, 1), date(2021, 7, 13)).run()
    assert not at.exception, [e.message for e in at.exception]
    assert param(at, "from") == "2021-06-01"
    assert param(at, "to") == "2021-07-13"
    assert next(w for w in at.sidebar.date_input if w.key == "filter_dates").value == (
        date(2021, 6, 1), date(2021, 7, 13))
    assert "9/11" not in set(at.dataframe[0].value["Expression"])
    next(b for b in at.button if b.key == "timeline_clear").click().run()
    assert param(at, "from") == "2021-05-01" and param(at, "to") is None  # the default range
    assert next(b for b in at.button if b.key == "timeline_clear").disabled


def test_show_all_dates_toggle_drops_the_focus_note(run):
    at = run()
    at.button(key="dates_all").click().run()
    at.toggle(key="timeline_show_all").set_value(True).run()
    assert not at.exception
    assert not any("outside it" in c.value for c in at.caption)


def test_a_range_without_events_says_so_instead_of_failing(run):
    at = run({"from": "2021-07-20", "to": "2021-08-20"})
    assert any("No dated expressions" in i.value for i in at.info)
    assert not at.dataframe


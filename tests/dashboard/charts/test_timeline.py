"""The timeline chart, the selection-to-dates reading and the evidence HTML, on small frames."""

from datetime import date

import pandas as pd
import pytest

from analysis.timeline.views import casualty_marks, dated_events, publications, story_window
from dashboard.charts.timeline import event_timeline, evidence_html, selected_range

EVIL = "<img src=x onerror=alert(1)>"


def frames(source="Wire", title="Strike hits port", estimated=False):
    documents = pd.DataFrame({
        "doc_id": ["d", "e"], "title": [title, "Old war"], "source": [source, "Other"],
        "published": [date(2021, 7, 13), date(2021, 7, 14)], "published_estimated": [False, estimated],
    })
    text0 = f"On Tuesday {EVIL} the port was hit."
    text1 = "In May a truce held."
    text2 = "It recalled 9/11."
    events = pd.DataFrame({
        "doc_id": ["d", "d", "e"], "sent_id": [0, 1, 0], "start": [3, 103, 12], "end": [10, 106, 16],
        "expression": ["Tuesday", "May", "9/11"],
        "date": [date(2021, 7, 13), date(2021, 5, 1), date(2001, 9, 11)],
        "date_end": [date(2021, 7, 13), date(2021, 5, 31), date(2001, 9, 11)],
        "granularity": ["day", "month", "day"], "relative": [True, True, False],
        "text": [text0, text1, text2],
    })
    sentences = pd.DataFrame({
        "doc_id": ["d", "d", "e"], "sent_id": [0, 1, 0], "start": [0, 100, 0],
        "text": [text0, text1, text2], "date": [date(2021, 7, 13), date(2021, 5, 1), date(2001, 9, 11)],
    })
    casualties = pd.DataFrame({
        "doc_id": ["d"], "sent_id": [0], "category": ["killed"], "value": [8.0], "low": [8], "text": ["eight"],
        "evidence": [text0],
    })
    shaped = dated_events(events, documents, sentences)
    return shaped, publications(documents), casualty_marks(casualties, sentences, documents)


def hover_texts(fig):
    return [h for trace in fig.data if trace.hovertext is not None for h in trace.hovertext]


def test_rows_per_source_with_a_published_lane():
    events, published, marks = frames()
    fig = event_timeline(events, published, marks)
    assert list(fig.layout.yaxis.ticktext) == ["<b>Published</b>", "Other", "Wire"]
    assert fig.layout.xaxis.type == "date"
    assert fig.layout.xaxis.rangeslider.visible  # outliers stay reachable
    assert fig.layout.dragmode == "select"


def test_days_are_points_and_months_are_bars_spanning_the_month():
    events, published, marks = frames()
    fig = event_timeline(events, published, marks)
    bars = [t for t in fig.data if t.type == "bar"]
    assert len(bars) == 1 and bars[0].orientation == "h"
    assert pd.Timestamp(bars[0].base[0]) == pd.Timestamp("2021-05-01")
    assert bars[0].x[0] == 31 * 86_400_000  # the whole of May
    days = next(t for t in fig.data if t.name == "event on a day")
    assert sorted(pd.Timestamp(x) for x in days.x) == [pd.Timestamp("2001-09-11"), pd.Timestamp("2021-07-13")]


def test_hovers_quote_the_expression_and_the_escaped_sentence():
    events, published, marks = frames(source="<b>Wire</b>", title="<script>x</script>")
    fig = event_timeline(events, published, marks)
    hovers = " ".join(hover_texts(fig))
    assert "“Tuesday”" in hovers and "the port was hit" in hovers
    assert EVIL not in hovers and "&lt;img src=x onerror=alert(1)&gt;" in hovers
    assert "<script>" not in hovers and "<b>Wire</b>" not in " ".join(fig.layout.yaxis.ticktext)


def test_casualty_figures_sit_on_their_date_with_a_label():
    events, published, marks = frames()
    fig = event_timeline(events, published, marks)
    casualties = next(t for t in fig.data if t.name == "casualty figure")
    assert [pd.Timestamp(x) for x in casualties.x] == [pd.Timestamp("2021-07-13")]
    assert casualties.marker.symbol == "triangle-up"
    assert any("eight killed" in a.text for a in fig.layout.annotations)


def test_bigger_figures_draw_bigger_marks():
    events, published, marks = frames()
    more = marks.assign(figure=[800.0], doc_id=["e"], source=["Other"])
    fig = event_timeline(events, published, pd.concat([marks, more], ignore_index=True))
    casualties = next(t for t in fig.data if t.name == "casualty figure")
    sizes = dict(zip(casualties.y, casualties.marker.size))
    assert sizes[1.3] > sizes[2.3]  # Other (row 1, 800) above Wire (row 2, 8)


def test_estimated_publication_dates_are_hollow_and_say_so():
    events, published, marks = frames(estimated=True)
    fig = event_timeline(events, published, marks)
    estimated = next(t for t in fig.data if t.name == "published (estimated)")
    assert estimated.marker.symbol == "diamond-open"
    assert "estimated" in estimated.hovertext[0]
    assert "published (estimated)" in [t.name for t in fig.data if t.showlegend is not False and t.x == (None,)]


def test_the_default_range_leaves_the_outlier_outside():
    events, published, marks = frames()
    window = story_window(events, published, marks)
    fig = event_timeline(events, published, marks, window)
    first, last = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    assert first <= pd.Timestamp("2021-05-01") and last >= pd.Timestamp("2021-07-14")
    assert first > pd.Timestamp("2001-09-11")


def test_many_events_on_one_day_share_one_marker():
    events, published, marks = frames()
    many = pd.concat([events.iloc[[0]]] * 50, ignore_index=True)
    fig = event_timeline(many, published, marks)
    days = next(t for t in fig.data if t.name == "event on a day")
    assert len(days.x) == 1
    assert "50 events" in days.hovertext[0] and "47 more" in days.hovertext[0]


def test_empty_input_says_so():
    events, published, marks = frames()
    fig = event_timeline(events.iloc[0:0], published.iloc[0:0], marks.iloc[0:0])
    assert "No dated events" in fig.layout.annotations[0].text


@pytest.mark.parametrize("box, expected", [
    ([{"xref": "x", "yref": "y", "x": ["2021-06-04 21:49:20.9889", "2021-08-25 21:18:26.9666"], "y": [0, 2]}],
     (date(2021, 6, 4), date(2021, 8, 25))),
    ([{"x": ["2021-08-25", "2021-06-04"]}], (date(2021, 6, 4), date(2021, 8, 25))),
    ([{"x": [1622764800000, 1629849600000]}], (date(2021, 6, 4), date(2021, 8, 25))),  # epoch ms
    ([{"x": ["2021-06-04", "2021-06-10"]}, {"x": ["2021-07-01", "2021-07-09"]}], (date(2021, 6, 4), date(2021, 7, 9))),
    ([], None),
    ([{"x": ["not a date", "nor this"]}], None),
])
def test_selected_range_reads_a_box_selection(box, expected):
    assert selected_range(box) == expected


def test_evidence_html_highlights_the_expression_and_escapes_everything():
    events, _, _ = frames(source="<b>Wire</b>", title="<script>x</script>")
    page = evidence_html(events)
    assert "<mark>Tuesday</mark>" in page and "<mark>May</mark>" in page
    assert EVIL not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<script>" not in page and "&lt;b&gt;Wire&lt;/b&gt;" in page
    assert "May 2021" in page and "relative to the publication date" in page


def test_evidence_html_without_offsets_shows_the_plain_sentence():
    events, _, _ = frames()
    page = evidence_html(events.assign(expr_start=-1, expr_end=-1))
    assert "<mark>" not in page and "the port was hit" in page

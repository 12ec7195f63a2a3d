"""The sidebar's date range through AppTest on the bundled seeds: it opens where the sentences'
dates concentrate, says what it leaves out, and always shows the range that is applied."""

from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
TIMEOUT = 120  # the first run loads the language pipeline and analyses the seeds
# The seeds' sentences run from 9/11 (recalled once) to 1 Sep 2021; the rest lie in May-Sep 2021.
SEEDS_DEFAULT = (date(2021, 5, 1), date(2021, 9, 1))


def run(query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if query:
        at.query_params.update(query)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def date_box(at: AppTest):
    return next(w for w in at.sidebar.date_input if w.key == "filter_dates")


def param(at: AppTest, key: str):
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) else value


def sidebar_text(at: AppTest) -> str:
    return " ".join(c.value for c in at.sidebar.caption)


def sentences(at: AppTest) -> int:
    return int(next(m.value for m in at.metric if m.label == "Sentences"))


def test_the_box_opens_on_the_story_and_says_what_it_leaves_out():
    at = run()
    assert date_box(at).value == SEEDS_DEFAULT
    assert (date_box(at).min, date_box(at).max) == (date(2001, 9, 11), date(2021, 9, 1))  # all reachable
    assert "Applied: 1 May 2021 – 1 Sep 2021." in sidebar_text(at)
    assert "1 sentence about a date outside the date filter is left out (it is dated 11 Sep 2001)." in sidebar_text(at)
    assert param(at, "from") == "2021-05-01" and param(at, "to") is None
    narrowed = sentences(at)
    at.button(key="dates_all").click().run()
    assert date_box(at).value == (date(2001, 9, 11), date(2021, 9, 1))
    assert sentences(at) == narrowed + 1
    assert param(at, "from") == "2001-09-11"
    assert "left out" not in sidebar_text(at)
    at.button(key="dates_core").click().run()
    assert date_box(at).value == SEEDS_DEFAULT and sentences(at) == narrowed


def test_a_typed_range_is_applied_and_shown():
    at = run()
    date_box(at).set_value((date(2021, 7, 10), date(2021, 7, 13))).run()
    assert not at.exception
    assert (param(at, "from"), param(at, "to")) == ("2021-07-10", "2021-07-13")
    assert "Applied: 10–13 Jul 2021." in sidebar_text(at)
    assert "6 sentences about dates outside the date filter are left out (they are dated 11 Sep 2001 – 1 Sep 2021)." in sidebar_text(at)
    assert sentences(at) == 23  # 22 sentences on 13 Jul and one on 12 Jul


def test_a_link_to_every_date_reopens_on_every_date():
    at = run({"from": "2001-09-11"})
    assert date_box(at).value == (date(2001, 9, 11), date(2021, 9, 1))
    assert param(at, "from") == "2001-09-11"


def test_a_range_picked_on_another_corpus_gives_way_to_this_ones_default():
    at = run()
    date_box(at).set_value((date(2021, 7, 12), date(2021, 7, 13))).run()
    # What a previous corpus with another span leaves in the session (the seeds before an upload).
    at.session_state["_parallax_dates_span"] = (date(2020, 1, 1), date(2020, 12, 31))
    at.run()
    assert date_box(at).value == SEEDS_DEFAULT
    assert "Applied: 1 May 2021 – 1 Sep 2021." in sidebar_text(at)
    assert param(at, "from") == "2021-05-01" and param(at, "to") is None

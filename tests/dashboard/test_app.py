"""The app and every page through Streamlit's AppTest, on the bundled seeds, deep links included."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
TIMEOUT = 120  # the first run loads the language pipeline and analyses the seeds
PAGES = ["views/overview.py", "views/entities.py", "views/casualties.py", "views/timeline.py", "views/sentiment.py"]


def run(query: dict | None = None, page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if query:
        at.query_params.update(query)
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def multiselect(at: AppTest, key: str):
    return next(w for w in at.sidebar.multiselect if w.key == key)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_the_seeds(page):
    at = run(page=page)
    assert at.title, "each page has a title"
    assert not at.error


def test_overview_kpis_on_the_seeds():
    at = run()
    assert metric(at, "Articles") == "2"
    assert metric(at, "Sources") == "2"
    assert int(metric(at, "Casualty figures")) >= 3
    assert metric(at, "Published") == "13 Jul 2021"  # 003 is estimated from the corpus


def test_url_always_names_the_corpus():
    at = run()
    assert at.query_params.get("corpus") in ("seeds", ["seeds"])


def test_deep_link_opens_with_its_filters():
    at = run({"source": "Republic World", "entity": "Taliban"})
    assert multiselect(at, "filter_sources").value == ["Republic World"]
    assert multiselect(at, "filter_entities").value == ["Taliban"]
    assert metric(at, "Articles") == "1"


def test_filters_survive_a_page_switch():
    at = run({"source": "Continental Defence"}, page="views/sentiment.py")
    assert multiselect(at, "filter_sources").value == ["Continental Defence"]
    params = at.query_params
    assert params.get("source") in ("Continental Defence", ["Continental Defence"])


def test_changing_a_filter_rewrites_the_url():
    at = run()
    multiselect(at, "filter_sources").select("Republic World").run()
    assert at.query_params.get("source") in ("Republic World", ["Republic World"])
    assert metric(at, "Articles") == "1"


def test_a_link_naming_what_the_corpus_lacks_still_opens():
    at = run({"entity": ["Nobody At All", "Taliban"], "from": "not-a-date"})
    assert multiselect(at, "filter_entities").value == ["Taliban"]
    assert any("Nobody At All" in w.value for w in at.sidebar.warning)


def test_an_uploaded_corpus_link_falls_back_to_the_seeds():
    at = run({"corpus": "upload-0123456789ab"})
    assert any("uploaded" in i.value for i in at.sidebar.info)
    assert metric(at, "Articles") == "2"


def test_page_owned_params_survive_the_router():
    at = run({"cmp": ["a", "b"], "source": "Republic World"})
    assert at.query_params.get("cmp") in (["a", "b"],)
    assert at.query_params.get("source") in ("Republic World", ["Republic World"])


def test_entity_corrections_travel_in_the_link():
    from analysis.entities import EntityCorrections

    fix = EntityCorrections().merge("Ankara", "Turkey").to_query_value()
    at = run({"fix": fix})
    options = multiselect(at, "filter_entities").options
    assert not any(o.startswith("Ankara ·") for o in options)
    assert any(o.startswith("Turkey ·") for o in options)
    assert at.query_params.get("fix") in (fix, [fix])


# --- what the router says when there is nothing to analyse, and when something fails -------------

def run_on(corpus_dir: Path, monkeypatch) -> AppTest:
    """The app with `corpus_dir` as the server's corpus."""
    monkeypatch.setenv("PARALLAX_CORPUS", str(corpus_dir))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_files_read_with_no_text_are_not_called_unreadable(tmp_path, monkeypatch):
    (tmp_path / "blank.txt").write_text("   \n\n  ")
    (tmp_path / "empty.md").write_bytes(b"")
    at = run_on(tmp_path, monkeypatch)
    [error] = [e.value for e in at.error]
    assert error == "There is no article to analyse: 2 file(s) or row(s) read hold no text. See the list in the sidebar."


def test_unreadable_files_say_so(tmp_path, monkeypatch):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    at = run_on(tmp_path, monkeypatch)
    assert [e.value for e in at.error] == ["None of the files could be read: see the list in the sidebar."]


def test_unreadable_and_empty_files_are_counted_apart(tmp_path, monkeypatch):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "blank.txt").write_text("\n\n")
    at = run_on(tmp_path, monkeypatch)
    [error] = [e.value for e in at.error]
    assert "1 file(s) or row(s) read hold no text; 1 file(s) or row(s) could not be read" in error


def test_a_corpus_cut_to_nothing_by_the_word_budget_says_so():
    from dashboard.app import nothing_to_analyse
    from dashboard.corpus import LoadedCorpus

    notice = "This corpus has 9,000 words; the dashboard analyses at most 10 at once."
    cut = LoadedCorpus("server", "Server corpus (1 articles)", (), (), "digest", 0, notice=notice)
    message = nothing_to_analyse(cut)
    assert notice in message and "could not be read" not in message


def test_an_empty_folder_is_not_called_unreadable(tmp_path, monkeypatch):
    at = run_on(tmp_path, monkeypatch)
    [error] = [e.value for e in at.error]
    assert "1 folder(s) or archive(s) hold no article files" in error and "could not be read" not in error


def failing_page_app() -> None:
    """An app whose page raises a real error inside the router's guard."""
    import streamlit as st

    from dashboard.app import PAGE_FAILED, without_traceback

    def page() -> None:
        st.title("Numbers")
        st.write(sum([1, 2]) / (len("abc") - 3))  # ZeroDivisionError

    without_traceback(page, PAGE_FAILED, "page /numbers")
    st.write("not reached: the run stops after the message")


def test_a_failing_page_shows_a_short_message_and_logs_the_traceback():
    import logging

    from dashboard.app import LOGGER, PAGE_FAILED

    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # collect what the server's log receives
    LOGGER.addHandler(handler)
    try:
        at = AppTest.from_function(failing_page_app, default_timeout=TIMEOUT)
        at.run()
    finally:
        LOGGER.removeHandler(handler)
    assert not at.exception  # no traceback element
    assert [e.value for e in at.error] == [PAGE_FAILED]
    assert [t.value for t in at.title] == ["Numbers"]
    assert not any("not reached" in str(m.value) for m in at.markdown)
    assert not any("ZeroDivision" in e.value or "by zero" in e.value for e in at.error)
    [record] = records
    assert record.exc_info and record.exc_info[0] is ZeroDivisionError
    assert "page /numbers failed" in record.getMessage()


def test_the_config_hides_error_details_and_names_only_known_options():
    import tomllib

    from streamlit import config

    settings = tomllib.loads((Path(APP).parents[1] / ".streamlit" / "config.toml").read_text())
    known = config.get_config_options()
    for section, values in settings.items():
        for name in values:
            assert f"{section}.{name}" in known, f"{section}.{name} is not a Streamlit option"
    assert settings["client"]["showErrorDetails"] == config.ShowErrorDetailsConfigOptions.NONE.value

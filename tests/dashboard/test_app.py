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

"""The Compare page through Streamlit's AppTest: the seeds, a four-article corpus, deep links."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[3]
APP = str(ROOT / "dashboard" / "app.py")
PAGE = "views/compare.py"
TIMEOUT = 120  # the first run loads the language pipeline and analyses the corpus
DEV = str(ROOT / "tests" / "data" / "compare" / "articles")



def picker(at: AppTest):
    return next(w for w in at.multiselect if w.key == "compare_selection")


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def html(at: AppTest) -> str:
    return " ".join(h.proto.body for h in at.get("html"))


def cmp_param(at: AppTest) -> list[str]:
    value = at.query_params.get("cmp")
    return [value] if isinstance(value, str) else list(value or [])


def test_the_seeds_compare_side_by_side(run):
    at = run()
    assert at.title[0].value == "Compare"
    assert len(picker(at).value) == 2
    assert metric(at, "Sides") == "2"
    body = html(at)
    assert "Republic World" in body or "Taliban" in body
    assert "px-sent" in body and "px-ent" in body
    assert "share" in body  # the plain-words summary
    assert len(cmp_param(at)) == 2  # the selection is in the link


def test_a_deep_link_opens_its_selection_in_source_mode(run):
    at = run({"cmp": ["s:Continental Defence", "s:Republic World"]})
    assert picker(at).value == ["s:Continental Defence", "s:Republic World"]
    assert at.radio[0].value == "Sources"
    assert cmp_param(at) == ["s:Continental Defence", "s:Republic World"]


def test_a_link_naming_what_the_corpus_lacks_still_opens(run):
    at = run({"cmp": ["a:no-such-article", "s:Republic World"]})
    assert any("Left out" in w.value for w in at.warning)


def test_picking_one_asks_for_another(run):
    at = run()
    first = picker(at).value[0]
    picker(at).unselect(first).run()
    assert any("at least two" in i.value for i in at.info)
    assert len(cmp_param(at)) == 1


def test_switching_to_sources_keeps_the_selection(run):
    at = run()
    at.radio[0].set_value("Sources").run()
    assert sorted(picker(at).value) == ["s:Continental Defence", "s:Republic World"]


@pytest.fixture
def dev_corpus(monkeypatch):
    monkeypatch.setenv("PARALLAX_CORPUS", DEV)


def test_four_outlets_on_one_attack(dev_corpus, run):
    at = run()
    assert metric(at, "Sides") == "4"
    assert int(metric(at, "Shared statements")) >= 5
    assert int(metric(at, "Figure disagreements")) >= 1
    assert metric(at, "Date disagreements") == "1"
    body = html(at)
    assert "Friday evening" in body and "px-fig" in body and "px-date" in body
    assert "Fri 8 Mar 2024" in body


def test_the_selection_survives_a_visit_to_another_page(run):
    at = run({"cmp": ["s:Republic World", "s:Continental Defence"]})
    at.switch_page("views/overview.py")
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert picker(at).value == ["s:Republic World", "s:Continental Defence"]
    assert cmp_param(at) == ["s:Republic World", "s:Continental Defence"]


def test_the_selection_stays_in_the_link_on_other_pages():
    """The router keeps page-owned parameters, so "cmp" survives the Overview and a page switch."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update({"cmp": ["s:Republic World", "s:Continental Defence"]})
    at.run()
    assert cmp_param(at) == ["s:Republic World", "s:Continental Defence"]  # kept on the Overview too
    at.switch_page(PAGE)
    at.run()
    assert not at.exception
    assert picker(at).value == ["s:Republic World", "s:Continental Defence"]


def test_the_page_says_which_matcher_runs_and_why_an_omission_is_not_shared(run, monkeypatch):
    monkeypatch.delenv("PARALLAX_SENTENCE_MODEL", raising=False)
    at = run()
    captions = " ".join(c.value for c in at.caption)
    assert "Statement matcher: offline" in captions.replace("\u2060", "").replace("\\", "")
    frames = [frame.value for frame in at.dataframe]
    why = [f for f in frames if "Why not the same" in f.columns]
    assert why and any(len(f) for f in why)
    assert all(str(text).startswith("Closest sentence elsewhere") for f in why for text in f["Why not the same"])
    assert any("Only in this sentence" in f.columns and "Figures differ" in f.columns for f in frames)


def test_the_article_picker_says_when_a_publication_date_is_estimated():
    import pandas as pd

    from dashboard.views.compare import _article_choice

    documents = pd.DataFrame({"doc_id": ["a", "b"], "source": ["Wire", "Post"], "title": ["One", "Two"],
                              "published": ["2021-07-13", "2021-07-12"], "published_estimated": [False, True]})
    shown = list(_article_choice(documents).values())
    assert shown == ["Post · 12 Jul 2021 (estimated) · Two", "Wire · 13 Jul 2021 · One"]


def test_only_one_side_never_shows_a_bare_zero_over_unsure_sentences():
    from dashboard.views.compare import no_omission_note, only_one_side_note

    assert only_one_side_note(7) == "+7 unsure"  # one short line: every figure box keeps its height
    assert only_one_side_note(0) == ""
    assert no_omission_note(4).startswith("None for certain: 4 sentences match nothing elsewhere")
    assert no_omission_note(1).startswith("None for certain: 1 sentence matches nothing elsewhere")
    assert no_omission_note(0).startswith("None: every sentence")


def test_a_side_with_no_certain_omission_says_why_instead_of_an_empty_table(run):
    at = run()
    omissions_frames = [f.value for f in at.dataframe if "Why not the same" in f.value.columns]
    assert all(len(frame) for frame in omissions_frames)  # no empty table is drawn
    # The seeds: no sentence is certainly left out by the other side, several match nothing there,
    # and the figure (short, so its box never clips it) has them said under it.
    assert metric(at, "Only one side") == "0"
    unsure = [c.value for c in at.caption if c.value.startswith("+") and c.value.endswith(" unsure")]
    assert len(unsure) == 1 and int(unsure[0][1:].split()[0]) > 0
    assert any(c.value.startswith("None for certain") for c in at.caption)


def test_no_figure_conflict_is_a_sentence_not_a_blank_chart(run):
    at = run()  # the seeds: one side gives figures, the other none
    assert metric(at, "Figure disagreements") == "0"
    assert any(c.value.startswith("None: the selected sides give no conflicting") for c in at.caption)
    captions = " ".join(c.value for c in at.caption)
    assert "UNNAMED" not in captions and "Not named" in captions  # the quotes caption uses the shown type


def test_the_tone_table_gives_whole_percentages(run):
    at = run()
    tone = next(f.value for f in at.dataframe if "Negative sentences" in f.value.columns)
    shares = tone["Negative sentences"].tolist()
    assert all(0 <= share <= 100 for share in shares) and any(share > 1 for share in shares)  # percent, not a 0–1 share

"""The Entities page through AppTest: the seeds, deep links, merge / split / undo, and a corpus of
several outlets on one story (with markup in a source name and a title)."""

import csv

import pytest
from streamlit.testing.v1 import AppTest

from analysis.entities import EntityCorrections

PAGE = "views/entities.py"

STORY = [
    ("Kyiv <Herald>", "2024-05-25", "Glide bombs hit Kharkiv store & kill 12",
     ("Russian glide bombs struck a hardware store in Kharkiv on Saturday, killing at least 12 people, "
      "governor Oleh Syniehubov said. Syniehubov said 43 people were injured in Kharkiv.")),
    ("Global Wire", "2024-05-26", "Kharkiv toll rises to 16",
     ("The death toll from the Russian strike on a store in Kharkiv rose to 16, Oleh Syniehubov said on Sunday. "
      "Kremlin spokesman Dmitry Peskov said Russia strikes only military targets.")),
    ("Moscow Review", "2024-05-26", "Strikes reported near Kharkov",
     ("The Russian Defence Ministry said its forces struck depots near Kharkov. Dmitry Peskov said Moscow "
      "was not targeting civilians in Kharkov.")),
]



def html_bodies(at: AppTest) -> list[str]:
    return [element.proto.body for element in at.get("html")]


def sidebar_entities(at: AppTest) -> list[str]:
    """The entity names the sidebar offers (its labels read "name · type · mentions")."""
    options = next(w for w in at.sidebar.multiselect if w.key == "filter_entities").options
    return [option.split(" · ")[0] for option in options]


def widget(at: AppTest, kind: str, key: str):
    return next(w for w in getattr(at, kind) if w.key == key)


def fix_param(at: AppTest) -> str | None:
    value = at.query_params.get("fix")
    return value[0] if isinstance(value, list) else value


def test_the_seeds_show_every_section(run):
    at = run()
    assert at.title[0].value == "Entities"
    assert len(at.get("plotly_chart")) == 4  # by type and source, heatmap, sentiment, network
    assert len(at.get("download_button")) == 2
    assert any("Click an entity" in info.value for info in at.info)  # nothing picked yet
    assert {w.key for w in at.multiselect} >= {"entities_merge_from"}
    assert {w.key for w in at.selectbox} >= {"entities_merge_into", "entities_split"}
    assert any("No corrections" in c.value for c in at.caption)


def test_a_deep_link_to_an_entity_lists_its_mentions_highlighted(run):
    at = run({"entity": "Taliban"})
    assert widget(at.sidebar, "multiselect", "filter_entities").value == ["Taliban"]
    kwic = next(body for body in html_bodies(at) if "px-kwic" in body)
    assert kwic.count("<mark") >= 2 and ">Taliban</mark>" in kwic
    assert "Republic World" in kwic and "Continental Defence" in kwic  # the article each comes from
    assert any("mention(s) of 1 selected entity in 2 article(s)" in c.value for c in at.caption)
    clear = next(b for b in at.button if b.label == "Clear entity filter")
    clear.click().run()
    assert widget(at.sidebar, "multiselect", "filter_entities").value == []
    assert at.query_params.get("entity") in (None, [], "")


def test_merge_then_undo_travels_in_the_url_and_applies_everywhere(run):
    at = run()
    before = sidebar_entities(at)
    target, alias = before[0], before[1]
    widget(at, "multiselect", "entities_merge_from").select(alias)
    widget(at, "selectbox", "entities_merge_into").select(target)
    next(b for b in at.button if b.label == "Merge").click().run()
    assert not at.exception
    assert EntityCorrections.from_query_value(fix_param(at)).merges == ((alias, target),)
    after = sidebar_entities(at)
    assert alias not in after and target in after and len(after) == len(before) - 1
    assert any(f"“{alias}” merged into “{target}”" in t.value for t in at.text)
    # The correction holds on another page too.
    at.switch_page("views/overview.py").run()
    assert alias not in sidebar_entities(at)
    at.switch_page(PAGE).run()
    next(b for b in at.button if b.label == "Undo").click().run()
    assert not fix_param(at)
    assert sidebar_entities(at) == before


def test_split_separates_surface_forms_and_reset_clears_it(run):
    at = run()
    split = widget(at, "selectbox", "entities_split")
    if not split.options:
        pytest.skip("no entity is written more than one way in this corpus")
    entity = split.options[0].split(": ")[0]  # labels read "name: alias / alias"
    before = sidebar_entities(at)
    split.select(entity)
    next(b for b in at.button if b.label == "Split").click().run()
    assert EntityCorrections.from_query_value(fix_param(at)).splits == (entity,)
    assert len(sidebar_entities(at)) > len(before)  # one entity became several
    next(b for b in at.button if b.label == "Reset all corrections").click().run()
    assert not fix_param(at) and sidebar_entities(at) == before


def test_a_shared_link_with_a_correction_shows_it(run):
    fixes = EntityCorrections().merge("Ankara", "Turkey")
    at = run({"fix": fixes.to_query_value()})
    assert "Ankara" not in sidebar_entities(at)
    assert any("1 entity correction(s) active" in i.value for i in at.info)
    assert any("“Ankara” merged into “Turkey”" in t.value for t in at.text)


@pytest.fixture
def story_corpus(tmp_path, monkeypatch):
    path = tmp_path / "story.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["source", "published", "title", "text"])
        writer.writerows(STORY)
    monkeypatch.setenv("PARALLAX_CORPUS", str(path))
    return path


def test_several_outlets_with_markup_in_names_are_escaped(story_corpus, run):
    at = run({"entity": "Kharkiv"})
    assert widget(at.sidebar, "multiselect", "filter_entities").value == ["Kharkiv"]
    kwic = next(body for body in html_bodies(at) if "px-kwic" in body)
    assert "Kyiv &lt;Herald&gt;" in kwic and "<Herald>" not in kwic
    assert "Glide bombs hit Kharkiv store &amp; kill 12" in kwic
    assert kwic.count(">Kharkiv</mark>") >= 3
    assert len(at.get("plotly_chart")) == 4

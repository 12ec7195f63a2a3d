"""Selections: keys from the URL, cleaned against the corpus, capped, turned into sides."""

import pandas as pd

from analysis.compare.selection import (
    MAX_ARTICLES_PER_SOURCE,
    MAX_SIDES,
    article_key,
    build_sides,
    clean_selection,
    default_selection,
    selection_mode,
    source_key,
    split_key,
)

DOCS = pd.DataFrame({
    "doc_id": [f"d{i}" for i in range(9)],
    "source": ["Wire", "Wire", "Daily", "Post", "Post", "Echo", "Herald", "Times", "Mail"],
    "title": [f"Title {i}" for i in range(9)],
    "published": pd.to_datetime([f"2024-03-0{i + 1}" for i in range(9)]).date,
})


def test_keys_round_trip():
    assert split_key(article_key("d1")) == ("a", "d1")
    assert split_key(source_key("Wire: Extra")) == ("s", "Wire: Extra")
    assert split_key("nonsense") is None and split_key("x:1") is None and split_key("a:") is None


def test_clean_selection_drops_unknown_repeated_other_mode_and_beyond_the_cap():
    keys = ["a:d0", "a:d0", "a:missing", "s:Wire"] + [f"a:d{i}" for i in range(1, 9)]
    kept, dropped = clean_selection(keys, DOCS)
    assert kept == [f"a:d{i}" for i in range(MAX_SIDES)]
    assert "a:missing" in dropped and "s:Wire" in dropped and "a:d8" in dropped


def test_the_first_key_sets_the_mode():
    assert selection_mode(["junk", "s:Wire", "a:d1"]) == "s"
    assert selection_mode([]) == "a"
    kept, _ = clean_selection(["s:Wire", "s:Post", "a:d2"], DOCS)
    assert kept == ["s:Wire", "s:Post"]


def test_sources_pool_their_articles_and_articles_of_one_source_say_which():
    sides = build_sides(["s:Wire", "s:Daily"], DOCS)
    assert sides[0].doc_ids == ("d1", "d0") and sides[0].label == "Wire (2 articles)"
    assert sides[1].label == "Daily"
    articles = build_sides(["a:d0", "a:d1", "a:d2"], DOCS)
    assert articles[0].label.startswith("Wire: ") and articles[2].label == "Daily"


def test_default_selection_takes_different_outlets_oldest_first():
    chosen = default_selection(DOCS)
    assert chosen == ["a:d0", "a:d2", "a:d3", "a:d5"]
    assert default_selection(DOCS.head(1)) == []
    one_source = DOCS[DOCS["source"] == "Wire"]
    assert default_selection(one_source) == ["a:d0", "a:d1"]


def test_a_large_source_stands_for_its_newest_articles():
    many = pd.DataFrame({
        "doc_id": [f"w{i:03d}" for i in range(40)] + ["x"],
        "source": ["Wire"] * 40 + ["Daily"],
        "title": ["t"] * 41,
        "published": list(pd.date_range("2024-01-01", periods=40).date) + [None],
    })
    wire, daily = build_sides(["s:Wire", "s:Daily"], many)
    assert len(wire.doc_ids) == MAX_ARTICLES_PER_SOURCE and wire.available == 40
    assert wire.doc_ids[0] == "w039"  # newest first
    assert daily.doc_ids == ("x",) and daily.available == 1


def test_the_default_compares_one_story_when_the_corpus_holds_several():
    docs = pd.DataFrame({
        "doc_id": ["k1", "r1", "k2", "r2", "k3"],
        "source": ["Wire", "Daily", "Post", "Echo", "Wire"],
        "title": ["Kyiv drones", "Red Sea ship", "Kyiv strike", "Red Sea attack", "Kyiv again"],
        "published": pd.to_datetime(["2025-01-16", "2025-01-16", "2025-01-17", "2025-01-17", "2025-01-18"]).date,
    })
    named = {"k1": ["Kyiv", "Ukraine", "Russia"], "r1": ["Red Sea", "Houthis", "Yemen"],
             "k2": ["Kyiv", "Russia", "Zelensky"], "r2": ["Red Sea", "Houthis"], "k3": ["Kyiv", "Ukraine"]}
    mentions = pd.DataFrame([{"doc_id": d, "entity": e} for d, names in named.items() for e in names])
    # The first article's story, one article per outlet: k3 is from Wire, already chosen.
    assert default_selection(docs, mentions=mentions) == ["a:k1", "a:k2"]
    # Without mentions, or when no other outlet shares the story, the first article of each outlet.
    assert default_selection(docs) == ["a:k1", "a:r1", "a:k2", "a:r2"]
    lonely = mentions[mentions["doc_id"] != "k2"]
    assert default_selection(docs, mentions=lonely) == ["a:k1", "a:r1", "a:k2", "a:r2"]

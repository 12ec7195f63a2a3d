"""The Entities page's tables, on small hand-made analyses whose answers can be counted by eye."""

import math

import numpy as np
import pandas as pd
import pytest

from analysis.entities import EntityCorrections
from analysis.entities import views as ev
from analysis.export import csv_text

TEXT_A = "Kabul fell. The Taliban entered Kabul and the Taliban spoke. NATO left Kabul."
TEXT_B = "The Taliban <b>warned</b> NATO. Ankara & NATO met."


def _sentences() -> pd.DataFrame:
    rows = []
    for doc_id, text, tones in (("a", TEXT_A, [-0.5, -0.2, 0.4]), ("b", TEXT_B, [0.6, 0.1])):
        start = 0
        for sent_id, (part, tone) in enumerate(zip(text.split(". "), tones)):
            part = part if part.endswith(".") else part + "."
            begin = text.index(part, start)
            rows.append((doc_id, sent_id, begin, begin + len(part), part, tone))
            start = begin + len(part)
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "text", "compound"])


def _mentions(sentences: pd.DataFrame) -> pd.DataFrame:
    rows = []
    texts = {"a": TEXT_A, "b": TEXT_B}
    for doc_id, sent_id, start, end, _, _ in sentences.itertuples(index=False):
        for name, label in (("Kabul", "GPE"), ("Taliban", "ORG"), ("NATO", "ORG"), ("Ankara", "GPE")):
            at = texts[doc_id].find(name, start)
            while 0 <= at < end:
                rows.append((doc_id, sent_id, at, at + len(name), name, label, name))
                at = texts[doc_id].find(name, at + 1)
    return pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "text", "label", "entity"])


@pytest.fixture
def tables():
    sentences = _sentences()
    documents = pd.DataFrame({"doc_id": ["a", "b"], "source": ["Wire", "Daily"], "title": ["Fall", "Talks <x>"],
                              "published": ["2021-08-15", "2021-08-16"], "words": [2000, 500]})
    return _mentions(sentences), sentences, documents


def test_the_fixture_mentions_are_where_the_text_says(tables):
    mentions, _, _ = tables
    assert all(TEXT_A[s:e] == t for d, s, e, t in mentions[["doc_id", "start", "end", "text"]].itertuples(index=False)
               if d == "a")
    assert mentions.groupby("entity").size().to_dict() == {"Ankara": 1, "Kabul": 3, "NATO": 3, "Taliban": 3}


def test_mentions_by_source_counts_each_pair_most_mentioned_first(tables):
    mentions, _, documents = tables
    counts = ev.mentions_by_source(mentions, documents)
    as_dict = {(e, s): n for e, s, n in counts[["entity", "source", "mentions"]].itertuples(index=False)}
    assert as_dict == {("Kabul", "Wire"): 3, ("NATO", "Wire"): 1, ("NATO", "Daily"): 2, ("Taliban", "Wire"): 2,
                       ("Taliban", "Daily"): 1, ("Ankara", "Daily"): 1}
    assert counts["entity"].iloc[-1] == "Ankara"
    assert set(counts.loc[counts["entity"] == "NATO", "label"]) == {"ORG"}


def test_density_divides_by_the_words_each_source_published(tables):
    mentions, _, documents = tables
    density = ev.mention_density(mentions, documents, ["NATO", "Kabul"])
    cell = density.set_index(["entity", "source"])
    # NATO: 1 mention in 2,000 words of Wire, 2 in 500 words of Daily.
    assert cell.loc[("NATO", "Wire"), "per_1000_words"] == pytest.approx(0.5)
    assert cell.loc[("NATO", "Daily"), "per_1000_words"] == pytest.approx(4.0)
    # Every (entity, source) cell is present, zero where the source never names it.
    assert cell.loc[("Kabul", "Daily"), "mentions"] == 0 and cell.loc[("Kabul", "Daily"), "per_1000_words"] == 0
    assert list(dict.fromkeys(density["entity"])) == ["NATO", "Kabul"]  # caller's order kept


def test_entity_sentiment_counts_each_sentence_once(tables):
    mentions, sentences, documents = tables
    tone = ev.entity_sentiment(mentions, sentences, documents).set_index(["entity", "source"])
    # Kabul: named twice in no sentence here, but "Taliban" is named twice in sentence a/1.
    assert tone.loc[("Taliban", "Wire"), "sentences"] == 1
    assert tone.loc[("Taliban", "Wire"), "compound"] == pytest.approx(-0.2)
    assert tone.loc[("Kabul", "Wire"), "sentences"] == 3
    assert tone.loc[("Kabul", "Wire"), "compound"] == pytest.approx((-0.5 - 0.2 + 0.4) / 3)
    kabul = tone.loc[("Kabul", "Wire")]
    assert kabul["low"] < kabul["compound"] < kabul["high"]
    half = 1.96 * np.std([-0.5, -0.2, 0.4], ddof=1) / math.sqrt(3)
    assert kabul["high"] - kabul["compound"] == pytest.approx(min(half, 1 - kabul["compound"]))
    # A single sentence has no interval and no spread: nothing suggests a tendency.
    single = tone.loc[("Ankara", "Daily")]
    assert single["sentences"] == 1 and single["low"] == single["high"] == single["compound"]
    assert single["spread"] == 0


def test_entity_sentiment_can_be_limited_to_some_entities(tables):
    mentions, sentences, documents = tables
    tone = ev.entity_sentiment(mentions, sentences, documents, ["NATO"])
    assert set(tone["entity"]) == {"NATO"}
    assert dict(zip(tone["source"], tone["sentences"])) == {"Daily": 2, "Wire": 1}


def test_cooccurrence_pairs_entities_of_one_sentence(tables):
    mentions, _, _ = tables
    pairs = ev.cooccurrence(mentions)
    found = {(a, b): n for a, b, n in pairs.itertuples(index=False)}
    assert found == {("Kabul", "Taliban"): 1, ("Kabul", "NATO"): 1, ("NATO", "Taliban"): 1, ("Ankara", "NATO"): 1}
    assert all(a < b for a, b in found)  # each pair once, never an entity with itself


def test_cooccurrence_counts_sentences_not_mentions():
    mentions = pd.DataFrame({
        "doc_id": ["d"] * 5, "sent_id": [0, 0, 0, 1, 1], "entity": ["A", "A", "B", "B", "A"],
        "label": ["ORG"] * 5, "start": range(5), "end": range(1, 6), "text": ["x"] * 5,
    })
    assert ev.cooccurrence(mentions).to_dict("records") == [
        {"source_entity": "A", "target_entity": "B", "sentences": 2}]
    assert ev.cooccurrence(mentions.iloc[:2]).empty


def test_network_layout_is_deterministic_spread_and_keeps_links_close():
    names = [f"n{i}" for i in range(40)]
    # Two cliques of 20 with one bridge: members of a clique sit nearer each other than the others.
    edges = [(a, b, 2) for group in (names[:20], names[20:]) for i, a in enumerate(group) for b in group[i + 1:]]
    edges.append(("n0", "n20", 1))
    frame = pd.DataFrame(edges, columns=ev.PAIR_COLUMNS)
    first, again = ev.network_layout(names, frame), ev.network_layout(names, frame)
    pd.testing.assert_frame_equal(first, again)
    pos = first.set_index("entity")[["x", "y"]].to_numpy()
    assert np.abs(pos).max() <= 1.15
    distance = np.linalg.norm(pos[:, None] - pos[None], axis=-1)
    within = np.r_[distance[:20, :20][np.triu_indices(20, 1)], distance[20:, 20:][np.triu_indices(20, 1)]]
    across = distance[:20, 20:].ravel()
    assert within.mean() < across.mean()
    assert distance[np.triu_indices(40, 1)].min() > 0.01  # nobody stacked on top of another


def test_network_layout_small_cases():
    assert ev.network_layout([], pd.DataFrame(columns=ev.PAIR_COLUMNS)).empty
    one = ev.network_layout(["A"], pd.DataFrame(columns=ev.PAIR_COLUMNS))
    assert one[["x", "y"]].iloc[0].tolist() == [0.0, 0.0]


def test_keyword_in_context_splits_the_sentence_around_the_mention(tables):
    mentions, sentences, documents = tables
    rows = ev.keyword_in_context(mentions, sentences, documents, ["NATO"])
    assert len(rows) == 3
    assert set(rows["match"]) == {"NATO"}
    by_doc = rows[rows["doc_id"] == "b"]
    assert list(by_doc["before"]) == ["The Taliban <b>warned</b> ", "Ankara & "]  # plain text, unescaped
    assert list(by_doc["after"]) == [".", " met."]
    assert set(by_doc["title"]) == {"Talks <x>"} and set(by_doc["source"]) == {"Daily"}
    for row in rows.itertuples():
        sentence = sentences.set_index(["doc_id", "sent_id"]).loc[(row.doc_id, row.sent_id), "text"]
        assert row.before + row.match + row.after == sentence


def test_keyword_in_context_clips_long_context_at_a_word():
    text = " ".join(f"word{i}" for i in range(60)) + " Kabul " + " ".join(f"tail{i}" for i in range(60))
    at = text.index("Kabul")
    sentences = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "start": [0], "end": [len(text)], "text": [text],
                              "compound": [0.0]})
    mentions = pd.DataFrame({"doc_id": ["d"], "sent_id": [0], "start": [at], "end": [at + 5], "text": ["Kabul"],
                             "label": ["GPE"], "entity": ["Kabul"]})
    documents = pd.DataFrame({"doc_id": ["d"], "source": ["S"], "title": ["T"]})
    row = ev.keyword_in_context(mentions, sentences, documents, ["Kabul"], width=40).iloc[0]
    assert row["before"].startswith("…") and row["after"].endswith("…")
    assert len(row["before"]) <= 42 and len(row["after"]) <= 42
    assert row["before"].endswith("word59 ") and row["after"].startswith(" tail0")
    assert not row["before"][1:].startswith("ord")  # cut at a word boundary


def test_keyword_in_context_of_nothing_is_empty(tables):
    mentions, sentences, documents = tables
    assert list(ev.keyword_in_context(mentions, sentences, documents, ["Nobody"]).columns) == ev.KWIC_COLUMNS


def test_exports_join_lists_and_carry_provenance(tables):
    mentions, sentences, documents = tables
    entities = pd.DataFrame({"entity": ["NATO"], "label": ["ORG"], "mentions": [3],
                             "aliases": [["NATO", "North Atlantic Treaty Organization"]]})
    assert "NATO; North Atlantic Treaty Organization" in csv_text(entities)  # the one list join of every export
    rows = ev.mentions_export(mentions, sentences, documents)
    assert len(rows) == len(mentions)
    first = rows.iloc[0]
    assert (first["source"], first["title"], first["sentence"]) == ("Wire", "Fall", "Kabul fell.")
    assert ev.mentions_export(mentions.iloc[0:0], sentences, documents).empty


def test_corrections_are_listed_and_undone_one_at_a_time():
    fixes = EntityCorrections().merge("Kharkov", "Kharkiv").merge("Kiev", "Kyiv").split("Georgia")
    lines = ev.describe_corrections(fixes)
    assert [kind for kind, _ in lines] == ["merge", "merge", "split"]
    assert "Kiev" in lines[1][1] and "Kyiv" in lines[1][1]
    assert ev.without_correction(fixes, 1) == EntityCorrections((("Kharkov", "Kharkiv"),), ("Georgia",))
    assert ev.without_correction(fixes, 2) == EntityCorrections((("Kharkov", "Kharkiv"), ("Kiev", "Kyiv")), ())
    assert ev.without_correction(fixes, 9) == fixes


def test_empty_inputs_give_empty_tables_with_columns():
    empty = pd.DataFrame(columns=["doc_id", "sent_id", "start", "end", "text", "label", "entity"])
    documents = pd.DataFrame(columns=["doc_id", "source", "title", "words"])
    sentences = pd.DataFrame(columns=["doc_id", "sent_id", "start", "text", "compound"])
    assert list(ev.mentions_by_source(empty, documents).columns) == ev.SOURCE_COUNT_COLUMNS
    assert list(ev.mention_density(empty, documents).columns) == ev.DENSITY_COLUMNS
    assert list(ev.entity_sentiment(empty, sentences, documents).columns) == ev.SENTIMENT_COLUMNS
    assert list(ev.cooccurrence(empty).columns) == ev.PAIR_COLUMNS
    assert ev.top_entity_names(empty, 5) == []

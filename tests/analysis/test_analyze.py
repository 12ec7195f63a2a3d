"""`analyze` on the bundled seeds: the schema of docs/ARCHITECTURE.md and the facts the seeds hold."""

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analysis import analyze, load_corpus
from analysis.schema import TABLES

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
REPUBLIC = "000_d7088bed9912e84f"
CONTINENTAL = "003_7126b1dd18ba6691"


@pytest.fixture(scope="module")
def result():
    corpus = load_corpus([SEEDS])
    assert not corpus.errors
    return analyze(corpus.documents)


@pytest.fixture(scope="module")
def texts():
    return {d.doc_id: d.text for d in load_corpus([SEEDS]).documents}


def test_every_table_has_the_design_columns_in_order(result):
    for name, columns in TABLES.items():
        table = getattr(result, name)
        assert list(table.columns[: len(columns)]) == columns, name
    assert result.pipeline


def test_documents(result):
    docs = result.documents.set_index("doc_id")
    assert docs.loc[REPUBLIC, "published"] == date(2021, 7, 13)
    assert not docs.loc[REPUBLIC, "published_estimated"]
    assert docs.loc[CONTINENTAL, "published_estimated"]
    estimate = docs.loc[CONTINENTAL, "published"]
    assert date(2021, 6, 10) <= estimate <= date(2021, 8, 31)
    assert docs.loc[REPUBLIC, "words"] > 300
    assert docs.loc[REPUBLIC, "sentences"] == (result.sentences["doc_id"] == REPUBLIC).sum()


def test_sentences_carry_vader_scores_and_offsets(result, texts):
    sentences = result.sentences
    assert sentences["compound"].between(-1, 1).all()
    assert ((sentences["pos"] + sentences["neu"] + sentences["neg"]).round(2).between(0.99, 1.01)).all()
    for row in sentences.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text
    heading = sentences[sentences["text"] == "Afghanistan will take a stance against the Turkish government"]
    assert len(heading) == 1


def test_sentence_date_is_the_event_date_else_publication(result):
    sentences = result.sentences[result.sentences["doc_id"] == REPUBLIC].set_index("sent_id")
    may = sentences[sentences["text"].str.startswith("In May")]
    assert may["date"].iloc[0] == date(2021, 5, 1)
    plain = sentences[sentences["text"].str.startswith("Fighting continued")]
    assert plain["date"].iloc[0] == date(2021, 7, 13)


def test_casualty_figures_of_article_000(result):
    figures = result.casualties[result.casualties["doc_id"] == REPUBLIC]
    killed = figures[figures["category"] == "killed"]
    assert list(zip(killed["value"], killed["qualifier"])) == [(8, "exact")]
    injured = figures[figures["category"] == "injured"]
    assert list(zip(injured["value"], injured["qualifier"])) == [(30, "more_than")]
    displaced = figures[(figures["category"] == "displaced") & figures["evidence"].str.contains("Hundreds of families")]
    assert len(displaced) == 1
    assert pd.isna(displaced["value"].iloc[0]) and displaced["low"].iloc[0] == 100


def test_not_casualty_figures(result):
    evidence = " ".join(result.casualties["evidence"])
    assert "20 new terror groups" not in evidence
    assert "9/11" not in evidence
    assert 20 not in set(result.casualties["value"].dropna())


def test_events_of_article_000(result):
    events = result.events[result.events["doc_id"] == REPUBLIC]
    days = set(events.loc[events["granularity"] == "day", "date"])
    assert {date(2021, 7, 7), date(2021, 7, 12), date(2021, 7, 13)} <= days
    may = events[(events["granularity"] == "month") & (events["date"] == date(2021, 5, 1))]
    assert len(may) == 1 and may["date_end"].iloc[0] == date(2021, 5, 31)
    tuesday = events[events["date"] == date(2021, 7, 13)]
    assert tuesday["relative"].all()


def test_named_date_in_article_003(result):
    events = result.events[result.events["doc_id"] == CONTINENTAL]
    assert date(2001, 9, 11) in set(events["date"])


def test_entities_are_found_and_merged(result):
    entities = set(result.entities["entity"])
    for expected in ("Taliban", "Turkey", "Afghanistan", "Kabul", "Ankara", "Kandahar", "NATO"):
        assert expected in entities, expected
    assert result.mentions.merge(result.entities, on="entity", how="left")["label_y"].notna().all()


def test_every_offset_indexes_its_document(result, texts):
    for table in (result.mentions, result.casualties, result.events):
        for row in table.itertuples():
            assert 0 <= row.start < row.end <= len(texts[row.doc_id])
    for row in result.mentions.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text


def test_empty_corpus_gives_empty_tables():
    empty = analyze([])
    for name, columns in TABLES.items():
        assert getattr(empty, name).empty
        assert list(getattr(empty, name).columns[: len(columns)]) == columns

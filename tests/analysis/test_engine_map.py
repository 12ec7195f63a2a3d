"""The map and the reduce of analysis.engine: one article in, its own tables out, whatever
else is read with it; corpus steps over the summaries."""

import pickle
import random
from datetime import date, timedelta
from statistics import median_low

import pytest

from analysis.document import Document
from analysis.engine import (
    ArticleTables,
    place_and_date,
    read_article,
    read_articles,
    settle_mentions,
)
from analysis.nlp import load_pipeline
from analysis.timeline.pubdate import KnownDates

DATED = Document(
    "harbour", "Strike on harbour", "Quayside Wire", date(2024, 5, 14), "",
    "ODESA - Two dock workers were killed and five wounded when a missile hit the harbour in Odesa "
    "on Monday, the regional governor Oleh Kiper said.\n\nKiper said cranes and a grain store were "
    "damaged. Port officials said traffic will resume on 20 May.",
)
UNDATED = Document(
    "camp", "Shelling near camp", "Valley Monitor", None, "",
    "Shelling near the Zamzam camp outside El Fasher killed nine civilians on 3 June, medics said. "
    "Aid groups said on Tuesday that water trucks could not reach the camp.",
)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_an_articles_tables_do_not_depend_on_what_is_read_with_it(nlp):
    alone = read_article(DATED, nlp)
    together = read_articles([UNDATED, DATED], nlp)[1]
    assert alone == together
    assert alone.doc_id == "harbour" and alone.document["published"] == date(2024, 5, 14)
    assert len(alone.sentences["sent_id"]) == alone.document["sentences"] == 3
    assert {m.text for m in alone.mentions.found} >= {"Odesa"}
    assert {(event.expression, event.date) for event in alone.events} == {
        ("Monday", date(2024, 5, 13)), ("20 May", date(2024, 5, 20))}


def test_the_summary_survives_pickling(nlp):
    article = read_article(DATED, nlp)
    assert pickle.loads(pickle.dumps(article)) == article


def test_an_undated_article_waits_for_the_corpus_to_date_it(nlp):
    article: ArticleTables = read_article(UNDATED, nlp)
    assert article.events is None  # relative dates need the estimate the corpus gives
    settled = settle_mentions([article.mentions])
    assert len(settled) == 1
    known = KnownDates([date(2024, 6, 5), date(2024, 6, 4), None, date(2023, 1, 9)])
    findings = place_and_date(UNDATED.text, article, [], known)
    assert findings.estimated and findings.anchor == date(2024, 6, 4)  # the first known date after 3 June
    assert any(event.date == date(2024, 6, 3) for event in findings.events)
    assert [figure.value for figure in findings.figures] == [9]


def test_known_dates_give_the_medians_a_sort_would():
    rng = random.Random(3)
    for size in (1, 2, 5, 40):
        days = [date(2020, 1, 1) + timedelta(days=rng.randint(0, 900)) for _ in range(size)]
        known = KnownDates(days + [None])
        ordered = sorted(days)
        for first in range(size):
            assert known.median_from(first) == median_low(ordered[first:])


def test_map_and_corpus_pass_find_the_mentions_the_pipeline_finds(nlp):
    """The map reads each article's mentions alone and `settle_mentions` makes the offline
    pipeline's corpus pass over the summaries: together, analysis.nlp.find_mentions."""
    from pathlib import Path

    from analysis.loading import load_corpus
    from analysis.nlp import find_mentions

    root = Path(__file__).resolve().parents[2]
    documents = load_corpus([root / "seeds", root / "tests" / "data" / "loading" / "mixed"]).documents
    summaries = [article.mentions for article in read_articles(documents, nlp)]
    assert settle_mentions(summaries) == find_mentions(nlp, [d.text for d in documents])

"""The work of one shard, run on a Dask worker: plain functions of picklable arguments that
read and write the store's files, so the same code runs in a local process pool or on a
cluster whose workers see the store's folder."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.document import Document
from analysis.engine import (
    SENTENCE_FIELDS,
    ArticleMentions,
    ArticleTables,
    compact,
    date_sentences_by_events,
    document_row,
    place_and_date,
    read_articles,
    records_table,
    sentence_frame,
    sentence_locator,
)
from analysis.nlp import load_pipeline, pipeline_description
from analysis.nlp.mentions import RawMention
from analysis.schema import CASUALTIES, DOCUMENTS, EVENTS
from analysis.sentiment import SentimentScores
from analysis.store.layout import article_path, final_path, read_table, write_table
from analysis.timeline.pubdate import KnownDates

SPAN_COLUMNS = ["doc_id", "sent_id", "start", "end", "text", "label", "open", "initial", "guessed", "bracketed", "offline"]
OWN_DOCUMENT_COLUMNS = ["doc_id", "title", "source", "published", "url", "words", "sentences", "compound"]


@lru_cache(maxsize=1)
def worker_pipeline():
    """The NLP pipeline, loaded once per worker process."""
    return load_pipeline()


@dataclass
class ShardRead:
    """What the map reports of a shard: the articles written, each with its hash, the articles
    that failed and why, and the pipeline that read them."""

    shard: str
    hashes: dict[str, str]
    failures: list[tuple[str, str]]
    pipeline: str


def read_shard(root: str, shard: str, documents: list[Document]) -> ShardRead:
    """The map over one shard: each article's own tables (analysis.engine.read_articles),
    written under articles/ in the store. An article that fails is reported, not fatal."""
    nlp = worker_pipeline()
    articles: list[ArticleTables] = []
    kept: list[Document] = []
    failures: list[tuple[str, str]] = []
    try:
        articles, kept = read_articles(documents, nlp), documents
    except Exception:  # find the culprit: read one at a time
        for document in documents:
            try:
                articles.extend(read_articles([document], nlp))
                kept.append(document)
            except Exception as exc:
                failures.append((document.doc_id, f"analysis failed ({type(exc).__name__}: {exc})"))
    _write_articles(Path(root), shard, kept, articles)
    return ShardRead(shard, {d.doc_id: d.fingerprint() for d in kept}, failures, pipeline_description(nlp))


def _write_articles(root: Path, shard: str, documents: list[Document], articles: list[ArticleTables]) -> None:
    write_table(pd.DataFrame([a.document for a in articles], columns=OWN_DOCUMENT_COLUMNS),
                article_path(root, "documents", shard))
    write_table(_own_sentences(articles), article_path(root, "sentences", shard))
    write_table(_spans(articles), article_path(root, "spans", shard))
    dated = [(a.doc_id, event) for a in articles for event in (a.events or [])]
    write_table(records_table([d for d, _ in dated], [e for _, e in dated], EVENTS),
                article_path(root, "events", shard))
    write_table(pd.DataFrame({"doc_id": [d.doc_id for d in documents], "text": [d.text for d in documents]}),
                article_path(root, "texts", shard))


def _own_sentences(articles: list[ArticleTables]) -> pd.DataFrame:
    """The sentences with their full-precision scores and no date yet."""
    return sentence_frame(articles, [None] * len(articles)).drop(columns=["date"])


def _spans(articles: list[ArticleTables]) -> pd.DataFrame:
    """Every article's mentions and open words, one row each (ArticleMentions, flattened)."""
    rows: dict[str, list] = {name: [] for name in SPAN_COLUMNS}
    for article in articles:
        m = article.mentions
        sentence_of = sentence_locator(article.sentence_list())
        spans = [(s.start, s.end, s.text, s.label, False, False) for s in m.found]
        spans += [(start, end, word, None, True, initial) for start, end, initial, word in m.open_words]
        for start, end, text, label, is_open, initial in spans:
            for name, value in zip(SPAN_COLUMNS, (article.doc_id, sentence_of(start), start, end, text, label, is_open, initial,
                                                   (start, end) in m.guessed, (start, end) in m.bracketed,
                                                   m.offline)):
                rows[name].append(value)
    return pd.DataFrame(rows)


def load_articles(root: str, shard: str, doc_ids: list[str] | None = None) -> list[ArticleTables]:
    """The shard's ArticleTables as the map wrote them (only `doc_ids`, in shard order, when given)."""
    base = Path(root)
    documents = read_table(article_path(base, "documents", shard))
    if doc_ids is not None:
        documents = documents[documents["doc_id"].isin(set(doc_ids))]
    sentences = rows_by_document(read_table(article_path(base, "sentences", shard)))
    spans = rows_by_document(read_table(article_path(base, "spans", shard)))
    events = rows_by_document(read_table(article_path(base, "events", shard)))
    no_sentences = {name: [] for name in (*SENTENCE_FIELDS, *SentimentScores._fields)}
    articles = []
    for row in documents.to_dict("records"):
        doc_id = row["doc_id"]
        own = sentences.get(doc_id, no_sentences)
        articles.append(ArticleTables(
            doc_id=doc_id, document=_own_document(row),
            sentences={name: own[name] for name in no_sentences},
            mentions=article_mentions(spans.get(doc_id)),
            events=None if pd.isna(row["published"]) else _event_records(events.get(doc_id)),
        ))
    return articles


def rows_by_document(frame: pd.DataFrame) -> dict[str, dict[str, list]]:
    """Each article's rows of `frame`, as plain lists by column, in table order: one walk over
    the table's columns. Slicing a DataFrame per article took a quarter of finish_shard's time
    and half of entity resolution's in the client (1,000 generated articles)."""
    names = list(frame.columns)
    key = names.index("doc_id")
    grouped: dict[str, dict[str, list]] = {}
    for row in zip(*(frame[name].tolist() for name in names)):
        own = grouped.get(row[key])
        if own is None:
            own = grouped[row[key]] = {name: [] for name in names}
        for name, value in zip(names, row):
            own[name].append(value)
    return grouped


def _own_document(row: dict) -> dict:
    document = {name: row[name] for name in OWN_DOCUMENT_COLUMNS}
    if pd.isna(document["published"]):
        document["published"] = None
    for name in ("words", "sentences"):
        document[name] = int(document[name])
    return document


def article_mentions(spans: dict[str, list] | None) -> ArticleMentions:
    """An article's ArticleMentions from its rows of the spans table (`rows_by_document`)."""
    found, open_words, guessed, bracketed, offline = [], [], set(), set(), False
    if spans is None:
        return ArticleMentions(found, open_words, guessed, bracketed, offline)
    for start, end, text, label, is_open, initial, was_guessed, in_brackets, by_offline in zip(
            *(spans[name] for name in SPAN_COLUMNS[2:])):
        start, end = int(start), int(end)
        if is_open:
            open_words.append((start, end, bool(initial), text))
        else:
            found.append(RawMention(start, end, text, label))
        if was_guessed:
            guessed.add((start, end))
        if in_brackets:
            bracketed.add((start, end))
        offline = bool(by_offline)
    return ArticleMentions(found, open_words, guessed, bracketed, offline)


def _event_records(dated: dict[str, list] | None) -> list:
    """Stored events as the map made them (TemporalEvent records)."""
    from analysis.timeline.model import TemporalEvent

    if not dated:
        return []
    names = list(TemporalEvent.__dataclass_fields__)
    return [TemporalEvent(*(_plain(value) for value in values)) for values in zip(*(dated[name] for name in names))]


def _plain(value):
    """A Parquet value as the extractor made it: numpy integers as int, NaN/NaT as None."""
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def finish_shard(root: str, shard: str, doc_ids: list[str], places: dict[str, list[tuple[int, int, str]]],
                 known: KnownDates) -> int:
    """The second per-article step over one shard (analysis.engine.place_and_date), then the
    shard's final documents, sentences and events, and its figures before incident linking.
    Returns the number of figures found."""
    base = Path(root)
    articles = load_articles(root, shard, doc_ids)
    texts = read_table(article_path(base, "texts", shard))
    text_of = dict(zip(texts["doc_id"].tolist(), texts["text"].tolist()))
    findings = [place_and_date(text_of[a.doc_id], a, places.get(a.doc_id, []), known) for a in articles]
    ids = [a.doc_id for a in articles]
    documents = pd.DataFrame([document_row(a, f) for a, f in zip(articles, findings)], columns=DOCUMENTS)
    sentences = sentence_frame(articles, [f.anchor for f in findings])
    events = records_table([d for d, f in zip(ids, findings) for _ in f.events],
                           [e for f in findings for e in f.events], EVENTS)
    figures = records_table([d for d, f in zip(ids, findings) for _ in f.figures],
                            [r for f in findings for r in f.figures], CASUALTIES)
    date_sentences_by_events(sentences, events)
    write_table(documents, final_path(base, "documents", shard))
    write_table(compact(sentences), final_path(base, "sentences", shard))
    write_table(compact(events), final_path(base, "events", shard))
    write_table(figures, article_path(base, "figures", shard))
    return len(figures)

"""`analyze`: documents in, the tables of docs/ARCHITECTURE.md out, as a map and a reduce.

The map reads ONE article from its own text (`read_article`): its sentences and their tone, its
entity mentions as the pipeline found them, its document row and, when it carries a
publication date, its dated events. `ArticleTables` is that compact, picklable summary, so the
map can run anywhere (in this process, or on Dask: analysis.store).

The reduce works on the summaries of the whole corpus (`settle_mentions`, `resolve_entities`,
`KnownDates`): the offline pipeline's corpus pass types the names one article left open from
what the others say; entity resolution merges mentions across articles. A second per-article
step then needs only those corpus results (`place_and_date`): casualty figures take the
canonical names of the article's places, and an undated article gets its estimated
publication date and the dates it anchors. Last come the corpus tables that join articles: the
per-sentence `date` every date filter acts on, incidents and statistics (`finish`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date
from operator import attrgetter
from typing import NamedTuple

import pandas as pd

from analysis.casualties import extract_casualties, group_incidents
from analysis.casualties.kinds import INCIDENT, STATISTIC
from analysis.casualties.statistics import build_statistics
from analysis.document import Document
from analysis.entities import (
    EntityCorrections,
    MentionRef,
    apply_corrections,
    resolve,
    summarise_entities,
)
from analysis.nlp import load_pipeline, pipeline_description
from analysis.nlp.mentions import RawMention, read_texts, settle_in_corpus
from analysis.result import Analysis
from analysis.schema import CASUALTIES, DOCUMENTS, EVENTS, MENTIONS, SENTENCES, STATISTICS
from analysis.segmentation import Sentence, split_sentences
from analysis.sentiment import SentimentScores, score_sentence
from analysis.timeline import extract_events
from analysis.timeline.pubdate import KnownDates, estimate_publication_date

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
Progress = Callable[[int, int, str], None]
SENTENCE_FIELDS = ("sent_id", "paragraph", "start", "end", "text")
RAW_MENTION_COLUMNS = [c for c in MENTIONS if c != "entity"]
Places = list[tuple[int, int, str]]


# ---------------------------------------------------------------------------------------------
# The map: one article in, its own tables out.


class ArticleMentions(NamedTuple):
    """The entity mentions the pipeline found in one article, before the corpus pass.

    `found` are its typed mentions, `open_words` the capitalised words it left untyped (start,
    end, initial, word), `guessed` the spans typed only by default, `bracketed` the spans
    written between parentheses ("(AFAD)": resolution reads them as a definition), `offline`
    whether the offline pipeline read it (only that pipeline has a corpus pass).
    """

    found: list[RawMention]
    open_words: list[tuple[int, int, bool, str]]
    guessed: set[tuple[int, int]]
    bracketed: set[tuple[int, int]]
    offline: bool


@dataclass
class ArticleTables:
    """What one article's text alone yields: its document row (with its own publication date,
    or None), its sentences as columns (SENTENCE_FIELDS and the VADER scores), its mentions and,
    when it carries its publication date, its dated events (None: they wait for the estimate).
    Plain lists and tuples: cheap to pickle between processes and to write as Parquet."""

    doc_id: str
    document: dict
    sentences: dict[str, list]
    mentions: ArticleMentions
    events: list | None

    def sentence_list(self) -> list[Sentence]:
        """The article's sentences as analysis.segmentation made them."""
        return [Sentence(*row) for row in zip(*(self.sentences[name] for name in SENTENCE_FIELDS))]


def read_article(document: Document, nlp) -> ArticleTables:
    """The map for one article (see `read_articles`, which batches the NLP)."""
    return read_articles([document], nlp)[0]


def read_articles(documents: Sequence[Document], nlp) -> list[ArticleTables]:
    """`read_article` for each document: the pipeline reads the texts in batches, and each
    article's result depends on its own text only."""
    return [_read_one(document, mentions)
            for document, mentions in zip(documents, _pipeline_mentions(nlp, [d.text for d in documents]))]


def _pipeline_mentions(nlp, texts: Sequence[str]) -> list[ArticleMentions]:
    """What the pipeline finds in each text on its own: analysis.nlp.find_mentions without its
    corpus pass, which `settle_mentions` makes over every article's summary."""
    readings = read_texts(nlp, texts)
    return [
        ArticleMentions(
            found=readings.found[i],
            open_words=[(start, end, initial, texts[i][start:end]) for start, end, initial in readings.unresolved[i]],
            guessed=readings.guessed[i], bracketed=set(), offline=readings.offline,
        )
        for i in range(len(texts))
    ]


def _read_one(doc: Document, mentions: ArticleMentions) -> ArticleTables:
    sentences = split_sentences(doc.text)
    scored = [score_sentence(sentence.text) for sentence in sentences]
    columns: dict[str, list] = {name: [getattr(s, name) for s in sentences] for name in SENTENCE_FIELDS}
    for name, values in zip(SentimentScores._fields, zip(*scored) if scored else [()] * len(SentimentScores._fields)):
        columns[name] = list(values)
    compounds = columns["compound"]
    document = {
        "doc_id": doc.doc_id, "title": doc.title, "source": doc.source, "published": doc.published,
        "url": doc.url, "words": _word_count(doc.text), "sentences": len(sentences),
        "compound": sum(compounds) / len(compounds) if compounds else 0.0,
    }
    spans = [(m.start, m.end, m.text) for m in mentions.found] + [(s, e, w) for s, e, _, w in mentions.open_words]
    mentions = mentions._replace(bracketed=_bracketed_spans(sentences, spans))
    events = extract_events(doc.text, sentences, doc.published) if doc.published else None
    return ArticleTables(doc.doc_id, document, columns, mentions, events)


def _bracketed_spans(sentences: Sequence[Sentence], spans: Sequence[tuple[int, int, str]]) -> set[tuple[int, int]]:
    """The spans their sentence writes between parentheses, as entity resolution reads them:
    "Disaster and Emergency Management Authority (AFAD)"."""
    if not sentences:
        return set()
    sentence_of = sentence_locator(sentences)
    by_id = {s.sent_id: s for s in sentences}
    flagged = set()
    for start, end, text in spans:
        sentence = by_id[sentence_of(start)]
        i, j = start - sentence.start, end - sentence.start
        body = sentence.text
        if i > 0 and body[i:j] == text and body[i - 1:i] == "(" and body[j:j + 1] == ")":
            flagged.add((start, end))
    return flagged


def _word_count(text: str) -> int:
    return len(text.split())


# ---------------------------------------------------------------------------------------------
# The reduce: corpus-level steps over the summaries.


class _SpanWords:
    """An article's open words by span, standing in for its text in the corpus pass, which
    only reads the words at those spans: the reduce never needs the articles' texts."""

    def __init__(self, open_words: Sequence[tuple[int, int, bool, str]]) -> None:
        self._words = {(start, end): word for start, end, _, word in open_words}

    def __getitem__(self, span: slice) -> str:
        return self._words[(span.start, span.stop)]


def settle_mentions(articles: Sequence[ArticleMentions]) -> list[list[RawMention]]:
    """Every article's mentions after the offline pipeline's corpus pass: a name typed only by
    default takes the label other articles gave it, and an open word another article names as
    a person or place becomes that mention (analysis.nlp.find_mentions, on summaries)."""
    results = [article.found for article in articles]
    if not any(article.offline for article in articles):
        return results
    unresolved = [[(start, end, initial) for start, end, initial, _ in article.open_words] for article in articles]
    return settle_in_corpus(results, [article.guessed for article in articles],
                            [_SpanWords(a.open_words) for a in articles], unresolved)


def mention_columns(doc_id: str, article: ArticleTables, settled: Sequence[RawMention]) -> dict[str, list]:
    """One article's rows of the mentions table (without `entity`), with `bracketed`, as columns."""
    sentence_of = sentence_locator(article.sentence_list())
    return {
        "doc_id": [doc_id] * len(settled),
        "sent_id": [sentence_of(m.start) for m in settled],
        "start": [m.start for m in settled],
        "end": [m.end for m in settled],
        "text": [m.text for m in settled],
        "label": [m.label for m in settled],
        "bracketed": [(m.start, m.end) in article.mentions.bracketed for m in settled],
    }


def resolve_entities(raw: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame,
                     corrections: EntityCorrections | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(mentions with their canonical `entity`, entities table) from the raw mentions of the
    whole corpus (columns RAW_MENTION_COLUMNS and `bracketed`). `sentences` needs doc_id,
    sent_id and compound; `documents` doc_id and source."""
    mentions = _frame(raw.drop(columns=["bracketed"], errors="ignore"), RAW_MENTION_COLUMNS)
    if mentions.empty:
        mentions = mentions.assign(entity=pd.Series(dtype=object))
    else:
        bracketed = raw["bracketed"].tolist() if "bracketed" in raw else [False] * len(raw)
        refs = [MentionRef(str(doc_id), str(text), str(label), int(start), int(end), bool(flag))
                for doc_id, text, label, start, end, flag in zip(
                    mentions["doc_id"].tolist(), mentions["text"].tolist(), mentions["label"].tolist(),
                    mentions["start"].tolist(), mentions["end"].tolist(), bracketed)]
        mentions["entity"] = pd.Series(resolve(refs), index=mentions.index, dtype=object)
    mentions = apply_corrections(mentions, corrections)
    return mentions, summarise_entities(mentions, sentences, documents)


def places_by_document(mentions: pd.DataFrame) -> dict[str, Places]:
    """Each article's place mentions (start, end, canonical name), in table order: what casualty
    extraction needs to name where a figure happened."""
    places = mentions[mentions["label"].isin(PLACE_LABELS)]
    grouped: dict[str, Places] = {}
    columns = (places[name].tolist() for name in ("doc_id", "start", "end", "entity"))  # lists: fast to walk
    for doc_id, start, end, entity in zip(*columns):
        grouped.setdefault(doc_id, []).append((int(start), int(end), entity))
    return grouped


class ArticleFindings(NamedTuple):
    """The second per-article step's result: the date relative expressions are read against
    (its own publication date, else the estimate) and whether it is estimated, its casualty
    figures and its dated events."""

    anchor: date | None
    estimated: bool
    figures: list
    events: list


def place_and_date(text: str, article: ArticleTables, places: Places, known: KnownDates) -> ArticleFindings:
    """One article's figures at the canonical names of its places and, when it has no
    publication date, its estimate against the corpus's known dates and the events it anchors."""
    sentences = article.sentence_list()
    published = article.document["published"]
    if published:
        anchor, estimated, events = published, False, article.events or []
    else:
        anchor = estimate_publication_date(text, sentences, known)
        estimated = anchor is not None
        events = extract_events(text, sentences, anchor)
    return ArticleFindings(anchor, estimated, extract_casualties(text, sentences, places), events)


def document_row(article: ArticleTables, findings: ArticleFindings) -> dict:
    """The article's row of the documents table: its date is the anchor, estimated or not."""
    row = dict(article.document)
    row["published"] = findings.anchor
    row["published_estimated"] = findings.estimated
    return {name: row[name] for name in ("doc_id", "title", "source", "published", "published_estimated",
                                         "url", "words", "sentences", "compound")}


def sentence_frame(articles: Sequence[ArticleTables], anchors: Sequence[date | None]) -> pd.DataFrame:
    """The sentences table of `articles`, each sentence dated by its article's anchor (the
    events then date theirs: `date_sentences_by_events`)."""
    names = ("doc_id", *SENTENCE_FIELDS, *SentimentScores._fields, "date")
    columns: dict[str, list] = {name: [] for name in names}
    for article, anchor in zip(articles, anchors):
        count = len(article.sentences["sent_id"])
        columns["doc_id"].extend([article.doc_id] * count)
        for name in (*SENTENCE_FIELDS, *SentimentScores._fields):
            columns[name].extend(article.sentences[name])
        columns["date"].extend([anchor] * count)
    return _frame(pd.DataFrame(columns) if columns["doc_id"] else [], SENTENCES)


def records_table(doc_ids: list[str], records: list, columns: list[str]) -> pd.DataFrame:
    """`_records_frame`, with the integer columns of casualties as nullable integers."""
    table = _records_frame(doc_ids, records, columns)
    return _integer_columns(table, ("value", "low", "high")) if columns is CASUALTIES else table


def finish(documents: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame, entities: pd.DataFrame,
           casualties: pd.DataFrame, events: pd.DataFrame, pipeline: str) -> Analysis:
    """The last corpus steps: sentences dated by their events, incidents and statistics."""
    date_sentences_by_events(sentences, events)
    incidents, casualties, statistics = incidents_and_statistics(casualties, documents, sentences, events)
    return Analysis(
        documents=documents,
        sentences=compact(sentences),
        mentions=compact(mentions),
        entities=entities,
        casualties=compact(casualties),
        events=compact(events),
        pipeline=pipeline,
        incidents=incidents,
        statistics=statistics,
    )


# ---------------------------------------------------------------------------------------------
# In one process: map, then reduce.

READ_BATCH = 50  # articles per map call in process: the progress callback's step


def analyze(
    documents: Sequence[Document],
    *,
    nlp=None,
    corrections: EntityCorrections | None = None,
    progress: Progress | None = None,
) -> Analysis:
    """Run every extractor over `documents` and return the tables, keyed by doc_id and sent_id.

    `nlp` defaults to the best installed pipeline (see analysis.nlp.load_pipeline); `progress`
    is called as progress(done, total, stage) so a long run can show how far it got. The garbage
    collector is the caller's: a server analysing in one thread must keep collecting in the others.
    """
    return _analyze(list(documents), nlp=nlp, corrections=corrections, progress=progress)


def _analyze(documents: list[Document], *, nlp, corrections: EntityCorrections | None,
             progress: Progress | None) -> Analysis:
    nlp = nlp if nlp is not None else load_pipeline()
    total = len(documents)

    def report(done: int, stage: str) -> None:
        if progress is not None:
            progress(done, total, stage)

    articles: list[ArticleTables] = []
    for start in range(0, total, READ_BATCH):
        report(start, "sentiment")
        articles.extend(read_articles(documents[start:start + READ_BATCH], nlp))

    report(0, "entities")
    settled = settle_mentions([article.mentions for article in articles])
    raw_columns: dict[str, list] = {name: [] for name in (*RAW_MENTION_COLUMNS, "bracketed")}
    for article, found in zip(articles, settled):
        for name, values in mention_columns(article.doc_id, article, found).items():
            raw_columns[name].extend(values)
    del settled
    raw = pd.DataFrame(raw_columns) if raw_columns["doc_id"] else pd.DataFrame(columns=list(raw_columns))
    del raw_columns
    own_dates = sentence_frame(articles, [article.document["published"] for article in articles])
    sources = pd.DataFrame({"doc_id": [a.doc_id for a in articles], "source": [a.document["source"] for a in articles]})
    mentions, entities = resolve_entities(raw, own_dates, sources, corrections)
    del raw, own_dates

    report(0, "figures and dates")
    places = places_by_document(mentions)
    known = KnownDates(article.document["published"] for article in articles)
    findings: list[ArticleFindings] = []
    for i, (doc, article) in enumerate(zip(documents, articles)):
        findings.append(place_and_date(doc.text, article, places.get(doc.doc_id, []), known))
        if i % READ_BATCH == 0:
            report(i, "figures and dates")

    documents_table = _frame([document_row(a, f) for a, f in zip(articles, findings)], DOCUMENTS)
    sentences_table = sentence_frame(articles, [f.anchor for f in findings])
    doc_ids = [a.doc_id for a in articles]
    events_table = records_table([d for d, f in zip(doc_ids, findings) for _ in f.events],
                                 [e for f in findings for e in f.events], EVENTS)
    casualties_table = records_table([d for d, f in zip(doc_ids, findings) for _ in f.figures],
                                     [r for f in findings for r in f.figures], CASUALTIES)
    del articles, findings
    result = finish(documents_table, sentences_table, mentions, entities, casualties_table, events_table,
                    pipeline_description(nlp))
    report(total, "done")
    return result


# ---------------------------------------------------------------------------------------------
# Table helpers.


def _frame(rows: list[dict] | pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """A DataFrame whose required columns come first, in analysis.schema's order, extras after."""
    frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows)
    for column in columns:
        if column not in frame.columns:
            frame[column] = pd.Series(dtype="object")
    return frame[columns + [c for c in frame.columns if c not in columns]]


def _records_frame(doc_ids: list[str], records: list, columns: list[str]) -> pd.DataFrame:
    """The table of `records` (all NamedTuples or all dataclasses of one type), `doc_id` first,
    built column by column: one transpose instead of a dict per record, which for the 50,000
    figures of a large corpus took three times as long."""
    if not records:
        return _frame([], columns)
    kind = type(records[0])
    if any(type(record) is not kind for record in records):  # mixed kinds: their own fields each
        rows = [{"doc_id": doc_id, **(record._asdict() if isinstance(record, tuple) else asdict(record))}
                for doc_id, record in zip(doc_ids, records)]
        return _frame(rows, columns)
    if issubclass(kind, tuple):
        names, values = list(kind._fields), records
    else:
        names = [f.name for f in fields(kind)]
        values = map(attrgetter(*names), records)
    table = {"doc_id": doc_ids, **dict(zip(names, map(list, zip(*values))))}
    return _frame(pd.DataFrame(table), columns)


def _integer_columns(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """Counts as nullable integers: 30, not 30.0, and missing stays missing (not NaN floats)."""
    for column in columns:
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("Int64")
    return frame


def incidents_and_statistics(casualties: pd.DataFrame, documents: pd.DataFrame, sentences: pd.DataFrame,
                              events: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(incidents, casualties, statistics): incident figures grouped into incidents, statistic
    figures merged into statistics. Statistics are kept out of the grouping, so none joins an
    incident or adds to its total; each casualty row gets its incident_id or statistic_id."""
    is_statistic = casualties["kind"] == STATISTIC
    incidents, linked = group_incidents(casualties[~is_statistic], documents, sentences, events)
    if "kind" not in incidents.columns:
        incidents["kind"] = INCIDENT
    statistics, statistic_ids = build_statistics(casualties, documents, events)
    # Missing, not NaN, for what does not apply to a statistic: None survives a Parquet store.
    statistic_rows = casualties[is_statistic].assign(incident_id=None, **{
        column: None for column in linked.columns if column not in casualties.columns and column != "incident_id"})
    merged = pd.concat([linked, statistic_rows]).loc[casualties.index] if len(statistic_rows) else linked
    merged["statistic_id"] = statistic_ids
    return incidents, merged, _frame(statistics, STATISTICS)


_incidents_and_statistics = incidents_and_statistics  # the name earlier callers import


# Offsets and ids fit in 32 bits (a text is at most a few hundred million characters) and the
# VADER scores carry 4 decimals: half the bytes of the defaults, on the tables with a row per
# sentence, mention, figure or date. Strings stay pandas strings: categoricals would change
# what `.map`, sorting and concatenation do in every view.
COMPACT_DTYPES = {
    "sent_id": "int32", "paragraph": "int32", "start": "int32", "end": "int32",
    "compound": "float32", "pos": "float32", "neu": "float32", "neg": "float32",
}


def compact(table: pd.DataFrame) -> pd.DataFrame:
    """`table` with its integer and score columns in the narrow dtypes of COMPACT_DTYPES."""
    narrow = {column: dtype for column, dtype in COMPACT_DTYPES.items()
              if column in table.columns and pd.api.types.is_numeric_dtype(table[column].dtype)
              and not table[column].isna().any()}
    return table.astype(narrow) if narrow else table


def sentence_locator(sentences: Sequence[Sentence]) -> Callable[[int], int]:
    """Maps a character offset to the sent_id containing it (or the nearest one before it)."""
    starts = [s.start for s in sentences]

    def locate(offset: int) -> int:
        index = max(bisect_right(starts, offset) - 1, 0)
        return sentences[index].sent_id if sentences else 0

    return locate


GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def date_sentences_by_events(sentences: pd.DataFrame, events: pd.DataFrame) -> None:
    """A sentence is about its most precise dated event (the first among equals): in "the
    militia, active since 2014, attacked on Sunday" the sentence is about Sunday. A sentence
    with no dated event keeps its article's date."""
    if events.empty or sentences.empty:
        return
    dated = events.dropna(subset=["date"]).assign(
        _rank=lambda e: e["granularity"].map(GRANULARITY_RANK).fillna(len(GRANULARITY_RANK)))
    dated = dated.sort_values(["doc_id", "sent_id", "_rank", "start"], kind="stable")
    dated = dated.drop_duplicates(["doc_id", "sent_id"], keep="first")
    event_date = dict(zip(zip(dated["doc_id"].tolist(), dated["sent_id"].tolist()), dated["date"].tolist()))
    keys = zip(sentences["doc_id"].tolist(), sentences["sent_id"].tolist())  # lists: fast to walk
    own = pd.Series([event_date.get(key) for key in keys],
                    index=sentences.index, dtype=object)
    sentences["date"] = own.where(own.notna(), sentences["date"])


def with_corrections(result: Analysis, corrections: EntityCorrections | None) -> Analysis:
    """`result` with an analyst's entity merges and splits applied to the mentions and entities.

    Cheap next to `analyze`: only the entity tables are restated, so a correction made in the
    dashboard does not re-run the NLP.
    """
    if not corrections:
        return result
    mentions = apply_corrections(result.mentions, corrections)
    return result.replace(mentions=mentions,
                          entities=summarise_entities(mentions, result.sentences, result.documents))

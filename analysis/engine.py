"""`analyze`: documents in, the tables of docs/ARCHITECTURE.md out.

The order matters: sentences and their tone first; then entities (casualty locations use them);
then dates, anchored on each article's publication date or, when it has none, on an estimate
drawn from its own text and the rest of the corpus; last the per-sentence `date` every date
filter acts on, and the incidents that group one event's casualty reports across sources.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, fields
from datetime import date
from operator import attrgetter

import pandas as pd

from analysis.casualties import extract_casualties, group_incidents
from analysis.casualties.kinds import INCIDENT, STATISTIC
from analysis.casualties.statistics import build_statistics
from analysis.document import Document
from analysis.entities import (
    EntityCorrections,
    apply_corrections,
    build_entity_tables,
    summarise_entities,
)
from analysis.nlp import find_mentions, load_pipeline, pipeline_description
from analysis.result import Analysis
from analysis.schema import CASUALTIES, DOCUMENTS, EVENTS, MENTIONS, SENTENCES, STATISTICS
from analysis.segmentation import Sentence, split_sentences
from analysis.sentiment import SentimentScores, score_sentence
from analysis.timeline import estimate_publication_date, extract_events

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
Progress = Callable[[int, int, str], None]


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


def _word_count(text: str) -> int:
    return len(text.split())


def _anchor_dates(documents: Sequence[Document], splits: Sequence[list[Sentence]]) -> list[tuple[date | None, bool]]:
    """Each article's anchor for relative dates and whether it was estimated."""
    known = sorted(doc.published for doc in documents if doc.published)  # each estimate re-sorts: nearly free now
    anchors: list[tuple[date | None, bool]] = []
    for doc, sentences in zip(documents, splits):
        if doc.published:
            anchors.append((doc.published, False))
        else:
            estimate = estimate_publication_date(doc.text, sentences, known)
            anchors.append((estimate, estimate is not None))
    return anchors


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

    splits = [split_sentences(doc.text) for doc in documents]
    anchors = _anchor_dates(documents, splits)

    # The sentences table is built column by column: one dict per sentence costs more.
    sentence_columns: dict[str, list] = {
        name: [] for name in ("doc_id", "sent_id", "paragraph", "start", "end", "text", *SentimentScores._fields, "date")
    }
    score_columns = [sentence_columns[name] for name in SentimentScores._fields]
    document_rows: list[dict] = []
    for i, (doc, sentences, (anchor, estimated)) in enumerate(zip(documents, splits, anchors)):
        scored = [score_sentence(sentence.text) for sentence in sentences]
        for column, values in zip(score_columns, zip(*scored)):  # one extend per score, not an append
            column.extend(values)
        compounds = [scores.compound for scores in scored]
        sentence_columns["doc_id"].extend([doc.doc_id] * len(sentences))
        sentence_columns["sent_id"].extend(s.sent_id for s in sentences)
        sentence_columns["paragraph"].extend(s.paragraph for s in sentences)
        sentence_columns["start"].extend(s.start for s in sentences)
        sentence_columns["end"].extend(s.end for s in sentences)
        sentence_columns["text"].extend(s.text for s in sentences)
        sentence_columns["date"].extend([anchor] * len(sentences))
        document_rows.append({
            "doc_id": doc.doc_id, "title": doc.title, "source": doc.source, "published": anchor,
            "published_estimated": estimated, "url": doc.url, "words": _word_count(doc.text),
            "sentences": len(sentences),
            "compound": sum(compounds) / len(compounds) if compounds else 0.0,
        })
        if i % 50 == 0:
            report(i, "sentiment")

    sentences_table = _frame(pd.DataFrame(sentence_columns) if sentence_columns["doc_id"] else [], SENTENCES)
    del sentence_columns, score_columns  # a Python object per cell: free them before the NLP pass
    documents_table = _frame(document_rows, DOCUMENTS)

    report(0, "entities")
    # Column by column, as for sentences: a dict per mention costs time and garbage collection.
    mention_columns: dict[str, list] = {name: [] for name in ("doc_id", "sent_id", "start", "end", "text", "label")}
    for doc, sentences, found in zip(documents, splits, find_mentions(nlp, [d.text for d in documents])):
        sentence_of = _sentence_locator(sentences)
        mention_columns["doc_id"].extend([doc.doc_id] * len(found))
        mention_columns["sent_id"].extend(sentence_of(mention.start) for mention in found)
        mention_columns["start"].extend(mention.start for mention in found)
        mention_columns["end"].extend(mention.end for mention in found)
        mention_columns["text"].extend(mention.text for mention in found)
        mention_columns["label"].extend(mention.label for mention in found)
    raw_mentions = _frame(pd.DataFrame(mention_columns) if mention_columns["doc_id"] else [],
                          [c for c in MENTIONS if c != "entity"])
    del mention_columns
    mentions_table, entities_table = build_entity_tables(
        raw_mentions, sentences_table, documents_table, corrections=corrections
    )

    report(0, "figures and dates")
    places_by_doc = _places_by_document(mentions_table)
    figure_doc_ids: list[str] = []
    figures: list = []
    event_doc_ids: list[str] = []
    events: list = []
    for i, (doc, sentences, (anchor, _)) in enumerate(zip(documents, splits, anchors)):
        found = extract_casualties(doc.text, sentences, places_by_doc.get(doc.doc_id, ()))
        figure_doc_ids.extend([doc.doc_id] * len(found))
        figures.extend(found)
        dated = extract_events(doc.text, sentences, anchor)
        event_doc_ids.extend([doc.doc_id] * len(dated))
        events.extend(dated)
        if i % 50 == 0:
            report(i, "figures and dates")

    del splits
    events_table = _records_frame(event_doc_ids, events, EVENTS)
    del event_doc_ids, events
    _date_sentences_by_events(sentences_table, events_table)
    casualties_table = _integer_columns(_records_frame(figure_doc_ids, figures, CASUALTIES), ("value", "low", "high"))
    del figure_doc_ids, figures
    incidents_table, casualties_table, statistics_table = _incidents_and_statistics(
        casualties_table, documents_table, sentences_table, events_table)
    report(total, "done")
    return Analysis(
        documents=documents_table,
        sentences=_compact(sentences_table),
        mentions=_compact(mentions_table),
        entities=entities_table,
        casualties=_compact(casualties_table),
        events=_compact(events_table),
        pipeline=pipeline_description(nlp),
        incidents=incidents_table,
        statistics=statistics_table,
    )


def _incidents_and_statistics(casualties: pd.DataFrame, documents: pd.DataFrame, sentences: pd.DataFrame,
                              events: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(incidents, casualties, statistics): incident figures grouped into incidents, statistic
    figures merged into statistics. Statistics are kept out of the grouping, so none joins an
    incident or adds to its total; each casualty row gets its incident_id or statistic_id."""
    is_statistic = casualties["kind"] == STATISTIC
    incidents, linked = group_incidents(casualties[~is_statistic], documents, sentences)
    if "kind" not in incidents.columns:
        incidents["kind"] = INCIDENT
    statistics, statistic_ids = build_statistics(casualties, documents, events)
    statistic_rows = casualties[is_statistic].assign(incident_id=None)
    merged = pd.concat([linked, statistic_rows]).loc[casualties.index] if len(statistic_rows) else linked
    merged["statistic_id"] = statistic_ids
    return incidents, merged, _frame(statistics, STATISTICS)


# Offsets and ids fit in 32 bits (a text is at most a few hundred million characters) and the
# VADER scores carry 4 decimals: half the bytes of the defaults, on the tables with a row per
# sentence, mention, figure or date. Strings stay pandas strings: categoricals would change
# what `.map`, sorting and concatenation do in every view.
COMPACT_DTYPES = {
    "sent_id": "int32", "paragraph": "int32", "start": "int32", "end": "int32",
    "compound": "float32", "pos": "float32", "neu": "float32", "neg": "float32",
}


def _compact(table: pd.DataFrame) -> pd.DataFrame:
    """`table` with its integer and score columns in the narrow dtypes of COMPACT_DTYPES."""
    narrow = {column: dtype for column, dtype in COMPACT_DTYPES.items()
              if column in table.columns and pd.api.types.is_numeric_dtype(table[column].dtype)
              and not table[column].isna().any()}
    return table.astype(narrow) if narrow else table


def _sentence_locator(sentences: Sequence[Sentence]) -> Callable[[int], int]:
    """Maps a character offset to the sent_id containing it (or the nearest one before it)."""
    from bisect import bisect_right

    starts = [s.start for s in sentences]

    def locate(offset: int) -> int:
        index = max(bisect_right(starts, offset) - 1, 0)
        return sentences[index].sent_id if sentences else 0

    return locate


def _places_by_document(mentions: pd.DataFrame) -> dict[str, list[tuple[int, int, str]]]:
    places = mentions[mentions["label"].isin(PLACE_LABELS)]
    grouped: dict[str, list[tuple[int, int, str]]] = {}
    columns = (places[name].tolist() for name in ("doc_id", "start", "end", "entity"))  # lists: fast to walk
    for doc_id, start, end, entity in zip(*columns):
        grouped.setdefault(doc_id, []).append((int(start), int(end), entity))
    return grouped


GRANULARITY_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _date_sentences_by_events(sentences: pd.DataFrame, events: pd.DataFrame) -> None:
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

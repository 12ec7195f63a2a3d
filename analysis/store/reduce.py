"""The corpus-level steps of a store build, over the per-article summaries the map wrote.

1. The offline pipeline's corpus pass and entity resolution, over every article's mentions
   (analysis.engine.settle_mentions, resolve_entities); the mentions are written shard by shard.
2. The second per-article step on the workers (analysis.store.shards.finish_shard): figures at
   canonical place names, publication-date estimates against the corpus's known dates.
3. Incidents and statistics over the figures, written with the casualties and entities, and
   every article's report of each incident (analysis.store.rollups.write_reports).
4. The counts per source that a filter of sources reads (analysis.store.rollups), with DuckDB
   over the tables just written.

Held in memory at once: the mentions and sentence scores of the corpus (step 1), and the
figures with the sentences incident linking reads (step 3): never the articles' texts.
"""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd

from analysis.engine import (
    RAW_MENTION_COLUMNS,
    ArticleMentions,
    compact,
    incidents_and_statistics,
    places_by_document,
    resolve_entities,
    settle_mentions,
)
from analysis.schema import CASUALTIES, DOCUMENTS, EVENTS, MENTIONS, SENTENCES
from analysis.store.layout import (
    SHARDED_TABLES,
    article_path,
    concat_parts,
    final_path,
    live_shards,
    read_table,
    write_table,
)
from analysis.store.rollups import write_reports, write_rollups
from analysis.store.shards import article_mentions, finish_shard, rows_by_document
from analysis.timeline.pubdate import KnownDates


def reduce_store(root: Path, manifest: dict, client, show_progress: bool) -> dict[str, float]:
    """Run the corpus-level steps and write their tables; returns each step's seconds."""
    timings: dict[str, float] = {}
    shards = live_shards(manifest)
    ids_of = _live_ids(manifest, shards)

    started = time.perf_counter()
    mentions, entities, known = _resolve(root, shards, ids_of)
    write_table(entities, final_path(root, "entities"))
    shard_of = {doc_id: shard for shard, ids in ids_of.items() for doc_id in ids}
    by_shard = dict(tuple(mentions.groupby(mentions["doc_id"].map(shard_of), sort=False)))
    for shard in shards:  # one pass over the mentions, not one per shard
        own = by_shard.get(shard, mentions.iloc[:0])
        write_table(compact(own.reset_index(drop=True)), final_path(root, "mentions", shard))
    del by_shard
    places = places_by_document(mentions)
    del mentions, entities
    timings["entities"] = time.perf_counter() - started

    started = time.perf_counter()
    _finish_shards(root, shards, ids_of, places, known, client, show_progress)
    timings["places and dates"] = time.perf_counter() - started

    started = time.perf_counter()
    _link_figures(root, shards)
    timings["incidents"] = time.perf_counter() - started
    if not shards:
        _write_empty(root)
    timings.update(write_rollups(root, shards))
    return timings


def _live_ids(manifest: dict, shards: list[str]) -> dict[str, list[str]]:
    """The current articles of each shard (the others changed since and live elsewhere)."""
    ids_of: dict[str, list[str]] = {shard: [] for shard in shards}
    for doc_id, entry in manifest["articles"].items():
        ids_of[entry["shard"]].append(doc_id)
    return ids_of


def _shard_rows(root: Path, table: str, shard: str, ids: list[str], columns: list[str] | None = None) -> pd.DataFrame:
    frame = read_table(article_path(root, table, shard), columns)
    return frame[frame["doc_id"].isin(set(ids))]


def _resolve(root: Path, shards: list[str], ids_of: dict[str, list[str]]):
    """(mentions with entity, entities, the known publication dates) of the whole corpus."""
    summaries: list[ArticleMentions] = []
    article_ids: list[str] = []
    sent_of: list[dict[int, int]] = []
    scores, sources, published = [], [], []
    for shard in shards:
        documents = _shard_rows(root, "documents", shard, ids_of[shard], ["doc_id", "source", "published"])
        spans = rows_by_document(_shard_rows(root, "spans", shard, ids_of[shard]))
        for doc_id in documents["doc_id"].tolist():
            own = spans.get(doc_id)
            summaries.append(article_mentions(own))
            sent_of.append(dict(zip(own["start"], own["sent_id"])) if own else {})
            article_ids.append(doc_id)
        scores.append(_shard_rows(root, "sentences", shard, ids_of[shard], ["doc_id", "sent_id", "compound"]))
        sources.append(documents[["doc_id", "source"]])
        published.extend(documents["published"].tolist())
    settled = settle_mentions(summaries)
    columns: dict[str, list] = {name: [] for name in (*RAW_MENTION_COLUMNS, "bracketed")}
    for doc_id, article, found, sentence_of in zip(article_ids, summaries, settled, sent_of):
        columns["doc_id"].extend([doc_id] * len(found))
        columns["sent_id"].extend(int(sentence_of[m.start]) for m in found)
        columns["start"].extend(m.start for m in found)
        columns["end"].extend(m.end for m in found)
        columns["text"].extend(m.text for m in found)
        columns["label"].extend(m.label for m in found)
        columns["bracketed"].extend((m.start, m.end) in article.bracketed for m in found)
    del summaries, settled
    raw = pd.DataFrame(columns) if columns["doc_id"] else pd.DataFrame(columns=list(columns))
    sentences = _concat(scores, ["doc_id", "sent_id", "compound"])
    documents = _concat(sources, ["doc_id", "source"])
    mentions, entities = resolve_entities(raw, sentences, documents)
    known = KnownDates(None if pd.isna(day) else day for day in published)
    return mentions, entities, known


def _concat(frames: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    return concat_parts(frames, columns)


def _finish_shards(root: Path, shards: list[str], ids_of: dict[str, list[str]], places: dict,
                   known: KnownDates, client, show_progress: bool) -> None:
    """analysis.store.shards.finish_shard on every live shard, on the workers."""
    from distributed import as_completed

    from analysis.store.build import _progress_bar

    known_future = client.scatter(known, broadcast=True)
    largest_first = sorted(shards, key=lambda shard: -len(ids_of[shard]))  # the small ones fill the gaps at the end
    futures = [client.submit(finish_shard, str(root), shard, ids_of[shard],
                             {doc_id: places[doc_id] for doc_id in ids_of[shard] if doc_id in places},
                             known_future, pure=False)
               for shard in largest_first]
    bar = _progress_bar("figures and dates", show_progress, total=len(futures))
    for future in as_completed(futures):
        future.result()
        future.release()
        bar.update(1)
    bar.close()


# "start" places dates and figures inside their sentences (two episodes of one sentence, the day
# told with a casualty verb): without it linking would differ from analyze().
LINKING_SENTENCE_COLUMNS = ["doc_id", "sent_id", "paragraph", "start", "text", "date"]


def linking_inputs(root: Path, shards: list[str]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(figures, documents, sentences, events): what incident linking reads from the store's
    shards. Linking reads the sentences of the articles with figures and every article's lead,
    so only those are loaded."""
    figures = _concat([read_table(article_path(root, "figures", shard)) for shard in shards], CASUALTIES)
    documents = _concat([read_table(final_path(root, "documents", shard)) for shard in shards], DOCUMENTS)
    events = _concat([read_table(final_path(root, "events", shard)) for shard in shards], EVENTS)
    with_figures = set(figures["doc_id"].tolist())
    parts = []
    for shard in shards:
        frame = read_table(final_path(root, "sentences", shard), LINKING_SENTENCE_COLUMNS)
        parts.append(frame[frame["doc_id"].isin(with_figures) | (frame["sent_id"] < 3)])
    sentences = _concat(parts, LINKING_SENTENCE_COLUMNS)
    return figures, documents, sentences, events


def _link_figures(root: Path, shards: list[str]) -> None:
    """Incidents and statistics over the whole corpus's figures; the casualties table then
    carries each figure's incident_id or statistic_id."""
    figures, documents, sentences, events = linking_inputs(root, shards)
    if figures.empty:
        figures = _empty_figures()
    incidents, casualties, statistics = incidents_and_statistics(figures, documents, sentences, events)
    del figures, events  # the reports read the linked figures: the client holds one copy of them
    write_table(compact(casualties), final_path(root, "casualties"))
    write_table(incidents, final_path(root, "incidents"))
    write_table(statistics, final_path(root, "statistics"))
    write_reports(root, casualties, documents, sentences)


def _empty_figures() -> pd.DataFrame:
    from analysis.engine import records_table

    return records_table([], [], CASUALTIES)


def _write_empty(root: Path) -> None:
    """A store of no article still has every table, empty, where readers look for it."""
    from analysis.result import empty_table

    names = {"documents": DOCUMENTS, "sentences": SENTENCES, "mentions": MENTIONS, "events": EVENTS}
    for table in SHARDED_TABLES:
        write_table(empty_table(table)[names[table]], final_path(root, table))

"""Questions asked of an analysis store with DuckDB, answered with small tables.

A store of 100,000 articles holds millions of sentences and mentions: more than a dashboard
should hold in pandas. `StoreQueries` reads the Parquet files in place and returns, for a set
of `Filters`, only what a page draws: counts, aggregates, the top rows of a ranking, one page
of a long list, or the rows of a few chosen articles.

Filtering mirrors `analysis.filters.apply` exactly (tests/analysis/store/test_query.py holds the
two side by side): a sentence stays when its article is from a chosen source, its `date` is in
range, and, with entities chosen, it names one of them; mentions, figures and dated expressions
follow their sentences; the entity-type filter narrows mentions only; with no filter at all every
table is whole (an article without sentences included).
"""

from __future__ import annotations

import os
import threading
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from analysis.entities import views as entity_views
from analysis.filters import FilterChoices, Filters, core_span
from analysis.result import Analysis
from analysis.schema import CASUALTY_CATEGORIES
from analysis.store.connection import add_view, connect, sql_list
from analysis.store.layout import (
    MANIFEST,
    SHARDED_TABLES,
    article_path,
    check_complete,
    final_path,
    live_shards,
    read_manifest,
    rollup_path,
)
from analysis.store.rollups import BOXES_SQL, COUNTED_FIGURE, REPORTS, ROLLUPS, periods_sql
from analysis.timeline import views as timeline_views

DUCKDB_THREADS = 2
DUCKDB_MEMORY = "1GB"  # DuckDB spills to disk past this rather than grow the server
# Read into memory when the store is opened: one row per article (about 200 bytes), and nearly
# every query filters or joins on it. The per-sentence and per-mention tables stay on disk.
HELD_IN_MEMORY = frozenset({"documents"})
# What the casualty views read of a figure's sentence (analysis.casualties.views._with_context):
# its text is a third of the bytes, and the 500 largest incidents' figures sit in 430 shards.
FIGURE_SENTENCE_COLUMNS = "s.doc_id, s.sent_id, s.start, s.date"
_ROWS_IN_ALL = "_rows_in_all"  # the column a page of rows carries its total in (StoreQueries._page)


@dataclass(frozen=True)
class Totals:
    """The headline counts of a filtered view."""

    articles: int
    sources: int
    sentences: int
    mentions: int
    entities: int
    casualties: int
    incidents: int
    events: int
    first_published: date | None
    last_published: date | None
    first_event: date | None
    last_event: date | None


@dataclass(frozen=True)
class IncidentSummary:
    """What a casualty headline and its chart over time read of the incidents in view, added up
    where they are stored, in the tables analysis.casualties.views makes of every incident row:
    `totals` (category_totals), `households` (household_totals), `over_time` (totals_over_time)."""

    totals: pd.DataFrame
    households: pd.DataFrame
    over_time: pd.DataFrame
    incidents: int
    disagreeing: int  # incidents whose sources disagree
    partial: int  # incidents with reports the filters leave out
    restated: int = 0  # incidents restated from the kept reports (a store's count each at all its reports)


@dataclass(frozen=True)
class Capped:
    """The first rows of a longer result, and how many rows there are in all."""

    rows: pd.DataFrame
    total: int

    @property
    def capped(self) -> bool:
        return self.total > len(self.rows)


def store_version(root: str | os.PathLike) -> str:
    """What changes when the store is rebuilt: the times and sizes of its manifest and of the
    tables the build writes last. Cheap (a few stat calls), so it can be asked on every rerun."""
    root = Path(root)
    parts = []
    for path in (root / MANIFEST, final_path(root, "incidents"), final_path(root, "statistics")):
        try:
            info = path.stat()
            parts.append(f"{info.st_mtime_ns}:{info.st_size}")
        except OSError:
            parts.append("-")
    return "|".join(parts)


class StoreQueries:
    """Read-only queries over the store at `root`. One object serves many threads: each query
    runs on its own DuckDB cursor over the views made here."""

    def __init__(self, root: str | os.PathLike) -> None:
        self.root = Path(root)
        manifest = read_manifest(self.root)
        if manifest["version"] is None:
            raise FileNotFoundError(f"{self.root} holds no analysis store ({MANIFEST} is missing)")
        check_complete(self.root, manifest)
        self.pipeline: str = manifest["pipeline"] or ""
        self.version = store_version(self.root)
        self._shards = live_shards(manifest)
        self._db = connect(self.root, self._shards, threads=DUCKDB_THREADS, memory=DUCKDB_MEMORY,
                           held=HELD_IN_MEMORY)
        self._lock = threading.Lock()
        for name in ROLLUPS:  # small tables (at most a row per incident and source): read once
            add_view(self._db, self.root, name, [rollup_path(self.root, name)], sharded=False, held=True)
        add_view(self._db, self.root, REPORTS, [rollup_path(self.root, REPORTS)], sharded=False)
        # A shard's texts may also hold an earlier version of an article that changed since: the
        # current one is in the shard its documents row comes from.
        if self._shards:
            add_view(self._db, self.root, "all_texts", [article_path(self.root, "texts", s) for s in self._shards],
                     sharded=True)
            self._db.execute("CREATE VIEW texts AS SELECT t.doc_id, t.text, t.shard FROM all_texts t "
                             "JOIN documents d ON d.doc_id = t.doc_id AND d.shard = t.shard")
        else:
            self._db.execute("CREATE VIEW texts AS SELECT CAST(NULL AS VARCHAR) AS doc_id, "
                             "CAST(NULL AS VARCHAR) AS text, CAST(NULL AS VARCHAR) AS shard WHERE false")

    def sql(self, query: str, params: dict | None = None) -> pd.DataFrame:
        """`query`'s rows as a DataFrame, on a cursor of this thread's own."""
        with self._lock:
            cursor = self._db.cursor()
        try:
            return _plain_strings(cursor.execute(query, params or {}).df())
        finally:
            cursor.close()

    # --- the filter, as SQL ----------------------------------------------------------------------

    @staticmethod
    def kept(filters: Filters) -> tuple[str, dict]:
        """Common table expressions `docs` (kept articles), `sents` (kept sentences) and `ments`
        (kept mentions) for `filters`, as `apply` keeps them; and their parameters."""
        params: dict = {}
        if filters.is_empty():
            return ("docs AS (SELECT * FROM documents), sents AS (SELECT * FROM sentences), "
                    "ments AS (SELECT * FROM mentions)"), params
        source_test = ""
        if filters.sources:
            source_test = "WHERE list_contains($sources, source)"
            params["sources"] = list(filters.sources)
        date_tests = []
        if filters.date_from:
            date_tests.append("s.date >= $date_from")
            params["date_from"] = filters.date_from
        if filters.date_to:
            date_tests.append("s.date <= $date_to")
            params["date_to"] = filters.date_to
        dated = "".join(f" AND {test}" for test in date_tests)
        parts = [f"sourced AS (SELECT * FROM documents {source_test})",
                 "in_range AS (SELECT s.* FROM sentences s WHERE s.doc_id IN (SELECT doc_id FROM sourced)" + dated + ")"]
        if filters.entities:
            params["entities"] = list(filters.entities)
            parts.append("sents AS (SELECT s.* FROM in_range s WHERE EXISTS (SELECT 1 FROM mentions m WHERE "
                         "m.doc_id = s.doc_id AND m.sent_id = s.sent_id AND list_contains($entities, m.entity)))")
        else:
            parts.append("sents AS (SELECT * FROM in_range)")
        label_test = ""
        if filters.labels:
            label_test = " AND list_contains($labels, m.label)"
            params["labels"] = list(filters.labels)
        if _by_article_only(filters):
            # Every sentence of a kept article is kept: its mentions are found by doc_id, and the
            # article's row counts its sentences, so neither scans the sentences.
            parts.append(f"ments AS MATERIALIZED (SELECT m.* FROM mentions m WHERE m.doc_id IN (SELECT doc_id FROM "
                         f"sourced){label_test})")
            parts.append("docs AS MATERIALIZED (SELECT * FROM sourced WHERE sentences > 0)")
        else:
            parts.append("ments AS MATERIALIZED (SELECT m.* FROM mentions m WHERE EXISTS (SELECT 1 FROM sents s WHERE "
                         f"s.doc_id = m.doc_id AND s.sent_id = m.sent_id){label_test})")
            parts.append("docs AS MATERIALIZED (SELECT * FROM sourced WHERE doc_id IN (SELECT doc_id FROM sents))")
        return ", ".join(parts), params

    def _with(self, filters: Filters, body: str, extra: dict | None = None) -> pd.DataFrame:
        ctes, params = self.kept(filters)
        return self.sql(f"WITH {ctes} {body}", {**params, **(extra or {})})

    def _page(self, filters: Filters, columns: str, body: str, order: str, limit: int,
              offset: int = 0, total: int | None = None) -> Capped:
        """The rows `SELECT columns body order` from `offset` on, at most `limit`, and how many
        rows there are in all.

        When the filters keep whole articles, finding the kept rows is cheap, so the page is read
        as a top-N and counted apart (at 100,000 articles: 0.3 + 0.2 s, against 0.7 s for a count
        over the sorted rows). Otherwise the count rides in the same pass over the filters (a count
        of its own filtered every table again: 0.09 of the 0.23 CPU seconds of the Timeline's page
        of events at 10,000 articles); a page past the end has no row to carry it: counted apart.
        A `total` known beforehand (from the rollups) is not counted again."""
        window = f"LIMIT {int(limit)} OFFSET {int(offset)}"
        if _by_article_only(filters):
            rows = self._with(filters, f"SELECT {columns} {body} {order} {window}")
            return Capped(rows, self._count(filters, body) if total is None else total)
        rows = self._with(filters, f"SELECT {columns}, count(*) OVER () AS {_ROWS_IN_ALL} {body} {order} {window}")
        if not rows.empty:
            total = int(rows[_ROWS_IN_ALL].iloc[0])
        else:
            total = self._count(filters, body) if offset > 0 else 0
        return Capped(rows.drop(columns=[_ROWS_IN_ALL]), total)

    def _count(self, filters: Filters, body: str) -> int:
        return int(self._with(filters, f"SELECT count(*) AS n {body}")["n"].iloc[0])

    def _source_sum(self, column: str, filters: Filters) -> int:
        """The sum of the rollup `source_counts`' `column` over the chosen sources."""
        return int(self.sql(f"SELECT coalesce(sum({column}), 0) AS n FROM source_counts "
                            "WHERE list_contains($sources, source)", {"sources": list(filters.sources)})["n"].iloc[0])

    @staticmethod
    def _rows_of_kept(table: str, filters: Filters) -> str:
        """A sentence-keyed table's rows whose sentence is kept: every row with no filter, the
        rows of the kept articles when only sources are chosen (every sentence of those is
        kept), else those whose sentence is among the kept ones."""
        if filters.is_empty():
            return f"SELECT * FROM {table}"
        if _by_article_only(filters):
            return f"SELECT t.* FROM {table} t WHERE t.doc_id IN (SELECT doc_id FROM sourced)"
        return (f"SELECT t.* FROM {table} t WHERE EXISTS (SELECT 1 FROM sents s WHERE s.doc_id = t.doc_id "
                "AND s.sent_id = t.sent_id)")

    def _casualties_sql(self, filters: Filters) -> str:
        return self._rows_of_kept("casualties", filters)

    # --- what the sidebar offers -----------------------------------------------------------------

    def choices(self) -> FilterChoices:
        """The store's `FilterChoices`, as `FilterChoices.of(load_store(...))` gives them."""
        entities = self.sql("SELECT entity, label, mentions FROM entities")
        labels = self.sql("SELECT DISTINCT label FROM entities WHERE label IS NOT NULL ORDER BY label")
        sources = self.sql("SELECT DISTINCT source FROM documents WHERE source IS NOT NULL ORDER BY source")
        days = self.sql("SELECT date AS day, count(*) AS n FROM sentences WHERE date IS NOT NULL "
                        "GROUP BY date ORDER BY date")
        counts = Counter({_as_date(day): int(n) for day, n in days.itertuples(index=False)})
        core = core_span(counts.elements())
        return FilterChoices(
            entities=tuple((str(e), str(label), int(n)) for e, label, n in entities.itertuples(index=False)),
            labels=tuple(str(label) for label in labels["label"]),
            sources=tuple(str(source) for source in sources["source"]),
            first_date=min(counts) if counts else None,
            last_date=max(counts) if counts else None,
            core_first=core[0] if core else None,
            core_last=core[1] if core else None,
            day_counts=tuple(sorted(counts.items())),
        )

    # --- counts and rankings ---------------------------------------------------------------------

    def totals(self, filters: Filters) -> Totals:
        """The headline counts, in one pass per table: each kept table is counted once and its
        dates read in the same pass (a subquery per number would filter each table again). With
        sources alone chosen, sums of the rollups (at 100,000 articles: 0.6 s before)."""
        if _by_source_only(filters):
            return self._source_totals(filters)
        entities = ("(SELECT count(*) FROM entities)" if filters.is_empty() else
                    "(SELECT count(DISTINCT m.entity) FROM ments m JOIN entities e ON e.entity = m.entity)")
        row = self._with(filters, f"""
            , kept_figures AS MATERIALIZED (SELECT incident_id FROM ({self._casualties_sql(filters)})),
            kept_events AS (SELECT date FROM ({self._rows_of_kept('events', filters)}))
            SELECT * FROM
                (SELECT count(*) AS articles, count(DISTINCT source) AS sources, min(published) AS first_published,
                        max(published) AS last_published FROM docs)
                CROSS JOIN (SELECT count(*) AS sentences FROM sents)
                CROSS JOIN (SELECT count(*) AS mentions FROM ments)
                CROSS JOIN (SELECT {entities} AS entities)
                CROSS JOIN (SELECT count(*) AS casualties FROM kept_figures)
                CROSS JOIN (SELECT count(*) AS incidents FROM incidents
                            WHERE incident_id IN (SELECT incident_id FROM kept_figures))
                CROSS JOIN (SELECT count(*) AS events, min(date) AS first_event, max(date) AS last_event
                            FROM kept_events)""").iloc[0]
        return _totals_of(row)

    def _source_totals(self, filters: Filters) -> Totals:
        row = self.sql("""
            SELECT coalesce(sum(articles), 0) AS articles, count(*) FILTER (WHERE articles > 0) AS sources,
                   coalesce(sum(sentences), 0) AS sentences, coalesce(sum(mentions), 0) AS mentions,
                   (SELECT count(DISTINCT entity) FROM source_entities WHERE list_contains($sources, source))
                       AS entities,
                   coalesce(sum(figures), 0) AS casualties,
                   (SELECT count(DISTINCT incident_id) FROM incident_sources WHERE list_contains($sources, source))
                       AS incidents,
                   coalesce(sum(events), 0) AS events, min(first_published) AS first_published,
                   max(last_published) AS last_published, min(first_event) AS first_event,
                   max(last_event) AS last_event
            FROM source_counts WHERE list_contains($sources, source)""", {"sources": list(filters.sources)}).iloc[0]
        return _totals_of(row)

    def documents(self, filters: Filters, limit: int | None = None) -> Capped:
        """The kept articles, newest first (undated last), at most `limit` of them."""
        columns = "doc_id, title, source, published, published_estimated, url, words, sentences, compound"
        order = "ORDER BY published DESC NULLS LAST, doc_id"
        if limit is None:
            rows = self._with(filters, f"SELECT {columns} FROM docs {order}")
            return Capped(rows, len(rows))
        return self._page(filters, columns, "FROM docs", order, limit)

    def entities(self, filters: Filters, limit: int | None = None) -> pd.DataFrame:
        """The entities table restated over the kept mentions (as `recount_entities` does),
        most mentioned first; `limit` keeps the top of it."""
        cap = f"LIMIT {int(limit)}" if limit is not None else ""
        if filters.is_empty():
            return self.sql("SELECT entity, label, mentions, documents, sources, compound FROM entities "
                            f"ORDER BY mentions DESC, entity {cap}")
        if _by_source_only(filters):  # an article has one source: its counts add up over sources
            return self.sql(f"""
                WITH counted AS (SELECT entity, CAST(sum(mentions) AS BIGINT) AS mentions,
                        CAST(sum(documents) AS BIGINT) AS documents,
                        count(*) AS sources, sum(compound_sum) / nullif(sum(scored), 0) AS compound
                    FROM source_entities WHERE list_contains($sources, source) GROUP BY entity)
                SELECT c.entity, e.label, c.mentions, c.documents, c.sources, c.compound
                FROM counted c JOIN entities e USING (entity) ORDER BY c.mentions DESC, c.entity {cap}""",
                            {"sources": list(filters.sources)})
        # With a limit, the top names first (a plain count), then the full recount of those only.
        named = ("ments" if limit is None else
                 f"(SELECT * FROM ments WHERE entity IN (SELECT m.entity FROM ments m JOIN entities e USING (entity) "
                 f"GROUP BY m.entity ORDER BY count(*) DESC, m.entity {cap}))")
        return self._with(filters, f"""
            , named AS (SELECT * FROM {named}),
            counted AS (SELECT m.entity, count(*) AS mentions, count(DISTINCT m.doc_id) AS documents,
                    count(DISTINCT d.source) AS sources
                FROM named m LEFT JOIN docs d USING (doc_id) GROUP BY m.entity),
            tone AS (SELECT p.entity, avg(s.compound) AS compound
                FROM (SELECT DISTINCT entity, doc_id, sent_id FROM named) p
                LEFT JOIN sents s USING (doc_id, sent_id) GROUP BY p.entity)
            SELECT c.entity, e.label, c.mentions, c.documents, c.sources, t.compound
            FROM counted c JOIN entities e USING (entity) LEFT JOIN tone t USING (entity)
            ORDER BY c.mentions DESC, c.entity {cap}""")

    def mentions_by_source(self, filters: Filters) -> pd.DataFrame:
        """Mentions per entity and source with the entity's most frequent label (as
        analysis.entities.views.mentions_by_source), most mentioned entity first. `picked` counts
        the kept mentions per entity, label and source: with sources alone chosen, the rollup's rows."""
        if _by_source_only(filters):
            picked, ctes, params = ("SELECT * FROM source_labels WHERE list_contains($sources, source)", "WITH",
                                    {"sources": list(filters.sources)})
        else:
            ctes, params = self.kept(filters)
            ctes = f"WITH {ctes},"
            picked = ("SELECT m.entity, m.label, d.source, count(*) AS mentions FROM ments m JOIN docs d USING (doc_id) "
                      "GROUP BY m.entity, m.label, d.source")
        return self.sql(f"""{ctes} picked AS ({picked}),
            counts AS (SELECT entity, source, CAST(sum(mentions) AS BIGINT) AS mentions FROM picked
                GROUP BY entity, source),
            labels AS (SELECT entity, label FROM (
                SELECT entity, label, row_number() OVER (PARTITION BY entity ORDER BY sum(mentions) DESC, label) AS rank
                FROM picked GROUP BY entity, label) WHERE rank = 1),
            totals AS (SELECT entity, sum(mentions) AS total FROM counts GROUP BY entity)
            SELECT c.entity, c.source, c.mentions, l.label FROM counts c
            JOIN totals t USING (entity) LEFT JOIN labels l USING (entity)
            ORDER BY t.total DESC, c.entity, c.source""", params)

    def top_entity_names(self, filters: Filters, limit: int) -> list[str]:
        """The `limit` most mentioned entities of the kept mentions (ties by name)."""
        rows = self._with(filters, "SELECT entity FROM ments GROUP BY entity "
                                   f"ORDER BY count(*) DESC, entity LIMIT {int(limit)}")
        return [str(e) for e in rows["entity"]]

    def source_words(self, filters: Filters) -> pd.DataFrame:
        """Words each source published among the kept articles."""
        return self._with(filters, "SELECT source, sum(words) AS words FROM docs GROUP BY source ORDER BY source")

    def mention_counts(self, filters: Filters, names: list[str]) -> pd.DataFrame:
        """Mentions of each of `names` per source (entity, source, mentions, label)."""
        return self._with(filters, """
            , picked AS (SELECT * FROM ments WHERE list_contains($names, entity)),
            labels AS (SELECT entity, label FROM (
                SELECT entity, label, row_number() OVER (PARTITION BY entity ORDER BY count(*) DESC, label) AS rank
                FROM picked GROUP BY entity, label) WHERE rank = 1)
            SELECT p.entity, d.source, count(*) AS mentions, any_value(l.label) AS label
            FROM picked p JOIN docs d USING (doc_id) LEFT JOIN labels l USING (entity)
            GROUP BY p.entity, d.source ORDER BY p.entity, d.source""", {"names": names})

    def entity_sentence_tone(self, filters: Filters, names: list[str]) -> pd.DataFrame:
        """Per entity of `names` and source: the mean, standard deviation and number of the
        compound scores of the kept sentences naming it, and the entity's most frequent label."""
        return self._with(filters, """
            , picked AS (SELECT * FROM ments WHERE list_contains($names, entity)),
            labels AS (SELECT entity, label FROM (
                SELECT entity, label, row_number() OVER (PARTITION BY entity ORDER BY count(*) DESC, label) AS rank
                FROM picked GROUP BY entity, label) WHERE rank = 1),
            pairs AS (SELECT DISTINCT entity, doc_id, sent_id FROM picked)
            SELECT p.entity, d.source, avg(s.compound) AS compound, count(*) AS sentences,
                   stddev_samp(s.compound) AS spread, any_value(l.label) AS label
            FROM pairs p JOIN sents s USING (doc_id, sent_id) JOIN docs d USING (doc_id)
            LEFT JOIN labels l USING (entity)
            GROUP BY p.entity, d.source ORDER BY p.entity, d.source""", {"names": names})

    def cooccurrence(self, filters: Filters, names: list[str]) -> pd.DataFrame:
        """Pairs of `names` named in one kept sentence, with how many sentences name both
        (as analysis.entities.views.cooccurrence over those entities), strongest first."""
        return self._with(filters, """
            , picked AS (SELECT DISTINCT entity, doc_id, sent_id FROM ments WHERE list_contains($names, entity))
            SELECT a.entity AS source_entity, b.entity AS target_entity, count(*) AS sentences
            FROM picked a JOIN picked b ON a.doc_id = b.doc_id AND a.sent_id = b.sent_id AND a.entity < b.entity
            GROUP BY a.entity, b.entity ORDER BY sentences DESC, source_entity, target_entity""", {"names": names})

    def keyword_in_context(self, filters: Filters, names: list[str], limit: int) -> Capped:
        """The first `limit` kept mentions of `names` in their sentences, as
        analysis.entities.views.keyword_in_context gives them, and how many there are in all."""
        body = "FROM ments m JOIN docs d USING (doc_id) WHERE list_contains($names, m.entity)"
        rows = self._with(filters, f"""SELECT m.doc_id, m.sent_id, m.start, m."end", m.text, m.label, m.entity,
                s.start AS sent_start, s.text AS sentence, s.compound, d.source, d.title
            {body.replace("JOIN docs d", "JOIN sents s USING (doc_id, sent_id) JOIN docs d")}
            ORDER BY d.source, m.doc_id, m.start LIMIT {int(limit)}""", {"names": names})
        total = int(self._with(filters, f"SELECT count(*) AS n {body}", {"names": names})["n"].iloc[0])
        mentions = rows[["doc_id", "sent_id", "start", "end", "text", "label", "entity"]]
        sentences = rows[["doc_id", "sent_id", "sent_start", "sentence", "compound"]].drop_duplicates(
            ["doc_id", "sent_id"]).rename(columns={"sent_start": "start", "sentence": "text"})
        documents = rows[["doc_id", "source", "title"]].drop_duplicates("doc_id")
        return Capped(entity_views.keyword_in_context(mentions, sentences, documents, names), total)

    # --- sentences and tone ----------------------------------------------------------------------

    def sentiment_boxes(self, filters: Filters) -> pd.DataFrame:
        """Tukey box statistics of sentence tone per source: quartiles, median, mean, count, and
        whiskers at the furthest values within 1.5 IQR (as plotly draws them from every point).
        A source's box is the same whichever others are chosen: with sources alone, the rollup's."""
        if _by_source_only(filters):
            return self.sql("SELECT * FROM source_tone WHERE list_contains($sources, source) ORDER BY source",
                            {"sources": list(filters.sources)})
        return self._with(filters, f", {BOXES_SQL} ORDER BY q.source")

    def longest_articles(self, filters: Filters, limit: int) -> tuple[pd.DataFrame, pd.DataFrame, int]:
        """The kept sentences and the documents of the `limit` articles with most kept
        sentences (what the per-article charts draw), and how many articles are kept."""
        sentences = self._with(filters, f"""
            , longest AS (SELECT doc_id FROM sents GROUP BY doc_id ORDER BY count(*) DESC, doc_id LIMIT {int(limit)})
            SELECT doc_id, sent_id, paragraph, text, compound FROM sents
            WHERE doc_id IN (SELECT doc_id FROM longest) ORDER BY doc_id, sent_id""")
        documents = self._with(filters, "SELECT doc_id, source, title FROM docs WHERE list_contains($ids, doc_id)",
                               {"ids": sorted(set(sentences["doc_id"]))})
        articles = int(self._with(filters, "SELECT count(*) AS n FROM docs" if _by_article_only(filters)
                                  else "SELECT count(DISTINCT doc_id) AS n FROM sents")["n"].iloc[0])
        return sentences, documents, articles

    def ranked_sentences(self, filters: Filters, negative_first: bool, limit: int) -> Capped:
        """The kept sentences ordered by tone (then article and position), the first `limit`."""
        order = "ASC" if negative_first else "DESC"
        rows = self._with(filters, f"""SELECT s.compound, s.text, d.source, d.title, s.paragraph, s.doc_id, s.sent_id
            FROM sents s LEFT JOIN docs d USING (doc_id)
            ORDER BY s.compound {order}, s.doc_id, s.sent_id LIMIT {int(limit)}""")
        # Whole articles kept: their rows count their sentences, without a scan of the sentences.
        total = int(self._with(filters, "SELECT coalesce(sum(sentences), 0) AS n FROM docs" if _by_article_only(filters)
                               else "SELECT count(*) AS n FROM sents")["n"].iloc[0])
        return Capped(rows, total)

    # --- dated events ------------------------------------------------------------------------------

    def events_by_period(self, filters: Filters, unit: str = "day") -> pd.DataFrame:
        """Kept dated expressions counted per period start (`unit`: day, week or month) and
        source, with how many articles they come from: what a chart of a large store draws."""
        periods = periods_sql(unit, self._rows_of_kept("events", filters))  # checks the unit
        if _by_source_only(filters):  # a source's counts are the same whichever others are chosen
            return self.sql("SELECT period, source, events, articles FROM source_periods WHERE unit = $unit AND "
                            "list_contains($sources, source) ORDER BY period, source",
                            {"unit": unit, "sources": list(filters.sources)})
        return self._with(filters, f"{periods} ORDER BY period, source")

    def publications_by_period(self, filters: Filters, unit: str = "day") -> pd.DataFrame:
        """Kept articles counted per publication period and source."""
        return self._with(filters, f"""
            SELECT CAST(date_trunc('{unit}', published) AS DATE) AS period, source, count(*) AS articles
            FROM docs WHERE published IS NOT NULL GROUP BY period, source ORDER BY period, source""")

    def events_page(self, filters: Filters, offset: int, limit: int) -> Capped:
        """One page of the kept dated expressions as analysis.timeline.views.dated_events gives
        them (date, then source, article and sentence order), and how many there are in all.
        Their sentences' starts are read for the page's rows only, by key: joining every kept
        sentence to find them took half of the 1.0 s a page took at 100,000 articles."""
        body = (f"FROM ({self._rows_of_kept('events', filters)}) e JOIN docs d USING (doc_id) "
                "WHERE e.date IS NOT NULL")
        total = self._source_sum("dated_events", filters) if _by_source_only(filters) else None
        page = self._page(filters, "e.*, d.source, d.title, d.published_estimated",
                          body, "ORDER BY e.date, d.source, e.doc_id, e.sent_id, e.start", limit, offset, total)
        rows = page.rows
        documents = rows[["doc_id", "source", "title", "published_estimated"]].drop_duplicates("doc_id")
        sentences = self._sentences_of(rows, sorted(set(rows["shard"].dropna())), "s.doc_id, s.sent_id, s.start")
        events = rows.drop(columns=["source", "title", "published_estimated", "shard"])
        return Capped(timeline_views.dated_events(events, documents, sentences), page.total)

    def _sentences_of(self, rows: pd.DataFrame, shards: list[str], columns: str = "s.* EXCLUDE (shard)") -> pd.DataFrame:
        """`columns` of the sentences of `rows` (by doc_id and sent_id), read in the files of
        `shards` only: a filter on the view's shard column still opened every shard's file (the
        sentences of the Casualties page's 500 largest incidents at 100,000 articles, in 390 of
        500 shards: 0.38 s that way, 0.22 s from their files)."""
        keys = rows[["doc_id", "sent_id"]].drop_duplicates()
        files = [final_path(self.root, "sentences", shard) for shard in shards]
        source = (f"read_parquet({sql_list(files)}, hive_partitioning = true, union_by_name = true)" if files
                  else "(SELECT * FROM sentences WHERE false)")
        return self.sql(f"""SELECT {columns} FROM {source} s
            JOIN (SELECT unnest($doc_ids) AS doc_id, unnest($sent_ids) AS sent_id) k USING (doc_id, sent_id)""",
                        {"doc_ids": list(keys["doc_id"]), "sent_ids": [int(i) for i in keys["sent_id"]]})

    # --- whole rows of a part of the store -------------------------------------------------------

    def casualty_tables(self, filters: Filters, incidents: list[str] | None = None) -> tuple[Analysis, Analysis]:
        """(filtered, full) analyses holding what the Casualties page reads: the figures kept
        and all of them, the sentences and articles they come from, incidents and statistics
        (one row per figure, incident or statistic, never per sentence). With `incidents`, only
        the figures of those incidents, in both."""
        only = ""
        if incidents is not None:
            only = " WHERE list_contains($incident_ids, incident_id)"
        full = self._figure_analysis(f"SELECT * FROM casualties{only}", Filters(), incidents)
        if filters.is_empty():
            return full, full
        return self._figure_analysis(f"SELECT * FROM ({self._casualties_sql(filters)}){only}", filters, incidents), full

    def figures_in_view(self, filters: Filters) -> Analysis:
        """The kept figures with their sentences (FIGURE_SENTENCE_COLUMNS), articles, incidents
        and statistics: the first half of `casualty_tables`, without every figure of the store
        beside it."""
        return self._figure_analysis(self._casualties_sql(filters), filters, sentence_columns=FIGURE_SENTENCE_COLUMNS)

    def casualty_count(self, filters: Filters) -> int:
        """How many figures the filters keep."""
        if _by_source_only(filters):
            return self._source_sum("figures", filters)
        return int(self._with(filters, f"SELECT count(*) AS n FROM ({self._casualties_sql(filters)})")["n"].iloc[0])

    def incidents_in_view(self, filters: Filters, columns: list[str] | None = None,
                          largest: int | None = None) -> pd.DataFrame:
        """The incident table's rows of the incidents with a kept counted figure (not a subset,
        not a statistic), each with `partial`: whether the filters leave out some of its counted
        figures (analysis.casualties.views.complete_incidents says it is not complete). Only
        `columns` of the incident table, when given; the long texts of each row (`summary`,
        `revisions`), which no view of every incident shows, are always left out: reading them
        was 0.8 of the 1.0 s this took over 140,000 incidents, and the columns an incident list
        shows alone took 111,000 incidents from 0.5 to 0.3 s. With `largest`, only that many:
        those with the largest conservative figure, ties in the order of the casualty categories,
        then by id (a page reads their figures while the others are added up)."""
        ctes, params = self._in_view(filters)
        chosen = ", ".join(f'i."{c}"' for c in columns) if columns else "i.* EXCLUDE (summary, revisions)"
        order = "ORDER BY i.incident_id"
        if largest is not None:
            order = ("ORDER BY i.conservative DESC NULLS LAST, list_position($categories, i.category) NULLS LAST, "
                     f"i.incident_id LIMIT {int(largest)}")
            params = {**params, "categories": list(CASUALTY_CATEGORIES)}
        return self.sql(f"""{ctes} SELECT {chosen}, v.partial FROM incidents i
            JOIN in_view v USING (incident_id) {order}""", params)

    def incident_summary(self, filters: Filters) -> IncidentSummary:
        """The incidents in view (as `incidents_in_view`) added up as analysis.casualties.views
        does over their rows, without reading them: at 100,000 articles a four-source filter
        keeps 111,000 incidents, and reading them into pandas to add them up took about a second
        of every filter change. A statistic never adds; families or households (a `unit`) are
        summed apart from people."""
        ctes, params = self._in_view(filters)
        rows = f"""{ctes} SELECT i.incident_id, i.category, i.date, i.sources, i.reports, i.conservative, i.low, i.high,
            i.disagree, i.unit, i.kind, v.partial FROM incidents i JOIN in_view v USING (incident_id)"""
        counted = ("(SELECT * FROM shown WHERE coalesce(kind, '') <> 'statistic' AND category IS NOT NULL)")
        answers = self._over_rows(rows, params, {
            "totals": f"""WITH people AS (SELECT * FROM {counted} WHERE coalesce(unit, '') = ''),
                cells AS (SELECT DISTINCT category, sources FROM people),  -- a few hundred distinct cells
                named AS (SELECT category, count(DISTINCT name) AS sources FROM (
                    SELECT category, trim(unnest(string_split(sources, ';'))) AS name FROM cells) WHERE name <> ''
                    GROUP BY category)
                SELECT p.category, count(*) AS incidents, CAST(sum(coalesce(p.conservative, 0)) AS BIGINT) AS conservative,
                       CAST(sum(coalesce(p.low, 0)) AS BIGINT) AS low, CAST(sum(coalesce(p.high, 0)) AS BIGINT) AS high,
                       CAST(sum(coalesce(p.reports, 0)) AS BIGINT) AS reports,
                       any_value(coalesce(n.sources, 0)) AS sources
                FROM people p LEFT JOIN named n USING (category) GROUP BY p.category
                ORDER BY list_position({sql_list(CASUALTY_CATEGORIES)}, p.category) NULLS LAST, p.category""",
            "households": f"""SELECT category, unit, count(*) AS incidents,
                       CAST(sum(coalesce(conservative, 0)) AS BIGINT) AS conservative
                FROM {counted} WHERE coalesce(unit, '') <> '' GROUP BY category, unit ORDER BY category, unit""",
            "over time": """SELECT CAST(date AS DATE) AS date, category,
                       CAST(coalesce(sum(conservative), 0) AS BIGINT) AS conservative,
                       count(*) AS incidents,
                       string_agg(incident_id, '; ' ORDER BY conservative DESC NULLS LAST, incident_id) AS incident_ids
                FROM shown WHERE coalesce(unit, '') = '' AND date IS NOT NULL AND category IS NOT NULL
                GROUP BY 1, 2 ORDER BY 1, 2""",
            "counts": """SELECT count(*) AS incidents, count(*) FILTER (WHERE disagree) AS disagreeing,
                count(*) FILTER (WHERE partial) AS partial FROM shown"""})
        totals, households, over_time = answers["totals"], answers["households"], answers["over time"]
        counts = answers["counts"].iloc[0]
        over_time["date"] = [_as_date(day) for day in over_time["date"]]
        return IncidentSummary(totals=totals, households=households, over_time=over_time,
                               incidents=int(counts["incidents"]), disagreeing=int(counts["disagreeing"]),
                               partial=int(counts["partial"]))

    def _over_rows(self, rows: str, params: dict, questions: dict[str, str]) -> dict[str, pd.DataFrame]:
        """The answer to each of `questions`, SQL over a table `shown` of the rows the query
        `rows` gives: the rows are read once (into Arrow, on this thread's own cursor) and asked
        each question in memory, instead of filtering the store again for each."""
        with self._lock:
            cursor = self._db.cursor()
        try:
            cursor.register("shown", cursor.sql(rows, params=params).to_arrow_table())
            return {name: _plain_strings(cursor.execute(question).df()) for name, question in questions.items()}
        finally:
            cursor.close()

    def _in_view(self, filters: Filters) -> tuple[str, dict]:
        """`WITH` common table expressions ending in `in_view` (incident_id, partial): the
        incidents with a kept counted figure, and whether the filters leave out some of their
        counted figures. With sources alone chosen, both counts come from the rollup of figures
        per incident and source."""
        if _by_source_only(filters):
            return """WITH kept AS (SELECT incident_id, sum(counted) AS n FROM incident_sources
                    WHERE list_contains($sources, source) GROUP BY incident_id HAVING sum(counted) > 0),
                every AS (SELECT incident_id, sum(counted) AS n FROM incident_sources GROUP BY incident_id),
                in_view AS (SELECT k.incident_id, (k.n <> e.n) AS partial FROM kept k JOIN every e USING (incident_id))
                """, {"sources": list(filters.sources)}
        ctes, params = self.kept(filters)
        return f"""WITH {ctes}, kept_figures AS ({self._casualties_sql(filters)}),
            kept AS (SELECT incident_id, count(*) AS n FROM kept_figures WHERE {COUNTED_FIGURE} GROUP BY incident_id),
            every AS (SELECT incident_id, count(*) AS n FROM casualties WHERE {COUNTED_FIGURE} GROUP BY incident_id),
            in_view AS (SELECT k.incident_id, (k.n <> e.n) AS partial FROM kept k JOIN every e USING (incident_id))
            """, params

    def figures_of(self, filters: Filters, incidents: list[str]) -> Analysis:
        """The kept figures of `incidents` with their sentences (FIGURE_SENTENCE_COLUMNS),
        articles, incidents and statistics (the first half of `casualty_tables`, without the
        unfiltered one)."""
        return self._figure_analysis(f"SELECT * FROM ({self._casualties_sql(filters)}) "
                                     "WHERE list_contains($incident_ids, incident_id)", filters, incidents,
                                     sentence_columns=FIGURE_SENTENCE_COLUMNS)

    def incident_reports(self, filters: Filters, incidents: list[str]) -> pd.DataFrame | None:
        """Each kept article's report of `incidents`, as analysis.casualties.views.source_reports
        makes them from the kept figures, read from the store's reports (rollups.write_reports);
        None when the filters keep parts of articles (a date range, entities): a report is its
        whole article's."""
        if not _by_article_only(filters):
            return None
        sourced = ""
        params: dict = {"ids": sorted(set(incidents))}
        if filters.sources:
            sourced = " AND doc_id IN (SELECT doc_id FROM documents WHERE list_contains($sources, source))"
            params["sources"] = list(filters.sources)
        rows = self.sql(f"SELECT * EXCLUDE (position) FROM {REPORTS} WHERE list_contains($ids, incident_id)"
                        f"{sourced} ORDER BY position", params)
        for column in ("published", "date"):
            rows[column] = pd.Series([_as_date(day) for day in rows[column]], index=rows.index, dtype=object)
        rows["high"] = pd.array(rows["high"].tolist(), dtype="Int64")
        return rows

    def statistics_in_view(self, filters: Filters, columns: list[str] | None = None) -> pd.DataFrame:
        """The statistics table's rows quoted by a kept figure (only `columns`, when given: a
        count per category needs no evidence text)."""
        chosen = ", ".join(f'"{c}"' for c in columns) if columns else "*"
        if _by_source_only(filters):
            return self.sql(f"SELECT {chosen} FROM statistics WHERE statistic_id IN (SELECT statistic_id FROM "
                            "statistic_sources WHERE list_contains($sources, source)) ORDER BY statistic_id",
                            {"sources": list(filters.sources)})
        return self._with(filters, f"""SELECT {chosen} FROM statistics WHERE statistic_id IN
            (SELECT statistic_id FROM ({self._casualties_sql(filters)}) WHERE statistic_id IS NOT NULL)
            ORDER BY statistic_id""")

    def _figure_analysis(self, figures_sql: str, filters: Filters, incidents: list[str] | None = None,
                         sentence_columns: str = "s.* EXCLUDE (shard)") -> Analysis:
        ctes, params = self.kept(filters)
        if incidents is not None:
            params["incident_ids"] = sorted(incidents)
        casualties = self.sql(f"WITH {ctes} {figures_sql}", params)
        casualties = casualties.drop(columns=[c for c in ("shard",) if c in casualties.columns])
        ids = sorted(set(casualties["doc_id"]))
        documents = self.sql("SELECT * EXCLUDE (shard) FROM documents WHERE list_contains($ids, doc_id)", {"ids": ids})
        # The figures' sentences by their keys, in the figures' shards only: filtering the store
        # again to find them took half of figures_of (0.14 of 0.28 CPU seconds at 10,000 articles).
        sentences = self._sentences_of(casualties, self._shards_of(ids), sentence_columns)
        incidents = self.sql("SELECT * FROM incidents WHERE incident_id IN (SELECT unnest($ids))",
                             {"ids": sorted(set(casualties["incident_id"].dropna()))})
        statistics = self.sql("SELECT * FROM statistics WHERE statistic_id IN (SELECT unnest($ids))",
                              {"ids": sorted(set(casualties["statistic_id"].dropna()))})
        empty = pd.DataFrame()
        return Analysis(documents=documents, sentences=sentences, mentions=empty, entities=empty,
                        casualties=casualties, events=empty, pipeline=self.pipeline, incidents=incidents,
                        statistics=statistics)

    def articles(self, doc_ids: list[str]) -> tuple[Analysis, dict[str, str]]:
        """Every row of the articles `doc_ids` (all their sentences, whatever the filters) as an
        `Analysis`, with their texts: what comparing a few articles reads. The entities table
        holds the entities those articles name."""
        ids = {"ids": sorted(set(doc_ids)), "shards": self._shards_of(doc_ids)}
        tables = {table: self.sql(f"SELECT * EXCLUDE (shard) FROM {table} WHERE list_contains($shards, shard) "
                                  "AND list_contains($ids, doc_id) "
                                  "ORDER BY doc_id" + (", sent_id, start" if table != "documents" else "")
                                  if table != "sentences" else
                                  "SELECT * EXCLUDE (shard) FROM sentences WHERE list_contains($shards, shard) "
                                  "AND list_contains($ids, doc_id) ORDER BY doc_id, sent_id", ids)
                  for table in SHARDED_TABLES}
        tables["casualties"] = self.sql("SELECT * FROM casualties WHERE list_contains($ids, doc_id)",
                                        {"ids": ids["ids"]})
        tables["entities"] = self.sql("SELECT * FROM entities WHERE list_contains($names, entity)",
                                      {"names": sorted(set(tables["mentions"]["entity"].dropna()))})
        tables["incidents"] = self.sql("SELECT * FROM incidents WHERE incident_id IN (SELECT incident_id FROM "
                                       "casualties WHERE list_contains($ids, doc_id))", {"ids": ids["ids"]})
        tables["statistics"] = self.sql("SELECT * FROM statistics WHERE statistic_id IN (SELECT statistic_id FROM "
                                        "casualties WHERE list_contains($ids, doc_id))", {"ids": ids["ids"]})
        return Analysis(pipeline=self.pipeline, **tables), self.texts(doc_ids)

    def texts(self, doc_ids: list[str]) -> dict[str, str]:
        """The texts of the articles `doc_ids`, by doc_id."""
        texts = self.sql("SELECT doc_id, text FROM texts WHERE list_contains($shards, shard) AND "
                         "list_contains($ids, doc_id)", {"ids": sorted(set(doc_ids)), "shards": self._shards_of(doc_ids)})
        return dict(zip(texts["doc_id"], texts["text"]))

    def _shards_of(self, doc_ids: list[str]) -> list[str]:
        """The shards holding the articles `doc_ids`: a query naming them reads only those files."""
        rows = self.sql("SELECT DISTINCT shard FROM documents WHERE list_contains($ids, doc_id)",
                        {"ids": sorted(set(doc_ids))})
        return sorted(str(s) for s in rows["shard"].dropna())


def _by_source_only(filters: Filters) -> bool:
    """Whether the filters choose sources and nothing else: then every count is a sum over the
    chosen sources of the store's rollups (analysis.store.rollups)."""
    return bool(filters.sources) and not filters.labels and _by_article_only(filters)


def _totals_of(row: pd.Series) -> Totals:
    return Totals(**{name: (_as_date(value) if name.startswith(("first", "last")) else int(value))
                     for name, value in row.items()})


def _by_article_only(filters: Filters) -> bool:
    """Whether the filters keep whole articles (sources only, no dates nor entities): then a
    row is kept when its article is, found by doc_id alone rather than by joining millions of
    rows on their sentences (a Timeline filter change at 100,000 articles: events page 1.81 s
    and totals 1.48 s before)."""
    return not filters.entities and filters.date_from is None and filters.date_to is None


def _plain_strings(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns as `analyze` returns them (Python strings, None where missing), so the
    views written for an `Analysis` read a store's rows alike."""
    for column in frame.columns:
        if pd.api.types.is_string_dtype(frame[column]) and frame[column].dtype != object:
            values = frame[column].astype(object)
            frame[column] = values.where(values.notna(), None)
    return frame


def _as_date(value) -> date | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return pd.Timestamp(value).date()

"""Per-source rollups: the store's counts per source, written by the build's last step.

A filter that only chooses sources keeps whole articles, so every count a page shows is a sum
over the chosen sources of a count per source: articles, sentences, mentions per entity,
figures per incident, dated expressions per period, the tone boxes of each source. Reading
those from tables of a few thousand rows instead of joining millions of mentions, sentences
and figures to their articles is what keeps a filter change fast on a large store
(analysis.store.query uses them for such filters; tests/analysis/store/test_query.py holds
every answer to `analysis.filters.apply`'s).

They are derived, never edited: each build computes them again from the final tables, so they
can never disagree with the rows. Rows whose article has no source are kept (under a NULL
source): no filter chooses them, but the counts of the whole store include them.
"""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd

from analysis.store.connection import connect
from analysis.store.layout import rollup_path, write_table

# A figure counted in an incident's total: linked, not a part of another figure, not a statistic.
COUNTED_FIGURE = "incident_id IS NOT NULL AND NOT coalesce(part_of, false) AND coalesce(kind, '') <> 'statistic'"
PERIOD_UNITS = ("day", "week", "month")
BUILD_THREADS = None  # DuckDB's default: every core of the machine building the store
BUILD_MEMORY = "2GB"  # past this DuckDB spills to disk


def periods_sql(unit: str, dated: str) -> str:
    """Dated expressions (`dated`, rows of the events table) per period start and source, with
    how many articles they come from; `docs` is the kept articles."""
    if unit not in PERIOD_UNITS:
        raise ValueError(f"unknown period unit: {unit}")
    return f"""SELECT CAST(date_trunc('{unit}', CAST(e.date AS DATE)) AS DATE) AS period, d.source,
               count(*) AS events, count(DISTINCT e.doc_id) AS articles
        FROM ({dated}) e JOIN docs d USING (doc_id) WHERE e.date IS NOT NULL
        GROUP BY period, d.source"""


# Tukey boxes of sentence tone per source over the kept sentences `sents` of the kept articles `docs`.
BOXES_SQL = """
    scored AS (SELECT d.source, s.compound FROM sents s JOIN docs d USING (doc_id) WHERE d.source IS NOT NULL),
    quartiles AS (SELECT source, quantile_cont(compound, 0.25) AS q1, median(compound) AS median,
            quantile_cont(compound, 0.75) AS q3, avg(compound) AS mean, count(*) AS n
        FROM scored GROUP BY source)
    SELECT q.source, any_value(q.q1) AS q1, any_value(q.median) AS median, any_value(q.q3) AS q3,
           any_value(q.mean) AS mean, any_value(q.n) AS n,
           min(s.compound) FILTER (WHERE s.compound >= q.q1 - 1.5 * (q.q3 - q.q1)) AS lowerfence,
           max(s.compound) FILTER (WHERE s.compound <= q.q3 + 1.5 * (q.q3 - q.q1)) AS upperfence
    FROM quartiles q JOIN scored s USING (source) GROUP BY q.source"""


ROLLUPS: dict[str, str] = {
    # Per source: what the headline counts add up. `articles` and the publication span count
    # articles with at least one sentence, as a filtered view keeps them.
    "source_counts": """
        WITH m AS (SELECT doc_id, count(*) AS n FROM mentions GROUP BY doc_id),
        f AS (SELECT doc_id, count(*) AS n FROM casualties GROUP BY doc_id),
        e AS (SELECT doc_id, count(*) AS n, count(date) AS dated, min(date) AS first, max(date) AS last
              FROM events GROUP BY doc_id)
        SELECT d.source, count(*) FILTER (WHERE d.sentences > 0) AS articles,
               min(d.published) FILTER (WHERE d.sentences > 0) AS first_published,
               max(d.published) FILTER (WHERE d.sentences > 0) AS last_published,
               CAST(coalesce(sum(d.sentences), 0) AS BIGINT) AS sentences,
               CAST(coalesce(sum(m.n), 0) AS BIGINT) AS mentions, CAST(coalesce(sum(f.n), 0) AS BIGINT) AS figures,
               CAST(coalesce(sum(e.n), 0) AS BIGINT) AS events, CAST(coalesce(sum(e.dated), 0) AS BIGINT) AS dated_events,
               min(e.first) AS first_event, max(e.last) AS last_event
        FROM documents d LEFT JOIN m USING (doc_id) LEFT JOIN f USING (doc_id) LEFT JOIN e USING (doc_id)
        GROUP BY d.source""",
    # Per entity of the entities table and source: mentions, articles, and the sum of the tone of
    # the distinct sentences naming it (the mean over several sources divides the sums).
    "source_entities": """
        WITH named AS (SELECT m.entity, m.doc_id, m.sent_id, d.source FROM mentions m JOIN documents d USING (doc_id)
                WHERE m.entity IN (SELECT entity FROM entities)),
        counted AS (SELECT entity, source, count(*) AS mentions, count(DISTINCT doc_id) AS documents
                FROM named GROUP BY entity, source),
        tone AS (SELECT p.entity, p.source, sum(s.compound) AS compound_sum, count(s.compound) AS scored
                FROM (SELECT DISTINCT entity, source, doc_id, sent_id FROM named) p
                LEFT JOIN sentences s USING (doc_id, sent_id) GROUP BY p.entity, p.source)
        SELECT c.*, t.compound_sum, t.scored FROM counted c
        JOIN tone t ON t.entity = c.entity AND t.source IS NOT DISTINCT FROM c.source""",
    # Mentions per entity, label and source: the label an entity is shown under is its most
    # frequent one among the kept mentions.
    "source_labels": """
        SELECT m.entity, m.label, d.source, count(*) AS mentions FROM mentions m JOIN documents d USING (doc_id)
        WHERE m.entity IS NOT NULL GROUP BY m.entity, m.label, d.source""",
    # Per incident of the incidents table and source: its figures, and those counted in its total.
    "incident_sources": f"""
        SELECT c.incident_id, d.source, count(*) AS figures, count(*) FILTER (WHERE {COUNTED_FIGURE}) AS counted
        FROM casualties c JOIN documents d USING (doc_id) WHERE c.incident_id IN (SELECT incident_id FROM incidents)
        GROUP BY c.incident_id, d.source""",
    "statistic_sources": """
        SELECT DISTINCT c.statistic_id, d.source FROM casualties c JOIN documents d USING (doc_id)
        WHERE c.statistic_id IS NOT NULL""",
    "source_tone": f"WITH sents AS (SELECT * FROM sentences), docs AS (SELECT * FROM documents), {BOXES_SQL}",
    "source_periods": "WITH docs AS (SELECT * FROM documents) " + " UNION ALL ".join(
        f"SELECT '{unit}' AS unit, * FROM ({periods_sql(unit, 'SELECT * FROM events')})" for unit in PERIOD_UNITS),
}


REPORTS = "incident_reports"
REPORT_ROW_GROUP = 8_192  # rows per group: a few incidents' reports are read from their groups only


def write_reports(root: Path, casualties: pd.DataFrame, documents: pd.DataFrame, sentences: pd.DataFrame) -> None:
    """Every article's report of each incident (analysis.casualties.views.source_reports over
    the whole store), in its order, with that order as `position`. A report is its article's
    alone, so the reports of the articles a filter of sources keeps are these rows: the
    Casualties page reads its ledger's from here (at 100,000 articles, reading the 500 largest
    incidents' figures and sentences to make them took 0.7-1.0 s of each filter change). Sorted
    by incident, so those few incidents' rows sit in a few row groups."""
    from analysis.casualties.views import source_reports

    reports = source_reports(casualties, documents, sentences)
    write_table(reports.assign(position=range(len(reports))), rollup_path(root, REPORTS),
                row_group_size=REPORT_ROW_GROUP)


def write_rollups(root: Path, shards: list[str]) -> dict[str, float]:
    """Compute every rollup from the store's final tables and write it; returns the seconds."""
    started = time.perf_counter()
    db = connect(root, shards, threads=BUILD_THREADS, memory=BUILD_MEMORY)
    try:
        for name, query in ROLLUPS.items():
            write_table(db.execute(query).df(), rollup_path(root, name))
    finally:
        db.close()
    return {"rollups": time.perf_counter() - started}

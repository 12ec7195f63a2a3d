"""The analysis store: a corpus of any size analysed into a Parquet dataset, shard by shard.

    python -m analysis CORPUS... --out STORE [--workers N] [--scheduler tcp://host:port]

`build_store` streams the input files, runs the per-article map (analysis.engine.read_articles)
on Dask in shards, writing each shard's tables as it goes, then runs the corpus-level steps over
the per-article summaries. `load_store` reads the finished tables back as an `Analysis`.
Layout (analysis.store.layout): one folder per table, partitioned by shard where the table has
a row per article's sentence, mention or date, so DuckDB reads a table with
`read_parquet('STORE/<table>/**/*.parquet', hive_partitioning=true)`.

Names are imported on first use: the dashboard reads a store through analysis.store.query and
never builds one, so opening a store does not load the building's NLP pipeline (spaCy).
"""

from analysis.lazy import lazy_exports

_EXPORTS = {
    "BuildReport": "analysis.store.build",
    "build_store": "analysis.store.build",
    "FINAL_TABLES": "analysis.store.layout",
    "load_store": "analysis.store.layout",
    "read_manifest": "analysis.store.layout",
}

__all__ = sorted(_EXPORTS)

__getattr__ = lazy_exports(__name__, _EXPORTS)

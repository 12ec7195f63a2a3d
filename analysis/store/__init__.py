"""The analysis store: a corpus of any size analysed into a Parquet dataset, shard by shard.

    python -m analysis CORPUS... --out STORE [--workers N] [--scheduler tcp://host:port]

`build_store` streams the input files, runs the per-article map (analysis.engine.read_articles)
on Dask in shards, writing each shard's tables as it goes, then runs the corpus-level steps over
the per-article summaries. `load_store` reads the finished tables back as an `Analysis`.
Layout (analysis.store.layout): one folder per table, partitioned by shard where the table has
a row per article's sentence, mention or date, so DuckDB reads a table with
`read_parquet('STORE/<table>/**/*.parquet', hive_partitioning=true)`.
"""

from analysis.store.build import BuildReport, build_store
from analysis.store.layout import FINAL_TABLES, load_store, read_manifest

__all__ = ["FINAL_TABLES", "BuildReport", "build_store", "load_store", "read_manifest"]

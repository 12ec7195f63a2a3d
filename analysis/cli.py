"""Command line: analyse articles and write every table, so results can be scripted and reused
without the dashboard; with `--format store` (or `--workers`/`--scheduler`), build an analysis
store of any size on Dask (analysis.store); `share` stores a corpus in the share store and
prints its link, so a team can publish a corpus without the browser."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from analysis.document import Corpus
from analysis.engine import analyze
from analysis.export import write_csv
from analysis.filters import Filters, apply
from analysis.loading import load_corpus
from analysis.result import Analysis
from analysis.schema import CASUALTIES
from analysis.sharing import ShareError, ShareLimits, ShareStore, delete_link, share_link
from analysis.sharing.config import BASE_URL_ENV, DATABASE_URL_ENV, base_url, database_url

FORMATS = ("csv", "json", "parquet", "store")
NO_SIZE_CAP = sys.maxsize  # the per-file cap of analysis.loading is for browser uploads
PARQUET_FIX = 'pip install -e ".[parquet]"'


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Analyse news articles (folders or .txt/.md/.html/.csv/.jsonl files) and write "
        "the documents, sentences, mentions, entities, casualties, events and incidents tables. "
        "`python -m analysis share PATH...` shares articles by link instead (see its --help).",
    )
    parser.add_argument("paths", nargs="+", help="files or folders to read")
    parser.add_argument("--out", required=True, type=Path,
                        help="folder to write the tables to (created if missing; keep it outside the repository)")
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="table format (default: csv); 'store' builds an analysis store: a Parquet "
                        "dataset written shard by shard on Dask, which a later run updates with only "
                        "the new or changed articles")
    parser.add_argument("--workers", type=int, default=None,
                        help="store: local worker processes (default: one per core)")
    parser.add_argument("--scheduler", default=None,
                        help="store: the address of a running Dask scheduler (tcp://host:port) to use "
                        "instead of local workers; its workers must see the --out folder")
    parser.add_argument("--entity", action="append", default=[], help="keep sentences naming this entity")
    parser.add_argument("--source", action="append", default=[], help="keep articles from this source")
    parser.add_argument("--from", dest="date_from", help="keep sentences dated on or after YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", help="keep sentences dated on or before YYYY-MM-DD")
    return parser


def _json_ready(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates and lists as JSON can hold them (ISO strings and arrays)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object:
            out[column] = out[column].map(lambda v: v.isoformat() if hasattr(v, "isoformat") else v)
    return out


def parquet_missing() -> str | None:
    """Why Parquet cannot be written here, or None when it can: checked before the analysis
    runs, so a missing engine costs a second, not the whole run."""
    try:
        import pyarrow  # noqa: F401  (pandas writes Parquet through it)
    except ImportError:
        return f"--format parquet needs pyarrow, which is not installed: run {PARQUET_FIX} (or pip install pyarrow)"
    return None


def with_event_dates(casualties: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """The casualties table with `date` after its schema columns: the date the figure's sentence
    is about (its most precise dated event, else its article's publication date, as
    `sentences.date` holds it), so a file read on its own says when each figure happened."""
    if "date" in casualties.columns:
        return casualties
    dates = dict(zip(zip(sentences["doc_id"].tolist(), sentences["sent_id"].tolist()), sentences["date"].tolist()))
    keys = zip(casualties["doc_id"].tolist(), casualties["sent_id"].tolist())
    dated = casualties.copy()
    dated.insert(len(CASUALTIES), "date", pd.Series([dates.get(key) for key in keys], index=casualties.index,
                                                    dtype=object))
    return dated


def export_tables(result: Analysis) -> dict[str, pd.DataFrame]:
    """Every table as the CLI writes it: `result.tables()`, casualties with their event date."""
    tables = result.tables()
    tables["casualties"] = with_event_dates(result.casualties, result.sentences)
    return tables


def write_tables(result: Analysis, out: Path, fmt: str = "csv") -> list[Path]:
    """Write each table to `out/<name>.<fmt>` and return the paths written."""
    if fmt == "parquet" and (reason := parquet_missing()):
        raise RuntimeError(reason)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in export_tables(result).items():
        path = out / f"{name}.{fmt}"
        if fmt == "csv":
            write_csv(table, path)  # spreadsheet-safe: no formula cells, lists joined with "; "
        elif fmt == "json":
            _json_ready(table).to_json(path, orient="records", indent=1, force_ascii=False)
        else:
            table.to_parquet(path, index=False)  # pyarrow keeps dates and lists typed
        written.append(path)
    (out / "pipeline.json").write_text(json.dumps({"pipeline": result.pipeline}), encoding="utf-8")
    return written


def _share_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis share",
        description="Store articles in the dashboard's share store and print the link that opens "
        "them, and the private link that deletes the share. The store is the one the dashboard "
        "started from this folder uses: [connections.shares] in .streamlit/secrets.toml, else "
        f"{DATABASE_URL_ENV}, else the SQLite file in the data folder.",
    )
    parser.add_argument("paths", nargs="+", help="files or folders to read")
    parser.add_argument("--base-url", default=None,
                        help=f"the dashboard's public address (default: {BASE_URL_ENV}, else {base_url()})")
    parser.add_argument("--db", default=None, help="a SQLAlchemy database URL for the store (overrides the above)")
    return parser


def _readable(paths: list[str], max_bytes: int | None = None) -> Corpus | None:
    """The corpus at `paths`, each unreadable file named on stderr with its reason; None (and
    a message) when no article could be read."""
    corpus = load_corpus(paths) if max_bytes is None else load_corpus(paths, max_bytes=max_bytes)
    for path, reason in corpus.errors:
        print(f"skipped {path}: {reason}", file=sys.stderr)
    if not corpus.documents:
        print("no readable articles in the given paths", file=sys.stderr)
        return None
    return corpus


def share(argv: list[str]) -> int:
    """`python -m analysis share PATH...`: store the readable articles and print both links."""
    args = _share_parser().parse_args(argv)
    corpus = _readable(args.paths)
    if corpus is None:
        return 1
    from sqlalchemy import create_engine  # only this command needs the database

    url = args.db or database_url()
    try:
        store = ShareStore(create_engine(url), ShareLimits.from_env())
        store.create_schema()
        made = store.put(corpus.documents)
    except ShareError as exc:
        print(f"not shared: {exc}", file=sys.stderr)
        return 1
    except ImportError as exc:  # the URL names a database whose driver is not installed
        print(f"not shared: no driver for this database ({exc}); for PostgreSQL install "
              "parallax[postgres]", file=sys.stderr)
        return 1
    base = args.base_url or base_url()
    print(f"{made.articles} articles shared until {made.expires_at:%d %b %Y}.")
    print(f"link: {share_link(base, made.token)}")
    print(f"delete link (keep it private): {delete_link(base, made.delete_token)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["share"]:
        return share(argv[1:])
    args = _parser().parse_args(argv)
    if args.format is None:
        args.format = "store" if args.workers is not None or args.scheduler else "csv"
    if args.format == "store":
        return build(args)
    if args.workers is not None or args.scheduler:
        print("--workers and --scheduler build an analysis store: use them with --format store", file=sys.stderr)
        return 2
    if args.format == "parquet" and (reason := parquet_missing()):
        print(reason, file=sys.stderr)
        return 1
    corpus = _readable(args.paths, NO_SIZE_CAP)
    if corpus is None:
        return 1
    params = {"entity": args.entity, "source": args.source,
              "from": args.date_from or [], "to": args.date_to or []}
    result = apply(analyze(corpus.documents), Filters.from_query_params(params))
    written = write_tables(result, args.out, args.format)
    print(f"{len(result.documents)} articles analysed with {result.pipeline}; "
          f"wrote {len(written)} tables to {args.out}")
    return 0


def build(args: argparse.Namespace) -> int:
    """`python -m analysis PATH... --out STORE --format store`: build or update the store."""
    if args.entity or args.source or args.date_from or args.date_to:
        print("a store holds the whole corpus: filter when reading it (--entity, --source, --from "
              "and --to apply to table exports)", file=sys.stderr)
        return 2
    if args.workers is not None and args.workers < 1:
        print("--workers must be at least 1", file=sys.stderr)
        return 2
    from analysis.store import build_store  # Dask is imported only for a store

    try:
        report = build_store(args.paths, args.out, workers=args.workers, scheduler=args.scheduler)
    except OSError as exc:
        print(f"cannot build the store at {args.out}: {exc}", file=sys.stderr)
        return 1
    for path, reason in report.errors:
        print(f"skipped {path}: {reason}", file=sys.stderr)
    if not report.articles:
        print("no readable articles in the given paths", file=sys.stderr)
        return 1
    print(f"{report.articles} articles in the store at {args.out} ({report.analysed} analysed, "
          f"{report.reused} unchanged, {report.dropped} no longer in the input) with {report.pipeline}; "
          f"{report.timings['total']:.1f} s")
    return 0

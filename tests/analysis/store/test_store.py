"""The analysis store: the same tables as `analyze`, built on Dask shard by shard, updated
incrementally, with bad input named and the rest kept."""

import json
import shutil
from pathlib import Path

import pandas as pd
import pyarrow.dataset as ds
import pytest

from analysis.cli import main
from analysis.document import Document
from analysis.engine import analyze
from analysis.filters import Filters, apply
from analysis.loading import load_corpus
from analysis.store import build_store, load_store, read_manifest
from analysis.store.build import TAIL_SHARDS_PER_WORKER, cut_shards
from analysis.store.layout import code_version
from analysis.store.query import StoreQueries

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "seeds"
MIXED = ROOT / "tests" / "data" / "loading" / "mixed"

NEW_ARTICLE = """Shelling hits market in Kharkiv

KHARKIV - At least seven people were killed and 19 wounded when shells struck a covered market
in Kharkiv on Tuesday morning, the regional governor Oleh Syniehubov said.

Rescue crews searched the stalls for survivors until the evening. The governor said the dead
included two traders and a boy of twelve.
"""


def assert_same_tables(expected, actual) -> None:
    assert actual.pipeline == expected.pipeline
    for name, table in expected.tables().items():
        pd.testing.assert_frame_equal(actual.tables()[name], table, obj=name)


def copy_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus / "seeds")
    shutil.copytree(MIXED, corpus / "mixed")
    return corpus


def test_store_holds_the_tables_analyze_returns(tmp_path, dask_client):
    corpus = copy_corpus(tmp_path)
    # Shards of three articles: several map tasks, and tables put together from several shards.
    report = build_store([str(corpus)], tmp_path / "store", client=dask_client, shard_size=3,
                         show_progress=False)
    documents = load_corpus([corpus]).documents
    assert report.articles == report.analysed == len(documents) > 3
    assert_same_tables(analyze(documents), load_store(tmp_path / "store"))

    # Each table is one Parquet dataset a reader opens with hive partitioning (DuckDB does the same).
    sentences = ds.dataset(tmp_path / "store" / "sentences", format="parquet", partitioning="hive").to_table()
    assert sentences.num_rows == sum(len(sentences_of) for sentences_of in [load_store(tmp_path / "store").sentences])
    assert len(set(sentences.column("shard").to_pylist())) == len(read_manifest(tmp_path / "store")["shards"])


def test_store_links_incidents_as_analyze_does_where_days_lie_inside_sentences(tmp_path, dask_client):
    # Linking reads where a date and a figure lie in their sentence (the day told with the
    # casualty verb, two attacks told in one sentence): the store must give it the sentences'
    # offsets too.
    articles = [
        {"id": "march", "source": "Wire", "published": "2026-11-17", "title": "March in La Cruz",
         "text": "Villagers marched in La Cruz on Monday to demand justice for the six farmworkers shot dead "
                 "on Saturday, prosecutors said."},
        {"id": "bars", "source": "Monitor", "published": "2026-11-24", "title": "Bars attacked",
         "text": "Gunmen killed eight people at a bar in Apatzingán on 13 November and nine at a cantina in "
                 "the city centre four days later, the monitor said."},
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(article) for article in articles) + "\n", encoding="utf-8")
    build_store([str(corpus)], tmp_path / "store", client=dask_client, show_progress=False)
    expected = analyze(load_corpus([corpus]).documents)
    assert sorted(expected.incidents["date"].astype(str)) == ["2026-11-13", "2026-11-14", "2026-11-17"]
    assert_same_tables(expected, load_store(tmp_path / "store"))


def test_manifest_records_version_pipeline_and_hashes(tmp_path, dask_client):
    build_store([str(SEEDS)], tmp_path / "store", client=dask_client, show_progress=False)
    manifest = json.loads((tmp_path / "store" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["version"] == code_version()
    assert manifest["pipeline"] == load_store(tmp_path / "store").pipeline
    expected = {d.doc_id: d.fingerprint() for d in load_corpus([SEEDS]).documents}
    assert {doc_id: entry["hash"] for doc_id, entry in manifest["articles"].items()} == expected


def test_a_store_whose_corpus_steps_did_not_finish_is_refused_by_name(tmp_path, dask_client, monkeypatch):
    from analysis.store import build as building
    from analysis.store.layout import StoreIncomplete
    from analysis.store.query import StoreQueries

    build_store([str(SEEDS)], tmp_path / "store", client=dask_client, show_progress=False)
    assert read_manifest(tmp_path / "store")["complete"] is True

    def stopped(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(building, "reduce_store", stopped)
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "kharkiv.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        build_store([str(SEEDS), str(tmp_path / "more")], tmp_path / "store", client=dask_client,
                    show_progress=False)
    for read in (load_store, StoreQueries):
        with pytest.raises(StoreIncomplete, match=str(tmp_path / "store")):
            read(tmp_path / "store")
    monkeypatch.undo()
    build_store([str(SEEDS), str(tmp_path / "more")], tmp_path / "store", client=dask_client, show_progress=False)
    assert len(load_store(tmp_path / "store").documents) == len(load_corpus([SEEDS]).documents) + 1


def test_a_second_run_analyses_only_new_and_changed_articles(tmp_path, dask_client):
    corpus = copy_corpus(tmp_path)
    store = tmp_path / "store"
    first = build_store([str(corpus)], store, client=dask_client, show_progress=False)
    (corpus / "mixed" / "kharkiv_market.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    changed = corpus / "mixed" / "kyiv_strike.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe city council declared a day of mourning.\n",
                       encoding="utf-8")

    second = build_store([str(corpus)], store, client=dask_client, show_progress=False)
    assert second.analysed == 2
    assert second.reused == first.articles - 1
    assert second.articles == first.articles + 1
    documents = load_corpus([corpus]).documents
    manifest = read_manifest(store)
    assert {d: e["hash"] for d, e in manifest["articles"].items()} == {d.doc_id: d.fingerprint() for d in documents}
    stored = load_store(store)
    assert "kharkiv_market" in set(stored.documents["doc_id"])
    assert stored.sentences["text"].str.contains("day of mourning").any()
    # The changed article's old sentences are gone: its rows come from its new shard only.
    kyiv = stored.sentences[stored.sentences["doc_id"] == "kyiv_strike"]
    assert kyiv["sent_id"].is_unique
    # The counts per source are computed again: each source counts its new and changed articles once.
    queries = StoreQueries(store)
    for source in stored.documents["source"].dropna().unique():
        kept = apply(stored, Filters(sources=(source,)))
        totals = queries.totals(Filters(sources=(source,)))
        assert (totals.articles, totals.sentences, totals.mentions, totals.casualties, totals.events) == (
            len(kept.documents), len(kept.sentences), len(kept.mentions), len(kept.casualties), len(kept.events))

    third = build_store([str(corpus)], store, client=dask_client, show_progress=False)
    assert (third.analysed, third.reused) == (0, second.articles)


def test_a_bad_file_is_named_with_its_reason_and_the_rest_is_stored(tmp_path, dask_client):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "market.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    (corpus / "broken.jsonl").write_text(
        '{"title": "Convoy ambushed", "text": "Gunmen ambushed an aid convoy near Goma on Friday, killing '
        'three drivers, the provincial governor said."}\n{"title": "cut off", "text": \n', encoding="utf-8")
    (corpus / "scan.pdf").write_bytes(b"%PDF-1.4 not an article")

    report = build_store([str(corpus)], tmp_path / "store", client=dask_client, show_progress=False)
    reasons = {(Path(path).name, reason) for path, reason in report.errors}
    assert any(name == "broken.jsonl" and reason.startswith("line 2: malformed JSON") for name, reason in reasons)
    assert any(name == "scan.pdf" and "unsupported file type '.pdf'" in reason for name, reason in reasons)
    stored = load_store(tmp_path / "store")
    assert sorted(stored.documents["doc_id"]) == ["broken#1", "market"]


def test_cli_builds_a_store_on_a_running_scheduler(tmp_path, dask_cluster, capsys):
    cluster, _ = dask_cluster
    out = tmp_path / "store"
    assert main([str(SEEDS), "--out", str(out), "--scheduler", cluster.scheduler_address]) == 0
    assert "2 articles in the store" in capsys.readouterr().out
    assert len(load_store(out).documents) == 2


@pytest.mark.parametrize("extra", [["--source", "Republic World"], ["--workers", "0"]])
def test_cli_refuses_store_options_that_cannot_apply(tmp_path, extra, capsys):
    assert main([str(SEEDS), "--out", str(tmp_path / "store"), "--format", "store", *extra]) == 2
    assert capsys.readouterr().err.strip()
    assert not (tmp_path / "store").exists()


def test_cli_table_export_refuses_dask_options(tmp_path, capsys):
    assert main([str(SEEDS), "--out", str(tmp_path), "--format", "csv", "--workers", "2"]) == 2
    assert "--format store" in capsys.readouterr().err


def reports(count: int) -> list[Document]:
    return [Document(f"report-{i}", f"Report {i}", "Field Desk", None, "", f"Shelling near Sumy, report {i}.")
            for i in range(count)]


def test_a_small_corpus_is_cut_into_equal_shards_for_every_worker():
    documents = reports(1000)
    shards = list(cut_shards(iter(documents), 200, workers=2))
    # Five shards of 200 would leave one of two workers idle while the other read the fifth.
    assert [len(shard) for shard in shards] == [1000 // (2 * TAIL_SHARDS_PER_WORKER)] * (2 * TAIL_SHARDS_PER_WORKER)
    assert [d for shard in shards for d in shard] == documents


def test_a_large_corpus_streams_in_full_shards_and_only_its_tail_is_cut_finer():
    documents = reports(5003)
    shards = list(cut_shards(iter(documents), 200, workers=2))
    sizes = [len(shard) for shard in shards]
    tail = sizes[-2 * TAIL_SHARDS_PER_WORKER:]
    assert set(sizes[:-len(tail)]) == {200}
    assert max(tail) - min(tail) <= 1 and max(tail) <= 200 + 200 // len(tail) + 1
    assert [d for shard in shards for d in shard] == documents


def test_fewer_articles_than_tail_shards_give_one_shard_each_and_none_give_no_shard():
    assert [len(shard) for shard in cut_shards(iter(reports(3)), 200, workers=2)] == [1, 1, 1]
    assert list(cut_shards(iter([]), 200, workers=2)) == []

import csv
import sys
from pathlib import Path

import pandas as pd

from analysis.cli import main
from analysis.schema import CASUALTIES

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_cli_writes_every_table_as_csv(tmp_path, capsys):
    assert main([str(SEEDS), "--out", str(tmp_path)]) == 0
    for name in ("documents", "sentences", "mentions", "entities", "casualties", "events", "incidents",
                 "statistics"):
        assert (tmp_path / f"{name}.csv").exists(), name
    documents = pd.read_csv(tmp_path / "documents.csv")
    assert len(documents) == 2
    assert "2 articles analysed" in capsys.readouterr().out

    # List cells are joined as the dashboard's downloads join them, never written as Python reprs.
    entities = pd.read_csv(tmp_path / "entities.csv").set_index("entity")
    assert entities.loc["Taliban", "source_list"] == "Continental Defence; Republic World"
    for path in tmp_path.glob("*.csv"):
        assert "['" not in path.read_text(encoding="utf-8"), path.name

    # Each figure carries the date its sentence is about, as the sentences table dates it.
    casualties = pd.read_csv(tmp_path / "casualties.csv", dtype={"date": str})
    sentences = pd.read_csv(tmp_path / "sentences.csv", dtype={"date": str})
    assert casualties.columns[len(CASUALTIES)] == "date"
    sentence_date = dict(zip(zip(sentences["doc_id"], sentences["sent_id"]), sentences["date"]))
    assert casualties["date"].notna().all()
    assert [sentence_date[key] for key in zip(casualties["doc_id"], casualties["sent_id"])] == casualties["date"].tolist()
    kandahar = casualties[(casualties["location"] == "Kandahar") & (casualties["category"] == "killed")]
    assert set(kandahar["date"]) == {"2021-07-13"}


def test_cli_filters_and_json(tmp_path):
    assert main([str(SEEDS), "--out", str(tmp_path), "--format", "json", "--source", "Republic World"]) == 0
    documents = pd.read_json(tmp_path / "documents.json")
    assert list(documents["source"]) == ["Republic World"]


def test_cli_parquet(tmp_path):
    assert main([str(SEEDS), "--out", str(tmp_path), "--format", "parquet"]) == 0
    assert len(pd.read_parquet(tmp_path / "sentences.parquet")) > 20
    assert "date" in pd.read_parquet(tmp_path / "casualties.parquet").columns


def test_cli_parquet_without_pyarrow_says_how_to_install_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # `import pyarrow` raises ImportError, as when absent
    out = tmp_path / "tables"
    assert main([str(SEEDS), "--out", str(out), "--format", "parquet"]) == 1
    assert 'pip install -e ".[parquet]"' in capsys.readouterr().err
    assert not out.exists()  # refused before any analysis or any file


def test_cli_reports_unreadable_files_and_fails_without_articles(tmp_path, capsys):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    assert main([str(bad), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "empty.txt" in err


def _is_text(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return True
    return False


def test_cli_csv_cells_cannot_run_as_formulas(tmp_path):
    corpus = tmp_path / "hostile.csv"
    pd.DataFrame({
        "title": ['=HYPERLINK("http://evil.example","Kabul")'],
        "source": ["@Wire"],
        "published": ["2021-07-10"],
        "text": ["-Officials said 12 people were killed in Kabul on Friday.\n\n+Taliban fighters denied it."],
    }).to_csv(corpus, index=False)
    out = tmp_path / "out"
    assert main([str(corpus), "--out", str(out)]) == 0
    for path in out.glob("*.csv"):
        for row in csv.reader(path.open(encoding="utf-8")):
            for cell in filter(_is_text, row):  # a number such as -0.67 is a number, not a formula
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (path.name, cell)
    documents = pd.read_csv(out / "documents.csv")
    assert documents.loc[0, "title"] == "'" + '=HYPERLINK("http://evil.example","Kabul")'
    assert documents.loc[0, "source"] == "'@Wire"


def test_cli_reads_files_over_the_upload_limit(tmp_path, capsys):
    """The 20 MB limit per file protects the dashboard from uploads; the command line reads
    any size. Here one short article rides in a CSV padded past the limit by a notes column."""
    from analysis.loading import DEFAULT_MAX_BYTES, load_uploads

    corpus = tmp_path / "big.csv"
    with corpus.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "source", "published", "text", "notes"])
        writer.writerow(["Ferry sinks on Lake Kivu", "Lakeside Bulletin", "2024-03-02",
                         "At least 14 passengers drowned when a ferry sank on Lake Kivu near Goma on "
                         "Friday, the provincial governor said.", "x" * (DEFAULT_MAX_BYTES + 1_000)])
    assert corpus.stat().st_size > DEFAULT_MAX_BYTES
    assert main([str(corpus), "--out", str(tmp_path / "out")]) == 0
    assert "1 articles analysed" in capsys.readouterr().out
    refused = load_uploads([("big.csv", corpus.read_bytes())])
    assert not refused.documents and "over the 20.0 MB limit" in refused.errors[0].reason

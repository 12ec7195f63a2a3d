"""`python -m analysis share`: a corpus published from the command line opens from its printed
link, in the store the dashboard uses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import create_engine

from analysis.cli import main
from analysis.loading import load_corpus
from analysis.sharing import ShareStore, sqlite_url

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT / "seeds"


def printed_links(out: str) -> tuple[str, str]:
    link = next(line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("link: "))
    delete = next(line.split(": ", 1)[1] for line in out.splitlines() if line.startswith("delete link"))
    return link, delete


def token(link: str, key: str) -> str:
    return parse_qs(urlsplit(link).query)[key][0]


def test_share_prints_a_link_that_opens_the_corpus_and_a_delete_link(database_url, capsys):
    assert main(["share", str(SEEDS), "--db", database_url, "--base-url", "https://parallax.example.org/"]) == 0
    out = capsys.readouterr().out
    link, delete = printed_links(out)
    assert "2 articles shared until" in out
    assert link.startswith("https://parallax.example.org/?share=")
    assert delete.startswith("https://parallax.example.org/?unshare=")
    engine = create_engine(database_url)
    try:
        store = ShareStore(engine)
        assert list(store.get(token(link, "share")).documents) == load_corpus([SEEDS]).documents
        assert store.delete(token(delete, "unshare")) is True
    finally:
        engine.dispose()


def test_share_uses_the_data_folder_and_base_url_of_the_environment(tmp_path):
    """As a team runs it: `python -m analysis share` in a fresh process, configured by the
    environment only; the link lands in the SQLite file a dashboard with the same data folder reads."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PARALLAX_DATA_DIR": str(tmp_path / "data"),
           "PARALLAX_BASE_URL": "https://desk.example.net"}
    done = subprocess.run([sys.executable, "-m", "analysis", "share", str(SEEDS)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    link, _ = printed_links(done.stdout)
    assert link.startswith("https://desk.example.net/?share=")
    engine = create_engine(sqlite_url(tmp_path / "data"))
    try:
        assert len(ShareStore(engine).get(token(link, "share")).documents) == 2
    finally:
        engine.dispose()


def test_share_reads_the_database_from_the_dashboards_secrets_file(tmp_path, monkeypatch, capsys):
    database = tmp_path / "team.sqlite3"
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "secrets.toml").write_text(f'[connections.shares]\nurl = "sqlite:///{database}"\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("PARALLAX_DATA_DIR", str(tmp_path / "unused"))
    assert main(["share", str(SEEDS)]) == 0
    link, _ = printed_links(capsys.readouterr().out)
    assert link.startswith("http://localhost:8501/?share=")
    assert database.exists() and not (tmp_path / "unused" / "shares.sqlite3").exists()


def test_share_without_articles_or_database_fails_with_the_reason(tmp_path, capsys):
    (tmp_path / "blank.txt").write_text("  \n")
    assert main(["share", str(tmp_path / "blank.txt"), "--db", f"sqlite:///{tmp_path / 's.sqlite3'}"]) == 1
    assert "blank.txt" in capsys.readouterr().err
    unreachable = f"sqlite:///{tmp_path / 'missing folder' / 's.sqlite3'}"
    assert main(["share", str(SEEDS), "--db", unreachable]) == 1
    assert "not shared: The share database cannot be reached" in capsys.readouterr().err

from datetime import date

import pytest

from analysis.loading import load_corpus
from analysis.loading.candidate import Candidate, Unreadable
from analysis.loading.sidecar import read_sidecar


def parse(make_entry, text: str):
    data = text.encode("utf-8")
    return read_sidecar(data, make_entry("metadata.csv", data))


def test_rows_match_by_name_then_stem_ignoring_case(make_entry):
    text = "file,source,published,url,title\nA_1.TXT,Outlet,2021-07-13,,Title A\nb,Other,,,\n"
    sidecar, errors = parse(make_entry, text)
    assert errors == []
    assert sidecar.lookup("a_1.txt").title == "Title A"
    assert sidecar.lookup("b.html").source == "Other"
    assert sidecar.lookup("c.txt") is None


def test_non_empty_values_override_and_empty_ones_do_not(make_entry):
    sidecar, _ = parse(make_entry, "filename,headline,outlet,date,link\np.html,,Sidecar Outlet,,\n")
    page = Candidate(path="p.html", where="", base_id="p", text="x", title="Page title", published="2020-01-01")
    merged = sidecar.lookup("p.html").apply(page)
    assert (merged.title, merged.source, merged.published) == ("Page title", "Sidecar Outlet", "2020-01-01")


def test_sidecar_without_file_column_is_refused(make_entry):
    with pytest.raises(Unreadable, match="no 'file' column"):
        parse(make_entry, "source,title\nA,B\n")


def test_rows_without_a_file_name_are_reported(make_entry):
    sidecar, [error] = parse(make_entry, "file,title\n,Orphan\na.txt,A\n")
    assert error.reason == "row 1 (line 2): no file name; row ignored"
    assert sidecar.lookup("a.txt").title == "A"


def test_a_broken_sidecar_is_reported_and_its_articles_still_load(tmp_path, reasons):
    (tmp_path / "a.txt").write_text("Body of article A.")
    (tmp_path / "metadata.csv").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    corpus = load_corpus([tmp_path])
    assert [d.doc_id for d in corpus.documents] == ["a"]
    assert reasons(corpus) == {
        "metadata.csv": ["metadata sidecar ignored: binary file: looks like a PNG image, not text"],
    }


def test_a_bad_sidecar_date_names_the_article_which_still_loads(tmp_path, reasons):
    (tmp_path / "a.txt").write_text("Body of article A.")
    (tmp_path / "b.txt").write_text("Body of article B.")
    (tmp_path / "metadata.csv").write_text("file,published\na.txt,9999-99-99\nb.txt,13/07/2021\n")
    corpus = load_corpus([tmp_path])
    assert [d.published for d in corpus.documents] == [None, date(2021, 7, 13)]
    assert reasons(corpus) == {"a.txt": ["date ignored: '9999-99-99' is not a real calendar date"]}


def test_sidecar_does_not_describe_table_rows(tmp_path):
    (tmp_path / "rows.csv").write_text("text\nRow article.\n")
    (tmp_path / "metadata.csv").write_text("file,source\nrows.csv,Should not apply\n")
    [doc] = load_corpus([tmp_path]).documents
    assert doc.source == "Unknown source"


def test_unused_rows_are_told_apart_missing_table_or_repeated(make_entry):
    sidecar, _ = parse(make_entry, "file,title\na.txt,A\nrows.csv,R\na,Again\ngone.html,G\n")
    entries = [make_entry("a.txt"), make_entry("rows.csv"), make_entry("notes.md")]
    reports = sidecar.unused_rows(entries, describes=lambda entry: entry.kind != "csv")
    assert [(e.path, e.reason) for e in reports] == [
        ("folder/metadata.csv", "row 2 (line 3): 'rows.csv' holds its own metadata columns; a row describes only "
                                "single-article files (.txt, .md, .html); row ignored"),
        ("folder/metadata.csv", "row 3 (line 4): an earlier row already describes 'a.txt'; row ignored"),
        ("folder/metadata.csv", "row 4 (line 5): file 'gone.html' not found among the articles next to this "
                                "metadata file; row ignored"),
    ]


def test_rows_with_equal_values_are_still_separate_rows(make_entry):
    sidecar, _ = parse(make_entry, "file,source\na.txt,Wire\nb.txt,Wire\n")
    entries = [make_entry("a.txt"), make_entry("b.txt")]
    assert sidecar.unused_rows(entries, describes=lambda entry: True) == []
    assert [e.reason for e in sidecar.unused_rows(entries[:1], describes=lambda entry: True)] == [
        "row 2 (line 3): file 'b.txt' not found among the articles next to this metadata file; row ignored"]


def test_a_sidecar_with_a_headline_body_header_is_refused_naming_its_columns(make_entry):
    with pytest.raises(Unreadable, match=r"no 'file' column \(found 'headline', 'body'\); it was ignored"):
        parse(make_entry, "headline,body\nH,B\n")

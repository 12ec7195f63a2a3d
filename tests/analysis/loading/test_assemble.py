from datetime import date

from analysis.loading.assemble import assemble
from analysis.loading.candidate import Candidate


def cand(base_id: str, text: str, **fields) -> Candidate:
    path = fields.pop("path", f"{base_id}.txt")
    return Candidate(path=path, where=fields.pop("where", ""), base_id=base_id, text=text, **fields)


def test_ids_stay_unique_when_stems_collide():
    corpus = assemble([cand("a", "One."), cand("a", "Two."), cand("a-2", "Three."), cand("a", "Four.")], [])
    assert [d.doc_id for d in corpus.documents] == ["a", "a-2", "a-2-2", "a-3"]


def test_duplicates_keep_the_first_and_name_it():
    corpus = assemble([
        cand("first", "Same  text\nhere."),
        cand("second", " Same text here. "),
        cand("rows#2", "Same text here.", path="rows.csv", where="row 2 (line 3)"),
        cand("other", "Different text."),
    ], [])
    assert [d.doc_id for d in corpus.documents] == ["first", "other"]
    assert [tuple(e) for e in corpus.errors] == [
        ("second.txt", "duplicate of first"),
        ("rows.csv", "row 2 (line 3): duplicate of first"),
    ]


def test_bad_date_and_url_are_reported_but_the_article_loads():
    corpus = assemble([cand("a", "Body.", published="year zero", url="javascript:alert(1)", source="")], [])
    [doc] = corpus.documents
    assert (doc.published, doc.url, doc.source) == (None, "", "Unknown source")
    assert [e.reason for e in corpus.errors] == [
        "date ignored: 'year zero' is not a date Parallax can read",
        "url ignored: not an http(s) address",
    ]


def test_fields_are_cleaned_and_fallbacks_applied():
    corpus = assemble([
        cand("x", "Headline here\r\n\r\nBody text.", title="  ", url="https://www.example.org/a",
             published="2021-07-13"),
        cand("y", "Just one sentence.", title="Tit\nle", sitename="Example Site"),
    ], [])
    first, second = corpus.documents
    assert (first.title, first.source, first.published, first.text) == (
        "Headline here", "example.org", date(2021, 7, 13), "Headline here\n\nBody text.")
    assert (second.title, second.source) == ("Tit le", "Example Site")


def test_rows_with_blank_text_are_errors_for_that_row():
    corpus = assemble([cand("t#1", " \u200b ", path="t.csv", where="row 1 (line 2)")], [])
    assert corpus.documents == []
    assert [tuple(e) for e in corpus.errors] == [
        ("t.csv", "row 1 (line 2): no text (empty or whitespace only)"),
    ]

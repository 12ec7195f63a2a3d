from analysis.document import LoadError
from analysis.loading import is_note, load_corpus


def test_notes_are_told_apart_from_failures(tmp_path):
    (tmp_path / "rows.csv").write_text(
        "text,published,url\nFirst.,9999-99-99,\nSecond.,,javascript:alert(1)\n,2021-07-13,\n"
    )
    (tmp_path / "a.txt").write_text("")
    corpus = load_corpus([tmp_path])
    assert len(corpus.documents) == 2
    assert [(is_note(e), e.reason) for e in corpus.errors] == [
        (False, "empty file"),
        (False, "row 3 (line 4): no text ('text' is empty)"),
        (True, "row 1 (line 2): date ignored: '9999-99-99' is not a real calendar date"),
        (True, "row 2 (line 3): url ignored: not an http(s) address"),
    ]


def test_a_file_merely_named_like_a_note_is_not_one():
    assert not is_note(LoadError("date ignored: x.txt", "empty file"))
    assert not is_note(LoadError("x.txt", "metadata sidecar ignored: no 'file' column"))

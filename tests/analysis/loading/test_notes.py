import io
import zipfile

import pytest

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


def test_a_reduced_archive_path_is_a_note_and_a_missing_sidecar_file_is_not(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../a.txt", "Climbing article.")
        archive.writestr("metadata.csv", "file,source\na.txt,Wire A\nb.txt,Wire B\n")
    (tmp_path / "up.zip").write_bytes(buffer.getvalue())
    corpus = load_corpus([tmp_path])
    [doc] = corpus.documents
    assert doc.source == "Wire A"
    assert [(is_note(e), e.reason) for e in corpus.errors] == [
        (True, "path reduced: '../a.txt' leads out of its folder; read as 'a.txt'"),
        (False, "row 2 (line 3): file 'b.txt' not found among the articles next to this metadata file; "
                "row ignored"),
    ]


@pytest.mark.parametrize(
    "reason",
    [
        "row 1 (line 2): file 'x: date ignored: y.txt' not found among the articles next to this metadata file",
        "not a readable zip archive (x: path reduced: y)",
        "line 3: malformed JSON at column 2: url ignored: x",
    ],
)
def test_a_failure_quoting_a_note_tag_is_not_a_note(reason):
    assert not is_note(LoadError("metadata.csv", reason))

"""load_uploads: browser uploads in memory, with a sidecar and zip archives."""

import csv
import io
import zipfile
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.document import Corpus, LoadError
from analysis.loading import is_note, load_uploads
from analysis.loading.entries import KINDS


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_uploaded_seeds_with_their_sidecar_match_the_folder(seeds_dir):
    uploads = [(p.name, p.read_bytes()) for p in sorted(seeds_dir.iterdir())]
    corpus = load_uploads(uploads)
    assert corpus.errors == []
    assert [(d.doc_id, d.source, d.published) for d in corpus.documents] == [
        ("000_d7088bed9912e84f", "Republic World", date(2021, 7, 13)),
        ("003_7126b1dd18ba6691", "Continental Defence", None),
    ]


def test_every_format_uploaded(data_dir):
    mixed = data_dir / "mixed"
    uploads = [(p.name, p.read_bytes()) for p in sorted(mixed.rglob("*")) if p.is_file()]
    corpus = load_uploads(uploads)
    assert corpus.errors == []  # README.md and the hidden file are passed over, as in a folder
    assert len(corpus.documents) == 9
    assert {d.doc_id: d.source for d in corpus.documents}["kyiv_strike"] == "Kyiv Independent"


def test_a_zip_upload_with_a_sidecar_inside(seeds_dir):
    members = {f"seeds/{p.name}": p.read_bytes() for p in seeds_dir.iterdir()}
    corpus = load_uploads([("seeds.zip", zip_of(members)), ("extra.txt", b"An extra uploaded article.")])
    assert corpus.errors == []
    assert [(d.doc_id, d.source) for d in corpus.documents] == [
        ("extra", "Unknown source"),  # uploads are read in name order, like a folder
        ("000_d7088bed9912e84f", "Republic World"),
        ("003_7126b1dd18ba6691", "Continental Defence"),
    ]


def test_bad_uploads_are_named_and_the_rest_load():
    corpus = load_uploads([
        ("good.txt", b"A good article."),
        ("empty.txt", b""),
        ("pictures.zip", zip_of({"cat.jpg": b"\xff\xd8\xff\xe0" + bytes(32)})),
        ("hidden_only.zip", zip_of({".DS_Store": b"\x00\x01"})),
        ("fake.zip", b"not a zip at all"),
        ("repost.txt", b"A good article.\n"),
        ("rows.jsonl", b'{"text": "Row one."}\n{bad json}\n'),
    ])
    assert [d.doc_id for d in corpus.documents] == ["good", "rows#1"]
    assert [tuple(e) for e in corpus.errors] == [  # in name order, duplicates once all are read
        ("empty.txt", "empty file"),
        ("fake.zip", "not a readable zip archive (File is not a zip file)"),
        ("hidden_only.zip", "the archive holds no article files"),
        ("pictures.zip/cat.jpg", "unsupported file type '.jpg'; Parallax reads .csv, .htm, .html, .json, "
         ".jsonl, .markdown, .md, .ndjson, .tsv, .txt, .zip"),
        ("rows.jsonl", "line 2: malformed JSON at column 2: Expecting property name enclosed in double quotes"),
        ("repost.txt", "duplicate of good"),
    ]


def test_upload_order_does_not_change_the_corpus(seeds_dir):
    uploads = [(p.name, p.read_bytes()) for p in sorted(seeds_dir.iterdir())]
    assert load_uploads(uploads) == load_uploads(reversed(uploads))


def test_same_name_uploaded_twice_gets_distinct_ids():
    corpus = load_uploads([("a.txt", b"First text."), ("a.txt", b"Second text.")])
    assert [d.doc_id for d in corpus.documents] == ["a", "a-2"]


def test_nothing_is_written_to_disk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    load_uploads([("a.txt", b"Text."), ("b.zip", zip_of({"c.txt": b"More text."}))])
    assert list(tmp_path.iterdir()) == []


NAMES = st.builds(
    lambda folder, stem, ext: folder + stem + ext,
    st.sampled_from(["", "dir/", "../", "..\\", "/etc/", "C:\\"]),
    st.text(min_size=1, max_size=12),
    st.sampled_from([*KINDS, ".png", ""]),
)
CONTENT = st.one_of(
    st.binary(max_size=600),
    st.text(max_size=600).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.sampled_from([b'{"text": ', b'[{"text": 1}]', b"text\n\"", b"file\n", b"<html><p>", b"PK\x03\x04"]),
)


# No deadline: the property is "never raises", and a shared machine makes single-example timings noisy.
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(NAMES, CONTENT), max_size=5))
def test_any_upload_loads_or_is_reported_without_raising(files):
    corpus = load_uploads(files)
    assert isinstance(corpus, Corpus)
    assert all(path and reason for path, reason in corpus.errors)
    ids = [d.doc_id for d in corpus.documents]
    assert len(ids) == len(set(ids))
    assert all(d.text.strip() for d in corpus.documents)


def csv_bytes(rows: list[list[str]], delimiter: str = ",") -> bytes:
    """A table as a spreadsheet or `csv.writer` saves it (quoted where needed, CRLF lines)."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode("utf-8")


def test_a_zip_with_climbing_and_absolute_member_names_loads_every_member(tmp_path, monkeypatch):
    working = tmp_path / "a" / "b"
    working.mkdir(parents=True)
    monkeypatch.chdir(working)  # where "../../x.txt" would land if anything were extracted
    archive = zip_of({
        "../../x.txt": b"An article stored under a climbing path.",
        "..\\y.txt": b"An article stored under a Windows climbing path.",
        "/etc/z.txt": b"An article stored under an absolute path.",
        "C:\\w.txt": b"An article stored under a drive letter.",
        "metadata.csv": csv_bytes([["file", "source"], ["x.txt", "Wire X"]]),
    })
    corpus = load_uploads([("hostile.zip", archive)])
    assert [(d.doc_id, d.source) for d in corpus.documents] == [
        ("x", "Wire X"), ("y", "Unknown source"), ("z", "Unknown source"), ("w", "Unknown source"),
    ]
    assert [(path, reason, is_note(LoadError(path, reason))) for path, reason in corpus.errors] == [
        ("hostile.zip/../../x.txt", "path reduced: '../../x.txt' leads out of its folder; read as 'x.txt'", True),
        ("hostile.zip/..\\y.txt", "path reduced: '..\\y.txt' leads out of its folder; read as 'y.txt'", True),
        ("hostile.zip//etc/z.txt", "path reduced: '/etc/z.txt' is an absolute path; read as 'z.txt'", True),
        ("hostile.zip/C:\\w.txt", "path reduced: 'C:\\w.txt' starts with a drive letter; read as 'w.txt'", True),
    ]
    assert [p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")] == ["a", "a/b"]


def test_two_members_sharing_a_base_name_are_both_loaded():
    archive = zip_of({"a.txt": b"The first article.", "../a.txt": b"The second article, climbing."})
    corpus = load_uploads([("up.zip", archive)])
    assert [(d.doc_id, d.text) for d in corpus.documents] == [
        ("a", "The second article, climbing."), ("a-2", "The first article."),
    ]
    [error] = corpus.errors
    assert error.path == "up.zip/../a.txt" and "another member has that name too; both are read" in error.reason


def test_empty_folders_empty_files_and_unsupported_members_are_each_reported():
    archive = zip_of({
        "news/": b"", "news/a.txt": b"The one readable article.", "news/empty.txt": b"",
        "news/scan.pdf": b"%PDF-1.7", "drafts/": b"", "__MACOSX/news/._a.txt": b"\x00\x05\x16\x07",
    })
    corpus = load_uploads([("up.zip", archive)])
    assert [d.doc_id for d in corpus.documents] == ["a"]
    assert [tuple(e) for e in corpus.errors] == [
        ("up.zip/drafts/", "empty folder in the archive; nothing to read"),
        ("up.zip/news/empty.txt", "empty file"),
        ("up.zip/news/scan.pdf", "unsupported file type '.pdf'; Parallax reads .csv, .htm, .html, .json, "
         ".jsonl, .markdown, .md, .ndjson, .tsv, .txt, .zip"),
    ]
    assert not any(is_note(e) for e in corpus.errors)


def test_a_metadata_row_naming_a_file_that_was_not_uploaded_is_reported():
    corpus = load_uploads([
        ("a.txt", b"Article A."),
        ("metadata.csv", csv_bytes([["file", "source"], ["a.txt", "Wire A"], ["missing.txt", "Wire M"]])),
    ])
    assert [(d.doc_id, d.source) for d in corpus.documents] == [("a", "Wire A")]
    [error] = corpus.errors
    assert tuple(error) == (
        "metadata.csv",
        "row 2 (line 3): file 'missing.txt' not found among the articles next to this metadata file; row ignored",
    )
    assert not is_note(error)


def test_a_metadata_row_inside_a_zip_naming_a_missing_member_names_the_archive():
    archive = zip_of({
        "news/a.txt": b"Article A.",
        "news/metadata.csv": csv_bytes([["file", "title"], ["a.txt", "A"], ["gone.md", "Gone"]]),
    })
    corpus = load_uploads([("up.zip", archive)])
    assert [tuple(e) for e in corpus.errors] == [(
        "up.zip/news/metadata.csv",
        "row 2 (line 3): file 'gone.md' not found among the articles next to this metadata file; row ignored",
    )]


def test_a_headline_body_csv_is_read_with_its_columns_mapped():
    table = csv_bytes([
        ["headline", "body", "outlet", "pubdate", "link"],
        ["Ceasefire holds in the north", "The ceasefire held overnight, officials said.", "Wire A",
         "2024-03-04", "https://wire-a.example/ceasefire"],
    ])
    [doc] = load_uploads([("scrape.csv", table)]).documents
    assert (doc.title, doc.text, doc.source, doc.published, doc.url) == (
        "Ceasefire holds in the north", "The ceasefire held overnight, officials said.", "Wire A",
        date(2024, 3, 4), "https://wire-a.example/ceasefire",
    )


def test_a_csv_without_a_text_column_is_refused_naming_its_columns():
    table = csv_bytes([["Headline", "Summary", "Author"], ["x", "A one-line teaser.", "Someone"]])
    corpus = load_uploads([("teasers.csv", table)])
    assert corpus.documents == []
    assert [tuple(e) for e in corpus.errors] == [(
        "teasers.csv",
        "no text column (looked for text, body, content, article, story, maintext, full_text, article_text, "
        "body_text; found 'Headline', 'Summary', 'Author')",
    )]


def test_a_jsonl_feed_without_a_text_field_is_refused_once_naming_its_fields():
    feed = b'{"headline": "x", "teaser": "Short."}\n{"headline": "y", "teaser": "Shorter.", "by": "Z"}\n'
    corpus = load_uploads([("feed.jsonl", feed)])
    assert corpus.documents == []
    assert [tuple(e) for e in corpus.errors] == [(
        "feed.jsonl",
        "no text field in any object (looked for text, body, content, article, story, maintext, full_text, "
        "article_text, body_text; found 'headline', 'teaser', 'by')",
    )]

"""load_uploads: browser uploads in memory, with a sidecar and zip archives."""

import io
import zipfile
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.document import Corpus
from analysis.loading import load_uploads
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
    lambda stem, ext: stem + ext, st.text(min_size=1, max_size=12), st.sampled_from([*KINDS, ".png", ""])
)
CONTENT = st.one_of(
    st.binary(max_size=600),
    st.text(max_size=600).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.sampled_from([b'{"text": ', b'[{"text": 1}]', b"text\n\"", b"file\n", b"<html><p>", b"PK\x03\x04"]),
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(NAMES, CONTENT), max_size=5))
def test_any_upload_loads_or_is_reported_without_raising(files):
    corpus = load_uploads(files)
    assert isinstance(corpus, Corpus)
    assert all(reason for _, reason in corpus.errors)
    ids = [d.doc_id for d in corpus.documents]
    assert len(ids) == len(set(ids))
    assert all(d.text.strip() for d in corpus.documents)

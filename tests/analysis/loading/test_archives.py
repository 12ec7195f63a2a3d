import io
import zipfile

import pytest

from analysis.loading.archives import ARCHIVE_FACTOR, list_archive, list_uploads
from analysis.loading.candidate import Unreadable


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_archive_members_are_entries_grouped_by_folder():
    data = zip_bytes({
        "corpus/a.txt": b"A.", "corpus/metadata.csv": b"file,title\na.txt,T\n", "corpus/README.md": b"doc",
        "__MACOSX/corpus/._a.txt": b"\x00\x05", "corpus/.DS_Store": b"\x00", "b.txt": b"B.",
    })
    listing = list_archive(data, "up.zip", 1_000_000)
    assert [(e.label, e.folder) for e in listing.entries] == [
        ("up.zip/b.txt", "up.zip"),
        ("up.zip/corpus/a.txt", "up.zip/corpus"),
    ]
    assert list(listing.sidecars) == ["up.zip/corpus"]
    assert listing.entries[1].read() == b"A."


def test_not_a_zip_is_refused():
    with pytest.raises(Unreadable, match="not a readable zip archive"):
        list_archive(b"PK\x03\x04 but then garbage", "x.zip", 1000)


def test_an_archive_expanding_beyond_the_limit_is_refused_before_reading():
    data = zip_bytes({"a.txt": b"a" * 50_000, "b.txt": b"b" * 50_000})  # compresses to almost nothing
    with pytest.raises(Unreadable, match="archive expands to 100.0 kB, over the 50.0 kB limit"):
        list_archive(data, "bomb.zip", 50_000 // ARCHIVE_FACTOR)


def test_a_member_over_the_per_file_limit_fails_on_read():
    data = zip_bytes({"a.txt": b"a" * 5_000})
    [entry] = list_archive(data, "x.zip", 100_000).entries
    over_limit = list_archive(data, "x.zip", 1_000).entries[0]
    assert entry.read() == b"a" * 5_000
    with pytest.raises(Unreadable, match="beyond the 1.0 kB limit per file"):
        over_limit.read()


def test_uploads_are_one_folder_with_their_sidecar_and_no_documentation():
    listing = list_uploads([
        ("a.txt", b"A."), ("metadata.csv", b"file\n"), ("README.md", b"doc"), ("../../etc/b.txt", b"B."),
        (".hidden.txt", b"x"),
    ])
    assert [(e.label, e.folder) for e in listing.entries] == [("a.txt", ""), ("b.txt", "")]
    assert list(listing.sidecars) == [""]


def test_a_sidecar_at_the_archive_root_describes_the_root_files():
    listing = list_archive(zip_bytes({"metadata.csv": b"file\n", "a.txt": b"A."}), "up.zip", 1_000_000)
    assert [(e.label, e.folder) for e in listing.entries] == [("up.zip/a.txt", "up.zip")]
    assert list(listing.sidecars) == ["up.zip"]

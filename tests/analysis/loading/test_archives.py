import io
import zipfile

import pytest

from analysis.loading.archives import ARCHIVE_FACTOR, list_archive, list_uploads, member_path
from analysis.loading.candidate import Unreadable
from analysis.loading.notes import is_note


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


@pytest.mark.parametrize(
    ("stored", "path", "reduced"),
    [
        ("corpus/a.txt", "corpus/a.txt", ""),
        ("corpus\\sub\\a.txt", "corpus/sub/a.txt", ""),
        ("./corpus//a.txt", "corpus/a.txt", ""),
        ("../../x.txt", "x.txt", "leads out of its folder"),
        ("corpus/../../x.txt", "x.txt", "leads out of its folder"),
        ("..\\x.txt", "x.txt", "leads out of its folder"),
        ("/etc/x.txt", "x.txt", "is an absolute path"),
        ("\\\\server\\share\\x.txt", "x.txt", "is an absolute path"),
        ("C:\\x.txt", "x.txt", "starts with a drive letter"),
        ("C:x.txt", "x.txt", "starts with a drive letter"),
    ],
)
def test_member_paths_stay_inside_the_archive(stored, path, reduced):
    where = member_path(stored)
    assert (str(where.path), where.reduced, where.hidden) == (path, reduced, False)


@pytest.mark.parametrize("stored", ["../.DS_Store", "__MACOSX/../a.txt", "/.hidden/a.txt", ".."])
def test_hidden_parts_are_found_behind_climbing_paths(stored):
    assert member_path(stored).hidden


def test_members_that_climb_or_are_absolute_are_read_by_base_name_with_a_note():
    data = zip_bytes({
        "../../x.txt": b"X.", "..\\y.txt": b"Y.", "/etc/abs.txt": b"Abs.", "C:\\drive.txt": b"Drive.",
        "ok/a.txt": b"A.",
    })
    listing = list_archive(data, "up.zip", 1_000_000)
    assert [(e.label, e.name, e.folder, e.read()) for e in listing.entries] == [  # in stored-name order
        ("up.zip/../../x.txt", "x.txt", "up.zip", b"X."),
        ("up.zip/..\\y.txt", "y.txt", "up.zip", b"Y."),
        ("up.zip//etc/abs.txt", "abs.txt", "up.zip", b"Abs."),
        ("up.zip/C:\\drive.txt", "drive.txt", "up.zip", b"Drive."),
        ("up.zip/ok/a.txt", "a.txt", "up.zip/ok", b"A."),
    ]
    assert [tuple(e) for e in listing.errors] == [
        ("up.zip/../../x.txt", "path reduced: '../../x.txt' leads out of its folder; read as 'x.txt'"),
        ("up.zip/..\\y.txt", "path reduced: '..\\y.txt' leads out of its folder; read as 'y.txt'"),
        ("up.zip//etc/abs.txt", "path reduced: '/etc/abs.txt' is an absolute path; read as 'abs.txt'"),
        ("up.zip/C:\\drive.txt", "path reduced: 'C:\\drive.txt' starts with a drive letter; read as 'drive.txt'"),
    ]
    assert all(is_note(error) for error in listing.errors)


def test_a_reduced_member_that_now_shares_a_name_is_kept_and_the_note_says_so():
    listing = list_archive(zip_bytes({"a.txt": b"First.", "../a.txt": b"Second.", "../b.txt": b"B."}),
                           "up.zip", 1_000_000)
    assert sorted((e.label, e.name, e.folder) for e in listing.entries) == [
        ("up.zip/../a.txt", "a.txt", "up.zip"),
        ("up.zip/../b.txt", "b.txt", "up.zip"),
        ("up.zip/a.txt", "a.txt", "up.zip"),
    ]
    assert [e.reason for e in listing.errors] == [
        "path reduced: '../a.txt' leads out of its folder; read as 'a.txt' "
        "(another member has that name too; both are read)",
        "path reduced: '../b.txt' leads out of its folder; read as 'b.txt'",
    ]


def test_an_empty_folder_is_reported_and_folders_with_files_or_litter_are_not():
    data = zip_bytes({
        "full/": b"", "full/a.txt": b"A.", "nested/": b"", "nested/deeper/": b"", "nested/deeper/b.txt": b"B.",
        "empty/": b"", "__MACOSX/": b"", ".git/": b"",
    })
    listing = list_archive(data, "up.zip", 1_000_000)
    assert [e.label for e in listing.entries] == ["up.zip/full/a.txt", "up.zip/nested/deeper/b.txt"]
    assert [tuple(e) for e in listing.errors] == [("up.zip/empty/", "empty folder in the archive; nothing to read")]
    assert not is_note(listing.errors[0])


def test_an_upload_named_with_a_climbing_path_gets_a_note_and_a_folder_path_does_not():
    listing = list_uploads([("../../etc/b.txt", b"B."), ("corpus/a.txt", b"A."), ("C:\\c.txt", b"C.")])
    assert [e.label for e in listing.entries] == ["a.txt", "b.txt", "c.txt"]
    assert [tuple(e) for e in listing.errors] == [
        ("b.txt", "path reduced: '../../etc/b.txt' leads out of its folder; read as 'b.txt'"),
        ("c.txt", "path reduced: 'C:\\c.txt' starts with a drive letter; read as 'c.txt'"),
    ]

"""Zip archives of articles, read in memory, and browser uploads, which are folders in effect.

An archive is a folder: the same skipping rules, one sidecar per folder inside it. It is read
with limits so that a small upload cannot expand into gigabytes: each member at most the per-file
limit, the whole archive at most `ARCHIVE_FACTOR` times it, at most `MAX_MEMBERS` members.
Archives inside archives are not opened.

Nothing is written to disk, so a member named `../../x.txt`, `..\\x.txt`, `/etc/x.txt` or
`C:\\x.txt` endangers nothing; such a path is still not a folder of the archive, so the member
is read by its base name at the archive's top level, with a "path reduced" note (an upload's
name likewise). Directory entries are structure, not content: their files are members of their
own. Only a directory with no member under it is reported (it may have been meant to hold
articles). Hidden members and archiver litter (`__MACOSX/`, `.DS_Store`) are skipped without a
word, as in a folder (see `entries.is_hidden`).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath

from analysis.document import LoadError
from analysis.loading.candidate import Unreadable
from analysis.loading.entries import (
    Entry,
    Listing,
    human_size,
    is_hidden,
    is_sidecar,
    skipped_in_folder,
)
from analysis.loading.notes import PATH_REDUCED, note

ARCHIVE_FACTOR = 10
MAX_MEMBERS = 20_000

_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class MemberPath:
    """Where a stored name puts a file: `path` is relative and stays inside its container;
    `reduced` says why the stored name could not be kept as it was ("" when it was kept)."""

    path: PurePosixPath
    reduced: str
    hidden: bool

    @property
    def name(self) -> str:
        return self.path.name


def member_path(raw: str) -> MemberPath:
    """The safe path of a stored name: Windows separators read as "/", "." parts dropped, and a
    name that is absolute, starts with a drive or climbs with ".." reduced to its base name."""
    unified = raw.replace("\\", "/")
    parts = [part for part in unified.split("/") if part not in ("", ".")]
    hidden = any(is_hidden(part) for part in parts if part != "..")
    if unified.startswith("/"):
        reduced = "is an absolute path"
    elif parts and _DRIVE.match(parts[0]):
        reduced = "starts with a drive letter"
        parts[0] = parts[0][2:]
    elif ".." in parts:
        reduced = "leads out of its folder"
    else:
        return MemberPath(PurePosixPath(*parts), "", hidden)
    base = next((part for part in reversed(parts) if part and part != ".."), "")
    return MemberPath(PurePosixPath(base), reduced, hidden or not base)


def reduced_note(raw: str, where: MemberPath) -> str:
    """The note for a stored name read by its base name."""
    return note(f"'{raw}' {where.reduced}; read as '{where.name}'", PATH_REDUCED)


def _member_reader(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> Callable[[], bytes]:
    def read() -> bytes:
        try:
            with archive.open(info) as stream:
                data = stream.read(limit + 1)  # never trust the declared size alone
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, EOFError, OSError, zlib.error) as exc:
            raise Unreadable(f"damaged or unsupported archive member ({exc})") from None
        if len(data) > limit:
            raise Unreadable(f"expands beyond the {human_size(limit)} limit per file")
        return data

    return read


def _open_archive(data: bytes, max_bytes: int) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
    """The archive and its members, refusing what is not a zip or would expand too far."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise Unreadable(f"not a readable zip archive ({exc})") from None
    if len(members) > MAX_MEMBERS:
        raise Unreadable(f"archive holds {len(members)} files, more than {MAX_MEMBERS}")
    total = sum(info.file_size for info in members)
    if total > ARCHIVE_FACTOR * max_bytes:
        raise Unreadable(
            f"archive expands to {human_size(total)}, over the {human_size(ARCHIVE_FACTOR * max_bytes)} limit"
        )
    return archive, sorted(members, key=lambda info: info.filename)


def list_archive(data: bytes, label: str, max_bytes: int) -> Listing:
    """The article entries of a zip archive held in memory; `Unreadable` if it is not one."""
    archive, members = _open_archive(data, max_bytes)
    listing = Listing()
    reduced: list[tuple[Entry, str, MemberPath]] = []
    for info in members:
        where = member_path(info.filename)
        if info.is_dir() or where.hidden:
            continue
        folder = f"{label}/{where.path.parent}" if str(where.path.parent) != "." else label
        entry = Entry(
            label=f"{label}/{info.filename if where.reduced else where.path}",
            name=where.name,
            folder=folder,
            size=info.file_size,
            read=_member_reader(archive, info, max_bytes),
        )
        if where.reduced:
            reduced.append((entry, info.filename, where))
        if info.flag_bits & 0x1:
            listing.errors.append(LoadError(entry.label, "encrypted archive member; cannot be read"))
        elif is_sidecar(where.name):
            listing.sidecars.setdefault(folder, entry)
        elif not skipped_in_folder(where.name):
            listing.entries.append(entry)
    listing.errors.extend(_reduced_notes(reduced, listing.entries))
    listing.errors.extend(_empty_folders(members, label))
    return listing


def _reduced_notes(reduced: list[tuple[Entry, str, MemberPath]], entries: list[Entry]) -> list[LoadError]:
    """A note per reduced member, saying so when its base name is now shared with another."""
    names = Counter((entry.folder, entry.name.lower()) for entry in entries)
    notes = []
    for entry, raw, where in reduced:
        reason = reduced_note(raw, where)
        if names[(entry.folder, entry.name.lower())] > 1:
            reason += " (another member has that name too; both are read)"
        notes.append(LoadError(entry.label, reason))
    return notes


def _empty_folders(members: list[zipfile.ZipInfo], label: str) -> list[LoadError]:
    """Directory entries that no member lives under, which are not hidden."""
    occupied: set[str] = set()  # every folder some member sits in, with its trailing "/"
    for info in members:
        name = info.filename.replace("\\", "/").rstrip("/")
        occupied.update(name[: cut + 1] for cut, char in enumerate(name) if char == "/")
    return [
        LoadError(f"{label}/{info.filename}", "empty folder in the archive; nothing to read")
        for info in members
        if info.is_dir()
        and info.filename.replace("\\", "/") not in occupied
        and not member_path(info.filename).hidden
    ]


def list_uploads(files: Iterable[tuple[str, bytes]], root: str = "") -> Listing:
    """Uploaded (name, bytes) pairs as one folder: a browser picks files out of a folder, so a
    name's folder part is dropped (with a note when it was absolute or climbed with ".."). Like
    a folder's, they are read in name order, so ids and "duplicate of" do not depend on the
    order in which the visitor picked the files."""
    listing = Listing()
    named = [(member_path(str(raw)), str(raw), data) for raw, data in files]
    for where, raw, data in sorted(named, key=lambda item: (item[0].name or "upload", item[1])):
        name = where.name or "upload"
        entry = Entry(label=name, name=name, folder=root, size=len(data), read=lambda data=data: bytes(data))
        if where.reduced:
            listing.errors.append(LoadError(name, reduced_note(raw, where)))
        if is_sidecar(name):
            listing.sidecars.setdefault(root, entry)
        elif not skipped_in_folder(name):
            listing.entries.append(entry)
    return listing

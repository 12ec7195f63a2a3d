"""Zip archives of articles, read in memory, and browser uploads, which are folders in effect.

An archive is a folder: the same skipping rules, one sidecar per folder inside it. It is read
with limits so that a small upload cannot expand into gigabytes: each member at most the per-file
limit, the whole archive at most `ARCHIVE_FACTOR` times it, at most `MAX_MEMBERS` members.
Archives inside archives are not opened.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

from analysis.document import LoadError
from analysis.loading.candidate import Unreadable
from analysis.loading.entries import Entry, Listing, human_size, is_hidden, is_sidecar, skipped_in_folder

ARCHIVE_FACTOR = 10
MAX_MEMBERS = 20_000


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


def list_archive(data: bytes, label: str, max_bytes: int) -> Listing:
    """The article entries of a zip archive held in memory; `Unreadable` if it is not one."""
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
    listing = Listing()
    for info in sorted(members, key=lambda i: i.filename):
        if info.is_dir():
            continue
        member = PurePosixPath(info.filename.replace("\\", "/"))
        if any(is_hidden(part) for part in member.parts):
            continue
        folder = f"{label}/{member.parent}" if str(member.parent) != "." else label
        entry = Entry(
            label=f"{label}/{member}",
            name=member.name,
            folder=folder,
            size=info.file_size,
            read=_member_reader(archive, info, max_bytes),
        )
        if info.flag_bits & 0x1:
            listing.errors.append(LoadError(entry.label, "encrypted archive member; cannot be read"))
        elif is_sidecar(member.name):
            listing.sidecars.setdefault(folder, entry)
        elif not skipped_in_folder(member.name):
            listing.entries.append(entry)
    return listing


def list_uploads(files: Iterable[tuple[str, bytes]], root: str = "") -> Listing:
    """Uploaded (name, bytes) pairs as one folder: a browser picks files out of a folder. Like
    a folder's, they are read in name order, so ids and "duplicate of" do not depend on the
    order in which the visitor picked the files."""
    listing = Listing()
    named = [(PurePosixPath(str(raw).replace("\\", "/")).name or "upload", data) for raw, data in files]
    for name, data in sorted(named, key=lambda pair: pair[0]):
        entry = Entry(label=name, name=name, folder=root, size=len(data), read=lambda data=data: bytes(data))
        if is_sidecar(name):
            listing.sidecars.setdefault(root, entry)
        elif not skipped_in_folder(name):
            listing.entries.append(entry)
    return listing

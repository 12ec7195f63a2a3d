"""Files and folders on disk to entries.

A folder is read recursively in sorted order (files of a folder before its subfolders), skipping
hidden files and folders, OS litter, the folder's documentation (README, LICENSE, ...) and its
`metadata.csv`, which is kept as the sidecar of that folder. A file named on its own is read
whatever its name, with the sidecar of the folder it sits in (the rest of that folder is not
listed, so the sidecar's other rows are not reported missing). The same file reached twice is
read once. A path that does not exist, or a folder with nothing to read, is reported.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from analysis.document import LoadError
from analysis.loading.entries import Entry, Listing, is_hidden, is_sidecar, skipped_in_folder


def _file_entry(path: Path, label: str, size: int) -> Entry:
    return Entry(label=label, name=path.name, folder=str(path.parent), size=size, read=path.read_bytes)


def list_paths(paths: Iterable[str | os.PathLike]) -> Listing:
    """Entries for every readable-looking file under `paths`, plus each folder's sidecar."""
    collector = _Collector()
    for raw in paths:
        try:
            label = os.fspath(raw)
            if not isinstance(label, str):
                raise TypeError("bytes path")
            path = Path(label)
            is_file, is_dir = path.is_file(), path.is_dir()
        except (TypeError, ValueError) as exc:
            collector.fail(repr(raw), f"not a usable path ({exc})")
            continue
        if is_file and is_sidecar(path.name):
            collector.add_sidecar(path.parent)  # describes its folder; not an article
            collector.named_alone.add(str(path.parent))
        elif is_file:
            collector.add_file(path, label)
            collector.add_sidecar(path.parent)
            collector.named_alone.add(str(path.parent))
        elif is_dir:
            collector.walk(path, label)
        elif path.is_symlink():
            collector.fail(label, "broken link")
        elif path.exists():
            collector.fail(label, "not a regular file or folder")
        else:
            collector.fail(label, "no such file or folder")
    collector.listing.partial_folders = collector.named_alone - collector.walked
    return collector.listing


@dataclass
class _Collector:
    """The listing being built, and the real paths already in it (a file is read once)."""

    listing: Listing = field(default_factory=Listing)
    seen: set[str] = field(default_factory=set)
    named_alone: set[str] = field(default_factory=set)  # folders of files named on their own
    walked: set[str] = field(default_factory=set)

    def fail(self, label: str, reason: str) -> None:
        self.listing.errors.append(LoadError(label, reason))

    def add_file(self, path: Path, label: str) -> None:
        try:
            real = os.path.realpath(path)
            size = path.stat().st_size
        except OSError as exc:
            self.fail(label, f"cannot read: {exc.strerror or exc}")
            return
        if real not in self.seen:
            self.seen.add(real)
            self.listing.entries.append(_file_entry(path, label, size))

    def add_sidecar(self, folder: Path, names: Iterable[str] | None = None) -> None:
        key = str(folder)
        if key in self.listing.sidecars:
            return
        if names is None:
            try:
                names = os.listdir(folder)
            except OSError:
                return
        name = next((n for n in sorted(names) if is_sidecar(n)), None)
        if name is None:
            return
        sidecar = folder / name
        try:
            if sidecar.is_file():
                self.listing.sidecars[key] = _file_entry(sidecar, str(sidecar), sidecar.stat().st_size)
        except OSError:
            return

    def walk(self, folder: Path, label: str) -> None:
        def unreadable(exc: OSError) -> None:
            self.fail(exc.filename or label, f"cannot read folder: {exc.strerror or exc}")

        found = 0
        for root, dirs, files in os.walk(folder, onerror=unreadable):
            dirs[:] = sorted(d for d in dirs if not is_hidden(d))
            root_path = Path(root)
            self.walked.add(str(root_path))
            for name in sorted(files):
                if not skipped_in_folder(name):
                    found += 1
                    self.add_file(root_path / name, os.path.join(root, name))
            self.add_sidecar(root_path, files)
        if not found:
            self.fail(label, "no article files in this folder")

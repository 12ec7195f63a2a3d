"""What a loader sees before reading anything: named byte sources, and which names are articles.

Files on disk, browser uploads and members of a zip archive all become an `Entry`, so every
format reader works the same way whatever the bytes came from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from analysis.document import LoadError

SIDECAR_NAME = "metadata.csv"

# Kind of reader per file extension (lower-case, with the dot).
KINDS: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".tsv": "tsv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".zip": "zip",
}
SUPPORTED = ", ".join(sorted(KINDS))

# A folder's documentation (README.md, LICENSE, ...) describes the corpus; it is not an article.
# Only applied inside folders, archives and uploads: a documentation file named on its own is read.
DOCUMENTATION_STEMS = frozenset({"readme", "license", "licence", "changelog", "contributing"})
# Litter that operating systems and archivers leave in folders.
SYSTEM_LITTER = frozenset({"thumbs.db", "desktop.ini", "__macosx"})


@dataclass(frozen=True)
class Entry:
    """One file to read. `label` names it in error messages; `folder` groups it with the
    metadata sidecar that describes it; `read` fetches the bytes only when they are needed."""

    label: str
    name: str
    folder: str
    size: int
    read: Callable[[], bytes]

    @property
    def stem(self) -> str:
        return PurePosixPath(self.name).stem or self.name

    @property
    def kind(self) -> str | None:
        return kind_of(self.name)


def human_size(size: int) -> str:
    """A byte count for messages: "512 bytes", "12.3 kB", "50.0 MB"."""
    if size < 1_000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{size / 1_000:.1f} kB"
    return f"{size / 1_000_000:.1f} MB"


def kind_of(name: str) -> str | None:
    """The reader kind for a file name, or None when Parallax does not read that format."""
    return KINDS.get(PurePosixPath(name).suffix.lower())


def is_hidden(name: str) -> bool:
    """Dot-files and OS litter (.DS_Store, __MACOSX/ resource forks, Thumbs.db) are never
    articles: the system or archiver wrote them, not the person choosing the files, and a
    zip made on a Mac holds one per file. They are skipped without a word."""
    return name.startswith(".") or name.lower() in SYSTEM_LITTER


def is_documentation(name: str) -> bool:
    """README/LICENSE-style files document a folder of articles rather than being one."""
    return PurePosixPath(name).stem.lower() in DOCUMENTATION_STEMS


def is_sidecar(name: str) -> bool:
    return name.lower() == SIDECAR_NAME


def skipped_in_folder(name: str) -> bool:
    """True for names a folder walk, an archive or an upload passes over silently."""
    return is_hidden(name) or is_documentation(name) or is_sidecar(name)


@dataclass
class Listing:
    """Entries found under some inputs, the sidecar per folder, and inputs that were unusable.

    `partial_folders` are folders of which only some files were named (a lone file with its
    folder's sidecar): there, a sidecar row naming a file not listed is no sign of a missing file.
    """

    entries: list[Entry] = field(default_factory=list)
    sidecars: dict[str, Entry] = field(default_factory=dict)
    errors: list[LoadError] = field(default_factory=list)
    partial_folders: set[str] = field(default_factory=set)

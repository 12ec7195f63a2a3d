"""Loading a corpus: folders, files and browser uploads in; `Corpus` (documents + errors) out.

    load_corpus(["seeds/"])                      # folders and files on disk
    load_uploads([("a.txt", b"..."), ...])       # browser uploads; nothing touches the disk

Formats: .txt/.md (described by a `metadata.csv` sidecar in the same folder), .html/.htm
(trafilatura), .csv/.tsv/.jsonl/.json (one article per row or object), .zip of any of these.
Bad input never raises, and nothing is dropped in silence: each unreadable file or row, and
each `metadata.csv` row naming no file, is a `LoadError(path, reason)` (an archive member's path
is "archive.zip/member"). A value dropped from an article that did load (an absurd date, a
javascript: URL) and an archive path reduced to its base name are `LoadError`s too, which
`is_note` tells apart. Accepted column names: `records.ALIASES`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from analysis.document import Corpus
from analysis.loading.archives import list_uploads
from analysis.loading.notes import is_note
from analysis.loading.pipeline import DEFAULT_MAX_BYTES, load_listing
from analysis.loading.walking import list_paths

__all__ = ["DEFAULT_MAX_BYTES", "is_note", "load_corpus", "load_uploads"]


def load_corpus(paths: Iterable[str | os.PathLike], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Corpus:
    """Read articles from folders (recursively) and files; `max_bytes` caps each file."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # a lone path is a common slip; treat it as a list of one
    return load_listing(list_paths(paths), max_bytes)


def load_uploads(files: Iterable[tuple[str, bytes]], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Corpus:
    """Read uploaded (file name, content) pairs as one folder: a `metadata.csv` among them
    describes the uploaded articles, and a .zip is opened as a folder of its own."""
    return load_listing(list_uploads(files), max_bytes)

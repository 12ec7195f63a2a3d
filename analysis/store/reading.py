"""Articles from files of any size, a batch at a time.

analysis.loading reads a file whole and caps it at 20 MB, which suits browser uploads. A store
is built from corpora of any size: a large JSON Lines file is read here in chunks of lines,
each chunk through the same reader (analysis.loading.jsonfiles), so its articles, their ids and
the problems reported are those a whole read would give, and memory holds one chunk. Other
files are read whole, without the cap, with their folders' metadata sidecars.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from analysis.document import Document, LoadError
from analysis.loading.assemble import assemble, text_fingerprint, unique_id
from analysis.loading.candidate import Candidate, Unreadable
from analysis.loading.entries import Entry, Listing
from analysis.loading.fields import clean_text
from analysis.loading.jsonfiles import read_jsonl
from analysis.loading.pipeline import read_listing
from analysis.loading.walking import list_paths

STREAM_ABOVE = 8_000_000  # bytes: a JSON Lines file larger than this is read in chunks
CHUNK_BYTES = 4_000_000  # about a thousand articles of a few thousand characters
WHOLE_READ_LIMIT = 200_000_000  # other files read at once (with sidecar checks) up to this total
NO_CAP = sys.maxsize
_LINE = re.compile(r"^line (\d+)")


@dataclass
class Batch:
    """Articles read together and the problems met reading them."""

    documents: list[Document] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)


class _Settler:
    """Ids and duplicates settled across batches, as analysis.loading settles them in one read:
    the first copy of a text is kept, and an id already taken gets a -2, -3 ... suffix."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.texts: dict[bytes, str] = {}

    def settle(self, candidates: list[Candidate], errors: list[LoadError]) -> Batch:
        fresh = []
        for candidate in candidates:  # a copy of an earlier batch's article, reported as a whole read does
            first = self.texts.get(text_fingerprint(clean_text(candidate.text)))
            if first is None:
                fresh.append(candidate)
            else:
                errors.append(LoadError(candidate.path, candidate.locate(f"duplicate of {first}")))
        corpus = assemble(fresh, errors)
        batch = Batch(errors=corpus.errors)
        for document in corpus.documents:
            doc_id = unique_id(document.doc_id, self.taken)
            self.texts[text_fingerprint(document.text)] = doc_id
            batch.documents.append(document if doc_id == document.doc_id else replace(document, doc_id=doc_id))
        return batch


def stream_corpus(paths: Iterable[str], *, chunk_bytes: int = CHUNK_BYTES,
                  stream_above: int = STREAM_ABOVE) -> Iterator[Batch]:
    """Batches of articles from `paths` (files and folders), in the order analysis.loading
    reads them; every unreadable file, line or row is an error of some batch."""
    listing = list_paths(paths)
    settler = _Settler()
    streamed = [e for e in listing.entries if e.kind == "jsonl" and e.size > stream_above]
    whole = [e for e in listing.entries if e not in streamed]
    yield from _read_whole(listing, whole, settler)
    for entry in streamed:
        yield from _read_chunks(entry, chunk_bytes, settler)


def _read_whole(listing: Listing, entries: list[Entry], settler: _Settler) -> Iterator[Batch]:
    """The files read at once: all together (sidecar rows naming no file reported) when they
    are small, else a few at a time."""
    if sum(e.size for e in entries) <= WHOLE_READ_LIMIT:
        groups = [entries]
    else:
        groups, group, size = [], [], 0
        for entry in entries:
            if group and size + entry.size > WHOLE_READ_LIMIT:
                groups.append(group)
                group, size = [], 0
            group.append(entry)
            size += entry.size
        groups.append(group)
    folders = {e.folder for e in entries}
    for i, group in enumerate(groups):
        part = Listing(entries=group, sidecars=listing.sidecars, errors=listing.errors if i == 0 else [],
                       partial_folders=listing.partial_folders if len(groups) == 1 else folders)
        candidates, errors = read_listing(part, NO_CAP)
        yield settler.settle(candidates, errors)


def _read_chunks(entry: Entry, chunk_bytes: int, settler: _Settler) -> Iterator[Batch]:
    """A JSON Lines file a chunk of whole lines at a time, numbered as in the whole file."""
    path = Path(entry.folder) / entry.name
    first_line = 1
    try:
        with path.open("rb") as handle:
            while True:
                lines = handle.readlines(chunk_bytes)
                if not lines:
                    break
                yield settler.settle(*_read_chunk(entry, b"".join(lines), first_line))
                first_line += len(lines)
    except OSError as exc:
        yield Batch(errors=[LoadError(entry.label, f"cannot read: {exc.strerror or exc}")])


def _read_chunk(entry: Entry, data: bytes, first_line: int) -> tuple[list[Candidate], list[LoadError]]:
    shift = first_line - 1
    if not data.strip():
        return [], []
    try:
        candidates, errors = read_jsonl(data, entry)
    except Unreadable as exc:
        last = shift + data.count(b"\n") + (not data.endswith(b"\n"))
        return [], [LoadError(entry.label, f"lines {first_line}-{last}: {exc}")]
    except Exception as exc:  # a reader bug must not stop the other chunks
        return [], [LoadError(entry.label, f"lines from {first_line}: could not be read ({type(exc).__name__}: {exc})")]
    moved = [replace(c, where=_shifted(c.where, shift), base_id=f"{entry.stem}#{_number(c.where) + shift}")
             for c in candidates]
    return moved, [LoadError(e.path, _shifted(e.reason, shift)) for e in errors]


def _number(where: str) -> int:
    found = _LINE.match(where)
    return int(found.group(1)) if found else 0


def _shifted(text: str, shift: int) -> str:
    """ "line 3: ..." of a chunk as the line of the whole file."""
    return _LINE.sub(lambda m: f"line {int(m.group(1)) + shift}", text, count=1)

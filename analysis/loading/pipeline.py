"""From a listing of entries to a corpus: size limit, reader by extension, sidecar, assembly.

Every failure becomes a `LoadError` naming the file (for an archive member, the archive and the
member: "up.zip/corpus/a.txt"); one bad file never stops the others.
"""

from __future__ import annotations

from collections.abc import Callable

from analysis.document import Corpus, LoadError
from analysis.loading.archives import list_archive
from analysis.loading.assemble import assemble
from analysis.loading.candidate import Candidate, Unreadable
from analysis.loading.entries import SUPPORTED, Entry, Listing, human_size
from analysis.loading.html import read_html
from analysis.loading.jsonfiles import read_json, read_jsonl
from analysis.loading.plain import read_markdown, read_text
from analysis.loading.sidecar import Sidecar, read_sidecar
from analysis.loading.tables import read_table

# 20 MB per file: a 100,000-word article is under 1 MB and a CSV of several thousand articles
# fits; a text file beyond it is a dump, not an article, and would stall the analysis.
DEFAULT_MAX_BYTES = 20_000_000

Found = tuple[list[Candidate], list[LoadError]]
Reader = Callable[[bytes, Entry], Found]


def _single(read: Callable[[bytes, Entry], list[Candidate]]) -> Reader:
    return lambda data, entry: (read(data, entry), [])


READERS: dict[str, Reader] = {
    "text": _single(read_text),
    "markdown": _single(read_markdown),
    "html": _single(read_html),
    "csv": read_table,
    "tsv": read_table,
    "jsonl": read_jsonl,
    "json": read_json,
}
# Formats holding one article, which a sidecar row can describe.
SINGLE_ARTICLE = frozenset({"text", "markdown", "html"})


def load_listing(listing: Listing, max_bytes: int) -> Corpus:
    """Read every entry of a listing and settle the documents."""
    candidates, errors = read_listing(listing, max_bytes)
    return assemble(candidates, errors)


def read_listing(listing: Listing, max_bytes: int, *, in_archive: bool = False) -> Found:
    """Candidates and errors from every entry of a listing, in listing order."""
    errors = list(listing.errors)
    sidecars = _read_sidecars(listing, max_bytes, errors)
    candidates: list[Candidate] = []
    for entry in listing.entries:
        try:
            found, problems = _read_entry(entry, sidecars.get(entry.folder), max_bytes, in_archive)
        except Unreadable as exc:
            errors.append(LoadError(entry.label, str(exc)))
        except Exception as exc:
            errors.append(LoadError(entry.label, f"could not be read ({type(exc).__name__}: {exc})"))
        else:
            candidates.extend(found)
            errors.extend(problems)
    errors.extend(_unused_sidecar_rows(listing, sidecars))
    return candidates, errors


def _describes(entry: Entry) -> bool:
    return entry.kind in SINGLE_ARTICLE


def _unused_sidecar_rows(listing: Listing, sidecars: dict[str, Sidecar]) -> list[LoadError]:
    """Sidecar rows that describe no file of their folder, where the whole folder was listed."""
    by_folder: dict[str, list[Entry]] = {}
    for entry in listing.entries:
        by_folder.setdefault(entry.folder, []).append(entry)
    reports: list[LoadError] = []
    for folder, sidecar in sidecars.items():
        if folder not in listing.partial_folders:
            reports.extend(sidecar.unused_rows(by_folder.get(folder, []), _describes))
    return reports


def _read_entry(entry: Entry, sidecar: Sidecar | None, max_bytes: int, in_archive: bool) -> Found:
    kind = entry.kind
    if kind is None:
        suffix = entry.name.rpartition(".")[2] if "." in entry.name else ""
        shown = f"'.{suffix}'" if suffix else "(no extension)"
        raise Unreadable(f"unsupported file type {shown}; Parallax reads {SUPPORTED}")
    data = _fetch(entry, max_bytes)
    if kind == "zip":
        if in_archive:
            raise Unreadable("an archive inside an archive is not opened")
        inner = list_archive(data, entry.label, max_bytes)
        found, problems = read_listing(inner, max_bytes, in_archive=True)
        if not found and not problems:
            raise Unreadable("the archive holds no article files")
        return found, problems
    found, problems = READERS[kind](data, entry)
    meta = sidecar.lookup(entry.name) if sidecar and _describes(entry) else None
    if meta is not None:
        found = [meta.apply(candidate) for candidate in found]
    return found, problems


def _fetch(entry: Entry, max_bytes: int) -> bytes:
    """The entry's bytes, refusing a file over the limit before reading it."""
    limit = human_size(max_bytes)
    if entry.size > max_bytes:
        raise Unreadable(f"file is {human_size(entry.size)}, over the {limit} limit per file")
    try:
        data = entry.read()
    except OSError as exc:
        raise Unreadable(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:  # grew since it was listed
        raise Unreadable(f"file is {human_size(len(data))}, over the {limit} limit per file")
    return data


def _read_sidecars(listing: Listing, max_bytes: int, errors: list[LoadError]) -> dict[str, Sidecar]:
    """Each folder's sidecar; a bad one is reported and its folder loads without metadata."""
    found: dict[str, Sidecar] = {}
    for folder, entry in listing.sidecars.items():
        try:
            found[folder], problems = read_sidecar(_fetch(entry, max_bytes), entry)
        except Unreadable as exc:
            errors.append(LoadError(entry.label, f"metadata sidecar ignored: {exc}"))
        except Exception as exc:
            errors.append(LoadError(entry.label, f"metadata sidecar ignored: {type(exc).__name__}: {exc}"))
        else:
            errors.extend(problems)
    return found

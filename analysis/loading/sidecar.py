"""`metadata.csv`: what is known about the article files of one folder.

Columns: `file` (the article's file name; the `file` aliases of `records.ALIASES` also accepted)
and any of `source`, `published`, `url`, `title` (with their aliases); any cell may be empty.
A row applies to the single-article files (.txt, .md, .html) of the same folder, matched by file
name, else by name without extension, ignoring case. A non-empty cell overrides what an HTML
page says itself. A row that applies to no file is reported against the sidecar, by row and file
name: the file is missing, or it is a table (whose rows carry their own metadata), or an earlier
row already describes it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from analysis.document import LoadError
from analysis.loading.candidate import Candidate, Unreadable
from analysis.loading.entries import Entry
from analysis.loading.plain import text_of
from analysis.loading.records import ALIASES, as_line, column_key, pick, shown_names
from analysis.loading.tables import TableError, guess_delimiter, table_rows


@dataclass(frozen=True, eq=False)
class Metadata:
    """One sidecar row, raw: the date is parsed (and reported) with the article it belongs to.
    Compared by identity, so that a row can be told from another with the same values."""

    title: str = ""
    source: str = ""
    published: str = ""
    url: str = ""

    def apply(self, candidate: Candidate) -> Candidate:
        """The candidate with every non-empty sidecar value taking precedence."""
        changes = {
            name: getattr(self, name)
            for name in ("title", "source", "published", "url")
            if getattr(self, name).strip()
        }
        return replace(candidate, **changes)


@dataclass(frozen=True)
class SidecarRow:
    """A row as written, kept to report it by place and name when it describes no file."""

    where: str
    name: str
    meta: Metadata


def _stem(name: str) -> str:
    return PurePosixPath(name.lower()).stem


@dataclass
class Sidecar:
    """Sidecar rows by lower-cased file name and by lower-cased stem (the first row wins)."""

    label: str
    by_name: dict[str, Metadata] = field(default_factory=dict)
    by_stem: dict[str, Metadata] = field(default_factory=dict)
    rows: list[SidecarRow] = field(default_factory=list)

    def add(self, row: SidecarRow) -> None:
        self.rows.append(row)
        self.by_name.setdefault(row.name.lower(), row.meta)
        self.by_stem.setdefault(_stem(row.name), row.meta)

    def lookup(self, name: str) -> Metadata | None:
        key = name.lower()
        return self.by_name.get(key) or self.by_stem.get(_stem(key))

    def unused_rows(self, entries: Iterable[Entry], describes: Callable[[Entry], bool]) -> list[LoadError]:
        """A report per row that applies to none of `entries` (the files of its folder);
        `describes` says which entries a row may describe."""
        entries = list(entries)
        used = {meta for entry in entries if describes(entry) and (meta := self.lookup(entry.name))}
        by_name = {entry.name.lower(): entry for entry in reversed(entries)}
        by_stem = {_stem(entry.name): entry for entry in reversed(entries)}
        reports = []
        for row in self.rows:
            if row.meta in used:
                continue
            entry = by_name.get(row.name.lower()) or by_stem.get(_stem(row.name))
            if entry is None:
                why = f"file '{row.name}' not found among the articles next to this metadata file"
            elif not describes(entry):
                why = (f"'{entry.name}' holds its own metadata columns; a row describes only "
                       "single-article files (.txt, .md, .html)")
            else:
                why = f"an earlier row already describes '{entry.name}'"
            reports.append(LoadError(self.label, f"{row.where}: {why}; row ignored"))
        return reports


def read_sidecar(data: bytes, entry: Entry) -> tuple[Sidecar, list[LoadError]]:
    """Parse a sidecar; problems are reported against it and its good rows still apply."""
    sidecar = Sidecar(entry.label)
    errors: list[LoadError] = []
    text = text_of(data)
    header, rows = table_rows(text, guess_delimiter(text))
    columns = {column_key(name) for name in header}
    file_column = next((c for c in ALIASES["file"] if c in columns), None)
    if file_column is None:
        found = shown_names(header)
        raise Unreadable(f"metadata sidecar has no 'file' column (found {found}); it was ignored")
    try:
        for row in rows:
            name = PurePosixPath(row.values.get(file_column, "").strip().replace("\\", "/")).name
            if not name:
                errors.append(LoadError(entry.label, f"{row.where}: no file name; row ignored"))
                continue
            sidecar.add(SidecarRow(row.where, name, Metadata(
                title=as_line(pick(row.values, "title")),
                source=as_line(pick(row.values, "source")),
                published=as_line(pick(row.values, "published")),
                url=as_line(pick(row.values, "url")),
            )))
    except TableError as exc:
        errors.append(LoadError(entry.label, f"line {exc.line}: malformed CSV ({exc}); "
                                "rows after it were ignored"))
    return sidecar, errors

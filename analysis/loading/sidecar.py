"""`metadata.csv`: what is known about the article files of one folder.

Columns: `file` (the article's file name; `filename`/`path` also accepted) and any of `source`,
`published`, `url`, `title` (with the aliases of `records`); any cell may be empty. A row applies
to the single-article files (.txt, .md, .html) of the same folder, matched by file name, else by
name without extension, ignoring case. A non-empty cell overrides what an HTML page says itself.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import PurePosixPath

from analysis.document import LoadError
from analysis.loading.candidate import Candidate, Unreadable
from analysis.loading.entries import Entry
from analysis.loading.plain import text_of
from analysis.loading.records import FILE_COLUMNS, as_line, pick
from analysis.loading.tables import TableError, guess_delimiter, table_rows


@dataclass(frozen=True)
class Metadata:
    """One sidecar row, raw: the date is parsed (and reported) with the article it belongs to."""

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


@dataclass
class Sidecar:
    """Sidecar rows by lower-cased file name and by lower-cased stem."""

    by_name: dict[str, Metadata]
    by_stem: dict[str, Metadata]

    def lookup(self, name: str) -> Metadata | None:
        key = name.lower()
        return self.by_name.get(key) or self.by_stem.get(PurePosixPath(key).stem)


def read_sidecar(data: bytes, entry: Entry) -> tuple[Sidecar, list[LoadError]]:
    """Parse a sidecar; problems are reported against it and its good rows still apply."""
    sidecar = Sidecar({}, {})
    errors: list[LoadError] = []
    text = text_of(data)
    columns, rows = table_rows(text, guess_delimiter(text))
    file_column = next((c for c in FILE_COLUMNS if c in columns), None)
    if file_column is None:
        shown = ", ".join(c for c in columns if c) or "none"
        raise Unreadable(f"metadata sidecar has no 'file' column (found {shown}); it was ignored")
    try:
        for row in rows:
            name = PurePosixPath(row.values.get(file_column, "").strip().replace("\\", "/")).name
            if not name:
                errors.append(LoadError(entry.label, f"{row.where}: no file name; row ignored"))
                continue
            meta = Metadata(
                title=as_line(pick(row.values, "title")),
                source=as_line(pick(row.values, "source")),
                published=as_line(pick(row.values, "published")),
                url=as_line(pick(row.values, "url")),
            )
            sidecar.by_name.setdefault(name.lower(), meta)
            sidecar.by_stem.setdefault(PurePosixPath(name.lower()).stem, meta)
    except TableError as exc:
        errors.append(LoadError(entry.label, f"line {exc.line}: malformed CSV ({exc}); "
                                "rows after it were ignored"))
    return sidecar, errors

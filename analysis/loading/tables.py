"""CSV and TSV tables: one article per row, a text column required (its names: `records.ALIASES`).

Excel's `sep=;` first line, which names the separator, is honoured and skipped.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

from analysis.document import LoadError
from analysis.loading.candidate import Candidate, Unreadable
from analysis.loading.entries import Entry
from analysis.loading.plain import text_of
from analysis.loading.records import (
    RowProblem,
    candidate_from_row,
    column_key,
    has_field,
    no_text_field,
)

_DELIMITERS = (",", ";", "\t", "|")
_FIELD_LIMIT = 2**31 - 1  # the largest value every platform's C long accepts
_EXCEL_SEPARATOR = re.compile(r"\A\ufeff?sep=(.)\r?\n", re.IGNORECASE)


@dataclass(frozen=True)
class Row:
    """A data row: its number (1 = first row after the header), the line it starts on, and
    its values by normalised column name. `extra` counts values beyond the header's columns."""

    number: int
    line: int
    values: dict[str, str]
    extra: int

    @property
    def where(self) -> str:
        return f"row {self.number} (line {self.line})"


class TableError(Exception):
    """The CSV text breaks its own quoting; `line` is where the reader gave up."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


def guess_delimiter(text: str) -> str:
    """The separator named by an Excel `sep=` line, else the one the header line uses most:
    comma, semicolon (European Excel), tab, pipe."""
    if named := _EXCEL_SEPARATOR.match(text):
        return named[1]
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def table_rows(text: str, delimiter: str) -> tuple[list[str], Iterator[Row]]:
    """The header as written and an iterator over the data rows, keyed by normalised column
    name. The iterator raises `TableError` at malformed quoting; rows before it have been
    yielded already."""
    # The csv module caps a field at 128 KiB by default; a long article is bigger. The cap is
    # process-wide: it is raised to one fixed value (the file-size limit bounds fields anyway),
    # so concurrent sessions never lower it under each other.
    if csv.field_size_limit() < _FIELD_LIMIT:
        csv.field_size_limit(_FIELD_LIMIT)
    stream = io.StringIO(text, newline="")
    offset = 0  # lines before the reader's first, which its line numbers do not count
    if _EXCEL_SEPARATOR.match(text):
        stream.readline()
        offset = 1
    reader = csv.reader(stream, delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
        while header is not None and not any(cell.strip() for cell in header):
            header = next(reader, None)
    except csv.Error as exc:
        raise Unreadable(f"malformed CSV header (line {reader.line_num + offset}): {exc}") from None
    if header is None:
        raise Unreadable("no header row")
    columns = [column_key(name) for name in header]

    def rows() -> Iterator[Row]:
        number = 0
        while True:
            start = reader.line_num + 1 + offset
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise TableError(start, str(exc)) from None
            if not any(cell.strip() for cell in cells):
                continue
            number += 1
            values: dict[str, str] = {}
            for name, cell in zip(columns, cells):
                values.setdefault(name, cell)
            for name in columns[len(cells):]:  # a short row: its last cells are empty
                values.setdefault(name, "")
            yield Row(number, start, values, max(0, len(cells) - len(columns)))

    return header, rows()


def read_table(data: bytes, entry: Entry) -> tuple[list[Candidate], list[LoadError]]:
    """One article per row; a bad row is reported by row and line and the others still load."""
    text = text_of(data)
    delimiter = "\t" if entry.kind == "tsv" else guess_delimiter(text)
    header, rows = table_rows(text, delimiter)
    if not has_field({column_key(name) for name in header}, "text"):
        raise Unreadable(no_text_field(header, "column"))
    candidates: list[Candidate] = []
    errors: list[LoadError] = []
    try:
        for row in rows:
            if row.extra:
                errors.append(LoadError(entry.label, f"{row.where}: {row.extra} more value(s) "
                                        f"than the header has columns (an unquoted separator?)"))
                continue
            try:
                candidates.append(candidate_from_row(
                    row.values, path=entry.label, where=row.where,
                    base_id=f"{entry.stem}#{row.number}",
                ))
            except RowProblem as exc:
                errors.append(LoadError(entry.label, f"{row.where}: {exc}"))
    except TableError as exc:
        errors.append(LoadError(entry.label, f"line {exc.line}: malformed CSV ({exc}); "
                                "the rest of the file was not read"))
    if not candidates and not errors:
        raise Unreadable("no data rows under the header")
    return candidates, errors

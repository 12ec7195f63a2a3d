"""Tables as CSV that is safe to open in a spreadsheet: the one way every export writes CSV.

Article text, titles and source names are user-controlled. A cell that begins with `=`, `+`,
`-`, `@`, a tab or a carriage return is read by Excel, LibreOffice and Google Sheets as a
formula (`=HYPERLINK(...)`, `=cmd|...`), so, as OWASP recommends for CSV injection, such text
cells get a leading apostrophe: the spreadsheet shows the text and evaluates nothing. Numbers,
dates and booleans are left as they are. List cells are joined with "; ", as the pages show them.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "
_LIST_TYPES = (list, tuple, set, frozenset, np.ndarray)


def neutralise_cell(value: object) -> object:
    """`value` with a leading apostrophe when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def join_list(value: object) -> object:
    """A list, tuple, set or array cell as one "; "-joined string (sets sorted, so the file is
    stable); any other value as it is. The one way every export joins a list cell."""
    if isinstance(value, (set, frozenset)):
        value = sorted(value, key=str)
    if isinstance(value, _LIST_TYPES):
        return LIST_SEPARATOR.join(map(str, value))
    return value


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` whose text cells are joined and neutralised; other columns untouched."""
    safe = frame.copy()
    for column in safe.columns:
        if _holds_text(safe[column]):
            safe[column] = safe[column].astype(object).map(lambda v: neutralise_cell(join_list(v)))
    safe.columns = [neutralise_cell(str(name)) for name in safe.columns]
    return safe


def _holds_text(column: pd.Series) -> bool:
    return column.dtype == object or isinstance(column.dtype, (pd.StringDtype, pd.CategoricalDtype))


def csv_text(frame: pd.DataFrame) -> str:
    """`frame` as spreadsheet-safe CSV text, without the index."""
    return spreadsheet_safe(frame).to_csv(index=False)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """`frame` as spreadsheet-safe UTF-8 CSV, ready for a download button."""
    return csv_text(frame).encode("utf-8")


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write `frame` to `path` as spreadsheet-safe UTF-8 CSV."""
    spreadsheet_safe(frame).to_csv(path, index=False, encoding="utf-8")

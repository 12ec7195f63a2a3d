"""Column names in CSV/JSON exports, and one row turned into a `Candidate`.

Exporters disagree on names, so each field accepts a few common aliases, tried in order (the
first non-empty one wins). Headers are compared lower-case with spaces and hyphens read as
underscores ("Published At" == "published_at"). Kept short on purpose: NewsAPI (`content`,
`publishedAt`, `source: {name}`), news-please (`maintext`, `date_publish`) and hand-made sheets.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from analysis.loading.candidate import Candidate
from analysis.loading.markup import has_layout_markup, markup_to_text

ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "maintext", "full_text"),
    "title": ("title", "headline"),
    "source": ("source", "outlet", "publisher", "sitename", "site_name"),
    "published": (
        "published", "date", "published_at", "publishedat", "publish_date", "date_publish",
        "pubdate", "published_date",
    ),
    "url": ("url", "link"),
}
FILE_COLUMNS = ("file", "filename", "file_name", "path")

_SEPARATORS = re.compile(r"[\s\-]+")


def column_key(name: object) -> str:
    """The comparable form of a header name."""
    return _SEPARATORS.sub("_", str(name).strip().lower())


def normalise_keys(row: Mapping[Any, Any]) -> dict[str, Any]:
    """Row keys in comparable form; the first of two keys that clash wins."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        out.setdefault(column_key(key), value)
    return out


def has_field(columns: set[str], field: str) -> bool:
    return any(alias in columns for alias in ALIASES[field])


def pick(row: Mapping[str, Any], field: str) -> Any:
    """The first non-empty value among a field's aliases, or None."""
    for alias in ALIASES[field]:
        value = row.get(alias)
        if value is None:
            continue
        if isinstance(value, Mapping):  # NewsAPI: "source": {"id": ..., "name": "BBC News"}
            value = value.get("name")
            if value is None:
                continue
        if isinstance(value, str) and not value.strip():
            continue
        return value
    return None


def as_line(value: Any) -> str:
    """A metadata value as a string; lists and objects are not metadata and read as empty."""
    if value is None or isinstance(value, (list, dict, bool)):
        return ""
    return str(value)


class RowProblem(ValueError):
    """A row that cannot become an article; the message is the reason."""


def candidate_from_row(row: Mapping[str, Any], *, path: str, where: str, base_id: str) -> Candidate:
    """A row (keys already normalised) as a Candidate, or `RowProblem` when it has no text."""
    text = pick(row, "text")
    if text is None:
        raise RowProblem("no text")
    if not isinstance(text, str):
        raise RowProblem(f"text is not a string (got {type(text).__name__})")
    if has_layout_markup(text):
        text = markup_to_text(text)
    published = pick(row, "published")
    if isinstance(published, (list, dict)):
        published = str(published)
    return Candidate(
        path=path,
        where=where,
        base_id=base_id,
        text=text,
        title=as_line(pick(row, "title")),
        source=as_line(pick(row, "source")),
        published=published,
        url=as_line(pick(row, "url")),
    )

"""Column names in CSV/JSON exports, and one row turned into a `Candidate`.

`ALIASES` is the one table of accepted column names, for tables, JSON objects, Markdown front
matter and `metadata.csv` alike. Exporters disagree on names, so each field accepts the common
ones, tried in order (the first non-empty one wins): a scraper's `headline, body, outlet,
pubdate, link` reads like `title, text, source, published, url`. Headers are compared lower-case
with spaces and hyphens read as underscores ("Published At" == "published_at"). Sources of the
names: NewsAPI (`content`, `publishedAt`, `source: {name}`), news-please (`maintext`,
`date_publish`), CMS exports and hand-made sheets. A table with no text column is refused with
the columns it has, never read with another column standing in for the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from analysis.loading.candidate import Candidate
from analysis.loading.markup import has_layout_markup, markup_to_text

ALIASES: dict[str, tuple[str, ...]] = {
    "text": (
        "text", "body", "content", "article", "story", "maintext", "full_text", "article_text",
        "body_text",
    ),
    "title": ("title", "headline", "article_title"),
    "source": ("source", "outlet", "publisher", "site", "domain", "sitename", "site_name", "source_name"),
    "published": (
        "published", "date", "datetime", "published_at", "publishedat", "publish_date",
        "published_date", "date_published", "publication_date", "date_publish", "pubdate", "pub_date",
    ),
    "url": ("url", "link", "article_url"),
    # `metadata.csv` only: the article file a row describes.
    "file": ("file", "filename", "file_name", "path"),
}

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


def shown_names(names: Iterable[object], limit: int = 12, width: int = 40) -> str:
    """Names for a message, quoted and clipped: a header-less table's "column names" are
    whole article texts, and a message must stay short."""
    quoted = [f"'{clipped(str(name), width)}'" for name in names if str(name).strip()]
    if not quoted:
        return "none"
    more = f" and {len(quoted) - limit} more" if len(quoted) > limit else ""
    return ", ".join(quoted[:limit]) + more


def clipped(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def no_text_field(names: Iterable[object], what: str) -> str:
    """Why a table or object has no article text: the accepted names and the names it has."""
    return f"no text {what} (looked for {', '.join(ALIASES['text'])}; found {shown_names(names)})"


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
        present = [alias for alias in ALIASES["text"] if alias in row]
        if present:
            raise RowProblem(f"no text ('{present[0]}' is empty)")
        raise RowProblem(no_text_field(row, "field"))
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

"""JSON Lines (one article object per line) and JSON (a list of article objects).

Objects are read with the field names of `records.ALIASES`. When not one object has a text
field, the file is refused with the field names it does have (a feed of `headline, story`
objects), rather than reported object by object.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from analysis.document import LoadError
from analysis.loading.candidate import Candidate, Unreadable
from analysis.loading.entries import Entry
from analysis.loading.plain import text_of
from analysis.loading.records import (
    RowProblem,
    candidate_from_row,
    has_field,
    no_text_field,
    normalise_keys,
)

# Keys under which API responses and dumps wrap their list of articles (NewsAPI: "articles").
_LIST_KEYS = ("articles", "documents", "records", "items", "data", "results")


def _describe(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string"}.get(type(value), type(value).__name__)


@dataclass
class _Items:
    """The articles and problems of one file, and the field names its objects use."""

    entry: Entry
    candidates: list[Candidate] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    keys: dict[str, None] = field(default_factory=dict)  # in order of first appearance
    any_text_field: bool = False

    def add(self, where: str, number: int, item: Any) -> None:
        """One JSON value as an article, or an error naming where it sits."""
        if not isinstance(item, Mapping):
            self.fail(f"{where}: expected an article object, got {_describe(item)}")
            return
        self.keys.update(dict.fromkeys(str(key) for key in item))
        row = normalise_keys(item)
        if has_field(set(row), "text"):
            self.any_text_field = True
        try:
            self.candidates.append(candidate_from_row(
                row, path=self.entry.label, where=where, base_id=f"{self.entry.stem}#{number}",
            ))
        except RowProblem as exc:
            self.fail(f"{where}: {exc}")

    def fail(self, reason: str) -> None:
        self.errors.append(LoadError(self.entry.label, reason))

    def found(self) -> tuple[list[Candidate], list[LoadError]]:
        """The articles and problems, or `Unreadable` when no object has a text field."""
        if self.keys and not self.any_text_field:
            raise Unreadable(no_text_field(self.keys, "field in any object"))
        return self.candidates, self.errors


def read_jsonl(data: bytes, entry: Entry) -> tuple[list[Candidate], list[LoadError]]:
    """Each line on its own: a malformed line is reported and the others still load."""
    items = _Items(entry)
    for number, line in enumerate(text_of(data).split("\n"), start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            items.fail(f"{where}: malformed JSON at column {exc.colno}: {exc.msg}")
            continue
        except RecursionError:
            items.fail(f"{where}: malformed JSON (nested too deeply)")
            continue
        items.add(where, number, item)
    return items.found()


def read_json(data: bytes, entry: Entry) -> tuple[list[Candidate], list[LoadError]]:
    text = text_of(data)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Unreadable(f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise Unreadable("malformed JSON: nested too deeply") from None
    if isinstance(document, Mapping):
        wrapped = next((document[k] for k in _LIST_KEYS if isinstance(document.get(k), list)), None)
        if wrapped is not None:
            document = wrapped
        elif has_field(set(normalise_keys(document)), "text"):
            document = [document]  # a single article object
        else:
            raise Unreadable(
                "expected a list of article objects, found an object with no list of articles and "
                + no_text_field(document, "field")
            )
    if not isinstance(document, list):
        raise Unreadable(f"expected a list of article objects, found {_describe(document)}")
    if not document:
        raise Unreadable("the JSON list is empty")
    items = _Items(entry)
    for number, item in enumerate(document, start=1):
        items.add(f"item {number}", number, item)
    return items.found()

"""JSON Lines (one article object per line) and JSON (a list of article objects)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from analysis.document import LoadError
from analysis.loading.candidate import Candidate, Unreadable
from analysis.loading.entries import Entry
from analysis.loading.plain import text_of
from analysis.loading.records import RowProblem, candidate_from_row, has_field, normalise_keys

# Keys under which API responses and dumps wrap their list of articles (NewsAPI: "articles").
_LIST_KEYS = ("articles", "documents", "records", "items", "data", "results")


def _describe(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string"}.get(type(value), type(value).__name__)


def _add_item(where: str, number: int, item: Any, entry: Entry,
              candidates: list[Candidate], errors: list[LoadError]) -> None:
    """One JSON value as an article, or an error naming where it sits."""
    if not isinstance(item, Mapping):
        errors.append(LoadError(entry.label, f"{where}: expected an article object, got {_describe(item)}"))
        return
    try:
        candidates.append(candidate_from_row(
            normalise_keys(item), path=entry.label, where=where, base_id=f"{entry.stem}#{number}",
        ))
    except RowProblem as exc:
        errors.append(LoadError(entry.label, f"{where}: {exc}"))


def read_jsonl(data: bytes, entry: Entry) -> tuple[list[Candidate], list[LoadError]]:
    """Each line on its own: a malformed line is reported and the others still load."""
    candidates: list[Candidate] = []
    errors: list[LoadError] = []
    for number, line in enumerate(text_of(data).split("\n"), start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(LoadError(entry.label, f"{where}: malformed JSON at column {exc.colno}: {exc.msg}"))
            continue
        except RecursionError:
            errors.append(LoadError(entry.label, f"{where}: malformed JSON (nested too deeply)"))
            continue
        _add_item(where, number, item, entry, candidates, errors)
    return candidates, errors


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
    if not isinstance(document, list):
        raise Unreadable(f"expected a list of article objects, found {_describe(document)}")
    if not document:
        raise Unreadable("the JSON list is empty")
    candidates: list[Candidate] = []
    errors: list[LoadError] = []
    for number, item in enumerate(document, start=1):
        _add_item(f"item {number}", number, item, entry, candidates, errors)
    return candidates, errors

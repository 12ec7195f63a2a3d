"""Candidates to `Document`s: clean text, fallbacks, dates, unique ids, duplicates dropped.

Non-fatal problems go to `Corpus.errors` too, worded so they cannot be mistaken for a file that
failed: "date ignored: ..." and "url ignored: ..." name an article that did load, without that
value. A duplicate is an article that was not loaded: "duplicate of <doc_id>" (the first copy
in load order is kept). Texts count as duplicates when equal after whitespace is collapsed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from analysis.document import Corpus, Document, LoadError
from analysis.loading.candidate import Candidate
from analysis.loading.dates import BadDate, parse_published
from analysis.loading.fields import (
    choose_source,
    choose_title,
    clean_text,
    is_blank,
    source_or_url,
    web_url,
)
from analysis.loading.notes import DATE_IGNORED, URL_IGNORED, note


def text_fingerprint(text: str) -> bytes:
    """Equal for texts that differ only in spacing or line breaks (the same wire copy re-saved)."""
    collapsed = " ".join(text.split()).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(collapsed, digest_size=16).digest()


def unique_id(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`, ... when another file already has that id."""
    doc_id, n = base, 1
    while doc_id in taken:
        n += 1
        doc_id = f"{base}-{n}"
    taken.add(doc_id)
    return doc_id


def assemble(candidates: Iterable[Candidate], errors: list[LoadError]) -> Corpus:
    """Documents in candidate order; problems are appended to `errors` and returned with them."""
    documents: list[Document] = []
    first_with_text: dict[bytes, str] = {}
    taken: set[str] = set()
    for candidate in candidates:
        text = clean_text(candidate.text)
        if is_blank(text):
            reason = candidate.locate("no text (empty or whitespace only)")
            errors.append(LoadError(candidate.path, reason))
            continue
        fingerprint = text_fingerprint(text)
        if fingerprint in first_with_text:
            original = first_with_text[fingerprint]
            errors.append(LoadError(candidate.path, candidate.locate(f"duplicate of {original}")))
            continue
        doc_id = unique_id(candidate.base_id, taken)
        first_with_text[fingerprint] = doc_id
        try:
            published = parse_published(candidate.published)
        except BadDate as exc:
            published = None
            errors.append(LoadError(candidate.path, candidate.locate(note(str(exc), DATE_IGNORED))))
        source, raw_url = source_or_url(candidate.source, candidate.url)
        url, url_ok = web_url(raw_url)
        if not url_ok:
            reason = candidate.locate(note("not an http(s) address", URL_IGNORED))
            errors.append(LoadError(candidate.path, reason))
        documents.append(Document(
            doc_id=doc_id,
            title=choose_title(candidate.title, text, candidate.base_id),
            source=choose_source(source, candidate.sitename, url),
            published=published,
            url=url,
            text=text,
        ))
    return Corpus(documents=documents, errors=errors)

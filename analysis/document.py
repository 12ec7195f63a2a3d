"""The article record every layer shares, and the result of loading a corpus."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Document:
    """One news article.

    `published` is None when the source does not say: scraped articles often lack a date,
    and the analysis estimates one rather than inventing it here.
    """

    doc_id: str
    title: str
    source: str
    published: date | None
    url: str
    text: str

    def fingerprint(self) -> str:
        """A stable digest of everything analysis depends on, used as a cache key."""
        digest = hashlib.sha256()
        for part in (self.doc_id, self.title, self.source, str(self.published), self.url, self.text):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\x00")
        return digest.hexdigest()


@dataclass(frozen=True)
class LoadError:
    """A file (or a row inside one) that could not be read, and why, in plain words."""

    path: str
    reason: str

    def __iter__(self):
        # Lets callers unpack `for path, reason in corpus.errors`, as docs/ARCHITECTURE.md promises.
        return iter((self.path, self.reason))


@dataclass
class Corpus:
    """What `load_corpus` returns: the articles it could read and the files it could not."""

    documents: list[Document] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)

"""Which corpus the visitor is looking at, and its cached analysis.

Uploaded articles live in the visitor's session only (the uploader widget's state): nothing is
written to disk or to any store shared between sessions. Analysis results are cached by corpus
content, so a rerun or a colleague opening the bundled seeds never recomputes them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from analysis import Analysis, Corpus, Document, analyze, load_corpus, load_uploads
from analysis.nlp import load_pipeline

SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"
BUNDLED = "seeds"
UPLOAD_PREFIX = "upload-"


@dataclass(frozen=True)
class LoadedCorpus:
    """A corpus ready to show: its documents, the files that failed, and its id for links."""

    corpus_id: str
    label: str
    documents: tuple[Document, ...]
    errors: tuple[tuple[str, str], ...]

    @property
    def content_key(self) -> str:
        digest = hashlib.sha256()
        for document in self.documents:
            digest.update(document.fingerprint().encode())
        return digest.hexdigest()


def _loaded(corpus_id: str, label: str, corpus: Corpus) -> LoadedCorpus:
    return LoadedCorpus(
        corpus_id=corpus_id,
        label=label,
        documents=tuple(corpus.documents),
        errors=tuple((str(path), reason) for path, reason in corpus.errors),
    )


@st.cache_data(show_spinner=False)
def _bundled_corpus() -> Corpus:
    return load_corpus([SEEDS_DIR])


def bundled() -> LoadedCorpus:
    """The seeds shipped with Parallax: the default, and the only corpus a link can share."""
    return _loaded(BUNDLED, "Bundled seeds (2 articles)", _bundled_corpus())


def uploaded(files: list) -> LoadedCorpus:
    """The visitor's uploads (Streamlit UploadedFile objects), read in memory."""
    corpus = load_uploads([(file.name, file.getvalue()) for file in files])
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode())
        digest.update(hashlib.sha256(file.getvalue()).digest())
    count = len(corpus.documents)
    return _loaded(UPLOAD_PREFIX + digest.hexdigest()[:12], f"Your upload ({count} articles)", corpus)


@st.cache_resource(show_spinner="Loading the language pipeline…")
def nlp_pipeline():
    """One NLP pipeline per server process; shared read-only by every session."""
    return load_pipeline()


@st.cache_data(show_spinner=False, max_entries=16)
def _analysis(content_key: str, _documents: tuple[Document, ...]) -> Analysis:
    # Keyed by content only: `_documents` is not hashed (the leading underscore tells Streamlit).
    return analyze(_documents, nlp=nlp_pipeline())


def analysis_of(corpus: LoadedCorpus) -> Analysis:
    """The corpus's analysis, computed once per distinct content."""
    with st.spinner(f"Analysing {len(corpus.documents)} articles…"):
        return _analysis(corpus.content_key, corpus.documents)

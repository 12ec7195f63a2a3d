"""Which corpus the visitor is looking at, and its cached analysis.

Uploaded articles live in the visitor's session only (the uploader widget's state): nothing is
written to disk or to any store shared between sessions. Analysis results are cached by corpus
content, so a rerun or a colleague opening the bundled seeds never recomputes them.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from analysis import Analysis, Corpus, Document, analyze, load_corpus, load_uploads
from analysis.engine import with_corrections
from analysis.entities import EntityCorrections
from analysis.nlp import load_pipeline

def _seeds_dir() -> Path:
    """The bundled seeds: beside the package in a checkout (editable install), else in the
    folder the server was started from (a hosted app runs `streamlit run` from the repository)."""
    beside_package = Path(__file__).resolve().parent.parent / "seeds"
    return beside_package if beside_package.is_dir() else Path.cwd() / "seeds"


SEEDS_DIR = _seeds_dir()
# A host can replace the bundled seeds with its own corpus (paths separated like PATH).
CORPUS_ENV = "PARALLAX_CORPUS"
BUNDLED = "seeds"
SERVER = "server"  # the corpus named by PARALLAX_CORPUS: links made on that server reopen it
UPLOAD_PREFIX = "upload-"
# The most words analysed at once for the page (a few minutes of work); larger corpora are cut to
# their newest articles with a message, and the full run is left to `python -m analysis`.
MAX_WORDS_ENV = "PARALLAX_MAX_WORDS"
DEFAULT_MAX_WORDS = 5_000_000


@dataclass(frozen=True)
class LoadedCorpus:
    """A corpus ready to show: its documents, the files that failed, and its id for links."""

    corpus_id: str
    label: str
    documents: tuple[Document, ...]
    errors: tuple[tuple[str, str], ...]
    content_key: str  # digest of every document: the analysis cache key
    words: int
    notice: str | None = None  # why the corpus was cut, when it was


def max_words() -> int:
    try:
        return max(1, int(os.environ.get(MAX_WORDS_ENV, DEFAULT_MAX_WORDS)))
    except ValueError:
        return DEFAULT_MAX_WORDS


def within_budget(documents: list[Document], budget: int) -> tuple[list[Document], str | None]:
    """The newest articles that fit in `budget` words (undated ones last), in their original
    order, and a message saying what was left out; everything when it all fits."""
    sizes = [len(d.text.split()) for d in documents]
    if sum(sizes) <= budget:
        return documents, None
    dated_first = sorted((i for i in range(len(documents)) if documents[i].published),
                         key=lambda i: documents[i].published, reverse=True)
    newest_first = dated_first + [i for i in range(len(documents)) if not documents[i].published]
    kept, used = set(), 0
    for i in newest_first:
        if used + sizes[i] > budget:
            continue
        kept.add(i)
        used += sizes[i]
    chosen = [d for i, d in enumerate(documents) if i in kept]
    notice = (f"This corpus has {sum(sizes):,} words; the dashboard analyses at most {budget:,} at once, "
              f"so it shows the newest {len(chosen):,} of {len(documents):,} articles. "
              "Run `python -m analysis` on the full corpus for every table.")
    return chosen, notice


def _loaded(corpus_id: str, label: str, corpus: Corpus) -> LoadedCorpus:
    documents, notice = within_budget(list(corpus.documents), max_words())
    digest = hashlib.sha256()
    for document in documents:
        digest.update(document.fingerprint().encode())
    return LoadedCorpus(
        corpus_id=corpus_id,
        label=label,
        documents=tuple(documents),
        errors=tuple((str(path), reason) for path, reason in corpus.errors),
        content_key=digest.hexdigest(),
        words=sum(len(d.text.split()) for d in documents),
        notice=notice,
    )


def bundled_paths() -> tuple[str, ...]:
    configured = os.environ.get(CORPUS_ENV, "").strip()
    if configured:
        return tuple(p for p in configured.split(os.pathsep) if p)
    return (str(SEEDS_DIR),)


@st.cache_resource(show_spinner="Reading the bundled corpus…")
def _bundled(paths: tuple[str, ...]) -> LoadedCorpus:
    # A resource, not data: the LoadedCorpus is immutable, so every session can share one copy.
    corpus = load_corpus(list(paths))
    seeds = paths == (str(SEEDS_DIR),)
    name = "Bundled seeds" if seeds else "Server corpus"
    return _loaded(BUNDLED if seeds else SERVER, f"{name} ({len(corpus.documents)} articles)", corpus)


def bundled() -> LoadedCorpus:
    """The corpus the server ships (the seeds unless PARALLAX_CORPUS names another): the
    default, and the only corpus a link can share."""
    return _bundled(bundled_paths())


def _read_uploads(files: list) -> LoadedCorpus:
    corpus = load_uploads([(file.name, file.getvalue()) for file in files])
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode())
        digest.update(hashlib.sha256(file.getvalue()).digest())
    count = len(corpus.documents)
    return _loaded(UPLOAD_PREFIX + digest.hexdigest()[:12], f"Your upload ({count} articles)", corpus)


_UPLOADED_KEY = "_parallax_uploaded"


def uploaded(files: list) -> LoadedCorpus:
    """The visitor's uploads (Streamlit UploadedFile objects), read in memory once per upload.

    The parsed corpus is kept in this visitor's session state, keyed by the uploader's file ids,
    so reruns do not parse the files again and no other session can ever see it.
    """
    key = tuple((file.file_id, file.name, file.size) for file in files)
    remembered = st.session_state.get(_UPLOADED_KEY)
    if remembered is None or remembered[0] != key:
        remembered = (key, _read_uploads(files))
        st.session_state[_UPLOADED_KEY] = remembered
    return remembered[1]


@st.cache_resource(show_spinner="Loading the language pipeline…")
def nlp_pipeline():
    """One NLP pipeline per server process; shared read-only by every session."""
    return load_pipeline()


@st.cache_data(show_spinner=False, max_entries=16)
def _analysis(content_key: str, _documents: tuple[Document, ...]) -> Analysis:
    # Keyed by content only: `_documents` is not hashed (the leading underscore tells Streamlit).
    return analyze(_documents, nlp=nlp_pipeline())


@st.cache_data(show_spinner=False, max_entries=16)
def _corrected(content_key: str, fixes: str, _documents: tuple[Document, ...]) -> Analysis:
    return with_corrections(_analysis(content_key, _documents), EntityCorrections.from_query_value(fixes))


def analysis_of(corpus: LoadedCorpus, corrections: EntityCorrections | None = None) -> Analysis:
    """The corpus's analysis with the analyst's entity corrections, computed once per distinct
    content (and once per distinct set of corrections)."""
    # The spinner only appears when the work takes a moment, i.e. on a cache miss.
    with st.spinner(f"Analysing {len(corpus.documents):,} articles ({corpus.words:,} words)…", show_time=True):
        if corrections:
            return _corrected(corpus.content_key, corrections.to_query_value(), corpus.documents)
        return _analysis(corpus.content_key, corpus.documents)

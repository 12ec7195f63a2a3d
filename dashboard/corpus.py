"""Which corpus the visitor is looking at, and its cached analysis.

Uploaded articles live in the visitor's session only (the uploader widget's state): nothing is
written to disk or to any store shared between sessions until the visitor presses "Share these
articles" (dashboard/sharing.py). Analysis results are cached by corpus
content, so a rerun or a colleague opening the bundled seeds never recomputes them.
"""

from __future__ import annotations

import ctypes
import gc
import hashlib
import os
import re
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from analysis.document import Corpus, Document
from analysis.result import Analysis
from dashboard.bounded_cache import MISSING, BoundedCache, Entry

if TYPE_CHECKING:
    from analysis.entities import EntityCorrections


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
STORE = "store"  # the analysis store named by PARALLAX_STORE (dashboard/store.py)
UPLOAD_PREFIX = "upload-"
SHARED = "shared"  # articles opened from the share store by a link's token (dashboard/sharing.py)
# The most words analysed at once for the page (a few minutes of work); larger corpora are cut to
# their newest articles with a message, and the full run is left to `python -m analysis`.
MAX_WORDS_ENV = "PARALLAX_MAX_WORDS"
DEFAULT_MAX_WORDS = 5_000_000
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
WORD = re.compile(r"\S+")


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
    order, and a message saying what was left out; everything when it all fits. When not even
    one article fits, the newest is cut to its opening paragraphs rather than showing nothing."""
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
    if not kept:
        return _opening_of(documents[newest_first[0]], sizes[newest_first[0]], budget, len(documents), sum(sizes))
    chosen = [d for i, d in enumerate(documents) if i in kept]
    notice = (f"This corpus has {sum(sizes):,} words; the dashboard analyses at most {budget:,} at once, "
              f"so it shows the newest {len(chosen):,} of {len(documents):,} articles. "
              "Run `python -m analysis` on the full corpus for every table.")
    return chosen, notice


def _opening_of(document: Document, words: int, budget: int, articles: int,
                corpus_words: int) -> tuple[list[Document], str]:
    """`document` cut after the whole paragraphs that fit in `budget` words (after its first
    `budget` words when its first paragraph alone is longer), and the message that says so.
    The kept text is a prefix of the original, so every offset in the analysis still holds."""
    text = document.text
    ends = [match.start() for match in PARAGRAPH_BREAK.finditer(text)] + [len(text)]
    sizes = [len(text[start:end].split()) for start, end in zip([0, *ends], ends)]
    cut, used, whole = 0, 0, 0
    for end, size in zip(ends, sizes):
        if used + size > budget:
            break
        cut, used, whole = end, used + size, whole + (size > 0)
    if whole:
        where = f"its first {whole:,} of {sum(size > 0 for size in sizes):,} paragraphs"
    else:
        cut = [match.end() for _, match in zip(range(budget), WORD.finditer(text))][-1]
        where = "the opening of its first paragraph"
    kept = replace(document, text=text[:cut])
    others = f" and leaves out the other {articles - 1:,} articles" if articles > 1 else ""
    # No title in the message: it is rendered as markdown, and a title is the uploader's text.
    notice = (f"This corpus has {corpus_words:,} words and even its newest article has {words:,}: more than "
              f"the {budget:,} the dashboard analyses at once. It shows {where} "
              f"({len(kept.text.split()):,} words){others}. Run `python -m analysis` on the full corpus "
              "for every table.")
    return [kept], notice


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


def from_documents(corpus_id: str, label: str, documents: tuple[Document, ...]) -> LoadedCorpus:
    """A corpus of articles read elsewhere (the share store), keyed like any other by content:
    the same articles shared and reopened hit the same cached analysis."""
    return _loaded(corpus_id, label, Corpus(documents=list(documents)))


def bundled_paths() -> tuple[str, ...]:
    configured = os.environ.get(CORPUS_ENV, "").strip()
    if configured:
        return tuple(p for p in configured.split(os.pathsep) if p)
    return (str(SEEDS_DIR),)


@st.cache_resource(show_spinner="Reading the bundled corpus…")
def _bundled(paths: tuple[str, ...]) -> LoadedCorpus:
    # A resource, not data: the LoadedCorpus is immutable, so every session can share one copy.
    from analysis.loading import load_corpus  # the reading of files and archives: not on a store

    corpus = load_corpus(list(paths))
    seeds = paths == (str(SEEDS_DIR),)
    name = "Bundled seeds" if seeds else "Server corpus"
    return _loaded(BUNDLED if seeds else SERVER, f"{name} ({len(corpus.documents)} articles)", corpus)


def bundled() -> LoadedCorpus:
    """The corpus the server ships (the seeds unless PARALLAX_CORPUS names another): the
    default, and the only corpus a link can share."""
    return _bundled(bundled_paths())


def _read_uploads(files: list) -> LoadedCorpus:
    from analysis.loading import load_uploads

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
    from analysis.nlp import load_pipeline  # spaCy: loaded by the first analysis, never for a store

    return load_pipeline()


# The analysis cache: every session's analyses by corpus content, bounded in bytes and in idle time.
CACHE_MB_ENV = "PARALLAX_CACHE_MB"
DEFAULT_CACHE_MB = 1024  # two 5-million-word analyses, or hundreds of small ones
CACHE_TTL_ENV = "PARALLAX_CACHE_TTL_S"
DEFAULT_CACHE_TTL_S = 3600
# Streamlit keeps a closed session two minutes for a reconnect: an upload nobody holds any more
# is dropped a little after that.
UNHELD_UPLOAD_GRACE_S = 150.0
MAX_CORRECTED = 8  # sets of entity corrections kept per corpus


def env_number(name: str, default: float) -> float:
    """A positive number from the environment (a host's setting), else `default`."""
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


def table_bytes(table: pd.DataFrame) -> int:
    """The bytes a table holds, its strings included (pandas' deep estimate)."""
    return int(table.memory_usage(index=True, deep=True).sum())


def analysis_bytes(analysis: Analysis, beside: Analysis | None = None) -> int:
    """The bytes of `analysis`'s tables, leaving out those it shares with `beside` (a corrected
    analysis shares every table but the entity ones with the analysis it corrects)."""
    shared = {id(table) for table in beside.tables().values()} if beside is not None else set()
    return sum(table_bytes(table) for table in analysis.tables().values() if id(table) not in shared)


@dataclass
class _Analyses:
    """One corpus's analysis, its corrected variants and who is looking at it."""

    analysis: Analysis
    private: bool  # an upload: only the sessions holding it can ask for it again
    corrected: OrderedDict[str, tuple[Analysis, int]] = field(default_factory=OrderedDict)  # fixes -> (analysis, bytes)
    holders: set[str] = field(default_factory=set)
    unheld_since: float | None = None

    def hold(self, holder: str) -> None:
        self.holders.add(holder)
        self.unheld_since = None


class AnalysisCache(BoundedCache[str, _Analyses]):
    """Analyses by corpus content, shared by every session, bounded in bytes and in idle time.

    Why not st.cache_data: it pickles each value and unpickles it on every hit, so every rerun
    of every session pays the unpickling (about 0.1 s per 100,000 words) and holds a private
    copy of the tables beside the pickled one; and it bounds entries by count, not size. Here
    one copy is shared, so an Analysis from this cache must be treated as immutable (every view
    copies before it adds a column; pandas' copy-on-write keeps slices from writing through).

    Bounds (`BoundedCache`'s): the least recently used analyses go past `max_bytes`, any unused
    for `ttl_s` seconds goes, and besides an upload's analysis goes `grace_s` seconds after the
    last session holding it has closed. Sizes are pandas' deep estimates; a corrected analysis
    counts only the tables it does not share with the one it corrects.
    """

    def __init__(self, max_bytes: int, ttl_s: float, grace_s: float = UNHELD_UPLOAD_GRACE_S,
                 clock: Callable[[], float] = time.monotonic, sweep_in_background: bool = True) -> None:
        super().__init__(max_bytes, ttl_s, measure=lambda analyses: analysis_bytes(analyses.analysis), clock=clock,
                         sweep_in_background=sweep_in_background)
        self.grace_s = grace_s

    def analysis(self, key: str, compute: Callable[[], Analysis], *, holder: str, private: bool) -> Analysis:
        """The analysis cached under `key`, computed by `compute` on a miss; `holder` (a session)
        now holds it."""
        return self.fetch(key, lambda: _Analyses(compute(), private),
                          use=lambda entry, _: entry.value.hold(holder)).analysis

    def corrected(self, key: str, fixes: str, compute: Callable[[], Analysis], correct: Callable[[Analysis], Analysis],
                  *, holder: str, private: bool) -> Analysis:
        """The analysis under `key` with the corrections `fixes` applied by `correct`."""
        base = self.analysis(key, compute, holder=holder, private=private)

        def find(entry: Entry[_Analyses], _: float) -> Analysis:
            if fixes not in entry.value.corrected:
                return MISSING
            entry.value.hold(holder)
            entry.value.corrected.move_to_end(fixes)
            return entry.value.corrected[fixes][0]

        def make() -> Analysis:
            result = correct(base)
            nbytes = analysis_bytes(result, beside=base)
            # When the analysis it corrects was dropped meanwhile, there is nothing to attach it to.
            self.edit(key, lambda entry, _: _add_corrected(entry, fixes, (result, nbytes), holder))
            return result

        return self.once((key, fixes), lambda: self.lookup(key, find), make)

    def release(self, holder: str) -> None:
        """`holder` (a closed session) looks at nothing any more."""
        def let_go(entry: Entry[_Analyses], now: float) -> None:
            if holder in entry.value.holders:
                entry.value.holders.discard(holder)
                if not entry.value.holders:
                    entry.value.unheld_since = now

        self.edit_all(let_go)

    def sweep(self) -> bool:
        """Drop what has expired: analyses unused for `ttl_s`, uploads nobody held for `grace_s`;
        from the background sweep, hand the memory back to the system."""
        dropped = super().sweep()
        if dropped and self._sweep_in_background:
            return_freed_memory()
        return dropped

    def _deadline(self, entry: Entry[_Analyses]) -> float:
        due = super()._deadline(entry)
        if entry.value.private and entry.value.unheld_since is not None:
            due = min(due, entry.value.unheld_since + self.grace_s)
        return due


def _add_corrected(entry: Entry[_Analyses], fixes: str, corrected: tuple[Analysis, int], holder: str) -> None:
    """Keep a corrected analysis (and its bytes) beside the analysis it corrects, at most
    MAX_CORRECTED per corpus: an analyst trying many merges must not grow one entry without bound."""
    analyses = entry.value
    analyses.corrected[fixes] = corrected
    entry.nbytes += corrected[1]
    while len(analyses.corrected) > MAX_CORRECTED:
        _, (_, dropped) = analyses.corrected.popitem(last=False)
        entry.nbytes -= dropped
    analyses.hold(holder)


def return_freed_memory() -> bool:
    """Hand the memory of dropped analyses back to the operating system; True when it could.

    glibc keeps freed heap pages for reuse, so without this a server's resident size stays at
    its peak long after the uploads that raised it are gone. Linux with glibc only; elsewhere a
    no-op."""
    gc.collect()  # the tables of a dropped analysis may sit in reference cycles
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return False
    libc.malloc_trim(0)
    return True


@st.cache_resource(show_spinner=False)
def analysis_cache() -> AnalysisCache:
    """The server's one analysis cache (a resource: shared by every session, never copied)."""
    megabytes = env_number(CACHE_MB_ENV, DEFAULT_CACHE_MB)
    return AnalysisCache(max_bytes=int(megabytes * 1024 * 1024), ttl_s=env_number(CACHE_TTL_ENV, DEFAULT_CACHE_TTL_S))


@dataclass(frozen=True)
class SessionLease:
    """Stands for one browser session in the analysis cache; released when the session closes."""

    token: str
    cache: AnalysisCache
    session_id: str | None  # Streamlit's id of the session, for its uploaded files


def _release(lease: SessionLease) -> None:
    lease.cache.release(lease.token)
    if lease.session_id is not None:
        timer = threading.Timer(UNHELD_UPLOAD_GRACE_S, forget_uploaded_files, args=(lease.session_id,))
        timer.daemon = True
        timer.start()


def forget_uploaded_files(session_id: str) -> bool:
    """Free the raw bytes of a closed session's uploads; True when they were freed.

    Streamlit keeps a disconnected session for two minutes so that it can reconnect, then lets it
    expire from that store without shutting it down, and shutting down is what removes its
    uploads from the server's upload manager: without this, every upload's bytes would stay in
    memory for the life of the server. Called once the reconnect window has passed; a session
    that has come back (active again) keeps its files.
    """
    from streamlit import runtime  # the server's runtime: only there when Streamlit serves the app

    if not runtime.exists():
        return False
    server = runtime.get_instance()
    if server.is_active_session(session_id):
        return False
    server.uploaded_file_mgr.remove_session_files(session_id)
    return True


def _current_session_id() -> str | None:
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    context = get_script_run_ctx()
    return context.session_id if context is not None else None


@st.cache_resource(show_spinner=False, scope="session", on_release=_release)
def session_lease() -> SessionLease:
    # Session-scoped: Streamlit drops it, calling _release, as soon as the session disconnects.
    return SessionLease(uuid.uuid4().hex, analysis_cache(), _current_session_id())


def analysis_of(corpus: LoadedCorpus, corrections: EntityCorrections | None = None) -> Analysis:
    """The corpus's analysis with the analyst's entity corrections, computed once per distinct
    content (and once per distinct set of corrections) while it stays in the analysis cache.

    The result is shared with every session viewing the same content: never modify it."""
    # The whole pipeline (spaCy): imported by the first analysis, never for a store.
    from analysis.engine import analyze, with_corrections

    lease = session_lease()
    private = corpus.corpus_id not in (BUNDLED, SERVER)  # an upload or a share: gone when unheld

    def compute() -> Analysis:
        return analyze(corpus.documents, nlp=nlp_pipeline())

    # The spinner only appears when the work takes a moment: on a miss, or while another
    # session computes the same corpus.
    with st.spinner(f"Analysing {len(corpus.documents):,} articles ({corpus.words:,} words)…", show_time=True):
        if corrections:
            return lease.cache.corrected(corpus.content_key, corrections.to_query_value(), compute,
                                         lambda base: with_corrections(base, corrections),
                                         holder=lease.token, private=private)
        return lease.cache.analysis(corpus.content_key, compute, holder=lease.token, private=private)

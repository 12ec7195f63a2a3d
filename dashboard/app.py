"""Parallax dashboard: `streamlit run dashboard/app.py`.

The router: page config, the shared sidebar (corpus, filters, pipeline) and st.navigation over
the pages in dashboard/views/. It analyses the corpus (cached), applies the filters once per
distinct view (shared by every session on it) and hands the result to the page; the URL is
rewritten from the filters so a link reopens this view, and uploaded articles can be shared by
link (dashboard/sharing.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import streamlit as st
from streamlit.logger import get_logger

from analysis import LoadError
from analysis.entities import EntityCorrections
from analysis.filters import PARAM_ENTITY
from analysis.loading import is_note
from dashboard import context, sharing, sidebar, store_pages, url_state
from dashboard import store as stores
from dashboard.corpus import STORE, LoadedCorpus, analysis_of
from dashboard.markup import md
from dashboard.store import StoreCorpus

ASSETS = Path(__file__).resolve().parent / "assets"

T = TypeVar("T")
LOGGER = get_logger("parallax.dashboard")  # Streamlit's handler and level (config `logger.level`)
OVERVIEW = "views/overview.py"
# Failure reasons (analysis.loading) that are not about a file that could not be read: a place
# with no article file in it ("no article files in this folder", "the archive holds no article
# files", "empty folder in the archive"), and a file or row read but holding no article text
# ("empty file", "no text (whitespace only)", "the JSON list is empty", "no data rows under the
# header", "no article text found in the HTML page").
_NO_FILES = re.compile(r"\bno article files\b|\bempty folder\b")
_NO_TEXT = re.compile(r"\bempty\b|\bno (?:article )?text\b|\bno data rows\b")
ANALYSIS_FAILED = ("The analysis of this corpus failed unexpectedly, so there is nothing to show. "
                   "The error is in the server's log; reload the page to try again.")
STORE_FAILED = ("The analysis store could not be opened, so there is nothing to show. The reason is in the "
                "server's log; a store still being built opens once its build has finished.")
PAGE_FAILED = ("This page failed unexpectedly while drawing. The error is in the server's log; "
               "change a filter, open another page or reload to try again.")


def pages() -> list[st.Page]:
    """The pages, built per run (st.Page objects are cheap and hold no state of ours).

    Streamlit serves the default page at "/" only and answers its own path with "Page not found",
    so Overview, the default, also gets a hidden twin at /overview: a link to it opens the page.
    The twin needs another url_path for the default (a page's identity is its url_path)."""
    return [
        st.Page(OVERVIEW, title="Overview", icon=":material/dashboard:", url_path="home", default=True),
        st.Page("views/compare.py", title="Compare", icon=":material/compare_arrows:", url_path="compare"),
        st.Page("views/entities.py", title="Entities", icon=":material/groups:", url_path="entities"),
        st.Page("views/casualties.py", title="Casualties", icon=":material/personal_injury:", url_path="casualties"),
        st.Page("views/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
        st.Page("views/sentiment.py", title="Sentiment", icon=":material/mood:", url_path="sentiment"),
        st.Page(OVERVIEW, title="Overview", icon=":material/dashboard:", url_path="overview", visibility="hidden"),
    ]


def nothing_to_analyse(corpus: LoadedCorpus) -> str:
    """What the visitor is told when the corpus has no article to analyse: what actually
    happened to its files (counts only: file names and reasons are in the sidebar's table)."""
    if corpus.notice:
        return f"No article fits in what the dashboard analyses at once. {corpus.notice}"
    failures = [reason for path, reason in corpus.errors if not is_note(LoadError(path, reason))]
    no_files = sum(bool(_NO_FILES.search(reason)) for reason in failures)
    no_text = sum(bool(_NO_TEXT.search(reason)) and not _NO_FILES.search(reason) for reason in failures)
    unreadable = len(failures) - no_files - no_text
    if unreadable and unreadable == len(failures):
        return "None of the files could be read: see the list in the sidebar."
    parts = [f"{no_files} folder(s) or archive(s) hold no article files" if no_files else "",
             f"{no_text} file(s) or row(s) read hold no text" if no_text else "",
             f"{unreadable} file(s) or row(s) could not be read" if unreadable else ""]
    found = "; ".join(part for part in parts if part) or "the corpus holds no files"
    return f"There is no article to analyse: {found}. See the list in the sidebar."


def without_traceback(work: Callable[[], T], message: str, what: str) -> T:
    """`work()`, or, when it raises, `message` for the visitor and the run stops there: no
    traceback and no server path reach the browser, and the traceback goes to the server's log
    (`what` says there what failed). Streamlit's own control flow (st.stop, st.rerun,
    st.switch_page) passes through: it is not an Exception."""
    try:
        return work()
    except Exception:
        LOGGER.exception("%s failed", what)
        st.error(message, icon=":material/error:")
        st.stop()
        raise  # st.stop() raises; this only tells type checkers the function ends here


def show_store(store: StoreCorpus, page: st.Page) -> None:
    """The rest of a run on an analysis store: its filters, then the page, every table of which
    comes from DuckDB queries over the store (dashboard/store_pages.py). Entity corrections need
    the whole analysis in memory, so a link's corrections are not applied here, and it says so."""
    queries = without_traceback(lambda: stores.queries_of(store), STORE_FAILED, f"opening the store {store.root}")
    choices = without_traceback(lambda: stores.choices_of(store, queries), STORE_FAILED,
                                f"filter choices of the store {store.root}")
    st.sidebar.caption(f"{md(store.label)}: an analysis store of {len(choices.sources):,} source(s), "
                       f"read in place.")
    wanted = [*st.session_state.get(sidebar.ENTITIES_KEY, []), *url_state.query_dict().get(PARAM_ENTITY, [])]
    offered = stores.offered_choices(choices, wanted)
    filters = sidebar.choose_filters(offered)
    if len(offered.entities) < len(choices.entities):
        st.sidebar.caption(f"The Entity list offers the {stores.SIDEBAR_ENTITIES:,} most mentioned of "
                           f"{len(choices.entities):,} entities; a click on an entity in the Entities page's "
                           "charts, or a link naming it (?entity=…), filters by any other.")
    sidebar.show_pipeline(queries.pipeline)
    if url_state.corrections():
        st.sidebar.info("This link carries entity corrections: they are not applied to an analysis store.",
                        icon=":material/edit_off:")
    url_state.write(filters, STORE, EntityCorrections())
    stores.publish(stores.StoreContext(store, queries, filters, choices))
    without_traceback(page.run, PAGE_FAILED, f"page /{page.url_path} on the store {store.root}")


def main() -> None:
    # An icon file of our own: a ":material/...:" page icon makes every page ask a font host.
    st.set_page_config(page_title="Parallax", page_icon=str(ASSETS / "favicon.svg"), layout="wide")
    store_mode = sidebar.store_chosen()
    page = st.navigation(store_pages.pages() if store_mode else pages())
    st.sidebar.title("Parallax")
    st.sidebar.caption("How different sources cover the same conflict story.")
    sharing.offer_delete()
    corpus = sidebar.choose_corpus()
    if isinstance(corpus, StoreCorpus) != store_mode:
        st.rerun()  # the corpus changed before the radio was drawn (a link's share): set the pages up again
    if isinstance(corpus, StoreCorpus):
        show_store(corpus, page)
        return
    share_box = st.sidebar.container()  # filled last, when the URL holds the whole view
    sidebar.show_load_errors(corpus)
    if not corpus.documents:
        st.error(nothing_to_analyse(corpus))
        st.stop()
    corrections = url_state.corrections()
    full = without_traceback(lambda: analysis_of(corpus, corrections), ANALYSIS_FAILED,
                             f"analysis of corpus {corpus.corpus_id} ({corpus.content_key})")
    filters = sidebar.choose_filters(context.filter_choices(corpus, full, corrections))
    sidebar.show_pipeline(full)
    url_state.write(filters, corpus.corpus_id, corrections, sharing.token_of(corpus))
    context.publish(context.build(corpus, full, filters, corrections))
    without_traceback(page.run, PAGE_FAILED, f"page /{page.url_path}")
    sharing.offer(share_box, corpus, page.url_path)  # after the page: its own URL parameters are in


if __name__ == "__main__":  # `streamlit run` runs this file as __main__; tests import its functions
    main()

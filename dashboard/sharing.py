"""Sharing uploaded articles by link, and opening such a link: the dashboard's side of
analysis.sharing.

Nothing is stored until the visitor presses "Share these articles". The store is the SQL
database of `st.connection("shares")`: `[connections.shares]` in `.streamlit/secrets.toml` when a
host configures one (PostgreSQL), else PARALLAX_SHARES_URL, else a SQLite file in the data
folder. A share opened from a link lives in the visitor's session, like an upload; its analysis
is the cached one of the same content, so the sharer and every reader share one computation.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.logger import get_logger

from analysis.document import Document
from analysis.sharing.config import (
    CONNECTION_NAME,
    DATABASE_URL_ENV,
    ShareLimits,
    base_url,
    sqlite_url,
)
from analysis.sharing.links import DELETE_PARAM, delete_link, with_query
from dashboard import url_state
from dashboard.corpus import SHARED, UPLOAD_PREFIX, LoadedCorpus, from_documents

# The share store (analysis.sharing.store) brings SQLAlchemy, a third of a second to import: it
# is imported by the functions that open, make or delete a share, never by a page that only reads.
if TYPE_CHECKING:
    from analysis.sharing.store import ShareError, ShareStore

LOGGER = get_logger("parallax.sharing")
SHARED_KEY = "_parallax_shared"  # the HeldShare this session opened or made
SWITCH_KEY = "_parallax_show_shared"  # set when a share was just opened or made: the sidebar selects it
TRIED_KEY = "_parallax_share_tried"  # the last link token this session tried to open (tried once)
NOTE_KEY = "_parallax_share_note"  # why a link's articles could not be opened
ERROR_KEY = "_parallax_share_error"  # why pressing "Share these articles" failed (shown once)
DELETE_LINK_KEY = "_parallax_delete_link"  # (token, private delete link): the sharer's session only
DELETED_KEY = "_parallax_share_deleted"  # the outcome of a delete link's button (shown once)
SHARE_BUTTON = "Share these articles"
UNAVAILABLE = "Sharing is unavailable: {reason}"


@dataclass(frozen=True)
class HeldShare:
    """A share this session shows: its link's token, its articles ready to analyse, its expiry."""

    token: str
    corpus: LoadedCorpus
    expires_at: datetime


def what_sharing_stores(limits: ShareLimits) -> str:
    """Said next to the button, before anything is stored."""
    return (f"Sharing stores the articles shown (title, source, date, address and text; not your files) "
            f"in the dashboard's database for {limits.expiry_days:g} days, for anyone with the link. "
            "You get a private link that deletes them sooner.")


# --- the store --------------------------------------------------------------------------------
def connection_settings() -> dict[str, Any]:
    """`[connections.shares]` from the app's secrets, else a URL: PARALLAX_SHARES_URL or the
    SQLite file in the data folder. Read through st.secrets and handed to st.connection, so a
    test's secrets reach it as a host's do."""
    try:
        section = st.secrets.get("connections", {}).get(CONNECTION_NAME)
    except FileNotFoundError:  # no secrets file at all: the usual local run
        section = None
    if section:
        return section.to_dict() if hasattr(section, "to_dict") else dict(section)
    return {"url": os.environ.get(DATABASE_URL_ENV, "").strip() or sqlite_url()}


@st.cache_resource(show_spinner=False)
def _schema_created(database: str, _store: ShareStore) -> bool:
    """Create (or check) the schema once per database and server process; a failure is not
    cached, so the next try tries again."""
    _store.create_schema()
    return True


def share_store() -> ShareStore:
    """The store, its schema ready; StoreUnavailable when the database cannot be used."""
    from analysis.sharing.store import ShareStore, StoreUnavailable

    try:
        engine = st.connection(CONNECTION_NAME, type="sql", **connection_settings()).engine
    except Exception as exc:
        LOGGER.exception("the share database could not be set up")
        raise StoreUnavailable("the share database is not set up correctly (see the server's log).") from exc
    store = ShareStore(engine, ShareLimits.from_env())
    try:
        _schema_created(engine.url.render_as_string(hide_password=False), store)
    except StoreUnavailable:
        LOGGER.exception("the share database could not be reached")
        raise
    return store


def _reason(exc: ShareError) -> str:
    """The visitor's message: a database fault says that sharing as a whole is unavailable."""
    from analysis.sharing.store import StoreUnavailable

    text = str(exc)
    return UNAVAILABLE.format(reason=text[:1].lower() + text[1:]) if isinstance(exc, StoreUnavailable) else text


# --- opening a link ---------------------------------------------------------------------------
def held() -> HeldShare | None:
    return st.session_state.get(SHARED_KEY)


def token_of(corpus: LoadedCorpus) -> str | None:
    """The share token the URL carries while `corpus` is the session's share."""
    share = held()
    return share.token if share is not None and corpus.corpus_id == SHARED else None


def shared_corpus(documents: tuple[Document, ...]) -> LoadedCorpus:
    return from_documents(SHARED, f"Shared articles ({len(documents)} articles)", documents)


def open_link(token: str) -> None:
    """Open the articles of a link's token into this session, once per token; on failure keep a
    message saying why (the sidebar shows it over the seeds)."""
    current = held()
    if (current is not None and current.token == token) or st.session_state.get(TRIED_KEY) == token:
        return
    st.session_state[TRIED_KEY] = token
    from analysis.sharing.store import ShareError, StoreUnavailable

    try:
        with st.spinner("Opening the shared articles…"):
            shared = share_store().get(token)
    except ShareError as exc:
        st.session_state[NOTE_KEY] = f"{_reason(exc)} Showing the bundled seeds."
        if isinstance(exc, StoreUnavailable):
            st.session_state[NOTE_KEY] += " Open the link again later."
        return
    st.session_state[SHARED_KEY] = HeldShare(token, shared_corpus(shared.documents), shared.expires_at)
    st.session_state[SWITCH_KEY] = True
    st.session_state.pop(NOTE_KEY, None)


def note() -> str | None:
    """Why the link's articles could not be opened, while the visitor has not moved on."""
    return st.session_state.get(NOTE_KEY)


def forget_note() -> None:
    st.session_state.pop(NOTE_KEY, None)


def switch_requested() -> bool:
    """Whether a share was just opened or made, so the sidebar should show it (asked once)."""
    return bool(st.session_state.pop(SWITCH_KEY, False))


# --- sharing and showing the link -------------------------------------------------------------
def app_address() -> str:
    """Scheme, host and base path of the app as the visitor's browser reaches it (the command
    line's base URL when there is no browser, as in tests)."""
    seen = st.context.url
    if not seen:
        return base_url().rstrip("/")
    parts = urlsplit(seen)
    base_path = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"{parts.scheme}://{parts.netloc}" + (f"/{base_path}" if base_path else "")


def current_link(page_path: str) -> str:
    """This page with everything in the URL now: corpus and share token, filters, corrections and
    the Compare selection."""
    return with_query(f"{app_address()}/{page_path}", url_state.query_dict())


def _share(corpus: LoadedCorpus) -> None:
    """The button's callback: store the articles and show them as the shared corpus, so the
    address bar becomes the link."""
    from analysis.sharing.store import ShareError

    try:
        made = share_store().put(corpus.documents)
    except ShareError as exc:
        st.session_state[ERROR_KEY] = _reason(exc)
        return
    st.session_state[SHARED_KEY] = HeldShare(made.token, shared_corpus(corpus.documents), made.expires_at)
    st.session_state[DELETE_LINK_KEY] = (made.token, delete_link(app_address(), made.delete_token))
    st.session_state[TRIED_KEY] = made.token
    st.session_state[SWITCH_KEY] = True
    forget_note()


def offer(box: DeltaGenerator, corpus: LoadedCorpus, page_path: str) -> None:
    """In `box` (the sidebar, under the corpus): the share button on uploaded articles, and the
    link (with the sharer's private delete link) on shared ones."""
    share = held()
    with box:
        if corpus.corpus_id.startswith(UPLOAD_PREFIX):
            st.button(SHARE_BUTTON, icon=":material/share:", on_click=_share, args=(corpus,),
                      help="Stores these articles so that a link opens them for anyone who has it.")
            st.caption(what_sharing_stores(ShareLimits.from_env()))
            if ERROR_KEY in st.session_state:
                st.error(st.session_state.pop(ERROR_KEY), icon=":material/cloud_off:")
        elif corpus.corpus_id == SHARED and share is not None:
            st.caption(f"Anyone with this link opens these articles, on this page and view, until "
                       f"{share.expires_at:%d %b %Y}. The address bar holds it too.")
            st.code(current_link(page_path), language=None, wrap_lines=True)
            private = st.session_state.get(DELETE_LINK_KEY)
            if private and private[0] == share.token:
                st.caption("Your private link to delete this share: keep it, it is shown only in this "
                           "browser session and cannot be recovered.")
                st.code(private[1], language=None, wrap_lines=True)


# --- a delete link ----------------------------------------------------------------------------
def _delete(delete_token: str) -> None:
    from analysis.sharing.store import ShareError

    try:
        deleted = share_store().delete(delete_token)
    except ShareError as exc:
        st.session_state[DELETED_KEY] = ("error", _reason(exc))
        return
    st.session_state[DELETED_KEY] = (("success", "The share is deleted: its link no longer opens the articles.")
                                     if deleted else ("info", GONE))
    del st.query_params[DELETE_PARAM]


GONE = "This delete link belongs to no share any more: it was deleted already, or it expired."


def offer_delete() -> None:
    """On a share's private delete link: say what it does and delete on a press (a link preview
    or a prefetch must never delete by merely opening it)."""
    outcome = st.session_state.pop(DELETED_KEY, None)
    if outcome is not None:
        kind, message = outcome
        getattr(st, kind)(message, icon=":material/delete:")
        return
    delete_token = url_state.requested_delete()
    if not delete_token:
        return
    from analysis.sharing.store import ShareError

    try:
        live = share_store().exists_for_delete(delete_token)
    except ShareError as exc:
        st.error(_reason(exc), icon=":material/cloud_off:")
        return
    if not live:
        st.info(GONE, icon=":material/delete:")
        return
    with st.container(border=True):
        st.warning("This is the private link that deletes a share. Once deleted, the share's link "
                   "opens nothing and the articles are removed from the server.", icon=":material/delete:")
        st.button("Delete the shared articles", type="primary", on_click=_delete, args=(delete_token,))

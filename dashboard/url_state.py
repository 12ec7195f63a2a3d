"""Keeps the sidebar filters and the URL in step, so a copied link reopens the same view.

The URL is read once per session to seed the widgets; from then on the widgets are the truth and
the URL is rewritten from them on every rerun. Writing it every rerun is also what keeps the
filters in the link after a page switch, which some Streamlit versions start with a bare URL.
"""

from __future__ import annotations

import re

import streamlit as st

from analysis import Filters
from analysis.entities import EntityCorrections
from analysis.filters import (
    FILTER_PARAMS,
    MAX_CORRECTIONS_CHARS,
    MAX_SHARE_TOKEN_CHARS,
    param_values,
)
from analysis.sharing import DELETE_PARAM, SHARE_PARAM
from dashboard.corpus import BUNDLED, SERVER, SHARED, STORE, UPLOAD_PREFIX

CORPUS_PARAM = "corpus"
CORRECTIONS_PARAM = "fix"
# The analyst's entity merges/splits for this session; the Entities page edits it.
CORRECTIONS_KEY = "entity_corrections"
_SEEDED_KEY = "_parallax_url_seeded"
# What the router writes as "corpus": the server's own corpora, an upload's content digest, and
# "shared" beside a share's token ("share"), and "store" for the analysis store PARALLAX_STORE names.
_CORPUS_ID = re.compile(rf"(?:{BUNDLED}|{SERVER}|{SHARED}|{STORE}|{UPLOAD_PREFIX}[0-9a-f]{{12}})")


def query_dict() -> dict[str, list[str]]:
    """The current query parameters with every value as a list (repeated keys kept)."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def initial_filters() -> tuple[Filters, list[str]] | None:
    """The filters in the URL the session was opened with, once, with a note for every part of
    the link that was ignored (filters, corrections, corpus); None on later reruns."""
    if st.session_state.get(_SEEDED_KEY):
        return None
    st.session_state[_SEEDED_KEY] = True
    filters, notes = Filters.parse_query_params(query_dict())
    return filters, [*notes, *_corrections_from_url()[1], *_corpus_from_url()[1]]


def corrections() -> EntityCorrections:
    """The session's entity corrections, seeded from the URL the first time."""
    if CORRECTIONS_KEY not in st.session_state:
        st.session_state[CORRECTIONS_KEY] = _corrections_from_url()[0]
    return st.session_state[CORRECTIONS_KEY]


def _corrections_from_url() -> tuple[EntityCorrections, list[str]]:
    values, notes = param_values(query_dict(), CORRECTIONS_PARAM, max_values=1, max_chars=MAX_CORRECTIONS_CHARS)
    fixes, reason = EntityCorrections.parse_query_value(values[0] if values else None)
    if reason:
        notes.append(f"Link parameter “{CORRECTIONS_PARAM}” (entity corrections) ignored: {reason}.")
    return fixes, notes


def _corpus_from_url() -> tuple[str | None, list[str]]:
    values, notes = param_values(query_dict(), CORPUS_PARAM, max_values=1)
    if values and not _CORPUS_ID.fullmatch(values[0]):
        return None, [*notes, f"Link parameter “{CORPUS_PARAM}” ignored: not the name of a corpus."]
    return (values[0] if values else None), notes


def requested_corpus() -> str | None:
    """The corpus the URL names, when it is one the router could have written."""
    return _corpus_from_url()[0]


def requested_share() -> str | None:
    """The share token the URL carries (bounded; the store tells a malformed one from a real one)."""
    return _token(SHARE_PARAM)


def requested_delete() -> str | None:
    """The delete token of a share's private delete link, when the URL is one."""
    return _token(DELETE_PARAM)


def _token(key: str) -> str | None:
    """The first value of `key`, cut one character past the bound so that an over-long value
    stays invalid (it reads as an unknown token, with the same message) and costs nothing."""
    values = [value.strip() for value in st.query_params.get_all(key) if value.strip()]
    return values[0][: MAX_SHARE_TOKEN_CHARS + 1] if values else None


def write(filters: Filters, corpus_id: str, fixes: EntityCorrections, share_token: str | None = None) -> None:
    """Rewrite the router's part of the URL (filters, corpus, share token, corrections) from the
    session; parameters a page owns (e.g. the Compare page's selection) are kept as they are.
    Only writes when something differs, to avoid a needless rerun."""
    current = query_dict()
    router_owned = set(FILTER_PARAMS) | {CORPUS_PARAM, CORRECTIONS_PARAM, SHARE_PARAM}
    wanted = {key: values for key, values in current.items() if key not in router_owned}
    wanted.update(filters.to_query_params())
    wanted[CORPUS_PARAM] = [corpus_id]
    if share_token:
        wanted[SHARE_PARAM] = [share_token]
    if fixes:
        wanted[CORRECTIONS_PARAM] = [fixes.to_query_value()]
    if current != wanted:
        st.query_params.from_dict(wanted)

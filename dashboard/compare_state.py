"""The Compare page's selection and the URL, kept in step like the sidebar filters.

The selection ("cmp", repeated: cmp=a:<doc_id>&cmp=a:<doc_id> or cmp=s:<source>...) is read
from the URL once per session to seed the widget; from then on the widget is the truth and the
page writes it back to the URL on every run, so a copied link reopens the same comparison.

The router's url_state.write rewrites only the parameters it owns, so "cmp" stays in the link
on every page, and a page switch back to Compare finds it there.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from analysis.compare.selection import split_key
from analysis.filters import param_values

COMPARE_PARAM = "cmp"
SELECTION_KEY = "compare_selection"  # the multiselect's key
MODE_KEY = "compare_mode"  # articles or sources
_STORE_KEY = "_compare_selection_store"  # outlives the widget when the visitor leaves the page
_SEEDED_KEY = "_compare_url_seeded"


def stored_selection() -> list[str] | None:
    """The session's selection, or None before the page first ran."""
    store = st.session_state.get(_STORE_KEY)
    return list(store) if store is not None else None


def url_selection() -> tuple[list[str], list[str]]:
    """The selection the URL names (bounded, well-formed keys only) and a note for what was left out."""
    keys, notes = param_values({COMPARE_PARAM: st.query_params.get_all(COMPARE_PARAM)}, COMPARE_PARAM)
    known = [key for key in keys if split_key(key) is not None]
    if len(known) < len(keys):
        notes.append(f"Link parameter “{COMPARE_PARAM}”: {len(keys) - len(known)} value(s) that name no article "
                     "(a:…) or source (s:…) ignored.")
    return known, notes


def seed_once() -> tuple[list[str], list[str]] | None:
    """The URL's selection and notes the first time the page runs in a session; None afterwards."""
    if st.session_state.get(_SEEDED_KEY):
        return None
    st.session_state[_SEEDED_KEY] = True
    return url_selection()


def remember(keys: Sequence[str]) -> None:
    """Make `keys` the session's selection (the widget shows it on its next draw)."""
    st.session_state[_STORE_KEY] = list(keys)


def sync_widget(keys: Sequence[str]) -> None:
    """Before the widget is drawn: show `keys` (a deep link, or a selection the filters cut)."""
    remember(keys)
    st.session_state[SELECTION_KEY] = list(keys)


def on_widget_change() -> None:
    """Callback of the multiselect: its value becomes the session's selection."""
    remember(st.session_state.get(SELECTION_KEY) or [])


def write(keys: Sequence[str]) -> None:
    """Put the selection in the URL; only when it differs, to avoid needless messages."""
    keys = list(keys)
    if st.query_params.get_all(COMPARE_PARAM) == keys:
        return
    if keys:
        st.query_params[COMPARE_PARAM] = keys
    elif COMPARE_PARAM in st.query_params:
        del st.query_params[COMPARE_PARAM]

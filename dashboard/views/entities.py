"""Entities: who and where each source names, in what tone, together with whom; click to filter,
read the mentions in context, and correct how names were grouped (merge / split)."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from analysis.entities import EntityCorrections, views
from analysis.export import csv_bytes
from dashboard import url_state
from dashboard.charts import entities as charts
from dashboard.charts.common import type_name
from dashboard.context import PageContext, current
from dashboard.markup import md
from dashboard.sidebar import ENTITIES_KEY

HEATMAP_ENTITIES = 25
SENTIMENT_ENTITIES = 20
KWIC_ROWS = 200
MERGE_FROM_KEY = "entities_merge_from"
MERGE_INTO_KEY = "entities_merge_into"
SPLIT_KEY = "entities_split"
NETWORK_NODES_KEY = "entities_network_nodes"
NETWORK_MIN_KEY = "entities_network_min"


# What the mentions section says until an entity is chosen (here and on an analysis store's page).
NO_ENTITY_CHOSEN = "Click an entity in a chart above, or pick one in the sidebar, to read its mentions here."

# --- callbacks: the only place this page changes shared state -----------------------------------


def _filter_from_chart(key: str) -> None:
    """A click (or box/lasso) on an entity chart filters the whole dashboard by those entities."""
    state = st.session_state.get(key)
    points = state["selection"]["points"] if state else []
    chosen = charts.selected_entities(points)
    if chosen:
        st.session_state[ENTITIES_KEY] = chosen


def _clear_entity_filter() -> None:
    st.session_state[ENTITIES_KEY] = []


def _merge() -> None:
    aliases = st.session_state.get(MERGE_FROM_KEY) or []
    into = st.session_state.get(MERGE_INTO_KEY)
    if not aliases or not into:
        return
    fixes = url_state.corrections()
    for alias in aliases:
        fixes = fixes.merge(alias, into)
    st.session_state[url_state.CORRECTIONS_KEY] = fixes
    st.session_state[MERGE_FROM_KEY] = []
    st.session_state[MERGE_INTO_KEY] = None


def _split() -> None:
    entity = st.session_state.get(SPLIT_KEY)
    if entity:
        st.session_state[url_state.CORRECTIONS_KEY] = url_state.corrections().split(entity)
        st.session_state[SPLIT_KEY] = None


def _undo(position: int) -> None:
    st.session_state[url_state.CORRECTIONS_KEY] = views.without_correction(url_state.corrections(), position)


def _reset_corrections() -> None:
    st.session_state[url_state.CORRECTIONS_KEY] = EntityCorrections()


# --- sections --------------------------------------------------------------------------------------

def _chart(figure, key: str) -> None:
    st.plotly_chart(figure, key=key, on_select=lambda: _filter_from_chart(key),
                    selection_mode=("points", "box", "lasso"))


def kwic_html(rows: pd.DataFrame) -> str:
    """The mentions as an HTML table, every piece of text escaped before the <mark> goes round it.
    The article (source, title) is named on the first of its consecutive rows only."""
    esc = html.escape
    body, previous = [], None
    for r in rows.itertuples(index=False):
        first = r.doc_id != previous
        previous = r.doc_id
        article = (f"{esc(str(r.source))}<br><span class='px-title'>{esc(str(r.title))}</span>" if first else "")
        body.append(
            f"<tr class='{'px-first' if first else ''}'>"
            f"<td class='px-src'>{article}</td>"
            f"<td class='px-before'>{esc(str(r.before))}</td>"
            f"<td class='px-match'><mark title='{esc(str(r.entity))} ({esc(type_name(r.label))})'>{esc(str(r.match))}</mark></td>"
            f"<td class='px-after'>{esc(str(r.after))}</td>"
            "</tr>"
        )
    # Colours by opacity, not fixed greys, so the table reads in the dark theme too.
    style = (
        "<style>.px-kwic{border-collapse:collapse;width:100%;font-size:0.9rem}"
        ".px-kwic td{padding:3px 6px;vertical-align:top}"
        ".px-kwic tr.px-first td{border-top:1px solid rgba(128,128,128,.35);padding-top:8px}"
        ".px-kwic .px-src{width:22%;font-weight:600}.px-kwic .px-title{font-weight:400;opacity:.7;"
        "font-size:0.8rem}.px-kwic .px-before{text-align:right;width:34%;opacity:.85}"
        ".px-kwic .px-match{white-space:nowrap;text-align:center}.px-kwic .px-after{width:34%;opacity:.85}"
        ".px-kwic mark{background:#ffe08a;color:#222;padding:0 2px;border-radius:3px}</style>"
    )
    return f"{style}<table class='px-kwic'><tbody>{''.join(body)}</tbody></table>"


def _overview(ctx: PageContext) -> None:
    result = ctx.filtered
    counts = views.mentions_by_source(result.mentions, result.documents)
    top = views.top_entity_names(result.mentions, HEATMAP_ENTITIES)
    # Full width each: with half a page, several outlets' names no longer fit in a legend or
    # under a heatmap column.
    _chart(charts.entities_by_type_and_source(counts), "entities_by_type")
    _chart(charts.mention_heatmap(views.mention_density(result.mentions, result.documents, top)),
           "entities_heatmap")
    st.caption("Click a bar, a cell, a dot or a node (shift-click or drag a box for several) to filter "
               "every page by those entities. The heatmap divides mentions by the words each source "
               "published in view, so a long feature and a short wire compare fairly.")


def _sentiment(ctx: PageContext) -> None:
    result = ctx.filtered
    tone = views.entity_sentiment(result.mentions, result.sentences, result.documents)
    _chart(charts.entity_sentiment(tone, limit=SENTIMENT_ENTITIES,
                                   min_sentences=views.MIN_SENTENCES_FOR_TREND), "entities_sentiment")
    st.caption("Each dot is the mean VADER compound of the sentences of one source that name the entity; "
               "its size and the hover give the number of sentences, the bar a 95% interval. Hollow dots "
               f"rest on fewer than {views.MIN_SENTENCES_FOR_TREND} sentences: read them as examples, "
               "not a tendency.")


def _network(ctx: PageContext) -> None:
    result = ctx.filtered
    pairs = views.cooccurrence(result.mentions)
    strongest = int(pairs["sentences"].max()) if not pairs.empty else 1
    left, right = st.columns(2)
    nodes = left.slider("Entities in the network", 10, 150, 60, step=5, key=NETWORK_NODES_KEY)
    minimum = right.slider("Minimum shared sentences", 1, max(2, strongest), 1, key=NETWORK_MIN_KEY)
    _chart(charts.cooccurrence_network(result.entities, pairs, max_nodes=nodes, min_sentences=minimum),
           "entities_network")


def _mentions_in_context(ctx: PageContext) -> None:
    st.subheader("Mentions in context")
    chosen = list(ctx.filters.entities)
    if not chosen:
        st.info(NO_ENTITY_CHOSEN, icon=":material/touch_app:")
        return
    result = ctx.filtered
    rows = views.keyword_in_context(result.mentions, result.sentences, result.documents, chosen)
    head, button = st.columns([4, 1])
    # Counts only in this markdown caption: entity names are shown highlighted, escaped, below.
    head.caption(f"{len(rows)} mention(s) of {len(chosen)} selected entit{'y' if len(chosen) == 1 else 'ies'} "
                 f"in {rows['doc_id'].nunique()} article(s)"
                 + (f"; the first {KWIC_ROWS} are shown, the CSV below has them all." if len(rows) > KWIC_ROWS
                    else "."))
    button.button("Clear entity filter", on_click=_clear_entity_filter, icon=":material/filter_alt_off:")
    if rows.empty:
        st.caption("No mention left after the other filters.")
        return
    st.html(kwic_html(rows.head(KWIC_ROWS)))


def _corrections(ctx: PageContext) -> None:
    st.subheader("Correct the entities")
    st.caption("Merge names that mean the same referent, or split one that lumps different ones. "
               "Corrections apply to every page and to the downloads, and travel in the link.")
    entities = ctx.full.entities
    described = {str(e): f"{e} · {type_name(label)} · {n} mention{'s' if n != 1 else ''}" for e, label, n
                 in entities[["entity", "label", "mentions"]].itertuples(index=False)}
    names = list(described)

    def label_of(entity: str) -> str:
        return described.get(entity, entity)

    merge_col, split_col = st.columns(2)
    with merge_col.form("entities_merge_form", border=True):
        st.markdown("**Merge**")
        st.multiselect("Entities to merge", names, key=MERGE_FROM_KEY, format_func=label_of,
                       placeholder="Pick one or more")
        st.selectbox("into", names, index=None, key=MERGE_INTO_KEY, format_func=label_of,
                     placeholder="Pick the entity they are")
        st.form_submit_button("Merge", on_click=_merge, icon=":material/merge:")
    aliases = {str(e): list(a) for e, a in zip(entities["entity"], entities["aliases"])
               if a is not None and len(a) > 1}
    with split_col.form("entities_split_form", border=True):
        st.markdown("**Split**")
        st.selectbox("Entity to split into its surface forms", list(aliases), index=None, key=SPLIT_KEY,
                     format_func=lambda e: f"{e}: {' / '.join(aliases.get(e, []))}",
                     placeholder="Entities written more than one way")
        st.form_submit_button("Split", on_click=_split, icon=":material/call_split:")
    lines = views.describe_corrections(ctx.corrections)
    if not lines:
        st.caption("No corrections: the entities are as the pipeline grouped them.")
        return
    st.markdown("**Active corrections**")
    for position, (_, text) in enumerate(lines):
        line, undo = st.columns([5, 1], vertical_alignment="center")
        line.text(text)
        undo.button("Undo", key=f"entities_undo_{position}", on_click=_undo, args=(position,),
                    icon=":material/undo:")
    st.button("Reset all corrections", on_click=_reset_corrections, icon=":material/restart_alt:")


def _downloads(ctx: PageContext) -> None:
    """CSV of the entities and of every mention, after filters and corrections. Built only when
    clicked (deferred data), so a large corpus does not serialise its mentions on every rerun."""
    result = ctx.filtered
    st.subheader("Download")
    left, right = st.columns(2)
    left.download_button(
        "Entities (CSV)", lambda: csv_bytes(result.entities),
        file_name="parallax-entities.csv", mime="text/csv", icon=":material/download:", on_click="ignore",
        help="One row per entity after filters and corrections; lists joined with “; ”.")
    right.download_button(
        "Mentions (CSV)",
        lambda: csv_bytes(views.mentions_export(result.mentions, result.sentences, result.documents)),
        file_name="parallax-mentions.csv", mime="text/csv", icon=":material/download:", on_click="ignore",
        help="Every mention with its article and sentence, after filters and corrections.")


def render(ctx: PageContext) -> None:
    st.title("Entities")
    result = ctx.filtered
    st.caption(f"{len(result.entities):,} entities · {len(result.mentions):,} mentions · "
               f"{result.documents['source'].nunique()} source(s) · pipeline: {md(ctx.full.pipeline)}")
    if ctx.corrections:
        st.info(f"{len(views.describe_corrections(ctx.corrections))} entity correction(s) active: "
                "see “Correct the entities” below.", icon=":material/edit_note:")
    _overview(ctx)
    st.subheader("Tone around each entity")
    _sentiment(ctx)
    st.subheader("Who is named together")
    _network(ctx)
    _mentions_in_context(ctx)
    _downloads(ctx)
    _corrections(ctx)


# Streamlit runs a page file as "__main__"; imported (by a test, say), it only defines.
if __name__ == "__main__":
    render(current())

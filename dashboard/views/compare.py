"""Compare: how the selected articles or sources differ on the same story.

A plain-words summary first, then the articles side by side (entities, figures and dates marked,
sentences shaded by tone and tagged with the statement they share), the aligned statements and
what only one side reports, who names and quotes whom and how each side labels an actor, the
words that set each side apart, and the figures and dates they disagree on.

The sidebar filters choose which articles can be picked, and which articles a picked source
stands for (its newest MAX_ARTICLES_PER_SOURCE); each article is then read whole, so a sentence a
date filter hides is never mistaken for an omission.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd
import streamlit as st

from analysis import Analysis
from analysis.compare import (
    MAX_SIDES,
    Comparison,
    article_key,
    build_sides,
    clean_selection,
    compare,
    default_selection,
    selection_mode,
    source_key,
    term_counts,
)
from analysis.compare.align import MATCH_THRESHOLD
from analysis.compare.core import compare_unframed
from analysis.compare.embeddings import matcher_status
from analysis.compare.explain import OMISSION_CEILING, UNEXPLAINED_LIMIT
from analysis.compare.framing import Z_SIGNIFICANT, significance_note
from analysis.compare.selection import ARTICLE, SOURCE, split_key
from analysis.export import csv_bytes
from dashboard import compare_state
from dashboard.charts import compare as charts
from dashboard.charts.common import type_name
from dashboard.context import PageContext, current
from dashboard.markup import md

MODES = {"Articles": ARTICLE, "Sources": SOURCE}
WRAPPED_ROW_PX = 100  # four lines: Streamlit wraps cell text only in rows taller than 64 px
SENTENCE_PX = 320  # a sentence column, wide enough for four lines to hold most sentences
MODE_NAMES = {v: k for k, v in MODES.items()}


# Bounded in count and age like every cache keyed by upload content: a closed session's data goes.
@st.cache_data(show_spinner=False, max_entries=4, ttl="1h")
def corpus_term_counts(content_key: str, _texts: tuple[str, ...]) -> Counter:
    """Word counts of the whole corpus: the framing statistic's prior. Once per corpus."""
    return term_counts(_texts)


@st.cache_data(show_spinner=False, max_entries=32, ttl="1h")
def comparison_of(content_key: str, fixes: str, selection: tuple[tuple[str, tuple[str, ...]], ...],
                  _sides: tuple, _full: Analysis, _texts: dict[str, str], _prior: Counter) -> Comparison:
    """The comparison of one selection, keyed by corpus, entity corrections and the articles
    each side stands for (`selection` is the hashable image of `_sides`)."""
    return compare(_full, _sides, _texts, _prior)


@st.cache_data(show_spinner=False, max_entries=32, ttl="1h")
def unframed_comparison_of(content_key: str, selection: tuple[tuple[str, tuple[str, ...]], ...], _sides: tuple,
                           _full: Analysis, _texts: dict[str, str]) -> Comparison:
    """The comparison of one selection without its framing words (compare_unframed), keyed by
    the articles' source (an analysis store's place and version) and the articles each side
    stands for: a filter change that keeps the selection only weighs the framing words again
    (two articles of the 10k store: 0.36 s of comparison, 0.03 s of framing)."""
    return compare_unframed(_full, _sides, _texts)


def _article_choice(documents: pd.DataFrame) -> dict[str, str]:
    """Option key -> what the picker shows, newest first within each source."""
    ordered = documents.assign(_when=pd.to_datetime(documents["published"], errors="coerce"))
    ordered = ordered.sort_values(["source", "_when", "title"], ascending=[True, False, True], kind="stable")
    if "published_estimated" not in ordered.columns:
        ordered = ordered.assign(published_estimated=False)
    out = {}
    for doc_id, source, when, title, estimated in ordered[
            ["doc_id", "source", "_when", "title", "published_estimated"]].itertuples(index=False):
        day = f"{when:%-d %b %Y}" if not pd.isna(when) else "undated"
        if not pd.isna(when) and not pd.isna(estimated) and bool(estimated):
            day += " (estimated)"  # an undated article's date, worked out from its text
        clipped = title if len(str(title)) <= 38 else str(title)[:37].rstrip() + "…"
        out[article_key(doc_id)] = f"{source} · {day} · {clipped}"
    return out


def _source_choice(documents: pd.DataFrame) -> dict[str, str]:
    counts = documents.groupby("source").size().sort_index()
    return {source_key(s): f"{s} ({n} article{'s' if n != 1 else ''})" for s, n in counts.items()}


def _convert(keys: list[str], to_mode: str, documents: pd.DataFrame) -> list[str]:
    """The same selection in the other mode: articles -> their sources, sources -> each one's
    newest article."""
    source_of = dict(zip(documents["doc_id"], documents["source"]))
    out: list[str] = []
    for key in keys:
        parts = split_key(key)
        if parts is None:
            continue
        kind, value = parts
        if to_mode == SOURCE and kind == ARTICLE and value in source_of:
            out.append(source_key(source_of[value]))
        elif to_mode == ARTICLE and kind == SOURCE:
            own = documents[documents["source"] == value]
            if not own.empty:
                newest = own.assign(_w=pd.to_datetime(own["published"], errors="coerce")).sort_values("_w").iloc[-1]
                out.append(article_key(newest["doc_id"]))
    return list(dict.fromkeys(out))[:MAX_SIDES]


def _on_mode_change(documents: pd.DataFrame) -> None:
    to_mode = MODES.get(st.session_state.get(compare_state.MODE_KEY), ARTICLE)
    compare_state.remember(_convert(compare_state.stored_selection() or [], to_mode, documents))


def choose_selection(documents: pd.DataFrame, mentions: pd.DataFrame | None = None) -> list[str]:
    """The mode switch and the picker, seeded from the URL once; returns the clean keys. With
    no selection yet, the default is one story's articles (`default_selection`)."""
    seeded = compare_state.seed_once()
    if seeded is not None:
        from_url, notes = seeded
        for note in notes:
            st.warning(md(note), icon=":material/link_off:")
        keys = from_url or default_selection(documents, mentions=mentions)
        st.session_state[compare_state.MODE_KEY] = MODE_NAMES[selection_mode(keys)]
    else:
        stored = compare_state.stored_selection()
        keys = stored if stored is not None else default_selection(documents, mentions=mentions)
    kept, dropped = clean_selection(keys, documents)
    if dropped:
        over = len([k for k in keys if k not in dropped]) >= MAX_SIDES
        st.warning(f"Left out of the comparison: {len(dropped)} selection(s) "
                   + (f"beyond the limit of {MAX_SIDES} sides, or " if over else "")
                   + "not among the articles the sidebar filters keep.", icon=":material/filter_alt:")
    if kept:
        st.session_state[compare_state.MODE_KEY] = MODE_NAMES[selection_mode(kept)]
    compare_state.sync_widget(kept)

    mode_col, pick_col = st.columns([1, 5], vertical_alignment="bottom")
    mode_name = mode_col.radio("Compare", list(MODES), key=compare_state.MODE_KEY, horizontal=True,
                               on_change=_on_mode_change, args=(documents,))
    mode = MODES.get(mode_name, ARTICLE)
    options = _article_choice(documents) if mode == ARTICLE else _source_choice(documents)
    pick_col.multiselect(
        f"{'Articles' if mode == ARTICLE else 'Sources'} to compare (2 to {MAX_SIDES})", list(options),
        format_func=lambda k: options.get(k, k), key=compare_state.SELECTION_KEY, max_selections=MAX_SIDES,
        on_change=compare_state.on_widget_change,
        placeholder="Pick two or more",
    )
    chosen = list(st.session_state.get(compare_state.SELECTION_KEY) or [])
    compare_state.write(chosen)
    return chosen


def _side_header(side, documents: pd.DataFrame) -> str:
    own = documents[documents["doc_id"].isin(side.doc_ids)]
    dates = pd.to_datetime(own["published"], errors="coerce").dropna()
    when = f"{dates.min():%-d %b %Y}" if len(dates) and dates.min() == dates.max() else (
        f"{dates.min():%-d %b} – {dates.max():%-d %b %Y}" if len(dates) else "undated")
    return when


def show_side_by_side(comparison: Comparison, full: Analysis, texts: dict[str, str]) -> None:
    st.html(charts.legend_html())
    statement_of = {(d, s): st_ for d, s, st_ in comparison.sentences[["doc_id", "sent_id", "statement"]].itertuples(index=False)}
    columns = st.columns(len(comparison.sides))
    documents = full.documents.set_index("doc_id")
    for column, side in zip(columns, comparison.sides):
        with column:
            st.markdown(f"**{md(side.label)}**")
            capped = (f" · the newest {len(side.doc_ids)} of its {side.available} articles"
                      if side.available > len(side.doc_ids) else "")
            st.caption(_side_header(side, full.documents) + capped)
            blocks = []
            for doc_id in side.doc_ids:
                sentences = full.sentences[full.sentences["doc_id"] == doc_id]
                by_sent = {int(s): statement_of.get((doc_id, int(s))) for s in sentences["sent_id"]}
                blocks.append(charts.article_html(
                    texts.get(doc_id, ""), sentences, full.mentions[full.mentions["doc_id"] == doc_id],
                    full.casualties[full.casualties["doc_id"] == doc_id], full.events[full.events["doc_id"] == doc_id],
                    by_sent, title=str(documents.at[doc_id, "title"]),
                    caption=f"{documents.at[doc_id, 'source']} · {documents.at[doc_id, 'words']} words"))
            st.html(charts.column_html(blocks))


def matcher_caption(comparison: Comparison) -> str:
    """Which statement matcher ran, and why a configured embedding model is not in use, as
    markdown (the model's name and the reason are escaped: they come from the environment)."""
    status = matcher_status()
    text = f"Statement matcher: {md(comparison.matcher or status.matcher)}."
    return text + (f" {md(status.problem)}." if status.problem else "")


def show_statements(comparison: Comparison) -> None:
    st.caption(f"Sentences matched across sides by meaning: shared names (one identity per actor), numbers, "
               f"event words of one class (“blast” / “explosion”, “militants” / “terrorists”), content words "
               f"and wording. A pair needs at least {MATCH_THRESHOLD:.2f}; a sentence stating several shared facts "
               "is in several statements. “Partly shared”: the sentence says more, listed under “Only in this "
               "sentence”. " + matcher_caption(comparison))
    labels = [s.label for s in comparison.sides]
    st.plotly_chart(charts.overlap_chart(comparison.overlap, labels), key="compare_overlap")
    table = comparison.statements.rename(columns={
        "statement": "Statement", "label": "Side", "similarity": "Similarity", "compound": "Sentiment",
        "text": "Sentence", "n_sides": "Sides", "status": "Shared", "only_here": "Only in this sentence",
        "figures_differ": "Figures differ"})
    shown = ["Statement", "Sides", "Side", "Similarity", "Shared", "Sentence", "Only in this sentence",
             "Figures differ", "Sentiment"]
    table = table[shown] if not table.empty else table
    if table.empty:
        st.caption("No sentence of one side matches a sentence of another: the sides share no statement.")
    else:
        # Widths that add up to the page (about 970 px): the sentence and what only it says in view.
        st.dataframe(table, hide_index=True, row_height=WRAPPED_ROW_PX, column_config={
            "Statement": st.column_config.NumberColumn(width=75), "Sides": st.column_config.NumberColumn(width=50),
            "Side": st.column_config.TextColumn(width=110), "Shared": st.column_config.TextColumn(width=100),
            "Similarity": st.column_config.ProgressColumn(min_value=0.0, max_value=1.0, format="%.2f", width=90),
            "Sentiment": st.column_config.NumberColumn(format="%+.2f", width=65),
            "Figures differ": st.column_config.TextColumn(width=130),
            "Sentence": st.column_config.TextColumn(width=230),
            "Only in this sentence": st.column_config.TextColumn(width=120)})
    st.download_button("Download aligned statements (CSV)", csv_bytes(comparison.statements), "aligned_statements.csv",
                       "text/csv", key="compare_dl_statements")


def _unmatched_table(rows: pd.DataFrame) -> None:
    """Unmatched sentences with their nearest sentence elsewhere, in rows tall enough to read."""
    st.dataframe(rows.rename(columns={"text": "Sentence", "compound": "Sentiment", "best_similarity": "Closest elsewhere",
                                      "nearest_text": "Closest sentence", "nearest_side": "In",
                                      "why": "Why not the same"})[
        ["Sentence", "Why not the same", "Closest elsewhere", "In", "Closest sentence", "Sentiment"]],
        # Three text columns of 225 px and three narrow ones fit an expander (about 940 px).
        hide_index=True, row_height=WRAPPED_ROW_PX, column_config={
            "Sentence": st.column_config.TextColumn(width=225),
            "Why not the same": st.column_config.TextColumn(width=225),
            "Closest sentence": st.column_config.TextColumn(width=225),
            "In": st.column_config.TextColumn(width=105),
            "Sentiment": st.column_config.NumberColumn(format="%+.2f", width=65),
            "Closest elsewhere": st.column_config.NumberColumn(
                "Similarity", format="%.2f", width=75, help="How close the closest sentence elsewhere comes (0 to 1)")})


def no_omission_note(unsure: int) -> str:
    """Why a side lists no sentence only it reports, instead of an empty table."""
    if unsure:
        matched = f"{unsure} sentence matches" if unsure == 1 else f"{unsure} sentences match"
        return (f"None for certain: {matched} nothing elsewhere, but the other sides leave "
                "too much unmatched to tell an omission from the same fact in other words (listed below).")
    return "None: every sentence of this side is matched to a sentence of another side."


def only_one_side_note(unsure: int) -> str:
    """Said under the "Only one side" figure (the certain omissions), so a 0 never hides the
    sentences that match nothing elsewhere."""
    return f"+{unsure} unsure" if unsure else ""


def show_omissions(comparison: Comparison) -> None:
    st.caption(f"Sentences no other selected side states: nothing elsewhere comes near them (similarity below "
               f"{OMISSION_CEILING:.2f}) and the other sides' sentences were mostly matched (less than "
               f"{UNEXPLAINED_LIMIT:.0%} left unmatched). Each shows the closest sentence of another side and what "
               "it lacks. Other sentences matched to no side are listed apart: another side may state them in "
               "other words.")
    maybe = comparison.maybe_elsewhere if comparison.maybe_elsewhere is not None else comparison.omissions.iloc[0:0]
    for index, side in enumerate(comparison.sides):
        own = comparison.omissions[comparison.omissions["side"] == index]
        total = int((comparison.sentences["side"] == index).sum())
        unsure = maybe[maybe["side"] == index]
        with st.expander(f"Only {md(side.label)}: {len(own)} of {total} sentences", expanded=len(comparison.sides) <= 4):
            if own.empty:
                st.caption(no_omission_note(len(unsure)))
            else:
                _unmatched_table(own)
            if not unsure.empty:
                st.markdown(f"**Maybe told elsewhere in other words: {len(unsure)}**")
                _unmatched_table(unsure)
    st.download_button("Download omissions (CSV)", csv_bytes(comparison.omissions), "omissions.csv", "text/csv",
                       key="compare_dl_omissions")


def show_entities(comparison: Comparison) -> None:
    labels = [s.label for s in comparison.sides]
    coverage = comparison.coverage
    left, right = st.columns([3, 2])
    left.plotly_chart(charts.coverage_chart(coverage, labels), key="compare_coverage")
    with right:
        st.markdown("**Named by one side only**")
        only = coverage[coverage["n_sides"] == 1][["entity", "label", "named_by"]]
        only = only.assign(label=only["label"].map(type_name))
        st.dataframe(only.rename(columns={"entity": "Entity", "label": "Type", "named_by": "Named by"}),
                     hide_index=True, height=300)
    st.markdown("**Who is quoted by whom**")
    st.caption("The source a sentence credits (“according to X”, “X said”, “…, said X”): the person or "
               "organisation it names, or as written when it names none (type “Not named”: “local security "
               "officer”); with no such phrase, the person named next to the reporting verb.")
    quotes = comparison.quotes.assign(speaker_label=comparison.quotes["speaker_label"].map(type_name))
    st.dataframe(quotes.rename(columns={"label": "Side", "speaker": "Speaker", "speaker_label": "Type",
                                                   "text": "Sentence"})[["Speaker", "Type", "Side", "Sentence"]],
                 hide_index=True, row_height=WRAPPED_ROW_PX,
                 column_config={"Sentence": st.column_config.TextColumn(width=2 * SENTENCE_PX)})
    st.markdown("**How each side labels an actor**")
    st.caption("Descriptive words written next to a name: “al-Shabaab militants”, “X, the … group,”, "
               "“police spokesman X”, “which calls itself …”; and free-standing epithets such as “the insurgents”.")
    left, right = st.columns([3, 2])
    left.dataframe(comparison.labels.rename(columns={"entity": "Actor", "label": "Side", "phrase": "Described as",
                                                     "how": "Where", "count": "Times"})[
        ["Actor", "Side", "Described as", "Where", "Times"]], hide_index=True)
    right.dataframe(comparison.epithets.rename(columns={"label": "Side", "phrase": "Epithet", "count": "Times"})[
        ["Side", "Epithet", "Times"]], hide_index=True)
    st.download_button("Download entity coverage (CSV)", csv_bytes(coverage.rename(
        columns={str(i): s.label for i, s in enumerate(comparison.sides)})), "entity_coverage.csv", "text/csv",
        key="compare_dl_entities")


def show_framing(comparison: Comparison) -> None:
    st.caption("Words each side uses more than the others, by the weighted log-odds ratio with an informative "
               "Dirichlet prior (Monroe, Colaresi & Quinn 2008), the corpus's word frequencies as the prior. "
               f"z ≥ {Z_SIGNIFICANT} (dotted line) is a difference unlikely by chance; short articles rarely reach it.")
    note = significance_note(comparison.framing)
    if note:
        st.info(note, icon=":material/info:")
    st.plotly_chart(charts.framing_chart(comparison.framing, [s.label for s in comparison.sides]), key="compare_framing")
    st.download_button("Download distinctive words (CSV)", csv_bytes(comparison.framing), "distinctive_words.csv", "text/csv",
                       key="compare_dl_framing")


def show_figures_and_dates(comparison: Comparison) -> None:
    labels = [s.label for s in comparison.sides]
    if comparison.figures.empty:  # a sentence, not a tall blank chart
        st.markdown("**Casualty figures the sides disagree on**")
        st.caption("None: the selected sides give no conflicting casualty figures for one incident.")
    else:
        st.plotly_chart(charts.figures_chart(comparison.figures, labels), key="compare_figures")
    st.caption("Figures are compared per incident: the Casualties page's grouping of one event's reports, so "
               "both pages tell one truth. A figure a later, higher toll superseded is marked as such.")
    if not comparison.figures.empty:
        st.dataframe(comparison.figures.rename(columns={"matched_by": "Matched by", "category": "Category",
                                                        "label": "Side", "figure": "Figure", "text": "Sentence"})[
            ["Matched by", "Category", "Side", "Figure", "Sentence"]], hide_index=True, row_height=WRAPPED_ROW_PX,
            column_config={"Sentence": st.column_config.TextColumn(width=2 * SENTENCE_PX)})
        st.download_button("Download figure conflicts (CSV)", csv_bytes(comparison.figures), "figure_conflicts.csv",
                           "text/csv", key="compare_dl_figures")
    st.markdown("**Same event, different dates**")
    if comparison.dates.empty:
        st.caption("No aligned statement is dated differently by the selected sides.")
    else:
        st.dataframe(comparison.dates.rename(columns={"statement": "Statement", "label": "Side", "dates": "Dates",
                                                      "expressions": "As written", "text": "Sentence"})[
            ["Statement", "Side", "As written", "Dates", "Sentence"]], hide_index=True, row_height=WRAPPED_ROW_PX,
            column_config={"Sentence": st.column_config.TextColumn(width=2 * SENTENCE_PX)})


def show_tone(comparison: Comparison) -> None:
    tone = comparison.tone.rename(columns={"label": "Side", "sentences": "Sentences", "mean": "Mean sentiment",
                                           "negative_share": "Negative sentences", "most_negative": "Most negative sentence"})
    tone = tone.assign(**{"Negative sentences": tone["Negative sentences"] * 100})  # a share, shown as a whole %
    st.dataframe(tone[["Side", "Sentences", "Mean sentiment", "Negative sentences", "Most negative sentence"]],
                 hide_index=True, row_height=WRAPPED_ROW_PX, column_config={
                     "Mean sentiment": st.column_config.NumberColumn(format="%+.2f"),
                     "Negative sentences": st.column_config.ProgressColumn(min_value=0.0, max_value=100.0, format="%.0f%%"),
                     "Most negative sentence": st.column_config.TextColumn(width=2 * SENTENCE_PX)})
    st.plotly_chart(charts.statement_tone_chart(comparison.statements, [s.label for s in comparison.sides]),
                    key="compare_tone")


def render(ctx: PageContext) -> None:
    st.title("Compare")
    st.caption("Pick two or more articles or sources on one story: what they share, what only one reports, "
               "and where tone, labels, figures and dates differ.")
    documents = ctx.filtered.documents
    if len(documents) < 2:
        st.info("Comparing needs at least two articles: widen the sidebar filters or load more articles.")
        return
    keys = choose_selection(documents, ctx.full.mentions)
    if len(keys) < 2:
        st.info(f"Pick at least two {'articles' if selection_mode(keys) == ARTICLE else 'sources'} to compare.")
        return
    full = ctx.full
    sides = tuple(build_sides(keys, documents))  # a source stands for its articles the filters keep
    wanted = {d for side in sides for d in side.doc_ids}
    texts = {d.doc_id: d.text for d in ctx.corpus.documents if d.doc_id in wanted}
    prior = corpus_term_counts(ctx.corpus.content_key, tuple(d.text for d in ctx.corpus.documents))
    with st.spinner("Comparing…"):
        comparison = comparison_of(ctx.corpus.content_key, ctx.corrections.to_query_value() if ctx.corrections else "",
                                   tuple((side.key, side.doc_ids) for side in sides), sides, full, texts, prior)
    show_comparison(comparison, full, texts)


def show_comparison(comparison: Comparison, full: Analysis, texts: dict[str, str]) -> None:
    """Everything under the picker: the summary, the figures and the tabs. `full` holds at least
    the compared articles' rows, `texts` their texts (an analysis store gives only those)."""
    sides = comparison.sides
    with st.container(border=True):
        st.subheader("In plain words")
        st.html(charts.summary_html(comparison.summary))
    unsure = len(comparison.maybe_elsewhere) if comparison.maybe_elsewhere is not None else 0
    kpis = [("Sides", str(len(sides)), "articles or sources compared"),
            ("Shared statements", str(comparison.n_statements), "statements at least two sides report"),
            ("Only one side", str(len(comparison.omissions)),
             "sentences no other selected side reports, for certain; unsure: sentences matched to nothing "
             "elsewhere that another side may tell in other words (see the “Only one side” tab)"),
            ("Figure disagreements", str(comparison.figures[["matched_by", "category"]].drop_duplicates().shape[0]),
             "casualty figures of one incident that differ between sides"),
            ("Date disagreements", str(comparison.dates["statement"].nunique() if not comparison.dates.empty else 0),
             "shared statements the sides date to different days")]
    notes = {"Only one side": only_one_side_note(unsure)}
    for column, (label, value, help_text) in zip(st.columns(len(kpis), border=True), kpis):
        column.metric(label, value, help=help_text)
        if notes.get(label):
            column.caption(notes[label])

    tabs = st.tabs(["Side by side", "Aligned statements", "Only one side", "Entities & labels", "Framing",
                    "Figures & dates", "Tone"])
    with tabs[0]:
        show_side_by_side(comparison, full, texts)
    with tabs[1]:
        show_statements(comparison)
    with tabs[2]:
        show_omissions(comparison)
    with tabs[3]:
        show_entities(comparison)
    with tabs[4]:
        show_framing(comparison)
    with tabs[5]:
        show_figures_and_dates(comparison)
    with tabs[6]:
        show_tone(comparison)


# Streamlit runs a page file as "__main__"; imported (by a test, say), it only defines.
if __name__ == "__main__":
    render(current())

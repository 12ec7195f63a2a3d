"""The shared sidebar: the corpus, the filters and the pipeline in use.

Widget values live in the visitor's session state under fixed keys, so they survive page
switches; the URL seeds them once (see url_state) and is rewritten from them afterwards.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from analysis import Analysis, Filters, LoadError
from analysis.filters import FilterChoices
from analysis.loading import is_note
from dashboard import corpus as corpora
from dashboard import sharing, url_state
from dashboard import store as stores
from dashboard.charts.common import type_name
from dashboard.markup import md

ENTITIES_KEY = "filter_entities"
LABELS_KEY = "filter_labels"
SOURCES_KEY = "filter_sources"
DATES_KEY = "filter_dates"
DATES_SPAN_KEY = "_parallax_dates_span"  # the corpus span the date range was picked on
CORPUS_CHOICE_KEY = "corpus_choice"
UPLOADS_KEY = "uploads"
MAX_LISTED_FILES = 40  # files listed with their reason; a count stands for the rest
UPLOAD_TYPES = ["txt", "md", "html", "htm", "csv", "jsonl", "json", "zip"]
CHOICE_BUNDLED = "Bundled corpus"
CHOICE_UPLOAD = "My articles"
CHOICE_SHARED = "Shared articles"  # offered once a link's share is open, or the visitor shared
CHOICE_STORE = "Analysis store"  # offered first, and so the default, when PARALLAX_STORE names a store
STORE_PICK_KEY = "store_choice"
# The upload a link named that this session does not hold: shown until an upload replaces it.
MISSING_UPLOAD_KEY = "_parallax_missing_upload"
OWN_UPLOADS_KEY = "_parallax_own_uploads"  # ids of the uploads this session has loaded
# One message for both readers of such a link: the visitor whose session ended or whose server
# restarted, and anyone the link was sent to. Neither can tell which case they are in.
UPLOAD_GONE = (
    "This link was made on someone's uploaded articles. Uploads live only in the browser session "
    "that made them: they are gone once that session ends or the server restarts, and nobody else "
    "can open them. Showing the bundled seeds; upload the files again to see that view. To send "
    "a view of your own articles, press “Share these articles” under the upload and send its link."
)

def store_chosen() -> bool:
    """Whether this run shows an analysis store: asked before the pages are set up, so it reads
    the corpus radio's value from session state (the store is its default when one is named)."""
    if not stores.configured_stores():
        return False
    return st.session_state.get(CORPUS_CHOICE_KEY, CHOICE_STORE) == CHOICE_STORE


def _choose_store(options: tuple[stores.StoreCorpus, ...]) -> stores.StoreCorpus:
    """The store to show: the only one, or the one picked among those the server names."""
    if len(options) == 1:
        return options[0]
    labels = {store.root: store.label for store in options}
    root = st.sidebar.selectbox("Store", list(labels), key=STORE_PICK_KEY, format_func=labels.get)
    return next((store for store in options if store.root == root), options[0])


def choose_corpus() -> corpora.LoadedCorpus | stores.StoreCorpus:
    """The corpus radio and uploader; falls back to the seeds until something is uploaded, and
    says so when the link names an upload this session does not hold. With PARALLAX_STORE set,
    the analysis store comes first and is the default."""
    sidebar = st.sidebar
    sidebar.header("Corpus")
    requested = url_state.requested_corpus()
    token = url_state.requested_share()
    if token:
        sharing.open_link(token)
    share = sharing.held()
    if share is not None and sharing.switch_requested():
        st.session_state[CORPUS_CHOICE_KEY] = CHOICE_SHARED  # before the radio: it shows the share
    configured = stores.configured_stores()
    if configured and requested in (corpora.BUNDLED, corpora.SERVER) and CORPUS_CHOICE_KEY not in st.session_state:
        st.session_state[CORPUS_CHOICE_KEY] = CHOICE_BUNDLED  # a link made on the bundled corpus reopens it
    choices = (([CHOICE_STORE] if configured else []) + [CHOICE_BUNDLED, CHOICE_UPLOAD]
               + ([CHOICE_SHARED] if share is not None else []))
    choice = sidebar.radio(
        "Articles to analyse", choices, key=CORPUS_CHOICE_KEY,
        horizontal=True, label_visibility="collapsed",
    )
    if choice == CHOICE_STORE and configured:
        return _choose_store(configured)
    if choice == CHOICE_SHARED and share is not None:
        return share.corpus
    if sharing.note():
        sidebar.warning(sharing.note(), icon=":material/link_off:")  # our own words and a date only
    files = None
    if choice == CHOICE_UPLOAD:
        files = sidebar.file_uploader(
            "Upload articles", type=UPLOAD_TYPES, accept_multiple_files=True, key=UPLOADS_KEY,
            help="Text or Markdown (with an optional metadata.csv: file, source, published, url, "
            "title), HTML pages, CSV/JSONL with a text column, or a zip of these. Your files stay "
            "in your browser session: nobody else can see them.",
        )
    if files:
        sharing.forget_note()
        loaded = corpora.uploaded(files)
        st.session_state[OWN_UPLOADS_KEY] = {*st.session_state.get(OWN_UPLOADS_KEY, ()), loaded.corpus_id}
        st.session_state.pop(MISSING_UPLOAD_KEY, None)
        return loaded
    own = st.session_state.get(OWN_UPLOADS_KEY, ())
    if requested and requested.startswith(corpora.UPLOAD_PREFIX) and requested not in own:
        st.session_state[MISSING_UPLOAD_KEY] = requested
    if st.session_state.get(MISSING_UPLOAD_KEY):
        sidebar.info(UPLOAD_GONE, icon=":material/cloud_off:")
    if choice == CHOICE_UPLOAD:
        sidebar.info("No files yet: showing the bundled seeds.")
    return corpora.bundled()


def show_load_errors(corpus: corpora.LoadedCorpus) -> None:
    """Files that could not be read, and notes on files that loaded: a value ignored, a path reduced."""
    if corpus.notice:
        st.sidebar.warning(corpus.notice, icon=":material/content_cut:")
    notes = [(path, reason) for path, reason in corpus.errors if is_note(LoadError(path, reason))]
    failures = [error for error in corpus.errors if error not in notes]
    for title, rows, expanded in ((f"{len(failures)} file(s) could not be read", failures, True),
                                  (f"{len(notes)} note(s) on files that loaded", notes, False)):
        if rows:
            with st.sidebar.expander(title, expanded=expanded, icon=":material/warning:"):
                st.markdown(file_reasons(rows))


def file_reasons(rows: list[tuple[str, str]], limit: int = MAX_LISTED_FILES) -> str:
    """A markdown list, each file and its whole reason wrapped to the sidebar's width (a table
    there cuts reasons off); both escaped, so a file name cannot inject markup."""
    lines = [f"- **{md(path)}**: {md(reason)}" for path, reason in rows[:limit]]
    if len(rows) > limit:
        lines.append(f"- and {len(rows) - limit:,} more")
    return "\n".join(lines)


def _seed_widgets(choices: FilterChoices) -> None:
    """Put the URL's filters into the widgets, once per session, dropping what this corpus lacks."""
    seeded = url_state.initial_filters()
    if seeded is None:
        return
    from_url, link_notes = seeded
    for note in link_notes:
        st.sidebar.warning(md(note), icon=":material/link_off:")
    filters, dropped = choices.restrict(from_url)
    st.session_state[ENTITIES_KEY] = list(filters.entities)
    st.session_state[LABELS_KEY] = list(filters.labels)
    st.session_state[SOURCES_KEY] = list(filters.sources)
    if choices.first_date and (filters.date_from or filters.date_to):
        st.session_state[DATES_KEY] = (filters.date_from or choices.first_date,
                                       filters.date_to or choices.last_date)
        st.session_state[DATES_SPAN_KEY] = (choices.first_date, choices.last_date)
    if dropped:
        st.sidebar.warning(md("Not in this corpus, so not applied: " + ", ".join(dropped)))


def _keep_valid(key: str, allowed: set[str]) -> None:
    """Drop stale values (from a previous corpus) before the widget sees them."""
    if key in st.session_state:
        st.session_state[key] = [v for v in st.session_state[key] if v in allowed]


def span_text(start: date, end: date) -> str:
    """“7–13 Jul 2021”-style text for a range, shortest when the ends share a month or a day."""
    if start == end:
        return f"{start:%-d %b %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start:%-d}–{end:%-d %b %Y}"
    return f"{start:%-d %b %Y} – {end:%-d %b %Y}"


def _settle_dates(choices: FilterChoices) -> None:
    """Put the range to show and apply into session state before the box is drawn: the one
    picked, unless it was picked on another corpus (the seeds before an upload) or lies outside
    this one, and then this corpus's default. Written, never just dropped: a dropped value comes
    back from the browser, which still holds the old range."""
    span = (choices.first_date, choices.last_date)
    current = st.session_state.get(DATES_KEY)
    stale = (st.session_state.get(DATES_SPAN_KEY) != span or not current
             or not all(choices.first_date <= day <= choices.last_date for day in current))
    if stale:
        st.session_state[DATES_KEY] = choices.default_range()
        st.session_state[DATES_SPAN_KEY] = span


def _widen_dates(first: date, last: date) -> None:
    """Callback of the outlier note: every dated sentence, however far from the rest (or back)."""
    st.session_state[DATES_KEY] = (first, last)


def left_out_text(count: int, span: str) -> str:
    """What the applied range leaves out, in words. `span` is when the left-out sentences are
    dated, said as such: "outside this range (1 Jan 2015 – 1 Jan 2025)" read as the range itself."""
    if count == 1:
        return f"1 sentence about a date outside the date filter is left out (it is dated {span})."
    return f"{count:,} sentences about dates outside the date filter are left out (they are dated {span})."


def _note_dates_outside(choices: FilterChoices, start: date, end: date) -> None:
    """Say which dated sentences the applied range leaves out, and offer every date, or the
    default range back: outliers are shown, never hidden, and never set the scale."""
    left_out = choices.outside(start, end)
    default = choices.default_range()
    if left_out.count and left_out.first and left_out.last:
        st.sidebar.caption(left_out_text(left_out.count, span_text(left_out.first, left_out.last)))
        st.sidebar.button(
            f"Include every date ({choices.first_date:%Y}–{choices.last_date:%Y})", key="dates_all",
            on_click=_widen_dates, args=(choices.first_date, choices.last_date), icon=":material/unfold_more:")
    elif default and default != (start, end) and choices.outside(*default).count:
        st.sidebar.button(
            f"Back to the articles' dates ({span_text(*default)})", key="dates_core",
            on_click=_widen_dates, args=default, icon=":material/unfold_less:")


def _date_range(choices: FilterChoices) -> tuple[date | None, date | None]:
    """The date range box (type or pick) and what it applies. It opens on where the sentences'
    dates concentrate (FilterChoices.default_range), and its bounds are the whole span, so every
    date stays reachable; a caption under it always states the range applied."""
    if choices.first_date is None or choices.last_date is None:
        st.sidebar.caption("No dates in this corpus.")
        return None, None
    if choices.first_date == choices.last_date:
        st.sidebar.caption(f"All dated {choices.first_date:%d %b %Y}.")
        return None, None
    _settle_dates(choices)
    picked = st.sidebar.date_input(  # its value is in session state (Streamlit warns if passed too)
        "Date range",
        min_value=choices.first_date,
        max_value=choices.last_date,
        key=DATES_KEY,
        help="Each sentence is dated by the event it reports, else by its article's publication date. "
             "Pick the ends on the calendar or type them; typed dates apply when you leave the box "
             "(a click elsewhere, Tab or Esc).",
    )
    start, end = _picked_ends(picked, choices.last_date)
    if start is None or end is None:
        return None, None
    st.sidebar.caption(f"Applied: {span_text(start, end)}.")
    _note_dates_outside(choices, start, end)
    return choices.as_filter(start, end)


def _picked_ends(picked: object, last: date) -> tuple[date | None, date | None]:
    """The two ends of the box's value; a half-picked range (one end so far) runs to `last`."""
    if isinstance(picked, (tuple, list)) and len(picked) == 2:
        return picked[0], picked[1]
    if isinstance(picked, (tuple, list)) and len(picked) == 1:
        return picked[0], last
    return None, None


def choose_filters(choices: FilterChoices) -> Filters:
    """The filter widgets for what the corpus offers; returns the Filters they describe."""
    _seed_widgets(choices)
    sidebar = st.sidebar
    sidebar.header("Filters")
    _keep_valid(LABELS_KEY, set(choices.labels))
    labels = sidebar.multiselect(
        "Entity type", choices.labels, key=LABELS_KEY,
        format_func=lambda label: f"{type_name(label)} ({label})",  # the code is the CSVs' label column
    )
    listed = [c for c in choices.entities if not labels or c[1] in labels]
    _keep_valid(ENTITIES_KEY, {c[0] for c in choices.entities})
    selected = st.session_state.get(ENTITIES_KEY, [])
    names = [c[0] for c in listed] + [e for e in selected if e not in {c[0] for c in listed}]
    described = {e: f"{e} · {label} · {n}" for e, label, n in choices.entities}
    entities = sidebar.multiselect(
        "Entity", names, key=ENTITIES_KEY, format_func=lambda e: described.get(e, e),
        placeholder="Any entity", help="Keeps the sentences that name any of these entities.",
    )
    _keep_valid(SOURCES_KEY, set(choices.sources))
    sources = sidebar.multiselect("Source", choices.sources, key=SOURCES_KEY, placeholder="Any source")
    date_from, date_to = _date_range(choices)
    return Filters(tuple(entities), tuple(labels), tuple(sources), date_from, date_to)


def show_pipeline(result: Analysis | str) -> None:
    """The pipeline in use (an analysis's, or a store's as written in its manifest). The
    statement matcher is named on the Compare page, the one page that uses it: asking for it
    here loaded analysis.compare, and with it spaCy, on every first open."""
    pipeline = result if isinstance(result, str) else result.pipeline
    with st.sidebar.expander("Language pipeline", icon=":material/psychology:"):
        st.write(f"In use: **{md(pipeline)}**")
        st.markdown(
            "For better entity recognition install a trained spaCy pipeline and restart:\n\n"
            "```\npython -m spacy download en_core_web_sm\n```\n"
            "Parallax picks it up on its own; set `PARALLAX_SPACY_MODEL` to choose one "
            "(e.g. `en_core_web_trf`)."
        )

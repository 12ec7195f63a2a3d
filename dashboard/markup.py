"""Text from articles, uploads and links, made safe to show where Streamlit renders markdown.

Streamlit renders markdown, not only in st.markdown, st.caption, st.write and the alert boxes,
but in widget labels and help tooltips, expander labels, tab names, metric labels and toasts. A
source named `[click](https://…)` would be a live link there and `![p](http://…)` a remote image
the browser fetches. Streamlit adds its own syntax on top: `:material/icon:` and emoji shortcodes
such as `:x:`, `:red[…]` colouring, and `$…$` LaTeX.

`md` turns any value into markdown that reads as exactly that text: every ASCII punctuation
character is backslash-escaped (CommonMark lets any of them be escaped, and the escape itself is
never shown), so no link, image, emphasis, code, HTML tag, entity, table, heading, list or LaTeX
can start; a colon gets an invisible word joiner on either side, because Streamlit's emoji and icon
codes are matched on the text after escapes are undone, and for the same reason one sits inside the
pairs Streamlit turns into arrows and dashes (`<-`, `->`, `--`, `>=`, `<=`, `~=`); line breaks become
spaces and the ends are trimmed, so a value never starts a new block (an indented one is code) or
breaks out of a one-line label.

Option lists (selectbox, multiselect and select_slider options, what a format_func returns),
st.text, st.dataframe and st.code show plain text: pass them the raw value, never `md` of it, or
the reader sees the backslashes.
"""

from __future__ import annotations

import html
import math
import re
import string

import pandas as pd

# Invisible, and not a word character: a colon next to it can never begin or end `:name:`.
WORD_JOINER = "\u2060"
_ESCAPED = {ch: "\\" + ch for ch in string.punctuation}
_ESCAPED[":"] = f"{WORD_JOINER}\\:{WORD_JOINER}"
_TABLE = str.maketrans(_ESCAPED)
# The first character of a pair Streamlit replaces by a symbol (<- -> <-> -- >= <= ~=).
_SYMBOL_PAIR = re.compile(r"(?<=[<>~-])(?=[->=])")
# Every character a browser or a markdown parser may take as the end of a line.
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")


def md(value: object) -> str:
    """`value` as markdown that renders as its own text, on one line."""
    text = "" if value is None else str(value)
    one_line = _LINE_BREAKS.sub(" ", text).strip()
    return _SYMBOL_PAIR.sub(WORD_JOINER, one_line).translate(_TABLE)


def highlight_evidence(evidence: object, span: tuple[int, int] | None) -> str:
    """A sentence as HTML: every piece escaped, the figure at `span` wrapped in <mark>."""
    text = "" if evidence is None or (isinstance(evidence, float) and math.isnan(evidence)) else str(evidence)
    if span is None:
        return html.escape(text)
    lo, hi = span
    return html.escape(text[:lo]) + "<mark>" + html.escape(text[lo:hi]) + "</mark>" + html.escape(text[hi:])


def figure_html(row) -> str:
    """A figures-table row's evidence (analysis.casualties.views.figures_table) as escaped HTML
    with the figure marked."""
    start, end = row["span_start"], row["span_end"]
    span = None if start is None or start is pd.NA or pd.isna(start) else (int(start), int(end))
    return highlight_evidence(row["evidence"], span)


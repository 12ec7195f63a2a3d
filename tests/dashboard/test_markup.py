"""markup.md: hostile text rendered by a CommonMark parser reads as itself and makes no element,
and none of Streamlit's own markdown extensions (icons, emoji, colour directives, LaTeX,
typographic arrows) can match in it. The browser sweep in tests/hardening checks the real
Streamlit renderer page by page."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from dashboard.markup import WORD_JOINER, md

HOSTILE = [
    "[click](https://x)",
    "![p](http://x/p.png)",
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "**b** __b__ *i* _i_ ~~s~~",
    ":material/home:",
    ":x: :smile: :+1:",
    ":red[red] :blue-background[x]",
    "$x^2$ and $$y$$",
    "`code` ``more``",
    "line one\nline two\r\nline three\u2028four",
    "# heading",
    "1. list",
    "- item",
    "> quote",
    "| a | b |",
    "&lt; &amp; &#91;",
    "<https://example.invalid/auto>",
    "www.example.invalid and a@b.invalid and https://example.invalid/y",
    "a <- b -> c <-> d -- e >= f <= g ~= h",
    "back\\slash \\[not a link\\](x)",
    "[ref]: https://example.invalid/ref",
]

# Streamlit's gate for loading its emoji plugin, from its markdown renderer (1.67).
STREAMLIT_EMOJI = re.compile(r":(?!material/|streamlit:)[\w+-][\w_+-]*:")
# A text directive (`:name`, `:name[...]`): icons, colours, badges.
DIRECTIVE = re.compile(r"(?<!\\):[A-Za-z]")
SYMBOL_PAIRS = ("<-", "->", "--", ">=", "<=", "~=")

# CommonMark with tables and strikethrough (bare-URL linking is left to the browser sweep).
parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def rendered(text: str) -> str:
    return parser.render(md(text))


def visible(text: str) -> str:
    """What a CommonMark renderer shows of md(text): backslash escapes undone, joiners dropped."""
    return re.sub(r"\\(.)", r"\1", md(text)).replace(WORD_JOINER, "")


def one_line(text: str) -> str:
    return re.sub(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]", " ", text).strip()


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_as_one_paragraph_of_itself(text):
    out = rendered(text)
    assert out.startswith("<p>") and out.endswith("</p>\n"), out
    inner = out[3:-5]
    assert "<" not in inner, (text, out)  # no element at all: every "<" of the text is &lt;
    assert html.unescape(inner).replace(WORD_JOINER, "") == one_line(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_no_streamlit_extension_can_match(text):
    escaped = md(text)
    assert "\n" not in escaped and "\r" not in escaped
    assert "$" not in re.sub(r"\\\$", "", escaped)  # every dollar escaped: no LaTeX
    assert not DIRECTIVE.search(escaped)  # no :material/…:, :red[…] or any other directive
    # The emoji plugin matches on the text after escapes are undone: even there nothing matches.
    assert not STREAMLIT_EMOJI.search(re.sub(r"\\(.)", r"\1", escaped))
    assert not any(pair in re.sub(r"\\(.)", r"\1", escaped) for pair in SYMBOL_PAIRS)


@pytest.mark.parametrize("text", HOSTILE)
def test_the_reader_sees_the_text_without_backslashes(text):
    assert visible(text) == one_line(text)


def test_plain_words_pass_through_untouched():
    assert md("Republic World") == "Republic World"
    assert md("Ukraine’s “counter-offensive”") == "Ukraine’s “counter\\-offensive”"
    assert md(None) == "" and md(12) == "12"


@given(st.text(max_size=200))
def test_any_text_renders_without_markup(text):
    out = rendered(text)
    assert re.fullmatch(r"(<p>[^<]*</p>\n)?", out), (text, out)
    assert visible(text) == one_line(text).replace(WORD_JOINER, "")


def test_highlight_escapes_every_piece_and_marks_the_figure():
    from dashboard.markup import highlight_evidence

    evidence = "<b>Rebels</b> killed 5 & wounded <i>3</i>"
    span = (evidence.index("5"), evidence.index("5") + 1)
    marked = highlight_evidence(evidence, span)
    assert marked == "&lt;b&gt;Rebels&lt;/b&gt; killed <mark>5</mark> &amp; wounded &lt;i&gt;3&lt;/i&gt;"
    assert highlight_evidence("<script>", None) == "&lt;script&gt;"


def test_a_figures_table_row_shows_its_evidence_with_the_figure_marked():
    from datetime import date

    import pandas as pd

    from analysis.casualties import views as cv
    from dashboard.markup import figure_html

    evidence = "At least 30 were wounded, including eight <children>."
    casualties = pd.DataFrame([{
        "doc_id": "b", "sent_id": 0, "start": 36, "end": 41, "category": "injured", "value": 8, "qualifier": "exact",
        "low": 8, "high": 8, "victims": "children", "location": None, "attribution": None, "evidence": evidence,
        "kind": "incident", "text": "eight", "part_of": True}])
    sentences = pd.DataFrame([{"doc_id": "b", "sent_id": 0, "start": 0, "date": date(2023, 3, 9)}])
    documents = pd.DataFrame([{"doc_id": "b", "source": "Wire", "title": "T", "url": "", "published": date(2023, 3, 9)}])
    row = cv.figures_table(casualties, sentences, documents).iloc[0]
    assert figure_html(row) == "At least 30 were wounded, including <mark>eight</mark> &lt;children&gt;."

"""Paragraph-aware sentence splitting.

News copy arrives with paragraphs, subheadings and scraping accidents ("Kabul.According"). A
subheading is a sentence of its own and must never be glued to the paragraph after it, because
its tone and entities belong to neither neighbour. Offsets always index the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Tokens that end in a period without ending a sentence. Lower-cased, without the final period.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr gen lt col maj capt sgt cpl pvt gov sen rep rev st jr sr prof brig cmdr adm
    lt.col lt.gen maj.gen brig.gen no nos vol vs etc approx est dept univ assn bros inc corp co ltd
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    u.s u.n u.k e.u u.a.e a.m p.m i.e e.g d.c s.a ph.d fig al
    """.split()
)

_ABBREVIATION_WINDOW = 2 * max(len(a) for a in ABBREVIATIONS) + 2
_WORD_BEFORE_PERIOD = re.compile(r"([\w.]+)[.]$")
_TERMINAL = re.compile(r"[.!?…]+[\"'”’)\]]*")
# A period glued to the next sentence by a scraper: "in Kabul.According to ..." The match is
# the stop itself (the cut is its end): a pattern led by a character class is searched for
# fast, while a lookbehind first would be tried at every position.
_GLUED = re.compile(r"[.!?](?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_BLOCK = re.compile(r"(?:[^\n]+|\n(?![ \t]*\n))+")
_LINE = re.compile(r"[^\n]+")
_LINE_END = re.compile(r"[.!?…:]+[\"'”’)\]]*$")
# A wrapped line that stops mid-phrase: after a comma, a hyphen, an open bracket or a small word.
_MID_PHRASE = re.compile(r"(?:[,;(\-–—/&]|\b(?:a|an|the|of|to|in|on|at|for|and|or|but|by|with|from|as|that|"
                         r"which|who|said|says|its|their|his|her|was|were|is|are|has|have|had|will|would)"
                         r")$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)  # slots: articles have many sentences; no dict per sentence
class Sentence:
    """A sentence with its place in the article: paragraph index and character span."""

    sent_id: int
    paragraph: int
    start: int
    end: int
    text: str


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of paragraphs: blank lines separate them, and so does a line that is
    a heading or ends a sentence; a soft-wrapped line (hard-wrapped e-mail copy) does not."""
    spans: list[tuple[int, int]] = []
    # Blocks: runs of text without a blank line. `[^\n]+` takes a line's characters at once
    # (one character per repetition made this the costliest regex of the split).
    for block in _BLOCK.finditer(text):
        lines = [m for m in _LINE.finditer(block.group(0)) if m.group(0).strip()]
        if not lines:
            continue
        base = block.start()
        widest = max(len(m.group(0).rstrip()) for m in lines)
        para_start = base + lines[0].start()
        for i, line in enumerate(lines):
            stripped = line.group(0).rstrip()
            last = i == len(lines) - 1
            following = "" if last else lines[i + 1].group(0).lstrip()
            if last or _LINE_END.search(stripped) or _is_heading(stripped, following, widest):
                spans.append((para_start, base + line.start() + len(stripped)))
                if not last:
                    para_start = base + lines[i + 1].start()
    return [_strip_span(text, s, e) for s, e in spans if text[s:e].strip()]


def _is_heading(line: str, following: str, widest: int) -> bool:
    """A short line that reads as a title: it starts with a capital or digit, does not stop
    mid-phrase, and the next line starts a new sentence. Soft-wrapped copy fails one of these."""
    if len(line) >= 0.6 * widest or not line[:1].isupper() and not line[:1].isdigit():
        return False
    if _MID_PHRASE.search(line):
        return False
    return bool(following) and (following[:1].isupper() or following[:1] in "\"“‘'(")


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_abbreviation(text: str, end: int) -> bool:
    """True when the word before the period ending text[:end] is an abbreviation or an
    initial (John F. Kirby)."""
    # Only the end of text[:end] matters: searching the whole paragraph so far for each period
    # made splitting quadratic. A word cut by the window is longer than any abbreviation.
    word = _WORD_BEFORE_PERIOD.search(text, max(end - _ABBREVIATION_WINDOW, 0), end)
    if not word:
        return False
    token = word.group(1).lower()
    if len(token) == 1 and token.isalpha():
        return True  # an initial
    return token in ABBREVIATIONS


def sentence_ends(paragraph: str) -> list[int]:
    """Offsets just after each sentence-ending stop inside `paragraph`, in order (the text's
    own end is not listed). Abbreviations and initials do not end a sentence."""
    ends: list[int] = []
    for match in _BOUNDARY.finditer(paragraph):
        if match.group(0).startswith(".") and _is_abbreviation(paragraph, match.start() + 1):
            continue
        ends.append(match.start() + len(match.group(0).rstrip()))
    for match in _GLUED.finditer(paragraph):
        if not _is_abbreviation(paragraph, match.end()):
            ends.append(match.end())
    return sorted(set(ends))


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences numbered from 0 across the whole article."""
    sentences: list[Sentence] = []
    for paragraph_index, (p_start, p_end) in enumerate(split_paragraphs(text)):
        paragraph = text[p_start:p_end]
        cuts = [0, *sentence_ends(paragraph), len(paragraph)]
        for a, b in zip(cuts, cuts[1:]):
            start, end = _strip_span(text, p_start + a, p_start + b)
            if end > start:
                sentences.append(Sentence(len(sentences), paragraph_index, start, end, text[start:end]))
    return sentences

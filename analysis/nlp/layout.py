"""Where capitals say nothing about names: sentence openings and headline lines.

A capitalised word that opens a sentence, a quotation or the text after a dateline dash may be
an ordinary word ("Fighting continued"); every word of a title-case or all-capital line
(headlines, subheadings) is capitalised whatever it is.
"""

from __future__ import annotations

import re

_SENTENCE_END = frozenset({".", "!", "?", "…", ":", ";", "—", "–", "--", "|"})
OPENERS = frozenset({'"', "“", "‘", "'", "(", "[", "«"})
_TERMINAL = re.compile(r"[.!?:;\"”’)]$")


def sentence_starts(texts: list[str], capitalised: list[int]) -> set[int]:
    """The capitalised tokens that begin a sentence, a line, a quotation or the text after
    a dateline dash (only those matter)."""
    starts = set()
    for i in capitalised:
        j = i - 1
        if j < 0 or texts[j] in OPENERS:
            starts.add(i)  # a quotation opens a sentence of its own
            continue
        previous = texts[j]
        if (
            previous in _SENTENCE_END
            or "\n" in previous
            or (previous.endswith(".") and len(previous) > 1 and previous[-2].islower())
        ):
            starts.add(i)
    return starts

def headline_tokens(texts: list[str], classes: list[int]) -> set[int]:
    """Tokens of title-case or all-capital lines (headlines, subheadings): capitals there
    say nothing about names."""
    muted: set[int] = set()
    breaks = [i for i, text in enumerate(texts) if "\n" in text]  # line breaks are tokens of their own
    for first, end in zip([0] + [b + 1 for b in breaks], breaks + [len(texts)]):
        # Most lines are paragraphs ending in a full stop: rule them out cheaply.
        if end - first < 3 or _TERMINAL.search(texts[end - 1]):
            continue
        words = [j for j in range(first, end) if texts[j][0].isalpha()]
        if len(words) >= 3:
            capitalised = sum(1 for j in words if texts[j][0].isupper())
            upper = sum(1 for j in words if texts[j].isupper() and len(texts[j]) > 1)
            if capitalised >= 0.75 * len(words) or upper >= 0.6 * len(words):
                muted.update(range(first, end))
    return muted

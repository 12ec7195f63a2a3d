"""Word tokens with character offsets.

The extractor reasons over a handful of words around each number, so a light regex tokenizer
is enough and costs far less than a full NLP pipeline. Offsets index the text they came from.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Names with digits ("MH17") and compounds led by digits ("25-year-old", "2,000-strong") are one
# token each, so they are never read as head counts.
_WORD = r"[^\W\d_]+(?:\d[^\W_]*|(?:[-'’][^\W_]+)*)"  # "MH17" (letters then a digit), else words:
# "thirty-two", "Kandahar's"; one branch, so a plain word is not matched twice.
_TOKEN = re.compile(
    # `(?=\S)` fails at once between words, where every branch used to be tried in turn; words,
    # the most common token, come first unless an abbreviation starts there (a word cannot start
    # with a digit, so the digit branches never compete with it).
    r"(?=\S)(?:"
    r"(?![A-Z]\.[A-Z]\.)" + _WORD +
    r"|(?:[A-Z]\.){2,}"  # abbreviations: "U.S.", "U.N."
    r"|\d+(?:[.,]\d+)*(?:-[^\W\d_]+)+"  # "25-year-old", "2,000-strong"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])"  # "2 843": space-grouped thousands
    r"|\d+(?:[.,]\d+)*"  # "1,200", "1.5", "2,70,000"
    r"|\S)"
)


class Token(NamedTuple):
    """One token: its text, lower-cased text and character span."""

    text: str
    low: str
    start: int
    end: int


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of `text`; `offset` is added to spans so they index the enclosing document.
    Scare quotes around one to three words ("153 'terrorists' were killed") are left out:
    the words read as they would unquoted."""
    tokens = [
        Token(word, word.lower(), m.start() + offset, m.end() + offset)
        for m in _TOKEN.finditer(text)
        for word in (m.group(),)
    ]
    if not _QUOTES.search(text):
        return tokens
    quotes = _scare_quotes(tokens)
    return [token for k, token in enumerate(tokens) if k not in quotes] if quotes else tokens


_QUOTE_MARKS = "'\"‘’“”"
_QUOTES = re.compile(f"[{_QUOTE_MARKS}]")


def _scare_quotes(tokens: list[Token]) -> set[int]:
    """Positions of quote marks that open right before a word and close right after one to
    three words later."""
    found: set[int] = set()
    for k, token in enumerate(tokens):
        if token.text not in _QUOTE_MARKS or k + 1 >= len(tokens) or tokens[k + 1].start != token.end:
            continue
        for j in range(k + 2, min(k + 5, len(tokens))):
            closing = tokens[j]
            if closing.text in _QUOTE_MARKS:
                if closing.start == tokens[j - 1].end and all(t.text[0].isalpha() for t in tokens[k + 1:j]):
                    found.update((k, j))
                break
    return found

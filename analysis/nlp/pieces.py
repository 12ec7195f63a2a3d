"""Long texts in pieces the NLP pipeline can take.

spaCy refuses a text longer than `nlp.max_length` (a million characters by default) and a
trained pipeline needs memory in proportion to the length of each text it holds. Raising the
limit would only move the failure to the memory, so a long article is cut into pieces of at
most `PIECE_CHARS` characters at the most natural boundary in reach: a blank line, else a line
that ends a sentence, else any sentence end, else any line break, else a space; only text
with no space at all is cut hard. Offsets found in a piece are shifted by the piece's start,
so they index the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple

from analysis.segmentation import sentence_ends

# Well below spaCy's default max_length; a typical article (under 20,000 characters) and
# most long ones stay whole, so their entities are found exactly as before.
PIECE_CHARS = 100_000

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_AFTER_SENTENCE = re.compile(r"[.!?…:][\"'”’)\]]*[ \t\r]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")
_SPACE = re.compile(r"\s+")
_LEADING_SPACE = re.compile(r"\s*")


class Piece(NamedTuple):
    """A stretch of a text: `text[start:end]`."""

    start: int
    end: int


def _last_match_end(pattern: re.Pattern[str]) -> Callable[[str], int]:
    """A finder of the end of the last match of `pattern` in a window (0 when none)."""

    def find(window: str) -> int:
        last = 0
        for match in pattern.finditer(window):
            last = match.end()
        return last

    return find


def _after_last_sentence_end(window: str) -> int:
    """Where the sentence after the window's last sentence end starts (0 when none)."""
    ends = sentence_ends(window)
    if not ends:
        return 0
    return _LEADING_SPACE.match(window, ends[-1]).end()


# Boundaries from the most to the least natural: the first kind found in a window wins.
_CUT_FINDERS: tuple[Callable[[str], int], ...] = (
    _last_match_end(_BLANK_LINE),
    _last_match_end(_LINE_AFTER_SENTENCE),
    _after_last_sentence_end,
    _last_match_end(_LINE_BREAK),
    _last_match_end(_SPACE),
)


def _cut(window: str) -> int:
    """Length of the piece to take from the start of `window` (a hard cut when no boundary)."""
    for find in _CUT_FINDERS:
        cut = find(window)
        if cut > 0:
            return cut
    return len(window)


def split_into_pieces(text: str, limit: int = PIECE_CHARS) -> list[Piece]:
    """Consecutive pieces covering `text`, each at most `limit` characters long; a text
    within the limit is one piece. Each cut falls after the whitespace of its boundary,
    so a piece starts where its paragraph, line or sentence does."""
    if limit < 1:
        raise ValueError(f"piece limit must be positive, not {limit}")
    pieces: list[Piece] = []
    start = 0
    while len(text) - start > limit:
        end = start + _cut(text[start : start + limit])
        pieces.append(Piece(start, end))
        start = end
    pieces.append(Piece(start, len(text)))
    return pieces


def piece_limit(max_length: int) -> int:
    """The piece size for a pipeline whose `max_length` is given: `PIECE_CHARS`, or less
    when the pipeline was set to take less."""
    return max(1, min(PIECE_CHARS, max_length - 1))


class TextPiece(NamedTuple):
    """A piece of the text at `index` in a sequence of texts, starting at `start` in it."""

    index: int
    start: int
    text: str


def pieces_of(texts: Sequence[str], limit: int = PIECE_CHARS) -> Iterator[TextPiece]:
    """Every text's pieces in order, made as they are asked for (the texts are not copied
    all at once; a text within the limit is passed on as it is)."""
    for index, text in enumerate(texts):
        for start, end in split_into_pieces(text, limit):
            yield TextPiece(index, start, text[start:end])


def batches(pieces: Iterable[TextPiece], max_texts: int, max_chars: int) -> Iterator[list[TextPiece]]:
    """`pieces` in order, grouped so that no group holds more than `max_texts` pieces or
    (unless one piece alone is longer) `max_chars` characters: the pipeline holds a whole
    group in memory at once."""
    group: list[TextPiece] = []
    size = 0
    for piece in pieces:
        if group and (len(group) >= max_texts or size + len(piece.text) > max_chars):
            yield group
            group, size = [], 0
        group.append(piece)
        size += len(piece.text)
    if group:
        yield group

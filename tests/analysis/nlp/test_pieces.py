"""Cutting long texts into pieces: each within the limit, covering the text, cut at the most
natural boundary in reach."""

from __future__ import annotations

import pytest

from analysis.nlp.pieces import (
    PIECE_CHARS,
    TextPiece,
    batches,
    piece_limit,
    pieces_of,
    split_into_pieces,
)
from analysis.segmentation import split_sentences


def _check_cover(text: str, limit: int) -> list[tuple[int, int]]:
    pieces = split_into_pieces(text, limit)
    assert pieces[0].start == 0 and pieces[-1].end == len(text)
    for (_, end), (start, _) in zip(pieces, pieces[1:]):
        assert end == start
    assert all(0 < end - start <= limit for start, end in pieces) or text == ""
    return pieces


def test_a_text_within_the_limit_is_one_piece():
    assert split_into_pieces("Short text.", 100) == [(0, 11)]
    assert split_into_pieces("", 100) == [(0, 0)]
    assert piece_limit(1_000_000) == PIECE_CHARS
    assert piece_limit(5_000) == 4_999


def test_blank_lines_win_over_line_breaks_and_sentence_ends():
    first = "One. Two.\nThree four five six.\n\n"
    second = "Seven eight. Nine ten.\nEleven."
    text = first + second
    pieces = _check_cover(text, len(first) + 10)
    assert pieces[1].start == len(first)


def test_a_line_ending_a_sentence_wins_over_a_soft_wrap_and_a_sentence_end():
    text = "Rebels shelled the town on Sunday.\nThe army said it had\nretaken the bridge. Talks stall"
    pieces = _check_cover(text, len(text) - 1)
    assert text[pieces[1].start:].startswith("The army")


def test_a_sentence_end_wins_over_a_space_and_an_abbreviation_is_not_one():
    text = "Lt. Gen. Smith arrived in the U.S. Capitol on Monday. He met Mr. Jones there at noon"
    pieces = _check_cover(text, len(text) - 5)
    assert text[pieces[1].start:].startswith("He met")
    pieces = _check_cover(text, 40)  # no sentence end within 40 characters: a space
    assert text[pieces[0].start:pieces[0].end] == "Lt. Gen. Smith arrived in the U.S. "


def test_text_without_any_space_is_cut_hard():
    assert _check_cover("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]


def test_a_piece_never_cuts_a_sentence_in_paragraphed_or_wrapped_copy():
    paragraph = ("Government forces and rebels clashed again on Sunday near the town of Sake, residents "
                 "said.\nThe U.N. mission, known as MONUSCO, said 14 civilians were killed. Aid groups "
                 "warned of\ncholera in the camps around Goma. ")
    for separator in ("\n\n", "\n", " "):
        text = separator.join(paragraph.strip() for _ in range(60))
        sentences = split_sentences(text)
        for limit in (300, 1_000, 4_321):
            cuts = [start for start, _ in _check_cover(text, limit)[1:]]
            for sentence in sentences:
                assert not any(sentence.start < cut < sentence.end for cut in cuts), (separator, limit, sentence)


def test_pieces_of_many_texts_keep_their_index_and_start():
    texts = ["a b c d e f", "tiny", "g h i j"]
    pieces = list(pieces_of(texts, 4))
    for piece in pieces:
        assert texts[piece.index][piece.start:piece.start + len(piece.text)] == piece.text
    assert [p.index for p in pieces] == [0, 0, 0, 1, 2, 2]
    assert pieces[3].text is texts[1]  # a text within the limit is not copied


@pytest.mark.parametrize("limit", [0, -3])
def test_a_limit_below_one_is_refused(limit):
    with pytest.raises(ValueError, match="piece limit"):
        split_into_pieces("text", limit)


def test_batches_bound_the_pieces_and_characters_held_at_once():
    pieces = [TextPiece(i, 0, "x" * size) for i, size in enumerate([5, 5, 5, 20, 1, 1, 1])]
    groups = list(batches(pieces, max_texts=2, max_chars=12))
    assert [[p.index for p in g] for g in groups] == [[0, 1], [2], [3], [4, 5], [6]]

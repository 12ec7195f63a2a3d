"""Does a text hold any of many words as a whole word? One Aho-Corasick pass, in C.

A regex alternation led by `\b` (`\b(?:said|says|...)\b`) is tried at every position of the
text, and it is asked of every sentence of a corpus. The automaton (pyahocorasick) reads the
text once and reports each occurrence of a word; only those are checked for word boundaries,
and the scan stops at the first whole one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import ahocorasick


def is_regex_word_char(char: str) -> bool:
    """What `\\w` matches in a str pattern: Unicode alphanumerics and the underscore."""
    return char.isalnum() or char == "_"


class WholeWords:
    """`any_in(text)`: some word occurs in `text` with no word character on either side.

    `word_char` says which characters continue a word (`\\w`'s by default), so a word inside a
    longer one ("killed" in "skilled") does not count. Matching is case-sensitive: lower-case
    the text (and the words) for a case-insensitive test.
    """

    def __init__(self, words: Iterable[str], word_char: Callable[[str], bool] = is_regex_word_char) -> None:
        automaton = ahocorasick.Automaton()
        for word in words:
            if not word:
                raise ValueError("empty word")  # it would occur everywhere
            automaton.add_word(word, len(word))
        self._automaton = automaton if len(automaton) else None  # an empty automaton cannot be built
        if self._automaton is not None:
            automaton.make_automaton()
        self._word_char = word_char

    def any_in(self, text: str) -> bool:
        if self._automaton is None:
            return False
        word_char, last = self._word_char, len(text) - 1
        for end, size in self._automaton.iter(text):
            start = end - size + 1
            if (start == 0 or not word_char(text[start - 1])) and (end == last or not word_char(text[end + 1])):
                return True
        return False

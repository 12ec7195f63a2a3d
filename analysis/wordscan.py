"""Many words or keys looked up in a text in one Aho-Corasick pass (pyahocorasick, in C): the one
place the project builds an automaton.

A regex alternation led by `\b` (`\b(?:said|says|...)\b`) is tried at every position of the
text, and asking key by key (`key in text`) costs as much as the work the answer saves; both are
asked of every sentence of a corpus. The automaton reads the text once and reports every
occurrence, overlapping and nested ones included.

- `WholeWords.any_in(text)`: does some word occur as a whole word? (casualty cues, speech verbs)
- `KeyScanner.groups(text)`: which groups of keys have a key occurring as a substring? (the
  timeline finders' gates: "does the sentence hold a key this finder needs?")
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import ahocorasick


def _automaton(values: Mapping[str, object]) -> ahocorasick.Automaton | None:
    """An automaton reporting `values[key]` at each occurrence of a key; None when there are no
    keys (an automaton without words cannot be built, and would find nothing anyway)."""
    if not values:
        return None
    automaton = ahocorasick.Automaton()
    for key, value in values.items():
        if not key:
            raise ValueError("empty key")  # it would occur in every text
        automaton.add_word(key, value)
    automaton.make_automaton()
    return automaton


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
        self._automaton = _automaton({word: len(word) for word in words})
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


class KeyScanner:
    """Bit i of `groups(text)` is set when some key of `key_groups[i]` is a substring of text:
    exactly the keys `key in text` finds, in one pass however many keys there are."""

    def __init__(self, key_groups: Sequence[Iterable[str]]) -> None:
        bits: dict[str, int] = {}
        for index, keys in enumerate(key_groups):
            for key in keys:
                bits[key] = bits.get(key, 0) | 1 << index
        self._automaton = _automaton(bits)

    def groups(self, text: str) -> int:
        if self._automaton is None:
            return 0
        mask = 0
        for _end, bits in self._automaton.iter(text):
            mask |= bits
        return mask

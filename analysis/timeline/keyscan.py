"""Which of many substrings occur in a text, found in one Aho-Corasick pass.

The finders' gates ask, for some 70 lower-case keys, "does the sentence hold this key?". Asking
key by key (`key in text`) costs about as much as the finders the gates save, and one regex
lookahead tried at every position still costs a quarter of the timeline's time. An Aho-Corasick
automaton (pyahocorasick, in C) reads the text once and reports every key occurrence, overlapping
and nested ones included, so the keys found are exactly those `key in text` finds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import ahocorasick


class KeyScanner:
    """Bit i of `groups(text)` is set when some key of `key_groups[i]` is a substring of text."""

    def __init__(self, key_groups: Sequence[Iterable[str]]) -> None:
        own: dict[str, int] = {}
        for index, keys in enumerate(key_groups):
            for key in keys:
                if not key:
                    raise ValueError("empty key")  # every text would hold it
                own[key] = own.get(key, 0) | 1 << index
        self._automaton: ahocorasick.Automaton | None = None
        if own:  # an automaton without words cannot be built, and would find nothing anyway
            automaton = ahocorasick.Automaton()
            for key, bits in own.items():
                automaton.add_word(key, bits)
            automaton.make_automaton()
            self._automaton = automaton

    def groups(self, text: str) -> int:
        if self._automaton is None:
            return 0
        mask = 0
        for _end, bits in self._automaton.iter(text):
            mask |= bits
        return mask

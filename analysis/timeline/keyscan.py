"""Which of many substrings occur in a text, found in one regex pass.

The finders' gates ask, for some 70 lower-case keys, "does the sentence hold this key?". Asking
key by key (`key in text`) costs about as much as the finders the gates save. Here one
zero-width lookahead, tried at every position, reports the longest key starting there; its
alternatives are grouped by first character because sre tries a branch's alternatives in turn.
Every shorter key starting at the same position is a prefix of the reported one, so a reported
key stands for itself and its prefixes: the keys found are exactly those `key in text` finds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence


class KeyScanner:
    """Bit i of `groups(text)` is set when some key of `key_groups[i]` is a substring of text."""

    def __init__(self, key_groups: Sequence[Iterable[str]]) -> None:
        own: dict[str, int] = {}
        for index, keys in enumerate(key_groups):
            for key in keys:
                if not key:
                    raise ValueError("empty key")  # every text would hold it
                own[key] = own.get(key, 0) | 1 << index
        # Longest first within each first character, so the branch reports the longest key.
        ordered = sorted(own, key=lambda k: (-len(k), k))
        by_first: dict[str, list[str]] = {}
        for key in ordered:
            by_first.setdefault(key[0], []).append(key)
        branches = (
            re.escape(first) + "(?:" + "|".join(re.escape(key[1:]) for key in keys) + ")"
            for first, keys in by_first.items()
        )
        self._pattern = re.compile("(?=(" + "|".join(branches) + "))")
        self._masks: dict[str, int] = {}
        for key in own:
            mask = 0
            for other, bits in own.items():
                if key.startswith(other):
                    mask |= bits
            self._masks[key] = mask

    def groups(self, text: str) -> int:
        mask = 0
        for key in set(self._pattern.findall(text)):
            mask |= self._masks[key]
        return mask

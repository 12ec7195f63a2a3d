"""Compiling a finder's regex behind a test of the character its matches begin with.

Most finder regexes open with an optional case-insensitive prefix ("last", "early", "the end
of") before the part that anchors them (a weekday, a month, a year). Python's regex engine tries
that prefix, alternative by alternative, at every position of the sentence. A lookahead for the
set of characters a match can begin with rejects almost every position with one set test; the
matches (and the order in which `finditer` reports them) are unchanged, since the lookahead
only fails where the pattern itself cannot match.
"""

from __future__ import annotations

import re

# Characters outside ASCII that (?i) matches to an ASCII letter (checked over all of Unicode):
# dotted capital I and dotless i for "i", long s for "s", the Kelvin sign for "k".
_FOLDS = {"i": "İı", "s": "ſ", "k": "K"}


def caseless(letters: str) -> str:
    """Every character that (?i) matches to one of the ASCII `letters`."""
    return "".join(c + c.upper() + _FOLDS.get(c, "") for c in letters.lower())


def starting_with(first: str, pattern: str) -> re.Pattern[str]:
    """`pattern`, compiled behind a lookahead for `first`: every character a match can begin
    with (the first characters of its optional prefixes and of its mandatory part)."""
    return re.compile(f"(?=[{re.escape(first)}]){pattern}")

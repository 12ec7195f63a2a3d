"""Telling the two kinds of `LoadError` apart.

Most errors mean a file or row was not loaded. A few are notes about an article that did load
without one of its values (`Corpus` has a single error list, and a dropped date must not pass
in silence): their reason contains "date ignored: " or "url ignored: ", after the row if any.
"""

from __future__ import annotations

import re

from analysis.document import LoadError

DATE_IGNORED = "date ignored"
URL_IGNORED = "url ignored"
_NOTE = re.compile(rf"(?:^|: )(?:{DATE_IGNORED}|{URL_IGNORED}): ")


def note(reason: str, tag: str) -> str:
    """A note's reason: "date ignored: '9999-99-99' is not a real calendar date"."""
    return f"{tag}: {reason}"


def is_note(error: LoadError) -> bool:
    """True when the error is about a value of an article that still loaded."""
    return bool(_NOTE.search(error.reason))

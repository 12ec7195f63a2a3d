"""Telling the two kinds of `LoadError` apart.

Most errors mean a file or row was not loaded (or, for a `metadata.csv` row naming a file that
is not there, that metadata was not applied). A few are notes about a file that was still read:
a date or URL dropped from an article that loaded, or an archive member whose path was reduced
to its base name. `Corpus` has a single error list, and none of these may pass in silence; a
note's reason opens with its tag ("date ignored: ", "url ignored: ", "path reduced: "), after
the row if any.
"""

from __future__ import annotations

import re

from analysis.document import LoadError

DATE_IGNORED = "date ignored"
URL_IGNORED = "url ignored"
PATH_REDUCED = "path reduced"
NOTE_TAGS = (DATE_IGNORED, URL_IGNORED, PATH_REDUCED)
# The tag opens the reason, after the place in the file if any (`Candidate.where`); anchored so
# that a file name quoted inside a failure's reason cannot pass for a note.
_WHERE = r"(?:row \d+ \(line \d+\)|line \d+|item \d+): "
_NOTE = re.compile(rf"^(?:{_WHERE})?(?:{'|'.join(NOTE_TAGS)}): ")


def note(reason: str, tag: str) -> str:
    """A note's reason: "date ignored: '9999-99-99' is not a real calendar date"."""
    return f"{tag}: {reason}"


def is_note(error: LoadError) -> bool:
    """True when the error is about a file that was still read, not one that was lost."""
    return bool(_NOTE.search(error.reason))

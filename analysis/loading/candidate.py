"""An article as a reader found it, before ids, fallbacks, dates and duplicates are settled."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class Unreadable(Exception):
    """A whole file cannot be read; the message is the reason shown to the user."""


@dataclass(frozen=True)
class Candidate:
    """Raw fields of one article. Metadata values stay raw (a date may still be a string or a
    number) so that one place turns them into clean `Document` fields and reports problems.

    `where` locates a row inside a file ("row 3", "line 7"), empty for a one-article file.
    """

    path: str
    where: str
    base_id: str
    text: str
    title: str = ""
    source: str = ""
    published: Any = None
    url: str = ""
    sitename: str = ""

    def locate(self, reason: str) -> str:
        """Prefix a reason with the row it concerns, if any."""
        return f"{self.where}: {reason}" if self.where else reason

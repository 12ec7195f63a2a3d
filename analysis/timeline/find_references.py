"""Finder for reference expressions: "now", "currently", "recently", "in the past", "years ago",
"in the future".

TimeML gives them the values PRESENT_REF, PAST_REF and FUTURE_REF: they place a statement
before, at or after the time of writing without naming a period. They are not dated events
(the `events` table needs a calendar period), so `extract_events` returns them only on request
(`include_references=True`), for benchmarks and export.
"""

from __future__ import annotations

from collections.abc import Iterator

from analysis.timeline.firstchar import caseless, starting_with
from analysis.timeline.mention import Mention
from analysis.timeline.words import word_after, word_before

_PRESENT = (
    r"now|right\s+now|currently|nowadays|at\s+present|presently|at\s+the\s+moment|these\s+days"
    r"|at\s+this\s+time|for\s+now"
)
_PAST = (
    r"recently|lately|formerly|previously|in\s+the\s+past|in\s+the\s+recent\s+past|the\s+past"
    r"|(?:(?:several|a\s+few|few|some|many|two\s+or\s+three|a\s+couple\s+of|a\s+number\s+of)\s+)?(?:years|decades|months)\s+ago"
    r"|(?:a\s+)?(?:decade|century|generation)\s+ago"
)
_FUTURE = (
    r"(?:in\s+)?the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|in\s+(?:the\s+)?(?:coming|years\s+to\s+come)\s*(?:years|decades)?"
)
_REFERENCE = starting_with(
    caseless("nrcaptflismydg"),
    rf"(?<![\w-])(?i:(?P<present>{_PRESENT})|(?P<past>{_PAST})|(?P<future>{_FUTURE}))(?![\w-])"
)
# "now" that is not a time: "now-defunct" (excluded by the hyphen rule), "now that ..." still
# refers to the present, so it is kept.
_NOT_AFTER_PAST = frozenset({"of", "few", "week", "weeks", "month", "months", "year", "years", "decade", "decades", "day", "days"})


def references(text: str) -> Iterator[Mention]:
    for m in _REFERENCE.finditer(text):
        if m.group("present"):
            value = "PRESENT_REF"
        elif m.group("past"):
            value = "PAST_REF"
            phrase = m.group("past").lower()
            if phrase.endswith("the past") and word_after(text, m.end()).lower() in _NOT_AFTER_PAST:
                continue  # "the past few weeks", "the past year": a duration, found elsewhere
            if phrase == "the past" and word_before(text, m.start()).lower() not in {"in", "of", "from", "than"}:
                continue
        else:
            value = "FUTURE_REF"
            phrase = m.group("future").lower()
            if phrase.startswith("in") and "future" not in phrase and not phrase.rstrip().endswith(("years", "decades", "come")):
                continue  # "in the coming" + noun other than years: "in the coming weeks" is vague, skip
        yield Mention(m.start(), m.end(), "reference", mod=value)

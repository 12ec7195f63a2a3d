"""Finders for expressions that only the anchor (or the last date mentioned) can resolve:
weekdays ("early Tuesday", "last Friday", "Monday evening"), today/yesterday/last night, last
week/this month/next year, two days ago, the weekend, and anaphors ("the next day", "two
weeks later", "that year").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from analysis.timeline.firstchar import caseless, starting_with
from analysis.timeline.lexicon import (
    NAMED_WEEKDAY_AFTER,
    NAMED_WEEKDAY_BEFORE,
    NUMBER_RE,
    WEEKDAY_RE,
    WEEKDAYS,
)
from analysis.timeline.mention import Mention
from analysis.timeline.words import number, word_after, word_before

# --- weekdays and relative expressions ---------------------------------------------------------

_WEEKDAY = starting_with(
    caseless("lnte") + "MTWFS",
    rf"(?<!\w)(?:(?i:(?P<mod>last|next|this|this\s+past|early|late|earlier|later)\s+)(?:(?i:on)\s+)?)?"
    rf"(?P<wd>{WEEKDAY_RE})(?P<plural>s\b)?(?:['’]s)?"
    rf"(?:\s+(?i:(?P<part>morning|afternoon|evening|night)))?"
)
_DAY_WORDS = starting_with(
    caseless("tyl"),
    r"(?<!\w)(?i:(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tonight|tomorrow"
    r"|last\s+night|this\s+(?:morning|afternoon|evening)))(?:['’]s)?"
    r"(?:\s+(?i:morning|afternoon|evening|night))?\b"
)
_DAY_OFFSETS = {
    "the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1, "today": 0,
    "tonight": 0, "tomorrow": 1, "last night": -1, "this morning": 0, "this afternoon": 0,
    "this evening": 0,
}
_UNIT = starting_with(
    caseless("elmtn"),
    r"(?<!\w)(?i:(?P<edge>(?:earlier|later|early|late|mid)[\s-]+|the\s+(?:end|beginning|start|middle|rest|remainder)\s+of\s+)?"
    r"(?P<mod>last|this|next|this\s+past|the\s+current|the)\s+(?:fiscal\s+|calendar\s+)?(?P<unit>week|month|quarter|year|weekend))(?![\w-])"
)
_AGO = re.compile(
    rf"(?<!\w)(?i:(?P<n>{NUMBER_RE})\s+(?P<unit>day|week|fortnight|month|year|decade)s?\s+ago)\b"
)
# "will be redeemed in five years", "talks resume in two weeks": future only (see `in_units`).
_IN_UNITS = starting_with(
    caseless("i"),
    rf"(?<!\w)(?i:in\s+(?:about\s+|another\s+|around\s+|roughly\s+)?(?P<n>{NUMBER_RE})\s+(?P<unit>day|week|month|year)s?)(?!\s+or\s)(?:['’](?:s)?(?:\s+time)?)?(?![\w-])"
)
_FISCAL = re.compile(r"(?i)\S+\s+(?:fiscal|calendar)")
_YEAR_END = re.compile(r"(?i:\byear[-\s]end\b)")
_ANAPHOR = re.compile(
    r"(?<!\w)(?i:(?P<the>the\s+(?P<rel>next|following|previous|preceding|same)|that(?:\s+same)?|(?:earlier|later)\s+(?:in|that)(?:\s+the)?)"
    r"\s+(?P<unit>day|week|month|year)"
    rf"|(?P<n>{NUMBER_RE})\s+(?P<unit2>day|week|month|year)s?\s+(?P<dir>later|earlier)(?!\s+than))(?![\w-])"
)
_ANAPHOR_SHIFT = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "same": 0}
# "on a busy Thursday evening", "one Friday in May": a day of that name, not the latest one.
_ANY_DAY_OF_THAT_NAME = re.compile(r"\b(?:(?:[Oo]n|[Oo]f)\s+an?|[Oo]ne)\s+(?:[a-z][a-z\-]*\s+)?$")
_WEEKEND = re.compile(r"(?<!\w)(?i:(?:over|at|on|during)\s+the\s+weekend)\b")
_SHIFT = {"last": -1, "this past": -1, "this": 0, "the current": 0, "the": 0, "next": 1}


_WEEKDAY_MODS = {"this past": "last", "early": "", "late": "", "earlier": "", "later": ""}


def weekday(text: str) -> Iterator[Mention]:
    for m in _WEEKDAY.finditer(text):
        plural, raw_mod, part = m.group("plural", "mod", "part")
        if plural:
            continue  # "on Mondays": a habit, not a day
        if not raw_mod:
            before = word_before(text, m.start())
            if before[:1].isupper() and before.lower() in NAMED_WEEKDAY_BEFORE:
                continue  # "Bloody Sunday", "Good Friday": named days, not last week's
            if _ANY_DAY_OF_THAT_NAME.search(text, max(0, m.start() - 24), m.start()):
                continue  # "on a busy Thursday evening": some Thursday, told of another time
        if not part:
            after = word_after(text, m.end())
            if after[:1].isupper() and after.lower() in NAMED_WEEKDAY_AFTER:
                continue  # "the Sunday Times", "Monday Night Football"
        mod = " ".join(raw_mod.lower().split()) if raw_mod else ""
        mod = _WEEKDAY_MODS.get(mod, mod)
        yield Mention(m.start(), m.end(), "weekday", weekday=WEEKDAYS[m.group("wd").lower()], mod=mod, default="past")


def day_words(text: str) -> Iterator[Mention]:
    for m in _DAY_WORDS.finditer(text):
        word = " ".join(m.group("w").lower().split())
        if m.group(0).startswith("Today") and text[: m.start()].rstrip()[-1:].isalnum():
            continue  # capitalised mid-sentence: a title (USA Today, Russia Today, "VOA Today")
        yield Mention(m.start(), m.end(), "shift", unit="day", offset=_DAY_OFFSETS[word])


def units(text: str) -> Iterator[Mention]:
    for m in _UNIT.finditer(text):
        mod = " ".join(m.group("mod").lower().split())
        edge = (m.group("edge") or "").lower()
        unit = m.group("unit").lower()
        fiscal = bool(_FISCAL.match(m.group(0)[len(m.group("edge") or ""):]))
        if mod == "the" and not edge.startswith("the") and not (fiscal and unit == "year"):
            continue  # "the week" alone is anaphoric; "the end of the week", "the fiscal year" are current
        if unit == "weekend":
            yield Mention(m.start(), m.end(), "weekend", mod={"this past": "last"}.get(mod, mod if mod != "the" else ""), default="past")
            continue
        yield Mention(m.start(), m.end(), "shift", unit=unit, offset=_SHIFT[mod])
    for m in _YEAR_END.finditer(text):
        yield Mention(m.start(), m.end(), "shift", unit="year", offset=0)


def ago(text: str) -> Iterator[Mention]:
    for m in _AGO.finditer(text):
        n = number(m.group("n"))
        unit = m.group("unit").lower()
        if unit == "decade":
            unit, n = "year", 10 * n
        elif unit == "fortnight":
            unit, n = "week", 2 * n
        yield Mention(m.start(), m.end(), "shift", unit=unit, offset=-n)


def in_units(text: str) -> Iterator[Mention]:
    """"in five years": a date counted forward from the anchor, but only in a future clause
    (`extract_events` drops it otherwise: "the worst in five years" is a duration)."""
    for m in _IN_UNITS.finditer(text):
        window = _WORDS.findall(text[max(0, m.start() - 60) : m.start()].lower())[-5:]
        if any(w in _DURATION_BEFORE or (w.endswith("est") and len(w) > 5 and w not in _NOT_SUPERLATIVE) for w in window):
            continue  # "the first election in 12 years", "the deadliest attack in a decade"
        yield Mention(m.start(), m.end(), "shift", unit=m.group("unit").lower(), offset=number(m.group("n")), mod="in", default="past")


_WORDS = re.compile(r"[a-z]+")
# -est words that are not superlatives ("the harvest will start in two weeks").
_NOT_SUPERLATIVE = frozenset(
    """harvest interest protest request forest contest conquest manifest arrest suggest invest
    inquest digest attest detest modest honest earnest behest""".split()
)
# Words before "in N years" that make it a span to date, not a date: "the first time in five
# years", "the highest in a decade".
_DURATION_BEFORE = frozenset(
    """time first highest lowest worst best biggest largest most least fewest strongest weakest
    record once twice only never ever""".split()
)


def anaphor(text: str) -> Iterator[Mention]:
    for m in _ANAPHOR.finditer(text):
        if m.group("unit"):
            offset = _ANAPHOR_SHIFT.get((m.group("rel") or "same").lower(), 0)
            unit = m.group("unit").lower()
        else:
            n = number(m.group("n"))
            offset = n if m.group("dir").lower() == "later" else -n
            unit = m.group("unit2").lower()
            yield Mention(m.start(), m.end(), "anaphor", unit=unit, offset=offset, mod="count")
            continue
        yield Mention(m.start(), m.end(), "anaphor", unit=unit, offset=offset)


def weekend(text: str) -> Iterator[Mention]:
    for m in _WEEKEND.finditer(text):
        yield Mention(m.start(), m.end(), "weekend", default="past")


# Finders grouped by the lower-case substrings one of which their expressions must contain (an

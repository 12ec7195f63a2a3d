"""The period a figure covers ("in the last 24 hours", "since October 7", "this year"): a
cumulative toll must not be mistaken for one incident's toll, nor added to one."""

from __future__ import annotations

import re

from analysis.timeline.lexicon import MONTH_NAME_RE

# A day of a month as a span's end: "June", "early June", "1 January", "June 30, 2024",
# "the end of June".
_DAY_OF_MONTH = (rf"(?:the\s+(?:end|start|beginning|middle)\s+of\s+|early\s+|late\s+|mid-?)?(?:\d{{1,2}}\s+)?"
                 rf"{MONTH_NAME_RE}(?:\s+\d{{1,2}}(?!\d))?(?:,?\s+\d{{4}})?")
# "since the rebels seized the town", "since the army launched its offensive": a clause whose
# past-tense verb starts the span (a subject of one to three words, then the verb).
_SINCE_CLAUSE = (r"(?:the\s+|a\s+|its\s+|their\s+)?(?:[\w\-]+\s+){1,3}?"
                 r"(?:[a-z]+ed|began|took|broke|won|fell|came|swept|overran|seized|rode|drove|struck|overthrew)"
                 r"(?:\s+(?!(?:on|last|early|late)\b)(?:the\s+|its\s+|their\s+|a\s+|an\s+)?[\w\-]+)?"
                 r"(?:\s+(?:on|last|early|late)\s+[A-Za-z]+)?")
# Events that open an era a running count is kept from: "since the coup", "since the invasion".
_ERA = (r"(?:coup|takeover|invasion|war|conflict|uprising|revolution|occupation|independence|ceasefire"
        r"|truce|elections?|referendum|crackdown|insurgency|siege|offensive|revolt|rebellion|genocide)")
# Sentence-initial capitals are allowed on the leading word ("Since January, ...").
_PERIOD = re.compile(
    r"\b(?:(?:[Ii]n|[Oo]ver|[Dd]uring|[Ww]ithin|[Ff]or)\s+the\s+(?:last|past|previous|preceding|first)\s+"
    r"(?:\w+(?:-\w+)?\s+)?(?:hours?|days?|weeks?|fortnight|months?|years?|decades?)"
    # "in the week to November 10", "in the month ending 30 June"
    rf"|(?:[Ii]n|[Oo]ver|[Dd]uring)\s+the\s+(?:\w+\s+)?(?:weeks?|fortnight|months?|days|years?)\s+(?:to|ending|up\s+to|through|until)\s+{_DAY_OF_MONTH}"
    # "during the rainy season", "throughout the month", "during its campaign", "now in its fifth month"
    r"|(?:[Dd]uring|[Tt]hroughout|[Oo]ver)\s+(?:the|this|that|its|their|last)\s+(?:[\w\-]+\s+)?(?:season|campaign|months?|years?|weeks?)\b"
    r"|(?:[Oo]ver|[Dd]uring|[Ii]n)\s+the\s+course\s+of\s+the\s+(?:week|fortnight|month|year)\b(?!['’])"
    r"|\bnow\s+in\s+its\s+\w+\s+(?:week|month|year)\b"
    r"|(?:[Ii]n|[Oo]ver|[Dd]uring)\s+the\s+(?:first|second|third|fourth|last)\s+(?:half|quarter|six\s+months)"
    r"(?:\s+of\s+(?:the\s+year|this\s+year|last\s+year|\d{4}))?"
    rf"|(?:[Bb]etween|[Ff]rom)\s+{_DAY_OF_MONTH}\s+(?:and|to|through|until)\s+{_DAY_OF_MONTH}"
    r"|(?:[Bb]etween|[Ff]rom)\s+\d{4}\s+(?:and|to|through|until)\s+\d{4}"
    r"|(?:[Ii]n|[Oo]ver)\s+recent\s+(?:days|weeks|months|years)"
    r"|(?:[Ii]n|[Oo]ver|[Dd]uring|[Ww]ithin)\s+(?:the\s+(?:course\s+of\s+the\s+)?)?(?:month|year|quarter)\b(?!['’])"
    r"|(?:[Oo]ver|[Dd]uring|[Ww]ithin)\s+the\s+(?:week|fortnight)\b(?!['’])"
    r"|(?:[Oo]ver|[Ww]ithin|[Dd]uring)\s+(?:two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|\d+)\s+"
    r"(?:weeks|months|years)"
    r"|(?:[Ii]n|[Oo]ver)\s+(?:a|one|two|three|four|five|six|several|\d+)\s+(?:weeks?|months?|years?)\s+of\s+"
    r"(?:fighting|violence|clashes|attacks|unrest|war|conflict)"
    rf"|(?:[Ii]n|[Dd]uring|[Tt]hroughout)\s+(?:early\s+|late\s+|mid-?)?(?:{MONTH_NAME_RE}(?:\s+\d{{4}})?|\d{{4}})\b(?!\s*\d)"
    r"|[Ss]ince\s+(?:the\s+(?:start|beginning|outbreak|launch)\s+of\s+(?:the\s+)?[\w\-]+(?:\s+[\w\-]+)?"
    r"|the\s+(?:war|conflict|fighting|invasion|offensive|uprising|coup)\s+(?:began|started|erupted|broke\s+out)"
    rf"|the\s+(?:(?:\d{{4}}|[A-Za-z][\w\-]*)\s+){{0,2}}?{_ERA}\b"  # "the coup", "the 2021 military coup", "the full-scale invasion"
    r"|[a-z]+ing\s+(?:up\s+)?(?:arms|power|office|control)\b"  # "since taking up arms", "since seizing power"
    # "since the state of emergency was declared", "since the curfew was imposed"
    r"|the\s+(?:[\w\-]+\s+){1,4}(?:was|were)\s+(?:declared|imposed|signed|launched|lifted|agreed)\b"
    rf"|{_SINCE_CLAUSE}"
    r"|(?:early|late|mid-?)?\s*[A-Z][a-z]+(?:\s+\d{1,2})?(?:,?\s+\d{4})?|\d{4}|last\s+\w+)"
    r"|[Ss]o\s+far\s+this\s+(?:year|month|week)|(?:[Tt]his|[Ll]ast)\s+(?:year|month|week)"
    r"|[Ee]very\s+(?:day|week|month)|[Ee]ach\s+(?:day|week|month)|(?:a|per)\s+(?:day|week|month)(?!\s+(?:after|before|earlier|later|ago)\b)"
    r"|[Oo]vernight|[Oo]ver\s+the\s+weekend|daily)\b"
)


# A superlative's yardstick, not the figure's period: "the deadliest attack since the war began".
_SUPERLATIVE = re.compile(r"\b(?:deadliest|worst|bloodiest|largest|biggest|heaviest|highest|most\s+(?!of\b)\w+|first)\b"
                          r"[^.;:]{0,80}$", re.IGNORECASE)


def find_period(sentence: str) -> str | None:
    """The first period expression in the sentence, as written, that is not a superlative's
    yardstick ("one of the deadliest attacks since 2023"), or None."""
    for match in _PERIOD.finditer(sentence):
        if not _SUPERLATIVE.search(sentence, 0, match.start()):
            return match.group(0)
    return None

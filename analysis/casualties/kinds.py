"""Whether a casualty figure is one incident's toll or a statistic.

An incident is one episode: an attack, or a stated short window of fighting in one place ("in
the last 24 hours", "overnight"). A statistic is a period total ("in the first half of 2021"), a
cumulative count ("since January", "the war has killed"), a stock ("hosts 3.6 million
refugees"), a rate ("every day", "an average of"), a roll-up of parts the text gives separately
("Of these, 700 ...", "in three separate attacks"), or an issuer's count over a long period.
Statistics never add to an incident's total, so the headline sums incidents only.

Each cue is a small function on the sentence (and the period `find_period` found in it), so a
rule can be tested, and changed, on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis.timeline.lexicon import MONTH_ABBREVIATIONS, MONTH_NAMES

INCIDENT = "incident"
STATISTIC = "statistic"

# A month word, its full stop included: "June", "Sept.", matched case-insensitively.
_MONTH = "(?:" + "|".join((*MONTH_NAMES, *MONTH_ABBREVIATIONS)) + r")\.?"

# The nouns that name one violent episode ("the attack", "a raid").
_EPISODE_NOUNS = r"attack|blast|bombing|shelling|strike|raid|ambush|explosion|assault|massacre"

# A period short enough to be one episode: hours, a night, a weekend, a few named days.
_SHORT_PERIOD = re.compile(
    r"\b(?:hours?|overnight|night|weekend|yesterday|today|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
    rf"(?:the\s+)?(?:{_EPISODE_NOUNS}))\b",
    re.IGNORECASE)
_FEW_DAYS = re.compile(r"\b(?:(?:two|three|four|five|six|seven|few|couple\s+of|[2-7])\s+)?days?\b", re.IGNORECASE)
# A period long enough to hold many episodes.
_LONG_PERIOD = re.compile(
    rf"\b(?:weeks?|fortnight|months?|years?|decades?|season|campaign|recent\s+days|began|started|erupted|broke\s+out|start|beginning|outbreak"
    rf"|half|quarter|\d{{4}}|{_MONTH})\b|\bso\s+far\b", re.IGNORECASE)

# "since ..." starts a running count, long unless what follows is short ("since Monday").
_SINCE = re.compile(r"since\b", re.IGNORECASE)

# Case-sensitive after the first letter: "Daily" in an outlet's name is no rate.
_RATE = re.compile(
    r"\b(?:[Ee]very|[Ee]ach|per)\s+(?:single\s+)?(?:day|week|month|year|hour)\b"
    r"|\b[Aa]\s+(?:day|week|month)\b(?!\s+(?:after|before|earlier|later|ago|apart|of|when|in|on|since|into|and))"
    # "daily" or "weekly" rates a count ("a daily toll", "killed daily"), not a market or a paper.
    r"|\b(?:[Dd]aily|[Ww]eekly|[Mm]onthly)\s+(?:toll|average|tally|count|rate|death|deaths|killings|attacks"
    r"|casualt\w+|number|basis|figures?|arrivals|displacement)\b"
    r"|\b(?:killed|die|died|dying|displaced|flee|fleeing|fled|wounded|injured|abducted|arrive|arriving)\s+"
    r"(?:\w+\s+)?(?:daily|weekly|monthly)\b"
    r"|\b(?:[Aa]n|[Tt]he)\s+average\s+of\b|\b[Oo]n\s+average\b")

_STOCK = re.compile(
    r"\b(?:hosts?|hosting|is\s+home\s+to|are\s+home\s+to)\b"
    r"|\b(?:are|is)\s+(?:now\s+|currently\s+|still\s+)?(?:internally\s+)?displaced\b(?!\s+(?:by|after|when|from))"
    r"|\b(?:hosts?|counts|shelters)\s+(?:about\s+|some\s+|more\s+than\s+|nearly\s+|over\s+)?[\d,.]+\s+(?:million\s+)?"
    r"(?:\w+\s+){0,3}?(?:refugees|displaced|people)\b"
    r"|\baccounts?\s+for\s+(?:\S+\s+){1,4}of\s+the\s+(?:displaced|dead|refugees|victims|deaths|killed)\b"
    r"|\blive\s+in\s+(?:camps|displacement|shelters)\b", re.IGNORECASE)

# People still in a state ("remain displaced", "remain unaccounted for"): a stock, unless the
# sentence names the day or the episode that put them there ("remain missing after the raid on Tuesday").
_STILL = re.compile(
    r"\b(?:remain|remains|still|currently|now)\s+(?:\w+\s+)?(?:displaced|missing|detained|held|in\s+detention|"
    r"in\s+camps|living\s+in|unaccounted\s+for)\b", re.IGNORECASE)

# A war, campaign or offensive as the subject of a count up to now, its name running on ("the
# offensive on the Kordofan towns has left hundreds dead"); never a relative clause ("a conflict
# that has killed thousands" may sit beside one attack's toll).
_CAMPAIGN_SUBJECT = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Tt]his)\s+(?:[\w\-'’]+\s+){0,2}?(?:war|conflict|insurgency|crisis|violence|uprising|siege"
    r"|offensive|campaign)\s+(?:(?!(?:that|which|who)\b)[\w\-'’]+\s+){1,8}?"
    r"(?:has|have)\s+(?:now\s+|so\s+far\s+|already\s+)?(?:killed|left|displaced|uprooted|claimed|cost)\b")
_CUMULATIVE = re.compile(
    r"\b(?:war|conflict|civil\s+war|insurgency|crisis|violence|fighting\s+since|uprising|siege)\s+"
    r"(?:has|have|had)\s+(?:now\s+|so\s+far\s+|already\s+)?(?:killed|left|displaced|forced|uprooted|claimed|cost|wounded|injured)\b"
    r"|\b(?:to\s+date|so\s+far|in\s+all\s+since|cumulative|overall\s+toll|total\s+(?:death\s+)?toll\s+since)\b"
    rf"|\bby\s+the\s+end\s+of\s+(?:the\s+)?(?:{_MONTH}|year|month|quarter)"
    r"|\bunder\s+(?:the\s+|a\s+)?(?:state\s+of\s+emergency|emergency\s+(?:law|rule|decree)|martial\s+law)\b"
    r"|\b(?:killed|died|dead|displaced|wounded|injured|uprooted)\s+(?:\w+\s+){0,3}(?:in|by|during|since)\s+the\s+"
    r"(?:war|conflict|civil\s+war|insurgency)\b(?!\s+(?:in|on)\s+\w+day)",
    re.IGNORECASE)

_SCOPE = re.compile(
    r"\b(?:across|throughout)\s+(?:the\s+)?(?:country|nation|region|province|state|territory)\b"
    r"|\bnationwide\b|\bcountrywide\b|\bin\s+the\s+whole\s+(?:country|region)\b"
    # A whole front: "along the entire front line", "on all fronts".
    r"|\b(?:along|across|on)\s+the\s+(?:whole|entire)\s+front(?:[\s\-]?line)?\b|\bon\s+all\s+fronts\b"
    # "strikes across Gaza", not where the wounded lie ("treated in hospitals across Mogadishu").
    r"|(?<!hospitals\s)(?<!clinics\s)(?<!facilities\s)\b(?:across|throughout)\s+(?-i:[A-Z])[\w\-]+", re.IGNORECASE)

_ROLLUP_EVENTS = re.compile(
    # "the latest in a series of attacks" tells one attack, the series' newest.
    r"(?<!latest\sin\s)(?<!latest\sof\s)(?<!last\sin\s)"
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|several|multiple|separate|various|a\s+series\s+of"
    r"|a\s+wave\s+of|a\s+string\s+of|a\s+spate\s+of|a\s+number\s+of|dozens\s+of|hundreds\s+of"
    r"|(?<![\d,.])\d{1,3}(?:,\d{3})*(?![\d,.]))"
    r"\s+(?:\w+\s+)?"
    r"(?:attacks|strikes|airstrikes|air\s+strikes|raids|bombings|clashes|incidents|ambushes|explosions|blasts|massacres"
    r"|operations|battles|assaults)\b"
    # Attacks told before, counted together: "The attacks killed 22", "Across both attacks, 112 ...".
    r"|\b(?:the|these|those|both|all\s+(?:the\s+)?\w+)\s+(?:\w+\s+)?(?:attacks|raids|ambushes|assaults|strikes)"
    r"\s+(?:killed|left|wounded|injured|drove|forced|displaced|claimed)\b"
    r"|\bacross\s+(?:both|all|the\s+\w+)\s+(?:attacks|raids|ambushes|assaults|strikes)\b"
    # A count that takes in an attack told elsewhere: "15 killed in Tibú in four days, counting
    # Tuesday's drone attack".
    r"|\b(?:counting|including|plus)\s+(?:the\s+|(?:\w+day|last\s+week)['’]s\s+)(?:[\w\-]+\s+){0,2}?"
    r"(?:attack|strike|airstrike|shooting|bombing|raid|ambush|massacre|shelling)\b",
    re.IGNORECASE)

# A sentence that breaks down the statistic before it: "Of these, ...", "Among them, ...".
_PARTS_OPENING = re.compile(
    r"^\s*(?:Of\s+(?:these|them|those|this\s+(?:number|total|figure)|the\s+total)|Among\s+(?:them|these|those)"
    r"|The\s+(?:rest|remainder|remaining))\b"
    r"|^[^.;]{0,60}\baccounted\s+for\b", re.IGNORECASE)  # "Burkina Faso accounted for 690 of the deaths"

_ISSUER_NOUNS = (r"(?:United\s+Nations|UN|U\.N\.|OCHA|UNHCR|UNICEF|WHO|IOM|OHCHR|ACLED|UCDP|Red\s+Cross|ICRC"
                 r"|agency|agencies|office|mission|monitor|monitors|monitoring\s+group|observatory|ministry"
                 r"|organi[sz]ation|commission|committee|NGO|charity|network|group|council|authorit(?:y|ies))")
_ISSUER_CUE = re.compile(
    rf"\baccording\s+to\s+(?:a|an|the|its|their|new|latest)?\s*(?:\w+\s+)?"
    rf"(?:report|figures|data|tally|count|statistics|estimates?|survey|assessment|bulletin|update)\b"
    rf"|\b(?:report|figures|data|tally|statistics|estimates?|bulletin)\s+(?:published|released|compiled|verified|issued)\s+by\b"
    rf"|\b{_ISSUER_NOUNS}\b(?:\s+\w+){{0,3}}\s+(?:said|says|reported|reports|estimated|estimates|recorded|documented|counted|verified)\b"
    rf"|\baccording\s+to\s+(?:the\s+)?(?:\w+\s+){{0,3}}{_ISSUER_NOUNS}\b")
_ISSUER_NAME = re.compile(
    rf"\baccording\s+to\s+(?:figures|data|a\s+report|the\s+latest\s+figures|statistics|estimates)?\s*"
    rf"(?:(?:verified|compiled|released|published|issued)\s+by\s+)?"
    rf"(?P<after>(?:the\s+|a\s+|an\s+)?(?:[A-Z][\w.\-]*\s+|of\s+|for\s+|\w+\s+(?={_ISSUER_NOUNS})){{0,5}}{_ISSUER_NOUNS})\b"
    rf"|(?P<before>(?:the\s+|a\s+|an\s+)?(?:[A-Z][\w.\-]*\s+|of\s+|for\s+){{0,5}}{_ISSUER_NOUNS})"
    rf"(?:\s+\w+){{0,2}}\s+(?:said|says|reported|reports|estimated|estimates|recorded|documented|counted|verified)\b")


# "last week" alone dates an episode ("last week, shells killed 16"); "last month" does when the
# sentence names the episode ("the raid last month killed 9"), else it is a monthly total.
_WEEK_REFERENCE = re.compile(r"^(?:last|this|earlier\s+this|late\s+last)\s+week$", re.IGNORECASE)
_MONTH_REFERENCE = re.compile(
    rf"^(?:(?:last|this|earlier\s+this|late\s+last)\s+month|(?:in|during)\s+(?:early\s+|late\s+|mid-?)?"
    rf"(?:{_MONTH}(?:\s+\d{{4}})?|\d{{4}}))$", re.IGNORECASE)
_YEAR_REFERENCE = re.compile(r"^(?:(?:in|during)\s+)?(?:early|late|mid-?)?\s*(?:last|this)\s+year$", re.IGNORECASE)
_EPISODE = re.compile(
    rf"\b(?:{_EPISODE_NOUNS}|airstrike|air\s+strike|shooting|bombardment|incident)\b(?!s)"
    # One attack told by its verb and its one target: "a suicide bomber struck a Sufi shrine",
    # "gunmen raided the weekly market". A count of targets ("attacked 12 villages") is no episode.
    r"|\b(?:struck|raided|attacked|stormed|ambushed|bombed|shelled|overran|targeted)\s+(?:a|an|the)\s+"
    r"(?:[\w\-]*[^\Ws]\s+){0,3}?[\w\-]*[^\Ws]\b(?!\s+and\b)"
    # ... or by one device going off: "when a truck bomb exploded at the gate".
    r"|\b(?:a|an|the)\s+(?:[\w\-]+\s+)?(?:bomb|bomber|grenade|mine|IED|shell|rocket|missile|drone)\s+"
    r"(?:exploded|went\s+off|detonated|blew\s+up|struck|hit|landed)\b", re.IGNORECASE)


def names_episode(sentence: str) -> bool:
    """True when the sentence names one episode ("the attack", "a drone strike")."""
    return bool(_EPISODE.search(sentence))


def dates_an_episode(period: str, sentence: str) -> bool:
    """True when `period` says when an episode happened rather than what a total covers
    ("last week"; "last month" or "early last year" with the attack named)."""
    period = period.strip()
    return bool(_WEEK_REFERENCE.match(period) or ((_MONTH_REFERENCE.match(period) or _YEAR_REFERENCE.match(period))
                                                  and names_episode(sentence)))


def is_short_period(period: str) -> bool:
    """True for a window one episode can fill ("in the last 24 hours", "overnight", "since
    Monday", "in the past three days"): fighting in one place over it is one incident."""
    if _LONG_PERIOD.search(period) and not re.search(r"\bhours?\b", period, re.IGNORECASE) \
            and not _DAY_WORD.search(period):
        return False  # "since fighting erupted on Saturday" is days old, whatever its verb
    return bool(_SHORT_PERIOD.search(period) or _FEW_DAYS.search(period))


def is_long_period(period: str | None) -> bool:
    """True for a period that can hold many episodes ("since April 2023", "this year", "in
    the first half of 2024"). A rate ("every day") is read by `has_rate`, not here."""
    return bool(period) and bool(_LONG_PERIOD.search(period) or _SINCE.match(period)) \
        and not is_short_period(period)


def has_rate(sentence: str) -> bool:
    """True when the figure is a rate ("every day", "a week", "an average of")."""
    return bool(_RATE.search(sentence))


def has_stock(sentence: str) -> bool:
    """True when the figure is a stock, people in a state at a time ("hosts 630,000
    refugees", "remain displaced"), not people an episode hit."""
    if _STOCK.search(sentence):
        return True
    return bool(_STILL.search(sentence)) and not (_DAY_WORD.search(sentence) or names_episode(sentence)
                                                  or _EPISODE_VERB.search(sentence))


# Bodies recovered from one site: a search after one episode, however long it runs.
_RECOVERED = re.compile(r"\b(?:bodies|remains)\s+(?:have\s+been|had\s+been|were)\s+(?:recovered|pulled|retrieved|dug\s+out)\b",
                        re.IGNORECASE)
_SO_FAR = re.compile(r"^(?:to\s+date|so\s+far)$", re.IGNORECASE)


def has_cumulative(sentence: str) -> bool:
    """True for a running count of a war or crisis ("the war has killed", "so far", "to date");
    "so far" of one named episode ("So far, 74 bodies have been recovered from the site of the
    attack") is that episode's count."""
    match = _CUMULATIVE.search(sentence)
    if match is None:
        return bool(_CAMPAIGN_SUBJECT.search(sentence)) and not _DAY_WORD.search(sentence)
    return not (_SO_FAR.match(match.group(0)) and (names_episode(sentence) or _RECOVERED.search(sentence)))


def has_wide_scope(sentence: str) -> bool:
    """True when the count covers a whole country, region or front ("across the country",
    "nationwide", "along the entire front line")."""
    return bool(_SCOPE.search(sentence))


def is_rollup(sentence: str) -> bool:
    """True when the figure adds up several episodes ("in three separate attacks")."""
    return bool(_ROLLUP_EVENTS.search(sentence))


def opens_with_parts(sentence: str) -> bool:
    """True when the sentence breaks down the figure before it ("Of these, 700 were ...",
    "The north accounted for 400")."""
    return bool(_PARTS_OPENING.match(sentence))


def has_issuer_cue(sentence: str) -> bool:
    """True when the sentence quotes an institution's report or count (UN, an agency, a
    monitor, "according to a report"): with any period, that count is a statistic."""
    return bool(_ISSUER_CUE.search(sentence))


def find_issuer(sentence: str) -> str | None:
    """The institution the sentence credits with its count ("the UN refugee agency",
    "the United Nations"), as written, or None."""
    match = _ISSUER_NAME.search(sentence)
    if not match:
        return None
    return clean_issuer(match.group("after") or match.group("before"))


_REPORT_PREFIX = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:latest\s+|new\s+|official\s+)?(?:figures|data|report|statistics|estimates|tally|count)"
    r"\s+(?:\w+\s+)?(?:verified|compiled|released|published|issued|collected)\s+by\s+", re.IGNORECASE)
_NOT_ISSUER = re.compile(r"^(?:(?:the|a|an|this|that|its|their)\s+)?(?:statement|report|it|he|she|they|we|officials?"
                         r"|sources?|figures|data)$", re.IGNORECASE)


def clean_issuer(name: str | None) -> str | None:
    """An issuer's name without "figures verified by" and similar; None for a word that names
    no one ("the statement", "it", "officials")."""
    if not name:
        return None
    name = _REPORT_PREFIX.sub("", name.strip())
    name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE).strip()
    return None if not name or _NOT_ISSUER.match(name) else name


# Present perfect: a count that runs up to now ("have been killed", "has displaced").
_COUNTING_VERBS = r"(?:recorded|registered|documented|counted|verified|tallied)"
_PRESENT_PERFECT = re.compile(
    r"\b(?:have|has)\s+(?:now\s+|so\s+far\s+|already\s+)?(?:been\s+)?(?:killed|died|displaced|wounded|injured|fled"
    rf"|abducted|uprooted|forced|detained|arrested|{_COUNTING_VERBS})\b", re.IGNORECASE)
# Bodies that count over long periods; a police or army spokesman reports episodes.
_INSTITUTION = re.compile(
    r"\b(?:United\s+Nations|UN|U\.N\.|OCHA|UNHCR|UNICEF|WHO|IOM|OHCHR|ACLED|UCDP|Red\s+Cross|ICRC|agency|agencies"
    r"|monitor|monitors|monitoring\s+group|observatory|rights\s+groups?|human\s+rights|NGOs?|civil\s+society"
    r"|watchdog|tracker)\b")
# A tally word or a counting verb makes the same running count without an institution.
_TALLY = re.compile(
    rf"\b(?:[Aa]\s+total\s+of|[Ii]n\s+total|[Aa]ltogether)\b|\b(?:have|has)\s+(?:now\s+|so\s+far\s+)?{_COUNTING_VERBS}\b")
_DAY_WORD = re.compile(r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today|overnight|tonight)\b",
                       re.IGNORECASE)


def is_running_count(sentence: str) -> bool:
    """True for an institution's count up to now with no episode or day named ("the UN says
    1,300 civilians have been killed", "a total of 900 people have been killed", "monitors have
    recorded 400 deaths"): a cumulative statistic, not one attack's toll."""
    return bool(_PRESENT_PERFECT.search(sentence) and (_INSTITUTION.search(sentence) or _TALLY.search(sentence))
                and not names_episode(sentence) and not _DAY_WORD.search(sentence))


# A count the whole conflict caused ("displaced by the violence", "killed in the insurgency").
_CONFLICT_CAUSE = re.compile(
    r"\b(?:have|has)\s+(?:now\s+|so\s+far\s+)?been\s+(?:killed|displaced|uprooted|forced\s+\w+|wounded|injured)"
    r"\s+(?:\w+\s+){0,3}?(?:by\s+(?:the\s+)?(?:\w+\s+)?(?:violence|conflict|fighting|insurgency|war|crisis|unrest)"
    r"|in\s+the\s+(?:\w+\s+)?(?:conflict|insurgency|war|crisis))\b",
    re.IGNORECASE)
# A report that covers a period by its nature ("the monitor's annual report"): its counts are that period's.
_PERIODIC_REPORT = re.compile(
    r"\b(?:annual|monthly|quarterly|weekly|yearly|half-yearly)\s+(?:report|bulletin|review|survey|update|tally)\b",
    re.IGNORECASE)
# A period named by how it ranks: "November was the bloodiest month", "the deadliest quarter in a decade".
_RANKED = r"(?:deadliest|bloodiest|worst|most\s+violent|quietest|calmest)"
_RANKED_PERIOD = re.compile(
    rf"\b{_RANKED}\s+(?:\w+\s+)?(?:month|year|quarter|week|season|half)\b"
    rf"|\b(?:month|year|quarter|week|season|half)\s+(?:was|is|has\s+been)\s+(?:the\s+)?{_RANKED}\b"
    # Places ranked by a period's count: "was again the deadliest region, with 71 deaths",
    # "recorded the highest numbers of civilian deaths".
    rf"|\b{_RANKED}\s+(?:\w+\s+)?(?:region|province|state|district|governorate|county|area|city|town)s?\b"
    r"|\b(?:highest|largest|lowest|biggest)\s+(?:numbers?|tolls?|shares?|counts?|totals?)\s+of\b", re.IGNORECASE)
# A part of a larger total ("more than half of the 5,200 killings", "responsible for 1,000 of the
# deaths", "40 percent of the 1.2 million displaced"): the figures are a total's and its share.
_SHARE = re.compile(
    r"\b(?:percent|per\s+cent|half|third|quarter|fifth|majority|bulk|share|proportion|most)\s+of\s+(?:the|all)\b"
    r"|%\s+of\s+(?:the|all)\b|\bresponsible\s+for\s+(?:\S+\s+){1,5}?of\s+(?:the|all)\b", re.IGNORECASE)
# A sentence that says what period a report or a data set covers ("The report covers January to
# June.", "UNICEF looked at the twelve months to March.", "The documents cover the first 100 days
# of the offensive."): the next sentence's figures are that period's.
_COVERAGE = re.compile(
    r"\b(?:covers?|covered|covering|runs?|ran|spans?|spanned|looked\s+at|examined|reviewed|analy[sz]ed|studied)\s+"
    r"(?:[\w'’]+\s+){0,8}?(?:period|days|weeks|months|years?|quarter|half|decade|season|\d{4}|"
    + "|".join(MONTH_NAMES) + r")\b", re.IGNORECASE)
# What refers back to a period stated before: "over that period", "in that time", "that month",
# "since then", "across the year", "It found that".
_BACK_TO_PERIOD = re.compile(
    r"\b(?:over|in|during|across|throughout)\s+(?:that|the|this)\s+(?:period|time|span|year|months?|weeks?|quarter)\b"
    r"|\bthat\s+(?:month|year|week|quarter|period)\b|\bsince\s+then\b|\bin\s+that\s+time\b"
    r"|^\s*(?:It|They|The\s+(?:report|study|survey|data|figures))\s+(?:found|documented|recorded|counted|put|showed|shows)\b",
    re.IGNORECASE)
# The verbs of one episode, for a sentence that names it by what happened ("after jihadists attacked a convoy").
_EPISODE_VERB = re.compile(
    r"\b(?:after|since|when)\b[^.;]{0,60}?\b(?:attacked|raided|ambushed|stormed|struck|bombed|shelled|overran)\b",
    re.IGNORECASE)


# A report or data set named with its period ("published its October figures", "In its August
# bulletin", "For March, the cluster gave the following picture"), or a period as the subject.
_REPORT_NOUN = re.compile(
    r"\b(?:figures|bulletin|report|data|tally|statistics|numbers|picture|update|review|dashboard)\b", re.IGNORECASE)
_PERIOD_SUBJECT = re.compile(
    r"\b(?:month|quarter|year|half|week)\s+(?:brought|saw|was\s+marked\s+by|recorded)\b", re.IGNORECASE)


def states_coverage(sentence: str) -> bool:
    """True when the sentence says what period a report or count covers, or ranks a period
    ("August was the worst month of the year"): the figures after it are that period's."""
    if any(pattern.search(sentence) for pattern in (_COVERAGE, _RANKED_PERIOD, _PERIODIC_REPORT, _PERIOD_SUBJECT)):
        return True
    return bool(_REPORT_NOUN.search(sentence) and _LONG_PERIOD.search(sentence))


def refers_to_period(sentence: str) -> bool:
    """True when the sentence's figures are those of a period stated before ("over that
    period", "since then", "It found that ...")."""
    return bool(_BACK_TO_PERIOD.search(sentence))


def anchors_an_episode(sentence: str, period: str | None) -> bool:
    """True when the sentence pins its figures to one episode's time: a short stated window
    ("in the last 24 hours", "overnight") or a day ("on Tuesday", "yesterday"). The learned
    second opinion (analysis.casualties.kind_model) never overrules that."""
    return bool(period and is_short_period(period)) or bool(_DAY_WORD.search(sentence))


WAR_SCALE = 1000  # a toll this large that runs up to now with no episode or day named is the war's, not an attack's


def is_war_scale(sentence: str, largest: int) -> bool:
    """True for a count up to now, of war size or caused by the conflict as a whole, with no
    episode or day named: "insurgents have killed more than 4,000 people in the province",
    "nearly a million people have been displaced by the violence"."""
    if not _PRESENT_PERFECT.search(sentence) or names_episode(sentence) or _DAY_WORD.search(sentence):
        return False
    return largest >= WAR_SCALE or bool(_CONFLICT_CAUSE.search(sentence))


def gives_parts(counts: Sequence[tuple[str, int]]) -> bool:
    """Whether (category, count) pairs of one sentence hold a category counted twice or more
    with no count the sum of the others: the counts of separate episodes, told apart."""
    by_category: dict[str, list[int]] = {}
    for category, count in counts:
        by_category.setdefault(category, []).append(count)
    return any(len(values) > 1 and all(len(values) < 3 or 2 * v != sum(values) for v in values)
               for values in by_category.values())


def sentence_kind(sentence: str, period: str | None, *, after_statistic: bool = False,
                  toll: bool = False, largest: int = 0, after_coverage: bool = False,
                  unnumbered: bool = False, parts: bool = False) -> str:
    """INCIDENT or STATISTIC for the figures of one sentence.

    `period` is what `find_period` found in it; `after_statistic` says the sentence before,
    in its paragraph, held a statistic (so "Of these, ..." breaks that statistic down);
    `toll` marks a rising toll ("the death toll rose to 40"): one incident's, unless a long
    period or a war-wide cue makes it cumulative. `largest` is the sentence's largest figure.
    `after_coverage` says an earlier sentence of the paragraph stated the period a report covers
    (`states_coverage`). `unnumbered` says every figure is written without a number ("killed the
    district chief and his guard earlier this month"): particular people, so one episode's.
    `parts` says the sentence gives one category's count more than once and no count is the sum
    of the others ("two attacks, killing 13 at the market and 13 at the motor park"): each is
    one of the attacks it counts, not their total.
    """
    if has_rate(sentence) or has_stock(sentence):
        return STATISTIC
    if unnumbered:
        return INCIDENT
    if has_cumulative(sentence) or _PERIODIC_REPORT.search(sentence):
        return STATISTIC
    episode = names_episode(sentence) or bool(_DAY_WORD.search(sentence))
    if not episode and (_RANKED_PERIOD.search(sentence) or _SHARE.search(sentence)):
        return STATISTIC
    if not period and not episode and (after_coverage or refers_to_period(sentence) and "period" in sentence.lower()):
        return STATISTIC
    if period and dates_an_episode(period, sentence):
        period = None  # when the episode happened, not a span its figure covers
    if is_long_period(period):
        return STATISTIC
    if after_statistic and opens_with_parts(sentence):
        return STATISTIC
    if has_wide_scope(sentence) or (is_rollup(sentence) and not toll and not parts):
        return STATISTIC
    if period and not is_short_period(period) and has_issuer_cue(sentence):
        return STATISTIC
    if not period and (is_running_count(sentence) or is_war_scale(sentence, largest)):
        return STATISTIC
    return INCIDENT

"""Incidents: one event's casualty reports grouped across sources, so that nothing is counted
twice.

Statistics (`kind == "statistic"`: period totals, cumulatives, stocks, rates) never join an
incident. Two steps for the rest. First each article's figures become *reports*: the figures
of one category and place in one article, about days within the window, are that article's
account of one incident, and its figure is analysis.casualties.article_figure (the largest toll
it gives, adding up coordinated parts of one sentence, never rival claims). A figure whose
sentence and paragraph name no place takes its article's; an article naming a city and a
district inside it reports one scene, at the district. Then reports from different articles
join one incident on all the evidence a reader uses:

- dates as spans: a report is about a day, a week ("last week"), or, in an article whose
  publication date is estimated, a day give or take UNDATED_SPREAD_DAYS; spans must come
  within WINDOW_DAYS of each other. A figure its sentence does not date takes the day or week
  an earlier sentence of its paragraph names, else the day of its article's story; one dated by
  its article's publication alone may be up to _UNTOLD_DAYS older ("The toll from the car bomb
  rose to 15" three days on);
- places at different levels: the same place, one the texts put inside the other ("Zamzam
  camp near El Fasher", "the Karari district of Omdurman", "the city's Al Wadi district":
  analysis.casualties.location.learn_containment), or a country or province that may hold a
  town (ISO 3166 and the GeoNames cities), unless the texts place the town elsewhere;
- event words: reports naming only different kinds of attack (shelling, a drone strike) are
  two incidents;
- figures within MAX_RATIO, or within MAX_REVISION_RATIO when the higher was reported later:
  a toll that rises over days is one incident.

Reports whose date is only an estimate (an undated article) are placed last, once the dated
reports have formed their incidents: an estimate can be weeks off, so such a report joins the
one incident it fits within LOOSE_DAYS, or the one it fits best by figure and kind of attack
when several do ("late last week, gunmen killed 15 at a checkpoint in Téra" beside two attacks
on Téra four days apart); a report of a region only ("a village in the Centre-Nord region") may
join a town's incident inside it. When no incident fits, or several fit equally, it stays apart.
Last, a lone report not dated to a day that states exactly the toll of one incident several
outlets report joins it wherever it is placed (`_join_lone_twins`). A figure inside a clause a
time offset opens ("... came three days after armed men killed 19 people") is that earlier
attack's (`_after_clause_episodes`).

Candidates are blocked by category, kind, place and date window, so grouping stays far from
quadratic. Subsets ("including three children") are linked to their incident but never add.

Per incident (ACLED/UCDP practice, analysis.casualties.reports.incident_figures): a report is
superseded when a higher toll is reported after it; it stays in the incident's `revisions` (who
said what, when, in order) and its rows are flagged `superseded`, but is never used. Of the
current reports, `conservative` is the lowest credible figure, `best` the highest, `low`/`high`
their span, and `disagree` is set when they differ. `first_reported_by` is the source
published first.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.casualties.kinds import anchors_an_episode
from analysis.casualties.location import (
    LOCALITY,
    antecedent_parts,
    countries_named,
    countries_of,
    dateline_end,
    fold_place,
    learn_containment,
    may_hold,
    place_rank,
)
from analysis.casualties.numbers import UNITS
from analysis.casualties.reports import article_figure, incident_figures
from analysis.timeline.find_dates import month_day

INCIDENT_COLUMNS = [
    "incident_id", "category", "location", "date", "sources", "n_sources", "reports",
    "conservative", "best", "low", "high", "first_reported_by", "first_reported", "disagree", "summary",
    "revisions", "unit",
]
WINDOW_DAYS = 2  # the dates reports of one incident are about lie within this many days of each other
MAX_RATIO = 4.0  # and their figures within this factor,
MAX_REVISION_RATIO = 15.0  # or this one when the higher figure was reported later (a rising toll)
UNDATED_SPREAD_DAYS = 7  # an article with an estimated publication date: its dates are this uncertain
LOOSE_DAYS = 30  # and may lie this far from a dated incident it joins (an estimate can be a month off)
# Relative dates that name a span, not a day ("last week"): its length in days from the date
# the sentence was given.
_SPAN_DAYS = ((re.compile(r"\b(?:last|past|previous|this|earlier\s+this)\s+week\b|\bweek\s+ago\b", re.IGNORECASE), 7),
              (re.compile(r"\brecent\s+days\b", re.IGNORECASE), 7),
              # "In a separate attack this month": any day of the month the sentence is dated to.
              (re.compile(r"\b(?:last|this|earlier\s+this|previous)\s+month\b"
                          r"|\b(?:start|beginning|middle|end)\s+of\s+(?:the|this|last)\s+month\b", re.IGNORECASE), 31))
_LOOSE_SPAN = 7  # a report whose date spans more days than this is placed like an estimate
# A toll over days of fighting that end on the date the sentence was given: "in three days of
# battles", "over the past four days", "a five-day offensive", "since the assault began on
# Monday" (at most a week). Its length in days back from that date.
_FIGHTING = r"(?:fighting|battles?|clashes|combat|assault|offensive|siege|shelling|bombardment|attacks)"
_BACK_SPANS = (
    re.compile(rf"\b(?P<n>\w+)(?:\s+|-)days?\s+(?:of\s+)?(?:\w+\s+)?{_FIGHTING}\b", re.IGNORECASE),
    re.compile(r"\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?P<n>\w+)\s+days\b", re.IGNORECASE),
)
# A figure recalled in a clause hung on the attack it belongs to, read around the figure:
# before it "the drone strike on the market, which killed 17 people", "the battle for Harib,
# in which at least 46 fighters died", "three days after 13 people died in Rwangoma"; after it
# "18 people have now died after the bombing of the camp". A later article's back-reference,
# about some day before it was published.
_QUALIFIER = r"(?:(?:at\s+least|more\s+than|over|some|about|nearly|almost)\s+)?"
_RECALLED_BEFORE = re.compile(
    rf"(?:\b(?:that|which)\s+(?:had\s+)?(?:killed|left|claimed|wounded|injured)|\bin\s+which|\bafter)\s+{_QUALIFIER}$",
    re.IGNORECASE)
_RECALLED_AFTER = re.compile(
    r"^(?:\s+[\w\-]+){0,3}?\s+(?:(?:have|has|had)\s+(?:now\s+)?died|(?:have|has|had)\s+(?:now\s+)?been\s+killed)"
    r"\s+(?:after|from|in|since)\s+(?:the|last\s+week's|\w+day's)\b",
    re.IGNORECASE)


# Captives counted as still held ("four councillors remain in the hands of their kidnappers",
# "12 passengers are still missing"): a state at the time of telling, of an abduction before it.
_STILL_HELD = re.compile(
    r"^(?:\s+[\w\-]+){0,3}?\s+(?:remain(?:s|ed)?|(?:are|were|is|was)\s+still)\s+(?:being\s+)?"
    r"(?:held|in\s+(?:the\s+hands|captivity|custody)|missing|unaccounted|hostages?|captives?)\b", re.IGNORECASE)


# A review ranking an attack told before: "The deadliest single attack was the raid on Dumburum,
# where bandits killed 33 people".
_RANKED_ATTACK = re.compile(
    r"\b(?:deadliest|worst|bloodiest)\s+(?:single\s+)?(?:attack|incident|massacre|bombing|raid|strike|assault)"
    r"\s+(?:was|remains|came)\b", re.IGNORECASE)


def _figure_in_sentence(row: dict) -> tuple[str, str, int]:
    """The row's sentence, its figure's words, and where they start in it (-1 when not found)."""
    evidence, figure = str(row.get("evidence") or ""), str(row.get("text") or "")
    return evidence, figure, evidence.find(figure) if figure else -1


def _recalled(row: dict) -> bool:
    """Whether the row's figure is recalled from an earlier attack (see _RECALLED_BEFORE,
    _RECALLED_AFTER, _STILL_HELD and _RANKED_ATTACK)."""
    evidence, figure, at = _figure_in_sentence(row)
    if at < 0:
        return False
    after = evidence[at + len(figure):at + len(figure) + 80]
    return bool(_RECALLED_BEFORE.search(evidence[max(0, at - 40):at])
                or _RECALLED_AFTER.match(after) or _STILL_HELD.match(after)
                or _RANKED_ATTACK.search(evidence, 0, at))


# Between two figures of one sentence, words that start another episode: a time offset ("three
# days after 12 farmers were killed", "a week later"), "in a separate attack", or a new attack as
# the subject of its own clause ("..., and a car bomb at the junction killed 17").
_OFFSET = re.compile(
    r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|\d{1,2})\s+"
    r"(?P<unit>days?|weeks?|nights?)\s+(?P<way>after|before|earlier|later)\b"
    r"|\b(?:the\s+)?(?P<day>day|night)\s+(?P<dayway>before|after)\b", re.IGNORECASE)
_NEW_EPISODE = re.compile(
    r"\b(?:separate|another|earlier|previous|later)\s+(?:\w+\s+)?(?:attack|strike|raid|ambush|blast|bombing|incident)\b"
    r"|(?:,|;|\band)\s+(?:a|an|the|another)\s+(?:[\w\-]+\s+){0,2}?(?:car\s+bomb|roadside\s+bomb|bomb|blast|explosion"
    r"|air\s*strike|drone\s+strike|strike|raid|ambush|shelling|shell|mortar\s+attack|landmine|mine|attack"
    r"|assault|bombing|shooting|massacre)\b"
    # A clause of its own whose subject is a weapon or an attack, with no article: ", and rocket
    # fire on a bread queue killed seven more".
    r"|,\s*and\s+(?:[\w\-]+\s+)?(?:rocket|mortar|artillery|sniper|drone|gun)\s+(?:fire|rounds|shells|strikes?)\b",
    re.IGNORECASE)
_FEW = {**UNITS, "a": 1, "an": 1, "a few": 3, "several": 3}  # the offset's count, in words


def _days_in(count: str, unit: str) -> int:
    """The days an offset's count and unit make ("three", "days": 3; "a", "week": 7)."""
    number = re.sub(r"\s+", " ", count.lower())
    days = int(number) if number.isdigit() else _FEW[number]
    return days * (7 if unit.lower().startswith("week") else 1)


def _offset_days(between: str) -> int | None:
    """The day shift a time offset between two figures puts on the second ("three days after
    12 farmers were killed": -3; "a week later": +7), 0 for another episode named with no
    offset, None when the words start no other episode."""
    match = _OFFSET.search(between)
    if match is None:
        return 0 if _NEW_EPISODE.search(between) else None
    if match.group("day"):
        days, way = 1, match.group("dayway").lower()
    else:
        days, way = _days_in(match.group("n"), match.group("unit")), match.group("way").lower()
    return -days if way in ("after", "earlier") else days


# A clause of its own after the first figure's ("..., and 13 people were killed when mortar
# bombs hit the town three days later"): its offset may close it.
_CLAUSE_BREAK = re.compile(r",\s*(?:and|while|but)\b|;")
# ... or a figure right after "and", its verb left out: "killed eight people at a bar on Nov 13
# and nine at a cantina four days later".
_AND_BEFORE = re.compile(r"\band\s+$")
_ASIDE_AFTER = re.compile(r",\s*(?:while|whereas)\b|;")


def _named_day(text: str) -> tuple[int, int] | None:
    """(month, day) of the one day of the month `text` names ("on 12 October", "on Oct. 15,
    2025"), as the timeline reads it, or None for none or several."""
    days = {(m.period.start.month, m.period.start.day) if m.period else (m.month, m.day) for m in month_day(text)}
    return next(iter(days)) if len(days) == 1 else None


def _days_between_named(before: str, after: str) -> int | None:
    """The days from the day `before` names to the day `after` names, when each names one and
    they differ ("13 at the cattle market on 12 October and 13 at the motor park on 15
    October": 3); None otherwise."""
    first, second = _named_day(before), _named_day(after)
    if first is None or second is None or first == second:
        return None
    try:
        return (date(2001, *second) - date(2001, *first)).days  # a year with no 29 February: only the gap counts
    except ValueError:
        return None


def _trailing_offset(after: str) -> int | None:
    """The day shift an offset after a figure puts on it ("... three days later": +3, "a week
    earlier": -7); None without one. Only "later" and "earlier" close a clause: "after" and
    "before" open the next one ("three days after 12 farmers were killed")."""
    match = _OFFSET.search(after)
    if match is None or match.group("day") or match.group("way").lower() not in ("later", "earlier"):
        return None
    return _offset_days(match.group(0))


def _sentence_texts(sentences: pd.DataFrame, wanted) -> dict[tuple, tuple[int, str]]:
    """(start offset, text) of the `wanted` sentences, by (doc_id, sent_id)."""
    return {(doc_id, int(sent_id)): (int(start), text) for doc_id, sent_id, start, text in zip(
        sentences["doc_id"].tolist(), sentences["sent_id"].tolist(), sentences["start"].tolist(),
        sentences["text"].tolist()) if (doc_id, int(sent_id)) in wanted}


# A lead that frames the article as a review of weeks: "A string of mass killings across three
# states this month has put new pressure on ...". Its figures with no day of their own are any
# day of that span, not the publication day.
_ROUNDUP_LEAD = re.compile(r"\b(?:this|last|past)\s+month\b|\bin\s+recent\s+weeks\b"
                           r"|\b(?:over\s+)?the\s+past\s+(?:two|three|four|few|several)\s+weeks\b",
                           re.IGNORECASE)
_ROUNDUP_DAYS = 31


def _roundups(records: list[tuple[object, dict]], sentences: pd.DataFrame) -> set[str]:
    """The articles whose first sentence frames them as a review of the past weeks or month:
    their undated figures may lie up to _ROUNDUP_DAYS back."""
    docs = {row["doc_id"] for _, row in records if not is_statistic(row)}
    if not docs or sentences.empty or "start" not in sentences:
        return set()
    leads = _sentence_texts(sentences, {(doc_id, 0) for doc_id in docs})
    return {doc_id for (doc_id, _), (_, text) in leads.items() if _ROUNDUP_LEAD.search(text)}


def _clause_episodes(records: list[tuple[object, dict]],
                     sentences: pd.DataFrame) -> dict[object, tuple[int, int, str]]:
    """For figures of a sentence that tells two episodes or more: (which episode of the sentence
    it is, the days between that episode and the sentence's first, the words telling it).
    "Mortar bombs killed 12 on Tuesday, three days after 12 farmers were killed" tells two
    attacks: the second twelve is another episode, three days earlier, never added to the
    first, and the kind of attack of each is read from its own words."""
    by_sentence: dict[tuple, list[tuple[int, object]]] = {}
    for index, row in records:
        if row.get("start") is not None and not is_statistic(row):
            by_sentence.setdefault((row["doc_id"], int(row["sent_id"])), []).append((int(row["start"]), index))
    crowded = {key: sorted(found, key=lambda f: f[0]) for key, found in by_sentence.items() if len(found) > 1}
    if not crowded or sentences.empty or "start" not in sentences:
        return {}
    starts = _sentence_texts(sentences, crowded.keys())
    wanted = {index for found in crowded.values() for _, index in found}
    ends = {index: int(row["end"]) for index, row in records if index in wanted and row.get("end") is not None}
    episodes: dict[object, tuple[int, int, str]] = {}
    for key, found in crowded.items():
        if key not in starts:
            continue
        sentence_start, text = starts[key]
        told: list[tuple[int, int, int]] = [(0, 0, 0)]  # per figure: episode, shift, where its words start
        for number, ((_, before), (start, index)) in enumerate(zip(found, found[1:])):
            episode, shift, _ = told[-1]
            cut = ends.get(before, start) - sentence_start
            offset = _offset_days(text[cut:start - sentence_start])
            if offset is None and (_CLAUSE_BREAK.search(text, cut, start - sentence_start)
                                   or _AND_BEFORE.search(text, cut, start - sentence_start)):
                following = found[number + 2][0] - sentence_start if number + 2 < len(found) else len(text)
                offset = _trailing_offset(text[ends.get(index, start) - sentence_start:following])
                if offset is None:
                    offset = _days_between_named(text[told[-1][2]:start - sentence_start],
                                                 text[start - sentence_start:following])
            told.append((episode + 1, shift + offset, cut) if offset is not None else (episode, shift, told[-1][2]))
        if told[-1][0] == 0:
            continue  # one episode, told once
        for number, (_, index) in enumerate(found):
            episode, shift, opens = told[number]
            closes = next((cut for later, _, cut in told[number + 1:] if later != episode), len(text))
            # "... and nine at a cantina four days later, while villages have come under attack
            # from drones": the words after ", while" tell something else.
            aside = _ASIDE_AFTER.search(text, max(opens, ends.get(index, sentence_start) - sentence_start), closes)
            episodes[index] = (episode, shift, text[opens:aside.start() if aside else closes])
    return episodes


# The clause a time offset opens runs to the next comma or semicolon.
# A comma ends the offset's clause, unless the clause goes on after it: a participle of its
# own attack (", killing 14 people"), or an aside saying where or how far a place is (", about
# 170 km to the north,", ", a town in ...").
_CLAUSE_END = re.compile(
    r";|,(?!\s*(?:killing|wounding|injuring|leaving|(?:about|some|roughly|nearly|around)\s+\d"
    r"|\d[\d,.]*\s*(?:km|kilomet|miles)|(?:a|an)\s+(?:\w+\s+)?(?:town|village|city|district|camp|suburb)\b))",
    re.IGNORECASE)


def _opens_a_clause(offset: re.Match[str]) -> bool:
    """Whether an `_OFFSET` match opens a clause telling another episode ("three days after
    ...", "a week before ..."), not one that closes its own ("three days later")."""
    return bool(offset.group("way")) and offset.group("way").lower() in ("after", "before")


def _after_clause_episodes(records: list[tuple[object, dict]],
                           sentences: pd.DataFrame) -> dict[object, tuple[int, int, str]]:
    """For a figure inside a clause a time offset opens ("The killing came four days after armed
    men killed at least 19 people in a village"): another episode than the sentence's, that many
    days from it, told by the clause's words, in the shape `_clause_episodes` gives. A figure
    after the clause has closed ("Three days after the attack, the toll rose to 19") is the
    sentence's own."""
    wanted = {(row["doc_id"], int(row["sent_id"])) for _, row in records
              if row.get("start") is not None and not is_statistic(row)}
    if not wanted or sentences.empty or "start" not in sentences:
        return {}
    texts = _sentence_texts(sentences, wanted)
    episodes: dict[object, tuple[int, int, str]] = {}
    for index, row in records:
        key = (row["doc_id"], int(row["sent_id"]))
        if key not in texts or row.get("start") is None or is_statistic(row):
            continue
        sentence_start, text = texts[key]
        at = int(row["start"]) - sentence_start
        opener = next((match for match in _OFFSET.finditer(text, 0, max(at, 0))
                       if _opens_a_clause(match) and not _CLAUSE_END.search(text, match.end(), at)), None)
        if opener is not None:
            closes = _CLAUSE_END.search(text, at)
            clause = text[opener.start():closes.start() if closes else len(text)]
            # "... three days after the killing of 12 farmers on Saturday": the clause's own day.
            shift = 0 if anchors_an_episode(clause, None) else _offset_days(opener.group(0))
            episodes[index] = (1, shift, clause)
    return episodes


# "the raid on Désarmes earlier in the week", told on a later day the sentence names ("the
# mayor said on Saturday"): the attack lies up to six days before that day.
_EARLIER_IN_THE_WEEK = re.compile(r"\bearlier\s+in\s+the\s+week\b", re.IGNORECASE)
_SINCE_WEEKDAY = re.compile(r"\bsince\b[^.;]{0,40}?\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
                            re.IGNORECASE)
# Event words a reader matches reports by: two reports naming only different kinds of attack
# (shelling and a drone strike) are different incidents. A word may name several kinds.
_EVENT_WORDS = (
    (re.compile(r"\b(?:shell(?:s|ed|ing)?|artillery|mortars?|bombard\w*|rockets?|missiles?)\b", re.IGNORECASE),
     frozenset({"shelling"})),
    (re.compile(r"\b(?:air\s*strikes?|air\s+raids?|drones?|warplanes?|airstrikes?|aerial|missiles?)\b", re.IGNORECASE),
     frozenset({"air"})),
    (re.compile(r"\b(?:bomb(?:s|ed|ing|ings)?)\b", re.IGNORECASE), frozenset({"air", "blast"})),
    (re.compile(r"\b(?:blasts?|explosions?|explosives?|suicide|IEDs?|car\s+bombs?|landmines?)\b", re.IGNORECASE),
     frozenset({"blast"})),
    (re.compile(r"\bambush\w*", re.IGNORECASE), frozenset({"ambush", "shooting"})),
    (re.compile(r"\b(?<!air )(?:raid(?:s|ed|ing)?|raiders|stormed)\b", re.IGNORECASE), frozenset({"raid", "shooting"})),
    (re.compile(r"\b(?:shot|shoot\w*|gun(?:men|man|fire)|opened\s+fire|snipers?)\b", re.IGNORECASE),
     frozenset({"shooting", "raid", "ambush"})),
)
# Entries of each cache of place comparisons. A corpus naming a few hundred places compares
# over 100,000 ordered pairs; a smaller cache would evict pairs it meets again (about 100 bytes
# an entry, so each holds a few tens of MB at most).
_PAIR_CACHE = 1 << 18


@dataclass
class _Report:
    """One article's account of one incident: its rows and its best figure."""

    doc_id: str
    source: str
    published: date | None
    category: str
    location: str | None
    day: date | None
    cumulative: bool
    unit: str | None = None  # "families" or "households": never in one incident with people
    rows: list = field(default_factory=list)
    low: int = 0
    high: int | None = None
    stated: bool = True
    wording: str = ""
    before: int = 0  # the date the report is about may lie this many days before `day`
    after: int = 0  # or this many after it
    events: frozenset[str] = frozenset()  # kinds of attack its sentences name
    toll: bool = False  # it states a running toll ("the death toll rose to 40")
    first_possible: date | None = None  # the span of days the report may be about
    last_possible: date | None = None
    estimated: bool = False  # its article's publication date is an estimate
    recalled: bool = False  # it recalls an attack told before ("the strike ... that killed 17")
    attack_days: set = field(default_factory=set)  # days its sentences give its attacks (not tolls)
    untold: bool = False  # no sentence of it dates what happened: dated by its article's publication

    @property
    def loose(self) -> bool:
        """Dated only by an estimate, recalled without a day, dated to a span longer than a
        week ("this month"), or not dated at all: placed after the dated reports."""
        return self.estimated or self.recalled or self.day is None or self.before + self.after > _LOOSE_SPAN

    @property
    def precise(self) -> bool:
        """Dated to one day, not a span nor an estimate: the day its sentences tell, or the day
        its article was published (whose news may be a few days older)."""
        return self.day is not None and self.after == 0 and self.before <= (_UNTOLD_DAYS if self.untold else 0)

    def set_uncertainty(self, before: int, after: int) -> None:
        self.before, self.after = before, after
        if self.day is not None:  # clamped: a text may date itself to year 1 or 9999
            self.first_possible = _shifted(self.day, -before)
            self.last_possible = _shifted(self.day, after)


def _shifted(day: date, days: int) -> date:
    """`day` moved by `days`, held within the calendar's ends."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.min if days < 0 else date.max


@dataclass
class _Incident:
    """Reports grouped so far, with what `_first_compatible` and `_agrees` need to rule a report
    in or out without walking them: the articles already in it, the span of its stated figures
    (pairwise within MAX_RATIO, so a report is within the ratio of every stated report exactly
    when it is within it of both ends), the span of its dates, and each place it names with
    whether a report there is undated."""

    reports: list[_Report] = field(default_factory=list)
    doc_ids: set[str] = field(default_factory=set)
    stated_span: tuple[int, int] | None = None
    stated_fits: tuple[float, float] | None = None  # the figures within MAX_REVISION_RATIO of every stated one
    day_span: tuple[date, date] | None = None  # the latest first possible day, the earliest last one
    events: frozenset[str] = frozenset()
    undated: bool = False
    anchored: bool = False  # some report of it is dated (not an estimate nor a recall)
    places: dict[str | None, bool] = field(default_factory=dict)  # place -> some report there is undated
    first_day: date | None = None  # the first report's, which candidate searches read most
    first_location: str | None = None
    filed_under: set[tuple] = field(default_factory=set)  # the `_Grouping` buckets holding it

    def add(self, report: _Report) -> None:
        if not self.reports:
            self.first_day, self.first_location = report.day, report.location
        self.reports.append(report)
        self.doc_ids.add(report.doc_id)
        if report.stated:
            low = max(report.low, 1)
            span = self.stated_span
            self.stated_span = span = (low, low) if span is None else (min(span[0], low), max(span[1], low))
            self.stated_fits = (span[1] / MAX_REVISION_RATIO, span[0] * MAX_REVISION_RATIO)
        day = report.day
        self.events = self.events | report.events
        if day is None:
            self.undated = True
        elif not (report.loose and self.anchored):  # an estimate never narrows the days dated reports pin down
            first, last = report.first_possible, report.last_possible
            span = self.day_span
            self.day_span = (first, last) if span is None else (max(span[0], first), min(span[1], last))
        self.anchored = self.anchored or not report.loose
        self.places[report.location] = self.places.get(report.location, False) or day is None


def _as_date(value) -> date | None:
    if type(value) is date:  # the usual case, first: a plain date is returned as is below too
        return value
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return pd.Timestamp(value).date()
    except (ValueError, TypeError):
        return None


def _norm_place(value) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or not str(value).strip():
        return None
    return str(value).strip()


def _place_key(place: str | None) -> str | None:
    """The key reports and incidents are filed under: case and diacritics folded, as
    `learn_containment` folds the places it nests ("Désarmes" and "Desarmes" are one key)."""
    return fold_place(place) if place else None


@lru_cache(maxsize=_PAIR_CACHE)
def _places_match(a: str | None, b: str | None) -> bool:
    """Same place, or one name the other plus words ("Kandahar" and "Kandahar province"),
    compared word by word so "Town1" never matches "Town10"."""
    if a is None or b is None:
        return a is None and b is None
    if a == b:
        return True
    wa, wb = _place_words(a), _place_words(b)
    if len(wa) > len(wb):
        wa, wb = wb, wa
    return wa == wb or any(wb[i:i + len(wa)] == wa for i in range(len(wb) - len(wa) + 1))


# Ukrainian and Russian districts take an adjective of the place they are named after
# ("Saltivskyi district" of Saltivka, "Kramatorskyi" of Kramatorsk, "Bakhmutskyi" of Bakhmut).
_ADJECTIVAL = re.compile(r"^(?P<stem>\w{5,}?)s?s(?:kyi|kyy|kiy|kij|ky|ka|ke|koye|koe|kaya)$")
_NOUN_ENDING = re.compile(r"(?:sk|ka|ky|ke|a|e|o|y)$")


def _stems(word: str) -> set[str]:
    """The stems a district's adjective may be built on, for a place's first word."""
    return {word, _NOUN_ENDING.sub("", word)}


def _named_after_places(places: dict[object, str | None]) -> dict[object, str | None]:
    """`places` with each district named by an adjective of a place the corpus also names
    written as that place ("Saltivskyi district" as "Saltivka"), so containment learnt for one
    holds for the other."""
    nouns: dict[str, str] = {}
    for place in sorted({p for p in places.values() if p}):
        words = _place_words(place)
        if words and _ADJECTIVAL.match(words[0]) is None:
            for stem in _stems(words[0]):
                nouns.setdefault(stem, place)
    renamed: dict[str, str] = {}
    for place in {p for p in places.values() if p}:
        words = _place_words(place)
        match = _ADJECTIVAL.match(words[0]) if words else None
        noun = nouns.get(match.group("stem")) if match else None
        if noun is not None:
            renamed[place] = noun
    return {index: renamed.get(place, place) if place else place for index, place in places.items()}


@lru_cache(maxsize=_PAIR_CACHE)
def _place_words(name: str) -> tuple[str, ...]:
    """A place name's case-folded words (cached: clustering compares the same names often)."""
    return tuple(name.casefold().split())


@lru_cache(maxsize=_PAIR_CACHE)
def _places_nest(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and (may_hold(a, b) or may_hold(b, a))


class _Geography:
    """Which places of one corpus hold which, as its texts say ("Zamzam camp near El Fasher",
    "the Karari district of Omdurman"): a report at a camp and one at the city around it may be
    one incident, and a town the texts put in one province is never inside another ("Zamzam"
    is not in North Kordofan, though ISO codes alone cannot tell)."""

    def __init__(self, holders: dict[str, frozenset[str]]):
        self.holders = holders
        self.held: dict[str, set[str]] = {}
        for inner, outers in holders.items():
            for outer in outers:
                self.held.setdefault(outer, set()).add(inner)
        self._share: dict[tuple, bool] = {}
        self._nest: dict[tuple, bool] = {}

    def related(self, a: str | None, b: str | None) -> bool:
        """Whether the texts put one place inside (or next to) the other."""
        if a is None or b is None:
            return False
        fa, fb = fold_place(a), fold_place(b)
        return fb in self.holders.get(fa, ()) or fa in self.holders.get(fb, ())

    def contradicts(self, a: str, b: str) -> bool:
        """Whether the texts put either place inside another place of the other's level that
        is not it ("Zamzam" lies in North Darfur, so not in North Kordofan), or inside a
        country the other is not in."""
        for inner, outer in ((a, b), (b, a)):
            rank, outer_countries = place_rank(outer), countries_of(outer)
            for holder in self.holders.get(fold_place(inner), ()):
                if place_rank(holder) == rank and not _places_match(holder, fold_place(outer)):
                    return True
                # A village the texts put in Mali is in no region of Burkina Faso.
                holder_countries = countries_of(holder) if place_rank(holder) == 0 else frozenset()
                if holder_countries and outer_countries and not holder_countries & outer_countries:
                    return True
        return False

    def nest(self, a: str | None, b: str | None) -> bool:
        """A country or province that may hold a town, unless the texts place it elsewhere."""
        if not _places_nest(a, b):
            return False
        pair = (a, b)
        known = self._nest.get(pair)
        if known is None:
            known = self._nest[pair] = not self.contradicts(a, b)
        return known

    def keys_near(self, key: str) -> set[str]:
        """The place keys of the places holding, or held by, the place with this key."""
        return set(self.holders.get(key, ())) | self.held.get(key, set())

    def could_share(self, a: str | None, b: str | None) -> bool:
        """Whether reports placed at `a` and `b` could be one incident: the same place, one
        named within the other, held by it as the texts say, or nested. `_agrees` needs this
        of every pair, so checking it first (cached) rules out most candidates without walking
        their reports."""
        pair = (a, b)
        known = self._share.get(pair)
        if known is None:
            known = a == b or _places_match(a, b) or self.related(a, b) or self.nest(a, b)
            self._share[pair] = known
        return known


def _unit(row) -> str | None:
    """The figure's unit ("families", "households"), None when it counts people."""
    unit = row.get("unit")
    return unit if isinstance(unit, str) and unit else None


def _flag(row, name: str) -> bool:
    value = row.get(name, False)
    return bool(value) if value is not None and not (isinstance(value, float) and math.isnan(value)) else False


def _best(rows: list[tuple[object, dict]]) -> tuple[int, int | None, bool, str]:
    """An article's figure for one incident (see analysis.casualties.reports)."""
    figure = article_figure(row for _, row in rows)
    return figure.low, figure.high, figure.stated, figure.wording


def _figures_agree(report: _Report, incident: _Incident) -> bool:
    """Whether the report's figure fits every stated figure of the incident: within MAX_RATIO,
    or within MAX_REVISION_RATIO when the higher of the two was reported no earlier (a toll
    that rose from 13 to 170 is one incident, a first report above a later one is not)."""
    if not report.stated:
        return True
    low = max(report.low, 1)
    when = report.published or report.day
    for other in incident.reports:
        if not other.stated:
            continue
        other_low = max(other.low, 1)
        small, large = min(low, other_low), max(low, other_low)
        if large <= small * MAX_RATIO:
            continue
        if large > small * MAX_REVISION_RATIO:
            return False
        other_when = other.published or other.day
        later_is_higher = (other_when is None or when is None
                           or (when >= other_when if low > other_low else other_when >= when))
        if not later_is_higher:
            return False
    return True


def _agrees(report: _Report, incident: _Incident, geography: _Geography) -> bool:
    """Whether `report` agrees with every report of `incident` on category and kind, dates
    (each report's possible days, within the window of each other's; an undated pair needs a
    place to go on), kind of attack (when both name one), figures (`_figures_agree`) and
    place (a place the texts put inside another; a country or province and a place inside it
    only when both are dated: one source names the town, another only "northeast Nigeria").
    `_first_compatible` has already checked that the article is new to the incident and its
    figure within MAX_REVISION_RATIO of the incident's."""
    first = incident.reports[0]  # every report of an incident shares its category and kind
    if first.category != report.category or first.cumulative != report.cumulative or first.unit != report.unit:
        return False
    location, day = report.location, report.day
    if day is not None and incident.day_span is not None:
        latest_first, earliest_last = incident.day_span
        if (report.first_possible - earliest_last).days > WINDOW_DAYS or \
                (latest_first - report.last_possible).days > WINDOW_DAYS:
            return False
    if location is None and (day is None or incident.undated):
        return False  # neither place nor date to go on: keep it apart
    if _rival_attacks(report, incident):
        return False  # "shelling" and "a drone strike": two attacks
    for place, undated_there in incident.places.items():
        if not _tied(place, location, geography):
            if not (day is not None and not undated_there and geography.nest(place, location)):
                return False
    return _figures_agree(report, incident)


def _tied(place: str | None, location: str | None, geography: _Geography) -> bool:
    """The same place, one naming the other with more words, or one the texts put inside (or
    next to) the other."""
    return place == location or _places_match(place, location) or geography.related(place, location)


def _rival_attacks(report: _Report, incident: _Incident) -> bool:
    """Both name kinds of attack and none is shared ("shelling" and "a drone strike")."""
    return bool(report.events and incident.events and not report.events & incident.events)


def _rows(frame: pd.DataFrame) -> list[tuple[object, dict]]:
    """(index label, row dict) pairs, much faster than iterrows on large tables.

    The values are those of `to_dict("records")` (Python scalars, None for a missing count),
    built from whole columns when every column's type allows it, which is several times faster.
    """
    columns = list(frame.columns)
    values = []
    for column in columns:
        dtype = frame[column].dtype
        if isinstance(dtype, pd.Int64Dtype):
            values.append([None if v is pd.NA else v for v in frame[column].tolist()])
        elif (isinstance(dtype, np.dtype) and dtype.kind in "biufO") or (
                isinstance(dtype, pd.StringDtype) and dtype.na_value is np.nan):
            values.append(frame[column].tolist())
        else:
            return list(zip(frame.index, frame.to_dict("records")))
    return list(zip(frame.index, (dict(zip(columns, row)) for row in zip(*values))))


def is_statistic(row: dict) -> bool:
    """A period total, cumulative, stock or rate (the `kind` column, when the table has it):
    never part of an incident nor of its totals."""
    return row.get("kind") == "statistic"


@lru_cache(maxsize=1 << 14)
def _events(text: str) -> frozenset[str]:
    """The kinds of attack a sentence names (cached: an article's figures share sentences)."""
    found: frozenset[str] = frozenset()
    for pattern, kinds in _EVENT_WORDS:
        if pattern.search(text):
            found |= kinds
    return found


@lru_cache(maxsize=1 << 14)
def _span_days(text: str) -> int:
    """How many days a sentence's relative date spans ("last week": 7), 1 for a day."""
    return max((days for pattern, days in _SPAN_DAYS if pattern.search(text)), default=1)


def _days_back(text: str) -> int:
    """How many days before the sentence's date a toll over days of fighting began ("killed
    in three days of battles": 2), 0 for a day."""
    back = [min(UNITS.get(match["n"].lower(), int(match["n"]) if match["n"].isdigit() else 1),
                _MAX_DAYS_BACK) - 1 for pattern in _BACK_SPANS for match in pattern.finditer(text)]
    if _SINCE_WEEKDAY.search(text) or _EARLIER_IN_THE_WEEK.search(text):
        back.append(6)
    return max(back, default=0)


_MAX_DAYS_BACK = 14  # longer than a fortnight is a campaign's period total, a statistic


def _is_cumulative(row: dict) -> bool:
    """A figure over a stated period, kept apart from single episodes. With a `kind` column
    the kind decides (statistics never reach here; "overnight" is an incident's period);
    without one, any stated period."""
    if _flag(row, "kind") and row.get("kind") == "incident":
        return False
    return isinstance(row.get("period"), str) and bool(row.get("period"))


def _build_reports(records: list[tuple[object, dict]], documents: pd.DataFrame,
                   sentences: pd.DataFrame, places: dict[object, str | None],
                   geography: _Geography, events: pd.DataFrame | None = None) -> list[_Report]:
    """Each article's reports: its figures of one category and place (see `_add_to_report`),
    with their figures and evidence read, in date order."""
    meta, estimated = _article_meta(documents)
    sentence_day = _figure_sentence_days(records, sentences)
    ranked_by_period = _dated_only_by_the_current_period(events, meta)
    places = _innermost_places(records, places, geography)
    episodes = {**_after_clause_episodes(records, sentences), **_clause_episodes(records, sentences)}
    nearer_day = _nearer_days(records, sentences, events, episodes)
    story = _story_days(records, sentence_day, nearer_day, meta, places, sentences)
    day_told = _sentences_naming_a_day(events)
    told_before = _days_told_earlier_in_paragraph(records, sentences, day_told, _sentences_naming_a_date(events),
                                                  _sentences_naming_a_week(events))
    roundups = _roundups(records, sentences)
    framed: set[object] = set()  # figures a roundup's lead dates to its span
    weeks_after: dict[object, int] = {}  # figures dated by a week a sentence before names: its other days
    untold: set[object] = set()  # figures whose sentence and story name no day: dated by publication
    recaps: set[object] = set()
    reports: dict[tuple, list[_Report]] = {}
    for index, row in records:
        if _flag(row, "part_of") or is_statistic(row):
            continue
        doc_id = row["doc_id"]
        source, published = meta.get(doc_id, (str(doc_id), None))
        key = (doc_id, int(row["sent_id"]))
        own_day = nearer_day.get(index) or (None if key in ranked_by_period else sentence_day.get(key))
        if own_day is not None and published is not None and own_day > published:
            own_day = None  # "three days later" read from the publication date: casualties are past news
        told = key in day_told and own_day is not None
        day = own_day or published
        story_day = story.get((doc_id, _place_key(places.get(index)) or _ANY_PLACE))
        if not told and index in told_before and (published is None or told_before[index][0] <= published):
            # "The cowardly attack led to ...": the day (or week) a sentence before names
            day, weeks_after[index] = told_before[index]
        elif day == published and story_day is not None and not told:
            day = story_day  # "Sixteen were wounded at the market": the day of the story told above
        elif (doc_id in roundups or key in ranked_by_period) and not told and day == published \
                and index not in episodes:
            framed.add(index)  # "A string of killings this month ... gunmen killed 21"
        elif events is not None and not told and index not in episodes and day is not None and day == published:
            untold.add(index)  # dated by its article's day alone (with no dated expressions read, unknown)
        episode, shift, _ = episodes.get(index, (0, 0, ""))
        if index in episodes and own_day in (None, published):
            # Episodes told by their offsets from no day of their own (a sentence naming no
            # date carries its article's): a recap of earlier news.
            recaps.add(index)
        elif shift and day is not None:
            day = _shifted(day, shift)
        attack_day = own_day if told and _tells_an_attack(row) else None
        _add_to_report(reports, index, row, source, published, day, places.get(index), episode, attack_day)
    built = [report for same in reports.values() for report in same]
    clauses = {index: told for index, (_, _, told) in episodes.items()}
    for report in built:
        report.low, report.high, report.stated, report.wording = _best(report.rows)
        report.untold = all(index in untold for index, _ in report.rows)
        framed_days = _ROUNDUP_DAYS if any(index in framed for index, _ in report.rows) else 0
        week_days = max((weeks_after.get(index, 0) for index, _ in report.rows), default=0)
        _read_evidence(report, report.doc_id in estimated, clauses, recaps, framed_days, week_days)
    _recall_with_their_story(built)
    return sorted(built, key=lambda r: (r.day or date.max, r.published or date.max, r.doc_id))


# A casualty verb between a figure and a day ties them ("the 3 farmers who were shot dead on
# Sunday", "On Sunday, gunmen killed 3"); a demand, a march or a statement does not.
_CASUALTY_VERB = re.compile(
    r"\b(?:killed|killing|shot\s+dead|died|dead|wounded|wounding|injured|injuring|abducted|kidnapped|"
    r"massacred|slain|executed|beheaded|lost\s+their\s+lives)\b", re.IGNORECASE)


def _nearer_days(records: list[tuple[object, dict]], sentences: pd.DataFrame, events: pd.DataFrame | None,
                 episodes: dict[object, tuple[int, int, str]]) -> dict[object, date]:
    """For a figure whose sentence names two days or more, the one day its casualty verb is
    told with: a sentence is dated by its first most precise day, which may be another event's
    ("villagers marched on Wednesday to demand justice for the 3 farmers shot dead on Sunday").
    A calendar date anchors its sentence ("on 6 March 2023 ... at the Monday market"), so when
    one is named, only calendar dates in the figure's own clause compete ("... on 9 February
    killed 7 people; a bomb in a café on 12 February killed 8"). Figures of a sentence telling
    several episodes keep the offsets `_clause_episodes` reads."""
    if events is None or events.empty or sentences.empty or "start" not in sentences:
        return {}
    days = events[(events["granularity"] == "day") & events["date"].notna()]
    by_sentence: dict[tuple, list[tuple[int, int, date]]] = {}
    calendar: dict[tuple, list[tuple[int, int, date]]] = {}  # the calendar dates only
    for doc_id, sent_id, start, end, day, relative in zip(
            days["doc_id"].tolist(), days["sent_id"].tolist(), days["start"].tolist(), days["end"].tolist(),
            days["date"].tolist(), days["relative"].tolist()):
        named = (int(start), int(end), _as_date(day))
        by_sentence.setdefault((doc_id, int(sent_id)), []).append(named)
        if relative is False or relative == 0:
            calendar.setdefault((doc_id, int(sent_id)), []).append(named)
    several = {key for key, named in by_sentence.items() if len({day for _, _, day in named}) > 1}
    if not several:
        return {}
    texts = _sentence_texts(sentences, several)
    # A dateline's day ("KABUL, Sept 8 (TPA) - ... Saturday's bombing") is the filing day, not
    # the attack's: it neither dates the figures nor anchors the sentence.
    after_dateline: set[tuple] = set()  # sentences left with one day once their dateline's is set aside
    for key, named in list(by_sentence.items()):
        if key in texts:
            filed = texts[key][0] + dateline_end(texts[key][1])
            by_sentence[key] = [day for day in named if day[0] >= filed]
            calendar[key] = [day for day in calendar.get(key, ()) if day[0] >= filed]
            if len({day for _, _, day in by_sentence[key]}) == 1:
                after_dateline.add(key)
    calendar = {key: named for key, named in calendar.items() if named}
    by_sentence.update(calendar)  # a calendar date anchors its sentence: weekdays there compete no more
    absolute = set(calendar)
    nearer: dict[object, date] = {}
    for index, row in records:
        key = (row["doc_id"], int(row["sent_id"]))
        if key not in texts or episodes.get(index, (0, 0))[1] or row.get("start") is None:
            continue  # an episode told by its offset keeps it
        offset, text = texts[key]
        figure = (int(row["start"]) - offset, int(row["end"]) - offset)
        named = [(start - offset, end - offset, day) for start, end, day in by_sentence[key]
                 if _same_clause(text, figure, (start - offset, end - offset))]
        if key in absolute or key in after_dateline:  # calendar dates: the one in the figure's own clause, if any
            told = {day for _, _, day in named}
        else:
            told = {day for start, end, day in named if _CASUALTY_VERB.search(_between(text, figure, (start, end)))}
        if len(told) == 1:
            nearer[index] = told.pop()
    return nearer


def _same_clause(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two spans of a sentence lie in one of its clauses a semicolon divides ("Mortar
    fire on 9 February killed 7 people; a bomb on 12 February killed 8")."""
    return ";" not in _between(text, a, b)


def _between(text: str, a: tuple[int, int], b: tuple[int, int]) -> str:
    """The words between two spans of `text`, whichever comes first."""
    first, second = sorted((a, b))
    return text[first[1]:second[0]]


def _article_meta(documents: pd.DataFrame) -> tuple[dict[str, tuple[str, date | None]], set[str]]:
    """Each article's (source, publication date), and the articles whose date is an estimate."""
    meta: dict[str, tuple[str, date | None]] = {}
    estimated: set[str] = set()
    if not documents.empty:
        for row in documents.to_dict("records"):
            meta[row["doc_id"]] = (str(row.get("source", row["doc_id"])), _as_date(row.get("published")))
            if _flag(row, "published_estimated"):
                estimated.add(row["doc_id"])
    return meta, estimated


# A day that dates a statement, not an event: "the army said on Sunday", "told reporters late on Friday".
_SPEECH_DAY_BEFORE = re.compile(
    r"\b(?:said|says|told(?:\s+\w+){0,2}|announced|reported|added|confirmed|stated|wrote|declared)"
    r"\s+(?:(?:late|early)\s+)?(?:on\s+)?$", re.IGNORECASE)


def _sentences_naming_a_day(events: pd.DataFrame | None) -> dict[tuple, set[date]]:
    """The days each sentence names for what happened ("on Thursday", "Monday's attack"), by
    (doc_id, sent_id): not the day something was said ("the army said on Sunday"). A sentence
    missing here is dated by its article's date alone."""
    if events is None or events.empty or "granularity" not in events:
        return {}
    days = events[(events["granularity"] == "day") & events["date"].notna()]
    texts = days["text"].tolist() if "text" in days else [""] * len(days)
    told: dict[tuple, set[date]] = {}
    for doc_id, sent_id, expression, text, day in zip(days["doc_id"].tolist(), days["sent_id"].tolist(),
                                                       days["expression"].tolist(), texts, days["date"].tolist()):
        at = str(text).find(str(expression))
        if at < 0 or not _SPEECH_DAY_BEFORE.search(str(text)[max(0, at - 40):at]):
            told.setdefault((doc_id, int(sent_id)), set()).add(_as_date(day))
    return told


def _sentences_naming_a_week(events: pd.DataFrame | None) -> dict[tuple, set[date]]:
    """The first days of the weeks each sentence names ("last week"), by (doc_id, sent_id)."""
    if events is None or events.empty or "granularity" not in events:
        return {}
    weeks = events[(events["granularity"] == "week") & events["date"].notna()]
    told: dict[tuple, set[date]] = {}
    for doc_id, sent_id, day in zip(weeks["doc_id"].tolist(), weeks["sent_id"].tolist(), weeks["date"].tolist()):
        told.setdefault((doc_id, int(sent_id)), set()).add(_as_date(day))
    return told


def _sentences_naming_a_date(events: pd.DataFrame | None) -> set[tuple]:
    """The (doc_id, sent_id) of sentences naming a date of any grain ("last March", "in 2024")."""
    if events is None or events.empty:
        return set()
    return {(doc_id, int(sent_id)) for doc_id, sent_id in zip(events["doc_id"].tolist(), events["sent_id"].tolist())}


_BACK_IN_PARAGRAPH = 3  # how many sentences back a figure with no date of its own looks for one


def _days_told_earlier_in_paragraph(records: list[tuple[object, dict]], sentences: pd.DataFrame,
                                    day_told: dict[tuple, set[date]], dated: set[tuple],
                                    week_told: dict[tuple, set[date]] | None = None
                                    ) -> dict[object, tuple[date, int]]:
    """For a figure whose sentence names no date (`dated` holds those that do), the date the
    nearest earlier sentence of its paragraph naming one gives, when that is one day or one week
    (the week's first day and its six more): "... on Tuesday 10 February, a gang attacked
    truffle hunters south of Akashat. The cowardly attack led to the martyrdom of five
    citizens"; "... since gunmen attacked a camp near Akashat last week. Relatives now say the
    gunmen took 14, not nine. Five members of the group were killed in the attack." A nearer
    sentence naming another date ("last year", a day something was said) ends the search."""
    week_told = week_told or {}
    if not (day_told or week_told) or sentences.empty or "paragraph" not in sentences:
        return {}
    wanted = {(row["doc_id"], int(row["sent_id"])) for _, row in records}
    wanted |= {(doc_id, sent_id - back) for doc_id, sent_id in wanted for back in range(1, _BACK_IN_PARAGRAPH + 1)}
    paragraph = {(doc_id, int(sent_id)): para for doc_id, sent_id, para in zip(
        sentences["doc_id"].tolist(), sentences["sent_id"].tolist(), sentences["paragraph"].tolist())
        if (doc_id, int(sent_id)) in wanted}
    before: dict[object, tuple[date, int]] = {}
    for index, row in records:
        key = (row["doc_id"], int(row["sent_id"]))
        if key in dated:
            continue
        for back in range(1, _BACK_IN_PARAGRAPH + 1):
            earlier = (key[0], key[1] - back)
            if earlier not in paragraph or paragraph[earlier] != paragraph.get(key):
                break
            days, weeks = day_told.get(earlier, set()), week_told.get(earlier, set())
            if len(days) == 1 and not weeks:
                before[index] = (next(iter(days)), 0)
            elif len(weeks) == 1 and not days:
                before[index] = (next(iter(weeks)), 6)
            if earlier in dated:
                break
    return before


def _dated_only_by_the_current_period(events: pd.DataFrame | None,
                                      meta: dict[str, tuple[str, date | None]]) -> set[tuple]:
    """The sentences whose only dates are a month or year their article was published in ("the
    deadliest assault on the capital this year"): the period says the attack was recent, not
    that it was on the period's first day, so its figures are dated as a roundup's are, up to
    _ROUNDUP_DAYS before publication. An older period ("In June 2024, gunmen raided the
    market") still dates a recalled attack."""
    if events is None or events.empty or "granularity" not in events:
        return set()
    fine, current = set(), set()
    for doc_id, sent_id, granularity, first, last in zip(
            events["doc_id"].tolist(), events["sent_id"].tolist(), events["granularity"].tolist(),
            events["date"].tolist(), events["date_end"].tolist()):
        key = (doc_id, int(sent_id))
        if granularity in ("day", "week"):
            fine.add(key)
            continue
        published = meta.get(doc_id, (None, None))[1]
        start, end = _as_date(first), _as_date(last)
        if published is not None and start is not None and start <= published <= (end or start):
            current.add(key)
    return current - fine


def _figure_sentence_days(records: list[tuple[object, dict]], sentences: pd.DataFrame) -> dict[tuple, date | None]:
    """The day each figure's sentence is about, by (doc_id, sent_id); only figures' sentences."""
    sentence_day: dict[tuple, date | None] = {}
    if sentences.empty or "date" not in sentences:
        return sentence_day
    wanted = {(row["doc_id"], int(row["sent_id"])) for _, row in records}
    for doc_id, sent_id, day in zip(sentences["doc_id"].tolist(), sentences["sent_id"].tolist(),
                                    sentences["date"].tolist()):
        key = (doc_id, int(sent_id))
        if key in wanted:
            sentence_day[key] = _as_date(day)
    return sentence_day


_ATTACK_WORD = re.compile(
    r"\b(?:attack|strike|airstrike|raid|ambush|bombing|blast|shelling|explosion|assault|massacre|rockets?|shells?"
    r"|missiles?|drones?|gunmen|car\s+bomb)s?\b", re.IGNORECASE)


def _tells_an_attack(row: dict) -> bool:
    """Whether the row's figure is an attack's own count, told with the kind of attack: not a
    running toll, a revision, an addition or a share ("the toll rose to 9", "two more died")."""
    return not (_flag(row, "toll") or _flag(row, "additional") or _flag(row, "part_of")
                or not _missing_value(row.get("corrected_from"))) and bool(_ATTACK_WORD.search(str(row.get("evidence") or "")))


def _missing_value(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _add_to_report(reports: dict[tuple, list[_Report]], index: object, row: dict, source: str,
                   published: date | None, day: date | None, location: str | None, episode: int = 0,
                   attack_day: date | None = None) -> None:
    """Add a figure to its article's report of its category and place. One article's figures
    of one category and place are one report, unless their sentences are about days further
    apart than the window, or each tells an attack of its own day ("rockets on the bread queue
    on Thursday killed six ... Monday's shelling of the school killed seven": two attacks on one
    town). A sentence dated only by its article's own date ("the hospital received 20 bodies")
    is about the article's story: its first report."""
    cumulative, unit = _is_cumulative(row), _unit(row)
    if episode:  # another episode of a sentence telling two: a report of its own (see `_clause_episodes`)
        report = _Report(row["doc_id"], source, published, row["category"], location, day, cumulative, unit)
        reports.setdefault((row["doc_id"], row["category"], _place_key(location), cumulative, unit, episode),
                           []).append(report)
        report.rows.append((index, row))
        return
    same = reports.setdefault((row["doc_id"], row["category"], _place_key(location), cumulative, unit), [])
    report = next((r for r in same if (r.day is None or day is None or abs((r.day - day).days) <= WINDOW_DAYS)
                   and not (attack_day and r.attack_days and attack_day not in r.attack_days)),
                  same[0] if same and day is not None and day == published else None)
    if report is None:
        report = _Report(row["doc_id"], source, published, row["category"], location, day, cumulative, unit)
        same.append(report)
    elif day is not None and (report.day is None or day < report.day):
        report.day = day
    if attack_day is not None:
        report.attack_days.add(attack_day)
    report.rows.append((index, row))


# A report no sentence dates ("The toll from the bombing rose to 21") is news of the last few
# days: its incident may lie this many days before the day it is dated by.
_UNTOLD_DAYS = 3
_STORY_DAYS = 14  # an article's story happened at most this long before it was published
_ANY_PLACE = "*"  # the story key of a figure whose article names no place for it
# A follow-up dated by the attack it follows ("Nine days after a suicide bomber struck the camp,
# ...", "A week since the massacre, ..."): the story is that many days before publication.
_DAYS_AFTER_ATTACK = re.compile(
    r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|\d{1,2})\s+"
    r"(?P<unit>days?|weeks?)\s+(?:after|since)\s+(?:(?!\b(?:after|since)\b)[\w'’\-]+\s+){0,6}?"
    r"(?:attack\w*|bomb\w*|struck|strike|raid\w*|massacre\w*|shell\w*|ambush\w*|blast|explosion|gunmen|killing\w*)\b",
    re.IGNORECASE)



def _days_after_attack(text: str) -> int | None:
    """How many days before the time of telling a sentence opening with one puts the attack it
    follows ("Nine days after a suicide bomber struck ...": 9); None when it names none. Only an
    opening counts: "The attack came three days after the shelling" counts from the attack."""
    match = _DAYS_AFTER_ATTACK.match(text)
    if match is None:
        match = _DAYS_AFTER_ATTACK.match(text, dateline_end(text))
    return None if match is None else _days_in(match.group("n"), match.group("unit"))


def _story_days(records: list[tuple[object, dict]], sentence_day: dict[tuple, date | None],
                nearer_day: dict[object, date], meta: dict[str, tuple[str, date | None]],
                places: dict[object, str | None], sentences: pd.DataFrame) -> dict[tuple, date]:
    """Per article and place, the day its first figure there with a date of its own is about
    ("a drone strike on Friday killed 27"; of a sentence naming several days, the one
    `_nearer_days` finds, not a dateline's): a later figure at that place whose sentence names
    no day belongs to that story, not to the day the article was published; a figure with no
    place belongs to the article's first story."""
    story: dict[tuple, tuple[int, date]] = {}

    def tell(key: tuple, sent_id: int, day: date) -> None:
        if key not in story or sent_id < story[key][0]:
            story[key] = (sent_id, day)

    for index, row in records:
        if is_statistic(row):
            continue
        doc_id, sent_id = row["doc_id"], int(row["sent_id"])
        day = nearer_day.get(index) or sentence_day.get((doc_id, sent_id))
        published = meta.get(doc_id, ("", None))[1]
        if day is None or published is None or not 0 < (published - day).days <= _STORY_DAYS:
            continue  # no day of its own, or one that is no news ("this year", a month ago)
        tell((doc_id, _place_key(places.get(index))), sent_id, day)
        tell((doc_id, _ANY_PLACE), sent_id, day)
    follow_ups = _follow_up_days(records, sentences, meta)
    article_places: dict[str, set[str]] = {}
    for index, row in records:
        if places.get(index) and row["doc_id"] in follow_ups:
            article_places.setdefault(row["doc_id"], set()).add(places[index])
    for doc_id, told in follow_ups.items():
        for sent_id, text, day in told:
            tell((doc_id, _ANY_PLACE), sent_id, day)
            for place in article_places.get(doc_id, ()):
                if place.casefold() in text.casefold():
                    tell((doc_id, _place_key(place)), sent_id, day)
    return {key: day for key, (_, day) in story.items()}


def _follow_up_days(records: list[tuple[object, dict]], sentences: pd.DataFrame,
                    meta: dict[str, tuple[str, date | None]]) -> dict[str, list[tuple[int, str, date]]]:
    """Per article with figures, (sent_id, text, day) of each sentence that dates the attack it
    follows by its distance from publication ("Nine days after a suicide bomber struck the
    Dalori camp ..."), so that "The attack killed 19 people" further down is that day's story."""
    if sentences.empty or "text" not in sentences:
        return {}
    wanted = {row["doc_id"] for _, row in records}
    found: dict[str, list[tuple[int, str, date]]] = {}
    for doc_id, sent_id, text in zip(sentences["doc_id"].tolist(), sentences["sent_id"].tolist(),
                                     sentences["text"].tolist()):
        published = meta.get(doc_id, ("", None))[1]
        if doc_id not in wanted or published is None or not isinstance(text, str):
            continue
        days = _days_after_attack(text)
        if days is not None and 0 < days <= _STORY_DAYS:
            found.setdefault(doc_id, []).append((int(sent_id), text, published - timedelta(days=days)))
    return found


def _innermost_places(records: list[tuple[object, dict]], places: dict[object, str | None],
                      geography: _Geography) -> dict[object, str | None]:
    """Each figure's place, where its article also names a place inside it for the same
    category the innermost one: "Nyala" in the lead and "the city's Al Wadi district" below
    are one scene, reported by the article once."""
    named: dict[tuple, set[str]] = {}
    for index, row in records:
        if places.get(index):
            named.setdefault((row["doc_id"], row["category"]), set()).add(places[index])
    out = dict(places)
    for index, row in records:
        place = places.get(index)
        if not place:
            continue
        inner = [other for other in named[(row["doc_id"], row["category"])]
                 if other != place and fold_place(place) in geography.holders.get(fold_place(other), ())]
        if inner:
            out[index] = min(inner, key=lambda other: (-len(geography.holders.get(fold_place(other), ())), other))
    return out


def _recall_with_their_story(reports: list[_Report]) -> None:
    """A figure with no day of its own at the place of a recalled one is part of that recalled
    story ("Eighteen people have now died after the bombing of the camp last week ...
    Thirty-two others were injured"): recalled too."""
    recalled_places = {(r.doc_id, _place_key(r.location)) for r in reports if r.recalled}
    for report in reports:
        if not report.recalled and report.day == report.published and report.day is not None \
                and (report.doc_id, _place_key(report.location)) in recalled_places:
            report.recalled = True
            report.set_uncertainty(max(report.before, _STORY_DAYS), report.after)


def _without_other_episode(row: dict) -> str:
    """The figure's sentence without a clause after the figure that tells another episode by
    its offset ("killing at least seven people, three days after a drone attack on the town's
    market square"): the kind of attack read from it is the other episode's."""
    evidence, figure, at = _figure_in_sentence(row)
    if at < 0:
        return evidence
    opener = next((match for match in _OFFSET.finditer(evidence, at + len(figure)) if _opens_a_clause(match)), None)
    if opener is None:
        return evidence
    closes = _CLAUSE_END.search(evidence, opener.end())
    return evidence[:opener.start()] + (evidence[closes.start():] if closes else "")


def _read_evidence(report: _Report, estimated: bool, clauses: dict[object, str] | None = None,
                   recaps: set[object] | None = None, framed_days: int = 0, week_days: int = 0) -> None:
    """What the report's sentences say beyond its figure: the kinds of attack, a running toll,
    and how uncertain its date is (an estimated publication date, a date that is a week).
    `clauses` holds, for figures of a sentence telling several episodes, their episode's words;
    `recaps` the figures of such sentences that name no day (recalled, as back-references are);
    `framed_days` how far back a roundup's lead puts a figure with no day of its own (a report
    dated by publication alone, `report.untold`, may lie _UNTOLD_DAYS back);
    `week_days` how many days after its day a week an earlier sentence names runs on."""
    recaps = recaps or set()
    clauses = clauses or {}
    texts = [clauses.get(index) or _without_other_episode(row) for index, row in report.rows]
    report.events = frozenset().union(*(_events(text) for text in texts)) if texts else frozenset()
    report.toll = any(_flag(row, "toll") for _, row in report.rows)
    after = max(max((_span_days(text) for text in texts), default=1) - 1, week_days)
    before = max(max((_days_back(text) for text in texts), default=0), framed_days,
                 _UNTOLD_DAYS if report.untold else 0)
    report.estimated = estimated
    report.recalled = bool(report.rows) and all(_recalled(row) or index in recaps for index, row in report.rows) \
        and report.day == report.published
    if report.recalled:
        before = max(before, _STORY_DAYS)
    if estimated:
        report.set_uncertainty(max(before, UNDATED_SPREAD_DAYS), max(after, UNDATED_SPREAD_DAYS))
    else:
        report.set_uncertainty(before, after)


# Words of an outlet's name, never of a place: "Radio Tusmo" tagged as a place is the station quoted.
_OUTLET_WORD = re.compile(
    r"\b(?:Radio|TV|FM|Television|Broadcasting|News|Times|Post|Herald|Tribune|Gazette|Chronicle|Agency|Wire"
    r"|Press|Channel|Dispatch|Observer|Monitor|Bulletin)\b")


def _names_an_outlet(place: str | None) -> bool:
    """Whether a place name is an outlet's ("Radio Tusmo"): an outlet quoted, never a scene."""
    return bool(place) and bool(_OUTLET_WORD.search(place))


def _article_places(records: list[tuple[object, dict]]) -> dict[object, str | None]:
    """Each figure's place; a figure whose sentence and paragraph name none takes the place of
    its article's nearest figure that has one, earlier first ("Another 25 people were
    wounded, police said" under a lead naming the town): an article reports one scene
    unless it names another. A place that is an outlet's name is none."""
    by_doc: dict[object, list[tuple[int, object, str | None]]] = {}
    for index, row in records:
        place = _norm_place(row.get("location"))
        by_doc.setdefault(row["doc_id"], []).append(
            (int(row["sent_id"]), index, None if _names_an_outlet(place) else place))
    places: dict[object, str | None] = {}
    for rows in by_doc.values():
        rows.sort(key=lambda r: r[0])
        located = [(sent_id, place) for sent_id, _, place in rows if place]
        # A bisect, not a scan of every located figure: a 20 MB article has ~96,000 figures,
        # and the scan took 103 s there against 0.2 s.
        located_ids = [sent_id for sent_id, _ in located]
        for sent_id, index, place in rows:
            if place is None and located:
                before = bisect_right(located_ids, sent_id)
                place = located[before - 1][1] if before else located[0][1]
            places[index] = place
    return places


def _cluster(records: list[tuple[object, dict]], documents: pd.DataFrame, sentences: pd.DataFrame,
             events: pd.DataFrame | None = None) -> tuple[list[_Incident], _Geography]:
    """Greedy grouping in date order, dated reports first, then those dated by an estimate
    (see the module docstring). Incidents are bucketed by category, kind and place so a report
    is only compared with the few incidents it could belong to."""
    places = _named_after_places(_article_places(records))
    geography = _Geography(learn_containment(_place_texts(records, sentences),
                                             {place for place in places.values() if place},
                                             _antecedent_pairs(records, places)
                                             + _country_pairs(records, places, sentences)))
    reports = _build_reports(records, documents, sentences, places, geography, events)
    grouping = _Grouping(geography)
    for report in reports:
        if not report.loose:
            grouping.place(report)
    dated = _DatedIncidents(grouping.incidents, geography)
    for report in reports:
        if report.loose:
            home = _loose_home(report, dated.near(report), geography)
            if home is None:
                grouping.place(report)
            else:
                home.add(report)
    return _join_lone_twins(grouping.incidents), geography


TWIN_MIN = 5  # a lone report's figure this large or more, stated exactly elsewhere, is distinctive


def _join_lone_twins(incidents: list[_Incident]) -> list[_Incident]:
    """Each incident of one report not dated to a day (a recap, a back-reference, "last week",
    an estimate) that states exactly the figure of one corroborated incident its days may be
    about, with no rival kind of attack, joins it wherever it is placed: "a car bomb at the KM4
    junction killed 17" recalled in a sentence about a camp, a memorial in a cathedral for
    "last week's massacre" of 31. Two attacks on different days never meet here: a report
    dated to a day stays where the grouping put it. Incidents are indexed by (category, kind,
    figure), so this is linear."""
    by_figure: dict[tuple, list[_Incident]] = {}
    for incident in incidents:
        if len(incident.doc_ids) > 1 and incident.anchored:
            for figure in {r.low for r in incident.reports if r.stated and r.low >= TWIN_MIN}:
                first = incident.reports[0]
                by_figure.setdefault((first.category, first.cumulative, first.unit, figure), []).append(incident)
    joined: set[int] = set()
    for incident in incidents:
        if len(incident.reports) != 1 or incident.reports[0].precise:
            continue
        report = incident.reports[0]
        if not report.stated or report.low < TWIN_MIN:
            continue
        twins = [twin for twin in by_figure.get((report.category, report.cumulative, report.unit, report.low), [])
                 if report.doc_id not in twin.doc_ids and not _rival_attacks(report, twin)
                 and _may_be_about(report, twin)]
        if len(twins) == 1:
            twins[0].add(report)
            joined.add(id(incident))
    return [incident for incident in incidents if id(incident) not in joined]


def _may_be_about(report: _Report, incident: _Incident) -> bool:
    """Whether the report's possible days reach the incident's."""
    if report.first_possible is None or incident.day_span is None:
        return False
    latest_first, earliest_last = incident.day_span
    return report.first_possible <= max(latest_first, earliest_last) and \
        report.last_possible >= min(latest_first, earliest_last)


class _Grouping:
    """Incidents formed so far, indexed so a new report meets only the ones it could join: by
    category, kind and place key; and, for reports naming a country or province, by kind."""

    def __init__(self, geography: _Geography):
        self.geography = geography
        self.incidents: list[_Incident] = []
        # The date cut-off of `_first_compatible` allows, per list of candidates, for the widest
        # span after its day that an incident's first report has (0 unless some date is vague).
        self.reach: dict[tuple, int] = {}
        self.buckets: dict[tuple, list[_Incident]] = {}
        self.by_kind: dict[tuple, list[_Incident]] = {}  # every incident, by category and kind
        self.coarse_by_kind: dict[tuple, list[_Incident]] = {}  # those with a country or province report
        self.matching: dict[str, set[str]] = {}  # place key -> the place keys it matches

    def place(self, report: _Report) -> _Incident:
        """Add the report to the first incident it fits, or to a new one; return that."""
        kind = (report.category, report.cumulative, report.unit)
        place = _place_key(report.location)
        if place is not None and place not in self.matching:
            self.matching[place] = {place} | {other for other in self.matching if _places_match(other, place)}
            for other in self.matching[place]:
                self.matching[other].add(place)
        keys = sorted(self.matching[place] | self.geography.keys_near(place)) if place is not None else [None]
        home = None
        for key in keys:
            home = _first_compatible(report, reversed(self.buckets.get(kind + (key,), [])), self.geography,
                                     self.reach.get(kind + (key,), 0))
            if home is not None:
                break
        if home is None and place is not None and report.precise:
            # A country or province may name the place of an incident a town names elsewhere:
            # a coarse report looks at every incident of its kind in the window, a town's at
            # those that hold a coarse report. Both lists are long, so only a report dated to
            # a day looks there, and only at incidents that began with one (the date cut-off
            # stays the window's).
            coarse = place_rank(report.location) < LOCALITY
            home = _first_compatible(report, reversed((self.by_kind if coarse else self.coarse_by_kind).get(kind, [])),
                                     self.geography, 0)
            if home is not None and not coarse and report.events and not report.events & home.events:
                # "a car bomb at Bakara market" is not the "40 killed in Lower Shabelle" no
                # text ties to a kind of attack: a town joins a province's incident on shared
                # words of attack, as place alone cannot tell.
                home = None
        if home is None:
            home = _Incident()
            self.incidents.append(home)
            self.buckets.setdefault(kind + (place,), []).append(home)
            home.filed_under.add(kind + (place,))
            self.reach[kind + (place,)] = max(self.reach.get(kind + (place,), 0), report.after)
            if report.precise:  # only precise reports nest, so only they need finding by kind
                self.by_kind.setdefault(kind, []).append(home)
        elif place is not None:
            self._file_under(kind + (place,), home)
        if place is not None and place_rank(report.location) < LOCALITY and not any(
                place_rank(r.location) < LOCALITY for r in home.reports if r.location) and \
                (home.reports[0] if home.reports else report).precise:
            self.coarse_by_kind.setdefault(kind, []).append(home)
        home.add(report)
        return home

    def _file_under(self, key: tuple, incident: _Incident) -> None:
        """Make an incident a report joined findable under that report's place too: one first
        told as "Idlib province" and then as "Sarmada" is met by a later report naming only
        Sarmada. Each bucket stays in order of first days, which `_first_compatible`'s cut-off
        relies on."""
        if key in incident.filed_under:
            return
        incident.filed_under.add(key)
        bucket = self.buckets.setdefault(key, [])
        position = len(bucket)
        while position and bucket[position - 1].first_day is not None and incident.first_day is not None \
                and bucket[position - 1].first_day > incident.first_day:
            position -= 1
        bucket.insert(position, incident)
        self.reach[key] = max(self.reach.get(key, 0), incident.reports[0].after)


class _DatedIncidents:
    """The incidents the dated reports formed, indexed so a report dated by an estimate meets
    only those it could join: by category and kind, then by each place an incident names, each
    list in order of the incidents' first days so the LOOSE_DAYS window is found by bisection.

    `_fits_loosely` needs every place of an incident to be the report's, tied to it or nested
    with it, so an incident is only worth meeting under a place that passes that test: a town's
    report meets the incidents filed under its own place key and those filed under a country
    or province that may hold it; a country's or province's report, those filed under any place
    it may hold (and those naming no place). Which places pass is worked out once per kind and
    location, over the few names incidents give.

    Blocking by place matters: on 2,000 generated articles comparing every loose report with
    every incident in its window made 438,000 comparisons (5.8 s of 29 s). On 10,000 generated
    articles, meeting every incident naming a province (for a town) or every incident of the
    kind (for a province) still made 3.5 million comparisons, 1,000 per province report, growing
    with the square of the corpus (20,000 articles: 11.2 million, 67 of 200 s)."""

    def __init__(self, incidents: list[_Incident], geography: _Geography):
        self.geography = geography
        self.by_place: dict[tuple, tuple[list[date], list[_Incident]]] = {}  # kind + place key
        self.by_name: dict[tuple, tuple[list[date], list[_Incident]]] = {}  # kind + place as written
        self.placeless: dict[tuple, tuple[list[date], list[_Incident]]] = {}  # kind
        self.names: dict[tuple, set[str]] = {}  # kind -> every place incidents of it name
        self.words: dict[str, set[str]] = {}  # a place word -> the place keys holding it
        self._allowed: dict[tuple, list[str]] = {}
        for incident in sorted((i for i in incidents if i.first_day is not None), key=lambda i: i.first_day):
            first = incident.reports[0]
            kind = (first.category, first.cumulative, first.unit)
            places = {place for place in incident.places if place}
            if not places:
                self._file(self.placeless, kind, incident)
            for place in places:
                self._file(self.by_name, kind + (place,), incident)
                self.names.setdefault(kind, set()).add(place)
            for key in {_place_key(place) for place in places}:
                self._file(self.by_place, kind + (key,), incident)
                for word in _place_words(key):
                    self.words.setdefault(word, set()).add(key)

    @staticmethod
    def _file(index: dict, key: tuple, incident: _Incident) -> None:
        days, found = index.setdefault(key, ([], []))
        days.append(incident.first_day)
        found.append(incident)

    def near(self, report: _Report) -> list[_Incident]:
        if report.day is None or report.location is None:
            return []  # neither an estimate nor a place to go on
        kind = (report.category, report.cumulative, report.unit)
        location = report.location
        if place_rank(location) < LOCALITY:
            lists = [self.by_name.get(kind + (place,)) for place in self._allowing(kind, location, coarse_only=False)]
            lists.append(self.placeless.get(kind))
        else:
            lists = [self.by_place.get(kind + (key,)) for key in self._keys_for(location)]
            lists += [self.by_name.get(kind + (place,)) for place in self._allowing(kind, location, coarse_only=True)]
        found: dict[int, _Incident] = {}
        for index in lists:
            for incident in self._window(index, report):
                found[id(incident)] = incident
        return sorted(found.values(), key=lambda i: i.first_day)

    def _allowing(self, kind: tuple, location: str, coarse_only: bool) -> list[str]:
        """The places incidents of `kind` name (only the countries and provinces, with
        `coarse_only`) that may take a report at `location` (`_place_allows`)."""
        cache_key = (kind, location, coarse_only)
        allowed = self._allowed.get(cache_key)
        if allowed is None:
            allowed = self._allowed[cache_key] = [
                place for place in self.names.get(kind, ())
                if (not coarse_only or place_rank(place) < LOCALITY) and _place_allows(place, location, self.geography)]
        return allowed

    def _keys_for(self, location: str) -> set[str]:
        """The place keys a report at `location` could share an incident with: the same place,
        one naming it with more words, or one the texts put inside or around it."""
        key = _place_key(location)
        sharing_a_word = set().union(*(self.words.get(word, set()) for word in _place_words(key)))
        return {other for other in sharing_a_word if _places_match(other, key)} | {key} \
            | self.geography.keys_near(key)

    @staticmethod
    def _window(index: tuple[list[date], list[_Incident]] | None, report: _Report) -> list[_Incident]:
        if index is None:
            return []
        days, found = index
        lo = bisect_right(days, _shifted(report.day, -(LOOSE_DAYS + report.before + 1)))
        hi = bisect_right(days, _shifted(report.day, LOOSE_DAYS + report.after))
        return found[lo:hi]


def _loose_home(report: _Report, candidates: list[_Incident], geography: _Geography) -> _Incident | None:
    """The dated incident a report dated by an estimate joins: the only one it fits, or the one
    that fits it best (the same figure, then the same kind of attack) when that one is alone in
    fitting best; else None."""
    fitting = [incident for incident in candidates if _fits_loosely(report, incident, geography)]
    if len(fitting) <= 1:
        return fitting[0] if fitting else None
    ranked = sorted(((_closeness(report, incident, geography), n, incident) for n, incident in enumerate(fitting)),
                    key=lambda scored: scored[0], reverse=True)
    (best, _, home), (second, _, _) = ranked[:2]
    return home if best > second else None


def _closeness(report: _Report, incident: _Incident, geography: _Geography) -> tuple[bool, bool, bool]:
    """How well a fitting incident matches: a place the texts tie to the report's (the same,
    or one holding the other) rather than one that merely may hold it, a report stating the
    same figure, a shared kind of attack."""
    tied = any(_tied(place, report.location, geography) for place in incident.places if place is not None)
    same_figure = report.stated and any(r.stated and r.low == report.low for r in incident.reports)
    return tied, same_figure, bool(report.events & incident.events)


def _beyond_revision(report: _Report, incident: _Incident) -> bool:
    """Whether the report's figure lies beyond MAX_REVISION_RATIO of some stated figure of the
    incident: `_figures_agree`'s widest test, read off the incident's span, so candidate
    searches try it first (it is cheap and rules out most)."""
    fits = incident.stated_fits
    return report.stated and fits is not None and not fits[0] <= max(report.low, 1) <= fits[1]


def _fits_loosely(report: _Report, incident: _Incident, geography: _Geography) -> bool:
    """Whether a report dated by an estimate may be part of a dated incident: a new article,
    a figure that agrees, no rival kind of attack, and every place of the incident the same as
    the report's, held by it as the texts say, or nested with it (a region and a town in it)."""
    if report.doc_id in incident.doc_ids or _beyond_revision(report, incident):
        return False
    if _rival_attacks(report, incident):
        return False
    location = report.location
    if any(not _place_allows(place, location, geography) for place in incident.places if place is not None):
        return False
    return _figures_agree(report, incident)


def _place_allows(place: str, location: str | None, geography: _Geography) -> bool:
    """Whether an incident naming `place` may take a report at `location` dated by an
    estimate: the same place, tied to it as the texts say, or nested with it."""
    return _tied(place, location, geography) or geography.nest(place, location)


def _country_pairs(records: list[tuple[object, dict]], places: dict[object, str | None],
                   sentences: pd.DataFrame) -> list[tuple[str, str]]:
    """(place, country) for each figure's place that no gazetteer places in a country, from
    the country its text names: in the figure's sentence when it names one, else the nearest
    earlier sentence of its paragraph that names one, else the article's lead. So a village
    the texts put in Burkina Faso is never inside "Mali" another outlet names."""
    if sentences.empty or "paragraph" not in sentences:
        return []
    wanted = {row["doc_id"] for index, row in records if places.get(index) and not countries_of(places[index])}
    by_doc: dict[object, list[tuple[int, int, str]]] = {}
    for doc_id, sent_id, paragraph, text in zip(sentences["doc_id"].tolist(), sentences["sent_id"].tolist(),
                                                sentences["paragraph"].tolist(), sentences["text"].tolist()):
        if doc_id in wanted and isinstance(text, str):
            by_doc.setdefault(doc_id, []).append((int(sent_id), int(paragraph), text))
    pairs = []
    for index, row in records:
        place = places.get(index)
        if not place or row["doc_id"] not in by_doc or countries_of(place):
            continue
        country = _country_of_figure(by_doc[row["doc_id"]], int(row["sent_id"]))
        if country is not None:
            pairs.append((place, country))
    return pairs


def _country_of_figure(article: list[tuple[int, int, str]], sent_id: int) -> str | None:
    """The country the figure's sentence, its paragraph before it, or the lead names."""
    here = next((p for s, p, _ in article if s == sent_id), None)
    own = set(countries_named(next((t for s, _, t in article if s == sent_id), "")))
    if len(own) == 1:
        return own.pop()
    earlier = [t for s, p, t in article if p == here and s < sent_id]
    lead = [t for s, _, t in article if s < 3]
    for text in [*reversed(earlier), *lead]:
        named = countries_named(text)
        if named:
            return named[0]
    return None


def _antecedent_pairs(records: list[tuple[object, dict]],
                     places: dict[object, str | None]) -> list[tuple[str, str]]:
    """(inner, outer) for each figure placed in "the city's X": X lies inside its article's
    first place (the place of the lead)."""
    lead: dict[object, tuple[int, str]] = {}
    for index, row in records:
        place, sent_id = places.get(index), int(row["sent_id"])
        if place and (row["doc_id"] not in lead or sent_id < lead[row["doc_id"]][0]):
            lead[row["doc_id"]] = (sent_id, place)
    pairs = []
    for index, row in records:
        place = places.get(index)
        outer = lead.get(row["doc_id"], (0, None))[1]
        if place and outer and outer != place and place in antecedent_parts(str(row.get("evidence") or "")):
            pairs.append((place, outer))
    return pairs


def _place_texts(records: list[tuple[object, dict]], sentences: pd.DataFrame) -> list[str]:
    """The sentences that say where places lie: those holding a figure, and each article's
    first three (a lead names the camp and the city around it)."""
    texts = {str(row.get("evidence")) for _, row in records if row.get("evidence")}
    if not sentences.empty and "text" in sentences:
        lead = sentences[sentences["sent_id"] < 3]
        texts.update(str(text) for text in lead["text"].tolist() if isinstance(text, str))
    return sorted(texts)


def _first_compatible(report: _Report, candidates, geography: _Geography, reach: int) -> _Incident | None:
    """The first incident among `candidates` (newest first) the report fits, looking no
    further back than the date window.

    On a large corpus this loop runs about a million times, and most candidates fail one of
    the cheap tests (the same article, figures beyond a revision apart, places that cannot
    match), so those come first, before `_agrees` reads the rest."""
    day, location, doc_id = report.day, report.location, report.doc_id
    for incident in candidates:
        first_day = incident.first_day
        if day is not None and first_day is not None and \
                (day - first_day).days - report.before > WINDOW_DAYS + reach:
            return None  # date order: this and every older incident began outside the window
        if doc_id in incident.doc_ids or _beyond_revision(report, incident):
            continue
        if geography.could_share(location, incident.first_location) and _agrees(report, incident, geography):
            return incident
    return None


def _reported(report: _Report) -> date | None:
    """When the report was made: its article's publication date, else the day it is about;
    None for an article whose date is only an estimate (its order among reports is unknown)."""
    return None if report.estimated else report.published or report.day


def _revisions(reports: list[_Report], superseded: tuple[bool, ...]) -> str:
    """Who said what, when, in the order reported; superseded figures marked as such."""
    ordered = sorted(zip(reports, superseded), key=lambda pair: (_reported(pair[0]) or date.max, pair[0].low))
    return "; ".join(
        f"{_reported(r).isoformat() if _reported(r) else 'undated'} {r.source}: {r.wording}"
        + (" (superseded)" if old else "")
        for r, old in ordered)


def _incident_row(incident_id: str, incident: _Incident, geography: _Geography) -> tuple[dict, tuple[bool, ...]]:
    """The incident's row and, per report, whether a later, higher report superseded it."""
    reports = incident.reports
    figures = incident_figures((r.low, r.high, r.stated, _reported(r), r.toll) for r in reports)
    first = min(reports, key=lambda r: (_reported(r) or date.max, r.day or date.max))
    # The days dated reports give; an estimate only when no report has better.
    days = [r.day for r in reports if r.day is not None and not r.estimated] or \
        [r.day for r in reports if r.day is not None]
    # The most specific place any source names (the town rather than the country, the camp
    # rather than the city the texts put it in).
    location = max((r.location for r in reports if r.location), default=None,
                   key=lambda place: (place_rank(place), len(geography.holders.get(fold_place(place), ()))))
    return {
        "incident_id": incident_id,
        "category": reports[0].category,
        "location": location,
        "date": min(days) if days else None,
        "sources": "; ".join(sorted({r.source for r in reports})),
        "n_sources": len({r.source for r in reports}),
        "reports": len(reports),
        "conservative": figures.conservative,
        "best": figures.best,
        "low": figures.low,
        "high": figures.high,
        "first_reported_by": first.source,
        "first_reported": _reported(first),
        "disagree": figures.disagree,
        "summary": " | ".join(f"{r.source}: {r.wording}" for r in reports),
        "revisions": _revisions(reports, figures.superseded),
        "unit": reports[0].unit,
    }, figures.superseded


def assign_incidents(casualties: pd.DataFrame, documents: pd.DataFrame,
                     sentences: pd.DataFrame, events: pd.DataFrame | None = None) -> pd.Series:
    """The incident_id of every casualty row (aligned on `casualties.index`); a subset row gets
    the incident of its article's figure of the same sentence and category, else None."""
    ids, _, _ = _run(casualties, documents, sentences, events)
    return ids


def _run(casualties: pd.DataFrame, documents: pd.DataFrame, sentences: pd.DataFrame,
         events: pd.DataFrame | None = None) -> tuple[pd.Series, pd.Series, pd.DataFrame]:
    """Each row's incident_id, whether its report is superseded, and the incidents table."""
    if casualties.empty:
        return pd.Series([None] * len(casualties), index=casualties.index, dtype="object"), \
            pd.Series([False] * len(casualties), index=casualties.index, dtype=bool), \
            pd.DataFrame(columns=INCIDENT_COLUMNS)
    records = _rows(casualties)
    assigned: dict[object, str] = {}
    old: set[object] = set()  # rows of superseded reports
    rows = []
    incidents, geography = _cluster(records, documents, sentences, events)
    for number, incident in enumerate(incidents, start=1):
        incident_id = f"I{number:04d}"
        row, superseded = _incident_row(incident_id, incident, geography)
        rows.append(row)
        for report, replaced in zip(incident.reports, superseded):
            for index, _ in report.rows:
                assigned[index] = incident_id
                if replaced:
                    old.add(index)
    # Subsets join the incident of the whole figure they belong to; statistics join none.
    whole = {(r["doc_id"], r["sent_id"], r["category"]): assigned[i] for i, r in records if i in assigned}
    whole_doc = {(r["doc_id"], r["category"]): assigned[i] for i, r in records if i in assigned}
    ids = [None if is_statistic(r) else
           assigned.get(i) or whole.get((r["doc_id"], r["sent_id"], r["category"]),
                                        whole_doc.get((r["doc_id"], r["category"])))
           for i, r in records]
    return (pd.Series(ids, index=casualties.index, dtype="object"),
            pd.Series([i in old for i, _ in records], index=casualties.index, dtype=bool),
            pd.DataFrame(rows, columns=INCIDENT_COLUMNS))


def group_incidents(casualties: pd.DataFrame, documents: pd.DataFrame, sentences: pd.DataFrame,
                    events: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Group casualty figures into incidents.

    `casualties` holds every figure with its `doc_id` (the extractor's columns); `documents`
    has doc_id, source, published; `sentences` has doc_id, sent_id, date (the date a sentence
    is about); `events`, when given, the dated expressions (a figure in a sentence naming two
    days takes the one its casualty verb is told with). Returns `(incidents, casualties)`: the
    incidents table (INCIDENT_COLUMNS, one row per incident) and a copy of `casualties` with an
    `incident_id` column linking each figure (each source's report) to its incident.
    """
    ids, superseded, incidents = _run(casualties, documents, sentences, events)
    linked = casualties.copy()
    linked["incident_id"] = ids
    linked["superseded"] = superseded
    return incidents, linked

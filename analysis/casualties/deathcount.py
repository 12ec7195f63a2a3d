"""One number per attack report: how many people died.

A report often carries several killed figures: a first toll and a later one ("three people
were killed ... by evening the toll had risen to seven"), separate victim groups in one
sentence ("six soldiers were killed while five attackers died"), subsets ("including four
children"), rival claims ("the army said it killed 20 militants, while the ministry said 32
Palestinians were killed"), additions ("two assailants were also killed", "another victim died
in hospital"), breakdowns ("three men died at the scene, while three other people died of their
wounds"). The count follows the report in order: each sentence's non-subset killed figures (per
claim) are added up and replace the count so far when larger; a sentence holding only
additions ("also", "another", "more") adds to it; a cumulative toll replaces it when larger.
Attackers who die are dead too ("killing himself and 11 others" is 12), unless the report
already counts them ("15 people, including the bomber").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from analysis.casualties.extract import extract_casualties
from analysis.casualties.figure import CasualtyFigure
from analysis.casualties.victims import unit_of
from analysis.segmentation import Sentence, split_sentences

_PERP = r"(?:suicide\s+)?(?:bomber|attacker|assailant|gunman|perpetrator|shooter)"
# The attacker dies alongside the counted victims, or on his own.
_PERPETRATOR_DIED = re.compile(
    r"\b(?:killing|killed|kills)\s+(?:himself|herself|the\s+" + _PERP + r")\b"
    r"|\bthe\s+" + _PERP + r"\s+and\s+(?:\w+\s+){1,3}(?:other\s+)?(?:people|others|persons|civilians)\b[^.]*\b(?:killed|died|dead)\b"
    r"|\b(?:the|a)\s+" + _PERP + r"\s+(?:was|had\s+been)\s+(?:also\s+)?(?:killed|shot\s+dead|shot\s+and\s+killed)\b"
    r"|\b(?:the|a)\s+" + _PERP + r"\s+(?:also\s+)?died\b",
    re.IGNORECASE,
)
# A bomber who "blew himself up" is a death the report leaves uncounted only when no one else
# died: beside "killing 61 people" the toll is the victims' (wire copy counts them so).
_BLEW_UP = re.compile(r"\b(?:blew|blowing|blows|blown)\s+(?:himself|herself)\s+up\b", re.IGNORECASE)
_PERPETRATOR = re.compile(r"\b" + _PERP + r"$", re.IGNORECASE)  # "gunman", "the suicide bomber"
_ATTACKERS = re.compile(r"\b(?:militants?|insurgents?|attackers?|assailants?|gunm[ae]n|bombers?|"
                        r"jihadists?|terrorists?|perpetrators?|rebels?)\b", re.IGNORECASE)
_PERPETRATOR_COUNTED = re.compile(r"\b(?:including|among\s+them|among\s+the\s+dead\s+(?:was|were))\s+(?:the|a)\s+" + _PERP,
                                  re.IGNORECASE)
_NONE_KILLED = re.compile(
    r"\b(?:no(?:body| one|-one)\s+(?:was|were|has been|had been)\s+(?:killed|hurt|injured)"
    r"|no\s+(?:deaths|fatalities|casualties|immediate reports of casualties)|without casualties"
    r"|(?:escaped|were|was|emerged|left)\s+(?:\w+\s+)?(?:unharmed|unhurt|uninjured))\b",
    re.IGNORECASE,
)


def _stated(figure: CasualtyFigure) -> int:
    return figure.value if figure.value is not None else figure.low


@dataclass
class _Tally:
    """The killed figures of a report, summed per sentence before the report is followed in order."""

    base: dict[tuple[int, int], int] = field(default_factory=lambda: defaultdict(int))  # per sentence and claim
    extra: dict[tuple[int, int], int] = field(default_factory=lambda: defaultdict(int))  # ... that add to earlier ones
    tolls: dict[int, dict[int, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int)))  # per sentence, per cue
    perpetrators_counted: set[int] = field(default_factory=set)  # sentences where a dead attacker is a figure already


def best_death_toll(figures: Sequence[CasualtyFigure],
                    sentences: Sequence[Sentence] = ()) -> int | None:
    """The best single death toll of a short report, or None when no one is said to be killed.

    With `sentences`, attackers reported dead without a number ("the assailant was also
    killed") count as one each sentence.
    """
    tally = _tally_killed(figures)
    _add_unnumbered_perpetrators(tally, sentences)
    return _follow_report(tally)


def _tally_killed(figures: Sequence[CasualtyFigure]) -> _Tally:
    """Sums the whole-count killed figures per sentence and claim, keeping apart the ones that
    add to an earlier count ("also", attackers killed after the victims) and cumulative tolls,
    whose parts share one cue ("rose to 169 Afghans and 13 US service members")."""
    tally = _Tally()
    victims_seen: set[int] = set()  # sentences with killed victims who are not attackers
    for figure in figures:
        if figure.category != "killed" or figure.part_of or unit_of(figure.victims):
            continue
        if figure.victims and _PERPETRATOR.search(figure.victims):
            tally.perpetrators_counted.add(figure.sent_id)
        if figure.toll:
            tally.tolls[figure.sent_id][figure.group] += _stated(figure)
            continue
        attackers = bool(figure.victims and _ATTACKERS.search(figure.victims))
        # Attackers killed in a later sentence add to the victims already counted.
        adds = figure.additional or (attackers and any(s < figure.sent_id for s in victims_seen))
        if not attackers:
            victims_seen.add(figure.sent_id)
        key = (figure.sent_id, figure.claim)
        (tally.extra if adds else tally.base)[key] += _stated(figure)
    return tally


def _add_unnumbered_perpetrators(tally: _Tally, sentences: Sequence[Sentence]) -> None:
    """One more dead for each sentence that says an attacker died ("killing himself") without
    a figure for him, unless the report already counts him among its dead ("including the
    bomber"). He joins the sentence's first claim."""
    if any(_PERPETRATOR_COUNTED.search(s.text) for s in sentences):
        return
    for sentence in sentences:
        if sentence.sent_id not in tally.perpetrators_counted and _PERPETRATOR_DIED.search(sentence.text):
            keys = [k for k in set(tally.base) | set(tally.extra) if k[0] == sentence.sent_id]
            tally.extra[min(keys, default=(sentence.sent_id, 0))] += 1


def _follow_report(tally: _Tally) -> int | None:
    """The count as the report goes on: a sentence's figures replace the count when larger, a
    sentence of additions only adds to it, a restatement changes nothing, a cumulative toll
    replaces it when larger."""
    base, extra, tolls = tally.base, tally.extra, tally.tolls
    best: int | None = None
    for sent_id in sorted({k[0] for k in set(base) | set(extra)} | set(tolls)):
        for key in sorted(k for k in set(base) | set(extra) if k[0] == sent_id):
            total = base[key] + extra[key]
            if best is None:
                best = total
            elif base[key] == 0:
                best += extra[key]  # "two assailants were also killed"
            elif total != best:  # a sentence that only restates the count changes nothing
                best = max(best, total)
        for toll in tolls[sent_id].values() if sent_id in tolls else ():
            best = max(best or 0, toll)
    return best


def death_count(text: str) -> int | None:
    """The single best death toll a short report gives; 0 when it says nobody died or counts
    only the wounded; else None (no casualty figure at all)."""
    sentences = split_sentences(text)
    figures = extract_casualties(text, sentences)
    best = best_death_toll(figures, sentences)
    if best is None:
        # Only a share is given ("the main hospital alone received 31 bodies"): at least that many.
        shares = [_stated(f) for f in figures if f.category == "killed" and f.part_of and not unit_of(f.victims)]
        best = max(shares, default=None)
    if best is None and _BLEW_UP.search(text):
        return 1
    if best is None and (_NONE_KILLED.search(text) or any(f.category == "injured" for f in figures)):
        return 0  # a report that counts the wounded and no dead reports no deaths
    return best

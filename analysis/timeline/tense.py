"""Cheap tense cues: does the clause around an expression talk about the past or the future?

"In January" means last January in "fighting broke out in January" but next January in "talks
will be held in January". A full parser is too slow for every sentence; the verb nearest the
expression decides, found by one pass over the words with set look-ups: modals and scheduling
phrases mark the future, past auxiliaries, irregular past forms and -ed forms mark the past.
Present-tense reporting verbs ("says", "warns") narrate what already happened, so they count as
past; present scheduling verbs ("faces elections on May 14", "voters go to the polls on
Thursday") as future.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from analysis.timeline.periods import Direction

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

_MODALS = frozenset({"will", "won't", "shall", "would", "could", "might", "may", "must", "should", "can"})
_SOFT_MODALS = frozenset({"would", "could", "might", "may", "must", "should", "can"})  # + have: past
_MODAL_FILLERS = frozenset({"not", "be", "also", "soon", "then", "only", "have", "been", "still"})
_FUTURE_WORDS = frozenset(
    """scheduled slated upcoming forthcoming planning deadline target timetable
    faces face hosts begins starts opens expires resumes
    go goes meet meets travels arrives ends closes convenes gathers""".split()
)
# word -> the next word that makes it a future phrase ("expected to", "ahead of").
_FUTURE_BEFORE = {
    "going": "to", "set": "to", "planned": "for", "plan": "to", "plans": "to", "expected": "to",
    "intend": "to", "intends": "to", "aim": "to", "aims": "to", "ahead": "of",
}
_TO_BE_VERBS = frozenset({"is", "are", "was", "were", "be"})
_PAST_WORDS = frozenset(
    """was were had did ago since earlier said told met went took came left fought held began
    begun made gave saw found struck shot fled won lost sent brought flew led rose fell spoke
    wrote broke stood ran seized overran swept blew threw hit kept paid put drove chose became
    got heard knew thought sought caught bought fed felt meant laid sold built spent lent dug
    drew grew stole hid froze sank tore swore forgot began overtook withdrew undertook
    says say tells warns claims confirms announces reports denies accuses urges vows insists
    """.split()
)
# -ed words that are not past verbs, and scheduling participles that mark the future instead.
_NOT_PAST = frozenset(
    """need speed indeed proceed exceed embed red bed shed hundred seed feed weed breed steed
    united based armed wounded aged alleged so-called unnamed unidentified unarmed unprecedented
    scheduled expected planned slated supposed concerned interested related limited advanced
    detailed experienced skilled
    """.split()
)


# Every word a cue can start at: the rest only move the scan on, so it visits these alone.
_CUE_STARTS = _MODALS | _FUTURE_WORDS | frozenset(_FUTURE_BEFORE) | _PAST_WORDS | frozenset(
    {"due", "is", "are", "was", "were", "to", "has", "have"})


Cue = tuple[int, str]  # (midpoint in the sentence, "past" or "future")


class _Words(NamedTuple):
    """A sentence's words: the matches give offsets, `lower` the forms the cue sets hold."""

    sentence: str
    matches: list[re.Match[str]]
    lower: list[str]

    def word(self, i: int) -> str:
        """The lower-cased word at `i`, "" past the end: "the next word" reads the same everywhere."""
        return self.lower[i] if i < len(self.lower) else ""

    def cue(self, first: int, last: int, tense: str) -> Cue:
        """A cue over words first..last, placed at their midpoint."""
        return (self.matches[first].start() + self.matches[last].end()) // 2, tense


def _split_words(sentence: str) -> _Words:
    """The words of `sentence`, with a curly apostrophe read as a straight one ("won’t")."""
    # The match objects stand for the words: only a cue's few words need their offsets.
    matches = list(_WORD.finditer(sentence))
    lower = [m.group().lower() for m in matches]
    if "’" in sentence:
        lower = [word.replace("’", "'") for word in lower]
    return _Words(sentence, matches, lower)


def _opens_modal(w: _Words, i: int) -> bool:
    """A modal or a contracted "'ll"; the month "May" is not the modal "may"."""
    word = w.lower[i]
    return (word in _MODALS and w.matches[i].group() != "May") or word.endswith("'ll")


def _modal_cue(w: _Words, i: int) -> tuple[Cue, int]:
    """"will be held", "could be approved", "may have met": the modal owns its verb, so the
    cue spans the fillers after it and the scan resumes past the verb. A soft modal with
    "have" is past ("may have met"); every other modal is future."""
    n = len(w.lower)
    j = i + 1
    while j < n and w.lower[j] in _MODAL_FILLERS:
        j += 1
    has_have = "have" in w.lower[i + 1 : j]
    tense = "past" if w.lower[i] in _SOFT_MODALS and has_have else "future"
    return w.cue(i, min(j, n - 1), tense), j + 1


def _future_cue(w: _Words, i: int) -> tuple[Cue, int] | None:
    """A scheduling word or phrase at `i` ("scheduled", "expected to", "is due", "is to meet",
    "to be held") and where the scan resumes; None when the word schedules nothing."""
    word, nxt = w.lower[i], w.word(i + 1)
    if word in _FUTURE_WORDS or _FUTURE_BEFORE.get(word) == nxt and nxt:
        return w.cue(i, i, "future"), i + 1
    if word == "due" and i > 0 and w.lower[i - 1] in _TO_BE_VERBS:
        return w.cue(i - 1, i, "future"), i + 1
    if word in {"is", "are", "was", "were"} and nxt == "to" and i + 2 < len(w.lower):
        return w.cue(i, i + 2, "future"), i + 3  # "is to meet"
    if word == "to" and nxt == "be" and w.word(i + 2) == "held":
        return w.cue(i, i + 2, "future"), i + 3
    return None


def _is_finite_ed_verb(w: _Words, i: int) -> bool:
    """A lower-case -ed form that is a past verb: not a listed adjective ("wounded"), and not
    a participle, which follows a comma or comes before "by"."""
    word, start = w.lower[i], w.matches[i].start()
    if not (word.endswith("ed") and len(word) > 3 and word not in _NOT_PAST and w.matches[i].group()[0].islower()):
        return False
    return not (w.sentence[max(0, start - 2) : start] == ", " or w.word(i + 1) == "by")


def _past_cue(w: _Words, i: int) -> tuple[Cue, int] | None:
    """A past form at `i` ("has been", "fled", "says", "shelled") and where the scan resumes;
    None when the word is not one."""
    word = w.lower[i]
    if word in {"has", "have"} and w.word(i + 1) == "been":
        return w.cue(i, i + 1, "past"), i + 2
    if word in _PAST_WORDS or _is_finite_ed_verb(w, i):
        return w.cue(i, i, "past"), i + 1
    return None


def _cue_at(w: _Words, i: int) -> tuple[Cue | None, int]:
    """The cue starting at word `i`, if any, and the first word the scan may read next: a
    cue of several words ("is to meet") is not read again from its later words."""
    if _opens_modal(w, i):
        return _modal_cue(w, i)
    return _future_cue(w, i) or _past_cue(w, i) or (None, i + 1)


def cues(sentence: str) -> tuple[Cue, ...]:
    """Midpoints of tense cues in the sentence with "past" or "future", in text order."""
    w = _split_words(sentence)
    found: list[Cue] = []
    resume = 0
    for i in [i for i, word in enumerate(w.lower) if word in _CUE_STARTS or word.endswith(("ed", "'ll"))]:
        if i < resume:
            continue
        cue, resume = _cue_at(w, i)
        if cue is not None:
            found.append(cue)
    return tuple(found)


def direction_at(sentence: str, start: int, end: int, default: Direction = "nearest", *,
                 sentence_cues: tuple[Cue, ...] | None = None) -> Direction:
    """The tense governing the span [start, end) of `sentence`, else `default`.

    English puts the verb before its time adverbial ("will vote in January, diplomats said";
    "said on Monday it would ..."), so the nearest cue before the span wins; a sentence that
    opens with the expression ("In May, the army said ...") takes the nearest cue after it.
    `sentence_cues` is `cues(sentence)` when the caller already has it (several expressions of
    one sentence).
    """
    found = cues(sentence) if sentence_cues is None else sentence_cues
    before = [(start - pos, tense) for pos, tense in found if pos < start]
    if before:
        return min(before)[1]  # type: ignore[return-value]
    after = [(pos - end, tense) for pos, tense in found if pos >= end]
    return min(after)[1] if after else default  # type: ignore[return-value]

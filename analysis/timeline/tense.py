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


def cues(sentence: str) -> tuple[tuple[int, str], ...]:
    """Midpoints of tense cues in the sentence with "past" or "future", in text order."""
    # The match objects stand for the words: only a cue's few words need their offsets.
    words = list(_WORD.finditer(sentence))
    lower = [m.group().lower() for m in words]
    if "’" in sentence:
        lower = [word.replace("’", "'") for word in lower]
    found: list[tuple[int, str]] = []
    n = len(words)
    resume = 0  # a cue of several words ("is to meet") is not read again from its later words
    for i in [i for i, word in enumerate(lower) if word in _CUE_STARTS or word.endswith(("ed", "'ll"))]:
        if i < resume:
            continue
        word = lower[i]
        start = words[i].start()
        nxt = lower[i + 1] if i + 1 < n else ""
        if (word in _MODALS and words[i].group() != "May") or word.endswith("'ll"):
            # "will be held", "could be approved", "may have met": the modal owns its verb.
            j = i + 1
            while j < n and lower[j] in _MODAL_FILLERS:
                j += 1
            has_have = "have" in lower[i + 1 : j]
            last = min(j, n - 1)
            tense = "past" if word in _SOFT_MODALS and has_have else "future"
            found.append(((start + words[last].end()) // 2, tense))
            resume = j + 1
            continue
        if word in _FUTURE_WORDS or _FUTURE_BEFORE.get(word) == nxt and nxt:
            found.append(((start + words[i].end()) // 2, "future"))
        elif word == "due" and i > 0 and lower[i - 1] in _TO_BE_VERBS:
            found.append(((words[i - 1].start() + words[i].end()) // 2, "future"))
        elif word in {"is", "are", "was", "were"} and nxt == "to" and i + 2 < n:
            found.append(((start + words[i + 2].end()) // 2, "future"))  # "is to meet"
            resume = i + 3
        elif word == "to" and nxt == "be" and i + 2 < n and lower[i + 2] == "held":
            found.append(((start + words[i + 2].end()) // 2, "future"))
            resume = i + 3
        elif word in {"has", "have"} and nxt == "been":
            found.append(((start + words[i + 1].end()) // 2, "past"))
            resume = i + 2
        elif word in _PAST_WORDS:
            found.append(((start + words[i].end()) // 2, "past"))
        elif word.endswith("ed") and len(word) > 3 and word not in _NOT_PAST and words[i].group()[0].islower():
            if not (sentence[max(0, start - 2) : start] == ", " or nxt == "by"):
                # after a comma or before "by", an -ed form is a participle, not a finite verb
                found.append(((start + words[i].end()) // 2, "past"))
    return tuple(found)


def direction_at(sentence: str, start: int, end: int, default: Direction = "nearest", *,
                 sentence_cues: tuple[tuple[int, str], ...] | None = None) -> Direction:
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

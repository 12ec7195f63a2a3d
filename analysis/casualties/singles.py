"""Counts of one written without a number: "a policeman was killed", "killing a civilian",
"another was wounded"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis.casualties.cues import BEFORE, DETAINED, PASSIVE_AUX
from analysis.casualties.numbers import Quantity
from analysis.casualties.reading import NP_STOPS, Found, after_cue
from analysis.casualties.tokens import Token
from analysis.casualties.victims import NON_PERSON, PERSON_PLURAL, PERSON_SINGULAR

_AGENT_NOUN = re.compile(r"(?:er|or|ist|ian|man|woman|ant|ent|ee)$")
_INTRANSITIVE = frozenset("died perished drowned succumbed disappeared fled".split())


def singulars(tokens: Sequence[Token], text: str, offset: int, taken: set[int],
              refugee: bool = False) -> list[Found]:
    """"a policeman was killed", "killing a civilian": a count of one."""
    out: list[Found] = []
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if tok.low not in ("a", "an", "another") or i in taken:
            continue
        head = None
        if tok.low == "another" and i + 1 < n and (tokens[i + 1].low in PASSIVE_AUX
                                                    or tokens[i + 1].low in _INTRANSITIVE):
            head = i  # "one soldier was killed and another was wounded"
        guessed = False
        for m in range(i + 1, min(i + 4, n) if head is None else i + 1):
            if tokens[m].low in PERSON_SINGULAR:
                head, guessed = m, False
            elif not (tokens[m].text[:1].isalpha() or "-" in tokens[m].text) or tokens[m].low in NP_STOPS:
                break
            elif head is None and _AGENT_NOUN.search(tokens[m].low) and tokens[m].low not in NON_PERSON \
                    and m + 1 < n and tokens[m + 1].low in PASSIVE_AUX:
                head, guessed = m, True  # "an interpreter was killed": an agent noun
        if head is None or (head + 1 < n and tokens[head + 1].low in PERSON_SINGULAR | PERSON_PLURAL):
            continue
        q = Quantity(i, i + 1, tok.start, tok.end, 1, "exact", 1, 1)
        category, cue = None, -1
        k = i - 1
        if k >= 0 and tokens[k].low in BEFORE:
            category, cue = BEFORE[tokens[k].low], k
        else:
            after = after_cue(tokens, head + 1, refugee)
            leaving = k >= 0 and tokens[k].low in ("leaving", "left", "leave", "leaves")  # "leaving a resident killed"
            if after is not None and (after[2] or leaving or tokens[after[1]].low in _INTRANSITIVE):
                category, cue = after[0], after[1]
        if category is None or (guessed and category == DETAINED):
            continue  # "a tanker was seized" is no detention
        f = Found(q, category, "before" if cue < i else "after", head + 1, None, group=cue)
        f.victims = text[tokens[i + 1].start - offset: tokens[head].end - offset] if head > i else None
        f.quantity = Quantity(i, head + 1, tok.start, tokens[head].end, 1, "exact", 1, 1)
        out.append(f)
    return out

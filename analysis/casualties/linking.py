"""Linking the numbers of one sentence to each other.

Numbers without a cue of their own share one with a coordinated neighbour ("killing three
soldiers and two civilians", "five soldiers and three civilians were killed", "three were
killed in Kharkiv and two in Donetsk"); subsets take their whole figure's category; figures
that add to an earlier one ("another 6", "two more") are marked.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.casualties.cues import CUE_WORDS
from analysis.casualties.reading import Found
from analysis.casualties.tokens import Token
from analysis.casualties.victims import NON_PERSON, is_person_phrase, victims_text

_COORD = frozenset({"and", ",", "as", "well", "plus", "while", "with", "his", "her", "their", "its"})
_ADDITIONAL_BEFORE = frozenset({"another", "further", "additional"})
_ADDITIONAL_AFTER = frozenset({"more", "other", "others"})
_PREPOSITIONS = frozenset("in on at from by for with since within into during after before over".split())
_ALONG = frozenset({("along", "with"), ("together", "with"), ("as", "well", "as"), ("plus",)})
# An interrupting clause: "a number that could rise", "which officials expect to rise".
_INTERRUPTION_OPENERS = frozenset("a an the which who that many most some all mostly a number figure".split())
_MAX_INTERRUPTION = 14
_GAP_FOLLOW = frozenset({"in", "near", "at", "on", "outside", "across", ".", ",", ";"})


def is_additional(tokens: Sequence[Token], f: Found) -> bool:
    """"another 6", "two more", "12 others", "were also killed": a figure on top of one
    already given, not a competing count of the same dead."""
    q = f.quantity
    before = {t.low for t in tokens[max(q.first - 2, 0):q.first + 1]}
    after = {t.low for t in tokens[q.last:min(q.last + 2, len(tokens))]}
    cue = f.group if f.how == "after" and 0 <= f.group < len(tokens) else -1
    also = cue > 0 and "also" in {t.low for t in tokens[f.np_end:cue]}
    return bool(before & _ADDITIONAL_BEFORE or after & _ADDITIONAL_AFTER or also)


def resolve_generic(found: list[Found]) -> None:
    """"... while rights groups put the figure at 23": the category of the nearest figure."""
    for index, f in enumerate(found):
        if f.how == "toll" and f.category is None:
            others = [(abs(index - i), o.category) for i, o in enumerate(found)
                      if o.category and not o.dropped and o is not f]
            if others:
                f.category = min(others)[1]


def between(tokens: Sequence[Token], a: int, b: int) -> set[str]:
    return {t.low for t in tokens[a:b]}


def skip_interruption(tokens: Sequence[Token], a: int, b: int) -> int:
    """Where the link between two figures starts once an interrupting clause between commas is
    skipped ("169 Afghans, a number that could increase, and 13 US service members"); `a`
    when there is none. The clause holds no number and no casualty word of its own."""
    if a >= b or tokens[a].low not in (",", "—", "–") or b - a > _MAX_INTERRUPTION:
        return a
    for m in range(b - 1, a, -1):
        if tokens[m].low == tokens[a].low:
            clause = tokens[a + 1:m]
            if clause and clause[0].low in _INTERRUPTION_OPENERS \
                    and not any(t.low[:1].isdigit() or t.low in CUE_WORDS for t in clause):
                return m
            return a
    return a


def coordinate(found: list[Found], tokens: Sequence[Token], text: str, offset: int) -> None:
    """Numbers without a cue of their own share one with a coordinated neighbour. The passes
    run in this order, each seeing what the earlier ones tied."""
    _share_the_cue_before(found, tokens, text, offset)
    _share_along_with(found, tokens)
    _share_across_places(found, tokens, text, offset)
    _split_a_whole_into_parts(found, tokens)
    _share_the_cue_after(found, tokens, text, offset)
    _share_with_another(found, tokens, text, offset)
    _things_take_no_cue(found, tokens)


def _things_take_no_cue(found: list[Found], tokens: Sequence[Token]) -> None:
    """"(21 killed) and two attacks in Jalalabad": a figure that counts things, not people,
    keeps no cue it inherited from a neighbour."""
    for f in found:
        if f.how == "inherited" and any(t.low in NON_PERSON for t in tokens[f.quantity.last:f.np_end]) \
                and not is_person_phrase(tokens, f.quantity.last, f.np_end):
            f.category, f.how = None, ""


def _inherit(f: Found, source: Found) -> None:
    """`f` takes the category and cue group of the figure it is coordinated with."""
    f.category, f.how, f.group = source.category, "inherited", source.group


def _share_the_cue_before(found: list[Found], tokens: Sequence[Token], text: str, offset: int) -> None:
    """"killing three soldiers and two civilians": a figure joined by "and" (or a comma within
    a list) to one tied by a cue before it, or inheriting one, takes that cue too."""
    for index in range(1, len(found)):
        f, prev = found[index], found[index - 1]
        if f.category or f.dropped or prev.category is None or prev.how not in ("before", "inherited", "toll", "subset"):
            continue
        start = skip_interruption(tokens, prev.np_end, f.quantity.first)
        gap = between(tokens, start, f.quantity.first)
        if gap and gap <= _COORD and "and" in gap | {","} and f.quantity.first - start <= 3:
            _inherit(f, prev)
            f.part_of = f.part_of or prev.part_of
            f.toll = prev.toll  # "rose to 169 Afghans and 13 US service members": one toll
            f.victims = victims_text(tokens, f.quantity.last, f.np_end, text, offset) or f.victims


def _share_along_with(found: list[Found], tokens: Sequence[Token]) -> None:
    """"three were arrested along with 47 other suspects": the figure right after "along with",
    "together with", "as well as" or "plus" the cue takes the cue's category."""
    for index in range(1, len(found)):
        f, prev = found[index], found[index - 1]
        if f.category or f.dropped or prev.category is None or prev.how != "after":
            continue
        gap = tuple(t.low for t in tokens[prev.group + 1:f.quantity.first])
        if gap in _ALONG:
            _inherit(f, prev)


def _share_across_places(found: list[Found], tokens: Sequence[Token], text: str, offset: int) -> None:
    """"three were killed in Kharkiv and two in Donetsk", "12 killed in Gaza, 5 in the West
    Bank": a figure after "and" or a comma, followed by a place, repeats the figure before."""
    for index in range(1, len(found)):
        f, prev = found[index], found[index - 1]
        if f.category or f.dropped or prev.category is None or prev.how not in ("after", "before", "inherited"):
            continue
        before = tokens[f.quantity.first - 1].low
        after = tokens[f.np_end].low if f.np_end < len(tokens) else "."
        if (before == "and" and after in _GAP_FOLLOW) or (before == "," and after in ("in", "near", "at")):
            _inherit(f, prev)
            f.victims = victims_text(tokens, f.quantity.last, f.np_end, text, offset)


def _share_with_another(found: list[Found], tokens: Sequence[Token], text: str, offset: int) -> None:
    """"The market attack killed 11 people and the bus station attack three days later another
    11": an elliptical "another N" (or "a further N"), later in a clause joined by "and" to a
    figure its verb tied, repeats that verb. Only a bare number or people may follow, so
    "killed 11 people and burned another 40 houses" stays apart."""
    for index in range(1, len(found)):
        f = found[index]
        q = f.quantity
        if f.category or f.dropped or q.first == 0 or tokens[q.first - 1].low not in ("another", "further"):
            continue
        # The figure tied before it; untied numbers between ("three days later") are passed over.
        prev = next((p for p in reversed(found[:index]) if p.category and not p.dropped), None)
        if prev is None or prev.how not in ("before", "inherited"):
            continue
        gap = [t.low for t in tokens[prev.quantity.last:q.first - 1]]
        bare = f.np_end <= q.last or is_person_phrase(tokens, q.last, f.np_end)
        if "and" in gap and bare and not any(w in CUE_WORDS or w[:1].isdigit() for w in gap):
            _inherit(f, prev)
            f.victims = victims_text(tokens, q.last, f.np_end, text, offset) or f.victims


def _opens_a_whole(tokens: Sequence[Token], whole: Found, part: Found) -> bool:
    """"(,) of the seven slain, five ...": a figure after "of the", at the start of the
    sentence or a clause, with a comma before the next figure, is the whole the next ones split."""
    first = whole.quantity.first
    return bool(whole.category) and first >= 2 and tokens[first - 1].low == "the" and tokens[first - 2].low == "of" \
        and (first == 2 or tokens[first - 3].low in (",", ";", ":")) \
        and "," in between(tokens, whole.quantity.last, part.quantity.first)


def _split_a_whole_into_parts(found: list[Found], tokens: Sequence[Token]) -> None:
    """"of the seven slain, five were police and two civilians": the figures after a whole,
    joined by "and", are its parts (subsets of its category)."""
    whole: Found | None = None
    for index in range(1, len(found)):
        f, prev = found[index], found[index - 1]
        if _opens_a_whole(tokens, prev, f):
            whole = prev
        elif whole is None or prev.how != "subset" or "and" not in between(tokens, prev.quantity.last, f.quantity.first):
            whole = None
        if whole is not None and f.how == "" and not f.part_of:
            f.category, f.part_of, f.how, f.group = whole.category, True, "subset", whole.group


def _share_the_cue_after(found: list[Found], tokens: Sequence[Token], text: str, offset: int) -> None:
    """"five soldiers and three civilians were killed": read from the end, a listed figure
    takes the cue of the figure after it."""
    for index in range(len(found) - 2, -1, -1):
        f, nxt = found[index], found[index + 1]
        if f.category or f.dropped or nxt.category is None or nxt.how not in ("after", "inherited"):
            continue
        if _listed_before(tokens, f, nxt):
            _inherit(f, nxt)
            f.victims = victims_text(tokens, f.quantity.last, f.np_end, text, offset) or f.victims


def _listed_before(tokens: Sequence[Token], f: Found, nxt: Found) -> bool:
    """Whether `f` is listed with the figure after it as one subject: a short gap of list words
    holding "and" or "plus", or a bare comma between two noun phrases of people."""
    gap = between(tokens, f.np_end, nxt.quantity.first)
    # A bare comma joins only noun phrases ("three soldiers, two policemen and ..."), so
    # "since Oct. 7, 1,200 people were killed" does not make 7 a figure.
    listed = "and" in gap or "plus" in gap or (
        f.np_end > f.quantity.last and nxt.np_end > nxt.quantity.last
        and is_person_phrase(tokens, f.quantity.last, f.np_end))
    # "in one camp alone, 2,500 people arrived": a number after a preposition is no subject.
    governed = f.quantity.first > 0 and tokens[f.quantity.first - 1].low in _PREPOSITIONS
    return bool(gap) and gap <= _COORD and nxt.quantity.first - f.np_end <= 3 and listed and not governed


def resolve_subsets(found: list[Found]) -> None:
    """A subset takes its parent's category (the nearest whole figure before it)."""
    for index, f in enumerate(found):
        if not f.part_of:
            continue
        parent = next((p for p in reversed(found[:index]) if p.category and not p.part_of and not p.dropped), None)
        if parent is None:
            continue  # a share of a total given elsewhere ("two women were among the dead")
        if f.category is None or f.how == "subset" or f.category == parent.category:
            f.category, f.group = parent.category, parent.group
        else:
            f.part_of = False

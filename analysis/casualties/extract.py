"""Find casualty figures in article text.

Each number in a sentence that passes a cheap cue-word prefilter is tied to a category by the
words around it, in this order: a toll phrase before it ("the death toll rose to 62"), a verb
before it ("killing eight people"), a participle or noun after it and its noun phrase ("eight
people were killed", "18 dead"); numbers left over inherit a category through coordination
("killing three soldiers and two civilians", "five soldiers and three civilians were killed").
Subsets ("including three children") are kept but marked `part_of`, and corrections ("two, not
20 as initially reported") keep the figure they replace in `corrected_from`. A paragraph about
refugees or flight lets movement verbs count as displacement ("3,000 Rohingya arrived").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from analysis.casualties.attribution import (
    find_attribution,
    is_pronoun,
    resolve_pronoun,
)
from analysis.casualties.cues import has_cue, is_refugee_context
from analysis.casualties.figure import CasualtyFigure
from analysis.casualties.kind_model import context_before, reads_as_statistic
from analysis.casualties.kinds import (
    STATISTIC,
    anchors_an_episode,
    gives_parts,
    sentence_kind,
    states_coverage,
)
from analysis.casualties.location import cue_place, nearest_place, scene_of_sentence
from analysis.casualties.period import find_period
from analysis.casualties.sentence import read_cued_sentence
from analysis.casualties.singles import written_without_number
from analysis.casualties.victims import unit_of
from analysis.segmentation import Sentence

PRONOUN_PARAGRAPHS = 2  # how many paragraphs back a pronoun's source may be named


def extract_casualties(text: str, sentences: Sequence[Sentence],
                       places: Sequence[tuple[int, int, str]] = (), *,
                       use_kind_model: bool = True) -> list[CasualtyFigure]:
    """Every casualty figure in `text`, with its sentence, span, bounds and context.

    `sentences` come from analysis.segmentation.split_sentences(text); `places` are
    (start, end, canonical name) spans of place mentions found by the NER, used to pick the
    nearest place. Without them, textual cues ("in the province of X") stand in.
    `use_kind_model=False` leaves a figure's kind to the rules alone (analysis.casualties.kinds),
    without the learned second opinion (analysis.casualties.kind_model); for measuring the two apart.
    """
    figures: list[CasualtyFigure] = []
    cued = [has_cue(sentence.text) for sentence in sentences]
    if not any(cued):
        return figures
    by_paragraph: dict[int, list[str]] = {}
    for sentence in sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence.text)
    refugee_paragraphs: dict[int, bool] = {}
    # Per-article memos: a paragraph's sentences are read again for each figure after them.
    sources: dict[int, str | None] = {}
    cue_places: dict[int, str | None] = {}
    starts = _place_starts(places)
    statistic_paragraph = -1  # the paragraph whose last figures were a statistic ("Of these, ...")
    coverage: dict[int, bool] = {}  # per sentence read so far: whether it states a report's period
    for position, sentence in enumerate(sentences):
        if not cued[position]:
            continue
        if sentence.paragraph not in refugee_paragraphs:
            refugee_paragraphs[sentence.paragraph] = any(
                is_refugee_context(t) for t in by_paragraph[sentence.paragraph])
        # The paragraph's verdict covers the sentence: it is one of the paragraph's sentences.
        found = read_cued_sentence(sentence.text, sentence.start, refugee_paragraphs[sentence.paragraph])
        if not found:
            continue
        attribution = _attribution(sentences, position, sources)
        period = find_period(sentence.text)
        # A breakdown follows its statistic in the same paragraph or opens the next one.
        after_statistic = statistic_paragraph >= 0 and statistic_paragraph in (sentence.paragraph, sentence.paragraph - 1)
        after_coverage = _after_coverage(sentences, position, coverage)
        unnumbered = all(written_without_number(text[f.quantity.start:f.quantity.end]) for f in found)
        kind = sentence_kind(sentence.text, period, after_statistic=after_statistic,
                             toll=any(f.toll for f in found), largest=max(f.quantity.low for f in found),
                             after_coverage=after_coverage, unnumbered=unnumbered,
                             parts=gives_parts([(f.category or "", f.quantity.low) for f in found if not f.part_of]))
        if kind != STATISTIC and use_kind_model and not unnumbered and not anchors_an_episode(sentence.text, period) \
                and reads_as_statistic(sentence.text, context_before(sentences, position)):
            kind = STATISTIC
        statistic_paragraph = sentence.paragraph if kind == STATISTIC else -1
        for f in found:
            q = f.quantity
            figures.append(CasualtyFigure(
                sent_id=sentence.sent_id, start=q.start, end=q.end, category=f.category or "",
                value=q.value, qualifier=q.qualifier, low=q.low, high=q.high, victims=f.victims,
                location=_location(text, sentences, position, places, q.start, q.end, starts, cue_places),
                attribution=attribution, evidence=sentence.text, text=text[q.start:q.end],
                period=period, part_of=f.part_of, corrected_from=f.corrected_from,
                group=sentence.sent_id * 1000 + f.group if f.group >= 0 else -1, toll=f.toll, claim=f.claim,
                additional=f.additional, kind=kind, unit=unit_of(f.victims),
            ))
    return _placed_by_the_lead(figures, text, sentences, places, starts)


def _after_coverage(sentences: Sequence[Sentence], position: int, memo: dict[int, bool]) -> bool:
    """Whether an earlier sentence of the paragraph states the period a report covers ("The
    report covers January to June. It found ..."), unless the sentence states one itself. Only
    the paragraphs of figures are read, each sentence once (`memo`)."""
    def covers(at: int) -> bool:
        if at not in memo:
            memo[at] = states_coverage(sentences[at].text)
        return memo[at]

    if covers(position):
        return False
    paragraph = sentences[position].paragraph
    back = position - 1
    while back >= 0 and sentences[back].paragraph == paragraph:
        if covers(back):
            return True
        back -= 1
    return False


def _placed_by_the_lead(figures: list[CasualtyFigure], text: str, sentences: Sequence[Sentence],
                        places: Sequence[tuple[int, int, str]], starts: list[int] | None) -> list[CasualtyFigure]:
    """Figures of an incident that come before any figure with a place of its own, and whose
    paragraphs name none, take the scene the lead names ("Nine days after a suicide bomber
    struck the Dalori camp ..." above "The attack killed 19 people"): wire copy names the scene
    once, at the top. A later figure without a place is left to take its story's place from
    the figures before it (analysis.casualties.incidents); statistics keep none."""
    unplaced = []
    for number, figure in enumerate(figures):
        if figure.location:
            break
        if figure.kind != STATISTIC:
            unplaced.append(number)
    if not unplaced or not places:
        return figures
    told_in = next((s.paragraph for s in reversed(sentences) if s.start <= figures[unplaced[0]].start), None)
    lead = lead_place(text, sentences, places, starts, told_in)
    if lead is None:
        return figures
    placed = list(figures)
    for number in unplaced:
        placed[number] = figures[number]._replace(location=lead)
    return placed


def lead_place(text: str, sentences: Sequence[Sentence], places: Sequence[tuple[int, int, str]],
               starts: list[int] | None = None, until: int | None = None) -> str | None:
    """The first scene the article's first paragraph names (never its dateline, a speaker or
    a destination: `nearest_place` leaves those out), the inner one of a run. `starts` are the
    places' starts when they come in order (`_place_starts`). With `until`, a paragraph, the
    first paragraphs before it that name no scene are passed over ("Good evening, this is the
    news." above "We begin in Ténenkou cercle, ... near Diafarabé")."""
    if not sentences:
        return None
    paragraphs: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        paragraphs.setdefault(sentence.paragraph, []).append(sentence)
    for paragraph, within in paragraphs.items():
        lo, hi = within[0].start, within[-1].end
        scene = nearest_place(_places_within(places, starts, lo, hi), lo, lo, lo, hi, text)
        if scene is not None or until is None or paragraph + 1 >= until:
            return scene
    return None


def _place_starts(places: Sequence[tuple[int, int, str]]) -> list[int] | None:
    """The starts of `places` when they come in start order (the mentions table's order), so
    a sentence's places are found by bisection instead of a scan; else None."""
    starts = [p[0] for p in places]
    return None if any(a > b for a, b in zip(starts, starts[1:])) else starts


def _places_within(places: Sequence[tuple[int, int, str]], starts: list[int] | None,
                   lo: int, hi: int) -> Sequence[tuple[int, int, str]]:
    """The places starting in [lo, hi], in their order (all of them without `starts`):
    every place inside the span, for `nearest_place` to filter."""
    if starts is None:
        return places
    return places[bisect_left(starts, lo):bisect_right(starts, hi)]


def _attribution(sentences: Sequence[Sentence], position: int, memo: dict[int, str | None]) -> str | None:
    """The sentence's source. None takes the paragraph's last source; a pronoun ("he added")
    the nearest source it can stand for, in its paragraph, then up to
    PRONOUN_PARAGRAPHS earlier paragraphs (wire copy often puts "he said" under the name)."""
    source = _source_of(sentences, position, memo)
    if source is not None and not is_pronoun(source):
        return source
    paragraph = sentences[position].paragraph
    earlier: list[list[str]] = []
    for back in range(position - 1, -1, -1):
        sentence = sentences[back]
        if sentence.paragraph != paragraph:
            if source is None or len(earlier) > PRONOUN_PARAGRAPHS:
                break
            paragraph = sentence.paragraph
            earlier.append([])
        if not earlier:
            earlier.append([])
        found = _source_of(sentences, back, memo)
        if found and not is_pronoun(found):
            if source is None:
                return found
            earlier[-1].append(found)
    return resolve_pronoun(source, earlier) if source is not None else None


def _source_of(sentences: Sequence[Sentence], position: int, memo: dict[int, str | None]) -> str | None:
    if position not in memo:
        memo[position] = find_attribution(sentences[position].text)
    return memo[position]


def _location(text: str, sentences: Sequence[Sentence], position: int,
              places: Sequence[tuple[int, int, str]], start: int, end: int,
              starts: list[int] | None = None, cue_places: dict[int, str | None] | None = None) -> str | None:
    sentence = sentences[position]
    if places:
        found = nearest_place(_places_within(places, starts, sentence.start, sentence.end),
                              start, end, sentence.start, sentence.end, text)
        if found:
            return found
    cued = cue_place(sentence.text, start - sentence.start)
    if cued:
        return cued
    # Else the paragraph so far, nearest sentence first.
    for back in range(position - 1, -1, -1):
        earlier = sentences[back]
        if earlier.paragraph != sentence.paragraph:
            break
        if places:
            within = _places_within(places, starts, earlier.start, earlier.end)
            found = nearest_place(within, start, end, earlier.start, earlier.end, text)
            if found:
                return scene_of_sentence(within, found, earlier.start, earlier.end, text)
        if cue_places is None:
            cued = cue_place(earlier.text)
        elif back in cue_places:
            cued = cue_places[back]
        else:
            cued = cue_places[back] = cue_place(earlier.text)
        if cued:
            return cued
    return None

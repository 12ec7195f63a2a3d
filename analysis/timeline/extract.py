"""`extract_events`: temporal expressions of an article, normalised against its anchor date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from analysis.segmentation import Sentence
from analysis.timeline.finders import find_mentions
from analysis.timeline.mention import Mention
from analysis.timeline.model import Period, ReferenceEvent, TemporalEvent
from analysis.timeline.resolve import needs_anchor, resolve
from analysis.timeline.tense import cues, direction_at


def extract_events(
    text: str, sentences: Sequence[Sentence], anchor: date | None, *, include_references: bool = False
) -> list[TemporalEvent]:
    """Dated events of `text`, one per temporal expression, in text order.

    `anchor` is the publication date (or its estimate). With `anchor` None, expressions that
    need it ("on Tuesday", "July 7", "last year") are skipped, so every returned event has a
    real `date`; only expressions fixed by the text itself (a year, an ISO date, 9/11) remain.
    Durations ("20 years", "the last 24 hours", "over the last few months") and vague periods
    ("in the coming weeks") are not dated events and are never returned. References to the
    present, past or future ("now", "recently", "in the future") are not dated events either;
    with `include_references=True` (and an anchor) they are returned as `ReferenceEvent`s whose
    `timex` is PRESENT_REF, PAST_REF or FUTURE_REF, for TimeML benchmarks and export.
    """
    events: list[TemporalEvent] = []
    reference: Period | None = None  # the last period mentioned, for "the next day"
    for sentence in sentences:
        body = sentence.text
        sentence_cues = None  # the sentence's tense cues, read once for all its expressions
        for mention in find_mentions(body):
            if mention.kind == "reference":
                if include_references and anchor is not None:
                    events.append(_reference_event(text, sentence, mention, anchor))
                continue
            try:
                if needs_anchor(mention):
                    if anchor is None:
                        continue
                    if sentence_cues is None:
                        sentence_cues = cues(body)
                    direction = direction_at(body, mention.start, mention.end, mention.default,
                                             sentence_cues=sentence_cues)
                    if mention.mod == "in" and direction != "future":
                        continue  # "in five years" dates only a future clause
                    period = resolve(mention, anchor, direction, reference)
                else:
                    period = resolve(mention, anchor or date.min, "nearest")
            except (OverflowError, ValueError):  # arithmetic past year 1 or 9999
                continue
            if period is None:
                continue
            reference = period
            start = sentence.start + mention.start
            end = sentence.start + mention.end
            events.append(
                TemporalEvent(
                    sent_id=sentence.sent_id,
                    start=start,
                    end=end,
                    expression=text[start:end],
                    date=period.start,
                    date_end=period.end,
                    granularity=period.granularity,
                    relative=needs_anchor(mention),
                    text=body,
                )
            )
    return events


def _reference_event(text: str, sentence: Sentence, mention: Mention, anchor: date) -> ReferenceEvent:
    start = sentence.start + mention.start
    end = sentence.start + mention.end
    return ReferenceEvent(
        sent_id=sentence.sent_id, start=start, end=end, expression=text[start:end], date=anchor,
        date_end=anchor, granularity="day", relative=True, text=sentence.text, reference=mention.mod,
    )

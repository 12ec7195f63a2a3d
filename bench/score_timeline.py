"""Score the timeline extractor on a JSONL dev set of wire sentences.

Each line: {"id", "published", "text", "events": [{"expression", "date", "granularity"}]}.
A predicted event is correct when its span overlaps the gold expression's span (its first
occurrence in the text; a repeated expression takes the next occurrence each time) and both its date and granularity are the gold ones;
matching is one to one. Prints precision, recall and F1, plus span-only figures, and with
--errors every miss and false alarm.

    python bench/score_timeline.py tests/data/timeline/dev.jsonl [--errors]
    python bench/score_timeline.py tests/data/timeline/*.jsonl --speed 3000

--timeml DIR scores TimeML (.tml) files instead, TempEval-3 style: the gold is the DATE timexes
of the TEXT element, the anchor the document creation time (DCT); `extract_events` runs with
`include_references=True` so "now" (PRESENT_REF) and "recently" (PAST_REF) take part. Value F1
follows TempEval-3's attribute F1: a system timex matches a gold one when their spans overlap
(relaxed match, one to one); its value is right when our `TemporalEvent.timex` equals the gold
value as a string; P = right values / system timexes, R = right values / gold timexes (so a
missed or spurious expression costs as much as a wrong value). Span P/R are the relaxed-match
figures. A system expression overlapping only a gold TIME, DURATION or SET timex is left out of
both counts (we produce DATE values only; "6 a.m. Tuesday" is not ours to value). Files in
TempEval-3 layout (<DCT>, <TEXT>) and in TimeBank 1.2 layout (the DCT is the TIMEX3 with
functionInDocument="CREATION_TIME", no TEXT element) are both read.

--speed N also times `extract_events` on a synthetic corpus of N articles (the seeds and the
dev sentences shuffled into articles, each with its own anchor) and prints sentences/s.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from analysis.metrics import PrecisionRecallF1
from analysis.segmentation import split_sentences
from analysis.timeline import extract_events


@dataclass(frozen=True)
class Score(PrecisionRecallF1):
    tp: int
    predicted: int
    gold: int
    span_tp: int

    def counts(self) -> tuple[int, int, int]:
        return self.tp, self.predicted, self.gold

    @property
    def span_only(self) -> Score:
        """The same counts with a match on span alone."""
        return Score(self.span_tp, self.predicted, self.gold, self.span_tp)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_file(path: Path, errors: list[str] | None = None) -> Score:
    tp = predicted = gold_total = span_tp = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        text = item["text"]
        anchor = date.fromisoformat(item["published"])
        events = extract_events(text, split_sentences(text), anchor)
        gold = []
        seen: dict[str, int] = {}  # a repeated expression: its next occurrence
        for g in item["events"]:
            start = text.index(g["expression"], seen.get(g["expression"], 0))
            seen[g["expression"]] = start + len(g["expression"])
            gold.append(((start, start + len(g["expression"])), date.fromisoformat(g["date"]), g["granularity"], g["expression"]))
        predicted += len(events)
        gold_total += len(gold)
        used: set[int] = set()
        span_used: set[int] = set()
        for ev in events:
            span = (ev.start, ev.end)
            hit = next((i for i, g in enumerate(gold) if i not in used and _overlaps(span, g[0]) and g[1] == ev.date and g[2] == ev.granularity), None)
            span_hit = next((i for i, g in enumerate(gold) if i not in span_used and _overlaps(span, g[0])), None)
            if span_hit is not None:
                span_used.add(span_hit)
                span_tp += 1
            if hit is not None:
                used.add(hit)
                tp += 1
            elif errors is not None:
                errors.append(f"FALSE {item['id']} {ev.expression!r} -> {ev.date} {ev.granularity} | {text}")
        if errors is not None:
            for i, g in enumerate(gold):
                if i not in used:
                    errors.append(f"MISS  {item['id']} {g[3]!r} = {g[1]} {g[2]} | {text}")
    return Score(tp, predicted, gold_total, span_tp)


_TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")


_CREATION = re.compile(r"<TIMEX3\b[^>]*functionInDocument=\"(?:CREATION|PUBLICATION)_TIME\"[^>]*>.*?</TIMEX3>", re.DOTALL)
_WRAP = re.compile(r"(?<=\S)[ \t]*\n(?=[ \t]*\S)")
_LINKS = re.compile(r"<(?:MAKEINSTANCE|TLINK|SLINK|ALINK)\b[^>]*/>")


def read_timeml(path: Path) -> tuple[date, str, list[tuple[int, int, str, str]]]:
    """DCT, plain text of the TEXT element, and its timexes as (start, end, type, value)."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>(.*?)</DCT>", raw, re.S) or _CREATION.search(raw)
    if dct_match is None:
        raise ValueError(f"{path}: no document creation time")
    dct_attrs = dict(_ATTR.findall(_TIMEX.search(dct_match.group(0)).group(1)))
    dct = date.fromisoformat(dct_attrs.get("value", "")[:10])
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if body:
        marked = body.group(1)
    else:  # TimeBank 1.2: the whole TimeML element, less the DCT and the link records
        root = re.search(r"<TimeML\b[^>]*>(.*)</TimeML>", raw, re.DOTALL)
        marked = _LINKS.sub("", _CREATION.sub("", root.group(1) if root else raw, count=1))
    text_parts: list[str] = []
    timexes: list[tuple[int, int, str, str]] = []
    pos = 0
    length = 0
    for m in _TIMEX.finditer(marked):
        before = html.unescape(_TAG.sub("", marked[pos : m.start()]))
        text_parts.append(before)
        length += len(before)
        inner = html.unescape(_TAG.sub("", m.group(2)))
        attrs = dict(_ATTR.findall(m.group(1)))
        timexes.append((length, length + len(inner), attrs.get("type", ""), attrs.get("value", "")))
        text_parts.append(inner)
        length += len(inner)
        pos = m.end()
    text_parts.append(html.unescape(_TAG.sub("", marked[pos:])))
    # Hard-wrapped wire copy (TimeBank's APW files): a single line break inside a paragraph is
    # a space, as in the web articles Parallax reads. Same length, so the offsets hold.
    return dct, _WRAP.sub(" ", "".join(text_parts)), timexes


def score_timeml(directory: Path, errors: list[str] | None = None) -> Score:
    """Value P/R/F1 over DATE timexes of every .tml file under `directory`."""
    tp = predicted = gold_total = span_tp = 0
    for path in sorted(directory.rglob("*.tml")):
        dct, text, timexes = read_timeml(path)
        gold = [(s, e, v) for s, e, t, v in timexes if t == "DATE"]
        others = [(s, e) for s, e, t, _ in timexes if t != "DATE"]
        events = [
            ev for ev in extract_events(text, split_sentences(text), dct, include_references=True)
            # an expression the gold calls TIME/DURATION/SET is not counted against us
            if not any(_overlaps((ev.start, ev.end), o) for o in others) or any(_overlaps((ev.start, ev.end), g[:2]) for g in gold)
        ]
        predicted += len(events)
        gold_total += len(gold)
        used: set[int] = set()
        for ev in events:
            hit = next((i for i, g in enumerate(gold) if i not in used and _overlaps((ev.start, ev.end), g[:2])), None)
            if hit is None:
                if errors is not None:
                    errors.append(f"FALSE {path.name} {ev.expression!r} -> {ev.timex}")
                continue
            used.add(hit)
            span_tp += 1
            if ev.timex == gold[hit][2]:
                tp += 1
            elif errors is not None:
                errors.append(f"VALUE {path.name} {ev.expression!r} -> {ev.timex} gold {gold[hit][2]}")
        if errors is not None:
            for i, g in enumerate(gold):
                if i not in used:
                    errors.append(f"MISS  {path.name} {text[g[0]:g[1]]!r} = {g[2]}")
    return Score(tp, predicted, gold_total, span_tp)


def speed(paths: list[Path], articles: int, seed: int = 7) -> tuple[int, float]:
    """Sentences and seconds for `extract_events` over a synthetic corpus of `articles`
    articles of 20-40 sentences each, drawn from the dev sentences and the bundled seeds (so
    far denser in dates than real news: a pessimistic figure)."""
    pool = [json.loads(line)["text"] for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    for f in sorted(seeds.glob("*.txt")):
        pool.extend(s.text for s in split_sentences(f.read_text(encoding="utf-8")))
    rng = random.Random(seed)
    # Two filler words in front of every sentence keep sentences unique, so no cache flatters us.
    fillers = """meanwhile separately reportedly indeed however officially locally apparently
    notably again still also already later often rarely quietly openly sharply clearly""".split()

    def vary(sentence: str) -> str:
        return f"{rng.choice(fillers).title()} {rng.choice(fillers)}, {sentence[:1].lower()}{sentence[1:]}"

    corpus = []
    for _ in range(articles):
        text = "\n\n".join(" ".join(vary(s) for s in rng.sample(pool, 3)) for _ in range(rng.randint(7, 13)))
        corpus.append((text, split_sentences(text), date(2021, 1, 1) + (rng.random() * 1500) // 1 * (date(2021, 1, 2) - date(2021, 1, 1))))
    n = sum(len(s) for _, s, _ in corpus)
    t0 = time.perf_counter()
    for text, sentences, anchor in corpus:
        extract_events(text, sentences, anchor)
    return n, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--timeml", type=Path, metavar="DIR", help="score TimeML .tml files under DIR")
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms")
    parser.add_argument("--speed", type=int, default=0, metavar="N", help="time N synthetic articles")
    args = parser.parse_args(argv)
    if args.timeml:
        errors_t: list[str] | None = [] if args.errors else None
        s = score_timeml(args.timeml, errors_t)
        span_p, span_r = s.span_only.precision, s.span_only.recall
        print(f"{args.timeml} (TimeML DATE values): P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
              f"(tp={s.tp} predicted={s.predicted} gold={s.gold}; relaxed span P={span_p:.3f} R={span_r:.3f})")
        for e in errors_t or []:
            print("  " + e)
    for path in args.paths:
        errors: list[str] | None = [] if args.errors else None
        s = score_file(path, errors)
        span_p, span_r = s.span_only.precision, s.span_only.recall
        print(f"{path}: P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
              f"(tp={s.tp} predicted={s.predicted} gold={s.gold}; span-only P={span_p:.3f} R={span_r:.3f})")
        for e in errors or []:
            print("  " + e)
    if args.speed:
        n, seconds = speed(args.paths, args.speed)
        print(f"speed: {n} sentences in {seconds:.2f}s = {n / seconds:,.0f} sentences/s ({args.speed} articles)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

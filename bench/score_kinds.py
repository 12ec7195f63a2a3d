"""Score the incident-vs-statistic decision sentence by sentence (tests/data/casualties/kinds).

Each item is one or two sentences with one gold figure, its category and its kind ("incident"
for one episode's toll, "statistic" for a period total, cumulative count, stock, rate or
roll-up). The extractor runs on the item's text alone; the system figure matched to the gold
one is the one whose span overlaps the gold figure's span (same category first), else one whose
text is the gold figure. Per file it prints:

- items, and how many gold figures some system figure matched ("found");
- kind accuracy over the found figures;
- statistic recall: found gold statistics the system labels statistic (a statistic labelled
  incident inflates the Casualties headline), and incident recall likewise.

    python bench/score_kinds.py tests/data/casualties/kinds/dev.jsonl [more files] [--errors] [--rules-only]

`--errors` lists each wrong or missed item (id, gold kind, system kind, the period found and the
text). It is refused for a held-out file: that file measures the rules, it does not tune them.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from analysis.casualties import CasualtyFigure, extract_casualties
from analysis.segmentation import split_sentences

KINDS = ("incident", "statistic")
CATEGORIES = ("killed", "injured", "missing", "displaced", "detained", "killed_or_injured")
FIELDS = ("id", "text", "figure", "category", "kind", "why")
MISSED = "missed"


class ItemError(ValueError):
    """An item file that cannot be scored: the message names the file, the line and the reason."""


@dataclass(frozen=True)
class KindItem:
    """One gold figure in its sentence."""

    id: str
    text: str
    figure: str
    category: str
    kind: str
    why: str

    @property
    def span(self) -> tuple[int, int]:
        """The gold figure's characters in `text` (its first occurrence)."""
        start = self.text.index(self.figure)
        return start, start + len(self.figure)


@dataclass(frozen=True)
class Outcome:
    """What the system made of one item: its kind for the figure (or MISSED) and the period."""

    item: KindItem
    system_kind: str
    period: str | None

    @property
    def correct(self) -> bool:
        return self.system_kind == self.item.kind


def is_heldout(path: Path) -> bool:
    """A file kept aside for measuring: its name starts with "heldout"."""
    return path.name.startswith("heldout")


def load_kind_items(path: Path) -> list[KindItem]:
    """The items of a JSONL file; a malformed line raises ItemError naming the file and line."""
    items: list[KindItem] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise ItemError(f"{path}: line {number}: not JSON ({error.msg})") from None
        items.append(_item_from(record, path, number))
    return items


def _item_from(record: object, path: Path, number: int) -> KindItem:
    """Check one record's fields and values so a scoring run never silently skips an item."""
    where = f"{path}: line {number}"
    if not isinstance(record, dict):
        raise ItemError(f"{where}: expected a JSON object")
    missing = [field for field in FIELDS if not isinstance(record.get(field), str)]
    if missing:
        raise ItemError(f"{where}: missing or non-text field(s): {', '.join(missing)}")
    if record["kind"] not in KINDS:
        raise ItemError(f"{where}: kind {record['kind']!r} is not one of {', '.join(KINDS)}")
    if record["category"] not in CATEGORIES:
        raise ItemError(f"{where}: category {record['category']!r} is not one of {', '.join(CATEGORIES)}")
    if record["figure"] not in record["text"]:
        raise ItemError(f"{where}: figure {record['figure']!r} does not occur in the text")
    return KindItem(*(record[field] for field in FIELDS))


def match_figure(item: KindItem, figures: list[CasualtyFigure]) -> CasualtyFigure | None:
    """The system figure standing for the gold one: overlapping span and same category, then
    any overlapping span, then a figure written exactly as the gold one."""
    start, end = item.span
    overlapping = [f for f in figures if f.start < end and start < f.end]
    for figure in overlapping:
        if figure.category == item.category:
            return figure
    if overlapping:
        return overlapping[0]
    return next((f for f in figures if f.text == item.figure), None)


def score_item(item: KindItem, use_kind_model: bool = True) -> Outcome:
    """Run the extractor on the item's text and read the matched figure's kind and period
    (with `use_kind_model=False`, the kind the rules alone give)."""
    figures = extract_casualties(item.text, split_sentences(item.text), use_kind_model=use_kind_model)
    figure = match_figure(item, figures)
    if figure is None:
        return Outcome(item, MISSED, None)
    return Outcome(item, figure.kind, figure.period)


def _ratio(hits: int, total: int) -> str:
    share = hits / total if total else 0.0
    return f"{share:.3f} ({hits}/{total})"


def summary_line(name: str, outcomes: list[Outcome]) -> str:
    """One line of counts and rates for a file's outcomes."""
    found = [o for o in outcomes if o.system_kind != MISSED]
    correct = sum(o.correct for o in found)
    recalls = []
    for kind in ("statistic", "incident"):
        gold = [o for o in found if o.item.kind == kind]
        recalls.append(f"{kind} recall {_ratio(sum(o.correct for o in gold), len(gold))}")
    return (f"{name}: items {len(outcomes)}, figures found {len(found)}, "
            f"kind accuracy {_ratio(correct, len(found))}, {', '.join(recalls)}")


def error_lines(outcomes: list[Outcome]) -> list[str]:
    """One line per wrong or missed item: id, gold kind, system kind, period, text."""
    return [f"  {o.item.id}\tgold={o.item.kind}\tsystem={o.system_kind}\tperiod={o.period!r}\t{o.item.text}"
            for o in outcomes if not o.correct]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, help="JSONL item files")
    parser.add_argument("--errors", action="store_true", help="list wrong and missed items (not for held-out files)")
    parser.add_argument("--rules-only", action="store_true",
                        help="the rules' kinds alone, without the learned model (analysis/casualties/kind_model.py)")
    args = parser.parse_args(argv)
    if args.errors:
        kept_aside = [str(path) for path in args.files if is_heldout(path)]
        if kept_aside:
            print(f"--errors is refused for held-out file(s): {', '.join(kept_aside)}. "
                  "They are kept aside to measure the rules; list errors on dev.jsonl only.", file=sys.stderr)
            return 2
    for path in args.files:
        try:
            items = load_kind_items(path)
        except (OSError, ItemError) as error:
            print(f"{path}: cannot score: {error}", file=sys.stderr)
            return 1
        outcomes = [score_item(item, use_kind_model=not args.rules_only) for item in items]
        print(summary_line(path.name, outcomes))
        if args.errors:
            print("\n".join(error_lines(outcomes)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

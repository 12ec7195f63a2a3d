"""Score Compare on article pairs with gold statements, omissions and actor identity.

    python bench/score_compare.py                          # the dev pairs
    python bench/score_compare.py --split dev2             # the second development set
    python bench/score_compare.py --split heldout          # the pairs kept aside: score, never tune
    python bench/score_compare.py --split all --errors     # also list every error

Data: tests/data/compare/pairs/<split>.jsonl (two articles per pair, by two outlets, loadable
with `load_corpus`) and <split>.gold.json beside it (format in tests/data/compare/README.md).

Each pair is analysed as a corpus of its own two articles with the offline pipeline
(`analysis.analyze`), then compared as the Compare page does: the two outlets as sides
(`clean_selection`, `build_sides` on source keys, article a's outlet first), the corpus's word
counts as the framing prior, `analysis.compare.compare`. Counts are summed over the pairs
(micro-average). The entity measures of the NER dev set (canonical-entity F1 and the rest) are
bench/score_entities.py's.

Sentences. A gold sentence is named by a snippet that occurs exactly once in its article; it
stands for the system sentence (the `sentences` table) holding the snippet's first character.
A system sentence that holds no snippet (a bad split) is reported as unlabelled.

Alignment. Gold pairs are every (sentence of a, sentence of b) of one gold aligned group, so a
group may be many-to-many; one sentence may sit in several groups. Predicted pairs are every
(side-a member, side-b member) of one statement of `Comparison.statements`. A predicted pair is
right when both its sentences are in one gold group. Partial groups (one sentence only partly
states what the other does) are gold pairs like the others, so a predicted partial pair is
right; recall is printed over all gold pairs (the figure F1 uses) and separately over full and
partial pairs.

Omissions. The predicted omissions are the rows of `Comparison.omissions` (the page's "only one
side"). One is right when its sentence is a gold omission: a sentence whose fact the other side
does not state. A sentence of a partial group is not an omission, so listing it as "only one
side" counts against precision (the other side states part of it).

Entities. Each gold group lists surface forms, as written, of one actor or place; forms of
different groups are different referents. A system mention stands for the gold form whose
occurrence it overlaps most, if it covers at least half of that occurrence. Occurrences are
found at word boundaries, and one inside a longer gold form's occurrence belongs to the longer
form ("United Nations" inside "United Nations Assistance Mission in Afghanistan"); a mention
covering less than half (that "United Nations" cut from the long name) is a fragment and stands
for no form. Scored pairwise over the gold forms the pipeline outputs at least once: two forms
are merged when one canonical entity holds mentions of both; a merge is right when the forms
share a gold group. Precision = right merges / merges, recall = right merges / same-group
pairs of output forms. Gold forms the pipeline never outputs are counted
apart, as are place forms output as PERSON and name fragments whose entity holds a form of
another gold group ("Houthi" cut from "Abdul Malik al-Houthi" and resolved to the Houthis).
Forms no gold group lists are not judged.

Non-entities. Each listed string (or list of variants of one string) must never come out as a
mention: it comes out when a mention's text equals it (case, spacing, a leading "the" and
surrounding punctuation aside). The count of listed strings that come out is printed.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations, product
from pathlib import Path

import pandas as pd

from analysis import analyze, load_corpus
from analysis.compare import (
    Comparison,
    build_sides,
    clean_selection,
    compare,
    source_key,
    term_counts,
)
from analysis.entities.evaluation import Score
from analysis.nlp import build_offline_pipeline
from analysis.result import Analysis

PAIRS = Path(__file__).resolve().parent.parent / "tests" / "data" / "compare" / "pairs"
SPLITS = ("dev", "dev2", "heldout")
SIDES = ("a", "b")

SentenceKey = tuple[str, int]  # (doc_id, sent_id) of a system sentence
SentencePair = tuple[SentenceKey, SentenceKey]  # (side a sentence, side b sentence)


@dataclass(frozen=True)
class GoldPair:
    """One pair's articles and gold, as read from the split's files."""

    pair_id: str
    articles: dict[str, dict]  # side ("a"/"b") -> article record (id, source, title, published, text)
    aligned: list[dict]  # {"a": [snippet...], "b": [snippet...], "partial": bool}
    omissions: dict[str, list[str]]  # side -> snippets
    entities: list[list[str]]  # groups of surface forms, one referent each
    places: list[str]  # forms that name a place (never a person)
    non_entities: list[str | list[str]]  # strings (or variants of one) that are never an entity


@dataclass
class Tally:
    """Counts summed over pairs."""

    align: Score = Score(0, 0, 0)
    align_full: Score = Score(0, 0, 0)
    align_partial: Score = Score(0, 0, 0)
    omissions: Score = Score(0, 0, 0)
    merges: Score = Score(0, 0, 0)
    forms_gold: int = 0
    forms_output: int = 0
    places_as_persons: int = 0
    fragments_misjoined: int = 0
    non_entities_listed: int = 0
    non_entities_output: int = 0
    unlabelled: int = 0


def add(left: Score, right: Score) -> Score:
    return Score(*(x + y for x, y in zip(left.counts(), right.counts())))


# ---------------------------------------------------------------- gold

def load_split(split: str, folder: Path = PAIRS) -> list[GoldPair]:
    """The pairs of one split, each with its two article records."""
    with open(folder / f"{split}.jsonl", encoding="utf-8") as handle:
        records = {r["id"]: r for r in (json.loads(line) for line in handle if line.strip())}
    with open(folder / f"{split}.gold.json", encoding="utf-8") as handle:
        gold = json.load(handle)
    pairs = []
    for item in gold["pairs"]:
        missing = [item[s] for s in SIDES if item[s] not in records]
        if missing:
            raise ValueError(f"{folder / f'{split}.gold.json'}: pair {item['id']} names articles {missing} "
                             f"that {split}.jsonl does not hold")
        pairs.append(GoldPair(item["id"], {s: records[item[s]] for s in SIDES}, item["aligned"], item["omissions"],
                              item["entities"], item.get("places", []), item.get("non_entities", [])))
    return pairs


def locate(text: str, snippet: str) -> int:
    """Offset of `snippet`, which must occur exactly once in `text`."""
    count = text.count(snippet)
    if count != 1:
        raise ValueError(f"snippet {snippet!r} occurs {count} times, not once")
    return text.index(snippet)


def word_occurrences(text: str, form: str) -> list[tuple[int, int]]:
    """Spans of `form` in `text` at word boundaries ("UN" is not inside "UNAMA")."""
    pattern = re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def form_occurrences(text: str, forms: Iterable[str]) -> list[tuple[int, int, str]]:
    """Occurrences of the gold forms in `text`, an occurrence inside a longer one dropped."""
    found = [(start, end, form) for form in set(forms) for start, end in word_occurrences(text, form)]
    found.sort(key=lambda o: (o[0], -(o[1] - o[0])))
    kept: list[tuple[int, int, str]] = []
    for start, end, form in found:
        if any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in found):
            continue
        kept.append((start, end, form))
    return kept


def form_of_mention(occurrences: Sequence[tuple[int, int, str]], start: int, end: int) -> tuple[str | None, bool]:
    """(form, whole): the gold form whose occurrence the mention [start, end) overlaps most, and
    whether the mention covers at least half of it. A mention that does not is a fragment of a
    long name ("United Nations" cut from "United Nations Relief and Works Agency ...") and
    stands for no form."""
    best, best_overlap, whole = None, 0, False
    for s, e, form in occurrences:
        overlap = min(e, end) - max(s, start)
        if overlap > best_overlap:
            best, best_overlap, whole = form, overlap, 2 * overlap >= e - s
    return best, whole


# ---------------------------------------------------------------- metrics

def pair_score(predicted: Iterable[SentencePair], gold: Iterable[SentencePair]) -> Score:
    """Set precision/recall of sentence pairs."""
    predicted, gold = set(predicted), set(gold)
    return Score(len(predicted & gold), len(predicted), len(gold))


def set_score(predicted: Iterable, gold: Iterable) -> Score:
    predicted, gold = set(predicted), set(gold)
    return Score(len(predicted & gold), len(predicted), len(gold))


def predicted_merges(entities_of_form: Mapping[str, set[str]]) -> set[frozenset[str]]:
    """Pairs of forms one canonical entity holds mentions of both."""
    return {frozenset((f, g)) for f, g in combinations(sorted(entities_of_form), 2)
            if entities_of_form[f] & entities_of_form[g]}


def gold_merges(groups: Sequence[Sequence[str]], output_forms: Iterable[str]) -> set[frozenset[str]]:
    """Pairs of output forms that one gold group lists."""
    present = set(output_forms)
    return {frozenset((f, g)) for group in groups for f, g in combinations(sorted(set(group) & present), 2)}


def merge_score(entities_of_form: Mapping[str, set[str]], groups: Sequence[Sequence[str]]) -> Score:
    """Pairwise merge precision/recall over the gold forms the pipeline output."""
    return set_score(predicted_merges(entities_of_form), gold_merges(groups, entities_of_form))


def misjoined_fragments(fragments: Iterable[tuple[str, str, str]], entities_of_form: Mapping[str, set[str]],
                        groups: Sequence[Sequence[str]]) -> list[tuple[str, str, str]]:
    """The fragments (form cut from, mention text, entity) whose entity holds a form of another
    gold group: a piece of one name counted as another actor ("Houthi" cut from "Abdul Malik
    al-Houthi" joining the Houthis)."""
    group_of = {form: k for k, group in enumerate(groups) for form in group}
    return [(cut_from, text, entity) for cut_from, text, entity in fragments
            if any(entity in entities_of_form.get(form, ()) and group_of[form] != group_of.get(cut_from)
                   for form in group_of)]


def normalise_surface(text: str) -> str:
    """A mention's text for comparing with a listed non-entity: case, spacing, a leading "the"
    and surrounding punctuation do not matter."""
    text = " ".join(text.split()).strip(" \"'\u201c\u201d\u2018\u2019.,;:()").casefold()
    return text[4:] if text.startswith("the ") else text


def non_entities_output(mention_texts: Iterable[str], listed: Sequence[str | list[str]]) -> list[str]:
    """The listed non-entities (first variant named) that some mention's text equals."""
    seen = {normalise_surface(t) for t in mention_texts}
    hits = []
    for entry in listed:
        variants = [entry] if isinstance(entry, str) else list(entry)
        if any(normalise_surface(v) in seen for v in variants):
            hits.append(variants[0])
    return hits


# ---------------------------------------------------------------- system

@dataclass(frozen=True)
class SystemPair:
    """One pair as the pipeline and Compare see it."""

    result: Analysis
    comparison: Comparison
    doc_ids: dict[str, str]  # side -> doc_id


def run_pair(pair: GoldPair, documents: Mapping[str, object], nlp) -> SystemPair:
    """Analyse the pair as a corpus and compare its two outlets, as the Compare page does."""
    docs = [documents[pair.articles[s]["text"]] for s in SIDES]
    result = analyze(docs, nlp=nlp)
    keys = [source_key(pair.articles[s]["source"]) for s in SIDES]
    kept, dropped = clean_selection(keys, result.documents)
    if dropped:
        raise ValueError(f"pair {pair.pair_id}: outlets {dropped} do not make two sides")
    sides = build_sides(kept, result.documents)
    texts = {d.doc_id: d.text for d in docs}
    comparison = compare(result, sides, texts, term_counts(texts.values()))
    return SystemPair(result, comparison, {s: docs[i].doc_id for i, s in enumerate(SIDES)})


def sentence_at(sentences: pd.DataFrame, doc_id: str, offset: int) -> SentenceKey:
    rows = sentences[(sentences["doc_id"] == doc_id) & (sentences["start"] <= offset) & (sentences["end"] > offset)]
    if rows.empty:
        raise ValueError(f"{doc_id}: no sentence holds offset {offset}")
    return doc_id, int(rows["sent_id"].iloc[0])


def snippet_sentence(pair: GoldPair, system: SystemPair, side: str, snippet: str) -> SentenceKey:
    article = pair.articles[side]
    try:
        offset = locate(article["text"], snippet)
    except ValueError as error:
        raise ValueError(f"pair {pair.pair_id}, article {article['id']}: {error}") from None
    return sentence_at(system.result.sentences, system.doc_ids[side], offset)


def gold_pairs(pair: GoldPair, system: SystemPair) -> tuple[set[SentencePair], set[SentencePair]]:
    """(full pairs, partial pairs) in system sentences; a pair in both counts as full."""
    full: set[SentencePair] = set()
    partial: set[SentencePair] = set()
    for group in pair.aligned:
        left = [snippet_sentence(pair, system, "a", s) for s in group["a"]]
        right = [snippet_sentence(pair, system, "b", s) for s in group["b"]]
        (partial if group.get("partial") else full).update(product(left, right))
    return full, partial - full


def system_pairs(system: SystemPair) -> set[SentencePair]:
    """Every (side-0, side-1) sentence pair that shares a statement."""
    members: dict[int, dict[int, list[SentenceKey]]] = defaultdict(lambda: defaultdict(list))
    for side, doc_id, sent_id, statement in system.comparison.statements[
            ["side", "doc_id", "sent_id", "statement"]].itertuples(index=False):
        members[int(statement)][int(side)].append((str(doc_id), int(sent_id)))
    return {p for by_side in members.values() for p in product(by_side.get(0, []), by_side.get(1, []))}


@dataclass(frozen=True)
class FormMentions:
    """What the pipeline made of the gold forms of one pair."""

    entities: dict[str, set[str]]  # gold form -> canonical entities of the mentions standing for it
    labels: dict[str, set[str]]  # gold form -> labels of those mentions
    fragments: list[tuple[str, str, str]]  # (form cut from, mention text, entity) of name fragments


def entities_of_forms(pair: GoldPair, system: SystemPair) -> FormMentions:
    forms = [f for group in pair.entities for f in group]
    entities: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, set[str]] = defaultdict(set)
    fragments: list[tuple[str, str, str]] = []
    mentions = system.result.mentions
    for side in SIDES:
        occurrences = form_occurrences(pair.articles[side]["text"], forms)
        own = mentions[mentions["doc_id"] == system.doc_ids[side]]
        for start, end, text, label, entity in own[["start", "end", "text", "label", "entity"]].itertuples(index=False):
            form, whole = form_of_mention(occurrences, int(start), int(end))
            if form is None:
                continue
            if whole:
                entities[form].add(str(entity))
                labels[form].add(str(label))
            else:
                fragments.append((form, str(text), str(entity)))
    return FormMentions(dict(entities), dict(labels), fragments)


# ---------------------------------------------------------------- report

def score_pair(pair: GoldPair, system: SystemPair, tally: Tally, show_errors: bool) -> None:
    full, partial = gold_pairs(pair, system)
    predicted = system_pairs(system)
    tally.align = add(tally.align, pair_score(predicted, full | partial))
    tally.align_full = add(tally.align_full, pair_score(predicted & full, full))
    tally.align_partial = add(tally.align_partial, pair_score(predicted & partial, partial))

    gold_omitted = {snippet_sentence(pair, system, s, snippet) for s in SIDES for snippet in pair.omissions[s]}
    omitted = {(str(d), int(s)) for d, s in system.comparison.omissions[["doc_id", "sent_id"]].itertuples(index=False)}
    tally.omissions = add(tally.omissions, set_score(omitted, gold_omitted))

    found = entities_of_forms(pair, system)
    entities, labels = found.entities, found.labels
    misjoined = misjoined_fragments(found.fragments, entities, pair.entities)
    tally.fragments_misjoined += len(misjoined)
    tally.merges = add(tally.merges, merge_score(entities, pair.entities))
    tally.forms_gold += len({f for group in pair.entities for f in group})
    tally.forms_output += len(entities)
    wrong_places = sorted(f for f in pair.places if "PERSON" in labels.get(f, set()))
    tally.places_as_persons += len(wrong_places)
    hits = non_entities_output(system.result.mentions["text"].astype(str), pair.non_entities)
    tally.non_entities_listed += len(pair.non_entities)
    tally.non_entities_output += len(hits)

    labelled = {snippet_sentence(pair, system, s, snippet) for group in pair.aligned for s in SIDES
                for snippet in group[s]} | gold_omitted
    sentences = system.result.sentences
    unlabelled = [(str(d), int(i)) for d, i in sentences[["doc_id", "sent_id"]].itertuples(index=False)
                  if (str(d), int(i)) not in labelled]
    tally.unlabelled += len(unlabelled)
    if show_errors:
        print_errors(pair, system, full, partial, predicted, gold_omitted, omitted, entities, wrong_places, hits,
                     unlabelled, misjoined)


def _text(system: SystemPair, key: SentenceKey) -> str:
    rows = system.comparison.sentences
    row = rows[(rows["doc_id"] == key[0]) & (rows["sent_id"] == key[1])]
    return str(row["text"].iloc[0]) if len(row) else "?"


def _short(text: str, width: int = 110) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def print_errors(pair: GoldPair, system: SystemPair, full: set[SentencePair], partial: set[SentencePair],
                 predicted: set[SentencePair], gold_omitted: set[SentenceKey], omitted: set[SentenceKey],
                 entities: Mapping[str, set[str]], wrong_places: list[str], hits: list[str],
                 unlabelled: list[SentenceKey], misjoined: list[tuple[str, str, str]]) -> None:
    print(f"\n-- {pair.pair_id}")
    rows = system.comparison.sentences.set_index(["doc_id", "sent_id"])
    for a, b in sorted((full | partial) - predicted):
        kind = "partial" if (a, b) in partial else "full"
        near_a, near_b = rows.at[a, "best_similarity"], rows.at[b, "best_similarity"]
        print(f"  missed pair ({kind}, best similarity a {near_a:.2f}, b {near_b:.2f})")
        print(f"      a: {_short(_text(system, a))}\n      b: {_short(_text(system, b))}")
    for a, b in sorted(predicted - full - partial):
        print(f"  false pair\n      a: {_short(_text(system, a))}\n      b: {_short(_text(system, b))}")
    for key in sorted(omitted - gold_omitted):
        print(f"  false omission (nearest {rows.at[key, 'best_similarity']:.2f}): {_short(_text(system, key))}")
        print(f"      nearest: {_short(str(rows.at[key, 'nearest_text']))}")
    for key in sorted(gold_omitted - omitted):
        print(f"  omission not listed: {_short(_text(system, key))}")
    wrong = predicted_merges(entities)
    right = gold_merges(pair.entities, entities)
    for merge in sorted(map(sorted, right - wrong)):
        print(f"  not merged: {merge[0]!r} {sorted(entities[merge[0]])} / {merge[1]!r} {sorted(entities[merge[1]])}")
    for merge in sorted(map(sorted, wrong - right)):
        print(f"  false merge: {merge[0]!r} / {merge[1]!r} -> {sorted(entities[merge[0]] & entities[merge[1]])}")
    never = sorted({f for group in pair.entities for f in group} - set(entities))
    if never:
        print(f"  gold forms never output: {never}")
    for cut_from, text, entity in misjoined:
        print(f"  fragment {text!r} of {cut_from!r} counted as another actor: {entity!r}")
    for form in wrong_places:
        print(f"  place output as PERSON: {form!r}")
    for hit in hits:
        print(f"  non-entity output as an entity: {hit!r}")
    for key in unlabelled:
        print(f"  sentence no snippet labels (a bad split?): {_short(_text(system, key))}")


def _figures(score: Score) -> str:
    return f"P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f} (tp {score.true_positives}, " \
           f"pred {score.predicted}, gold {score.gold})"


def score_split(split: str, show_errors: bool, nlp) -> Tally:
    path = PAIRS / f"{split}.jsonl"
    pairs = load_split(split)
    loaded = load_corpus([path])
    if loaded.errors:
        raise ValueError("; ".join(f"{p}: {reason}" for p, reason in loaded.errors))
    documents = {doc.text: doc for doc in loaded.documents}
    tally = Tally()
    for pair in pairs:
        for side in SIDES:
            if pair.articles[side]["text"] not in documents:
                raise ValueError(f"{path}: article {pair.articles[side]['id']} was not loaded with its text unchanged")
        score_pair(pair, run_pair(pair, documents, nlp), tally, show_errors)
    print(f"\n== {split}: {len(pairs)} pairs")
    print(f"alignment  {_figures(tally.align)}")
    print(f"           recall on full pairs {tally.align_full.recall:.3f} ({tally.align_full.true_positives}/"
          f"{tally.align_full.gold}), on partial pairs {tally.align_partial.recall:.3f} "
          f"({tally.align_partial.true_positives}/{tally.align_partial.gold})")
    print(f"omissions  {_figures(tally.omissions)}")
    print(f"merges     {_figures(tally.merges)}; gold forms output {tally.forms_output}/{tally.forms_gold}, "
          f"places output as PERSON {tally.places_as_persons}, "
          f"name fragments counted as another actor {tally.fragments_misjoined}")
    print(f"non-entities output as entities {tally.non_entities_output}/{tally.non_entities_listed}; "
          f"sentences no snippet labels {tally.unlabelled}")
    print(f"summary {split}: align P {tally.align.precision:.2f} R {tally.align.recall:.2f} F1 {tally.align.f1:.2f} | "
          f"omission P {tally.omissions.precision:.2f} R {tally.omissions.recall:.2f} | "
          f"merge P {tally.merges.precision:.2f} R {tally.merges.recall:.2f} | "
          f"non-entities {tally.non_entities_output}")
    return tally


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="dev",
                        help="dev and dev2 (tune on them), heldout (kept aside) or all")
    parser.add_argument("--errors", action="store_true",
                        help="list missed and false pairs, false and missed omissions, merge errors, non-entities")
    args = parser.parse_args(argv)
    nlp = build_offline_pipeline()
    for split in SPLITS if args.split == "all" else (args.split,):
        score_split(split, args.errors, nlp)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

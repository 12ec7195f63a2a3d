"""Score the NLP pipeline on the entity dev set and measure its throughput.

    python bench/score_entities.py                 # dev and held-out scores + throughput
    python bench/score_entities.py --errors dev    # also list misses and false alarms
    python bench/score_entities.py --articles 3000 # size of the throughput corpus

Prints mention-level precision/recall/F1 (overlap match, labelled and unlabelled, and by
label), canonical-entity F1 (alias groups, see analysis.entities.evaluation) per split, and
the pipeline's speed in words per second on a corpus of synthetic articles assembled from
the dev-set paragraphs. Uses the offline pipeline unless --pipeline names another.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import pandas as pd

from analysis.entities import build_entity_tables
from analysis.entities.evaluation import (
    Span,
    entity_score,
    gold_spans,
    load_devset,
    match_mentions,
    mention_score,
    mention_score_by_label,
    predict_spans,
)
from analysis.nlp import find_mentions, load_pipeline, pipeline_description

DEVSET = Path(__file__).resolve().parent.parent / "tests" / "data" / "entities" / "devset.jsonl"


def report(name: str, records: list[dict], predicted: list[Span], show_errors: bool) -> dict:
    gold = gold_spans(records)
    labelled = mention_score(predicted, gold, labelled=True)
    unlabelled = mention_score(predicted, gold, labelled=False)
    entities = entity_score(predicted, gold)
    print(f"\n== {name}: {len(records)} articles, {sum(r['paragraphs'] for r in records)} paragraphs")
    print(f"mentions, overlap + label : {labelled}")
    print(f"mentions, overlap only    : {unlabelled}")
    for label, score in mention_score_by_label(predicted, gold).items():
        print(f"   {label:<8} {score}")
    print(f"canonical entities        : {entities}")
    if show_errors:
        _print_errors(records, predicted, gold)
    return {"mention_f1": labelled.f1, "mention_f1_unlabelled": unlabelled.f1, "entity_f1": entities.f1}


def _print_errors(records, predicted, gold) -> None:
    texts = {r["doc_id"]: r["text"] for r in records}
    pairs = match_mentions(predicted, gold, labelled=True)
    hit_p = {i for i, _ in pairs}
    hit_g = {j for _, j in pairs}
    print("-- false alarms / wrong label")
    for i, p in enumerate(predicted):
        if i not in hit_p:
            print(f"   {p.doc_id}: {texts[p.doc_id][p.start:p.end]!r} {p.label}")
    print("-- misses / wrong label")
    for j, g in enumerate(gold):
        if j not in hit_g:
            print(f"   {g.doc_id}: {texts[g.doc_id][g.start:g.end]!r} {g.label}")
    print("-- gold entities not found as one predicted entity")
    pairs_any = match_mentions(predicted, gold, labelled=False)
    pred_of = {j: predicted[i].entity for i, j in pairs_any}
    gold_members: dict[str, list[int]] = {}
    for j, g in enumerate(gold):
        gold_members.setdefault(g.entity, []).append(j)
    pred_members: dict[str, set[str]] = {}
    for i, j in pairs_any:
        pred_members.setdefault(predicted[i].entity, set()).add(gold[j].entity)
    for entity, members in sorted(gold_members.items()):
        preds = {pred_of.get(j) for j in members}
        if len(preds) == 1 and None not in preds and pred_members.get(next(iter(preds))) == {entity}:
            continue
        forms = sorted({texts[gold[j].doc_id][gold[j].start:gold[j].end] for j in members})
        print(f"   {entity}: {forms} -> {sorted(map(str, preds))}")
    print("-- predicted entity groups")
    groups: dict[str, set[str]] = {}
    for p in predicted:
        groups.setdefault(p.entity, set()).add(texts[p.doc_id][p.start:p.end])
    for entity, forms in sorted(groups.items()):
        if len(forms) > 1:
            print(f"   {entity}: {sorted(forms)}")


def synthetic_corpus(records: list[dict], articles: int, seed: int = 7) -> list[str]:
    """Articles of 6-12 paragraphs drawn at random from the dev-set paragraphs."""
    rng = random.Random(seed)
    paragraphs = [p for r in records for p in r["text"].split("\n\n")]
    return ["\n\n".join(rng.choices(paragraphs, k=rng.randint(6, 12))) for _ in range(articles)]


def tokenizer_rate(nlp, texts: list[str]) -> float:
    """Words per second of spaCy's tokenizer alone on the same texts: the reference that
    makes a figure comparable on a busy machine."""
    words = sum(len(t.split()) for t in texts)
    started = time.perf_counter()
    for _ in nlp.tokenizer.pipe(texts):
        pass
    return words / (time.perf_counter() - started)


def throughput(nlp, texts: list[str]) -> tuple[float, float, float]:
    """Words per second of find_mentions, of mentions + entity resolution, and of
    find_mentions per second of this process's CPU time (steadier on a shared machine)."""
    words = sum(len(t.split()) for t in texts)
    started, cpu_started = time.perf_counter(), time.process_time()
    found = find_mentions(nlp, texts)
    ner_seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    rows = [
        {"doc_id": str(d), "sent_id": 0, "start": m.start, "end": m.end, "text": m.text, "label": m.label}
        for d, ms in enumerate(found) for m in ms
    ]
    started = time.perf_counter()
    build_entity_tables(
        pd.DataFrame(rows),
        pd.DataFrame({"doc_id": [str(d) for d in range(len(texts))], "sent_id": 0, "compound": 0.0}),
        pd.DataFrame({"doc_id": [str(d) for d in range(len(texts))], "source": "s"}),
    )
    resolve_seconds = time.perf_counter() - started
    return words / ner_seconds, words / (ner_seconds + resolve_seconds), words / cpu_seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pipeline", default="parallax-offline", help="pipeline name (default: the offline one)")
    parser.add_argument("--errors", choices=["dev", "heldout", "all"], help="list the errors of one split")
    parser.add_argument("--devset", type=Path, default=DEVSET, help="JSONL with gold mentions")
    parser.add_argument("--articles", type=int, default=2000, help="synthetic articles for the speed test (0: skip)")
    args = parser.parse_args()

    started = time.perf_counter()
    nlp = load_pipeline(args.pipeline)
    print(f"pipeline: {pipeline_description(nlp, requested=args.pipeline)} (loaded in {time.perf_counter() - started:.1f}s)")
    records = load_devset(args.devset)
    for split in ("dev", "heldout", "all"):
        chosen = [r for r in records if split == "all" or r["split"] == split]
        if not chosen:
            continue
        report(split, chosen, predict_spans(nlp, chosen), show_errors=args.errors == split)
    if args.articles:
        texts = synthetic_corpus([r for r in records if r["split"] == "dev"] or records, args.articles)
        words = sum(len(t.split()) for t in texts)
        find_mentions(nlp, texts[:20])  # warm the tokenizer cache as a long run would
        ner_rate, total_rate, cpu_rate = throughput(nlp, texts)
        reference = tokenizer_rate(nlp, texts)
        print(f"\nthroughput on {len(texts)} synthetic articles ({words} words): "
              f"{ner_rate:,.0f} words/s mentions ({cpu_rate:,.0f} per CPU second); "
              f"{total_rate:,.0f} words/s with entity resolution; "
              f"spaCy tokenizer alone {reference:,.0f} words/s (ratio {reference / ner_rate:.2f})")


if __name__ == "__main__":
    main()

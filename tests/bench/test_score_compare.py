"""The Compare scorer's arithmetic on hand-made cases, and the gold of tests/data/compare/pairs
checked against its own articles."""

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from analysis.segmentation import split_sentences

ROOT = Path(__file__).resolve().parents[2]
PAIRS = ROOT / "tests" / "data" / "compare" / "pairs"
SPLITS = ("dev", "dev2", "heldout")


@pytest.fixture(scope="module")
def scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score_compare", ROOT / "bench" / "score_compare.py")
    module = sys.modules.setdefault(spec.name, importlib.util.module_from_spec(spec))  # dataclasses look it up
    spec.loader.exec_module(module)
    return module


def _occurs(text: str, form: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text) is not None


# ---------------------------------------------------------------- the gold

def test_the_splits_hold_enough_pairs_of_two_outlets_each(scorer) -> None:  # type: ignore[no-untyped-def]
    pairs = {split: scorer.load_split(split) for split in SPLITS}
    assert len(pairs["dev"]) >= 8 and len(pairs["dev2"]) >= 8 and len(pairs["heldout"]) >= 4
    ids = [p.pair_id for split in SPLITS for p in pairs[split]]
    assert len(ids) == len(set(ids))
    for split in SPLITS:
        lines = [json.loads(line) for line in (PAIRS / f"{split}.jsonl").read_text(encoding="utf-8").splitlines()
                 if line.strip()]
        assert sorted(r["id"] for r in lines) == sorted(p.articles[s]["id"] for p in pairs[split] for s in "ab")
        for pair in pairs[split]:
            a, b = pair.articles["a"], pair.articles["b"]
            assert a["source"] != b["source"], pair.pair_id
            assert a["pair"] == b["pair"] == pair.pair_id
            assert a["text"] != b["text"]


@pytest.mark.parametrize("split", SPLITS)
def test_every_sentence_snippet_occurs_once_on_a_valid_side(scorer, split: str) -> None:  # type: ignore[no-untyped-def]
    for pair in scorer.load_split(split):
        for group in pair.aligned:
            assert set(group) <= {"a", "b", "partial"}, pair.pair_id
            assert group["a"] and group["b"], pair.pair_id
            assert isinstance(group.get("partial", False), bool)
        assert set(pair.omissions) <= {"a", "b"}, pair.pair_id
        snippets = [(side, s) for group in pair.aligned for side in "ab" for s in group[side]]
        snippets += [(side, s) for side in pair.omissions for s in pair.omissions[side]]
        for side, snippet in snippets:
            assert pair.articles[side]["text"].count(snippet) == 1, (pair.pair_id, side, snippet)


@pytest.mark.parametrize("split", SPLITS)
def test_every_sentence_is_aligned_or_omitted_never_both(scorer, split: str) -> None:  # type: ignore[no-untyped-def]
    for pair in scorer.load_split(split):
        for side in "ab":
            text = pair.articles[side]["text"]
            sentences = split_sentences(text)

            def sentence_of(snippet: str, text: str = text, sentences: list = sentences) -> int:
                offset = text.index(snippet)
                return next(s.sent_id for s in sentences if s.start <= offset < s.end)

            aligned = {sentence_of(s) for group in pair.aligned for s in group[side]}
            omitted = [sentence_of(s) for s in pair.omissions.get(side, [])]
            assert len(omitted) == len(set(omitted)), (pair.pair_id, side)
            assert not aligned & set(omitted), (pair.pair_id, side)
            assert aligned | set(omitted) == {s.sent_id for s in sentences}, (pair.pair_id, side)


@pytest.mark.parametrize("split", SPLITS)
def test_entity_forms_are_written_in_the_pair_and_name_one_referent(  # type: ignore[no-untyped-def]
        scorer, split: str) -> None:
    for pair in scorer.load_split(split):
        texts = [pair.articles[s]["text"] for s in "ab"]
        forms = [f for group in pair.entities for f in group]
        assert len(forms) == len(set(forms)), pair.pair_id
        for form in forms:
            assert any(_occurs(t, form) for t in texts), (pair.pair_id, form)
        assert set(pair.places) <= set(forms), pair.pair_id
        for entry in pair.non_entities:
            variants = [entry] if isinstance(entry, str) else entry
            assert any(v in t for v in variants for t in texts), (pair.pair_id, entry)
            assert not set(variants) & set(forms), (pair.pair_id, entry)


# ---------------------------------------------------------------- the arithmetic

def test_sentence_pairs_score_as_sets(scorer) -> None:  # type: ignore[no-untyped-def]
    a1, a2, b1, b2, b3 = ("a", 1), ("a", 2), ("b", 1), ("b", 2), ("b", 3)
    score = scorer.pair_score([(a1, b1), (a2, b3), (a1, b1)], [(a1, b1), (a2, b2)])
    assert score.counts() == (1, 2, 2)
    assert score.precision == pytest.approx(0.5) and score.recall == pytest.approx(0.5)


def _sentences(doc_id: str, text: str) -> pd.DataFrame:
    return pd.DataFrame([{"doc_id": doc_id, "sent_id": s.sent_id, "start": s.start, "end": s.end, "text": s.text}
                         for s in split_sentences(text)])


def test_gold_groups_give_every_combination_and_partial_pairs_apart(scorer) -> None:  # type: ignore[no-untyped-def]
    text_a = "Shells hit the market. Nine people died there. The mayor condemned it."
    text_b = "Shelling killed nine at the market. The governor and the mayor condemned the attack."
    pair = scorer.GoldPair(
        "p", {"a": {"id": "p-a", "text": text_a}, "b": {"id": "p-b", "text": text_b}},
        [{"a": ["Shells hit", "Nine people"], "b": ["Shelling killed"], "partial": False},
         {"a": ["The mayor"], "b": ["The governor"], "partial": True}],
        {"a": [], "b": []}, [], [], [])
    sentences = pd.concat([_sentences("A", text_a), _sentences("B", text_b)])
    system = scorer.SystemPair(SimpleNamespace(sentences=sentences), None, {"a": "A", "b": "B"})
    full, partial = scorer.gold_pairs(pair, system)
    assert full == {(("A", 0), ("B", 0)), (("A", 1), ("B", 0))}
    assert partial == {(("A", 2), ("B", 1))}


def test_a_statement_gives_every_pair_of_its_two_sides(scorer) -> None:  # type: ignore[no-untyped-def]
    statements = pd.DataFrame({"side": [0, 0, 1, 0, 1], "doc_id": ["A", "A", "B", "A", "B"],
                               "sent_id": [0, 1, 4, 3, 2], "statement": [1, 1, 1, 2, 2]})
    system = scorer.SystemPair(None, SimpleNamespace(statements=statements), {"a": "A", "b": "B"})
    assert scorer.system_pairs(system) == {(("A", 0), ("B", 4)), (("A", 1), ("B", 4)), (("A", 3), ("B", 2))}


def test_form_occurrences_keep_word_boundaries_and_the_longest_form(scorer) -> None:  # type: ignore[no-untyped-def]
    text = "The United Nations Assistance Mission in Afghanistan (UNAMA) and the UN spoke in Afghanistan."
    forms = ["United Nations Assistance Mission in Afghanistan", "United Nations", "UN", "UNAMA", "Afghanistan"]
    found = {(text[s:e], form) for s, e, form in scorer.form_occurrences(text, forms)}
    assert found == {("United Nations Assistance Mission in Afghanistan", forms[0]), ("UNAMA", "UNAMA"),
                     ("UN", "UN"), ("Afghanistan", "Afghanistan")}
    occurrences = scorer.form_occurrences(text, forms)
    start = text.index("United")
    # "Dr."-style extra words around a form still stand for it; a short piece of a long name does not.
    assert scorer.form_of_mention(occurrences, start - 4, start + 52) == (forms[0], True)
    assert scorer.form_of_mention(occurrences, start, start + len("United Nations")) == (forms[0], False)
    assert scorer.form_of_mention(occurrences, 0, 3) == (None, False)


def test_merges_score_pairwise_over_the_forms_output(scorer) -> None:  # type: ignore[no-untyped-def]
    groups = [["UN", "United Nations"], ["UNAMA", "United Nations Assistance Mission in Afghanistan"],
              ["Recep Tayyip Erdoğan", "Erdogan"], ["Kandahar"], ["Nazifa Rahimi"]]
    entities = {"UN": {"e1"}, "United Nations": {"e1"}, "UNAMA": {"e2"}, "Recep Tayyip Erdoğan": {"e3"},
                "Erdogan": {"e4", "e3"}, "Kandahar": {"e5"}, "Nazifa Rahimi": {"e5"}}
    # Right: UN/United Nations, Erdoğan/Erdogan; wrong: Kandahar/Nazifa Rahimi. The UNAMA pair is
    # not counted: its long form was never output.
    score = scorer.merge_score(entities, groups)
    assert score.counts() == (2, 3, 2)
    split = scorer.merge_score({**entities, "Erdogan": {"e4"}}, groups)
    assert split.counts() == (1, 2, 2)


def test_a_fragment_counts_only_when_it_joins_another_actor(scorer) -> None:  # type: ignore[no-untyped-def]
    groups = [["Houthis"], ["Abdul Malik al-Houthi"], ["UNRWA", "United Nations Relief and Works Agency"]]
    entities = {"Houthis": {"Houthis"}, "Abdul Malik al-Houthi": {"Abdul Malik"}, "UNRWA": {"UNRWA"}}
    fragments = [("Abdul Malik al-Houthi", "Houthi", "Houthis"),
                 ("United Nations Relief and Works Agency", "Relief and Works Agency", "UNRWA"),
                 ("United Nations Relief and Works Agency", "United Nations", "United Nations")]
    assert scorer.misjoined_fragments(fragments, entities, groups) == [fragments[0]]


def test_non_entities_match_whole_mentions_only(scorer) -> None:  # type: ignore[no-untyped-def]
    mentions = ["the Refugees", "Kandahar Sunday ", "UN High Commissioner for Refugees", "Tayyip Erdogan Tuesday"]
    listed = ["Refugees", ["Erdogan Tuesday", "Tayyip Erdogan Tuesday"], "Kandahar Sunday", "and the"]
    assert scorer.non_entities_output(mentions, listed) == ["Refugees", "Erdogan Tuesday", "Kandahar Sunday"]


def test_a_snippet_must_occur_exactly_once(scorer) -> None:  # type: ignore[no-untyped-def]
    assert scorer.locate("One. Two. Three.", "Two") == 5
    with pytest.raises(ValueError, match="0 times"):
        scorer.locate("One. Two.", "Four")
    with pytest.raises(ValueError, match="2 times"):
        scorer.locate("Two. Two.", "Two")


def test_gold_naming_a_missing_article_is_refused_with_the_file(  # type: ignore[no-untyped-def]
        scorer, tmp_path: Path) -> None:
    (tmp_path / "dev.jsonl").write_text(json.dumps({"id": "p-a", "source": "X", "text": "One."}) + "\n",
                                        encoding="utf-8")
    gold = {"pairs": [{"id": "p", "a": "p-a", "b": "p-b", "aligned": [], "omissions": {"a": [], "b": []},
                       "entities": []}]}
    (tmp_path / "dev.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    with pytest.raises(ValueError, match=r"dev\.gold\.json: pair p names articles \['p-b'\]"):
        scorer.load_split("dev", tmp_path)


def test_one_dev_pair_scores_every_gold_sentence_once(scorer) -> None:  # type: ignore[no-untyped-def]
    from analysis import load_corpus
    from analysis.nlp import build_offline_pipeline

    pair = next(p for p in scorer.load_split("dev") if p.pair_id == "kandahar-wedding-bus")
    documents = {d.text: d for d in load_corpus([PAIRS / "dev.jsonl"]).documents}
    system = scorer.run_pair(pair, documents, build_offline_pipeline())
    assert [side.source for side in system.comparison.sides] == [pair.articles["a"]["source"],
                                                               pair.articles["b"]["source"]]
    tally = scorer.Tally()
    scorer.score_pair(pair, system, tally, show_errors=False)
    assert tally.align.gold == len(pair.aligned)
    assert tally.omissions.gold == sum(len(v) for v in pair.omissions.values())
    assert tally.unlabelled == 0
    assert tally.align.predicted == system.comparison.n_statements  # two sides: one pair per statement
    assert tally.omissions.predicted == len(system.comparison.omissions)

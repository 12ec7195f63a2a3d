"""The whole comparison on the test corpus (four sides) and on the seeds (two)."""

from analysis.compare import build_sides, compare
from analysis.compare.statements import omissions

KEYS = ["a:horn_wire", "a:mogadishu_monitor", "a:horn_tribune", "a:ea_observer"]


def test_four_sides(dev_result, dev_texts):
    comparison = compare(dev_result, build_sides(KEYS, dev_result.documents), dev_texts)
    assert comparison.n_statements >= 5
    lead = comparison.statements[comparison.statements["n_sides"] == 4]
    assert set(lead["label"]) == {"Horn Wire", "Mogadishu Monitor", "Horn Tribune", "East Africa Observer"}
    summary = " ".join(comparison.summary)
    assert summary.startswith("The 4 sides share")
    assert "Only Horn Tribune reports" in summary
    assert "Fri 8 Mar 2024" in summary and "12 killed" in summary
    assert "Khawarij" in summary or "Islamist insurgents" in summary
    assert "Mogadishu Monitor is the most negative" in summary
    only = comparison.omissions
    assert only["text"].str.contains("I saw the smoke").any()
    assert not only["text"].str.contains("Bakara market reopened").any()
    assert (comparison.overlap["share"].between(0, 1)).all()


def test_sources_as_sides_equal_articles_when_each_source_has_one(dev_result, dev_texts):
    by_article = compare(dev_result, build_sides(KEYS, dev_result.documents), dev_texts)
    by_source = compare(dev_result, build_sides(
        ["s:Horn Wire", "s:Mogadishu Monitor", "s:Horn Tribune", "s:East Africa Observer"], dev_result.documents),
        dev_texts)
    assert by_article.n_statements == by_source.n_statements
    assert len(omissions(by_article.sentences)) == len(omissions(by_source.sentences))


def test_the_seeds(seeds_result, seeds_corpus):
    texts = {d.doc_id: d.text for d in seeds_corpus}
    keys = [f"a:{d}" for d in seeds_result.documents["doc_id"]]
    comparison = compare(seeds_result, build_sides(keys, seeds_result.documents), texts)
    assert len(comparison.sentences) == len(seeds_result.sentences)
    assert comparison.summary[0].endswith(".")
    named = comparison.coverage[comparison.coverage["named_by"] == "all"]["entity"]
    assert {"Taliban", "Turkey"} <= set(named)
    assert "terror group" in set(comparison.epithets["phrase"])  # Continental Defence's word
    assert len(comparison.tone) == 2


def test_framing_alone_follows_the_prior(dev_result, dev_texts):
    """A comparison kept while only its prior changes (a store page's filters) equals the one
    computed afresh with the new prior."""
    import dataclasses

    import pandas as pd

    from analysis.compare import term_counts
    from analysis.compare.core import compare_unframed, with_framing

    sides = build_sides(KEYS, dev_result.documents)
    prior = term_counts(["Militants stormed the market; militants fled."] * 5)
    unframed = compare_unframed(dev_result, sides, dev_texts)
    assert unframed.framing.empty
    kept, fresh = with_framing(unframed, dev_texts, prior), compare(dev_result, sides, dev_texts, prior)
    for field in dataclasses.fields(fresh):
        mine, theirs = getattr(kept, field.name), getattr(fresh, field.name)
        if isinstance(theirs, pd.DataFrame):
            pd.testing.assert_frame_equal(mine, theirs)
        else:
            assert mine == theirs, field.name
    assert not kept.framing.equals(with_framing(unframed, dev_texts, None).framing)  # the prior counts
    wider = [dataclasses.replace(side, available=9) for side in sides]
    assert [s.available for s in with_framing(unframed, dev_texts, prior, wider).sides] == [9] * 4


def test_each_statement_carries_its_tone_spread_and_the_figures_its_sides_give(dev_result, dev_texts):
    statements = compare(dev_result, build_sides(KEYS, dev_result.documents), dev_texts).statements
    for _, group in statements.groupby("statement"):
        assert (group["tone_spread"] == group["compound"].max() - group["compound"].min()).all()
        assert group["figures_differ"].nunique() == 1  # one finding per statement, on each of its rows
    lead = statements[statements["n_sides"] == 4]
    assert lead["figures_differ"].str.startswith(
        "killed: Horn Wire 15; Mogadishu Monitor 12; Horn Tribune 20; East Africa Observer 18").all()

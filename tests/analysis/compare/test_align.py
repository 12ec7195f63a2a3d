"""Statement alignment: measured against the hand alignment of the test corpus, and its rules."""

from itertools import combinations

from analysis.compare.align import MATCH_THRESHOLD, Unit, align
from analysis.compare.explain import OMISSION_CEILING
from analysis.segmentation import split_sentences


def _units(documents):
    return [Unit(i, d.doc_id, s.sent_id, s.text) for i, d in enumerate(documents) for s in split_sentences(d.text)]


def _gold_group(unit, groups):
    for number, group in enumerate(groups):
        if unit.doc_id in group and group[unit.doc_id] in unit.text:
            return number
    return None


def test_every_gold_snippet_names_one_sentence(dev_corpus, gold_groups):
    units = _units(dev_corpus)
    for group in gold_groups:
        for doc_id, snippet in group.items():
            assert sum(1 for u in units if u.doc_id == doc_id and snippet in u.text) == 1, snippet


def test_alignment_precision_and_recall_on_the_test_corpus(dev_corpus, gold_groups):
    units = _units(dev_corpus)
    result = align(units)
    predicted = {frozenset((i, j)) for group in result.members for i in group for j in group
                 if i < j and units[i].side != units[j].side}
    gold = {frozenset((i, j)) for i, j in combinations(range(len(units)), 2) if units[i].side != units[j].side
            and _gold_group(units[i], gold_groups) is not None
            and _gold_group(units[i], gold_groups) == _gold_group(units[j], gold_groups)}
    correct = len(predicted & gold)
    precision, recall = correct / len(predicted), correct / len(gold)
    assert precision >= 0.90, precision  # measured 0.95 (text only, no entity ids here)
    assert recall >= 0.85, recall  # measured 0.95; wording alone (TF-IDF) reached 0.74
    listed_as_omissions = {i for i in range(len(units))
                           if result.statement[i] is None and result.best[i] < OMISSION_CEILING}
    only_one_side = {i for i, u in enumerate(units) if _gold_group(u, gold_groups) is None}
    assert listed_as_omissions <= only_one_side


def test_a_statement_holds_at_most_one_sentence_per_side():
    units = [Unit(0, "a", 0, "Rebels shelled the port city on Monday, killing nine civilians."),
             Unit(0, "a", 1, "Rebels shelled the port city again on Monday, killing nine civilians."),
             Unit(1, "b", 0, "Rebels shelled the port city on Monday and killed nine civilians."),
             Unit(2, "c", 0, "The port city was shelled by rebels on Monday; nine civilians died.")]
    result = align(units)
    members = [i for i, s in enumerate(result.statement) if s is not None]
    assert result.statement[2] == result.statement[3] is not None
    sides = [units[i].side for i in members if result.statement[i] == result.statement[2]]
    assert len(sides) == len(set(sides))


def test_unrelated_sentences_do_not_align_and_identical_ones_do():
    units = [Unit(0, "a", 0, "The central bank raised interest rates by half a point."),
             Unit(0, "a", 1, "Troops withdrew from the northern town after a week of fighting."),
             Unit(1, "b", 0, "Troops withdrew from the northern town after a week of fighting."),
             Unit(1, "b", 1, "A heatwave closed schools across the south.")]
    result = align(units)
    assert result.statement[1] == result.statement[2] is not None
    assert result.statement[0] is None and result.statement[3] is None
    assert result.similarity[1, 2] > 0.99
    assert result.similarity[0, 3] < MATCH_THRESHOLD


def test_no_sentences_no_statements():
    result = align([])
    assert result.statement == () and result.edges == ()


def test_a_paraphrase_with_no_shared_wording_aligns():
    units = [Unit(0, "a", 0, "No armed group has claimed the bombing at the Baidoa checkpoint."),
             Unit(0, "a", 1, "The checkpoint guards the road to the airport."),
             Unit(1, "b", 0, "Nobody took responsibility for the blast."),
             Unit(1, "b", 1, "Traders in Baidoa closed their shops for the day.")]
    result = align(units)
    assert result.statement[0] is not None and result.statement[0] == result.statement[2]
    assert result.statement[1] is None and result.statement[3] is None


def test_loaded_words_for_one_actor_do_not_keep_a_fact_apart():
    units = [Unit(0, "a", 0, "Militants stormed a police post in Tillaberi overnight, killing six officers.",
                  (("Tillaberi", "Tillaberi"),)),
             Unit(0, "a", 1, "The region has been under a state of emergency since 2017."),
             Unit(1, "b", 0, "Terrorists attacked a Tillaberi police station during the night; six policemen died.",
                  (("Tillaberi", "Tillaberi"),)),
             Unit(1, "b", 1, "Niger's junta expelled French troops last year.")]
    result = align(units)
    assert result.statement[0] == result.statement[2] is not None


def test_a_sentence_holding_two_facts_is_in_two_statements():
    lead = ("An air strike on a clinic in Saada killed 14 patients, the health ministry said, "
            "and destroyed the only ambulance depot in the district.")
    units = [Unit(0, "a", 0, lead, (("Saada", "Saada"),)),
             Unit(1, "b", 0, "Fourteen patients were killed when jets hit the Saada clinic.", (("Saada", "Saada"),)),
             Unit(1, "b", 1, "The raid also wrecked the district's ambulance depot."),
             Unit(1, "b", 2, "Talks in Muscat resumed on Thursday.", (("Muscat", "Muscat"),))]
    result = align(units)
    assert len(result.statements[0]) == 2
    assert {frozenset(m) for m in result.members} == {frozenset({0, 1}), frozenset({0, 2})}
    assert result.statement[3] is None


def test_rival_figures_for_one_toll_are_one_statement():
    units = [Unit(0, "a", 0, "Two miners were killed when a drone hit the Pokrovsk coal mine.",
                  (("Pokrovsk", "Pokrovsk"),), (("killed", 2),)),
             Unit(0, "a", 1, "The mine's owner said production would resume next month."),
             Unit(1, "b", 0, "Three miners died in a drone strike on the coal mine in Pokrovsk.",
                  (("Pokrovsk", "Pokrovsk"),), (("killed", 3),)),
             Unit(1, "b", 1, "Kyiv asked its allies for more air defence systems.", (("Kyiv", "Kyiv"),))]
    result = align(units)
    assert result.statement[0] == result.statement[2] is not None


def test_a_statement_never_holds_two_sentences_of_one_side_across_three_sides():
    units = [Unit(0, "a", 0, "Gunmen abducted 20 pupils from a school in Kaduna state."),
             Unit(0, "a", 1, "Gunmen abducted twenty pupils from a Kaduna school on Thursday."),
             Unit(1, "b", 0, "Twenty schoolchildren were kidnapped by gunmen in Kaduna."),
             Unit(2, "c", 0, "Kidnappers seized 20 pupils at a school in Kaduna state.")]
    result = align(units)
    for group in result.members:
        sides = [units[k].side for k in group]
        assert len(sides) == len(set(sides))
    assert any({2, 3} <= set(group) for group in result.members)

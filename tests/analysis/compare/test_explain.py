"""Why the aligner decided: partly shared parts, omissions only when nothing comes near, why an
unmatched sentence is not the same as its nearest, and rival figures in one statement."""

from analysis.compare import explain
from analysis.compare.meaning import evidence_of, item_weights


def _weights(*evidence):
    return item_weights(list(evidence))


def test_a_sentence_that_says_much_more_is_partly_shared_with_its_extra_part_named():
    long = evidence_of("Shelling hit the Zamzam camp, killing nine, and aid agencies suspended food deliveries "
                       "to the camp's forty thousand residents.", [("Zamzam", "Zamzam")])
    short = evidence_of("Nine people died when shells struck Zamzam.", [("Zamzam", "Zamzam")])
    weights = _weights(long, short)
    status, only_here = explain.member_status(long, [short], weights)
    assert status == explain.PARTLY
    assert "food" in only_here or "deliveries" in only_here or "agencies" in only_here
    assert explain.member_status(short, [long], weights) == (explain.SHARED, "")


def test_an_omission_only_when_nothing_elsewhere_comes_near():
    assert explain.unmatched_status(explain.OMISSION_CEILING - 0.01) == explain.ONLY
    assert explain.unmatched_status(explain.OMISSION_CEILING + 0.01) == explain.MAYBE


def test_no_omission_where_the_matcher_left_much_of_the_other_side_unexplained():
    far = explain.OMISSION_CEILING - 0.05
    assert explain.unmatched_status(far, explain.UNEXPLAINED_LIMIT - 0.1) == explain.ONLY
    assert explain.unmatched_status(far, explain.UNEXPLAINED_LIMIT) == explain.MAYBE
    note = explain.unexplained_note(far, 0.6)
    assert "60%" in note and "other words" in note
    assert explain.unexplained_note(far, 0.2) == "" and explain.unexplained_note(0.2, 0.9) == ""


def test_why_not_the_same_names_what_is_shared_and_what_is_not():
    own = evidence_of("Relatives waited outside the morgue in Jalalabad through the night.",
                      [("Jalalabad", "Jalalabad")])
    nearest = evidence_of("The bomb went off in a Jalalabad market.", [("Jalalabad", "Jalalabad")])
    why = explain.why_not_same(own, nearest, 0.05, _weights(own, nearest))
    assert "0.05" in why and "shares only Jalalabad" in why
    assert "morgue" in why and "Relatives" in why


def test_why_not_the_same_when_nothing_is_shared():
    own = evidence_of("Schools will stay closed until Monday.")
    nearest = evidence_of("The governor visited the wounded.")
    assert "shares no name, number or event word" in explain.why_not_same(own, nearest, 0.0, _weights(own, nearest))


def test_rival_figures_are_named_and_agreeing_ones_are_not():
    assert explain.figure_disagreement([("Kabul Ledger", (("killed", 9),)),
                                        ("Hindu Kush Wire", (("killed", 11),))]) == \
        "killed: Kabul Ledger 9; Hindu Kush Wire 11"
    assert explain.figure_disagreement([("A", (("killed", 9),)), ("B", (("killed", 9), ("injured", 4)))]) == ""
    assert explain.figure_disagreement([("A", (("killed", 9),)), ("B", ())]) == ""

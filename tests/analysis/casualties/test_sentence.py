"""One sentence read: numbers, their categories and the flags that keep totals honest."""

from analysis.casualties.sentence import read_sentence


def read(text):
    return [(f.category, f.quantity.value, f.toll, f.additional, f.claim, f.part_of) for f in read_sentence(text)]


def test_tolls_are_flagged():
    assert read("The death toll from Sunday's attack rose to 62.") == [("killed", 62, True, False, 0, False)]
    assert read("Fighting brought to more than 200 the number killed this month.")[0][2]


def test_rival_claims_are_numbered():
    found = read("The army said it killed 20 militants, while the ministry said 32 Palestinians were killed.")
    assert [(c, v, claim) for c, v, _, _, claim, _ in found] == [("killed", 20, 0), ("killed", 32, 1)]


def test_additions_are_flagged():
    assert read("Two assailants were also killed.")[0][3]
    assert read("Another 6 people were killed.")[0][3]
    assert not read("Six people were killed.")[0][3]


def test_units_dates_and_money_are_not_counts():
    assert read("Killed 5 km from the border on July 7, 2021, for $500.") == []


def test_singular_counts():
    assert read("A policeman was killed and another was wounded.") == [
        ("killed", 1, False, False, 0, False), ("injured", 1, False, True, 0, False)]
    assert read("A tanker was seized off the coast.") == []


def test_one_places_share_marked_alone_covers_the_count_joined_to_it():
    def parts(text):
        return [(f.category, f.quantity.low, f.part_of) for f in read_sentence(text)]

    assert parts("The district clinic alone received 14 bodies and treated 40 wounded, a nurse said.") == [
        ("killed", 14, True), ("injured", 40, True)]
    assert parts("The blast killed 14 people and wounded 40.") == [("killed", 14, False), ("injured", 40, False)]


def test_a_number_inside_a_counted_phrase_is_no_figure():
    assert [(f.category, f.quantity.low) for f in read_sentence("Five members of one family were killed.")] == [
        ("killed", 5)]

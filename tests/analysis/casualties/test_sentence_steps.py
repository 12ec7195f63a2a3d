"""The steps of reading one sentence, each on a sentence of its own: how one number is tied
(a `Tie`), and what the figures kept after linking are given."""

from analysis.casualties import sentence as steps
from analysis.casualties.cues import DETAINED, KILLED
from analysis.casualties.numbers import parse_quantity
from analysis.casualties.reading import NP_STOPS
from analysis.casualties.tokens import tokenize
from analysis.casualties.victims import noun_phrase_end


def numbers_of(text: str, refugee: bool = False):
    """The sentence and its numbers, as `_read_sentence` hands them to the readers."""
    tokens = tokenize(text, 0)
    sentence = steps._Sentence(tokens, text, 0, refugee)
    numbers = [steps._Number(q, noun_phrase_end(tokens, q.last, stops=NP_STOPS))
               for q in steps._quantities(tokens, text, 0)]
    return sentence, numbers


def ties_of(text: str) -> list[steps.Tie]:
    sentence, numbers = numbers_of(text)
    ties, inside_until = [], -1
    for index in range(len(numbers)):
        tie, inside_until = steps._tie_number(sentence, numbers, index, inside_until)
        ties.append(tie)
    return ties


def test_a_correction_drops_the_wrong_figure_and_corrects_the_one_before():
    sentence, numbers = numbers_of("Officials said two, not 20 as first reported, died in the blast.")
    assert steps._is_correction(sentence.tokens, numbers[1].quantity)
    assert not steps._is_correction(sentence.tokens, numbers[0].quantity)
    found = steps._tie_numbers(sentence, numbers)
    assert found[0].corrected_from == 20 and found[1].dropped and not found[0].dropped


def test_a_determiner_after_including_is_skipped_in_the_word_before():
    sentence, numbers = numbers_of("Soldiers shot dead 5 people, including the two drivers.")
    assert steps._words_before(sentence.tokens, numbers[1].quantity) == ("including", "including")
    assert steps._words_before(sentence.tokens, numbers[0].quantity) == ("dead", "shot")


def test_members_of_a_named_group_are_a_subset_of_its_category():
    sentence, numbers = numbers_of("The dead included 3 women.")
    tie = steps._member_of_named_group(sentence, numbers[0])
    assert (tie.category, tie.how, tie.part_of, tie.victims) == (KILLED, "subset", True, "women")
    sentence, numbers = numbers_of("Gunmen killed 12 villagers near Mopti.")
    assert steps._member_of_named_group(sentence, numbers[0]) is None


def test_a_share_after_among_them_is_marked_a_subset():
    ties = ties_of("Twelve people died, among them three children.")
    assert (ties[0].category, ties[0].part_of) == (KILLED, False)
    assert (ties[1].how, ties[1].part_of) == ("subset", True)


def test_wounded_who_later_died_are_new_deaths_not_a_share():
    sentence, numbers = numbers_of("Two of the wounded later died in hospital.")
    q = numbers[0].quantity
    assert steps._is_share_of_the_group(sentence.tokens, q)
    tie = steps._died_later(sentence, q)
    assert (tie.category, tie.how, tie.part_of) == (KILLED, "after", False)
    sentence, numbers = numbers_of("Four of the dead were children.")
    assert steps._is_share_of_the_group(sentence.tokens, numbers[0].quantity)
    assert steps._died_later(sentence, numbers[0].quantity) is None


def test_a_share_of_the_next_figure_is_dropped():
    ties = ties_of("Police detained two of the five men arrested on Friday.")
    assert ties[0].dropped and ties[0].category is None
    assert (ties[1].category, ties[1].victims) == (DETAINED, "men")


def test_a_toll_that_rose_is_replaced_by_the_next_figure():
    ties = ties_of("The toll rose from 25 to 40 on Sunday.")
    assert ties[0].dropped and ties[0].replaced_by_next
    assert (ties[1].category, ties[1].how, ties[1].toll) == (KILLED, "toll", True)
    sentence, numbers = numbers_of("The toll rose from 25 to 40 on Sunday.")
    assert steps._tie_numbers(sentence, numbers)[1].corrected_from == 25


def test_a_group_size_between_commas_takes_the_group_category():
    tie = ties_of("The dead, more than 70 according to officials, were buried on Monday.")[0]
    assert (tie.category, tie.how) == (KILLED, "before")


def test_a_cue_before_the_number_ties_it_and_names_the_victims():
    sentence, numbers = numbers_of("Gunmen killed 12 villagers near Mopti.")
    tie = steps._tie_by_cue_before(sentence, numbers[0], steps.Tie())
    assert (tie.category, tie.how, tie.victims) == (KILLED, "before", "villagers")
    sentence, numbers = numbers_of("Eight villagers were killed near Mopti.")
    assert steps._tie_by_cue_before(sentence, numbers[0], steps.Tie()) is None


def test_a_verb_after_a_short_phrase_ties_the_number_and_covers_the_phrase():
    sentence, numbers = numbers_of("17 people from one family were also killed.")
    tie, reach = steps._tie_by_cue_after(sentence, numbers[0], steps.Tie(), -1)
    assert (tie.category, tie.how, tie.victims) == (KILLED, "after", "people")
    assert reach == next(i for i, t in enumerate(sentence.tokens) if t.low == "were")
    # "one" inside that phrase is no figure
    assert ties_of("17 people from one family were also killed.")[1].dropped


def test_a_cue_needing_people_rejects_things_as_subject():
    sentence, numbers = numbers_of("200 trucks crossed the border at Rafah.", refugee=True)
    assert steps._tie_by_cue_after(sentence, numbers[0], steps.Tie(), -1)[0].category is None
    sentence, numbers = numbers_of("200 refugees crossed the border at Rafah.", refugee=True)
    assert steps._tie_by_cue_after(sentence, numbers[0], steps.Tie(), -1)[0].category is not None


def test_kept_figures_separated_by_a_speech_verb_are_separate_claims():
    found = steps.read_sentence("The army said it killed 20 militants, while the ministry said 32 civilians were killed.")
    assert [(f.quantity.value, f.claim) for f in found] == [(20, 0), (32, 1)]


def test_one_place_alone_is_a_share_of_a_larger_toll():
    found = steps.read_sentence("In the city alone, 40 people were killed.")
    assert [(f.quantity.value, f.part_of) for f in found] == [(40, True)]
    found = steps.read_sentence("In the city, 40 people were killed.")
    assert [(f.quantity.value, f.part_of) for f in found] == [(40, False)]



def test_a_bare_year_is_no_count_but_a_year_of_people_is():
    def first_quantity(text: str):
        tokens = tokenize(text, 0)
        return tokens, parse_quantity(tokens, next(i for i, t in enumerate(tokens) if t.low[:1].isdigit()))

    tokens, year = first_quantity("In 2019, 12 people were killed.")
    assert steps._is_bare_year(tokens, year)
    assert [q.value for q in steps._quantities(tokens, "In 2019, 12 people were killed.", 0)] == [12]
    tokens, count = first_quantity("Some 2000 people fled the town.")
    assert not steps._is_bare_year(tokens, count)

"""The named steps of reading the words around a number (`after_cue`, `before_cue`, `toll_cue`),
each on a sentence of its own."""

from analysis.casualties import reading
from analysis.casualties.cues import DETAINED, DISPLACED, INJURED, KILLED, KILLED_OR_INJURED
from analysis.casualties.numbers import parse_quantity
from analysis.casualties.tokens import tokenize
from analysis.casualties.victims import noun_phrase_end


def words(text: str):
    return tokenize(text, 0)


def index_of(tokens, word: str) -> int:
    return next(k for k, t in enumerate(tokens) if t.low == word)


def number_in(tokens, word: str):
    """The quantity that starts at `word` and the end of its noun phrase."""
    q = parse_quantity(tokens, index_of(tokens, word))
    return q, noun_phrase_end(tokens, q.last, stops=reading.NP_STOPS)


def test_auxiliaries_are_skipped_to_the_cue_word_and_say_whether_passive_and_fatally():
    tokens = words("Four guards were reportedly fatally wounded near Goma.")
    aux = reading._skip_auxiliaries(tokens, 2)
    assert aux == reading._Auxiliaries(index_of(tokens, "wounded"), True, True)
    assert reading.after_cue(tokens, 2) == (KILLED, index_of(tokens, "wounded"), True)


def test_a_modal_without_have_is_a_fear_and_with_have_still_a_figure():
    feared = words("Up to 300 villagers could die if the dam in Kakhovka breaks.")
    assert reading._skip_auxiliaries(feared, index_of(feared, "could")) is None
    assert reading.after_cue(feared, index_of(feared, "could")) is None
    likely = words("About 40 miners may have died in the collapse near Kolwezi.")
    assert reading.after_cue(likely, index_of(likely, "may")) == (KILLED, index_of(likely, "died"), False)


def test_a_second_verb_after_and_carries_the_cue_of_a_passive_clause():
    tokens = words("Nine fishermen were caught in the storm and drowned off Mombasa.")
    start = reading._chained_cue_start(tokens, index_of(tokens, "caught"))
    assert start == index_of(tokens, "drowned")
    assert reading.after_cue(tokens, index_of(tokens, "were")) == (KILLED, start, False)
    direct = words("Nine fishermen were killed and two rescued.")
    assert reading._chained_cue_start(direct, index_of(direct, "killed")) is None


def test_set_phrases_to_death_and_in_custody():
    beaten = words("a mob beat three men to death in Jos")
    assert reading._fixed_phrase_cue(beaten, index_of(beaten, "to"), False) == (KILLED, index_of(beaten, "death"), False)
    held = words("eleven remain in detention in Bamako")
    assert reading._fixed_phrase_cue(held, index_of(held, "in"), False) == (DETAINED, index_of(held, "detention"), True)
    hands = words("six engineers are in the hands of their abductors near Zinder")
    assert reading._fixed_phrase_cue(hands, index_of(hands, "in"), False)[:2] == (DETAINED, index_of(hands, "hands"))
    assert reading._fixed_phrase_cue(words("in the market of Zinder"), 0, False) is None


def test_among_the_counted_finds_the_cue_word_before_any_punctuation():
    tokens = words("two nurses were among the 14 people killed in Kassala")
    among = index_of(tokens, "among")
    assert reading._among_the_counted(tokens, among) == (KILLED, index_of(tokens, "killed"), True)
    cut = words("two nurses were among the crowd, and later killed")
    assert reading._among_the_counted(cut, index_of(cut, "among")) is None


def test_two_joined_cue_words_are_one_combined_count_or_none():
    both = words("killed or wounded in the raid")
    assert reading._after_word_cue(both, 0, True) == (KILLED_OR_INJURED, 2, True)
    clash = words("missing or dead after the flood")
    assert reading._after_word_cue(clash, 0, False) is None
    single = words("wounded by shrapnel")
    assert reading._after_word_cue(single, 0, False) == (INJURED, 0, False)


def test_shot_and_and_escaped_the_name_no_casualty_unless_the_next_word_is_a_cue():
    robbed = words("shot and robbed at the checkpoint")
    assert reading._verb_names_no_casualty(robbed, 0)
    assert reading.after_cue(robbed, 0) is None
    arrested = words("shot and arrested at the checkpoint")
    assert not reading._verb_names_no_casualty(arrested, 0)
    assert reading._verb_with_next_word_cue(arrested, 0, False) == (DETAINED, 0, False)
    assert reading._verb_names_no_casualty(words("escaped the guards at dawn"), 0)
    assert reading.after_cue(words("escaped the fighting in Kidal"), 0) == (DISPLACED, 0, False)


def test_a_verb_needing_its_next_word_or_a_passive_auxiliary():
    assert reading._verb_with_next_word_cue(words("left homeless by the floods"), 0, False) == (DISPLACED, 0, False)
    assert reading._verb_with_next_word_cue(words("captured near Gao"), 0, True) == (DETAINED, 0, True)
    assert reading._verb_with_next_word_cue(words("captured near Gao"), 0, False) is None
    assert reading._verb_with_next_word_cue(words("shot in the leg"), 0, True) == (INJURED, 0, True)


def test_carried_to_hospital_counts_only_with_wounds_named():
    tokens = words("taken to a clinic in Juba with gunshot wounds")
    assert reading._carried_with_wounds(tokens, 0, True) == (INJURED, index_of(tokens, "gunshot"), True)
    assert reading._carried_with_wounds(words("taken to a clinic in Juba for checks"), 0, True) is None


def test_the_last_readers_need_a_border_an_exodus_or_a_passive_holding():
    assert reading._flight_cue(words("crossed into Chad"), 0, False, False) == (DISPLACED, 0, False)
    assert reading._flight_cue(words("crossed the river"), 0, False, False) is None
    assert reading._flight_cue(words("arrived in Adre"), 0, False, False) is None
    assert reading._death_flight_or_holding_cue(words("arrived in Adre"), 0, False, True) == (DISPLACED, 0, False)
    assert reading._death_flight_or_holding_cue(words("beaten to death"), 0, True, False) == (KILLED, 0, True)
    assert reading._death_flight_or_holding_cue(words("held by the militia"), 0, True, False) == (DETAINED, 0, True)
    assert reading._death_flight_or_holding_cue(words("held the bridge"), 0, True, False) is None


def test_the_cue_word_before_an_object_is_found_past_determiners_and_collectives():
    tokens = words("The blast killed a family of five in Kunduz.")
    q, _ = number_in(tokens, "five")
    assert reading._word_before_object(tokens, q) == index_of(tokens, "killed")
    himself = words("The bomber blew up the bus, killing himself and 11 others.")
    q, _ = number_in(himself, "11")
    assert reading._word_before_object(himself, q) == index_of(himself, "killing")
    first = words("Twelve died.")
    assert reading._word_before_object(first, number_in(first, "twelve")[0]) == -1


def test_a_verb_that_detains_only_people():
    tokens = words("Gunmen abducted 30 villagers near Zamfara.")
    q, np_end = number_in(tokens, "30")
    assert reading._person_only_cue(tokens, q, np_end, index_of(tokens, "abducted")) == (DETAINED, 1)
    trucks = words("Gunmen abducted 30 trucks near Zamfara.")
    q, np_end = number_in(trucks, "30")
    assert reading._person_only_cue(trucks, q, np_end, index_of(trucks, "abducted")) is None
    hostage = words("The militia took 14 aid workers hostage in Marib.")
    q, np_end = number_in(hostage, "14")
    assert reading.before_cue(hostage, q, np_end) == (DETAINED, index_of(hostage, "took"))
    walk = words("The militia took 14 aid workers to Marib.")
    q, np_end = number_in(walk, "14")
    assert reading.before_cue(walk, q, np_end) is None


def test_a_displacing_verb_needs_the_flight_after_its_object():
    tokens = words("The shelling forced 900 families to flee Bakhmut.")
    q, np_end = number_in(tokens, "900")
    assert reading._made_to_flee(tokens, np_end)
    assert reading.before_cue(tokens, q, np_end) == (DISPLACED, index_of(tokens, "forced"))
    stay = words("The shelling forced 900 families to stay indoors.")
    assert not reading._made_to_flee(stay, number_in(stay, "900")[1])


def test_a_noun_before_of_names_the_category_unless_lives_were_saved():
    tokens = words("the deaths of 12 miners")
    assert reading._noun_of_cue(tokens, index_of(tokens, "of")) == (KILLED, index_of(tokens, "of"))
    saved = words("medics saved lives of 40 passengers")
    assert reading._noun_of_cue(saved, index_of(saved, "of")) is None
    assert reading._noun_of_cue(words("the roofs of 40 houses"), 2) is None


def test_a_toll_phrase_ends_at_a_clause_break_or_another_number_but_not_a_date():
    tokens = words("Rescuers in Derna, where the toll rose to 40, kept digging.")
    assert reading._ends_the_toll_phrase(tokens, index_of(tokens, ","), 3)
    dated = words("the toll from the 9 March floods rose to 40")
    assert not reading._ends_the_toll_phrase(dated, index_of(dated, "9"), 4)
    other = words("the toll of 12 rose to 40")
    assert reading._ends_the_toll_phrase(other, index_of(other, "12"), 2)
    assert not reading._ends_the_toll_phrase(other, index_of(other, "12"), 0)


def test_the_head_of_a_toll_phrase_and_its_category():
    injury = words("the injury toll stood at 85")
    assert reading._toll_head(injury, index_of(injury, "toll"), 2) == (INJURED, index_of(injury, "toll"))
    deaths = words("deaths rose to 85")
    assert reading._toll_head(deaths, 0, 2) == (KILLED, 0)
    generic = words("rights groups put the figure at 85")
    assert reading._toll_head(generic, index_of(generic, "figure"), 1) == (None, index_of(generic, "figure"))
    assert reading._toll_head(generic, index_of(generic, "put"), 3) is None


def test_a_casualty_word_read_as_a_count():
    tally = words("officials put the tally of dead at 31")
    assert reading._number_of_head(tally, index_of(tally, "dead"), 2) == (KILLED, index_of(tally, "tally"))
    pair = words("raising deaths to 2,140 and injuries to 5,300")
    injuries = index_of(pair, "injuries")
    assert reading._number_of_head(pair, injuries, 1) == (INJURED, injuries)
    assert reading._number_of_head(pair, injuries, 2) is None


def test_the_toll_cue_walks_past_a_place_aside_and_says_whether_the_value_is_earlier():
    tokens = words("The death toll from the raid on Kidal, in the north of Mali, rose from 30 to 44.")
    toll = index_of(tokens, "toll")
    assert reading.toll_cue(tokens, number_in(tokens, "44")[0]) == (KILLED, toll, False)
    assert reading.toll_cue(tokens, number_in(tokens, "30")[0]) == (KILLED, toll, True)
    said = words("The death toll from the raid on Kidal, officials said, rose to 44.")
    assert reading.toll_cue(said, number_in(said, "44")[0]) is None


def test_the_toll_cue_walks_past_a_number_in_a_name():
    tokens = words("The monitor revised its toll for the bombing in Police District 13 of Kabul from 16 to 21.")
    toll = index_of(tokens, "toll")
    assert reading.toll_cue(tokens, number_in(tokens, "16")[0]) == (KILLED, toll, True)
    assert reading.toll_cue(tokens, number_in(tokens, "21")[0]) == (KILLED, toll, False)

"""Who was counted: the noun phrase after a number."""

from analysis.casualties.tokens import tokenize
from analysis.casualties.victims import is_person_phrase, noun_phrase_end, victims_text


def phrase(text, start=1):
    tokens = tokenize(text)
    end = noun_phrase_end(tokens, start, stops=frozenset({"were", "killed"}))
    return tokens, end, victims_text(tokens, start, end, text, 0)


def test_noun_phrases():
    assert phrase("Eight members of the security forces were killed")[2] == "members of the security forces"
    assert phrase("Hundreds of families had fled", 2)[2] == "families"
    assert phrase("1,000 students and pupils were abducted")[2] == "students and pupils"
    assert phrase("Three of them were killed")[2] is None


def test_person_check():
    tokens = tokenize("12 checkpoints and 12 soldiers")
    assert not is_person_phrase(tokens, 1, 2)
    assert is_person_phrase(tokens, 4, 5)
    assert is_person_phrase(tokens, 1, 1)  # "arrested 12": no phrase, no objection


def test_the_phrase_stops_at_a_coordinated_clause():
    tokens = tokenize("killing at least 11 people and wounding 25")
    assert victims_text(tokens, 4, noun_phrase_end(tokens, 4), "killing at least 11 people and wounding 25", 0) \
        == "people"
    text = "killing 3 civilians and destroying 20 homes"
    tokens = tokenize(text)
    assert victims_text(tokens, 2, noun_phrase_end(tokens, 2), text, 0) == "civilians"
    text = "abducted 300 students and teachers from the school"
    tokens = tokenize(text)
    assert victims_text(tokens, 2, noun_phrase_end(tokens, 2), text, 0) == "students and teachers"

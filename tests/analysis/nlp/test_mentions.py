from analysis.nlp import DROPPED_LABELS, RawMention, find_mentions


def test_one_list_per_text_in_order(offline_nlp):
    texts = ["Kabul was quiet.", "", "Rain fell.", "Moscow denied it."]
    found = find_mentions(offline_nlp, texts)
    assert [[m.text for m in ms] for ms in found] == [["Kabul"], [], [], ["Moscow"]]
    assert all(isinstance(m, RawMention) for ms in found for m in ms)


def test_numeric_labels_are_never_returned(offline_nlp):
    found = find_mentions(offline_nlp, ["On Monday 30 people died in Herat, 20 percent more than in March."])[0]
    assert {m.label for m in found}.isdisjoint(DROPPED_LABELS)


def test_a_surname_alone_is_typed_from_the_corpus(offline_nlp):
    texts = [
        "The strike was confirmed by Somali police spokesman Abdifatah Halane on Sunday.",
        "Halane later told reporters the gunmen were dead. Residents were not convinced.",
    ]
    second = find_mentions(offline_nlp, texts)[1]
    assert ("Halane", "PERSON") in [(m.text, m.label) for m in second]


def test_a_place_reading_yields_to_a_person_of_the_same_article(offline_nlp):
    text = "Defense Secretary Lloyd Austin visited troops. Austin promised more ammunition."
    found = [(m.text, m.label) for m in find_mentions(offline_nlp, [text])[0]]
    assert found == [("Lloyd Austin", "PERSON"), ("Austin", "PERSON")]


def test_a_guessed_label_follows_a_cued_one_elsewhere(offline_nlp):
    texts = ["Jets bombed the Nyaung Kone village at dawn.", "A resident of Nyaung Kone described the raid."]
    labels = [m.label for ms in find_mentions(offline_nlp, texts) for m in ms if m.text == "Nyaung Kone"]
    assert labels == ["GPE", "GPE"]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORDS = st.sampled_from([
    "Kabul", "KABUL", "al", "-", "Shabaab", "the", "The", "U.S.", "said", "President", "Erdoğan", "of", "Ministry",
    "\n", "\n\n", ",", ".", "“", "”", "'s", "and", "Forces", "NATO", "X", "in", "village", "Abu", "A.", "—", "family",
])


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, max_size=30).map(" ".join) | st.text(max_size=80))
def test_any_text_gives_valid_offsets(offline_nlp, text):
    for m in find_mentions(offline_nlp, [text])[0]:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text

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


def _long_report(filler_paragraphs: int) -> str:
    """Cues early, bare names late, lower-case filler between, so pieces keep them apart."""
    filler = "the rain fell again overnight and the roads to the market were closed for hours."
    return "\n\n".join([
        "Pentagon spokesman John F. Kirby spoke on Monday. A resident of Nyaung Kone described the raid.",
        *[filler] * filler_paragraphs,
        "The statement came after Kirby met them. Smoke rose over Nyaung Kone at dawn.",
    ])


def test_names_typed_across_pieces_of_one_long_text(offline_nlp, monkeypatch):
    text = _long_report(400)
    whole = find_mentions(offline_nlp, [text])[0]
    monkeypatch.setattr(offline_nlp, "max_length", 2_000)  # pieces of under 2,000 characters
    in_pieces = find_mentions(offline_nlp, [text])[0]
    # The bare surname (left open by its piece) and the guessed place (typed PERSON by its
    # piece, for want of a cue) take their labels from the cues in the first piece.
    late = [(m.start, m.text, m.label) for m in in_pieces if m.start > 2_000]
    assert late == [(text.rindex("Kirby"), "Kirby", "PERSON"), (text.rindex("Nyaung Kone"), "Nyaung Kone", "GPE")]
    assert in_pieces == whole

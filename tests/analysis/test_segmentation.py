from pathlib import Path

from analysis.segmentation import split_paragraphs, split_sentences

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_offsets_index_the_text():
    text = "Mr. Smith met Gen. Jones in the U.S. on Monday. He left.\n\nA heading\nBody text here, long enough to be a paragraph. More."
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text


def test_abbreviations_and_initials_do_not_end_sentences():
    text = "Pentagon spokesman John F. Kirby met Lt. Gen. Smith in the U.S. Capitol. Then he left."
    assert [s.text for s in split_sentences(text)] == [
        "Pentagon spokesman John F. Kirby met Lt. Gen. Smith in the U.S. Capitol.",
        "Then he left.",
    ]


def test_glued_sentences_are_split():
    text = "The talks were held in Kabul.According to a bulletin, they failed."
    assert [s.text for s in split_sentences(text)] == [
        "The talks were held in Kabul.", "According to a bulletin, they failed."]


def test_subheading_is_its_own_sentence_and_paragraph():
    text = (SEEDS / "000_d7088bed9912e84f.txt").read_text(encoding="utf-8")
    sentences = split_sentences(text)
    heading = [s for s in sentences if s.text == "Afghanistan will take a stance against the Turkish government"]
    assert len(heading) == 1
    neighbours = [s for s in sentences if s.paragraph == heading[0].paragraph]
    assert neighbours == heading


def test_heading_line_inside_a_block_is_not_glued_to_the_next_paragraph():
    text = ("Fighting resumes in the north\nGovernment forces and rebels clashed again on Sunday near the "
            "town, residents said, as talks stalled for a third week.")
    sentences = split_sentences(text)
    assert sentences[0].text == "Fighting resumes in the north"
    assert sentences[0].paragraph != sentences[1].paragraph


def test_soft_wrapped_lines_stay_one_sentence():
    text = ("Government forces and rebels clashed again on Sunday near the\n"
            "town, residents said, as talks stalled for a third week in the\n"
            "capital.")
    assert len(split_sentences(text)) == 1
    assert len(split_paragraphs(text)) == 1


def test_quotes_close_before_the_break():
    text = 'He called it "reprehensible." Ankara did not reply.'
    assert [s.text for s in split_sentences(text)] == ['He called it "reprehensible."', "Ankara did not reply."]


def test_empty_and_blank_text():
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t") == []


def test_hard_wrapped_wire_copy_with_a_short_line_stays_whole():
    text = ('"We will not leave the\n'
            'city," the commander told reporters on Monday, adding that reinforcements had\n'
            'arrived from the north.')
    assert len(split_sentences(text)) == 1


def test_wrapped_line_ending_in_a_small_word_is_not_a_heading():
    text = ("Officials said the convoy was hit near the\n"
            "Border crossing at Rafah late on Sunday, according to witnesses at the scene there.")
    assert len(split_sentences(text)) == 1

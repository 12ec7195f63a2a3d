"""The light tokenizer the extractor reads with."""

from analysis.casualties.tokens import tokenize


def test_offsets_index_the_text_and_compounds_stay_whole():
    text = "A 25-year-old, MH17 and 1,200 U.S. troops: thirty-two."
    tokens = tokenize(text, offset=10)
    assert [t.text for t in tokens] == [
        "A", "25-year-old", ",", "MH17", "and", "1,200", "U.S.", "troops", ":", "thirty-two", ".",
    ]
    assert all(text[t.start - 10:t.end - 10] == t.text for t in tokens)
    assert tokens[0].low == "a"


def test_scare_quotes_are_left_out_and_speech_marks_stay():
    words = [t.text for t in tokenize("The army killed 12 'terrorists' near Sake.")]
    assert words == ["The", "army", "killed", "12", "terrorists", "near", "Sake", "."]
    speech = [t.text for t in tokenize('"Twelve were killed in the raid on the camp," he said.')]
    assert speech[0] == '"' and '"' in speech[1:]

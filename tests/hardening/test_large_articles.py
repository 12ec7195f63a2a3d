"""Long articles through `analyze`, in the shapes that break text pipelines: ordinary news copy
repeated, one endless sentence, one endless "word" with no space at all, and articles longer than
spaCy takes at once (read in pieces, with every offset into the whole text). Loading such files
is covered in tests/analysis/loading; here the analysis must finish and stay exact."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from functools import lru_cache

import pandas as pd
import pytest
import spacy

from analysis import Document, analyze
from analysis.nlp import build_offline_pipeline, find_mentions
from analysis.nlp.pieces import piece_limit, split_into_pieces
from analysis.segmentation import split_sentences

NEWS = "At least 12 people were killed in Kharkiv on Tuesday, officials said. Ukraine blamed Russia."
REPEATS = 7_700  # 15 words each: 115,500 words


@lru_cache(maxsize=1)
def offline_nlp():
    return build_offline_pipeline()


def _analyse(text: str, published: date | None = None):
    document = Document("big", "A very long article", "Wire", published, "", text)
    return analyze([document], nlp=offline_nlp()), text


def _spans_inside(result, text: str) -> None:
    for table in (result.sentences, result.mentions, result.casualties, result.events):
        assert ((table["start"] >= 0) & (table["start"] <= table["end"]) & (table["end"] <= len(text))).all()
    for row in result.sentences.itertuples(index=False):
        assert text[row.start:row.end] == row.text


def test_a_100000_word_article_of_news_copy():
    result, text = _analyse(" ".join([NEWS] * REPEATS), published=date(2022, 3, 3))
    _spans_inside(result, text)
    assert len(result.sentences) == 2 * REPEATS
    killed = result.casualties[result.casualties["category"] == "killed"]
    assert len(killed) == REPEATS and set(killed["value"]) == {12}
    assert set(result.events["date"]) == {date(2022, 3, 1)}  # "on Tuesday" before 3 March 2022
    assert int(result.documents["words"].iloc[0]) == 15 * REPEATS


@pytest.mark.parametrize("text", [
    " ".join(f"word{i % 997}" for i in range(100_000)) + ".",  # one sentence of 100,000 words
    "x" * 600_000,  # one token, no space and no punctuation
    "x" * 1_200_000,  # the same, longer than spaCy takes at once: cut hard
], ids=["one-sentence", "no-space", "no-space-over-max-length"])
def test_a_100000_word_article_without_sentence_breaks(text):
    result, text = _analyse(text)
    _spans_inside(result, text)
    assert len(result.sentences) == 1
    assert result.casualties.empty and result.events.empty


# ----------------------------------------------------------------------------- over a million characters
# A block of wire copy; every repetition changes the numbers, days, city and witness, and one
# paragraph is hard-wrapped, as e-mailed copy is.
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
CITIES = ("Kharkiv", "Odesa", "Zaporizhzhia", "Sumy")
WITNESSES = ("Maria Kovalenko", "Olena Shevchuk", "Andriy Melnyk", "Iryna Bondar")
BLOCK = (
    "{city_upper}, Ukraine — At least {killed} people were killed and {wounded} wounded when missiles "
    "struck a residential district of {city} on {weekday}, regional governor Oleh Synehubov said.",
    "The strikes hit a school and two apartment blocks, according to the State Emergency Service. "
    "Rescue teams worked through the night to pull survivors from the rubble.",
    "President Volodymyr Zelenskyy called the attack \"a deliberate act of terror\" and urged NATO allies "
    "to send more air defence systems. The Kremlin did not comment.",
    "Aid convoys delayed",
    "The United Nations said {fled} civilians had fled the region since March, and the World Food "
    "Programme warned of shortages in Kherson. A convoy of {trucks} trucks was turned back at the "
    "border on {weekday}.",
    "\"We heard three explosions, then the lights went out,\" said {witness}, a {age}-year-old teacher "
    "who lives in {city}.",
    "In Sudan, the Rapid Support Forces shelled El Fasher for a third day, killing {sudan} people, the\n"
    "Sudan Doctors Network said. Gen. Abdel Fattah al-Burhan vowed to retake the city, while U.S.\n"
    "envoy Tom Perriello urged both sides to return to talks in Jeddah.",
    "GAZA CITY — Israeli air strikes killed {gaza} Palestinians overnight, the Gaza Health Ministry "
    "said on {weekday}. UNRWA spokeswoman Juliette Touma told reporters in Geneva that {missing} "
    "people were missing after the raid on the Nuseirat camp.",
)
LONG_CHARS = 1_200_000
PUBLISHED = date(2024, 5, 3)


def block(cycle: int, separator: str = "\n\n") -> str:
    """The block's paragraphs with the numbers, day, city and witness of repetition `cycle`."""
    city = CITIES[cycle % len(CITIES)]
    values = {
        "city": city, "city_upper": city.upper(), "weekday": WEEKDAYS[cycle % 7],
        "killed": 3 + cycle % 40, "wounded": 10 + cycle % 55, "fled": f"{1 + cycle % 90},{cycle % 1000:03d}",
        "trucks": 5 + cycle % 30, "witness": WITNESSES[cycle % len(WITNESSES)], "age": 20 + cycle % 50,
        "sudan": 4 + cycle % 70, "gaza": 7 + cycle % 80, "missing": 2 + cycle % 9,
    }
    return separator.join(paragraph.format(**values) for paragraph in BLOCK)


def long_text(chars: int, separator: str = "\n\n") -> tuple[str, list[int]]:
    """Blocks up to `chars` characters, and where each block starts."""
    blocks, starts, size = [], [], 0
    while size < chars:
        starts.append(size)
        blocks.append(block(len(blocks), separator))
        size += len(blocks[-1]) + len(separator)
    return separator.join(blocks), starts


@lru_cache(maxsize=1)
def long_article():
    text, starts = long_text(LONG_CHARS)
    return _analyse(text, PUBLISHED)[0], text, starts


def nlp_default_max_length() -> int:
    """The longest text spaCy takes at once unless told otherwise (a million characters)."""
    return spacy.blank("en").max_length


def _within(table, start: int, end: int, columns: list[str]) -> list[tuple]:
    """Rows of `table` inside text[start:end], offsets made relative to `start`."""
    rows = table[(table["start"] >= start) & (table["end"] <= end)]
    rows = rows.assign(start=rows["start"] - start, end=rows["end"] - start)
    return sorted(rows[columns].itertuples(index=False, name=None), key=str)


def test_an_article_over_a_million_characters_is_analysed_with_offsets_into_the_whole_text():
    result, text, starts = long_article()
    assert len(text) > nlp_default_max_length() and len(starts) > 600
    _spans_inside(result, text)
    for row in result.mentions.itertuples(index=False):
        assert text[row.start:row.end] == row.text
    for row in result.events.itertuples(index=False):
        assert text[row.start:row.end] == row.expression
    assert len(result.casualties) >= 3 * len(starts) and len(result.events) >= len(starts)
    # The last names of the text are found where they are.
    last = result.mentions.sort_values("start").iloc[-3:]
    assert list(last["text"]) == ["Juliette Touma", "Geneva", "Nuseirat"]
    assert list(last["start"]) == [text.rindex(name) for name in last["text"]]


@pytest.mark.parametrize("which", ["first", "middle", "last"])
def test_each_block_of_a_long_article_reads_as_it_does_alone(which):
    result, text, starts = long_article()
    index = {"first": 0, "middle": len(starts) // 2, "last": len(starts) - 1}[which]
    start = starts[index]
    end = start + len(block(index))
    alone, alone_text = _analyse(block(index), PUBLISHED)
    assert alone_text == text[start:end]
    for table, columns in (
        ("sentences", ["start", "end", "text", "compound"]),
        ("mentions", ["start", "end", "text", "label", "entity"]),
        ("casualties", ["start", "end", "category", "value", "qualifier", "location"]),
        ("events", ["start", "end", "expression", "date", "granularity"]),
    ):
        whole = _within(getattr(result, table), start, end, columns)
        assert whole == _within(getattr(alone, table), 0, len(alone_text), columns), table
        assert whole, table


@pytest.mark.parametrize("separator", ["\n\n", "\n", " "], ids=["blank-lines", "lines", "one-paragraph"])
def test_a_piece_boundary_never_cuts_an_entity_or_a_sentence(separator, monkeypatch):
    text, _ = long_text(150_000, separator)
    nlp = offline_nlp()
    whole = find_mentions(nlp, [text])[0]
    monkeypatch.setattr(nlp, "max_length", 10_000)  # pieces of under 10,000 characters
    pieces = split_into_pieces(text, piece_limit(nlp.max_length))
    assert len(pieces) > 15
    cuts = [piece.start for piece in pieces[1:]]
    in_pieces = find_mentions(nlp, [text])[0]
    for span in [*in_pieces, *split_sentences(text)]:
        assert not any(span.start < cut < span.end for cut in cuts), span
    assert in_pieces == whole  # pieces cut where nothing spans the cut read as the whole text


def test_a_trained_pipeline_finds_its_entities_in_every_piece():
    """doc.ents, as a trained pipeline sets them, over a text spaCy would refuse whole."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    names = {"Volodymyr Zelenskyy": "PERSON", "Kharkiv": "GPE", "Rapid Support Forces": "ORG", "Geneva": "GPE"}
    ruler.add_patterns([{"label": label, "pattern": name} for name, label in names.items()])
    text, _ = long_text(LONG_CHARS)
    assert len(text) > nlp.max_length
    found = find_mentions(nlp, [text])[0]
    for mention in found:
        assert text[mention.start:mention.end] == mention.text and names[mention.text] == mention.label
    for name in names:
        positions = [m.start for m in found if m.text == name]
        assert positions == [match.start() for match in re.finditer(re.escape(name), text)], name


def test_the_command_line_writes_the_tables_of_a_long_article(tmp_path):
    text, _ = long_text(LONG_CHARS)
    article = tmp_path / "long.txt"
    article.write_text(text, encoding="utf-8")
    assert article.stat().st_size > 1_200_000
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "analysis", str(article), "--out", str(out)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert "1 articles analysed" in run.stdout
    mentions = pd.read_csv(out / "mentions.csv")
    sentences = pd.read_csv(out / "sentences.csv")
    for name in ("documents", "entities", "casualties", "events", "incidents"):
        assert (out / f"{name}.csv").exists(), name
    assert len(sentences) > 10_000 and int(sentences["end"].max()) == len(text.rstrip())
    geneva = mentions[mentions["text"] == "Geneva"]
    assert int(geneva["start"].max()) == text.rindex("Geneva")

"""The bundled seeds through the offline pipeline and entity resolution."""

from pathlib import Path

import pandas as pd
import pytest

from analysis.entities import build_entity_tables
from analysis.nlp import find_mentions, load_pipeline
from analysis.segmentation import split_sentences

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


@pytest.fixture(scope="module")
def tables():
    files = sorted(SEEDS.glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    rows, sentence_rows = [], []
    for f, text, found in zip(files, texts, find_mentions(load_pipeline("parallax-offline"), texts)):
        sentences = split_sentences(text)
        sentence_rows += [{"doc_id": f.stem, "sent_id": s.sent_id, "compound": 0.0} for s in sentences]
        for m in found:
            sent_id = max((s.sent_id for s in sentences if s.start <= m.start), default=0)
            rows.append({"doc_id": f.stem, "sent_id": sent_id, "start": m.start, "end": m.end, "text": m.text, "label": m.label})
    documents = pd.DataFrame({"doc_id": [f.stem for f in files], "source": [f.stem for f in files]})
    return build_entity_tables(pd.DataFrame(rows), pd.DataFrame(sentence_rows), documents)


def test_the_seed_entities_are_found(tables):
    _, entities = tables
    found = set(entities["entity"])
    expected = {
        "Taliban", "Turkey", "Afghanistan", "Kabul", "Ankara", "Kandahar", "NATO", "Hulusi Akar",
        "Lloyd Austin", "John F. Kirby", "Vladimir Putin", "Russia", "Moscow", "Iran", "Pakistan",
        "Pentagon", "United States",
    }
    assert expected <= found


def test_aliases_merge(tables):
    _, entities = tables
    by_name = entities.set_index("entity")
    assert {"Kirby", "John F. Kirby"} <= set(by_name.loc["John F. Kirby", "aliases"])
    assert {"US", "United States"} <= set(by_name.loc["United States", "aliases"])
    erdogan = [e for e in by_name.index if "Erdo" in e]
    assert len(erdogan) == 1
    assert {"Tayyip Recep Erdogan", "Recep Tayyip Erdoğan"} <= set(by_name.loc[erdogan[0], "aliases"])
    assert by_name.loc[erdogan[0], "label"] == "PERSON"


def test_the_subheading_invents_nothing(tables):
    mentions, _ = tables
    assert not any(text.endswith((" Will", " will")) for text in mentions["text"])
    assert "Afghanistan" in set(mentions["text"])

"""The optional sentence-embedding matcher: off unless configured, never in the way when it
cannot load, and, where sentence-transformers is installed, a tiny model built here sharpens
matching (no download: its vocabulary and vectors are written by the test)."""

from pathlib import Path

import numpy as np
import pytest

from analysis.compare import embeddings
from analysis.compare.align import Unit, align


@pytest.fixture(autouse=True)
def _fresh_models():
    embeddings._load.cache_clear()
    yield
    embeddings._load.cache_clear()


def test_with_no_model_named_the_offline_matcher_runs(monkeypatch):
    monkeypatch.delenv(embeddings.MODEL_VARIABLE, raising=False)
    status = embeddings.matcher_status()
    assert status == embeddings.MatcherStatus(embeddings.OFFLINE_MATCHER, False, None)
    result = align([Unit(0, "a", 0, "Shelling hit Kherson."), Unit(1, "b", 0, "Kherson was shelled.")])
    assert result.matcher == embeddings.OFFLINE_MATCHER


def test_a_model_that_cannot_be_used_leaves_the_offline_matcher_running_and_says_why(monkeypatch, tmp_path):
    monkeypatch.setenv(embeddings.MODEL_VARIABLE, str(tmp_path / "no-such-model"))
    status = embeddings.matcher_status()
    assert not status.embedding and status.matcher == embeddings.OFFLINE_MATCHER
    assert embeddings.MODEL_VARIABLE in status.problem and "no-such-model" in status.problem
    result = align([Unit(0, "a", 0, "Shelling hit Kherson."), Unit(1, "b", 0, "Kherson was shelled.")])
    assert result.matcher == embeddings.OFFLINE_MATCHER


def test_the_blend_ignores_cosines_below_the_floor_and_keeps_identity_at_one():
    offline = np.array([[1.0, 0.1], [0.1, 1.0]])
    embedded = np.array([[1.0, embeddings.EMBEDDING_FLOOR - 0.1], [embeddings.EMBEDDING_FLOOR - 0.1, 1.0]])
    blended = embeddings.blend(offline, embedded)
    assert blended[0, 0] == pytest.approx(1.0)
    assert blended[0, 1] == pytest.approx((1 - embeddings.EMBEDDING_WEIGHT) * 0.1)


def _tiny_model(folder: Path) -> Path:
    """A bag-of-words embedding model: "blast" and "explosion" share a direction, so do "market"
    and "bazaar"; every other word has its own."""
    models = pytest.importorskip("sentence_transformers.models")
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.models.tokenizer import WhitespaceTokenizer

    vocab = ["blast", "explosion", "market", "bazaar", "a", "the", "hit", "struck", "weather", "was", "mild"]
    direction = {"blast": 0, "explosion": 0, "market": 1, "bazaar": 1}
    weights = np.zeros((len(vocab), len(vocab) + 2), dtype=np.float32)
    for row, word in enumerate(vocab):
        weights[row, direction.get(word, row + 2)] = 1.0
    tokenizer = WhitespaceTokenizer(vocab=vocab, stop_words=set(), do_lower_case=True)
    words = models.WordEmbeddings(tokenizer=tokenizer, embedding_weights=weights, update_embeddings=False)
    pooling = models.Pooling(words.get_word_embedding_dimension(), pooling_mode="mean")
    path = folder / "tiny-bow"
    SentenceTransformer(modules=[words, pooling], device="cpu").save(str(path))
    return path


def test_a_tiny_model_built_here_is_named_and_sharpens_matching(monkeypatch, tmp_path):
    pytest.importorskip("sentence_transformers", reason="sentence-transformers is not installed "
                        "(pip install parallax[embeddings]); the offline matcher is tested without it")
    path = _tiny_model(tmp_path)
    units = [Unit(0, "a", 0, "a blast hit the market"), Unit(1, "b", 0, "the explosion struck the bazaar"),
             Unit(1, "b", 1, "the weather was mild")]
    monkeypatch.delenv(embeddings.MODEL_VARIABLE, raising=False)
    offline = align(units)
    monkeypatch.setenv(embeddings.MODEL_VARIABLE, str(path))
    status = embeddings.matcher_status()
    assert status.embedding and "tiny-bow" in status.matcher, status
    sharpened = align(units)
    assert sharpened.matcher == status.matcher
    assert sharpened.similarity[0, 1] > offline.similarity[0, 1]
    assert sharpened.similarity[0, 2] <= offline.similarity[0, 2] + 1e-9
    assert sharpened.statement[0] == sharpened.statement[1] is not None

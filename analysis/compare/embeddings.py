"""An optional sentence-embedding model that sharpens statement matching where one is installed.

Parallax runs offline and needs no model: the offline matcher (similarity.offline_similarity)
is the default and reaches its targets alone. A user who has installed sentence-transformers
(`pip install parallax[embeddings]`) and a model names the model, by a name the library resolves
or by a folder path, in PARALLAX_SENTENCE_MODEL. Its cosine is then blended with the offline
similarity (`blend`). Anything that goes wrong (the library missing, a model that will not load)
leaves the offline matcher running and says why in `matcher_status`.

Blend: embedding cosines of unrelated news sentences sit well above zero, so the cosine is
rescaled from EMBEDDING_FLOOR (no evidence) to 1 before it is averaged with the offline
similarity; the aligner's thresholds then keep their meaning. EMBEDDING_FLOOR is a typical
same-story, different-fact cosine of small general-purpose models; re-measure it with
bench/score_compare.py and the variable set before trusting a different model.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

MODEL_VARIABLE = "PARALLAX_SENTENCE_MODEL"
OFFLINE_MATCHER = "offline (entities, numbers, event words, wording)"
EMBEDDING_FLOOR = 0.45
EMBEDDING_WEIGHT = 0.5


@dataclass(frozen=True)
class Encoder:
    """A loaded sentence-embedding model and the name it is shown by."""

    name: str
    model: Any

    def similarity(self, texts: list[str]) -> np.ndarray:
        vectors = np.asarray(self.model.encode(texts, normalize_embeddings=True, show_progress_bar=False),
                             dtype=float)
        return vectors @ vectors.T


@dataclass(frozen=True)
class MatcherStatus:
    """Which matcher runs, and, when a configured model is not used, why."""

    matcher: str
    embedding: bool
    problem: str | None = None


@lru_cache(maxsize=2)
def _load(name_or_path: str) -> tuple[Encoder | None, str | None]:
    """The model named (loaded once per process), or None and the reason."""
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError:
        return None, (f"{MODEL_VARIABLE} names {name_or_path!r} but sentence-transformers is not installed "
                      "(pip install parallax[embeddings])")
    try:
        model = SentenceTransformer(name_or_path, device="cpu")
    except Exception as error:  # any load failure leaves the offline matcher running
        return None, f"{MODEL_VARIABLE}: the model {name_or_path!r} could not be loaded ({type(error).__name__}: {error})"
    return Encoder(f"sentence embeddings ({os.path.basename(name_or_path.rstrip('/')) or name_or_path}) "
                   f"+ offline", model), None


def configured_model() -> str | None:
    value = os.environ.get(MODEL_VARIABLE, "").strip()
    return value or None


def configured_encoder() -> Encoder | None:
    """The embedding model PARALLAX_SENTENCE_MODEL names, when it loads; else None."""
    name = configured_model()
    return _load(name)[0] if name else None


def matcher_status() -> MatcherStatus:
    """What the Compare page and the sidebar say about the statement matcher."""
    name = configured_model()
    if not name:
        return MatcherStatus(OFFLINE_MATCHER, False)
    encoder, problem = _load(name)
    if encoder is None:
        return MatcherStatus(OFFLINE_MATCHER, False, problem)
    return MatcherStatus(encoder.name, True)


def rescaled(cosine: np.ndarray, floor: float = EMBEDDING_FLOOR) -> np.ndarray:
    """Embedding cosine mapped to 0 at `floor` (no evidence of one fact) and 1 at identity."""
    return np.clip((cosine - floor) / (1.0 - floor), 0.0, 1.0)


def blend(offline: np.ndarray, embedded: np.ndarray, weight: float = EMBEDDING_WEIGHT) -> np.ndarray:
    """The offline similarity averaged with the rescaled embedding cosine."""
    return (1.0 - weight) * offline + weight * rescaled(embedded)

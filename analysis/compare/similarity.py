"""Sentence similarity: TF-IDF over words and character n-grams, cosine between sentences, and
the aligner's similarity by meaning (`meaning_similarity`).

Word uni- and bigrams catch shared wording ("car bomb", "claimed responsibility"); character
n-grams inside word boundaries catch inflections and spellings ("killed"/"killing",
"al-Shabaab"/"Al-Shabaab") without word vectors, which this machine cannot download. Both
halves are L2-normalised and weighted equally, so the cosine of the stacked vectors is the mean
of the word and character cosines, between 0 (nothing shared) and 1 (same text).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

if TYPE_CHECKING:
    from analysis.compare.align import Unit
    from analysis.compare.meaning import Evidence

WORD_WEIGHT = 0.5  # the word half's share of the cosine; the character half has the rest


def sentence_vectors(texts: Sequence[str]) -> sparse.csr_matrix:
    """L2-normalised rows whose dot products are the combined word+character cosines.

    IDF is fitted on `texts` themselves: the words every sentence of the selection uses (the
    place, the main actor) weigh less than the words that tell one statement from another.
    """
    texts = [t if t.strip() else "." for t in texts]
    if not texts:
        return sparse.csr_matrix((0, 0))
    words = TfidfVectorizer(lowercase=True, ngram_range=(1, 2), sublinear_tf=True, stop_words="english",
                            token_pattern=r"(?u)\b\w[\w'-]*\w\b|\b\w\b", min_df=1)
    chars = TfidfVectorizer(lowercase=True, analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=1)
    try:
        word_part = words.fit_transform(texts)
    except ValueError:  # only stop words
        word_part = sparse.csr_matrix((len(texts), 1))
    char_part = chars.fit_transform(texts)
    stacked = sparse.hstack([normalize(word_part) * np.sqrt(WORD_WEIGHT),
                             normalize(char_part) * np.sqrt(1 - WORD_WEIGHT)]).tocsr()
    return stacked


def similarity_matrix(texts: Sequence[str]) -> np.ndarray:
    """Dense cosine matrix of `texts` (the selection is a handful of articles: small)."""
    vectors = sentence_vectors(texts)
    if vectors.shape[0] == 0:
        return np.zeros((0, 0))
    return np.asarray((vectors @ vectors.T).todense())


EVIDENCE_WEIGHT = 0.5  # share of the evidence cosine (meaning.py) in the offline similarity


def offline_similarity(texts: Sequence[str], evidence: Sequence[Evidence]) -> np.ndarray:
    """Wording and meaning, half each: the TF-IDF cosine above and the evidence cosine
    (entities, numbers, event concepts, content stems). Wording alone misses paraphrase
    ("nobody took responsibility" / "no group has claimed"); evidence alone is blind to the
    phrasing that tells two statements about the same actors apart."""
    from analysis.compare.meaning import evidence_scores

    wording = similarity_matrix(texts)
    if wording.size == 0:
        return wording
    return (1 - EVIDENCE_WEIGHT) * wording + EVIDENCE_WEIGHT * evidence_scores(evidence).cosine


def meaning_similarity(units: Sequence[Unit], evidence: Sequence[Evidence]) -> tuple[np.ndarray, str]:
    """The aligner's similarity of `units` (whose evidence is `evidence`) and the name of the
    matcher that made it: the offline one, sharpened by a sentence-embedding model when one is
    configured (analysis.compare.embeddings)."""
    from analysis.compare.embeddings import OFFLINE_MATCHER, blend, configured_encoder

    texts = [u.text for u in units]
    offline = offline_similarity(texts, evidence)
    encoder = configured_encoder()
    if encoder is None or not texts:
        return offline, OFFLINE_MATCHER
    return blend(offline, encoder.similarity(texts)), encoder.name

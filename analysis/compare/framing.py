"""Framing: the words that set one side apart, by the weighted log-odds ratio with an
informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words", section 3.5).

Raw counts rank "the" and the story's own nouns first; plain log-odds rank words used once.
The prior (word frequencies of the wider corpus, scaled to `alpha0` pseudo-words) shrinks rare
words toward "no difference", and dividing by the estimate's standard error gives a z-score:
|z| >= 1.96 is a difference unlikely by chance at the 5% level. Each side is compared with all
the other selected sides pooled.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from analysis.compare.selection import Side
from analysis.nlp.lexicon import FUNCTION_WORDS

TOKEN = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")
Z_SIGNIFICANT = 1.96
TOP_TERMS = 12
# How news attributes, not how it frames: the words of reporting itself.
REPORTING_WORDS = frozenset(
    """said says say saying told tells tell reported reports reporting according added adds stated
    states noted notes quoted quoting spokesman spokeswoman spokesperson statement telephone
    interview reporters reporter correspondent correspondents""".split())
# "By Amina Yusuf" opening a line: the reporter's name is no framing either.
_BYLINE = re.compile(r"^\s*By\s+((?:[A-Z][\w'’-]*\s*){1,4})", re.MULTILINE)


def tokens(text: str) -> list[str]:
    """Lowercase word tokens; numbers and punctuation are not framing."""
    return TOKEN.findall(text.lower().replace("’", "'"))


def term_counts(texts: Iterable[str]) -> Counter:
    counts: Counter = Counter()
    for text in texts:
        counts.update(tokens(text))
    return counts


def log_odds_z(focus: Mapping[str, int], rest: Mapping[str, int], prior: Mapping[str, float],
               alpha0: float | None = None) -> pd.DataFrame:
    """z-scores of the prior-weighted log-odds of each word in `focus` versus `rest`.

    delta_w = log((y_iw + a_w) / (n_i + a0 - y_iw - a_w)) - log((y_jw + a_w) / (n_j + a0 - y_jw - a_w))
    var_w  ~ 1 / (y_iw + a_w) + 1 / (y_jw + a_w);   z_w = delta_w / sqrt(var_w)
    with a_w = a0 * prior share of w. `alpha0` defaults to the number of words compared (a prior
    worth as much as the data): strong enough to quiet one-off words, weak enough to let a
    word a side repeats stand out.
    """
    vocab = sorted(set(focus) | set(rest))
    if not vocab:
        return pd.DataFrame(columns=["term", "z", "delta", "focus", "rest"])
    y_i = np.array([focus.get(w, 0) for w in vocab], dtype=float)
    y_j = np.array([rest.get(w, 0) for w in vocab], dtype=float)
    base = np.array([prior.get(w, 0.0) for w in vocab], dtype=float) + (y_i + y_j)  # never zero
    n_i, n_j = y_i.sum(), y_j.sum()
    a0 = float(alpha0) if alpha0 else float(n_i + n_j)
    a = a0 * base / base.sum()
    delta = (np.log((y_i + a) / (n_i + a0 - y_i - a)) - np.log((y_j + a) / (n_j + a0 - y_j - a)))
    z = delta / np.sqrt(1.0 / (y_i + a) + 1.0 / (y_j + a))
    return pd.DataFrame({"term": vocab, "z": z, "delta": delta, "focus": y_i.astype(int), "rest": y_j.astype(int)})


def distinctive_terms(sides: Sequence[Side], documents_text: Mapping[str, str], prior: Mapping[str, float] | None = None,
                      top: int = TOP_TERMS) -> pd.DataFrame:
    """Per side, the `top` words most over-used against the other sides (z > 0, stop words out).

    `prior` is the corpus's word counts (term_counts over every article); without it the pooled
    selection stands in."""
    not_framing = _not_framing(sides, documents_text)
    counts = [term_counts(documents_text.get(d, "") for d in side.doc_ids) for side in sides]
    pooled: Counter = Counter()
    for c in counts:
        pooled.update(c)
    prior = prior if prior else pooled
    frames = []
    for index, side in enumerate(sides):
        rest = pooled.copy()
        rest.subtract(counts[index])
        scored = log_odds_z(counts[index], +rest, prior)
        scored = scored[(scored["focus"] > 0) & (scored["z"] > 0) & ~scored["term"].isin(FUNCTION_WORDS)
                        & ~scored["term"].isin(not_framing)]
        scored = scored[scored["term"].str.len() > 2]
        scored = scored.sort_values(["z", "term"], ascending=[False, True]).head(top)
        frames.append(scored.assign(side=index, label=side.label))
    columns = ["side", "label", "term", "z", "delta", "focus", "rest"]
    if not frames:
        return pd.DataFrame(columns=columns)
    out = pd.concat(frames, ignore_index=True)[columns]
    out["significant"] = out["z"] >= Z_SIGNIFICANT
    return out


def _not_framing(sides: Sequence[Side], documents_text: Mapping[str, str]) -> frozenset[str]:
    """Words that set a side apart without framing anything: its outlet's name (datelines and
    credits repeat it), its reporters' names (bylines) and the verbs of attribution."""
    words = set(REPORTING_WORDS)
    for side in sides:
        words.update(tokens(side.source))
        for doc_id in side.doc_ids:
            for byline in _BYLINE.findall(documents_text.get(doc_id, "")):
                words.update(tokens(byline))
    return frozenset(words)


def significance_note(framing: pd.DataFrame) -> str | None:
    """What to say when no listed word is a significant difference: the articles are too short
    (or too alike) to tell framing from chance. None when some word is significant."""
    if framing.empty:
        return "No side uses any word notably more than the others."
    if bool(framing["significant"].any()):
        return None
    return (f"None of these words is a significant difference (z ≥ {Z_SIGNIFICANT}): the selection is too "
            "small to tell framing from chance, so read them as hints only.")


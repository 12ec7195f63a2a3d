"""Tables the Entities page draws, shaped from the analysis tables with plain pandas.

Each function takes the (already filtered) `mentions`, `sentences` and `documents` tables and
returns a small DataFrame a chart or a download can use as is, so every number on the page can be
recomputed and tested without Streamlit. Sentence-level measures count each sentence once per
entity: an entity named twice in one sentence does not weigh that sentence twice.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pandas as pd

from analysis.entities.corrections import EntityCorrections

# Below this many sentences a mean tone is an anecdote, not a tendency: charts mark it as such.
MIN_SENTENCES_FOR_TREND = 3

SOURCE_COUNT_COLUMNS = ["entity", "label", "source", "mentions"]
DENSITY_COLUMNS = ["entity", "label", "source", "mentions", "words", "per_1000_words"]
SENTIMENT_COLUMNS = ["entity", "label", "source", "compound", "sentences", "low", "high", "spread"]
PAIR_COLUMNS = ["source_entity", "target_entity", "sentences"]
KWIC_COLUMNS = ["entity", "label", "source", "title", "doc_id", "sent_id", "before", "match", "after",
                "compound"]


def _entity_labels(mentions: pd.DataFrame) -> pd.Series:
    """The most frequent label of each entity's mentions (ties: alphabetical), indexed by entity."""
    counts = mentions.groupby(["entity", "label"]).size().rename("n").reset_index()
    counts = counts.sort_values(["entity", "n", "label"], ascending=[True, False, True])
    return counts.drop_duplicates("entity").set_index("entity")["label"]


def _with_source(mentions: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    return mentions.merge(documents[["doc_id", "source"]], on="doc_id", how="inner")


def top_entity_names(mentions: pd.DataFrame, limit: int) -> list[str]:
    """The `limit` most mentioned entities (ties broken by name, so the choice is stable)."""
    if mentions.empty:
        return []
    counts = mentions.groupby("entity").size().rename("n").reset_index()
    counts = counts.sort_values(["n", "entity"], ascending=[False, True])
    return [str(e) for e in counts["entity"].head(limit)]


def mentions_by_source(mentions: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """Mentions per entity and source, with the entity's label; most mentioned first."""
    if mentions.empty:
        return pd.DataFrame(columns=SOURCE_COUNT_COLUMNS)
    data = _with_source(mentions, documents)
    counts = data.groupby(["entity", "source"]).size().rename("mentions").reset_index()
    counts["label"] = counts["entity"].map(_entity_labels(mentions))
    totals = counts.groupby("entity")["mentions"].transform("sum")
    counts = counts.assign(_total=totals).sort_values(["_total", "entity", "source"],
                                                      ascending=[False, True, True])
    return counts[SOURCE_COUNT_COLUMNS].reset_index(drop=True)


def mention_density(mentions: pd.DataFrame, documents: pd.DataFrame,
                    entities: Iterable[str] | None = None) -> pd.DataFrame:
    """Entity x source mentions per 1,000 words of that source's articles.

    A long feature names everyone more often than a brief; dividing by the words each source
    published in view lets a 300-word wire and a 3,000-word feature be compared. Every
    (entity, source) pair is present, with 0 where the source never names the entity."""
    if mentions.empty or documents.empty:
        return pd.DataFrame(columns=DENSITY_COLUMNS)
    wanted = list(entities) if entities is not None else top_entity_names(mentions, len(mentions))
    words = documents.groupby("source")["words"].sum()
    counts = (_with_source(mentions[mentions["entity"].isin(wanted)], documents)
              .groupby(["entity", "source"]).size())
    grid = pd.MultiIndex.from_product([wanted, sorted(words.index)], names=["entity", "source"])
    data = counts.reindex(grid, fill_value=0).rename("mentions").reset_index()
    data["words"] = data["source"].map(words).astype("int64")
    data["per_1000_words"] = np.where(data["words"] > 0,
                                      1000.0 * data["mentions"] / data["words"].clip(lower=1), 0.0)
    data["label"] = data["entity"].map(_entity_labels(mentions))
    return data[DENSITY_COLUMNS]


def entity_sentences(mentions: pd.DataFrame, sentences: pd.DataFrame,
                     documents: pd.DataFrame) -> pd.DataFrame:
    """One row per (entity, sentence that names it): entity, doc_id, sent_id, source, compound."""
    pairs = mentions[["entity", "doc_id", "sent_id"]].drop_duplicates()
    pairs = pairs.merge(sentences[["doc_id", "sent_id", "compound"]], on=["doc_id", "sent_id"], how="inner")
    return _with_source(pairs, documents)


def _interval(mean: float, std: float, n: int) -> tuple[float, float]:
    """A 95% normal interval of the mean, clipped to VADER's range; the mean alone when n < 2."""
    if n < 2 or math.isnan(std):
        return mean, mean
    half = 1.96 * std / math.sqrt(n)
    return max(-1.0, mean - half), min(1.0, mean + half)


def entity_sentiment(mentions: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame,
                     entities: Iterable[str] | None = None) -> pd.DataFrame:
    """Entity-targeted tone: per entity and source, the mean compound of the sentences that name
    the entity, with how many sentences that is (`sentences`), a 95% interval of the mean
    (`low`, `high`) and the standard deviation (`spread`). n travels with every value so a
    single sentence is never read as a trend."""
    if mentions.empty:
        return pd.DataFrame(columns=SENTIMENT_COLUMNS)
    if entities is not None:
        mentions = mentions[mentions["entity"].isin(list(entities))]
    data = entity_sentences(mentions, sentences, documents)
    if data.empty:
        return pd.DataFrame(columns=SENTIMENT_COLUMNS)
    grouped = data.groupby(["entity", "source"])["compound"]
    out = grouped.agg(compound="mean", sentences="size", spread="std").reset_index()
    bounds = [_interval(m, s, n) for m, s, n in zip(out["compound"], out["spread"], out["sentences"])]
    out["low"] = [b[0] for b in bounds]
    out["high"] = [b[1] for b in bounds]
    out["spread"] = out["spread"].fillna(0.0)
    out["label"] = out["entity"].map(_entity_labels(mentions))
    out = out.sort_values(["entity", "source"]).reset_index(drop=True)
    return out[SENTIMENT_COLUMNS]


def cooccurrence(mentions: pd.DataFrame, entities: Iterable[str] | None = None) -> pd.DataFrame:
    """Pairs of entities named in the same sentence, with the number of sentences that name both.

    Each pair appears once (`source_entity` < `target_entity` alphabetically); an entity named
    twice in one sentence does not pair with itself. Strongest pairs first."""
    if mentions.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    data = mentions[["doc_id", "sent_id", "entity"]].drop_duplicates()
    if entities is not None:
        data = data[data["entity"].isin(list(entities))]
    data = data.astype({"entity": str})
    pairs = data.merge(data, on=["doc_id", "sent_id"], suffixes=("_a", "_b"))
    pairs = pairs[pairs["entity_a"] < pairs["entity_b"]]
    if pairs.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    out = pairs.groupby(["entity_a", "entity_b"]).size().rename("sentences").reset_index()
    out.columns = PAIR_COLUMNS
    return out.sort_values(["sentences", "source_entity", "target_entity"],
                           ascending=[False, True, True], ignore_index=True)


def network_layout(nodes: list[str], edges: pd.DataFrame, iterations: int = 300,
                   seed: int = 7) -> pd.DataFrame:
    """Positions for a node-link drawing (Fruchterman-Reingold with a little gravity).

    Linked entities pull together (more the more sentences they share), every pair pushes apart,
    and gravity keeps unlinked groups from drifting off. The drawing is scaled so that most nodes
    (85%; all of a handful) sit within the unit circle and stragglers are pulled in to just
    outside it: a few far-flung pairs must not squeeze the crowded core into the middle.
    Deterministic for a given seed, numpy only, fast for the few hundred nodes a chart can hold.
    Returns columns entity, x, y (about [-1.1, 1.1])."""
    n = len(nodes)
    if n == 0:
        return pd.DataFrame(columns=["entity", "x", "y"])
    if n == 1:
        return pd.DataFrame({"entity": nodes, "x": [0.0], "y": [0.0]})
    index = {name: i for i, name in enumerate(nodes)}
    weights = np.zeros((n, n))
    for a, b, w in edges[["source_entity", "target_entity", "sentences"]].itertuples(index=False):
        if a in index and b in index and a != b:
            weights[index[a], index[b]] = weights[index[b], index[a]] = float(w)
    if weights.max() > 0:
        # A single shared sentence still pulls; the strongest pair pulls about three times harder.
        weights = np.where(weights > 0, 0.3 + 0.7 * weights / weights.max(), 0.0)
    rng = np.random.default_rng(seed)
    angles = np.linspace(0, 2 * np.pi, n, endpoint=False)
    pos = np.c_[np.cos(angles), np.sin(angles)] + rng.normal(scale=0.05, size=(n, 2))
    k = 2.0 / math.sqrt(n)
    temperature = 0.1
    # einsum sums the pairs' forces without an n x n x 2 temporary per step: with np.linalg.norm
    # and a broadcast product the layout took 77 ms at 60 nodes and 475 ms at 150; so, 41 and
    # 244 ms, with the same positions (the network chart redraws it on every view).
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        distance = np.maximum(np.sqrt(np.einsum("ijk,ijk->ij", delta, delta)), 1e-3)
        force = np.einsum("ij,ijk->ik", k * k / distance ** 2 - weights * distance / k, delta)
        force -= pos  # gravity: as strong as the repulsion of the crowd at unit distance
        length = np.maximum(np.sqrt(np.einsum("ij,ij->i", force, force)), 1e-9)
        pos += force / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature = max(temperature * 0.985, 0.002)
    pos -= pos.mean(axis=0)
    radius = np.linalg.norm(pos, axis=1)
    scale = float(np.quantile(radius, 0.85 if n >= 10 else 1.0))  # a handful: fit them all
    if scale > 0:
        pos /= scale
        radius = radius / scale
    outside = radius > 1
    pos[outside] *= ((1 + 0.1 * np.tanh(radius[outside] - 1)) / radius[outside])[:, None]
    return pd.DataFrame({"entity": nodes, "x": pos[:, 0], "y": pos[:, 1]})


def _clip_left(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    cut = text[-width:]
    space = cut.find(" ")
    return "…" + (cut[space + 1:] if 0 <= space < width // 3 else cut)


def _clip_right(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    cut = text[:width]
    space = cut.rfind(" ")
    return (cut[:space] if space > 2 * width // 3 else cut) + "…"


def keyword_in_context(mentions: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame,
                       entities: Iterable[str], width: int = 90) -> pd.DataFrame:
    """Each mention of `entities` in its sentence: the text before, the mention, the text after
    (each clipped to about `width` characters at a word boundary), with its article's source and
    title, in reading order. Plain text: whoever renders it as HTML escapes it."""
    wanted = set(entities)
    chosen = mentions[mentions["entity"].isin(wanted)]
    if chosen.empty:
        return pd.DataFrame(columns=KWIC_COLUMNS)
    data = chosen.merge(sentences[["doc_id", "sent_id", "start", "text", "compound"]]
                        .rename(columns={"start": "sent_start", "text": "sentence"}),
                        on=["doc_id", "sent_id"], how="inner")
    data = data.merge(documents[["doc_id", "source", "title"]], on="doc_id", how="inner")
    data = data.sort_values(["source", "doc_id", "start"], ignore_index=True)
    rows = []
    for row in data.itertuples(index=False):
        sentence = str(row.sentence)
        begin = max(0, int(row.start) - int(row.sent_start))
        end = min(len(sentence), int(row.end) - int(row.sent_start))
        match = sentence[begin:end] if end > begin else str(row.text)
        rows.append((row.entity, row.label, row.source, row.title, row.doc_id, int(row.sent_id),
                     _clip_left(sentence[:begin], width), match, _clip_right(sentence[end:], width),
                     float(row.compound)))
    return pd.DataFrame(rows, columns=KWIC_COLUMNS)


def mentions_export(mentions: pd.DataFrame, sentences: pd.DataFrame,
                    documents: pd.DataFrame) -> pd.DataFrame:
    """Every mention with where it comes from (source, title, published) and its sentence."""
    columns = ["entity", "label", "text", "source", "title", "published", "doc_id", "sent_id",
               "start", "end", "sentence", "compound"]
    if mentions.empty:
        return pd.DataFrame(columns=columns)
    data = mentions.merge(documents[["doc_id", "source", "title", "published"]], on="doc_id", how="left")
    data = data.merge(sentences[["doc_id", "sent_id", "text", "compound"]].rename(columns={"text": "sentence"}),
                      on=["doc_id", "sent_id"], how="left")
    return data.sort_values(["doc_id", "start"], ignore_index=True)[columns]


def describe_corrections(corrections: EntityCorrections) -> list[tuple[str, str]]:
    """(kind, readable line) per correction, in the order they apply: merges then splits listed
    as the analyst made them, so each can be undone by its position."""
    lines = [("merge", f"“{alias}” merged into “{into}”") for alias, into in corrections.merges]
    lines += [("split", f"“{entity}” split into its surface forms") for entity in corrections.splits]
    return lines


def without_correction(corrections: EntityCorrections, position: int) -> EntityCorrections:
    """`corrections` minus the one at `position` in `describe_corrections` order (undo one)."""
    merges, splits = list(corrections.merges), list(corrections.splits)
    if 0 <= position < len(merges):
        del merges[position]
    elif 0 <= position - len(merges) < len(splits):
        del splits[position - len(merges)]
    return EntityCorrections(tuple(merges), tuple(splits))

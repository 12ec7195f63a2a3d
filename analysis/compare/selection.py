"""What is compared: sides, each one article or all the selected articles of one source.

A selection is a list of keys, "a:<doc_id>" for an article or "s:<source>" for a source, the
form the URL carries. Comparing sources pools each source's articles; comparing articles keeps
them apart (two articles of one outlet can disagree too). At most MAX_SIDES sides: beyond that
the side-by-side columns stop being readable and the pairwise matching grows quadratically.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

MAX_SIDES = 6
# A source side reads its newest articles up to this many: sentence matching grows with the
# square of the sentences compared, and a column of more articles is not read anyway.
MAX_ARTICLES_PER_SOURCE = 15
ARTICLE = "a"
SOURCE = "s"


@dataclass(frozen=True)
class Side:
    """One column of the comparison: a label for people and the articles it stands for."""

    key: str
    label: str
    source: str
    doc_ids: tuple[str, ...]
    available: int = 0  # articles the source has in the selection's scope (>= len(doc_ids))


def article_key(doc_id: str) -> str:
    return f"{ARTICLE}:{doc_id}"


def source_key(source: str) -> str:
    return f"{SOURCE}:{source}"


def split_key(key: str) -> tuple[str, str] | None:
    """("a", doc_id) or ("s", source); None for anything else (a hand-edited URL)."""
    kind, sep, value = str(key).partition(":")
    if not sep or kind not in (ARTICLE, SOURCE) or not value:
        return None
    return kind, value


def selection_mode(keys: Iterable[str]) -> str:
    """Articles or sources: the kind of the first valid key decides; articles by default."""
    for key in keys:
        parts = split_key(key)
        if parts:
            return parts[0]
    return ARTICLE


def clean_selection(keys: Iterable[str], documents: pd.DataFrame) -> tuple[list[str], list[str]]:
    """The keys that name an article or source of `documents`, of one kind, without repeats,
    at most MAX_SIDES; and the keys dropped, so the page can say why."""
    keys = list(keys)
    mode = selection_mode(keys)
    known = set(documents["doc_id"]) if mode == ARTICLE else set(documents["source"])
    kept: list[str] = []
    dropped: list[str] = []
    for key in keys:
        parts = split_key(key)
        if parts is None or parts[0] != mode or parts[1] not in known or key in kept or len(kept) >= MAX_SIDES:
            dropped.append(key)
        else:
            kept.append(key)
    return kept, dropped


def article_label(source: str, title: str, repeated_source: bool) -> str:
    """The source alone reads best; the title is added only when one source appears twice."""
    if not repeated_source:
        return source
    short = title if len(title) <= 40 else title[:39].rstrip() + "…"
    return f"{source}: {short}"


def build_sides(keys: Sequence[str], documents: pd.DataFrame) -> list[Side]:
    """Sides for the (clean) keys, in the order given."""
    sides: list[Side] = []
    by_id = documents.set_index("doc_id")
    mode = selection_mode(keys)
    if mode == ARTICLE:
        ids = [split_key(k)[1] for k in keys]
        sources = [str(by_id.at[i, "source"]) for i in ids]
        for key, doc_id, source in zip(keys, ids, sources):
            title = str(by_id.at[doc_id, "title"])
            sides.append(Side(key, article_label(source, title, sources.count(source) > 1), source, (doc_id,), 1))
    else:
        for key in keys:
            source = split_key(key)[1]
            own = documents[documents["source"] == source]
            newest = own.assign(_when=pd.to_datetime(own["published"], errors="coerce"))
            newest = newest.sort_values(["_when", "doc_id"], ascending=[False, True], na_position="last", kind="stable")
            ids = tuple(newest["doc_id"].head(MAX_ARTICLES_PER_SOURCE))
            n = len(ids)
            sides.append(Side(key, source if n == 1 else f"{source} ({n} articles)", source, ids, len(own)))
    return sides


SAME_STORY_ENTITIES = 2  # articles naming at least this many of the same actors and places tell one story


def default_selection(documents: pd.DataFrame, limit: int = 4, mentions: pd.DataFrame | None = None) -> list[str]:
    """A starting comparison: the first article (by date) of each of the first `limit` sources,
    so a fresh page shows different outlets side by side. Given the mentions (doc_id, entity),
    the outlets' articles are those on the first article's story (sharing SAME_STORY_ENTITIES
    entities with it, most shared first): a corpus of several stories never starts by comparing
    a Ukraine report with a Red Sea one. Empty when there is only one article."""
    if len(documents) < 2:
        return []
    ordered = documents.assign(_when=pd.to_datetime(documents["published"], errors="coerce"))
    ordered = ordered.sort_values(["_when", "doc_id"], na_position="last", kind="stable")
    story = _first_story(ordered, mentions, limit) if mentions is not None else []
    if len(story) >= 2:
        return [article_key(d) for d in story]
    firsts = ordered.drop_duplicates("source")
    if len(firsts) < 2:
        return [article_key(d) for d in ordered["doc_id"].head(2)]
    return [article_key(d) for d in firsts["doc_id"].head(limit)]


def _first_story(ordered: pd.DataFrame, mentions: pd.DataFrame, limit: int) -> list[str]:
    """The first article and up to `limit - 1` articles of other outlets on its story, those
    sharing most entities with it first (then by date)."""
    if mentions.empty or "entity" not in mentions:
        return []
    named = mentions[mentions["doc_id"].isin(set(ordered["doc_id"]))]
    entities = named.groupby("doc_id")["entity"].agg(lambda values: set(values.dropna()))
    seed_id, seed_source = ordered["doc_id"].iloc[0], ordered["source"].iloc[0]
    seed = entities.get(seed_id, set())
    chosen, sources = [seed_id], {seed_source}
    shared = [(len(seed & entities.get(doc_id, set())), position, doc_id, source)
              for position, (doc_id, source) in enumerate(zip(ordered["doc_id"], ordered["source"]))
              if doc_id != seed_id]
    for count, _, doc_id, source in sorted(shared, key=lambda item: (-item[0], item[1])):
        if count < SAME_STORY_ENTITIES or len(chosen) >= limit:
            break
        if source not in sources:
            chosen.append(doc_id)
            sources.add(source)
    return chosen

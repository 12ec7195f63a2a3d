"""The mentions table with its canonical `entity` column, and the entities table."""

from __future__ import annotations

import pandas as pd

from analysis.entities.corrections import EntityCorrections, apply_corrections
from analysis.entities.resolve import MentionRef, majority_label, resolve

ENTITY_COLUMNS = ["entity", "label", "mentions", "documents", "sources", "aliases", "compound", "source_list"]


def resolve_mentions(mentions: pd.DataFrame, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """A copy of `mentions` with the canonical `entity` of each row. With the sentences table
    (their text and offsets), an acronym written in parentheses after a name is known as its
    definition ("Disaster and Emergency Management Authority (AFAD)")."""
    out = mentions.copy()
    starts = out["start"].tolist() if "start" in out else [-1] * len(out)
    ends = out["end"].tolist() if "end" in out else [-1] * len(out)
    bracketed = _bracketed(out, sentences) if sentences is not None and "start" in out else [False] * len(out)
    refs = [
        MentionRef(str(doc_id), str(text), str(label), int(start), int(end), in_brackets)
        for doc_id, text, label, start, end, in_brackets in zip(
            out["doc_id"].tolist(), out["text"].tolist(), out["label"].tolist(), starts, ends, bracketed
        )
    ]
    out["entity"] = pd.Series(resolve(refs), index=out.index, dtype=object)
    return out


def _bracketed(mentions: pd.DataFrame, sentences: pd.DataFrame) -> list[bool]:
    """For each mention, whether its sentence writes it between parentheses."""
    if sentences.empty or "sent_id" not in mentions or not {"start", "text"} <= set(sentences.columns):
        return [False] * len(mentions)
    where = {
        (doc_id, sent_id): (int(start), text)
        for doc_id, sent_id, start, text in zip(sentences["doc_id"].tolist(), sentences["sent_id"].tolist(),
                                                sentences["start"].tolist(), sentences["text"].tolist())
    }
    flags = []
    for doc_id, sent_id, start, end, text in zip(mentions["doc_id"].tolist(), mentions["sent_id"].tolist(),
                                                 mentions["start"].tolist(), mentions["end"].tolist(),
                                                 mentions["text"].tolist()):
        sentence_start, sentence = where.get((doc_id, sent_id), (0, ""))
        i, j = int(start) - sentence_start, int(end) - sentence_start
        flags.append(i > 0 and sentence[i:j] == text and sentence[i - 1 : i] == "(" and sentence[j : j + 1] == ")")
    return flags


def build_entity_tables(
    mentions: pd.DataFrame,
    sentences: pd.DataFrame,
    documents: pd.DataFrame,
    corrections: EntityCorrections | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(mentions with `entity`, entities table).

    Entities columns: entity, label (majority label of its mentions), mentions (count),
    documents (count of articles), sources (count of distinct sources), aliases (sorted list of
    the distinct surface forms as written), compound (mean VADER compound of the distinct
    sentences that mention it), source_list (sorted list of the source names). Sorted by
    mentions, most first, then name. Lists rather than joined strings so JSON keeps them;
    a CSV writer can join them with "; ".
    """
    resolved = resolve_mentions(mentions, sentences) if not mentions.empty else mentions.assign(entity=pd.Series(dtype=object))
    resolved = apply_corrections(resolved, corrections)
    return resolved, summarise_entities(resolved, sentences, documents)


def summarise_entities(mentions: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """The entities table of a mentions table that already has its `entity` column."""
    if mentions.empty:
        return pd.DataFrame({column: pd.Series(dtype=object) for column in ENTITY_COLUMNS})
    frame = mentions[["entity", "doc_id", "sent_id", "text", "label"]].copy()
    source_of = dict(zip(documents["doc_id"].tolist(), documents["source"].tolist())) if not documents.empty else {}
    frame["source"] = frame["doc_id"].map(source_of)
    grouped = frame.groupby("entity", sort=False)
    size = grouped.size()
    # The list-valued columns and the labels in one pass over plain lists: a Python function
    # per group through pandas' agg costs far more.
    texts: dict[str, set[str]] = {}
    names: dict[str, set[str]] = {}
    labels: dict[str, list[str]] = {}
    for entity, text, source, label in zip(frame["entity"].tolist(), frame["text"].tolist(),
                                           frame["source"].tolist(), frame["label"].tolist()):
        # (`type(...) is str` first: a string is never missing, and pd.isna per value is slow.)
        if type(entity) is not str and pd.isna(entity):
            continue  # groupby leaves missing keys out
        texts.setdefault(entity, set()).add(text)
        own = names.setdefault(entity, set())
        if type(source) is str or not pd.isna(source):
            own.add(str(source))
        if type(label) is str or not pd.isna(label):
            labels.setdefault(entity, []).append(label)
    table = pd.DataFrame({
        "mentions": size,
        "documents": grouped["doc_id"].nunique(),
        "sources": grouped["source"].nunique(),
        "aliases": pd.Series([sorted(texts[e]) for e in size.index], index=size.index, dtype=object),
        "source_list": pd.Series([sorted(names[e]) for e in size.index], index=size.index, dtype=object),
    })
    table["label"] = pd.Series({entity: majority_label(found) for entity, found in labels.items()})
    # Each sentence counts once however often it names the entity.
    sentence_scores = sentences[["doc_id", "sent_id", "compound"]] if not sentences.empty else None
    if sentence_scores is not None:
        distinct = frame.drop_duplicates(["entity", "doc_id", "sent_id"])
        scored = distinct.merge(sentence_scores, on=["doc_id", "sent_id"], how="left")
        table["compound"] = scored.groupby("entity", sort=False)["compound"].mean()
    else:
        table["compound"] = float("nan")
    table = table.rename_axis("entity").reset_index()[ENTITY_COLUMNS]
    table["compound"] = table["compound"].astype(float)
    table = table.sort_values(["mentions", "entity"], ascending=[False, True], kind="stable")
    return table.reset_index(drop=True)

"""The mentions table with its canonical `entity` column, and the entities table."""

from __future__ import annotations

import pandas as pd

from analysis.entities.corrections import EntityCorrections, apply_corrections
from analysis.entities.resolve import MentionRef, majority_label, resolve

ENTITY_COLUMNS = ["entity", "label", "mentions", "documents", "sources", "aliases", "compound", "source_list"]


def resolve_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    """A copy of `mentions` with the canonical `entity` of each row."""
    out = mentions.copy()
    starts = out["start"].tolist() if "start" in out else [-1] * len(out)
    ends = out["end"].tolist() if "end" in out else [-1] * len(out)
    refs = [
        MentionRef(str(doc_id), str(text), str(label), int(start), int(end))
        for doc_id, text, label, start, end in zip(
            out["doc_id"].tolist(), out["text"].tolist(), out["label"].tolist(), starts, ends
        )
    ]
    out["entity"] = pd.Series(resolve(refs), index=out.index, dtype=object)
    return out


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
    resolved = resolve_mentions(mentions) if not mentions.empty else mentions.assign(entity=pd.Series(dtype=object))
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
    table = pd.DataFrame({
        "mentions": grouped.size(),
        "documents": grouped["doc_id"].nunique(),
        "sources": grouped["source"].nunique(),
        "aliases": grouped["text"].agg(lambda texts: sorted(set(texts))),
        "source_list": grouped["source"].agg(lambda names: sorted({str(n) for n in names.dropna()})),
    })
    labels = frame.groupby(["entity", "label"], sort=False).size()
    table["label"] = pd.Series(
        {entity: majority_label(list(counts.index.get_level_values("label").repeat(counts.tolist())))
         for entity, counts in labels.groupby(level="entity", sort=False)}
    )
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

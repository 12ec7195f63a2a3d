"""Entity coverage: who each side names, who all name, who only one names, and who is quoted.

Quotes: in a sentence that carries a speech cue ("said", "told", "according to", ...) the PERSON
nearest a cue, within SPEAKER_WINDOW characters, is taken as the speaker; with none, the
nearest organisation ("the Taliban said in a statement"). This is the reporting convention of news prose, not a parse, so it
reads "Ali said" and "according to Madina hospital" alike.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from analysis.compare.selection import Side

SPEECH_CUE = re.compile(
    r"\b(?:said|says|say|told|tells|according to|added|adding|stated|announced|claimed|warned|"
    r"quoted|tweeted|wrote|posted|insisted|confirmed|denied|explained|recalled)\b",
    re.IGNORECASE,
)
SPEAKER_LABELS = ("PERSON", "ORG")  # in this order of preference
# "X said", "said X, a spokesman", "according to X": the speaker sits next to the cue. Farther
# off, a name is more likely the subject of the reported speech than its source.
SPEAKER_WINDOW = 60


def _speaker(mentions: pd.DataFrame, cues: list[int]):
    """The person nearest a cue within SPEAKER_WINDOW characters, else such an organisation."""
    for label in SPEAKER_LABELS:
        pool = mentions[mentions["label"] == label]
        if pool.empty:
            continue
        distance = [min(min(abs(c - s), abs(c - e)) for c in cues) for s, e in zip(pool["start"], pool["end"])]
        best = min(distance)
        if best <= SPEAKER_WINDOW:
            return pool.iloc[distance.index(best)]
    return None


def side_of_doc(sides: Sequence[Side]) -> dict[str, int]:
    return {doc_id: i for i, side in enumerate(sides) for doc_id in side.doc_ids}


def coverage_table(sides: Sequence[Side], mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per entity: its label, mentions per side (columns named by side index), how many
    sides name it, and `named_by`: "all", "only <side>" or "some"."""
    where = side_of_doc(sides)
    rows = mentions[mentions["doc_id"].isin(where)].assign(side=lambda m: m["doc_id"].map(where))
    columns = ["entity", "label", "n_sides", "named_by", "mentions"] + [str(i) for i in range(len(sides))]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    counts = rows.pivot_table(index="entity", columns="side", values="start", aggfunc="count", fill_value=0)
    counts = counts.reindex(columns=range(len(sides)), fill_value=0)
    counts.columns = [str(c) for c in counts.columns]
    label = rows.groupby("entity")["label"].agg(lambda s: s.mode().iat[0])
    table = counts.assign(label=label, n_sides=(counts > 0).sum(axis=1), mentions=counts.sum(axis=1))

    def named_by(row) -> str:
        present = [i for i in range(len(sides)) if row[str(i)] > 0]
        if len(present) == len(sides):
            return "all"
        if len(present) == 1:
            return f"only {sides[present[0]].label}"
        return ", ".join(sides[i].label for i in present)

    table["named_by"] = table.apply(named_by, axis=1)
    table = table.reset_index().sort_values(["n_sides", "mentions", "entity"], ascending=[False, False, True])
    return table[columns].reset_index(drop=True)


def quotes_table(sides: Sequence[Side], sentences: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Who is quoted by whom: one row per (side, sentence) with a speech cue and a named speaker."""
    where = side_of_doc(sides)
    columns = ["side", "label", "speaker", "speaker_label", "doc_id", "sent_id", "text"]
    chosen = sentences[sentences["doc_id"].isin(where)]
    candidates = mentions[mentions["doc_id"].isin(where) & mentions["label"].isin(SPEAKER_LABELS)]
    by_sentence = {key: group for key, group in candidates.groupby(["doc_id", "sent_id"])}
    rows = []
    for doc_id, sent_id, start, text in chosen[["doc_id", "sent_id", "start", "text"]].itertuples(index=False):
        cues = [m.start() + int(start) for m in SPEECH_CUE.finditer(text)]
        group = by_sentence.get((doc_id, sent_id))
        if not cues or group is None:
            continue
        speaker = _speaker(group, cues)
        if speaker is None:
            continue
        side = where[doc_id]
        rows.append({"side": side, "label": sides[side].label, "speaker": speaker["entity"],
                     "speaker_label": speaker["label"], "doc_id": doc_id, "sent_id": int(sent_id), "text": text})
    return pd.DataFrame(rows, columns=columns)


def speakers_by_side(quotes: pd.DataFrame, n_sides: int) -> pd.DataFrame:
    """Speaker x side: how often each side quotes each speaker, and which sides do."""
    if quotes.empty:
        return pd.DataFrame(columns=["speaker", "speaker_label", "quoted_by", "n_sides"])
    grouped = quotes.groupby(["speaker", "speaker_label"])
    table = grouped["label"].agg(lambda s: ", ".join(dict.fromkeys(s))).rename("quoted_by").to_frame()
    table["n_sides"] = grouped["side"].nunique()
    table["quotes"] = grouped.size()
    return table.reset_index().sort_values(["n_sides", "quotes"], ascending=False).reset_index(drop=True)

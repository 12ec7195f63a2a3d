"""Entity coverage: who each side names, who all name, who only one names, and who is quoted.

Quotes: in a sentence that carries a speech cue ("said", "told", "according to", ...) the
speaker is the source the sentence attributes its words to (analysis.casualties.attribution:
"according to X", "X said", ", said X"), read as a whole phrase, so a title never cuts a name
("Maj. Gen. Zaw Min Tun") and an entity of the reported clause is never the speaker
("According to a local security officer, the Taliban circled the city": the officer). A source
that holds a person's or an organisation's name is that entity; one that describes its speaker
without a name ("a local security officer", "witnesses") is kept as written, labelled UNNAMED. A
pronoun names no one. With no attributed phrase, the person nearest a cue, within SPEAKER_WINDOW
characters, is taken ("Dr. X, who runs the ward, said"); an organisation only as part of an
attributed phrase, since one near a cue is as often what the speaker talks about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from analysis.casualties.attribution import find_attribution, is_pronoun
from analysis.compare.selection import Side

SPEECH_CUE = re.compile(
    r"\b(?:said|says|say|told|tells|according to|added|adding|stated|announced|claimed|warned|"
    r"quoted|tweeted|wrote|posted|insisted|confirmed|denied|explained|recalled)\b",
    re.IGNORECASE,
)
SPEAKER_LABELS = ("PERSON", "ORG")  # in this order of preference
UNNAMED = "UNNAMED"  # speaker_label of a source described but not named ("a local security officer")
# "X, who runs the ward, said": the speaker sits near the cue. Farther off, a name is more likely
# the subject of the reported speech than its source.
SPEAKER_WINDOW = 60


def _folded(text: str) -> str:
    """Text compared without full stops, case or extra spaces ("Maj. Gen." / "Maj Gen")."""
    return " ".join(text.replace(".", " ").split()).casefold()


def _named_in(source: str, mentions: pd.DataFrame) -> pd.Series | None:
    """The person, else the organisation, whose mention the attributed phrase holds."""
    phrase = f" {_folded(source)} "
    for label in SPEAKER_LABELS:
        for _, mention in mentions[mentions["label"] == label].iterrows():
            if f" {_folded(str(mention['text']))} " in phrase:
                return mention
    return None


def _nearest_person(mentions: pd.DataFrame, cues: list[int]) -> pd.Series | None:
    """The person nearest a cue within SPEAKER_WINDOW characters."""
    pool = mentions[mentions["label"] == "PERSON"]
    if pool.empty:
        return None
    distance = [min(min(abs(c - s), abs(c - e)) for c in cues) for s, e in zip(pool["start"], pool["end"])]
    best = min(distance)
    return pool.iloc[distance.index(best)] if best <= SPEAKER_WINDOW else None


def speaker_of(text: str, mentions: pd.DataFrame, cues: list[int]) -> tuple[str, str] | None:
    """(speaker, speaker_label) of a sentence with speech cues at offsets `cues`, given its
    person and organisation mentions (offsets on the same scale), or None: no one named."""
    source = find_attribution(text)
    if source is not None:
        if is_pronoun(source):
            return None
        named = _named_in(source, mentions)
        if named is not None:
            return str(named["entity"]), str(named["label"])
        return source, UNNAMED
    person = _nearest_person(mentions, cues)
    return (str(person["entity"]), "PERSON") if person is not None else None


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
    """Who is quoted by whom: one row per (side, sentence) with a speech cue and a speaker, named
    (PERSON, ORG) or described (UNNAMED)."""
    where = side_of_doc(sides)
    columns = ["side", "label", "speaker", "speaker_label", "doc_id", "sent_id", "text"]
    chosen = sentences[sentences["doc_id"].isin(where)]
    candidates = mentions[mentions["doc_id"].isin(where) & mentions["label"].isin(SPEAKER_LABELS)]
    by_sentence = {key: group for key, group in candidates.groupby(["doc_id", "sent_id"])}
    empty = candidates.iloc[0:0]
    rows = []
    for doc_id, sent_id, start, text in chosen[["doc_id", "sent_id", "start", "text"]].itertuples(index=False):
        cues = [m.start() + int(start) for m in SPEECH_CUE.finditer(text)]
        if not cues:
            continue
        found = speaker_of(text, by_sentence.get((doc_id, sent_id), empty), cues)
        if found is None:
            continue
        side = where[doc_id]
        rows.append({"side": side, "label": sides[side].label, "speaker": found[0], "speaker_label": found[1],
                     "doc_id": doc_id, "sent_id": int(sent_id), "text": text})
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

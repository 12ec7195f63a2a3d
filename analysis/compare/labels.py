"""How each side labels an actor: the descriptive phrases written next to its name.

News prose attaches its characterisation in a few fixed places, which rules can read without a
parser: a descriptor noun right after the name ("Taliban militants", "Houthi rebels"), a
modifier run between an article and the name ("the hardline Islamist Taliban"), an appositive
("Al-Shabaab, the al Qaeda-linked militant group,"), a role before a person ("police spokesman
Sadiq Ali"), and self-naming ("which calls itself the Islamic Emirate"). Epithets standing
alone ("the terror group", "the insurgents") are counted per side too: a side that never
names the actor still labels it.

ACTOR_NOUNS/ROLE_NOUNS are a general vocabulary of conflict reporting (actors, forces, roles), not a list of
any one story's words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import pandas as pd

from analysis.compare.coverage import side_of_doc
from analysis.compare.selection import Side
from analysis.nlp.lexicon import PERSON_TITLES, STOP_WORDS

ACTOR_NOUNS = (
    "militants?", "insurgents?", "insurgency", "rebels?", "terrorists?", "terror group", "fighters?", "jihadists?",
    "extremists?", "separatists?", "militias?", "militiamen", "groups?", "movement", "organi[sz]ation",
    "faction", "regime", "government", "administration", "junta", "authorities", "forces", "troops",
    "army", "soldiers", "gunmen", "attackers", "bombers?", "guerrillas?", "mujahideen", "resistance",
    "occupiers", "occupation", "invaders", "outfit", "network", "cells?", "emirate", "caliphate", "proxies",
    "proxy", "activists?", "protesters", "mercenaries", "paramilitar(?:y|ies)", "warlords?", "thugs",
)
# Roles name a person's office ("police spokesman X"); after an organisation ("UN envoy") they
# describe a person too, so they never label the organisation.
ROLE_NOUNS = (
    "spokes(?:man|woman|person)", "officials?", "leaders?", "commanders?", "ministers?", "president", "envoy",
    "director", "chief", "head", "secretary", "governor", "general", "colonel", "mayor", "ambassador",
)
DESCRIPTORS = ACTOR_NOUNS + ROLE_NOUNS
# Institutional nouns carry no stance on their own ("the Turkish government", "Somali forces");
# the rest of ACTOR_NOUNS do ("terror group", "insurgents", "invaders", "Islamic Emirate").
NEUTRAL_NOUNS = ("groups?", "movement", "organi[sz]ation", "faction", "government", "administration",
                 "authorities", "forces", "troops", "army", "soldiers", "network", "cells?")
_LOADED = re.compile(r"\b(?:" + "|".join(n for n in ACTOR_NOUNS if n not in NEUTRAL_NOUNS) + r")\b", re.IGNORECASE)
_DESC = "(?:" + "|".join(DESCRIPTORS) + ")"
_ACTOR = "(?:" + "|".join(ACTOR_NOUNS) + ")"
_WORD = r"[A-Za-z][\w'’-]*"
# Name followed by up to two lowercase words ending in a descriptor: "Taliban militants".
_AFTER = re.compile(rf"^\s+((?:[a-z][\w-]*\s+)?{_ACTOR})\b")
# Article + lowercase modifier run before the name: "the hardline Islamist Taliban".
_BEFORE = re.compile(r"\b(?:the|a|an)\s+((?:[a-z][\w-]*\s+|[A-Z][a-z]+-?\w*\s+){1,3})$")
# Appositive: ", the al Qaeda-linked militant group," / ", a Taliban spokesman,".
_APPOSITIVE = re.compile(r"^\s*,\s+((?:the|a|an)\s+[^,.;:()\"“”]{2,80}?)\s*(?:,|\.|;|\bwho\b|\bwhich\b|\bthat\b|$)")
# Role before a person: "police spokesman Sadiq Ali", "Interior Minister X".
_ROLE_BEFORE = re.compile(rf"((?:{_WORD}\s+){{0,2}}{_DESC})\s+$", re.IGNORECASE)
# The same role set off by commas before the name: "The hospital director, Dr. Nasrin Amiri, said".
_ROLE_APPOSED = re.compile(rf"((?:{_WORD}\s+){{0,2}}{_DESC}),\s+$", re.IGNORECASE)
# Abbreviated titles right before a name ("spokesman Maj. Gen. Kyaw Naing"): their dots end no
# sentence, so they come off before the role is looked for.
_ABBREVIATED_TITLES = sorted({t.rstrip(".") for t in PERSON_TITLES if t.endswith(".")}, key=len, reverse=True)
_TRAILING_TITLES = re.compile(r"(?:\b(?:" + "|".join(map(re.escape, _ABBREVIATED_TITLES)) + r")\.?\s+)+$",
                              re.IGNORECASE)
# Self-naming: "which calls itself the Islamic Emirate", "known as ...".
_SELF_NAMED = re.compile(r"^[^.]{0,40}?\b(?:calls? (?:itself|themselves)|known as)\s+((?:the\s+)?[A-Z][\w'-]*(?:\s+(?:of\s+)?[A-Z][\w'-]*){0,5})")
# A free-standing epithet: "the terror group", "the Islamist insurgents".
_EPITHET = re.compile(rf"\b(?i:the|these|those|an?)\s+((?:[a-z][\w-]*\s+|[A-Z][a-z]+\s+){{0,2}}(?i:{_ACTOR}))\b(?!\s+(?:war|wars|attacks?|operations?|campaign)\b)")
# Function words and reporting verbs never describe an actor: a run holding one is not a label.
_STOP_MODIFIERS = STOP_WORDS | {"near", "close"}
MODIFIER_LABELS = frozenset({"ORG", "NORP", "PERSON"})
ACTOR_LABELS = frozenset({"ORG", "NORP", "PERSON", "GPE"})
EPITHET_GENERIC = frozenset({"group", "groups", "government", "head", "chief", "director", "president", "officials",
                             "official", "leader", "leaders", "authorities", "forces", "administration", "movement",
                             "network", "organisation", "organization"})


def is_loaded(phrase: str) -> bool:
    """True when the phrase characterises (holds a stance-bearing actor noun), not merely names
    an institution."""
    return _LOADED.search(phrase) is not None


def _clean(phrase: str) -> str:
    """One spacing, no outer punctuation, no leading article; the writer's capitals kept
    ("the al Qaeda-linked militant group" -> "al Qaeda-linked militant group")."""
    text = " ".join(phrase.replace("’", "'").split()).strip(" ,.;:")
    return re.sub(r"^(?:the|an?)\s+", "", text, flags=re.IGNORECASE)


def _modifier_run(words: str) -> str | None:
    tokens = words.split()
    if not tokens or any(t.lower().strip(",") in _STOP_MODIFIERS for t in tokens):
        return None
    return " ".join(tokens)


def phrases_near(text: str, start: int, end: int, label: str) -> list[tuple[str, str]]:
    """(phrase, how) pairs describing the entity mentioned at text[start:end]."""
    found: list[tuple[str, str]] = []
    after, before = text[end:end + 160], text[max(0, start - 80):start]
    if label == "PERSON":
        before = _TRAILING_TITLES.sub(" ", before)  # "Junta spokesman Maj. Gen. " -> "Junta spokesman "
    before = re.split(r"[.!?;:\n\"“”]", before)[-1]  # this sentence and clause only
    if (m := _AFTER.match(after)) and _modifier_run(m.group(1)):
        found.append((_clean(m.group(1)), "descriptor"))  # not "X said troops ...": a verb between
    if m := _APPOSITIVE.match(after):
        found.append((_clean(m.group(1)), "appositive"))
    if m := _SELF_NAMED.match(after):
        found.append((_clean(m.group(1)), "self-name"))
    if label in MODIFIER_LABELS and (m := _BEFORE.search(before)):
        run = _modifier_run(m.group(1))
        if run:
            found.append((_clean(run), "modifier"))
    role = _ROLE_BEFORE.search(before) or (_ROLE_APPOSED.search(before) if after.lstrip().startswith(",") else None)
    if label == "PERSON" and (m := role):
        words = m.group(1).split()
        while len(words) > 1 and words[0].lower() in ("the", "a", "an", "its", "their", "his", "her"):
            words = words[1:]  # "The hospital director, Dr. X,": the article is not the role
        while len(words) > 1 and words[0].islower() and words[0].endswith(("ing", "ed")):
            words = words[1:]  # "asking Pentagon spokesman": the verb is not the role
        run = _modifier_run(" ".join(words)) or _modifier_run(words[-1])
        if run:
            found.append((_clean(run), "role"))
    return found


def actor_labels(sides: Sequence[Side], documents_text: dict[str, str], mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per (entity, side, phrase): how that side describes that actor, and how often."""
    where = side_of_doc(sides)
    columns = ["entity", "entity_label", "side", "label", "phrase", "how", "count"]
    rows = mentions[mentions["doc_id"].isin(where) & mentions["label"].isin(ACTOR_LABELS)]
    counts: Counter = Counter()
    for doc_id, start, end, entity, label in rows[["doc_id", "start", "end", "entity", "label"]].itertuples(index=False):
        text = documents_text.get(doc_id, "")
        for phrase, how in phrases_near(text, int(start), int(end), label):
            if phrase and phrase.lower() != str(entity).lower():
                counts[(entity, label, where[doc_id], phrase, how)] += 1
    out = [{"entity": e, "entity_label": lab, "side": s, "label": sides[s].label, "phrase": p, "how": h, "count": c}
           for (e, lab, s, p, h), c in counts.items()]
    frame = pd.DataFrame(out, columns=columns)
    return frame.sort_values(["entity", "side", "count"], ascending=[True, True, False]).reset_index(drop=True)


def epithets(sides: Sequence[Side], documents_text: dict[str, str]) -> pd.DataFrame:
    """Free-standing characterisations per side ("the terror group", "the insurgents"), with
    the bare generic ones ("the government", "the group") left out: they label no one."""
    rows = []
    for index, side in enumerate(sides):
        counts: Counter = Counter()
        for doc_id in side.doc_ids:
            for m in _EPITHET.finditer(documents_text.get(doc_id, "")):
                phrase = _clean(m.group(1))
                if phrase.lower() in EPITHET_GENERIC or any(w.lower() in _STOP_MODIFIERS for w in phrase.split()):
                    continue
                counts[phrase] += 1
        rows.extend({"side": index, "label": side.label, "phrase": p, "count": c} for p, c in counts.items())
    frame = pd.DataFrame(rows, columns=["side", "label", "phrase", "count"])
    return frame.sort_values(["side", "count", "phrase"], ascending=[True, False, True]).reset_index(drop=True)

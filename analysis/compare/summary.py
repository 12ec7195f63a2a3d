"""The comparison in plain words: a few sentences an analyst reads before any table.

Each finding is one string of plain text (the page escapes it): what the sides share, what only
one reports, where tone, labels, figures and dates differ most. Only what the tables show is
said, and a finding with nothing behind it is left out rather than padded.
"""

from __future__ import annotations

import pandas as pd

from analysis.compare.labels import is_loaded
from analysis.compare.selection import Side

QUOTE_CHARS = 110
CHARACTERISED = frozenset({"ORG", "NORP"})  # actors whose labels carry a stance


def clip(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _names(labels: list[str]) -> str:
    labels = list(dict.fromkeys(labels))
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def shared_finding(sides: tuple[Side, ...], statements: pd.DataFrame) -> str:
    n = len(sides)
    total = statements["statement"].nunique() if not statements.empty else 0
    if total == 0:
        return f"The {n} sides share no statement: no sentence of one closely matches a sentence of another."
    by_all = statements.groupby("statement")["side"].nunique().eq(n).sum()
    noun = "statement" if total == 1 else "statements"
    if n == 2:
        return f"{sides[0].label} and {sides[1].label} share {total} {noun}."
    return f"The {n} sides share {total} {noun}; {by_all} reported by all {n}."


def omission_findings(sides: tuple[Side, ...], sentence_rows: pd.DataFrame, omissions: pd.DataFrame) -> list[str]:
    out = []
    for index, side in enumerate(sides):
        own = omissions[omissions["side"] == index]
        total = int((sentence_rows["side"] == index).sum())
        if own.empty or total == 0:
            continue
        first = own.iloc[0]["text"]
        out.append(f"Only {side.label} reports {len(own)} of its {total} sentences, e.g. “{clip(first)}”")
    return out


def tone_finding(tone: pd.DataFrame, statement_tone: pd.DataFrame) -> list[str]:
    out = []
    if len(tone) >= 2:
        ordered = tone.sort_values("mean")
        cold, warm = ordered.iloc[0], ordered.iloc[-1]
        out.append(f"Tone: {cold['label']} is the most negative (mean sentiment {cold['mean']:+.2f}), "
                   f"{warm['label']} the least ({warm['mean']:+.2f}).")
    if not statement_tone.empty and statement_tone.iloc[0]["tone_spread"] >= 0.3:
        top = statement_tone.iloc[0]
        out.append(f"Widest tone gap on one shared statement ({top['tone_spread']:.2f}): {top['coldest']} "
                   f"“{clip(top['coldest_text'], 80)}” against {top['warmest']} “{clip(top['warmest_text'], 80)}”")
    return out


def label_finding(sides: tuple[Side, ...], labels: pd.DataFrame, epithets: pd.DataFrame) -> str | None:
    """Characterisations only one side uses, per side: the wording others avoid."""
    parts = []
    actor = labels[labels["how"].ne("role") & labels["entity_label"].isin(CHARACTERISED)] if not labels.empty else labels
    pool = pd.concat([actor[["side", "phrase", "count"]], epithets[["side", "phrase", "count"]]], ignore_index=True)
    pool = pool[pool["phrase"].map(is_loaded)]
    if pool.empty:
        return None
    pool = pool.assign(key=pool["phrase"].str.lower())
    users = pool.groupby("key")["side"].nunique()
    for index, side in enumerate(sides):
        own = pool[(pool["side"] == index) & pool["key"].map(users).eq(1)]
        own = own.groupby("phrase")["count"].sum().sort_values(ascending=False)
        if not own.empty:
            parts.append(f"{side.label}: " + ", ".join(f"“{p}”" for p in own.index[:3]))
    return "Characterisations only one side uses: " + "; ".join(parts) + "." if parts else None


def figure_findings(spread: pd.DataFrame) -> list[str]:
    return [f"Figures differ, {row['category']} ({row['matched_by']}): {row['figures']}."
            for _, row in spread.head(3).iterrows()]


def date_findings(dates: pd.DataFrame) -> list[str]:
    out = []
    for statement, group in dates.groupby("statement", sort=True):
        said = "; ".join(f"{r['label']}: {r['expressions']} ({r['dates']})" for _, r in group.iterrows())
        out.append(f"Dates differ for the same event (statement S{statement}): {said}.")
    return out[:2]


def quote_finding(sides: tuple[Side, ...], quotes: pd.DataFrame) -> str | None:
    if quotes.empty or len(sides) < 2:
        return None
    people = quotes[quotes["speaker_label"] == "PERSON"]
    sides_of = people.groupby("speaker")["label"].agg(lambda s: list(dict.fromkeys(s)))
    only = [f"{who} ({by[0]})" for who, by in sides_of.items() if len(by) == 1]
    if not only:
        return None
    return "Quoted by one side only: " + ", ".join(only[:6]) + "."


def entity_finding(sides: tuple[Side, ...], coverage: pd.DataFrame) -> str | None:
    if coverage.empty or len(sides) < 2:
        return None
    everyone = coverage[coverage["n_sides"] == len(sides)]["entity"].tolist()
    text = f"Named by all: {_names(everyone[:6])}." if everyone else "No entity is named by every side."
    return text


def summarise(comparison_parts: dict) -> tuple[str, ...]:
    """The findings in reading order (parts as built in analysis.compare.core.compare)."""
    p = comparison_parts
    findings: list[str | None] = [shared_finding(p["sides"], p["statements"])]
    findings += omission_findings(p["sides"], p["sentences"], p["omissions"])
    findings += figure_findings(p["figure_spread"])
    findings += date_findings(p["dates"])
    findings.append(label_finding(p["sides"], p["labels"], p["epithets"]))
    findings += tone_finding(p["tone"], p["statement_tone"])
    findings.append(quote_finding(p["sides"], p["quotes"]))
    findings.append(entity_finding(p["sides"], p["coverage"]))
    return tuple(f for f in findings if f)

"""Score the casualty incidents on a multi-outlet corpus with gold reports (tests/data/incidents).

Runs `analysis.analyze` with the offline pipeline on the corpus file, matches each gold casualty
report to one system casualty row, and prints:

- coverage: how many gold incident reports and statistics some system row matches;
- report-to-incident B-cubed precision, recall and F1 over the matched gold incident reports;
- statistic-vs-incident accuracy, when the casualties table has a `kind` column;
- the headline killed and injured (the Casualties page's rule, analysis.casualties.views
  .category_totals, over incidents that are not statistics) against the gold totals, and what
  each is made of (`headline_breakdown`: gold incidents, overcounts, splits, statistics, rows
  the gold lacks), as sums only, so a corpus kept aside can be diagnosed without reading it;
- death-count accuracy: per article and gold incident, whether the system's figure for that
  article's report of the incident is the article's gold killed count.

    python bench/score_incidents.py tests/data/incidents/dev.jsonl [--errors]

Matching (one to one, same article): a system row whose character span overlaps the gold
figure's span and whose category is the gold one first, then any overlapping row, then a row in
the same sentence with the same number.

B-cubed clusters: a gold cluster is (gold incident, category); a system cluster is
(incident_id, category), so a system that keeps one incident per category and one that gives
an incident several categories are scored alike. Only matched gold incident reports are
averaged over (recall is over the reports the system found), but a system cluster's size counts
every system row in it: an unmatched row, or a statistic, linked into an incident lowers the
precision of that incident's reports. A matched row with no incident_id is a cluster of its own.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import analyze, load_corpus
from analysis.casualties.scoring import figure_span, load_items
from analysis.casualties.views import category_totals, source_reports
from analysis.nlp import build_offline_pipeline
from analysis.result import Analysis

HEADLINE_CATEGORIES = ("killed", "injured")


@dataclass(frozen=True)
class GoldReport:
    """One gold casualty figure, located in its article."""

    article: str
    start: int
    end: int
    category: str
    value: int
    kind: str
    incident: str | None
    superseded: bool
    part_of: bool


@dataclass(frozen=True)
class BCubed:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def gold_path(corpus: Path) -> Path:
    """The corpus-level gold beside a corpus: dev.jsonl -> dev.gold.json."""
    return corpus.with_name(corpus.stem + ".gold.json")


def gold_reports(articles: Sequence[dict]) -> list[GoldReport]:
    reports = []
    for article in articles:
        for report in article["reports"]:
            start, end = figure_span(article, report)
            reports.append(GoldReport(
                article["id"], start, end, report["category"], report["value"], report["kind"],
                report.get("incident"), bool(report.get("superseded")), bool(report.get("part_of")),
            ))
    return reports


def bcubed(items: Sequence[tuple[Hashable, Hashable]], system_sizes: dict[Hashable, int]) -> BCubed:
    """B-cubed precision and recall of `items`, each (gold cluster, system cluster).

    `system_sizes` gives each system cluster's full size, which may exceed the items in it
    (rows that are not scored still dilute its precision); a cluster missing from it counts
    only its items. A system cluster of None is a singleton.
    """
    if not items:
        return BCubed(1.0, 1.0)
    keyed = [(gold, system if system is not None else ("singleton", i)) for i, (gold, system) in enumerate(items)]
    both = Counter(keyed)
    gold_sizes = Counter(gold for gold, _ in keyed)
    item_sizes = Counter(system for _, system in keyed)
    precision = sum(both[item] / max(system_sizes.get(item[1], 0), item_sizes[item[1]]) for item in keyed)
    recall = sum(both[item] / gold_sizes[item[0]] for item in keyed)
    return BCubed(precision / len(keyed), recall / len(keyed))


def run_system(corpus: Path) -> tuple[Analysis, dict[str, str]]:
    """The analysis of the corpus file as a user would load it, and each gold article's doc_id."""
    loaded = load_corpus([corpus])
    if loaded.errors:
        raise ValueError("; ".join(f"{path}: {reason}" for path, reason in loaded.errors))
    doc_of_text = {doc.text: doc.doc_id for doc in loaded.documents}
    doc_ids = {}
    for article in load_items(corpus):
        if article["text"] not in doc_of_text:
            raise ValueError(f"{corpus}: article {article['id']} was not loaded with its text unchanged")
        doc_ids[article["id"]] = doc_of_text[article["text"]]
    return analyze(loaded.documents, nlp=build_offline_pipeline()), doc_ids


def _sentence_of(sentences: pd.DataFrame, doc_id: str, offset: int) -> int | None:
    rows = sentences[(sentences["doc_id"] == doc_id) & (sentences["start"] <= offset) & (sentences["end"] > offset)]
    return int(rows["sent_id"].iloc[0]) if len(rows) else None


def _row_number(row) -> int | None:
    value = row.value if not pd.isna(row.value) else row.low
    return None if pd.isna(value) else int(value)


def match_reports(reports: Sequence[GoldReport], doc_ids: dict[str, str], casualties: pd.DataFrame,
                  sentences: pd.DataFrame) -> dict[int, object]:
    """Gold report index -> casualty row label, one to one, the best kind of match first."""
    candidates = []
    for g, report in enumerate(reports):
        doc_id = doc_ids[report.article]
        sentence = _sentence_of(sentences, doc_id, report.start)
        for row in casualties[casualties["doc_id"] == doc_id].itertuples():
            overlaps = row.start < report.end and report.start < row.end
            if overlaps:
                candidates.append((0 if row.category == report.category else 1, g, row.Index))
            elif row.sent_id == sentence and _row_number(row) == report.value:
                candidates.append((2, g, row.Index))
    matched: dict[int, object] = {}
    used = set()
    for _, g, label in sorted(candidates, key=lambda c: c[0]):
        if g not in matched and label not in used:
            matched[g] = label
            used.add(label)
    return matched


def _system_cluster(casualties: pd.DataFrame, label) -> tuple | None:
    incident = casualties.at[label, "incident_id"]
    return None if pd.isna(incident) else (incident, casualties.at[label, "category"])


def linking_score(reports: Sequence[GoldReport], matched: dict[int, object], casualties: pd.DataFrame) -> BCubed:
    """B-cubed over the matched gold incident reports (see the module docstring)."""
    linked = casualties[casualties["incident_id"].notna()]
    sizes = Counter(zip(linked["incident_id"], linked["category"]))
    items = [((reports[g].incident, reports[g].category), _system_cluster(casualties, label))
             for g, label in matched.items() if reports[g].kind == "incident"]
    return bcubed(items, dict(sizes))


def headline(result: Analysis) -> dict[str, int]:
    """The Casualties page's conservative total per category, statistics left out."""
    incidents = result.incidents
    if "kind" in incidents.columns:
        incidents = incidents[incidents["kind"] != "statistic"]
    totals = category_totals(incidents)
    return {row.category: int(row.conservative) for row in totals.itertuples()}


def death_counts(articles: Sequence[dict], reports: Sequence[GoldReport], matched: dict[int, object],
                 result: Analysis, doc_ids: dict[str, str]) -> tuple[int, int, list[str]]:
    """(right, total, misses): per article and gold incident with a killed count, whether the
    system's figure for that article's report of the incident (analysis.casualties.views
    .source_reports, the incident its matched killed rows mostly belong to) is the gold count."""
    casualties = result.casualties
    figures = source_reports(casualties, result.documents, result.sentences)
    figure_of = {(r.incident_id, r.doc_id): int(r.low) for r in figures.itertuples()}
    right, total, misses = 0, 0, []
    for article in articles:
        for incident, counts in article["counts"].items():
            if "killed" not in counts:
                continue
            total += 1
            labels = [label for g, label in matched.items() if reports[g].article == article["id"]
                      and reports[g].incident == incident and reports[g].category == "killed"
                      and not reports[g].part_of]
            systems = Counter(casualties.at[label, "incident_id"] for label in labels
                              if not pd.isna(casualties.at[label, "incident_id"]))
            found = figure_of.get((systems.most_common(1)[0][0], doc_ids[article["id"]])) if systems else None
            if found == counts["killed"]:
                right += 1
            else:
                misses.append(f"{article['id']} {incident}: gold {counts['killed']}, found {found}")
    return right, total, misses


def _ratio(found: int, gold: int) -> str:
    return f"{found / gold:.2f}" if gold else "n/a"


def score(corpus: Path, show_errors: bool = False) -> None:
    articles = load_items(corpus)
    with open(gold_path(corpus), encoding="utf-8") as handle:
        gold = json.load(handle)
    reports = gold_reports(articles)
    result, doc_ids = run_system(corpus)
    casualties = result.casualties
    matched = match_reports(reports, doc_ids, casualties, result.sentences)

    incident_reports = [g for g, r in enumerate(reports) if r.kind == "incident"]
    statistics = [g for g, r in enumerate(reports) if r.kind == "statistic"]
    print(f"{corpus.name}: {len(articles)} articles, {len(gold['incidents'])} gold incidents, "
          f"{len(reports)} gold reports; {len(casualties)} system rows, {len(result.incidents)} system incidents")
    print(f"found    incident reports {sum(g in matched for g in incident_reports)}/{len(incident_reports)}, "
          f"statistics {sum(g in matched for g in statistics)}/{len(statistics)}, "
          f"system rows unmatched {len(casualties) - len(matched)}")
    linking = linking_score(reports, matched, casualties)
    print(f"linking  B-cubed P={linking.precision:.3f} R={linking.recall:.3f} F1={linking.f1:.3f}")
    if "kind" in casualties.columns:
        right = sum(casualties.at[label, "kind"] == reports[g].kind for g, label in matched.items())
        print(f"kind     statistic-vs-incident accuracy {right / max(len(matched), 1):.3f} ({right}/{len(matched)})")
    else:
        linked = sum(not pd.isna(casualties.at[matched[g], "incident_id"]) for g in statistics if g in matched)
        print(f"kind     no kind column; gold statistics linked into incidents: {linked}")
    found = headline(result)
    for category in HEADLINE_CATEGORIES:
        expected = gold["headline"][category]
        print(f"headline {category:8s} found {found.get(category, 0):6d}  gold conservative {expected['conservative']:5d} "
              f"(best {expected['best']})  ratio {_ratio(found.get(category, 0), expected['conservative'])}")
    for category, parts in headline_breakdown(result, reports, matched, gold).items():
        print(f"made of  {category:8s} " + ", ".join(f"{name} {value}" for name, value in parts.items()))
    right, total, misses = death_counts(articles, reports, matched, result, doc_ids)
    print(f"deaths   death-count accuracy {right / max(total, 1):.3f} ({right}/{total})")
    if show_errors:
        _print_errors(articles, reports, matched, casualties, misses)
        _print_headline_parts(result, reports, matched, gold)


def _print_errors(articles: Sequence[dict], reports: Sequence[GoldReport], matched: dict[int, object],
                  casualties: pd.DataFrame, misses: list[str]) -> None:
    texts = {a["id"]: a["text"] for a in articles}
    for g, report in enumerate(reports):
        if g not in matched:
            print(f"  missed {report.article} {report.kind} {report.category} {report.value}: "
                  f"{texts[report.article][report.start:report.end]!r} ({report.incident or 'statistic'})")
    clusters: dict[tuple, set] = {}
    for g, label in matched.items():
        if reports[g].kind == "incident":
            key = (reports[g].incident, reports[g].category)
            clusters.setdefault(key, set()).add(_system_cluster(casualties, label))
    for (incident, category), systems in sorted(clusters.items()):
        if len(systems) > 1:
            print(f"  split  {incident} {category}: {sorted(map(str, systems))}")
    for miss in misses:
        print(f"  count  {miss}")


def _headline_inputs(result: Analysis, reports: Sequence[GoldReport], matched: dict[int, object],
                     gold: dict) -> tuple[pd.DataFrame, dict, dict]:
    """The headline's incidents (statistics left out), what each matched system row is in the
    gold (an incident id or "statistic"), and each gold incident's conservative figure per category."""
    incidents = result.incidents
    if "kind" in incidents.columns:
        incidents = incidents[incidents["kind"] != "statistic"]
    gold_of = {label: reports[g].incident or "statistic" for g, label in matched.items()}
    gold_figures = {(i["id"], category): figures["conservative"]
                    for i in gold["incidents"] for category, figures in i["figures"].items()}
    return incidents, gold_of, gold_figures


def _gold_sources(casualties: pd.DataFrame, incident_id: str, category: str, gold_of: dict) -> Counter:
    """How many of a system incident's rows of one category are each gold incident, a
    statistic, or unmatched."""
    labels = casualties.index[(casualties["incident_id"] == incident_id) & (casualties["category"] == category)]
    return Counter(gold_of.get(label, "unmatched") for label in labels)


def _print_headline_parts(result: Analysis, reports: Sequence[GoldReport], matched: dict[int, object],
                          gold: dict) -> None:
    """Each system incident in the killed and injured headline, with its figure and what its rows
    are in the gold (incident ids, 'statistic', or 'unmatched'), beside the gold incident's
    conservative figure: where an over- or undercount comes from."""
    incidents, gold_of, gold_figures = _headline_inputs(result, reports, matched, gold)
    for category in HEADLINE_CATEGORIES:
        rows = incidents[(incidents["category"] == category) & incidents["conservative"].notna()]
        for incident in rows.sort_values("conservative", ascending=False).itertuples():
            sources = _gold_sources(result.casualties, incident.incident_id, category, gold_of)
            said = ", ".join(f"{name} x{n} (gold {gold_figures.get((name, category), '-')})"
                             for name, n in sources.most_common())
            print(f"  headline {category:7s} {incident.incident_id} {int(incident.conservative):5d} "
                  f"{incident.location}: {said}")


def headline_breakdown(result: Analysis, reports: Sequence[GoldReport], matched: dict[int, object],
                       gold: dict) -> dict[str, dict[str, int]]:
    """Where each headline category's total comes from, as sums of system incident figures, no
    item named (fit for a corpus kept aside): `gold` (an incident's first system incident, up to
    its gold conservative figure), `over` (what such an incident says above the gold figure),
    `split` (further system incidents of a gold incident already counted), `statistic` (incidents
    made mostly of gold statistics), `unmatched` (made mostly of rows the gold does not hold)."""
    incidents, gold_of, gold_figures = _headline_inputs(result, reports, matched, gold)
    out: dict[str, dict[str, int]] = {}
    for category in HEADLINE_CATEGORIES:
        parts = dict.fromkeys(("gold", "over", "split", "statistic", "unmatched"), 0)
        counted: set[str] = set()
        rows = incidents[(incidents["category"] == category) & incidents["conservative"].notna()]
        for incident in rows.sort_values("conservative", ascending=False).itertuples():
            figure = int(incident.conservative)
            source = _gold_sources(result.casualties, incident.incident_id, category, gold_of).most_common(1)
            name = source[0][0] if source else "unmatched"
            if name in ("statistic", "unmatched"):
                parts[name] += figure
            elif name in counted:
                parts["split"] += figure
            else:
                counted.add(name)
                expected = gold_figures.get((name, category), 0)
                parts["gold"] += min(figure, expected)
                parts["over"] += max(figure - expected, 0)
        out[category] = parts
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+", type=Path, help="corpus .jsonl files, each with its .gold.json beside it")
    parser.add_argument("--errors", action="store_true", help="list missed reports, split incidents and wrong counts")
    args = parser.parse_args(argv)
    for corpus in args.corpora:
        score(corpus, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

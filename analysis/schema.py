"""Column names of the tables every layer shares, described column by column in
docs/ARCHITECTURE.md (tests/docs/test_architecture.py keeps the two in step). Keep them stable:
the dashboard, the exports and the tests all read them."""

from __future__ import annotations

DOCUMENTS = [
    "doc_id", "title", "source", "published", "published_estimated", "url", "words", "sentences",
    "compound",
]
SENTENCES = ["doc_id", "sent_id", "paragraph", "start", "end", "text", "compound", "pos", "neu", "neg", "date"]
MENTIONS = ["doc_id", "sent_id", "start", "end", "text", "label", "entity"]
ENTITIES = ["entity", "label", "mentions", "documents", "sources", "aliases", "compound"]
CASUALTIES = [
    "doc_id", "sent_id", "start", "end", "category", "value", "qualifier", "low", "high", "victims",
    "location", "attribution", "evidence", "kind",
]
# One row per incident and category: one episode's reports grouped across outlets. `conservative`
# is the lowest credible figure at the latest reporting, `best` the best estimate, `low`/`high` the
# range of the reports in use; `revisions` lists, in order, the reports a later, higher toll
# superseded (kept visible, never used); `unit` is "families" or "households" for an incident
# counting those, never people. Built by analysis.casualties.group_incidents.
INCIDENTS = [
    "incident_id", "category", "location", "date", "sources", "n_sources", "reports", "conservative",
    "best", "low", "high", "first_reported_by", "first_reported", "disagree", "summary", "revisions", "unit",
    "kind",
]
# One row per statistic (a period total, cumulative count, stock, rate or roll-up), merged across
# the outlets that quote it; never added to incident totals (analysis.casualties.statistics).
STATISTICS = [
    "statistic_id", "category", "issuer", "period", "period_start", "period_end", "low", "high",
    "figures", "sources", "n_sources", "reports", "part_of", "evidence",
]
EVENTS = ["doc_id", "sent_id", "start", "end", "expression", "date", "date_end", "granularity", "relative", "text"]

TABLES: dict[str, list[str]] = {
    "documents": DOCUMENTS,
    "sentences": SENTENCES,
    "mentions": MENTIONS,
    "entities": ENTITIES,
    "casualties": CASUALTIES,
    "events": EVENTS,
    "incidents": INCIDENTS,
    "statistics": STATISTICS,
}

# "killed_or_injured" is a combined count ("casualties", "killed or wounded"): its own category,
# never added to killed or to injured.
CASUALTY_CATEGORIES = ("killed", "injured", "killed_or_injured", "missing", "displaced", "detained")
QUALIFIERS = ("exact", "at_least", "more_than", "about", "up_to", "range", "vague")

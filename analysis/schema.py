"""Column names of the tables every layer shares (DESIGN.md). Keep them stable: the dashboard,
the exports and the tests all read them."""

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
    "location", "attribution", "evidence",
]
EVENTS = ["doc_id", "sent_id", "start", "end", "expression", "date", "date_end", "granularity", "relative", "text"]

TABLES: dict[str, list[str]] = {
    "documents": DOCUMENTS,
    "sentences": SENTENCES,
    "mentions": MENTIONS,
    "entities": ENTITIES,
    "casualties": CASUALTIES,
    "events": EVENTS,
}

CASUALTY_CATEGORIES = ("killed", "injured", "missing", "displaced", "detained")
QUALIFIERS = ("exact", "at_least", "more_than", "about", "up_to", "range", "vague")
GRANULARITIES = ("day", "week", "month", "year")
ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART", "LANGUAGE")

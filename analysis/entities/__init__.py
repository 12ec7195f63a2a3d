"""Canonical entities: mentions grouped by real-world referent, and analyst corrections.

    mentions, entities = build_entity_tables(mentions, sentences, documents, corrections)
"""

from analysis.entities.corrections import EntityCorrections, apply_corrections
from analysis.entities.resolve import MentionRef, majority_label, resolve
from analysis.entities.table import (
    ENTITY_COLUMNS,
    build_entity_tables,
    resolve_mentions,
    summarise_entities,
)

__all__ = [
    "ENTITY_COLUMNS", "EntityCorrections", "MentionRef", "apply_corrections", "build_entity_tables",
    "majority_label", "resolve", "resolve_mentions", "summarise_entities",
]

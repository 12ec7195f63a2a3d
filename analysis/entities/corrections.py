"""An analyst's corrections to entity resolution: merge two entities, split one apart.

The corrections are a small immutable value that travels in the dashboard's URL
(`to_query_value`/`from_query_value`), and `apply_corrections` is a pure function on the
mentions table, so a correction applies to every page and every export alike.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass

import pandas as pd

from analysis.filters import MAX_CORRECTIONS_CHARS, MAX_PARAM_CHARS

_VERSION = 1


@dataclass(frozen=True)
class EntityCorrections:
    """`merges`: (alias_entity, into_entity) pairs, applied in order (chains follow through).
    `splits`: entities broken back into one entity per surface form (titles, "the" and
    possessives still removed). Splits apply before merges, so a split part can be merged."""

    merges: tuple[tuple[str, str], ...] = ()
    splits: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.merges or self.splits)

    def merge(self, alias: str, into: str) -> EntityCorrections:
        """A copy with one more merge (no-op for merging an entity into itself)."""
        if alias == into:
            return self
        return EntityCorrections(self.merges + ((alias, into),), self.splits)

    def split(self, entity: str) -> EntityCorrections:
        """A copy with one more split."""
        if entity in self.splits:
            return self
        return EntityCorrections(self.merges, self.splits + (entity,))

    def to_query_value(self) -> str:
        """Compact URL-safe text (base64url of a JSON list, no padding); "" when empty."""
        if not self:
            return ""
        payload = [_VERSION, [list(pair) for pair in self.merges], list(self.splits)]
        raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")

    @classmethod
    def from_query_value(cls, value: str | None) -> EntityCorrections:
        """Inverse of `to_query_value`; a malformed value (a hand-edited link) gives no
        corrections rather than an error."""
        return cls.parse_query_value(value)[0]

    @classmethod
    def parse_query_value(cls, value: str | None) -> tuple[EntityCorrections, str | None]:
        """The corrections in a link's value, or none and the reason it was ignored: too long,
        not base64, not JSON (or nested too deep to read), or not the shape `to_query_value` writes."""
        if not value:
            return cls(), None
        if len(value) > MAX_CORRECTIONS_CHARS:
            return cls(), f"longer than {MAX_CORRECTIONS_CHARS:,} characters"
        try:
            raw = base64.b64decode(value + "=" * (-len(value) % 4), altchars=b"-_", validate=True)
        except (ValueError, TypeError):
            return cls(), "not base64"
        try:
            payload = json.loads(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError, RecursionError):
            return cls(), "not readable JSON"
        corrections = _from_payload(payload)
        if corrections is None:
            return cls(), "not a list of merges and splits"
        return corrections, None


def _is_name(item: object) -> bool:
    return isinstance(item, str) and 0 < len(item) <= MAX_PARAM_CHARS


def _from_payload(payload: object) -> EntityCorrections | None:
    """`[version, [[alias, into], ...], [entity, ...]]` as corrections; None for anything else."""
    if not (isinstance(payload, list) and len(payload) == 3 and type(payload[0]) is int
            and payload[0] == _VERSION):
        return None
    _, merges, splits = payload
    if not (isinstance(merges, list) and isinstance(splits, list)):
        return None
    if not all(isinstance(pair, list) and len(pair) == 2 and all(map(_is_name, pair)) for pair in merges):
        return None
    if not all(map(_is_name, splits)):
        return None
    return EntityCorrections(merges=tuple((a, b) for a, b in merges), splits=tuple(splits))


def apply_corrections(mentions: pd.DataFrame, corrections: EntityCorrections | None) -> pd.DataFrame:
    """A copy of `mentions` (with `text`, `label`, `entity`) with the corrections applied."""
    if not corrections or mentions.empty:
        return mentions.copy()
    out = mentions.copy()
    entity = out["entity"].astype(object)
    if corrections.splits:
        split = entity.isin(set(corrections.splits))
        if split.any():
            # Here, not at the top: the surface rules come with the NLP lexicon (spaCy), which
            # a page that only reads corrections from its link never needs.
            from analysis.entities.normalise import clean_surface

            parts = [
                clean_surface(text, label) or text
                for text, label in zip(out.loc[split, "text"], out.loc[split, "label"])
            ]
            entity = entity.copy()
            entity.loc[split] = parts
    if corrections.merges:
        entity = entity.map(lambda name: _follow(name, dict(corrections.merges)))
    out["entity"] = entity
    return out


def _follow(name: str, merges: dict[str, str]) -> str:
    """Where a chain of merges ends (A->B, B->C gives C); a cycle stops where it started."""
    seen = {name}
    while name in merges and merges[name] not in seen:
        name = merges[name]
        seen.add(name)
    return name

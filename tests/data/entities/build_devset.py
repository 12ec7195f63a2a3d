"""Turn devset_source.txt (light markup) into devset.jsonl (text + gold spans).

Markup: [surface|LABEL] or [surface|LABEL|canonical entity]; "=== doc_id split outlet" starts
an article; blank lines separate paragraphs. Run from the repository root:

    python tests/data/entities/build_devset.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).parent
_MARK = re.compile(r"\[([^\[\]|]+)\|([A-Z_]+)(?:\|([^\[\]|]+))?\]")


def parse_markup(markup: str) -> tuple[str, list[dict]]:
    """Plain text and its gold mentions (character offsets into the plain text)."""
    text_parts: list[str] = []
    mentions: list[dict] = []
    cursor = 0
    length = 0
    for match in _MARK.finditer(markup):
        before = markup[cursor : match.start()]
        text_parts.append(before)
        length += len(before)
        surface, label, entity = match.group(1), match.group(2), match.group(3) or match.group(1)
        mentions.append({"start": length, "end": length + len(surface), "text": surface, "label": label, "entity": entity})
        text_parts.append(surface)
        length += len(surface)
        cursor = match.end()
    text_parts.append(markup[cursor:])
    return "".join(text_parts), mentions


def main() -> None:
    source = (HERE / "devset_source.txt").read_text(encoding="utf-8")
    records = []
    for block in re.split(r"^=== ", source, flags=re.M)[1:]:
        header, _, body = block.partition("\n")
        doc_id, split, outlet = header.split()
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip() and not p.startswith("#")]
        text, mentions = parse_markup("\n\n".join(paragraphs))
        for m in mentions:
            assert text[m["start"] : m["end"]] == m["text"], m
        records.append({"doc_id": doc_id, "split": split, "source": outlet, "paragraphs": len(paragraphs), "text": text, "mentions": mentions})
    with open(HERE / "devset.jsonl", "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    paragraphs = sum(r["paragraphs"] for r in records)
    gold = sum(len(r["mentions"]) for r in records)
    print(f"{len(records)} articles, {paragraphs} paragraphs, {gold} gold mentions")


if __name__ == "__main__":
    main()

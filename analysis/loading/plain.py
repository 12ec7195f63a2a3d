"""Plain-text and Markdown articles: one file, one article, metadata from the sidecar.

A Markdown file may open with front matter, as web clippers and static-site tools write it:
a block between two `---` lines of `key: value` pairs (title, source, published/date, url, with
the aliases of `records`). It is read as metadata and removed from the text; a sidecar row still
overrides it. Only flat `key: value` lines are read: nested YAML is not metadata Parallax uses.
"""

from __future__ import annotations

import re

from analysis.loading.candidate import Candidate, Unreadable
from analysis.loading.decoding import decode
from analysis.loading.entries import Entry
from analysis.loading.fields import is_blank
from analysis.loading.records import as_line, normalise_keys, pick

# Markdown markup that would otherwise reach the sentences as noise. Only the common inline
# forms are undone; the text keeps its lines and paragraphs.
_MD_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.DOTALL)
_KEY_VALUE = re.compile(r"^([A-Za-z][\w -]*?)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)


def text_of(data: bytes) -> str:
    """Decoded text of a file, refusing empty and blank files by name."""
    if not data:
        raise Unreadable("empty file")
    text = decode(data)
    if is_blank(text):
        raise Unreadable("no text (whitespace only)")
    return text


def strip_markdown(text: str) -> str:
    """Markdown to prose: headings, links, images, bold and rules lose their markup."""
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return _MD_RULE.sub("", text)


def read_text(data: bytes, entry: Entry) -> list[Candidate]:
    return [Candidate(path=entry.label, where="", base_id=entry.stem, text=text_of(data))]


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(metadata, body): the flat `key: value` pairs of a leading `---` block, and the rest."""
    match = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if not match:
        return {}, text
    pairs = {key: value.strip("\"'") for key, value in _KEY_VALUE.findall(match.group(1))}
    return normalise_keys(pairs), text.lstrip("\ufeff")[match.end():]


def read_markdown(data: bytes, entry: Entry) -> list[Candidate]:
    meta, body = split_front_matter(text_of(data))
    text = strip_markdown(body)
    if is_blank(text):
        raise Unreadable("no text (only Markdown markup)")
    return [
        Candidate(
            path=entry.label,
            where="",
            base_id=entry.stem,
            text=text,
            title=as_line(pick(meta, "title")),
            source=as_line(pick(meta, "source")),
            published=pick(meta, "published"),
            url=as_line(pick(meta, "url")),
        )
    ]

"""Clean field values and the fallbacks for a missing title or source.

Title: the metadata title, else the first line when it reads as a headline, else the file stem.
Source: the metadata source (or an HTML page's site name), else the site named by the URL's host
("www.republicworld.com" -> "republicworld.com"), else "Unknown source".
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

UNKNOWN_SOURCE = "Unknown source"
MAX_TITLE = 300
MAX_SOURCE = 120
MAX_HEADLINE_WORDS = 25

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
# Control characters other than tab and newline, and stray byte-order marks.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ufeff]")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+$", re.MULTILINE)
_EXTRA_BLANK_LINES = re.compile(r"\n{3,}")
_VISIBLE = re.compile(r"[^\s\u200b-\u200d\u2060\ufeff]")
_SENTENCE_END = re.compile(r"[.,;:!]['\"”’)]?$")
_LETTER = re.compile(r"[^\W\d_]")
_HOST_PREFIX = re.compile(r"^(?:www\d?|m|amp|mobile)\.")
_DOMAIN_LIKE = re.compile(r"^[\w-]+(?:\.[\w-]+)+(?:[/:?#]|$)")


def clean_text(text: str) -> str:
    """Article text as Parallax stores it: one newline convention, composed Unicode (so that
    "Erdoğan" typed two ways is one string), no control characters, no outer blank space."""
    # Cheap substring tests guard the regex passes: most texts need none of them.
    if "\r" in text or not text.isascii():
        text = _NEWLINES.sub("\n", text)
        text = unicodedata.normalize("NFC", text)
    text = _CONTROLS.sub("", text)
    if " \n" in text or "\t\n" in text or "\u00a0\n" in text:
        text = _TRAILING_SPACE.sub("", text)
    if "\n\n\n" in text:
        text = _EXTRA_BLANK_LINES.sub("\n\n", text)
    return text.strip()


def is_blank(text: str) -> bool:
    """True when nothing but whitespace or invisible characters is left."""
    return _VISIBLE.search(text) is None


def clean_line(value: object, limit: int = MAX_TITLE) -> str:
    """A one-line metadata value: whitespace collapsed, controls dropped, clipped to `limit`."""
    if value is None:
        return ""
    text = _CONTROLS.sub("", unicodedata.normalize("NFC", str(value)))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def headline_from(text: str) -> str:
    """The first line when it reads as a headline: short, has letters, does not end like a
    sentence, and more text follows it. Empty otherwise."""
    first, _, rest = text.partition("\n")
    first = first.strip().lstrip("#").strip()
    if not rest.strip() or not first or not _LETTER.search(first):
        return ""
    if len(first.split()) > MAX_HEADLINE_WORDS or len(first) > MAX_TITLE:
        return ""
    if _SENTENCE_END.search(first):
        return ""
    return first


def web_url(value: object) -> tuple[str, bool]:
    """(url, ok): an http(s) address kept as given; a bare "www.example.com/..." gets https://.
    Anything else (javascript:, data:, file paths) is refused: the dashboard renders links."""
    url = clean_line(value, limit=2000)
    if not url:
        return "", True
    parts = urlsplit(url)
    if parts.scheme.lower() in ("http", "https") and parts.hostname:
        return url, True
    if not parts.scheme and _DOMAIN_LIKE.match(url):
        return "https://" + url, True
    return "", False


def site_from_url(url: str) -> str:
    """The site a URL belongs to, from its host: "https://www.bbc.co.uk/news" -> "bbc.co.uk"."""
    if not url:
        return ""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    host = _HOST_PREFIX.sub("", host.lower().rstrip("."))
    return host if "." in host else ""


def source_or_url(source: str, url: str) -> tuple[str, str]:
    """Some exports put the article's address in the source field (web clippers write
    `source: https://...`): such a value is the URL, and the source comes from its host."""
    value = source.strip()
    if urlsplit(value).scheme.lower() in ("http", "https") and " " not in value:
        return "", url or value
    return source, url


def choose_title(metadata_title: str, text: str, stem: str) -> str:
    return clean_line(metadata_title) or clean_line(headline_from(text)) or stem


def choose_source(metadata_source: str, sitename: str, url: str) -> str:
    return (
        clean_line(metadata_source, MAX_SOURCE)
        or clean_line(sitename, MAX_SOURCE)
        or site_from_url(url)
        or UNKNOWN_SOURCE
    )

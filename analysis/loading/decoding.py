"""Bytes to text, refusing what is not text.

Order: a byte-order mark decides (UTF-8, UTF-16, UTF-32); known binary signatures mean binary;
NUL bytes mean binary unless they fall in every other byte, the mark of UTF-16 saved without a
BOM; then strict UTF-8; then Windows-1252 and Latin-1, the usual legacy encodings of
Western news copy, accepted only when the result reads like Latin-script text. A file in a legacy
encoding of another script (Cyrillic cp1251, Greek, ...) would come out as accented gibberish
under Windows-1252, so it is refused with a hint to save it as UTF-8 rather than loaded as noise.
"""

from __future__ import annotations

import codecs
import re

from analysis.loading.candidate import Unreadable

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# (offset, signature, what it is)
_SIGNATURES = (
    (0, b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (0, b"\xff\xd8\xff", "a JPEG image"),
    (0, b"GIF87a", "a GIF image"),
    (0, b"GIF89a", "a GIF image"),
    (0, b"%PDF-", "a PDF document"),
    (0, b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.epub, which are ZIP files)"),
    (0, b"PK\x05\x06", "an empty ZIP archive"),
    (0, b"\x1f\x8b", "a gzip-compressed file"),
    (0, b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (0, b"Rar!\x1a\x07", "a RAR archive"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Microsoft Office document"),
    (0, b"\x7fELF", "an executable program"),
    (0, b"OggS", "an Ogg audio/video file"),
    (0, b"ID3", "an MP3 audio file"),
    (0, b"RIFF", "a RIFF media file (WebP, WAV or AVI)"),
    (4, b"ftyp", "an MP4/MOV/HEIC media file"),
    (0, b"SQLite format 3\x00", "an SQLite database"),
)

_SAMPLE = 200_000  # characters inspected by the plausibility checks; enough to judge, cheap
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_LATIN_EXTRA_LETTER = re.compile(r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ffŠšŽžŒœŸƒ]")
# Symbols a legacy decode of non-text yields, which prose almost never uses (guillemets,
# pound, inverted marks, typographic quotes, dashes and the degree sign are all normal).
_ODD_SYMBOL = re.compile(
    r"[\u00a4\u00a6\u00a8\u00aa\u00ac\u00af\u00b1-\u00b6\u00b8-\u00ba\u00d7\u00f7"
    r"\u02c6\u02dc\u2020\u2021\u2030]"
)


def decode(data: bytes) -> str:
    """Decode file bytes to text or raise `Unreadable` saying why they are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom):].decode(encoding))
            except UnicodeDecodeError as exc:
                raise Unreadable(f"broken {encoding.upper()} text (bad bytes at {exc.start})") from None
    check_not_binary(data, allow_nul=True)
    if b"\x00" in data:
        encoding = _bomless_utf16(data)
        if encoding is None:
            raise Unreadable("binary content, not text (contains NUL bytes)")
        try:
            return _checked(data.decode(encoding))
        except UnicodeDecodeError:
            raise Unreadable("binary content, not text (contains NUL bytes)") from None
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _too_many_controls(text) and _reads_as_latin_text(text):
            return text
    raise Unreadable(
        "unknown text encoding: not UTF-8, and as Windows-1252/Latin-1 it reads as gibberish "
        "(a legacy encoding of another script?); save the file as UTF-8"
    )


def has_bom(data: bytes) -> bool:
    """True when the bytes open with a Unicode byte-order mark."""
    return any(data.startswith(bom) for bom, _ in _BOMS)


def _checked(text: str) -> str:
    if _too_many_controls(text):
        raise Unreadable("binary content, not text (many control characters)")
    return text


def check_not_binary(data: bytes, *, allow_nul: bool = False) -> None:
    """Raise `Unreadable` when the bytes are a known binary format or (unless allowed, for a
    caller that tries UTF-16 next) contain NUL bytes, which text never does."""
    for offset, signature, what in _SIGNATURES:
        if data.startswith(signature, offset):
            raise Unreadable(f"binary file: looks like {what}, not text")
    if not allow_nul and b"\x00" in data:
        raise Unreadable("binary content, not text (contains NUL bytes)")


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 saved without a BOM shows NUL high bytes in every other position for Latin text."""
    sample = data[: min(len(data), _SAMPLE) // 2 * 2]
    if len(sample) < 8 or len(data) % 2:
        return None
    half = len(sample) / 2
    even_nuls = sample[0::2].count(0) / half
    odd_nuls = sample[1::2].count(0) / half
    if odd_nuls > 0.5 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.5 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _too_many_controls(text: str) -> bool:
    sample = text[:_SAMPLE]
    return len(_CONTROL.findall(sample)) > max(2, len(sample) // 100)


def _reads_as_latin_text(text: str) -> bool:
    sample = text[:_SAMPLE]
    ascii_letters = len(_ASCII_LETTER.findall(sample))
    extra_letters = len(_LATIN_EXTRA_LETTER.findall(sample))
    odd = len(_ODD_SYMBOL.findall(sample))
    letters = ascii_letters + extra_letters
    if letters == 0:
        return False
    # French, German, Spanish, Turkish-in-Latin-1 prose keeps accented letters well under a third.
    return extra_letters / letters < 0.3 and odd / max(1, len(sample)) < 0.02

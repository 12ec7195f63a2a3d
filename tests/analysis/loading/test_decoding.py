import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.loading.candidate import Unreadable
from analysis.loading.decoding import decode

PROSE = "Le président a visité la région dévastée ; « les habitants » étaient déçus."


@pytest.mark.parametrize(
    "data",
    [
        PROSE.encode("utf-8"),
        codecs.BOM_UTF8 + PROSE.encode("utf-8"),
        PROSE.encode("utf-16"),  # with BOM, native order
        codecs.BOM_UTF16_BE + PROSE.encode("utf-16-be"),
        PROSE.encode("utf-32"),
        PROSE.encode("utf-16-le"),  # no BOM: recognised by the NUL pattern
        PROSE.encode("utf-16-be"),
        PROSE.encode("latin-1"),
        PROSE.encode("cp1252"),
    ],
    ids=[
        "utf8", "utf8-sig", "utf16", "utf16be-bom", "utf32", "utf16le-nobom", "utf16be-nobom", "latin1",
        "cp1252",
    ],
)
def test_text_in_any_common_encoding_decodes_to_the_same_string(data):
    assert decode(data) == PROSE


def test_cp1252_typographic_quotes_and_dashes_survive():
    text = "The minister said “we will not retreat” — and the crowd cheered… €5 million."
    assert decode(text.encode("cp1252")) == text


def test_non_ascii_scripts_in_utf8_are_text():
    text = "Украинские силы заявили. القوات الأوكرانية 🌍 שלום 中文"
    assert decode(text.encode("utf-8")) == text


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
        (b"\xff\xd8\xff\xe0" + bytes(range(256)), "JPEG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF document"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP archive"),
        (b"\x1f\x8b\x08\x00" + bytes(20), "gzip"),
        (b"hello\x00world" * 20, "NUL bytes"),
        (bytes(range(1, 32)) * 20, "control characters"),
    ],
)
def test_binary_content_is_refused_with_what_it_looks_like(data, expected):
    with pytest.raises(Unreadable, match=expected):
        decode(data)


@pytest.mark.parametrize("encoding", ["cp1251", "cp1253", "koi8_r"])
def test_legacy_encoding_of_another_script_is_refused_not_loaded_as_mojibake(encoding):
    greek = "Οι ένοπλες δυνάμεις ανακοίνωσαν σήμερα την ανακατάληψη του χωριού."
    russian = "Украинские силы заявили в воскресенье, что отбили деревню у противника."
    text = greek if encoding == "cp1253" else russian
    with pytest.raises(Unreadable, match="encoding"):
        decode(text.encode(encoding))


@settings(max_examples=300)
@given(st.binary(max_size=2000))
def test_random_bytes_either_decode_or_raise_unreadable(data):
    try:
        text = decode(data)
    except Unreadable as exc:
        assert str(exc)
    else:
        assert isinstance(text, str)

import pytest

from analysis.loading.fields import (
    UNKNOWN_SOURCE,
    choose_source,
    choose_title,
    clean_line,
    clean_text,
    headline_from,
    is_blank,
    site_from_url,
    source_or_url,
    web_url,
)


def test_clean_text_unifies_newlines_composes_unicode_and_drops_controls():
    raw = "\ufeffErdog\u0306an spoke.\r\nSecond line\x07.  \r\n\r\n\r\n\r\nNew paragraph.\n"
    assert clean_text(raw) == "Erdoğan spoke.\nSecond line.\n\nNew paragraph."


def test_clean_text_keeps_rtl_emoji_and_markup_verbatim():
    text = "مرحبا 🌍 שלום <script>alert(1)</script> **bold**"
    assert clean_text(text) == text


@pytest.mark.parametrize("text", ["", " \n\t", "\u200b\u200b", "\ufeff \n"])
def test_blank_includes_invisible_characters(text):
    assert is_blank(text)


def test_clean_line_collapses_and_clips():
    assert clean_line("  Taliban\n warns\tTurkey ") == "Taliban warns Turkey"
    long = clean_line("word " * 200, limit=50)
    assert len(long) == 50 and long.endswith("…")
    assert clean_line(None) == ""


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Iraqi forces retake eastern Mosul\n\nIraqi forces said...", "Iraqi forces retake eastern Mosul"),
        ("# Aid convoy reaches Gaza\n\nBody.", "Aid convoy reaches Gaza"),
        ("Will Turkey fight the Taliban?\nBody text.", "Will Turkey fight the Taliban?"),
        # a sentence, not a headline
        ("The Taliban warned Turkey on Tuesday.\n\nMore.", ""),
        # the only line: nothing follows, so it is the article, not its headline
        ("Iraqi forces retake eastern Mosul", ""),
        ("2021\n\nBody", ""),
        (" ".join(["word"] * 40) + "\n\nBody", ""),
    ],
)
def test_headline_from_first_line(text, expected):
    assert headline_from(text) == expected


@pytest.mark.parametrize(
    "url, site",
    [
        ("https://www.republicworld.com/world-news/x.html", "republicworld.com"),
        ("https://m.bbc.co.uk/news", "bbc.co.uk"),
        ("http://continental-defence.com/a", "continental-defence.com"),
        ("https://localhost/a", ""),
        ("not a url", ""),
        ("", ""),
    ],
)
def test_site_from_url(url, site):
    assert site_from_url(url) == site


@pytest.mark.parametrize(
    "value, expected",
    [
        ("https://example.com/a?b=1", ("https://example.com/a?b=1", True)),
        ("www.example.com/a", ("https://www.example.com/a", True)),
        ("", ("", True)),
        ("javascript:alert(1)", ("", False)),
        ("data:text/html,<script>alert(1)</script>", ("", False)),
        ("file:///etc/passwd", ("", False)),
    ],
)
def test_web_url_keeps_only_web_addresses(value, expected):
    assert web_url(value) == expected


def test_title_fallbacks_in_order():
    body = "Iraqi forces retake Mosul\n\nBody text."
    assert choose_title("Given title", body, "stem") == "Given title"
    assert choose_title("", body, "stem") == "Iraqi forces retake Mosul"
    assert choose_title("  ", "Just a sentence.\n\nMore.", "stem") == "stem"


def test_source_fallbacks_in_order():
    url = "https://www.aljazeera.com/news/1"
    assert choose_source("Al Jazeera English", "AJ", url) == "Al Jazeera English"
    assert choose_source("", "Al Jazeera", url) == "Al Jazeera"
    assert choose_source("", "", url) == "aljazeera.com"
    assert choose_source("", "", "") == UNKNOWN_SOURCE


def test_a_url_in_the_source_field_becomes_the_url():
    assert source_or_url("https://www.reuters.com/world/1", "") == ("", "https://www.reuters.com/world/1")
    assert source_or_url("https://www.reuters.com/a", "https://x.org/b") == ("", "https://x.org/b")
    assert source_or_url("Reuters", "") == ("Reuters", "")

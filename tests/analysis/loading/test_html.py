from datetime import date

import pytest

from analysis.loading.candidate import Unreadable
from analysis.loading.html import read_html

PAGE = """<html><head><meta charset="{charset}"><title>{title} | Example Wire</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Example Wire">
<meta property="og:url" content="https://www.examplewire.org/story">
<meta property="article:published_time" content="2023-05-22T08:15:00+02:00">
</head><body><nav>Home | World | Subscribe</nav><article><h1>{title}</h1>
<p>{body}</p>
<p>Witnesses reported air strikes and artillery fire in the north of the city, while both sides blamed each other.</p>
<script>window.flag = true;</script>
</article><footer>Copyright Example Wire</footer></body></html>"""
TITLE = "Fighting resumes in Khartoum as ceasefire collapses"
BODY = "Heavy fighting broke out again in Khartoum on Monday, hours after a ceasefire was due to take effect."


def page(charset="utf-8", title=TITLE, body=BODY) -> str:
    return PAGE.format(charset=charset, title=title, body=body)


def test_fixture_page_main_text_and_metadata(data_dir, make_entry):
    data = (data_dir / "mixed" / "khartoum.html").read_bytes()
    [c] = read_html(data, make_entry("khartoum.html", data))
    paragraphs = c.text.split("\n\n")
    assert paragraphs[0].startswith("Heavy fighting broke out again in Khartoum on Monday")
    assert "Civilians trapped" in paragraphs  # the subheading is a paragraph of its own
    assert paragraphs[-1].startswith("Aid groups said hundreds of thousands")
    for boilerplate in ("Subscribe", "Copyright", "window.tracker"):
        assert boilerplate not in c.text
    assert c.title == TITLE
    assert not c.text.startswith(TITLE)  # the headline is the title, not the first sentence
    assert c.sitename == "Example Wire"
    assert c.url == "https://www.examplewire.org/africa/khartoum-fighting"
    assert c.published == "2023-05-22"


def test_meta_charset_is_honoured_for_legacy_encodings(make_entry):
    body = "Le président a visité la région dévastée et promis une aide rapide aux habitants."
    data = page(charset="iso-8859-1", body=body).encode("latin-1")
    [c] = read_html(data, make_entry("p.html", data))
    assert body in c.text


def test_utf16_page_with_bom(make_entry):
    data = page().encode("utf-16")
    [c] = read_html(data, make_entry("p.html", data))
    assert BODY in c.text


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"<html><head><title>Only a title</title></head><body></body></html>", "no article text"),
        (b"<html><body><p>   </p><script>var a = 1;</script></body></html>", "no article text"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG image"),
        (b"<html>\x00\x01\x02</html>", "NUL bytes"),
    ],
)
def test_pages_without_an_article_are_refused(data, reason, make_entry):
    with pytest.raises(Unreadable, match=reason):
        read_html(data, make_entry("p.html", data))


def test_injection_in_title_and_body_is_text_not_markup(make_entry):
    body = "Officials said &lt;script&gt;alert(1)&lt;/script&gt; appeared in a leaked memo about the strikes on the city."
    data = page(body=body).encode()
    [c] = read_html(data, make_entry("p.html", data))
    assert "<script>alert(1)</script> appeared in a leaked memo" in c.text
    assert "window.flag" not in c.text


def test_date_comes_from_the_page_metadata_only(make_entry):
    html = f"<html><body><article><p>{BODY} It recalled the events of 12 March 2019 in detail.</p></article></body></html>"
    [c] = read_html(html.encode(), make_entry("p.html", html.encode()))
    assert c.published in (None, "")  # no guessing from dates in the body text
    assert date(2019, 3, 12).isoformat() not in str(c.published)

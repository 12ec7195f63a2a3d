import pytest

from analysis.loading.fields import clean_text
from analysis.loading.markup import has_layout_markup, markup_to_text
from analysis.loading.records import candidate_from_row


def test_block_markup_becomes_paragraphs():
    body = (
        "<p>Shelling hit the market &amp; the station.</p><p>Five were hurt.<br>Two are missing.</p>"
        "<script>window.pwned = 1</script><h2>Reaction</h2><ul><li>Kyiv condemned it</li></ul>"
    )
    assert clean_text(markup_to_text(body)) == (
        "Shelling hit the market & the station.\n\nFive were hurt.\nTwo are missing.\n\n"
        "Reaction\n\nKyiv condemned it"
    )


@pytest.mark.parametrize(
    "text",
    [
        "The memo quoted <script>alert(1)</script> verbatim.",
        'An <img src=x onerror="alert(1)"> tag and a <b>bold</b> word.',
        "3 < 5 and 7 > 2",
    ],
)
def test_text_without_layout_markup_is_left_alone(text):
    assert not has_layout_markup(text)
    row = candidate_from_row({"text": text}, path="r.csv", where="row 1", base_id="r#1")
    assert row.text == text


def test_rows_with_html_bodies_are_converted():
    row = candidate_from_row({"content": "<p>One.</p><p>Two.</p>"}, path="r.json", where="item 1", base_id="r#1")
    assert clean_text(row.text) == "One.\n\nTwo."

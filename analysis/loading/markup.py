"""HTML bodies inside CSV/JSON fields (CMS and API exports often keep `<p>` markup).

Only a field laid out with block markup (<p>, <br>, <div>, headings, list items) is converted:
its blocks become paragraphs, scripts and styles go, entities are decoded. Any other `<` is text
(a story quoting "<script>" stays as written, for the dashboard to escape and show).
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

_LAYOUT = re.compile(r"<(?:p|br|div|h[1-6]|li|blockquote)\b[^>]*>", re.IGNORECASE)
_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "tr")
_DROP = ("script", "style", "noscript", "template")


def has_layout_markup(text: str) -> bool:
    return _LAYOUT.search(text) is not None


def markup_to_text(text: str) -> str:
    """Text of an HTML fragment, one paragraph per block; the input itself if it cannot parse."""
    try:
        root = lxml_html.fragment_fromstring(text, create_parent="div")
    except (etree.LxmlError, ValueError):
        return text
    for element in list(root.iter(*_DROP)):
        element.drop_tree()
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    for element in root.iter(*_BLOCKS):
        element.text = "\n\n" + (element.text or "")
        element.tail = "\n\n" + (element.tail or "")
    return root.text_content()

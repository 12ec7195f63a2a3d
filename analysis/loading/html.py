"""HTML pages: the main article text and its metadata, extracted by trafilatura.

trafilatura (2.x) drops navigation, ads and scripts and returns one line per block element; the
blocks become paragraphs separated by a blank line, so sentence splitting keeps headings apart.
Its metadata supplies title, date, canonical URL and site name; a sidecar row overrides them.
"""

from __future__ import annotations

import trafilatura

from analysis.loading.candidate import Candidate, Unreadable
from analysis.loading.decoding import check_not_binary, decode, has_bom
from analysis.loading.entries import Entry
from analysis.loading.fields import clean_line, is_blank

# The page's own publication date only; no guessing from the body text or the file date.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(data: bytes, entry: Entry) -> list[Candidate]:
    """One article from a saved page, or `Unreadable` when the page holds no main text."""
    if not data:
        raise Unreadable("empty file")
    if has_bom(data):
        page: bytes | str = decode(data)
    else:
        # Bytes go to trafilatura as they are, so that a <meta charset> is honoured.
        check_not_binary(data)
        page = data
    extracted = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        date_extraction_params=_DATE_PARAMS,
    )
    lines = [] if extracted is None else [ln.strip() for ln in (extracted.text or "").split("\n")]
    lines = [ln for ln in lines if ln]
    if not lines or is_blank(" ".join(lines)):
        raise Unreadable("no article text found in the HTML page")
    title = clean_line(extracted.title)
    # The page's own headline opens the extracted text; it is the title, not the first sentence.
    if title and len(lines) > 1 and clean_line(lines[0]) == title:
        lines = lines[1:]
    return [
        Candidate(
            path=entry.label,
            where="",
            base_id=entry.stem,
            text="\n\n".join(lines),
            title=title,
            published=extracted.date,
            url=extracted.url or "",
            sitename=extracted.sitename or "",
        )
    ]

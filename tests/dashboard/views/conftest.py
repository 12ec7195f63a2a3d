"""Opening one page of the app through AppTest, for the page tests next to this file."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[3] / "dashboard" / "app.py")
TIMEOUT = 120  # the first run loads the language pipeline and analyses the corpus


@pytest.fixture
def run(request):
    """`run(query)` opens the app with `query` in the URL, switches to the test module's PAGE
    and asserts the page ran without an exception."""

    def open_page(query: dict | None = None) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        if query:
            at.query_params.update(query)
        at.run()
        at.switch_page(request.module.PAGE)
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        return at

    return open_page

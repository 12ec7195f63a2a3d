"""Every page module can be imported outside a Streamlit run (by a test, or to reuse a helper):
importing only defines its functions; Streamlit runs the file as "__main__" to draw it."""

import importlib

import pytest

PAGES = ["overview", "compare", "entities", "casualties", "timeline", "sentiment"]


@pytest.mark.parametrize("page", PAGES)
def test_a_page_imports_without_drawing_and_offers_its_render(page, monkeypatch):
    import streamlit as st

    drawn = []
    monkeypatch.setattr(st, "title", lambda *a, **k: drawn.append(a))
    module = importlib.import_module(f"dashboard.views.{page}")
    assert callable(module.render)
    assert drawn == []

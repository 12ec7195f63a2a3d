"""The load benchmark's floor: the dashboard's six pages at their paths, each only a title and one
small chart, no sidebar and no analysis. `python bench/load.py --app bench/floor_app.py` drives
it with the very same steps, so the difference to the real app is what Parallax itself costs
(server and browser) on top of what any Streamlit page costs the browser on this machine."""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

PAGES = ("Overview", "Compare", "Entities", "Casualties", "Timeline", "Sentiment")


def page(title: str) -> Callable[[], None]:
    def draw() -> None:
        st.title(title)
        st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[1, 3, 2])))
    return draw


st.navigation([st.Page(page(title), title=title, url_path=title.lower(), default=title == "Overview")
               for title in PAGES]).run()

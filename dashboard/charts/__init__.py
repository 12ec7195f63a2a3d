"""DataFrame in, plotly Figure out. No Streamlit here, so every chart is testable on its own.

One module per concern; the names below are the ones pages use.
"""

from dashboard.charts.common import empty_figure, safe, source_colors
from dashboard.charts.entities import top_entities
from dashboard.charts.sentiment import (
    longest_articles,
    paragraph_arc,
    sentiment_by_article,
    sentiment_by_source,
)

__all__ = [
    "empty_figure", "longest_articles", "paragraph_arc", "safe", "sentiment_by_article", "sentiment_by_source",
    "source_colors", "top_entities",
]

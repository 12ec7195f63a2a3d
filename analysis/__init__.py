"""Parallax analysis: news articles in, pandas tables out. Never imports streamlit.

    from analysis import Document, load_corpus, analyze
    corpus = load_corpus(["seeds/"])
    result = analyze(corpus.documents)

Names are imported on first use, so `import analysis.segmentation` does not load spaCy.
"""

from analysis.lazy import lazy_exports

_EXPORTS = {
    "Analysis": "analysis.result",
    "Corpus": "analysis.document",
    "Document": "analysis.document",
    "LoadError": "analysis.document",
    "Filters": "analysis.filters",
    "apply": "analysis.filters",
    "analyze": "analysis.engine",
    "load_corpus": "analysis.loading",
    "load_uploads": "analysis.loading",
}

__all__ = sorted(_EXPORTS)

__getattr__ = lazy_exports(__name__, _EXPORTS)

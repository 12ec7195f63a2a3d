"""Sharing a corpus by link: a SQL store of shared articles (store), its settings (config) and
the links it gives (links). No Streamlit here: the dashboard and the command line both use it.

Names are imported on first use, so reading a link's parameters does not load SQLAlchemy.
"""

from importlib import import_module

_EXPORTS = {
    **dict.fromkeys(("ShareLimits", "data_dir", "database_url", "sqlite_url"), "analysis.sharing.config"),
    **dict.fromkeys(("DELETE_PARAM", "SHARE_PARAM", "delete_link", "share_link"), "analysis.sharing.links"),
    **dict.fromkeys(("TOKEN", "NewShare", "SharedCorpus", "ShareError", "ShareExpired", "ShareNotFound",
                     "ShareStore", "ShareTooLarge", "StoreFull", "StoreUnavailable"), "analysis.sharing.store"),
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'analysis.sharing' has no attribute {name!r}")

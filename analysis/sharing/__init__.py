"""Sharing a corpus by link: a SQL store of shared articles (store), its settings (config) and
the links it gives (links). No Streamlit here: the dashboard and the command line both use it.

Names are imported on first use, so reading a link's parameters does not load SQLAlchemy.
"""

from analysis.lazy import lazy_exports

_EXPORTS = {
    **dict.fromkeys(("ShareLimits", "data_dir", "database_url", "sqlite_url"), "analysis.sharing.config"),
    **dict.fromkeys(("DELETE_PARAM", "SHARE_PARAM", "delete_link", "share_link"), "analysis.sharing.links"),
    **dict.fromkeys(("TOKEN", "NewShare", "SharedCorpus", "ShareError", "ShareExpired", "ShareNotFound",
                     "ShareStore", "ShareTooLarge", "StoreFull", "StoreUnavailable"), "analysis.sharing.store"),
}

__all__ = sorted(_EXPORTS)

__getattr__ = lazy_exports(__name__, _EXPORTS)

"""Sharing a corpus by link: a SQL store of shared articles (store), its settings (config) and
the links it gives (links). No Streamlit here: the dashboard and the command line both use it."""

from analysis.sharing.config import ShareLimits, data_dir, database_url, sqlite_url
from analysis.sharing.links import DELETE_PARAM, SHARE_PARAM, delete_link, share_link
from analysis.sharing.store import (
                                    TOKEN,
                                    NewShare,
                                    SharedCorpus,
                                    ShareError,
                                    ShareExpired,
                                    ShareNotFound,
                                    ShareStore,
                                    ShareTooLarge,
                                    StoreFull,
                                    StoreUnavailable,
)

__all__ = ["DELETE_PARAM", "SHARE_PARAM", "TOKEN", "NewShare", "ShareError", "ShareExpired", "ShareLimits",
           "ShareNotFound", "ShareStore", "ShareTooLarge", "SharedCorpus", "StoreFull", "StoreUnavailable",
           "data_dir", "database_url", "delete_link", "share_link", "sqlite_url"]

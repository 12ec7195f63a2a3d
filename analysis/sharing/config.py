"""Where shared corpora are stored and for how long: settings a host gives in the environment
(or, for the database, in `.streamlit/secrets.toml`), read the same way by the dashboard and the
command line so that both use one store."""

from __future__ import annotations

import os
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

DATA_DIR_ENV = "PARALLAX_DATA_DIR"
DATABASE_URL_ENV = "PARALLAX_SHARES_URL"  # a SQLAlchemy URL; `.streamlit/secrets.toml` wins over it
BASE_URL_ENV = "PARALLAX_BASE_URL"  # the dashboard's public address, for links the command line prints
EXPIRY_DAYS_ENV = "PARALLAX_SHARE_DAYS"
MAX_SHARE_MB_ENV = "PARALLAX_SHARE_MAX_MB"
MAX_STORE_MB_ENV = "PARALLAX_SHARE_STORE_MB"
DEFAULT_EXPIRY_DAYS = 90
DEFAULT_MAX_SHARE_MB = 50  # the articles of one share, as stored (JSON text before compression)
DEFAULT_MAX_STORE_MB = 2048  # every share together
DEFAULT_BASE_URL = "http://localhost:8501"  # where `streamlit run` serves by default
CONNECTION_NAME = "shares"  # [connections.shares] in secrets.toml; st.connection("shares")
SQLITE_FILE = "shares.sqlite3"
MB = 1024 * 1024


@dataclass(frozen=True)
class ShareLimits:
    """How long a share lives and how much one share, and the whole store, may hold (bytes)."""

    expiry_days: float = DEFAULT_EXPIRY_DAYS
    max_share_bytes: int = DEFAULT_MAX_SHARE_MB * MB
    max_store_bytes: int = DEFAULT_MAX_STORE_MB * MB

    @classmethod
    def from_env(cls) -> ShareLimits:
        return cls(expiry_days=_positive(EXPIRY_DAYS_ENV, DEFAULT_EXPIRY_DAYS),
                   max_share_bytes=int(_positive(MAX_SHARE_MB_ENV, DEFAULT_MAX_SHARE_MB) * MB),
                   max_store_bytes=int(_positive(MAX_STORE_MB_ENV, DEFAULT_MAX_STORE_MB) * MB))


def _positive(name: str, default: float) -> float:
    """A positive number from the environment, else `default` (a typo must not disable sharing)."""
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


def data_dir() -> Path:
    """The folder for Parallax's own files: PARALLAX_DATA_DIR, else the platform's per-user data
    folder (XDG on Linux), so a plain `streamlit run` keeps shares across restarts."""
    configured = os.environ.get(DATA_DIR_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local")) / "Parallax"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "Parallax"
    return Path(os.environ.get("XDG_DATA_HOME", "").strip() or home / ".local" / "share") / "parallax"


def sqlite_url(folder: Path | None = None) -> str:
    """The embedded store: one SQLite file in the data folder (created when missing)."""
    folder = folder or data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{(folder / SQLITE_FILE).resolve()}"


def url_from_secrets(files: list[Path]) -> str | None:
    """The `url` of `[connections.shares]` in the first of `files` that names one, as Streamlit
    reads secrets (a later file overrides an earlier one, so the last one that names it wins)."""
    found = None
    for path in files:
        try:
            secrets = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError):
            continue
        url = secrets.get("connections", {}).get(CONNECTION_NAME, {}).get("url")
        if isinstance(url, str) and url.strip():
            found = url.strip()
    return found


def secrets_files(cwd: Path | None = None) -> list[Path]:
    """Streamlit's default secrets files, in the order it reads them."""
    return [Path.home() / ".streamlit" / "secrets.toml", (cwd or Path.cwd()) / ".streamlit" / "secrets.toml"]


def database_url() -> str:
    """The store the command line uses, the same one the dashboard uses when started from the
    same folder: secrets.toml, else PARALLAX_SHARES_URL, else the SQLite file in the data folder."""
    return (url_from_secrets(secrets_files()) or os.environ.get(DATABASE_URL_ENV, "").strip()
            or sqlite_url())


def base_url() -> str:
    """The dashboard's public address for printed links (PARALLAX_BASE_URL, else localhost)."""
    return os.environ.get(BASE_URL_ENV, "").strip() or DEFAULT_BASE_URL

"""Package names imported on first use, so importing a light part of a package (a store page
reading `analysis.store.query`, a share link's parameters) does not load its heavy parts (spaCy,
SQLAlchemy, the engine)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module


def lazy_exports(package: str, exports: dict[str, str]) -> Callable[[str], object]:
    """A module `__getattr__` for `package` that imports each name of `exports` (name -> the
    module defining it) when it is first asked for."""

    def __getattr__(name: str) -> object:
        if name in exports:
            return getattr(import_module(exports[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__

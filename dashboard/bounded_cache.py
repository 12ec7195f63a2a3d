"""The one kind of cache the server shares between sessions: bounded in bytes and in idle time,
and computing each value once however many sessions ask for it at the same moment.

Sessions run in threads of one process. The analysis cache (corpus.py) and the store of values
derived from a view (context.py) are both a `BoundedCache`; they differ only in what a value
is, how it is measured and when, besides idling, it may go.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
T = TypeVar("T")


class _Missing:
    """What a lookup returns on a miss (None may be a cached value)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


@dataclass
class Entry(Generic[V]):
    """One cached value, its size in bytes and when it was last handed out."""

    value: V
    nbytes: int
    used: float


class BoundedCache(Generic[K, V]):
    """Values by key, shared by every session of the server.

    Bounds: the least recently used values go once the total passes `max_bytes` (the newest is
    always kept, however large: dropping it would only make its session compute it again), and
    a value unused for `ttl_s` seconds (or past the later deadline a subclass gives in
    `_deadline`) goes on the next access, or from a background sweep when
    `sweep_in_background`, so that an idle server frees memory too. Values are shared, so
    callers must never modify one except through `edit`.
    """

    def __init__(self, max_bytes: int, ttl_s: float, *, measure: Callable[[V], int],
                 clock: Callable[[], float] = time.monotonic, sweep_in_background: bool = False) -> None:
        self.max_bytes, self.ttl_s = max_bytes, ttl_s
        self._measure, self._clock = measure, clock
        self._sweep_in_background = sweep_in_background
        self._lock = threading.Lock()
        self._entries: OrderedDict[K, Entry[V]] = OrderedDict()  # least recently used first
        self._computing: dict[Hashable, threading.Lock] = {}
        self._timer: threading.Timer | None = None
        self._timer_due = float("inf")

    def fetch(self, key: K, build: Callable[[], V], *, use: Callable[[Entry[V], float], None] | None = None) -> V:
        """The value under `key`, built by `build` on a miss (a failed build stores nothing).
        `use(entry, now)` runs under the lock whenever the value is handed out."""
        def read(entry: Entry[V], now: float) -> V:
            if use is not None:
                use(entry, now)
            return entry.value

        def build_and_store() -> V:
            value = build()
            self.store(key, value, use=use)
            return value

        return self.once(key, lambda: self.lookup(key, read), build_and_store)

    def once(self, flight: Hashable, find: Callable[[], T], make: Callable[[], T]) -> T:
        """What `find` finds, else what `make` makes (and stores), made once per `flight` at a
        time: a second session asking meanwhile waits for the first one's result."""
        found = find()
        if found is not MISSING:
            return found
        with self._lock:
            computing = self._computing.setdefault(flight, threading.Lock())
        with computing:
            found = find()
            if found is not MISSING:
                return found
            try:
                return make()
            finally:
                with self._lock:
                    self._computing.pop(flight, None)

    def lookup(self, key: K, read: Callable[[Entry[V], float], T]) -> T:
        """What `read(entry, now)` takes from the live entry under `key`, under the lock, else
        MISSING. Unless `read` returns MISSING, the entry becomes the most recently used."""
        with self._lock:
            now = self._clock()
            self._drop_expired(now)
            entry = self._entries.get(key)
            if entry is None:
                return MISSING
            found = read(entry, now)
            if found is not MISSING:
                self._touch(key, entry, now)
            return found

    def store(self, key: K, value: V, *, use: Callable[[Entry[V], float], None] | None = None) -> None:
        """Keep `value` under `key` as the most recently used, then enforce the byte bound."""
        nbytes = self._measure(value)  # outside the lock: measuring a large table takes a moment
        with self._lock:
            now = self._clock()
            entry = Entry(value, nbytes, now)
            self._entries[key] = entry
            if use is not None:
                use(entry, now)
            self._touch(key, entry, now)
            self._settle(now)

    def edit(self, key: K, change: Callable[[Entry[V], float], None]) -> bool:
        """Change the entry under `key` in place, under the lock (its value's own state, its
        size), as a use of it; False when nothing is cached under `key`."""
        with self._lock:
            now = self._clock()
            entry = self._entries.get(key)
            if entry is None:
                return False
            change(entry, now)
            self._touch(key, entry, now)
            self._settle(now)
            return True

    def edit_all(self, change: Callable[[Entry[V], float], None]) -> None:
        """Change every entry in place, under the lock, without counting it as a use."""
        with self._lock:
            now = self._clock()
            for entry in self._entries.values():
                change(entry, now)
            self._schedule_sweep(now)

    def sweep(self) -> bool:
        """Drop every expired value now; True when something was dropped."""
        with self._lock:
            self._timer, self._timer_due = None, float("inf")
            now = self._clock()
            before = len(self._entries)
            self._drop_expired(now)
            self._schedule_sweep(now)
            return len(self._entries) < before

    def keys(self) -> list[K]:
        """The cached keys, least recently used first."""
        with self._lock:
            return list(self._entries)

    def total_bytes(self) -> int:
        with self._lock:
            return sum(entry.nbytes for entry in self._entries.values())

    def _deadline(self, entry: Entry[V]) -> float:
        """When `entry` expires; a subclass may bring it forward (never past the TTL)."""
        return entry.used + self.ttl_s

    def _touch(self, key: K, entry: Entry[V], now: float) -> None:
        entry.used = now
        self._entries.move_to_end(key)

    def _settle(self, now: float) -> None:
        """After a store or an edit: the least recently used go past the byte bound, and the
        next sweep is due at the earliest deadline."""
        total = sum(entry.nbytes for entry in self._entries.values())
        while total > self.max_bytes and len(self._entries) > 1:
            _, dropped = self._entries.popitem(last=False)
            total -= dropped.nbytes
        self._schedule_sweep(now)

    def _drop_expired(self, now: float) -> None:
        for key in [key for key, entry in self._entries.items() if now > self._deadline(entry)]:
            del self._entries[key]

    def _schedule_sweep(self, now: float) -> None:
        """A background sweep at the next deadline, when asked for."""
        if not self._sweep_in_background or not self._entries:
            return
        due = min(self._deadline(entry) for entry in self._entries.values())
        if due >= self._timer_due:
            return  # an earlier sweep is scheduled; it schedules the next one
        if self._timer is not None:
            self._timer.cancel()
        self._timer = threading.Timer(max(0.0, due - now) + 1.0, self.sweep)
        self._timer.daemon = True
        self._timer_due = due
        self._timer.start()

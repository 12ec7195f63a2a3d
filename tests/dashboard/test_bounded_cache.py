"""The cache shared by every session: built once under concurrent askers, bounded by bytes
(least recently used first, never the newest) and by idle time, edited in place under its lock."""

from __future__ import annotations

import threading
import time

import pytest

from dashboard.bounded_cache import MISSING, BoundedCache, Entry


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def cache_for(max_bytes: int = 10**9, ttl_s: float = 60, clock: Clock | None = None,
              size: int = 100) -> BoundedCache[str, object]:
    return BoundedCache(max_bytes, ttl_s, measure=lambda value: size, clock=clock or Clock())


def test_a_value_is_built_once_while_concurrent_askers_wait_for_it():
    cache = cache_for()
    calls: list[int] = []
    results: list[object] = []

    def build() -> list[int]:
        calls.append(1)
        time.sleep(0.3)  # long enough for every other thread to ask meanwhile
        return [1, 2, 3]

    threads = [threading.Thread(target=lambda: results.append(cache.fetch("k", build))) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1
    assert len(results) == 6 and all(result is results[0] for result in results)


def test_none_is_a_value_like_any_other():
    cache, calls = cache_for(), []
    assert cache.fetch("k", lambda: calls.append(1)) is None
    assert cache.fetch("k", lambda: calls.append(1)) is None
    assert calls == [1] and cache.keys() == ["k"]


def test_a_failed_build_stores_nothing():
    cache = cache_for()

    def fail() -> str:
        raise ValueError("boom")

    with pytest.raises(ValueError):
        cache.fetch("k", fail)
    assert cache.keys() == [] and cache.fetch("k", lambda: "ok") == "ok"


def test_the_least_recently_used_go_past_the_bound_but_never_the_newest():
    cache = cache_for(max_bytes=250)
    for key in ("a", "b"):
        cache.fetch(key, lambda key=key: key)
    assert cache.fetch("a", lambda: "rebuilt") == "a"  # "a" is now the most recent
    cache.fetch("c", lambda: "c")
    assert cache.keys() == ["a", "c"] and cache.total_bytes() == 200
    alone = cache_for(max_bytes=50)
    alone.fetch("a", lambda: "a")
    alone.fetch("b", lambda: "b")
    assert alone.keys() == ["b"]


def test_a_value_unused_for_the_ttl_goes_on_the_next_access():
    clock = Clock()
    cache = cache_for(ttl_s=60, clock=clock)
    cache.fetch("old", lambda: "old")
    clock.now = 30
    cache.fetch("recent", lambda: "recent")
    clock.now = 80  # "old" unused for 80 s, "recent" for 50 s
    assert cache.fetch("recent", lambda: "rebuilt") == "recent"
    assert cache.keys() == ["recent"]


def test_use_sees_the_entry_on_every_hand_out_and_lookup_misses_touch_nothing():
    clock = Clock()
    cache, seen = cache_for(clock=clock), []
    cache.fetch("a", lambda: "a", use=lambda entry, now: seen.append((entry.value, now)))
    cache.fetch("b", lambda: "b")
    clock.now = 5
    cache.fetch("a", lambda: "rebuilt", use=lambda entry, now: seen.append((entry.value, now)))
    assert seen == [("a", 0.0), ("a", 5.0)]
    assert cache.lookup("a", lambda entry, now: MISSING) is MISSING
    assert cache.lookup("b", lambda entry, now: MISSING) is MISSING
    assert cache.keys() == ["b", "a"]  # a miss by `read` leaves "b" the least recent
    assert cache.lookup("nothing", lambda entry, now: entry.value) is MISSING


def test_an_edit_is_a_use_and_the_bound_follows_the_new_size():
    clock = Clock()
    cache = cache_for(max_bytes=250, clock=clock)
    cache.fetch("a", lambda: "a")
    cache.fetch("b", lambda: "b")

    def grow(entry: Entry[object], now: float) -> None:
        entry.nbytes += 60

    clock.now = 1
    assert cache.edit("a", grow)  # "a" now 160 bytes and the most recent: "b" must go
    assert cache.keys() == ["a"] and cache.total_bytes() == 160
    assert not cache.edit("b", grow)


def test_edit_all_changes_entries_without_using_them():
    clock = Clock()
    cache = cache_for(ttl_s=60, clock=clock)
    cache.fetch("a", lambda: ["a"])
    clock.now = 50
    cache.edit_all(lambda entry, now: entry.value.append(now))
    clock.now = 70  # unused since 0, though edited at 50
    assert cache.fetch("a", lambda: ["rebuilt"]) == ["rebuilt"]


class Expiring(BoundedCache[str, dict]):
    """A subclass whose values may go before the TTL: at their own "until"."""

    def _deadline(self, entry: Entry[dict]) -> float:
        return min(super()._deadline(entry), entry.value.get("until", float("inf")))


def test_a_subclass_deadline_brings_expiry_forward_and_a_sweep_applies_it():
    clock = Clock()
    cache = Expiring(10**9, 60, measure=lambda value: 1, clock=clock)
    cache.fetch("short", lambda: {"until": 10})
    cache.fetch("long", lambda: {})
    clock.now = 11
    assert cache.sweep() and cache.keys() == ["long"]
    assert not cache.sweep()


def test_the_background_sweep_frees_an_idle_cache():
    cache = BoundedCache(10**9, 0.05, measure=lambda value: 1, sweep_in_background=True)
    cache.fetch("k", lambda: "v")
    deadline = time.monotonic() + 5
    while cache.total_bytes() and time.monotonic() < deadline:  # due a second after the TTL
        time.sleep(0.1)
    assert cache.total_bytes() == 0

"""The share store against SQLite and a real PostgreSQL server: share, open from another
connection, delete, expiry, unknown tokens, limits, a database that is down, and several
sessions (and servers) sharing at once."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import create_engine, inspect, select, text, update

from analysis.document import Document
from analysis.sharing import (
    ShareExpired,
    ShareLimits,
    ShareNotFound,
    ShareStore,
    ShareTooLarge,
    StoreFull,
    StoreUnavailable,
)
from analysis.sharing.store import NOT_FOUND, SCHEMA_VERSION, encode, schema_versions

DAY = 86_400
START = 1_800_000_000.0  # 15 Jan 2027, a fixed "now" the tests move forward


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> float:
        return self.now


def article(n: int, text: str | None = None, published: date | None = date(2023, 10, 9)) -> Document:
    return Document(doc_id=f"report-{n}", title=f"Night strikes on the outskirts of Kherson, report {n}",
                    source=["Dnipro Evening Post", "Black Sea Courier"][n % 2], published=published,
                    url=f"https://news.example.org/kherson/{n}",
                    text=text or f"Report {n}: residents of Kherson said shelling hit two apartment blocks overnight. "
                    "Regional officials said 3 people were killed and 11 wounded.")


CORPUS = (article(1), article(2, published=None),
          article(3, text="«Світло зникло о другій ночі», — сказала мешканка Херсона. Ünïcödé & <b>tags</b> stay text."))
OTHER = (article(7), article(8))


def store_on(engine, clock: Clock | None = None, **limits) -> ShareStore:
    store = ShareStore(engine, ShareLimits(**limits), clock=clock or Clock())
    store.create_schema()
    return store


def test_a_share_opens_from_another_connection_with_every_article_as_it_was(engine, database_url):
    clock = Clock()
    made = store_on(engine, clock).put(CORPUS)
    elsewhere = create_engine(database_url)  # another server of the deployment, after a restart
    try:
        opened = ShareStore(elsewhere, clock=clock).get(made.token)
    finally:
        elsewhere.dispose()
    assert opened.documents == CORPUS
    assert opened.expires_at == datetime.fromtimestamp(START + 90 * DAY, tz=UTC) == made.expires_at
    assert (made.articles, made.size_bytes) == (3, len(encode(CORPUS)))


def test_tokens_are_random_url_safe_and_at_least_128_bits_and_only_their_digests_are_stored(engine):
    store = store_on(engine)
    made = [store.put(CORPUS) for _ in range(3)]
    tokens = [m.token for m in made] + [m.delete_token for m in made]
    assert len(set(tokens)) == 6
    for token in tokens:
        assert len(token) == 32 and set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    # 32 base64 characters carry 192 bits; no table holds a token itself.
    with engine.connect() as conn:
        for table in inspect(engine).get_table_names():
            for row in conn.execute(text(f"SELECT * FROM {table}")):
                cells = " ".join(str(cell) for cell in row)
                assert not any(token in cells for token in tokens), table


def test_identical_articles_are_stored_once_and_other_articles_apart(engine):
    store = store_on(engine)
    first, second = store.put(CORPUS), store.put(CORPUS)
    assert first.token != second.token and first.content_hash == second.content_hash
    assert store.usage() == (2, 1, len(encode(CORPUS)))
    store.put(OTHER)
    assert store.usage()[:2] == (3, 2)
    assert store.get(second.token).documents == CORPUS


def test_the_delete_link_removes_the_share_and_the_articles_once_no_share_needs_them(engine):
    store = store_on(engine)
    kept, dropped = store.put(CORPUS), store.put(CORPUS)
    assert store.exists_for_delete(dropped.delete_token)
    assert store.delete(dropped.delete_token) is True
    with pytest.raises(ShareNotFound) as gone:
        store.get(dropped.token)
    assert str(gone.value) == NOT_FOUND
    assert store.delete(dropped.delete_token) is False and not store.exists_for_delete(dropped.delete_token)
    assert store.get(kept.token).documents == CORPUS  # another share of the same articles still opens
    assert store.delete(kept.token) is False  # the link's own token deletes nothing
    assert store.delete(kept.delete_token) is True
    assert store.usage() == (0, 0, 0)


def test_a_share_expires_after_the_configured_days_and_is_purged(engine, monkeypatch):
    monkeypatch.setenv("PARALLAX_SHARE_DAYS", "30")
    clock = Clock()
    store = ShareStore(engine, ShareLimits.from_env(), clock=clock)
    store.create_schema()
    made = store.put(CORPUS)
    clock.now = START + 30 * DAY - 1
    assert store.get(made.token).documents == CORPUS
    clock.now = START + 30 * DAY
    with pytest.raises(ShareExpired, match=r"expired on 14 Feb 2027"):
        store.get(made.token)
    assert not store.exists_for_delete(made.delete_token)
    assert store.expire() == 1
    assert store.usage() == (0, 0, 0)
    with pytest.raises(ShareNotFound):
        store.get(made.token)


@pytest.mark.parametrize("token", ["A" * 32, "not a token", "", "x" * 65, "../../etc/passwd"])
def test_an_unknown_or_malformed_token_opens_nothing(engine, token):
    store = store_on(engine)
    store.put(CORPUS)
    with pytest.raises(ShareNotFound) as missing:
        store.get(token)
    assert str(missing.value) == NOT_FOUND
    assert store.delete(token) is False


def test_a_share_over_its_limit_is_refused_with_the_sizes(engine):
    store = store_on(engine, max_share_bytes=2_000)
    big = (article(1, text="Kherson. " * 400),)
    with pytest.raises(ShareTooLarge, match=r"These articles are 0\.0 MB; one share holds at most 0\.0 MB"):
        store.put(big)
    assert store.usage() == (0, 0, 0)
    assert store.get(store.put(OTHER).token).documents == OTHER


def test_a_full_store_refuses_new_articles_but_shares_stored_ones_and_frees_room_on_expiry(engine):
    clock = Clock()
    room = len(encode(CORPUS)) + len(encode(OTHER)) - 1
    store = store_on(engine, clock, max_store_bytes=room, expiry_days=1)
    first = store.put(CORPUS)
    with pytest.raises(StoreFull, match="The share store is full"):
        store.put(OTHER)
    assert store.put(CORPUS).content_hash == first.content_hash  # already stored: takes no room
    clock.now += 2 * DAY
    assert store.get(store.put(OTHER).token).documents == OTHER  # the expired ones were purged first
    assert store.usage() == (1, 1, len(encode(OTHER)))


def test_the_schema_is_versioned_created_once_and_a_newer_one_refused(engine):
    store = store_on(engine)
    store.create_schema()  # a second server starting on the same database
    assert store.schema_version() == SCHEMA_VERSION
    with engine.begin() as conn:
        assert len(conn.execute(select(schema_versions)).all()) == 1
        conn.execute(update(schema_versions).values(version=SCHEMA_VERSION + 1))
    with pytest.raises(StoreUnavailable, match="newer schema"):
        ShareStore(engine).create_schema()


def test_servers_creating_the_schema_at_the_same_time_all_succeed(database_url):
    engines = [create_engine(database_url) for _ in range(4)]
    failures: list[BaseException] = []
    barrier = threading.Barrier(len(engines))

    def start(engine) -> None:
        barrier.wait()
        try:
            ShareStore(engine).create_schema()
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=start, args=(e,)) for e in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert failures == []
        assert ShareStore(engines[0]).schema_version() == SCHEMA_VERSION
    finally:
        for engine in engines:
            engine.dispose()


def test_sessions_and_servers_sharing_at_once_each_get_a_working_link(database_url):
    """Eight sessions on two servers (two engines) press Share at the same moment: half on the
    same articles, half on articles of their own."""
    engines = [create_engine(database_url), create_engine(database_url)]
    store_on(engines[0])
    own = [(article(20 + n), article(40 + n)) for n in range(4)]
    wanted = [CORPUS] * 4 + own
    results: dict[int, object] = {}
    barrier = threading.Barrier(len(wanted))

    def share(n: int) -> None:
        store = ShareStore(engines[n % 2])
        barrier.wait()
        try:
            results[n] = store.put(wanted[n])
        except BaseException as exc:
            results[n] = exc

    threads = [threading.Thread(target=share, args=(n,)) for n in range(len(wanted))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        reader = ShareStore(engines[1])
        for n, made in results.items():
            assert not isinstance(made, BaseException), made
            assert reader.get(made.token).documents == wanted[n]
        assert reader.usage() == (8, 5, sum(len(encode(c)) for c in [CORPUS, *own]))
    finally:
        for engine in engines:
            engine.dispose()


def test_a_database_that_cannot_be_reached_says_so(database_url, tmp_path):
    if database_url.startswith("sqlite"):
        unreachable = f"sqlite:///{tmp_path / 'no such folder' / 'shares.sqlite3'}"
    else:
        unreachable = "postgresql+psycopg://parallax:wrong@127.0.0.1:9/parallax?connect_timeout=3"
    store = ShareStore(create_engine(unreachable))
    for attempt in (store.create_schema, lambda: store.put(CORPUS), lambda: store.get("A" * 32)):
        with pytest.raises(StoreUnavailable, match="The share database cannot be reached"):
            attempt()

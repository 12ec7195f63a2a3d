"""The share store: the articles of a shared corpus in a SQL database, reached by an unguessable
token, so a link opens them for anyone who has it, on any server of a deployment, after restarts.

Plain SQLAlchemy Core (no Streamlit): the dashboard hands it the engine of `st.connection`, the
command line one of its own. Identical corpora are stored once (the content hash is the primary
key); each share is a row of its own with a random token and a separate delete token, both kept
only as SHA-256 digests, so the database alone neither opens nor deletes a share. Nothing lists
shares: a share is reached by its token and nothing else.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import (
    BigInteger,
    Column,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    delete,
    exists,
    func,
    insert,
    select,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, ProgrammingError, SQLAlchemyError

from analysis.document import Document
from analysis.sharing.config import ShareLimits

SCHEMA_COMPONENT = "shares"
SCHEMA_VERSION = 1
PAYLOAD_FORMAT = 1
TOKEN_BYTES = 24  # 192 random bits: 32 URL-safe characters
TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")
DAY_S = 86_400
ATTEMPTS = 5  # a put that collides with another session's put or with expiry is tried again

metadata = MetaData()
schema_versions = Table(
    "parallax_schema", metadata,
    Column("component", String(32), primary_key=True),
    Column("version", Integer, nullable=False),
)
shared_corpora = Table(
    "shared_corpora", metadata,
    Column("content_hash", String(64), primary_key=True),  # SHA-256 of the payload: stored once
    Column("articles", Integer, nullable=False),
    Column("size_bytes", BigInteger, nullable=False),  # the payload before compression
    Column("payload", LargeBinary, nullable=False),  # zlib of the articles as JSON
    Column("stored_at", BigInteger, nullable=False),  # Unix seconds
)
shares = Table(
    "shares", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("delete_hash", String(64), nullable=False, unique=True),
    Column("content_hash", String(64), ForeignKey("shared_corpora.content_hash"), nullable=False, index=True),
    Column("created_at", BigInteger, nullable=False),
    Column("expires_at", BigInteger, nullable=False, index=True),
)


class ShareError(Exception):
    """A share could not be made, opened or deleted; `str()` is a message for the visitor."""


class StoreUnavailable(ShareError):
    """The database cannot be reached or is not one this version can use."""


class ShareTooLarge(ShareError):
    """The articles are over the per-share limit."""


class StoreFull(ShareError):
    """The store has no room left for these articles."""


class ShareNotFound(ShareError):
    """No share under this token: never made, deleted, or expired and purged."""


class ShareExpired(ShareNotFound):
    """The share is past its expiry date (and is purged at the next clean-up)."""


@dataclass(frozen=True)
class NewShare:
    """What the sharer gets: the link's token, the private delete token, and the expiry."""

    token: str
    delete_token: str
    expires_at: datetime
    content_hash: str
    articles: int
    size_bytes: int


@dataclass(frozen=True)
class SharedCorpus:
    """What a link opens: the articles, and until when the link works."""

    documents: tuple[Document, ...]
    expires_at: datetime
    content_hash: str


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def digest(token: str) -> str:
    """What the database keeps of a token: the token is 192 random bits, so a plain hash is enough."""
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def encode(documents: Sequence[Document]) -> bytes:
    """The articles as canonical JSON (ASCII, sorted keys): identical corpora give identical bytes.
    Only what the analysis reads is kept, never the uploaded files themselves."""
    articles = [{"id": d.doc_id, "title": d.title, "source": d.source,
                 "published": d.published.isoformat() if d.published else None, "url": d.url, "text": d.text}
                for d in documents]
    return json.dumps({"format": PAYLOAD_FORMAT, "articles": articles}, sort_keys=True,
                      separators=(",", ":")).encode("ascii")


def decode(payload: bytes) -> tuple[Document, ...]:
    data = json.loads(payload.decode("ascii"))
    if data.get("format") != PAYLOAD_FORMAT:
        raise StoreUnavailable("These shared articles were stored by a newer version of Parallax.")
    return tuple(Document(doc_id=a["id"], title=a["title"], source=a["source"],
                          published=date.fromisoformat(a["published"]) if a["published"] else None,
                          url=a["url"], text=a["text"]) for a in data["articles"])


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.1f} MB"


def day_of(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, tz=UTC)


@contextmanager
def reachable() -> Iterator[None]:
    """Database faults (server down, refused login, locked file) as one error the visitor can read;
    the details stay in the exception chain for the server's log."""
    try:
        yield
    except IntegrityError:
        raise
    except (DBAPIError, SQLAlchemyError) as exc:
        raise StoreUnavailable("The share database cannot be reached right now.") from exc


class ShareStore:
    """Shares in the database behind `engine`; `clock` gives Unix seconds (tests move it)."""

    def __init__(self, engine: Engine, limits: ShareLimits | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.engine = engine
        self.limits = limits or ShareLimits()
        self._clock = clock

    # --- schema -----------------------------------------------------------------------------------
    def create_schema(self) -> None:
        """Create the tables on first use and record their version; refuse a newer schema rather
        than misread it. Safe when several servers start at once."""
        with reachable():
            self._create_tables()
            with self.engine.begin() as conn:
                version = conn.execute(select(schema_versions.c.version)
                                       .where(schema_versions.c.component == SCHEMA_COMPONENT)).scalar()
                if version is None:
                    self._record_version(conn)
                elif version > SCHEMA_VERSION:
                    raise StoreUnavailable(f"The share database holds a newer schema (version {version}) "
                                           f"than this Parallax reads (version {SCHEMA_VERSION}).")

    def _create_tables(self) -> None:
        """The missing tables; another server creating them at the same moment makes this one's
        CREATE fail ("already exists"), and the next round finds them there."""
        for attempt in range(ATTEMPTS):
            try:
                metadata.create_all(self.engine)  # checks first: existing tables are left alone
                return
            except DBAPIError as exc:
                raced = isinstance(exc, (IntegrityError, ProgrammingError)) or "already exists" in str(exc)
                if not raced or attempt == ATTEMPTS - 1:
                    raise

    def schema_version(self) -> int | None:
        with reachable(), self.engine.connect() as conn:
            return conn.execute(select(schema_versions.c.version)
                                .where(schema_versions.c.component == SCHEMA_COMPONENT)).scalar()

    @staticmethod
    def _record_version(conn: Connection) -> None:
        try:
            with conn.begin_nested():
                conn.execute(insert(schema_versions).values(component=SCHEMA_COMPONENT, version=SCHEMA_VERSION))
        except IntegrityError:
            pass  # recorded by another server meanwhile

    # --- share, open, delete --------------------------------------------------------------------
    def put(self, documents: Sequence[Document]) -> NewShare:
        """Store `documents` (once per distinct content) under a new token valid for the
        configured number of days. Raises ShareTooLarge, StoreFull or StoreUnavailable."""
        if not documents:
            raise ShareError("There are no articles to share.")
        payload = encode(documents)
        size = len(payload)
        if size > self.limits.max_share_bytes:
            raise ShareTooLarge(f"These articles are {megabytes(size)}; one share holds at most "
                                f"{megabytes(self.limits.max_share_bytes)}. Share fewer articles.")
        content_hash = hashlib.sha256(payload).hexdigest()
        self.expire()  # make room before counting what the store holds
        for _ in range(ATTEMPTS):
            token, delete_token = new_token(), new_token()
            now = int(self._clock())
            expires_at = now + int(self.limits.expiry_days * DAY_S)
            try:
                with reachable(), self.engine.begin() as conn:
                    self._store_corpus(conn, content_hash, payload, len(documents), now)
                    conn.execute(insert(shares).values(token_hash=digest(token), delete_hash=digest(delete_token),
                                                       content_hash=content_hash, created_at=now,
                                                       expires_at=expires_at))
            except IntegrityError:
                continue  # another session stored these articles, or expiry removed them, meanwhile
            return NewShare(token, delete_token, day_of(expires_at), content_hash, len(documents), size)
        raise StoreUnavailable("The share database is too busy right now; try again in a moment.")

    def _store_corpus(self, conn: Connection, content_hash: str, payload: bytes, articles: int, now: int) -> None:
        """Insert the payload unless these very articles are already stored; within the store limit."""
        stored = conn.execute(select(shared_corpora.c.content_hash)
                              .where(shared_corpora.c.content_hash == content_hash)).first()
        if stored is not None:
            return
        used = conn.execute(select(func.coalesce(func.sum(shared_corpora.c.size_bytes), 0))).scalar_one()
        if used + len(payload) > self.limits.max_store_bytes:
            raise StoreFull(f"The share store is full ({megabytes(used)} of "
                            f"{megabytes(self.limits.max_store_bytes)} in use), so these articles "
                            f"({megabytes(len(payload))}) cannot be shared until older shares expire.")
        conn.execute(insert(shared_corpora).values(content_hash=content_hash, articles=articles,
                                                   size_bytes=len(payload), payload=zlib.compress(payload, 6),
                                                   stored_at=now))

    def get(self, token: str) -> SharedCorpus:
        """The articles a link's token opens. Raises ShareNotFound (unknown, deleted or purged),
        ShareExpired or StoreUnavailable."""
        if not TOKEN.fullmatch(token):
            raise ShareNotFound(NOT_FOUND)
        query = (select(shares.c.expires_at, shared_corpora.c.payload, shared_corpora.c.content_hash)
                 .join(shared_corpora, shares.c.content_hash == shared_corpora.c.content_hash)
                 .where(shares.c.token_hash == digest(token)))
        with reachable(), self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None:
            raise ShareNotFound(NOT_FOUND)
        if row.expires_at <= self._clock():
            raise ShareExpired(f"This shared link expired on {day_of(row.expires_at):%d %b %Y}.")
        return SharedCorpus(decode(zlib.decompress(row.payload)), day_of(row.expires_at), row.content_hash)

    def exists_for_delete(self, delete_token: str) -> bool:
        """Whether a delete token still names a live share (to offer the delete button)."""
        if not TOKEN.fullmatch(delete_token):
            return False
        with reachable(), self.engine.connect() as conn:
            return conn.execute(select(shares.c.token_hash).where(shares.c.delete_hash == digest(delete_token))
                                .where(shares.c.expires_at > int(self._clock()))).first() is not None

    def delete(self, delete_token: str) -> bool:
        """Delete the share this private token belongs to; True when there was one. The articles
        go too unless another share still points at them."""
        if not TOKEN.fullmatch(delete_token):
            return False
        with reachable(), self.engine.begin() as conn:
            removed = conn.execute(delete(shares).where(shares.c.delete_hash == digest(delete_token))).rowcount
        self._drop_unshared()
        return removed > 0

    def expire(self) -> int:
        """Delete expired shares and the articles no share points at any more; how many shares went."""
        with reachable(), self.engine.begin() as conn:
            removed = conn.execute(delete(shares).where(shares.c.expires_at <= int(self._clock()))).rowcount
        self._drop_unshared()
        return removed

    def _drop_unshared(self) -> None:
        unshared = ~exists().where(shares.c.content_hash == shared_corpora.c.content_hash)
        try:
            with reachable(), self.engine.begin() as conn:
                conn.execute(delete(shared_corpora).where(unshared))
        except IntegrityError:
            pass  # a share was just made on these articles: they stay, and a later clean-up decides

    def usage(self) -> tuple[int, int, int]:
        """(shares, stored corpora, bytes stored before compression): for limits and tests."""
        with reachable(), self.engine.connect() as conn:
            count = conn.execute(select(func.count()).select_from(shares)).scalar_one()
            corpora = conn.execute(select(func.count()).select_from(shared_corpora)).scalar_one()
            used = conn.execute(select(func.coalesce(func.sum(shared_corpora.c.size_bytes), 0))).scalar_one()
        return count, corpora, int(used)


NOT_FOUND = ("No shared articles are stored under this link: it was deleted by whoever shared it, it "
             "expired, or it is incomplete.")

"""Sharing uploaded articles by link through the app (AppTest), on the default SQLite store and on
a real PostgreSQL server configured as a host does, in `[connections.shares]` of the secrets:
share, open in a fresh session with the same view, delete, expiry, unknown tokens, a database
that is down."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from streamlit.testing.v1 import AppTest

from analysis.document import Document
from analysis.entities import EntityCorrections
from analysis.sharing import ShareLimits, ShareStore, sqlite_url
from analysis.sharing.store import NOT_FOUND

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
TIMEOUT = 120
DAY = 86_400


def upload_csv(marker: str) -> bytes:
    rows = [
        f'"{marker}: night shelling hits Mykolaiv port",Southern Dispatch,2022-04-05,'
        f'"Officials in Mykolaiv said 7 people were killed when shells hit the port district on Monday. {marker}."',
        f'"Mykolaiv port district counts its dead",Harbour Ledger,2022-04-06,'
        f'"Rescuers in Mykolaiv said 9 people were killed in the shelling of the port on Monday. {marker}."',
        f'"Grain terminal closed after strike",Harbour Ledger,2022-04-07,'
        f'"The grain terminal in Odesa stayed closed on Wednesday, its manager said. {marker}."',
    ]
    return ("title,source,published,text\n" + "\n".join(rows) + "\n").encode()


class Database:
    """Where the app's share store lives for one test, and how the app is told."""

    def __init__(self, url: str, secrets: dict | None) -> None:
        self.url, self.secrets = url, secrets

    def app(self, query: dict | None = None) -> AppTest:
        """A fresh session (its own session state), opened on `query`."""
        at = AppTest.from_file(APP, default_timeout=TIMEOUT)
        if self.secrets:
            at.secrets["connections"] = self.secrets
        if query:
            at.query_params.update(query)
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        return at

    def store(self, **kwargs) -> ShareStore:
        store = ShareStore(create_engine(self.url), **kwargs)
        store.create_schema()
        return store


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path, monkeypatch) -> Iterator[Database]:
    """SQLite: no configuration but PARALLAX_DATA_DIR. PostgreSQL: `[connections.shares] url`
    in the app's secrets, on a schema of this test's own."""
    monkeypatch.setenv("PARALLAX_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("PARALLAX_SHARES_URL", raising=False)
    if request.param == "sqlite":
        yield Database(sqlite_url(tmp_path / "data"), None)
        return
    scoped = request.getfixturevalue("postgres_schema_url")
    yield Database(scoped, {"shares": {"url": scoped}})


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def multiselect(at: AppTest, key: str):
    return next(w for w in at.sidebar.multiselect if w.key == key)


def param(at: AppTest, key: str):
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) and len(value) == 1 else value


def uploaded(database: Database, marker: str) -> AppTest:
    at = database.app()
    at.sidebar.radio(key="corpus_choice").set_value("My articles").run()
    at.file_uploader(key="uploads").set_value(("desk.csv", upload_csv(marker), "text/csv")).run()
    assert not at.exception, [e.message for e in at.exception]
    assert metric(at, "Articles") == "3"
    return at


def share_button(at: AppTest):
    return next(b for b in at.sidebar.button if b.label == "Share these articles")


def test_nothing_is_stored_until_share_is_pressed_and_the_page_says_what_and_how_long(database):
    at = uploaded(database, "Qs" + uuid.uuid4().hex[:8])
    told = " ".join(c.value for c in at.sidebar.caption)
    assert "not your files" in told and "for 90 days" in told and "private link that deletes" in told
    assert database.store().usage() == (0, 0, 0)
    share_button(at).click().run()
    assert not at.exception and not at.error
    assert database.store().usage()[:2] == (1, 1)
    assert param(at, "corpus") == "shared" and len(param(at, "share")) == 32
    assert at.sidebar.radio(key="corpus_choice").value == "Shared articles"
    link, delete = [c.value for c in at.sidebar.code]
    assert f"share={param(at, 'share')}" in link and "?unshare=" in delete


def test_the_link_opens_the_same_view_in_a_fresh_session(database):
    marker = "Qs" + uuid.uuid4().hex[:8]
    sharer = uploaded(database, marker)
    share_button(sharer).click().run()
    multiselect(sharer, "filter_sources").select("Harbour Ledger").run()
    assert metric(sharer, "Articles") == "2"
    link_params = {key: sharer.query_params.get(key) for key in sharer.query_params}
    assert param(sharer, "source") == "Harbour Ledger"
    link_params["cmp"] = ["s:Harbour Ledger", "s:Southern Dispatch"]
    link_params["fix"] = EntityCorrections().merge("Odesa", "Mykolaiv").to_query_value()

    reader = database.app(link_params)
    assert reader.sidebar.radio(key="corpus_choice").value == "Shared articles"
    assert multiselect(reader, "filter_sources").value == ["Harbour Ledger"]
    assert metric(reader, "Articles") == "2"
    titles = [str(t) for frame in reader.dataframe if "Title" in frame.value for t in frame.value["Title"]]
    assert sorted(titles) == ["Grain terminal closed after strike", "Mykolaiv port district counts its dead"]
    assert param(reader, "share") == param(sharer, "share")
    assert reader.query_params.get("cmp") == link_params["cmp"]  # the Compare selection travels on
    entities = multiselect(reader, "filter_entities").options
    assert any(o.startswith("Mykolaiv ·") for o in entities) and not any(o.startswith("Odesa ·") for o in entities)
    [link] = [c.value for c in reader.sidebar.code]  # the link, and no delete link: that is the sharer's
    assert f"share={param(sharer, 'share')}" in link and "unshare" not in link


def test_the_delete_link_deletes_on_a_press_and_the_link_then_says_so(database):
    sharer = uploaded(database, "Qs" + uuid.uuid4().hex[:8])
    share_button(sharer).click().run()
    token = param(sharer, "share")
    delete_token = sharer.sidebar.code[1].value.split("unshare=")[1]

    deleter = database.app({"unshare": delete_token})
    assert database.store().get(token)  # opening the delete link deleted nothing
    [button] = [b for b in deleter.button if b.label == "Delete the shared articles"]
    button.click().run()
    assert [s.value for s in deleter.success] == ["The share is deleted: its link no longer opens the articles."]
    assert deleter.query_params.get("unshare") is None
    assert database.store().usage() == (0, 0, 0)

    reader = database.app({"corpus": "shared", "share": token})
    warnings = [w.value for w in reader.sidebar.warning]
    assert any(NOT_FOUND in w and "Showing the bundled seeds" in w for w in warnings), warnings
    assert metric(reader, "Articles") == "2"  # the seeds
    again = database.app({"unshare": delete_token})
    assert any("belongs to no share any more" in i.value for i in again.info)


def seeded_share(database: Database, clock: float) -> str:
    article = Document("kyiv-1", "Power returns to Kyiv districts", "Dnipro Evening Post", None,
                       "https://news.example.org/kyiv/1", "Engineers in Kyiv restored power to 4 districts overnight.")
    store = database.store(limits=ShareLimits(expiry_days=90), clock=lambda: clock)
    return store.put([article]).token


def test_an_expired_link_says_when_it_expired_and_shows_the_seeds(database):
    token = seeded_share(database, time.time() - 91 * DAY)
    at = database.app({"share": token})
    assert any("This shared link expired on" in w.value and "Showing the bundled seeds" in w.value
               for w in at.sidebar.warning)
    assert metric(at, "Articles") == "2"
    assert at.query_params.get("share") is None  # the address bar no longer claims a share


def test_a_share_made_elsewhere_opens_here(database):
    token = seeded_share(database, time.time())
    at = database.app({"share": token})
    assert at.sidebar.radio(key="corpus_choice").value == "Shared articles"
    assert metric(at, "Articles") == "1"


@pytest.mark.parametrize("token", ["A" * 32, "short", "x" * 500])
def test_an_unknown_token_says_so_and_shows_the_seeds(database, token):
    at = database.app({"share": token})
    assert any(NOT_FOUND in w.value for w in at.sidebar.warning)
    assert metric(at, "Articles") == "2"


def test_with_the_database_down_uploads_work_and_sharing_says_it_is_unavailable(database, tmp_path, monkeypatch):
    if database.secrets:
        down = Database(database.url, {"shares": {"url": "postgresql+psycopg://p:p@127.0.0.1:9/p?connect_timeout=3"}})
    else:
        (tmp_path / "not-a-folder").write_text("a file where the data folder should be")
        monkeypatch.setenv("PARALLAX_DATA_DIR", str(tmp_path / "not-a-folder"))
        down = database
    at = uploaded(down, "Qs" + uuid.uuid4().hex[:8])
    share_button(at).click().run()
    assert not at.exception
    assert [e.value for e in at.sidebar.error] and at.sidebar.error[0].value.startswith("Sharing is unavailable:")
    assert metric(at, "Articles") == "3"  # still the upload
    reader = down.app({"share": "A" * 32})
    assert any(w.value.startswith("Sharing is unavailable:") and "bundled seeds" in w.value
               for w in reader.sidebar.warning)
    assert metric(reader, "Articles") == "2"

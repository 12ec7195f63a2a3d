import threading
from datetime import date

import pytest
from streamlit import runtime
from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
from streamlit.runtime.uploaded_file_manager import UploadedFileRec

from analysis import analyze
from analysis.document import Document
from analysis.engine import with_corrections
from analysis.entities import EntityCorrections
from dashboard.corpus import (
    MAX_CORRECTED,
    AnalysisCache,
    analysis_bytes,
    forget_uploaded_files,
    within_budget,
)


def doc(i: int, words: int, published: date | None) -> Document:
    return Document(f"d{i}", f"T{i}", "S", published, "", " ".join(["word"] * words))


def test_everything_fits():
    documents = [doc(0, 10, None), doc(1, 10, date(2021, 1, 1))]
    assert within_budget(documents, 20) == (documents, None)


def test_newest_articles_are_kept_in_their_order_and_the_cut_is_explained():
    documents = [doc(0, 10, date(2021, 1, 1)), doc(1, 10, None), doc(2, 10, date(2021, 3, 1)),
                 doc(3, 10, date(2021, 2, 1))]
    kept, notice = within_budget(documents, 25)
    assert [d.doc_id for d in kept] == ["d2", "d3"]
    assert "newest 2 of 4 articles" in notice and "40 words" in notice


def test_one_article_over_the_budget_is_cut_after_its_last_whole_paragraph():
    text = "One two three four.\n\nFive six seven.\n\nEight nine ten eleven twelve."
    documents = [Document("d0", "T", "S", date(2021, 1, 1), "", text)]
    kept, notice = within_budget(documents, 8)
    assert [d.doc_id for d in kept] == ["d0"]
    assert kept[0].text == "One two three four.\n\nFive six seven."  # a prefix: offsets still hold
    assert "first 2 of 3 paragraphs" in notice and "12 words" in notice and "(7 words)" in notice


def test_when_no_article_fits_the_newest_one_is_cut_and_the_others_are_named():
    older = Document("old", "T", "S", date(2020, 1, 1), "", "a b c d e f g h i j")
    newest = Document("new", "T", "S", date(2022, 1, 1), "", "p q r s t u v w x y z")  # one paragraph
    kept, notice = within_budget([older, newest], 4)
    assert [(d.doc_id, d.text) for d in kept] == [("new", "p q r s")]
    assert "opening of its first paragraph" in notice and "other 1 articles" in notice


# The analysis cache, on real analyses of small distinct corpora.


@pytest.fixture(scope="module")
def analyses():
    texts = ["Officials in Kyiv said 12 people were killed in Kharkiv on Tuesday.",
             "The United Nations reported that 3,000 people were displaced from Mariupol in March.",
             "Reuters said at least 40 people were injured when shelling hit Odesa on 4 May 2022."]
    return [analyze([Document(f"c{i}", "T", "Wire", date(2022, 5, 6), "", text * (i + 1))]) for i, text in enumerate(texts)]


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def cache_for(max_bytes: int, clock: Clock | None = None, ttl_s: float = 3600, grace_s: float = 150) -> AnalysisCache:
    return AnalysisCache(max_bytes, ttl_s, grace_s, clock=clock or Clock(), sweep_in_background=False)


def test_a_hit_returns_the_very_same_analysis_without_computing_again(analyses):
    cache, calls = cache_for(10**9), []
    compute = lambda: calls.append(1) or analyses[0]  # noqa: E731
    first = cache.analysis("k", compute, holder="s1", private=False)
    again = cache.analysis("k", compute, holder="s2", private=False)
    assert first is again is analyses[0] and calls == [1]


def test_the_least_recently_used_analyses_go_once_the_bytes_pass_the_bound(analyses):
    sizes = [analysis_bytes(a) for a in analyses]
    cache = cache_for(sizes[1] + sizes[2])
    for key, result in zip("abc", analyses):
        cache.analysis(key, lambda r=result: r, holder="s", private=False)
    assert cache.keys() == ["b", "c"] and cache.total_bytes() == sizes[1] + sizes[2]
    cache.analysis("b", lambda: pytest.fail("b is cached"), holder="s", private=False)  # b is now the newest
    assert sizes[0] < sizes[2]  # so a fits beside b once c, the least recently used, is gone
    cache.analysis("a", lambda: analyses[0], holder="s", private=False)
    assert cache.keys() == ["b", "a"] and cache.total_bytes() == sizes[1] + sizes[0]


def test_the_newest_analysis_stays_even_when_it_alone_passes_the_bound(analyses):
    cache = cache_for(1)
    cache.analysis("a", lambda: analyses[0], holder="s", private=False)
    cache.analysis("b", lambda: analyses[1], holder="s", private=False)
    assert cache.keys() == ["b"]


def test_an_analysis_unused_for_the_ttl_is_dropped(analyses):
    clock = Clock()
    cache = cache_for(10**9, clock, ttl_s=60)
    cache.analysis("a", lambda: analyses[0], holder="s", private=False)
    cache.analysis("b", lambda: analyses[1], holder="s", private=False)
    clock.now = 50
    cache.analysis("a", lambda: pytest.fail("a is cached"), holder="s", private=False)
    clock.now = 100  # b unused for 100 s, a for 50 s
    cache.sweep()
    assert cache.keys() == ["a"]


def test_an_upload_nobody_holds_is_dropped_after_the_grace_but_the_bundled_corpus_stays(analyses):
    clock = Clock()
    cache = cache_for(10**9, clock, grace_s=150)
    cache.analysis("seeds", lambda: analyses[0], holder="s1", private=False)
    cache.analysis("upload", lambda: analyses[1], holder="s1", private=True)
    cache.analysis("upload", lambda: analyses[1], holder="s2", private=True)
    cache.release("s1")
    clock.now = 200
    cache.sweep()
    assert set(cache.keys()) == {"seeds", "upload"}  # s2 still looks at the upload
    cache.release("s2")
    clock.now = 300
    cache.sweep()
    assert set(cache.keys()) == {"seeds", "upload"}  # a reconnect within the grace finds it
    clock.now = 351
    cache.sweep()
    assert cache.keys() == ["seeds"]


def test_a_corrected_analysis_counts_only_its_own_tables_and_at_most_a_few_are_kept(analyses):
    base = analyses[2]
    cache = cache_for(10**9)
    cache.analysis("k", lambda: base, holder="s", private=False)
    entity = str(base.entities["entity"].iloc[0])
    fixes = [EntityCorrections().split(entity)] + [EntityCorrections().merge(entity, f"Name {i}")
                                                   for i in range(MAX_CORRECTED + 2)]
    for fix in fixes:
        cache.corrected("k", fix.to_query_value(), lambda: base, lambda b, f=fix: with_corrections(b, f),
                        holder="s", private=False)
    kept = [with_corrections(base, fix) for fix in fixes[-MAX_CORRECTED:]]
    assert cache.total_bytes() == analysis_bytes(base) + sum(analysis_bytes(k, beside=base) for k in kept)
    assert analysis_bytes(kept[0], beside=base) < analysis_bytes(base)


def test_sessions_asking_for_the_same_corpus_at_once_share_one_computation(analyses):
    cache, calls, started = cache_for(10**9), [], threading.Event()

    def slow() -> object:
        calls.append(1)
        started.set()
        threading.Event().wait(0.3)
        return analyses[0]

    results = []
    threads = [threading.Thread(target=lambda s=s: results.append(cache.analysis("k", slow, holder=s, private=True)))
               for s in ("s1", "s2", "s3")]
    threads[0].start()
    started.wait(5)
    for thread in threads[1:]:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert calls == [1] and len(results) == 3 and all(r is analyses[0] for r in results)


class _Server:
    """The two things forget_uploaded_files asks of Streamlit's runtime, around its real upload manager."""

    def __init__(self, active: set[str]) -> None:
        self.uploaded_file_mgr = MemoryUploadedFileManager("/_stcore/upload_file")
        self._active = active

    def is_active_session(self, session_id: str) -> bool:
        return session_id in self._active


@pytest.mark.parametrize("active, freed", [(set(), True), ({"s1"}, False)], ids=["gone", "came-back"])
def test_a_closed_sessions_upload_bytes_are_freed_unless_it_came_back(monkeypatch, active, freed):
    server = _Server(active)
    for session in ("s1", "s2"):
        server.uploaded_file_mgr.add_file(session, UploadedFileRec(f"{session}-f", "a.txt", "text/plain", b"x" * 1000))
    monkeypatch.setattr(runtime, "exists", lambda: True)
    monkeypatch.setattr(runtime, "get_instance", lambda: server)
    assert forget_uploaded_files("s1") is freed
    assert bool(server.uploaded_file_mgr.get_files("s1", ["s1-f"])) is not freed
    assert server.uploaded_file_mgr.get_files("s2", ["s2-f"])  # another session's upload stays


def test_forgetting_files_outside_a_server_does_nothing():
    assert forget_uploaded_files("no-such-session") is False

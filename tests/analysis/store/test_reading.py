"""Streaming input: a large JSON Lines file read in chunks gives the articles, ids and problems
a whole read gives."""

import json

from analysis.loading import load_corpus
from analysis.store.reading import stream_corpus


def write_feed(path, count: int) -> None:
    lines = []
    for i in range(count):
        if i == 7:
            lines.append('{"title": "broken", "text": ')  # malformed: reported by its line number
        elif i == 11:
            lines.append("")  # blank lines are skipped, but still counted
        elif i in (13, 30):  # copies of an article in the same chunk and in an earlier one
            lines.append(json.dumps({"title": "Copy", "text": f"Report {i - 1 if i == 13 else 2}: shelling near Sumy."}))
        else:
            lines.append(json.dumps({"title": f"Report {i}", "source": "Field Desk",
                                     "text": f"Report {i}: shelling near Sumy."}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_chunked_read_matches_a_whole_read(tmp_path):
    feed = tmp_path / "feed.jsonl"
    write_feed(feed, 40)
    whole = load_corpus([feed])
    batches = list(stream_corpus([str(feed)], chunk_bytes=300, stream_above=100))
    assert len(batches) > 3
    documents = [d for batch in batches for d in batch.documents]
    errors = [tuple(e) for batch in batches for e in batch.errors]
    assert documents == whole.documents
    assert errors == [tuple(e) for e in whole.errors]
    assert any(reason.startswith("line 8: malformed JSON") for _, reason in errors)
    assert any(reason.startswith("line 31: duplicate of feed#3") for _, reason in errors)


def test_duplicates_across_chunks_keep_the_first_copy(tmp_path):
    feed = tmp_path / "feed.jsonl"
    write_feed(feed, 40)
    documents = [d for batch in stream_corpus([str(feed)], chunk_bytes=200, stream_above=100)
                 for d in batch.documents]
    assert [d.doc_id for d in documents] == [d.doc_id for d in load_corpus([feed]).documents]
    assert len({d.text for d in documents}) == len(documents)

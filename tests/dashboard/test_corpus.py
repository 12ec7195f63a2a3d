from datetime import date

from analysis.document import Document
from dashboard.corpus import within_budget


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

import pytest

from analysis.loading.records import ALIASES, RowProblem, candidate_from_row, normalise_keys


@pytest.mark.parametrize(
    ("header", "field"),
    [
        *[(name, "text") for name in ("text", "body", "content", "article", "story", "Article Text")],
        *[(name, "title") for name in ("title", "headline", "Headline")],
        *[(name, "source") for name in ("source", "outlet", "publisher", "site", "domain", "Source Name")],
        *[(name, "published") for name in ("date", "published", "pubdate", "published_at", "Published-At",
                                           "datetime", "publication_date")],
        *[(name, "url") for name in ("url", "link", "Article URL")],
    ],
)
def test_common_column_names_reach_their_field(header, field):
    row = normalise_keys({header: "value", **({} if field == "text" else {"text": "Body."})})
    candidate = candidate_from_row(row, path="t.csv", where="row 1", base_id="t#1")
    assert getattr(candidate, field) == "value"


def test_every_name_belongs_to_one_field_only():
    names = [name for aliases in ALIASES.values() for name in aliases]
    assert len(names) == len(set(names))


def test_the_first_non_empty_alias_wins():
    row = normalise_keys({"body": "From body.", "text": "", "headline": "H", "title": "T"})
    candidate = candidate_from_row(row, path="t.csv", where="row 1", base_id="t#1")
    assert (candidate.text, candidate.title) == ("From body.", "T")


def test_a_row_without_text_says_whether_the_field_is_empty_or_absent():
    with pytest.raises(RowProblem, match=r"^no text \('body' is empty\)$"):
        candidate_from_row({"body": "  ", "title": "T"}, path="t", where="", base_id="t")
    with pytest.raises(RowProblem, match=r"^no text field \(looked for text, body, .*; found 'title', 'teaser'\)$"):
        candidate_from_row({"title": "T", "teaser": "x"}, path="t", where="", base_id="t")

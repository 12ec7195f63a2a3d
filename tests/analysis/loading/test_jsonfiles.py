import pytest

from analysis.loading.candidate import Unreadable
from analysis.loading.jsonfiles import read_json, read_jsonl


def run(reader, make_entry, text: str, name: str):
    data = text.encode("utf-8")
    return reader(data, make_entry(name, data))


def test_jsonl_fixture_with_newsapi_style_fields(data_dir, make_entry):
    data = (data_dir / "mixed" / "sub" / "feed.jsonl").read_bytes()
    (first, second), errors = read_jsonl(data, make_entry("feed.jsonl", data))
    assert errors == []
    assert (first.base_id, first.source, first.published) == ("feed#1", "Wire Three", "2023-09-12T10:00:00Z")
    assert second.text.startswith("A drone strike damaged port facilities")  # "content"
    assert (second.source, second.published) == ("Wire Four", "2023-07-19")  # {"name": ...}, publishedAt


def test_jsonl_bad_lines_are_named_and_the_rest_load(make_entry):
    text = (
        '{"text": "First article."}\n'
        '\n'
        '{"text": bad}\n'
        '[1, 2]\n'
        '{"title": "no text here"}\n'
        '{"text": ["a", "list"]}\n'
        '{"text": "Last article."}\n'
    )
    candidates, errors = run(read_jsonl, make_entry, text, "feed.jsonl")
    assert [(c.base_id, c.where) for c in candidates] == [("feed#1", "line 1"), ("feed#7", "line 7")]
    assert [e.reason for e in errors] == [
        "line 3: malformed JSON at column 10: Expecting value",
        "line 4: expected an article object, got a list",
        "line 5: no text field (looked for text, body, content, article, story, maintext, full_text, "
        "article_text, body_text; found 'title')",
        "line 6: text is not a string (got list)",
    ]


def test_json_list_and_wrapped_lists(data_dir, make_entry):
    data = (data_dir / "mixed" / "sub" / "newsapi.json").read_bytes()
    [c], errors = read_json(data, make_entry("newsapi.json", data))
    assert errors == [] and (c.base_id, c.where, c.source) == ("newsapi#1", "item 1", "Wire Five")
    items, _ = run(read_json, make_entry, '[{"text": "A."}, "oops", {"body": "B."}]', "list.json")
    assert [c.base_id for c in items] == ["list#1", "list#3"]


def test_a_single_article_object_is_one_article(make_entry):
    [c], _ = run(read_json, make_entry, '{"title": "T", "text": "Body."}', "one.json")
    assert c.title == "T"


@pytest.mark.parametrize(
    "text, reason",
    [
        ('[{"text": "x"},', r"malformed JSON at line 1, column 16"),
        ('{\n  "text": "x",\n  oops\n}', r"malformed JSON at line 3, column 3"),
        ("[]", "empty"),
        ('"just a string"', "expected a list of article objects, found a string"),
        ('{"status": "ok"}', "expected a list of article objects, found an object"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_unusable_json_files_are_refused_with_the_place(text, reason, make_entry):
    with pytest.raises(Unreadable, match=reason):
        run(read_json, make_entry, text, "bad.json")


def test_a_feed_where_some_objects_have_text_reports_the_others_by_line(make_entry):
    text = '{"story": "A story."}\n{"headline": "Only a headline"}\n'
    [candidate], [error] = run(read_jsonl, make_entry, text, "feed.jsonl")
    assert candidate.text == "A story."
    assert error.reason.startswith("line 2: no text field (looked for text, body,")
    assert error.reason.endswith("found 'headline')")


def test_a_single_object_without_text_names_its_fields(make_entry):
    with pytest.raises(Unreadable) as refused:
        run(read_json, make_entry, '{"headline": "H", "teaser": "T"}', "one.json")
    message = str(refused.value)
    assert message.startswith("expected a list of article objects, found an object with no list of articles")
    assert message.endswith("found 'headline', 'teaser')")


def test_a_list_of_objects_without_text_is_refused_once(make_entry):
    with pytest.raises(Unreadable, match=r"^no text field in any object .*found 'headline', 'summary'\)$"):
        run(read_json, make_entry, '{"articles": [{"headline": "A"}, {"headline": "B", "summary": "S"}]}', "a.json")

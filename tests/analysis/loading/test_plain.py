import pytest

from analysis.loading.candidate import Unreadable
from analysis.loading.plain import read_markdown, read_text, strip_markdown


def test_text_file_is_one_candidate_named_by_stem(make_entry):
    [c] = read_text(b"Body of the article.\n", make_entry("a_1.txt"))
    assert (c.base_id, c.path, c.where, c.text) == ("a_1", "folder/a_1.txt", "", "Body of the article.\n")


@pytest.mark.parametrize("data, reason", [(b"", "empty file"), (b" \r\n\t\n", "whitespace only")])
def test_empty_and_blank_files_are_refused(data, reason, make_entry):
    with pytest.raises(Unreadable, match=reason):
        read_text(data, make_entry("x.txt", data))


def test_markdown_markup_is_removed_but_lines_kept():
    md = (
        "# Aid convoy reaches Gaza\n\nAn aid convoy of **14 trucks** arrived, said the "
        "[World Food Programme](https://www.wfp.org/).\n\n![convoy](https://x.org/c.jpg)\n\n---\n\n## Shortages\n"
    )
    text = strip_markdown(md)
    assert text.startswith("Aid convoy reaches Gaza\n\nAn aid convoy of 14 trucks arrived, said the World Food Programme.")
    assert "https://" not in text and "**" not in text and "#" not in text and "---" not in text
    assert "Shortages" in text


def test_markdown_with_only_markup_is_refused(make_entry):
    data = b"![image](https://x.org/a.png)\n\n---\n"
    with pytest.raises(Unreadable, match="only Markdown markup"):
        read_markdown(data, make_entry("x.md", data))


def test_markdown_front_matter_is_metadata_not_text(make_entry):
    data = (
        b'---\ntitle: "Strikes hit Kharkiv power plant"\nsource: Kyiv Post\ndate: 2024-03-22\n'
        b"url: https://www.kyivpost.com/post/1\ntags:\n  - ukraine\n---\n\n"
        b"Russian strikes hit a power plant in Kharkiv on Friday.\n"
    )
    [c] = read_markdown(data, make_entry("clip.md", data))
    assert c.text.strip() == "Russian strikes hit a power plant in Kharkiv on Friday."
    assert (c.title, c.source, c.published, c.url) == (
        "Strikes hit Kharkiv power plant", "Kyiv Post", "2024-03-22", "https://www.kyivpost.com/post/1")


def test_a_rule_later_in_markdown_is_not_front_matter(make_entry):
    data = b"Opening paragraph.\n\n---\n\ntitle: not metadata\n\n---\n"
    [c] = read_markdown(data, make_entry("x.md", data))
    assert c.title == "" and "title: not metadata" in c.text

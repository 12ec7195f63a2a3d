"""The sidebar's list of files that could not be read: whole reasons, escaped names, bounded."""

from dashboard.sidebar import file_reasons


def test_each_file_is_listed_with_its_whole_reason():
    reason = "no text column (looked for text, body, content; found 'headline', 'author')"
    listed = file_reasons([("report.csv", reason), ("empty.txt", "empty file")])
    lines = listed.split("\n")
    assert len(lines) == 2 and lines[0].startswith("- **report\\.csv**: ")
    assert "headline" in lines[0] and "author" in lines[0] and "found" in lines[0]


def test_a_hostile_file_name_cannot_make_a_link_or_an_image():
    listed = file_reasons([("![x](http://evil.example/p.png)[click](http://evil.example).txt", "empty file")])
    assert "](" not in listed.replace("\\]\\(", "")
    assert "\\!\\[x\\]" in listed


def test_a_long_list_ends_with_a_count():
    rows = [(f"file{i}.txt", "empty file") for i in range(45)]
    listed = file_reasons(rows, limit=40).split("\n")
    assert len(listed) == 41 and listed[-1] == "- and 5 more"

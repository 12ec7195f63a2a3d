import pytest

from analysis.loading.candidate import Unreadable
from analysis.loading.tables import guess_delimiter, read_table


def read(make_entry, text: str, name: str = "rows.csv"):
    data = text.encode("utf-8")
    return read_table(data, make_entry(name, data))


def test_rows_become_candidates_with_row_ids_and_aliases(data_dir, make_entry):
    data = (data_dir / "mixed" / "sub" / "wires.csv").read_bytes()
    (first, second), errors = read_table(data, make_entry("wires.csv", data))
    assert errors == []
    assert first.base_id == "wires#1" and second.base_id == "wires#2"
    assert first.title == "Shelling hits Donetsk market"  # headline
    assert first.text.endswith("local authorities said.\n\nAt least five people were wounded.")  # body, multi-line
    assert (first.published, first.source, first.url) == ("2023-01-21", "Wire One", "https://wire-one.example/donetsk")
    assert second.title == "" and second.source == ""
    assert first.where == "row 1 (line 2)" and second.where == "row 2 (line 5)"


def test_headers_compare_case_and_spacing_insensitively(make_entry):
    [c], _ = read(make_entry, "Full Text,Published At,Title\nSome article text.,2021-07-13,T\n")
    assert (c.text, c.published, c.title) == ("Some article text.", "2021-07-13", "T")


@pytest.mark.parametrize("separator", [";", "\t", "|"])
def test_other_separators_are_detected(separator, make_entry):
    text = f"title{separator}text\nA{separator}Body, with a comma.\n"
    assert guess_delimiter(text) == separator
    [c], _ = read(make_entry, text)
    assert c.text == "Body, with a comma."


def test_tsv_extension_means_tabs(make_entry):
    [c], _ = read(make_entry, "text\ttitle\nBody, with a comma; and more.\tT\n", name="rows.tsv")
    assert c.title == "T"


def test_a_field_longer_than_the_csv_default_limit_loads(make_entry):
    long_text = "word " * 100_000  # 500 kB, beyond csv's 128 KiB default field cap
    [c], errors = read(make_entry, f'title,text\nLong,"{long_text}"\n')
    assert errors == [] and len(c.text) == len(long_text)


def test_missing_text_column_names_what_was_found(make_entry):
    with pytest.raises(Unreadable, match=r"no text column .*; found 'title', 'author'\)$"):
        read(make_entry, "title,author\nA,B\n")


def test_bad_rows_are_reported_by_row_and_line_and_good_rows_still_load(make_entry):
    text = 'title,text\nA,"Good text, quoted."\nB,unquoted, comma\nC,\nD,Also good.\n'
    candidates, errors = read(make_entry, text)
    assert [c.title for c in candidates] == ["A", "D"]
    assert [e.reason for e in errors] == [
        "row 2 (line 3): 1 more value(s) than the header has columns (an unquoted separator?)",
        "row 3 (line 4): no text ('text' is empty)",
    ]
    assert all(e.path == "folder/rows.csv" for e in errors)


def test_a_short_row_reads_missing_trailing_values_as_empty(make_entry):
    [c], errors = read(make_entry, "text,title,url\nBody only\n")
    assert errors == [] and c.text == "Body only" and c.title == ""


def test_broken_quoting_names_the_line_and_keeps_earlier_rows(make_entry):
    text = 'title,text\nA,"fine"\nB,"never closed\nC,more\n'
    [c], [error] = read(make_entry, text)
    assert c.title == "A"
    assert error.reason.startswith("line 3: malformed CSV")


@pytest.mark.parametrize("text, reason", [("title,text\n", "no data rows"), ("\n\n", "whitespace only")])
def test_tables_without_rows_are_refused(text, reason, make_entry):
    with pytest.raises(Unreadable, match=reason):
        read(make_entry, text)


def test_an_excel_sep_line_names_the_separator_and_is_not_the_header(make_entry):
    text = "sep=;\r\ntitle;text\r\nA;Body, with a comma.\r\nB;\r\n"
    [c], [error] = read(make_entry, text)
    assert (c.title, c.text, c.where) == ("A", "Body, with a comma.", "row 1 (line 3)")
    assert error.reason == "row 2 (line 4): no text ('text' is empty)"


def test_a_table_without_a_header_is_refused_with_its_first_row_clipped(make_entry):
    first_row = ["Kabul airport", "Taliban warns Turkey against wanting to run Kabul airport " * 5]
    rows = [first_row] + [[f"c{n}"] for n in range(3)]
    text = "\n".join(",".join(f'"{cell}"' for cell in row) for row in rows) + "\n"
    with pytest.raises(Unreadable) as refused:
        read(make_entry, text)
    assert str(refused.value).endswith("found 'Kabul airport', 'Taliban warns Turkey against wanting to…')")


def test_a_header_of_many_columns_is_listed_up_to_a_limit(make_entry):
    header = ",".join(f"col{n}" for n in range(20))
    with pytest.raises(Unreadable, match=r"found 'col0', .*'col11' and 8 more\)$"):
        read(make_entry, header + "\n" + ",".join("v" * 20) + "\n")


def test_a_row_shorter_than_the_header_reads_its_missing_cells_as_empty(make_entry):
    candidates, [error] = read(make_entry, "title,source,text\nA,Wire,Body A.\nB\n")
    assert [c.title for c in candidates] == ["A"]
    assert error.reason == "row 2 (line 3): no text ('text' is empty)"

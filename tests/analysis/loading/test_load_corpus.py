"""load_corpus end to end: the seeds, every format together, and a hostile corpus."""

import csv
import io
import os
import zipfile
from datetime import date

from analysis.document import Corpus, Document, LoadError
from analysis.loading import DEFAULT_MAX_BYTES, is_note, load_corpus


def test_seeds(seeds_dir):
    corpus = load_corpus([seeds_dir])
    assert corpus.errors == []
    first, second = corpus.documents
    assert first.doc_id == "000_d7088bed9912e84f"
    assert (first.source, first.published) == ("Republic World", date(2021, 7, 13))
    assert first.title == "Taliban warns Turkey against wanting to run Kabul airport, threatens of consequences"
    assert first.url.startswith("https://www.republicworld.com/")
    assert second.doc_id == "003_7126b1dd18ba6691"
    assert (second.source, second.published) == ("Continental Defence", None)
    assert second.title == "Turkey drawn into Afghanistan, will fight Taliban"
    # The README describes the corpus and is not an article; texts are the files as given.
    assert not any("bundled corpus" in d.text for d in corpus.documents)
    assert first.text == (seeds_dir / "000_d7088bed9912e84f.txt").read_text(encoding="utf-8").strip()


def test_a_lone_seed_file_still_gets_its_sidecar_metadata(seeds_dir):
    [doc] = load_corpus([seeds_dir / "003_7126b1dd18ba6691.txt"]).documents
    assert (doc.source, doc.title) == ("Continental Defence", "Turkey drawn into Afghanistan, will fight Taliban")


def test_a_single_path_string_is_accepted(seeds_dir):
    assert len(load_corpus(str(seeds_dir)).documents) == 2


def test_every_format_in_one_folder(data_dir):
    corpus = load_corpus([data_dir / "mixed"])
    assert corpus.errors == []
    docs = {d.doc_id: d for d in corpus.documents}
    assert list(docs) == [
        "gaza_aid", "khartoum", "kyiv_strike", "feed#1", "feed#2", "mosul", "newsapi#1", "wires#1", "wires#2",
    ]
    assert all(isinstance(d, Document) for d in docs.values())
    # sidecar + markdown headline fallback + source from the URL's host
    assert (docs["gaza_aid"].title, docs["gaza_aid"].source, docs["gaza_aid"].published) == (
        "Aid convoy reaches northern Gaza", "aljazeera.com", date(2024, 3, 4))
    # the sidecar source wins over the page's site name; title and date come from the page
    assert (docs["khartoum"].source, docs["khartoum"].published) == ("Sudan Tribune", date(2023, 5, 22))
    assert docs["khartoum"].title == "Fighting resumes in Khartoum as ceasefire collapses"
    assert docs["kyiv_strike"].source == "Kyiv Independent"
    # no sidecar row: headline from the first line, no source
    assert (docs["mosul"].title, docs["mosul"].source) == ("Iraqi forces retake eastern Mosul", "Unknown source")
    assert (docs["wires#2"].title, docs["wires#2"].source, docs["wires#2"].published) == (
        "wires#2", "wire-two.example", date(2023, 1, 21))
    assert docs["newsapi#1"].published == date(2024, 5, 6)


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def build_hostile_corpus(root):
    """Issue 7's hostile inputs, next to good articles."""
    files = {
        "good.txt": "Troops withdrew from the town on Friday, officials said.\n",
        "empty.txt": b"",
        "blank.txt": " \n\t\n   \n",
        "photo.png": b"\x89PNG\r\n\x1a\n" + os.urandom(512),
        "photo_renamed.txt": b"\x89PNG\r\n\x1a\n" + os.urandom(512),
        "nul.txt": b"Looks like text\x00\x00\x00but is not" * 10,
        "photos.zip": zip_of({"a.jpg": b"\xff\xd8\xff\xe0" + os.urandom(64)}),
        "broken.zip": b"PK\x03\x04 this is not really a zip",
        "latin1.txt": "Le président a visité Kaboul mardi, a annoncé le ministère.".encode("latin-1"),
        "utf16.txt": "Ukrainian forces said on Sunday they had recaptured the village.".encode("utf-16"),
        "cyrillic_cp1251.txt": "Украинские силы заявили в воскресенье, что отбили деревню.".encode("cp1251"),
        "no_text_column.csv": "title,author\nA headline,Someone\n",
        "extra_columns.csv": 'title,text,source\nA,"Good row, quoted.",Wire\nB,Bad row,Wire,EXTRA\n',
        "missing_text.csv": "title,text\nEmpty row,\nFilled row,This row has text.\n",
        "malformed.jsonl": '{"text": "A good JSON line."}\n{"text": "unterminated}\n',
        "malformed.json": '[{"text": "x"}',
        "absurd_dates.csv": (
            "text,published\nArticle from year zero.,0000-01-01\nArticle from nowhere.,9999-99-99\n"
            "Article with words.,the day after tomorrow\n"
        ),
        "repost.txt": "Troops withdrew from the town on Friday,   officials said.",
        "rtl_emoji.txt": "القوات انسحبت من المدينة يوم الجمعة 🌍 הכוחות נסוגו",
        "injection.txt": (
            "<script>window.pwned=1</script> **bold** [link](javascript:alert(1))\n\n"
            'Shelling continued <img src=x onerror="window.pwned=1"> overnight.'
        ),
        "injection.csv": (
            'title,source,text,url\n"<script>alert(1)</script>","<img src=x onerror=alert(1)>",'
            '"Body with <b>markup</b>.",javascript:alert(1)\n'
        ),
    }
    for name, content in files.items():
        path = root / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    with (root / "huge.txt").open("wb") as handle:  # 50 MB, sparse: nothing is written or read
        handle.truncate(50_000_000)
    (root / "long.txt").write_text(" ".join(f"word{i % 997}" for i in range(100_000)) + ".")


def test_hostile_corpus_names_each_bad_file_and_loads_the_good_ones(tmp_path, reasons):
    build_hostile_corpus(tmp_path)
    corpus = load_corpus([tmp_path, tmp_path / "does_not_exist"])
    assert isinstance(corpus, Corpus)
    why = reasons(corpus)

    assert why.pop("empty.txt") == ["empty file"]
    assert why.pop("blank.txt") == ["no text (whitespace only)"]
    assert why.pop("photo.png")[0].startswith("unsupported file type '.png'")
    assert why.pop("photo_renamed.txt") == ["binary file: looks like a PNG image, not text"]
    assert why.pop("nul.txt") == ["binary content, not text (contains NUL bytes)"]
    assert why.pop("a.jpg")[0].startswith("unsupported file type '.jpg'")  # inside photos.zip
    assert why.pop("broken.zip")[0].startswith("not a readable zip archive")
    assert why.pop("cyrillic_cp1251.txt")[0].startswith("unknown text encoding")
    assert why.pop("huge.txt") == ["file is 50.0 MB, over the 20.0 MB limit per file"]
    assert why.pop("no_text_column.csv")[0].startswith("no text column")
    assert why.pop("extra_columns.csv") == [
        "row 2 (line 3): 1 more value(s) than the header has columns (an unquoted separator?)"]
    assert why.pop("missing_text.csv") == ["row 1 (line 2): no text ('text' is empty)"]
    assert why.pop("malformed.jsonl") == ["line 2: malformed JSON at column 10: Unterminated string starting at"]
    assert why.pop("malformed.json") == ["malformed JSON at line 1, column 15: Expecting ',' delimiter"]
    assert why.pop("absurd_dates.csv") == [
        "row 1 (line 2): date ignored: '0000-01-01' is not a real calendar date",
        "row 2 (line 3): date ignored: '9999-99-99' is not a real calendar date",
        "row 3 (line 4): date ignored: 'the day after tomorrow' is not a date Parallax can read",
    ]
    assert why.pop("repost.txt") == ["duplicate of good"]
    assert why.pop("injection.csv") == ["row 1 (line 2): url ignored: not an http(s) address"]
    assert why.pop("does_not_exist") == ["no such file or folder"]
    assert why == {}

    docs = {d.doc_id: d for d in corpus.documents}
    assert sorted(docs) == sorted([
        "absurd_dates#1", "absurd_dates#2", "absurd_dates#3", "extra_columns#1", "good", "injection",
        "injection#1", "latin1", "long", "malformed#1", "missing_text#2", "rtl_emoji", "utf16",
    ])
    assert all(docs[f"absurd_dates#{n}"].published is None for n in (1, 2, 3))
    assert docs["latin1"].text == "Le président a visité Kaboul mardi, a annoncé le ministère."
    assert docs["utf16"].text.startswith("Ukrainian forces")
    assert len(docs["long"].text.split()) == 100_000
    assert docs["rtl_emoji"].text == "القوات انسحبت من المدينة يوم الجمعة 🌍 הכוחות נסוגו"
    # Markup is data: kept verbatim for the dashboard to escape, never interpreted here.
    assert "<script>window.pwned=1</script>" in docs["injection"].text
    row = docs["injection#1"]
    assert (row.title, row.source) == ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")
    assert row.url == ""


def test_the_size_limit_is_configurable(tmp_path, reasons):
    (tmp_path / "a.txt").write_text("x" * 2_000)
    (tmp_path / "b.txt").write_text("Short article.")
    corpus = load_corpus([tmp_path], max_bytes=1_000)
    assert [d.doc_id for d in corpus.documents] == ["b"]
    assert reasons(corpus) == {"a.txt": ["file is 2.0 kB, over the 1.0 kB limit per file"]}
    assert DEFAULT_MAX_BYTES == 20_000_000


def test_a_zip_on_disk_is_read_as_a_folder(tmp_path):
    (tmp_path / "corpus.zip").write_bytes(zip_of({
        "news/a.txt": b"Article A body.",
        "news/metadata.csv": b"file,source,published\na.txt,Wire A,2022-02-24\n",
        "inner.zip": zip_of({"b.txt": b"B"}),
    }))
    corpus = load_corpus([tmp_path])
    [doc] = corpus.documents
    assert (doc.doc_id, doc.source, doc.published) == ("a", "Wire A", date(2022, 2, 24))
    assert [tuple(e) for e in corpus.errors] == [
        (str(tmp_path / "corpus.zip") + "/inner.zip", "an archive inside an archive is not opened")]


def test_an_unreadable_file_is_reported(tmp_path, reasons):
    if os.geteuid() == 0:
        # root reads anything; simulate with a file that vanishes between listing and reading
        from analysis.loading.entries import Entry, Listing
        from analysis.loading.pipeline import load_listing

        def gone() -> bytes:
            raise FileNotFoundError(2, "No such file or directory")

        corpus = load_listing(Listing(entries=[Entry("x/gone.txt", "gone.txt", "x", 10, gone)]), 1_000)
    else:
        locked = tmp_path / "locked.txt"
        locked.write_text("secret")
        locked.chmod(0)
        corpus = load_corpus([tmp_path])
    assert corpus.documents == []
    assert list(reasons(corpus).values())[0][0].startswith("cannot read:")


def write_csv(path, rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


def test_real_world_column_names_in_a_folder_are_mapped(tmp_path):
    write_csv(tmp_path / "scrape.csv", [
        ["Title", "Story", "Site", "Published At", "URL"],
        ["Port reopens", "The port reopened on Monday.", "bbc.co.uk", "2023-07-19", "https://www.bbc.co.uk/p"],
    ])
    (tmp_path / "feed.jsonl").write_text(
        '{"headline": "Talks resume", "content": "Talks resumed in Doha.", "publisher": "Wire B", '
        '"datetime": "2024-01-02T10:00:00Z", "link": "https://wire-b.example/talks"}\n'
    )
    corpus = load_corpus([tmp_path])
    assert corpus.errors == []
    assert [(d.doc_id, d.title, d.text, d.source, d.published, d.url) for d in corpus.documents] == [
        ("feed#1", "Talks resume", "Talks resumed in Doha.", "Wire B", date(2024, 1, 2),
         "https://wire-b.example/talks"),
        ("scrape#1", "Port reopens", "The port reopened on Monday.", "bbc.co.uk", date(2023, 7, 19),
         "https://www.bbc.co.uk/p"),
    ]


def test_tables_without_a_text_column_in_a_folder_are_refused_not_loaded_as_something_else(tmp_path, reasons):
    write_csv(tmp_path / "x.csv", [["x", "y"], ["A headline", "Someone"]])
    (tmp_path / "teasers.json").write_text('[{"headline": "H", "summary": "S."}]')
    corpus = load_corpus([tmp_path])
    assert corpus.documents == []
    assert reasons(corpus) == {
        "x.csv": ["no text column (looked for text, body, content, article, story, maintext, full_text, "
                  "article_text, body_text; found 'x', 'y')"],
        "teasers.json": ["no text field in any object (looked for text, body, content, article, story, maintext, "
                         "full_text, article_text, body_text; found 'headline', 'summary')"],
    }


def test_sidecar_rows_that_describe_no_file_of_the_folder_are_reported(tmp_path):
    (tmp_path / "a.txt").write_text("Article A.")
    (tmp_path / "README.md").write_text("About this folder.")
    write_csv(tmp_path / "rows.csv", [["text"], ["A row article."]])
    write_csv(tmp_path / "metadata.csv", [
        ["file", "source"], ["a.txt", "Wire A"], ["missing.txt", "Wire M"], ["rows.csv", "Wire R"],
        ["A.TXT", "Wire A again"], ["README.md", "Not an article"],
    ])
    corpus = load_corpus([tmp_path])
    assert [(d.doc_id, d.source) for d in corpus.documents] == [("a", "Wire A"), ("rows#1", "Unknown source")]
    sidecar = str(tmp_path / "metadata.csv")
    assert [tuple(e) for e in corpus.errors] == [
        (sidecar, "row 2 (line 3): file 'missing.txt' not found among the articles next to this metadata file; "
                  "row ignored"),
        (sidecar, "row 3 (line 4): 'rows.csv' holds its own metadata columns; a row describes only "
                  "single-article files (.txt, .md, .html); row ignored"),
        (sidecar, "row 4 (line 5): an earlier row already describes 'a.txt'; row ignored"),
        (sidecar, "row 5 (line 6): file 'README.md' not found among the articles next to this metadata file; "
                  "row ignored"),
    ]


def test_a_file_named_on_its_own_does_not_make_the_other_sidecar_rows_missing(seeds_dir, tmp_path):
    [doc] = (corpus := load_corpus([seeds_dir / "003_7126b1dd18ba6691.txt"])).documents
    assert doc.source == "Continental Defence" and corpus.errors == []
    assert load_corpus([seeds_dir / "metadata.csv"]).errors == []
    # Named alone and also walked: the folder is whole, so a missing file is reported.
    (tmp_path / "a.txt").write_text("Article A.")
    write_csv(tmp_path / "metadata.csv", [["file"], ["a.txt"], ["gone.txt"]])
    errors = load_corpus([tmp_path / "a.txt", tmp_path]).errors
    assert [e.reason for e in errors] == [
        "row 2 (line 3): file 'gone.txt' not found among the articles next to this metadata file; row ignored"]


def test_a_zip_on_disk_with_hostile_member_names_loads_them_with_notes(tmp_path, monkeypatch):
    (tmp_path / "hostile.zip").write_bytes(zip_of({
        "../../x.txt": b"Climbing article.", "/etc/y.txt": b"Absolute article.", "empty/": b"",
    }))
    (tmp_path / "a" / "b").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "a" / "b")  # where "../../x.txt" would land if it were extracted
    corpus = load_corpus([tmp_path])
    assert [d.doc_id for d in corpus.documents] == ["x", "y"]
    archive = str(tmp_path / "hostile.zip")
    assert [(path, reason, is_note(LoadError(path, reason))) for path, reason in corpus.errors] == [
        (f"{archive}/../../x.txt", "path reduced: '../../x.txt' leads out of its folder; read as 'x.txt'", True),
        (f"{archive}//etc/y.txt", "path reduced: '/etc/y.txt' is an absolute path; read as 'y.txt'", True),
        (f"{archive}/empty/", "empty folder in the archive; nothing to read", False),
    ]
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["a", "a/b", "hostile.zip"]

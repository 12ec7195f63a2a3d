from analysis.loading.walking import list_paths


def names(listing):
    return [e.label.replace("\\", "/") for e in listing.entries]


def test_folders_are_walked_sorted_skipping_hidden_docs_and_the_sidecar(data_dir):
    root = data_dir / "mixed"
    listing = list_paths([root])
    assert [label.split("/mixed/", 1)[1] for label in names(listing)] == [
        "gaza_aid.md", "khartoum.html", "kyiv_strike.txt",
        "sub/feed.jsonl", "sub/mosul.txt", "sub/newsapi.json", "sub/wires.csv",
    ]
    assert list(listing.sidecars) == [str(root)]
    assert listing.errors == []


def test_hidden_folders_are_not_entered(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    assert [e.name for e in list_paths([tmp_path]).entries] == ["a.txt"]


def test_a_named_file_is_read_whatever_its_name_with_its_folders_sidecar(data_dir):
    readme = data_dir / "mixed" / "README.md"
    listing = list_paths([readme])
    assert [e.name for e in listing.entries] == ["README.md"]
    assert str(data_dir / "mixed") in listing.sidecars


def test_the_same_file_reached_twice_is_listed_once(data_dir):
    root = data_dir / "mixed"
    listing = list_paths([root, root / "kyiv_strike.txt", str(root)])
    assert len(listing.entries) == 7 and listing.errors == []


def test_missing_paths_and_empty_folders_are_reported(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "README.md").write_text("About.")
    listing = list_paths([tmp_path / "nope", tmp_path / "empty", tmp_path / "docs"])
    assert [(e.path, e.reason) for e in listing.errors] == [
        (str(tmp_path / "nope"), "no such file or folder"),
        (str(tmp_path / "empty"), "no article files in this folder"),
        (str(tmp_path / "docs"), "no article files in this folder"),
    ]


def test_listing_does_not_read_contents(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(60_000_000)  # sparse: costs no disk
    [entry] = list_paths([tmp_path]).entries
    assert entry.size == 60_000_000

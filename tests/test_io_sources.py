"""Sources of analysis.io: folders, recursion, glob patterns, zip archives and their limits."""

from __future__ import annotations

import io
import json
import os
import zipfile

import pytest

from analysis.io import LoadError, load_articles


def reasons(df) -> dict[str, str]:
    report = df.attrs["load_report"]
    return dict(zip(report["path"], report["reason"], strict=True))


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "top.txt").write_text("Top level article.")
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "one.json").write_text(json.dumps({"text": "Sub article."}))
    (tmp_path / "sub" / "deeper" / "two.txt").write_text("Deeper article.")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("Hidden article.")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    return tmp_path


def test_folder_is_recursive_and_skips_hidden(tree):
    df = load_articles(tree)
    assert sorted(df["text"]) == ["Deeper article.", "Sub article.", "Top level article."]
    assert df.attrs["load_report"].empty
    assert (df["path"].iloc[0]).startswith(str(tree))


def test_recursive_false(tree):
    df = load_articles(tree, recursive=False)
    assert list(df["text"]) == ["Top level article."]


def test_glob_patterns(tree):
    df = load_articles(str(tree / "**" / "*.txt"))
    assert sorted(df["text"]) == ["Deeper article.", "Top level article."]
    df = load_articles(str(tree / "sub" / "*.json"), str(tree / "top.*"))
    assert sorted(df["text"]) == ["Sub article.", "Top level article."]


def test_path_objects_strings_and_lists(tree):
    a = load_articles(tree / "top.txt")
    b = load_articles(str(tree / "top.txt"))
    c = load_articles([tree / "top.txt", str(tree / "sub")])
    assert a["article_id"].tolist() == b["article_id"].tolist()
    assert len(c) == 3


def test_same_file_named_twice_is_read_once(tree):
    df = load_articles(tree, tree / "top.txt")
    top = df[df["text"] == "Top level article."].iloc[0]
    assert len(top["paths"]) == 1


def make_zip(path, members: dict[str, bytes], method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path, "w", method) as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = method
            zf.writestr(info, data)  # ZipInfo keeps unsafe names such as ../x as given
    return path


def test_zip_archive_with_formats_sidecars_and_folders(tmp_path):
    make_zip(
        tmp_path / "bundle.zip",
        {
            "news/a.txt": b"Zipped plain text article.",
            "news/a.meta.json": json.dumps({"source": "Yonhap", "date": "2019-04-24"}).encode(),
            "news/b.jsonl": b'{"text": "Zipped JSON line."}\n',
            "c.csv": b"text\nZipped CSV row.\n",
            "__MACOSX/._a.txt": b"\x00\x05\x16\x07",
        },
    )
    df = load_articles(tmp_path / "bundle.zip").set_index("text")
    assert sorted(df.index) == [
        "Zipped CSV row.",
        "Zipped JSON line.",
        "Zipped plain text article.",
    ]
    a = df.loc["Zipped plain text article."]
    assert a["source"] == "Yonhap"  # the sidecar inside the archive is read
    assert a["published_precision"] == "day"
    assert a["path"] == f"{tmp_path / 'bundle.zip'}!news/a.txt"
    assert df.loc["Zipped JSON line.", "path"].endswith("bundle.zip!news/b.jsonl#1")
    assert df.attrs["load_report"].empty


def test_zip_traversal_entries_are_skipped_and_reported(tmp_path):
    make_zip(
        tmp_path / "evil.zip",
        {
            "ok.txt": b"The safe article.",
            "../escape.txt": b"Escaping article one.",
            "/etc/absolute.txt": b"Escaping article two.",
            "a/../../up.txt": b"Escaping article three.",
            "C:/windows.txt": b"Escaping article four.",
        },
    )
    df = load_articles(tmp_path / "evil.zip")
    assert list(df["text"]) == ["The safe article."]
    r = reasons(df)
    assert len(r) == 4
    assert all("leaves the archive" in why for why in r.values())
    assert not (tmp_path.parent / "escape.txt").exists()
    with pytest.raises(LoadError, match="leaves the archive"):
        load_articles(tmp_path / "evil.zip", strict=True)


def test_zip_bomb_member_is_stopped(tmp_path):
    make_zip(
        tmp_path / "bomb.zip",
        {"ok.txt": b"A normal article.", "bomb.txt": b"A" * (20 * 1024 * 1024)},
    )
    assert (tmp_path / "bomb.zip").stat().st_size < 100_000
    df = load_articles(tmp_path / "bomb.zip", max_bytes=1024 * 1024)
    assert list(df["text"]) == ["A normal article."]
    (why,) = reasons(df).values()
    assert "over the size limit" in why
    # under a larger per-file limit the compression ratio still gives it away
    df = load_articles(tmp_path / "bomb.zip", max_bytes=50 * 1024 * 1024)
    (why,) = reasons(df).values()
    assert "zip bomb" in why


def test_zip_total_size_limit(tmp_path):
    members = {f"m{i}.txt": (f"Article {i}. " + "x" * 200_000).encode() for i in range(6)}
    make_zip(tmp_path / "many.zip", members, method=zipfile.ZIP_STORED)
    df = load_articles(tmp_path / "many.zip", max_bytes=300_000, max_archive_bytes=1_000_000)
    assert df.empty
    (why,) = reasons(df).values()
    assert "over the limit" in why and "archive" in why
    assert len(load_articles(tmp_path / "many.zip", max_bytes=300_000)) == 6


def test_zip_lying_about_sizes_is_stopped_while_reading(tmp_path):
    """A member whose header under-declares its size is never read past it (CRC fails)."""
    buf = io.BytesIO()
    make_zip(buf, {"liar.txt": b"B" * (3 * 1024 * 1024), "ok.txt": b"Fine article."})
    data = bytearray(buf.getvalue())
    # rewrite the declared size of liar.txt (central directory) to a small number
    zf = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = zf.getinfo("liar.txt")
    cd = data.rfind(b"PK\x01\x02", 0, data.rfind(b"PK\x01\x02"))  # first central record
    assert data[cd + 46 : cd + 46 + len(info.filename)] == b"liar.txt"
    data[cd + 24 : cd + 28] = (100).to_bytes(4, "little")  # uncompressed size
    (tmp_path / "liar.zip").write_bytes(bytes(data))
    df = load_articles(tmp_path / "liar.zip", max_bytes=1024 * 1024)
    assert list(df["text"]) == ["Fine article."]
    ((path, why),) = reasons(df).items()
    assert path.endswith("liar.zip!liar.txt")
    assert "cannot read zip entry" in why


def test_corrupt_zip_is_reported(tmp_path):
    (tmp_path / "good.txt").write_text("Good article beside a broken archive.")
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 this is not a zip")
    df = load_articles(tmp_path)
    assert len(df) == 1
    assert "not a readable zip" in reasons(df)[str(tmp_path / "broken.zip")]


def test_zip_found_in_a_folder_is_read(tmp_path):
    make_zip(tmp_path / "inner.zip", {"x.txt": b"Article inside a zip inside a folder."})
    (tmp_path / "y.txt").write_text("Article beside the zip.")
    df = load_articles(tmp_path, progress=True)
    assert len(df) == 2


def test_relative_paths_stay_relative(tree, monkeypatch):
    monkeypatch.chdir(tree)
    df = load_articles("sub")
    assert sorted(df["path"]) == [os.path.join("sub", "deeper", "two.txt"), "sub/one.json"]

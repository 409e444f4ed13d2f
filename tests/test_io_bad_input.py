"""Bad input costs nothing else: each problem is skipped, logged and reported; strict raises."""

from __future__ import annotations

import json
import logging
import os
import zipfile

import pandas as pd
import pytest

from analysis import schema
from analysis.io import LoadError, load_articles

GOOD = "The Kremlin confirmed on Monday that the summit preparations were in their final stage."


def make_good(folder):
    (folder / "good.txt").write_text(GOOD)
    (folder / "good.jsonl").write_text(json.dumps({"text": "A second good article."}) + "\n")


def reasons(df) -> dict[str, str]:
    report = df.attrs["load_report"]
    assert list(report.columns) == ["path", "reason"]
    return {os.path.basename(p): r for p, r in zip(report["path"], report["reason"], strict=True)}


BAD_FILES = {
    "empty.txt": (b"", "empty"),
    "blank.md": (b"  \n\n \t\n", "empty"),
    "binary.txt": (bytes(range(256)) * 8, "binary"),
    "image.html": (b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
    "truncated.json": (b'[{"text": "cut off in the midd', "invalid JSON"),
    "notext.csv": (b"id,title,date\n1,Headline only,2019-04-22\n", "no text column"),
    "nobody.html": (
        b"<html><head><title>Login</title></head><body><nav>Home | World</nav>"
        b"<form><input name='q'></form><footer>(c) 2019</footer></body></html>",
        "no article body",
    ),
    "notfeed.xml": (b'<?xml version="1.0"?><config><key>1</key></config>', "not an RSS or Atom"),
    "broken.parquet": (b"PAR1 this is not really parquet", "Parquet"),
    "picture.png": (b"\x89PNG\r\n\x1a\n" + bytes(50), "unsupported file type"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_each_bad_file_is_skipped_and_reported(tmp_path, name, caplog):
    make_good(tmp_path)
    data, why = BAD_FILES[name]
    (tmp_path / name).write_bytes(data)
    with caplog.at_level(logging.WARNING, logger="analysis.io"):
        df = load_articles(tmp_path)
    assert sorted(df["text"]) == ["A second good article.", GOOD]
    r = reasons(df)
    assert set(r) == {name}
    assert why.lower() in r[name].lower()
    assert any(name in rec.getMessage() for rec in caplog.records if rec.levelno == logging.WARNING)
    with pytest.raises(LoadError, match=name.replace(".", r"\.")):
        load_articles(tmp_path, strict=True)


def test_all_bad_inputs_together(tmp_path):
    make_good(tmp_path)
    for name, (data, _) in BAD_FILES.items():
        (tmp_path / name).write_bytes(data)
    df = load_articles(tmp_path, tmp_path / "missing.txt")
    assert len(df) == 2
    assert set(reasons(df)) == {*BAD_FILES, "missing.txt"}


def test_nonexistent_path_and_empty_pattern(tmp_path):
    make_good(tmp_path)
    df = load_articles(tmp_path, tmp_path / "nope.txt", str(tmp_path / "*.nothing"))
    r = reasons(df)
    assert "no such file" in r["nope.txt"]
    assert "no file matches" in r["*.nothing"]
    assert len(df) == 2


def test_file_over_max_bytes(tmp_path):
    make_good(tmp_path)
    (tmp_path / "huge.txt").write_text("word " * 3000)
    df = load_articles(tmp_path, max_bytes=10_000)
    assert "over the size limit" in reasons(df)["huge.txt"]
    assert len(df) == 2
    assert len(load_articles(tmp_path)) == 3  # the default limit (50 MB) takes it


def test_unreadable_paths(tmp_path):
    make_good(tmp_path)
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block forever
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    df = load_articles(tmp_path)
    r = reasons(df)
    assert "not a regular file" in r["pipe.txt"]
    assert "broken symlink" in r["dangling.txt"]
    assert len(df) == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_permission_denied(tmp_path):  # pragma: no cover - not run as root
    make_good(tmp_path)
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD + " Locked.")
    locked.chmod(0)
    try:
        df = load_articles(tmp_path)
    finally:
        locked.chmod(0o644)
    assert "cannot read" in reasons(df)["locked.txt"]
    assert len(df) == 2


def test_symlink_outside_scanned_folder(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Text outside the folder being scanned.")
    scanned = tmp_path / "scanned"
    scanned.mkdir()
    make_good(scanned)
    (scanned / "inner").mkdir()
    (scanned / "inner" / "deep.txt").write_text("A deep article in a subfolder.")
    os.symlink(outside / "secret.txt", scanned / "link.txt")
    os.symlink(outside, scanned / "linkdir")
    os.symlink(scanned / "inner" / "deep.txt", scanned / "inside_link.txt")  # stays inside: fine
    df = load_articles(scanned)
    r = reasons(df)
    assert "outside the folder" in r["link.txt"] and "outside the folder" in r["linkdir"]
    assert "Text outside the folder being scanned." not in set(df["text"])
    deep = df[df["text"] == "A deep article in a subfolder."].iloc[0]
    assert len(deep["paths"]) == 2  # the file and the inside symlink
    # a symlink named explicitly by the caller is followed
    assert len(load_articles(scanned / "link.txt")) == 1


def test_bad_records_inside_good_files(tmp_path):
    (tmp_path / "mixed.jsonl").write_text(
        json.dumps({"text": "Good line one."}) + "\n"
        + '{"text": "truncated\n'
        + json.dumps({"title": "no text here"}) + "\n"
        + json.dumps(["not", "an", "object"]) + "\n"
        + json.dumps({"text": "   "}) + "\n"
        + json.dumps({"text": "Good line six."}) + "\n"
    )  # fmt: skip
    (tmp_path / "rows.csv").write_text("text,title\nRow one.,A\n,B\nRow three.,C,extra\n")
    df = load_articles(tmp_path)
    assert sorted(df["text"]) == ["Good line one.", "Good line six.", "Row one."]
    report = df.attrs["load_report"]
    paths = [os.path.basename(p) for p in report["path"]]
    assert paths == [
        "mixed.jsonl#2", "mixed.jsonl#3", "mixed.jsonl#4", "mixed.jsonl#5",
        "rows.csv#2", "rows.csv#3",
    ]  # fmt: skip


def test_bad_sidecar_is_reported_and_the_article_still_loads(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "a.meta.json").write_text('{"source": "AP"')
    df = load_articles(tmp_path)
    assert len(df) == 1 and pd.isna(df["source"].iloc[0])
    assert "sidecar" in reasons(df)["a.meta.json"]
    with pytest.raises(LoadError):
        load_articles(tmp_path, strict=True)


def test_nothing_loads_gives_typed_empty_frame_report_and_warning(tmp_path, caplog):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bad.json").write_text("{")
    with caplog.at_level(logging.WARNING, logger="analysis.io"):
        df = load_articles(tmp_path)
    assert df.empty
    assert list(df.columns) == list(schema.empty("articles").columns)
    assert str(df["published"].dtype) == "datetime64[ns, UTC]"
    assert set(reasons(df)) == {"empty.txt", "bad.json"}
    assert any("no article could be loaded" in rec.getMessage() for rec in caplog.records)


def test_strict_raises_on_first_problem_with_path_and_reason(tmp_path):
    make_good(tmp_path)
    (tmp_path / "zzz.txt").write_text("")
    with pytest.raises(LoadError) as info:
        load_articles(tmp_path, strict=True)
    assert isinstance(info.value, ValueError)
    assert info.value.path.endswith("zzz.txt")
    assert info.value.reason == "empty file"
    with pytest.raises(LoadError, match="no such file"):
        load_articles(tmp_path / "missing", strict=True)


def test_no_source_is_a_caller_error():
    with pytest.raises(ValueError, match="at least one source"):
        load_articles()
    with pytest.raises(TypeError, match="a source must be"):
        load_articles(42)


def test_report_survives_concat_and_merge(tmp_path):
    make_good(tmp_path)
    (tmp_path / "empty.txt").write_text("")
    a = load_articles(tmp_path)
    b = load_articles(tmp_path)
    both = pd.concat([a, b], ignore_index=True)  # pandas compares attrs here
    assert len(both) == 4
    assert a.merge(b[["article_id"]], on="article_id").shape[0] == 2


def test_zip_member_problems_do_not_cost_the_archive(tmp_path):
    with zipfile.ZipFile(tmp_path / "bundle.zip", "w") as zf:
        zf.writestr("ok.txt", GOOD)
        zf.writestr("empty.txt", "")
    df = load_articles(tmp_path / "bundle.zip")
    assert list(df["text"]) == [GOOD]
    assert set(reasons(df)) == {"bundle.zip!empty.txt"}

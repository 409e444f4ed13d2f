"""Hostile input for ``analysis.load_articles``: nothing crashes, bad items are reported.

Property-based (hypothesis): random Unicode with control characters and lone
surrogates, malformed JSON/CSV/HTML/feeds, deep nesting, random bytes in every
format, duplicates.  Deterministic: zip bombs, huge and empty inputs, symlinks and
sidecars pointing out of the folder, file names that are not UTF-8.

The short run is part of the normal suite (profile "ci"); the long run is::

    NEWSDESK_FUZZ=long .venv/bin/pytest -m slow tests/test_hostile_io.py
"""

from __future__ import annotations

import json
import os
import struct
import tempfile
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from fakes.fuzz import FUZZ, HOSTILE_FILE, LONG, hostile_text, require_long_run
from hypothesis import given
from hypothesis import strategies as st

from analysis import schema
from analysis.io import LoadError, load_articles

GOOD_A = "The Kremlin confirmed on Monday that Putin will meet Kim in Vladivostok. Marker-alpha."
GOOD_B = "Officials in Seoul said the talks would resume next week. Marker-beta."

STRING_COLUMNS = ("article_id", "title", "source", "url", "author", "text", "language", "path")


def _write_good(folder: Path) -> None:
    (folder / "good_a.txt").write_text(GOOD_A, encoding="utf-8")
    (folder / "good_b.jsonl").write_text(json.dumps({"text": GOOD_B}) + "\n", encoding="utf-8")


def _check_frame(df: pd.DataFrame) -> None:
    """The invariants of any articles frame, whatever went in."""
    schema.check(df, "articles")
    assert df["article_id"].is_unique
    for col in STRING_COLUMNS:
        for value in df[col].dropna():
            value.encode("utf-8")  # no lone surrogate survives: Parquet and HTML need UTF-8
    assert (df["text"].str.strip().str.len() > 0).all()
    report = df.attrs["load_report"]
    assert list(report.columns) == ["path", "reason"]
    for value in [*report["path"], *report["reason"]]:
        str(value).encode("utf-8")


def _accounted(df: pd.DataFrame) -> set[str]:
    """Base names of every input that became an article or was reported."""
    seen = set()
    for paths in df["paths"]:
        seen.update(os.path.basename(p.split("#")[0].split("!")[0]) for p in paths)
    seen.update(
        os.path.basename(p.split("#")[0].split("!")[0]) for p in df.attrs["load_report"]["path"]
    )
    return seen


def _run_folder(files: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _write_good(folder)
        names = []
        for i, (ext, data) in enumerate(files):
            name = f"hostile{i}.{ext}" if ext else f"hostile{i}"
            (folder / name).write_bytes(data)
            names.append(name)
        df = load_articles(folder)
        _check_frame(df)
        texts = "\n".join(df["text"])
        assert "Marker-alpha" in texts and "Marker-beta" in texts  # good ones kept
        missing = set(names) - _accounted(df)
        assert not missing, f"inputs neither loaded nor reported: {sorted(missing)}"


@FUZZ
@given(st.lists(HOSTILE_FILE, min_size=1, max_size=6))
def test_hostile_files_never_crash_and_good_articles_survive(files):
    _run_folder(files)


@pytest.mark.slow
@LONG
@given(st.lists(HOSTILE_FILE, min_size=1, max_size=12))
def test_hostile_files_long_run(request, files):
    require_long_run(request.config)
    _run_folder(files)


@FUZZ
@given(hostile_text(max_size=400), st.sampled_from(["txt", "json", "jsonl", "csv"]))
def test_any_text_in_any_format_loads_or_is_reported(text, ext):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"one.{ext}"
        if ext == "txt":
            path.write_bytes(text.encode("utf-8", "surrogatepass"))
        elif ext == "json":
            path.write_text(json.dumps({"text": text, "title": text[:20]}), encoding="utf-8")
        elif ext == "jsonl":
            path.write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
        else:
            frame = pd.DataFrame({"text": [text.encode("utf-8", "replace").decode("utf-8")]})
            frame.to_csv(path, index=False)
        df = load_articles(path)
        _check_frame(df)
        assert len(df) + len(df.attrs["load_report"]) >= 1
        if len(df):
            assert df["path"].iloc[0].startswith(str(path))


def test_lone_surrogates_in_json_are_replaced_not_fatal(tmp_path):
    # json.loads turns "\ud800" into an unpaired surrogate that UTF-8 cannot encode
    (tmp_path / "a.json").write_text(
        '[{"text": "Putin met Kim \\ud800 in Vladivostok.", "title": "x\\udfff"},'
        ' {"text": "A clean second article."}]',
        encoding="utf-8",
    )
    (tmp_path / "b.jsonl").write_text('{"text": "lone \\udc80 low surrogate"}\n')
    df = load_articles(tmp_path)
    _check_frame(df)
    assert len(df) == 3
    assert "Putin met Kim \ufffd in Vladivostok." in set(df["text"])
    assert "x\ufffd" in set(df["title"])


def test_file_name_that_is_not_utf8_is_loaded_with_a_printable_path(tmp_path):
    raw = os.fsencode(tmp_path) + b"/caf\xe9-\xff.txt"
    with open(raw, "wb") as fh:
        fh.write(GOOD_A.encode())
    df = load_articles(tmp_path)
    _check_frame(df)
    assert len(df) == 1
    assert "\ufffd" in df["path"].iloc[0]


@FUZZ
@given(hostile_text(max_size=200).filter(lambda t: any(c.isalpha() for c in t)))
def test_duplicates_across_formats_collapse_into_one_row(text):
    text = "Summit report: " + text.encode("utf-8", "replace").decode("utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "a.txt").write_text(text, encoding="utf-8")
        (folder / "b.json").write_text(json.dumps({"text": text}), encoding="utf-8")
        (folder / "c.jsonl").write_text(
            json.dumps({"text": text}) + "\n" + json.dumps({"text": text}) + "\n",
            encoding="utf-8",
        )
        df = load_articles(folder)
        _check_frame(df)
        ids = set(df["article_id"])
        # one article; every copy is listed in its paths (the .txt may differ only when
        # the text holds controls that a text file cannot carry the same way)
        assert len(ids) <= 2
        row = df[df["paths"].map(lambda ps: any(p.endswith("b.json") for p in ps))].iloc[0]
        assert any(p.endswith("c.jsonl#1") for p in row["paths"])
        assert any(p.endswith("c.jsonl#2") for p in row["paths"])


def test_exact_duplicates_give_one_row_listing_every_path(tmp_path):
    for name in ("a.txt", "b.txt", "sub/c.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(GOOD_A + ("\r\n" if name == "b.txt" else "\n"))
    df = load_articles(tmp_path, tmp_path / "a.txt")
    assert len(df) == 1
    assert sorted(os.path.basename(p) for p in df["paths"].iloc[0]) == ["a.txt", "b.txt", "c.txt"]


# ------------------------------------------------------------------ empty and huge


def test_empty_folder_gives_an_empty_frame_with_the_schema(tmp_path, caplog):
    df = load_articles(tmp_path)
    schema.check(df, "articles")
    assert df.empty
    assert "no article could be loaded" in caplog.text


def test_empty_and_whitespace_files_are_reported(tmp_path):
    _write_good(tmp_path)
    for name, data in {
        "e.txt": b"",
        "w.txt": b" \n\t\r\n",
        "j.json": b"",  # not "e.json": beside e.txt that is e.txt's metadata sidecar
        "e.csv": b"",
        "z.jsonl": b"\n\n",
        "nul.txt": b"\x00\x00\x00",
        "bom.txt": b"\xef\xbb\xbf",
    }.items():
        (tmp_path / name).write_bytes(data)
    df = load_articles(tmp_path)
    _check_frame(df)
    assert len(df) == 2
    reported = {os.path.basename(p) for p in df.attrs["load_report"]["path"]}
    assert {"e.txt", "w.txt", "j.json", "e.csv", "z.jsonl", "nul.txt", "bom.txt"} <= reported


def test_file_over_the_size_limit_is_reported_and_others_kept(tmp_path):
    _write_good(tmp_path)
    (tmp_path / "huge.txt").write_bytes(b"Moscow " * 200_000)  # 1.4 MB
    df = load_articles(tmp_path, max_bytes=1024 * 1024)
    assert len(df) == 2
    report = dict(
        zip(
            df.attrs["load_report"]["path"].map(os.path.basename),
            df.attrs["load_report"]["reason"],
            strict=True,
        )
    )
    assert "size limit" in report["huge.txt"] and "max_bytes" in report["huge.txt"]
    with pytest.raises(LoadError, match="size limit"):
        load_articles(tmp_path, max_bytes=1024 * 1024, strict=True)


def test_one_very_long_line_under_the_limit_loads(tmp_path):
    text = ("Putin " * 150_000).strip()  # 900 KB on one line, no sentence end
    (tmp_path / "long.txt").write_text(text)
    df = load_articles(tmp_path)
    assert len(df) == 1 and df["n_words"].iloc[0] == 150_000


def test_many_small_files_all_load(tmp_path):
    for i in range(300):
        (tmp_path / f"{i:03d}.txt").write_text(f"Article number {i} about Moscow and Seoul.")
    df = load_articles(tmp_path)
    assert len(df) == 300 and df.attrs["load_report"].empty


# ------------------------------------------------------------------ zip archives


def _zip(path: Path, members: dict[str, bytes], *, method=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression=method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_zip_bomb_by_ratio_is_refused_with_a_clear_reason(tmp_path):
    _zip(tmp_path / "bomb.zip", {"bomb.txt": b"\0" * (30 * 1024 * 1024), "ok.txt": GOOD_A.encode()})
    assert (tmp_path / "bomb.zip").stat().st_size < 100_000
    df = load_articles(tmp_path / "bomb.zip", max_bytes=50 * 1024 * 1024)
    assert list(df["text"]) == [GOOD_A]
    reasons = " ".join(df.attrs["load_report"]["reason"])
    assert "zip bomb" in reasons
    with pytest.raises(LoadError, match="zip bomb"):
        load_articles(tmp_path / "bomb.zip", strict=True)


def test_zip_member_over_max_bytes_is_refused(tmp_path):
    _zip(tmp_path / "big.zip", {"big.txt": os.urandom(600_000).hex().encode()})
    df = load_articles(tmp_path / "big.zip", max_bytes=1024 * 1024)
    assert df.empty
    assert "size limit" in df.attrs["load_report"]["reason"].iloc[0]


def test_zip_total_over_the_archive_limit_is_refused(tmp_path):
    members = {f"a{i}.txt": (f"Article {i} " + os.urandom(40_000).hex()).encode() for i in range(5)}
    _zip(tmp_path / "many.zip", members)
    df = load_articles(tmp_path / "many.zip", max_bytes=100_000, max_archive_bytes=250_000)
    assert df.empty
    assert "max_archive_bytes" in " ".join(df.attrs["load_report"]["reason"])


def _patch_declared_sizes(path: Path, declared: int) -> None:
    """Make every member of a zip lie about its uncompressed size (a crafted bomb)."""
    data = bytearray(path.read_bytes())
    pos = 0
    while (pos := data.find(b"PK\x03\x04", pos)) >= 0:
        struct.pack_into("<I", data, pos + 22, declared)
        pos += 4
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) >= 0:
        struct.pack_into("<I", data, pos + 24, declared)
        pos += 4
    path.write_bytes(bytes(data))


def test_zip_that_under_declares_its_size_stops_at_the_limit(tmp_path):
    path = _zip(
        tmp_path / "liar.zip", {"liar.txt": b"Moscow " * 800_000, "ok.txt": GOOD_B.encode()}
    )
    _patch_declared_sizes(path, 1000)
    df = load_articles(path, max_bytes=1024 * 1024)
    _check_frame(df)
    assert "Moscow Moscow" not in " ".join(df["text"])  # never more than declared is kept
    assert any("liar.txt" in p for p in df.attrs["load_report"]["path"])


def test_zip_members_cannot_escape_and_nested_zips_are_not_opened(tmp_path):
    inner = tmp_path / "inner.zip"
    _zip(inner, {"x.txt": GOOD_B.encode()})
    _zip(
        tmp_path / "evil.zip",
        {
            "../../escape.txt": b"escaped text",
            "/etc/abs.txt": b"absolute text",
            "C:/windows.txt": b"drive text",
            "dir/../../up.txt": b"up text",
            "inner.zip": inner.read_bytes(),
            "fine/ok.txt": GOOD_A.encode(),
            "fine/ok.meta.json": json.dumps({"title": "T", "path": "../../etc/passwd"}).encode(),
        },
    )
    inner.unlink()
    df = load_articles(tmp_path)
    assert list(df["text"]) == [GOOD_A]
    assert df["title"].iloc[0] == "T"
    reasons = dict(
        zip(df.attrs["load_report"]["path"], df.attrs["load_report"]["reason"], strict=True)
    )
    assert sum("leaves the archive" in r for r in reasons.values()) == 4
    assert any("nested" in r for r in reasons.values())
    assert not (tmp_path.parent / "escape.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evil.zip"]  # nothing extracted


def test_corrupt_and_truncated_zips_are_reported(tmp_path):
    good = _zip(tmp_path / "good.zip", {"a.txt": GOOD_A.encode(), "b.txt": GOOD_B.encode()})
    data = good.read_bytes()
    (tmp_path / "truncated.zip").write_bytes(data[: len(data) // 2])
    (tmp_path / "garbage.zip").write_bytes(b"PK\x03\x04" + os.urandom(500))
    flipped = bytearray(data)
    flipped[40] ^= 0xFF  # inside the first member's compressed bytes
    (tmp_path / "flipped.zip").write_bytes(bytes(flipped))
    df = load_articles(tmp_path)
    _check_frame(df)
    assert set(df["text"]) == {GOOD_A, GOOD_B}  # from good.zip (and whatever survives)
    reported = {p.split("!")[0] for p in df.attrs["load_report"]["path"]}
    assert {str(tmp_path / "truncated.zip"), str(tmp_path / "garbage.zip")} <= reported


# ------------------------------------------------------------------ symlinks and sidecars


@pytest.fixture()
def outside(tmp_path):
    out = tmp_path / "outside"
    out.mkdir()
    (out / "secret.txt").write_text("SECRET article text that lives outside the corpus folder.")
    (out / "secret.meta.json").write_text(json.dumps({"title": "SECRET-TITLE"}))
    return out


def test_symlinks_out_of_the_folder_are_refused(tmp_path, outside):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "real.txt").write_text(GOOD_A)
    os.symlink(outside / "secret.txt", corpus / "link.txt")
    os.symlink(outside, corpus / "sub" / "linkdir")
    os.symlink("../../outside/secret.txt", corpus / "sub" / "relative.txt")
    os.symlink(corpus / "real.txt", corpus / "inside.txt")  # stays inside: fine
    os.symlink(corpus / "nowhere.txt", corpus / "broken.txt")
    os.symlink(corpus, corpus / "sub" / "loop")  # a cycle back to the root
    df = load_articles(corpus)
    _check_frame(df)
    assert list(df["text"]) == [GOOD_A]
    assert "SECRET" not in " ".join(df["text"])
    reasons = dict(
        zip(
            df.attrs["load_report"]["path"].map(os.path.basename),
            df.attrs["load_report"]["reason"],
            strict=True,
        )
    )
    for name in ("link.txt", "linkdir", "relative.txt"):
        assert "outside" in reasons[name]
    assert "broken symlink" in reasons["broken.txt"]


def test_sidecar_symlinked_out_of_the_folder_is_not_read(tmp_path, outside):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "story.txt").write_text(GOOD_A)
    os.symlink(outside / "secret.meta.json", corpus / "story.meta.json")
    df = load_articles(corpus)
    assert list(df["text"]) == [GOOD_A]
    assert df["title"].iloc[0] != "SECRET-TITLE"
    assert "outside" in " ".join(df.attrs["load_report"]["reason"])


def test_metadata_paths_never_name_files_to_read(tmp_path, outside):
    # metadata fields are data, not paths: a "path" or "url" pointing at a file is kept as text
    (tmp_path / "a.json").write_text(
        json.dumps(
            {
                "text": GOOD_A,
                "url": f"file://{outside}/secret.txt",
                "path": str(outside / "secret.txt"),
                "source": "../../etc/passwd",
            }
        )
    )
    df = load_articles(tmp_path / "a.json")
    assert list(df["text"]) == [GOOD_A]
    assert df["path"].iloc[0] == str(tmp_path / "a.json")
    assert df["source"].iloc[0] == "../../etc/passwd"


def test_fifo_and_device_are_reported_not_read(tmp_path):
    _write_good(tmp_path)
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block forever
    df = load_articles(tmp_path, tmp_path / "pipe.txt")
    assert len(df) == 2
    assert "not a regular file" in " ".join(df.attrs["load_report"]["reason"])


@pytest.mark.parametrize(
    "published",
    [9223372036855, 9223372036854775296000, 1e300, -1e20, "Infinity", "-Infinity", "NaN"],
)
def test_publication_date_out_of_range_is_unknown_not_fatal(tmp_path, published):
    # found by the long fuzzing run: epochs beyond pandas' range raised OutOfBoundsDatetime
    raw = published if isinstance(published, str) else json.dumps(published)
    (tmp_path / "a.json").write_text('{"text": "Moscow talks.", "published": ' + raw + "}")
    df = load_articles(tmp_path)
    assert len(df) == 1
    assert df["published"].isna().all() and df["published_precision"].iloc[0] == "unknown"

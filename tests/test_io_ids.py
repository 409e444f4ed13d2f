"""Stable ids, deduplication and encodings of analysis.io."""

from __future__ import annotations

import hashlib
import json
import unicodedata

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.io import article_id, decode_bytes, load_articles, normalize_text
from analysis.io.errors import Skip

TEXT = "He said “the talks will go on” — it’s the café near Zürich’s old façade.\nSecond line."


def test_id_is_sha256_of_normalized_text():
    expected = hashlib.sha256(" ".join(TEXT.split()).encode("utf-8")).hexdigest()[:16]
    assert article_id(TEXT) == expected
    assert len(article_id(TEXT)) == 16
    assert article_id(TEXT) != article_id(TEXT + " More.")


def test_id_ignores_whitespace_and_unicode_normalization_form():
    nfd = unicodedata.normalize("NFD", TEXT)
    assert nfd != TEXT
    spaced = "  " + TEXT.replace(" ", "   ").replace("\n", "\r\n\r\n") + "\n\n"
    assert article_id(nfd) == article_id(TEXT) == article_id(spaced)


def test_same_text_same_id_whatever_path_or_format(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "two.json").write_text(json.dumps({"text": TEXT, "title": "T"}))
    (tmp_path / "three.csv").write_text(f'body\n"{TEXT}"\n', encoding="utf-8")
    (tmp_path / "four.md").write_bytes(unicodedata.normalize("NFD", TEXT).encode("utf-16"))
    (tmp_path / "five.txt").write_bytes(TEXT.replace("\n", "\r\n").encode("utf-8"))
    df = load_articles(tmp_path)
    assert len(df) == 1
    row = df.iloc[0]
    assert row["article_id"] == article_id(TEXT)
    assert sorted(p.rsplit("/", 1)[-1] for p in row["paths"]) == [
        "five.txt", "four.md", "one.txt", "three.csv#1", "two.json",
    ]  # fmt: skip
    assert row["path"] == row["paths"][0]
    assert row["title"] == "T" and not row["title_derived"]  # metadata from a later copy
    # the id does not depend on the folder the file is read from
    alone = load_articles(tmp_path / "a" / "one.txt")
    assert alone["article_id"].iloc[0] == row["article_id"]


def test_duplicates_keep_all_paths_and_first_metadata_wins(tmp_path):
    (tmp_path / "x.jsonl").write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {"text": "Same story.", "source": "AP"},
                {"text": "Same  story.", "source": "Reuters", "author": "B", "date": "2019-04"},
                {"text": "Other story."},
                {"text": "Same story.\n", "author": "C", "date": "2019-04-22"},
            ]
        )
    )
    df = load_articles(tmp_path).set_index("text")
    assert len(df) == 2
    same = df.loc["Same story."]
    assert [p.rsplit("/", 1)[-1] for p in same["paths"]] == ["x.jsonl#1", "x.jsonl#2", "x.jsonl#4"]
    assert (same["source"], same["author"]) == ("AP", "B")
    assert same["published"] == pd.Timestamp("2019-04-01", tz="UTC")
    assert same["published_precision"] == "month"


def test_ids_are_unique_in_the_frame(tmp_path):
    for i in range(20):
        (tmp_path / f"{i:02}.txt").write_text(f"Article number {i % 7}.")
    df = load_articles(tmp_path)
    assert len(df) == 7
    assert df["article_id"].is_unique
    assert sorted(len(p) for p in df["paths"]) == [2, 3, 3, 3, 3, 3, 3]


# ------------------------------------------------------------------ encodings

ENCODED = {
    "utf8.txt": TEXT.encode("utf-8"),
    "utf8bom.txt": b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
    "utf16le.txt": TEXT.encode("utf-16"),  # with BOM, native order
    "utf16be.txt": b"\xfe\xff" + TEXT.encode("utf-16-be"),
    "cp1252.txt": TEXT.encode("cp1252"),
}


@pytest.mark.parametrize("name", sorted(ENCODED))
def test_encodings_decode_to_the_same_text(tmp_path, name):
    (tmp_path / name).write_bytes(ENCODED[name])
    df = load_articles(tmp_path, strict=True)
    assert df["text"].iloc[0] == TEXT
    assert df["article_id"].iloc[0] == article_id(TEXT)


def test_latin1_text():
    text = "Le château à côté du garçon était fermé, a déclaré l'élève à Genève."
    decoded, _ = decode_bytes(text.encode("latin-1"))
    assert decoded == text


def test_legacy_cyrillic_is_not_read_as_western_mojibake():
    text = "Президент России Владимир Путин и лидер КНДР Ким Чен Ын встретятся во Владивостоке."
    decoded, encoding = decode_bytes(text.encode("cp1251"))
    assert decoded == text, encoding


def test_all_encodings_collapse_into_one_article(tmp_path):
    for name, data in ENCODED.items():
        (tmp_path / name).write_bytes(data)
    df = load_articles(tmp_path)
    assert len(df) == 1
    assert len(df["paths"].iloc[0]) == len(ENCODED)


def test_text_is_nfc_with_unix_newlines(tmp_path):
    raw = unicodedata.normalize("NFD", "Café in Zürich.\r\nSecond line.\rThird.   \n\n")
    (tmp_path / "a.txt").write_bytes(raw.encode("utf-8"))
    text = load_articles(tmp_path)["text"].iloc[0]
    assert text == "Café in Zürich.\nSecond line.\nThird."
    assert unicodedata.is_normalized("NFC", text)
    assert normalize_text(raw) == text


@pytest.mark.parametrize(
    "data", [b"", b"   \n", b"\x00\x01\x02\x03binary", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"]
)
def test_decode_refuses_empty_and_binary(data):
    with pytest.raises(Skip):
        decode_bytes(data)


# ------------------------------------------------------------------ properties


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_normalize_text_is_idempotent_and_keeps_the_id(raw):
    once = normalize_text(raw)
    assert normalize_text(once) == once
    assert "\r" not in once
    assert unicodedata.is_normalized("NFC", once)
    if once:
        assert article_id(once) == article_id(normalize_text(once.replace("\n", "\r\n")))

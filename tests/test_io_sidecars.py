"""Sidecars (X.json / X.meta.json / X.yaml beside X.txt), nested and tokenised text fields."""

from __future__ import annotations

import json
import zipfile

import pandas as pd

from analysis.io import load_articles
from analysis.io.fields import FieldMapping, name_tokens, tokenised_ratio

BODY = (
    "The foreign ministers of the two countries met in the capital on Tuesday and agreed "
    "to reopen the border crossing for trade."
)


def test_plain_json_sidecar_beside_txt_gives_metadata_and_is_not_an_article(tmp_path):
    (tmp_path / "x.txt").write_text("Border to reopen\n\n" + BODY)
    (tmp_path / "x.json").write_text(
        json.dumps({"title": "Border to reopen", "source": "Example Daily",
                    "published": "2018-06-12", "url": "https://example.com/x"})
    )  # fmt: skip
    df = load_articles(tmp_path)
    assert len(df) == 1 and df.attrs["load_report"].empty
    row = df.iloc[0]
    assert row["source"] == "Example Daily"
    assert row["published"] == pd.Timestamp("2018-06-12", tz="UTC")
    assert row["title"] == "Border to reopen" and not row["title_derived"]


def test_yaml_and_meta_sidecars_and_html(tmp_path):
    (tmp_path / "y.md").write_text(BODY)
    (tmp_path / "y.yaml").write_text("source: Example Weekly\ndate: 2017-03-01\n")
    (tmp_path / "z.txt").write_text(BODY + " Trade resumed.")
    (tmp_path / "z.meta.json").write_text('{"outlet": "Example Wire"}')
    df = load_articles(tmp_path).set_index("format")
    assert df.loc["md", "source"] == "Example Weekly"
    assert df.loc["txt", "source"] == "Example Wire"


def test_sidecar_in_a_zip_archive(tmp_path):
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as zf:
        zf.writestr("news/x.txt", BODY)
        zf.writestr("news/x.json", '{"source": "Example Daily", "published": "2019-01-02"}')
    df = load_articles(tmp_path / "a.zip")
    assert len(df) == 1 and df.iloc[0]["source"] == "Example Daily"


def test_json_without_a_text_file_beside_it_is_still_an_article(tmp_path):
    (tmp_path / "solo.json").write_text(json.dumps({"body": BODY, "source": "Example"}))
    df = load_articles(tmp_path)
    assert len(df) == 1 and df.iloc[0]["text"] == BODY


def test_nested_paragraphs_field_by_name_tokens(tmp_path):
    rec = {
        "title": "Border to reopen",
        "date": "2019-05-02",
        "source": "Example",
        "word-count": 30,
        "main-event": "Border talks",
        "body-paragraphs": [
            ["The ministers met on Tuesday.", "They agreed to reopen the border."],
            ["Trade will resume next month."],
        ],
    }
    (tmp_path / "raw.json").write_text(json.dumps(rec))
    df = load_articles(tmp_path)
    row = df.iloc[0]
    assert row["text"] == (
        "The ministers met on Tuesday. They agreed to reopen the border.\n\n"
        "Trade will resume next month."
    )
    assert row["text_field"] == "body-paragraphs"
    assert row["published"] == pd.Timestamp("2019-05-02", tz="UTC")


def test_prose_field_wins_over_a_tokenised_copy(tmp_path):
    rec = {
        "content": 'The minister said , " we do n\'t agree . " Talks ended ( again ) .',
        "content_original": 'The minister said, "we don\'t agree." Talks ended (again).',
    }
    (tmp_path / "t.jsonl").write_text(json.dumps(rec) + "\n")
    row = load_articles(tmp_path).iloc[0]
    assert row["text_field"] == "content_original"
    assert row["text"].startswith('The minister said, "we')


def test_name_tokens_and_matching():
    assert name_tokens("body-paragraphs") == ["body", "paragraphs"]
    assert name_tokens("articleBody") == ["article", "body"]
    cols = FieldMapping.build().resolve(["article_url", "word-count", "ArticleBody", "title"])
    assert cols["text"] == ["ArticleBody"]
    assert tokenised_ratio("a , b . c") > 0.2 and tokenised_ratio(BODY) == 0


def test_html_page_reads_its_json_sidecar(tmp_path):
    page = (
        "<html><head><title>Border to reopen</title></head><body><article><p>"
        + BODY
        + "</p><p>"
        + BODY.replace("Tuesday", "Wednesday")
        + "</p></article></body></html>"
    )
    (tmp_path / "p.html").write_text(page)
    (tmp_path / "p.json").write_text('{"source": "Example Daily", "published": "2020-02-03"}')
    df = load_articles(tmp_path)
    assert len(df) == 1 and df.attrs["load_report"].empty
    assert df.iloc[0]["source"] == "Example Daily"
    assert df.iloc[0]["published"] == pd.Timestamp("2020-02-03", tz="UTC")


def test_explicit_sidecar_path_is_reported_not_loaded(tmp_path):
    (tmp_path / "x.txt").write_text(BODY)
    (tmp_path / "x.json").write_text('{"source": "Example Daily"}')
    df = load_articles(tmp_path / "x.json")
    assert df.empty
    assert "sidecar" in df.attrs["load_report"]["reason"].iloc[0]

"""Sidecars (X.json / X.meta.json / X.yaml beside X.txt), nested and tokenised text fields."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

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


def test_a_folder_scan_skips_the_corpus_readme_licence_and_manifest(tmp_path):
    body = "Ministers of the two countries met in the capital on Tuesday to discuss trade."
    (tmp_path / "2021-03-02-ministers-meet.txt").write_text("Ministers meet\n\n" + body)
    (tmp_path / "README.md").write_text("# My corpus\n\nThese are the articles we collected.")
    (tmp_path / "LICENSE").write_text("Permission is granted to copy these texts freely.")
    (tmp_path / "ATTRIBUTION.txt").write_text("All articles are credited to their authors here.")
    rows = [
        {"slug": "2021-03-02-ministers-meet", "story": "2021-03-02-ministers-meet", "words": 14}
    ]
    (tmp_path / "manifest.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    arts = load_articles(tmp_path, strict=True)  # a deliberate skip is not an error
    assert arts["title"].tolist() == ["Ministers meet"]
    skipped = arts.attrs["load_report"]
    assert sorted(Path(p).name for p in skipped["path"]) == [
        "ATTRIBUTION.txt",
        "LICENSE",
        "README.md",
        "manifest.jsonl",
    ]
    assert skipped["reason"].str.contains("not an article").all()
    # named explicitly, a read-me is loaded like any text
    assert len(load_articles(tmp_path / "README.md")) == 1


def test_an_id_or_slug_is_never_taken_as_the_text(tmp_path):
    rows = [
        {"id": "a1", "story": "2021-05-01-flood-in-the-delta", "title": "Flood in the delta"},
        {
            "id": "a2",
            "story": "Rivers rose overnight and flooded three villages.",
            "title": "Flood",
        },
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))
    arts = load_articles(path)
    assert arts["text"].tolist() == ["Rivers rose overnight and flooded three villages."]
    assert len(arts.attrs["load_report"]) == 1

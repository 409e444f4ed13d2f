"""analysis.io.load_articles: every format, the sample, the frame's schema, summaries."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from analysis import schema
from analysis.io import LOADERS, format_summary, load_articles, summarize

BODY = (
    "The Kremlin said on Monday that preparations for the summit between the two "
    "leaders had entered their final stage, according to a spokesman. The meeting is "
    "expected to take place before the end of April, officials said."
)


def one(df: pd.DataFrame) -> dict:
    assert len(df) == 1, df
    return df.iloc[0].to_dict()


# ------------------------------------------------------------------ the sample


def test_sample_has_documented_schema_and_metadata(sample_articles):
    df = sample_articles
    schema.check(df, "articles")
    expected = [c.name for c in schema.SCHEMAS["articles"]]
    assert list(df.columns[: len(expected)]) == expected
    for col in schema.SCHEMAS["articles"]:
        assert str(df[col.name].dtype) == col.dtype, col.name
    row = one(df)
    assert row["source"] == "ZeroHedge"
    assert row["author"] == "Tyler Durden"
    assert row["published"] == pd.Timestamp("2019-04-22", tz="UTC")
    assert row["published_precision"] == "day"
    assert row["published_inferred"] is False or row["published_inferred"] == False  # noqa: E712
    assert row["title_derived"] == False  # noqa: E712
    assert "Kim" in row["title"] and "Putin" in row["title"]
    assert row["language"] == "en"
    assert row["format"] == "txt"
    assert row["path"].endswith("000_a407218dc57c0616.txt")
    assert df.attrs["load_report"].empty


def test_sample_text_is_the_file_text(sample_articles, sample_text):
    row = one(sample_articles)
    assert row["text"] == sample_text.strip()
    assert row["n_words"] == len(sample_text.split())
    assert "Dmitry Peskov" in row["text"]


def test_sample_sidecar_is_not_an_article(sample_articles):
    assert not any(p.endswith(".meta.json") for p in sample_articles["path"])


# ------------------------------------------------------------------ formats


def test_txt_with_sidecar_json(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(
        json.dumps({"headline": "Summit near", "publisher": "TASS", "date": "2019-04"})
    )
    row = one(load_articles(tmp_path))
    assert (row["title"], row["source"]) == ("Summit near", "TASS")
    assert row["published"] == pd.Timestamp("2019-04-01", tz="UTC")
    assert row["published_precision"] == "month"
    assert row["title_derived"] == False  # noqa: E712


def test_txt_with_sidecar_yaml_and_front_matter(tmp_path):
    (tmp_path / "b.txt").write_text(
        "---\ntitle: From front matter\nauthor: A. Writer\npublished: 2019\n---\n" + BODY
    )
    (tmp_path / "b.meta.yaml").write_text("source: Yonhap\ntitle: From the sidecar\n")
    row = one(load_articles(tmp_path / "b.txt"))
    assert row["text"] == BODY  # the front matter is not part of the text
    assert row["title"] == "From the sidecar"  # the sidecar wins
    assert row["author"] == "A. Writer"
    assert row["source"] == "Yonhap"
    assert row["published_precision"] == "year"
    assert row["published"] == pd.Timestamp("2019-01-01", tz="UTC")


def test_yaml_front_matter_is_safe_loaded(tmp_path):
    (tmp_path / "c.md").write_text(
        "---\ntitle: !!python/object/apply:os.system ['echo pwned']\n---\n" + BODY
    )
    row = one(load_articles(tmp_path))
    # unsafe YAML is refused: the block stays text, nothing is executed
    assert row["text"].startswith("---")


def test_markdown_heading_is_the_title(tmp_path):
    (tmp_path / "d.md").write_text("# Putin and Kim to meet\n\n" + BODY)
    row = one(load_articles(tmp_path))
    assert row["title"] == "Putin and Kim to meet"
    assert row["text"] == BODY
    assert row["format"] == "md"


def test_json_single_record_list_and_container(tmp_path):
    (tmp_path / "one.json").write_text(
        json.dumps({"title": "One", "content": "First text of one record.", "url": "http://a"})
    )
    (tmp_path / "many.json").write_text(
        json.dumps([{"article": "Second text."}, {"text": "Third text.", "byline": "X"}])
    )
    (tmp_path / "api.json").write_text(
        json.dumps({"status": "ok", "articles": [{"content": "Fourth text.",
                    "source": {"id": None, "name": "Reuters"}, "publishedAt": "2019-04-22T08:00:00Z"}]})
    )  # fmt: skip
    df = load_articles(tmp_path).set_index("text")
    assert df.loc["First text of one record.", "url"] == "http://a"
    assert df.loc["First text of one record.", "path"].endswith("one.json")
    assert df.loc["Second text.", "path"].endswith("many.json#1")
    assert df.loc["Third text.", "author"] == "X"
    assert df.loc["Third text.", "path"].endswith("many.json#2")
    assert df.loc["Fourth text.", "source"] == "Reuters"
    assert df.loc["Fourth text.", "published"] == pd.Timestamp("2019-04-22 08:00", tz="UTC")
    assert set(df["format"]) == {"json"}


def test_jsonl(tmp_path):
    lines = [
        {"body": "Alpha text.", "headline": "A", "datetime": "2019-04-22T10:00:00+03:00"},
        {"body": "Beta text.", "outlet": "KCNA"},
    ]
    (tmp_path / "x.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n\n")
    df = load_articles(tmp_path / "x.jsonl").set_index("text")
    assert df.loc["Alpha text.", "published"] == pd.Timestamp("2019-04-22 07:00", tz="UTC")
    assert df.loc["Beta text.", "source"] == "KCNA"
    assert df.loc["Beta text.", "path"].endswith("x.jsonl#2")
    assert df.loc["Beta text.", "title_derived"] == True  # noqa: E712


def test_field_map_overrides_defaults(tmp_path):
    (tmp_path / "y.json").write_text(
        json.dumps([{"story": "The real text.", "text": "Not this one.", "ts": "2018-06-12"}])
    )
    df = load_articles(tmp_path, field_map={"story": "text", "ts": "published"})
    row = one(df)
    assert row["text"] == "The real text."
    assert row["published"] == pd.Timestamp("2018-06-12", tz="UTC")
    with pytest.raises(ValueError, match="not an article field"):
        load_articles(tmp_path, field_map={"story": "body_text"})


def test_csv_tsv_and_semicolon_csv(tmp_path):
    (tmp_path / "a.csv").write_text(
        'Title,Text,Date,Source\n"Quoted, title","A text, with a comma\nand a line break.",2019-04-22,AP\n'
    )
    (tmp_path / "b.tsv").write_text("headline\tcontent\tpublished\nT2\tTSV text.\t2019-04\n")
    (tmp_path / "c.csv").write_text("title;body\nT3;Semicolon text.\n")
    df = load_articles(tmp_path).set_index("title")
    assert df.loc["Quoted, title", "text"] == "A text, with a comma\nand a line break."
    assert df.loc["Quoted, title", "source"] == "AP"
    assert df.loc["Quoted, title", "format"] == "csv"
    assert df.loc["T2", "published_precision"] == "month"
    assert df.loc["T2", "format"] == "tsv"
    assert df.loc["T3", "text"] == "Semicolon text."
    assert df.loc["T3", "path"].endswith("c.csv#1")


def test_parquet_round_trip_of_an_articles_frame(tmp_path, sample_articles):
    saved = sample_articles.drop(columns=["paths"])
    saved.attrs.clear()  # pandas cannot write a DataFrame held in attrs to Parquet
    saved.to_parquet(tmp_path / "saved.parquet")
    row = one(load_articles(tmp_path / "saved.parquet"))
    original = one(sample_articles)
    for name in ("article_id", "text", "title", "source", "author", "published", "url"):
        assert row[name] == original[name], name
    assert row["format"] == "parquet"


HTML = """<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>Kremlin says summit near | Example News</title>
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2019-04-22T10:00:00+03:00">
<link rel="canonical" href="https://example.com/kremlin-summit">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Kremlin says summit near</h1>
<p>The Kremlin said on Monday that preparations for the summit between the two leaders had
entered their final stage, according to a spokesman.</p>
<p>The meeting is expected to take place before the end of April in the far eastern city,
officials said, without giving a precise date.</p></article>
<footer>Copyright Example News. All rights reserved.</footer></body></html>"""


def test_html_page(tmp_path):
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    row = one(load_articles(tmp_path))
    assert row["title"] == "Kremlin says summit near"
    assert row["author"] == "Jane Roe"
    assert row["source"] == "Example News"
    assert row["url"] == "https://example.com/kremlin-summit"
    assert row["published"].date() == dt.date(2019, 4, 22)
    assert row["published_precision"] == "day"
    assert row["language"] == "en"
    assert row["text"].startswith("The Kremlin said on Monday")
    assert "Copyright" not in row["text"] and "Home" not in row["text"]
    assert row["format"] == "html"


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Wire</title><language>en-us</language>
<item><title>Putin and Kim to meet</title><link>https://example.com/1</link>
<author>desk@example.com (Desk)</author>
<pubDate>Mon, 22 Apr 2019 10:00:00 +0300</pubDate>
<description>&lt;p&gt;The Kremlin &lt;b&gt;confirmed&lt;/b&gt; the summit.&lt;/p&gt;&lt;p&gt;More soon.&lt;/p&gt;</description>
</item>
<item><title>Second item</title><link>https://example.com/2</link>
<description>Plain second summary.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Atom entry</title><link href="https://example.org/a"/>
<updated>2019-04-23T09:30:00Z</updated><author><name>Ann Lee</name></author>
<content type="html">&lt;p&gt;Atom content &amp;amp; more text.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_and_atom_feeds(tmp_path):
    (tmp_path / "wire.xml").write_text(RSS, encoding="utf-8")  # .xml sniffed as a feed
    (tmp_path / "desk.atom").write_text(ATOM, encoding="utf-8")
    df = load_articles(tmp_path).set_index("title")
    first = df.loc["Putin and Kim to meet"]
    assert first["text"] == "The Kremlin confirmed the summit.\nMore soon."
    assert first["source"] == "Example Wire"
    assert first["url"] == "https://example.com/1"
    assert first["published"] == pd.Timestamp("2019-04-22 07:00", tz="UTC")
    assert first["language"] == "en"
    assert first["path"].endswith("wire.xml#1")
    assert df.loc["Second item", "path"].endswith("wire.xml#2")
    assert pd.isna(df.loc["Second item", "published"])
    assert df.loc["Second item", "published_precision"] == "unknown"
    atom = df.loc["Atom entry"]
    assert atom["text"] == "Atom content & more text."
    assert atom["author"] == "Ann Lee"
    assert atom["source"] == "Atom Desk"
    assert set(df["format"]) == {"feed"}


def test_mixed_sources_in_one_call(tmp_path):
    a = tmp_path / "a"
    a.mkdir()
    (a / "x.txt").write_text("Text one.")
    (tmp_path / "y.jsonl").write_text(json.dumps({"text": "Text two."}))
    (tmp_path / "z.csv").write_text("text\nText three.\n")
    df = load_articles(a, str(tmp_path / "y.jsonl"), str(tmp_path / "*.csv"))
    assert sorted(df["text"]) == ["Text one.", "Text three.", "Text two."]


def test_every_extension_has_a_loader_that_reads_its_format(tmp_path):
    """Contract over the registry: each registered extension loads a small good file."""
    good = {
        "txt": BODY, "text": BODY, "md": BODY, "markdown": BODY,
        "json": json.dumps({"text": BODY}), "jsonl": json.dumps({"text": BODY}),
        "ndjson": json.dumps({"text": BODY}), "csv": "text\n" + json.dumps(BODY) + "\n",
        "tsv": "text\n" + BODY + "\n", "html": HTML, "htm": HTML, "xhtml": HTML,
        "rss": RSS, "atom": ATOM, "xml": RSS,
    }  # fmt: skip
    for ext in LOADERS.names():
        folder = tmp_path / ext
        folder.mkdir()
        if ext == "parquet":
            pd.DataFrame({"text": [BODY]}).to_parquet(folder / "f.parquet")
        else:
            assert ext in good, f"add a sample for the new loader {ext!r}"
            (folder / f"f.{ext}").write_text(good[ext], encoding="utf-8")
        df = load_articles(folder, strict=True)
        assert len(df) >= 1, ext
        assert (df["format"] == LOADERS.get(ext).format).all(), ext
        schema.check(df, "articles")


# ------------------------------------------------------------------ titles, dates, language


def test_title_derived_from_first_sentence(tmp_path):
    long_first = (
        "Russian President Vladimir Putin and North Korean leader Kim Jong Un are on track to "
        "meet by the end of April, the Kremlin spokesman confirmed on Monday in Moscow. Second."
    )
    (tmp_path / "a.txt").write_text(long_first)
    (tmp_path / "b.txt").write_text("Mr. Kim arrived. He left later.")
    df = load_articles(tmp_path).set_index("text")
    title = df.loc[long_first, "title"]
    assert df.loc[long_first, "title_derived"] == True  # noqa: E712
    assert len(title) <= 100 and title.endswith("…")
    assert long_first.startswith(title[:-1])  # cut at a word boundary
    assert long_first[len(title) - 1] == " "
    assert df.loc["Mr. Kim arrived. He left later.", "title"] == "Mr. Kim arrived"


def test_published_precision_and_timezones(tmp_path):
    cases = {
        "a": ("2019-04-22", pd.Timestamp("2019-04-22", tz="UTC"), "day"),
        "b": ("2019-04", pd.Timestamp("2019-04-01", tz="UTC"), "month"),
        "c": ("2019", pd.Timestamp("2019-01-01", tz="UTC"), "year"),
        "d": ("2019-04-22T10:00:00", pd.Timestamp("2019-04-22 10:00", tz="UTC"), "day"),
        "e": ("2019-04-22T10:00:00-05:00", pd.Timestamp("2019-04-22 15:00", tz="UTC"), "day"),
        "f": ("April 2019", pd.Timestamp("2019-04-01", tz="UTC"), "month"),
        "g": ("22 April 2019", pd.Timestamp("2019-04-22", tz="UTC"), "day"),
    }
    for name, (value, _, _) in cases.items():
        (tmp_path / f"{name}.json").write_text(json.dumps({"text": f"Text {name}.", "date": value}))
    (tmp_path / "h.json").write_text(json.dumps({"text": "Text h."}))
    df = load_articles(tmp_path).set_index("text")
    assert str(df["published"].dtype) == "datetime64[ns, UTC]"
    for name, (_, ts, precision) in cases.items():
        assert df.loc[f"Text {name}.", "published"] == ts, name
        assert df.loc[f"Text {name}.", "published_precision"] == precision, name
    assert pd.isna(df.loc["Text h.", "published"])
    assert df.loc["Text h.", "published_precision"] == "unknown"
    assert not df["published_inferred"].any()


def test_language_guess_and_metadata_wins(tmp_path):
    fr = (
        "Le président a déclaré que la réunion aurait lieu à Vladivostok à la fin du mois, "
        "selon l'agence qui cite des sources au Kremlin."
    )
    de = "Der Sprecher sagte, dass das Treffen noch im April stattfinden wird und es sei bereit."
    (tmp_path / "fr.txt").write_text(fr)
    (tmp_path / "de.txt").write_text(de)
    (tmp_path / "ko.txt").write_text(
        "김정은 국무위원장과 블라디미르 푸틴 러시아 대통령이 회담했다."
    )
    (tmp_path / "tiny.txt").write_text("Putin Kim")
    (tmp_path / "meta.json").write_text(json.dumps({"text": BODY, "language": "pt-BR"}))
    df = load_articles(tmp_path)
    lang = dict(zip(df["path"].str.rsplit("/", n=1).str[-1], df["language"], strict=True))
    assert lang == {
        "fr.txt": "fr",
        "de.txt": "de",
        "ko.txt": "ko",
        "tiny.txt": "und",
        "meta.json": "pt",
    }


# ------------------------------------------------------------------ summaries


def test_summarize_and_format(tmp_path):
    (tmp_path / "a.jsonl").write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {"text": "one two three", "source": "AP", "date": "2019-04-25"},
                {"text": "four five", "source": "AP", "date": "2019-04-22"},
                {"text": "six", "source": "TASS"},
                {"text": "seven"},
            ]
        )
    )
    (tmp_path / "empty.txt").write_text("")
    df = load_articles(tmp_path)
    d = summarize(df)
    assert d["articles"] == 4
    assert d["words"] == 7
    assert d["sources"] == {"AP": 2, "TASS": 1, "unknown": 1}
    assert (d["first"], d["last"]) == (dt.date(2019, 4, 22), dt.date(2019, 4, 25))
    assert d["skipped"] == 1
    text = format_summary(d)
    assert "4 articles" in text and "7 words" in text
    assert "AP (2)" in text and "2019-04-22 to 2019-04-25" in text


def test_summary_of_the_sample(sample_articles):
    d = summarize(sample_articles)
    assert d["articles"] == 1
    assert d["sources"] == {"ZeroHedge": 1}
    assert d["first"] == d["last"] == dt.date(2019, 4, 22)
    assert "ZeroHedge" in format_summary(d)

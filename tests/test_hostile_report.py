"""Hostile article text in the HTML report: escaped everywhere, never executed, never stripped.

A static check (no browser; the views helper's browser tests run the page): the page
holds exactly the script elements of its template, no element gains an event-handler
attribute, and every hostile string is still in the embedded JSON, intact.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pandas as pd
import pytest
from fakes.fuzz import FUZZ, hostile_text
from hypothesis import given
from hypothesis import strategies as st

from analysis import schema
from analysis.io.decode import scrub_surrogates
from analysis.report_contract import unpack

PAYLOADS = [
    "<script>window.__pwned=1</script>",
    "<img src=x onerror=alert(1)>",
    "</script><script>window.__pwned=2</script>",
    "<!--<script>",
    "<svg/onload=alert(3)>",
    "]]></style><iframe srcdoc='<script>alert(4)</script>'>",
    "\u2028\u2029</SCRIPT >",
]
#: The script elements of the page template: the JSON data, plotly.js, basemap, app.
TEMPLATE_SCRIPTS = 5


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[dict] = []
        self._in_script: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "script":
            self._in_script = {"attrs": attrs, "body": []}
            self.scripts.append(self._in_script)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None:
            self._in_script["body"].append(data)


def _check_page(page: str, hostile: list[str]) -> dict:
    parser = _Page()
    parser.feed(page)
    parser.close()
    assert len(parser.scripts) == TEMPLATE_SCRIPTS, "article text opened or closed a <script>"
    for tag, attrs in parser.tags:
        handlers = [a for a in attrs if a.lower().startswith("on")]
        assert not handlers, f"<{tag}> got event handler attribute(s) {handlers}"
        assert tag not in ("iframe", "object", "embed", "svg", "img"), f"<{tag}> in the page"
        for name in ("href", "src", "action"):
            assert not str(attrs.get(name) or "").lower().startswith("javascript:")
    lowered = page.lower()
    for needle in ("<script>window.__pwned", "<img src=x onerror", "<svg/onload"):
        assert needle not in lowered
    data_scripts = [
        s for s in parser.scripts if s["attrs"].get("type") == "application/octet-stream"
    ]
    assert [s["attrs"].get("id") for s in data_scripts] == ["newsdesk-data", "newsdesk-text"]
    bodies = ["".join(s["body"]).strip() for s in data_scripts]
    for body in bodies:  # base64 only: nothing to parse as markup
        assert re.fullmatch(r"[A-Za-z0-9+/=]*", body)
    data = unpack(bodies[0])
    data["text"] = unpack(bodies[1])
    blob = json.dumps(data, ensure_ascii=False)
    for text in hostile:  # escaped, not stripped: the analyst still reads what was there
        assert json.dumps(text, ensure_ascii=False)[1:-1] in blob
    return data


def _articles(rows: list[dict]) -> pd.DataFrame:
    out = []
    for i, r in enumerate(rows):
        text = scrub_surrogates(r["text"])
        out.append({
            "article_id": f"{i:016x}", "title": scrub_surrogates(r["title"]),
            "title_derived": False, "source": scrub_surrogates(r["source"]),
            "url": r["url"], "author": None, "published": "2019-04-22T00:00:00Z",
            "published_precision": "day", "published_inferred": False, "text": text,
            "language": "en", "path": f"/h/{i}.txt", "paths": [f"/h/{i}.txt"],
            "format": "txt", "n_words": len(text.split()),
        })  # fmt: skip
    return schema.conform(pd.DataFrame(out), "articles")


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory, nlp):
    """A real corpus built by the pipeline from articles full of markup."""
    from analysis.corpus import build
    from analysis.io import load_articles

    folder = tmp_path_factory.mktemp("hostile_articles")
    for i, payload in enumerate(PAYLOADS):
        text = (
            f"Putin met Kim Jong-un in Vladivostok on Thursday {payload}. "
            f"The Kremlin said {payload} the summit in Russia went well. {payload}"
        )
        meta = {"title": f"Title {payload}", "source": f"Feed {payload}",
                "url": "javascript:alert(1)", "author": payload}  # fmt: skip
        (folder / f"a{i}.json").write_text(json.dumps({"text": text, **meta}))
    articles = load_articles(folder)
    assert len(articles) == len(PAYLOADS)
    return build(articles, progress=False)


def test_report_of_a_real_hostile_corpus_escapes_everything(hostile_corpus, tmp_path):
    from analysis.report import write_report

    assert len(hostile_corpus.places) > 0  # the map's hover texts carry the sentences
    out = write_report(hostile_corpus, tmp_path / "report.html")
    page = out.read_text(encoding="utf-8")
    arts = hostile_corpus.articles
    assert all("<" in t for t in arts["title"])  # the loader kept the markup as text
    data = _check_page(page, [*arts["title"], *arts["source"]])
    for url in data["articles"]["url"]:
        assert url in (None, "")  # javascript: URLs are dropped


@FUZZ
@given(
    st.lists(
        st.fixed_dictionaries(
            {
                "text": st.one_of(st.sampled_from(PAYLOADS), hostile_text(max_size=200)).map(
                    lambda t: t + " Moscow"
                ),
                "title": st.one_of(st.sampled_from(PAYLOADS), hostile_text(max_size=60)),
                "source": st.one_of(st.sampled_from(PAYLOADS), hostile_text(max_size=30)),
                "url": st.sampled_from(
                    [
                        None,
                        "javascript:alert(1)",
                        "JaVaScRiPt:x",
                        "data:text/html,x",
                        "https://example.org/a?b=<script>",
                        "vbscript:x",
                    ]
                ),
            }
        ),
        min_size=1,
        max_size=4,
    )
)
def test_report_escapes_any_article_metadata(rows):
    from analysis.corpus import Corpus
    from analysis.report import report_html

    arts = _articles(rows)
    page = report_html(Corpus({"articles": arts}))
    data = _check_page(page, [t for t in arts["title"] if t.strip()])
    for url in data["articles"]["url"]:
        url = (url or "").lower()
        assert not url.startswith(("javascript:", "vbscript:", "data:"))

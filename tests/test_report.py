"""analysis.report: one self-contained page, safe with hostile articles."""

from __future__ import annotations

import json
import re

import pytest
from browser_helpers import (
    HOSTILE_TITLE,
    built_corpus,
    corpus_module_available,
    fixture_corpus,
    reference_events,
)

from analysis.report import report_data, write_report

MB = 1024 * 1024


def _data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="newsdesk-data">(.*?)</script>', page, re.S)
    assert m, "data element missing"
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def fixture_page(tmp_path_factory):
    path = write_report(
        fixture_corpus(),
        tmp_path_factory.mktemp("r") / "out" / "report.html",
        title="Fixture <b>report</b>",
        reference=reference_events(),
    )
    return path, path.read_text(encoding="utf-8")


def test_report_is_self_contained(fixture_page):
    path, page = fixture_page
    assert path.is_file() and path.stat().st_size < 6 * MB
    # no external resource anywhere in the markup: scripts and styles are inline
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page, re.I)
    assert page.count("<script") == 4  # data, plotly.js, basemap, app
    assert 'g.topojson["world_110m"]' in page
    assert "Content-Security-Policy" in page and "connect-src 'none'" in page.replace("&#x27;", "'")
    assert "<title>Fixture &lt;b&gt;report&lt;/b&gt;</title>" in page


def test_hostile_text_is_inert_in_the_markup(fixture_page):
    _, page = fixture_page
    # the only place article text lives is the JSON element, with < > & escaped
    for payload in (
        "<script>window.__pwned",
        '<img src=x onerror="window.__pwned',
        "</script><script>window.__pwned = 3",
        "<b onmouseover",
    ):
        assert payload not in page
    data = _data(page)
    titles = {a["title"] for a in data["articles"]}
    assert HOSTILE_TITLE in titles  # kept intact as data, shown via textContent
    hostile = next(a for a in data["articles"] if a["title"] == HOSTILE_TITLE)
    assert hostile["url"] is None  # javascript: URL dropped
    assert hostile["source"] == "Hostile <Feed>"
    for sentence in data["sentences"].values():
        assert "<" not in sentence


def test_report_data_matches_the_corpus():
    c = fixture_corpus()
    data = report_data(c)
    assert len(data["articles"]) == len(c.articles)
    assert {e["id"] for e in data["events"]} == set(c.events.event_id)
    assert len(data["placeRows"]) == c.places.lat.notna().sum()
    kinds = [f["kind"] for f in data["figures"]]
    assert kinds == ["map", "actors", "network", "timeline"]
    per_article = {a: sum(v.values()) for a, v in data["actorMentions"].items()}
    expected = c.mentions[c.mentions.actor_id.notna()].groupby("article_id").size().to_dict()
    assert per_article == expected
    assert data["sources"] == sorted(set(c.articles.source))


def test_report_needs_articles(tmp_path):
    with pytest.raises(TypeError, match="articles"):
        write_report(object(), tmp_path / "x.html")


@pytest.mark.skipif(not corpus_module_available(), reason="analysis.corpus not available yet")
def test_report_of_a_built_corpus(tmp_path):
    corpus = built_corpus()
    path = write_report(corpus, tmp_path / "report.html")
    page = path.read_text(encoding="utf-8")
    assert path.stat().st_size < 6 * MB
    data = _data(page)
    assert len(data["articles"]) == 3
    assert any(f["kind"] == "map" and f["figure"]["data"] for f in data["figures"])
    assert "<script>window.__pwned" not in page
    # the real pipeline's figures draw with the partial plotly.js bundle
    assert '<meta name="newsdesk-plotlyjs" content="partial plotly.js' in page

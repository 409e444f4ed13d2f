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

from analysis.report import read_report_data, report_data, write_report

MB = 1024 * 1024


def _data(page: str) -> dict:
    return read_report_data(page)


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
    assert 'id="newsdesk-data"' in page and "application/octet-stream" in page
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
    arts = data["articles"]
    assert HOSTILE_TITLE in arts["title"]  # kept intact as data, shown via textContent
    i = arts["title"].index(HOSTILE_TITLE)
    assert arts["url"][i] is None  # javascript: URL dropped
    assert data["sources"][arts["source"][i]] == "Hostile <Feed>"
    # hover text is escaped by Python: no raw markup in any figure string
    blob = json.dumps(data["figures"])
    assert "<script>window.__pwned" not in blob and "<img src=x" not in blob


def test_report_data_matches_the_corpus():
    c = fixture_corpus()
    data = report_data(c)
    arts = data["articles"]
    assert sorted(arts["id"]) == sorted(c.articles.article_id)
    assert set(data["events"]["id"]) == set(c.events.event_id)
    # columnar: every article column has one value per article
    assert {len(v) for v in arts.values()} == {len(c.articles)}
    kinds = [f["kind"] for f in data["figures"]]
    assert kinds == ["map", "actors", "network", "timeline"]
    # each article lists exactly the actors its mentions name
    am = c.mentions[c.mentions.actor_id.notna()]
    for i, aid in enumerate(arts["id"]):
        got = {data["actors"]["id"][a] for a in arts["actors"][i]}
        assert got == set(am.loc[am.article_id == aid, "actor_id"]), aid
    assert data["sources"] == sorted(set(c.articles.source))
    assert data["undated"] == 0
    # event spans cut the evidence sentence out of the article text
    ev = data["events"]
    for j, (i, (s, e)) in enumerate(zip(ev["article"], ev["span"], strict=True)):
        row = c.events[c.events.event_id == ev["id"][j]].iloc[0]
        assert data["text"][i][s:e] == row["evidence"]


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
    assert len(data["articles"]["id"]) == 3
    assert any(f["kind"] == "map" and f["figure"]["data"] for f in data["figures"])
    assert "<script>window.__pwned" not in page
    # the real pipeline's figures draw with the partial plotly.js bundle
    assert '<meta name="newsdesk-plotlyjs" content="partial plotly.js' in page

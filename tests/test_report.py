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
    assert page.count("<script") == 5  # data, text, plotly.js, basemap, app
    assert 'id="newsdesk-data"' in page and "application/octet-stream" in page
    assert 'id="newsdesk-text"' in page
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


def test_every_figure_role_is_in_the_contract():
    """A new trace role in a report figure must be declared (linked or static)."""
    from analysis.report_contract import ROLES, STATIC_ROLES

    data = report_data(fixture_corpus(), reference=reference_events())
    assert data["unlinkedRoles"] == []
    roles = {
        t["meta"]["newsdesk"]
        for f in data["figures"]
        for t in f["figure"]["data"]
        if isinstance(t.get("meta"), dict) and "newsdesk" in t["meta"]
    }
    assert roles <= set(ROLES) | STATIC_ROLES
    assert {"places", "actor_mentions", "node", "timeline"} <= roles


def test_links_point_at_the_right_articles():
    """meta.links: a place's articles are those locating it; a mark's events are its own."""
    c = fixture_corpus()
    data = report_data(c, reference=reference_events())
    ids = data["articles"]["id"]
    ev_ids = data["events"]["id"]
    n_checked = 0
    for f in data["figures"]:
        for t in f["figure"]["data"]:
            meta = t.get("meta") or {}
            links = meta.get("links")
            if not links:
                continue
            assert len(meta["labels"]) == len(t["customdata"])
            for row, k in zip(t["customdata"], range(len(t["customdata"])), strict=True):
                if meta["newsdesk"] == "places":
                    want = set(c.places.loc[c.places.place_id == row[0], "article_id"])
                    assert {ids[i] for i in links["articles"][k]} == want
                    # the evidence span is a sentence of that article naming the place
                    name = c.places.loc[c.places.place_id == row[0], "text"].iloc[0]
                    for i, (s, e) in zip(links["articles"][k], links["spans"][k], strict=True):
                        assert s >= 0 and name in data["text"][i][s:e]
                    n_checked += 1
                if meta["newsdesk"] in ("timeline", "timeline_marker"):
                    members = row[3] if len(row) > 3 and isinstance(row[3], list) else [row[0]]
                    assert {ev_ids[e] for e in links["events"][k]} == set(members)
                    n_checked += 1
                if meta["newsdesk"] == "actor_mentions":
                    m = c.mentions[c.mentions.actor_id == row[0]]
                    assert {ids[i] for i in links["articles"][k]} == set(m.article_id)
                    n_checked += 1
    assert n_checked > 10

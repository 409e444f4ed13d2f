"""One meaning of a filter: analysis.selection in Python and the report's JS agree.

A small corpus is built by the real pipeline from articles written for this test (several
outlets with mixed-case names, one article without a source, two undated, one without a
title).  Its report is loaded ONCE in headless Chromium (network blocked); then
hypothesis draws many filter combinations (actors by id, name or alias in any case,
sources, places by id, name or country code, event types, text substrings cut from the
texts in any case, date ranges by day, month or year, empty lists) and each is run through
``analysis.selection.Selector`` and through ``window.newsdesk.select`` in the page: the
kept article ids and event ids must be the same.
"""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import schema
from analysis.selection import Selector

pytestmark = pytest.mark.browser

ARTICLES = [  # (title, source, published, text) -- invented texts
    (
        "Leaders meet in Hanoi",
        "Example Wire",
        "2019-02-27",
        "US President Donald Trump met North Korean leader Kim Jong Un in Hanoi on "
        "Wednesday. The talks in Vietnam ended without an agreement, officials said.",
    ),
    (
        "Kremlin prepares a summit",
        "example wire",
        "2019-04-22",
        "The Kremlin said on Monday that Vladimir Putin will meet Kim Jong Un in "
        "Vladivostok later this month. Dmitry Peskov confirmed the preparations.",
    ),
    (
        "Ministers hold talks in Seoul",
        "Daily Planet",
        "2019-05-03T23:30:00-04:00",
        "Foreign ministers of Japan and South Korea held talks in Seoul on Friday about "
        "trade. The U.S. ambassador attended the meeting in the capital.",
    ),
    (
        "Protest in Berlin",
        None,
        "2018-11-10",
        "Thousands of people protested in Berlin on Saturday against a new law. Angela "
        "Merkel said the government would listen.",
    ),
    (
        None,
        "Daily Planet",
        None,
        "A missile test by North Korea was reported by Yonhap. Seoul and Tokyo condemned "
        "the test, and Washington called for talks.",
    ),
    (
        "Visit to Paris",
        "Evening Post",
        None,
        "Emmanuel Macron welcomed Justin Trudeau in Paris on Tuesday. The two leaders "
        "discussed climate policy and trade with Canada.",
    ),
    (
        "Summit season",
        "Evening Post",
        "2019-06-30",
        "Trump crossed into North Korea at Panmunjom on Sunday and met Kim. Moon Jae-in "
        "joined them. Reporters in Seoul called it a historic visit.",
    ),
    (  # a syndicated copy of the first article, a day later: a near-duplicate
        "Hanoi talks end early",
        "Syndicate Daily",
        "2019-02-28",
        "US President Donald Trump met North Korean leader Kim Jong Un in Hanoi on "
        "Wednesday. The talks in Vietnam ended without an agreement, officials said. "
        "Reporters waited outside the hotel.",
    ),
]


def _corpus():
    from analysis.corpus import build
    from analysis.io import flag_duplicates

    rows = []
    for i, (title, source, published, text) in enumerate(ARTICLES):
        rows.append({
            "article_id": f"agree{i:02d}", "title": title, "title_derived": False,
            "source": source, "url": None, "author": None,
            "published": pd.Timestamp(published).tz_convert("UTC")
            if published and "T" in published
            else (pd.Timestamp(published, tz="UTC") if published else pd.NaT),
            "published_precision": "day" if published else None,
            "published_inferred": False, "text": text, "language": "en", "path": None,
            "paths": [], "format": "txt", "n_words": len(text.split()),
        })  # fmt: skip
    # as reading files does: the syndicated copy gets duplicate_of
    articles = flag_duplicates(schema.conform(pd.DataFrame(rows), "articles"))
    return build(articles, progress=False)


@pytest.fixture(scope="module")
def corpus():
    c = _corpus()
    assert c.articles["published"].isna().sum() == 2
    dup = c.articles.set_index("article_id")["duplicate_of"]
    assert dup.notna().sum() == 1 and dup["agree07"] == "agree00"
    assert len(c.events) > 0 and c.actors["mentions"].gt(0).sum() >= 3
    return c


@pytest.fixture(scope="module")
def page(corpus, tmp_path_factory):
    from test_browser import CHROMIUM, Session, _require_chromium

    from analysis.report import write_report

    _require_chromium()
    from playwright.sync_api import sync_playwright

    path = write_report(corpus, tmp_path_factory.mktemp("agree") / "report.html")
    with sync_playwright() as p:
        from browser_helpers import CHROMIUM_ARGS

        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        s = Session(browser)
        s.page.goto(path.as_uri())
        s.page.wait_for_selector("body[data-ready='1']", timeout=30_000)
        yield s
        assert s.errors == [] and s.blocked == []
        s.close()
        browser.close()


def _cases(c) -> st.SearchStrategy[dict]:
    act = c.actors[c.actors["mentions"].gt(0)]
    actor_values = sorted(
        {*act["actor_id"], *act["name"].dropna(), *(a for al in act["aliases"] for a in al)}
    )
    sources = sorted({*c.articles["source"].dropna(), "(unknown source)", "Nobody Times"})
    pl = c.places
    place_values = sorted(
        {*pl["place_id"].dropna(), *pl["name"].dropna(), *pl["country_code"].dropna()}
    ) or ["nowhere"]
    types = sorted({*c.events["type"].dropna(), "unknown", "coup"})
    texts = [
        f"{'' if pd.isna(t) else t}\n{x}"
        for t, x in zip(c.articles["title"], c.articles["text"], strict=True)
    ]

    def cased(s: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.tuples(s, st.sampled_from(["same", "lower", "upper"])).map(
            lambda p: {"same": p[0], "lower": p[0].lower(), "upper": p[0].upper()}[p[1]]
        )

    def listing(values: list[str]) -> st.SearchStrategy[list[str]]:
        return st.lists(cased(st.sampled_from(values)), min_size=0, max_size=3)

    @st.composite
    def substring(draw) -> str:
        text = draw(st.sampled_from(texts))
        i = draw(st.integers(0, max(0, len(text) - 1)))
        n = draw(st.integers(1, 12))
        return draw(cased(st.just(text[i : i + n])))

    day = st.dates(pd.Timestamp("2018-10-01").date(), pd.Timestamp("2019-08-01").date())
    bound = st.one_of(
        day.map(lambda d: d.isoformat()),
        day.map(lambda d: d.isoformat()[:7]),
        day.map(lambda d: d.isoformat()[:4]),
    )
    return st.fixed_dictionaries(
        {},
        optional={
            "actors": listing(actor_values),
            "sources": listing(sources),
            "places": listing(place_values),
            "event_types": listing(types),
            "text": st.one_of(substring(), st.text(max_size=4), st.just("U.S.")),
            "start": bound,
            "end": bound,
            "duplicates": st.booleans(),
        },
    )


def _python(selector: Selector, spec: dict) -> dict:
    view = selector.select(derive_frames=False, **spec)
    return {
        "articles": sorted(view.articles["article_id"].astype(str)),
        "events": sorted(view.events["event_id"].astype(str)),
    }


def _browser(page, spec: dict) -> dict:
    got = page.page.evaluate("spec => window.newsdesk.select(spec)", spec)
    return {k: sorted(v) for k, v in got.items()}


def test_filters_agree_in_python_and_the_report(corpus, page):
    selector = Selector(corpus)
    seen = {"kept_some": 0, "kept_none": 0, "kept_all": 0}
    n = len(corpus.articles)

    @settings(
        max_examples=200,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(_cases(corpus))
    def check(spec):
        want = _python(selector, spec)
        got = _browser(page, spec)
        assert got == want, json.dumps(spec, ensure_ascii=False)
        k = len(want["articles"])
        seen["kept_none" if k == 0 else "kept_all" if k == n else "kept_some"] += 1

    check()
    # the cases were not all trivial: some keep part of the corpus, some nothing
    assert seen["kept_some"] > 20 and seen["kept_none"] > 5, seen


def test_known_cases(corpus, page):
    """Cases the issue names: 'U.S.' is a substring, undated kept without a date filter."""
    selector = Selector(corpus)
    for spec in (
        {},
        {"text": "U.S."},
        {"text": "  SEOUL "},
        {"start": "2019"},
        {"end": "2019-04"},
        {"sources": []},
        {"sources": ["(unknown source)"]},
        {"event_types": ["meeting"]},
        {"actors": ["kim jong un"]},
        {"duplicates": True},
        {"duplicates": True, "text": "hotel"},
        {"text": "hotel"},
    ):
        assert _browser(page, spec) == _python(selector, spec), spec
    n = len(corpus.articles)
    everything = _browser(page, {})["articles"]
    assert len(everything) == n - 1  # undated kept when no date is set; the copy hidden
    assert "agree07" not in everything
    assert len(_browser(page, {"duplicates": True})["articles"]) == n
    dated = _browser(page, {"start": "1900-01-01"})["articles"]
    assert len(dated) == n - 2 - 1
    assert _browser(page, {"text": "hotel"})["articles"] == []
    assert _browser(page, {"text": "hotel", "duplicates": True})["articles"] == ["agree07"]
    # the page says how many it hides
    assert page.page.evaluate("document.body.dataset.duplicatesHidden") == "1"
    assert "1 near-duplicate(s) hidden" in page.page.inner_text("#counts")
    assert _browser(page, {"text": "U.S."})["articles"] == ["agree02"]


GAPPED_JS = """async spec => {
    const shape = () => {
        const out = [];
        for (const id of ['fig-network', 'fig-map']) {
            for (const t of document.getElementById(id).data) {
                if (!(t.meta && t.meta.gaps) || t.visible === false) continue;
                out.push((t.x || t.lat).map(v => (v === null ? '0' : '1')).join(''));
            }
        }
        return out;
    };
    const before = shape();
    await window.newsdesk.setFilters(spec);
    const after = shape();
    await window.newsdesk.setFilters({});
    return {before, after};
}"""


def test_filtered_gapped_traces_keep_their_segments_apart(page):
    """Edges and arcs share traces: a filter drops whole segments, never joins two."""
    got = page.page.evaluate(GAPPED_JS, {"sources": ["Evening Post"]})
    segments = {k: sum(s.count("110") for s in v) for k, v in got.items()}
    assert segments["before"] > segments["after"], got  # some edges or arcs went
    # an edge is two points then a gap, an arc ARC_STEPS + 1 points then a gap: two
    # segments joined would be a longer run
    from analysis.figures.map import ARC_STEPS

    one = f"(?:11|1{{{ARC_STEPS + 1}}})0"
    for shape in got["before"] + got["after"]:
        assert re.fullmatch(f"({one})+", shape), shape  # segments apart

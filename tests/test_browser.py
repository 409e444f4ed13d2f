"""The report and a rendered notebook in headless Chromium, with the network blocked.

Needs Debian's ``chromium`` (/usr/bin/chromium).  Without it the tests skip, except
under ``CI=true`` where they fail.  Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from browser_helpers import (
    ARTIFACTS,
    CHROMIUM_ARGS,
    corpus_module_available,
    fixture_corpus,
    reference_events,
    rendered_notebooks,
)

from analysis.figures.basemap import ASSETS_DIR
from analysis.report import PARTIAL_MANIFEST, write_report

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("NEWSDESK_CHROMIUM", "/usr/bin/chromium")
ARGS = CHROMIUM_ARGS


def _require_chromium() -> None:
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        message = f"chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def browser():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Session:
    """A page whose network is blocked; console errors, dialogs and requests recorded."""

    def __init__(self, browser, width: int = 1300, height: int = 1000) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": height})
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.route("**/*", self._route)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith(("file://", "data:", "blob:", "about:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / name
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def close(self) -> None:
        self.page.close()


def _countries(page, selector: str) -> int:
    return page.evaluate(
        "sel => document.querySelector(sel).querySelectorAll("
        "'.geolayer .countries path, .geolayer .countries .js-fill').length",
        selector,
    )


@pytest.fixture(scope="module")
def report_path(tmp_path_factory):
    return write_report(
        fixture_corpus(),
        tmp_path_factory.mktemp("report") / "report.html",
        reference=reference_events(),
    )


def test_report_draws_offline_and_filters(browser, report_path):
    s = Session(browser)
    s.page.goto(report_path.as_uri())
    s.page.wait_for_selector("body[data-ready='1']", timeout=20_000)
    for div in ("fig-map", "fig-timeline", "fig-actors", "fig-network"):
        assert s.page.locator(f"#{div} .main-svg").count() > 0, div
    assert _countries(s.page, "#fig-map") > 0  # the shipped basemap drew
    assert s.page.locator("#fig-map .scattergeo .point").count() > 0
    rows = s.page.locator("#articles-body tr").count()
    assert rows == 3
    s.shot("report.png")

    # a source filter changes the table, the counts and the map
    markers_before = s.page.locator("#fig-map .scattergeo .point").count()
    s.page.uncheck("#f-sources input[value='ZeroHedge']")
    s.page.wait_for_function("() => document.body.dataset.articles === '2'")
    assert s.page.locator("#articles-body tr").count() == 2
    assert s.page.locator("#fig-map .scattergeo .point").count() < markers_before
    assert "2 of 3 articles" in s.page.inner_text("#counts")
    # text search and event types
    s.page.fill("#f-text", "hanoi")
    s.page.wait_for_function("() => document.body.dataset.articles === '1'")
    bars_before = s.page.locator("#fig-timeline .bars path").count()
    s.page.uncheck("#f-types input[value='meeting']")
    s.page.wait_for_function("() => document.body.dataset.events === '0'")
    assert s.page.locator("#fig-timeline .bars path").count() < bars_before
    s.shot("report-filtered.png")
    s.page.click("#f-reset")
    s.page.wait_for_function("() => document.body.dataset.articles === '3'")

    assert s.page.evaluate("typeof window.__pwned") == "undefined"
    assert s.dialogs == []
    assert s.errors == []
    assert s.blocked == []
    s.close()


def test_report_hostile_title_is_text(browser, report_path):
    s = Session(browser)
    s.page.goto(report_path.as_uri())
    s.page.wait_for_selector("body[data-ready='1']", timeout=20_000)
    cells = s.page.locator("#articles-body td").all_inner_texts()
    assert any("<script>window.__pwned = 1" in c for c in cells)  # shown, as text
    assert (
        s.page.locator("#articles-body script, #articles-body img, #articles-body b").count() == 0
    )
    # hovering the hostile place (Seoul) shows its sentence as text
    s.page.evaluate("""() => {
        const gd = document.getElementById('fig-map');
        const i = gd.data.findIndex(t => (t.customdata || []).some(c => c && c[0] === 'gn:1835848'));
        const j = gd.data[i].customdata.findIndex(c => c && c[0] === 'gn:1835848');
        Plotly.Fx.hover(gd, [{curveNumber: i, pointNumber: j}], 'geo');
    }""")
    hover = s.page.evaluate("document.querySelector('#fig-map .hoverlayer').textContent")
    assert "onerror" in hover and "<img" in hover  # drawn as characters, not a tag
    assert s.page.locator("#fig-map .hoverlayer img").count() == 0
    assert s.page.evaluate("typeof window.__pwned") == "undefined"
    assert s.dialogs == [] and s.errors == [] and s.blocked == []
    s.close()


def test_report_draw_time(browser, report_path):
    """Draw time is recorded (not asserted here: see BENCHMARKS.md)."""
    s = Session(browser)
    s.page.goto(report_path.as_uri())
    s.page.wait_for_selector("body[data-ready='1']", timeout=20_000)
    ms = s.page.evaluate("window.newsdesk.drawMs")
    assert isinstance(ms, (int, float)) and ms > 0
    s.close()


def test_partial_bundle_registers_what_its_manifest_says(browser, tmp_path):
    """The shipped bundle, alone on a page: its trace types and version are the manifest's."""
    manifest = json.loads((ASSETS_DIR / PARTIAL_MANIFEST).read_text(encoding="utf-8"))
    bundle = (ASSETS_DIR / manifest["file"]).read_text(encoding="utf-8")
    page = tmp_path / "bundle.html"
    page.write_text(f"<!DOCTYPE html><html><body><script>{bundle}</script></body></html>")
    s = Session(browser)
    s.page.goto(page.as_uri())
    s.page.wait_for_function("typeof window.Plotly === 'object'", timeout=20_000)
    traces = s.page.evaluate("Object.keys(Plotly.PlotSchema.get().traces).sort()")
    assert traces == manifest["traces"]
    assert s.page.evaluate("Plotly.version") == manifest["plotlyjs_version"]
    # the geo subplot's basemap store exists, so the report's basemap script is honoured
    assert s.page.evaluate("typeof window.PlotlyGeoAssets.topojson") == "object"
    assert s.errors == [] and s.blocked == []
    s.close()


def test_report_with_full_plotlyjs_draws_offline(browser, tmp_path):
    """The fall-back page (full plotly.js) draws too, under the same CSP."""
    path = write_report(
        fixture_corpus(), tmp_path / "full.html", reference=reference_events(), full_plotlyjs=True
    )
    s = Session(browser)
    s.page.goto(path.as_uri())
    s.page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    for div in ("fig-map", "fig-timeline", "fig-actors", "fig-network"):
        assert s.page.locator(f"#{div} .main-svg").count() > 0, div
    assert _countries(s.page, "#fig-map") > 0
    assert s.page.evaluate("typeof window.__pwned") == "undefined"
    assert s.dialogs == [] and s.errors == [] and s.blocked == []
    s.close()


@pytest.mark.skipif(not corpus_module_available(), reason="analysis.corpus not available yet")
def test_rendered_notebooks_draw_offline(browser):
    pages = rendered_notebooks()
    assert [p.stem for p in pages] == [
        "01_corpus",
        "02_places",
        "03_actors",
        "04_timeline",
        "05_explorer",
    ]
    for path in pages:
        s = Session(browser)
        s.page.goto(path.as_uri())
        s.page.wait_for_load_state("load")
        n_figures = path.read_text(encoding="utf-8").count("Plotly.newPlot(")
        assert n_figures > 0, path.name
        s.page.wait_for_function(
            f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {n_figures}",
            timeout=20_000,
        )
        if path.stem == "02_places":
            s.page.wait_for_function(
                "document.querySelectorAll('.geolayer .countries path').length >= 2", timeout=20_000
            )
        s.shot(f"notebook-{path.stem}.png")
        assert s.page.evaluate("typeof window.__pwned") == "undefined", path.name
        assert s.dialogs == [], path.name
        assert s.errors == [], (path.name, s.errors)
        assert s.blocked == [], (path.name, s.blocked)
        s.close()


# counts, per timeline trace role, the marks of one event group: listed in the figure's
# data, and drawn (SVG points whose bound datum points back at that customdata row)
GROUP_MARKS_JS = """gid => {
    const gd = document.getElementById('fig-timeline');
    const out = {bars: 0, markers: 0, drawnBars: 0, drawnMarkers: 0};
    gd.data.forEach(t => {
        const role = (t.meta || {}).newsdesk;
        const n = (t.customdata || []).filter(cd => cd[0] === gid).length;
        if (role === 'timeline') out.bars += n;
        if (role === 'timeline_marker') out.markers += n;
    });
    gd.querySelectorAll('.barlayer .trace, .scatterlayer .trace').forEach(g => {
        if (g.closest('.rangeslider-container')) return;  // the slider's miniature copy
        const cd = g.__data__;
        const trace = cd && cd[0] && cd[0].trace;
        if (!trace || !trace.customdata || !trace.visible) return;
        const role = (trace.meta || {}).newsdesk;
        g.querySelectorAll('.point').forEach(p => {
            const row = p.__data__ && trace.customdata[p.__data__.i];
            if (!row || row[0] !== gid) return;
            if (role === 'timeline') out.drawnBars++;
            if (role === 'timeline_marker') out.drawnMarkers++;
        });
    });
    return out;
}"""


def _only_sources(s: Session, keep: set[str]) -> None:
    """Tick exactly ``keep`` in the report's source filter, clicking like a reader."""
    boxes = s.page.locator("#f-sources input[type=checkbox]").all()
    changes = [b for b in boxes if b.is_checked() != (b.get_attribute("value") in keep)]
    before = s.page.evaluate("window.__timelineReacts")
    for box in changes:
        if box.is_checked():
            box.uncheck()
        else:
            box.check()
    # every click redraws the timeline once (Plotly.react emits plotly_react when drawn)
    s.page.wait_for_function(f"() => window.__timelineReacts >= {before + len(changes)}")


def test_report_grouped_event_is_one_mark_and_survives_any_member_source(browser, tmp_path):
    """One summit reported by three sources: one mark, kept while any member is kept."""
    from browser_helpers import SUMMIT_SOURCES, summit_corpus
    from test_events_merge import KIM, PUTIN

    corpus = summit_corpus()
    ev = corpus.events
    both = ev["participants"].map(lambda ps: PUTIN in ps and KIM in ps)
    summit = ev[both & ev["type"].isin(["meeting", "visit", "talks"])]
    assert set(summit["article_id"]) == {"kremlin", "summit", "wire"}
    assert summit["event_group"].nunique() == 1
    gid = summit["event_group"].iloc[0]
    hanoi = ev[ev["article_id"].eq("hanoi") & ev["type"].eq("meeting")]
    assert len(hanoi) >= 1 and gid not in set(hanoi["event_group"])
    hanoi_gid = hanoi["event_group"].iloc[0]
    summit_sources = sorted({SUMMIT_SOURCES[a] for a in summit["article_id"]})
    assert len(summit_sources) == 3

    path = write_report(corpus, tmp_path / "groups.html")
    s = Session(browser)
    s.page.goto(path.as_uri())
    s.page.wait_for_selector("body[data-ready='1']", timeout=20_000)
    s.page.evaluate("""() => {
        window.__timelineReacts = 0;
        document.getElementById('fig-timeline').on('plotly_react', () => window.__timelineReacts++);
    }""")
    one = {"bars": 1, "markers": 1, "drawnBars": 1, "drawnMarkers": 1}
    none = dict.fromkeys(one, 0)
    assert s.page.evaluate(GROUP_MARKS_JS, gid) == one  # three articles, one mark
    # the mark really is the group: it lists the three articles' events
    custom = s.page.evaluate(
        """gid => document.getElementById('fig-timeline').data
            .filter(t => (t.meta || {}).newsdesk === 'timeline')
            .flatMap(t => t.customdata).find(cd => cd[0] === gid)""",
        gid,
    )
    assert sorted(custom[4]) == ["kremlin", "summit", "wire"]
    assert set(summit["event_id"]) <= set(custom[3])
    s.shot("report-event-groups.png")

    for source in summit_sources:  # any one member's source keeps the mark
        _only_sources(s, {source})
        assert s.page.evaluate("document.body.dataset.articles") == "1"
        assert s.page.evaluate(GROUP_MARKS_JS, gid) == one, source
        assert s.page.evaluate(GROUP_MARKS_JS, hanoi_gid) == none, source

    _only_sources(s, {SUMMIT_SOURCES["hanoi"]})  # no member kept: the mark goes
    assert s.page.evaluate("document.body.dataset.articles") == "1"
    assert s.page.evaluate(GROUP_MARKS_JS, gid) == none
    assert s.page.evaluate(GROUP_MARKS_JS, hanoi_gid) == one
    s.shot("report-event-groups-filtered.png")

    assert s.dialogs == [] and s.errors == [] and s.blocked == []
    s.close()


@pytest.mark.skipif(not corpus_module_available(), reason="analysis.corpus not available yet")
def test_explorer_notebook_panel_filters_without_a_kernel(browser):
    """The rendered explorer notebook: the report panel draws and filters, offline."""
    path = next(p for p in rendered_notebooks() if p.stem == "05_explorer")
    s = Session(browser)
    s.page.goto(path.as_uri())
    s.page.wait_for_selector("#newsdesk-report[data-ready='1']", timeout=30_000)
    for div in ("fig-map", "fig-timeline", "fig-actors", "fig-network"):
        assert s.page.locator(f"#newsdesk-report #{div} .main-svg").count() > 0, div
    assert s.page.locator("#articles-body tr").count() == 3
    s.page.fill("#f-text", "hanoi")
    s.page.wait_for_function(
        "() => document.getElementById('newsdesk-report').dataset.articles === '1'"
    )
    assert s.page.locator("#articles-body tr").count() == 1
    s.shot("notebook-05_explorer-panel.png")
    assert s.page.evaluate("typeof window.__pwned") == "undefined"
    assert s.dialogs == [] and s.errors == [] and s.blocked == []
    s.close()


def test_report_click_lists_the_articles_with_their_evidence(browser, report_path):
    """Clicking a place lists its articles, each with the sentence naming the place."""
    s = Session(browser)
    s.page.goto(report_path.as_uri())
    s.page.wait_for_selector("body[data-ready='1']", timeout=20_000)
    assert s.page.is_hidden("#focus")
    # Pyongyang is named in two articles (the sample and the Hanoi one)
    s.page.evaluate("""() => {
        const gd = document.getElementById('fig-map');
        const i = gd.data.findIndex(t => (t.customdata || []).some(c => c && c[0] === 'gn:1871859'));
        const j = gd.data[i].customdata.findIndex(c => c && c[0] === 'gn:1871859');
        gd.emit('plotly_click', {points: [{data: gd.data[i], pointNumber: j}]});
    }""")
    s.page.wait_for_selector("#focus:not([hidden])")
    assert "Pyongyang" in s.page.inner_text("#focus-text")
    rows = s.page.locator("#articles-body tr")
    assert rows.count() == 2
    evidence = s.page.locator("#articles-body .evidence").all_inner_texts()
    assert len(evidence) == 2 and all("Pyongyang" in e for e in evidence)
    s.page.click("#focus-clear")
    s.page.wait_for_selector("#focus[hidden]", state="attached")
    assert rows.count() == 3
    assert s.dialogs == [] and s.errors == [] and s.blocked == []
    s.close()


def test_report_table_pages_sorts_and_counts_undated(browser, tmp_path):
    """60 articles (6 undated): 25 rows a page, sortable, undated kept and counted."""
    import pandas as pd

    from analysis import schema
    from analysis.corpus import Corpus

    rows = []
    for i in range(60):
        rows.append({
            "article_id": f"art{i:03d}", "title": f"Report number {i}", "title_derived": False,
            "source": ["Wire A", "Paper B", "Radio C"][i % 3], "url": None, "author": None,
            "published": pd.NaT if i % 10 == 0 else pd.Timestamp("2019-01-01", tz="UTC")
            + pd.Timedelta(days=3 * i),
            "published_precision": "day", "published_inferred": False,
            "text": f"Text of report {i} about the talks.", "language": "en", "path": None,
            "paths": [], "format": "txt", "n_words": 7,
        })  # fmt: skip
    corpus = Corpus({"articles": schema.conform(pd.DataFrame(rows), "articles")})
    path = write_report(corpus, tmp_path / "many.html")
    s = Session(browser)
    s.page.goto(path.as_uri())
    s.page.wait_for_selector("body[data-ready='1']", timeout=20_000)
    body = s.page.locator("#articles-body tr")
    assert body.count() == 25
    assert "rows 1–25 of 60" in s.page.inner_text("#page-info")
    assert "6 undated article(s) kept" in s.page.inner_text("#counts")
    first = s.page.locator("#articles-body tr td").first.inner_text()
    assert first == "2019-01-04"  # oldest first (art001), undated last
    s.page.click("#page-next")
    assert "rows 26–50 of 60" in s.page.inner_text("#page-info")
    s.page.click("#page-next")
    assert body.count() == 10
    assert s.page.locator("#articles-body tr td").first.inner_text() != "(undated)"
    assert s.page.locator("#articles-body tr").last.locator("td").first.inner_text() == (
        "(undated)"
    )
    s.page.click("th[data-sort='date']")  # again: newest first, back on page 1
    assert s.page.get_attribute("th[data-sort='date']", "aria-sort") == "descending"
    assert "rows 1–25" in s.page.inner_text("#page-info")
    assert s.page.locator("#articles-body tr td").first.inner_text() == "2019-06-27"  # art059
    s.page.fill("#f-start", "2019-01-01")
    s.page.wait_for_function("() => document.body.dataset.articles === '54'")
    assert "drops the 6 undated" in s.page.inner_text("#counts")
    assert s.dialogs == [] and s.errors == [] and s.blocked == []
    s.close()

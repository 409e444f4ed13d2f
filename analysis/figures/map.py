"""Maps of places: markers sized by mentions, optional arcs for events' movements."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any, Literal

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis import schema
from analysis.figures.frames import actor_names, frame_of, optional_frame
from analysis.figures.segments import join_segments
from analysis.figures.template import TEMPLATE_NAME, category_colors, escape, truncate

__all__ = [
    "arc_path",
    "country_counts",
    "event_arcs",
    "event_movements",
    "marker_sizes",
    "place_map",
    "place_summary",
]

log = logging.getLogger(__name__)

#: Largest and smallest marker diameters in pixels (log scale of articles between).
MAX_MARKER_PX = 36
MIN_MARKER_PX = 7
#: With ``arcs=None``, arcs are drawn only when there are at most this many movements.
MAX_AUTO_ARCS = 36
#: Segments per arc, its largest bow in degrees and the latitude it never passes.
ARC_STEPS = 16
ARC_BOW = 12.0
ARC_MAX_LAT = 78.0
#: The legend's and hover's words for the colour values: a colleague reading the map
#: does not know the places frame's codes ("literal", "admin1").  Unlisted values are
#: shown as they are.
LEGEND_TITLES = {"role": "named as", "feature": "kind of place"}
LEGEND_WORDS: dict[str, dict[str, str]] = {
    "role": {
        "literal": "the place itself",
        "government": "its government ('Paris said')",
        "demonym": "an adjective ('French')",
        "modifier": "part of a name ('US troops')",
    },
    "feature": {
        "admin1": "state or province",
        "physical": "sea, river, mountain",
        "site": "site or building",
    },
}


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
    located = df["lat"].notna() & df["lon"].notna()
    if (~located).any():
        log.info("place_map: %d toponym(s) without coordinates left out", int((~located).sum()))
    df = df[located]
    if len(df) == 0:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in cols})
    # plain Python objects: element access on Arrow-backed strings is slow
    work = pd.DataFrame(
        {
            "article_id": df["article_id"].astype(str).to_numpy(dtype=object),
            "sentence_id": pd.to_numeric(df["sentence_id"], errors="coerce").to_numpy(),
            "surface": df["text"].astype("string").fillna("").to_numpy(dtype=object),
            "name": _objects(df["name"]),
            "lat": df["lat"].astype(float).to_numpy(),
            "lon": df["lon"].astype(float).to_numpy(),
            "country_code": _objects(df["country_code"]),
            "feature": _objects(df["feature"]),
            "role": _objects(df["role"]),
        }
    )
    key = df["place_id"].astype("string")
    fallback = df["name"].astype("string").fillna(df["text"].astype("string"))
    work["_key"] = key.fillna("name:" + fallback.fillna("?")).to_numpy(dtype=object)
    g = work.groupby("_key", sort=True)
    first = g.first()  # first non-missing value of each column
    out = pd.DataFrame(
        {
            "place_id": first.index.astype(str),
            "name": first["name"].where(first["name"].notna(), first["surface"]).to_numpy(),
            "lat": g["lat"].mean().to_numpy(),
            "lon": g["lon"].mean().to_numpy(),
            "country_code": first["country_code"].to_numpy(),
            "feature": first["feature"].to_numpy(),
        }
    )
    roles = work.dropna(subset=["role"]).groupby(["_key", "role"]).size().reset_index(name="n")
    roles = roles.sort_values(["_key", "n", "role"], ascending=[True, False, True])
    role_of = roles.drop_duplicates("_key").set_index("_key")["role"]
    out["role"] = out["place_id"].map(role_of)
    out["mentions"] = g.size().to_numpy()
    out["articles"] = g["article_id"].nunique().to_numpy()
    out["article_ids"] = [sorted(set(v)) for v in g["article_id"].agg(list)]
    # the sentences that mention each place (their text, else the surface form)
    texts = work["surface"]
    if sentences is not None and len(sentences):
        sent = pd.DataFrame(
            {
                "article_id": sentences["article_id"].astype(str).to_numpy(dtype=object),
                "sentence_id": pd.to_numeric(sentences["sentence_id"]).to_numpy(),
                "_sentence": _objects(sentences["text"]),
            }
        ).drop_duplicates(["article_id", "sentence_id"])
        joined = work[["article_id", "sentence_id"]].merge(
            sent, on=["article_id", "sentence_id"], how="left"
        )
        found = joined["_sentence"].to_numpy(dtype=object)
        texts = pd.Series(
            [t if isinstance(t, str) else u for t, u in zip(found, work["surface"], strict=True)],
            index=work.index,
        )
    pool = pd.DataFrame({"_key": work["_key"], "t": texts})
    pool = pool[pool["t"].astype(bool)].drop_duplicates()
    picked = pool.groupby("_key", sort=True).head(max_sentences).groupby("_key")["t"].agg(list)
    out["sentences"] = [v if isinstance(v, list) else [] for v in out["place_id"].map(picked)]
    surf = work[work["surface"].astype(bool)].drop_duplicates(["_key", "surface"])
    surfaces = surf.groupby("_key")["surface"].agg(sorted)
    out["surface"] = [v if isinstance(v, list) else [] for v in out["place_id"].map(surfaces)]
    out = out[cols]
    return out.sort_values(["mentions", "name"], ascending=[False, True]).reset_index(drop=True)


def _objects(series: pd.Series) -> np.ndarray:
    """A string column as an object array with ``None`` for missing values."""
    return series.astype("string").astype(object).where(series.notna(), None).to_numpy()


def _hover_sentences(texts: list[str]) -> str:
    return "<br>".join("• " + escape(truncate(t, 140)) for t in texts)


def marker_sizes(counts: Any, *, peak: int | None = None) -> list[float]:
    """Marker diameters in pixels on a log scale: 1 -> :data:`MIN_MARKER_PX`, ``peak``
    (the largest count by default) -> :data:`MAX_MARKER_PX`.

    A place named in 500 articles is then bigger than one named in 5, without hiding
    every other marker under it.
    """
    values = np.asarray(list(counts), dtype=float)
    if not len(values):
        return []
    top = float(peak if peak is not None else values.max())
    scale = np.log1p(top - 1.0) if top > 1 else 1.0
    frac = np.log1p(np.clip(values, 1.0, None) - 1.0) / scale
    return [round(float(v), 2) for v in MIN_MARKER_PX + (MAX_MARKER_PX - MIN_MARKER_PX) * frac]


def country_counts(places: Any) -> pd.DataFrame:
    """Mentions and articles per country (``country_code`` of the places frame).

    Returns
    -------
    DataFrame
        country_code, iso3 (``None`` when unknown), name, mentions, articles; most
        mentioned first.
    """
    df = frame_of(places, "places")
    df = df[df["country_code"].notna()]
    if not len(df):
        return pd.DataFrame(columns=["country_code", "iso3", "name", "mentions", "articles"])
    g = df.groupby(df["country_code"].astype(str).str.upper())
    out = pd.DataFrame({"mentions": g.size(), "articles": g["article_id"].nunique()})
    out.index.name = "country_code"
    out = out.reset_index()
    codes = [_iso3(c) for c in out["country_code"]]
    out.insert(1, "iso3", [c[0] if c else None for c in codes])
    out.insert(
        2, "name", [c[1] if c else cc for c, cc in zip(codes, out["country_code"], strict=True)]
    )
    return out.sort_values(["mentions", "country_code"], ascending=[False, True]).reset_index(
        drop=True
    )


@lru_cache(maxsize=512)
def _iso3(alpha2: str) -> tuple[str, str] | None:
    try:
        import pycountry

        country = pycountry.countries.get(alpha_2=alpha2.upper())
    except (ImportError, KeyError, LookupError):
        return None
    return (country.alpha_3, country.name) if country is not None else None


def place_map(
    places: Any,
    *,
    color: Literal["role", "feature"] = "role",
    events: pd.DataFrame | None = None,
    arcs: bool | None = None,
    sentences: pd.DataFrame | None = None,
    actors: pd.DataFrame | None = None,
    title: str | None = "Places in the news",
    resolution: Literal[110, 50] = 110,
    choropleth: bool = False,
    top_arcs: int = 30,
    max_auto_arcs: int = MAX_AUTO_ARCS,
) -> go.Figure:
    """Map the places: one marker per place, sized by articles (log scale).

    Parameters
    ----------
    places : DataFrame or Corpus
        The places frame (or a Corpus, whose sentences/events/actors are then used too).
    color : {"role", "feature"}
        Column that colours the markers (one legend entry per value).
    events : DataFrame, optional
        Events frame (taken from a Corpus unless ``arcs=False``); each place where
        events happen gets one star (sized by its events), and the events give the arcs.
    arcs : bool or None
        Draw the top event movements: arcs from a participant's home capital to the
        place of an event (a leader's trip to a summit), one per (participant, place),
        the ``top_arcs`` made by most events.  ``None`` (default): drawn only when
        there are at most ``max_auto_arcs`` movements, so a large corpus is not
        covered in lines.  Needs ``events`` and ``actors``.
    sentences : DataFrame, optional
        Sentences frame, for hover text with the sentences that mention each place.
    actors : DataFrame, optional
        Actors frame (participants' names and countries, for arcs).
    title : str, optional
        Figure title.
    resolution : {110, 50}
        Natural Earth scale of the basemap (``world_110m`` or ``world_50m``).
    choropleth : bool
        Shade countries by the mentions of their places (a ``choropleth`` trace, under
        the markers).  Off by default.
    top_arcs : int
        Most movements drawn.
    max_auto_arcs : int
        Above this many movements, ``arcs=None`` draws none.

    Returns
    -------
    plotly.graph_objects.Figure
        Traces: an optional ``choropleth`` (``meta.newsdesk`` = "countries"), one
        ``scattergeo`` per colour value ("places"; ``meta.value`` = the value, its
        ``name`` the legend's plain words for it, :data:`LEGEND_WORDS`; ``customdata``
        = place_id, mentions, articles; ``marker.size`` in pixels, :func:`marker_sizes`
        of the articles),
        optional "events" stars (``customdata`` = first event id, every event id) and
        "arc" lines (gapped traces, one per width class and style; see
        :func:`event_arcs`).  Nothing is shown or written.
    """
    if color not in ("role", "feature"):
        raise ValueError(f"color must be 'role' or 'feature', got {color!r}")
    summary = place_summary(places, sentences=sentences)
    events = optional_frame(events, places if arcs is not False else None, "events")
    actors = optional_frame(actors, places, "actors")
    fig = go.Figure()
    if choropleth:
        _add_choropleth(fig, places)
    colors = category_colors(summary[color].tolist(), column=color) if len(summary) else {}
    peak = int(summary["articles"].max()) if len(summary) else 1
    for value, col in colors.items():
        part = summary[
            summary[color].astype("string").fillna("unknown").replace("", "unknown") == value
        ]
        if len(part) == 0:
            continue
        hover = [
            f"<b>{escape(n)}</b> ({escape(_words('feature', f))}, {escape(c)})<br>"
            f"{m} mention(s) in {a} article(s); mostly named as "
            f"{escape(_words('role', r))}<br>{_hover_sentences(s)}"
            for n, f, c, r, m, a, s in zip(
                part["name"],
                part["feature"],
                part["country_code"],
                part["role"],
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
                name=escape(_words(color, value)),
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
                    "size": marker_sizes(part["articles"], peak=peak),
                    "sizemode": "diameter",
                    "color": col,
                    "opacity": 0.8,
                    "line": {"width": 1, "color": "white"},
                },
                meta={
                    "newsdesk": "places",
                    "color_by": color,
                    "value": value,
                    "size_by": "articles (log)",
                },
            )
        )
    n_arcs = 0
    drawn = None
    if events is not None and len(events):
        _add_event_markers(fig, events)
        moves = event_movements(events, actors=actors, places=frame_of(places, "places"))
        n_arcs = len(moves)
        draw = arcs if arcs is not None else n_arcs <= max_auto_arcs
        if draw:
            drawn = moves.head(top_arcs)
            for trace in _arc_traces(drawn):
                fig.add_trace(trace)
    fig.update_layout(
        template=TEMPLATE_NAME,
        title=title,
        legend={"title": {"text": LEGEND_TITLES[color]}, "itemsizing": "constant"},
        geo={"resolution": resolution, "scope": "world"},
        height=520,
        margin={"l": 0, "r": 0, "t": 50 if title else 10, "b": 0},
        meta={"newsdesk_movements": n_arcs},
    )
    _fit(fig, summary, _arc_points(drawn) if drawn is not None else None)
    return fig


def _words(column: str, value: object) -> str:
    """The legend's words for a value of ``column`` (the value itself when unlisted)."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return "unknown"
    return LEGEND_WORDS.get(column, {}).get(str(value), str(value))


def _add_choropleth(fig: go.Figure, places: Any) -> None:
    counts = country_counts(places)
    counts = counts[counts["iso3"].notna()]
    if not len(counts):
        return
    fig.add_trace(
        go.Choropleth(
            locations=counts["iso3"].tolist(),
            locationmode="ISO-3",
            z=np.log10(counts["mentions"].astype(float)).round(3).tolist(),
            customdata=[
                [c, int(m), int(a)]
                for c, m, a in zip(
                    counts["country_code"], counts["mentions"], counts["articles"], strict=True
                )
            ],
            hovertext=[
                f"<b>{escape(n)}</b><br>{m} mention(s) in {a} article(s)"
                for n, m, a in zip(
                    counts["name"], counts["mentions"], counts["articles"], strict=True
                )
            ],
            hovertemplate="%{hovertext}<extra></extra>",
            colorscale="Blues",
            marker={"line": {"color": "white", "width": 0.5}},
            colorbar={
                "title": {"text": "mentions"},
                "tickvals": [0, 1, 2, 3, 4],
                "ticktext": ["1", "10", "100", "1k", "10k"],
                "len": 0.6,
            },
            name="mentions per country",
            showlegend=False,
            meta={"newsdesk": "countries"},
        )
    )


def arc_path(
    lat0: float, lon0: float, lat1: float, lon1: float, *, steps: int = ARC_STEPS
) -> tuple[list[float], list[float]]:
    """The points of a movement's arc, from ``(lat0, lon0)`` to ``(lat1, lon1)``.

    plotly joins two points of a map by the shortest path on the globe: from
    Washington to Beijing that path crosses the North Pole, which the world map draws as
    its top edge, so the arc runs off the map.  The arc is instead drawn through
    ``steps - 1`` points in between: straight in latitude and longitude (never across
    the 180th meridian, the world map's side edges, which the map's view never
    straddles either), bowed towards the nearer pole by a fifth of its length (at
    most :data:`ARC_BOW` degrees, never past :data:`ARC_MAX_LAT`), so it reads as a
    trip on any projection and stays inside the inhabited world.

    Parameters
    ----------
    lat0, lon0, lat1, lon1 : float
        Origin and destination in degrees.
    steps : int
        Segments of the arc.

    Returns
    -------
    (list of float, list of float)
        Latitudes and longitudes, ``steps + 1`` each; the ends are the given points.

    Examples
    --------
    >>> lats, lons = arc_path(38.9, -77.0, 39.9, 116.4)
    >>> lats[0], lons[-1], max(lats) < 80
    (38.9, 116.4, True)
    """
    dlon = lon1 - lon0
    dlat = lat1 - lat0
    mid = (lat0 + lat1) / 2
    length = float(np.hypot(dlat, dlon * np.cos(np.radians(mid))))
    sign = 1.0 if mid >= 0 else -1.0
    room = max(ARC_MAX_LAT - max(abs(lat0), abs(lat1)), 0.0)
    bow = sign * min(0.2 * length, ARC_BOW, room)
    t = np.linspace(0.0, 1.0, max(int(steps), 1) + 1)
    lat = lat0 + dlat * t + bow * np.sin(np.pi * t)
    lon = lon0 + dlon * t
    lats = [round(float(v), 4) for v in lat]
    lons = [round(float(v), 4) for v in lon]
    lats[0], lons[0], lats[-1], lons[-1] = lat0, lon0, lat1, lon1
    return lats, lons


#: Latitudes of the world view (the inhabited world).
WORLD_LAT = (-58.0, 84.0)


def _arc_points(moves: pd.DataFrame) -> pd.DataFrame:
    """Every point of the drawn arcs (the view holds them, not only the places)."""
    lats: list[float] = []
    lons: list[float] = []
    for m in moves.itertuples(index=False):
        a, b = arc_path(m.origin_lat, m.origin_lon, m.lat, m.lon)
        lats.extend(a)
        lons.extend(b)
    return pd.DataFrame({"lat": lats, "lon": lons})


def _fit(fig: go.Figure, summary: pd.DataFrame, arcs: pd.DataFrame | None = None) -> None:
    """Set the view to the places and the drawn arcs (padded), or to the inhabited
    world when they span it."""
    if len(summary) == 0:
        fig.update_geos(lataxis_range=list(WORLD_LAT), lonaxis_range=[-180, 180])
        return
    lat = summary["lat"].astype(float)
    lon = summary["lon"].astype(float)
    if arcs is not None and len(arcs):
        lat = pd.concat([lat, arcs["lat"].astype(float)], ignore_index=True)
        lon = pd.concat([lon, arcs["lon"].astype(float)], ignore_index=True)
    lat_span = lat.max() - lat.min()
    lon_span = lon.max() - lon.min()
    if lon_span > 150 or lat_span > 75:
        center = float((lon.max() + lon.min()) / 2) if lon_span <= 200 else 0.0
        fig.update_geos(
            lataxis_range=list(WORLD_LAT),
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
    """One star per place where events happen (sized by its events, log scale)."""
    ev = schema.check(events, "events")
    ev = ev[ev["lat"].notna() & ev["lon"].notna()]
    if len(ev) == 0:
        return
    key = ev["place_id"].astype("string")
    key = key.fillna(ev["lat"].round(3).astype(str) + "," + ev["lon"].round(3).astype(str))
    work = pd.DataFrame(
        {
            "_key": key.to_numpy(dtype=object),
            "lat": ev["lat"].astype(float).to_numpy(),
            "lon": ev["lon"].astype(float).to_numpy(),
            "id": ev["event_id"].astype(str).to_numpy(dtype=object),
            "type": ev["type"].astype("string").fillna("event").to_numpy(dtype=object),
            "place": _objects(ev["place_name"]),
            "evidence": _objects(ev["evidence"]),
        }
    )
    g = work.groupby("_key", sort=True)
    first = g.first()
    by_type = work.groupby(["_key", "type"]).size().reset_index(name="n")
    by_type = by_type.sort_values(["_key", "n", "type"], ascending=[True, False, True])
    what: dict[str, list[str]] = {}
    for k, t, n in zip(by_type["_key"], by_type["type"], by_type["n"], strict=True):
        if len(what.setdefault(k, [])) < 4:
            what[k].append(f"{n} {escape(t)}")
    ids = g["id"].agg(list)
    counts = g.size()
    lat, lon = g["lat"].mean(), g["lon"].mean()
    rows = [
        {
            "lat": float(lat[k]),
            "lon": float(lon[k]),
            "n": int(counts[k]),
            "ids": ids[k],
            "hover": f"<b>{escape(first.at[k, 'place'])}</b>: {int(counts[k])} event(s) "
            f"({', '.join(what.get(k, []))})<br>{escape(truncate(first.at[k, 'evidence'], 160))}",
        }
        for k in counts.index
    ]
    fig.add_trace(
        go.Scattergeo(
            lat=[r["lat"] for r in rows],
            lon=[r["lon"] for r in rows],
            mode="markers",
            name="events",
            hovertext=[r["hover"] for r in rows],
            hovertemplate="%{hovertext}<extra></extra>",
            customdata=[[r["ids"][0], r["ids"]] for r in rows],
            # dark, see-through and smaller than the places: no place colour is reused
            # and the markers under a star stay visible
            marker={
                "symbol": "star",
                "size": [s * 0.6 + 4 for s in marker_sizes([r["n"] for r in rows])],
                "sizemode": "diameter",
                "color": EVENT_COLOR,
                "line": {"width": 0.8, "color": "white"},
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


def event_movements(
    events: pd.DataFrame,
    *,
    actors: pd.DataFrame | None,
    places: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Who travels where: one row per (participant, event place), most events first.

    The origin is the participant's country's capital (from the corpus' places when it
    mentions that capital, else from ``countryinfo``); a participant already at home is
    no movement.

    Returns
    -------
    DataFrame
        actor_id, who, place, origin_lat/lon, lat/lon, events (count), planned (all
        planned), event_ids (list), label.
    """
    ev = schema.check(events, "events")
    cols = [
        "actor_id", "who", "place", "origin_lat", "origin_lon", "lat", "lon", "events",
        "planned", "event_ids", "label",
    ]  # fmt: skip
    if actors is None or len(actors) == 0:
        log.info("event_arcs: no actors frame, no arcs drawn")
        return pd.DataFrame(columns=cols)
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
    acc: dict[tuple, dict] = {}
    located = ev[ev["lat"].notna() & ev["lon"].notna()]
    for row in located.itertuples(index=False):
        parts = row.participants if isinstance(row.participants, (list, tuple)) else []
        dest = (round(float(row.lat), 3), round(float(row.lon), 3))
        for actor_id in parts:
            cc = country.get(str(actor_id))
            if not cc:
                continue
            origin = known.get(cc) or _capital(cc)
            if origin is None:
                continue
            if abs(origin[0] - dest[0]) < 0.05 and abs(origin[1] - dest[1]) < 0.05:
                continue
            key = (str(actor_id), dest)
            a = acc.get(key)
            if a is None:
                who = names.get(str(actor_id), str(actor_id))
                a = acc[key] = {
                    "actor_id": str(actor_id),
                    "who": who,
                    "place": row.place_name,
                    "origin_lat": origin[0],
                    "origin_lon": origin[1],
                    "lat": float(row.lat),
                    "lon": float(row.lon),
                    "events": 0,
                    "planned": True,
                    "event_ids": [],
                    "types": set(),
                }
            a["events"] += 1
            a["planned"] = a["planned"] and str(row.status) == "planned"
            a["event_ids"].append(str(row.event_id))
            a["types"].add(f"{row.type} ({row.status})")
    rows = []
    for a in acc.values():
        types = ", ".join(sorted(a.pop("types")))
        a["label"] = f"{a['who']}: {types} at {a['place']}" + (
            f" ({a['events']} events)" if a["events"] > 1 else ""
        )
        rows.append(a)
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["events", "who", "place"], ascending=[False, True, True]).reset_index(
        drop=True
    )


#: Colour of the event stars (no place role or feature uses it).
EVENT_COLOR = "rgba(40,40,40,0.6)"
#: Line widths of the arc classes (an arc's class: its events' share of the busiest
#: movement's, on a log scale, in equal steps).
ARC_WIDTHS = (1.5, 3.0, 5.0)


def _arc_traces(moves: pd.DataFrame) -> list[go.Scattergeo]:
    """One gapped line trace per (width class, planned or not): see ``segments``."""
    peak = max(int(moves["events"].max()), 1) if len(moves) else 1
    classes: dict[tuple[int, bool], list] = {}
    for m in moves.itertuples(index=False):
        share = np.log1p(m.events - 1) / np.log1p(peak - 1) if peak > 1 else 0.0
        k = min(len(ARC_WIDTHS) - 1, int(len(ARC_WIDTHS) * share))
        row = [m.event_ids[0], list(m.event_ids), int(m.events)]
        lats, lons = arc_path(m.origin_lat, m.origin_lon, m.lat, m.lon)
        segment = (lats, lons, row, escape(m.label))
        classes.setdefault((k, bool(m.planned)), []).append(segment)
    traces = []
    for (k, planned), segments in sorted(classes.items()):
        seg = join_segments(segments)
        traces.append(
            go.Scattergeo(
                lat=seg["a"],
                lon=seg["b"],
                mode="lines",
                name="planned movements" if planned else "movements",
                showlegend=False,
                hoverinfo="text",
                text=seg["text"],
                line={
                    "width": ARC_WIDTHS[k],
                    "color": "#555",
                    "dash": "dash" if planned else "solid",
                },
                opacity=0.7,
                customdata=seg["customdata"],
                meta={"newsdesk": "arc", "gaps": True, "movements": len(segments)},
            )
        )
    return traces


def event_arcs(
    events: pd.DataFrame,
    *,
    actors: pd.DataFrame | None,
    places: pd.DataFrame | None = None,
    top: int | None = None,
) -> list[go.Scattergeo]:
    """Arcs of the event movements (:func:`event_movements`), the ``top`` first.

    Returns
    -------
    list of plotly.graph_objects.Scattergeo
        Gapped line traces (:mod:`analysis.figures.segments`), one per width class and
        planned or not: each segment is one (participant, event place), planned-only
        movements dashed; ``customdata`` = [first event id, every event id, events] at
        both ends of a segment, ``None`` at the gaps.
    """
    moves = event_movements(events, actors=actors, places=places)
    return _arc_traces(moves if top is None else moves.head(top))

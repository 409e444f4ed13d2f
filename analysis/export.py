"""Exports an analyst opens elsewhere: GeoJSON (QGIS, kepler.gl), GraphML (Gephi), CSV.

>>> from analysis.export import export
>>> export(corpus, "out/exports")          # doctest: +SKIP
{'places.geojson': ..., 'events.geojson': ..., 'actors.graphml': ..., 'articles.csv': ...}

The same from the command line: ``newsdesk export CORPUS_DIR --to DIR`` (with the filters
of ``Corpus.filter`` to export a selection).

- **places.geojson**: a ``FeatureCollection`` with one ``Point`` per resolved place
  (``coordinates`` = ``[lon, lat]``, WGS84, as RFC 7946 says) and its name, country,
  feature, role, mentions, articles and surface forms as properties.
- **events.geojson**: one ``Point`` per located event (type, status, dates, place,
  participants' names, evidence sentence, group).
- **actors.graphml**: the co-mention network (:func:`analysis.actors.co_mention_graph`):
  nodes are actors (name, kind, country, mentions, articles, aliases), edges carry
  ``weight`` and ``articles``.  Every attribute is a GraphML scalar (lists are joined
  with "; ").
- **<frame>.csv**: every frame, UTF-8 with a header; list columns as JSON arrays,
  timestamps in ISO 8601 (UTC).
"""

from __future__ import annotations

import json
import logging
import math
import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis import schema

__all__ = [
    "EXPORTS",
    "actor_graph",
    "events_geojson",
    "export",
    "places_geojson",
    "write_csv",
    "write_geojson",
    "write_graphml",
]

log = logging.getLogger(__name__)

#: What :func:`export` can write.
EXPORTS = ("csv", "geojson", "graphml")


def _frame(corpus: Any, name: str) -> pd.DataFrame:
    value = getattr(corpus, name, None)
    return schema.check(value, name) if isinstance(value, pd.DataFrame) else schema.empty(name)


def _scalar(value: Any) -> Any:
    """A JSON/GraphML-safe scalar: None for missing, str for lists and odd types."""
    if value is None:
        return None
    if isinstance(value, (list, tuple, set, np.ndarray)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) else float(value)
    if isinstance(value, pd.Timestamp):
        return None if value is pd.NaT else value.isoformat()
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


def _valid_point(lat: Any, lon: Any) -> bool:
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        return False
    return -90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0


def places_geojson(corpus: Any) -> dict:
    """The resolved places as a GeoJSON ``FeatureCollection`` of ``Point`` features.

    Parameters
    ----------
    corpus : Corpus or any object with a ``places`` frame
        The corpus (or a filtered view of it).

    Returns
    -------
    dict
        RFC 7946 GeoJSON; each feature's ``coordinates`` are ``[lon, lat]`` and its
        ``properties`` hold place_id, name, country_code, feature, role, mentions,
        articles and surface (the forms seen, "; "-joined).  Rows without valid
        coordinates are left out (counted in the log).
    """
    from analysis.figures.map import place_summary

    summary = place_summary(_frame(corpus, "places"))
    features, bad = [], 0
    for row in summary.itertuples(index=False):
        if not _valid_point(row.lat, row.lon):
            bad += 1
            continue
        features.append(
            {
                "type": "Feature",
                "id": str(row.place_id),
                "geometry": {
                    "type": "Point",
                    "coordinates": [round(float(row.lon), 6), round(float(row.lat), 6)],
                },
                "properties": {
                    "place_id": str(row.place_id),
                    "name": _scalar(row.name),
                    "country_code": _scalar(row.country_code),
                    "feature": _scalar(row.feature),
                    "role": _scalar(row.role),
                    "mentions": int(row.mentions),
                    "articles": int(row.articles),
                    "surface": _scalar(row.surface),
                },
            }
        )
    if bad:
        log.warning("places GeoJSON: %d place(s) with invalid coordinates left out", bad)
    return {"type": "FeatureCollection", "features": features}


def events_geojson(corpus: Any) -> dict:
    """The located events as a GeoJSON ``FeatureCollection`` (one ``Point`` each).

    Returns
    -------
    dict
        Features with ``[lon, lat]`` coordinates and properties event_id, event_group,
        article_id, type, status, begin, end_date (ISO dates, end exclusive), precision,
        place_id, place_name, participants (names, "; "-joined), evidence.
    """
    events = _frame(corpus, "events")
    actors = _frame(corpus, "actors")
    names = dict(zip(actors["actor_id"].astype(str), actors["name"].astype(str), strict=True))
    features = []
    for row in events.to_dict("records"):
        if not _valid_point(row.get("lat"), row.get("lon")):
            continue
        parts = row.get("participants")
        people = [names.get(str(p), str(p)) for p in parts] if _is_list(parts) else []
        props = {
            k: _scalar(row.get(k))
            for k in (
                "event_id", "event_group", "article_id", "type", "status", "begin",
                "end_date", "precision", "place_id", "place_name", "evidence",
            )
        }  # fmt: skip
        props["participants"] = "; ".join(people)
        features.append(
            {
                "type": "Feature",
                "id": str(row["event_id"]),
                "geometry": {
                    "type": "Point",
                    "coordinates": [round(float(row["lon"]), 6), round(float(row["lat"]), 6)],
                },
                "properties": props,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _is_list(value: Any) -> bool:
    return isinstance(value, (list, tuple, np.ndarray))


def actor_graph(corpus: Any, *, min_weight: int = 1):
    """The co-mention network with GraphML-safe attributes (a ``networkx.Graph``).

    Built by :func:`analysis.actors.co_mention_graph`; node attributes are name, kind,
    country, mentions, articles, in_kb and aliases ("; "-joined); missing values are
    left out (GraphML has no null).
    """
    from analysis.actors import co_mention_graph

    actors = _frame(corpus, "actors")
    graph = co_mention_graph(_frame(corpus, "edges"), actors, min_weight=min_weight)
    aliases = dict(zip(actors["actor_id"].astype(str), actors["aliases"], strict=True))
    for node, attrs in graph.nodes(data=True):
        clean = {k: _scalar(v) for k, v in attrs.items()}
        alias = aliases.get(str(node))
        clean["aliases"] = _scalar(list(alias)) if _is_list(alias) else None
        attrs.clear()
        attrs.update({k: v for k, v in clean.items() if v is not None})
    return graph


def write_geojson(data: dict, path: str | os.PathLike) -> Path:
    """Write a GeoJSON dict as UTF-8 JSON and return the path."""
    out = Path(path)
    out.write_text(json.dumps(data, ensure_ascii=False, allow_nan=False), encoding="utf-8")
    return out


def write_graphml(corpus: Any, path: str | os.PathLike, *, min_weight: int = 1) -> Path:
    """Write :func:`actor_graph` as GraphML (opens in Gephi, yEd, Cytoscape)."""
    import networkx as nx

    out = Path(path)
    nx.write_graphml(actor_graph(corpus, min_weight=min_weight), out, encoding="utf-8")
    return out


def _csv_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if isinstance(s.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_any_dtype(s):
            out[col] = s.map(lambda t: t.isoformat() if pd.notna(t) else None)
        elif s.dtype == object:
            out[col] = s.map(
                lambda v: (
                    json.dumps([_scalar(x) for x in v], ensure_ascii=False)
                    if _is_list(v)
                    else (
                        json.dumps(v, ensure_ascii=False, default=str) if isinstance(v, dict) else v
                    )
                )
            )
    return out


def write_csv(corpus: Any, directory: str | os.PathLike) -> dict[str, Path]:
    """Write every frame as ``<frame>.csv`` in ``directory``; return the paths by file name."""
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    written = {}
    for name in schema.SCHEMAS:
        path = d / f"{name}.csv"
        _csv_frame(_frame(corpus, name)).to_csv(path, index=False, encoding="utf-8")
        written[path.name] = path
    return written


def export(
    corpus: Any,
    directory: str | os.PathLike,
    *,
    formats: tuple[str, ...] | list[str] = EXPORTS,
    min_weight: int = 1,
) -> dict[str, Path]:
    """Write the exports of ``corpus`` (or a filtered view) into ``directory``.

    Parameters
    ----------
    corpus : Corpus, View or any object with the frames as attributes
        What to export.
    directory : path
        Folder to write (created).
    formats : sequence of {"csv", "geojson", "graphml"}
        Which exports to write (default: all).
    min_weight : int
        Lightest co-mention edge written to the GraphML.

    Returns
    -------
    dict of str to Path
        The files written, by file name.

    Raises
    ------
    ValueError
        An unknown format (the message lists the valid ones).
    """
    unknown = sorted(set(formats) - set(EXPORTS))
    if unknown:
        raise ValueError(f"unknown export format(s) {unknown}; valid: {', '.join(EXPORTS)}")
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    if "geojson" in formats:
        written["places.geojson"] = write_geojson(places_geojson(corpus), d / "places.geojson")
        written["events.geojson"] = write_geojson(events_geojson(corpus), d / "events.geojson")
    if "graphml" in formats:
        written["actors.graphml"] = write_graphml(
            corpus, d / "actors.graphml", min_weight=min_weight
        )
    if "csv" in formats:
        written.update(write_csv(corpus, d))
    return written

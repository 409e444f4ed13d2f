"""Country points from the shipped country shapes: geometry on invented shapes, rule on real ones."""

from __future__ import annotations

import json
import logging
import math

import pytest
from helpers import km

from analysis.geo import country_points as cp


def _square(lon0: float, lat0: float, size: float, steps: int = 20) -> list[list[float]]:
    """A closed ring (lon, lat) of a size x size degree square, counter-clockwise, with
    ``steps`` vertices per side (as real coastlines have: meridians curve when projected)."""
    corners = [(lon0, lat0), (lon0 + size, lat0), (lon0 + size, lat0 + size), (lon0, lat0 + size)]
    ring = []
    for (x0, y0), (x1, y1) in zip(corners, corners[1:] + corners[:1], strict=True):
        ring += [[x0 + (x1 - x0) * k / steps, y0 + (y1 - y0) * k / steps] for k in range(steps)]
    return ring + [ring[0]]


def _sphere_area(lat0: float, size: float) -> float:
    """Area (km2) of a size x size degree square whose south edge is at ``lat0``."""
    r = 6371.0088
    south, north = math.radians(lat0), math.radians(lat0 + size)
    return r * r * math.radians(size) * (math.sin(north) - math.sin(south))


def _write_topology(tmp_path, countries: dict[str, list[list[list[list[float]]]]]):
    """A TopoJSON file (no quantization) of invented countries: id -> polygons of rings."""
    arcs, geometries = [], []
    for code, polygons in countries.items():
        polys = []
        for rings in polygons:
            idx = []
            for ring in rings:
                arcs.append(ring)
                idx.append([len(arcs) - 1])
            polys.append(idx)
        geometries.append({"type": "MultiPolygon", "id": code, "arcs": polys})
    topo = {
        "type": "Topology",
        "objects": {"countries": {"type": "GeometryCollection", "geometries": geometries}},
        "arcs": arcs,
    }
    path = tmp_path / "shapes.json"
    path.write_text(json.dumps(topo), encoding="utf-8")
    return str(path)


def test_centre_of_a_square_and_of_a_square_with_a_hole(tmp_path):
    hole = _square(10.5, 0.0, 0.5)[::-1]  # the east half of the lower band, clockwise
    path = _write_topology(
        tmp_path,
        {
            "AAA": [[_square(10.0, 0.0, 1.0)]],
            "BBB": [[_square(10.0, 0.0, 1.0), hole]],
        },
    )
    points = cp.country_points(path)
    a, b = points["AAA"], points["BBB"]
    assert km(a.lat, a.lon, 0.5, 10.5) < 1
    assert a.area_km2 == pytest.approx(_sphere_area(0.0, 1.0), rel=0.01)
    assert b.area_km2 == pytest.approx(0.75 * a.area_km2, rel=0.01)
    # the hole takes land from the south-east: the centre moves north-west
    assert b.lat > a.lat + 0.05 and b.lon < a.lon - 0.05


def test_main_landmass_takes_near_islands_and_leaves_far_parts(tmp_path):
    mainland = _square(0.0, 0.0, 10.0)
    near_island = _square(11.0, 4.0, 1.0)  # about 110 km off the east coast
    far_part = _square(60.0, 0.0, 5.0)  # a quarter of the mainland, 50 degrees away
    path = _write_topology(tmp_path, {"CCC": [[mainland], [near_island], [far_part]]})
    point = cp.country_points(path)["CCC"]
    assert point.parts == 3
    areas = [_sphere_area(0.0, 10.0), _sphere_area(4.0, 1.0), _sphere_area(0.0, 5.0)]
    assert point.area_km2 == pytest.approx(sum(areas), rel=0.01)
    assert point.far_share == pytest.approx(areas[2] / sum(areas), rel=0.01)
    # the mainland centre, nudged east by the near island, nowhere near the far part
    assert 4.9 < point.lat < 5.1 and 5.0 < point.lon < 5.2


def test_island_chain_joins_link_by_link(tmp_path):
    islands = [[_square(2.0 * i, 0.0, 1.0)] for i in range(5)]  # 1-degree gaps (~111 km)
    path = _write_topology(tmp_path, {"DDD": islands})
    point = cp.country_points(path)["DDD"]
    assert point.far_share == 0.0
    assert km(point.lat, point.lon, 0.5, 4.5) < 5


def test_shape_across_the_antimeridian(tmp_path):
    ring = [[179.0, -1.0], [-179.0, -1.0], [-179.0, 1.0], [179.0, 1.0], [179.0, -1.0]]
    path = _write_topology(tmp_path, {"EEE": [[ring]]})
    point = cp.country_points(path)["EEE"]
    assert abs(point.lat) < 0.01 and abs(abs(point.lon) - 180.0) < 0.01
    assert point.area_km2 == pytest.approx(2 * _sphere_area(0.0, 1.0) * 2, rel=0.01)


def test_unreadable_shapes_give_no_points(tmp_path, caplog):
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="analysis.geo.country_points"):
        assert cp.country_points(str(bad)) == {}
        assert cp.country_points(str(tmp_path / "missing.json")) == {}
    assert "unreadable" in caplog.text


# --- the shipped shapes -----------------------------------------------------------------


@pytest.fixture(scope="module")
def cinfo():
    from analysis.geo._build import _countryinfo_records

    return _countryinfo_records()


@pytest.mark.parametrize("cc, iso3", [("US", "USA"), ("BR", "BRA"), ("AU", "AUS"), ("IN", "IND")])
def test_shipped_shape_areas_match_recorded_areas(cinfo, cc, iso3):
    point = cp.country_points()[iso3]
    assert point.area_km2 == pytest.approx(float(cinfo[cc]["area"]), rel=0.05)


def test_rule_on_shipped_shapes(cinfo):
    us = cp.shape_point("USA", cinfo["US"]["area"])
    assert us is not None and us.far_share >= cp.FAR_SHARE  # Alaska, Hawaii
    assert 30 < us.lat < 45 and -105 < us.lon < -90  # within the contiguous states
    # Tasmania lies within NEAR_KM of the mainland: no far parts, countryinfo stands
    assert cp.shape_point("AUS", cinfo["AU"]["area"]) is None
    # a shape that does not cover the recorded country is not used
    assert cp.shape_point("USA", 2 * float(cinfo["US"]["area"])) is None
    assert cp.shape_point("USA", None) is None
    assert cp.shape_point("XYZ", 1000.0) is None

"""analysis.export: each file read back by the library that reads it."""

from __future__ import annotations

import json

import networkx as nx
import pandas as pd
import pytest
from browser_helpers import fixture_corpus

from analysis import schema
from analysis.export import (
    actor_graph,
    events_geojson,
    export,
    places_geojson,
    write_csv,
    write_graphml,
)


@pytest.fixture(scope="module")
def corpus():
    return fixture_corpus()


def check_geojson(data: dict) -> list[dict]:
    """A structural check of RFC 7946 point collections; returns the features."""
    assert data["type"] == "FeatureCollection"
    assert isinstance(data["features"], list)
    for f in data["features"]:
        assert f["type"] == "Feature"
        assert f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert isinstance(lon, float) and isinstance(lat, float)
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert isinstance(f["properties"], dict)
        for value in f["properties"].values():  # flat, as QGIS and kepler.gl want
            assert value is None or isinstance(value, (str, int, float, bool))
    return data["features"]


def test_places_geojson_points_are_lon_lat(corpus, tmp_path):
    written = export(corpus, tmp_path, formats=["geojson"])
    data = json.loads(written["places.geojson"].read_text(encoding="utf-8"))
    features = check_geojson(data)
    located = corpus.places.dropna(subset=["lat", "lon"])
    assert len(features) == located["place_id"].nunique()
    by_id = {f["properties"]["place_id"]: f for f in features}
    row = located[located["name"] == "Vladivostok"].iloc[0]
    lon, lat = by_id[row["place_id"]]["geometry"]["coordinates"]
    assert (lon, lat) == pytest.approx((row["lon"], row["lat"]), abs=1e-5)  # not (lat, lon)
    counts = located.groupby("place_id").size()
    assert {k: f["properties"]["mentions"] for k, f in by_id.items()} == counts.to_dict()


def test_events_geojson_has_every_located_event(corpus, tmp_path):
    data = json.loads(json.dumps(events_geojson(corpus)))
    features = check_geojson(data)
    located = corpus.events.dropna(subset=["lat", "lon"])
    assert sorted(f["id"] for f in features) == sorted(located["event_id"])
    hanoi = next(f for f in features if f["properties"]["place_name"] == "Hanoi")
    assert "Donald Trump" in hanoi["properties"]["participants"]


def test_invalid_coordinates_are_left_out(corpus):
    places = corpus.places.copy()
    places.loc[places.index[0], "lat"] = 123.0  # no such latitude
    bad = type("C", (), {"places": places})()
    features = check_geojson(places_geojson(bad))
    assert len(features) == corpus.places.dropna(subset=["lat"])["place_id"].nunique() - 1


def test_graphml_reads_back_with_networkx(corpus, tmp_path):
    path = write_graphml(corpus, tmp_path / "actors.graphml")
    graph = nx.read_graphml(path)
    assert set(graph.nodes) == set(corpus.actors["actor_id"])
    assert graph.number_of_edges() == len(corpus.edges)
    for e in corpus.edges.itertuples():
        assert graph.edges[e.source, e.target]["weight"] == e.weight
    putin = graph.nodes["kb:putin"]
    assert putin["name"] == "Vladimir Putin" and putin["kind"] == "person"
    assert isinstance(putin["mentions"], int)
    assert actor_graph(corpus, min_weight=10**6).number_of_edges() == 0


def test_every_frame_as_csv_reads_back(corpus, tmp_path):
    written = write_csv(corpus, tmp_path)
    assert set(written) == {f"{name}.csv" for name in schema.SCHEMAS}
    for name in schema.SCHEMAS:
        back = pd.read_csv(written[f"{name}.csv"])
        frame = getattr(corpus, name)
        assert len(back) == len(frame), name
        assert list(back.columns) == list(frame.columns), name
    arts = pd.read_csv(written["articles.csv"])
    published = pd.to_datetime(arts["published"], utc=True)
    assert (published == corpus.articles["published"]).all()
    actors = pd.read_csv(written["actors.csv"])
    aliases = [json.loads(a) for a in actors["aliases"]]
    assert all(isinstance(a, list) for a in aliases)


def test_unknown_format_is_a_clear_error(corpus, tmp_path):
    with pytest.raises(ValueError, match="valid: csv, geojson, graphml"):
        export(corpus, tmp_path, formats=["shapefile"])


def test_cli_export_writes_the_files_and_filters(tmp_path):
    from test_cli import SAMPLE_DIR, run

    store = tmp_path / "corpus"
    r = run("build", str(SAMPLE_DIR), "-o", str(store))
    assert r.returncode == 0, r.stderr
    r = run("export", str(store), "--to", str(tmp_path / "all"))
    assert r.returncode == 0, r.stderr
    names = {p.name for p in (tmp_path / "all").iterdir()}
    assert {"places.geojson", "events.geojson", "actors.graphml", "articles.csv"} <= names
    check_geojson(json.loads((tmp_path / "all" / "places.geojson").read_text()))
    nx.read_graphml(tmp_path / "all" / "actors.graphml")
    r = run("export", str(store), "--to", str(tmp_path / "none"), "--source", "nobody")
    assert r.returncode == 0, r.stderr
    assert "selection: 0 article(s)" in r.stdout
    assert len(pd.read_csv(tmp_path / "none" / "articles.csv")) == 0
    r = run("export", str(store), "--to", str(tmp_path / "x"), "--only", "shapefile")
    assert r.returncode == 2 and "valid: csv, geojson, graphml" in r.stderr

"""Gazetteer, gazetteer geocoder, geoparse and geocode_table, on the real index."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from helpers import km

from analysis import schema


@pytest.fixture(scope="session")
def gaz_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("gazetteer")


@pytest.fixture(scope="session")
def gaz(gaz_dir):
    from analysis.geo.gazetteer import Gazetteer

    return Gazetteer(directory=gaz_dir)


@pytest.fixture(scope="session")
def geocoder(gaz):
    from analysis.geo import get_geocoder

    return get_geocoder("gazetteer", gazetteer=gaz)


# --- gazetteer ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "lat", "lon", "feature"),
    [
        ("Vladivostok", 43.1, 131.9, "city"),
        ("Yongbyon", 39.8, 125.8, "site"),
        ("Pyongyang", 39.03, 125.75, "capital"),
        ("Washington", 38.9, -77.04, "capital"),
        ("Russia", 60.0, 100.0, "country"),
        ("North Korea", 40.0, 127.0, "country"),
        ("the Korean peninsula", 38.0, 127.0, "region"),
        ("Sea of Japan", 40.0, 135.0, "physical"),
    ],
)
def test_gazetteer_geocoder_returns_geopy_locations(geocoder, query, lat, lon, feature):
    loc = geocoder.geocode(query)
    assert isinstance(loc, Location)
    assert km(loc.latitude, loc.longitude, lat, lon) < 50
    assert loc.raw["feature"] == feature
    assert {"geonameId", "countryCode", "population", "lat", "lng"} <= set(loc.raw)


def test_gazetteer_geocoder_is_a_geopy_geocoder_and_works_with_rate_limiter(geocoder):
    assert isinstance(geocoder, Geocoder)
    limited = RateLimiter(geocoder.geocode, min_delay_seconds=0)
    assert limited("Vladivostok").raw["countryCode"] == "RU"
    many = geocoder.geocode("Paris", exactly_one=False)
    assert isinstance(many, list) and len(many) > 1
    assert many[0].raw["countryCode"] == "FR"  # the capital ranks above Paris, Texas
    assert geocoder.geocode("Paris", country_codes="US").raw["countryCode"] == "US"
    assert geocoder.geocode("Xqzzyville Nowhere") is None
    assert geocoder.geocode("") is None


def test_gazetteer_names_normalize_and_demonyms(gaz):
    assert gaz.lookup("U.S.").country_code == "US"
    assert gaz.lookup("Côte d’Ivoire").country_code == "CI"
    dem = gaz.candidates("French")
    assert dem[0].place.feature == "country" and dem[0].place.country_code == "FR"
    assert gaz.lookup("Primorsky Krai").feature == "admin1"


def test_admin1_divisions_have_points_inside_their_country(gaz):
    texas = gaz.lookup("Texas")
    assert texas.feature == "admin1" and texas.country_code == "US"
    assert km(texas.lat, texas.lon, 31.0, -99.0) < 250


def test_every_country_point_comes_from_one_rule(gaz):
    """No pinned country: countryinfo's centroid, or the main landmass of a far-flung one."""
    import csv

    from analysis.geo._build import _countryinfo_records
    from analysis.settings import data_path

    with open(data_path("places.csv"), encoding="utf-8") as f:
        pinned = [r["name"] for r in csv.DictReader(f) if r["feature"] == "country"]
    assert pinned == []
    cinfo = _countryinfo_records()
    for cc in ("CA", "IN", "LY", "KP", "BR", "AU"):  # no far parts
        place = gaz.country(cc)
        assert (place.lat, place.lon) == tuple(float(x) for x in cinfo[cc]["latlng"]), cc
        assert place.source.startswith("countryinfo"), cc
    us = gaz.country("US")  # Alaska and Hawaii are far parts
    assert us.source.startswith("Natural Earth shape, centre of the main landmass")
    assert 30 < us.lat < 45 and -105 < us.lon < -90


def test_corrupted_index_is_detected_and_rebuilt(gaz, tmp_path):
    from analysis.geo.gazetteer import Gazetteer

    shutil.copy(gaz.path, tmp_path / gaz.path.name)
    shutil.copy(gaz.manifest, tmp_path / gaz.manifest.name)
    copy = Gazetteer(directory=tmp_path)
    assert copy.verify() and copy.lookup("Vladivostok") is not None
    copy.close()
    with open(tmp_path / gaz.path.name, "r+b") as f:
        f.seek(4096 * 3)
        f.write(b"\xff" * 512)
    rebuilt = Gazetteer(directory=tmp_path)
    assert rebuilt.verify()
    assert rebuilt.lookup("Vladivostok").country_code == "RU"


def test_get_geocoder_unknown_name_lists_valid_names():
    from analysis.geo import get_geocoder

    with pytest.raises(KeyError, match="gazetteer.*nominatim|nominatim.*gazetteer"):
        get_geocoder("no-such-geocoder")


def test_get_geocoder_accepts_instances(geocoder):
    from analysis.geo import get_geocoder

    assert get_geocoder(geocoder) is geocoder


# --- geoparse -------------------------------------------------------------------------

SAMPLE_TRUTH = {
    "Vladivostok": (43.1, 131.9),
    "Yongbyon": (39.8, 125.8),
    "Pyongyang": (39.03, 125.75),
    "Washington": (38.9, -77.04),
    "Russia": (60.0, 100.0),
    "North Korea": (40.0, 127.0),
    "US": (39.1, -98.8),  # centre of the main landmass (the contiguous states)
    "South Korea": (37.0, 127.5),
    "Japanese": (36.0, 138.0),  # the sample names Japan only by its demonym
    "Russian Far East": (62.0, 140.0),
    "Korean peninsula": (38.0, 127.0),
}


@pytest.fixture(scope="module")
def sample_places(sample_articles, nlp, gaz):
    from analysis.geo import geoparse
    from analysis.nlp import parse

    parsed = parse(sample_articles, nlp=nlp)
    places = geoparse(
        sample_articles, parsed.sentences, parsed.mentions, docs=parsed.docs, gazetteer=gaz
    )
    return sample_articles, parsed, places


def test_geoparse_sample_places_within_50_km(sample_places):
    _, _, places = sample_places
    schema.check(places, "places")
    for surface, (lat, lon) in SAMPLE_TRUTH.items():
        rows = places[places["text"].str.match(rf"{surface}\b")]
        assert len(rows), f"{surface} not found"
        for row in rows.itertuples():
            assert km(row.lat, row.lon, lat, lon) < 50, (surface, row.name, row.lat, row.lon)


def test_geoparse_sample_roles_and_review_columns(sample_places):
    articles, _, places = sample_places
    text = articles["text"].iloc[0]
    assert (places["end"] > places["start"]).all()
    assert all(
        text[s:e] == t
        for s, e, t in zip(places["start"], places["end"], places["text"], strict=True)
    )
    assert places["score"].between(0, 1).all()
    roles = dict(zip(places["text"], places["role"], strict=False))
    assert roles.get("North Korean") == "demonym"
    assert places.loc[places["text"] == "Vladivostok", "role"].iloc[0] == "literal"
    wash = places[places["text"] == "Washington"]
    assert "government" in set(wash["role"])  # "Washington's engagement"
    # ambiguous names carry a runner-up for review
    assert places.loc[places["text"] == "Washington", "runner_up"].notna().all()


def test_geoparse_override_wins(sample_places, gaz, tmp_path):
    from analysis.geo import geoparse

    articles, parsed, _ = sample_places
    # Washington, the US state (GeoNames 5815135)
    csv = tmp_path / "overrides.csv"
    csv.write_text("toponym,geonameid\nWashington,5815135\n", encoding="utf-8")
    places = geoparse(articles, parsed.sentences, parsed.mentions, gazetteer=gaz, overrides=csv)
    wash = places[places["text"] == "Washington"]
    assert len(wash) and (wash["geonameid"] == 5815135).all()
    assert (wash["source"] == "override").all()


def test_geoparse_hand_built_patterns(gaz):
    """Context: 'X, Y' picks the place in Y; a city in an otherwise empty article ranks by prior."""
    from analysis.geo import geoparse

    text = "Officials met in Portland, Maine on Tuesday. Later they flew to Paris."
    art = pd.DataFrame({"article_id": ["a1"], "text": [text]})
    for col in schema.SCHEMAS["articles"]:
        if col.name not in art:
            art[col.name] = None
    sents = pd.DataFrame(
        {"article_id": ["a1"], "sentence_id": [0], "start": [0], "end": [len(text)], "text": [text]}
    )
    spans = [("Portland", "GPE"), ("Maine", "GPE"), ("Paris", "GPE")]
    rows = []
    for surface, label in spans:
        s = text.index(surface)
        rows.append(
            {
                "article_id": "a1",
                "sentence_id": 0,
                "start": s,
                "end": s + len(surface),
                "text": surface,
                "label": label,
                "source": "ner",
                "actor_id": None,
                "place_id": None,
            }
        )
    ments = pd.DataFrame(rows)
    places = geoparse(art, sents, ments, gazetteer=gaz)
    got = {r.text: r for r in places.itertuples()}
    assert got["Portland"].country_code == "US"
    assert km(got["Portland"].lat, got["Portland"].lon, 43.66, -70.26) < 30  # Maine, not Oregon
    assert got["Paris"].country_code == "FR"


def test_link_mentions_fills_place_id(sample_places):
    from analysis.geo import link_mentions

    _, parsed, places = sample_places
    linked = link_mentions(parsed.mentions, places)
    row = linked[linked["text"] == "Vladivostok"].iloc[0]
    assert row["place_id"] == places[places["text"] == "Vladivostok"]["place_id"].iloc[0]
    assert linked.loc[linked["label"] == "PERSON", "place_id"].isna().sum() > 0


def test_geocode_table(gaz):
    from analysis.geo import geocode_table

    table = geocode_table(["Vladivostok", "Yongbyon", "Nowhere-at-all-xyz"], gazetteer=gaz)
    assert list(table.columns[:6]) == ["name", "lat", "lon", "country", "feature", "source"]
    assert table.loc[0, "country"] == "RU"
    assert table.loc[1, "feature"] == "site"
    assert pd.isna(table.loc[2, "lat"])


def test_country_lookup_gives_each_code_its_country_entry(gaz):
    rows = gaz._con.execute(
        "SELECT country_code, place_id FROM places WHERE feature = 'country' ORDER BY pid"
    ).fetchall()
    first: dict[str, str] = {}
    for code, place_id in rows:
        first.setdefault(code, place_id)
    assert len(first) > 200
    for code, place_id in first.items():
        assert gaz.country(code).place_id == place_id
        assert gaz.country(code.lower()).place_id == place_id
    assert gaz.country("XX") is None and gaz.country("XX") is None
    assert gaz.country("KP").name == "North Korea"

"""Online geocoders (geopy's own classes) against a local fake Nominatim on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = pytest.mark.network


class _Handler(BaseHTTPRequestHandler):
    behaviour: dict = {}
    hits: list = []

    def log_message(self, *args):  # keep test output quiet
        pass

    def do_GET(self):
        q = parse_qs(urlparse(self.path).query).get("q", [""])[0]
        type(self).hits.append(q)
        mode = type(self).behaviour.get(q, "ok")
        if mode == "500":
            self.send_response(500)
            self.end_headers()
            return
        if mode == "429":
            self.send_response(429)
            self.end_headers()
            return
        if mode == "slow":
            time.sleep(1.5)
        body = []
        if mode == "ok":
            body = [
                {
                    "lat": "43.1056",
                    "lon": "131.8735",
                    "display_name": f"{q}, Russia",
                    "class": "place",
                    "type": "city",
                    "place_id": 1,
                }
            ]
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture()
def server():
    _Handler.behaviour = {}
    _Handler.hits = []
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def _nominatim(server, tmp_path, **extra):
    from analysis.geo import get_geocoder

    return get_geocoder(
        "nominatim",
        user_agent="newsdesk-tests",
        domain=f"127.0.0.1:{server.server_address[1]}",
        scheme="http",
        timeout=1,
        cache=tmp_path / "cache.sqlite",
        **extra,
    )


def test_nominatim_requires_user_agent(tmp_path):
    from analysis.geo import get_geocoder

    with pytest.raises(ValueError, match="user_agent"):
        get_geocoder("nominatim", cache=tmp_path / "c.sqlite")


def test_unknown_setting_is_a_clear_error(tmp_path):
    from analysis.geo import get_geocoder

    with pytest.raises(TypeError, match="unknown setting"):
        get_geocoder("photon", colour="blue", cache=tmp_path / "c.sqlite")


def test_answers_are_cached_and_no_query_goes_out_twice(server, tmp_path):
    geo = _nominatim(server, tmp_path, min_delay_seconds=0)
    first = geo.geocode("Vladivostok")
    assert first.latitude == pytest.approx(43.1056)
    again = geo.geocode("Vladivostok")
    assert again.address == first.address and again.raw == first.raw
    assert _Handler.hits.count("Vladivostok") == 1
    # a new process (new geocoder object, same cache file) still does not ask again
    geo2 = _nominatim(server, tmp_path)
    assert geo2.geocode("Vladivostok").latitude == pytest.approx(43.1056)
    assert _Handler.hits.count("Vladivostok") == 1
    # "no match" is an answer too, cached
    _Handler.behaviour["Atlantis"] = "empty"
    assert geo.geocode("Atlantis") is None
    assert geo.geocode("Atlantis") is None
    assert _Handler.hits.count("Atlantis") == 1


def test_nominatim_is_rate_limited_to_one_per_second(server, tmp_path):
    geo = _nominatim(server, tmp_path, min_delay_seconds=0)  # floor of 1 s still applies
    assert geo._limited.min_delay_seconds >= 1.0


@pytest.mark.parametrize("mode", ["500", "429", "slow"])
def test_failures_warn_return_none_and_are_not_cached(server, tmp_path, mode):
    from analysis.geo import GeocodingWarning

    geo = _nominatim(server, tmp_path)
    _Handler.behaviour["Pyongyang"] = mode
    with pytest.warns(GeocodingWarning):
        assert geo.geocode("Pyongyang") is None
    assert len(geo.cache) == 0
    _Handler.behaviour["Pyongyang"] = "ok"
    assert geo.geocode("Pyongyang").latitude == pytest.approx(43.1056)
    assert len(geo.cache) == 1


def test_corrupt_cache_file_is_moved_aside(tmp_path):
    from analysis.geo import GeocodeCache

    path = tmp_path / "cache.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    cache = GeocodeCache(path)
    cache.put("x", "q", "{}", None)
    assert len(cache) == 1
    assert list(tmp_path.glob("cache.sqlite.corrupt-*"))

"""A scripted fake geocoding service on 127.0.0.1 (real HTTP, real sockets, no mocks).

It answers Nominatim-style ``/search?q=...`` and Pelias-style ``/v1/search?text=...``
requests (Pelias takes an ``api_key``, so credentials can be checked).  Each query name has a script:
a list of steps consumed one per request (the last one repeats), so "fail twice,
then answer" is ``server.script("Seoul", 503, 503, "ok")``.  Steps:

``"ok"``       200 with one result (Nominatim JSON or Pelias GeoJSON)
``"empty"``    200 with ``[]`` (no match)
``"hang"``     never answers until the server stops (a timeout, deterministically)
``"garbage"``  200 with a body that is not JSON
``"badshape"`` 200 with JSON of the wrong shape
``"nolatlon"`` 200 with a result lacking coordinates
``"html"``     200 with an HTML error page
an int         that HTTP status (429 carries ``Retry-After: 1``)

Every request is recorded in ``server.hits`` as ``(monotonic time, query, full path)``.
:func:`closed_port` gives a port on which nothing listens (network down).
"""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

__all__ = ["FakeGeocoder", "closed_port"]


def closed_port() -> int:
    """A local TCP port with no listener: connecting is refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class FakeGeocoder:
    """Start with ``with FakeGeocoder() as server:``; ``server.domain`` is ``127.0.0.1:PORT``."""

    def __init__(self) -> None:
        self.scripts: dict[str, list] = {}
        self.hits: list[tuple[float, str, str]] = []
        self._release = threading.Event()
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):  # noqa: N802 - http.server's name
                params = parse_qs(urlparse(self.path).query)
                query = (params.get("q") or params.get("text") or [""])[0]
                with fake._lock:
                    fake.hits.append((time.monotonic(), query, self.path))
                    steps = fake.scripts.get(query, ["ok"])
                    step = steps.pop(0) if len(steps) > 1 else steps[0]
                fake._answer(self, query, step)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def domain(self) -> str:
        return f"127.0.0.1:{self._server.server_address[1]}"

    def script(self, query: str, *steps) -> None:
        """Set what the next requests for ``query`` get (the last step repeats)."""
        with self._lock:
            self.scripts[query] = list(steps)

    def count(self, query: str) -> int:
        return sum(1 for _, q, _ in self.hits if q == query)

    def times(self, query: str) -> list[float]:
        return [t for t, q, _ in self.hits if q == query]

    def _answer(self, handler: BaseHTTPRequestHandler, query: str, step) -> None:
        if step == "hang":
            self._release.wait()
            return
        headers = {"Content-Type": "application/json"}
        status = 200
        if isinstance(step, int):
            status, body = step, json.dumps({"error": f"status {step}"}).encode()
            if step == 429:
                headers["Retry-After"] = "1"
        elif step == "ok" and handler.path.startswith("/v1/"):  # Pelias: GeoJSON
            body = json.dumps({"type": "FeatureCollection", "features": [{
                "type": "Feature", "geometry": {"type": "Point", "coordinates": [126.978, 37.5665]},
                "properties": {"name": query, "label": f"{query}, Fakeland", "layer": "locality"},
            }]}).encode()  # fmt: skip
        elif step == "ok":
            body = json.dumps([{
                "lat": "37.5665", "lon": "126.9780", "display_name": f"{query}, Fakeland",
                "class": "place", "type": "city", "place_id": 7, "importance": 0.9,
            }]).encode()  # fmt: skip
        elif step == "empty":
            body = b"[]"
        elif step == "garbage":
            body = b"\x00\xffnot json at all{{{"
        elif step == "badshape":
            body = json.dumps({"results": {"unexpected": [1, 2, 3]}}).encode()
        elif step == "nolatlon":
            body = json.dumps([{"display_name": query, "lat": None, "lon": "x"}]).encode()
        elif step == "html":
            headers["Content-Type"] = "text/html"
            body = b"<html><body><h1>Bad gateway</h1></body></html>"
        else:  # pragma: no cover - a typo in a test
            raise ValueError(f"unknown step {step!r}")
        handler.send_response(status)
        for k, v in headers.items():
            handler.send_header(k, v)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def __enter__(self) -> FakeGeocoder:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._release.set()
        self._server.shutdown()
        self._server.server_close()

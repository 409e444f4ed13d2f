"""A persistent geocoding cache in SQLite (WAL journal, one transaction per write).

Only successful answers are stored (a place, a list of places, or "no match"); a
network failure is never written, so it is retried next time.  A cache file that
cannot be opened is moved aside (``*.corrupt-<time>``) and a fresh one started, so a
damaged file never stops geocoding.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
import threading
import time
from pathlib import Path

from ..settings import cache_dir

log = logging.getLogger(__name__)

__all__ = ["GeocodeCache", "MISS"]

#: Returned by :meth:`GeocodeCache.get` when the query was never answered.
MISS = object()


class GeocodeCache:
    """Answers of geocoders keyed by (geocoder, query, settings).

    Parameters
    ----------
    path : path-like, optional
        SQLite file; default ``cache_dir() / "geocode-cache.sqlite"``.
    """

    def __init__(self, path: str | os.PathLike | None = None) -> None:
        self.path = Path(path) if path is not None else cache_dir() / "geocode-cache.sqlite"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._con = self._connect()

    def _connect(self) -> sqlite3.Connection:
        for attempt in range(2):
            try:
                con = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
                con.execute("PRAGMA journal_mode=WAL")
                con.execute("PRAGMA synchronous=NORMAL")
                con.execute(
                    "CREATE TABLE IF NOT EXISTS answers (geocoder TEXT, query TEXT, settings TEXT,"
                    " answer TEXT, created REAL, PRIMARY KEY (geocoder, query, settings))"
                )
                con.execute("SELECT count(*) FROM answers LIMIT 1").fetchone()
                ok = con.execute("PRAGMA quick_check").fetchone()[0]
                if ok != "ok":
                    con.close()
                    raise sqlite3.DatabaseError(f"integrity check failed: {ok}")
                return con
            except sqlite3.DatabaseError as exc:
                if attempt:
                    raise
                self._move_aside(exc)
        raise AssertionError("unreachable")

    def _move_aside(self, exc: Exception) -> None:
        aside = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
        log.warning("geocode cache %s unreadable (%s); moved to %s", self.path, exc, aside)
        for suffix in ("", "-wal", "-shm"):
            p = Path(str(self.path) + suffix)
            if p.exists():
                os.replace(p, Path(str(aside) + suffix))

    def _recover(self, exc: Exception) -> None:
        """A page went bad while in use: start a fresh cache file (caller holds the lock)."""
        with contextlib.suppress(sqlite3.Error):
            self._con.close()
        self._move_aside(exc)
        self._con = self._connect()

    def get(self, geocoder: str, query: str, settings: str):
        """The stored answer (JSON-decoded), or :data:`MISS`."""
        sql = "SELECT answer FROM answers WHERE geocoder = ? AND query = ? AND settings = ?"
        with self._lock:
            try:
                row = self._con.execute(sql, (geocoder, query, settings)).fetchone()
            except sqlite3.DatabaseError as exc:
                self._recover(exc)
                return MISS
        if row is None:
            return MISS
        try:
            return json.loads(row[0])
        except ValueError:
            return MISS

    def put(self, geocoder: str, query: str, settings: str, answer) -> None:
        """Store a successful answer (JSON-serialisable) atomically."""
        blob = json.dumps(answer, ensure_ascii=False)
        row = (geocoder, query, settings, blob, time.time())
        sql = "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?)"
        with self._lock:
            for attempt in range(2):
                try:
                    with self._con:
                        self._con.execute(sql, row)
                    return
                except sqlite3.DatabaseError as exc:
                    if attempt:
                        log.warning("geocode cache: answer not stored (%s)", exc)
                        return
                    self._recover(exc)

    def __len__(self) -> int:
        with self._lock:
            return self._con.execute("SELECT count(*) FROM answers").fetchone()[0]

    def close(self) -> None:
        """Close the file."""
        with self._lock:
            self._con.close()

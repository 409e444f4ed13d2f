"""Places: an offline gazetteer, geopy-compatible geocoders, and geoparsing.

>>> from analysis.geo import get_geocoder
>>> get_geocoder().geocode("Vladivostok").point          # doctest: +SKIP
Point(43.10562, 131.87353, 0.0)

Heavy modules (pandas, the geoparser) load on first use so that a new process
geocodes its first name quickly.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "Gazetteer",
    "Place",
    "get_gazetteer",
    "get_geocoder",
    "GazetteerGeocoder",
    "CachedGeocoder",
    "GeocodeCache",
    "GeocodingWarning",
    "GEOCODERS",
    "geoparse",
    "link_mentions",
    "load_overrides",
    "geocode_table",
    "normalize",
]

_LAZY = {
    "Gazetteer": "analysis.geo.gazetteer",
    "Place": "analysis.geo.gazetteer",
    "get_gazetteer": "analysis.geo.gazetteer",
    "get_geocoder": "analysis.geo.geocoders",
    "GazetteerGeocoder": "analysis.geo.geocoders",
    "CachedGeocoder": "analysis.geo.geocoders",
    "GeocodingWarning": "analysis.geo.geocoders",
    "GEOCODERS": "analysis.geo.geocoders",
    "GeocodeCache": "analysis.geo.cache",
    "geoparse": "analysis.geo.toponyms",
    "link_mentions": "analysis.geo.toponyms",
    "load_overrides": "analysis.geo.toponyms",
    "geocode_table": "analysis.geo.table",
    "normalize": "analysis.geo._normalize",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis.geo' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__

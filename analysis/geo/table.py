"""Geocode a list of names into a small table (used by ``newsdesk geocode``)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

import pandas as pd

from .gazetteer import Gazetteer

log = logging.getLogger(__name__)

__all__ = ["geocode_table"]

COLUMNS = ["name", "lat", "lon", "country", "feature", "source", "query", "geonameid"]


def geocode_table(
    names: Iterable[str],
    *,
    geocoder: str | Any = "gazetteer",
    gazetteer: Gazetteer | None = None,
) -> pd.DataFrame:
    """Geocode each name; one row per name, in order.

    Parameters
    ----------
    names : iterable of str
        Place names.
    geocoder : str or geocoder
        A name for :func:`analysis.geo.get_geocoder` or an instance.
    gazetteer : Gazetteer, optional
        The index for the "gazetteer" geocoder (default: the shared one).

    Returns
    -------
    pandas.DataFrame
        Columns name, lat, lon, country (ISO alpha-2), feature, source, query,
        geonameid; a name that is not found keeps a row with missing values.
    """
    from .geocoders import get_geocoder

    if isinstance(geocoder, str) and geocoder == "gazetteer" and gazetteer is not None:
        geo = get_geocoder("gazetteer", gazetteer=gazetteer)
    else:
        geo = get_geocoder(geocoder)
    rows = []
    for query in names:
        loc = geo.geocode(query) if isinstance(query, str) and query.strip() else None
        if loc is None:
            log.info("geocode: no match for %r", query)
            rows.append({"name": None, "query": query})
            continue
        raw = loc.raw or {}
        rows.append(
            {
                "name": raw.get("name") or loc.address,
                "lat": loc.latitude,
                "lon": loc.longitude,
                "country": raw.get("countryCode") or raw.get("country_code"),
                "feature": raw.get("feature") or raw.get("type") or raw.get("class"),
                "source": raw.get("source") or type(getattr(geo, "geocoder", geo)).__name__,
                "query": query,
                "geonameid": raw.get("geonameId"),
            }
        )
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["lat"] = pd.to_numeric(frame["lat"], errors="coerce").astype("float64")
    frame["lon"] = pd.to_numeric(frame["lon"], errors="coerce").astype("float64")
    frame["geonameid"] = pd.to_numeric(frame["geonameid"], errors="coerce").astype("Int64")
    for col in ("name", "country", "feature", "source", "query"):
        frame[col] = frame[col].astype("string")
    return frame

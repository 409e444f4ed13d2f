"""The country a place name stands for, from the gazetteer (offline).

Used to qualify a body every country has ("the Supreme Court") by the country its article
is about, when that country is outside the knowledge base.
"""

from __future__ import annotations

import functools
import re

from analysis.actors.kb import KBIndex

__all__ = ["gazetteer_country"]


@functools.lru_cache(maxsize=4096)
def _gazetteer_place_country(text: str, countries_only: bool = False) -> str | None:
    """ISO code of the country of the place the gazetteer knows by ``text`` (when that
    place is a country, with ``countries_only``), or None."""
    try:
        from analysis.geo.gazetteer import get_gazetteer

        place = get_gazetteer().lookup(text)
    except Exception:  # noqa: BLE001 -- no gazetteer here: no country
        return None
    if place is None or not place.country_code:
        return None
    if countries_only and place.feature != "country":
        return None
    return place.country_code


def gazetteer_country(text: str, index: KBIndex, *, countries_only: bool = False) -> str | None:
    """The name of the country of the place named ``text``, or None.

    Parameters
    ----------
    text : str
        A place name ("Nairobi", "Kenya").
    index : KBIndex
        The knowledge base: a country it holds is named as its government is.
    countries_only : bool, default False
        Only a name that is itself a country counts ("Texas" then gives None).

    Returns
    -------
    str or None
        "Kenya", "United States", ...
    """
    code = _gazetteer_place_country(text.strip(), countries_only)
    if code is None:
        return None
    gov = index.countries.get(code)
    if gov is not None:
        return re.sub(r"^Government of (the )?", "", index.actors[gov]["name"])
    try:
        from analysis.geo.gazetteer import get_gazetteer

        country = get_gazetteer().country(code)
    except Exception:  # noqa: BLE001
        return None
    return country.name if country is not None else None

"""The country a place name stands for, from the gazetteer (offline).

Used to qualify a body every country has ("the Supreme Court") by the country its article
is about, when that country is outside the knowledge base.
"""

from __future__ import annotations

import functools
import re

from analysis.actors.kb import KBIndex, normalize_name, slugify

__all__ = ["acting_demonym_actor", "country_code", "gazetteer_country"]


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


def country_code(name: str, index: KBIndex) -> str | None:
    """The ISO code of the country named ``name`` as :func:`gazetteer_country` and the
    knowledge base's governments name countries ("United States" -> "US"), or None.

    Parameters
    ----------
    name : str
        A country's name.
    index : KBIndex
        The knowledge base.

    Returns
    -------
    str or None
    """
    for code, gov in index.countries.items():
        if re.sub(r"^Government of (the )?", "", index.actors[gov]["name"]) == name:
            return code
    return _gazetteer_place_country(name.strip(), True)


def acting_demonym_actor(span, index: KBIndex) -> tuple[str, str, str] | None:
    """The government a country's adjective names when it qualifies those who act for
    the state ("Ruritanian officials said", see
    :func:`analysis.actors.syntax.acting_demonym`), else None.

    Parameters
    ----------
    span : spacy.tokens.Span
        The adjective ("Ruritanian").
    index : KBIndex
        The knowledge base: its governments' demonyms come first; another country's
        adjective is read by the gazetteer ("Kenyan" -> Kenya).

    Returns
    -------
    tuple of (actor_id, kind, name) or None
        The knowledge base's government, or ``("x:kenya", "government", "Kenya")`` --
        the actor the country's own name stands for when it acts ("Kenya said").
    """
    from analysis.actors.syntax import acting_demonym

    if not acting_demonym(span):
        return None
    gov = index.demonyms.get(normalize_name(span.text))
    code = None if gov else _gazetteer_place_country(span.text.strip(), True)
    gov = gov or (index.countries.get(code) if code else None)
    if gov:
        return gov, str(index.actors[gov]["kind"]), str(index.actors[gov]["name"])
    name = gazetteer_country(span.text, index, countries_only=True)
    if name is None:
        return None
    return f"x:{slugify(name)}", "government", name

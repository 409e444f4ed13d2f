"""Capitals that stand for their country's government: "talks between Ruritania and
Bexley" when the article names the country of a capital ("Bexley") too.

The actors stage links a capital to the government when its knowledge base knows the
metonym ("Washington"); for the others it keeps the city as an actor of its own.  In
an event's participants such a capital is the country it is the capital of, when the
article names that country as an actor: the talks are between the governments.
"""

from __future__ import annotations

from collections import Counter

from .model import is_na

__all__ = ["capital_metonyms"]


def capital_metonyms(mentions: list[dict] | None, places: list[dict] | None) -> dict[str, str]:
    """``capital actor id -> country actor id`` for one article.

    Parameters
    ----------
    mentions : list of dict
        The article's actor mentions with ``actor_id`` and ``place_id``.
    places : list of dict
        The article's place mentions with ``place_id``, ``feature`` and ``country_code``.

    Returns
    -------
    dict
        For each actor (not from the knowledge base) named by a mention of a capital
        whose country the article names as another actor, that country's actor.
    """
    info: dict[str, tuple[str, str]] = {}
    for r in places or ():
        pid, code = r.get("place_id"), r.get("country_code")
        if is_na(pid) or is_na(code) or not code:
            continue
        info[str(pid)] = (str(r.get("feature") or ""), str(code))
    if not info:
        return {}
    countries: dict[str, Counter] = {}
    capitals: dict[str, str] = {}
    for r in mentions or ():
        aid, pid = r.get("actor_id"), r.get("place_id")
        if is_na(aid) or is_na(pid) or str(pid) not in info:
            continue
        feature, code = info[str(pid)]
        if feature == "country":
            countries.setdefault(code, Counter())[str(aid)] += 1
        elif feature == "capital" and not str(aid).startswith("kb:"):
            capitals[str(aid)] = code
    out: dict[str, str] = {}
    for aid, code in capitals.items():
        if code in countries:
            country = countries[code].most_common(1)[0][0]
            if country != aid:
                out[aid] = country
    return out

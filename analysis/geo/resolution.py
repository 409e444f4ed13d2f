"""Toponym resolution: choose one gazetteer place for every toponym of an article.

Each candidate starts from its prior (:func:`analysis.geo.gazetteer.prior_score`:
population, feature type, kind of name) and gains evidence from the rest of the article:

* country context: the countries the article names, or that its unambiguous toponyms lie in;
* regional context: the first-level divisions that hold its confident toponyms;
* containment: "X, Y" and "X in Y", where Y's place restricts X ("Bend, Oregon") and X's
  candidates choose among Y's ("Yakima, Washington" is the state, not the capital);
* closeness to the article's confident places.

Every weight is a field of :class:`RankingWeights`. ``score`` is the winner's share of the
softmax over the candidates' totals and ``runner_up`` names the second-best place.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from .gazetteer import Place
from .recognition import CONTAINER_FEATURES, Toponym

__all__ = ["DEFAULT_WEIGHTS", "RankingWeights", "resolve"]


@dataclass(frozen=True)
class RankingWeights:
    """The weights of toponym resolution, in log10-population units of the prior.

    Attributes
    ----------
    country_context : float
        Bonus for a candidate in a country the article points to, times that country's
        share of the article's country evidence.
    weak_country_vote : float
        Country evidence from a toponym that is ambiguous but whose first candidate leads
        by more than ``confident_gap`` (an unambiguous toponym or a named country,
        division or capital counts 1).
    regional : float
        Bonus for a candidate in a first-level division the article is about, times that
        division's share of the article's regional evidence.
    soft_evidence_gap : float
        Largest prior gap that regional and closeness bonuses bridge: they decide only
        between comparable candidates, and do not send "Portland" to a Texan village of
        15,000 because the article names Texan cities.
    in_named_country : float
        Bonus for "X, Y" / "X in Y" / "X near Y" / "X of Y" when Y is a country and the
        candidate lies in it.
    in_named_division : float
        The same when Y is a first-level division holding the candidate.
    holds_previous : float
        Bonus for a division or country candidate of Y that holds a candidate of the X
        before it ("Yakima, Washington": the state).
    closeness : float
        Bonus for a city, capital or division within ``closeness_km`` of one of the
        article's confident places.
    closeness_km : float
        Distance for ``closeness``.
    confident_gap : float
        Prior lead of a toponym's first candidate over its second that makes the first
        a confident reading (used as evidence for the others).
    max_anchors : int
        Confident places compared for closeness.
    max_inner_candidates : int
        Candidates of X compared with each candidate of Y for ``holds_previous``.
    """

    country_context: float = 2.0
    weak_country_vote: float = 0.5
    regional: float = 1.0
    soft_evidence_gap: float = 1.0
    in_named_country: float = 4.0
    in_named_division: float = 5.0
    holds_previous: float = 5.0
    closeness: float = 1.0
    closeness_km: float = 300.0
    confident_gap: float = 2.0
    max_anchors: int = 20
    max_inner_candidates: int = 8


#: The weights geoparse uses unless told otherwise.
DEFAULT_WEIGHTS = RankingWeights()

#: "X, Y" / "X in Y" / "X near Y" / "X of Y": the text between two linked toponyms.
_LINK = re.compile(r"(?:,\s*|\s+in\s+|\s+near\s+|\s+of\s+)")
#: Upper bound of a softmax exponent (keeps ``math.exp`` finite).
_EXP_CAP = 50.0


def km(a: Place, lat: float, lon: float) -> float:
    """Great-circle distance in kilometres from place ``a`` to (lat, lon)."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, lat, lon))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _lead(t: Toponym) -> float:
    """How far the first candidate's prior leads the second's (the prior if alone)."""
    return t.cands[0].prior - (t.cands[1].prior if len(t.cands) > 1 else 0.0)


def resolve(text: str, tops: list[Toponym], weights: RankingWeights = DEFAULT_WEIGHTS) -> None:
    """Choose a candidate for every toponym of one article (sets ``chosen``, ``score``,
    ``runner_up``).

    Parameters
    ----------
    text : str
        The article text.
    tops : list of Toponym
        The article's toponyms in text order, each with at least one candidate.
    weights : RankingWeights, optional
        The ranking weights (default :data:`DEFAULT_WEIGHTS`).
    """
    w = weights
    for t in tops:  # context-free choice first
        t.chosen = t.cands[0]
    # "X, Y" / "X in Y": Y's place restricts X
    by_start = {t.start: t for t in tops}
    links: dict[int, Toponym] = {}
    for t in tops:
        m = _LINK.match(text[t.end : t.end + 8])
        if m:
            nxt = by_start.get(t.end + m.end())
            if nxt is not None:
                links[id(t)] = nxt
    # ... and X's candidates choose among Y's: "Yakima, Washington" is the state
    inner_of = {id(nxt): t for t in tops if (nxt := links.get(id(t))) is not None}
    # country context: countries named or implied by unambiguous toponyms
    context: Counter = Counter()
    for t in tops:
        c = t.cands[0].place
        if c.country_code and (len(t.cands) == 1 or c.feature in ("country", "admin1", "capital")):
            context[c.country_code] += 1
        elif c.country_code and _lead(t) > w.confident_gap:
            context[c.country_code] += w.weak_country_vote
    # first-level division context: divisions named or holding confident toponyms
    regional: Counter = Counter()
    for t in tops:
        c = t.cands[0].place
        if (
            c.admin1
            and c.feature in ("city", "capital", "admin1")
            and (len(t.cands) == 1 or _lead(t) > w.confident_gap)
        ):
            regional[(c.country_code, c.admin1)] += 1
    regional_total = sum(regional.values()) or 1.0
    # closeness: the article's confident places
    anchors = [
        t.cands[0].place
        for t in tops
        if t.cands[0].place.feature not in ("continent", "region", "physical")
        and (len(t.cands) == 1 or _lead(t) > w.confident_gap)
    ][: w.max_anchors]
    total = sum(context.values()) or 1.0
    for t in tops:
        if len(t.cands) == 1:
            t.chosen, t.score = t.cands[0], 1.0
            continue
        outer = links.get(id(t))
        outer_place = outer.cands[0].place if outer is not None else None
        inner = inner_of.get(id(t))
        top_prior = max(c.prior for c in t.cands)
        scored = []
        for c in t.cands:
            p = c.place
            s = c.prior
            soft = c.prior >= top_prior - w.soft_evidence_gap
            if p.feature not in ("country", "continent") and p.country_code:
                s += w.country_context * context.get(p.country_code, 0) / total
                if p.admin1 and soft:
                    s += w.regional * regional.get((p.country_code, p.admin1), 0) / regional_total
            if outer_place is not None and outer_place.pid != p.pid:
                if outer_place.feature == "country" and p.country_code == outer_place.country_code:
                    s += w.in_named_country
                elif (
                    outer_place.feature == "admin1"
                    and p.country_code == outer_place.country_code
                    and p.admin1 == outer_place.admin1
                ):
                    s += w.in_named_division
            if (
                inner is not None
                and p.feature in CONTAINER_FEATURES
                and any(
                    q.place.country_code == p.country_code
                    and (p.feature == "country" or q.place.admin1 == p.admin1)
                    and q.place.pid != p.pid
                    for q in inner.cands[: w.max_inner_candidates]
                )
            ):
                s += w.holds_previous
            if soft and anchors and p.feature in ("city", "admin1", "capital"):
                others = [a for a in anchors if a.pid != p.pid]
                if others and min(km(p, a.lat, a.lon) for a in others) < w.closeness_km:
                    s += w.closeness
            scored.append((s, c))
        scored.sort(key=lambda x: -x[0])
        t.chosen = scored[0][1]
        seen = {t.chosen.place.pid}
        runner = next((c for _, c in scored[1:] if c.place.pid not in seen), None)
        exps = [math.exp(min(_EXP_CAP, x - scored[0][0])) for x, _ in scored]
        t.score = 1.0 / sum(exps)
        if runner is not None:
            t.runner_up = f"{runner.place.name} ({runner.place.place_id})"

"""Geoparsing: find the toponyms of each article and resolve them to gazetteer places.

Recognition
    * entity spans from ``mentions``: GPE, LOC and FAC (and spans the curated-places
      ruler tagged), NORP spans that are demonyms ("French" -> France), and ORG spans
      that are curated sites or unions ("the Kremlin", "EU");
    * gazetteer phrase matching over capitalized word sequences, for names the model
      misses or mislabels ("Yongbyon" tagged PERSON): strong entries (countries,
      continents, regions, sites, first-level divisions, capitals, demonyms) always;
      cities when populous enough and not a common word elsewhere in the text, and
      single-word cities not at a sentence start.
Resolution
    candidates ranked by prior (population and feature type), then by the article's
    country context, "X, Y" and "X in Y" patterns, and closeness to the article's
    other places; ``score`` is the winner's share of the softmax over candidates and
    ``runner_up`` names the second-best place.  An override table wins.
Role
    literal, government (metonymy: "Pyongyang said", "Washington's engagement", "the
    Kremlin"), demonym ("French", "North Korean"), modifier ("US-North Korea talks").
"""

from __future__ import annotations

import bisect
import logging
import math
import os
import re
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from .. import schema
from ._extra import STATE_ABBREVIATIONS
from ._normalize import normalize
from .gazetteer import (
    KIND_ABBR,
    KIND_DEMONYM,
    KIND_NAME,
    Candidate,
    Gazetteer,
    Place,
    get_gazetteer,
)

log = logging.getLogger(__name__)

__all__ = ["geoparse", "link_mentions", "load_overrides", "toponyms_to_eupeg"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
STRONG_FEATURES = frozenset({"country", "continent", "region", "physical", "site", "capital"})
CITY_MIN_POP = 50_000
#: Ranking bonus for a candidate in the first-level division the article is about.
REGIONAL_WEIGHT = 1.0
#: Largest prior gap (log10 population units) that regional and closeness bonuses bridge.
SOFT_EVIDENCE_GAP = 1.0
SINGLE_CITY_MIN_POP = 100_000
GOVERNMENT_VERBS = frozenset(
    [
        "said",
        "says",
        "say",
        "told",
        "tells",
        "announced",
        "announces",
        "confirmed",
        "confirms",
        "warned",
        "warns",
        "denied",
        "denies",
        "rejected",
        "rejects",
        "accused",
        "accuses",
        "urged",
        "urges",
        "demanded",
        "demands",
        "wants",
        "wanted",
        "insisted",
        "insists",
        "agreed",
        "agrees",
        "refused",
        "refuses",
        "threatened",
        "threatens",
        "claimed",
        "claims",
        "responded",
        "responds",
        "condemned",
        "condemns",
        "signed",
        "signs",
        "pledged",
        "pledges",
        "vowed",
        "vows",
        "imposed",
        "imposes",
        "sanctioned",
        "declared",
        "declares",
        "decided",
        "decides",
        "hopes",
        "hoped",
        "believes",
        "believed",
        "sees",
        "saw",
        "plans",
        "planned",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "can",
        "must",
        "is",
        "was",
    ]
)
GOVERNMENT_SITES = frozenset({"site"})
#: Seats of government whose name stands for the government itself.
GOVERNMENT_SEATS = frozenset(
    {
        "kremlin",
        "white house",
        "pentagon",
        "elysee",
        "elysee palace",
        "blue house",
        "downing street",
        "zhongnanhai",
    }
)
_TOKEN = re.compile(r"[^\W\d_](?:[\w\-]|[.’'](?=\w))*\.?")
_CONNECTORS = frozenset({"of", "de", "del", "la", "le", "da", "do", "di", "upon", "on", "and"})
#: Words that name a direction or a kind of place, not one place, when alone.
GENERIC = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "centre",
        "center",
        "capitol",
        "downtown",
        "midtown",
        "uptown",
        "city",
        "state",
        "county",
        "province",
        "region",
        "district",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "mainland",
        "coast",
        "island",
        "islands",
        "valley",
        "states",
    ]
)
_POSSESSIVE = re.compile(r"^(?:['’]s|['’])(?!\w)")
#: Entity labels whose names often hold a place name ("The Washington Post", "Air France",
#: "Toronto Police Services Board", "Dubai World Cup"): the place inside is a toponym.
EMBED_LABELS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})
#: Words that put the next name in a place slot ("in Dewsbury", "from Almelo", "the
#: village of Nagrig"), with the population a town needs to be believed there.
_LOCATIVE = re.compile(
    r"(?:^|[^\w])(in|near|outside|from|to|into|towards?|via|across|around|through"
    r"|(?:city|town|village|suburb|county|province|state|region|district|capital|island"
    r"|port|municipality|neighbou?rhood|hamlet|borough) of)\s+$",
    re.IGNORECASE,
)
_LOCATIVE_MIN_POP = {"in": 1_000, "near": 1_000, "outside": 1_000, "through": 1_000}
_LOCATIVE_DEFAULT_POP = 15_000
#: Capitalized words that follow "in"/"to" but are dates, never places.
_NOT_PLACES = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday",
    }
)  # fmt: skip
_ABBREV_RE = re.compile(
    r"(?<![\w.])("
    + "|".join(re.escape(k) for k in sorted(STATE_ABBREVIATIONS, key=len, reverse=True))
    + r")(?![\w])"
)
_DATELINE_END = re.compile(r"\s*(?:,|\(|[—–]|-\s)")
#: A direction word that may open a longer name ending where an entity span starts.
_DIRECTION_BEFORE = re.compile(
    r"\b(?:North|South|Central|East|West|Northern|Southern|Eastern|Western|Latin)[ -]$"
)
#: " and Y" that may complete a country's name.
_AND_AFTER = re.compile(r" and [A-Z][\w-]+")
#: ", Y" after a name: Y a first-level division, a country or a postal abbreviation.
_CONTAINER = re.compile(r",\s+((?:[A-Z][\w.]*\.?)(?:\s+(?:of\s+)?[A-Z][\w.]*)?)")
#: Suffixes of entity names that are not part of the place they hold.
_CONTAINER_FEATURES = frozenset({"admin1", "country"})


@dataclass
class _Toponym:
    start: int
    end: int
    text: str
    source: str
    label: str | None
    cands: list[Candidate] = field(default_factory=list)
    pattern_id: str | None = None
    role: str = "literal"
    chosen: Candidate | None = None
    score: float = 0.0
    runner_up: str | None = None
    override: Place | None = None
    #: accepted on weak evidence: kept only when a candidate lies in a country the
    #: article names elsewhere
    needs_context: bool = False


def _clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a leading 'the', a possessive and punctuation from a span."""
    span = text[start:end]
    m = re.match(r"(?i)the\s+", span)
    if m and end - start > m.end():
        start += m.end()
    span = text[start:end]
    m = re.search(r"['’]s?$", span)
    if m and m.start() > 0:
        end = start + m.start()
    while end > start and text[end - 1] in ' ,;:-–—"“”()[]':
        end -= 1
    while start < end and text[start] in ' "“”()[]-–—':
        start += 1
    return start, end


def _is_upperish(token: str) -> bool:
    return token[:1].isupper()


class _ArticleParser:
    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        #: words of the article's multi-word person names ("Bolton" of "John Bolton")
        self.person_words: set[str] = set()

    # -- recognition -------------------------------------------------------------------
    def candidates(self, surface: str) -> list[Candidate]:
        key = normalize(surface)
        if not key:
            return []
        if surface in STATE_ABBREVIATIONS:
            return self.state_abbreviation(surface)
        cands = self.gaz.candidates(surface, key=key)
        if not cands:
            return []
        letters = re.sub(r"[^A-Za-z]", "", surface)
        is_abbrev_form = letters.isupper() and len(letters) <= 4
        out = []
        for c in cands:
            if c.kind == KIND_ABBR and not is_abbrev_form:
                continue
            if (
                is_abbrev_form
                and len(letters) <= 3
                and c.kind not in (KIND_ABBR,)
                and c.place.feature not in STRONG_FEATURES
            ):
                continue  # "ICE", "BBC": short all-caps words only as known abbreviations
            out.append(c)
        return out

    def from_mentions(self, text: str, ments: pd.DataFrame) -> tuple[list[_Toponym], list]:
        tops: list[_Toponym] = []
        blocked: list[tuple[int, int, str]] = []
        self.person_words = set()
        for row in ments.itertuples(index=False):
            label = str(row.label)
            start, end = int(row.start), int(row.end)
            if label == "PERSON":
                words = text[start:end].split()
                if len(words) > 1:
                    self.person_words.update(w.strip(".,'’") for w in words)
            pid = getattr(row, "pattern_id", None)
            pid = None if pid is None or pid is pd.NA or str(pid) in ("", "<NA>") else str(pid)
            if label in PLACE_LABELS or label == "NORP" or (pid and pid.startswith(("nd:", "gn:"))):
                s, e = _clean_span(text, start, end)
                m = _DIRECTION_BEFORE.search(text, max(0, s - 16), s)
                if m is not None and m.end() == s and self.candidates(text[m.start() : e]):
                    s = m.start()  # "South America", "Central American" as one name
                m = _AND_AFTER.match(text, e)
                if m is not None and any(
                    c.place.feature == "country" for c in self.candidates(text[s : m.end()])
                ):
                    e = m.end()  # "Trinidad and Tobago", "Bosnia and Herzegovina"
                if e <= s or text[s:e].lower() in GENERIC:
                    blocked.append((start, end, "generic"))
                    continue
                cands = self.candidates(text[s:e])
                if pid and pid.startswith(("nd:", "gn:")):
                    place = self.gaz.place(pid)
                    if place is not None and not any(c.place.place_id == pid for c in cands):
                        cands.insert(0, Candidate(place, KIND_NAME, 20.0))
                if label == "NORP":
                    cands = [c for c in cands if c.kind == KIND_DEMONYM]
                if cands:
                    tops.append(_Toponym(s, e, text[s:e], "ner", label, cands, pid))
                    continue
                if label in PLACE_LABELS:
                    blocked.append((start, end, "unresolved"))
                continue
            blocked.append((start, end, label))
        return tops, blocked

    def phrase_matches(
        self, text: str, sent_starts: list[int], taken: list[tuple[int, int]], blocked: list
    ) -> list[_Toponym]:
        tokens = []
        for m in _TOKEN.finditer(text):
            tok = m.group()
            s, e = m.start(), m.end()
            if tok.endswith(".") and "." not in tok[:-1]:
                e -= 1
                tok = tok[:-1]
            if tok.endswith("-"):
                e -= 1
                tok = tok[:-1]
            if tok:
                tokens.append((s, e, tok))
        lower_words = {t.lower() for _, _, t in tokens if t[0].islower()}
        out: list[_Toponym] = []
        taken_sorted = sorted(taken)
        starts_set = set(sent_starts)
        i = 0
        n = len(tokens)
        while i < n:
            if not _is_upperish(tokens[i][2]):
                i += 1
                continue
            # the maximal run of capitalized tokens (with connectors) from i
            j = i + 1
            while j < n and j - i < 8:
                gap = text[tokens[j - 1][1] : tokens[j][0]]
                if gap not in (" ", "-") and not (gap == "" and tokens[j][2][:1].isupper()):
                    break
                tok = tokens[j][2]
                if (
                    _is_upperish(tok)
                    or tok in _CONNECTORS
                    and j + 1 < n
                    and _is_upperish(tokens[j + 1][2])
                ):
                    j += 1
                else:
                    break
            matched = False
            for k in range(j, i, -1):
                if tokens[k - 1][2] in _CONNECTORS:
                    continue
                s, e = tokens[i][0], tokens[k - 1][1]
                if _overlaps(taken_sorted, s, e):
                    continue
                top = self._accept(text, s, e, k - i, starts_set, lower_words, blocked)
                if top is not None:
                    out.append(top)
                    i = k
                    matched = True
                    break
            if not matched:
                i += 1
        return out

    def state_abbreviation(self, surface: str) -> list[Candidate]:
        """The first-level division a postal abbreviation names ("Va.", "N.J.")."""
        hit = STATE_ABBREVIATIONS.get(surface)
        if hit is None:
            return []
        name, cc = hit
        return [
            c._replace(kind=KIND_ABBR)
            for c in self.gaz.candidates(name)
            if c.place.feature == "admin1" and c.place.country_code == cc
        ][:1]

    def abbreviations(self, text: str, taken: list[tuple[int, int]]) -> list[_Toponym]:
        """Postal abbreviations of states and provinces after a town: "Gainesville, Va."

        Abbreviations with two dots ("N.J.", "D.C.") count anywhere; one-word forms
        ("Miss.", "Md.", "Wash.") only after a comma, where they cannot be a title or a verb.
        """
        out = []
        spans = sorted(taken)
        for m in _ABBREV_RE.finditer(text):
            s, e = m.span()
            surface = m.group(1)
            if surface.count(".") < 2 and not re.search(r"\w,\s*$", text[max(0, s - 3) : s]):
                continue
            if _overlaps(spans, s, e):
                continue
            cands = self.state_abbreviation(surface)
            if cands:
                out.append(_Toponym(s, e, surface, "gazetteer", None, cands))
        return out

    def container_follows(self, text: str, e: int, cands: list[Candidate]) -> bool:
        """True for "X, Y" where Y is a division or country that holds a candidate of X."""
        m = _CONTAINER.match(text, e)
        if m is None:
            return False
        name = m.group(1)
        outer = self.state_abbreviation(name) if name.endswith(".") else []
        if not outer:
            name = name.rstrip(".")
            outer = [c for c in self.candidates(name) if c.place.feature in _CONTAINER_FEATURES]
        for o in outer[:3]:
            for c in cands:
                p = c.place
                if p.pid == o.place.pid or p.country_code != o.place.country_code:
                    continue
                if o.place.feature == "country" or p.admin1 == o.place.admin1:
                    return True
        return False

    def in_place_slot(self, text: str, s: int, e: int, best: Candidate) -> bool:
        """A town named where a place is expected: after "in", "from", "the town of", ...;
        before ", <its state or country>"; or as an upper-case dateline ("ATLANTA --")."""
        surface = text[s:e]
        if normalize(surface) in _NOT_PLACES:
            return False
        pop = best.place.population or 0
        line_start = s == 0 or text[s - 1] == "\n"
        if line_start and surface.isupper() and len(surface) > 3 and _DATELINE_END.match(text, e):
            return True
        m = _LOCATIVE.search(text, max(0, s - 40), s)
        if m is not None and m.end() == s:
            word = m.group(1).lower()
            if word == "to" and re.search(
                r"(?i)(?:according|next|due|thanks)\s+to\s+$", text[max(0, s - 20) : s]
            ):
                return False
            return pop >= _LOCATIVE_MIN_POP.get(word, _LOCATIVE_DEFAULT_POP)
        return False

    def _accept(self, text, s, e, ntok, starts_set, lower_words, blocked) -> _Toponym | None:
        surface = text[s:e]
        if surface.lower() in GENERIC or surface.startswith(("The ", "THE ")):
            return None  # "The Washington Post": the place starts after the article
        cands = self.candidates(surface)
        if not cands:
            return None
        best = cands[0]
        inside = [b for b in blocked if b[0] < e and s < b[1]]
        exact = [b for b in inside if (b[0], b[1]) == (s, e) or text[b[0] : b[1]] == surface]
        curated = best.place.place_id.startswith("nd:") and best.place.feature in (
            "region",
            "physical",
            "site",
        )
        strong_exact = bool(exact) and (curated or best.place.feature in ("country", "capital"))
        curated_cover = (
            curated
            and all(b[2] in ("PERSON", "ORG", "NORP", "unresolved") for b in inside)
            and all(b[0] >= s and b[1] <= e for b in inside)
        )
        feature = best.place.feature
        pop = best.place.population or 0
        strong = best.kind == KIND_DEMONYM or feature in STRONG_FEATURES
        person_word = not strong and surface in self.person_words
        single_word_elsewhere = ntok == 1 and surface.lower() in lower_words
        # a place's own name, not an odd alternate ("Google" for Topeka)
        named = strong or any(c.kind == KIND_NAME for c in cands[:3])
        slot = (
            not single_word_elsewhere
            and not person_word
            and named
            and (self.in_place_slot(text, s, e, best) or self.container_follows(text, e, cands))
        )
        role = None
        if inside and not strong_exact and not curated_cover:
            # inside or across a non-place entity: only an exact strong match, a town in
            # a place slot the model mislabelled, or a place inside a name wins
            mislabelled = (
                slot
                and len(exact) == len(inside)
                and all(b[2] in ("PERSON", "ORG", "NORP", "PRODUCT") for b in inside)
            )
            embedded = (
                not exact
                and not person_word
                and all(b[2] in EMBED_LABELS and b[0] <= s and e <= b[1] for b in inside)
                and (
                    strong
                    or named
                    and (feature == "admin1" and pop >= CITY_MIN_POP or pop >= SINGLE_CITY_MIN_POP)
                )
            )
            if not (mislabelled or embedded):
                return None
            if embedded and not mislabelled:
                role = "modifier"
        sentence_initial = s in starts_set or text[max(0, s - 2) : s] in ("\n", '"', "“")
        if strong or slot or role == "modifier":
            ok = True
        elif feature == "admin1":
            ok = pop >= CITY_MIN_POP
        elif ntok == 1:
            ok = pop >= SINGLE_CITY_MIN_POP and not sentence_initial and not single_word_elsewhere
        else:
            ok = pop >= CITY_MIN_POP
        if not ok:
            return None
        top = _Toponym(s, e, surface, "gazetteer", None, cands)
        if role is not None:
            top.role = role
        if not strong and (role == "modifier" or (slot and pop < SINGLE_CITY_MIN_POP)):
            top.needs_context = not self.container_follows(text, e, cands)
        return top


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    idx = bisect.bisect_left(spans, (s, -1))
    for k in (idx - 1, idx, idx + 1):
        if 0 <= k < len(spans) and spans[k][0] < e and s < spans[k][1]:
            return True
    return False


def _keep_in_context(tops: list[_Toponym]) -> list[_Toponym]:
    """Drop weakly evidenced toponyms with no candidate in a country the article names.

    A town accepted only from its slot ("in Surprise") or from inside a name ("Orange
    Drugs") stays when one of its candidates lies in a country that the article's other
    toponyms (named countries, cities, states, demonyms) point to.
    """
    countries = {t.cands[0].place.country_code for t in tops if not t.needs_context}
    countries.discard(None)
    return [
        t
        for t in tops
        if not t.needs_context or any(c.place.country_code in countries for c in t.cands)
    ]


def _km(a: Place, lat: float, lon: float) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, lat, lon))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _resolve(text: str, tops: list[_Toponym], gaz: Gazetteer) -> None:
    """Choose a candidate for every toponym of one article (two passes)."""
    # pass 1: context-free choice
    for t in tops:
        t.chosen = t.cands[0]
    # "X, Y" / "X in Y": Y's place restricts X
    by_start = {t.start: t for t in tops}
    links: dict[int, _Toponym] = {}
    for t in tops:
        m = re.match(r"(?:,\s*|\s+in\s+|\s+near\s+|\s+of\s+)", text[t.end : t.end + 8])
        if m:
            nxt = by_start.get(t.end + m.end())
            if nxt is not None:
                links[id(t)] = nxt
    # ... and X's candidates choose among Y's: "Tacoma, Washington" is the state
    inner_of = {id(nxt): t for t in tops if (nxt := links.get(id(t))) is not None}
    # country context: countries named or implied by unambiguous toponyms
    context: Counter = Counter()
    for t in tops:
        c = t.cands[0].place
        if c.country_code and (len(t.cands) == 1 or c.feature in ("country", "admin1", "capital")):
            context[c.country_code] += 1
        elif (
            c.country_code and t.cands[0].prior - (t.cands[1].prior if len(t.cands) > 1 else 0) > 2
        ):
            context[c.country_code] += 0.5
    # first-level division context: divisions named or holding confident toponyms
    regional: Counter = Counter()
    for t in tops:
        c = t.cands[0].place
        gap = t.cands[0].prior - (t.cands[1].prior if len(t.cands) > 1 else 0.0)
        if (
            c.admin1
            and c.feature in ("city", "capital", "admin1")
            and (len(t.cands) == 1 or gap > 2)
        ):
            regional[(c.country_code, c.admin1)] += 1
    regional_total = sum(regional.values()) or 1.0
    # closeness: the centre of the article's confident places
    anchors = [
        t.cands[0].place
        for t in tops
        if t.cands[0].place.feature not in ("continent", "region", "physical")
        and (len(t.cands) == 1 or t.cands[0].prior - t.cands[1].prior > 2)
    ]
    total = sum(context.values()) or 1.0
    for t in tops:
        if len(t.cands) == 1:
            t.chosen, t.score = t.cands[0], 1.0
            continue
        outer = links.get(id(t))
        outer_place = outer.cands[0].place if outer is not None else None
        scored = []
        top_prior = max(c.prior for c in t.cands)
        for c in t.cands:
            p = c.place
            s = c.prior
            # soft evidence (region, closeness) only decides between comparable candidates:
            # it does not send "Portland" to a Texan village of 15,000 next to Houston
            soft = c.prior >= top_prior - SOFT_EVIDENCE_GAP
            if p.feature not in ("country", "continent") and p.country_code:
                s += 2.0 * context.get(p.country_code, 0) / total
                if p.admin1 and soft:
                    s += (
                        REGIONAL_WEIGHT
                        * regional.get((p.country_code, p.admin1), 0)
                        / regional_total
                    )
            if outer_place is not None and outer_place.pid != p.pid:
                if outer_place.feature == "country" and p.country_code == outer_place.country_code:
                    s += 4.0
                elif (
                    outer_place.feature == "admin1"
                    and p.country_code == outer_place.country_code
                    and p.admin1 == outer_place.admin1
                ):
                    s += 5.0
            inner = inner_of.get(id(t))
            if (
                inner is not None
                and p.feature in _CONTAINER_FEATURES
                and any(
                    q.place.country_code == p.country_code
                    and (p.feature == "country" or q.place.admin1 == p.admin1)
                    and q.place.pid != p.pid
                    for q in inner.cands[:8]
                )
            ):
                s += 5.0
            if soft and anchors and p.feature in ("city", "admin1", "capital"):
                near = (
                    min(_km(p, a.lat, a.lon) for a in anchors[:20] if a.pid != p.pid)
                    if any(a.pid != p.pid for a in anchors[:20])
                    else None
                )
                if near is not None and near < 300:
                    s += 1.0
            scored.append((s, c))
        scored.sort(key=lambda x: -x[0])
        t.chosen = scored[0][1]
        seen = {t.chosen.place.pid}
        runner = next((c for _, c in scored[1:] if c.place.pid not in seen), None)
        exps = [math.exp(min(50.0, x - scored[0][0])) for x, _ in scored]
        t.score = 1.0 / sum(exps)
        if runner is not None:
            t.runner_up = f"{runner.place.name} ({runner.place.place_id})"


_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


def _token_at(parts: list | None, pos: int):
    """The spaCy token covering character ``pos`` of the article, or None."""
    if not parts:
        return None
    for off, doc in reversed(parts):
        if off <= pos:
            span = doc.char_span(pos - off, pos - off + 1, alignment_mode="expand")
            return span[0] if span is not None and len(span) else None
    return None


def _modifies_noun(tok) -> bool:
    """True when the token modifies a noun to its right ("Syrian forces", "US officials",
    "German, Irish and other immigrants")."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return (
        tok.dep_ in _MODIFIER_DEPS
        and tok.head.i > tok.i
        and tok.head.pos_ in ("NOUN", "PROPN", "NUM", "ADJ")
    )


def _drop_people_demonyms(tops: list[_Toponym], parts: list | None) -> list[_Toponym]:
    """Keep demonyms used as adjectives ("Syrian forces") and drop the people and the
    languages ("many Nigerians", "a passionate Nigerian", "speaks Spanish").

    GeoWebNews and the pragmatic taxonomy count a demonym as a toponym only when it
    modifies something; needs the dependency parse (kept as they are without it).
    """
    if not parts:
        return tops
    out = []
    for t in tops:
        if all(c.kind == KIND_DEMONYM for c in t.cands):
            tok = _token_at(parts, t.end - 1)
            if tok is not None and not _modifies_noun(tok):
                continue
        out.append(t)
    return out


def _role(text: str, t: _Toponym, parts: list | None = None) -> str:
    if t.chosen is not None and t.chosen.kind == KIND_DEMONYM:
        return "demonym"
    if t.role == "modifier":
        return "modifier"  # a place inside a name: "The Washington Post"
    place = t.chosen.place if t.chosen else None
    after = text[t.end : t.end + 40]
    if (
        place is not None
        and place.feature in GOVERNMENT_SITES
        and place.country_code
        and normalize(t.text) in GOVERNMENT_SEATS
    ):
        return "government"
    if place is not None and place.feature in ("country", "capital"):
        m = re.match(r"['’]s\s+(\w+)", after)
        if m:
            return "government"
        m = re.match(r"\s+(\w+)", after)
        if m and m.group(1).lower() in GOVERNMENT_VERBS and m.group(1).islower():
            return "government"
    if re.match(r"[-–]\w", after):
        return "modifier"
    tok = _token_at(parts, t.end - 1)
    if tok is not None and _modifies_noun(tok) and tok.head.idx > tok.idx:
        return "modifier"  # "US officials", "the Moscow talks"
    return "literal"


def load_overrides(source: str | os.PathLike | pd.DataFrame | None) -> dict:
    """Read an override table (CSV or DataFrame: toponym[, article_id], geonameid).

    Returns
    -------
    dict
        (normalized toponym, article_id or None) -> geonameid.  Rows with a missing or
        non-numeric geonameid are skipped with a warning.
    """
    if source is None:
        return {}
    frame = source if isinstance(source, pd.DataFrame) else pd.read_csv(source, dtype=str)
    if "toponym" not in frame.columns or "geonameid" not in frame.columns:
        raise ValueError("an override table needs the columns toponym and geonameid")
    out = {}
    for i, row in enumerate(frame.itertuples(index=False)):
        try:
            gid = int(float(row.geonameid))
        except (TypeError, ValueError):
            log.warning("override row %d: bad geonameid %r, skipped", i, row.geonameid)
            continue
        aid = getattr(row, "article_id", None)
        aid = (
            None
            if aid is None or (isinstance(aid, float) and math.isnan(aid)) or aid is pd.NA
            else str(aid)
        )
        out[(normalize(str(row.toponym)), aid or None)] = gid
    return out


def _sentence_of(starts: list[int], ids: list[int], pos: int) -> int:
    k = bisect.bisect_right(starts, pos) - 1
    return ids[k] if k >= 0 else -1


def geoparse(
    articles: pd.DataFrame,
    sentences: pd.DataFrame | None = None,
    mentions: pd.DataFrame | None = None,
    *,
    docs: dict | None = None,
    gazetteer: Gazetteer | None = None,
    overrides: str | os.PathLike | pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Find and resolve the toponyms of each article.

    Parameters
    ----------
    articles : pandas.DataFrame
        The articles frame (``article_id`` and ``text`` are used).
    sentences, mentions : pandas.DataFrame, optional
        From :func:`analysis.nlp.parse`; parsed here when not given.
    docs : dict, optional
        The parsed Docs (accepted for the stage contract; recognition works from
        ``mentions`` and the text).
    gazetteer : Gazetteer, optional
        Default: the shared index (:func:`analysis.geo.get_gazetteer`).
    overrides : path or DataFrame, optional
        Table of toponym[, article_id] -> geonameid that wins over the ranking.

    Returns
    -------
    pandas.DataFrame
        The places frame (:mod:`analysis.schema` "places") plus the extra columns
        ``source`` (ner or gazetteer) and ``label`` (the entity label, if any).
    """
    schema.check(articles, "articles")
    if mentions is None or sentences is None:
        from ..nlp import parse

        parsed = parse(articles)
        sentences, mentions = parsed.sentences, parsed.mentions
    schema.check(sentences, "sentences")
    schema.check(mentions, "mentions")
    gaz = gazetteer or get_gazetteer()
    table = load_overrides(overrides)
    parser = _ArticleParser(gaz)
    ment_groups = {aid: g for aid, g in mentions.groupby("article_id", sort=False)}
    sent_groups = {aid: g for aid, g in sentences.groupby("article_id", sort=False)}
    rows = []
    for aid, text in zip(articles["article_id"], articles["text"], strict=True):
        if not isinstance(text, str) or not text:
            continue
        aid = str(aid)
        ments = ment_groups.get(aid, mentions.iloc[:0])
        sents = sent_groups.get(aid)
        s_starts = sents["start"].astype(int).tolist() if sents is not None else [0]
        s_ids = sents["sentence_id"].astype(int).tolist() if sents is not None else [-1]
        tops, blocked = parser.from_mentions(text, ments)
        taken = [(t.start, t.end) for t in tops]
        tops += parser.abbreviations(text, taken)
        taken = [(t.start, t.end) for t in tops]
        tops += parser.phrase_matches(text, s_starts, taken, blocked)
        tops = _keep_in_context(tops)
        parts = docs.get(aid) if docs else None
        tops = _drop_people_demonyms(tops, parts)
        tops.sort(key=lambda t: t.start)
        if not tops:
            continue
        _resolve(text, tops, gaz)
        for t in tops:
            gid = table.get((normalize(t.text), aid)) or table.get((normalize(t.text), None))
            if gid is not None:
                place = gaz.by_geonameid(gid)
                if place is None:
                    log.warning("override: GeoNames id %s unknown to the gazetteer", gid)
                else:
                    t.chosen, t.score, t.override = Candidate(place, KIND_NAME, 0.0), 1.0, place
            p = t.chosen.place
            rows.append(
                {
                    "article_id": aid,
                    "sentence_id": _sentence_of(s_starts, s_ids, t.start),
                    "start": t.start,
                    "end": t.end,
                    "text": t.text,
                    "place_id": p.place_id,
                    "name": p.name,
                    "lat": p.lat,
                    "lon": p.lon,
                    "country_code": p.country_code,
                    "feature": p.feature,
                    "geonameid": p.geonameid,
                    "population": p.population,
                    "score": round(t.score, 4),
                    "runner_up": t.runner_up,
                    "role": _role(text, t, parts),
                    "source": "override" if t.override is not None else t.source,
                    "label": t.label,
                }
            )
    if not rows:
        out = schema.empty("places")
        out["source"] = pd.Series([], dtype="string")
        out["label"] = pd.Series([], dtype="string")
        return out
    frame = schema.conform(pd.DataFrame(rows), "places")
    frame["source"] = frame["source"].astype("string")
    frame["label"] = frame["label"].astype("string")
    return frame


def link_mentions(mentions: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Fill ``mentions.place_id`` from the places whose span overlaps the mention.

    Parameters
    ----------
    mentions, places : pandas.DataFrame
        The mentions frame and the places frame of the same articles.

    Returns
    -------
    pandas.DataFrame
        A copy of ``mentions`` with ``place_id`` set where a toponym overlaps it (the
        one with the largest overlap), unchanged elsewhere.
    """
    schema.check(mentions, "mentions")
    schema.check(places, "places")
    out = mentions.copy()
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for aid, s, e, pid in zip(
        places["article_id"], places["start"], places["end"], places["place_id"], strict=True
    ):
        by_article.setdefault(str(aid), []).append((int(s), int(e), str(pid)))
    for spans in by_article.values():
        spans.sort()
    values = out["place_id"].astype(object).tolist()
    for i, (aid, s, e) in enumerate(zip(out["article_id"], out["start"], out["end"], strict=True)):
        spans = by_article.get(str(aid))
        if not spans:
            continue
        s, e = int(s), int(e)
        best, best_ov = None, 0
        k = bisect.bisect_left(spans, (s, -1))
        for j in range(max(0, k - 3), min(len(spans), k + 3)):
            ps, pe, pid = spans[j]
            ov = min(e, pe) - max(s, ps)
            if ov > best_ov:
                best, best_ov = pid, ov
        if best is not None:
            values[i] = best
    out["place_id"] = pd.Series(values, index=out.index, dtype="string")
    return out


def toponyms_to_eupeg(places: pd.DataFrame) -> str:
    """One EUPEG line for the places of one article: name,,surface,,lat,,lon,,start,,end joined by ||."""
    parts = []
    for row in places.itertuples(index=False):
        name = str(row.name).replace(",,", ",").replace("||", "|")
        surface = str(row.text).replace(",,", ",").replace("||", "|")
        parts.append(f"{name},,{surface},,{row.lat},,{row.lon},,{row.start},,{row.end}")
    return "||".join(parts)

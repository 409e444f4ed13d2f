"""Toponym recognition: which spans of an article name places, with their candidates.

Sources, in this order (a later source never overlaps an earlier one):

* entity spans from ``mentions``: GPE, LOC and FAC (and spans the curated-places ruler
  tagged), NORP spans that are demonyms ("French" -> France), and ORG spans that are
  curated sites or unions ("the Kremlin", "EU");
* postal abbreviations of states and provinces after a town ("Bend, Ore.");
* gazetteer phrase matching over capitalized word sequences, for names the model misses
  or mislabels: strong entries (countries, continents, regions, sites, first-level
  divisions, capitals, demonyms) always; cities when populous enough and not a common
  word elsewhere in the text, single-word cities not at a sentence start; smaller towns
  only in a place slot ("in", "from", "the village of", "X, <its state>") and only when
  the article names their country elsewhere.

Resolution is :mod:`analysis.geo.resolution`, roles :mod:`analysis.geo.role`; the stage
function :func:`analysis.geo.geoparse` runs the three.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import pandas as pd

from ..lexicon.abbreviations import STATE_ABBREVIATIONS
from ..lexicon.calendar import CALENDAR_WORDS
from ..lexicon.places import PLACE_KIND_NOUNS
from ..lexicon.prepositions import PLACE_SLOT_PREPOSITIONS
from ._normalize import normalize
from .gazetteer import (
    KIND_ABBR,
    KIND_DEMONYM,
    KIND_NAME,
    Candidate,
    Gazetteer,
    Place,
)

__all__ = ["Recognizer", "Toponym", "keep_in_context"]

#: Entity labels of places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Features strong enough to count wherever their name appears.
STRONG_FEATURES = frozenset({"country", "continent", "region", "physical", "site", "capital"})
#: Population a multi-word city (or a first-level division) needs to count without a slot.
CITY_MIN_POP = 50_000
#: Population a one-word city needs to count without a slot.
SINGLE_CITY_MIN_POP = 100_000
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
#: Entity labels whose names often hold a place name ("The Washington Post", "Air France",
#: "the Leeds Fire Brigade", "the Sydney Marathon"): the place inside is a toponym.
EMBED_LABELS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})
#: Words that put the next name in a place slot ("in Ashby", "from Leek", "the village of
#: Kirkby"), with the population a town needs to be believed there.
_LOCATIVE = re.compile(
    r"(?:^|[^\w])("
    + "|".join(sorted(PLACE_SLOT_PREPOSITIONS, key=len, reverse=True))
    + "|(?:"
    + "|".join(sorted(PLACE_KIND_NOUNS, key=len, reverse=True))
    + r") of)\s+$",
    re.IGNORECASE,
)
_LOCATIVE_MIN_POP = {"in": 1_000, "near": 1_000, "outside": 1_000, "through": 1_000}
_LOCATIVE_DEFAULT_POP = 15_000
#: Capitalized words that follow "in"/"to" but are dates, never places (the month and
#: weekday names; to be read from analysis.lexicon.calendar.CALENDAR_WORDS once it lands).
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
#: Features of Y in "X, Y" that can hold X (a first-level division or a country).
CONTAINER_FEATURES = frozenset({"admin1", "country"})


@dataclass
class Toponym:
    """A toponym of one article while it is recognized, resolved and given a role."""

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


@dataclass
class _PhraseContext:
    """What the phrase matcher knows about one article while it walks the text."""

    text: str
    #: offsets where sentences start (a capitalized word there may be any word)
    sentence_starts: set[int]
    #: words that also occur in lower case in the article ("bath", "reading")
    lower_words: set[str]
    #: spans the entity stage gave and geoparse did not take: (start, end, label or reason)
    blocked: list[tuple[int, int, str]]


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


class Recognizer:
    """Finds the toponyms of one article at a time (entity spans, abbreviations, phrases)."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        #: words of the article's multi-word person names ("Lincoln" of "Sarah Lincoln")
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

    def from_mentions(self, text: str, ments: pd.DataFrame) -> tuple[list[Toponym], list]:
        tops: list[Toponym] = []
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
                    e = m.end()  # "Antigua and Barbuda", "Bosnia and Herzegovina"
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
                    tops.append(Toponym(s, e, text[s:e], "ner", label, cands, pid))
                    continue
                if label in PLACE_LABELS:
                    blocked.append((start, end, "unresolved"))
                continue
            blocked.append((start, end, label))
        return tops, blocked

    def phrase_matches(
        self, text: str, sent_starts: list[int], taken: list[tuple[int, int]], blocked: list
    ) -> list[Toponym]:
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
        ctx = _PhraseContext(
            text=text,
            sentence_starts=set(sent_starts),
            lower_words={t.lower() for _, _, t in tokens if t[0].islower()},
            blocked=blocked,
        )
        out: list[Toponym] = []
        taken_sorted = sorted(taken)
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
                top = self._accept(ctx, s, e, n_tokens=k - i)
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

    def abbreviations(self, text: str, taken: list[tuple[int, int]]) -> list[Toponym]:
        """Postal abbreviations of states and provinces after a town: "Bend, Ore."

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
                out.append(Toponym(s, e, surface, "gazetteer", None, cands))
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
            outer = [c for c in self.candidates(name) if c.place.feature in CONTAINER_FEATURES]
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
        before ", <its state or country>"; or as an upper-case dateline ("SPOKANE --")."""
        surface = text[s:e]
        if normalize(surface) in CALENDAR_WORDS:
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

    def _accept(self, ctx: _PhraseContext, s: int, e: int, *, n_tokens: int) -> Toponym | None:
        """Judge the capitalized phrase ``ctx.text[s:e]`` of ``n_tokens`` words.

        The phrase is a toponym when its best candidate is strong (a country, a capital, a
        region, a demonym ...), when it sits in a place slot, or when the town is populous
        enough; a phrase inside a non-place entity also needs :meth:`_entity_verdict`.
        """
        text = ctx.text
        surface = text[s:e]
        if surface.lower() in GENERIC or surface.startswith(("The ", "THE ")):
            return None  # "The Washington Post": the place starts after the article
        cands = self.candidates(surface)
        if not cands:
            return None
        best = cands[0]
        feature = best.place.feature
        pop = best.place.population or 0
        strong = best.kind == KIND_DEMONYM or feature in STRONG_FEATURES
        person_word = not strong and surface in self.person_words
        single_word_elsewhere = n_tokens == 1 and surface.lower() in ctx.lower_words
        # a place's own name, not an odd alternate (a company name listed for a town)
        named = strong or any(c.kind == KIND_NAME for c in cands[:3])
        slot = (
            not single_word_elsewhere
            and not person_word
            and named
            and (self.in_place_slot(text, s, e, best) or self.container_follows(text, e, cands))
        )
        verdict = self._entity_verdict(
            ctx, s, e, best=best, strong=strong, named=named, slot=slot, person_word=person_word
        )
        if verdict is None:
            return None
        embedded = verdict == "modifier"
        sentence_initial = s in ctx.sentence_starts or text[max(0, s - 2) : s] in ("\n", '"', "“")
        if strong or slot or embedded:
            ok = True
        elif feature == "admin1":
            ok = pop >= CITY_MIN_POP
        elif n_tokens == 1:
            ok = pop >= SINGLE_CITY_MIN_POP and not sentence_initial and not single_word_elsewhere
        else:
            ok = pop >= CITY_MIN_POP
        if not ok:
            return None
        top = Toponym(s, e, surface, "gazetteer", None, cands)
        if embedded:
            top.role = "modifier"
        if not strong and (embedded or (slot and pop < SINGLE_CITY_MIN_POP)):
            top.needs_context = not self.container_follows(text, e, cands)
        return top

    def _entity_verdict(
        self,
        ctx: _PhraseContext,
        s: int,
        e: int,
        *,
        best: Candidate,
        strong: bool,
        named: bool,
        slot: bool,
        person_word: bool,
    ) -> str | None:
        """How the entity spans the phrase overlaps let it through.

        Returns
        -------
        str or None
            ``"free"`` when no entity span is in the way (or an exact strong match or a
            curated place covers it), ``"mislabelled"`` for a town in a place slot that
            the model tagged as a person or organisation, ``"modifier"`` for a place
            inside a name ("Denver" in "Denver Zoo Trust"), None when the entity wins.
        """
        text = ctx.text
        surface = text[s:e]
        feature = best.place.feature
        pop = best.place.population or 0
        inside = [b for b in ctx.blocked if b[0] < e and s < b[1]]
        if not inside:
            return "free"
        exact = [b for b in inside if (b[0], b[1]) == (s, e) or text[b[0] : b[1]] == surface]
        curated = best.place.place_id.startswith("nd:") and feature in (
            "region",
            "physical",
            "site",
        )
        if exact and (curated or feature in ("country", "capital")):
            return "free"  # an exact strong match wins over the entity label
        if (
            curated
            and all(b[2] in ("PERSON", "ORG", "NORP", "unresolved") for b in inside)
            and all(b[0] >= s and b[1] <= e for b in inside)
        ):
            return "free"  # a curated place covering the entity spans
        if (
            slot
            and len(exact) == len(inside)
            and all(b[2] in ("PERSON", "ORG", "NORP", "PRODUCT") for b in inside)
        ):
            return "mislabelled"
        if (
            not exact
            and not person_word
            and all(b[2] in EMBED_LABELS and b[0] <= s and e <= b[1] for b in inside)
            and (
                strong
                or named
                and (feature == "admin1" and pop >= CITY_MIN_POP or pop >= SINGLE_CITY_MIN_POP)
            )
        ):
            return "modifier"
        return None


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    idx = bisect.bisect_left(spans, (s, -1))
    for k in (idx - 1, idx, idx + 1):
        if 0 <= k < len(spans) and spans[k][0] < e and s < spans[k][1]:
            return True
    return False


def keep_in_context(tops: list[Toponym]) -> list[Toponym]:
    """Drop weakly evidenced toponyms with no candidate in a country the article names.

    A town accepted only from its slot ("in Ashby") or from inside a name ("Leek
    Pharmacy") stays when one of its candidates lies in a country that the article's other
    toponyms (named countries, cities, states, demonyms) point to.
    """
    countries = {t.cands[0].place.country_code for t in tops if not t.needs_context}
    countries.discard(None)
    return [
        t
        for t in tops
        if not t.needs_context or any(c.place.country_code in countries for c in t.cands)
    ]

"""Resolve entity mentions to canonical actors, one article at a time.

Everything here works per article, so an article's output never depends on the other
articles of the batch; corpus-wide frames are merged with
:func:`analysis.actors.graph.merge_actors` and :func:`~analysis.actors.graph.merge_edges`.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd
from spacy.tokens import Doc, Span

from analysis import schema
from analysis.actors import headlines as _headlines
from analysis.actors import names as _names
from analysis.actors.acronyms import define_acronyms, text_between
from analysis.actors.article_parts import article_actors
from analysis.actors.coref import name_gender
from analysis.actors.countries import acting_demonym_actor, country_code, gazetteer_country
from analysis.actors.generations import generation_after
from analysis.actors.graph import (
    accumulate_actor,
    edges_frame,
    finish_actors,
    finish_rows,
    pair_weights,
)
from analysis.actors.kb import KBIndex, kb_index, load_knowledge_base, normalize_name, slugify
from analysis.actors.mislabels import relabel_surnames, surname_organisations
from analysis.actors.name_joins import nicknames
from analysis.actors.quotes import find_quotes
from analysis.actors.surname_fit import (
    apposed_gender,
    full_name,
    self_pronoun_gender,
    surname_fits,
    titled_holder,
)
from analysis.actors.syntax import government_role, quoted_apart
from analysis.actors.town_names import town_like_names
from analysis.lexicon.agents import NAME_SUFFIXES
from analysis.nlp import doc_text, in_title_case_line

__all__ = ["ActorResult", "resolve_actors"]

log = logging.getLogger(__name__)

_ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}


@dataclass
class ActorResult:
    """What :func:`resolve_actors` returns.

    Attributes
    ----------
    mentions : pandas.DataFrame
        The mentions frame with ``actor_id`` filled where the span is an actor, plus
        rows with ``source == 'role'`` for titles standing for a person ("the Kremlin
        spokesman").  Extra column ``role``: 'actor', 'literal' (a place named
        literally), 'attribute' (qualifies a person: "Russia's President ...") or
        'demonym'.
    actors : pandas.DataFrame
        The actors frame, by mentions (descending).
    quotes : pandas.DataFrame
        The quotes frame.
    edges : pandas.DataFrame
        The edges frame (co-mentions).
    actor_parts : pandas.DataFrame
        One actors frame per article, stacked: ``article_id`` first, then the actors
        columns (in article order, then by mentions).  Each article's rows are exactly
        what resolving that article alone gives as ``.actors``, so
        :func:`~analysis.actors.graph.merge_actors` over any subset of articles'
        parts equals resolving that subset (used to re-merge after filters).
    edge_parts : pandas.DataFrame
        The same for the edges: ``article_id`` plus the edges columns of each article.
    quote_details : list of dict
        The quotes as dicts with the quotes columns plus ``speaker_start`` and
        ``speaker_end`` (article offsets of the words naming the speaker, "he" for a
        resolved pronoun) and ``fragments`` (content pieces of a quote split around its
        cue); used by the attribution benchmark.
    """

    mentions: pd.DataFrame
    actors: pd.DataFrame
    quotes: pd.DataFrame
    edges: pd.DataFrame
    actor_parts: pd.DataFrame = field(default_factory=lambda: _with_article_id("actors", []))
    edge_parts: pd.DataFrame = field(default_factory=lambda: _with_article_id("edges", []))
    quote_details: list[dict] = field(default_factory=list)


def _with_article_id(frame: str, rows: list[dict]) -> pd.DataFrame:
    """A frame of ``frame``'s schema with a leading ``article_id`` column."""
    cols = ["article_id", *(c.name for c in schema.SCHEMAS[frame])]
    if not rows:
        out = schema.empty(frame)
        out.insert(0, "article_id", pd.Series([], dtype="string"))
        return out
    ids = pd.array([r["article_id"] for r in rows], dtype="string")
    out = schema.conform(pd.DataFrame(rows, columns=cols).drop(columns="article_id"), frame)
    out.insert(0, "article_id", ids)
    return out


@dataclass
class _Mention:
    row: int  # index into the input mentions frame, -1 for added role mentions
    start: int
    end: int
    text: str
    label: str
    sentence_id: int
    pattern_id: str | None
    span: Span | None = None
    offset: int = 0
    actor_id: str | None = None
    role: str | None = None
    name: str | None = None  # canonical name candidate for non-KB actors
    kind: str | None = None
    country: str | None = None
    title: str | None = None  # title the article gives this person ("kremlin spokesman")
    title_gov: str | None = None  # government qualifying that title


def _person_key(text: str) -> str:
    return normalize_name(text)


class _ArticleResolver:
    """Resolve the mentions of one article."""

    def __init__(
        self,
        aid: str,
        published,
        pieces,
        mentions: list[_Mention],
        index: KBIndex,
        sentence_starts: list[int],
        sentence_ids: list[int],
    ) -> None:
        self.aid = aid
        self.published = published if published is not None and not pd.isna(published) else None
        self.pieces = pieces or []
        self.mentions = mentions
        self.index = index
        self.sentence_starts = sentence_starts
        self.sentence_ids = sentence_ids
        self.title_bindings: dict[tuple[str, str | None], Counter] = {}
        self.person_country: dict[str, str] = {}
        self.title_tokens: dict[int, set[int]] = {}
        self.person_tokens: dict[int, set[int]] = {}
        self.added: list[_Mention] = []
        self.single_orgs: list[_Mention] = []
        self.full_names: dict[str, Counter] = {}
        self._country: list[str | None] = []  # the article's country, once computed
        # names the article and the knowledge base know, for headline words glued to one
        self._names = _headlines.KnownNames(self.index, lambda: (doc for _, doc in self.pieces))

    # -- helpers -------------------------------------------------------------------

    def kb_titles(self, actor_id: str) -> set[str]:
        """Knowledge-base titles of an actor (empty for actors outside it)."""
        row = self.index.actors.get(actor_id)
        return set(row["titles"]) if row is not None else set()

    def _sentence_of(self, char: int) -> int:
        i = bisect.bisect_right(self.sentence_starts, char) - 1
        return self.sentence_ids[i] if i >= 0 else -1

    def _attach_spans(self) -> None:
        starts = [off for off, _ in self.pieces]
        for m in self.mentions:
            i = bisect.bisect_right(starts, m.start) - 1
            if i < 0:
                continue
            off, doc = self.pieces[i]
            span = doc.char_span(m.start - off, m.end - off, alignment_mode="expand")
            if span is not None and len(span):
                m.span, m.offset = span, off
        for k, (_, doc) in enumerate(self.pieces):
            toks: set[int] = set()
            for t in doc.spans.get("titles", []) if "titles" in doc.spans else []:
                toks.update(range(t.start, t.end))
            self.title_tokens[k] = toks
            self.person_tokens[k] = {
                i for ent in doc.ents if ent.label_ == "PERSON" for i in range(ent.start, ent.end)
            }

    def _piece_no(self, m: _Mention) -> int:
        for k, (_off, doc) in enumerate(self.pieces):
            if m.span is not None and m.span.doc is doc:
                return k
        return -1

    def _home_government(self) -> str | None:
        """The government the article is about: the most mentioned knowledge-base
        government (country) of the article, when one leads clearly."""
        votes: Counter = Counter()
        for m in self.mentions:
            row = self.index.actors.get(m.actor_id or "")
            if row is not None and row["kind"] in ("government", "country"):
                votes[m.actor_id] += 1
        top = votes.most_common(2)
        if not top or (len(top) > 1 and top[1][1] * 2 > top[0][1]):
            return None
        return top[0][0]

    def _article_country(self) -> str | None:
        """The name of the country the article is about, from its place and demonym
        mentions: the most named one, when it leads clearly (twice the next).  A place
        outside the knowledge base counts for its country in the gazetteer ("Nairobi"
        for Kenya).  Qualifies a body every country has that the text leaves bare ("the
        Supreme Court" in an article about one country)."""
        if not self._country:
            votes: Counter = Counter()
            for m in self.mentions:
                if m.label in ("GPE", "NORP") or m.pattern_id:
                    gov = self._country_gov(m.text, m.pattern_id)
                    name = self._country_name(gov) if gov else None
                    if name is None and m.label == "GPE" and not m.pattern_id:
                        name = gazetteer_country(m.text, self.index)
                    if name:
                        votes[name] += 1
            top = votes.most_common(2)
            lead = bool(top) and not (len(top) > 1 and top[1][1] * 2 > top[0][1])
            self._country.append(top[0][0] if lead else None)
        return self._country[0]

    def _party_here(self, key: str) -> bool:
        """ "Democrats" are the party unless the article is about another country."""
        gov = self.index.countries.get(self.index.actors[self.index.members[key]]["country"])
        here = self._article_country()
        return here is None or (gov is not None and here == self._country_name(gov))

    def _nicknamed(self) -> dict[str, str]:
        """Surname -> the name a person of the article goes by, for each person the
        article names with a quoted nickname ('Jane "JJ" Roe' -> {"Roe": "JJ Roe"}); a
        surname two such people share is left out."""
        if not hasattr(self, "_nicks"):
            self._nicks = nicknames(doc_text(doc) for _off, doc in self.pieces)
        return self._nicks

    def _valid(self, aid: str, *, strict: bool = False) -> bool:
        """True when the actor held its titles on the publication day (always, when the
        day is unknown, unless ``strict``)."""
        if self.published is None:
            return not strict
        row = self.index.actors[aid]
        vf, vt = row["valid_from"], row["valid_to"]
        if strict and (vf is None or pd.isna(vf)):
            return False  # a holder without dates is never the holder of a given day
        if vf is not None and not pd.isna(vf) and self.published < vf:
            return False
        return not (vt is not None and not pd.isna(vt) and self.published >= vt)

    def _title_before(self, m: _Mention) -> str | None:
        """The title right before a name ("Chairman" in "Chairman Kim")."""
        if m.span is None:
            return None
        doc = m.span.doc
        for t in doc.spans.get("titles", []) if "titles" in doc.spans else []:
            if t.end == m.span.start:
                return t.text.lower()
        return None

    def _qualifier(self, doc: Doc, start: int) -> tuple[str | None, int]:
        """Country qualifying a title that starts at token ``start``; returns (gov id, start)."""
        j = start - 1
        if j >= 0 and doc[j].lower_ in ("'s", "\u2019s", "'"):
            j -= 1
        if j >= 0 and doc[j].ent_type_ in ("GPE", "NORP", "ORG", "FAC"):
            k = j
            while k > 0 and doc[k].ent_iob_ == "I":
                k -= 1
            gov = self._country_gov(doc[k : j + 1].text, doc[j].ent_id_)
            if gov:
                if k > 0 and doc[k - 1].lower_ == "the":
                    k -= 1
                return gov, k
        if j >= 0 and doc[j].lower_ == "the":
            return None, j
        return None, start

    def _country_gov(self, text: str, pattern_id: str | None) -> str | None:
        row = self.index.actors.get(pattern_id or "")
        if row is not None and row["kind"] in ("government", "country"):
            return pattern_id
        key = normalize_name(text)
        for aid in self.index.names.get(key, []):
            if self.index.actors[aid]["kind"] in ("government", "country"):
                return aid
        return self.index.metonyms.get(key) or self.index.demonyms.get(key)

    # -- passes --------------------------------------------------------------------

    def resolve(self) -> list[_Mention]:
        self._attach_spans()
        relabel_surnames(self.mentions, lambda w: normalize_name(w) in self.index.demonyms)
        surnames: list[_Mention] = []
        for m in self.mentions:
            if m.label not in _ACTOR_LABELS:
                continue
            self._resolve_one(m, surnames)
        self._bind_titles()
        self._resolve_surnames(surnames)
        surname_organisations(self.single_orgs, lambda w: self.full_names.get(_person_key(w), {}))
        self._role_mentions()
        define_acronyms(self.mentions, text_between(self.pieces))
        return self.mentions + self.added

    def _resolve_one(self, m: _Mention, surnames: list[_Mention]) -> None:
        suffix = generation_after(m.span) if m.label == "PERSON" else None
        if suffix:
            # "Donald Trump Jr." is not Donald Trump: the son, a name of its own
            m.pattern_id, m.text = None, f"{m.text.strip()} {suffix}"
        if m.pattern_id is None and m.label in ("PERSON", "ORG"):
            if _headlines.edited_word(m.text):
                m.role = "literal"  # "[W]e": an edited word, no name
                return
            m.text = self._trim_name(m)
        key = normalize_name(m.text)
        if not key or key in _names.GENERIC or not re.search(r"[^\W\d_]", key):
            return
        if m.pattern_id is None and m.label in ("PERSON", "ORG"):
            nick = self._nicknamed().get(m.text.strip())
            if nick is not None:
                # 'Jane "JJ" Roe' in the article: "Roe" is a person known as "JJ Roe",
                # whatever the tagger called it
                m.name = nick
                m.actor_id, m.role, m.kind = f"x:{slugify(m.name)}", "actor", "person"
                m.label = "PERSON"
                return
        if key in _names.NOT_ACTORS or m.text.strip().lower() in _names.NOT_ACTORS:
            m.role = "literal"  # a programme or a law, not someone who acts
            return
        ids = []
        if m.pattern_id and m.pattern_id in self.index.actors:
            ids = [m.pattern_id]
        elif m.label != "NORP":
            ids = self.index.names.get(key, [])
            if m.label == "PERSON" and len(key.split()) < 2:
                ids = []  # a bare surname: resolved in context below
        if not ids and m.label in ("GPE", "FAC", "ORG", "LOC"):
            met = self.index.metonyms.get(key)
            if met:
                ids = [met]
        if m.label == "NORP" and key in self.index.members and self._party_here(key):
            ids = [self.index.members[key]]  # "Democrats": the party as a group
        elif m.label == "NORP" or (not ids and key in self.index.demonyms):
            acting = acting_demonym_actor(m.span, self.index) if m.span is not None else None
            if acting:  # "Ruritanian officials said": the government acting
                (m.actor_id, m.kind, m.name), m.role = acting, "actor"
                return
            gov = self.index.demonyms.get(key)
            if gov or not m.text.endswith("s"):
                m.role = "demonym"
                return
            m.actor_id, m.role, m.kind, m.name = f"x:{slugify(m.text)}", "actor", "group", m.text
            return
        if ids:
            aid = ids[0]
            if len(ids) > 1:
                wanted = {"PERSON": ("person",), "ORG": ("organisation", "media")}.get(m.label, ())
                aid = next((i for i in ids if self.index.actors[i]["kind"] in wanted), ids[0])
            kind = self.index.actors[aid]["kind"]
            if kind in ("government", "country"):
                is_alias = key in self.index.names
                building = m.label in ("FAC", "ORG")
                default = "actor" if (is_alias or building) else "literal"
                m.role = self._gov_role(m, default)
                m.actor_id = aid if m.role == "actor" else None
                m.kind = kind
                return
            m.actor_id, m.role = aid, "actor"
            return
        if m.label == "PERSON":
            if len(key.split()) < 2:
                surnames.append(m)
                return
            # 'Jane "JJ" Roe' goes by "JJ Roe" (as a headline or a bare "Roe" after it)
            nick = _NICKNAMED.match(m.text.strip())
            m.name = f"{nick.group(1)} {nick.group(2)}" if nick else m.text
            m.actor_id, m.role, m.kind = f"x:{slugify(m.name)}", "actor", "person"
            return
        if m.label == "ORG":
            name = re.sub(r"^(the|The)\s+", "", m.text.strip())
            name = re.sub(r"['\u2019]s?$", "", name).strip()
            name = re.sub(r"\s+(?:of|for)$", "", name)
            name = re.sub(r"[^\w.)]+$", "", name)  # "Acme News/"
            if _names.GENERIC_BODY.match(name) or self._country_body(name):
                name = self._qualified_body(m, name)
                if name is None:
                    m.role = "generic"  # "the Foreign Ministry" of no named country
                    return
                if " of " in name:
                    # "Senate of United States": the body is that country's
                    m.country = country_code(name.rsplit(" of ", 1)[1], self.index)
            m.actor_id, m.role, m.name = f"x:{slugify(name)}", "actor", name
            m.kind = "media" if _names.MEDIA_WORDS.search(name) else "organisation"
            words = name.split()
            if len(words) == 1 or all(
                re.fullmatch(r"[A-Z][a-z]+(?:s|ed|ing)", w) for w in words[1:]
            ):
                self.single_orgs.append(m)  # "Mueller" tagged as an organisation
            return
        if m.label == "GPE":
            m.role = self._gov_role(m, "literal")
            if m.role == "actor":
                name = re.sub(r"['\u2019]s?$", "", m.text.strip())
                name = re.sub(r"^(the|The)\s+", "", name)
                m.actor_id, m.kind, m.name = f"x:{slugify(name)}", "government", name
            return
        m.role = "literal"

    def _trim_name(self, m: _Mention) -> str:
        """The name in an entity span: without a possessor ("Smith's Acme" -> "Acme"), a
        possessive ending, trailing lower-case words ("Acme today") or the headline word
        glued to a person's name ("Smith Says", "Plus Smith")."""
        text = _headlines.without_brackets(m.text.strip())  # "[Jane] Roe" -> "Jane Roe"
        text = re.sub(r"\s*[-/&\u2013\u2014]+$", "", text)  # "Roe-", "Roe &": a line's end
        poss = re.split(r"(?<!\b[Pp]eople)(?<!\b[Ww]omen)(?<!\b[Cc]hildren)['\u2019]s\s+", text)
        if len(poss) > 1 and poss[-1]:
            text = poss[-1]  # (not "the People's Liberation Army", "Women's March")
        text = re.sub(r"['\u2019]s?$", "", text).strip()
        words = text.split()
        # ("Ahmed al-Assadi", "Abdel Fattah el-Sisi": a particle joined to a name stays)
        while len(words) > 1 and words[-1][:1].islower() and not _PARTICLE_NAME.match(words[-1]):
            words.pop()
        text = " ".join(words)
        if m.label == "ORG":
            if len(words) > 2 and m.span is not None and in_title_case_line(m.span):
                # "Roe Wows the Party Faithful" tagged as an organisation: a known person
                cut = self._names.before_verb(words, person=self._names.known_person)
                if cut:
                    m.label = "PERSON"
                    return cut
            return text
        if len(words) < 2:
            return text
        if m.span is None or in_title_case_line(m.span):  # "Smith Says": a headline
            cut = _headlines.name_before_headline(words, self._names.known_name)
            if cut is None and len(words) > 2:
                cut = self._names.before_verb(words)
            if cut:
                return cut
        if words[0].lower() not in _names.HEADLINE_LEADS:
            return text
        key = normalize_name(" ".join(words[1:]))
        known = key in self.index.names or key in self.index.surnames
        return " ".join(words[1:]) if known or len(words) == 2 else text

    def _country_body(self, name: str) -> tuple[str, str] | None:
        """ "Chinese Foreign Ministry" -> ("China", "Foreign Ministry"): the country's
        name (the knowledge base's, else the gazetteer's country) and the body."""
        words = name.split()
        for k in (1, 2):
            head, rest = " ".join(words[:k]), " ".join(words[k:])
            if rest and _names.GENERIC_BODY.match(rest):
                country = self._named_country(head)
                if country:
                    return country, rest
        return None

    def _named_country(self, text: str) -> str | None:
        """The country ``text`` names (a knowledge-base government, its capital or
        demonym, else a country of the gazetteer), by name, or None."""
        gov = self._country_gov(text, None)
        if gov:
            return self._country_name(gov)
        return gazetteer_country(text, self.index, countries_only=True)

    def _qualified_body(self, m: _Mention, name: str) -> str | None:
        """ "Foreign Ministry" -> "Foreign Ministry of China" when a country qualifies it
        ("China's Foreign Ministry", "the Chinese foreign ministry", "the Foreign Ministry
        of China"), else the country the article gives the same body elsewhere ("the
        U.S. Senate"), else the country the article is about; a court left bare in an
        article about no one country keeps its bare name, other bodies give None."""
        inside = self._country_body(name)
        if inside is not None:
            country, name = inside
            return f"{name} of {country}"
        tail = re.search(r"\bof\s+(?:the\s+)?(.+)$", name)
        if tail:
            # "Supreme Court of the Northland": the same name as "Northland Supreme Court"
            country = self._named_country(tail.group(1))
            if country:
                return f"{name[: tail.start()].strip()} of {country}"
        if m.span is None:
            return None
        doc = m.span.doc
        gov, _ = self._qualifier(doc, m.span.start)
        at = m.span.end if doc[m.span.end - 1].lower_ == "of" else m.span.end + 1
        if gov is None and at < len(doc) and doc[at - 1].lower_ == "of":
            # "the Foreign Ministry of Japan" with the country outside the entity
            ent = next((e for e in doc[at : at + 6].ents if e.start == at), None)
            if ent is not None:
                gov = self._country_gov(ent.text, ent.ent_id_ or None)
        if name.lower().endswith(" of"):
            name = name[:-3]
        if gov is None and m.span.start > 0:
            # the demonym or country inside the span's own left context ("Chinese")
            prev = doc[m.span.start - 1]
            gov = self.index.demonyms.get(normalize_name(prev.text))
        if gov is None and tail:
            return name  # "Ministry of Foreign Affairs of Japan" names its country
        country = self._country_name(gov) if gov else self._qualified_elsewhere(name)
        country = country or self._article_country()
        if country is None:
            return name if _names.NATIONAL_COURT.match(name) else None
        return f"{name} of {country}"

    def _qualified_elsewhere(self, name: str) -> str | None:
        """The country the article gives the same body where it names it in full ("the
        U.S. Senate ... the Senate", also where the tagger took only "U.S."): one
        country, or None (remembered for the article: its bodies recur)."""
        cache = self.__dict__.setdefault("_elsewhere", {})
        if name not in cache:
            cache[name] = self._find_qualified(name)
        return cache[name]

    def _find_qualified(self, name: str) -> str | None:
        found: set[str] = set()
        words = name.lower().split()
        docs = {id(o.span.doc): o.span.doc for o in self.mentions if o.span is not None}
        for doc in docs.values():
            for tok in doc:
                if tok.lower_ != words[0] or tok.i + len(words) > len(doc):
                    continue
                if [t.lower_ for t in doc[tok.i : tok.i + len(words)]] != words:
                    continue
                gov, _ = self._qualifier(doc, tok.i)
                if gov is None and tok.i > 0:
                    gov = self.index.demonyms.get(normalize_name(doc[tok.i - 1].text))
                if gov:
                    found.add(self._country_name(gov))
        return found.pop() if len(found) == 1 else None

    def _country_name(self, gov: str) -> str:
        return re.sub(r"^Government of (the )?", "", self.index.actors[gov]["name"])

    def _gov_role(self, m: _Mention, default: str) -> str:
        if m.span is None:
            return default
        k = self._piece_no(m)
        return government_role(
            m.span,
            default=default,
            title_tokens=self.title_tokens.get(k, set()),
            person_tokens=self.person_tokens.get(k, set()),
        )

    def _bind_titles(self) -> None:
        """Record which person each title names in this article ("Kremlin spokesman X")."""
        by_piece: dict[int, dict[int, _Mention]] = {}
        for m in self.mentions:
            if m.span is not None and m.label == "PERSON":
                by_piece.setdefault(self._piece_no(m), {})[m.span.start] = m
        for k, (_, doc) in enumerate(self.pieces):
            starts = by_piece.get(k, {})
            for t in doc.spans.get("titles", []) if "titles" in doc.spans else []:
                person = starts.get(t.end)
                if person is None and t.start >= 2 and doc[t.start - 1].text == ",":
                    # apposition: "Kim Chang Son, vice chairman of ..."
                    prev = doc[t.start - 2]
                    person = next((m for s, m in starts.items() if s <= prev.i < m.span.end), None)
                if person is None:
                    continue
                gov, _ = self._qualifier(doc, t.start)
                if gov is None:
                    gov = self._of_country(doc, t)
                person.title = t.text.lower()
                person.title_gov = gov
                if gov:
                    person.country = self.index.actors[gov]["country"]

    def _of_country(self, doc: Doc, title: Span) -> str | None:
        """Country in "leader of North Korea" / "vice chairman of North Korea's ..."."""
        if title.end + 1 < len(doc) and doc[title.end].lower_ == "of":
            j = title.end + 1
            if j < len(doc) and doc[j].lower_ == "the":
                j += 1
            if j < len(doc) and doc[j].ent_type_ in ("GPE", "ORG", "FAC"):
                k = j
                while k + 1 < len(doc) and doc[k + 1].ent_iob_ == "I":
                    k += 1
                return self._country_gov(doc[j : k + 1].text, doc[j].ent_id_)
        return None

    def _resolve_surnames(self, surnames: list[_Mention]) -> None:
        # full names of people in this article, with their salience
        full: dict[str, Counter] = {}
        salience: Counter = Counter()
        first_seen: dict[str, int] = {}
        suffixed: dict[str, Counter] = {}
        bare = {id(m) for m in surnames}
        for m in self.mentions:
            if m.actor_id is None or m.label != "PERSON" or id(m) in bare:
                continue
            kb_row = self.index.actors.get(m.actor_id)
            if kb_row is not None and kb_row["kind"] != "person":
                continue
            salience[m.actor_id] += 1
            first_seen.setdefault(m.actor_id, m.start)
            parts = _person_key(m.text).split()
            if len(parts) > 2 and parts[-1] in NAME_SUFFIXES:
                # "Tom Vale Jr." is a Vale too, where another Vale of the article could
                # be meant (he is otherwise joined as the corpus knows him)
                suffixed.setdefault(parts[-2], Counter())[m.actor_id] += 1
            keys = {parts[0], parts[-1]} if len(parts) > 1 else set(parts)
            if kb_row is not None:
                keys.update(
                    k
                    for k, ids in self.index.surnames.items()
                    if m.actor_id in ids and k in (parts[0], parts[-1])
                )
            for key in keys:
                full.setdefault(key, Counter())[m.actor_id] += 1
        for key, ids in suffixed.items():
            if key in full:
                full[key].update(ids)
        self.full_names = full
        towns = town_like_names(m for m in surnames if _person_key(m.text) not in full)
        for m in surnames:
            key = _person_key(m.text)
            cands = [c for c in full.get(key, {}) if surname_fits(m.span, self._named(c))]
            cands = titled_holder(self, m, key, cands)
            if not cands and key in towns:
                m.role = "literal"  # "in Ashby", "into Ashby": a town's name, no one
                continue
            if not cands:
                kb_ids = [
                    i
                    for i in self.index.names.get(key, []) + self.index.surnames.get(key, [])
                    if self.index.actors[i]["kind"] == "person"
                ]
                kb_ids = list(dict.fromkeys(kb_ids))
                if len(kb_ids) > 1:
                    kb_ids = [i for i in kb_ids if self._valid(i)] or kb_ids
                if len(kb_ids) > 1:
                    kb_ids = self._by_title(m, kb_ids) or kb_ids
                if len(kb_ids) > 1:
                    kb_ids = [i for i in kb_ids if surname_fits(m.span, self._named(i))]
                if len(kb_ids) == 1:
                    m.actor_id, m.role = kb_ids[0], "actor"
                elif not kb_ids:
                    m.actor_id, m.role, m.kind, m.name = (
                        f"x:{slugify(m.text)}",
                        "actor",
                        "person",
                        m.text,
                    )
                else:
                    m.role = "ambiguous"
                    log.debug("article %s: %r is ambiguous (%s)", self.aid, m.text, kb_ids)
                continue
            if len(cands) > 1:
                cands = self._by_title(m, cands) or cands
            if len(cands) > 1:
                # "Vale said he would resign": the Vale a "he" can take up
                want = self_pronoun_gender(m.span)
                fits = [c for c in cands if want and self._gender(c) in (want, None)]
                cands = fits or cands
            if len(cands) > 1:
                recent = [c for c in cands if self._named_just_before(c, m)]
                if len(recent) == 1:
                    cands = recent
            if len(cands) > 1:
                cands.sort(key=lambda c: (-salience[c], first_seen.get(c, 0)))
            m.actor_id, m.role = cands[0], "actor"

    def _gender(self, aid: str) -> str | None:
        """The gender of ``aid``'s name, else the one a noun in apposition with one of
        its mentions tells ("his wife, Jane Roe")."""
        g = name_gender(self._named(aid))
        for o in self.mentions:
            if g is None and o.actor_id == aid and o.label == "PERSON":
                g = apposed_gender(o.span)
        return g

    def _named(self, aid: str) -> str:
        row = self.index.actors.get(aid)
        return str(row["name"]) if row is not None else full_name(self.mentions, aid)

    def _named_just_before(self, aid: str, m: _Mention) -> bool:
        """True when ``aid`` is named in full in this or the previous sentence, before ``m``
        -- and not in the words ``m`` speaks ('"The Vale era is over," said Vale')."""
        near = [
            o
            for o in self.mentions
            if o.actor_id == aid
            and o is not m
            and o.end <= m.start
            and o.label == "PERSON"
            and m.sentence_id - 1 <= o.sentence_id <= m.sentence_id
        ]
        if any(o.sentence_id == m.sentence_id and quoted_apart(o.span, m.span) for o in near):
            return False
        return any(len(o.text.split()) > 1 for o in near)

    def _by_title(self, m: _Mention, cands: list[str]) -> list[str]:
        title = self._title_before(m)
        if not title:
            return []
        out = []
        for c in cands:
            row = self.index.actors.get(c)
            titles = set(row["titles"]) if row is not None else set()
            titles.update(o.title for o in self.mentions if o.actor_id == c)
            if title in titles or any(t and t.endswith(" " + title) for t in titles):
                out.append(c)
        return out

    def _role_mentions(self) -> None:
        """Titles standing for a person: "the Kremlin spokesman", "North Korea's leader"."""
        named_starts = {
            (self._piece_no(m), m.span.start)
            for m in self.mentions
            if m.span is not None and m.label == "PERSON"
        }
        for k, (off, doc) in enumerate(self.pieces):
            for t in doc.spans.get("titles", []) if "titles" in doc.spans else []:
                if (k, t.end) in named_starts:
                    continue  # "President Putin": the name is the mention
                if t.end < len(doc) and doc[t.end].ent_type_ == "PERSON":
                    continue
                if (
                    t.start >= 1
                    and doc[t.start - 1].text == ","
                    and t.start >= 2
                    and doc[t.start - 2].ent_type_ == "PERSON"
                ):
                    continue  # apposition after a name
                title = t.text.lower()
                before = doc[t.start - 1] if t.start >= 1 else None
                if before is not None and before.lower_ in _INDEFINITE:
                    continue  # "a spokesperson told": someone unnamed, not the one in office
                if title == "general" and before is not None and before.pos_ == "NOUN":
                    continue  # "the prosecutor general", "attorney general": no army rank
                gov, start = self._qualifier(doc, t.start)
                if gov is None:
                    gov = self._of_country(doc, t)
                aid = self._person_for_title(title, gov)
                if aid is None:
                    continue
                span = doc[start : t.end]
                m = _Mention(
                    row=-1,
                    start=off + span.start_char,
                    end=off + span.end_char,
                    text=span.text,
                    label="PERSON",
                    sentence_id=self._sentence_of(off + span.start_char),
                    pattern_id=None,
                    span=span,
                    offset=off,
                    actor_id=aid,
                    role="actor",
                )
                self.added.append(m)

    def _person_for_title(self, title: str, gov: str | None) -> str | None:
        country = self.index.actors[gov]["country"] if gov else None
        head = title.split()[-1]

        def fits(t: str | None, g: str | None, c: str | None) -> bool:
            if not t:
                return False
            if t != title and t.split()[-1] != head:
                return False
            if gov is None:
                return True
            return g == gov or c == country

        # people this article names with that title
        named = Counter()
        for m in self.mentions:
            t = m.title
            if m.actor_id and fits(t, m.title_gov, self._country_of(m)):
                named[m.actor_id] += 1
        if len(named) == 1:
            return next(iter(named))
        if len(named) > 1:
            exact = [
                a for a in named if any(m.title == title for m in self.mentions if m.actor_id == a)
            ]
            return exact[0] if len(exact) == 1 else None
        if gov is None:
            gov = self._home_government()
            if gov is None:
                return None  # "the president" without a country or an earlier name
            country = self.index.actors[gov]["country"]
            # a bare title in a country's story: its holder on the publication day only
            cands = [
                a
                for a in self.index.titles.get(title, [])
                if self.index.actors[a]["country"] == country and self._valid(a, strict=True)
            ]
            return cands[0] if len(cands) == 1 else None
        cands = [
            a
            for a in self.index.titles.get(title, [])
            if self.index.actors[a]["country"] == country and self._valid(a)
        ]
        if not cands and title != head:
            cands = [
                a
                for a in self.index.titles.get(head, [])
                if self.index.actors[a]["country"] == country and self._valid(a)
            ]
        if len(cands) > 1:
            present = [a for a in cands if any(m.actor_id == a for m in self.mentions)]
            cands = present if present else cands
        return cands[0] if len(cands) == 1 else None

    def _country_of(self, m: _Mention) -> str | None:
        row = self.index.actors.get(m.actor_id or "")
        if row is not None:
            return row["country"]
        return m.country


#: A first name, a quoted nickname and the rest of a name: 'Jane "JJ" Roe'.
_NICKNAMED = re.compile(r"^[A-Z][\w.]*\s+[\"\u201c\u2018']([A-Z][\w.]*)[\"\u201d\u2019']\s+(\S.*)$")


_PARTICLE_NAME = re.compile(r"^[a-z]{1,4}-[A-Z]")
_INDEFINITE = frozenset(["a", "an", "another", "one", "some", "any", "no", "each", "every"])


def _frame_rows(mentions: pd.DataFrame):
    cols = ["article_id", "start", "end", "text", "label", "sentence_id"]
    pid = mentions["pattern_id"] if "pattern_id" in mentions.columns else None
    data = {c: mentions[c].tolist() for c in cols}
    data["pattern_id"] = pid.tolist() if pid is not None else [None] * len(mentions)
    return data


def resolve_actors(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    docs: dict | None = None,
    kb: pd.DataFrame | None = None,
    edges_scope: Literal["sentence", "article"] = "sentence",
) -> ActorResult:
    """Resolve mentions to canonical actors; find quotes and co-mention edges.

    Parameters
    ----------
    articles, sentences, mentions : pandas.DataFrame
        Frames from :func:`analysis.io.load_articles` and :func:`analysis.nlp.parse`.
    docs : dict, optional
        article_id -> list of (char_offset, Doc) from :func:`analysis.nlp.parse`; the
        articles are parsed again when omitted (syntax drives metonymy and quotes).
    kb : pandas.DataFrame, optional
        Knowledge base from :func:`load_knowledge_base` (the bundled one by default).
    edges_scope : {'sentence', 'article'}
        Count co-mentions per sentence (default) or per article.

    Returns
    -------
    ActorResult
        ``.mentions`` (actor_id filled), ``.actors``, ``.quotes``, ``.edges``, and the
        per-article ``.actor_parts`` and ``.edge_parts``.
    """
    schema.check(articles, "articles")
    schema.check(sentences, "sentences")
    schema.check(mentions, "mentions")
    if edges_scope not in ("sentence", "article"):
        raise ValueError(f"edges_scope must be 'sentence' or 'article', not {edges_scope!r}")
    kb = load_knowledge_base() if kb is None else kb
    index = kb_index(kb)
    if docs is None:
        from analysis.nlp import load_pipeline, parse

        docs = parse(articles, nlp=load_pipeline(kb=kb)).docs
    published = dict(zip(articles["article_id"], articles["published"], strict=True))
    rows = _frame_rows(mentions)
    by_article: dict[str, list[_Mention]] = {}
    for i in range(len(mentions)):
        aid = rows["article_id"][i]
        pid = rows["pattern_id"][i]
        by_article.setdefault(aid, []).append(
            _Mention(
                row=i,
                start=int(rows["start"][i]),
                end=int(rows["end"][i]),
                text=str(rows["text"][i]),
                label=str(rows["label"][i]),
                sentence_id=int(rows["sentence_id"][i]),
                pattern_id=None if pid is None or pd.isna(pid) else str(pid),
            )
        )
    sent_index: dict[str, tuple[list[int], list[int]]] = {}
    for aid, grp in sentences.sort_values(["article_id", "start"]).groupby(
        "article_id", sort=False
    ):
        sent_index[aid] = (grp["start"].tolist(), grp["sentence_id"].tolist())

    actor_ids = [None] * len(mentions)
    roles = [None] * len(mentions)
    added_rows = []
    quote_rows = []
    actor_acc: dict[str, dict] = {}
    edge_weights: Counter = Counter()
    edge_articles: Counter = Counter()
    actor_part_rows: list[dict] = []
    edge_part_rows: list[dict] = []
    for aid in articles["article_id"]:
        ms = by_article.get(aid, [])
        starts, sids = sent_index.get(aid, ([], []))
        res = _ArticleResolver(aid, published.get(aid), docs.get(aid), ms, index, starts, sids)
        resolved = res.resolve() if ms or docs.get(aid) else []
        for m in resolved:
            if m.row >= 0:
                actor_ids[m.row], roles[m.row] = m.actor_id, m.role
            else:
                added_rows.append(
                    {
                        "article_id": aid,
                        "sentence_id": m.sentence_id,
                        "start": m.start,
                        "end": m.end,
                        "text": m.text,
                        "label": m.label,
                        "source": "role",
                        "actor_id": m.actor_id,
                        "place_id": None,
                        "role": m.role,
                    }
                )
        actors_here = [m for m in resolved if m.actor_id and m.role == "actor"]
        quote_rows.extend(
            find_quotes(aid, res.pieces, actors_here, res._sentence_of, res.kb_titles)
        )
        article_acc: dict[str, dict] = {}
        for row in article_actors(actors_here, index):
            accumulate_actor(actor_acc, row)
            accumulate_actor(article_acc, row)
        part = sorted(finish_rows(article_acc), key=lambda r: (-r["mentions"], r["actor_id"]))
        actor_part_rows.extend({"article_id": aid, **r} for r in part)
        pairs = pair_weights(actors_here, scope=edges_scope)
        edge_weights.update(pairs)
        edge_articles.update(dict.fromkeys(pairs, 1))
        edge_part_rows.extend(
            {"article_id": aid, "source": a, "target": b, "weight": w, "articles": 1}
            for (a, b), w in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))
        )
    out = mentions.copy()
    out["actor_id"] = pd.array(actor_ids, dtype="string")
    out["role"] = pd.array(roles, dtype="string")
    if added_rows:
        out = pd.concat([out, pd.DataFrame(added_rows)], ignore_index=True)
        out = out.sort_values(["article_id", "start", "end"], kind="stable")
    out = schema.conform(out, "mentions")
    quotes = schema.conform(
        pd.DataFrame(quote_rows, columns=[c.name for c in schema.SCHEMAS["quotes"]]), "quotes"
    )
    return ActorResult(
        mentions=out,
        actors=finish_actors(actor_acc),
        quotes=quotes,
        edges=edges_frame(edge_weights, edge_articles),
        actor_parts=_with_article_id("actors", actor_part_rows),
        edge_parts=_with_article_id("edges", edge_part_rows),
        quote_details=quote_rows,
    )

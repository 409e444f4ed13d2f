"""Toponym roles: literal place, government, demonym or modifier.

* ``demonym``: an adjective of a place ("French", "North Korean");
* ``modifier``: a place that modifies a noun or sits inside a name ("US officials",
  "US-North Korea talks", "The Washington Post");
* ``government``: a name standing for the government (metonymy): a seat of government
  ("the Kremlin"), or a country or capital followed by a possessive or by a verb of
  saying, deciding or wanting ("Pyongyang said", "Washington's engagement", "Paris will");
* ``literal``: everything else.

Also :func:`drop_people_demonyms`, which keeps demonyms only where they modify a noun.
"""

from __future__ import annotations

import re

from ..lexicon.speech import SPEECH_VERBS, verb_forms
from ._normalize import normalize
from .gazetteer import KIND_DEMONYM
from .recognition import Toponym

__all__ = ["GOVERNMENT_VERBS", "GOVERNMENT_SEATS", "drop_people_demonyms", "role"]

#: Features whose curated entries may be seats of government.
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
#: What a government does besides speaking ("Moscow rejected", "Seoul plans to").
_GOVERNMENT_ACTIONS = frozenset(
    [
        "agree",
        "believe",
        "condemn",
        "decide",
        "hope",
        "impose",
        "plan",
        "refuse",
        "reject",
        "sanction",
        "see",
        "sign",
        "want",
    ]
)
#: Auxiliaries and modals after a subject ("Beijing has", "Tokyo will").
_AUXILIARIES = frozenset(
    ["can", "could", "had", "has", "have", "is", "may", "might", "must", "should", "was", "will"]
    + ["would"]
)
#: Third-person forms that after a place name are nearly always plural nouns ("US
#: sanctions", "Moscow talks", "Kyiv reports"): not evidence of a government.
_PLURAL_NOUN_FORMS = frozenset(
    [
        "comments",
        "notes",
        "promises",
        "remarks",
        "replies",
        "reports",
        "sanctions",
        "signals",
        "states",
        "tweets",
        "voices",
    ]
)
#: Words after a country or capital that make it the government: the finite forms of the
#: speech verbs (:mod:`analysis.lexicon.speech`) and of government actions, auxiliaries.
GOVERNMENT_VERBS = (
    (verb_forms(SPEECH_VERBS | _GOVERNMENT_ACTIONS) - _PLURAL_NOUN_FORMS)
    | _AUXILIARIES
    | frozenset(["say"])
)

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
    "Polish, Czech and other workers")."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return (
        tok.dep_ in _MODIFIER_DEPS
        and tok.head.i > tok.i
        and tok.head.pos_ in ("NOUN", "PROPN", "NUM", "ADJ")
    )


def drop_people_demonyms(tops: list[Toponym], parts: list | None) -> list[Toponym]:
    """Keep demonyms used as adjectives ("Syrian forces") and drop the people and the
    languages ("many Kenyans", "a proud Kenyan", "speaks Spanish").

    The pragmatic taxonomy of toponyms counts a demonym as a toponym only when it
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


def role(text: str, t: Toponym, parts: list | None = None) -> str:
    """The role of a resolved toponym in its sentence.

    Parameters
    ----------
    text : str
        The article text.
    t : Toponym
        A resolved toponym (``chosen`` set).
    parts : list of (offset, spacy.tokens.Doc), optional
        The article's parsed pieces; without them only the text cues decide.

    Returns
    -------
    str
        ``demonym``, ``modifier``, ``government`` or ``literal``.
    """
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

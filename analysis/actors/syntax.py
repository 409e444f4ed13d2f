"""Small syntactic judgements on spaCy tokens used by actor resolution and quotes.

Every function degrades gracefully on Docs without a dependency parse (the blank
pipeline): it then returns the caller's default.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from analysis.lexicon.agents import (
    NON_STATE_MODIFIERS,
    STATE_AGENTS,
    STATE_BODIES,
    STATE_OUTLET_NOUNS,
)
from analysis.lexicon.places import PLACE_PART_NOUNS as PLACE_NOUNS
from analysis.lexicon.prepositions import PARTICIPANT_PREPOSITIONS as _ACTOR_PREPS
from analysis.lexicon.prepositions import PLACE_OBJECT_PREPOSITIONS as _LOCATIVE_PREPS
from analysis.lexicon.speech import QUOTE_MARKS, SPEECH_VERBS
from analysis.lexicon.speech import SPEECH_VERB_FORMS as _SPEECH_FORMS

__all__ = [
    "SPEECH_LEMMAS",
    "acting_demonym",
    "has_parse",
    "government_role",
    "is_speech_verb",
    "quoted_apart",
    "cue_lemma",
]

# The English word lists live in analysis.lexicon (one list per meaning); the names here
# are what this module has always called them.
#: Reporting verbs (lemmas) that introduce direct or reported speech.
SPEECH_LEMMAS = SPEECH_VERBS
_SPEECH_NOUNS = frozenset(
    [
        "message",
        "letter",
        "offer",
        "proposal",
        "appeal",
        "warning",
        "response",
        "reply",
        "statement",
        "demand",
        "request",
        "invitation",
        "overture",
        "pressure",
        "threat",
        "criticism",
        "support",
        "approval",
        "condemnation",
    ]
)
_MOTION_VERBS = frozenset(
    [
        "visit",
        "reach",
        "leave",
        "enter",
        "tour",
        "fly",
        "travel",
        "depart",
        "land",
        "cross",
        "approach",
        "return",
        "arrive",
        "move",
        "relocate",
        "evacuate",
    ]
)
_COPULA = frozenset({"be", "lie", "sit", "locate", "remain"})


def has_parse(doc: Doc) -> bool:
    """True when ``doc`` carries a dependency parse."""
    return doc.has_annotation("DEP")


def is_speech_verb(token: Token) -> bool:
    """True for a reporting verb ("said", "confirmed", "notes")."""
    lemma = token.lemma_.lower() if token.lemma_ else ""
    if lemma in SPEECH_LEMMAS:
        return token.pos_ in ("VERB", "AUX", "") or not token.pos_
    return not lemma and token.lower_ in _SPEECH_FORMS


def cue_lemma(token: Token) -> str:
    """Lemma of a cue verb, falling back to its lower-case form."""
    return (token.lemma_ or token.lower_).lower()


def _first_conjunct(tok: Token) -> Token:
    seen = 0
    while tok.dep_ == "conj" and tok.head is not tok and seen < 10:
        tok = tok.head
        seen += 1
    return tok


def acting_demonym(span: Span) -> bool:
    """True when a country's adjective names its government acting: it qualifies a
    noun of those who act for a state ("Ruritanian officials said", "the Ruritanian
    side", "Ruritanian troops", "Ruritanian state media"), and no word on that noun
    takes them out of it ("Ruritanian opposition leaders", "former Ruritanian
    diplomats").  A singular title of one office ("the Ruritanian ambassador", "the
    Ruritanian prime minister") is that person, not the state.

    Parameters
    ----------
    span : Span
        The adjective ("Ruritanian", "North Ruritanian").

    Returns
    -------
    bool
        False on a Doc without a dependency parse.
    """
    if not has_parse(span.doc):
        return False
    tok = _first_conjunct(span.root)
    if tok.dep_ not in ("amod", "compound", "nmod", "npadvmod"):
        return False
    head = tok.head
    while head.dep_ == "compound" and head.head is not head and head.pos_ != "PROPN":
        head = head.head  # "Ruritanian border guards": the noun the phrase is about
    if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in ("PERSON", "ORG", "GPE"):
        return False
    mods = {c.lower_ for c in head.children if c.dep_ in ("amod", "compound", "nmod")}
    mods |= {c.lower_ for c in head.subtree if c.i < head.i and c.dep_ in ("amod", "compound")}
    if mods & NON_STATE_MODIFIERS:
        return False
    words = {head.lemma_.lower(), head.lower_}  # "media" may be lemmatized "medium"
    if words & STATE_OUTLET_NOUNS:
        return bool({"state", "state-run", "official"} & mods)
    if head.tag_ in ("NN", "NNP") and not words & STATE_BODIES:
        return False  # "the Ruritanian ambassador": one person, named elsewhere
    return bool(words & STATE_AGENTS)


#: What is asked of or given by a government ("an explanation from Ruritania").
_GIVEN_NOUNS = frozenset(
    [
        *("explanation", "apology", "assurance", "guarantee", "answer", "clarification"),
        *("commitment", "concession", "aid", "help", "cooperation", "compensation"),
    ]
)
#: Verbs that ask something of, or receive it from, a government ("sought from").
_ASKING_VERBS = frozenset(
    ["demand", "request", "seek", "receive", "get", "hear", "expect", "ask", "obtain"]
)


def _asked_of(prep: Token) -> bool:
    """True for "from X" naming whom something is asked of or given by: "demanded an
    explanation from X", "received a letter from X" -- not "flew in from X"."""
    head = prep.head
    if head.lemma_.lower() in _GIVEN_NOUNS | _SPEECH_NOUNS:
        return True
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in _ASKING_VERBS


def government_role(
    span: Span, *, default: str, title_tokens: set[int], person_tokens: set[int]
) -> str:
    """Decide whether a country or place name acts as a government.

    Parameters
    ----------
    span : Span
        The name ("Pyongyang", "the Kremlin", "Russia").
    default : str
        What to answer when the syntax does not decide ('actor' or 'literal').
    title_tokens, person_tokens : set of int
        Token indices inside titles ("President") and person names.

    Returns
    -------
    str
        'actor' (it stands for the government), 'literal' (the place), or 'attribute'
        (it qualifies a title or a person: "Russia's President Putin", "Kremlin spokesman").
    """
    doc = span.doc
    if not has_parse(doc):
        if span.end < len(doc) and (
            span.end in title_tokens
            or (
                span.end + 1 < len(doc)
                and doc[span.end].lower_ in ("'s", "\u2019s")
                and span.end + 1 in title_tokens
            )
        ):
            return "attribute"
        return default
    if any(i in title_tokens for i in range(span.start, span.end)):
        return "attribute"  # "Kremlin spokesman" is one title
    tok = _first_conjunct(span.root)
    dep, head = tok.dep_, tok.head
    if (
        dep in ("poss", "compound")
        and head.dep_ == "pobj"
        and head.head.lower_ == "of"
        and head.head.head.i in title_tokens
    ):
        return "attribute"  # "vice chairman of North Korea's state affairs commission"
    if dep in ("nsubj", "nsubjpass", "csubj", "agent", "expl"):
        if head.lemma_ in _COPULA:
            return default
        return "actor"
    if dep in ("poss", "compound", "amod", "nmod", "npadvmod"):
        if head.i in title_tokens or head.i in person_tokens:
            return "attribute"
        if head.lemma_.lower() in PLACE_NOUNS or head.ent_type_ in ("LOC", "FAC"):
            return "literal"
        if dep == "poss":
            return "actor"
        return default
    if dep == "pobj":
        prep = head
        word = prep.lower_
        if word in _ACTOR_PREPS:
            return "actor"
        if word == "to" and prep.head.lower_ == "according":
            return "actor"
        if word == "of":
            owner = prep.head
            if owner.i in title_tokens:
                return "attribute"
            if owner.lemma_.lower() in PLACE_NOUNS:
                return "literal"
            return "actor" if default == "actor" else default
        if word in _LOCATIVE_PREPS:
            if prep.head.lemma_.lower() in _SPEECH_NOUNS:
                return "actor"
            if word == "from" and _asked_of(prep):
                return "actor"  # "demanded an explanation from Russia"
            return "literal"
        return default
    if dep in ("dobj", "dative"):
        if head.lemma_.lower() in _MOTION_VERBS:
            return "literal"
        return "actor"
    if dep == "appos":
        return government_role(
            head.doc[head.i : head.i + 1],
            default=default,
            title_tokens=title_tokens,
            person_tokens=person_tokens,
        )
    return default


def quoted_apart(a: Span | None, b: Span | None) -> bool:
    """True when name ``a`` is inside a quotation that closes before name ``b``: '"The
    Ana Vale government will fall," said Vale' -- a speaker does not name himself in his
    own words, so the "Vale" who speaks is another Vale than the one he names.

    Parameters
    ----------
    a, b : spacy.tokens.Span or None
        Two names of one parsed piece, ``a`` first.

    Returns
    -------
    bool
    """
    if a is None or b is None or a.doc is not b.doc or a.end > b.start:
        return False
    doc = a.doc
    sent_start = a.sent.start
    marks_before = sum(t.text in QUOTE_MARKS for t in doc[sent_start : a.start])
    return marks_before % 2 == 1 and any(t.text in QUOTE_MARKS for t in doc[a.end : b.start])

"""Where an event happened: the toponym reached from its trigger.

A place counts when it hangs on a locative preposition of the trigger or of its verb
("would take place in Vladivostok"), or modifies the trigger noun directly ("the Hanoi
summit"); :func:`place_cost` scores the path, lower is nearer.
"""

from __future__ import annotations

from ..lexicon.places import PLACE_KIND_NOUNS
from ..lexicon.speech import HUMAN_SOURCES
from . import syntax
from .model import Event, Span

__all__ = ["place_cost"]


LITERAL_BAD_ROLES = frozenset({"demonym", "government"})
_SPECIFIC_FEATURES = frozenset(
    {
        "city",
        "capital",
        "site",
        "facility",
        "town",
        "village",
        "landmark",
        "building",
        "island",
        "admin2",
    }
)


def _located(pl: Span, role: str) -> bool:
    """A name read as a government ("the White House said") is the place itself as the
    object of a locative preposition: "met at the White House", "talks in Washington"."""
    head = pl.head
    return (
        role == "government"
        and head.dep_ == "pobj"
        and head.head.lower_ in syntax.LOCATIVE_PREPS
        and head.head.lower_ not in ("from", "to")
    )


#: People a saying is told to ("told reporters in Vale"); not what it is about
#: ("announced restrictions on flights to Vale").
_AUDIENCES = HUMAN_SOURCES | frozenset(
    [
        *("reporter", "journalist", "crowd", "audience", "supporter", "press", "voter"),
        *("student", "delegate", "troop", "soldier", "worker", "crowd", "gathering"),
        *("audience", "listener", "viewer", "congregation", "rally", "conference"),
    ]
)


def _inside_a_name(pl: Span) -> bool:
    """True for a place name inside a longer name of another kind ("the Paris Climate
    Accord", "the Geneva Conventions"): the place is part of the name, not where."""
    head = pl.head
    if head.ent_type_ in ("", "GPE", "LOC", "FAC"):
        return False
    ents = [e for e in head.doc.ents if e.start <= head.i < e.end]
    return bool(ents) and (ents[0].end_char - ents[0].start_char) > (pl.end - pl.start)


def _person(tok) -> bool:
    """A person's name (the head of a PERSON entity)."""
    return tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON"


def _where_told(prep) -> bool:
    """A locative preposition that says where, not whence or whither."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ in syntax.LOCATIVE_PREPS
        and prep.lower_ not in ("from", "to")
    )


def _object_then_place(trig, down: list, statement: bool) -> int:
    """How many steps of the path lead through the trigger's object to where the event
    took place; 0 when the path does not.

    The parser often hangs a locative phrase on the object before it rather than on the
    verb: "told reporters in Vale" (a common noun of whom a saying tells), "met Ana Vale
    in the palace", "met with Ana Vale at the summit" (a person's name, which takes no
    place of its own).  "from"/"to" say where someone comes from, not where."""
    if trig.pos_ not in ("VERB", "AUX") or len(down) < 2:
        return 0
    first = down[0]
    if first.dep_ in ("dobj", "dative", "obj") and _where_told(down[1]):
        audience = statement and first.pos_ == "NOUN" and first.lemma_.lower() in _AUDIENCES
        if audience or _person(first):
            return 1
    if (
        len(down) > 2
        and first.dep_ == "prep"
        and first.lower_ in ("with", "between")
        and _person(down[1])
        and _where_told(down[2])
    ):
        return 2
    return 0


def _there(verb) -> bool:
    """A relative clause told at its noun: "the event in Vale at which she said ...", "the
    forum during which they met" (a preposition with the relative pronoun)."""
    return any(
        c.dep_ == "prep" and any(g.lower_ in ("which", "whom") for g in c.children)
        for c in verb.children
    )


#: Words of going whose "to" names where one goes ("said on a trip to Ohio").
_JOURNEY_WORDS = frozenset(
    ["trip", "visit", "journey", "travel", "flight", "way", "return", "tour"]
)


def place_cost(ev: Event, pl: Span, triggers: set[int]) -> float | None:
    trig = ev.trigger
    if pl.head.doc is not trig.doc:
        return None
    role = pl.row.get("role")
    if isinstance(role, str) and role in LITERAL_BAD_ROLES and not _located(pl, role):
        return None
    if _inside_a_name(pl):
        return None
    if (
        trig.dep_ == "relcl"
        and trig.head.i == pl.head.i
        and any(c.lower_ == "where" for c in trig.children)
    ):
        return 1.5  # "the airport, where Vale was arriving": the place "where" stands for
    p = syntax.path(trig, pl.head)
    if p is None:
        return None
    up, down = p
    statement = ev.etype.family == "statement"
    feature = str(pl.row.get("feature") or "")
    if not up and not down:
        # direct modifier of the trigger noun: "the Singapore summit", "Hanoi talks"
        if pl.head.dep_ in ("compound", "nmod", "npadvmod", "amod") and (
            feature in _SPECIFIC_FEATURES or feature == ""
        ):
            return 1.0
        return None
    # a verb trigger's place is in its own subtree; a noun's may hang on its verb
    verbs_up = [n for n in up if syntax._is_verb(n)]
    if trig.pos_ in ("VERB", "AUX") and verbs_up:
        return None
    if trig.pos_ in ("VERB", "AUX") and trig.dep_ in ("relcl", "acl") and up and not _there(trig):
        return None  # "the raid in Vale, which she condemned": where the raid was, not she
    if len(verbs_up) > 1 or (verbs_up and verbs_up[0] is not up[-1]):
        return None
    if verbs_up and len(up) > 2:
        # "a candidate for the election ... held a rally in Minsk": the noun is no
        # argument of that verb (only its own object, subject or prepositional object is)
        return None
    for n in up:
        if n.i != trig.i and syntax._lemma(n) in syntax.REPORTING_VERBS and syntax._is_verb(n):
            return None
    # the place hangs on a locative preposition of the trigger (or of its verb), maybe
    # through more locative phrases or a noun it modifies: "in Vladivostok in the Russian
    # Far East", "at the Yongbyon nuclear facility" -- not "over the denuclearization of X"
    # "told reporters on the steps of the court", "met Vale in the palace": where
    down = down[_object_then_place(trig, down, statement) :]
    if not down or not (down[0].dep_ == "prep" and down[0].lower_ in syntax.LOCATIVE_PREPS):
        return None
    if statement and any(
        n.dep_ == "prep" and n.lower_ == "to" and syntax._lemma(n.head) not in _JOURNEY_WORDS
        for n in down
    ):
        return None  # "in a statement to The Atlantic", "said to Ohio voters": addressed
    for before, n in zip(down, down[1:], strict=False):
        # "of" after a place noun names the place: "the port of Vladivostok"
        naming = n.lower_ == "of" and syntax._lemma(before) in PLACE_KIND_NOUNS
        if n.dep_ == "prep" and n.lower_ not in syntax.LOCATIVE_PREPS and not naming:
            return None
    cost = float(len(up) + len(down) + 1)
    for n in down:
        if n.i in triggers:
            return None
        if syntax._is_verb(n):
            if statement:
                return None
            cost += 2
    if cost > 7:
        return None
    if feature in _SPECIFIC_FEATURES:
        cost -= 0.5
    if isinstance(role, str) and role == "modifier":
        cost += 2
    return cost

"""Mentions that name no event of their own.

An analyst counts events that happened or are planned; these mentions name none:

* :func:`generic_mention` -- a kind of event: "future elections", "our elections";
* :func:`says_nothing` -- "said nothing", "would say little": a saying of nothing;
* :func:`restates_event` -- "the meeting was the first negotiation between them": a
  predicate that describes an event already named, not another one;
* :func:`modifier_participle` -- "the alleged ties": a verb used as an adjective;
* :func:`received_with` -- "the offer was met with silence": how a thing was received;
* :func:`stipulates` -- "the bill calls for new checks": what a text provides for;
* :func:`characterising` -- "sees the Kurds as a threat": an opinion or a perception;
* :func:`concurs` -- "agreed with her assessment", "agrees with Vale that ...": sharing a
  view, not reaching an agreement.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..lexicon.documents import MESSAGES, PROVISIONS
from . import syntax
from .roles import objects_of

__all__ = [
    "attack_targets",
    "struck_by",
    "characterising",
    "concurs",
    "danger_of_a_thing",
    "fired_at_a_target",
    "generic_mention",
    "inside_a_name",
    "lets_in",
    "modifier_participle",
    "received_with",
    "restates_event",
    "says_nothing",
    "stipulates",
]

#: Modifiers that make a plural event noun a kind ("future elections", "free elections").
_KIND_MODIFIERS = frozenset(["future", "past", "previous", "free", "fair", "democratic"])
#: Possessives of a community rather than of a party ("our elections").
_COMMUNITY_POSSESSIVES = frozenset(["our"])
#: Determiners that make any plural event noun a kind ("such visits", "any talks").
_ANY = frozenset(["such", "any"])
#: Event families whose plural nouns are often used of a kind.
_FAMILIES = frozenset(["election"])


def generic_mention(trig: Token, family: str) -> bool:
    """True for a plural event noun that names a kind of event: of any family with "such"
    or "any" ("all such visits", "any talks"), and elections with a modifier of kind
    ("future elections", "free and fair elections", "interfered in our elections") --
    not "the Ruritanian elections" nor "the 2016 election"; for elections, a word of
    the family that names no election (:func:`_names_no_election`); and an act a
    disposition noun only points to ("his willingness to negotiate")."""
    if family == "election" and _names_no_election(trig):
        return True
    if (
        trig.dep_ == "acl"
        and trig.head.lemma_.lower() in _DISPOSITIONS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in trig.children)
    ):
        return True  # "his willingness to negotiate": a disposition, no talks
    if trig.pos_ != "NOUN" or trig.tag_ != "NNS":
        return False
    if any(c.dep_ in ("det", "amod", "predet") and c.lower_ in _ANY for c in trig.children):
        return True  # "we study all such visits", "any talks would need ..."
    if family not in _FAMILIES:
        return False
    for c in trig.children:
        low = c.lower_
        if c.dep_ == "amod" and low in _KIND_MODIFIERS:
            return True
        if c.dep_ == "poss" and low in _COMMUNITY_POSSESSIVES:
            return True
    return False


#: Nouns of being disposed to act: their infinitive names no act ("willingness to
#: negotiate", "readiness to meet").
_DISPOSITIONS = frozenset(
    ["willingness", "readiness", "eagerness", "openness", "desire", "ability", "capacity"]
)
#: Titles an "elect" follows ("the president elect", "the governor-elect").
_ELECT_TITLES = frozenset(
    ["president", "governor", "mayor", "senator", "minister", "chancellor", "premier"]
)
#: Nouns an election noun may qualify and still name the election: its day, its
#: campaign, its result ("on election day", "the election result").
_ELECTION_PARTS = frozenset(
    [
        *("day", "night", "eve", "campaign", "result", "outcome", "victory", "win"),
        *("defeat", "loss", "count", "interference", "meddling", "fraud", "rerun"),
        *("bid", "race", "upset", "contest", "landslide", "turnout", "process"),
    ]
)


#: Nouns of the manner of choosing ("the process of electing", "the way it is elected").
_MANNERS = frozenset(
    ["process", "way", "system", "method", "manner", "procedure", "mechanism", "rule"]
)


def _names_no_election(trig: Token) -> bool:
    """True for an election word that names no election: a title ("the president
    elect", "the governor-elect"), a modifier of a body or a rule ("an election
    committee", "election law"), a manner of choosing ("a fairer process of electing the
    leaders", "the way the council is elected"), or the habitual present without a time
    ("the body that elects the chief executive", "citizens do not elect the prime
    minister directly", "the prime minister is elected indirectly")."""
    doc, lemma = trig.doc, trig.lemma_.lower()
    if trig.lower_ == "elect" and trig.i > 0:
        before = doc[trig.i - 1]
        if before.text == "-" and trig.i > 1:
            before = doc[trig.i - 2]
        if before.lemma_.lower() in _ELECT_TITLES:
            return True  # "the president elect"
    if trig.pos_ == "NOUN" and trig.dep_ == "compound" and trig.i < trig.head.i:
        return trig.head.lemma_.lower() not in _ELECTION_PARTS  # "an election committee"
    node = trig
    for _ in range(3):  # "the process of electing", "the way the council is elected"
        if node.dep_ not in ("pcomp", "pobj", "prep", "relcl", "acl") or node.head.i == node.i:
            break
        node = node.head
        if node.pos_ == "NOUN" and node.lemma_.lower() in _MANNERS:
            return True
    auxes = [c.lower_ for c in trig.children if c.dep_ == "aux"]
    present = trig.tag_ in ("VBZ", "VBP") or (trig.tag_ == "VB" and auxes[:1] in (["do"], ["does"]))
    # "the prime minister is elected indirectly": the habitual present passive
    present = present or (
        trig.tag_ == "VBN"
        and any(c.dep_ == "auxpass" and c.lower_ in ("is", "are") for c in trig.children)
    )
    if lemma in ("elect", "vote") and present:
        timed = any(t.ent_type_ in ("DATE", "TIME") for t in trig.subtree)
        other = any(a not in ("do", "does") for a in auxes)  # "will elect", "can vote"
        return not timed and not other  # "the body that elects the chief executive"
    return False


_NOTHING = frozenset(["nothing", "little"])
#: Verbs of judging someone in words ("accused", "condemned").
_JUDGING = frozenset(
    ["accuse", "criticize", "criticise", "condemn", "blame", "praise", "allege", "claim"]
)


#: Nouns of asking that a reporter's "request for comment" uses.
_ASKING_NOUNS = frozenset(["request", "inquiry", "query", "call", "message"])


#: Nouns of a person put forward for an office, whom a legislature confirms.
_NOMINEES = frozenset(["nominee", "nomination", "pick", "appointee", "choice", "candidate"])


def says_nothing(trig: Token) -> bool:
    """True for a verb of saying whose object is "nothing" / "little": "passed reporters
    but said nothing new" reports no statement; for "add" that adds a thing, not words
    ("was added to the team", "added troops to the mission"); and for a judging verb
    in the passive without its agent ("the pilots are accused of smuggling", "envoys
    accused of spying"): no speaker is told; "appeal to voters" with nothing asked of
    them courts them; "confirm" with a nominee confirms a person in office.  A reporter's "request for comment" asks for
    nothing of the story."""
    if trig.lemma_.lower() in _ASKING_NOUNS and any(
        c.dep_ == "prep"
        and c.lower_ == "for"
        and any(o.lemma_.lower() == "comment" for o in c.children)
        for c in trig.children
    ):
        return True  # "did not respond to a request for comment": a reporter's question
    if trig.pos_ not in ("VERB", "AUX"):
        return False
    kids = list(trig.children)
    if any(c.dep_ in ("dobj", "obj") and c.lower_ in _NOTHING for c in kids):
        return True
    reduced = trig.dep_ == "acl" and trig.tag_ == "VBN"  # "diplomats accused of spying"
    if trig.lemma_.lower() in _JUDGING and (reduced or any(c.dep_ == "auxpass" for c in kids)):
        # "the pilots are accused of smuggling", "was widely criticized", "envoys accused
        # of spying": who speaks is not said, unless an agent names it ("was condemned by
        # the senator")
        return not any(c.dep_ == "agent" for c in kids)
    if trig.lemma_.lower() == "claim" and any(
        c.dep_ in ("dobj", "obj") and c.ent_type_ in ("GPE", "LOC", "FAC") for c in kids
    ):
        return True  # "had claimed the peninsula": a territory, not words
    if trig.lemma_.lower() == "write":
        # "wrote the bill", "wrote a memoir": a work, not words said to someone
        things = [c for c in kids if c.dep_ in ("dobj", "obj") and c.pos_ in ("NOUN", "PROPN")]
        return any(c.lemma_.lower() not in MESSAGES for c in things)
    if trig.lemma_.lower() == "confirm" and any(
        c.dep_ in ("dobj", "obj", "nsubjpass")
        and (
            c.ent_type_ == "PERSON"
            or (c.pos_ == "PROPN" and not c.ent_type_)  # "Judge Gorsuch", untagged
            or c.lemma_.lower() in _NOMINEES
        )
        for c in kids
    ):
        return True  # "the Senate to confirm Judge Vale": a vote on a nominee, not words
    if trig.lemma_.lower() == "appeal" and not any(
        (c.dep_ == "prep" and c.lower_ in ("for", "against"))
        or (c.dep_ in ("xcomp", "advcl", "ccomp") and any(a.lower_ == "to" for a in c.children))
        for c in kids
    ):
        # "sought to appeal to voters": to court them, not to ask them anything (but
        # "appealed to the court for help", "appealed to Vale to stay" ask)
        return True
    if trig.lemma_.lower() == "add" and not any(c.dep_ in ("ccomp", "parataxis") for c in kids):
        passive = any(c.dep_ == "auxpass" for c in kids)
        to_something = any(c.dep_ == "prep" and c.lower_ == "to" for c in kids)
        return passive or to_something
    return False


def restates_event(trig: Token, triggers: set[int]) -> bool:
    """True for an event noun that is the predicate of a copula whose subject is another
    trigger of the sentence (token indices ``triggers``): in "the meeting was the first
    negotiation between them" the negotiation is the meeting."""
    if trig.dep_ != "attr" or trig.head.lemma_.lower() != "be":
        return False
    return any(c.dep_ == "nsubj" and c.i in triggers for c in trig.head.children)


def _about_a_question(prep: Token) -> bool:
    """True for "on how ...", "about whether ...", "on what ...": a question, not terms."""
    objs = [c for c in prep.children if c.dep_ in ("pcomp", "pobj")]
    return any(
        t.lower_ in ("how", "whether", "what", "why", "who")
        for o in objs
        for t in o.subtree
        if t.i <= o.i
    )


def concurs(trig: Token) -> bool:
    """True for "agree with X" that shares a view: no terms agreed on ("on a deal"), to
    ("to a ceasefire", "to meet") nor agreed ("agreed a plan"); and for agreeing on a
    question ("do not agree on how the inquiry works")."""
    if trig.pos_ != "VERB" or trig.lemma_.lower() != "agree":
        return False
    kids = list(trig.children)
    for c in kids:
        if c.dep_ == "prep" and c.lower_ in ("on", "about") and _about_a_question(c):
            return True  # "do not agree on how inquiries work": a view of a question
    if not any(c.dep_ == "prep" and c.lower_ == "with" for c in kids):
        return False
    return not any(
        (c.dep_ == "prep" and c.lower_ in ("on", "to", "upon"))
        or c.dep_ in ("dobj", "obj", "xcomp")
        for c in kids
    )


#: Nouns that characterise something when used as a predicate ("sees X as a threat").
_CHARACTERISING = frozenset(
    ["threat", "warning", "provocation", "danger", "menace", "invasion", "attack"]
)
#: Verbs whose object "threat" is a danger perceived, not a threat made ("poses a threat").
_DANGER_VERBS = frozenset(
    ["pose", "constitute", "represent", "address", "counter", "face", "confront", "combat"]
)


def characterising(trigger: Token) -> bool:
    """True for an opinion or perception, not an event.

    A threat noun used as a predicate -- "sees the rebels as a threat", "called the move a
    provocation", "is a threat to the region", "it is an invasion" (copula complement,
    object predicate, "as" phrase) -- or a danger faced ("poses a threat", "to address
    the threat").

    Parameters
    ----------
    trigger : spacy.tokens.Token
        A noun trigger.

    Returns
    -------
    bool
    """
    if trigger.pos_ not in ("NOUN", "PROPN") or syntax._lemma(trigger) not in _CHARACTERISING:
        return False
    if trigger.dep_ in ("attr", "oprd", "acomp"):
        return True
    if trigger.dep_ in ("dobj", "obj") and syntax._lemma(trigger.head) in _DANGER_VERBS:
        return syntax._lemma(trigger) in ("threat", "danger", "menace")  # "to address the threat"
    head = trigger.head
    if trigger.dep_ == "pobj" and head.lower_ == "as":
        return True
    # "called the sanctions a threat": a second object of a verb of naming or seeing
    return (
        trigger.dep_ in ("dobj", "ccomp", "xcomp")
        and syntax._lemma(head)
        in ("call", "see", "view", "regard", "consider", "deem", "label", "brand", "perceive")
        and any(c.dep_ == "dobj" and c.i != trigger.i for c in head.children)
    )


def modifier_participle(trig: Token) -> bool:
    """True for a trigger used as an adjective before a noun: a participle ("the alleged
    ties", "the agreed deadline", "a newly elected president", "clashing claims"; "the
    visiting delegation" is still a visit) or a noun inside a
    hyphenated modifier ("a no-deal exit", "the post-election period"). It qualifies
    the noun; it tells no event of its own.

    Parameters
    ----------
    trig : spacy.tokens.Token
        A trigger.

    Returns
    -------
    bool
    """
    participle = trig.tag_ in ("VBN", "VBD") or (trig.tag_ == "JJ" and trig.lower_.endswith("ed"))
    # "clashing claims", "the traveling public" -- but "the visiting delegation" visits
    participle = participle or (trig.tag_ == "VBG" and trig.lower_ != "visiting")
    if participle and trig.dep_ == "amod" and trig.i < trig.head.i:
        return True
    if _alleged_relation(trig) or _newly_done(trig):
        return True
    # "a no-deal exit", "the post-election period": a noun inside a hyphenated modifier
    doc = trig.doc
    before = trig.i > 1 and doc[trig.i - 1].text == "-" and doc[trig.i - 2].lower_ != "re"
    after = trig.i + 1 < len(doc) and doc[trig.i + 1].text == "-"
    hyphened = before or after  # "re-election" is an election of its own
    return hyphened and trig.dep_ in ("compound", "amod", "nmod") and trig.i < trig.head.i


#: Adverbs of recency that make a participle a description: "the newly elected president".
_RECENTLY = frozenset(["newly", "recently", "freshly", "just", "then-newly"])


def _newly_done(trig: Token) -> bool:
    """ "then-newly elected President Vale": a participle with an adverb of recency right
    before the title or noun it describes, however the parser attached it."""
    if trig.tag_ != "VBN" or trig.i + 1 >= len(trig.doc):
        return False
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in trig.children):
        return False
    nxt = trig.doc[trig.i + 1]
    recent = any(c.dep_ == "advmod" and c.lower_ in _RECENTLY for c in trig.children)
    return recent and nxt.pos_ in ("NOUN", "PROPN") and nxt.head.i > trig.i


#: Nouns of a tie between parties: "has alleged ties to the guard" has them, alleged.
_RELATION_NOUNS = frozenset(
    ["tie", "link", "connection", "relation", "relationship", "association", "affiliation"]
)


def _alleged_relation(trig: Token) -> bool:
    """ "Vale has alleged ties to the militia": "has" with an adjectival "alleged" before a
    noun of ties, which the parser reads as the perfect of "allege"."""
    if trig.lemma_.lower() not in ("allege", "suspect", "report") or trig.tag_ != "VBN":
        return False
    if not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in trig.children):
        return False
    obj = next((c for c in trig.children if c.dep_ == "dobj"), None)
    return (
        obj is not None
        and obj.i == trig.i + 1
        and obj.tag_ == "NNS"
        and obj.lemma_.lower() in _RELATION_NOUNS
        and any(c.dep_ == "prep" and c.lower_ in ("to", "with") for c in obj.children)
    )


#: Where one is admitted to: "admitted to hospital" is let in, "admitted to lying" said.
_ADMITTING_PLACES = frozenset(
    [
        *("hospital", "clinic", "school", "university", "college", "bar", "membership"),
        *("alliance", "union", "club", "party", "country", "organization", "organisation"),
    ]
)


def lets_in(trig: Token) -> bool:
    """True for "admit" in its sense of letting in: "the judge admitted the samples as
    evidence", "was admitted to hospital", "admitted Freedonia into the alliance" -- no
    saying.  "admitted that ...", "admitted the killing", "admitted to lying" are.

    Parameters
    ----------
    trig : spacy.tokens.Token
        A trigger of the statement family.

    Returns
    -------
    bool
    """
    if trig.lemma_.lower() != "admit" or any(c.dep_ == "ccomp" for c in trig.children):
        return False
    for prep in trig.children:
        if prep.dep_ != "prep":
            continue
        if prep.lower_ in ("as", "into"):
            return True
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if prep.lower_ == "to" and pobj is not None and pobj.lemma_.lower() in _ADMITTING_PLACES:
            return True
    return False


def received_with(trig: Token) -> bool:
    """True for the passive "was met with" ("the offer was met with silence", "were met
    with tear gas"): how something was received, not a meeting.

    Parameters
    ----------
    trig : spacy.tokens.Token
        A trigger of the meeting type.

    Returns
    -------
    bool
    """
    return (
        trig.lemma_.lower() == "meet"
        and any(c.dep_ == "auxpass" for c in trig.children)
        and any(c.dep_ == "prep" and c.lower_ == "with" for c in trig.children)
    )


def stipulates(trig: Token, has_actor: Callable[[Token], bool]) -> bool:
    """True for "calls for" (or "demands", "requires") whose subject is a text, a plan or
    a rule ("the bill calls for new checks", "the constitution demands a trial"): what it
    provides for, not a demand.

    Parameters
    ----------
    trig : spacy.tokens.Token
        A trigger of the demand type.
    has_actor : callable
        ``has_actor(token)`` tells whether a token is part of an actor mention.

    Returns
    -------
    bool
    """
    lemma = trig.lemma_.lower()
    calls_for = lemma == "call" and any(c.lower_ == "for" for c in trig.children)
    if not calls_for and lemma not in ("demand", "require", "urge"):
        return False  # "the constitution demands a trial": what it provides for
    subjects = [c for c in trig.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return False
    return all(
        h.pos_ in ("NOUN", "PROPN") and h.lemma_.lower() in PROVISIONS and not has_actor(h)
        for h in subjects
    )


#: Verbs of firing whose target makes them an attack, not a test.
_FIRING = frozenset(["fire", "launch", "shoot", "lob"])
#: Prepositions that give what is fired at.
_AT = frozenset(["at", "on", "into", "toward", "towards", "against"])
#: Nouns of time after "on" ("fired on the first day of the drills").
_WHEN = frozenset(["day", "morning", "afternoon", "evening", "night", "week", "anniversary"])
#: What a test is fired into or at: water, an empty range, a practice target.
_TEST_GROUNDS = frozenset(["sea", "ocean", "water", "gulf", "bay", "range", "target", "air", "sky"])


def fired_at_a_target(trig: Token) -> bool:
    """True for a firing aimed at someone or something: "fired artillery rounds at a
    border post", "launched rockets into the town", "rounds aimed at a loudspeaker" -- an
    attack, not a weapons test.  Fired "into the sea", "at a target range" or "into the
    air" stays a test.

    Parameters
    ----------
    trig : spacy.tokens.Token
        A trigger of the weapons-test type.

    Returns
    -------
    bool
    """
    if trig.lemma_.lower() not in _FIRING or trig.pos_ not in ("VERB", "AUX"):
        return False
    heads = [trig]
    for obj in (c for c in trig.children if c.dep_ in ("dobj", "obj")):
        heads.append(obj)  # "fired shells at", "rounds aimed at"
        heads.extend(c for c in obj.children if c.dep_ == "acl")
        if any(c.dep_ == "acl" and c.lemma_.lower() in _STRIKING for c in obj.children):
            return True  # "launched missiles targeting the base"
    for h in heads:
        for prep in (c for c in h.children if c.dep_ == "prep" and c.lower_ in _AT):
            for target in (c for c in prep.children if c.dep_ == "pobj"):
                if target.ent_type_ in ("DATE", "TIME") or target.lemma_.lower() in _WHEN:
                    continue  # "on Monday", "on the first day": when, not at what
                ground = target.lemma_.lower() in _TEST_GROUNDS or target.ent_type_ == "LOC"
                return not ground
    return False


#: Entity labels of names of bodies, people and places: an event word inside one is part
#: of the name ("the Popular Mobilization Forces").
_NAME_LABELS = frozenset(["ORG", "NORP", "FAC", "PERSON", "GPE", "LOC"])


def inside_a_name(trig: Token, family: str) -> bool:
    """True for an event word inside the name of a body, person or place ("the Popular
    Mobilization Forces", "the Summit County sheriff"): part of the name, no event.  A
    treaty's name keeps its agreement ("the Paris Agreement").

    Parameters
    ----------
    trig : spacy.tokens.Token
        A trigger.
    family : str
        Its event family.

    Returns
    -------
    bool
    """
    if family == "agreement" or trig.ent_type_ not in _NAME_LABELS:
        return False
    ents = [e for e in trig.doc.ents if e.start <= trig.i < e.end]
    return bool(ents) and len(ents[0]) >= 2


#: Things that threaten as dangers do, not as actors ("the presence of troops threatens").
_DANGEROUS_THINGS = frozenset(
    [
        *("presence", "spread", "rise", "move", "plan", "policy", "deployment", "program"),
        *("programme", "situation", "crisis", "change", "virus", "pandemic", "conflict"),
        *("war", "fire", "flood", "drought", "shortage", "decline", "collapse", "debt"),
        *("inflation", "violence", "expansion", "development", "project", "law", "bill"),
    ]
)


def danger_of_a_thing(trig: Token) -> bool:
    """True for "threatens" whose subject is a thing, not someone: "the presence of the
    troops threatens our security", "rising seas threaten the coast" -- a danger, not a
    threat made.

    Parameters
    ----------
    trig : spacy.tokens.Token
        A trigger of the threat type.

    Returns
    -------
    bool
    """
    if trig.pos_ != "VERB" or trig.lemma_.lower() != "threaten":
        return False
    subjects = [c for c in trig.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(
        s.pos_ == "NOUN" and s.lemma_.lower() in _DANGEROUS_THINGS for s in subjects
    )


#: Verbs that tell whom an attack struck ("the airstrike that killed Vale", "missiles
#: targeting the base").
_STRIKING = frozenset(
    ["kill", "hit", "target", "strike", "wound", "injure", "destroy", "bomb", "shell"]
)


#: Verbs of sending fire: "fired at", "launched rockets at".
_FIRING = frozenset(["fire", "launch", "shoot", "lob", "hurl"])
#: Participles of aiming: "rounds aimed at a post".
_AIMING = frozenset(["aim", "direct", "point"])
#: Prepositions that put a thing on a country's soil.
_ON_SOIL = ("in", "inside", "near", "on")


def attack_targets(trig: Token) -> list[Token]:
    """Heads of whom or what an attack struck, told by a clause on the attack noun or on
    what was fired: "the airstrike that killed Ruiz", "an attack targeting Vale's
    convoy", "launched missiles targeting Ruritanian troops"; or by the passive whose
    agent or cause the attack is (:func:`struck_by`).

    Parameters
    ----------
    trig : spacy.tokens.Token
        A trigger of military activity or a weapons test.

    Returns
    -------
    list of spacy.tokens.Token
        The objects of those clauses (conjuncts included).
    """
    bearers = [trig] + [c for c in trig.children if c.dep_ in ("dobj", "obj")]
    objects: list[Token] = []
    for b in bearers:
        # "fired rounds at a post", "shells fired at the town"
        if b.lemma_.lower() in _FIRING or b.i != trig.i:
            objects += objects_of(b, "at")
        for clause in b.children:
            if clause.dep_ not in ("relcl", "acl"):
                continue
            lemma = clause.lemma_.lower()
            if lemma in _STRIKING:
                objects += [o for o in clause.children if o.dep_ in ("dobj", "obj")]
            elif lemma in _AIMING:  # "rounds aimed at a loudspeaker"
                objects += objects_of(clause, "at")
    out: list[Token] = list(struck_by(trig))
    for obj in objects:
        for head in (obj, *obj.conjuncts):
            out.append(head)
            if any(c.dep_ == "appos" for c in head.children):
                continue  # "the Ruritanian general, Ana Vale": the person named
            # "US troops", "Vale's convoy": whose they are is struck too
            out += [c for c in head.children if c.dep_ in ("compound", "nmod", "amod", "poss")]
            if head.pos_ == "NOUN":
                # "a post in Ruritania": a thing struck on a country's soil strikes it
                out += [g for g in objects_of(head, *_ON_SOIL) if g.ent_type_ == "GPE"]
    return out


#: Verbs whose victim an attack is "in": "died in a raid".
_DYING = frozenset(["die", "perish"])
#: Verbs whose passive names the victim of the attack that is their agent or occasion
#: ("was killed in an airstrike", "was assassinated by a drone strike").
_VICTIM_VERBS = _STRIKING | frozenset(["assassinate", "martyr", "maim", "slay", "execute"])


def struck_by(trig: Token) -> list[Token]:
    """Heads of whom an attack noun struck, told by the verb it is the subject, the agent
    or the occasion of: "the airstrike killed Vale", "Vale was killed by an airstrike",
    "he was wounded in the strike", "Vale died in a drone strike", "two soldiers killed
    in the attack", "forces killed Vale in an airstrike".

    Parameters
    ----------
    trig : spacy.tokens.Token
        An attack noun.

    Returns
    -------
    list of spacy.tokens.Token
        The subjects of the verb (a pronoun stays a pronoun: the caller resolves it), or
        the noun a reduced passive hangs on, with the agent of the passive; the subject
        and the object of the active verb; none when the verb is no verb of striking or
        dying.
    """
    if trig.pos_ not in ("NOUN", "PROPN"):
        return []
    if trig.dep_ == "nsubj" and trig.head.lemma_.lower() in _STRIKING:
        # "the airstrike killed Vale"
        return [c for c in trig.head.children if c.dep_ in ("dobj", "obj")]
    if trig.dep_ != "pobj":
        return []
    prep = trig.head
    verb = prep.head
    if (
        prep.lower_ == "in"
        and verb.dep_ in ("dobj", "obj")
        and verb.head.lemma_.lower() in _STRIKING
        and verb.head.pos_ == "VERB"
    ):
        # "forces killed Vale in an airstrike" with the phrase hung on the object
        return [c for c in verb.head.children if c.dep_ == "nsubj"] + [verb]
    if verb.i == prep.i or verb.pos_ not in ("VERB", "AUX"):
        return []
    lemma = verb.lemma_.lower()
    passive = any(c.dep_ == "auxpass" for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ == "acl"
    )
    if prep.dep_ == "agent" or (prep.lower_ == "by" and passive):
        fits = lemma in _VICTIM_VERBS and passive
    elif prep.lower_ == "in":
        if lemma in _STRIKING and not passive:
            # "forces killed Vale in an airstrike": its subject struck, its object was struck
            return [c for c in verb.children if c.dep_ in ("nsubj", "dobj", "obj")]
        fits = (lemma in _VICTIM_VERBS and passive) or (lemma in _DYING and not passive)
    else:
        fits = False
    if not fits:
        return []
    # "killed in an airstrike by Ruritanian forces": who struck
    agents = [
        g
        for c in verb.children
        if c.dep_ == "agent" and c.i != prep.i
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return [verb.head, *agents]  # "two soldiers killed in the attack"
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "relcl" and any(s.lower_ in ("who", "that", "which") for s in subjects):
        subjects = [verb.head]  # "Vale, who was also killed in the airstrike"
    return subjects + agents

"""Agents and addressees that a clause names away from its verb.

Helpers of :mod:`analysis.events.syntax` for constructions whose participants the plain
subject/object reading misses:

* :func:`ellipsis_subjects` -- "A called for it, as did B and C": the subjects of an
  elliptical "as did" clause do what the verb says too;
* :func:`for_subjects` -- "A called for B to cancel the trip": B is asked to act;
* :func:`addressees` -- "A wrote to B to cancel": after a verb of saying, the object of
  "to" is the one asked, the controller of the infinitive;
* :func:`document_authors` -- "members who signed a letter calling on B to resign":
  a document that calls, urges or demands speaks for those who sign or issue it;
* :func:`list_members_before` -- "a few -- including A; B; and C -- urged": a small model
  parses B as the subject and leaves A in the "including" phrase before it;
* :func:`modal_conjunct_head` -- "should insist that others be present and should
  demand ...": the conjunct that repeats a modal belongs to the verb that bears it;
* :func:`demanded_of` -- "called for B's resignation": the demand is about B;
* :func:`proposing_verb` and :func:`deal_sides` -- "the deal A outlined", "B rejected
  the deal": a deal put forward is not made yet, and who offers and who answers are
  its two sides;
* :func:`warning_is_threat` -- "warned that he would retaliate" threatens, "warned that
  the talks could fail" states.

Nothing here knows about frames; everything works on one parsed sentence.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.documents import PLATFORMS, POSTINGS
from ..lexicon.prepositions import INCLUSION_PREPOSITIONS

__all__ = [
    "left_subject",
    "AUTHORING_VERBS",
    "addressees",
    "demanded_of",
    "deal_sides",
    "document_authors",
    "ellipsis_subjects",
    "for_subjects",
    "him_or_her",
    "his_or_her",
    "list_members_before",
    "modal_conjunct_head",
    "objects_of",
    "platform_only",
    "proposing_verb",
    "referendum_voters",
    "speakers_at",
    "travellers_to",
    "vow_is_threat",
    "warning_is_threat",
]

#: Verbs whose subject authors the document they govern ("signed a letter").
AUTHORING_VERBS = frozenset(
    ["sign", "issue", "release", "send", "write", "draft", "pen", "publish", "circulate", "put"]
)
_SUBJ = ("nsubj", "nsubjpass")


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def ellipsis_subjects(verb: Token) -> list[Token]:
    """Subjects of "as did X" / "as have X" clauses attached to ``verb``: "Vale urged a
    delay, as did Ruiz" -- Ruiz urged it too."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ != "advcl" or _lemma(c) not in ("do", "have"):
            continue
        if not any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children):
            continue
        if any(m.dep_ in ("dobj", "xcomp", "ccomp") for m in c.children):
            continue  # "as he did his best": not an ellipsis
        out += [s for s in c.children if s.dep_ in _SUBJ]
    return out


def for_subjects(verb: Token) -> list[Token]:
    """Subjects of a "for X to do" complement of ``verb``: "called for Vale to resign"."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ not in ("advcl", "ccomp", "xcomp", "acl"):
            continue
        kids = list(c.children)
        if any(m.lower_ == "for" and m.dep_ in ("mark", "prep") for m in kids) and any(
            m.dep_ == "aux" and m.lower_ == "to" for m in kids
        ):
            out += [s for s in kids if s.dep_ in _SUBJ]
    return out


def addressees(verb: Token, saying: frozenset[str]) -> list[Token]:
    """Objects of "to" after a verb of saying (lemmas ``saying``) that has a to-infinitive:
    in "Vale wrote to Ruiz to cancel the trip", Ruiz is asked to cancel."""
    if _lemma(verb) not in saying:
        return []
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "to":
            out += [g for g in c.children if g.dep_ == "pobj"]
    return out


def document_authors(verb: Token, subjects) -> list[Token]:
    """Who speaks through a document that ``verb`` modifies: "a letter calling on Vale"
    is the letter's, and the letter is of those who signed or issued it -- the subjects
    (``subjects``, a function of a verb) of the verb whose object it is.  Empty when the
    document is not such an object."""
    doc_noun = verb.head
    if verb.dep_ != "acl" or doc_noun.pos_ != "NOUN" or doc_noun.dep_ not in ("dobj", "obj"):
        return []
    gov = doc_noun.head
    if gov.pos_ not in ("VERB", "AUX") or _lemma(gov) not in AUTHORING_VERBS:
        return []
    return list(subjects(gov))


def list_members_before(tok: Token) -> list[Token]:
    """Members of an "including" list that runs on into the subject ``tok``.

    In "a few -- including A of X, the chair; B; and C -- urged him", a small model
    hangs B (with C as conjunct) on the verb and leaves A in the "including" phrase
    that ends just before B.  Returns the objects of that "including" / "like" phrase
    when the token before ``tok``'s phrase is a ";" or "," that closes it."""
    if tok.pos_ != "PROPN" or tok.dep_ not in _SUBJ:
        return []
    doc = tok.doc
    k = tok.left_edge.i
    if k < 2 or doc[k - 1].text not in (";", ","):
        return []
    node = doc[k - 2]
    for _ in range(12):
        head = node.head
        if head.i == node.i or head.right_edge.i > k - 2:
            break
        node = head
        if node.lower_ in INCLUSION_PREPOSITIONS and node.dep_ == "prep":
            return [g for g in node.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
    return []


_FIRST_PERSON = frozenset(["i", "we"])
_THIRD_PERSON = frozenset(["he", "she", "it", "they"])
_WILL = frozenset(["will", "would", "shall", "'ll", "wo", "could", "might", "may", "must"])


def warning_is_threat(trig: Token) -> bool:
    """True when a warning announces the warner's own act: "Kim warned that he would
    strike back", "a warning that we will respond" -- a threat.  A warning of a danger
    ("warned that the talks could fail"), or of what the one warned will face ("warned
    Vale that she had two weeks"), is a statement.

    The warning's clause must have a pronoun subject, a future or modal auxiliary and
    another verb than "be"; a third-person pronoun counts only when the warning has no
    object it could stand for.  A warning whose content is not given ("issued a warning
    to Vale") threatens nothing said: a statement."""
    objects = [c for c in trig.children if c.dep_ in ("dobj", "dative", "obj")]
    for comp in trig.children:
        if comp.dep_ not in ("ccomp", "acl") or _lemma(comp) == "be":
            continue
        kids = list(comp.children)
        if not any(c.dep_ == "aux" and c.lower_ in _WILL for c in kids):
            continue
        subj = next((c for c in kids if c.dep_ in _SUBJ), None)
        if subj is None:
            continue
        word = subj.lower_
        if word in _FIRST_PERSON:
            return True
        if word in _THIRD_PERSON and not objects:
            return True
    return False


#: Acts against another that make a vow a threat ("vowed to retaliate").
_HOSTILE_ACTS = frozenset(
    [
        *("retaliate", "punish", "strike", "hit", "attack", "destroy", "crush", "avenge"),
        *("annihilate", "eliminate", "kill", "sue", "prosecute", "arrest", "sanction"),
        *("fight", "resist", "oppose", "block", "veto", "defeat", "expel", "bomb"),
        *("invade", "target", "respond", "hunt", "retake", "reclaim", "revenge", "jail"),
        *("impeach", "remove", "oust", "topple", "overthrow", "unseat", "stop", "thwart"),
        *("overturn", "deport", "filibuster", "obstruct", "crack", "clamp", "eradicate"),
    ]
)


def vow_is_threat(trig: Token) -> bool:
    """True when a vow promises an act against someone: "vowed to retaliate", "vowed that
    they would strike back" -- a threat.  "vowed to restore prosperity", "vowed to
    publish the report" promise nothing hostile: a statement."""
    for comp in trig.children:
        if comp.dep_ in ("xcomp", "ccomp") and _lemma(comp) in _HOSTILE_ACTS:
            return True
        # "vowed to keep fighting", "vowed to continue the fight"
        if comp.dep_ in ("xcomp", "ccomp"):
            for c in comp.children:
                if c.dep_ in ("xcomp", "dobj") and _lemma(c) in _HOSTILE_ACTS:
                    return True
    return False


#: Verbs of going somewhere: "flew to Oslo for talks with Vale".
_GOING = frozenset(
    [
        *("travel", "fly", "go", "come", "head", "arrive", "return", "journey", "sail"),
        *("drive", "leave", "depart", "land", "rush", "hurry"),
    ]
)


#: Acts done to someone that a demand can ask for: whose resignation is demanded is whom
#: the demand is about ("called for Vale's resignation", "demanded the ouster of Vale").
_ACTS_ON_SOMEONE = frozenset(
    [
        *("resignation", "ouster", "removal", "impeachment", "firing", "dismissal"),
        *("sacking", "recall", "expulsion", "arrest", "prosecution", "extradition"),
    ]
)


def objects_of(tok: Token, *preps: str) -> list[Token]:
    """Objects of ``tok``'s prepositions ``preps`` ("at a post" -> post)."""
    return [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


def his_or_her(tok: Token) -> bool:
    """A possessive "his" / "her" ("her re-election bid", "his office said")."""
    return (tok.dep_ == "poss" or tok.tag_ == "PRP$") and tok.lower_ in ("his", "her")


def him_or_her(tok: Token) -> bool:
    """An object "him" / "her" ("urged him to resign")."""
    return tok.dep_ in ("dobj", "dative", "pobj") and tok.lower_ in ("him", "her")


def demanded_of(trig: Token) -> list[Token]:
    """Who a demand asks an act done to: the possessor or "of" object of a resignation,
    ouster or arrest the demand names as its object ("called for Vale's resignation",
    "demanded the ouster of Vale", "calls for his impeachment")."""
    objects = [c for c in trig.children if c.dep_ in ("dobj", "obj", "pobj")]
    objects += objects_of(trig, "for", "of")
    out: list[Token] = []
    for o in objects:
        if o.lemma_.lower() in _ACTS_ON_SOMEONE:
            out += [c for c in o.children if c.dep_ == "poss"] + objects_of(o, "of")
    # "urged him to resign": whom the demand is made of, named by a pronoun
    out += [c for c in trig.children if c.dep_ in ("dobj", "dative") and c.lower_ in ("him", "her")]
    return out


#: Verbs of speaking whose subject takes part in the meeting they are told at.
_SPEAKING_AT = frozenset(
    [
        *("say", "speak", "tell", "add", "argue", "insist", "declare", "announce", "make"),
        *("vow", "ask", "urge", "press", "praise", "thank", "propose", "offer", "raise"),
        *("discuss", "promise", "warn", "invite", "greet", "assure", "criticize", "sign"),
    ]
)
#: Verbs of addressing whose object, told at a meeting, is there too ("At the meeting,
#: Vale asked Ruiz to stay").
_ADDRESSING = frozenset(["tell", "ask", "urge", "press", "thank", "invite", "greet", "assure"])
#: Event nouns of going somewhere: who speaks during one need not be the traveller.
_JOURNEYS = frozenset(["trip", "visit", "travel", "tour", "journey"])


def travellers_to(trig: Token) -> list[Token]:
    """Subjects of the verb of going whose purpose an event noun is: "Vale flew to Oslo on
    Monday for talks with Ruiz", "traveled to the Capitol for a meeting with lawmakers" --
    the one who went takes part in the talks; and of any verb told "on" a journey of no
    one else's ("On a trip to Ohio, Vale said ...").

    Parameters
    ----------
    trig : spacy.tokens.Token
        An event noun (a meeting, talks, a summit).

    Returns
    -------
    list of spacy.tokens.Token
        The subjects of that verb (inherited through coordination), or none.
    """
    verb = _verb_of_phrase(trig)
    if verb is None:
        return []
    # "On a trip to Ohio, Vale said ...": a journey of no one else's
    on_it = (
        trig.head.lower_ == "on"
        and _lemma(trig) in _JOURNEYS
        and not any(c.dep_ == "poss" for c in trig.children)
    )
    going_for = trig.head.lower_ == "for" and _lemma(verb) in _GOING
    return _subjects_through_conjuncts(verb) if on_it or going_for else []


def speakers_at(trig: Token) -> list[Token]:
    """Subjects of a verb of speaking told during or at a meeting noun ("Vale said during
    a meeting with reporters", "spoke at a meeting with Ruiz"): who speaks at it takes
    part -- not in a meeting "between" others, nor on someone's trip.  Whom a verb of
    addressing names is there too ("During the meeting, Vale asked Ruiz to stay").

    Parameters
    ----------
    trig : spacy.tokens.Token
        An event noun (a meeting, talks, a summit).

    Returns
    -------
    list of spacy.tokens.Token
        The subjects of that verb (inherited through coordination), or none.
    """
    verb = _verb_of_phrase(trig)
    if (
        verb is None
        or trig.head.lower_ not in ("during", "at")
        or _lemma(verb) not in _SPEAKING_AT
        or _lemma(trig) in _JOURNEYS
        or any(c.dep_ == "prep" and c.lower_ == "between" for c in trig.children)
    ):
        return []
    addressed = [
        c
        for c in verb.children
        if c.dep_ in ("dobj", "dative") and _lemma(verb) in _ADDRESSING and c.pos_ == "PROPN"
    ]
    return _subjects_through_conjuncts(verb) + addressed


def _verb_of_phrase(trig: Token) -> Token | None:
    """The verb whose prepositional phrase the event noun ``trig`` ends ("for talks")."""
    prep = trig.head
    if trig.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ != "VERB":
        return None
    return prep.head


def _subjects_through_conjuncts(verb: Token) -> list[Token]:
    node = verb
    for _ in range(3):
        subjects = [c for c in node.children if c.dep_ in _SUBJ]
        if subjects or node.dep_ != "conj":
            return subjects
        node = node.head
    return []


def referendum_voters(trig: Token) -> list[Token]:
    """Who voted in a referendum: the subject of "vote" whose occasion it is ("Ruritania
    voted on June 23 to leave the union in a referendum", "voters in Vale backed it in
    the referendum" is not "vote" and gives none).

    Parameters
    ----------
    trig : spacy.tokens.Token
        A referendum noun.

    Returns
    -------
    list of spacy.tokens.Token
        The subjects of that verb of voting, or none.
    """
    if trig.lemma_.lower() != "referendum" or trig.dep_ != "pobj":
        return []
    node = trig.head.head  # the word "in/at" hangs on
    for _ in range(3):  # up through the infinitive the parser may hang it on
        if node.pos_ == "VERB" and _lemma(node) == "vote":
            return [c for c in node.children if c.dep_ == "nsubj"]
        if node.dep_ not in ("xcomp", "advcl", "dobj") or node.head.i == node.i:
            return []
        node = node.head
    return []


def modal_conjunct_head(verb: Token) -> Token | None:
    """The verb a conjunct is really coordinated with when the parse hangs it lower:
    in "Vale should insist that others be present and should demand a vote", "should
    demand" repeats the modal of "insist", not of "be present".  None when the conjunct
    has no modal of its own or its parse head bears it."""
    if verb.dep_ != "conj":
        return None
    mine = {c.lower_ for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"}
    node = verb.head
    if not mine or any(c.dep_ == "aux" and c.lower_ in mine for c in node.children):
        return None
    for _ in range(3):
        if node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "aux" and c.lower_ in mine for c in node.children
        ):
            return node
    return None


def left_subject(verb: Token) -> Token | None:
    """The noun just before a participle whose parse lost its subject ("with Kim days ago
    demanding", "a statement by Vale calling for"): skipping adverbs and dates, the
    previous token if it is a proper noun that is not the object of another word.

    Parameters
    ----------
    verb : spacy.tokens.Token
        A participle without a subject of its own.

    Returns
    -------
    spacy.tokens.Token or None
    """
    k = verb.i - 1
    while k >= 0 and (
        verb.doc[k].pos_ == "ADV"
        or verb.doc[k].ent_type_ in ("DATE", "TIME")
        or verb.doc[k].lower_ in ("ago", "later", "earlier")
    ):
        k -= 1
    if k >= 0 and verb.doc[k].pos_ == "PROPN" and verb.doc[k].sent == verb.sent:
        name = verb.doc[k]
        while name.dep_ == "compound" and name.head.i != name.i:
            name = name.head
        # "posted a message on Twitter blaming", "wrote to Vale urging": an object, not
        # the one who blames or urges ("with Kim days ago demanding" is a subject)
        taken = name.dep_ in ("dobj", "obj", "dative") or (
            name.dep_ == "pobj" and name.head.lower_ not in ("with", "by")
        )
        return None if taken else verb.doc[k]
    return None


def platform_only(actor: str, trig: Token, actor_tok: dict) -> bool:
    """True when every mention of ``actor`` in the sentence of ``trig`` names a service
    words are posted on, as the modifier of the posting ("a Facebook post that said",
    "the Twitter account of the ministry"): the service carries the words, it does not
    say them.  "Twitter said it had closed the account" is Twitter's own saying."""
    sent = trig.sent
    toks = [t for t in sent if actor in actor_tok.get((id(t.doc), t.i), ())]
    if not toks:
        return False
    return all(
        t.dep_ in ("compound", "poss", "nmod", "amod")
        and t.head.lemma_.lower() in POSTINGS
        and " ".join(x.lower_ for x in toks if x.head.i == t.head.i) in PLATFORMS
        for t in toks
    )


#: Verbs that put a deal forward without its being made ("the deal he outlined").
_PROPOSING = frozenset(
    ["propose", "outline", "offer", "unveil", "float", "pitch", "suggest", "present", "table"]
)
#: Verbs of the other side answering a deal put to it ("Democrats rejected the deal").
_ANSWERING_A_DEAL = frozenset(
    ["reject", "accept", "consider", "welcome", "back", "oppose", "dismiss", "spurn", "embrace"]
)


def proposing_verb(trig: Token) -> Token | None:
    """The verb that puts the agreement noun ``trig`` forward -- "the deal he outlined",
    "a deal proposed by Vale", "Vale offered a deal" -- or None: a deal put forward is
    not made, and the day it was put forward is not the deal's.

    Parameters
    ----------
    trig : spacy.tokens.Token
        An agreement noun.

    Returns
    -------
    spacy.tokens.Token or None
    """
    if trig.pos_ not in ("NOUN", "PROPN"):
        return None
    for c in trig.children:
        if c.dep_ in ("relcl", "acl") and _lemma(c) in _PROPOSING:
            return c
    if trig.dep_ in ("dobj", "obj", "nsubjpass") and _lemma(trig.head) in _PROPOSING:
        return trig.head
    return None


def deal_sides(trig: Token) -> list[Token]:
    """Who offers a deal put forward and who answers it: the subject (or "by" agent) of
    the verb that puts it forward, whom it is put to ("offered Democrats a deal"), and
    the subject of a verb of answering it ("Democrats rejected the deal that Vale
    proposed": Vale and the Democrats).

    Parameters
    ----------
    trig : spacy.tokens.Token
        An agreement noun.

    Returns
    -------
    list of spacy.tokens.Token
    """
    verb = proposing_verb(trig)
    if verb is None:
        return []
    out = _subjects_through_conjuncts(verb)
    for c in verb.children:
        if c.dep_ == "agent":
            out += [o for o in c.children if o.dep_ == "pobj"]  # "proposed by Vale"
    # "offered Democrats a deal", "proposed a deal to Democrats": whom it is put to
    out += [c for c in verb.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN")]
    out += objects_of(verb, "to")
    if trig.dep_ in ("dobj", "obj") and _lemma(trig.head) in _ANSWERING_A_DEAL:
        out += _subjects_through_conjuncts(trig.head)
    return out

"""How far a negation reaches: an event noun is denied only through a verb that realises it.

"Did not hold the vote", "never signed the deal", "will not allow the test": the verb holds,
realises or allows the event, and its negation says the event did not happen.  "Did not
influence the election", "did not comment on the talks", "did not respond to requests": the
verb is an act about the event, and its negation is its own.  Nor does a negation inside
quoted words reach the verb of saying that frames them (:func:`frames_quote`).
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = [
    "in_quote",
    "REALISING_VERBS",
    "message_told",
    "frames_quote",
    "negated_challenge",
    "object_of_other_act",
    "subject_of_other_predicate",
]

#: Verbs, besides those that hold or cancel an event, whose negation denies the event
#: noun they govern.
REALISING_VERBS = frozenset(
    ["allow", "permit", "approve", "accept", "complete", "finish", "go", "happen", "need"]
)


#: Verbs that challenge their complement: negated, they concede it ("do not contest that
#: they met him") or at least leave it standing ("did not deny that they met").
_CHALLENGING = frozenset(["contest", "dispute", "challenge", "refute", "deny", "doubt"])
#: Of those, the ones whose negation only fails to deny: the claim stays a claim.
_NOT_CONCEDING = frozenset(["deny", "doubt"])


def negated_challenge(node: Token, head: Token) -> str | None:
    """How a negated verb of challenge reads the clause under it: "conceded" for "they
    do not contest (dispute, challenge) that they met him", "claimed" for "she did not
    deny (doubt) that they met", None when ``head`` is no negated challenge of ``node``.

    Parameters
    ----------
    node : spacy.tokens.Token
        The head of the clause (its verb or event noun).
    head : spacy.tokens.Token
        The word that governs it.

    Returns
    -------
    str or None
    """
    if (
        node.dep_ not in ("ccomp", "dobj", "obj", "xcomp")
        or head.lemma_.lower() not in _CHALLENGING
    ):
        return None
    if not any(c.dep_ == "neg" or c.lower_ == "never" for c in head.children):
        return None
    return "claimed" if head.lemma_.lower() in _NOT_CONCEDING else "conceded"


def message_told(trig: Token, messages: frozenset[str]) -> Token | None:
    """The message noun whose words a participle tells ("a message blaming Ruiz", "a
    letter urging talks"), also where the parser hangs the participle on a name inside the
    message's phrase ("a message on Twitter blaming Ruiz"); None otherwise.

    Parameters
    ----------
    trig : spacy.tokens.Token
        A participle of saying.
    messages : frozenset of str
        Lemmas of message nouns.

    Returns
    -------
    spacy.tokens.Token or None
    """
    if trig.pos_ not in ("VERB", "AUX") or trig.dep_ != "acl" or trig.tag_ != "VBG":
        return None
    noun = trig.head
    if (
        noun.lemma_.lower() not in messages
        and noun.dep_ == "pobj"
        and noun.head.dep_ == "prep"
        and noun.head.head.i != noun.head.i
    ):
        noun = noun.head.head  # "a message on Twitter blaming": the message
    return noun if noun.lemma_.lower() in messages else None


def object_of_other_act(trigger: Token, holding: frozenset[str]) -> bool:
    """True for an event noun that is the object of a verb that neither holds (``holding``
    lemmas, e.g. the support and denial verbs) nor realises it, directly or through a
    preposition ("comment on the talks")."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    head, rel = trigger.head, trigger.dep_
    if rel == "pobj" and head.pos_ == "ADP" and head.dep_ == "prep":
        head, rel = head.head, "dobj"
    if rel not in ("dobj", "obj") or head.pos_ != "VERB":
        return False
    lem = head.lemma_.lower()
    return lem not in holding and lem not in REALISING_VERBS


#: Verbs whose negation, with the event as subject, says it did not happen ("the summit
#: did not take place", "the talks never resumed"); particles required in brackets.
_HAPPENING = frozenset(
    ["happen", "occur", "materialize", "materialise", "proceed", "start", "begin", "resume"]
)
_HAPPENING_WITH = {"take": "place", "go": "ahead", "come": "off"}


def subject_of_other_predicate(trigger: Token) -> bool:
    """True for an event noun that is the subject of a verb saying how it went, not
    whether it happened: in "the trip did not go over well", "the talks did not yield a
    deal", "the meeting did not last long" the negation is the verb's own; in "the summit
    did not take place" or "never happened" it denies the event.

    Parameters
    ----------
    trigger : spacy.tokens.Token
        An event trigger.

    Returns
    -------
    bool
    """
    if trigger.pos_ not in ("NOUN", "PROPN") or trigger.dep_ != "nsubj":
        return False
    verb = trigger.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() == "be":
        return False  # "the summit was not a success": left to the copula rules
    lem = verb.lemma_.lower()
    if lem in _HAPPENING:
        return False
    needs = _HAPPENING_WITH.get(lem)
    return not (needs and any(c.lower_ == needs for c in verb.children))


_QUOTED: dict[str, object] = {"doc": None, "spans": []}


def _quoted_spans(doc) -> list[tuple[int, int]]:
    """The quoted passages of ``doc`` (character offsets), kept for the last doc read."""
    if _QUOTED["doc"] is not doc:
        from ..actors.quotes import quoted_passages  # lazily: it imports the nlp module

        _QUOTED["doc"], _QUOTED["spans"] = doc, quoted_passages(doc.text)
    return _QUOTED["spans"]  # type: ignore[return-value]


def in_quote(tok: Token) -> bool:
    """True when ``tok`` stands inside quotation marks (read on the whole text, so a
    quote of several sentences counts)."""
    return any(a <= tok.idx < b for a, b in _quoted_spans(tok.doc))


def frames_quote(trig: Token, head: Token) -> bool:
    """True when ``head`` lies inside quotation marks and the verb of saying ``trig``
    outside them: whatever the parse, the quoted words are what is said, not a
    comment on the saying ('"I do not think ...," she told the press').

    Parameters
    ----------
    trig : spacy.tokens.Token
        The verb of saying.
    head : spacy.tokens.Token
        A word the parse puts above it.

    Returns
    -------
    bool
        Whether the walk from ``trig`` to ``head`` enters quoted words (read on the
        whole text, so a quote of several sentences counts).
    """
    spans = _quoted_spans(trig.doc)

    def inside(tok: Token) -> bool:
        return any(a <= tok.idx < b for a, b in spans)

    return bool(spans) and inside(head) and not inside(trig)

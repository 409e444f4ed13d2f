"""How far a negation reaches: an event noun is denied only through a verb that realises it.

"Did not hold the vote", "never signed the deal", "will not allow the test": the verb holds,
realises or allows the event, and its negation says the event did not happen.  "Did not
influence the election", "did not comment on the talks", "did not respond to requests": the
verb is an act about the event, and its negation is its own.
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["REALISING_VERBS", "object_of_other_act"]

#: Verbs, besides those that hold or cancel an event, whose negation denies the event
#: noun they govern.
REALISING_VERBS = frozenset(
    ["allow", "permit", "approve", "accept", "complete", "finish", "go", "happen", "need"]
)


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

"""Mentions that name a kind of event, not one event: "future elections", "our elections".

An analyst counts events that happened or are planned; a clause about elections in
general ("to protect future elections", "interfered in our elections") names none.
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["generic_mention"]

#: Modifiers that make a plural event noun a kind ("future elections", "free elections").
_KIND_MODIFIERS = frozenset(["future", "past", "previous", "free", "fair", "democratic"])
#: Possessives of a community rather than of a party ("our elections").
_COMMUNITY_POSSESSIVES = frozenset(["our"])
#: Event families whose plural nouns are often used of a kind.
_FAMILIES = frozenset(["election"])


def generic_mention(trig: Token, family: str) -> bool:
    """True for a plural event noun of ``family`` that names a kind of event: "future
    elections", "free and fair elections", "interfered in our elections" -- not "the
    Ruritanian elections" nor "the 2016 election"."""
    if family not in _FAMILIES or trig.pos_ != "NOUN" or trig.tag_ != "NNS":
        return False
    for c in trig.children:
        low = c.lower_
        if c.dep_ == "amod" and low in _KIND_MODIFIERS:
            return True
        if c.dep_ == "poss" and low in _COMMUNITY_POSSESSIVES:
            return True
    return False

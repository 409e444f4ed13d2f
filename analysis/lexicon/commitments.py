"""Verbs of commitment: deciding, agreeing or planning to do something later.

``COMMITMENT_VERBS``
    lemmas whose infinitive complement ("decided to join", "agreed to sell", "voted to
    lift") names an act still to come when the commitment was made.  The date in that
    complement points forward from the commitment, whatever its tense: "the board has
    decided to close the plant in June" is the coming June (:mod:`analysis.timex`).
``COMMITMENT_VERB_FORMS``
    their written forms ("decide", "decides", "decided").
``IMPLICATIVE_VERBS``
    lemmas whose infinitive is done when they are ("moved to demand", "managed to
    meet", "went on to sign"): no plan, whatever "to" suggests.
``CAUSATIVE_IMPLICATIVES``
    lemmas that make someone do what their infinitive says ("prompted him to call for",
    "forced her to resign"): the act is done.
``INFINITIVE_BLOCKERS``
    words that, after "to", show a preposition rather than an infinitive ("agreed to the
    terms", "agreed to it"): determiners and object pronouns.

>>> "decide" in COMMITMENT_VERBS, "decided" in COMMITMENT_VERB_FORMS
(True, True)
"""

from __future__ import annotations

from .speech import verb_forms

__all__ = [
    "COMMITMENT_VERBS",
    "COMMITMENT_VERB_FORMS",
    "CAUSATIVE_IMPLICATIVES",
    "IMPLICATIVE_HASTE",
    "IMPLICATIVE_VERBS",
    "INFINITIVE_BLOCKERS",
]

#: Verbs whose infinitive complement is an act still to come.
COMMITMENT_VERBS = frozenset(
    [
        "agree",
        "arrange",
        "choose",
        "consent",
        "decide",
        "elect",
        "opt",
        "pledge",
        "prepare",
        "resolve",
        "threaten",
        "undertake",
        "vote",
    ]
)
#: The lemmas and their third-person and past forms.
COMMITMENT_VERB_FORMS = COMMITMENT_VERBS | verb_forms(COMMITMENT_VERBS)

#: Determiners and object pronouns: after "to" they make it a preposition.
INFINITIVE_BLOCKERS = frozenset(
    [
        "a",
        "all",
        "an",
        "any",
        "each",
        "every",
        "her",
        "him",
        "his",
        "it",
        "its",
        "me",
        "my",
        "no",
        "our",
        "some",
        "that",
        "the",
        "their",
        "them",
        "these",
        "this",
        "those",
        "us",
        "what",
        "your",
    ]
)

#: Verbs whose infinitive is done when they are ("moved to demand", "managed to meet",
#: "went on to sign"): the complement is no plan.
IMPLICATIVE_VERBS = frozenset(
    [
        *("manage", "proceed", "move", "rush", "hasten", "hurry", "scramble", "go"),
        *("continue", "begin", "start", "remember", "dare", "bother", "happen"),
        *("choose", "opt"),
    ]
)
#: Verbs that make someone do what their infinitive says, done when they are: "prompted
#: Vale to call for talks", "forced him to resign", "led the board to reject it".
CAUSATIVE_IMPLICATIVES = frozenset(
    ["prompt", "force", "compel", "oblige", "lead", "cause", "spur", "drive", "inspire"]
)
#: Implicative verbs of haste, whose infinitive the parser may read as a purpose clause
#: ("moved on Monday to demand"): "went to Oslo to meet" is a purpose, not among them.
IMPLICATIVE_HASTE = frozenset(["proceed", "move", "rush", "hasten", "hurry", "scramble"])

"""Nouns for those who act for a state, and the words that say they do not.

A country's adjective before one of :data:`STATE_AGENTS` names that country's
government acting ("Ruritanian officials said", "the Ruritanian side", "Ruritanian
troops crossed the border"); before any other noun it only describes ("Ruritanian
voters", "a Ruritanian company").  A word of :data:`NON_STATE_MODIFIERS` on the noun
takes it out of the state ("Ruritanian opposition leaders", "former Ruritanian
officials").

>>> "official" in STATE_AGENTS, "voter" in STATE_AGENTS
(True, False)
"""

from __future__ import annotations

__all__ = [
    "FORMER_WORDS",
    "NAME_SUFFIXES",
    "NON_STATE_MODIFIERS",
    "STATE_AGENTS",
    "STATE_BODIES",
    "STATE_OUTLET_NOUNS",
]

#: Lemmas of nouns for people, bodies and forces acting for a state.
STATE_AGENTS = frozenset(
    [
        *("official", "diplomat", "leader", "leadership", "authority", "minister"),
        *("negotiator", "envoy", "ambassador", "delegation", "delegate", "emissary"),
        *("lawmaker", "legislator", "parliamentarian", "prosecutor", "regulator"),
        *("spokesman", "spokeswoman", "spokesperson", "government", "administration"),
        *("side", "counterpart", "military", "army", "navy", "troop", "force"),
        *("soldier", "warship", "jet", "warplane", "police", "guard", "investigator"),
        "state",
    ]
)

#: Of :data:`STATE_AGENTS`, the nouns that name the state acting in the singular ("the
#: Ruritanian government", "the Ruritanian side", "a Ruritanian official said"); the others
#: name one person in the singular ("the Ruritanian ambassador", "the Ruritanian prime
#: minister"), whom the article names elsewhere, and the state only in the plural.
STATE_BODIES = frozenset(
    [
        *("government", "administration", "leadership", "authority", "delegation"),
        *("military", "army", "navy", "police", "side", "state", "official"),
    ]
)

#: Nouns for outlets that speak for a state only when "state" qualifies them ("North
#: Ruritanian state media said"); plain "Ruritanian media" are the country's press.
STATE_OUTLET_NOUNS = frozenset(["media", "television", "tv", "news", "agency", "broadcaster"])

#: Modifiers that put the agents outside the state, or outside its present.
NON_STATE_MODIFIERS = frozenset(
    [
        *("opposition", "rebel", "separatist", "dissident", "exiled", "exile", "former"),
        *("ex", "business", "religious", "tribal", "community", "student", "union"),
        *("party", "militant", "insurgent", "retired", "veteran", "independent", "private"),
        *("civic", "civil", "protest", "pro-democracy", "clan", "church", "club", "team"),
    ]
)

#: Words that put an office holder out of office: "a former agency official" no longer
#: speaks or acts for the agency.
FORMER_WORDS = frozenset(["former", "ex", "ex-", "retired", "onetime", "one-time", "erstwhile"])

#: Generational suffixes after a surname ("Jesse Vale Jr.", "Tom Lima III"): the surname is
#: the word before them.
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})

"""Prepositions by what their object is: a location, a path, or a participant.

The groups do not overlap; a stage reads a group or a named union of groups:

``LOCATIVE_PREPOSITIONS``
    the object is where something is or happens, comes from or goes to ("in Seoul",
    "at the border", "off the coast", "from Tokyo"): event location (:mod:`analysis.events`).
``PATH_PREPOSITIONS``
    the object is a place passed through or headed for ("via Beijing", "toward the
    border", "along the coast").
``PARTICIPANT_PREPOSITIONS``
    the object takes part rather than locates ("talks with Seoul", "a deal between the
    two Koreas"): event participants and actor roles.
``TEMPORAL_PREPOSITIONS``
    the object is a time or an event that dates another ("during the visit", "ahead of
    the vote", "since the summit"): an event in that slot dates the clause, it is not
    what the clause asserts (:mod:`analysis.events`).
``MEMBERSHIP_PREPOSITIONS``
    after a noun of people, the object is the body they belong to ("members of the
    committee", "some on the panel", "officials from the ministry"); overlaps the
    locative group, so it is no member of the family (:mod:`analysis.events`).
``INCLUSION_PREPOSITIONS``
    the objects are named members of the group before ("senators, including A and B",
    "leaders like A") (:mod:`analysis.events`).
``PLACE_OBJECT_PREPOSITIONS``
    locative and path prepositions whose object, when it is a place name, is the place
    itself and not its government ("in Moscow", "flew to Seoul"); "on" is left out because
    its object is often a target ("sanctions on Moscow") and "aboard" because its object is
    a vessel (:mod:`analysis.actors`).
``PLACE_SLOT_PREPOSITIONS``
    the prepositions after which a capitalized name is taken for a town ("in Ashby", "from
    Leek"): locative and path prepositions less those whose object is as often a
    company, a person, a date or a topic ("at Google", "on Monday", "over Trump's
    remarks", "off Broadway") (:mod:`analysis.geo`).

>>> "via" in PLACE_SLOT_PREPOSITIONS, "at" in PLACE_SLOT_PREPOSITIONS
(True, False)
"""

from __future__ import annotations

__all__ = [
    "INCLUSION_PREPOSITIONS",
    "LOCATIVE_PREPOSITIONS",
    "MEMBERSHIP_PREPOSITIONS",
    "PARTICIPANT_PREPOSITIONS",
    "PATH_PREPOSITIONS",
    "PLACE_OBJECT_PREPOSITIONS",
    "PLACE_SLOT_PREPOSITIONS",
    "TEMPORAL_PREPOSITIONS",
]

#: The object is where something is or happens, or comes from or goes to.
LOCATIVE_PREPOSITIONS = frozenset(
    [
        "aboard",
        "across",
        "at",
        "from",
        "in",
        "inside",
        "into",
        "near",
        "off",
        "on",
        "outside",
        "over",
        "to",
        "within",
    ]
)
#: The object is a place passed through or headed for.
PATH_PREPOSITIONS = frozenset(
    [
        "along",
        "around",
        "beyond",
        "onto",
        "through",
        "throughout",
        "toward",
        "towards",
        "via",
    ]
)
#: The object takes part in what happens rather than locating it.
PARTICIPANT_PREPOSITIONS = frozenset(
    ["against", "among", "amongst", "between", "by", "versus", "vs", "with"]
)
#: The object is a time or an event that dates another.
TEMPORAL_PREPOSITIONS = frozenset(["after", "ahead", "amid", "before", "during", "since", "until"])
#: After a noun of people, the object is the body they belong to.
MEMBERSHIP_PREPOSITIONS = frozenset(["from", "of", "on"])
#: The objects are named members of the group before.
INCLUSION_PREPOSITIONS = frozenset(["including", "like"])

#: A place name after these is the place itself, not its government.
PLACE_OBJECT_PREPOSITIONS = (LOCATIVE_PREPOSITIONS | PATH_PREPOSITIONS) - {"on", "aboard"}
#: A capitalized name after these is believed to be a town (with a population test).
PLACE_SLOT_PREPOSITIONS = (LOCATIVE_PREPOSITIONS | PATH_PREPOSITIONS) - {
    "aboard",
    "at",
    "off",
    "on",
    "over",
}

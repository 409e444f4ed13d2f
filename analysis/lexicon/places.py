"""Nouns about places: the one place these two English word lists live.

``PLACE_KIND_NOUNS``
    nouns for a kind of place whose "of" phrase names the place itself: "the port of
    Vladivostok", "the village of Ashby", "the province of Quang Ninh".  The geoparser
    believes a small town in that slot (:mod:`analysis.geo`); event location reads
    "the port of X" as the place X (:mod:`analysis.events`).
``PLACE_PART_NOUNS``
    nouns for a part, a feature or the inhabitants of a place: a place name that modifies
    one of them is the place itself, not its government ("Moscow's streets", "Seoul
    residents", "the outskirts of Kyiv") (:mod:`analysis.actors`).

Words are lower-case lemmas ("street" and "streets" are both listed where the plural is
the usual form).

>>> "village" in PLACE_KIND_NOUNS, "residents" in PLACE_PART_NOUNS
(True, True)
"""

from __future__ import annotations

__all__ = ["LANDFORM_NOUNS", "PLACE_KIND_NOUNS", "PLACE_PART_NOUNS"]

#: Kinds of place whose "of" phrase names the place: "the town of X", "the port of X".
PLACE_KIND_NOUNS = frozenset(
    [
        "borough",
        "capital",
        "city",
        "county",
        "district",
        "enclave",
        "hamlet",
        "harbor",
        "harbour",
        "island",
        "municipality",
        "neighborhood",
        "neighbourhood",
        "oblast",
        "port",
        "prefecture",
        "province",
        "region",
        "republic",
        "resort",
        "state",
        "suburb",
        "territory",
        "town",
        "village",
    ]
)

#: Parts, features and inhabitants of a place: "Moscow's streets", "Seoul residents".
PLACE_PART_NOUNS = frozenset(
    [
        "airport",
        "airspace",
        "aquarium",
        "area",
        "border",
        "capital",
        "center",
        "centre",
        "city",
        "coast",
        "district",
        "downtown",
        "embassy",
        "hospital",
        "hotel",
        "mayor",
        "museum",
        "neighborhood",
        "neighbourhood",
        "outskirts",
        "people",
        "population",
        "port",
        "province",
        "region",
        "resident",
        "residents",
        "river",
        "skyline",
        "soil",
        "station",
        "street",
        "streets",
        "suburb",
        "suburbs",
        "territory",
        "university",
        "water",
        "waters",
        "weather",
        "zoo",
    ]
)

#: Natural features a name can modify: "the Northfen marshes", "the Tarn valley" (a name
#: used before one is a place's name, not an actor's).
LANDFORM_NOUNS = frozenset(
    [
        "basin",
        "bay",
        "canyon",
        "coast",
        "delta",
        "desert",
        "forest",
        "forests",
        "glacier",
        "gulf",
        "highlands",
        "island",
        "islands",
        "jungle",
        "lake",
        "marshes",
        "mountain",
        "mountains",
        "ocean",
        "peninsula",
        "plain",
        "plains",
        "plateau",
        "rainforest",
        "rainforests",
        "river",
        "sea",
        "strait",
        "valley",
        "volcano",
        "wetlands",
    ]
)

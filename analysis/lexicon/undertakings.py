"""Nouns for things people make or agree on, which a name can label but which never act.

``UNDERTAKING_NOUNS``
    projects, agreements, programmes and works: a name that mostly modifies one of them
    ("the Northway pipeline", "the Velora project", "the Tarn accord") or that abbreviates
    a phrase ending in one ("the Coastal Trade Area (CTA)") names the undertaking, not an
    actor, unless the name also acts somewhere (:mod:`analysis.actors.identity`).

Words are lower-case, singular and plural where both are usual.

>>> "pipeline" in UNDERTAKING_NOUNS, "ministry" in UNDERTAKING_NOUNS
(True, False)
"""

from __future__ import annotations

__all__ = ["UNDERTAKING_NOUNS"]

#: Projects, agreements, programmes and works (never an actor by themselves).
UNDERTAKING_NOUNS = frozenset(
    [
        "accord",
        "accords",
        "agreement",
        "agreements",
        "area",
        "bridge",
        "canal",
        "corridor",
        "dam",
        "deal",
        "highway",
        "initiative",
        "pact",
        "pipeline",
        "pipelines",
        "program",
        "programme",
        "project",
        "projects",
        "protocol",
        "railway",
        "scheme",
        "treaty",
        "tunnel",
        "zone",
    ]
)

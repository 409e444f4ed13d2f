"""Events: who did what, when and where -- and links to a reference timeline.

Public API:

- :data:`EVENT_TYPES` and :func:`register_event_type`: the extensible typology
  (meeting, visit, talks, statement, demand, threat, agreement, weapons_test,
  military_activity, sanctions, election), each with its trigger words;
- :func:`extract_events`: the "events" frame of :mod:`analysis.schema` from the
  frames of the other stages and the spaCy parse;
- :func:`load_reference_events` and :func:`link_reference`: the reference timeline
  (``data/reference_events.csv`` plus users' files) and the linking of extracted events
  to it;
- :func:`load_vocabulary` and :func:`extend_vocabulary`: domain vocabulary (weapon
  systems) from ``data/event_vocabulary.csv`` and users' files;
- :func:`merge_events` and :func:`event_summary`: the same real-world event reported by
  several articles grouped under one ``event_group`` id, and one row per group.
"""

from __future__ import annotations

from typing import Any

from .merge import GENERIC_KINDS, PRECISION_RANK, event_summary, merge_events
from .reference import REFERENCE_COLUMNS, link_reference, load_reference_events
from .types import EVENT_TYPES, EventType, register_event_type, unregister_event_type
from .vocabulary import extend_vocabulary, load_vocabulary

__all__ = [
    "EVENT_TYPES",
    "EventType",
    "GENERIC_KINDS",
    "PRECISION_RANK",
    "REFERENCE_COLUMNS",
    "event_id",
    "event_summary",
    "extend_vocabulary",
    "extract_events",
    "link_reference",
    "load_reference_events",
    "load_vocabulary",
    "merge_events",
    "register_event_type",
    "unregister_event_type",
]


def __getattr__(name: str) -> Any:
    # The extractor needs spaCy; merging and the reference timeline do not, so a corpus
    # re-assembled without parsing anything never imports spaCy.
    if name in ("event_id", "extract_events"):
        from . import extract

        return getattr(extract, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""Getting frames out of what a figure function receives (a frame or a Corpus).

Figure functions accept either the frame they draw or any object with the frames as
attributes (an :class:`analysis.corpus.Corpus`); these helpers pick the right frame,
check it against :mod:`analysis.schema` and say clearly what is missing.
"""

from __future__ import annotations

import logging
from typing import Any

import pandas as pd

from analysis import schema

__all__ = ["frame_of", "optional_frame", "actor_names"]

log = logging.getLogger(__name__)


def frame_of(obj: Any, name: str) -> pd.DataFrame:
    """Return frame ``name`` from ``obj`` (a DataFrame, or an object with that attribute).

    Raises
    ------
    analysis.schema.SchemaError
        When the frame lacks a documented column.
    TypeError
        When ``obj`` is neither a DataFrame nor holds one named ``name``.
    """
    if isinstance(obj, pd.DataFrame):
        return schema.check(obj, name)
    value = getattr(obj, name, None)
    if isinstance(value, pd.DataFrame):
        return schema.check(value, name)
    raise TypeError(
        f"expected a {name} DataFrame or a Corpus with .{name}, got {type(obj).__name__}"
    )


def optional_frame(value: Any, source: Any, name: str) -> pd.DataFrame | None:
    """``value`` if given, else frame ``name`` of ``source`` when it is a Corpus, else None."""
    if value is not None:
        return frame_of(value, name)
    if source is not None and not isinstance(source, pd.DataFrame):
        frame = getattr(source, name, None)
        if isinstance(frame, pd.DataFrame):
            return schema.check(frame, name)
    return None


def actor_names(actors: pd.DataFrame | None) -> dict[str, str]:
    """actor_id -> canonical name (empty when no actors frame is given)."""
    if actors is None or len(actors) == 0:
        return {}
    ids = actors["actor_id"].astype("string")
    names = actors["name"].astype("string").fillna(ids)
    return dict(zip(ids.tolist(), names.tolist(), strict=True))

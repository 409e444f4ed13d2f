"""Many line segments in one plotly trace: points separated by gaps.

A figure that draws one trace per line (an edge of a network, an arc of a movement)
costs the browser a full trace each: at a hundred lines that is most of a figure's draw
time.  Lines of the same style are instead drawn as ONE trace whose points are the
segments' points with a gap (``None``) after each segment; plotly.js does not join
points across a gap.

The trace's ``meta.gaps`` is ``True``: its points with ``None`` coordinates are
separators, whose ``customdata`` row is ``None``; every other point carries its
segment's ``customdata`` row and hover text.  The offline report keeps each kept
segment's separator when it filters such a trace (:mod:`analysis.report_contract`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["join_segments", "segment_ids"]


def join_segments(
    segments: Sequence[tuple[Sequence[float], Sequence[float], Any, str]],
) -> dict[str, list]:
    """Join segments into the arrays of one gapped trace.

    Parameters
    ----------
    segments : sequence of (a, b, row, text)
        Per segment its coordinates (``a``: x or lat, ``b``: y or lon, two or more
        points), its ``customdata`` row and its hover text.

    Returns
    -------
    dict
        ``a``, ``b``, ``customdata`` and ``text``, one entry per point: each segment's
        points then a separator (``None`` coordinates, ``None`` row, empty text).

    Examples
    --------
    >>> out = join_segments([([0, 1], [0, 1], ["a|b"], "a - b")])
    >>> out["a"], out["customdata"]
    ([0, 1, None], [['a|b'], ['a|b'], None])
    """
    out: dict[str, list] = {"a": [], "b": [], "customdata": [], "text": []}
    for a, b, row, text in segments:
        if len(a) != len(b):
            raise ValueError(f"a segment has {len(a)} x but {len(b)} y values")
        out["a"].extend([*a, None])
        out["b"].extend([*b, None])
        out["customdata"].extend([row] * len(a) + [None])
        out["text"].extend([text] * len(a) + [""])
    return out


def segment_ids(trace: Any, position: int = 0) -> list[Any]:
    """The ids of the segments of a gapped trace, once each and in order.

    Parameters
    ----------
    trace : plotly trace or dict
        A trace built from :func:`join_segments`.
    position : int
        Position of the id in each ``customdata`` row.
    """
    rows = trace["customdata"] if isinstance(trace, dict) else trace.customdata
    out: list[Any] = []
    for row in rows or ():
        if row is None:
            continue
        key = row[position]
        if not out or out[-1] != key:
            out.append(key)
    return out

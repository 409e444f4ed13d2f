"""One ranking of timex precisions, finer is higher, for every part of the events code.

Extraction prefers the better-dated mention of an event, merging takes the most precise
events first and the timeline draws the finest date of a group: all read
:data:`PRECISION_RANK` (exported as ``analysis.events.PRECISION_RANK``).
"""

from __future__ import annotations

__all__ = ["PRECISION_RANK", "precision_rank"]

#: Rank of a timex precision, finer is higher; unknown precisions rank 0.
PRECISION_RANK: dict[str, int] = {
    "time": 7,
    "day": 6,
    "week": 5,
    "month": 4,
    "quarter": 3,
    "season": 3,
    "year": 2,
    "decade": 1,
}


def precision_rank(precision: object) -> int:
    """Rank of ``precision`` in :data:`PRECISION_RANK` (0 when unknown or missing)."""
    return PRECISION_RANK.get(precision, 0) if isinstance(precision, str) else 0

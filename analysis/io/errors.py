"""Errors and the skip report of the article loaders."""

from __future__ import annotations

import pandas as pd

__all__ = ["LoadError", "Skip", "LoadReport"]


class LoadError(ValueError):
    """An input could not be loaded and the caller asked for ``strict=True``.

    The message names the path and the reason, exactly as the load report would.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class Skip(Exception):  # noqa: N818 - a control-flow signal, not an error class for callers
    """Raised inside a loader: the whole item is skipped for ``reason``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class LoadReport(pd.DataFrame):
    """The skipped inputs of one load: a DataFrame with columns ``path`` and ``reason``.

    It is an ordinary DataFrame, except that two reports compare as one boolean
    (``report_a == report_b`` is ``report_a.equals(report_b)``).  pandas compares
    ``attrs`` with ``==`` when it concatenates or merges frames, so a plain DataFrame
    in ``articles.attrs`` would make ``pd.concat([articles, articles])`` fail.
    """

    @property
    def _constructor(self):
        return LoadReport

    def __eq__(self, other):  # type: ignore[override]
        if isinstance(other, LoadReport):
            return self.equals(other)
        return super().__eq__(other)

    def __ne__(self, other):  # type: ignore[override]
        if isinstance(other, LoadReport):
            return not self.equals(other)
        return super().__ne__(other)

    __hash__ = None  # type: ignore[assignment]

    @classmethod
    def from_rows(cls, rows: list[tuple[str, str]]) -> LoadReport:
        """Build a report from ``(path, reason)`` pairs."""
        return cls(
            {
                "path": pd.Series([p for p, _ in rows], dtype="string"),
                "reason": pd.Series([r for _, r in rows], dtype="string"),
            }
        )

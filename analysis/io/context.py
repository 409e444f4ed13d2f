"""The state of one :func:`~analysis.io.load_articles` call: options and the skip report."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from .decode import scrub_surrogates
from .errors import LoadError, LoadReport
from .fields import FieldMapping

__all__ = ["LoadContext"]

logger = logging.getLogger("analysis.io")


@dataclass
class LoadContext:
    """Options of a load and the problems met so far.

    Parameters
    ----------
    strict : bool
        Raise :class:`LoadError` on the first problem instead of skipping.
    max_bytes : int
        Size limit of one input file or archive entry.
    max_archive_bytes : int
        Limit of the total uncompressed size read from one archive.
    fields : FieldMapping
        How input field names map to article fields.
    recursive : bool
        Whether folders are scanned recursively.
    """

    strict: bool = False
    max_bytes: int = 50 * 1024 * 1024
    max_archive_bytes: int = 500 * 1024 * 1024
    fields: FieldMapping = field(default_factory=FieldMapping.build)
    recursive: bool = True
    problems: list[tuple[str, str]] = field(default_factory=list)

    def problem(self, path: str, reason: str) -> None:
        """Record that ``path`` was skipped for ``reason`` (or raise when strict)."""
        # a file name in a non-UTF-8 encoding must not break the report's Parquet/HTML
        path, reason = scrub_surrogates(str(path)), scrub_surrogates(str(reason))
        if self.strict:
            raise LoadError(path, reason)
        logger.warning("skipped %s: %s", path, reason)
        self.problems.append((path, reason))

    def skip(self, path: str, reason: str) -> None:
        """Record a deliberate skip (not an error: never raises, even when strict)."""
        path, reason = scrub_surrogates(str(path)), scrub_surrogates(str(reason))
        logger.info("skipped %s: %s", path, reason)
        self.problems.append((path, reason))

    def report(self) -> LoadReport:
        """The problems as a :class:`LoadReport` (columns path, reason)."""
        return LoadReport.from_rows(self.problems)

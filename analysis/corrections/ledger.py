"""The corrections file: one CSV row per correction, with who, when and why.

The file lives in the corpus store (``STORE/corrections.csv``) or anywhere an analyst
shares it (``newsdesk build --corrections FILE``). It is plain CSV so it diffs and
merges well. Appending takes an exclusive ``flock`` on ``FILE.lock``, re-reads the file
and replaces it atomically, so two notebooks or two analysts adding rows to one store
never lose each other's rows. A malformed row is reported with its line number and
skipped; the other rows still apply.
"""

from __future__ import annotations

import csv
import fcntl
import getpass
import hashlib
import io
import logging
import os
import tempfile
import time
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from analysis.corrections.operations import CorrectionError, validate

__all__ = ["COLUMNS", "FILE_NAME", "Correction", "Ledger", "read_corrections"]

log = logging.getLogger(__name__)

FILE_NAME = "corrections.csv"
COLUMNS = ("id", "op", "target", "value", "article_id", "who", "when", "why")


@dataclass(frozen=True)
class Correction:
    """One correction row (see :mod:`analysis.corrections.operations` for the forms)."""

    op: str
    target: str
    value: str = ""
    article_id: str = ""
    who: str = ""
    when: str = ""
    why: str = ""
    id: str = ""

    @classmethod
    def new(
        cls,
        op: str,
        target: str,
        value: object = "",
        *,
        article_id: str = "",
        who: str | None = None,
        why: str = "",
    ) -> Correction:
        """A validated new correction stamped with its author, time and a stable id."""
        value = "" if value is None else str(value)
        validate(op, target, value)
        who = who or os.environ.get("NEWSDESK_USER") or _user()
        when = datetime.now(UTC).isoformat(timespec="seconds")
        key = "\x1f".join((op, target, value, article_id or "", who, when, why))
        cid = "c" + hashlib.sha256(key.encode()).hexdigest()[:11]
        return cls(op, target, value, article_id or "", who, when, why, cid)

    def as_row(self) -> dict[str, str]:
        return {c: getattr(self, c) for c in COLUMNS}


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers
        return "unknown"


@dataclass
class ReadResult:
    """Rows read from a corrections file and the rows skipped (line number, message)."""

    corrections: list[Correction] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)


def read_corrections(path: str | os.PathLike) -> ReadResult:
    """Read and validate a corrections file; a missing file reads as empty.

    Parameters
    ----------
    path : path-like
        The CSV file.

    Returns
    -------
    ReadResult
        ``corrections`` in file order; ``problems`` lists ``(line, message)`` for each row
        that was skipped because its form is invalid.
    """
    p = Path(path)
    out = ReadResult()
    if not p.exists():
        return out
    text = p.read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("op", "target") if c not in (reader.fieldnames or [])]
    if missing:
        out.problems.append((1, f"{p}: header lacks column(s) {', '.join(missing)}"))
        return out
    seen: set[str] = set()
    for row in reader:
        line = reader.line_num
        clean = {c: (row.get(c) or "").strip() for c in COLUMNS}
        try:
            validate(clean["op"], clean["target"], clean["value"])
        except CorrectionError as exc:
            msg = f"{p.name} line {line}: {exc}; row skipped"
            log.warning(msg)
            out.problems.append((line, msg))
            continue
        if not clean["id"]:
            key = "\x1f".join(clean[c] for c in COLUMNS[1:])
            clean["id"] = "c" + hashlib.sha256(key.encode()).hexdigest()[:11]
        if clean["id"] in seen:
            continue  # the same row twice (e.g. a file merged by hand): apply once
        seen.add(clean["id"])
        out.corrections.append(Correction(**clean))
    return out


class Ledger:
    """A corrections file that many writers can append to safely.

    Parameters
    ----------
    path : path-like
        The CSV file (created on the first append).
    timeout : float
        Seconds to wait for another writer's lock.
    """

    def __init__(self, path: str | os.PathLike, *, timeout: float = 10.0) -> None:
        self.path = Path(path)
        self.timeout = timeout

    def read(self) -> ReadResult:
        """The file's valid corrections and the rows skipped."""
        return read_corrections(self.path)

    @contextmanager
    def _locked(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = self.path.with_name(self.path.name + ".lock")
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            deadline = time.monotonic() + self.timeout
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise TimeoutError(
                            f"{self.path} is being written by another process; try again"
                        ) from None
                    time.sleep(0.05)
            yield
        finally:
            os.close(fd)  # closing releases the lock

    def append(self, corrections: Iterable[Correction]) -> None:
        """Add corrections at the end of the file, atomically and under the lock."""
        new = list(corrections)
        if not new:
            return
        with self._locked():
            old = self.path.read_text(encoding="utf-8") if self.path.exists() else ""
            buf = io.StringIO()
            writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
            if not old.strip():
                writer.writeheader()
            elif not old.endswith("\n"):
                buf.write("\n")
            for c in new:
                writer.writerow(c.as_row())
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".corrections-")
            try:
                with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                    fh.write(old + buf.getvalue())
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise

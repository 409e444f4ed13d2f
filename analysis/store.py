"""The on-disk corpus store: Parquet frames, a manifest, atomic commits and a lock.

A store is a folder::

    CORPUS_DIR/
      manifest.json            versions, settings, per-stage fingerprints, counts
      articles.parquet ...     one Parquet file per frame (what Corpus.load reads)
      _state/*.parquet         per-article bookkeeping for incremental builds
      _parts/<id>/             batch results streamed in by a running build
      .lock                    held (flock) by the process writing the store

Writes are atomic: every file of a commit is first written under a temporary name,
then a journal (``.commit.json``) lists the renames, the renames are done with
:func:`os.replace` and the journal is removed.  A process killed before the journal
exists leaves the old store untouched; one killed after it leaves a journal that the
next writer or reader rolls forward.  Either way no reader sees a half-written file.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import logging
import os
import shutil
import time
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import schema

__all__ = [
    "FRAMES",
    "StoreError",
    "StoreLocked",
    "StoreLock",
    "is_store",
    "read_manifest",
    "read_frames",
    "commit",
    "write_part",
    "read_parts",
    "clear_parts",
    "recover",
    "to_arrow",
]

log = logging.getLogger(__name__)

#: The frames of a corpus, in the order they are written and listed.
FRAMES = tuple(schema.SCHEMAS)

MANIFEST = "manifest.json"
JOURNAL = ".commit.json"
LOCK = ".lock"
STATE_DIR = "_state"
PARTS_DIR = "_parts"
FORMAT_VERSION = 1


class StoreError(RuntimeError):
    """The folder is not a readable corpus store; the message says what to do."""


class StoreLocked(StoreError):
    """Another process holds the store's lock."""


# --------------------------------------------------------------------------- lock


class StoreLock:
    """An exclusive, process-level lock on a store folder (``fcntl.flock``).

    The operating system releases it when the holding process dies, so a killed
    build never leaves a stale lock behind.

    Parameters
    ----------
    directory : path
        The store folder (created if missing).
    timeout : float
        Seconds to wait for another holder; 0 fails at once.
    """

    def __init__(self, directory: str | os.PathLike, *, timeout: float = 0.0) -> None:
        self.directory = Path(directory)
        self.timeout = float(timeout)
        self._fd: int | None = None

    @property
    def path(self) -> Path:
        return self.directory / LOCK

    def acquire(self) -> StoreLock:
        """Take the lock or raise :class:`StoreLocked` after ``timeout`` seconds."""
        self.directory.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    os.close(fd)
                    raise
                if time.monotonic() >= deadline:
                    holder = _read_holder(fd)
                    os.close(fd)
                    raise StoreLocked(
                        f"{self.directory} is being written by another process{holder}; "
                        "wait for it to finish, or pass a longer lock timeout "
                        "(newsdesk build --wait SECONDS)"
                    ) from None
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps({"pid": os.getpid(), "since": time.time()}).encode())
        self._fd = fd
        return self

    def release(self) -> None:
        """Release the lock (idempotent)."""
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> StoreLock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def _read_holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        info = json.loads(os.read(fd, 4096) or b"{}")
        return f" (pid {info['pid']})" if "pid" in info else ""
    except (OSError, ValueError, KeyError):
        return ""


# ------------------------------------------------------------------ frame <-> parquet


_JSON_KEY = b"newsdesk.json_columns"


def _is_na(value) -> bool:
    return value is None or (not isinstance(value, list | dict | np.ndarray) and pd.isna(value))


def _json_cell(value):
    return None if _is_na(value) else json.dumps(value, default=str, ensure_ascii=False)


def to_arrow(df: pd.DataFrame):
    """A pyarrow Table of ``df``; columns Arrow cannot type (dicts, mixed objects) as JSON text.

    Their names are kept in the schema metadata so :func:`_read_parquet` decodes them.
    """
    import pyarrow as pa

    df = df.reset_index(drop=True)
    df.attrs = {}  # attrs (e.g. a load report) are not part of the stored frame
    json_cols = [
        c for c in df.columns if df[c].dtype == object and any(isinstance(v, dict) for v in df[c])
    ]
    if json_cols:
        df = df.assign(**{c: df[c].map(_json_cell) for c in json_cols})
    while True:
        try:
            table = pa.Table.from_pandas(df, preserve_index=False)
            break
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError) as exc:
            bad = [
                c
                for c in df.columns
                if df[c].dtype == object and c not in json_cols and not _arrow_ok(df[c])
            ]
            if not bad:
                raise
            log.debug("storing column(s) %s as JSON text (%s)", bad, exc)
            json_cols += bad
            df = df.assign(**{c: df[c].map(_json_cell) for c in bad})
    if json_cols:
        meta = dict(table.schema.metadata or {})
        meta[_JSON_KEY] = json.dumps(json_cols).encode()
        table = table.replace_schema_metadata(meta)
    return table


def _arrow_ok(col: pd.Series) -> bool:
    import pyarrow as pa

    try:
        pa.array(col, from_pandas=True)
        return True
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return False


def _write_parquet(df: pd.DataFrame, path: Path) -> None:
    import pyarrow.parquet as pq

    table = to_arrow(df)
    try:
        pq.write_table(table, path)
    except Exception:
        # Parquet cannot hold some Arrow types (structs without fields): store as JSON text
        import pyarrow as pa

        cols = [
            f.name
            for f in table.schema
            if pa.types.is_struct(f.type)
            or (pa.types.is_list(f.type) and pa.types.is_struct(f.type.value_type))
        ]
        if not cols:
            raise
        df = df.reset_index(drop=True)
        df = df.assign(**{c: df[c].map(_json_cell) for c in cols})
        table = to_arrow(df)
        meta = dict(table.schema.metadata or {})
        prev = json.loads(meta.get(_JSON_KEY, b"[]"))
        meta[_JSON_KEY] = json.dumps(sorted({*prev, *cols})).encode()
        pq.write_table(table.replace_schema_metadata(meta), path)


def _listify(value):
    if isinstance(value, np.ndarray):
        return [_listify(v) for v in value.tolist()]
    if isinstance(value, list):
        return [_listify(v) for v in value]
    return value


def _read_parquet(path: Path, frame: str | None = None) -> pd.DataFrame:
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    json_cols = json.loads((table.schema.metadata or {}).get(_JSON_KEY, b"[]"))
    df = table.to_pandas()
    for name in json_cols:
        if name in df.columns:
            df[name] = [None if v is None or v is pd.NA else json.loads(v) for v in df[name]]
    # pyarrow returns list columns as numpy arrays; the frames document Python lists.
    for name in df.columns:
        if df[name].dtype == object and len(df):
            sample = df[name].dropna()
            if (
                name not in json_cols
                and len(sample)
                and isinstance(sample.iloc[0], np.ndarray | list)
            ):
                df[name] = [_listify(v) if v is not None else None for v in df[name]]
    if frame in schema.SCHEMAS and not _conformed(df, frame):
        df = schema.conform(df, frame)
    return df


def _conformed(df: pd.DataFrame, frame: str) -> bool:
    """True when ``df`` already has the documented columns, in order, with their dtypes."""
    cols = schema.SCHEMAS[frame]
    if list(df.columns[: len(cols)]) != [c.name for c in cols]:
        return False
    return all(str(df[c.name].dtype) == c.dtype for c in cols)


# ------------------------------------------------------------------ manifest & frames


def is_store(directory: str | os.PathLike) -> bool:
    """True when ``directory`` holds a committed corpus store."""
    d = Path(directory)
    return (d / MANIFEST).is_file() or (d / JOURNAL).is_file()


def read_manifest(directory: str | os.PathLike) -> dict:
    """Return the manifest of the store in ``directory``.

    Raises
    ------
    StoreError
        When the folder holds no store or the manifest is unreadable.
    """
    d = Path(directory)
    _settle(d)
    path = d / MANIFEST
    if not path.is_file():
        if not d.exists():
            raise StoreError(
                f"{d} does not exist; build a corpus first: newsdesk build SOURCES -o {d}"
            )
        raise StoreError(
            f"{d} is not a newsdesk corpus (no {MANIFEST}); build one with: "
            f"newsdesk build SOURCES -o {d}"
        )
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"cannot read {path}: {exc}; rebuild the corpus") from exc
    if manifest.get("format", 0) > FORMAT_VERSION:
        raise StoreError(
            f"{d} was written by a newer newsdesk (store format {manifest['format']}); "
            "upgrade newsdesk to read it"
        )
    return manifest


def read_frames(
    directory: str | os.PathLike, *, names: tuple[str, ...] = FRAMES, state: bool = False
) -> dict[str, pd.DataFrame]:
    """Read frames (and, with ``state=True``, the incremental bookkeeping) of a store."""
    d = Path(directory)
    manifest = read_manifest(d)
    out: dict[str, pd.DataFrame] = {}
    for name in names:
        path = d / f"{name}.parquet"
        if not path.is_file():
            log.warning("%s has no %s frame; using an empty one", d, name)
            out[name] = schema.empty(name)
            continue
        try:
            out[name] = _read_parquet(path, name)
        except Exception as exc:  # pyarrow raises many types for damaged files
            raise StoreError(f"cannot read {path}: {exc}; rebuild the corpus") from exc
    if state:
        for name in manifest.get("state", []):
            path = d / STATE_DIR / f"{name}.parquet"
            if path.is_file():
                out[f"_{name}"] = _read_parquet(path)
    return out


def commit(
    directory: str | os.PathLike,
    frames: Mapping[str, pd.DataFrame],
    manifest: dict,
    *,
    state: Mapping[str, pd.DataFrame] | None = None,
) -> None:
    """Write ``frames``, ``state`` and ``manifest`` as one atomic commit.

    The caller should hold the store's :class:`StoreLock`.
    """
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    (d / STATE_DIR).mkdir(exist_ok=True)
    recover(d)
    gen = uuid.uuid4().hex[:12]
    pairs: list[tuple[str, str]] = []
    try:
        for name, df in frames.items():
            final = f"{name}.parquet"
            tmp = f".{name}.parquet.{gen}.tmp"
            _write_parquet(df, d / tmp)
            pairs.append((tmp, final))
        for name, df in (state or {}).items():
            final = f"{STATE_DIR}/{name}.parquet"
            tmp = f"{STATE_DIR}/.{name}.parquet.{gen}.tmp"
            _write_parquet(df, d / tmp)
            pairs.append((tmp, final))
        manifest = {
            **manifest,
            "format": FORMAT_VERSION,
            "generation": gen,
            "state": sorted(state or {}),
        }
        tmp = f".{MANIFEST}.{gen}.tmp"
        _write_json(d / tmp, manifest)
        pairs.append((tmp, MANIFEST))  # manifest last: it names the generation
        for tmp, _ in pairs:
            _fsync(d / tmp)
        _write_json(d / f"{JOURNAL}.{gen}.tmp", {"generation": gen, "files": pairs})
        os.replace(d / f"{JOURNAL}.{gen}.tmp", d / JOURNAL)
    except BaseException:
        for tmp, _ in pairs:
            with contextlib.suppress(OSError):
                (d / tmp).unlink()
        raise
    _roll_forward(d)


def _write_json(path: Path, data: dict) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, sort_keys=True, default=str)
        fh.flush()
        os.fsync(fh.fileno())


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def recover(directory: str | os.PathLike) -> bool:
    """Finish an interrupted commit (roll forward) and remove stray temporary files.

    Returns True when an interrupted commit was completed.  The caller should hold
    the lock; :func:`read_manifest` calls it only when it can take the lock.
    """
    d = Path(directory)
    done = _roll_forward(d)
    if done:
        log.warning("%s: completed a commit that was interrupted", d)
    for folder in (d, d / STATE_DIR):
        if folder.is_dir():
            for p in folder.glob(".*.tmp"):
                with contextlib.suppress(OSError):
                    p.unlink()
    return done


def _roll_forward(d: Path) -> bool:
    journal = d / JOURNAL
    done = False
    if journal.is_file():
        try:
            pairs = json.loads(journal.read_text(encoding="utf-8"))["files"]
        except (OSError, ValueError, KeyError):
            pairs = []
        for tmp, final in pairs:
            if (d / tmp).exists():
                os.replace(d / tmp, d / final)
        journal.unlink()
        done = True
    return done


def _settle(d: Path) -> None:
    """Before reading: roll an interrupted commit forward if nobody is writing."""
    if not (d / JOURNAL).is_file():
        return
    lock = StoreLock(d, timeout=0)
    try:
        lock.acquire()
    except StoreLocked:
        # a writer is committing right now: the renames take milliseconds
        for _ in range(100):
            if not (d / JOURNAL).is_file():
                return
            time.sleep(0.05)
        raise StoreError(f"{d} is being committed by another process; try again") from None
    try:
        recover(d)
    finally:
        lock.release()


# ------------------------------------------------------------------------- parts


def write_part(directory: str | os.PathLike, frames: Mapping[str, pd.DataFrame], meta: dict) -> str:
    """Atomically write one batch result into ``_parts/`` and return its id."""
    parts = Path(directory) / PARTS_DIR
    parts.mkdir(parents=True, exist_ok=True)
    pid = f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"
    tmp = parts / f".tmp-{pid}"
    tmp.mkdir()
    for name, df in frames.items():
        _write_parquet(df, tmp / f"{name}.parquet")
    _write_json(tmp / "meta.json", meta)
    os.replace(tmp, parts / pid)
    return pid


def read_parts(directory: str | os.PathLike) -> Iterator[tuple[str, dict[str, pd.DataFrame], dict]]:
    """Yield ``(part_id, frames, meta)`` for every complete part, oldest first."""
    parts = Path(directory) / PARTS_DIR
    if not parts.is_dir():
        return
    for p in sorted(parts.iterdir()):
        if p.name.startswith(".") or not (p / "meta.json").is_file():
            continue
        frames = {}
        for f in sorted(p.glob("*.parquet")):
            name = f.name[: -len(".parquet")]
            frames[name] = _read_parquet(f, name)
        yield p.name, frames, json.loads((p / "meta.json").read_text(encoding="utf-8"))


def clear_parts(directory: str | os.PathLike, ids: list[str] | None = None) -> None:
    """Remove the given parts (all of them, and unfinished ones, when ``ids`` is None)."""
    parts = Path(directory) / PARTS_DIR
    if not parts.is_dir():
        return
    for p in list(parts.iterdir()):
        if ids is None or p.name in ids or p.name.startswith(".tmp-"):
            shutil.rmtree(p, ignore_errors=True)
    with contextlib.suppress(OSError):
        parts.rmdir()

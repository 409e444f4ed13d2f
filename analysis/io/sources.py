"""Sources to entries: files, folders, glob patterns and zip archives.

:func:`collect_targets` turns what the caller passed into a list of files (folders
scanned, patterns expanded, unsafe symlinks refused); :func:`file_entry` and
:func:`iter_zip` turn a file or an archive into :class:`Entry` objects whose bytes
are read on demand, with the size limits of the :class:`LoadContext` enforced.
Archive members are read in memory, never extracted to disk.
"""

from __future__ import annotations

import glob
import os
import posixpath
import re
import stat
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .context import LoadContext
from .errors import Skip

__all__ = [
    "Entry",
    "Target",
    "collect_targets",
    "file_entry",
    "iter_zip",
    "is_sidecar",
    "SIDECAR_SUFFIXES",
    "TEXT_EXTENSIONS",
    "PLAIN_SIDECAR_EXTENSIONS",
    "human_size",
]

#: Suffixes of metadata sidecars: ``NAME.meta.json`` describes ``NAME.txt``.
SIDECAR_SUFFIXES = (".meta.json", ".meta.yaml", ".meta.yml")

#: Archive members whose compressed size is this many times smaller than their
#: declared size (and larger than :data:`_RATIO_MIN_BYTES`) are refused as zip bombs.
MAX_COMPRESSION_RATIO = 250
_RATIO_MIN_BYTES = 1024 * 1024

_GLOB_CHARS = re.compile(r"[*?\[]")


#: Extensions of article files that can have a plain ``NAME.json``/``NAME.yaml`` sidecar.
TEXT_EXTENSIONS = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml")
#: Extensions of a plain sidecar (``NAME.json`` beside ``NAME.txt``).
PLAIN_SIDECAR_EXTENSIONS = (".json", ".yaml", ".yml")


def is_sidecar(name: str, exists: Callable[[str], bool] | None = None) -> bool:
    """True when ``name`` is a metadata sidecar (never loaded as an article).

    ``NAME.meta.json``/``NAME.meta.yaml`` always are.  ``NAME.json``/``NAME.yaml``
    is one when an article ``NAME.txt``/``.md``/``.html`` lies beside it:
    ``exists(other_name)`` tells whether a file of that name is in the same folder.
    """
    lower = name.lower()
    if lower.endswith(SIDECAR_SUFFIXES):
        return True
    if exists is None:
        return False
    stem, ext = posixpath.splitext(name)
    if ext.lower() not in PLAIN_SIDECAR_EXTENSIONS:
        return False
    return any(exists(stem + t) or exists(stem + t.upper()) for t in TEXT_EXTENSIONS)


def _hidden(name: str) -> bool:
    return name.startswith(".") or name == "__MACOSX"


def human_size(n: int) -> str:
    """``1536`` -> ``'1.5 KB'``."""
    size = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{int(size)} bytes" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"  # pragma: no cover


@dataclass(frozen=True)
class Target:
    """A file to read: its path on disk and how it is shown in the frame and report."""

    path: Path
    display: str
    explicit: bool = False


@dataclass
class Entry:
    """One input file (on disk or inside an archive) handed to a loader.

    Attributes
    ----------
    path : str
        How the entry is shown in the ``path`` column and the load report
        (``folder/a.txt``; ``archive.zip!inner/a.txt`` for archive members).
    name : str
        The file name, without folders.
    size : int or None
        Size in bytes when known before reading.
    """

    path: str
    name: str
    size: int | None
    _read: Callable[[], bytes] = field(repr=False)
    _sibling: Callable[[str], tuple[str, bytes] | None] = field(repr=False)

    @property
    def ext(self) -> str:
        """Lower-case extension without the dot (``"txt"``), ``""`` when none."""
        suffix = posixpath.splitext(self.name)[1]
        return suffix[1:].lower()

    @property
    def stem(self) -> str:
        """The file name without its extension."""
        return posixpath.splitext(self.name)[0]

    def read(self) -> bytes:
        """The entry's bytes; raises :class:`Skip` when they cannot be read."""
        return self._read()

    def sibling(self, name: str) -> tuple[str, bytes] | None:
        """``(path, bytes)`` of the file ``name`` in the same folder, or ``None``."""
        return self._sibling(name)


# ---------------------------------------------------------------- collecting targets


def _flatten(sources: Iterable[object]) -> Iterator[object]:
    for src in sources:
        if isinstance(src, (str, os.PathLike)):
            yield src
        elif isinstance(src, Iterable) and not isinstance(src, (bytes, bytearray)):
            yield from _flatten(src)
        else:
            raise TypeError(
                f"a source must be a path, a glob pattern or a list of them, not {type(src).__name__}"
            )


def collect_targets(sources: Iterable[object], ctx: LoadContext) -> list[Target]:
    """Expand ``sources`` (paths, folders, glob patterns, nested lists) into files.

    Nonexistent paths, patterns that match nothing, broken symlinks and symlinks
    leading out of a scanned folder are reported through ``ctx``.
    """
    out: list[Target] = []
    seen: set[str] = set()

    def add(target: Target) -> None:
        key = os.path.normpath(target.display)
        if key not in seen:
            seen.add(key)
            out.append(target)

    for src in _flatten(sources):
        text = os.fspath(src)
        if isinstance(text, bytes):  # pragma: no cover - bytes paths
            text = os.fsdecode(text)
        path = Path(text).expanduser()
        if os.path.lexists(path):
            _add_path(path, str(path), ctx, add)
        elif _GLOB_CHARS.search(text):
            matches = sorted(glob.glob(os.path.expanduser(text), recursive=True))
            if not matches:
                ctx.problem(text, "no file matches this pattern")
            for m in matches:
                mp = Path(m)
                if mp.is_dir():
                    _scan_dir(mp, ctx, add)
                elif (
                    mp.is_file()
                    and not is_sidecar(mp.name, lambda n, d=mp.parent: (d / n).is_file())
                    and not _hidden(mp.name)
                ):
                    add(Target(mp, m))
        else:
            ctx.problem(text, "no such file or folder")
    return out


def _add_path(path: Path, display: str, ctx: LoadContext, add) -> None:
    if path.is_symlink() and not path.exists():
        ctx.problem(display, f"broken symlink (-> {os.readlink(path)})")
    elif path.is_dir():
        _scan_dir(path, ctx, add)
    elif is_sidecar(path.name, lambda n: (path.parent / n).is_file()):
        ctx.problem(display, "a metadata sidecar, not an article (it is read with its article)")
    else:
        add(Target(path, display, explicit=True))


def _within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _scan_dir(root: Path, ctx: LoadContext, add) -> None:
    try:
        root_real = os.path.realpath(root)
    except OSError as exc:  # pragma: no cover - realpath rarely fails
        ctx.problem(str(root), f"cannot read folder: {exc}")
        return
    visited: set[str] = {root_real}

    def walk(folder: Path, display: str) -> None:
        try:
            with os.scandir(folder) as it:
                children = sorted(it, key=lambda d: d.name)
        except OSError as exc:
            ctx.problem(display, f"cannot read folder: {exc.strerror or exc}")
            return
        names = {c.name for c in children}
        for child in children:
            if _hidden(child.name):
                continue
            child_display = os.path.join(display, child.name)
            child_path = folder / child.name
            try:
                if child.is_symlink():
                    real = os.path.realpath(child_path)
                    if not os.path.exists(real):
                        ctx.problem(child_display, f"broken symlink (-> {os.readlink(child_path)})")
                        continue
                    if not _within(real, root_real):
                        ctx.problem(
                            child_display,
                            f"symlink points outside the folder being scanned (-> {real})",
                        )
                        continue
                    if os.path.isdir(real):
                        if ctx.recursive and real not in visited:
                            visited.add(real)
                            walk(child_path, child_display)
                        continue
                if child.is_dir(follow_symlinks=False):
                    if ctx.recursive:
                        real = os.path.realpath(child_path)
                        if real not in visited:
                            visited.add(real)
                            walk(child_path, child_display)
                    continue
            except OSError as exc:
                ctx.problem(child_display, f"cannot read: {exc.strerror or exc}")
                continue
            if is_sidecar(child.name, names.__contains__):
                continue
            add(Target(child_path, child_display))

    walk(root, str(root))


# ---------------------------------------------------------------- reading files


def file_entry(target: Target, ctx: LoadContext) -> Entry | None:
    """An :class:`Entry` for a file on disk, or ``None`` (reported) when it cannot be read."""
    path, display = target.path, target.display
    try:
        st = path.stat()
    except OSError as exc:
        ctx.problem(display, f"cannot read: {exc.strerror or exc}")
        return None
    if not stat.S_ISREG(st.st_mode):
        ctx.problem(display, "not a regular file (device, pipe or socket)")
        return None
    if st.st_size > ctx.max_bytes:
        ctx.problem(
            display,
            f"file is {human_size(st.st_size)}, over the size limit of "
            f"{human_size(ctx.max_bytes)} (max_bytes)",
        )
        return None

    def read() -> bytes:
        try:
            with open(path, "rb") as fh:
                data = fh.read(ctx.max_bytes + 1)
        except OSError as exc:
            raise Skip(f"cannot read: {exc.strerror or exc}") from None
        if len(data) > ctx.max_bytes:
            raise Skip(f"file grew over the size limit of {human_size(ctx.max_bytes)}")
        return data

    def sibling(name: str) -> tuple[str, bytes] | None:
        other = path.parent / name
        shown = os.path.join(os.path.dirname(display), name)
        try:
            if not other.is_file():
                return None
            if other.is_symlink() and not _within(
                os.path.realpath(other), os.path.realpath(path.parent)
            ):
                # metadata must come from the article's own folder, like the article
                raise Skip(
                    f"symlink points outside the article's folder (-> {os.path.realpath(other)})"
                )
            if other.stat().st_size > ctx.max_bytes:
                raise Skip(f"over the size limit of {human_size(ctx.max_bytes)}")
            return shown, other.read_bytes()
        except OSError as exc:
            raise Skip(f"cannot read: {exc.strerror or exc}") from None

    return Entry(display, path.name, st.st_size, read, sibling)


# ---------------------------------------------------------------- zip archives


def _unsafe_member(name: str) -> bool:
    name = name.replace("\\", "/")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return True
    return ".." in name.split("/")


def iter_zip(target: Target, ctx: LoadContext) -> Iterator[Entry]:
    """Entries of a zip archive, read in memory with zip-bomb limits.

    A member whose path leaves the archive (absolute, drive letter or ``..``) is
    skipped and reported; so are members over ``ctx.max_bytes``, members with a
    zip-bomb compression ratio, encrypted members and nested archives.  An archive
    whose remaining members would expand beyond ``ctx.max_archive_bytes`` is refused
    whole, and reading stops at both limits even when the archive under-declares
    sizes.
    """
    display = target.display
    try:
        zf = zipfile.ZipFile(target.path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        ctx.problem(display, f"not a readable zip archive: {exc}")
        return
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        members = {i.filename.replace("\\", "/"): i for i in infos}
        budget = [ctx.max_archive_bytes]

        def read_member(info: zipfile.ZipInfo) -> bytes:
            limit = min(ctx.max_bytes, budget[0])
            try:
                with zf.open(info) as fh:
                    data = fh.read(limit + 1)
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError) as exc:
                raise Skip(f"cannot read zip entry: {exc}") from None
            budget[0] -= len(data)
            if len(data) > limit:
                which = "max_bytes" if limit == ctx.max_bytes else "archive total"
                raise Skip(
                    f"zip entry expands beyond the {which} limit of {human_size(limit)} (zip bomb?)"
                )
            return data

        wanted: list[zipfile.ZipInfo] = []
        for info in infos:
            name = info.filename.replace("\\", "/")
            shown = f"{display}!{name}"
            if _unsafe_member(name):
                ctx.problem(shown, "zip entry path leaves the archive (absolute or '..')")
                continue
            base = posixpath.basename(name)
            folder = posixpath.dirname(name)
            if any(_hidden(part) for part in name.split("/")) or is_sidecar(
                base, lambda n, f=folder: posixpath.join(f, n) in members
            ):
                continue
            if info.flag_bits & 0x1:
                ctx.problem(shown, "encrypted zip entry")
                continue
            if info.file_size > ctx.max_bytes:
                ctx.problem(
                    shown,
                    f"zip entry is {human_size(info.file_size)}, over the size limit of "
                    f"{human_size(ctx.max_bytes)} (max_bytes)",
                )
                continue
            if info.file_size > _RATIO_MIN_BYTES and info.file_size > MAX_COMPRESSION_RATIO * max(
                info.compress_size, 1
            ):
                ratio = info.file_size // max(info.compress_size, 1)
                ctx.problem(shown, f"compression ratio {ratio}:1 is typical of a zip bomb")
                continue
            if base.lower().endswith(".zip"):
                ctx.problem(shown, "nested archives are not read")
                continue
            wanted.append(info)

        declared = sum(i.file_size for i in wanted)
        if declared > ctx.max_archive_bytes:
            ctx.problem(
                display,
                f"archive would expand to {human_size(declared)}, over the limit of "
                f"{human_size(ctx.max_archive_bytes)} for one archive (max_archive_bytes)",
            )
            return
        for info in wanted:
            name = info.filename.replace("\\", "/")
            shown = f"{display}!{name}"

            def sibling(
                other: str, _dir: str = posixpath.dirname(name)
            ) -> tuple[str, bytes] | None:
                key = posixpath.join(_dir, other) if _dir else other
                info2 = members.get(key)
                if info2 is None:
                    return None
                return f"{display}!{key}", read_member(info2)

            yield Entry(
                shown,
                posixpath.basename(name),
                info.file_size,
                (lambda i=info: read_member(i)),
                sibling,
            )

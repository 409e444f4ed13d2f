"""``load_articles``: every source, every format, into one articles frame."""

from __future__ import annotations

import logging
import os
import re
import unicodedata
from collections.abc import Mapping

import pandas as pd

from .. import schema
from .boilerplate import strip_boilerplate
from .context import LoadContext
from .dates import PRECISIONS, parse_published
from .decode import normalize_text, scrub_surrogates
from .duplicates import flag_duplicates
from .errors import LoadError, Skip
from .fields import FieldMapping
from .language import UNDETERMINED, guess_language
from .loaders import LOADERS
from .sources import Entry, collect_targets, file_entry, iter_zip
from .text import article_id, count_words, derive_title

__all__ = ["load_articles"]

logger = logging.getLogger("analysis.io")

_META_FIELDS = ("title", "source", "url", "author", "language")
_LANG = re.compile(r"^([A-Za-z]{2,3})(?:[-_].*)?$")
_WS = re.compile(r"\s+")


def load_articles(
    *sources: str | os.PathLike | list,
    strict: bool = False,
    max_bytes: int = 50 * 1024 * 1024,
    field_map: Mapping[str, str | None] | None = None,
    recursive: bool = True,
    progress: bool = False,
    max_archive_bytes: int | None = None,
    boilerplate: bool = True,
    duplicates: bool = True,
) -> pd.DataFrame:
    """Load news articles from files, folders, glob patterns and zip archives.

    Parameters
    ----------
    *sources : str, path-like, or lists of them
        Files, folders (scanned recursively), glob patterns (``"news/**/*.json"``)
        and ``.zip`` archives (members read in memory), mixed freely.
    strict : bool
        Raise :class:`~analysis.io.LoadError` on the first bad input instead of
        skipping it.
    max_bytes : int
        Size limit of one file or archive member (default 50 MB).
    field_map : mapping, optional
        Input field name -> article field for JSON/CSV/Parquet inputs and metadata
        (``{"story": "text", "ts": "published"}``); wins over
        :data:`~analysis.io.DEFAULT_FIELD_MAP`.  Map a name to ``None`` to ignore it.
    recursive : bool
        Scan sub-folders of folder sources.
    progress : bool
        Show a progress bar (tqdm).
    max_archive_bytes : int, optional
        Limit of the total uncompressed size read from one archive
        (default ``10 * max_bytes``).
    boilerplate : bool
        Remove web furniture lines ("Advertisement", newsletter prompts, captions,
        copyright footers, ...) with :func:`analysis.io.boilerplate.strip_boilerplate`;
        ``raw_text`` keeps the text as loaded (where something was removed) and
        ``boilerplate_removed`` counts the removed lines.
    duplicates : bool
        Flag near-duplicates (syndicated copies, updated versions) among the loaded
        articles with :func:`analysis.io.duplicates.flag_duplicates` (columns
        ``story_id`` and ``duplicate_of``).

    Returns
    -------
    pandas.DataFrame
        The ``articles`` frame (see ``analysis.schema.describe("articles")``), one
        row per distinct text.  ``frame.attrs["load_report"]`` is a DataFrame
        (columns ``path``, ``reason``) of every skipped input.

    Raises
    ------
    LoadError
        With ``strict=True``, on the first input that cannot be loaded.
    ValueError
        When no source is given, or ``field_map`` names an unknown article field.

    Notes
    -----
    Formats are chosen by extension (``analysis.io.LOADERS``): ``.txt``/``.md``
    (YAML front matter, or sidecar ``NAME.meta.json``/``NAME.meta.yaml``),
    ``.json``/``.jsonl``, ``.csv``/``.tsv``, ``.parquet``, ``.html``/``.htm``,
    ``.rss``/``.atom`` and ``.xml`` feeds.  Bad inputs (empty, binary, truncated,
    without text, unreadable, missing, too large, unsafe archive members, symlinks
    out of a scanned folder) are skipped, logged as warnings and listed in the
    report.  A text file's metadata may also sit in ``NAME.json``/``NAME.yaml``
    beside it (then that file is not loaded as an article).  Text fields are
    matched by name (``body``, ``content``) or by the words of their name
    (``body-paragraphs``, ``articleBody``); lists of paragraphs (or of lists of
    sentences) are joined; a tokenised copy gives way to a field that reads as
    prose; ``text_field`` says which field was used.  ``article_id`` is the first
    16 hex digits of SHA-256 of the text as loaded, before boilerplate removal
    (NFC, whitespace collapsed), so identical texts collapse into one row whose
    ``paths`` lists every place they were found and better cleaning rules never
    change an id; for metadata the first non-missing value wins.
    ``published_source`` is "metadata" for a given date and "none" otherwise (the
    pipeline may later infer one: :func:`analysis.io.published.infer_published`).

    Examples
    --------
    >>> from analysis.io import load_articles
    >>> articles = load_articles("data/articles")                       # doctest: +SKIP
    >>> articles = load_articles("feeds/*.xml", "dump.zip", strict=True)  # doctest: +SKIP
    """
    if not sources:
        raise ValueError("load_articles() needs at least one source (a file, folder or pattern)")
    ctx = LoadContext(
        strict=strict,
        max_bytes=int(max_bytes),
        max_archive_bytes=int(
            max_archive_bytes if max_archive_bytes is not None else 10 * max_bytes
        ),
        fields=FieldMapping.build(field_map),
        recursive=recursive,
    )
    targets = collect_targets(sources, ctx)
    rows: list[dict] = []
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(total=len(targets), desc="loading articles", unit="file")
    try:
        for target in targets:
            if target.path.suffix.lower() == ".zip":
                # members are read while the archive is open: iterate lazily
                count = 0
                for entry in iter_zip(target, ctx):
                    count += 1
                    if bar is not None and count > 1:
                        bar.total += 1
                    rows.extend(_load_entry(entry, ctx))
                    if bar is not None:
                        bar.update()
                if bar is not None and count == 0:
                    bar.update()
                continue
            entry = file_entry(target, ctx)
            if entry is not None:
                rows.extend(_load_entry(entry, ctx))
            if bar is not None:
                bar.update()
    finally:
        if bar is not None:
            bar.close()
    frame = _frame(rows, boilerplate=boilerplate)
    if duplicates and len(frame):
        frame = flag_duplicates(frame)
    frame.attrs["load_report"] = ctx.report()
    shown = ", ".join(map(str, sources))
    if frame.empty:
        logger.warning(
            "no article could be loaded from %s (%d input(s) skipped; see frame.attrs['load_report'])",
            shown,
            len(ctx.problems),
        )
    else:
        logger.info(
            "loaded %d article(s) from %s; %d input(s) skipped",
            len(frame),
            shown,
            len(ctx.problems),
        )
        for name, n in frame["text_field"].dropna().value_counts().items():
            logger.info("text read from the field %r in %d article(s)", name, n)
        removed = frame["boilerplate_removed"].fillna(0)
        if removed.sum():
            logger.info(
                "%d boilerplate line(s) removed from %d article(s)",
                int(removed.sum()),
                int((removed > 0).sum()),
            )
    return frame


def _load_entry(entry: Entry, ctx: LoadContext) -> list[dict]:
    ext = entry.ext
    if ext not in LOADERS:
        ctx.problem(
            entry.path,
            f"unsupported file type {('.' + ext) if ext else '(no extension)'}; "
            f"supported: {', '.join('.' + n for n in LOADERS.names())}",
        )
        return []
    loader = LOADERS.get(ext)
    try:
        records = loader.read(entry, ctx)
    except LoadError:
        raise
    except Skip as skip:
        ctx.problem(entry.path, skip.reason)
        return []
    except Exception as exc:  # a third-party parser failing on odd input costs only this file
        logger.debug("loader %s failed on %s", loader.format, entry.path, exc_info=True)
        ctx.problem(
            entry.path, f"could not be read as {loader.format}: {type(exc).__name__}: {exc}"
        )
        return []
    out = []
    for rec in records:
        row = _row(rec, loader.format, ctx)
        if row is not None:
            out.append(row)
    return out


def _clean_str(value: object) -> str | None:
    if value is None:
        return None
    text = _WS.sub(" ", unicodedata.normalize("NFC", scrub_surrogates(str(value)))).strip()
    return text or None


def _language(value: object) -> str | None:
    text = _clean_str(value)
    if text is None:
        return None
    m = _LANG.match(text)
    return m.group(1).lower() if m else None


def _row(rec: dict, fmt: str, ctx: LoadContext) -> dict | None:
    path = scrub_surrogates(rec["path"])
    text = normalize_text(rec["text"] if isinstance(rec["text"], str) else str(rec["text"]))
    if not text:
        ctx.problem(path, "empty text")
        return None
    published, precision = parse_published(rec.get("published"))
    given = rec.get("published_precision")
    if published is not pd.NaT and isinstance(given, str) and given in PRECISIONS[:3]:
        precision = given
    row = {
        "article_id": article_id(text),
        "text": text,
        "text_field": _clean_str(rec.get("text_field")),
        "published": published,
        "published_precision": precision,
        "path": path,
        "format": fmt,
    }
    for name in ("title", "source", "url", "author"):
        row[name] = _clean_str(rec.get(name))
    row["language"] = _language(rec.get("language"))
    return row


def _frame(rows: list[dict], *, boilerplate: bool = True) -> pd.DataFrame:
    merged: dict[str, dict] = {}
    for row in rows:
        first = merged.get(row["article_id"])
        if first is None:
            merged[row["article_id"]] = {**row, "paths": [row["path"]]}
            continue
        if row["path"] not in first["paths"]:
            first["paths"].append(row["path"])
        for name in _META_FIELDS:
            if first[name] is None and row[name] is not None:
                first[name] = row[name]
        if first["published"] is pd.NaT and row["published"] is not pd.NaT:
            first["published"] = row["published"]
            first["published_precision"] = row["published_precision"]
    if not merged:
        return schema.empty("articles")
    out = []
    for row in merged.values():
        row["raw_text"] = None  # only kept when it differs from the cleaned text
        row["boilerplate_removed"] = 0
        if boilerplate:
            cleaned = strip_boilerplate(row["text"])
            if cleaned.removed and cleaned.text.strip():  # never empty an article
                row["raw_text"] = row["text"]
                row["text"] = cleaned.text
                row["boilerplate_removed"] = len(cleaned.removed)
        row["published_source"] = "none" if row["published"] is pd.NaT else "metadata"
        derived = row["title"] is None
        if derived:
            row["title"] = derive_title(row["text"])
        row["title_derived"] = derived
        if row["language"] is None:
            row["language"] = guess_language(row["text"]) or UNDETERMINED
        row["published_inferred"] = False
        row["n_words"] = count_words(row["text"])
        out.append(row)
    frame = pd.DataFrame(out)
    frame["published"] = pd.to_datetime(frame["published"], utc=True)
    return schema.conform(frame, "articles")

"""Structured inputs: JSON, JSON Lines, CSV/TSV and Parquet (many articles per file).

Field names are mapped with :mod:`analysis.io.fields`.  Articles from a file holding
several records get a ``path`` of ``FILE#N``: N is the 1-based record number (the
line number for JSON Lines, the data row for CSV/TSV/Parquet, the list position
for JSON).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping

from .context import LoadContext
from .decode import decode_bytes
from .errors import Skip
from .fields import DEFAULT_FIELD_MAP
from .loaders import LOADERS, Loader, records_to_articles
from .sources import Entry

__all__ = ["read_json", "read_jsonl", "read_table", "read_parquet", "CONTAINER_KEYS"]

#: Keys of a JSON object that hold the list of articles (``{"articles": [...]}``).
CONTAINER_KEYS = ("articles", "items", "entries", "records", "data", "results", "docs", "documents")


def _no_text_reason(columns: list[str], what: str) -> str:
    shown = ", ".join(map(str, columns[:20])) + (" ..." if len(columns) > 20 else "")
    return (
        f"no text {what} (looked for: {', '.join(DEFAULT_FIELD_MAP['text'])}; "
        f"found: {shown or 'none'}); pass field_map={{'<name>': 'text'}} to name it"
    )


def _check_text_field(records: list, ctx: LoadContext, what: str) -> None:
    """Skip the whole file when no record has any field that maps to ``text``."""
    keys: set = set()
    for rec in records:
        if isinstance(rec, Mapping):
            keys.update(rec.keys())
    if not ctx.fields.resolve(keys)["text"]:
        raise Skip(_no_text_reason(sorted(map(str, keys)), what))


def read_json(entry: Entry, ctx: LoadContext) -> list[dict]:
    """A JSON file: one article object, a list of them, or ``{"articles": [...]}``."""
    text, _ = decode_bytes(entry.read())
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Skip(
            f"invalid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); truncated file?"
        ) from None
    numbered = True
    if isinstance(obj, Mapping):
        container = next(
            (k for k in obj if str(k).lower() in CONTAINER_KEYS and isinstance(obj[k], list)),
            None,
        )
        if container is not None and not ctx.fields.resolve(obj.keys())["text"]:
            records = obj[container]
        else:
            records, numbered = [obj], False
    elif isinstance(obj, list):
        records = obj
    else:
        raise Skip(f"JSON holds a {type(obj).__name__}, not an article object or a list of them")
    if not records:
        raise Skip("JSON holds no records")
    _check_text_field(records, ctx, "field in any record")
    return records_to_articles(enumerate(records, 1), entry, ctx, numbered=numbered)


def read_jsonl(entry: Entry, ctx: LoadContext) -> list[dict]:
    """A JSON Lines file: one article object per line; a bad line is reported alone."""
    text, _ = decode_bytes(entry.read())
    records: list[tuple[int, object]] = []  # Skip for a bad line
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append((lineno, json.loads(line)))
        except json.JSONDecodeError as exc:
            records.append((lineno, Skip(f"invalid JSON line ({exc.msg}); truncated?")))
    parsed = [r for _, r in records if not isinstance(r, Skip)]
    if not parsed:
        raise Skip("no valid JSON line")
    _check_text_field(parsed, ctx, "field in any record")
    return records_to_articles(records, entry, ctx)


def _sniff_delimiter(text: str, default: str) -> str:
    head = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(head, delimiters=",;\t|").delimiter
    except csv.Error:
        return default


def read_table(entry: Entry, ctx: LoadContext) -> list[dict]:
    """A CSV or TSV file with a header row (delimiter sniffed for ``.csv``)."""
    text, _ = decode_bytes(entry.read())
    delimiter = "\t" if entry.ext == "tsv" else _sniff_delimiter(text, ",")
    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, ctx.max_bytes))
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            header = next(reader)
        except StopIteration:
            raise Skip("empty file") from None
        header = [h.strip() for h in header]
        if not ctx.fields.resolve(header)["text"]:
            raise Skip(_no_text_reason(header, "column"))
        rows: list[tuple[int, object]] = []
        try:
            for number, row in enumerate(reader, 1):
                if not any(cell.strip() for cell in row):
                    continue
                extra = [c for c in row[len(header) :] if c.strip()]
                if extra:
                    rows.append(
                        (number, Skip(f"row has {len(row)} fields, the header has {len(header)}"))
                    )
                    continue
                rows.append((number, dict(zip(header, row, strict=False))))
        except csv.Error as exc:
            rows.append(
                (len(rows) + 1, Skip(f"CSV reading stopped at line {reader.line_num}: {exc}"))
            )
    finally:
        csv.field_size_limit(old_limit)
    if not rows:
        raise Skip("no data rows")
    return records_to_articles(rows, entry, ctx)


def read_parquet(entry: Entry, ctx: LoadContext) -> list[dict]:
    """A Parquet file, one article per row (for instance a saved articles frame)."""
    import pandas as pd

    data = entry.read()
    if not data:
        raise Skip("empty file")
    try:
        frame = pd.read_parquet(io.BytesIO(data))
    except Exception as exc:  # pyarrow raises several kinds on a damaged file
        raise Skip(f"not a readable Parquet file: {exc}") from None
    columns = [str(c) for c in frame.columns]
    if not ctx.fields.resolve(columns)["text"]:
        raise Skip(_no_text_reason(columns, "column"))
    if frame.empty:
        raise Skip("no data rows")
    return records_to_articles(enumerate(frame.to_dict("records"), 1), entry, ctx)


LOADERS.register(
    "json", Loader("json", read_json, "JSON: one object, a list, or {'articles': [...]}")
)
LOADERS.register("jsonl", Loader("jsonl", read_jsonl, "JSON Lines: one object per line"))
LOADERS.register("ndjson", Loader("jsonl", read_jsonl, "JSON Lines (alias of .jsonl)"))
LOADERS.register("csv", Loader("csv", read_table, "CSV with a header row"))
LOADERS.register("tsv", Loader("tsv", read_table, "tab-separated values with a header row"))
LOADERS.register("parquet", Loader("parquet", read_parquet, "Apache Parquet, one row per article"))

"""The loader registry (keyed by file extension) and helpers shared by the loaders.

A loader is a :class:`Loader`: a format name (the ``format`` column) and a function
``read(entry, ctx) -> list[dict]`` returning raw article records.  A record holds
``text`` and ``path`` and any of ``title``, ``source``, ``url``, ``author``,
``published``, ``published_precision``, ``language``.  A loader raises
:class:`~analysis.io.errors.Skip` to skip its whole input, and reports a bad record
inside a good file with ``ctx.problem(...)``.

Register a new format with ``LOADERS.register("ext", Loader("name", read))``.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import yaml

from ..registry import Registry
from .context import LoadContext
from .decode import decode_bytes, html_to_text, looks_like_html
from .errors import Skip
from .fields import DEFAULT_FIELD_MAP
from .sources import Entry

__all__ = [
    "Loader",
    "LOADERS",
    "SIDECARS",
    "read_sidecar",
    "records_to_articles",
    "parse_mapping",
]


@dataclass(frozen=True)
class Loader:
    """A registered input format.

    Attributes
    ----------
    format : str
        Value of the ``format`` column for articles it reads ("txt", "json", "feed", ...).
    read : callable
        ``read(entry, ctx) -> list[dict]``: the raw records of one input file.
    description : str
        One line for the documentation.
    """

    format: str
    read: Callable[[Entry, LoadContext], list[dict]]
    description: str = ""


#: Loaders by lower-case file extension (without the dot).
LOADERS: Registry[Loader] = Registry("loader")


def parse_mapping(data: bytes, kind: str) -> object:
    """Parse JSON or YAML bytes (YAML only through ``yaml.safe_load``)."""
    text, _ = decode_bytes(data)
    if kind == "json":
        return json.loads(text)
    return yaml.safe_load(text)


#: Sidecar names tried for ``NAME.txt``, first found wins: ``NAME`` + each suffix.
SIDECARS = (
    (".meta.json", "json"),
    (".meta.yaml", "yaml"),
    (".meta.yml", "yaml"),
    (".json", "json"),
    (".yaml", "yaml"),
    (".yml", "yaml"),
)


def read_sidecar(entry: Entry, ctx: LoadContext) -> dict:
    """Metadata of ``entry`` from its sidecar (``NAME.meta.json``, ``NAME.json``, ...).

    ``NAME`` is the file name without its extension (``a.txt`` -> ``a.meta.json``,
    ``a.meta.yaml``, ``a.json``, ``a.yaml``, in that order; see :data:`SIDECARS`);
    ``a.txt.meta.json`` is accepted too.  Field names follow the same mapping as
    structured inputs; a text field in the sidecar is ignored (the article file
    holds the text).  A broken sidecar is reported and ignored (the article still
    loads, without that metadata).
    """
    for base in (entry.stem, entry.name):
        for suffix, kind in SIDECARS:
            if base == entry.name and not suffix.startswith(".meta"):
                continue
            name = base + suffix
            try:
                found = entry.sibling(name)
            except Skip as skip:
                shown = posixpath.join(posixpath.dirname(entry.path), name)
                ctx.problem(shown, f"metadata sidecar ignored: {skip.reason}")
                continue
            if found is None:
                continue
            shown, data = found
            try:
                meta = parse_mapping(data, kind)
            except Skip as skip:
                ctx.problem(shown, f"metadata sidecar ignored: {skip.reason}")
                return {}
            except (ValueError, yaml.YAMLError) as exc:
                ctx.problem(shown, f"metadata sidecar ignored: invalid {kind.upper()}: {exc}")
                return {}
            if not isinstance(meta, Mapping):
                ctx.problem(shown, "metadata sidecar ignored: it is not a mapping of fields")
                return {}
            out = ctx.fields.apply(meta)
            out.pop("text", None)
            out.pop("text_field", None)
            return out
    return {}


def _text_names() -> str:
    return ", ".join(DEFAULT_FIELD_MAP["text"])


def records_to_articles(
    records: Iterable[tuple[int, object]],
    entry: Entry,
    ctx: LoadContext,
    *,
    numbered: bool = True,
) -> list[dict]:
    """Map numbered input records (JSON objects, table rows) to article records.

    A record that is not a mapping or has no text is reported as ``path#N``, and so
    is a :class:`Skip` instance given in place of a record (a line or row that
    could not be parsed).  HTML in a text field is stripped to plain text.
    """
    out: list[dict] = []
    for number, rec in records:
        where = f"{entry.path}#{number}" if numbered else entry.path
        if isinstance(rec, Skip):  # a problem found while reading, reported in order
            ctx.problem(where, rec.reason)
            continue
        if not isinstance(rec, Mapping):
            ctx.problem(where, f"record is a {type(rec).__name__}, not an object with fields")
            continue
        art = ctx.fields.apply(rec)
        text = art.get("text")
        if text is None:
            if ctx.fields.resolve(rec.keys())["text"]:
                ctx.problem(where, "empty text")
            else:
                ctx.problem(where, f"record has no text (looked for: {_text_names()})")
            continue
        text = text if isinstance(text, str) else str(text)
        if looks_like_html(text):
            text = html_to_text(text)
        art["text"] = text
        art["path"] = where
        out.append(art)
    return out

"""Plain text and Markdown articles, with YAML front matter or a metadata sidecar."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping

import yaml

from .context import LoadContext
from .decode import decode_bytes, normalize_text
from .errors import Skip
from .loaders import LOADERS, Loader, read_sidecar
from .sources import Entry

__all__ = ["read_text", "split_front_matter"]

logger = logging.getLogger("analysis.io")

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MD_HEADING = re.compile(r"\A#[ \t]+(.+?)[ \t#]*(?:\n|\Z)")


def split_front_matter(text: str, *, where: str = "") -> tuple[dict, str]:
    """Split a YAML front matter block (between ``---`` lines) from the body.

    Returns ``({}, text)`` when there is no block, or when the block is not a YAML
    mapping (then the ``---`` lines are taken as part of the text, with a warning if
    the YAML was invalid).  YAML is read with ``yaml.safe_load`` only.
    """
    m = _FRONT.match(text)
    if not m:
        return {}, text
    try:
        meta = yaml.safe_load(m.group(1) or "")
    except yaml.YAMLError as exc:
        logger.warning("%s: front matter is not valid YAML, kept as text (%s)", where, exc)
        return {}, text
    if not isinstance(meta, Mapping):
        return {}, text
    return dict(meta), text[m.end() :]


def read_text(entry: Entry, ctx: LoadContext) -> list[dict]:
    """Read a ``.txt`` or ``.md`` article (see module docstring)."""
    text, _ = decode_bytes(entry.read())
    text = normalize_text(text)
    front, body = split_front_matter(text, where=entry.path)
    meta = ctx.fields.apply(front) if front else {}
    meta.pop("text", None)
    meta.pop("text_field", None)
    body = body.strip("\n")
    if entry.ext in ("md", "markdown") and "title" not in meta:
        m = _MD_HEADING.match(body)
        if m:
            meta["title"] = m.group(1).strip()
            body = body[m.end() :].strip("\n")
    meta.update(read_sidecar(entry, ctx))  # the sidecar wins over front matter
    if not body.strip():
        raise Skip("no text (empty after the front matter)" if front else "empty file")
    return [{**meta, "text": body, "path": entry.path}]


LOADERS.register("txt", Loader("txt", read_text, "plain text; YAML front matter or sidecar"))
LOADERS.register("text", Loader("txt", read_text, "plain text (alias of .txt)"))
LOADERS.register("md", Loader("md", read_text, "Markdown; front matter, sidecar, '# ' title"))
LOADERS.register("markdown", Loader("md", read_text, "Markdown (alias of .md)"))

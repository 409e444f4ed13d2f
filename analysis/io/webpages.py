"""Saved web pages: trafilatura for the main text, title, author and site; htmldate for the date."""

from __future__ import annotations

import codecs
import logging
import re

from .context import LoadContext
from .decode import decode_bytes, normalize_text
from .errors import Skip
from .loaders import LOADERS, Loader, read_sidecar
from .sources import Entry
from .text import count_words

__all__ = ["read_html", "MIN_BODY_WORDS"]

logger = logging.getLogger("analysis.io")

#: A page whose extracted main text has fewer words than this has no article body.
MIN_BODY_WORDS = 8

_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?\s*([A-Za-z0-9_\-:.]+)", re.I)
_HTML_LANG = re.compile(r"<html[^>]*\slang=[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?", re.I)


def _decode_html(data: bytes) -> str:
    """Decode with the page's declared charset when it fits, else detect it."""
    m = _META_CHARSET.search(data[:4096])
    if m and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            declared = codecs.lookup(m.group(1).decode("ascii")).name
            text = data.decode(declared)
        except (LookupError, UnicodeDecodeError, UnicodeError):
            pass
        else:
            decode_bytes(data[:65536])  # still refuse binary files with a stray <meta>
            return text
    return decode_bytes(data)[0]


def read_html(entry: Entry, ctx: LoadContext) -> list[dict]:
    """Read a saved ``.html``/``.htm`` article page.

    The main text (boilerplate removed), title, author, site name and canonical URL
    come from trafilatura; the publication date from htmldate (page metadata and
    markup only, no guessing from the text); the language from ``<html lang>``.
    A leading line equal to the title is dropped from the text.  A page with fewer
    than :data:`MIN_BODY_WORDS` words of main text is skipped.
    """
    import trafilatura
    from htmldate import find_date

    html = _decode_html(entry.read())
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
    )
    text = normalize_text(doc.text or "") if doc is not None else ""
    title = (getattr(doc, "title", None) or "").strip() or None if doc is not None else None
    if title and text:
        first, _, rest = text.partition("\n")
        if first.strip() == title:
            text = rest.strip()
    n = count_words(text)
    if n < MIN_BODY_WORDS:
        raise Skip(f"no article body found in the page ({n} words of main text)")
    record: dict = {"text": text, "path": entry.path, "title": title}
    if doc is not None:
        record["author"] = getattr(doc, "author", None)
        record["source"] = getattr(doc, "sitename", None)
        record["url"] = getattr(doc, "url", None)
    try:
        record["published"] = find_date(html, original_date=True, extensive_search=False)
    except Exception as exc:  # htmldate is defensive, but a page can still surprise it
        logger.debug("%s: htmldate failed: %s", entry.path, exc)
    m = _HTML_LANG.search(html[:4096])
    if m:
        record["language"] = m.group(1).lower()
    record = {k: v for k, v in record.items() if v is not None}
    meta = read_sidecar(entry, ctx)
    record.update(meta)
    return [record]


for _ext in ("html", "htm", "xhtml"):
    LOADERS.register(_ext, Loader("html", read_html, "web page: trafilatura main text, htmldate"))

"""RSS and Atom feeds (feedparser): one article per entry."""

from __future__ import annotations

import calendar
import codecs
import io
import logging
import re

import pandas as pd

from .context import LoadContext
from .decode import decode_bytes, html_to_text, looks_like_html
from .errors import Skip
from .loaders import LOADERS, Loader
from .sources import Entry

__all__ = ["read_feed", "looks_like_feed"]

logger = logging.getLogger("analysis.io")

_ROOT = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF)[\s>/]")
_PROLOG = re.compile(r"\A(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.S)


def looks_like_feed(data: bytes) -> bool:
    """True when the XML document's root element is ``rss``, ``feed`` or ``rdf:RDF``."""
    head = data[:4096]
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            text = head[len(bom) :].decode(enc, errors="ignore")
            break
    else:
        text = head.decode("utf-8", errors="ignore").lstrip("\ufeff")
    rest = text[_PROLOG.match(text).end() :]
    return bool(_ROOT.match(rest))


def _entry_text(e) -> str | None:
    candidates: list[tuple[str, str]] = []
    for c in e.get("content") or []:
        if c.get("value"):
            candidates.append((c["value"], c.get("type", "")))
    if not candidates:
        detail = e.get("summary_detail") or {}
        if e.get("summary"):
            candidates.append((e["summary"], detail.get("type", "text/html")))
    if not candidates:
        return None
    value, kind = max(candidates, key=lambda vc: len(vc[0]))
    if "html" in kind or looks_like_html(value) or "&" in value or "<" in value:
        value = html_to_text(value)
    return value.strip() or None


def _entry_date(e) -> object:
    for key in ("published", "updated", "created", "dc_date"):
        raw = e.get(key)
        if raw:
            parsed = e.get(f"{key}_parsed")
            if parsed is not None:
                # feedparser normalizes to UTC; keep the raw text when it is only a year/month
                if len(str(raw).strip()) <= 7:
                    return raw
                return pd.Timestamp(calendar.timegm(parsed), unit="s", tz="UTC")
            return raw
    return None


def read_feed(entry: Entry, ctx: LoadContext) -> list[dict]:
    """Read an RSS/Atom feed; ``.xml`` files are read only when their root is a feed.

    Each entry's content (or summary) is stripped of HTML; the entry's title, link,
    author and date fill the metadata and the feed's title is the ``source``.
    """
    import feedparser

    data = entry.read()
    decode_bytes(data)  # empty and binary files are refused with a clear reason
    if not looks_like_feed(data):
        if entry.ext == "xml":
            raise Skip("XML file is not an RSS or Atom feed")
        raise Skip("not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)")
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    if not parsed.entries:
        if parsed.get("bozo"):
            raise Skip(f"not a readable feed: {parsed.get('bozo_exception')}")
        raise Skip("feed has no entries")
    if parsed.get("bozo"):
        logger.info(
            "%s: feed is not well-formed (%s); read leniently", entry.path, parsed.bozo_exception
        )
    feed = parsed.get("feed", {})
    source = feed.get("title")
    language = feed.get("language")
    out: list[dict] = []
    for number, e in enumerate(parsed.entries, 1):
        where = f"{entry.path}#{number}"
        text = _entry_text(e)
        if not text:
            ctx.problem(where, "feed entry has no content or summary")
            continue
        title = e.get("title")
        if title and ("<" in title or "&" in title):
            title = html_to_text(title)
        record = {
            "text": text,
            "path": where,
            "title": title,
            "url": e.get("link"),
            "author": e.get("author"),
            "published": _entry_date(e),
            "source": (e.get("source") or {}).get("title") or source,
            "language": e.get("language") or language,
        }
        out.append({k: v for k, v in record.items() if v is not None})
    return out


for _ext in ("rss", "atom", "xml"):
    LOADERS.register(
        _ext, Loader("feed", read_feed, "RSS/Atom feed (feedparser), one article per entry")
    )

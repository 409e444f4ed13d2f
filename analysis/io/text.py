"""Article identity and simple text facts: id, derived title, word count."""

from __future__ import annotations

import hashlib
import re

from .decode import normalize_for_id

__all__ = ["article_id", "derive_title", "count_words", "TITLE_MAX_CHARS"]

#: Longest derived title, in characters (cut at a word boundary).
TITLE_MAX_CHARS = 100


def article_id(text: str) -> str:
    """Stable id of an article: the first 16 hex digits of SHA-256 of its normalized text.

    The text is normalized with :func:`~analysis.io.decode.normalize_for_id` (NFC,
    whitespace collapsed, stripped), so the same text read from another path, format
    or line-ending convention has the same id.
    """
    return hashlib.sha256(normalize_for_id(text).encode("utf-8")).hexdigest()[:16]


# A sentence ends at . ! ? (or … ) followed by space and an upper-case letter, digit or
# opening quote; a line break always ends one.
_SENT_END = re.compile(r"(?<=[.!?…])([\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-Z0-9À-ÖØ-Þ\u0400-\u042F])")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|St|Jr|Sr|No|vs|etc|Inc|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"|\b[A-Z]|\b(?:U\.S|U\.K|U\.N|E\.U))\.$"
)


def _first_sentence(text: str) -> str:
    line = next((ln.strip() for ln in text.split("\n") if ln.strip()), "")
    for m in _SENT_END.finditer(line):
        before = line[: m.end(1)]
        if _ABBREV.search(line[max(0, m.start() - 12) : m.start()]):
            continue  # "Mr. Putin", "U.S. officials": not the end of a sentence
        return before
    return line


def derive_title(text: str, *, max_chars: int = TITLE_MAX_CHARS) -> str:
    """A title for an article without one: its first sentence, trimmed.

    The first sentence of the first non-empty line is cut to at most ``max_chars``
    characters at a word boundary (an ellipsis marks the cut).
    """
    sent = _first_sentence(text).strip()
    if sent.endswith(".") and not sent.endswith(".."):
        sent = sent[:-1].rstrip()
    if len(sent) <= max_chars:
        return sent
    cut = sent[: max_chars - 1]
    space = cut.rfind(" ")
    if space > max_chars // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


def count_words(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(text.split())

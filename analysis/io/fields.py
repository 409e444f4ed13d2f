"""Field names of structured inputs (JSON, JSONL, CSV, TSV, Parquet) mapped to the frame.

:data:`DEFAULT_FIELD_MAP` lists, for each article field, the input names that fill it,
best first.  Names match case-insensitively and ignoring ``_``, ``-`` and spaces, so
``pubDate``, ``pub_date`` and ``PUB DATE`` are the same name.  A ``field_map`` passed
to :func:`analysis.io.load_articles` maps input names to article fields and wins over
the defaults (``{"story": "text", "ts": "published"}``); mapping a name to ``None``
ignores that input field.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = [
    "DEFAULT_FIELD_MAP",
    "TARGETS",
    "TEXT_TOKENS",
    "NOT_TEXT_TOKENS",
    "FieldMapping",
    "clean_value",
    "name_tokens",
    "text_value",
    "tokenised_ratio",
]

#: Article field -> input field names that fill it, in order of preference.
DEFAULT_FIELD_MAP: dict[str, tuple[str, ...]] = {
    "text": (
        "text", "body", "content", "article", "full_text", "article_text", "maintext",
        "story", "article_body", "body_text", "body_paragraphs", "paragraphs",
        "content_original", "summary", "description",
    ),
    "title": ("headline", "title"),
    "published": (
        "published", "date", "pubDate", "datetime", "published_at", "date_published",
        "publish_date", "date_publish", "pub_date", "publication_date",
    ),
    "source": (
        "source", "publisher", "outlet", "site", "site_name", "sitename", "source_name",
        "source_domain", "publication", "newspaper", "media",
    ),
    "url": ("url", "link", "href", "canonical_url", "permalink"),
    "author": ("author", "byline", "authors", "creator", "writer"),
    "language": ("language", "lang"),
    "published_precision": ("published_precision",),
}  # fmt: skip

#: The article fields an input field can be mapped to.
TARGETS = tuple(DEFAULT_FIELD_MAP)

#: A field whose name has one of these words (``body-paragraphs``, ``ArticleBody``,
#: ``content_original``) may hold the text, after the names of ``DEFAULT_FIELD_MAP``...
TEXT_TOKENS = frozenset(
    {"text", "body", "content", "article", "story", "paragraphs", "paragraph", "maintext",
     "fulltext", "bodytext"}
)  # fmt: skip
#: ... unless it also has one of these (``word-count``, ``article_url``, ``main-event``).
NOT_TEXT_TOKENS = frozenset(
    {"title", "headline", "id", "uuid", "url", "link", "count", "length", "len", "type",
     "date", "time", "lang", "language", "author", "source", "keywords", "keyword", "tags",
     "entities", "event", "events", "word", "words", "hash", "html", "image", "images",
     "summary", "lead", "category", "section", "format", "encoding", "meta", "label"}
)  # fmt: skip


def _norm(name: object) -> str:
    return re.sub(r"[^0-9a-z]", "", str(name).lower())


def name_tokens(name: object) -> list[str]:
    """Lower-case words of a field name: ``"body-paragraphs"`` -> ``["body", "paragraphs"]``.

    Words are split at ``_``, ``-``, spaces, dots and lower-to-upper case changes
    (``articleBody`` -> ``["article", "body"]``).
    """
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", str(name))
    return [t for t in re.split(r"[^0-9a-zA-Z]+", text.lower()) if t]


def _text_like(name: object) -> bool:
    tokens = set(name_tokens(name))
    return bool(tokens & TEXT_TOKENS) and not tokens & NOT_TEXT_TOKENS


_TOKENISED = re.compile(r"(?:(?<=\w) [,.;:!?%)](?= |$)|(?<= )\( |(?<=\w) n't\b|(?<=\w) 's\b)")


def tokenised_ratio(text: str) -> float:
    """Share of words followed by a detached punctuation token (``"word , word"``).

    Natural prose scores near 0; a tokenised copy of a text (as NLP datasets ship
    next to the original) scores several per cent.
    """
    words = max(1, len(text.split()))
    return len(_TOKENISED.findall(text)) / words


#: A candidate text with more detached punctuation than this reads as a tokenised copy.
TOKENISED_MAX = 0.02


@dataclass(frozen=True)
class FieldMapping:
    """Resolved mapping: for each article field, the normalized input names, best first."""

    order: dict[str, tuple[str, ...]]
    ignored: frozenset[str]

    @classmethod
    def build(cls, field_map: Mapping[str, str | None] | None = None) -> FieldMapping:
        """Combine the user's ``field_map`` with :data:`DEFAULT_FIELD_MAP`.

        Raises
        ------
        ValueError
            When ``field_map`` maps a name to something that is not an article field.
        """
        user: dict[str, list[str]] = {t: [] for t in TARGETS}
        ignored: set[str] = set()
        for name, target in (field_map or {}).items():
            if target is None:
                ignored.add(_norm(name))
                continue
            if target not in user:
                raise ValueError(
                    f"field_map: {name!r} -> {target!r} is not an article field; "
                    f"valid fields: {', '.join(TARGETS)}"
                )
            user[target].append(_norm(name))
        taken = {n for names in user.values() for n in names} | ignored
        order = {
            t: tuple(user[t])
            + tuple(_norm(n) for n in DEFAULT_FIELD_MAP[t] if _norm(n) not in taken)
            for t in TARGETS
        }
        return cls(order=order, ignored=frozenset(ignored))

    def resolve(self, columns: Iterable[object]) -> dict[str, list[object]]:
        """For each article field, the given ``columns`` that fill it, best first."""
        by_norm: dict[str, list[object]] = {}
        for col in columns:
            by_norm.setdefault(_norm(col), []).append(col)
        out = {t: [c for n in names for c in by_norm.get(n, [])] for t, names in self.order.items()}
        # text fields named by their words (body-paragraphs, ArticleBody, content_original)
        taken = {n for names in self.order.values() for n in names} | self.ignored
        out["text"] += [
            c for n, cols in by_norm.items() if n not in taken and _text_like(cols[0]) for c in cols
        ]
        return out

    def apply(self, record: Mapping[object, object]) -> dict[str, object]:
        """Map one input record to article fields (first non-empty candidate wins).

        For ``text``, a candidate that reads as a tokenised copy (see
        :func:`tokenised_ratio`) gives way to a later one that reads as prose; the
        name of the field used is returned as ``text_field``.
        """
        out: dict[str, object] = {}
        for target, cols in self.resolve(record.keys()).items():
            if target == "text":
                picked = _pick_text(record, cols)
                if picked is not None:
                    out["text_field"], out["text"] = picked
                continue
            for col in cols:
                value = clean_value(record[col], join=", ")
                if value is not None:
                    out[target] = value
                    break
        return out


def _pick_text(record: Mapping[object, object], cols: list[object]) -> tuple[str, object] | None:
    first: tuple[str, object] | None = None
    for col in cols:
        value = text_value(record[col])
        if value is None:
            continue
        if first is None:
            first = (str(col), value)
        if not isinstance(value, str) or tokenised_ratio(value) <= TOKENISED_MAX:
            return str(col), value
    return first


def text_value(value: object) -> object:
    """An input text value: lists of paragraphs (or of lists of sentences) joined.

    A list of strings is a list of paragraphs (joined with a blank line); a list of
    lists is a list of paragraphs made of sentences (joined with a space inside a
    paragraph).  Anything else is :func:`clean_value`.
    """
    if isinstance(value, (list, tuple)) or (
        hasattr(value, "tolist") and not hasattr(value, "year") and getattr(value, "ndim", 0) > 0
    ):
        items = value.tolist() if hasattr(value, "tolist") else value
        paras = []
        for item in items:
            if isinstance(item, (list, tuple)) or hasattr(item, "tolist"):
                inner = item.tolist() if hasattr(item, "tolist") else item
                parts = [clean_value(v, join=" ") for v in inner]
                para = " ".join(str(p) for p in parts if p is not None)
            else:
                para = clean_value(item, join=" ")
            if para is not None and str(para).strip():
                paras.append(str(para).strip())
        return "\n\n".join(paras) or None
    return clean_value(value, join="\n\n")


def clean_value(value: object, *, join: str = ", ") -> object:
    """Turn an input value into a metadata value, or ``None`` when it is empty.

    Strings are stripped; lists are joined with ``join``; a dict gives its
    ``name``/``title``/``value``/``href`` entry (as NewsAPI's ``source``); dates and
    numbers pass through for :func:`analysis.io.dates.parse_published`.
    """
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, Mapping):
        for key in ("name", "title", "value", "href", "url", "text"):
            if key in value:
                return clean_value(value[key], join=join)
        return None
    if isinstance(value, (list, tuple)) or (
        hasattr(value, "tolist") and not hasattr(value, "year") and getattr(value, "ndim", 0) > 0
    ):
        items = value.tolist() if hasattr(value, "tolist") else value
        parts = [clean_value(v, join=join) for v in items]
        parts = [str(p) for p in parts if p is not None]
        return join.join(parts) or None
    try:
        import pandas as pd

        if value is pd.NaT or (not isinstance(value, (list, dict)) and pd.isna(value)):
            return None
    except (TypeError, ValueError):
        pass
    return value

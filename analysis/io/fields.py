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

__all__ = ["DEFAULT_FIELD_MAP", "TARGETS", "FieldMapping", "clean_value"]

#: Article field -> input field names that fill it, in order of preference.
DEFAULT_FIELD_MAP: dict[str, tuple[str, ...]] = {
    "text": (
        "text", "body", "content", "article", "full_text", "article_text", "maintext",
        "story", "summary", "description",
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


def _norm(name: object) -> str:
    return re.sub(r"[^0-9a-z]", "", str(name).lower())


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
        return {
            t: [c for n in names for c in by_norm.get(n, [])] for t, names in self.order.items()
        }

    def apply(self, record: Mapping[object, object]) -> dict[str, object]:
        """Map one input record to article fields (first non-empty candidate wins)."""
        out: dict[str, object] = {}
        for target, cols in self.resolve(record.keys()).items():
            for col in cols:
                value = clean_value(record[col], join="\n\n" if target == "text" else ", ")
                if value is not None:
                    out[target] = value
                    break
        return out


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

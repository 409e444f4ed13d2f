"""Normalization of place names into lookup keys."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize", "is_latin"]

_DROP = re.compile(r"[.\u2019'`´]")
_SPACE = re.compile(r"[\s\-\u2010-\u2015_/,;:()\"]+")
_LEADING = re.compile(r"^(?:the)\s+")
_LATIN = re.compile(r"^[\u0020-\u024f\u1e00-\u1eff\u2019]+$")


def normalize(name: str) -> str:
    """Return the lookup key of a place name.

    Accents are removed, case is folded, dots and apostrophes are dropped
    ("U.S." -> "us", "Côte d'Ivoire" -> "cote divoire"), hyphens and other
    separators become single spaces and a leading "the" is removed.

    Parameters
    ----------
    name : str
        A place name or a surface form from a text.

    Returns
    -------
    str
        The key; "" when nothing is left.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _DROP.sub("", text.casefold())
    text = _SPACE.sub(" ", text).strip()
    return _LEADING.sub("", text)


def is_latin(name: str) -> bool:
    """True when ``name`` is written in the Latin script (the names English news uses)."""
    return bool(_LATIN.match(name))

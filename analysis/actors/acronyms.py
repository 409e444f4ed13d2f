"""An acronym that an article defines in parentheses is the body it follows.

"The Example Harbour Authority (EHA) said ...": the acronym and the full name are one
actor in that article, and so is every later bare "EHA" of the article -- even when the
corpus has two bodies with those initials, which the corpus-wide join
(:mod:`analysis.actors.graph`) leaves apart.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

__all__ = ["define_acronyms", "initials", "text_between"]

#: Words an acronym skips ("Organisation of the Example States" -> "OES").
_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "to", "&"})
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")
_OPENING = re.compile(r"^\s*\(\s*$")


def initials(name: str) -> str:
    """The capitals of a name's words, skipping function words ("Example Harbour
    Authority" -> "EHA"); "" for a name of one word or with a lower-case word.

    Parameters
    ----------
    name : str

    Returns
    -------
    str
    """
    words = [w for w in str(name).replace("-", " ").split() if w.lower() not in _SKIP]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words).upper()


def define_acronyms(mentions: list[Any], between: Callable[[int, int], str | None]) -> int:
    """Give an acronym the actor of the full name it follows in parentheses, and every
    later mention of that acronym in the article the same actor.

    Parameters
    ----------
    mentions : list
        The article's mentions (objects with ``start``, ``end``, ``text``, ``actor_id``,
        ``kind``, ``name``, ``role``), in any order.
    between : callable
        ``between(a, b)`` is the article's text from offset ``a`` to ``b`` (None when it
        cannot be read).

    Returns
    -------
    int
        How many mentions changed actor.
    """
    ordered = sorted(mentions, key=lambda m: m.start)
    defined: dict[str, Any] = {}
    changed = 0
    for k, m in enumerate(ordered):
        text = str(m.text or "").replace(".", "")
        if not _ACRONYM.match(text):
            continue
        full = defined.get(text)
        if full is None and k > 0:
            prev = ordered[k - 1]
            gap = between(prev.end, m.start)
            name = re.sub(r"^the\s+", "", str(prev.text or ""), flags=re.I)
            if prev.actor_id and gap is not None and _OPENING.match(gap) and initials(name) == text:
                full = defined[text] = prev
        if full is not None and m.actor_id != full.actor_id:
            m.actor_id, m.kind, m.name, m.role = full.actor_id, full.kind, full.name, full.role
            changed += 1
    return changed


def text_between(pieces: list) -> Callable[[int, int], str | None]:
    """A ``between(a, b)`` reader of an article parsed in pieces (``(offset, Doc)``).

    Parameters
    ----------
    pieces : list of (int, spacy.tokens.Doc)

    Returns
    -------
    callable
    """

    from analysis.nlp import doc_text  # here: a rebuild that parses nothing loads no spaCy

    def between(a: int, b: int) -> str | None:
        for off, doc in pieces:
            text = doc_text(doc)
            if off <= a <= b <= off + len(text):
                return text[a - off : b - off]
        return None

    return between

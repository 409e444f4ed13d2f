"""A bare name the tagger took for a person that the article uses as a town's name.

"Residents of Ashby", "a new office in Ashby", "moved into Ashby": a one-word name tagged a
person, that the article never names in full and never makes act, but puts after a
preposition of place again and again, is a place, not someone.
"""

from __future__ import annotations

from collections.abc import Iterable

from analysis.actors.kb import normalize_name
from analysis.lexicon.prepositions import PLACE_SLOT_PREPOSITIONS
from analysis.lexicon.speech import SPEECH_VERB_FORMS

__all__ = ["town_like_names"]

#: Dependencies of a name that acts: the subject, the agent of a passive, a possessor.
_ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "poss"})


def town_like_names(mentions: Iterable) -> set[str]:
    """Normalised one-word names used as a town's name by the article's mentions.

    A name qualifies when two of its mentions or more, and at least half of them, come
    right after a preposition of place (:data:`analysis.lexicon.prepositions.PLACE_SLOT_PREPOSITIONS`:
    "in", "into", "near"...) and none acts: no subject of a verb, no possessive, no verb
    of saying right after it, not "according to" it.

    Parameters
    ----------
    mentions : iterable
        One-word mentions with ``text`` and ``span`` (a spaCy span, or None).

    Returns
    -------
    set of str
        The names (as :func:`analysis.actors.kb.normalize_name` gives them).
    """
    counts: dict[str, list[int]] = {}  # name -> [mentions, after a place preposition]
    acting: set[str] = set()
    for m in mentions:
        key = normalize_name(m.text)
        c = counts.setdefault(key, [0, 0])
        c[0] += 1
        span = getattr(m, "span", None)
        if span is None:
            acting.add(key)  # nothing to read: no telling
            continue
        doc = span.doc
        nxt = doc[span.end] if span.end < len(doc) else None
        if (
            span.root.dep_ in _ACTING_DEPS
            or (nxt is not None and nxt.lower_ in ("'s", "\u2019s", "'"))
            or (nxt is not None and nxt.lower_ in SPEECH_VERB_FORMS)
        ):
            acting.add(key)
        elif span.start > 1 and doc[span.start - 2 : span.start].text.lower() == "according to":
            acting.add(key)  # a source, someone
        elif span.start > 0 and doc[span.start - 1].lower_ in PLACE_SLOT_PREPOSITIONS:
            c[1] += 1
    return {k for k, (n, p) in counts.items() if k not in acting and p >= 2 and 2 * p >= n}

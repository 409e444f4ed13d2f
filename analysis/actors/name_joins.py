"""Corpus-wide joins of people's names written another way: a misspelt letter, a
compound surname alone, a headline glued to a name.

Called by :func:`analysis.actors.graph.join_map` over the accumulated actors of the
corpus (``name``/``name_votes``, ``kind``/``kind_votes``, ``in_kb``, ``aliases``,
``mentions``, ``articles``); each function adds ``source id -> target id`` to the joins
found so far (``out``) and never overrides one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from analysis.actors.headlines import headline_tail
from analysis.lexicon.given_names import GIVEN_NAMES

__all__ = [
    "one_edit",
    "rare_misspelling_joins",
    "compound_surname_joins",
    "headline_glued_joins",
    "nicknames",
]

#: A name of one article joins a name one letter away read in this many articles or more.
_COMMON_ARTICLES = 3
#: Shortest word a misspelling may touch ("Jon" and "John" are two names).
_MIN_WORD = 4


def one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one letter inserted, dropped or substituted.

    Examples
    --------
    >>> one_edit("vicente", "vincente"), one_edit("roe", "rose"), one_edit("ann", "ann")
    (True, True, False)
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


def _inside_edit(a: str, b: str) -> bool:
    """One letter substituted, or inserted or dropped inside the word (not at its end:
    "Steel" and "Steele", "Clark" and "Clarke" are other names)."""
    if len(a) == len(b):
        return one_edit(a, b)
    return one_edit(a, b) and a[-1] == b[-1] and one_edit(a[:-1], b[:-1])


def rare_misspelling_joins(
    people: dict[str, list[str]],
    acc: dict[str, dict],
    out: dict[str, str],
) -> None:
    """A person's name misspelt by one letter in one article ("Marguerita Olsen" in one
    article, "Margerita Olsen" in many) is that person.

    Two people's names of as many words, equal but in one word, where that word differs
    by one letter inserted, dropped or substituted (not the first letter, not a letter
    added at the end: "Steel" and "Steele" are two names; words of four letters or
    more), are one person when one of them is read in a single article and
    the other in three articles or more, and no third name is one letter from either.
    Two names both read widely ("Jon Smith" and "John Smith" each in several articles)
    stay two people: a name spelt one way across the corpus is how that person is
    spelt.

    Parameters
    ----------
    people : dict
        actor_id -> the normalised words of each of its person names (two or more).
    acc : dict
        The accumulated actors (``articles``, ``in_kb``).
    out : dict
        The joins so far, completed in place.
    """
    # a name with one word left out -> (the id, the word): names equal but in one word
    slots: dict[tuple, list[tuple[str, str]]] = {}
    for aid, names in people.items():
        for words in names:
            for i, w in enumerate(words):
                if len(w) >= _MIN_WORD:
                    key = (len(words), i, *words[:i], *words[i + 1 :])
                    slots.setdefault(key, []).append((out.get(aid, aid), w))
    pairs: dict[str, set[str]] = {}
    for found in slots.values():
        if len(found) < 2:
            continue
        for a, wa in found:
            for b, wb in found:
                if a == b or wa == wb or wa[0] != wb[0] or not _inside_edit(wa, wb):
                    continue
                pairs.setdefault(a, set()).add(b)
    for a, near in pairs.items():
        if len(near) != 1 or acc[a]["in_kb"] or a in out:
            continue
        b = next(iter(near))
        if len(pairs.get(b, ())) != 1:
            continue  # the other name is a letter from a third one too: no telling
        if acc[a]["articles"] == 1 and acc[b]["articles"] >= _COMMON_ARTICLES:
            out[a] = out.get(b, b)


def compound_surname_joins(
    people: dict[str, list[str]],
    acc: dict[str, dict],
    out: dict[str, str],
) -> None:
    """A two-word name that ends the full name of one person ("Ruiz Olmedo" for "Ana
    Ruiz Olmedo") is that person's compound surname.

    The short form's first word must not be a given name: not one of
    :data:`analysis.lexicon.given_names.GIVEN_NAMES`, not an initial, and not the first
    word of any other person's name of the corpus ("Jane Roe" stays apart from "Mary
    Jane Roe" when another "Jane" is named).  The long name has three words, and is the
    only one the short form ends: in longer names the last two words may be a parent's
    name ("Ali Omar Karim Haddad", son of "Karim Haddad").

    Parameters
    ----------
    people : dict
        actor_id -> the normalised words of each of its person names.
    acc : dict
        The accumulated actors (``in_kb``).
    out : dict
        The joins so far, completed in place.
    """
    firsts: dict[str, set[str]] = {}
    tails: dict[tuple[str, str], set[str]] = {}
    for aid, names in people.items():
        for words in names:
            firsts.setdefault(words[0], set()).add(aid)
            if len(words) == 3 and len(words[0]) > 1:
                tails.setdefault((words[-2], words[-1]), set()).add(out.get(aid, aid))
    for aid, names in people.items():
        if acc[aid]["in_kb"] or aid in out:
            continue
        shorts = {tuple(w) for w in names if len(w) == 2}
        if len(shorts) != 1:
            continue
        first, last = next(iter(shorts))
        if len(first) < 2 or first in GIVEN_NAMES or firsts.get(first, set()) - {aid}:
            continue
        cands = tails.get((first, last), set()) - {aid}
        if len(cands) == 1:
            out[aid] = cands.pop()


def headline_glued_joins(
    people: dict[str, list[str]],
    raw_names: dict[str, str],
    acc: dict[str, dict],
    out: dict[str, str],
) -> None:
    """A person outside the knowledge base whose name is another person's name or
    surname followed by a headline ("Jane Roe Denies Report", "Roe Wins Vote") is that
    person, when the other is mentioned more.

    A headline is one capitalised word or more after the name, one of which reads as a
    verb (:func:`analysis.actors.headlines.headline_tail`; no initial or suffix among them); the longest name known decides, and must be one
    person's.  A surname and one word in -s ("Lee Hawkins") may be a full name: one
    headline word only follows a full name ("Jane Roe Wins").

    Parameters
    ----------
    people : dict
        actor_id -> the normalised words of each of its person names.
    raw_names : dict
        actor_id -> its name as written (the capitals tell a headline's words).
    acc : dict
        The accumulated actors (``in_kb``, ``mentions``).
    out : dict
        The joins so far, completed in place.
    """
    known: dict[tuple[str, ...], set[str]] = {}
    for aid, names in people.items():
        for words in names:
            known.setdefault(tuple(words), set()).add(out.get(aid, aid))
            known.setdefault((words[-1],), set()).add(out.get(aid, aid))
    for aid, raw in raw_names.items():
        if acc[aid]["in_kb"] or aid in out:
            continue
        written = raw.split()
        names = people.get(aid, [])
        if len(names) != 1 or len(names[0]) != len(written) or len(written) < 2:
            continue
        words = names[0]
        for i in range(len(words) - 1, 0, -1):
            tail = headline_tail(written[i:])
            if tail is None:
                break  # "Jon M. Davis III": a name's initial or suffix
            if not tail:
                continue
            if i == len(words) - 1 and i < 2:
                break  # "Lee Hawkins": a surname and one word in -s may be a full name
            cands = known.get(tuple(words[:i]), set()) - {aid}
            if len(cands) == 1:
                dst = next(iter(cands))
                if acc[dst]["mentions"] > acc[aid]["mentions"]:
                    out[aid] = dst
            if cands:
                break  # the longest name known decides


#: A first name, a quoted nickname and a surname in running text: 'Jane "JJ" Roe'.
_NICKNAMED_IN_TEXT = re.compile(
    r"\b[A-Z][a-z]+\.?\s+[\"\u201c]([A-Z][\w.]*)[\"\u201d]\s+([A-Z][\w'\u2019-]*[a-z])\b"
)


def nicknames(texts: Iterable[str]) -> dict[str, str]:
    """Surname -> the name a person goes by, for each person the texts name with a quoted
    nickname ('Jane "JJ" Roe' -> {"Roe": "JJ Roe"}); a surname two such people share is
    left out.

    Parameters
    ----------
    texts : iterable of str
        The texts of one article.

    Returns
    -------
    dict
    """
    found: dict[str, set[str]] = {}
    for text in texts:
        for hit in _NICKNAMED_IN_TEXT.finditer(text):
            found.setdefault(hit.group(2), set()).add(f"{hit.group(1)} {hit.group(2)}")
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}

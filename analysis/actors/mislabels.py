"""A person's surname that the tagger labelled a place, a group or a work.

The small model tags a bare surname by its context: "Schiff" after "told" may come out a
place, "Mattis" a nationality, "Romney's arrival" a product.  An article that names the
person in full ("Adam Vale ... Vale said") settles it: a one-word mention of another
label that is the last word of a person's full name in the same article is that person's
surname, and goes to the surname resolution like any other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from typing import Protocol

__all__ = ["relabel_surnames", "surname_organisations"]

#: Labels a surname is mistaken for.  Countries and organisations are left alone: "Jordan"
#: the country and "Ford" the company are real names of their own.
_MISTAKEN = frozenset(["LOC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "LAW"])
_POSSESSIVE = re.compile(r"['\u2019]s?$")


class _MentionLike(Protocol):
    text: str
    label: str
    pattern_id: str | None
    actor_id: str | None
    kind: str | None
    name: str | None


def relabel_surnames(mentions: Iterable[_MentionLike], is_group_word: Callable[[str], bool]) -> int:
    """Give the label PERSON to one-word mentions that are the surname of a person the
    article names in full.

    Parameters
    ----------
    mentions : iterable of mentions
        The article's mentions (``text``, ``label``, ``pattern_id``); changed in place.
    is_group_word : callable
        True for a word that names a people or a country ("Chinese", "Kenyan"): never a
        surname here.

    Returns
    -------
    int
        How many mentions were relabelled.
    """
    mentions = list(mentions)
    surnames = {
        m.text.split()[-1]
        for m in mentions
        if m.label == "PERSON" and len(m.text.split()) >= 2 and m.text.split()[-1][:1].isupper()
    }
    changed = 0
    for m in mentions:
        if m.label not in _MISTAKEN or m.pattern_id:
            continue
        word = _POSSESSIVE.sub("", m.text.strip())
        if " " in word or word not in surnames or is_group_word(word):
            continue
        m.label = "PERSON"
        changed += 1
    return changed


def surname_organisations(
    single_orgs: Iterable[_MentionLike], full_names: Callable[[str], Collection[str]]
) -> None:
    """Give a one-word "organisation" that is the surname of the one person the article
    names in full ("Mueller said", tagged ORG) to that person; a headline glued to it
    ("Smith Denies Report") is cut off the mention's text.

    Parameters
    ----------
    single_orgs : iterable of mentions
        One-word (or headline-glued) organisation mentions; changed in place.
    full_names : callable
        Surname -> the actor ids of the persons of the article with that surname.
    """
    for m in single_orgs:
        cands = full_names(m.text.split()[0])
        if len(cands) == 1:
            m.actor_id, m.kind, m.name = next(iter(cands)), "person", None
            m.text = m.text.split()[0]  # the headline's words are no alias

"""The actors of one article, from its resolved mentions: one row per actor, with votes."""

from __future__ import annotations

import re
from collections import Counter

from analysis.actors.graph import best_vote
from analysis.actors.kb import KBIndex

__all__ = ["KIND_BY_LABEL", "article_actors"]

#: The kind of actor an entity label gives when nothing else tells.
KIND_BY_LABEL = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "government",
    "NORP": "group",
    "FAC": "other",
    "LOC": "other",
}


def article_actors(ms: list, index: KBIndex) -> list[dict]:
    """One row per actor mentioned in one article (merged later).

    Parameters
    ----------
    ms : list
        The article's resolved mentions (with ``actor_id``, ``text``, ``label``, ``row``,
        ``name``, ``kind``, ``country``).
    index : KBIndex
        The knowledge base.

    Returns
    -------
    list of dict
        Actor rows with their name, kind and country votes.
    """
    acc: dict[str, dict] = {}
    for m in ms:
        a = acc.get(m.actor_id)
        if a is None:
            kb_row = index.actors.get(m.actor_id)
            a = acc[m.actor_id] = {
                "actor_id": m.actor_id,
                "name": kb_row["name"] if kb_row is not None else None,
                "kind": kb_row["kind"] if kb_row is not None else None,
                "country": kb_row["country"] if kb_row is not None else None,
                "aliases": set(kb_row["aliases"]) if kb_row is not None else set(),
                "wikidata": kb_row["wikidata"] if kb_row is not None else None,
                "mentions": 0,
                "articles": 1,
                "in_kb": kb_row is not None,
                "name_votes": Counter(),
                "kind_votes": Counter(),
                "country_votes": Counter(),
            }
        a["mentions"] += 1
        if m.label != "PERSON" or m.row >= 0:
            surface = re.sub(r"['\u2019]s$", "", m.text.strip())
            a["aliases"].add(surface)
        if not a["in_kb"]:
            if m.row >= 0:  # a title standing for the person ("the president") is no name
                a["name_votes"][m.name or m.text] += 1
            a["kind_votes"][m.kind or KIND_BY_LABEL.get(m.label, "other")] += 1
            if m.country:
                a["country_votes"][m.country] += 1
    # one vote per article: the article's best name (full names win over surnames),
    # kind and country, weighted by its mentions -- so merging per-article actor frames
    # (which keep only name/kind/country) gives the same result as one run
    for a in acc.values():
        if a["in_kb"]:
            continue
        names = a["name_votes"]
        if names:
            longest = max(len(n.split()) for n in names)
            names = {n: c for n, c in names.items() if len(n.split()) == longest}
        for k, votes in (
            ("name_votes", names),
            ("kind_votes", a["kind_votes"]),
            ("country_votes", a["country_votes"]),
        ):
            best = best_vote(votes)
            a[k] = {best: a["mentions"]} if best is not None else {}
    return list(acc.values())

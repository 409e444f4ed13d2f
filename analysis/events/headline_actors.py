"""Actors born of a headline: names that only a title gives, mapped back to real actors.

A headline is written in title case ("Senator Vale Blocks Tariff Vote"), so a name
finder can read "Vale Blocks Tariff" as one name, and the body's "Vale" then joins that
headline actor instead of the person the body names in full.  For the events stage such
an actor is a wrong participant and breaks the link between mentions of one event
("the talks" of the body and "the meeting" with the full name).  :func:`headline_remap`
finds the actors whose name occurs only inside headlines and maps each of their body
mentions to the one other actor whose name or alias is that mention's text -- the one
whose full name ends with the headline's name when there is one ("Vale Jr." of the
headline is "Tom Vale Jr.", not another Vale of the article).
"""

from __future__ import annotations

import pandas as pd

__all__ = ["headline_remap"]


def _key(text: object) -> str:
    return " ".join(str(text).lower().replace(".", " ").split())


def _names(row: dict) -> set[str]:
    names = {_key(row.get("name"))}
    aliases = row.get("aliases")
    if aliases is not None and not isinstance(aliases, str | float):
        names |= {_key(a) for a in list(aliases)}
    return {n for n in names if n}


def headline_remap(
    mentions: pd.DataFrame, actors: pd.DataFrame, title_ends: dict[str, int]
) -> pd.DataFrame:
    """The mentions with the body mentions of headline-born actors re-linked.

    Parameters
    ----------
    mentions : pandas.DataFrame
        The mentions frame (``article_id``, ``start``, ``text``, ``actor_id``).
    actors : pandas.DataFrame
        The actors frame (``actor_id``, ``name``, ``aliases``, ``mentions``).
    title_ends : dict
        ``article_id -> end offset of its headline`` (0 when the text has none).

    Returns
    -------
    pandas.DataFrame
        ``mentions`` (a copy when something changed): an actor whose own name is never
        the text of a mention outside a headline, and that is not in the knowledge
        base, loses its body mentions to the actor -- not born of a headline -- whose
        name or alias is the mention's text (the most mentioned one when several are);
        its other mentions of the article ("the president") follow when all its names
        there went to one actor, else keep their actor.
    """
    need = {"article_id", "start", "text", "actor_id"}
    if not len(mentions) or not need <= set(mentions.columns) or not len(actors):
        return mentions
    starts = mentions["start"].to_numpy()
    ends = mentions["article_id"].astype(str).map(title_ends).fillna(0).to_numpy()
    in_title = starts < ends
    if not in_title.any():
        return mentions
    ids = mentions["actor_id"].astype("string")
    titled = set(ids[in_title].dropna())
    kb = actors["in_kb"].fillna(False).astype(bool) if "in_kb" in actors else False
    cand = actors[actors["actor_id"].astype(str).isin(titled) & ~kb]
    cand = cand[~cand["actor_id"].astype(str).str.startswith("kb:")]
    if not len(cand):
        return mentions
    cand_ids = set(cand["actor_id"].astype(str))
    in_body = ~in_title & ids.isin(cand_ids).fillna(False).to_numpy(dtype=bool)
    body_texts: dict[str, set[str]] = {}
    for aid, text in zip(ids[in_body], mentions["text"][in_body], strict=True):
        body_texts.setdefault(str(aid), set()).add(_key(text))
    born = {
        str(a)
        for a, n in zip(cand["actor_id"], cand["name"], strict=True)
        if _key(n) not in body_texts.get(str(a), set())
    }
    if not born:
        return mentions
    hit = ids.isin(born).fillna(False).to_numpy(dtype=bool) & ~in_title
    if not hit.any():
        return mentions
    wanted = {_key(t) for t in mentions["text"][hit]}
    by_name: dict[str, list[tuple[int, str]]] = {}
    full_name: dict[str, str] = {}
    weights = actors["mentions"] if "mentions" in actors else [0] * len(actors)
    aliases = actors["aliases"] if "aliases" in actors else [None] * len(actors)
    for aid, name, al, n in zip(actors["actor_id"], actors["name"], aliases, weights, strict=True):
        aid = str(aid)
        if aid in born:
            continue
        names = _names({"name": name, "aliases": al}) & wanted
        if not names:
            continue
        weight = int(n) if isinstance(n, int | float) and not pd.isna(n) else 0
        for nm in names:
            by_name.setdefault(nm, []).append((weight, aid))
        full_name[aid] = _key(name)
    born_name = {
        str(a): _key(n)
        for a, n in zip(cand["actor_id"], cand["name"], strict=True)
        if str(a) in born
    }
    out = mentions
    new = ids.copy()
    went: dict[tuple[object, str], set[str]] = {}  # (article, born id) -> actors taken
    rest = []
    for k in mentions.index[hit]:
        cands = by_name.get(_key(mentions.at[k, "text"]))
        if cands:
            # "Vale Jr." of the headline is the body's "Tom Vale Jr.", not another Vale
            heading = born_name.get(str(ids.at[k]), "")
            fuller = [c for c in cands if heading and full_name[c[1]].endswith(" " + heading)]
            new.at[k] = max(fuller or cands)[1]
            went.setdefault((mentions.at[k, "article_id"], str(ids.at[k])), set()).add(new.at[k])
        else:
            rest.append(k)
    for k in rest:
        # "the president" linked to the headline actor follows its names, when they all
        # went to one actor in the article
        to = went.get((mentions.at[k, "article_id"], str(ids.at[k])), set())
        if len(to) == 1:
            new.at[k] = next(iter(to))
    if not new.equals(ids):
        out = mentions.copy()
        out["actor_id"] = new
    return out

"""Co-mention edges, merging of per-batch actor and edge frames, and the networkx graph."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import TYPE_CHECKING

import pandas as pd

from analysis import schema
from analysis.actors.acronyms import initials
from analysis.actors.kb import normalize_name
from analysis.actors.name_joins import (
    compound_surname_joins,
    headline_glued_joins,
    rare_misspelling_joins,
)
from analysis.actors.names import GENERIC_BODY_NOUNS
from analysis.lexicon.agents import NAME_SUFFIXES
from analysis.lexicon.given_names import formal_given_name

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["article_edges", "co_mention_graph", "join_map", "merge_actors", "merge_edges"]

_VOTES = ("name_votes", "kind_votes", "country_votes")


def article_edges(mentions: Iterable, *, scope: str = "sentence") -> pd.DataFrame:
    """Co-mention edges of one article's actor mentions.

    Parameters
    ----------
    mentions : iterable
        Objects with ``actor_id`` and ``sentence_id`` attributes (one article).
    scope : {'sentence', 'article'}
        Pairs counted once per sentence, or once for the article.

    Returns
    -------
    pandas.DataFrame
        The edges frame of that article (``articles`` is 1 on every row).
    """
    weights = pair_weights(mentions, scope=scope)
    if not weights:
        return schema.empty("edges")
    frame = pd.DataFrame(
        [(a, b, w, 1) for (a, b), w in weights.items()],
        columns=["source", "target", "weight", "articles"],
    )
    return schema.conform(frame, "edges")


def pair_weights(mentions: Iterable, *, scope: str = "sentence") -> Counter:
    """(source, target) -> number of sentences (or 1 for the article) naming both."""
    groups: dict[object, set[str]] = {}
    for m in mentions:
        key = m.sentence_id if scope == "sentence" else 0
        groups.setdefault(key, set()).add(m.actor_id)
    weights: Counter = Counter()
    for ids in groups.values():
        for a, b in combinations(sorted(ids), 2):
            weights[(a, b)] += 1
    return weights


def edges_frame(weights: Counter, articles: Counter) -> pd.DataFrame:
    """The edges frame from summed pair weights and article counts."""
    if not weights:
        return schema.empty("edges")
    frame = pd.DataFrame(
        [(a, b, w, articles[(a, b)]) for (a, b), w in weights.items()],
        columns=["source", "target", "weight", "articles"],
    )
    frame = frame.sort_values(
        ["weight", "source", "target"], ascending=[False, True, True], kind="stable"
    )
    return schema.conform(frame, "edges")


def merge_edges(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Combine edge frames of disjoint batches: weights and article counts are summed.

    Parameters
    ----------
    frames : sequence of pandas.DataFrame
        Edges frames (batches must not share articles).

    Returns
    -------
    pandas.DataFrame
        The edges frame, heaviest first (ties by source, target).
    """
    frames = [schema.check(f, "edges") for f in frames if f is not None and len(f)]
    if not frames:
        return schema.empty("edges")
    allf = pd.concat(frames, ignore_index=True)
    out = allf.groupby(["source", "target"], as_index=False, sort=True)[
        ["weight", "articles"]
    ].sum()
    out = out.sort_values(
        ["weight", "source", "target"], ascending=[False, True, True], kind="stable"
    )
    return schema.conform(out, "edges")


def best_vote(counts: dict) -> str | None:
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], -len(str(kv[0])), str(kv[0])))[0][0]


def merge_actors(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Combine actor frames of disjoint batches into one.

    Mentions and article counts are summed, aliases united; for actors outside the
    knowledge base the name, kind and country are the most voted across batches (the
    ``*_votes`` columns), so the result does not depend on how articles were batched.

    Parameters
    ----------
    frames : sequence of pandas.DataFrame
        Actors frames from :func:`analysis.actors.resolve_actors` (or per article).

    Returns
    -------
    pandas.DataFrame
        The actors frame sorted by mentions (descending), then actor_id.
    """
    frames = [schema.check(f, "actors") for f in frames if f is not None and len(f)]
    acc: dict[str, dict] = {}
    for frame in frames:
        for row in vote_rows(frame):
            accumulate_actor(acc, row)
    return finish_actors(acc)


def vote_rows(frame: pd.DataFrame) -> list[dict]:
    """The rows of an actors frame as dicts with ``*_votes`` (made from the name, kind
    and country where the frame has no vote columns)."""
    rows = frame.to_dict("records")
    if all(k in frame.columns for k in _VOTES):
        return rows
    for row in rows:
        row.update(
            {
                "name_votes": {row["name"]: row["mentions"]} if _ok(row["name"]) else {},
                "kind_votes": {row["kind"]: row["mentions"]} if _ok(row["kind"]) else {},
                "country_votes": {row["country"]: row["mentions"]} if _ok(row["country"]) else {},
            }
        )
    return rows


def accumulate_actor(acc: dict[str, dict], row: dict) -> None:
    """Add one per-article (or per-batch) actor row to the accumulator ``acc``."""
    aid = row["actor_id"]
    a = acc.get(aid)
    if a is None:
        a = acc[aid] = {
            "actor_id": aid,
            "name": None,
            "kind": None,
            "country": None,
            "aliases": set(),
            "wikidata": None,
            "mentions": 0,
            "articles": 0,
            "in_kb": bool(row["in_kb"]),
            **{k: Counter() for k in _VOTES},
        }
    a["mentions"] += int(row["mentions"])
    a["articles"] += int(row["articles"])
    a["aliases"].update(row["aliases"] or [])
    a["in_kb"] = a["in_kb"] or bool(row["in_kb"])
    if a["in_kb"]:
        for k in ("name", "kind", "country", "wikidata"):
            v = row.get(k)
            if a[k] is None and _ok(v):
                a[k] = v
    for k in _VOTES:
        for value, count in (row.get(k) or {}).items():
            if _ok(value) and _ok(count):
                a[k][value] += int(count)


def finish_rows(acc: dict[str, dict]) -> list[dict]:
    """Rows of the actors frame from an accumulator (votes decided, aliases sorted)."""
    rows = []
    for a in acc.values():
        a = dict(a)
        if not a["in_kb"]:
            a["name"] = best_vote(a["name_votes"])
            a["kind"] = best_vote(a["kind_votes"])
            a["country"] = best_vote(a["country_votes"])
        a["aliases"] = sorted(a["aliases"])
        for k in _VOTES:
            del a[k]
        rows.append(a)
    return rows


_SUFFIXES = NAME_SUFFIXES
_JOINABLE_KINDS = frozenset({"person", "organisation", "other"})


_PARTICLES = frozenset(
    {"de", "da", "di", "van", "von", "der", "den", "bin", "al", "el", "la", "le"}
)
#: Words after a short form that name the same body ("Acme" -> "Acme News").
_ORG_SUFFIXES = frozenset(
    [
        "news",
        "network",
        "channel",
        "corporation",
        "corp",
        "corp.",
        "inc",
        "inc.",
        "company",
        "co",
        "co.",
        "group",
        "party",
        "times",
        "post",
        "media",
        "tv",
        "radio",
        "magazine",
        "foundation",
        "institute",
    ]
)


def _words(name: object) -> list[str]:
    """Normalised words of a name; empty when it is no name ("the president")."""
    if not _ok(name):
        return []
    raw = str(name).split()
    if any(w[:1].islower() and w.lower() not in _PARTICLES for w in raw):
        return []
    return [w for w in normalize_name(str(name)).replace(".", " ").split() if w]


#: Lower-case words inside a body's name ("House of Representatives").
_ORG_LINKS = frozenset({"of", "for", "and", "the", "on"})


def org_words(name: object) -> list[str]:
    """Normalised words of a body's name, its linking words kept ("court of session");
    empty when another word is lower-case (no name)."""
    if not _ok(name):
        return []
    raw = str(name).split()
    if any(w[:1].islower() and w.lower() not in _PARTICLES | _ORG_LINKS for w in raw):
        return []
    return [w for w in normalize_name(str(name)).replace(".", " ").split() if w]


def body_endings(words: list[str]) -> set[str]:
    """The words a body's name ends with, before a qualifying "of" phrase too:
    {"court"} for "Supreme Court", {"northland", "court"} for "Supreme Court of Northland"."""
    out = {words[-1]} if words else set()
    if "of" in words:
        pre = words[: words.index("of")]
        if len(pre) >= 2:
            out.add(pre[-1])
    return out


def org_head(kind: object, name: object) -> str | None:
    """The word a body's short form would be ("acme" for "Acme News", "house" for
    "House of Representatives"), or None."""
    w = org_words(name)
    if kind in ("organisation", "media") and len(w) >= 2 and all(x in _ORG_SUFFIXES for x in w[1:]):
        return w[0]
    if kind == "organisation" and len(w) >= 3 and w[1] == "of":
        return w[0]
    return None


def join_map(acc: dict[str, dict]) -> dict[str, str]:
    """Which actors outside the knowledge base are another actor of the corpus.

    * People with the same first and last name are one ("Jane Q. Roe", "Jane Roe",
      "Jim Roe" for "James Roe": :mod:`analysis.lexicon.given_names`); the
      knowledge-base actor, else the most mentioned, keeps the id.
    * A name misspelt by one letter in one article, a compound surname alone, a name with
      a headline glued to it join the person (:mod:`analysis.actors.name_joins`).
    * A one-word actor (a surname, or a surname the tagger took for an organisation)
      joins the only person of the corpus with that last name ("Roe" -> "Jane Roe"), and
      a surname with its generation the only one with both ("Roe Jr." -> "Jim Roe Jr.").
    * A one-word organisation that starts the name of exactly one other organisation is
      its short form ("Acme" -> "Acme Corporation"), which wins over a person's surname.

    Parameters
    ----------
    acc : dict
        actor_id -> accumulated actor (``name``, ``kind``, ``in_kb``, ``aliases``,
        ``mentions``, ``name_votes``, ``kind_votes``).

    Returns
    -------
    dict
        actor_id -> the actor_id it joins (absent when it stays itself).
    """

    def name_of(a: dict) -> object:
        return a["name"] if a["in_kb"] else best_vote(a["name_votes"])

    def kind_of(a: dict) -> object:
        return a["kind"] if a["in_kb"] else best_vote(a["kind_votes"])

    people: dict[tuple[str, str], list[str]] = {}
    person_words: dict[str, list[list[str]]] = {}  # actor -> the words of its names
    surnames: dict[str, set[str]] = {}
    org_heads: dict[str, set[str]] = {}
    endings: set[str] = set()
    for aid, a in acc.items():
        kind = kind_of(a)
        names = [name_of(a)] + (sorted(a["aliases"]) if a["in_kb"] else [])
        for name in names:
            w = _words(name)
            if kind == "person" and len(w) >= 2:
                person_words.setdefault(aid, []).append(w)
                last = " ".join(w[-2:]) if w[-1] in _SUFFIXES else w[-1]
                # "Joe Roe" and "Joseph Roe": first names compared by their formal form
                people.setdefault((formal_given_name(w[0]), last), []).append(aid)
                surnames.setdefault(last, set()).add(aid)
            elif kind == "person" and len(w) == 1 and a["in_kb"]:
                surnames.setdefault(w[0], set()).add(aid)
            elif head := org_head(kind, name):
                # "Acme" for "Acme News", "House" for "House of Representatives"
                org_heads.setdefault(head, set()).add(aid)
            elif kind in ("organisation", "media", "government") and len(org_words(name)) >= 2:
                # "Supreme Court" (of Northland): "Court" may be this one too
                endings.update(body_endings(org_words(name)))
    out: dict[str, str] = {}

    def rank(i: str) -> tuple:
        return (not acc[i]["in_kb"], -acc[i]["mentions"], i)

    for (first, last), ids in people.items():
        ids = sorted(set(ids), key=rank)
        # middle names must agree: "Jane Q. Roe" and "Jane Roe" are one, "Jane Q. Roe"
        # and "Jane P. Roe" are two (and "Jane Roe" then stays apart from both)
        middles: dict[str, tuple] = {}
        for i in ids:
            for name in [name_of(acc[i])] + (sorted(acc[i]["aliases"]) if acc[i]["in_kb"] else []):
                w = _words(name)
                same_first = len(w) >= 2 and formal_given_name(w[0]) == first
                if same_first and (w[-1] == last or " ".join(w[-2:]) == last):
                    n = 2 if " ".join(w[-2:]) == last else 1
                    middles.setdefault(i, tuple(w[1:-n]))
        distinct = {m for m in middles.values() if m}
        if len(distinct) > 1:
            groups = [[i for i in ids if middles.get(i) == m] for m in distinct]
        else:
            groups = [ids]
        for group in groups:
            for other in group[1:]:
                if not acc[other]["in_kb"]:
                    out.setdefault(other, group[0])
    _join_spelling_variants(acc, people, out, rank)
    rare_misspelling_joins(person_words, acc, out)
    compound_surname_joins(person_words, acc, out)
    raw = {i: str(name_of(acc[i])) for i in person_words if not acc[i]["in_kb"]}
    headline_glued_joins(person_words, raw, acc, out)
    for aid, dst in _acronym_joins(acc, name_of, kind_of).items():
        out.setdefault(aid, out.get(dst, dst))
    for key in list(surnames):
        surnames[key] = {out.get(i, i) for i in surnames[key]}
    first_words: dict[str, set[str]] = {}  # a first name as written -> its people
    for i, names in person_words.items():
        for n in names:
            first_words.setdefault(n[0], set()).add(i)
    for aid, a in acc.items():
        if a["in_kb"] or aid in out or kind_of(a) not in _JOINABLE_KINDS:
            continue
        w = _words(name_of(a))
        if len(w) == 2 and w[-1] in _SUFFIXES and kind_of(a) == "person":
            # "Roe Jr." is the only "... Roe Jr." of the corpus, as a surname is
            cands = {out.get(i, i) for i in surnames.get(" ".join(w), ())} - {aid}
            if len(cands) == 1:
                out[aid] = cands.pop()
            continue
        if len(w) != 1:
            continue
        heads = {out.get(i, i) for i in org_heads.get(w[0], ())} - {aid}
        if kind_of(a) != "person" and len(heads) == 1 and w[0] not in endings:
            out[aid] = heads.pop()
            continue
        if w[0] in GENERIC_BODY_NOUNS:
            continue  # "the Centre", "the Council": a body's noun, nobody's surname
        cands = {out.get(i, i) for i in surnames.get(w[0], ())} - {aid}
        if len(cands) == 1 and not heads:
            out[aid] = cands.pop()
        elif not cands and not heads and kind_of(a) == "person":
            # a first name alone ("Margaret") is the only person of the corpus who has
            # it as first name and whom no other person's surname could be
            firsts = {out.get(i, i) for i in first_words.get(w[0], ())}
            if len(firsts - {aid}) == 1:
                out[aid] = (firsts - {aid}).pop()
    return out


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` (of one length) differ by one substituted letter.

    An added or dropped letter is not a spelling variant: it often makes another name
    ("Steel" and "Steele" are two families; "Rahmani" and "Rahmany" one transliteration).
    """
    return len(a) == len(b) and a != b and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _join_spelling_variants(acc: dict, people: dict, out: dict, rank) -> None:
    """Two spellings of one person's surname (a transliteration: "Nadia Rahmani" and
    "Nadia Rahmany"): same first name, surnames of at least five letters with one
    letter substituted (not the first), and no third person of that first name near
    either spelling.  The less mentioned joins the other."""
    by_first: dict[str, list[str]] = {}
    for first, last in people:
        by_first.setdefault(first, []).append(last)
    for first, lasts in by_first.items():
        lasts = sorted(set(lasts))
        for x, y in combinations(lasts, 2):
            if min(len(x), len(y)) < 5 or x[0] != y[0] or not _one_edit(x, y):
                continue
            if any(z not in (x, y) and (_one_edit(z, x) or _one_edit(z, y)) for z in lasts):
                continue
            ids = sorted({out.get(i, i) for i in people[(first, x)] + people[(first, y)]}, key=rank)
            for other in ids[1:]:
                if not acc[other]["in_kb"]:
                    out.setdefault(other, ids[0])


_ACRONYM_KINDS = frozenset({"organisation", "media", "government", "group", "other"})


def _acronym_joins(acc: dict, name_of, kind_of) -> dict[str, str]:
    """An all-capitals name outside the knowledge base ("EHA") joins the one body of the
    corpus whose capitalised words it abbreviates ("European Harbour Agency")."""
    full: dict[str, set[str]] = {}
    for aid, a in acc.items():
        if kind_of(a) not in _ACRONYM_KINDS:
            continue
        names = {name_of(a)} | (set(a["aliases"]) if a["in_kb"] else set())
        for name in names:
            if _ok(name) and (ini := initials(name)):
                full.setdefault(ini, set()).add(aid)
    out: dict[str, str] = {}
    for aid, a in acc.items():
        name = name_of(a)
        if a["in_kb"] or kind_of(a) not in _JOINABLE_KINDS or not _ok(name):
            continue
        name = str(name).replace(".", "")
        if not (2 <= len(name) <= 6 and name.isalpha() and name.isupper()):
            continue
        cands = full.get(name, set()) - {aid}
        if len(cands) == 1:
            out[aid] = cands.pop()
    return out


def _apply_joins(acc: dict[str, dict]) -> dict[str, dict]:
    return merge_joined(acc, join_map(acc))


def merge_joined(acc: dict[str, dict], joins: dict[str, str]) -> dict[str, dict]:
    """The accumulator with each joined actor folded into the one it joins (mentions,
    articles, aliases and country votes added; name and kind stay the target's)."""
    if not joins:
        return acc
    out = {k: v for k, v in acc.items() if k not in joins}
    for src, dst in joins.items():
        seen = {src}
        while dst in joins and dst not in seen:
            seen.add(dst)
            dst = joins[dst]
        a = acc[src]
        b = out[dst] = dict(out[dst])
        b["mentions"] += a["mentions"]
        b["articles"] += a["articles"]
        b["aliases"] = set(b["aliases"]) | set(a["aliases"])
        if not b["in_kb"]:
            b["country_votes"] = b["country_votes"] + a["country_votes"]
    return out


def finish_actors(acc: dict[str, dict]) -> pd.DataFrame:
    """The actors frame from an accumulator filled by :func:`accumulate_actor`, with the
    corpus-wide joins of :func:`join_map` applied."""
    if not acc:
        return schema.empty("actors")
    acc = _apply_joins(acc)
    out = pd.DataFrame(finish_rows(acc)).sort_values(
        ["mentions", "actor_id"], ascending=[False, True], kind="stable"
    )
    return schema.conform(out, "actors")


def _ok(v) -> bool:
    return v is not None and not (isinstance(v, float) and pd.isna(v)) and v is not pd.NA


def co_mention_graph(
    edges: pd.DataFrame, actors: pd.DataFrame | None = None, *, min_weight: int = 1
) -> nx.Graph:
    """The co-mention network as a weighted, undirected networkx graph.

    Parameters
    ----------
    edges : pandas.DataFrame
        The edges frame.
    actors : pandas.DataFrame, optional
        The actors frame; its columns become node attributes (name, kind, mentions...).
    min_weight : int, default 1
        Keep edges at least this heavy.

    Returns
    -------
    networkx.Graph
        Nodes are actor_ids; edges carry ``weight`` and ``articles``.
    """
    import networkx as nx

    schema.check(edges, "edges")
    graph = nx.Graph()
    if actors is not None:
        schema.check(actors, "actors")
        for row in actors.to_dict("records"):
            attrs = {
                k: row[k] for k in ("name", "kind", "country", "mentions", "articles", "in_kb")
            }
            graph.add_node(row["actor_id"], **attrs)
    kept = edges[edges["weight"] >= min_weight]
    for s, t, w, n in zip(
        kept["source"], kept["target"], kept["weight"], kept["articles"], strict=True
    ):
        graph.add_edge(s, t, weight=int(w), articles=int(n))
    return graph

"""One identity per actor across the corpus: the corpus-wide joins, applied to every frame.

Each article resolves its own actors; an actor outside the knowledge base may then be
named differently from one article to the next ("Jane Roe" here, "Roe" there).
:func:`corpus_joins` decides, over the per-article actor parts of the whole corpus,
which ids are another actor (:func:`analysis.actors.graph.join_map`, repeated until
nothing more joins), and :func:`apply_joins` rewrites every frame that carries actor
ids with that decision -- mentions, quotes (speaker, via), events (participants),
edges, and the per-article parts themselves -- so that one actor has one id
everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis import schema

__all__ = [
    "ARTICLE_SUFFIX",
    "ID_COLUMNS",
    "article_ids",
    "corpus_joins",
    "apply_joins",
    "generic_bodies",
    "place_only_actors",
    "undertaking_actors",
    "alias_joins",
    "rename_actor_parts",
    "rename_edge_parts",
]

#: Kinds of actors outside the knowledge base that a place name may have been taken for.
_PLACE_PRONE = frozenset({"organisation", "person", "other"})
#: Place features that act as actors (a country's government; "Hong Kong said").
_ACTING_FEATURES = frozenset({"country", "capital"})
_BODY_KINDS = frozenset({"organisation", "media", "government"})
_LIST_SPLIT = re.compile(r",|\band\b|&")

#: Rounds of joining at most (a join can make another one unambiguous).
_ROUNDS = 3


def corpus_joins(actor_parts: pd.DataFrame) -> dict[str, str]:
    """Which actor ids of the corpus are another actor, chains resolved.

    Parameters
    ----------
    actor_parts : pandas.DataFrame
        Per-article actor rows (the actors columns, with or without ``article_id``).

    Returns
    -------
    dict
        actor_id -> the id it joins (only ids that change); applying it twice changes
        nothing more.
    """
    from analysis.actors.graph import accumulate_actor, join_map, merge_joined, vote_rows

    if actor_parts is None or not len(actor_parts):
        return {}
    out: dict[str, str] = _same_article_joins(actor_parts)
    parts = actor_parts.drop(columns="article_id", errors="ignore")
    acc: dict[str, dict] = {}
    for row in vote_rows(parts):
        accumulate_actor(acc, row)
    acc = merge_joined(acc, out)
    for _ in range(_ROUNDS):
        joins = join_map(acc)
        if not joins:
            break
        joins = {src: _target(joins, src) for src in joins}
        out = {src: joins.get(dst, dst) for src, dst in out.items()}
        out.update(joins)
        acc = merge_joined(acc, joins)
    return out


def place_only_actors(
    actor_parts: pd.DataFrame,
    mentions: pd.DataFrame,
    places: pd.DataFrame | None,
    articles: pd.DataFrame | None = None,
) -> set[str]:
    """Actors outside the knowledge base that are only ever a place of the gazetteer.

    A city or an island the tagger took for an organisation or a person ("Eastport
    said" aside) is no actor when every one of its mentions is a place the places stage
    found (the same text in the same article) and none of those
    places is a country or a capital, which may stand for a government.  With the
    ``articles`` (their text), a name that modifies a natural feature ("the Northfen
    marshes", :data:`analysis.lexicon.places.LANDFORM_NOUNS`) in two of its mentions
    or more, and in at least two thirds of them, is a place too.
    """
    if places is None:
        places = pd.DataFrame(columns=["article_id", "text", "place_id", "feature"])
    if not len(actor_parts) or not len(mentions):
        return set()
    kinds: dict[str, set] = {}
    for aid, kind, kb in zip(
        actor_parts["actor_id"], actor_parts["kind"], actor_parts["in_kb"], strict=True
    ):
        kinds.setdefault(aid, set()).add(
            "kb" if bool(kb) else (kind if isinstance(kind, str) else "?")
        )
    cands = {a for a, ks in kinds.items() if ks <= _PLACE_PRONE}
    if not cands:
        return set()
    by_text: dict[tuple, set] = {}
    for art, text, feat in zip(
        places["article_id"], places["text"], places["feature"], strict=True
    ):
        by_text.setdefault((art, str(text).lower()), set()).add(feat)
    m = mentions[mentions["actor_id"].isin(list(cands))]
    verdict: dict[str, bool] = {}
    seen: dict[str, list[int]] = {}  # actor -> [mentions, mentions before a landform]
    texts = dict(zip(articles["article_id"], articles["text"], strict=True)) if (
        articles is not None and "text" in articles.columns
    ) else {}  # fmt: skip
    ends = m["end"] if "end" in m.columns else pd.Series(-1, index=m.index)
    for aid, art, text, end in zip(m["actor_id"], m["article_id"], m["text"], ends, strict=True):
        # the same words found as a place in the article (a mention's place_id may be a
        # place inside it: "Boston" in "Boston Globe")
        text = _bare_name(text)  # "Eastport in" -> "Eastport", "Eastport's" -> "Eastport"
        feats = set(by_text.get((art, text.lower()), set()))
        pieces = [p.strip() for p in _LIST_SPLIT.split(str(text).lower()) if p.strip()]
        if len(pieces) > 1 and all(by_text.get((art, p)) for p in pieces):
            feats = {"list"}  # "Northisle and Southland": a list of places is no one actor
        if not feats and texts and _before_landform(texts.get(art), end):
            feats = {"landform"}
        place = bool(feats) and not (feats & _ACTING_FEATURES)
        verdict[aid] = verdict.get(aid, True) and place
        counts = seen.setdefault(aid, [0, 0])
        counts[0] += 1
        counts[1] += feats == {"landform"}
    # mostly before a landform ("the Northfen marshes", "Northfen fires"): a place too
    mostly = {a for a, (n, k) in seen.items() if k >= 2 and 3 * k >= 2 * n}
    return {a for a, only_place in verdict.items() if only_place} | mostly


def _bare_name(text: object) -> str:
    words = str(text).split()
    while len(words) > 1 and words[-1][:1].islower():
        words.pop()
    return re.sub(r"['\u2019]s?$", "", " ".join(words))


def _before_landform(text: object, end: object) -> bool:
    """True when the word right after offset ``end`` of ``text`` is a landform noun."""
    from analysis.lexicon.places import LANDFORM_NOUNS

    if not isinstance(text, str) or not isinstance(end, int | np.integer) or end < 0:
        return False
    nxt = re.match(r"\s+([a-z]+)\b", text[int(end) : int(end) + 40])
    return bool(nxt) and nxt.group(1) in LANDFORM_NOUNS


def undertaking_actors(
    actor_parts: pd.DataFrame,
    mentions: pd.DataFrame,
    articles: pd.DataFrame | None,
    quotes: pd.DataFrame | None = None,
) -> set[str]:
    """Actors outside the knowledge base that name a project or an agreement, never an agent.

    A name the tagger took for an organisation or a person is an undertaking ("the
    Northway pipeline", "the Velora project", "join the CTA") when, over two mentions
    or more, none of its mentions acts -- no possessive ("Northway's"), no verb of saying
    right after it, no "by" or "according to" before it, never a quote's speaker -- and
    either half of its mentions or more modify a noun of
    :data:`analysis.lexicon.undertakings.UNDERTAKING_NOUNS` (one lower-case word may come
    between: "the Northway gas pipeline"), or the articles that name it spell it out as
    an abbreviation of such a phrase ("the Coastal Trade Area (CTA)", "the (CTA)
    accord"), and never of anything else.

    Parameters
    ----------
    actor_parts : pandas.DataFrame
        Per-article actor rows (``actor_id``, ``kind``, ``in_kb``, ``name``).
    mentions : pandas.DataFrame
        Mentions with the articles' own actor ids, ``start`` and ``end`` offsets.
    articles : pandas.DataFrame, optional
        ``article_id`` and ``text``; without them nothing is found.
    quotes : pandas.DataFrame, optional
        Quotes with the articles' own ``speaker`` and ``via`` ids.

    Returns
    -------
    set of str
        The ids that are no actors.
    """
    from analysis.lexicon.speech import SPEECH_VERB_FORMS
    from analysis.lexicon.undertakings import UNDERTAKING_NOUNS

    if articles is None or "text" not in articles.columns or not len(mentions):
        return set()
    if not {"start", "end"} <= set(mentions.columns) or not len(actor_parts):
        return set()
    kinds: dict[str, set] = {}
    names: dict[str, str] = {}
    for aid, kind, kb, name in zip(
        actor_parts["actor_id"], actor_parts["kind"], actor_parts["in_kb"], actor_parts["name"],
        strict=True,
    ):  # fmt: skip
        kinds.setdefault(aid, set()).add(
            "kb" if bool(kb) else (kind if isinstance(kind, str) else "?")
        )
        if isinstance(name, str):
            names.setdefault(aid, name)
    cands = {a for a, ks in kinds.items() if ks <= _PLACE_PRONE | {"?"}}
    if quotes is not None and len(quotes):
        # a speaker its quote names ("Northway said"); a pronoun ("he said") resolved to
        # it tells nothing of the name itself
        named = quotes
        if "speaker_text" in quotes.columns:
            said = quotes["speaker_text"].astype(object)
            named = quotes[[_names_itself(t) for t in said]]
        for col in ("speaker", "via"):
            if col in named.columns:
                cands -= set(named[col].dropna())
    if not cands:
        return set()
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    m = mentions[mentions["actor_id"].isin(list(cands))]
    seen: dict[str, list[int]] = {}  # actor -> [mentions, before an undertaking noun]
    acts: set[str] = set()
    arts: dict[str, set] = {}
    for aid, art, start, end in zip(
        m["actor_id"], m["article_id"], m["start"], m["end"], strict=True
    ):
        text = texts.get(art)
        if not isinstance(text, str):
            continue
        start, end = int(start), int(end)
        after, before = text[end : end + 40], text[max(0, start - 20) : start].lower()
        counts = seen.setdefault(aid, [0, 0])
        counts[0] += 1
        arts.setdefault(aid, set()).add(art)
        nxt = _NEXT_WORDS.match(after)
        words = [w for w in (nxt.groups() if nxt else ()) if w]
        if (
            _POSSESSIVE.match(after)
            or (words and words[0] in SPEECH_VERB_FORMS)
            or _BY_BEFORE.search(before)
        ):
            acts.add(aid)
        elif any(w in UNDERTAKING_NOUNS for w in words[:2]):
            counts[1] += 1
    out = set()
    for aid, (n, k) in seen.items():
        if aid in acts or n < 2:
            continue
        if 2 * k >= n or _spelled_out(names.get(aid), [texts[a] for a in arts[aid]]):
            out.add(aid)
    return out


#: the one or two lower-case words after a name; a possessive; "by"/"according to" before
_NEXT_WORDS = re.compile(r"[\s-]+([a-z]+)(?:\s+([a-z]+))?")
_POSSESSIVE = re.compile(r"['\u2019]s?\b")
_BY_BEFORE = re.compile(r"\b(?:by|according to)\s+(?:the\s+)?$")


def _names_itself(text: object) -> bool:
    """True when a quote's speaker text is a name, not a pronoun or a common noun."""
    if not isinstance(text, str) or not text.strip():
        return False
    first = text.strip().split()[0]
    return first[:1].isupper() and first.lower() not in _PRONOUNS


#: Pronouns that may stand for a speaker ("He said").
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"})


def _spelled_out(name: str | None, texts: list[str]) -> bool:
    """True when the texts give ``name`` as the abbreviation of an undertaking (in
    brackets after a phrase ending in an undertaking noun, or before one) at least once,
    and never as the abbreviation of anything else."""
    from analysis.lexicon.undertakings import UNDERTAKING_NOUNS

    if not name or not texts:
        return False
    # only texts that put the name in brackets are read with the (costlier) pattern
    texts = [t for t in texts if f"({name}" in t or f"( {name}" in t]
    if not texts:
        return False
    pat = re.compile(r"([A-Za-z]+)\s*\(\s*" + re.escape(name) + r"\s*\)(?:\s+([a-z]+))?")
    found = False
    for text in texts:
        for hit in pat.finditer(text):
            words = [w.lower() for w in hit.groups() if w]
            if not any(w in UNDERTAKING_NOUNS for w in words):
                return False  # spelled out as something else somewhere
            found = True
    return found


#: Words that introduce another name of someone just named: "travelling under the alias
#: X", "also known as X".
_ALIAS_CUE = re.compile(
    r"\b(?:alias|pseudonym|a\.k\.a\.?|aka|also known as|under the names?|"
    r"nom de guerre|assumed name)\s+(?:of\s+)?[\"\u201c]?$",
    re.I,
)


def alias_joins(actor_parts: pd.DataFrame, mentions: pd.DataFrame, articles) -> dict[str, str]:
    """People outside the knowledge base that are another name of a person named just
    before them ("Jane Roe, travelling under the alias Ann Smith").

    A person's mention right after an alias cue ("alias", "also known as", "under the
    name") is a name of the nearest person mentioned before it in the same sentence;
    the alias joins that person when all its cued mentions agree on one.

    Parameters
    ----------
    actor_parts : pandas.DataFrame
        Per-article actor rows (``actor_id``, ``kind``, ``in_kb``).
    mentions : pandas.DataFrame
        Mentions with the articles' own ids, ``sentence_id``, ``start`` and ``end``.
    articles : pandas.DataFrame or None
        ``article_id`` and ``text``.

    Returns
    -------
    dict
        alias id -> the person's id.
    """
    need = {"article_id", "sentence_id", "start", "end", "actor_id"}
    if articles is None or "text" not in articles.columns or not need <= set(mentions.columns):
        return {}
    people = {
        a
        for a, k in zip(actor_parts["actor_id"], actor_parts["kind"], strict=True)
        if k == "person"
    }
    free = people - set(actor_parts.loc[actor_parts["in_kb"].astype(bool), "actor_id"])
    texts = dict(zip(articles["article_id"], articles["text"], strict=True))
    m = mentions[mentions["actor_id"].isin(list(people))].sort_values(["article_id", "start"])
    votes: dict[str, set[str]] = {}
    last: dict[tuple, str] = {}  # (article, sentence) -> the last person named in it
    for aid, art, sent, start in zip(
        m["actor_id"], m["article_id"], m["sentence_id"], m["start"], strict=True
    ):
        text = texts.get(art)
        key = (art, sent)
        before = text[max(0, int(start) - 40) : int(start)] if isinstance(text, str) else ""
        if aid in free and _ALIAS_CUE.search(before):
            prev = last.get(key)
            votes.setdefault(aid, set()).add(prev if prev and prev != aid else "")
        last[key] = aid
    return {a: next(iter(v)) for a, v in votes.items() if len(v) == 1 and "" not in v}


def generic_bodies(actor_parts: pd.DataFrame, joins: Mapping[str, str]) -> set[str]:
    """Bodies outside the knowledge base named by a generic noun alone ("the Court",
    "the Committee") that no join gave a full name: no identifiable actor."""
    from analysis.actors.names import GENERIC_BODY_NOUNS

    if actor_parts is None or not len(actor_parts):
        return set()
    out = set()
    for aid, name, kind, kb in zip(
        actor_parts["actor_id"], actor_parts["name"], actor_parts["kind"], actor_parts["in_kb"],
        strict=True,
    ):  # fmt: skip
        if bool(kb) or aid in joins or not isinstance(name, str):
            continue
        if kind in _BODY_KINDS and name.strip().lower() in GENERIC_BODY_NOUNS:
            out.add(aid)
    return out


def _same_article_joins(parts: pd.DataFrame) -> dict[str, str]:
    """A one-word name outside the knowledge base ("Roe", tagged a person or a body)
    that the corpus cannot place by itself (several people bear that surname) is the
    person its own articles name in full: joined when the articles that name one
    person of that surname name the same one, and those that name several include it.
    A short form of a body ("House") joins the same way a body its articles name in
    full ("House of Representatives")."""
    from analysis.actors.graph import (
        _JOINABLE_KINDS,
        _SUFFIXES,
        _words,
        body_endings,
        org_head,
        org_words,
    )

    if "article_id" not in parts.columns:
        return {}
    people: dict[tuple[str, str], set[str]] = {}  # (article, surname) -> person ids
    bodies: dict[tuple[str, str], set[str]] = {}  # (article, short form) -> body ids
    singles: dict[str, list[str]] = {}  # one-word actor -> its articles
    tagged_place: set[str] = set()  # one-word names tagged as a place (a government)
    words: dict[str, str] = {}
    for art, aid, name, kind, kb in zip(
        parts["article_id"], parts["actor_id"], parts["name"], parts["kind"], parts["in_kb"],
        strict=True,
    ):  # fmt: skip
        kind = kind if isinstance(kind, str) else None
        w = _words(name) if isinstance(name, str) else []
        if kind == "person" and len(w) >= 2:
            last = " ".join(w[-2:]) if w[-1] in _SUFFIXES else w[-1]
            people.setdefault((art, last), set()).add(aid)
        elif len(w) == 1 and not bool(kb) and kind in _JOINABLE_KINDS | {"government"}:
            singles.setdefault(aid, []).append(art)
            words[aid] = w[0]
            if kind == "government":
                tagged_place.add(aid)
        elif head := org_head(kind, name):
            bodies.setdefault((art, head), set()).add(aid)
    # bodies named with the word last ("Supreme Court" for "Court", "White House" for
    # "House") make an article ambiguous for that word: it tells nothing
    endings: set[tuple[str, str]] = set()
    for art, name, kind in zip(parts["article_id"], parts["name"], parts["kind"], strict=True):
        w = org_words(name) if isinstance(name, str) and kind in _BODY_KINDS else []
        if len(w) >= 2:
            endings.update((art, e) for e in body_endings(w))
    out: dict[str, str] = {}
    for aid, arts in singles.items():
        for named in (people, bodies):
            if named is bodies:
                arts = [a for a in arts if (a, words[aid]) not in endings]
            found = [named.get((art, words[aid]), set()) - {aid} for art in arts]
            if aid in tagged_place and (named is bodies or not all(found)):
                continue  # a place's name is a person's only where each article names one
            found = [f for f in found if f]
            one = {next(iter(f)) for f in found if len(f) == 1}
            # the articles naming one agree; those naming several include it
            if len(one) == 1 and all(one <= f for f in found):
                out[aid] = one.pop()
                break
    return out


def _target(joins: Mapping[str, str], aid: str) -> str:
    seen = {aid}
    while aid in joins and joins[aid] not in seen:
        aid = joins[aid]
        seen.add(aid)
    return aid


def _map_ids(series: pd.Series, joins: Mapping[str, str]) -> pd.Series:
    """``series`` with every id in ``joins`` replaced (missing values kept)."""
    if not joins or not len(series):
        return series
    hit = series.isin(list(joins))
    if not hit.any():
        return series
    out = series.copy()
    out[hit] = series[hit].map(joins)
    return out.astype(series.dtype)


def _map_lists(series: pd.Series, joins: Mapping[str, str]) -> pd.Series:
    """Lists of ids with every id in ``joins`` replaced, duplicates dropped (order kept)."""

    def one(ids):
        if ids is None or (isinstance(ids, float) and ids != ids):
            return ids
        items = list(ids)
        if not any(i in joins for i in items):
            return ids
        kept = (joins.get(i, i) for i in items)
        return list(dict.fromkeys(i for i in kept if i is not None))

    return series.map(one) if joins and len(series) else series


def rename_actor_parts(parts: pd.DataFrame, joins: Mapping[str, str]) -> pd.DataFrame:
    """Per-article actor rows with joined ids, one row per article and actor.

    A joined row counts its mentions and aliases for the actor it joins; its name and
    kind do not vote (the actor keeps the name and kind it is known by), its country
    does.  Two rows of one article that become one actor are summed into one row.
    """
    if not joins or not len(parts) or not parts["actor_id"].isin(list(joins)).any():
        return parts
    dropped = [k for k, v in joins.items() if v is None]
    if dropped:
        parts = parts[~parts["actor_id"].isin(dropped)]
        joins = {k: v for k, v in joins.items() if v is not None}
    parts = parts.copy()
    hit = parts["actor_id"].isin(list(joins)).to_numpy()
    parts.loc[hit, "actor_id"] = parts.loc[hit, "actor_id"].map(joins)
    if "name_votes" in parts.columns:
        for col in ("name_votes", "kind_votes"):
            parts[col] = [{} if h else v for h, v in zip(hit, parts[col], strict=True)]
    else:
        parts.loc[hit, ["name", "kind"]] = pd.NA
    keys = ["article_id", "actor_id"] if "article_id" in parts.columns else ["actor_id"]
    dup = parts.duplicated(keys, keep=False)
    if not dup.any():
        return parts
    rows = [_sum_rows(group) for _, group in parts[dup].groupby(keys, sort=False)]
    merged = pd.DataFrame(rows, columns=parts.columns)
    out = pd.concat([parts[~dup], merged], ignore_index=True)
    return out.astype({c: parts[c].dtype for c in ("mentions", "articles") if c in parts})


def _sum_rows(group: pd.DataFrame) -> dict:
    rows = group.to_dict("records")
    # the row that was not joined (else the most mentioned) gives the kept values
    rows.sort(key=lambda r: (not _has(r.get("name")), -int(r["mentions"])))
    out = dict(rows[0])
    out["mentions"] = sum(int(r["mentions"]) for r in rows)
    out["articles"] = max(int(r["articles"]) for r in rows)
    out["aliases"] = sorted({a for r in rows for a in (r["aliases"] if _has_list(r) else [])})
    for col in ("name_votes", "kind_votes", "country_votes"):
        if col in out:
            votes: dict = {}
            for r in rows:
                for k, v in (r.get(col) or {}).items():
                    if v is not None:
                        votes[k] = votes.get(k, 0) + int(v)
            out[col] = votes
    return out


def _has(value) -> bool:
    return (
        value is not None
        and value is not pd.NA
        and not (isinstance(value, float) and value != value)
    )


def _has_list(row: dict) -> bool:
    v = row.get("aliases")
    return v is not None and not (isinstance(v, float) and v != v)


def rename_edge_parts(edges: pd.DataFrame, joins: Mapping[str, str]) -> pd.DataFrame:
    """Edge rows (per article or corpus-wide) with joined ids: pairs re-ordered, a pair
    that became one actor dropped, rows of the same pair summed (``articles`` per
    article is at most 1)."""
    if not joins or not len(edges):
        return edges
    src = _map_ids(edges["source"], joins)
    dst = _map_ids(edges["target"], joins)
    if src.equals(edges["source"]) and dst.equals(edges["target"]):
        return edges
    keep = (src.notna() & dst.notna()).to_numpy(dtype=bool)
    edges, src, dst = edges[keep], src[keep], dst[keep]
    first = (src.astype(object) <= dst.astype(object)).to_numpy(dtype=bool)
    out = edges.assign(source=src.where(first, dst), target=dst.where(first, src))
    out = out[out["source"] != out["target"]]
    keys = [c for c in ("article_id",) if c in out.columns] + ["source", "target"]
    agg = {"weight": "sum", "articles": "max" if "article_id" in out.columns else "sum"}
    out = out.groupby(keys, as_index=False, sort=False).agg(agg)
    if "article_id" not in out.columns:
        out = out.sort_values(
            ["weight", "source", "target"], ascending=[False, True, True], kind="stable"
        )
    return out.reset_index(drop=True).astype({c: edges[c].dtype for c in out.columns})


#: Columns that carry actor ids, by frame (a list of ids for ``participants``).
ID_COLUMNS = {"mentions": ("actor_id",), "quotes": ("speaker", "via"), "events": ("participants",)}
#: Suffix of the column that keeps the id the article alone gave ("actor_id_article").
ARTICLE_SUFFIX = "_article"


def _rejoin(frame: pd.DataFrame, cols: tuple[str, ...], joins: Mapping) -> pd.DataFrame:
    """``frame`` with its id columns recomputed from the article's own ids."""
    changes = {}
    for col in cols:
        if col not in frame.columns:
            continue
        keep = col + ARTICLE_SUFFIX
        if keep in frame.columns:
            base = frame[keep]
        elif joins:
            base = changes[keep] = frame[col]
        else:
            continue
        changes[col] = _map_lists(base, joins) if col == "participants" else _map_ids(base, joins)
    return frame.assign(**changes) if changes else frame


def article_ids(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """``frame`` with the actor ids its articles alone gave, before any corpus-wide join."""
    return _rejoin(frame, ID_COLUMNS.get(name, ()), {}) if frame is not None else frame


def apply_joins(frames: Mapping[str, pd.DataFrame], joins: Mapping[str, str]) -> dict:
    """The frames with every actor id rewritten by ``joins``.

    The ids of mentions, quotes and events are always computed from the ids each
    article gave by itself, kept beside them in ``*_article`` columns (``actor_id_article``,
    ``speaker_article``, ``via_article``, ``participants_article``) once a join changed
    something: applying new joins to frames joined before gives what they give to the
    article's own ids, so an incremental build or a selection never joins twice.

    Parameters
    ----------
    frames : mapping of str to DataFrame
        Any of ``mentions`` (``actor_id``), ``quotes`` (``speaker``, ``via``), ``events``
        (``participants``), ``edges``, ``actor_parts`` and ``edge_parts`` (these with the
        articles' own ids); others are returned as given.
    joins : mapping
        From :func:`corpus_joins`; an id mapped to ``None`` is no actor (its mentions
        lose their id, it leaves participants, edges and parts).

    Returns
    -------
    dict of str to DataFrame
        The same frames (a frame with nothing to rewrite is the same object).
    """
    out = dict(frames)
    for name, cols in ID_COLUMNS.items():
        if out.get(name) is not None and len(out[name]):
            out[name] = _rejoin(out[name], cols, joins)
    if not joins:
        return out
    for name in ("edges", "edge_parts"):
        if out.get(name) is not None:
            out[name] = rename_edge_parts(out[name], joins)
    if out.get("actor_parts") is not None:
        out["actor_parts"] = rename_actor_parts(out["actor_parts"], joins)
    if out.get("edges") is not None and len(out["edges"]):
        out["edges"] = schema.conform(out["edges"], "edges")
    return out

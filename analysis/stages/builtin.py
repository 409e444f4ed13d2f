"""The built-in stages: parse, dates and timexes, actors, places, events, reference links.

Each spec's ``run`` calls the stage's public frame-level function (``analysis.nlp.parse``,
``analysis.timex.tag_timexes``, ``analysis.actors.resolve_actors``,
``analysis.geo.geoparse``, ``analysis.events.extract_events``,
``analysis.events.link_reference``), imported when the stage first runs, so spaCy is
loaded only by a build that parses something.  The corpus-level specs re-merge the
per-article actor parts and regroup events over the whole corpus on every assemble.
"""

from __future__ import annotations

import pandas as pd

from .graph import register_stage
from .spec import Batch, StageSpec

__all__ = ["BUILTIN_STAGES", "agreeing_groups", "article_view", "with_own_ids"]


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if len(f)] or frames[:1]
    return frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)


def _article_actors(one: Batch) -> pd.DataFrame:
    """The actors of one article: its rows of ``actor_parts`` (no other article's)."""
    parts = one["actor_parts"]
    return parts.drop(columns="article_id") if "article_id" in parts.columns else parts


# ---------------------------------------------------------------------- per article


def run_nlp(batch: Batch, res) -> dict:
    """Parse once: sentences (stored), and the Docs and entity spans for later stages."""
    from analysis import nlp

    parsed = nlp.parse(batch["articles"], nlp=res.nlp(), settings=batch.settings)
    return {"sentences": parsed.sentences, "entities": parsed.mentions, "docs": parsed.docs}


def run_timexes(batch: Batch, res) -> dict:
    """Publication dates inferred where missing, then the temporal expressions."""
    from analysis import timex

    arts = timex.infer_published(batch["articles"])
    return {"articles": arts, "timexes": timex.tag_timexes(arts, batch["sentences"])}


def run_actors(batch: Batch, res) -> dict:
    """Mentions resolved to actors, quotes, and per-article actor and edge parts."""
    from analysis import actors

    r = actors.resolve_actors(
        batch["articles"], batch["sentences"], batch["entities"], docs=batch["docs"], kb=res.kb()
    )
    return {
        "mentions": r.mentions,
        "quotes": r.quotes,
        "actor_parts": r.actor_parts,
        "edge_parts": r.edge_parts,
    }


def run_places(batch: Batch, res) -> dict:
    """Toponyms resolved against the gazetteer; ``mentions.place_id`` linked to them."""
    from analysis import geo

    places = geo.geoparse(
        batch["articles"],
        batch["sentences"],
        batch["entities"],
        docs=batch["docs"],
        gazetteer=res.gazetteer(),
        overrides=batch.settings.place_overrides,
    )
    mentions = batch["mentions"]
    mentions = mentions.assign(place_id=pd.Series(pd.NA, index=mentions.index, dtype="string"))
    if len(places) and len(mentions):
        mentions = geo.link_mentions(mentions, places)
    return {"places": places, "mentions": mentions}


def run_events(batch: Batch, res) -> dict:
    """Events of each article, from that article's frames and actor rows only (not linked).

    ``extract_events`` is called once per group of articles whose actor rows agree (see
    :func:`agreeing_groups`), which gives what one call per article gives at a fraction of
    the cost (the per-call frame handling is most of the work of a short article).
    """
    from analysis import events

    out = []
    parts = batch["actor_parts"]
    own = {k: article_view(batch[k], k) for k in ("mentions", "quotes")}
    for ids in agreeing_groups(parts, batch.ids):
        whole = len(ids) == len(batch.ids)
        group = batch if whole else batch.subset(ids)
        mine = own if whole else {k: _rows(v, ids) for k, v in own.items()}
        out.append(
            events.extract_events(
                group["articles"],
                group["sentences"],
                mine["mentions"],
                _article_actors(group),
                group["places"],
                group["timexes"],
                mine["quotes"],
                docs=group["docs"],
                link=False,
            )
        )
    return {"events": _concat(out)}


def _rows(df: pd.DataFrame, ids: list[str]) -> pd.DataFrame:
    return df[df["article_id"].isin(ids)].reset_index(drop=True) if len(df) else df


#: actor_parts columns that say how one article counts and spells an actor, not what the
#: actor is: they differ between articles naming the same actor, and the extractor reads
#: what an actor is (its kind: a news agency is a source, not a participant)
_ARTICLE_SPECIFIC = ("article_id", "mentions", "articles", "name", "aliases")


def agreeing_groups(actor_parts: pd.DataFrame, ids: list[str]) -> list[list[str]]:
    """The articles in groups within which every actor is described the same way.

    Each article's own actor rows (``actor_parts``) are the only actors its events may
    see.  Within a group, an actor id named by several articles is the same kind of actor
    in each (kind, country, wikidata...; how each article counts and spells it aside), so
    the group's rows tell every article what its own rows tell it: one ``extract_events``
    call per group equals one per article.  An article that sees an actor differently (an
    ``x:`` id that is an organisation in one article and a person in another) goes to
    another group.

    Parameters
    ----------
    actor_parts : pandas.DataFrame
        Per-article actor rows (``article_id`` + the actors columns).
    ids : list of str
        The articles, in batch order.

    Returns
    -------
    list of list of str
        The groups, each in batch order; together they hold every id once.
    """
    skip = (*_ARTICLE_SPECIFIC, "actor_id")
    cols = ["actor_id", *(c for c in actor_parts.columns if c not in skip)]
    described: dict[str, dict[str, tuple]] = {aid: {} for aid in ids}
    if len(actor_parts):
        keys = actor_parts[cols].astype(object).to_numpy().tolist()
        for aid, row in zip(actor_parts["article_id"].astype(str), keys, strict=True):
            if aid in described:
                described[aid][str(row[0])] = tuple(_hashable(v) for v in row[1:])
    groups: list[tuple[list[str], dict[str, tuple]]] = []
    for aid in ids:
        mine = described[aid]
        for members, seen in groups:
            if all(seen.get(k, v) == v for k, v in mine.items()):
                members.append(aid)
                seen.update(mine)
                break
        else:
            groups.append(([aid], dict(mine)))
    return [members for members, _ in groups]


def _hashable(value):
    if isinstance(value, list | tuple) or hasattr(value, "tolist"):
        return tuple(_hashable(v) for v in (value.tolist() if hasattr(value, "tolist") else value))
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return value


def run_reference(batch: Batch, res) -> dict:
    """Events linked to the reference timeline of ``Settings.reference_events`` (if any)."""
    from analysis import events

    ref = res.reference()

    def link(evs: pd.DataFrame, actors: pd.DataFrame | None) -> pd.DataFrame:
        evs = evs.assign(reference_id=pd.Series(pd.NA, index=evs.index, dtype="string"))
        return events.link_reference(evs, ref, actors=actors)

    if not len(ref):  # nothing to link to: the link columns, empty
        return {"events": link(batch["events"], None)}
    # the participants as the article gave them, like its actor rows
    return {
        "events": _concat(
            [
                link(article_view(one["events"], "events"), _article_actors(one))
                for one in batch.split()
            ]
        )
    }


# ---------------------------------------------------------------------- corpus level


#: corpus frames whose actor ids the corpus-wide joins rewrite (those the batch holds)
_ACTOR_ID_FRAMES = ("mentions", "quotes", "events")


def with_own_ids(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """``frame`` with the ids its articles gave by themselves in every ``*_article`` column.

    Stored rows of ``mentions``, ``quotes`` and ``events`` went through the corpus-wide
    joins: their ``actor_id`` (``speaker``, ``via``, ``participants``) is joined and the
    article's own id is kept beside it in ``actor_id_article`` (``speaker_article``...).
    Rows computed in this build (a new, edited or failed article) hold their own ids in
    the id column only, and the concatenation left their ``*_article`` value missing; a
    missing own id would make the joins erase their ids.  A stored row's own id is missing only when its
    joined id is (a join maps a missing id to a missing one), so filling the missing own
    ids from the id column is exact for both kinds of rows.

    Parameters
    ----------
    frame : pandas.DataFrame
        A ``mentions``, ``quotes`` or ``events`` frame (any other is returned as is).
    name : str
        The frame's name.

    Returns
    -------
    pandas.DataFrame
        ``frame`` itself when nothing was missing, else a copy with the values filled.
    """
    from analysis.actors.identity import ARTICLE_SUFFIX, ID_COLUMNS

    if frame is None or not len(frame):
        return frame
    changes = {}
    for col in ID_COLUMNS.get(name, ()):
        own = col + ARTICLE_SUFFIX
        if own not in frame.columns or col not in frame.columns:
            continue
        missing = frame[own].isna()
        if missing.any():
            changes[own] = frame[own].where(~missing, frame[col])
    return frame.assign(**changes) if changes else frame


def article_view(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """``frame`` with the actor ids its articles gave by themselves in the id columns.

    A per-article stage re-run on stored rows (``events`` after a failure, when the
    mentions are kept) must see what it saw in the build that made them: the ids each
    article gave, not the corpus-wide joined ones, which the corpus stage applies again
    afterwards.  Rows never joined are returned as they are.

    Parameters
    ----------
    frame : pandas.DataFrame
        A ``mentions``, ``quotes`` or ``events`` frame (any other is returned as is).
    name : str
        The frame's name.

    Returns
    -------
    pandas.DataFrame
        The frame with the article's own ids (the ``*_article`` columns kept beside).
    """
    from analysis.actors.identity import article_ids

    return article_ids(with_own_ids(frame, name), name)


def run_corpus_actors(batch: Batch, res) -> dict:
    """Corpus-wide actors and co-mention edges, merged from the per-article parts, with
    one id per actor in every frame (:func:`analysis.actors.identity.corpus_joins`)."""
    from analysis.actors.identity import (
        alias_joins,
        apply_joins,
        article_ids,
        corpus_joins,
        generic_bodies,
        place_only_actors,
        undertaking_actors,
    )
    from analysis.state import merge_actor_parts, merge_edge_parts

    parts = batch["actor_parts"]
    # stored rows and this build's rows, each with the ids its article gave
    own = {k: with_own_ids(batch[k], k) for k in _ACTOR_ID_FRAMES if k in batch}
    joins: dict = dict(corpus_joins(parts))
    if "mentions" in own:
        # a place taken for an organisation or a person (and never joined) is no actor
        places = batch.get("places")
        kept = set(joins) | set(joins.values())
        arts = batch.get("articles")
        mentions = article_ids(own["mentions"], "mentions")  # as the articles gave them
        for aid in place_only_actors(parts, mentions, places, arts) - kept:
            joins[aid] = None
        # a project or an agreement the tagger took for a body (and that never acts)
        quotes = article_ids(own["quotes"], "quotes") if "quotes" in own else None
        for aid in undertaking_actors(parts, mentions, arts, quotes) - kept:
            joins[aid] = None
        # "travelling under the alias Ann Smith": another name of the person just named
        for aid, dst in alias_joins(parts, mentions, arts).items():
            if aid not in joins and dst != aid:
                joins[aid] = joins.get(dst, dst)
                joins.update({k: joins[aid] for k, v in joins.items() if v == aid})
    for aid in generic_bodies(parts, joins) - set(joins.values()):
        joins[aid] = None  # "the Court" with no full name
    frames = {"actor_parts": parts, "edge_parts": batch["edge_parts"]}
    frames.update(own)
    frames = apply_joins(frames, joins)
    out = {k: frames[k] for k in _ACTOR_ID_FRAMES if k in frames}
    out["actors"] = merge_actor_parts(frames["actor_parts"])
    out["edges"] = merge_edge_parts(frames["edge_parts"])
    return out


def run_event_groups(batch: Batch, res) -> dict:
    """``events.event_group``: the same real-world event across articles."""
    from analysis.state import group_events

    return {
        "events": group_events(
            batch["events"], batch["actors"], batch["places"], articles=batch.get("articles")
        )
    }


_LINK_COLUMNS = (
    "reference_id",
    "ref_name",
    "ref_type",
    "ref_begin",
    "ref_end",
    "ref_place",
    "ref_lat",
    "ref_lon",
    "ref_source",
    "link_score",
)

BUILTIN_STAGES = (
    StageSpec(
        name="nlp",
        run=run_nlp,
        requires=("articles.text", "articles.language"),
        assigns=("sentences",),
        transient=("docs", "entities"),
        schemas={"entities": "mentions"},
        # the entity ruler holds the knowledge bases' and gazetteer additions' patterns
        settings=("model", "knowledge_bases", "gazetteer_additions"),
        sort_keys={"sentences": ("sentence_id",)},
        module="analysis.nlp",
        resources=("nlp",),
    ),
    StageSpec(
        name="timexes",
        run=run_timexes,
        requires=("articles.text", "articles.published", "sentences"),
        assigns=(
            "articles.published",
            "articles.published_precision",
            "articles.published_inferred",
            "articles.published_reason",
            "timexes",
        ),
        settings=("model",),
        # it reads only the sentence boundaries, which depend on the model alone (in its
        # own settings): a changed knowledge base or gazetteer does not retag dates
        upstream=(),
        sort_keys={"timexes": ("start", "end")},
        module="analysis.timex",
        aliases=("time",),
    ),
    StageSpec(
        name="actors",
        run=run_actors,
        # a title's holder depends on the publication date ("the president" in 2019)
        requires=("articles.text", "articles.published", "sentences", "entities", "docs"),
        assigns=("mentions", "quotes", "actor_parts", "edge_parts"),
        schemas={"actor_parts": "actors", "edge_parts": "edges"},
        settings=("model", "knowledge_bases"),
        sort_keys={
            "mentions": ("start", "end", "label"),
            "quotes": ("start", "end"),
            "actor_parts": ("actor_id",),
            "edge_parts": ("source", "target"),
        },
        module="analysis.actors",
        resources=("kb",),
    ),
    StageSpec(
        name="places",
        run=run_places,
        requires=("articles.text", "sentences", "entities", "docs"),
        assigns=("places", "mentions.place_id"),
        settings=("model", "gazetteer_additions", "place_overrides"),
        sort_keys={"places": ("start", "end")},
        module="analysis.geo",
        resources=("gazetteer",),
    ),
    StageSpec(
        name="events",
        run=run_events,
        requires=(
            "articles.text",
            "articles.published",
            "sentences",
            "mentions",
            "actor_parts",
            "places",
            "timexes",
            "quotes",
            "docs",
        ),
        assigns=("events",),
        settings=("model", "knowledge_bases", "gazetteer_additions"),
        sort_keys={"events": ("sentence_id", "event_id")},
        module="analysis.events",
        # the weapon systems of the typology ("tested a <name>")
        data_files=("event_vocabulary.csv",),
    ),
    StageSpec(
        name="reference",
        run=run_reference,
        requires=("events", "actor_parts"),
        assigns=tuple(f"events.{c}" for c in _LINK_COLUMNS),
        settings=("reference_events",),
        module="analysis.events",
        resources=("reference",),
    ),
    StageSpec(
        name="corpus_actors",
        run=run_corpus_actors,
        # the frames carrying actor ids are named by column, so that the event groups
        # (which assign a column of events) come after this stage, not before
        requires=(
            "actor_parts",
            "edge_parts",
            "mentions.actor_id",
            "quotes.speaker",
            "events.participants",
            "places.feature",
            "articles.text",
        ),
        assigns=(
            "actors",
            "edges",
            "mentions.actor_id",
            "quotes.speaker",
            "quotes.via",
            "events.participants",
        ),
        per_article=False,
        module="analysis.actors",
    ),
    StageSpec(
        name="event_groups",
        run=run_event_groups,
        requires=("events", "actors", "places", "articles.published"),
        assigns=("events.event_group",),
        per_article=False,
        module="analysis.events",
    ),
)

for _spec in BUILTIN_STAGES:
    register_stage(_spec)

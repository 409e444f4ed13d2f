"""Actors: who is in the news, who speaks, who appears with whom.

* :func:`load_knowledge_base` -- the bundled ``data/actors.csv`` plus users' files.
* :func:`resolve_actors` -- mentions to canonical actors (``kb:<id>`` for knowledge-base
  actors, ``x:<slug>`` for others), quotes and co-mention edges, one article at a time.
* :func:`merge_actors`, :func:`merge_edges` -- combine per-batch results.
* :func:`co_mention_graph` -- the edges as a networkx graph.
"""

from analysis.actors.graph import co_mention_graph, merge_actors, merge_edges
from analysis.actors.kb import (
    KnowledgeBaseError,
    kb_index,
    load_knowledge_base,
    normalize_name,
    slugify,
)

__all__ = [
    "ActorResult",
    "KnowledgeBaseError",
    "co_mention_graph",
    "kb_index",
    "load_knowledge_base",
    "merge_actors",
    "merge_edges",
    "normalize_name",
    "resolve_actors",
    "slugify",
]


def __getattr__(name: str):
    # resolve_actors needs spaCy: imported on first use, so merging stored actor parts
    # (an incremental build with nothing new, Corpus.filter) does not load spaCy
    if name in ("ActorResult", "resolve_actors"):
        from analysis.actors import resolve

        return getattr(resolve, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""newsdesk: geopolitical news articles into pandas frames, maps and timelines.

The public API is listed in ``__all__``; heavy modules (spaCy, plotly, dask) are
imported only when one of their names is first used.

>>> import analysis
>>> corpus = analysis.build("data/articles")          # doctest: +SKIP
>>> corpus.actors.head()                              # doctest: +SKIP
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

# public name -> module that defines it
_LAZY = {
    "load_articles": "analysis.io",
    "build": "analysis.corpus",
    "Corpus": "analysis.corpus",
    "Settings": "analysis.settings",
    "load_pipeline": "analysis.nlp",
    "parse": "analysis.nlp",
    "resolve_actors": "analysis.actors",
    "load_knowledge_base": "analysis.actors",
    "co_mention_graph": "analysis.actors",
    "get_geocoder": "analysis.geo",
    "geoparse": "analysis.geo",
    "tag_timexes": "analysis.timex",
    "extract_events": "analysis.events",
    "load_reference_events": "analysis.events",
    "explorer": "analysis.widgets",
    "select": "analysis.selection",
    "export": "analysis.export",
    "write_report": "analysis.report",
    "SCHEMAS": "analysis.schema",
    "SchemaError": "analysis.schema",
}

__all__ = sorted([*_LAZY, "__version__"])


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__

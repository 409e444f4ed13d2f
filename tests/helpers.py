"""Small builders shared by several test modules."""

from __future__ import annotations

import math

import pandas as pd

from analysis import schema


def make_articles(texts: dict[str, str], language: str | dict = "en") -> pd.DataFrame:
    """A hand-built articles frame, one row per text (published 2019-04-22, UTC).

    ``language`` is one code for all rows or a dict article_id -> code ("en" by default).
    """
    ids = list(texts)
    langs = [language.get(i, "en") if isinstance(language, dict) else language for i in ids]
    frame = pd.DataFrame(
        {
            "article_id": ids,
            "title": ids,
            "title_derived": False,
            "source": None,
            "url": None,
            "author": None,
            "published": pd.Timestamp("2019-04-22", tz="UTC"),
            "published_precision": "day",
            "published_inferred": False,
            "text": [texts[i] for i in ids],
            "language": langs,
            "path": None,
            "paths": [[] for _ in ids],
            "format": "txt",
            "n_words": [len(texts[i].split()) for i in ids],
        }
    )
    return schema.conform(frame, "articles")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, mean Earth radius)."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))

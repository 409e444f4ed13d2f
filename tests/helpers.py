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


# ----------------------------------------------------------------- real text, real pipeline
# Three short reports of the Putin-Kim summit of 25 April 2019 with different date
# precision (a plan "later this month", "on Thursday", an exact date) and one report of a
# different meeting that shares Kim (Hanoi, February 2019).

SUMMIT_TEXTS = {
    "kremlin": "Russian President Vladimir Putin will meet North Korean leader Kim Jong Un in "
    "Vladivostok later this month, the Kremlin said on Saturday. Kim is expected to travel "
    "to Russia by train.",
    "summit": "Vladimir Putin and Kim Jong Un held their first summit in Vladivostok on "
    "Thursday. The two leaders met on Russky Island for about two hours.",
    "wire": "Kim Jong Un met Vladimir Putin on 25 April 2019 in the Russian Pacific port of "
    "Vladivostok, the Kremlin said.",
    "hanoi": "U.S. President Donald Trump met North Korean leader Kim Jong Un in Hanoi on "
    "27 February 2019. The summit ended without an agreement.",
}
SUMMIT_PUBLISHED = {
    "kremlin": "2019-04-20",
    "summit": "2019-04-26",
    "wire": "2019-04-26",
    "hanoi": "2019-03-01",
}


#: One outlet per summit text (the corrections tests' corpus).
SUMMIT_SOURCES = {"kremlin": "TASS", "summit": "Yonhap", "wire": "Reuters", "hanoi": "AP"}


def summit_articles(sources: dict[str, str]) -> pd.DataFrame:
    """The articles frame of :data:`SUMMIT_TEXTS`, dated, with the given source of each."""
    arts = make_articles(SUMMIT_TEXTS)
    published = pd.to_datetime([SUMMIT_PUBLISHED[a] for a in arts["article_id"]], utc=True)
    arts["published"] = published.astype("datetime64[ns, UTC]")
    arts["source"] = pd.array([sources[a] for a in arts["article_id"]], dtype="string")
    return arts


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, mean Earth radius)."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def canonical(corpus) -> dict[str, pd.DataFrame]:
    """Every frame of ``corpus`` in an order-independent form for comparing two builds
    (where the articles were read from set aside)."""
    out = {}
    for name, df in corpus.frames.items():
        df = df.drop(columns=[c for c in ("path", "paths") if c in df.columns])
        text = df.astype(str)
        out[name] = text.sort_values(list(text.columns)).reset_index(drop=True)
    return out

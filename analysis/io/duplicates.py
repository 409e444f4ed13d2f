"""Near-duplicate articles: syndicated wire copies and updated versions of one story.

The same agency story republished by several outlets (a new headline, a trimmed
paragraph, a house style) and the successive versions of one story ("updated with
the minister's reply") are not identical texts, so their ``article_id`` differ.
:func:`flag_duplicates` finds them in time linear in the corpus:

1. each text becomes a set of word *shingles* (:data:`SHINGLE` consecutive words,
   lower-cased, punctuation dropped), hashed to 64 bits;
2. a MinHash signature of :data:`NUM_PERM` values estimates the overlap of two sets;
3. locality-sensitive hashing (:data:`BANDS` bands of the signature) puts texts that
   probably overlap into the same bucket, so only those pairs are compared;
4. a candidate pair is a near-duplicate when the exact overlap of the shingle sets
   is high: Jaccard >= :data:`MIN_JACCARD`, or the shorter text is contained in the
   longer one at >= :data:`MIN_CONTAINMENT` (an updated version that adds
   paragraphs).

Pairs are joined into groups (a copy of a copy is in the same group).  The group's
*representative* is its earliest article (by ``published``; undated ones after the
dated, then the longest, then the smallest id): its ``article_id`` is the
``story_id`` of every member, and every other member gets ``duplicate_of`` = that
id.  Articles without a near-duplicate are their own story, with ``duplicate_of``
missing.  Texts shorter than :data:`MIN_SHINGLES` shingles are never flagged.
"""

from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
import pandas as pd

from .. import schema

__all__ = [
    "BANDS",
    "MIN_CONTAINMENT",
    "MIN_JACCARD",
    "MIN_SHINGLES",
    "NUM_PERM",
    "SHINGLE",
    "flag_duplicates",
    "near_duplicate_pairs",
    "shingles",
]

#: Words per shingle.
SHINGLE = 5
#: MinHash signature length.
NUM_PERM = 64
#: LSH bands (``NUM_PERM / BANDS`` rows each); 32 bands of 2 rows catch pairs whose
#: Jaccard is above about 0.2 with high probability (they are then checked exactly).
BANDS = 32
#: Exact Jaccard of shingle sets at which two texts are near-duplicates.
MIN_JACCARD = 0.5
#: Share of the smaller text's shingles found in the larger one at which two texts are
#: near-duplicates (an updated or extended version of one story).
MIN_CONTAINMENT = 0.8
#: Texts with fewer shingles than this are never flagged (too short to tell).
MIN_SHINGLES = 20

_WORD = re.compile(r"[^\W_]+", re.U)
_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)
_rng = np.random.default_rng(20260101)
_XOR = _rng.integers(0, 2**63 - 1, size=NUM_PERM, dtype=np.int64).astype(np.uint64)
_MUL = (
    _rng.integers(0, 2**62, size=NUM_PERM, dtype=np.int64).astype(np.uint64) << np.uint64(1)
) | np.uint64(1)


def shingles(text: str, k: int = SHINGLE) -> np.ndarray:
    """The distinct hashed word ``k``-shingles of ``text`` (uint64, sorted).

    Words are lower-cased runs of letters and digits; the hash is a stable 64-bit
    polynomial of the words' hashes (``pandas.util.hash_array`` with its fixed key:
    the same on every run and machine).
    """
    words = _WORD.findall(text.lower()) if isinstance(text, str) else []
    if len(words) < k:
        return np.zeros(0, dtype=np.uint64)
    h = pd.util.hash_array(np.asarray(words, dtype=object), categorize=False)
    out = np.zeros(len(words) - k + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            out = out * np.uint64(1_000_003) + h[j : len(words) - k + 1 + j]
    return np.unique(out)


def _signature(sh: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        mixed = (sh[:, None] ^ _XOR[None, :]) * _MUL[None, :]
        mixed ^= mixed >> np.uint64(29)
    return mixed.min(axis=0)


def near_duplicate_pairs(texts: list[str]) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, similarity)`` of near-duplicate texts (``i < j``).

    ``similarity`` is the larger of the Jaccard and the containment measure; see the
    module docstring for the thresholds.
    """
    sets = [shingles(t) for t in texts]
    rows = NUM_PERM // BANDS
    buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    for i, sh in enumerate(sets):
        if len(sh) < MIN_SHINGLES:
            continue
        sig = _signature(sh)
        for b in range(BANDS):
            buckets[(b, sig[b * rows : (b + 1) * rows].tobytes())].append(i)
    candidates: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) > 1:
            for a in range(len(members)):
                for b in range(a + 1, len(members)):
                    candidates.add((members[a], members[b]))
    out = []
    for i, j in sorted(candidates):
        a, b = sets[i], sets[j]
        inter = len(np.intersect1d(a, b, assume_unique=True))
        jac = inter / (len(a) + len(b) - inter)
        cont = inter / min(len(a), len(b))
        if jac >= MIN_JACCARD or cont >= MIN_CONTAINMENT:
            out.append((i, j, max(jac, cont)))
    return out


def flag_duplicates(articles: pd.DataFrame) -> pd.DataFrame:
    """Flag near-duplicate articles (syndicated copies, updated versions).

    Parameters
    ----------
    articles : pandas.DataFrame
        An ``articles`` frame (any subset of a corpus; groups are found within it, so
        call it on the whole corpus for corpus-wide groups).

    Returns
    -------
    pandas.DataFrame
        A conformed copy with ``story_id`` (the group representative's article_id,
        the article's own id when it has no near-duplicate) and ``duplicate_of``
        (the representative's id for the other members, else missing).

    Examples
    --------
    >>> out = flag_duplicates(articles)                    # doctest: +SKIP
    >>> originals = out[out["duplicate_of"].isna()]        # each story once
    """
    schema.check(articles, "articles")
    out = articles.copy()
    n = len(out)
    ids = out["article_id"].astype("string").tolist()
    texts = out["text"].tolist()
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, _ in near_duplicate_pairs(texts):
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    published = pd.to_datetime(out["published"], utc=True, errors="coerce")
    lengths = [len(t) if isinstance(t, str) else 0 for t in texts]

    def order(i: int) -> tuple:
        p = published.iloc[i]
        return (pd.isna(p), p.value if not pd.isna(p) else 0, -lengths[i], ids[i])

    story: list[str | None] = [None] * n
    dup: list[str | None] = [None] * n
    for members in groups.values():
        rep = min(members, key=order)
        for i in members:
            story[i] = ids[rep]
            if i != rep:
                dup[i] = ids[rep]
    out["story_id"] = pd.Series(story, index=out.index, dtype="string")
    out["duplicate_of"] = pd.Series(dup, index=out.index, dtype="string")
    return schema.conform(out, "articles")

"""Replay corrections over a corpus' frames, in file order, deterministically.

:func:`apply_corrections` is a pure function: frames in, corrected frames and a status
table out. A correction whose target is not in the frames (the article was removed, the
actor id changed) is *stale*: it is kept in the file and listed with the reason, and it
changes nothing. Every frame a correction touched carries an extra ``corrected_by``
column: the ids of the corrections that changed the row (``<NA>`` for untouched rows).

Replaying is idempotent for the frames (applying the same corrections to frames that
already carry them changes nothing more; a correction whose target is already gone is
then reported stale and changes nothing), so :meth:`analysis.Corpus.filter` re-applies
them after it re-derives corpus-wide frames and keeps the parent corpus' status.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.corrections.ledger import Correction
from analysis.corrections.operations import parse_date, parse_interval, parse_place

__all__ = ["ReplayResult", "apply_corrections", "CORRECTED"]

CORRECTED = "corrected_by"
_FRAMES = (
    "articles",
    "sentences",
    "mentions",
    "actors",
    "quotes",
    "edges",
    "places",
    "timexes",
    "events",
)


@dataclass
class ReplayResult:
    """Corrected frames and one status row per correction (applied or stale, and why)."""

    frames: dict[str, pd.DataFrame]
    status: pd.DataFrame


class _Stale(Exception):
    """The correction's target is not in the corpus; the message says what is missing."""


class _Index:
    """Positions of each value of one column: built once by factorizing, slices handed
    out on demand, and kept true as corrections change the column."""

    def __init__(self, values: pd.Series) -> None:
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        if len(uniques) < np.iinfo(np.int16).max:  # a stable sort of int16 is a radix sort
            codes = codes.astype(np.int16)
        self.order = np.argsort(codes, kind="stable")
        self.bounds = np.searchsorted(codes[self.order], np.arange(len(uniques) + 1))
        self.code = dict(zip(map(str, uniques.tolist()), range(len(uniques)), strict=True))
        self.changed: dict[str, np.ndarray] = {}

    def get(self, value: str) -> np.ndarray | None:
        if value in self.changed:
            return self.changed[value]
        k = self.code.get(value)
        return None if k is None else self.order[self.bounds[k] : self.bounds[k + 1]]

    def move(self, pos: np.ndarray, old: list[str | None], new: str | None) -> None:
        """The rows at ``pos`` (whose values were ``old``) now hold ``new``."""
        for key in {o for o in old if o is not None and o != new}:
            mine = pos[np.asarray([o == key for o in old])]
            self.changed[key] = np.setdiff1d(self.get(key), mine, assume_unique=True)
        if new is not None:
            have = self.get(new)
            self.changed[new] = np.union1d(have if have is not None else pos[:0], pos)


class _Frame:
    """One frame under replay: rows are dropped by mask and marked by position, and its
    columns are indexed on demand, so a correction costs a lookup, not a scan."""

    def __init__(self, df: pd.DataFrame) -> None:
        self.df = df
        self.copied = False
        self.dropped = np.zeros(len(df), dtype=bool)
        self.marks: dict[int, list[str]] = {}
        self.pending: dict[str, dict[int, object]] = {}  # column -> position -> new value
        self._index: dict[str, _Index] = {}
        self._arrays: dict[str, object] = {}  # column -> its array, for reading one value

    def writable(self) -> pd.DataFrame:
        if not self.copied:
            self.df = self.df.copy(deep=False)
            self.copied = True
        return self.df

    def index(self, col: str, *, fold: bool = False) -> _Index:
        key = col + ("/fold" if fold else "")
        if key not in self._index:
            self.flush(col)
            values = self.df[col].astype("string")
            if fold:
                values = values.str.casefold()
            self._index[key] = _Index(values)
        return self._index[key]

    def rows(self, col: str, value: str, *, fold: bool = False) -> np.ndarray:
        """Live positions where ``col`` equals ``value`` (casefolded when ``fold``)."""
        pos = self.index(col, fold=fold).get(value.casefold() if fold else value)
        if pos is None:
            return np.empty(0, dtype=np.int64)
        return pos[~self.dropped[pos]]

    def set(self, pos: np.ndarray, col: str, value: object, cid: str) -> None:
        """Set ``col`` on the rows at ``pos`` (applied column-wise at the end); the
        column's index, when built, follows."""
        if not len(pos):
            return
        idx = self._index.get(col)
        if idx is not None:
            pos = np.asarray(pos, dtype=np.int64)
            idx.move(pos, [_key(v) for v in self.values(pos, col)], _key(value))
        pend = self.pending.setdefault(col, {})
        for p in pos:
            pend[int(p)] = list(value) if isinstance(value, list) else value
        self.mark(pos, cid)

    def get(self, p: int, col: str) -> object:
        """The current value of ``col`` at position ``p`` (pending changes included)."""
        pend = self.pending.get(col)
        if pend is not None and p in pend:
            return pend[p]
        arr = self._arrays.get(col)
        if arr is None:
            arr = self._arrays[col] = self.df[col].array
        return arr[p]

    def values(self, pos: np.ndarray, col: str) -> list:
        """The current values of ``col`` at positions ``pos`` (pending changes included)."""
        out = self.df[col].array[pos].to_numpy(dtype=object, na_value=None).tolist()
        pend = self.pending.get(col)
        if pend:
            out = [pend.get(p, v) for p, v in zip(pos.tolist(), out, strict=True)]
        return out

    def articles(self, pos: np.ndarray) -> np.ndarray:
        """The article ids of the rows at ``pos`` (as ``str``)."""
        col = self.df["article_id"]
        if isinstance(col.dtype, pd.StringDtype):
            return col.array[pos].to_numpy(dtype=object, na_value="<NA>")
        return col.iloc[pos].astype(str).to_numpy()

    def flush(self, col: str | None = None) -> None:
        """Write pending changes of ``col`` (or of every column) into the frame."""
        for c in [col] if col is not None else list(self.pending):
            pend = self.pending.pop(c, None)
            if not pend:
                continue
            df = self.writable()
            df[c] = _updated(df[c], pend)
            self._arrays.pop(c, None)

    def mark(self, pos: np.ndarray, cid: str) -> None:
        for p in pos:
            ids = self.marks.setdefault(int(p), [])
            if cid not in ids:
                ids.append(cid)

    def drop(self, pos: np.ndarray) -> None:
        self.dropped[pos] = True

    def result(self) -> pd.DataFrame:
        self.flush()
        df = self.df
        if self.marks:
            df = self.writable()
            pos = np.fromiter(self.marks, dtype=np.int64, count=len(self.marks))
            if CORRECTED in df.columns:
                col = df[CORRECTED].astype("string").array
                old = col[pos].to_numpy(dtype=object, na_value=None).tolist()
            else:
                col = pd.array(pa.nulls(len(df), pa.large_string()), dtype="string")
                old = [None] * len(pos)
            new = [
                ";".join(dict.fromkeys([*([] if o is None else str(o).split(";")), *ids]))
                for o, ids in zip(old, self.marks.values(), strict=True)
            ]
            col = col.copy()
            col[pos] = new
            df[CORRECTED] = col
        if self.dropped.any():
            df = _kept(df, ~self.dropped)
        return df


class _Replayer:
    def __init__(self, frames: dict[str, pd.DataFrame]) -> None:
        self.f = {k: _Frame(v) for k, v in frames.items()}
        self.actors_dirty = False
        self.renamed: dict[str, str] = {}  # merged actor -> the actor that absorbed it
        self._events_of_actor: dict[str, set[int]] | None = None

    # ---------------------------------------------------------------- helpers
    def _one(self, name: str, col: str, value: str, what: str) -> np.ndarray:
        pos = self.f[name].rows(col, value)
        if not len(pos):
            raise _Stale(f"{what} {value!r} is not in the corpus")
        return pos

    def _in_scope(self, name: str, pos: np.ndarray, c: Correction) -> np.ndarray:
        if not c.article_id or not len(pos):
            return pos
        return pos[self.f[name].articles(pos) == c.article_id]

    def _toponym(self, c: Correction) -> np.ndarray:
        pos = self._in_scope("places", self.f["places"].rows("text", c.target, fold=True), c)
        if not len(pos):
            where = f" in article {c.article_id}" if c.article_id else ""
            raise _Stale(f"no toponym {c.target!r}{where}")
        return pos

    def _participant_index(self) -> dict[str, set[int]]:
        if self._events_of_actor is None:
            ev = self.f["events"]
            ev.flush("participants")
            parts = pd.Series(ev.df["participants"].to_numpy(dtype=object), copy=False)
            flat = parts.explode().dropna()
            at = flat.index.to_numpy()
            keys = flat.astype(str).to_numpy()
            self._events_of_actor = {
                k: set(at[v].tolist()) for k, v in pd.Series(keys).groupby(keys).indices.items()
            }
        return self._events_of_actor

    # ----------------------------------------------------------------- actors
    def merge_actors(self, c: Correction) -> None:
        src, dst = c.target, c.value
        acts = self.f["actors"]
        src_pos = self._one("actors", "actor_id", src, "actor")
        dst_pos = self._one("actors", "actor_id", dst, "actor")
        s, d = int(src_pos[0]), int(dst_pos[0])
        aliases = list(acts.get(d, "aliases") or [])
        for a in [acts.get(s, "name"), *list(acts.get(s, "aliases") or [])]:
            if isinstance(a, str) and a not in aliases:
                aliases.append(a)
        acts.set(dst_pos, "aliases", aliases, c.id)
        acts.drop(src_pos)
        acts.mark(dst_pos, c.id)
        m = self.f["mentions"]
        m.set(m.rows("actor_id", src), "actor_id", dst, c.id)
        q = self.f["quotes"]
        for col in ("speaker", "via"):
            q.set(q.rows(col, src), col, dst, c.id)
        ev = self.f["events"]
        idx = self._participant_index()
        hit = sorted(i for i in idx.pop(src, set()) if not ev.dropped[i])
        for i, parts in zip(
            hit, ev.values(np.asarray(hit, dtype=np.int64), "participants"), strict=True
        ):
            new = list(dict.fromkeys(dst if a == src else a for a in parts))
            ev.set(np.asarray([i]), "participants", new, c.id)
        idx.setdefault(dst, set()).update(hit)
        for k, v in self.renamed.items():
            if v == src:
                self.renamed[k] = dst
        self.renamed[src] = dst
        self.actors_dirty = True

    def split_alias(self, c: Correction) -> None:
        acts = self.f["actors"]
        pos = self._one("actors", "actor_id", c.target, "actor")
        new_id = "x:" + re.sub(r"[^a-z0-9]+", "_", c.value.casefold()).strip("_")
        m = self.f["mentions"]
        mine = m.rows("actor_id", c.target)
        texts = (
            m.df["text"].iloc[mine].astype("string").str.casefold().to_numpy() if len(mine) else []
        )
        moved = mine[np.asarray(texts) == c.value.casefold()] if len(mine) else mine
        exists = len(acts.rows("actor_id", new_id)) > 0
        if not len(moved) and not exists:
            raise _Stale(f"actor {c.target!r} has no mention {c.value!r}")
        m.set(moved, "actor_id", new_id, c.id)
        i = int(pos[0])
        kept = [
            a for a in list(acts.get(i, "aliases") or []) if str(a).casefold() != c.value.casefold()
        ]
        acts.set(pos, "aliases", kept, c.id)
        if not exists:
            i -= int(acts.dropped[:i].sum())  # its position once merged-away rows are gone
            df = acts.result()
            row = {col: pd.NA for col in df.columns if col != CORRECTED}
            row.update(
                actor_id=new_id,
                name=c.value,
                kind=df["kind"].iat[i],
                aliases=[c.value],
                mentions=0,
                articles=0,
                in_kb=False,
            )
            new = _Frame(pd.concat([df, pd.DataFrame([row])], ignore_index=True))
            new.copied = True
            new.mark(np.asarray([len(new.df) - 1, i]), c.id)
            self.f["actors"] = new
        self.actors_dirty = True

    def _set_actor(self, c: Correction, column: str) -> None:
        self.f["actors"].set(
            self._one("actors", "actor_id", c.target, "actor"), column, c.value, c.id
        )

    def rename_actor(self, c: Correction) -> None:
        self._set_actor(c, "name")

    def set_actor_kind(self, c: Correction) -> None:
        self._set_actor(c, "kind")

    def set_actor_country(self, c: Correction) -> None:
        self._set_actor(c, "country")

    def promote_actor(self, c: Correction) -> None:
        self._one("actors", "actor_id", c.target, "actor")  # the KB file was written then

    # ----------------------------------------------------------------- places
    def _place_keys(self, pos: np.ndarray) -> set[tuple[str, int]]:
        pl = self.f["places"]
        arts = pl.articles(pos)
        starts = pl.df["start"].astype("int64").to_numpy()[pos]
        return set(zip(arts, starts, strict=True))

    def _relink_mentions(self, pos: np.ndarray, pid: object, cid: str) -> None:
        keys = self._place_keys(pos)
        m = self.f["mentions"]
        cand = [m.rows("article_id", art) for art in sorted({a for a, _ in keys})]
        cand = np.sort(np.concatenate(cand)) if cand else np.empty(0, dtype=np.int64)
        starts = m.df["start"].to_numpy()[cand].tolist()
        found = [k in keys for k in zip(m.articles(cand).tolist(), starts, strict=True)]
        m.set(cand[np.asarray(found, dtype=bool)], "place_id", pid, cid)

    def _events_at(self, place_ids: set[str], c: Correction) -> np.ndarray:
        ev = self.f["events"]
        pos = [ev.rows("place_id", p) for p in place_ids]
        pos = np.concatenate(pos) if pos else np.empty(0, dtype=np.int64)
        return self._in_scope("events", pos, c)

    def geocode_place(self, c: Correction) -> None:
        pos = self._toponym(c)
        place = parse_place(c.value)
        pl = self.f["places"]
        pid = place.get("place_id") or (
            "nd:" + re.sub(r"[^a-z0-9]+", "_", str(place["name"]).casefold()).strip("_")
        )
        old = {str(v) for v in pl.values(pos, "place_id") if v is not None}
        columns = set(pl.df.columns)
        for col, val in {
            "place_id": pid,
            "name": place["name"],
            "lat": place["lat"],
            "lon": place["lon"],
            "country_code": place.get("country_code", pd.NA),
            "feature": place.get("feature", pd.NA),
            "geonameid": _geonameid(pid),
            "score": 1.0,
        }.items():
            if col in columns:
                pl.set(pos, col, val, c.id)
        self._relink_mentions(pos, pid, c.id)
        ev = self.f["events"]
        evpos = self._events_at(old, c)
        for col, val in (
            ("place_id", pid),
            ("place_name", place["name"]),
            ("lat", place["lat"]),
            ("lon", place["lon"]),
        ):
            ev.set(evpos, col, val, c.id)

    def not_a_place(self, c: Correction) -> None:
        pos = self._toponym(c)
        pl = self.f["places"]
        gone = {str(v) for v in pl.values(pos, "place_id") if v is not None}
        self._relink_mentions(pos, pd.NA, c.id)
        pl.drop(pos)
        still = {p for p in gone if len(pl.rows("place_id", p))}
        ev = self.f["events"]
        evpos = self._events_at(gone - still, c)
        for col, val in (
            ("place_id", pd.NA),
            ("place_name", pd.NA),
            ("lat", np.nan),
            ("lon", np.nan),
        ):
            ev.set(evpos, col, val, c.id)

    def set_place_role(self, c: Correction) -> None:
        self.f["places"].set(self._toponym(c), "role", c.value, c.id)

    # ----------------------------------------------------------------- events
    def _event(self, c: Correction, eid: str | None = None) -> np.ndarray:
        return self._one("events", "event_id", eid or c.target, "event")

    def drop_event(self, c: Correction) -> None:
        self.f["events"].drop(self._event(c))

    def _set_event(self, c: Correction, values: dict) -> None:
        pos = self._event(c)
        for col, val in values.items():
            self.f["events"].set(pos, col, val, c.id)

    def set_event_type(self, c: Correction) -> None:
        self._set_event(c, {"type": c.value})

    def set_event_status(self, c: Correction) -> None:
        self._set_event(c, {"status": c.value})

    def set_event_participants(self, c: Correction) -> None:
        ids = [a.strip() for a in c.value.split(";") if a.strip()]
        unknown = [a for a in ids if not len(self.f["actors"].rows("actor_id", a))]
        if unknown:
            raise _Stale(f"participant(s) not in the corpus: {', '.join(unknown)}")
        pos = self._event(c)
        if self._events_of_actor is not None:  # keep the actor -> events index true
            ev = self.f["events"]
            for i in pos.tolist():
                for a in ev.get(i, "participants") or ():
                    self._events_of_actor.get(str(a), set()).discard(i)
                for a in ids:
                    self._events_of_actor.setdefault(a, set()).add(i)
        self._set_event(c, {"participants": ids})

    def set_event_interval(self, c: Correction) -> None:
        begin, end, precision = parse_interval(c.value)
        self._set_event(c, {"begin": begin, "end_date": end, "precision": precision})

    def set_event_place(self, c: Correction) -> None:
        pl = self.f["places"]
        pos = pl.rows("place_id", c.value)
        if not len(pos):
            pos = pl.rows("text", c.value, fold=True)
        if not len(pos):
            raise _Stale(f"no place {c.value!r} in the corpus")
        p = int(pos[0])
        self._set_event(
            c,
            {
                "place_id": pl.get(p, "place_id"),
                "place_name": pl.get(p, "name"),
                "lat": pl.get(p, "lat"),
                "lon": pl.get(p, "lon"),
            },
        )

    def _groups(self) -> _Frame:
        ev = self.f["events"]
        if "event_group" not in ev.df.columns:
            raise _Stale("events have no groups")
        return ev

    def merge_event_groups(self, c: Correction) -> None:
        ev = self._groups()
        src = ev.get(int(self._event(c)[0]), "event_group")
        dst = ev.get(int(self._event(c, c.value)[0]), "event_group")
        ev.set(ev.rows("event_group", str(src)), "event_group", dst, c.id)

    def split_event(self, c: Correction) -> None:
        ev = self._groups()
        ev.set(self._event(c), "event_group", f"split:{c.target}", c.id)

    # --------------------------------------------------------------- articles
    def exclude_article(self, c: Correction) -> None:
        self._one("articles", "article_id", c.target, "article")
        for frame in self.f.values():
            if "article_id" in frame.df.columns:
                frame.drop(frame.rows("article_id", c.target))
        self.actors_dirty = True

    def _set_article(self, c: Correction, values: dict) -> None:
        pos = self._one("articles", "article_id", c.target, "article")
        for col, val in values.items():
            self.f["articles"].set(pos, col, val, c.id)

    def set_article_source(self, c: Correction) -> None:
        self._set_article(c, {"source": c.value})

    def set_article_author(self, c: Correction) -> None:
        self._set_article(c, {"author": c.value})

    def set_article_published(self, c: Correction) -> None:
        ts, precision = parse_date(c.value)
        values = {"published": ts, "published_precision": precision, "published_inferred": False}
        if "published_source" in self.f["articles"].df.columns:
            values["published_source"] = "corrected"
        self._set_article(c, values)

    # ------------------------------------------------------------------ finish
    def finish(self) -> dict[str, pd.DataFrame]:
        out = {name: frame.result() for name, frame in self.f.items()}
        if self.renamed and len(out["edges"]):
            out["edges"] = _rename_edges(out["edges"], self.renamed)
        if self.actors_dirty:
            out["actors"] = _recount(out["actors"], out["mentions"])
            kept = set(out["actors"]["actor_id"].astype(str))
            e = out["edges"]
            out["edges"] = e[e["source"].isin(kept) & e["target"].isin(kept)].reset_index(drop=True)
        return out


def _geonameid(place_id: str) -> object:
    """The GeoNames id of a ``gn:NNN`` place id (``<NA>`` for other ids)."""
    m = re.fullmatch(r"gn:(\d+)", place_id)
    return int(m.group(1)) if m else pd.NA


def _key(value: object) -> str | None:
    """``value`` as an index key (``None`` for a missing value)."""
    if value is None or (not isinstance(value, list | tuple | np.ndarray) and pd.isna(value)):
        return None
    return str(value)


def _updated(series: pd.Series, pend: dict[int, object]) -> object:
    """``series``' values with ``pend`` (position -> new value) written in, in its dtype.

    Written position-wise into a copy of the typed array when the values fit it (a lookup,
    not a conversion of the whole column); through an object array otherwise."""
    pos = np.fromiter(pend, dtype=np.int64, count=len(pend))
    new = list(pend.values())
    dtype = series.dtype
    if not pd.api.types.is_object_dtype(dtype) and not any(
        isinstance(v, list | tuple | np.ndarray) for v in new
    ):
        arr = series.array.copy()
        try:
            arr[pos] = new
        except (TypeError, ValueError):
            pass
        else:
            if arr.dtype == dtype:
                return arr
    values = series.to_numpy(dtype=object, copy=True)
    for p, v in pend.items():
        values[p] = v
    return _typed(values, dtype)


def _kept(df: pd.DataFrame, keep: np.ndarray) -> pd.DataFrame:
    """The rows of ``df`` where ``keep``, with a fresh range index.

    Dropped rows usually come in a few runs (whole articles, a few events): Arrow-backed
    columns are then cut into zero-copy slices of the kept runs instead of copied."""
    edges = np.flatnonzero(np.diff(np.concatenate([[False], keep, [False]]).astype(np.int8)))
    runs = list(zip(edges[0::2].tolist(), edges[1::2].tolist(), strict=True))
    index = pd.RangeIndex(int(keep.sum()))
    cols = {}
    for c in df.columns:
        arr = df[c].array
        if hasattr(arr, "_pa_array") and len(runs) <= _MAX_RUNS:
            arr = _slices(arr, runs)
        else:
            arr = arr[keep]
        cols[c] = pd.Series(arr, index=index, dtype=df[c].dtype, copy=False)
    out = pd.DataFrame(cols, index=index, columns=df.columns, copy=False)
    out.attrs = dict(df.attrs)
    return out


def _slices(arr, runs: list[tuple[int, int]]):
    """The Arrow-backed ``arr`` cut to ``runs`` (start, stop), without copying data."""
    whole = arr._pa_array
    chunks = [c for a, b in runs for c in whole.slice(a, b - a).chunks]
    make = getattr(arr, "_from_pyarrow_array", None)
    if make is None:  # pandas without the fast path: the public extension-array way
        return type(arr)._concat_same_type([arr[a:b] for a, b in runs] or [arr[:0]])
    return make(pa.chunked_array(chunks, type=whole.type))


_MAX_RUNS = 512  # more kept runs than this: one filtered copy is cheaper than many slices


def _typed(values: np.ndarray, dtype) -> object:
    """``values`` (object array) back in the column's dtype, as object when they do not fit."""
    try:
        if isinstance(dtype, pd.DatetimeTZDtype):
            return pd.to_datetime(pd.Series(values), utc=True).astype(dtype).array
        if pd.api.types.is_object_dtype(dtype):
            return values
        return pd.array(values, dtype=dtype)
    except (TypeError, ValueError):
        return values


def _rename_edges(edges: pd.DataFrame, renamed: dict[str, str]) -> pd.DataFrame:
    """Edges after actor merges: renamed, re-ordered, self-pairs dropped, weights summed."""
    s = edges["source"].astype("string").replace(renamed)
    t = edges["target"].astype("string").replace(renamed)
    touched = edges["source"].isin(renamed) | edges["target"].isin(renamed)
    e = edges.assign(source=s.where(s <= t, t), target=t.where(s <= t, s))
    e = e[e["source"] != e["target"]]
    agg = {c: "first" for c in e.columns if c not in ("source", "target", "weight", "articles")}
    e = (
        e.assign(_touched=touched[e.index])
        .groupby(["source", "target"], as_index=False, sort=False)
        .agg(
            weight=("weight", "sum"),
            articles=("articles", "sum"),
            _touched=("_touched", "any"),
            **{c: (c, f) for c, f in agg.items()},
        )
    )
    e = e.sort_values(["weight", "source", "target"], ascending=[False, True, True])
    return e.drop(columns="_touched").reset_index(drop=True)


def _recount(actors: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Actors' mention and article counts from the corrected mentions."""
    m = mentions[["actor_id", "article_id"]]  # the group-by leaves out missing actor ids
    counts = m.groupby("actor_id").agg(n=("actor_id", "size"), a=("article_id", "nunique"))
    act = actors.copy()
    act["mentions"] = act["actor_id"].map(counts["n"]).fillna(0).astype("int64")
    act["articles"] = act["actor_id"].map(counts["a"]).fillna(0).astype("int64")
    act = act[act["mentions"] > 0]
    return act.sort_values(["mentions", "actor_id"], ascending=[False, True]).reset_index(drop=True)


_DISPATCH: dict[str, Callable[[_Replayer, Correction], None]] = {
    name: getattr(_Replayer, name.replace("-", "_"))
    for name in (
        "merge-actors",
        "split-alias",
        "rename-actor",
        "set-actor-kind",
        "set-actor-country",
        "promote-actor",
        "geocode-place",
        "not-a-place",
        "set-place-role",
        "drop-event",
        "set-event-type",
        "set-event-status",
        "set-event-participants",
        "set-event-interval",
        "set-event-place",
        "merge-event-groups",
        "split-event",
        "exclude-article",
        "set-article-source",
        "set-article-author",
        "set-article-published",
    )
}


def apply_corrections(
    frames: dict[str, pd.DataFrame], corrections: Sequence[Correction]
) -> ReplayResult:
    """Apply ``corrections`` in order to a copy of ``frames``.

    Parameters
    ----------
    frames : dict of str to DataFrame
        A corpus' frames (at least articles, mentions, actors, quotes, edges, places,
        events); they are not modified.
    corrections : sequence of Correction
        In the order they were made (file order).

    Returns
    -------
    ReplayResult
        ``frames``: the corrected frames (``corrected_by`` added where rows changed);
        ``status``: one row per correction with columns ``id``, ``op``, ``target``,
        ``value``, ``article_id``, ``who``, ``when``, ``why``, ``state`` (applied or
        stale) and ``reason``.
    """
    if not corrections:
        return ReplayResult(dict(frames), _status([]))
    r = _Replayer({k: v for k, v in frames.items() if k in _FRAMES})
    rows = []
    for c in corrections:
        state, reason = "applied", ""
        try:
            _DISPATCH[c.op](r, c)
        except _Stale as exc:
            state, reason = "stale", str(exc)
        rows.append({**c.as_row(), "state": state, "reason": reason})
    out = dict(frames)
    out.update(r.finish())
    return ReplayResult(out, _status(rows))


def _status(rows: list[dict]) -> pd.DataFrame:
    cols = ["id", "op", "target", "value", "article_id", "who", "when", "why", "state", "reason"]
    return pd.DataFrame(rows, columns=cols).astype("string")


def place_value(*, name: str, lat: float, lon: float, **extra: object) -> str:
    """The JSON value of a ``geocode-place`` correction (validated)."""
    value = json.dumps({"name": name, "lat": lat, "lon": lon, **extra}, ensure_ascii=False)
    parse_place(value)
    return value

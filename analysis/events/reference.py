"""The reference timeline: known, dated events of a story, and linking extracted events to it.

The bundled ``data/reference_events.csv`` lists events of the Korean-peninsula diplomacy
story of 2017-2019 (summits, visits, weapons tests, sanctions), each with its public
source.  Users add their own files (same columns) with :func:`load_reference_events` or
``Settings(reference_events=(...))``.

Columns: ``reference_id`` (unique), ``type`` (an :data:`EVENT_TYPES` name), ``name``,
``participants`` (actor names, aliases or actor ids separated by ``|``), ``begin`` and
``end`` (ISO dates, ``end`` exclusive; a missing end means one day), ``place``, ``lat``,
``lon``, ``source`` (a short citation: outlet or agency and date, or the official text).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pandas as pd

from ..settings import data_path
from .types import EVENT_TYPES

__all__ = ["REFERENCE_COLUMNS", "load_reference_events", "link_reference"]

log = logging.getLogger(__name__)

REFERENCE_COLUMNS = (
    "reference_id",
    "type",
    "name",
    "participants",
    "begin",
    "end",
    "place",
    "lat",
    "lon",
    "source",
)
_REQUIRED = ("reference_id", "type", "name", "participants", "begin")
_LINK_COLUMNS = {
    "ref_name": "string",
    "ref_type": "string",
    "ref_begin": "datetime64[ns, UTC]",
    "ref_end": "datetime64[ns, UTC]",
    "ref_place": "string",
    "ref_lat": "float64",
    "ref_lon": "float64",
    "ref_source": "string",
    "link_score": "float64",
}


def _empty_reference() -> pd.DataFrame:
    out = pd.DataFrame({c: pd.Series([], dtype="string") for c in REFERENCE_COLUMNS})
    out["participants"] = pd.Series([], dtype=object)
    out["begin"] = pd.Series([], dtype="datetime64[ns, UTC]")
    out["end"] = pd.Series([], dtype="datetime64[ns, UTC]")
    out["lat"] = pd.Series([], dtype="float64")
    out["lon"] = pd.Series([], dtype="float64")
    return out


def load_reference_events(
    *paths: str | Path, bundled: bool = True, strict: bool = False
) -> pd.DataFrame:
    """Read reference-timeline CSV files into one frame.

    Parameters
    ----------
    *paths : str or Path
        Users' CSV files with the columns of :data:`REFERENCE_COLUMNS` (``end``, ``place``,
        ``lat``, ``lon``, ``source`` optional).  Rows of later files replace rows of
        earlier ones with the same ``reference_id``.
    bundled : bool
        Start from the bundled ``data/reference_events.csv`` (default True).
    strict : bool
        Raise ``ValueError`` on a bad row or an unreadable file instead of logging a
        warning and skipping it.

    Returns
    -------
    pandas.DataFrame
        One row per reference event; ``participants`` is a list of str, ``begin`` and
        ``end`` are UTC timestamps (``end`` exclusive), ``lat``/``lon`` floats.
    """
    files: list[Path] = []
    if bundled:
        default = data_path("reference_events.csv")
        if default.is_file():
            files.append(default)
        else:
            log.warning("bundled reference timeline %s is missing", default)
    files += [Path(p) for p in paths]
    frames = []
    for path in files:
        try:
            raw = pd.read_csv(path, dtype=str, keep_default_na=False, comment="#")
        except (OSError, ValueError, pd.errors.ParserError) as exc:
            msg = f"cannot read reference timeline {path}: {exc}"
            if strict:
                raise ValueError(msg) from exc
            log.warning("%s; skipped", msg)
            continue
        frames.append(_clean(raw, path, strict=strict))
    if not frames:
        return _empty_reference()
    out = pd.concat(frames, ignore_index=True)
    out = out.drop_duplicates("reference_id", keep="last").reset_index(drop=True)
    return out


def _clean(raw: pd.DataFrame, path: Path, *, strict: bool) -> pd.DataFrame:
    missing = [c for c in _REQUIRED if c not in raw.columns]
    if missing:
        msg = f"reference timeline {path} lacks column(s): {', '.join(missing)}"
        if strict:
            raise ValueError(msg)
        log.warning("%s; file skipped", msg)
        return _empty_reference()
    rows = []
    for k, r in enumerate(raw.to_dict("records"), start=2):
        begin = pd.to_datetime(r.get("begin", ""), errors="coerce", utc=True)
        end = pd.to_datetime(r.get("end", ""), errors="coerce", utc=True)
        problem = None
        if not str(r.get("reference_id", "")).strip():
            problem = "empty reference_id"
        elif pd.isna(begin):
            problem = f"begin {r.get('begin')!r} is not a date"
        elif not pd.isna(end) and end <= begin:
            problem = f"end {r.get('end')!r} is not after begin"
        if problem:
            msg = f"{path} line {k}: {problem}"
            if strict:
                raise ValueError(msg)
            log.warning("%s; row skipped", msg)
            continue
        if pd.isna(end):
            end = begin + pd.Timedelta(days=1)
        if r["type"] not in EVENT_TYPES:
            log.info("%s line %d: type %r is not in EVENT_TYPES", path, k, r["type"])
        rows.append(
            {
                "reference_id": str(r["reference_id"]).strip(),
                "type": str(r["type"]).strip(),
                "name": str(r["name"]).strip(),
                "participants": [p.strip() for p in str(r["participants"]).split("|") if p.strip()],
                "begin": begin,
                "end": end,
                "place": str(r.get("place", "")).strip() or None,
                "lat": pd.to_numeric(r.get("lat", ""), errors="coerce"),
                "lon": pd.to_numeric(r.get("lon", ""), errors="coerce"),
                "source": str(r.get("source", "")).strip() or None,
            }
        )
    if not rows:
        return _empty_reference()
    out = pd.DataFrame(rows)
    for c in ("reference_id", "type", "name", "place", "source"):
        out[c] = out[c].astype("string")
    out["begin"] = out["begin"].astype("datetime64[ns, UTC]")
    out["end"] = out["end"].astype("datetime64[ns, UTC]")
    out["lat"] = out["lat"].astype("float64")
    out["lon"] = out["lon"].astype("float64")
    return out


def _norm(s: object) -> str:
    text = str(s).lower()
    text = re.sub(r"^(kb|x|wd|gn|nd):", "", text)
    return re.sub(r"[^0-9a-z]+", "", text)


class _ActorIndex:
    """Resolve reference participants (names, aliases, ids) against the actors frame."""

    def __init__(self, actors: pd.DataFrame | None) -> None:
        self.keys: dict[str, set[str]] = {}
        self.country_of: dict[str, str] = {}
        self.country_actor: dict[str, str] = {}
        if actors is None or not len(actors):
            return
        for r in actors.to_dict("records"):
            aid = str(r.get("actor_id"))
            names = [aid, r.get("name"), r.get("wikidata")]
            aliases = r.get("aliases")
            if isinstance(aliases, (list, tuple)) or hasattr(aliases, "tolist"):
                names += list(aliases)
            for n in names:
                if n is None or (isinstance(n, float) and pd.isna(n)) or n is pd.NA:
                    continue
                key = _norm(n)
                if key:
                    self.keys.setdefault(key, set()).add(aid)
            cc = r.get("country")
            if isinstance(cc, str) and cc:
                if str(r.get("kind")) in ("country", "government"):
                    self.country_actor[aid] = cc
                else:
                    self.country_of[aid] = cc

    def resolve(self, participant: str) -> set[str]:
        key = _norm(participant)
        return set(self.keys.get(key, set())) | {participant}

    def match(self, ref_participant: str, event_participants: list[str]) -> float:
        """1 for the same actor, 0.5 for a leader and his country, else 0."""
        ids = self.resolve(ref_participant)
        key = _norm(ref_participant)
        best = 0.0
        for p in event_participants:
            if p in ids or _norm(p) == key:
                return 1.0
            for i in ids:
                a, b = self.country_actor.get(i), self.country_of.get(p)
                c, d = self.country_of.get(i), self.country_actor.get(p)
                if (a and a == b) or (d and c == d):
                    best = max(best, 0.5)
        return best


#: Widest event interval that can link: a month (day, week and month precision).
_MAX_LINK_WIDTH = pd.Timedelta(days=31)


def _family(type_name: str) -> str:
    t = EVENT_TYPES.get(str(type_name))
    return t.family if t is not None else str(type_name)


def link_reference(
    events: pd.DataFrame,
    reference: pd.DataFrame,
    *,
    actors: pd.DataFrame | None = None,
    min_score: float = 1.0,
) -> pd.DataFrame:
    """Link extracted events to reference-timeline events.

    An event links to a reference event of the same type family ("meeting" covers
    summits, talks and visits) when their intervals overlap and they share
    participants: at least ``min(2, n_event, n_reference)`` of them, one exactly (a
    leader stands for his country's government, with half the score), so the timeline
    applies only where its actors occur.  Only events dated to the day, week or month
    link (an interval of at most 31 days: "in 2018" is no evidence of one dated event);
    events without an interval or without participants are not linked; when two
    reference events fit equally well the link is left empty (ambiguous).

    Parameters
    ----------
    events : pandas.DataFrame
        The "events" frame.
    reference : pandas.DataFrame
        From :func:`load_reference_events`.
    actors : pandas.DataFrame, optional
        The actors frame, to resolve reference participants given as names or aliases
        and to relate leaders to their countries.
    min_score : float
        Least participant score for a link.

    Returns
    -------
    pandas.DataFrame
        ``events`` with ``reference_id`` filled and the columns ``ref_name``,
        ``ref_type``, ``ref_begin``, ``ref_end``, ``ref_place``, ``ref_lat``,
        ``ref_lon``, ``ref_source`` and ``link_score``; ``begin``/``end_date`` keep what
        the article said.
    """
    out = events.copy()
    for col, dtype in _LINK_COLUMNS.items():
        out[col] = pd.Series([None] * len(out), index=out.index, dtype=dtype)
    if "reference_id" not in out:
        out["reference_id"] = pd.Series([None] * len(out), index=out.index, dtype="string")
    if not len(out) or reference is None or not len(reference):
        return out
    index = _ActorIndex(actors)
    refs = reference.to_dict("records")
    for k, ev in zip(out.index, out.to_dict("records"), strict=True):
        parts = list(ev.get("participants") or [])
        b, e = ev.get("begin"), ev.get("end_date")
        if not parts or pd.isna(b) or pd.isna(e):
            continue
        if e - b > _MAX_LINK_WIDTH:
            continue  # "in 2018", "this year": a year is no evidence of a dated event
        fam = _family(ev.get("type"))
        scored = []
        for ref in refs:
            if _family(ref["type"]) != fam:
                continue
            rb, re_ = ref["begin"], ref["end"]
            if not (b < re_ and rb < e):
                continue
            rparts = list(ref["participants"])
            matches = [index.match(rp, parts) for rp in rparts]
            exact = sum(1 for m in matches if m >= 1.0)
            shared = sum(1 for m in matches if m > 0)
            score = sum(matches)
            need = min(2, len(parts), len(rparts))
            if exact < 1 or shared < need or score < min_score:
                continue
            ov = (min(e, re_) - max(b, rb)) / max(e - b, pd.Timedelta(seconds=1))
            bonus = 0.25 if ref["type"] == ev.get("type") else 0.0
            scored.append((score, float(ov) + bonus, ref))
        if not scored:
            continue
        scored.sort(key=lambda sr: (-sr[0], -sr[1]))
        if len(scored) > 1 and abs(scored[0][0] - scored[1][0]) < 1e-9:
            # equal participants: the article's interval must tell them apart
            a, c = scored[0][2], scored[1][2]
            if a["begin"] >= b and a["end"] <= e and c["begin"] >= b and c["end"] <= e:
                log.debug(
                    "event %s matches %s and %s equally; not linked",
                    ev.get("event_id"),
                    a["reference_id"],
                    c["reference_id"],
                )
                continue
        part_score, ov, ref = scored[0]
        score = part_score + ov
        out.at[k, "reference_id"] = ref["reference_id"]
        out.at[k, "ref_name"] = ref["name"]
        out.at[k, "ref_type"] = ref["type"]
        out.at[k, "ref_begin"] = ref["begin"]
        out.at[k, "ref_end"] = ref["end"]
        out.at[k, "ref_place"] = ref["place"]
        out.at[k, "ref_lat"] = ref["lat"]
        out.at[k, "ref_lon"] = ref["lon"]
        out.at[k, "ref_source"] = ref["source"]
        out.at[k, "link_score"] = score
    return out

"""What an analyst may correct: one table of operations, each with its validated form.

Every correction is one row ``(op, target, value, article_id)``. This module says, for
each operation, what its target and value are and checks a row's form (not whether its
target exists in a corpus: that is decided at replay, where a missing target makes the
correction *stale*, never an error).

==========================  =====================  =======================================
op                          target                 value
==========================  =====================  =======================================
merge-actors                actor id to merge      actor id that absorbs it
split-alias                 actor id               the alias (surface text) to split off
rename-actor                actor id               new canonical name
set-actor-kind              actor id               person, government, country, ...
set-actor-country           actor id               ISO 3166-1 alpha-2 code
promote-actor               actor id               knowledge-base file it was written to
geocode-place               toponym text           JSON {"name", "lat", "lon", ...}
not-a-place                 toponym text           (none)
set-place-role              toponym text           literal, government, demonym, modifier
drop-event                  event id               (none)
set-event-type              event id               an event type
set-event-status            event id               occurred, planned, reported, denied
set-event-participants      event id               actor ids joined by ";"
set-event-interval          event id               "BEGIN/END" (ISO dates, END exclusive)
set-event-place             event id               a place_id or toponym text
merge-event-groups          event id               event id whose group absorbs it
split-event                 event id               (none): the event gets its own group
exclude-article             article id             (none)
set-article-source          article id             source name
set-article-author          article id             author
set-article-published       article id             ISO date (YYYY, YYYY-MM or YYYY-MM-DD)
==========================  =====================  =======================================

Place operations apply everywhere unless the row names an ``article_id``.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass

import pandas as pd

__all__ = ["OPERATIONS", "Operation", "CorrectionError", "validate", "parse_interval"]

ACTOR_KINDS = ("person", "government", "country", "organisation", "media", "group", "other")
PLACE_ROLES = ("literal", "government", "demonym", "modifier")
EVENT_STATUSES = ("occurred", "planned", "reported", "denied")


class CorrectionError(ValueError):
    """A correction row is malformed; the message names the row and what is wrong."""


@dataclass(frozen=True)
class Operation:
    """One kind of correction: the frame it targets and the form of its value."""

    name: str
    frame: str  # the frame whose ids ``target`` names
    value: str  # none, text, actor, kind, country, role, status, json-place, actors, interval, date
    doc: str


OPERATIONS: dict[str, Operation] = {
    op.name: op
    for op in (
        Operation("merge-actors", "actors", "actor", "Merge the target actor into the value."),
        Operation("split-alias", "actors", "text", "Make an alias of the target its own actor."),
        Operation("rename-actor", "actors", "text", "Give the actor a new canonical name."),
        Operation("set-actor-kind", "actors", "kind", "Set the actor's kind."),
        Operation("set-actor-country", "actors", "country", "Set the actor's country code."),
        Operation("promote-actor", "actors", "text", "Record the actor's promotion into a KB."),
        Operation("geocode-place", "places", "json-place", "Resolve a toponym to a given place."),
        Operation("not-a-place", "places", "none", "The text is not a place."),
        Operation("set-place-role", "places", "role", "Set the toponym's role."),
        Operation("drop-event", "events", "none", "Remove the event."),
        Operation("set-event-type", "events", "text", "Set the event's type."),
        Operation("set-event-status", "events", "status", "Set the event's status."),
        Operation("set-event-participants", "events", "actors", "Set the participants."),
        Operation("set-event-interval", "events", "interval", "Set the time interval."),
        Operation("set-event-place", "events", "text", "Set where the event happens."),
        Operation("merge-event-groups", "events", "event", "Put the target's group into another."),
        Operation("split-event", "events", "none", "Take the event out of its group."),
        Operation("exclude-article", "articles", "none", "Drop the article from the corpus."),
        Operation("set-article-source", "articles", "text", "Set the article's source."),
        Operation("set-article-author", "articles", "text", "Set the article's author."),
        Operation("set-article-published", "articles", "date", "Set the publication date."),
    )
}

_COUNTRY = re.compile(r"^[A-Z]{2}$")


def parse_date(value: str) -> tuple[pd.Timestamp, str]:
    """An ISO date of year, month or day precision -> (UTC timestamp, precision)."""
    text = str(value).strip()
    for pattern, precision in (
        (r"^\d{4}$", "year"),
        (r"^\d{4}-\d{2}$", "month"),
        (r"^\d{4}-\d{2}-\d{2}$", "day"),
    ):
        if re.match(pattern, text):
            try:
                return pd.Timestamp(text, tz="UTC"), precision
            except ValueError as exc:
                raise CorrectionError(f"not a valid date: {text!r}") from exc
    raise CorrectionError(f"a date must be YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")


def parse_interval(value: str) -> tuple[pd.Timestamp, pd.Timestamp, str]:
    """``"BEGIN/END"`` (END exclusive) or a single ISO date -> (begin, end, precision)."""
    text = str(value).strip()
    if "/" not in text:
        begin, precision = parse_date(text)
        step = {"year": pd.DateOffset(years=1), "month": pd.DateOffset(months=1)}
        return begin, begin + step.get(precision, pd.Timedelta(days=1)), precision
    left, right = (p.strip() for p in text.split("/", 1))
    begin, p1 = parse_date(left)
    end, _ = parse_date(right)
    if end <= begin:
        raise CorrectionError(f"interval end must be after its begin: {text!r}")
    days = (end - begin).days
    precision = "day" if days <= 1 else p1 if p1 != "day" else "week" if days <= 7 else "month"
    return begin, end, precision


def parse_place(value: str) -> dict:
    """The JSON value of ``geocode-place``: name, lat, lon; optional country_code, place_id."""
    try:
        place = json.loads(value)
    except (TypeError, ValueError) as exc:
        raise CorrectionError(f"place must be JSON with name, lat and lon, got {value!r}") from exc
    if not isinstance(place, dict):
        raise CorrectionError(f"place must be a JSON object, got {value!r}")
    missing = [k for k in ("name", "lat", "lon") if k not in place]
    if missing:
        raise CorrectionError(f"place is missing {', '.join(missing)}")
    try:
        lat, lon = float(place["lat"]), float(place["lon"])
    except (TypeError, ValueError) as exc:
        raise CorrectionError("lat and lon must be numbers") from exc
    if not (math.isfinite(lat) and -90 <= lat <= 90 and math.isfinite(lon) and -180 <= lon <= 180):
        raise CorrectionError(f"coordinates out of range: lat={lat}, lon={lon}")
    cc = place.get("country_code")
    if cc is not None and not _COUNTRY.match(str(cc)):
        raise CorrectionError(f"country_code must be two capital letters, got {cc!r}")
    return {**place, "lat": lat, "lon": lon}


def validate(op: str, target: str, value: str | None) -> None:
    """Raise :class:`CorrectionError` unless ``(op, target, value)`` has a valid form.

    Parameters
    ----------
    op : str
        An operation name (see :data:`OPERATIONS`).
    target : str
        The id or text the operation applies to.
    value : str or None
        Its value, in the form the operation documents.
    """
    spec = OPERATIONS.get(op)
    if spec is None:
        raise CorrectionError(f"unknown operation {op!r}; valid: {', '.join(OPERATIONS)}")
    if not isinstance(target, str) or not target.strip():
        raise CorrectionError(f"{op}: a target is required")
    v = "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
    kind = spec.value
    if kind == "none":
        return
    if not v.strip():
        raise CorrectionError(f"{op}: a value is required")
    if kind == "kind" and v not in ACTOR_KINDS:
        raise CorrectionError(f"{op}: kind must be one of {', '.join(ACTOR_KINDS)}, got {v!r}")
    if kind == "country" and not _COUNTRY.match(v):
        raise CorrectionError(f"{op}: country must be two capital letters, got {v!r}")
    if kind == "role" and v not in PLACE_ROLES:
        raise CorrectionError(f"{op}: role must be one of {', '.join(PLACE_ROLES)}, got {v!r}")
    if kind == "status" and v not in EVENT_STATUSES:
        raise CorrectionError(f"{op}: status must be one of {', '.join(EVENT_STATUSES)}, got {v!r}")
    if kind == "json-place":
        parse_place(v)
    if kind == "interval":
        parse_interval(v)
    if kind == "date":
        parse_date(v)
    if kind in ("actor", "event") and v == target:
        raise CorrectionError(f"{op}: target and value are the same ({v!r})")
    if kind == "actors" and not [a for a in v.split(";") if a.strip()]:
        raise CorrectionError(f"{op}: give actor ids joined by ';'")

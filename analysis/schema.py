"""The frames that are the interface between stages, documented in one place.

Every stage of :mod:`analysis` takes and returns pandas DataFrames whose columns are
listed here.  :func:`check` is called where a frame enters a stage: a missing column
fails early with an error that names it.  :func:`empty` gives a typed frame with no
rows, and :func:`conform` casts a frame to the documented dtypes and column order.

Ids are derived from content (never from row order), so a rebuilt corpus joins with
notes an analyst saved earlier.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

__all__ = ["Column", "SCHEMAS", "SchemaError", "check", "conform", "empty", "describe"]

UTC_NS = "datetime64[ns, UTC]"


@dataclass(frozen=True)
class Column:
    """One documented column: its name, pandas dtype and meaning."""

    name: str
    dtype: str
    doc: str
    required: bool = True


def _c(name: str, dtype: str, doc: str, required: bool = True) -> Column:
    return Column(name, dtype, doc, required)


SCHEMAS: dict[str, tuple[Column, ...]] = {
    "articles": (
        _c(
            "article_id",
            "string",
            "Stable id: 16 hex digits of SHA-256 of the normalized text as loaded (before "
            "boilerplate removal, so better cleaning rules never change an id).",
        ),
        _c("title", "string", "Title from metadata, else derived from the first sentence."),
        _c("title_derived", "bool", "True when the title was derived from the text."),
        _c("source", "string", "Outlet or feed name (e.g. 'Reuters'); <NA> when unknown."),
        _c("url", "string", "Canonical URL when known."),
        _c("author", "string", "Author(s) as given."),
        _c("published", UTC_NS, "Publication time, timezone-aware (UTC); NaT when unknown."),
        _c("published_precision", "string", "day, month, year or unknown."),
        _c("published_inferred", "bool", "True when `published` was inferred from the text."),
        _c(
            "published_source",
            "string",
            "Origin of `published`: 'metadata' (given with the article), 'inferred' (strong "
            "evidence in the text, see analysis.io.published) or 'none' (NaT).",
            required=False,
        ),
        _c("text", "string", "Main text, Unicode NFC; every offset in other frames refers to it."),
        _c("language", "string", "ISO 639-1 code, guessed when not given ('und' if unknown)."),
        _c("path", "string", "Where the article was read from (first path when duplicated)."),
        _c("paths", "object", "List of every path holding the same text (duplicates)."),
        _c("format", "string", "Loader that read it: txt, json, csv, html, feed, parquet, ..."),
        _c("n_words", "int64", "Number of whitespace-separated words in `text`."),
        _c(
            "raw_text",
            "string",
            "The text as loaded, where boilerplate was removed from it; <NA> when it "
            "equals `text` (nothing removed).",
            required=False,
        ),
        _c(
            "boilerplate_removed",
            "Int64",
            "Number of web-furniture lines removed from `raw_text` (analysis.io.boilerplate).",
            required=False,
        ),
        _c(
            "text_field",
            "string",
            "Structured inputs: the input field the text was read from (e.g. 'body-paragraphs').",
            required=False,
        ),
        _c(
            "duplicate_of",
            "string",
            "Near-duplicate (syndicated copy or updated version): article_id of its group's "
            "representative (the earliest); <NA> for originals and unique articles.",
            required=False,
        ),
        _c(
            "story_id",
            "string",
            "Id of the near-duplicate group (the representative's article_id); every article "
            "has one, unique articles are their own story.",
            required=False,
        ),
    ),
    "sentences": (
        _c("article_id", "string", "Article the sentence belongs to."),
        _c("sentence_id", "int64", "0-based index of the sentence in its article."),
        _c("start", "int64", "Character offset of the sentence start in the article text."),
        _c("end", "int64", "Character offset one past the sentence end."),
        _c("text", "string", "The sentence text (== article text[start:end])."),
    ),
    "mentions": (
        _c("article_id", "string", "Article of the span."),
        _c("sentence_id", "int64", "Sentence of the span."),
        _c("start", "int64", "Character offset of the span start in the article text."),
        _c("end", "int64", "Character offset one past the span end."),
        _c("text", "string", "Surface text of the span."),
        _c("label", "string", "Entity label (PERSON, ORG, GPE, LOC, FAC, NORP, ...)."),
        _c(
            "source",
            "string",
            "What found it: 'kb' (knowledge base ruler), 'ner', 'gazetteer', ...",
        ),
        _c("actor_id", "string", "Canonical actor the span refers to, <NA> if none."),
        _c("place_id", "string", "Place the span refers to (see places.place_id), <NA> if none."),
    ),
    "actors": (
        _c(
            "actor_id", "string", "Stable id: 'kb:<id>' for knowledge-base actors, else 'x:<slug>'."
        ),
        _c("name", "string", "Canonical name."),
        _c("kind", "string", "person, government, country, organisation, media, group, other."),
        _c("country", "string", "ISO 3166-1 alpha-2 country code the actor belongs to."),
        _c("aliases", "object", "List of surface forms seen or known."),
        _c("wikidata", "string", "Wikidata QID when known for certain, else <NA>."),
        _c("mentions", "int64", "Number of mentions in the corpus."),
        _c("articles", "int64", "Number of articles mentioning the actor."),
        _c("in_kb", "bool", "True when the actor comes from a knowledge base."),
    ),
    "quotes": (
        _c("article_id", "string", "Article of the quote."),
        _c("sentence_id", "int64", "Sentence holding the quote (or its cue)."),
        _c("start", "int64", "Start offset of the quoted or reported content."),
        _c("end", "int64", "End offset of the quoted or reported content."),
        _c("speaker", "string", "actor_id of the speaker, <NA> when unknown."),
        _c("speaker_text", "string", "How the speaker is referred to ('the Kremlin spokesman')."),
        _c("text", "string", "What was said."),
        _c("cue", "string", "Lemma of the reporting verb ('say', 'confirm', 'according to')."),
        _c("kind", "string", "direct (in quotation marks) or reported."),
        _c("via", "string", "actor_id of the outlet reporting it ('according to Reuters'), <NA>."),
    ),
    "edges": (
        _c("source", "string", "actor_id (the smaller of the pair)."),
        _c("target", "string", "actor_id (the larger of the pair)."),
        _c("weight", "int64", "Number of sentences (or articles) where both are mentioned."),
        _c("articles", "int64", "Number of distinct articles where both are mentioned."),
    ),
    "places": (
        _c("article_id", "string", "Article of the toponym."),
        _c("sentence_id", "int64", "Sentence of the toponym."),
        _c("start", "int64", "Character offset of the toponym in the article text."),
        _c("end", "int64", "Character offset one past its end."),
        _c("text", "string", "Surface text ('Vladivostok', 'French', 'the Russian Far East')."),
        _c(
            "place_id",
            "string",
            "Stable id of the resolved place: 'gn:<geonameid>' or 'nd:<slug>'.",
        ),
        _c("name", "string", "Gazetteer name of the resolved place."),
        _c("lat", "float64", "Latitude (WGS84)."),
        _c("lon", "float64", "Longitude (WGS84)."),
        _c("country_code", "string", "ISO 3166-1 alpha-2."),
        _c("feature", "string", "city, capital, country, admin1, region, physical, site, ..."),
        _c("geonameid", "Int64", "GeoNames id when the place has one."),
        _c("population", "Int64", "Population when known."),
        _c("score", "float64", "Resolution score in [0, 1]."),
        _c("runner_up", "string", "Name and id of the second-best candidate, for review."),
        _c("role", "string", "literal, government (metonymy), demonym, modifier."),
    ),
    "timexes": (
        _c("article_id", "string", "Article of the expression."),
        _c("sentence_id", "int64", "Sentence of the expression (-1 if sentences unknown)."),
        _c("start", "int64", "Character offset of the expression."),
        _c("end", "int64", "Character offset one past its end."),
        _c("text", "string", "Surface text ('by the end of April')."),
        _c("type", "string", "TIMEX3 type: DATE, TIME, DURATION, SET."),
        _c("value", "string", "TIMEX3 value: 2019-04-22, 2019-04, 2019-W16, P1W, PRESENT_REF, ..."),
        _c("mod", "string", "TIMEX3 mod (BEFORE, AFTER, START, END, APPROX, ...), <NA> if none."),
        _c("begin", UTC_NS, "Start of the interval the expression covers (NaT if unresolved)."),
        _c("end_date", UTC_NS, "End of the interval (exclusive), NaT if unresolved."),
        _c("precision", "string", "day, week, month, quarter, year, decade, time, unknown."),
        _c("anchor", UTC_NS, "The reference time used to resolve it (publication date)."),
        _c("reason", "string", "Why the value is unresolved or approximate, <NA> if resolved."),
    ),
    "events": (
        _c("event_id", "string", "Stable id derived from article, sentence and type."),
        _c("article_id", "string", "Article that reports it."),
        _c("sentence_id", "int64", "Sentence that is the evidence."),
        _c("type", "string", "Event type from analysis.events.EVENT_TYPES (meeting, visit, ...)."),
        _c("status", "string", "occurred, planned, reported, denied."),
        _c("participants", "object", "List of actor_ids taking part."),
        _c("begin", UTC_NS, "Start of the time interval (NaT if unknown)."),
        _c("end_date", UTC_NS, "End of the time interval, exclusive (NaT if unknown)."),
        _c("precision", "string", "Precision of the interval (day, month, ...)."),
        _c("timex", "string", "TIMEX3 value the interval comes from, <NA> if none."),
        _c("place_id", "string", "Where it happens (places.place_id), <NA> if unknown."),
        _c("place_name", "string", "Name of that place."),
        _c("lat", "float64", "Latitude of the place."),
        _c("lon", "float64", "Longitude of the place."),
        _c("trigger", "string", "Word that signals the event ('summit', 'tested')."),
        _c("evidence", "string", "The sentence."),
        _c("reference_id", "string", "Matching row of the reference timeline, <NA> if none."),
    ),
}


class SchemaError(ValueError):
    """A frame lacks documented columns; the message names them."""


def describe(frame: str) -> pd.DataFrame:
    """Return the documented schema of ``frame`` as a small DataFrame (column, dtype, meaning)."""
    cols = SCHEMAS[frame]
    return pd.DataFrame(
        {
            "column": [c.name for c in cols],
            "dtype": [c.dtype for c in cols],
            "meaning": [c.doc for c in cols],
        }
    )


def check(df: pd.DataFrame, frame: str) -> pd.DataFrame:
    """Raise :class:`SchemaError` if ``df`` lacks a required column of ``frame``.

    Parameters
    ----------
    df : pandas.DataFrame
        The frame entering a stage.
    frame : str
        Name of the frame in :data:`SCHEMAS` ("articles", "mentions", ...).

    Returns
    -------
    pandas.DataFrame
        ``df`` itself, so the call can be chained.
    """
    if frame not in SCHEMAS:
        raise KeyError(f"unknown frame {frame!r}; known frames: {', '.join(SCHEMAS)}")
    if not isinstance(df, pd.DataFrame):
        raise SchemaError(f"{frame}: expected a pandas DataFrame, got {type(df).__name__}")
    missing = [c.name for c in SCHEMAS[frame] if c.required and c.name not in df.columns]
    if missing:
        raise SchemaError(f"{frame} frame is missing column(s): {', '.join(missing)}")
    return df


def _cast(series: pd.Series, dtype: str) -> pd.Series:
    if dtype == "object":
        return series.astype(object)
    if dtype == UTC_NS:
        out = pd.to_datetime(series, utc=True, errors="coerce")
        return out.astype(UTC_NS)
    if dtype == "bool":
        return series.fillna(False).astype(bool)
    if dtype == "int64":
        return pd.to_numeric(series, errors="coerce").fillna(-1).astype("int64")
    if dtype == "Int64":
        return pd.to_numeric(series, errors="coerce").round().astype("Int64")
    if dtype == "float64":
        return pd.to_numeric(series, errors="coerce").astype("float64")
    if dtype == "string":
        return series.astype("string")
    return series.astype(dtype)


def empty(frame: str) -> pd.DataFrame:
    """Return an empty frame with the documented columns and dtypes of ``frame``."""
    cols = SCHEMAS[frame]
    return pd.DataFrame(
        {c.name: pd.Series([], dtype=object if c.dtype == "object" else c.dtype) for c in cols}
    )


def conform(df: pd.DataFrame, frame: str, *, extra: bool = True) -> pd.DataFrame:
    """Return ``df`` with the documented columns first, cast to their dtypes.

    Missing optional columns are added as missing values; missing required columns
    raise :class:`SchemaError`.  Extra columns are kept after the documented ones
    unless ``extra=False``.
    """
    check(df, frame)
    if len(df) == 0:
        out = empty(frame)
        for name in df.columns:
            if name not in out.columns and extra:
                out[name] = df[name]
        out.attrs = dict(df.attrs)
        return out
    out = pd.DataFrame(index=df.index)
    for c in SCHEMAS[frame]:
        col = df[c.name] if c.name in df.columns else pd.Series([None] * len(df), index=df.index)
        out[c.name] = _cast(col, c.dtype)
    if extra:
        for name in df.columns:
            if name not in out.columns:
                out[name] = df[name]
    out = out.reset_index(drop=True)
    out.attrs = dict(df.attrs)
    return out

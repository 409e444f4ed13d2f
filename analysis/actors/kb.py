"""The actor knowledge base: loading, validation, normalisation and look-up indexes.

The bundled knowledge base is ``data/actors.csv``; users add their own CSV or YAML files
with the same columns.  One row is one canonical actor:

=========== =====================================================================
column      meaning
=========== =====================================================================
actor_id    Short stable id (``[a-z0-9_.-]``); the actor's id in frames is ``kb:<id>``.
name        Canonical name.
kind        person, government, country, organisation, media, group or other.
country     ISO 3166-1 alpha-2 code of the country the actor belongs to (may be empty).
aliases     Other names, ``|``-separated ("Kim Jong-un|Kim Jong Un").  A single-word
            alias of a person (a surname) is used for look-up, never as a ruler pattern.
titles      Offices held, ``|``-separated, lower case ("secretary of state|top diplomat");
            "the Kremlin spokesman" resolves to the person holding the title.
metonyms    Places that stand for the actor ("Kremlin|Moscow" for Russia's government);
            whether a mention of them means the government is decided by the syntax.
demonyms    Adjectives of the actor's country ("Russian"), for governments; for a party or
            another organisation, the plural noun for its members ("Democrats"): a
            mention that is exactly that word is the organisation.
wikidata    Wikidata QID, only when known for certain.
valid_from  Date the titles were first held (ISO date, may be empty).
valid_to    Date the titles ended (ISO date, empty when still held).
notes       Free text.
=========== =====================================================================

A later file overrides an earlier one row by row (same ``actor_id``).
"""

from __future__ import annotations

import csv
import functools
import logging
import re
import unicodedata
import weakref
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.settings import data_path

__all__ = [
    "KB_COLUMNS",
    "KINDS",
    "KnowledgeBaseError",
    "KBIndex",
    "load_knowledge_base",
    "kb_index",
    "normalize_name",
    "slugify",
]

log = logging.getLogger(__name__)

KB_COLUMNS = (
    "actor_id",
    "name",
    "kind",
    "country",
    "aliases",
    "titles",
    "metonyms",
    "demonyms",
    "wikidata",
    "valid_from",
    "valid_to",
    "notes",
)
KINDS = ("person", "government", "country", "organisation", "media", "group", "other")
_LIST_COLUMNS = ("aliases", "titles", "metonyms", "demonyms")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.\-]*$")
_QID_RE = re.compile(r"^Q[1-9][0-9]*$")


class KnowledgeBaseError(ValueError):
    """A knowledge-base file or row is invalid; the message names the file and row."""


# --------------------------------------------------------------------------- names


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'"})
_DASHES = re.compile(r"[\u2010-\u2015\-]+")


@functools.lru_cache(maxsize=65536)
def normalize_name(text: str) -> str:
    """Key used to compare names: case, accents, hyphens, dots and articles ignored.

    >>> normalize_name("Kim Jong-un") == normalize_name("KIM JONG UN")
    True
    >>> normalize_name("the U.S.")
    'us'
    """
    text = unicodedata.normalize("NFKD", str(text).translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"'s$|'$", "", text.strip())
    text = _DASHES.sub(" ", text).replace(".", "")
    text = re.sub(r"[^\w' ]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def slugify(text: str) -> str:
    """Lower-case ASCII slug of a name ("Kim Jong-un" -> "kim-jong-un")."""
    key = normalize_name(text).replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", key.encode("ascii", "ignore").decode()).strip("-")


# --------------------------------------------------------------------------- loading


def _split(value) -> list[str]:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    items = value if isinstance(value, (list, tuple)) else str(value).split("|")
    return [str(v).strip() for v in items if str(v).strip()]


def _read_rows(path: Path) -> list[dict]:
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        import yaml

        with path.open(encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or []
        if isinstance(data, dict):
            data = data.get("actors", [])
        if not isinstance(data, list):
            raise KnowledgeBaseError(f"{path}: expected a list of actors (or an 'actors:' list)")
        return [dict(row) if isinstance(row, dict) else {"_bad": row} for row in data]
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or "actor_id" not in reader.fieldnames:
            raise KnowledgeBaseError(
                f"{path}: not a knowledge-base CSV (header must include actor_id, name, kind)"
            )
        return list(reader)


def _date(value, what: str) -> pd.Timestamp:
    if value is None or str(value).strip() in ("", "nan", "None", "NaT"):
        return pd.NaT
    ts = pd.to_datetime(str(value).strip(), utc=True, errors="coerce")
    if pd.isna(ts):
        raise KnowledgeBaseError(f"{what} is not a date: {value!r}")
    return ts


def _validate(row: dict) -> dict:
    if "_bad" in row:
        raise KnowledgeBaseError(f"not a mapping: {row['_bad']!r}")
    kb_id = str(row.get("actor_id") or "").strip()
    if kb_id.startswith("kb:"):
        kb_id = kb_id[3:]
    if not _ID_RE.match(kb_id):
        raise KnowledgeBaseError(f"actor_id {kb_id!r} must match [a-z0-9][a-z0-9_.-]*")
    name = str(row.get("name") or "").strip()
    if not name:
        raise KnowledgeBaseError("name is empty")
    kind = str(row.get("kind") or "").strip().lower()
    if kind not in KINDS:
        raise KnowledgeBaseError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    country = str(row.get("country") or "").strip().upper()
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        raise KnowledgeBaseError(f"country {country!r} is not an ISO 3166-1 alpha-2 code")
    qid = str(row.get("wikidata") or "").strip()
    if qid and not _QID_RE.match(qid):
        raise KnowledgeBaseError(f"wikidata {qid!r} is not a QID like Q7747")
    out = {
        "actor_id": f"kb:{kb_id}",
        "kb_id": kb_id,
        "name": name,
        "kind": kind,
        "country": country or None,
        "wikidata": qid or None,
        "valid_from": _date(row.get("valid_from"), "valid_from"),
        "valid_to": _date(row.get("valid_to"), "valid_to"),
        "notes": str(row.get("notes") or "").strip() or None,
    }
    for col in _LIST_COLUMNS:
        out[col] = _split(row.get(col))
    out["titles"] = [t.lower() for t in out["titles"]]
    if name not in out["aliases"]:
        out["aliases"].insert(0, name)
    return out


def load_knowledge_base(
    *paths: str | Path, bundled: bool = True, strict: bool = False
) -> pd.DataFrame:
    """Load the actor knowledge base: the bundled file plus the user's files.

    Parameters
    ----------
    *paths : str or Path
        Extra CSV or YAML files with the columns documented in this module.  Rows of
        later files replace rows of earlier ones with the same ``actor_id``.
    bundled : bool, default True
        Start from the bundled ``data/actors.csv``.
    strict : bool, default False
        Raise :class:`KnowledgeBaseError` on the first invalid row instead of logging a
        warning that names the file and row and skipping it.

    Returns
    -------
    pandas.DataFrame
        One row per actor: ``actor_id`` (``kb:<id>``), ``kb_id``, ``name``, ``kind``,
        ``country``, ``aliases``/``titles``/``metonyms``/``demonyms`` (lists),
        ``wikidata``, ``valid_from``/``valid_to`` (UTC timestamps or NaT), ``notes``, ``file``.

    Raises
    ------
    FileNotFoundError
        When a given file does not exist.
    KnowledgeBaseError
        When a file cannot be read as a knowledge base (or any row is invalid and
        ``strict`` is true).
    """
    files = ([data_path("actors.csv")] if bundled else []) + [Path(p) for p in paths]
    rows: dict[str, dict] = {}
    for path in files:
        if not path.is_file():
            raise FileNotFoundError(f"knowledge base file not found: {path}")
        for number, raw in enumerate(_read_rows(path), start=2):
            where = (
                f"{path}, row {number}"
                if path.suffix.lower() == ".csv"
                else f"{path}, item {number - 1}"
            )
            try:
                row = _validate(raw)
            except KnowledgeBaseError as exc:
                if strict:
                    raise KnowledgeBaseError(f"{where}: {exc}") from None
                log.warning("knowledge base %s: %s; row skipped", where, exc)
                continue
            row["file"] = str(path)
            if row["actor_id"] in rows and rows[row["actor_id"]]["file"] == str(path):
                msg = f"{where}: duplicate actor_id {row['kb_id']!r}"
                if strict:
                    raise KnowledgeBaseError(msg)
                log.warning("knowledge base %s; the later row wins", msg)
            rows[row["actor_id"]] = row
    columns = ["actor_id", "kb_id", *KB_COLUMNS[1:], "file"]
    frame = pd.DataFrame(list(rows.values()), columns=columns)
    for col in ("actor_id", "kb_id", "name", "kind", "country", "wikidata", "notes", "file"):
        frame[col] = frame[col].astype("string")
    for col in ("valid_from", "valid_to"):
        frame[col] = pd.to_datetime(frame[col], utc=True)
    return frame


# --------------------------------------------------------------------------- index


@dataclass
class KBIndex:
    """Look-up tables built from a knowledge-base frame (see :func:`kb_index`)."""

    actors: dict[str, dict] = field(default_factory=dict)  # actor_id -> row dict
    names: dict[str, list[str]] = field(default_factory=dict)  # normalized alias -> ids
    surnames: dict[str, list[str]] = field(default_factory=dict)  # person surname -> ids
    metonyms: dict[str, str] = field(default_factory=dict)  # normalized place -> id
    demonyms: dict[str, str] = field(default_factory=dict)  # normalized demonym -> gov id
    members: dict[str, str] = field(default_factory=dict)  # "democrats" -> party id
    countries: dict[str, str] = field(default_factory=dict)  # ISO code -> gov id
    titles: dict[str, list[str]] = field(default_factory=dict)  # title -> person ids

    def lookup(self, text: str) -> list[str]:
        """Actor ids whose name or alias normalises like ``text``."""
        return self.names.get(normalize_name(text), [])


_EAST_ASIAN_FAMILY_FIRST = {"KP", "KR", "CN"}
_INDEXES: dict[int, tuple[weakref.ref, KBIndex]] = {}


def _surname(name: str, country: str | None) -> str | None:
    parts = normalize_name(name).split()
    if len(parts) < 2:
        return None
    return parts[0] if country in _EAST_ASIAN_FAMILY_FIRST else parts[-1]


def kb_index(kb: pd.DataFrame) -> KBIndex:
    """Build (once per frame object) the look-up tables of a knowledge base."""
    cached = _INDEXES.get(id(kb))
    if cached is not None and cached[0]() is kb:
        return cached[1]
    index = KBIndex()
    for row in kb.to_dict("records"):
        aid = row["actor_id"]
        country = row["country"] if isinstance(row["country"], str) else None
        row["country"] = country
        index.actors[aid] = row
        for alias in row["aliases"]:
            key = normalize_name(alias)
            if key and aid not in index.names.setdefault(key, []):
                index.names[key].append(aid)
        if row["kind"] == "person":
            for alias in row["aliases"]:
                sn = _surname(alias, country)
                if sn and aid not in index.surnames.setdefault(sn, []):
                    index.surnames[sn].append(aid)
            for title in row["titles"]:
                index.titles.setdefault(title, []).append(aid)
        for met in row["metonyms"]:
            index.metonyms.setdefault(normalize_name(met), aid)
        if row["kind"] not in ("government", "country"):
            for dem in row["demonyms"]:
                index.members.setdefault(normalize_name(dem), aid)
        if row["kind"] in ("government", "country"):
            for dem in row["demonyms"]:
                index.demonyms.setdefault(normalize_name(dem), aid)
            if country:
                index.countries.setdefault(country, aid)
    _INDEXES[id(kb)] = (weakref.ref(kb), index)
    return index

"""Domain vocabulary of the events stage, read from data files that users can extend.

Generic English stays in code (:mod:`analysis.events.types`); the names of one domain --
weapon systems such as a missile family or a missile-defence system -- live in
``data/event_vocabulary.csv`` (columns ``term``, ``category``, ``note``; ``#`` lines are
comments).  :func:`load_vocabulary` reads it and users' files of the same columns;
:func:`extend_vocabulary` adds a user file or terms to the running typology, so that
"tested a <name>" becomes a weapons test and a mention of the name is never an event
participant.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterable
from pathlib import Path

from ..settings import data_path

__all__ = [
    "VOCABULARY_FILE",
    "extend_vocabulary",
    "is_weapon_system",
    "load_vocabulary",
    "vocabulary",
]

log = logging.getLogger(__name__)

#: File name of the bundled vocabulary in ``data/``.
VOCABULARY_FILE = "event_vocabulary.csv"
_CATEGORIES = frozenset({"weapon_system"})
_VOCAB: dict[str, set[str]] = {}


def load_vocabulary(
    *paths: str | Path, bundled: bool = True, strict: bool = False
) -> dict[str, frozenset[str]]:
    """Read vocabulary files into ``category -> terms`` (lower case).

    Parameters
    ----------
    *paths : str or Path
        Users' CSV files with columns ``term`` and ``category`` (``note`` optional).
    bundled : bool
        Start from the bundled ``data/event_vocabulary.csv`` (default True).
    strict : bool
        Raise ``ValueError`` on an unreadable file or a bad row instead of logging a
        warning and skipping it.

    Returns
    -------
    dict of str to frozenset of str
        The terms of each known category (``weapon_system``).
    """
    files = [data_path(VOCABULARY_FILE)] if bundled else []
    files += [Path(p) for p in paths]
    out: dict[str, set[str]] = {c: set() for c in _CATEGORIES}
    for path in files:
        try:
            with open(path, encoding="utf-8", newline="") as fh:
                lines = [ln for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]
        except OSError as exc:
            _problem(f"cannot read event vocabulary {path}: {exc}", strict)
            continue
        reader = csv.DictReader(lines)
        if not reader.fieldnames or not {"term", "category"} <= set(reader.fieldnames):
            _problem(f"event vocabulary {path} lacks the columns term and category", strict)
            continue
        for k, row in enumerate(reader, start=2):
            term = (row.get("term") or "").strip().lower()
            cat = (row.get("category") or "").strip().lower()
            if not term or cat not in _CATEGORIES:
                _problem(
                    f"{path} row {k}: term {term!r} / category {cat!r} "
                    f"(known: {', '.join(sorted(_CATEGORIES))})",
                    strict,
                )
                continue
            out[cat].add(term)
    return {c: frozenset(v) for c, v in out.items()}


def _problem(msg: str, strict: bool) -> None:
    if strict:
        raise ValueError(msg)
    log.warning("%s; skipped", msg)


_FROZEN: dict[str, frozenset[str]] = {}


def vocabulary() -> dict[str, frozenset[str]]:
    """The vocabulary in use: the bundled file plus what :func:`extend_vocabulary` added."""
    if not _VOCAB:
        _FROZEN.clear()
        for cat, terms in load_vocabulary().items():
            _VOCAB[cat] = set(terms)
    if not _FROZEN or any(len(_FROZEN.get(c, ())) != len(v) for c, v in _VOCAB.items()):
        _FROZEN.clear()
        _FROZEN.update({c: frozenset(v) for c, v in _VOCAB.items()})
    return dict(_FROZEN)


_GENERIC = frozenset(
    [
        "the",
        "a",
        "an",
        "missile",
        "missiles",
        "system",
        "systems",
        "battery",
        "batteries",
        "rocket",
        "rockets",
        "icbm",
        "icbms",
        "defense",
        "defence",
        "anti-missile",
        "launcher",
        "launchers",
        "interceptor",
        "interceptors",
        "ballistic",
        "cruise",
    ]
)


def is_weapon_system(text: str) -> bool:
    """True when ``text`` names a weapon system of the vocabulary and nothing else:
    "THAAD", "Hwasong-15", "the S-400 system", "a Tomahawk missile" -- not "Patriot Act".

    Every word but a vocabulary name (or its hyphenated variant, "Hwasong-15"), a
    variant number and generic words ("missile", "system") makes it something else."""
    terms = vocabulary()["weapon_system"]
    words = [w.strip(".,;:'\"()").lower() for w in text.split()]
    words = [w for w in words if w]
    found = False
    for w in words:
        if w in terms or w.split("-")[0] in terms or (w.rsplit("-", 1)[0] in terms):
            found = True
        elif w in _GENERIC or w.replace("-", "").isdigit():
            continue
        else:
            return False
    return found


def extend_vocabulary(
    *paths: str | Path, weapon_systems: Iterable[str] = (), strict: bool = False
) -> dict[str, frozenset[str]]:
    """Add users' vocabulary files or terms to the vocabulary in use and to the typology.

    The weapons-test and deployment triggers of :data:`analysis.events.EVENT_TYPES`
    accept the new weapon names at once.

    Parameters
    ----------
    *paths : str or Path
        CSV files of the bundled file's columns.
    weapon_systems : iterable of str
        Further weapon-system names.
    strict : bool
        Raise on a bad file or row (see :func:`load_vocabulary`).

    Returns
    -------
    dict of str to frozenset of str
        The vocabulary now in use.
    """
    vocabulary()
    for cat, terms in load_vocabulary(*paths, bundled=False, strict=strict).items():
        _VOCAB.setdefault(cat, set()).update(terms)
    _VOCAB["weapon_system"].update(w.strip().lower() for w in weapon_systems if w.strip())
    from .types import refresh_weapon_context

    refresh_weapon_context()
    return vocabulary()

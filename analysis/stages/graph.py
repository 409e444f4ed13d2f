"""The stage registry, and everything the pipeline derives from the registered specs.

:data:`STAGE_REGISTRY` holds one :class:`~analysis.stages.spec.StageSpec` per stage
(an :class:`analysis.registry.Registry`).  :class:`StageGraph` reads a list of specs and
derives what used to be hand-kept tables: the run order (a stable topological order of
requires/assigns, ties in registration order), each stage's upstream stages (for
fingerprints and staleness) and the stages it fails with, the per-article frames kept in
the store with their schemas and sort keys, the incremental-state frames, and the
settings each stage depends on.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from analysis import schema
from analysis.registry import Registry

from .spec import INPUT_FRAME, StageSpec

__all__ = [
    "STAGE_REGISTRY",
    "StageGraph",
    "StageRegistry",
    "register_stage",
    "unregister_stage",
    "stage_graph",
    "canonical_stage",
    "stage_available",
]


class StageRegistry(Registry[StageSpec]):
    """:class:`analysis.registry.Registry` of stage specs, kept in registration order.

    Registering checks the spec against the others (one creator per frame, requirements
    that some stage provides, no cycle), so a bad stage fails at import, not mid-build.
    """

    def __init__(self) -> None:
        super().__init__("stage")
        self.version = 0
        self._graph: StageGraph | None = None

    def register(self, name: str, item: StageSpec | None = None):
        """Register ``item`` (a :class:`StageSpec` named ``name``); a decorator without it."""

        def deco(spec: StageSpec) -> StageSpec:
            if not isinstance(spec, StageSpec):
                raise TypeError(f"a stage is registered as a StageSpec, not {type(spec).__name__}")
            if spec.name != name:
                raise ValueError(f"stage spec {spec.name!r} registered under another name {name!r}")
            others = [s for n, s in self._items.items() if n != name.lower()]
            StageGraph([*others, spec])  # raises on a conflict, a cycle or a missing input
            super(StageRegistry, self).register(name, spec)
            self._changed()
            return spec

        return deco if item is None else deco(item)

    def unregister(self, name: str) -> StageSpec:
        """Remove the stage ``name`` and return its spec (tests, plugins being unloaded)."""
        spec = self.get(name)
        del self._items[name.lower()]
        self._changed()
        return spec

    def specs(self) -> list[StageSpec]:
        """The registered specs, in registration order."""
        return list(self._items.values())

    def graph(self) -> StageGraph:
        """The :class:`StageGraph` of the registered specs (cached until the next change)."""
        if self._graph is None:
            self._graph = StageGraph(self.specs())
        return self._graph

    def _changed(self) -> None:
        self.version += 1
        self._graph = None


#: Every stage of the pipeline, built-in (:mod:`analysis.stages.builtin`) and added.
STAGE_REGISTRY = StageRegistry()


def register_stage(spec: StageSpec) -> StageSpec:
    """Register ``spec`` under its name: the one edit that adds a stage to the pipeline."""
    return STAGE_REGISTRY.register(spec.name, spec)


def unregister_stage(name: str) -> StageSpec:
    """Remove a registered stage (see :meth:`StageRegistry.unregister`)."""
    return STAGE_REGISTRY.unregister(name)


def stage_graph() -> StageGraph:
    """The graph of the registered stages."""
    return STAGE_REGISTRY.graph()


def canonical_stage(name: str) -> str:
    """The current name of a stage given its name or a former one ("time" -> "timexes")."""
    return stage_graph().canonical(name)


def _frame(item: str) -> str:
    return item.partition(".")[0]


class StageGraph:
    """What the pipeline derives from a list of stage specs.

    Parameters
    ----------
    specs : iterable of StageSpec
        In registration order (the tie-break of the run order).

    Raises
    ------
    ValueError
        When two stages create the same frame, a requirement has no provider, or the
        requirements form a cycle.
    """

    def __init__(self, specs: Iterable[StageSpec]) -> None:
        specs = list(specs)
        names = [s.name for s in specs]
        if len(set(names)) != len(names):
            raise ValueError(f"duplicate stage names in {names}")
        self.creator: dict[str, str] = {}  # frame or transient -> stage that creates it
        for s in specs:
            for f in (*s.frames, *s.transient):
                if f in self.creator:
                    raise ValueError(
                        f"stage {s.name!r} creates {f!r}, which stage {self.creator[f]!r} "
                        "creates already; assign columns of it instead ('FRAME.COLUMN')"
                    )
                self.creator[f] = s.name
        by_name = {s.name: s for s in specs}
        self._aliases = {a: s.name for s in specs for a in s.aliases}
        per_article = [s for s in specs if s.per_article]
        self.order: tuple[StageSpec, ...] = self._sorted(per_article)
        self.corpus_order: tuple[StageSpec, ...] = self._sorted(
            [s for s in specs if not s.per_article]
        )
        #: per-article stage names in run order (the fp_* columns of the state index)
        self.names: tuple[str, ...] = tuple(s.name for s in self.order)
        self.specs: dict[str, StageSpec] = by_name
        self.upstream: dict[str, tuple[str, ...]] = {}
        self.fails_with: dict[str, tuple[str, ...]] = {}
        rank = {s.name: i for i, s in enumerate(self.order)}
        for s in self.order:
            derived = self._producers(s)
            self.fails_with[s.name] = derived
            if s.upstream is None:
                self.upstream[s.name] = derived
            else:
                unknown = [u for u in s.upstream if u not in rank]
                if unknown:
                    raise ValueError(f"stage {s.name!r}: unknown upstream stage(s) {unknown}")
                self.upstream[s.name] = tuple(sorted(s.upstream, key=rank.__getitem__))
        # frames kept per article in the store, with their schemas
        self.per_article: dict[str, str] = {INPUT_FRAME: INPUT_FRAME}
        self.sort_keys: dict[str, tuple[str, ...]] = {}
        self.transient: dict[str, str] = {}  # transient -> stage
        self._schemas: dict[str, str | None] = {INPUT_FRAME: INPUT_FRAME}
        for s in specs:
            for f in (*s.frames, *s.transient):
                self._schemas[f] = s.schemas.get(f, f if f in schema.SCHEMAS else None)
            for t in s.transient:
                self.transient[t] = s.name
            self.sort_keys.update(s.sort_keys)
        for s in self.order:
            for f in s.frames:
                self.per_article[f] = self._schemas[f] or f
        #: Settings fields (or ``Settings.extra`` keys) each stage depends on
        self.stage_fields: dict[str, tuple[str, ...]] = {s.name: s.settings for s in specs}
        #: bundled data files (names under ``data/``) each stage's output depends on
        self.stage_data: dict[str, tuple[str, ...]] = {s.name: s.data_files for s in specs}

    # ------------------------------------------------------------------ derivation
    def _provides(self, s: StageSpec, need: str) -> bool:
        frame, dot, _ = need.partition(".")
        if frame in s.frames or frame in s.transient or need in s.assigns:
            return True
        return not dot and frame in s.columns

    def _producers(self, s: StageSpec) -> tuple[str, ...]:
        """The per-article stages (in run order) that make something ``s`` requires."""
        return tuple(
            other.name
            for other in self.order
            if other.name != s.name and any(self._provides(other, r) for r in s.requires)
        )

    def _sorted(self, specs: list[StageSpec]) -> tuple[StageSpec, ...]:
        """Stable topological order: a stage after what it requires and after the creator
        of any frame it assigns columns of; ties in registration order."""
        after: dict[str, set[str]] = {s.name: set() for s in specs}
        names = set(after)
        for s in specs:
            for other in specs:
                if other.name == s.name:
                    continue
                if any(self._provides(other, r) for r in s.requires) or any(
                    f in other.frames for f in s.columns
                ):
                    after[s.name].add(other.name)
            for r in s.requires:
                frame = _frame(r)
                if frame == INPUT_FRAME or any(self._provides(o, r) for o in specs):
                    continue
                if s.per_article or not self._corpus_frame(frame):
                    raise ValueError(
                        f"stage {s.name!r} requires {r!r}, which no registered stage provides"
                    )
        done: list[StageSpec] = []
        left = list(specs)
        while left:
            for s in left:
                if after[s.name] <= {d.name for d in done}:
                    done.append(s)
                    left.remove(s)
                    break
            else:
                cycle = ", ".join(s.name for s in left)
                raise ValueError(f"the stages {cycle} require each other's output (a cycle)")
        assert names == {s.name for s in done}
        return tuple(done)

    def _corpus_frame(self, frame: str) -> bool:
        """True for a frame a corpus-level stage may read: a corpus frame or a stored one."""
        return frame in schema.SCHEMAS or frame in self.creator

    # ------------------------------------------------------------------ queries
    def canonical(self, name: str) -> str:
        """The stage's current name (its own, or the one that replaced a former name)."""
        return self._aliases.get(name, name)

    def schema_of(self, name: str) -> str | None:
        """Schema of a frame or transient (None for a frame without a schema)."""
        return self._schemas.get(name)

    def empty(self, name: str) -> pd.DataFrame | dict:
        """An empty frame ``name`` (with ``article_id``), or ``{}`` for a mapping transient."""
        sch = self.schema_of(name)
        if sch is None:
            if name in self.transient:
                return {}
            return pd.DataFrame({"article_id": pd.Series([], dtype="string")})
        df = schema.empty(sch)
        if "article_id" not in df.columns:
            df.insert(0, "article_id", pd.Series([], dtype="string"))
        return df

    @property
    def state_frames(self) -> tuple[str, ...]:
        """Frames of ``_state/`` in the store: per-article frames that are not corpus frames,
        and the index (content hash and fingerprint of every stage, per article)."""
        return (*(f for f in self.per_article if f not in schema.SCHEMAS), "index")

    def executing(self, stale: Iterable[str]) -> tuple[set[str], set[str]]:
        """The stages a batch runs for its ``stale`` stages.

        Returns ``(kept, helpers)``: ``kept`` are the stages whose output replaces the
        stored rows -- the stale ones, plus a fresh stage that sets columns of a frame a
        kept stage re-creates (its columns would be lost otherwise); ``helpers`` are fresh
        stages run only for a transient a kept stage needs (their frames are dropped:
        the stored ones are the same).
        """
        kept = {self.canonical(s) for s in stale} & set(self.names)
        while True:
            recreated = {f for n in kept for f in self.specs[n].frames}
            more = {
                s.name
                for s in self.order
                if s.name not in kept and any(f in recreated for f in s.columns)
            }
            if not more:
                break
            kept |= more
        helpers: set[str] = set()
        todo = list(kept)
        while todo:
            spec = self.specs[todo.pop()]
            for r in spec.requires:
                maker = self.transient.get(_frame(r))
                if maker and maker not in kept and maker not in helpers:
                    helpers.add(maker)
                    todo.append(maker)
        return kept, helpers


def stage_available(stage: str) -> bool:
    """True when the module a stage needs is installed (nothing is imported).

    Parameters
    ----------
    stage : str
        A registered stage's name (or former name).
    """
    import importlib.util

    try:
        spec = STAGE_REGISTRY.get(canonical_stage(stage))
    except KeyError:
        return False
    if spec.module is None:
        return True
    try:
        return importlib.util.find_spec(spec.module) is not None
    except (ImportError, ValueError):
        return False

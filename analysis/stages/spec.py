"""What a stage is: a :class:`StageSpec` (its contract) and the :class:`Batch` it runs on.

A stage declares the frames and columns it reads (``requires``) and writes
(``assigns``), the batch-only products it hands to later stages (``transient``, e.g. the
spaCy Docs), the settings it depends on, the sort keys of the frames it creates, and a
``run(batch, resources) -> dict`` function.  Everything the pipeline needs to know about
a stage -- its order, fingerprint, staleness, what fails with it, what is stored per
article and how it is sorted -- is derived from these declarations
(:mod:`analysis.stages.graph`), so adding a stage is one registration.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from analysis.resources import Resources
    from analysis.settings import Settings

__all__ = ["StageSpec", "Batch", "INPUT_FRAME"]

#: The frame the loaders produce; stages may assign columns of it, never the whole frame.
INPUT_FRAME = "articles"


def _tuple(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


@dataclass(frozen=True)
class StageSpec:
    """The contract of one stage.

    Parameters
    ----------
    name : str
        The stage's one name: in fingerprints, ``build_stats["computed"]``, build errors
        and ``Settings.fingerprint(name)``.
    run : callable
        ``run(batch, resources) -> dict``: the frames (and transients) it produces for the
        articles of ``batch`` (:class:`Batch`), using the heavy objects of ``resources``
        (:class:`analysis.resources.Resources`).  Keys must be declared in ``assigns``
        (without the column part) or ``transient``.  A frame named in ``assigns`` as a
        whole (``"places"``) replaces the batch's rows of those articles; a frame named
        only by columns (``"mentions.place_id"``) is returned whole, with those columns set.
    requires : tuple of str
        What the stage reads: frame names (``"sentences"``) or ``"frame.column"``
        (``"articles.published"``).  The stages that produce them are its upstream.
    assigns : tuple of str
        What it writes: whole frames (``"places"``, stored per article) or columns of a
        frame another stage creates (``"mentions.place_id"``).
    transient : tuple of str
        Batch-only products for later stages, never stored (``"docs"``).  A stage that
        needs one runs its provider even when the provider's stored output is fresh.
    settings : tuple of str
        Fields of :class:`analysis.settings.Settings` (or keys of ``Settings.extra``) whose
        values change its output.
    sort_keys : mapping of str to tuple of str
        Natural order of each frame it creates, within an article.
    schemas : mapping of str to str
        Schema (:data:`analysis.schema.SCHEMAS`) of a created frame or transient whose name
        is not a schema name (``{"actor_parts": "actors"}``).  A frame with no schema is
        stored as returned, with its ``article_id`` column.
    per_article : bool
        True (default): each article's output depends only on that article, so it is
        computed in batches, stored per article and rebuilt incrementally.  False: the
        stage runs over the whole corpus every time the corpus is assembled (cross-article
        grouping); it is not fingerprinted or stored per article.
    upstream : tuple of str, optional
        Stages whose changed output makes this one stale.  Derived from ``requires`` when
        None; set it only to narrow that, with the reason in a comment.
    module : str, optional
        The module the stage needs (``stage_available`` looks it up without importing).
    resources : tuple of str
        Resources it loads (names of :class:`analysis.resources.Resources` methods), which
        Dask workers load ahead of their first batch.
    aliases : tuple of str
        Former names of the stage (read from stores written by older versions).
    data_files : tuple of str
        Bundled data files (names under ``data/``, :func:`analysis.settings.data_path`)
        whose content changes its output: their content is hashed into the stage's
        fingerprint, so editing one rebuilds the stage.
    """

    name: str
    run: Callable[[Batch, Resources], dict[str, Any]]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    transient: tuple[str, ...] = ()
    settings: tuple[str, ...] = ()
    sort_keys: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    schemas: Mapping[str, str] = field(default_factory=dict)
    per_article: bool = True
    upstream: tuple[str, ...] | None = None
    module: str | None = None
    resources: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    data_files: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.isidentifier():
            raise ValueError(f"a stage name must be an identifier, not {self.name!r}")
        for attr in (
            "requires",
            "assigns",
            "transient",
            "settings",
            "resources",
            "aliases",
            "data_files",
        ):
            object.__setattr__(self, attr, _tuple(getattr(self, attr)))
        if self.upstream is not None:
            object.__setattr__(self, "upstream", _tuple(self.upstream))
        object.__setattr__(
            self, "sort_keys", {k: _tuple(v) for k, v in dict(self.sort_keys).items()}
        )
        object.__setattr__(self, "schemas", dict(self.schemas))
        if not callable(self.run):
            raise TypeError(f"stage {self.name!r}: run must be callable")
        for item in self.assigns:
            frame, _, _ = item.partition(".")
            if frame == INPUT_FRAME and "." not in item:
                raise ValueError(
                    f"stage {self.name!r} cannot assign the whole {INPUT_FRAME!r} frame "
                    f"(the loaders make it); assign its columns: '{INPUT_FRAME}.COLUMN'"
                )
        unknown = set(self.sort_keys) - set(self.frames)
        if unknown:
            raise ValueError(
                f"stage {self.name!r} has sort keys for frames it does not create: "
                f"{', '.join(sorted(unknown))}"
            )

    @property
    def frames(self) -> tuple[str, ...]:
        """The frames it creates (whole), in declaration order."""
        return tuple(a for a in self.assigns if "." not in a)

    @property
    def columns(self) -> dict[str, tuple[str, ...]]:
        """Columns it sets on frames other stages create: ``frame -> columns``."""
        out: dict[str, list[str]] = {}
        for a in self.assigns:
            frame, dot, col = a.partition(".")
            if dot:
                out.setdefault(frame, []).append(col)
        return {k: tuple(v) for k, v in out.items()}

    @property
    def outputs(self) -> tuple[str, ...]:
        """Every key ``run`` may return: created frames, column-assigned frames, transients."""
        seen: dict[str, None] = {}
        for a in (*self.assigns, *self.transient):
            seen[a.partition(".")[0]] = None
        return tuple(seen)


class Batch:
    """The frames of some articles of one batch, as a stage's ``run`` sees them.

    ``batch["sentences"]`` is the sentences frame of these articles (only their rows),
    ``batch["docs"]`` the transient Docs mapping (only their keys).  Frames are sliced when
    first read, so a stage pays only for what it reads.

    Parameters
    ----------
    frames : mapping
        The whole batch's frames and transients.
    ids : sequence of str
        The articles this view holds (a subset of the batch, in batch order).
    settings : Settings
        The build's settings.
    whole : bool
        True when ``ids`` are all the articles of ``frames`` (nothing to slice).
    """

    def __init__(
        self,
        frames: Mapping[str, Any],
        ids: Sequence[str],
        settings: Settings,
        *,
        whole: bool = False,
    ) -> None:
        self._frames = frames
        self.ids = list(ids)
        self.settings = settings
        self._whole = whole
        self._cache: dict[str, Any] = {}

    def __getitem__(self, name: str):
        if name in self._cache:
            return self._cache[name]
        try:
            value = self._frames[name]
        except KeyError:
            have = ", ".join(sorted(self._frames)) or "(none)"
            raise KeyError(
                f"the batch holds no {name!r}; declare it in the stage's requires and make "
                f"sure a stage produces it (the batch holds: {have})"
            ) from None
        if not self._whole:
            value = _rows_of(value, self.ids)
        self._cache[name] = value
        return value

    def get(self, name: str, default=None):
        """``batch[name]``, or ``default`` when the batch holds no such frame."""
        return self[name] if name in self._frames else default

    def __contains__(self, name: object) -> bool:
        return name in self._frames

    def __len__(self) -> int:
        return len(self.ids)

    def subset(self, ids: Sequence[str]) -> Batch:
        """The same batch restricted to ``ids`` (a subset of :attr:`ids`)."""
        return Batch(self._frames, ids, self.settings, whole=False)

    def split(self) -> Iterator[Batch]:
        """One :class:`Batch` per article (each frame grouped once, not filtered per article)."""
        if len(self.ids) == 1:
            yield self
            return
        groups: dict[str, dict] = {}
        for aid in self.ids:
            frames: dict[str, Any] = {}
            for name in self._frames:
                value = self[name]
                if isinstance(value, pd.DataFrame):
                    if name not in groups:
                        groups[name] = (
                            value.groupby("article_id", sort=False, observed=True).indices
                            if len(value) and "article_id" in value.columns
                            else {}
                        )
                    pos = groups[name].get(aid)
                    frames[name] = (
                        value.iloc[pos].reset_index(drop=True)
                        if pos is not None
                        else value.iloc[:0]
                    )
                elif isinstance(value, Mapping):
                    frames[name] = {aid: value[aid]} if aid in value else {}
                else:
                    frames[name] = value
            yield Batch(frames, [aid], self.settings, whole=True)


def _rows_of(value, ids: list[str]):
    """The part of a frame or mapping that belongs to ``ids``."""
    if isinstance(value, pd.DataFrame):
        if "article_id" not in value.columns or not len(value):
            return value
        return value[value["article_id"].isin(ids)].reset_index(drop=True)
    if isinstance(value, Mapping):
        return {k: value[k] for k in ids if k in value}
    return value

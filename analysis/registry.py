"""A small registry of named backends (loaders, geocoders, NER backends).

Backends are looked up by name and also accepted as instances, as geopy's
``get_geocoder_for_service`` and spaCy's factories do.  An unknown name raises an
error that lists the valid ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

__all__ = ["Registry"]

T = TypeVar("T")


class Registry(Generic[T]):
    """Map names to factories.

    Parameters
    ----------
    kind : str
        What is registered ("loader", "geocoder", ...), used in error messages.
    """

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, T] = {}

    def register(self, name: str, item: T | None = None) -> Callable[[T], T] | T:
        """Register ``item`` under ``name``; usable as a decorator when ``item`` is omitted."""
        key = name.lower()

        def deco(obj: T) -> T:
            self._items[key] = obj
            return obj

        return deco if item is None else deco(item)

    def get(self, name: str) -> T:
        """Return the item registered as ``name`` (case-insensitive).

        Raises
        ------
        KeyError
            When ``name`` is unknown; the message lists the registered names.
        """
        try:
            return self._items[name.lower()]
        except KeyError:
            valid = ", ".join(sorted(self._items)) or "(none)"
            raise KeyError(f"unknown {self.kind} {name!r}; valid names: {valid}") from None

    def names(self) -> list[str]:
        """Registered names, sorted."""
        return sorted(self._items)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self.names())

    def __len__(self) -> int:
        return len(self._items)

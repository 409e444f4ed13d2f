"""A family named by its plural ("the Trumps", "the Obamas") stands for its members.

The actor stage keeps "the Clintons" as an actor of its own; an event that they take part
in ("the Clintons met the donors") has as participants the persons of that surname the
article names, when it names any.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from spacy.tokens import Token

__all__ = ["Families", "family_names"]


@dataclass
class Families:
    """``plural``: family actor id -> surname; ``surname``: person actor id -> surname."""

    plural: dict[str, str] = field(default_factory=dict)
    surname: dict[str, str] = field(default_factory=dict)

    def members(
        self, participants: list[str], person_spans: list[tuple[int, list[Token], str]]
    ) -> list[str]:
        """``participants`` with each family actor replaced by the persons of its
        surname that the article names (in order of first mention); a family whose
        members the article does not name stays as it is."""
        named = list(dict.fromkeys(p for _o, _t, p in person_spans))
        out: list[str] = []
        for p in participants:
            name = self.plural.get(p)
            kin = [q for q in named if name and self.surname.get(q) == name]
            out += kin or [p]
        return list(dict.fromkeys(out))


def family_names(actors: pd.DataFrame) -> Families:
    """The family plurals among ``actors`` and the surnames of its persons.

    An actor is a family plural when its name is one word, the plural ("-s") of the last
    name of at least one person actor ("Clintons" with "Hillary Clinton").

    Parameters
    ----------
    actors : pandas.DataFrame
        The "actors" frame (``actor_id``, ``name``, ``kind``).

    Returns
    -------
    Families
    """
    fam = Families()
    kinds = actors["kind"].astype("string")
    for a, n, k in zip(actors["actor_id"], actors["name"], kinds, strict=True):
        words = str(n).split()
        if k == "person" and len(words) > 1:
            fam.surname[str(a)] = words[-1].lower()
    surnames = set(fam.surname.values())
    for a, n in zip(actors["actor_id"], actors["name"], strict=True):
        word = str(n).strip()
        if " " in word or not word.endswith("s") or str(a) in fam.surname:
            continue
        if word[:-1].lower() in surnames:
            fam.plural[str(a)] = word[:-1].lower()
    return fam

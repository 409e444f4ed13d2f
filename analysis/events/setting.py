"""An event noun dated by what its relative clause says happened at it.

"Leaders met for a summit where on Sunday two presidents signed the pact": the signing
took place at the summit, so the summit was under way that Sunday.  The parser hangs
the date on the signing (the nearer trigger), so the summit would stay undated;
:func:`date_by_setting` gives it the date of the act told in its "where" ("at which",
"during which", "when") clause, when it has none of its own.
"""

from __future__ import annotations

from .model import Event

__all__ = ["date_by_setting"]

#: Relative words that make the clause's act happen at (or during) its noun.
_WHERE = frozenset(["where", "when"])
_AT_WHICH = frozenset(["at", "during", "in"])


def _told_at(noun, verb) -> bool:
    """True when ``verb`` heads a relative clause of ``noun`` introduced by "where",
    "when" or "at/during/in which"."""
    if verb.dep_ != "relcl" or verb.head.i != noun.i:
        return False
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in _WHERE:
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ in _AT_WHICH
            and any(g.lower_ == "which" for g in c.children)
        ):
            return True
    return False


def date_by_setting(events: list[Event]) -> None:
    """Give an undated event noun the date of an act its "where" clause tells.

    Parameters
    ----------
    events : list of Event
        The events of one article, with their times set; changed in place.
    """
    dated = [e for e in events if e.time_source == "timex"]
    for e in events:
        trig = e.trigger
        if e.time_source == "timex" or trig.pos_ not in ("NOUN", "PROPN"):
            continue
        for o in dated:
            verb = o.trigger
            if verb.doc is trig.doc and _told_at(trig, verb):
                e.timex, e.begin, e.end = o.timex, o.begin, o.end
                e.precision, e.time_source = o.precision, "timex"
                break

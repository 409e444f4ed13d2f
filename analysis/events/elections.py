"""One election, mentioned several times in an article.

An article dates its election once ("the elections set for mid-March") and then names it
without a date ("two weeks before the Ruritanian elections", "after he won the
election").  :func:`join_elections` gives such a mention the date of the one dated
election of the article it can mean, and marks the pair so that the article's events keep
it once.  Nothing is joined when the article dates two different elections the mention
could be ("the 2016 election" and "the 2020 presidential election" before "interfere in
the election"), when their kinds or countries differ ("the presidential election" is not
"the local elections"), or when the mention names no one election (a bare plural, "to win
elections"; a modifier, "election security").
"""

from __future__ import annotations

from .model import Event, overlap

__all__ = ["join_elections"]

#: Words that tell one kind of election from another.
ELECTION_KINDS = frozenset(
    [
        *("presidential", "parliamentary", "legislative", "general", "midterm", "primary"),
        *("local", "municipal", "regional", "provincial", "state", "snap", "runoff"),
        *("congressional", "senate", "gubernatorial", "mayoral", "european", "federal"),
        *("national", "by-election", "leadership", "party", "special", "presidency"),
    ]
)
#: Nouns that name an election (a "referendum" is not one of the article's elections).
_ELECTION_NOUNS = frozenset(["election", "poll"])
#: Tags of the words that can stand before an election noun and qualify it.
_PREMODIFIER_TAGS = frozenset(["JJ", "NN", "NNP", "NNPS", "NNS", "CD", "HYPH"])


def election_words(e: Event) -> tuple[set[str], set[str]]:
    """The kind words and the nationality or place words that qualify an election noun,
    among its dependents and the words just before it ("the 1994 general elections")."""
    trig = e.trigger
    near = list(trig.children)
    i = trig.i - 1
    while i >= trig.sent.start and trig.doc[i].tag_ in _PREMODIFIER_TAGS:
        near.append(trig.doc[i])
        i -= 1
    kinds: set[str] = set()
    where: set[str] = set()
    for c in near:
        low = c.lower_
        if low.removesuffix("s") in ELECTION_KINDS:
            kinds.add(low.removesuffix("s"))
        elif c.ent_type_ in ("NORP", "GPE", "LOC") and c.i < trig.i:
            where.add(low)
    return kinds, where


def particular(e: Event) -> bool:
    """True for an election noun that names one election: determined ("the", "its",
    "Ruritania's") or qualified by its kind or country -- not a bare plural ("to win
    elections"), nor a modifier of another noun ("election security", "the 2020 election
    cycle")."""
    trig = e.trigger
    if trig.dep_ == "compound" or trig.lemma_.lower() not in _ELECTION_NOUNS:
        return False
    if any(c.dep_ in ("det", "poss") for c in trig.children):
        return True
    kinds, where = election_words(e)
    return bool(kinds or where)


def _fits(u: Event, d: Event) -> bool:
    ku, wu = election_words(u)
    kd, wd = election_words(d)
    if (ku and kd and not ku & kd) or (wu and wd and not wu & wd):
        return False
    if u.place is None or d.place is None:
        return True
    return u.place.row.get("place_id") == d.place.row.get("place_id")


def join_elections(events: list[Event]) -> None:
    """Date each undated mention of an election by the one dated election of the article
    it can mean (``time_source`` "coreference"); ``cues["election_of"]`` keeps the dated
    mention, so that :func:`~analysis.events.assembly.deduplicate` keeps the two once."""
    elections = [
        e for e in events if e.etype.family == "election" and not e.participants and particular(e)
    ]
    dated = [e for e in elections if e.time_source == "timex"]
    for u in elections:
        if u.time_source != "none" or u.status == "denied":
            continue
        fits = [d for d in dated if d.status != "denied" and _fits(u, d)]
        if not fits:
            continue
        if any(overlap(a, b) is False for a in fits for b in fits):
            continue  # two different elections it could be
        d = min(fits, key=lambda x: (x.end - x.begin, abs(x.trigger_start - u.trigger_start)))
        u.begin, u.end, u.precision, u.time_source = d.begin, d.end, d.precision, "coreference"
        u.cues["election_of"] = d

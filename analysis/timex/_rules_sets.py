"""Rules for sets (TIMEX3 type SET): recurring times.

"every Monday", "Sundays", "every other week", "each summer", "per year", "daily", "twice
a week".  "daily", "weekly" and "monthly" are also nouns (a newspaper, a magazine): the
noun reading is recognized from the syntax around the word, not from a list of titles.
"""

from __future__ import annotations

import re

from ..lexicon.calendar import WEEKDAY_NAMES
from . import _lexicon as lx
from ._base import NUM, UNIT, WD, Ctx, M, Res, is_capitalized, month_num, reject, rule
from ._resolve import dur_value

__all__: list[str] = []  # the rules register themselves in ._base.RULES


_WEEKDAYS_PLURAL = "|".join(f"{name}s" for name in WEEKDAY_NAMES)


@rule(
    "weekday_set",
    rf"""
    (?:(?:every|each)\s+(?P<wd1>{WD})                                  # "every Monday"
      |(?<![\w'])(?P<wd2>{_WEEKDAYS_PLURAL})(?!\w))                      # "Sundays"
    """,
)
def _weekday_set(m: re.Match, ctx: Ctx) -> Res | None:
    w = (m["wd1"] or m["wd2"]).lower().rstrip(".")
    w = w[:-1] if w.endswith("s") and w[:-1] in lx.WEEKDAYS else w
    return Res("SET", f"XXXX-WXX-{lx.WEEKDAYS[w] + 1}")


#: frequency adverbs and adjectives -> the period of the set
_SET_WORDS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "yearly": "P1Y",
    "annually": "P1Y",
    "nightly": "P1D",
    "hourly": "PT1H",
    "biweekly": "P2W",
    "biannually": "P6M",
    "semiannually": "P6M",
    "bimonthly": "P2M",
}

#: "daily", "weekly" and "monthly" are also nouns: a newspaper or a magazine
_PERIODICALS = frozenset({"daily", "weekly", "monthly"})
_PERIODICAL_DET = frozenset({"a", "an", "the", "this", "that", "its", "their", "his", "her", "our"})
#: what follows a noun but not an adjective: punctuation, a possessive, a verb of saying
#: ("the weekly said"), a preposition, conjunction or auxiliary ("by the daily on Friday")
_AFTER_PERIODICAL = re.compile(
    r"""\s*(?:[,.;:)]|'s\b|’s\b|$)
    |\s+(?:said|says|reported|reports|quoted|quotes|wrote|writes|published|publishes
    |carried|carries|cited|cites|added|adds|claimed|claims|revealed|reveals
    |on|in|at|of|for|from|with|by|and|or|but|which|that|who|is|was|has|had)\b""",
    re.IGNORECASE | re.VERBOSE,
)


def _is_periodical(ctx: Ctx, start: int, end: int) -> bool:
    """Whether the frequency word at ``[start, end)`` is a noun naming a newspaper or a
    magazine: part of a title-case name ("the Harbour Daily"), in apposition to a name ("the
    regional daily Courier", "a Ruritanian weekly, Vox, said"), or a noun after a determiner
    ("according to the daily.")."""
    text = ctx.text
    word = text[start:end]
    after = text[end : end + 40]
    before = text[max(0, start - 40) : start]
    pm = re.search(r"([A-Za-z][A-Za-z'-]*)\s+$", before)
    prev = pm[1] if pm else ""
    # the word before is no sentence opener ("Harbour Daily", not "Kyiv. Daily flights")
    mid_sentence = pm is not None and not re.search(r"(?:^|[.!?:\"“]\s*)$", before[: pm.start()])
    nm = re.match(r"\s+([A-Za-z][\w'-]*)", after)
    nxt = nm[1] if nm else ""
    noun_next = _AFTER_PERIODICAL.match(after) is not None
    if ctx.cased:
        if word[:1].isupper() and (mid_sentence or nxt[:1].isupper()):
            return True  # "the Harbour Daily", "The Daily Courier"
        name_next = nxt[:1].isupper() and nxt.lower().rstrip(".") not in (
            *lx.WEEKDAYS,
            *lx.MONTHS,
        )
        capital_prev = mid_sentence and prev[:1].isupper()
        if name_next and (prev.lower() in _PERIODICAL_DET or capital_prev):
            return True  # "the daily Courier", "the Ruritanian daily Courier"
        if capital_prev and noun_next:
            return True  # "a Ruritanian weekly, Vox": a capitalized modifier, no noun after
    # "the daily said", "according to the daily.", "by the daily on Friday"
    return prev.lower() in _PERIODICAL_DET and noun_next


@rule(
    "set",
    rf"""
    (?:(?P<every>every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<n>{NUM})\s+)?
       (?P<u>{UNIT}|morning|afternoon|evening|night|weekend|summer|winter|spring|autumn|fall
         |(?P<m>{M}))                                          # "every two weeks", "each May"
      |(?P<per>per)\s+(?P<u2>{UNIT})                           # "per year"
      |(?P<w>daily|weekly|monthly|yearly|annually|nightly|hourly|biweekly|biannually
         |semiannually|bimonthly))
    (?!\w)
    """,
)
def _set(m: re.Match, ctx: Ctx) -> Res | None:
    if m["w"]:
        w = m["w"].lower()
        if w in _PERIODICALS and _is_periodical(ctx, m.start("w"), m.end("w")):
            return reject(ctx, m, "a newspaper or magazine, not a frequency")
        return Res("SET", _SET_WORDS[w])
    if m["per"]:
        return Res("SET", dur_value(1, m["u2"]))
    u = m["u"].lower()
    if m["m"]:
        if not is_capitalized(ctx, m["m"]):
            return None
        return Res("SET", f"XXXX-{month_num(m['m']):02d}")
    if u in lx.SEASONS:
        return Res("SET", f"XXXX-{lx.SEASONS[u]}")
    if u in lx.PARTS_OF_DAY:
        return Res("SET", "P1D")  # "every morning": once a day
    if u == "weekend":
        return Res("SET", "XXXX-WXX-WE")
    n = lx.parse_number(m["n"]) if m["n"] else 1
    if n is None:
        return None
    if m["other"]:
        n *= 2
    return Res("SET", dur_value(n, u))


@rule(
    "frequency",
    rf"""
    (?P<f>once|twice|three\s+times|four\s+times|\d+\s+times|several\s+times)
    \s+(?:a|an|per|every|each)\s+(?P<u>{UNIT})                  # "twice a week"
    """,
)
def _frequency(m: re.Match, ctx: Ctx) -> Res | None:
    return Res("SET", dur_value(1, m["u"]))

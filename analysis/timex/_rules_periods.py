"""Rules for the parts of a year: seasons, quarters and halves.

"this summer", "the spring of 2018", "the third quarter", "the fiscal fourth quarter of
1989", "the latest quarter", "the year-ago period", "the first half of next year".  A
reported quarter becomes the reference of later "the latest quarter" / "a year ago"
(see ``_update_refs`` in :mod:`._tagger`).
"""

from __future__ import annotations

import re

from . import _lexicon as lx
from ._base import YEAR, YEARX, Ctx, Res, no_anchor, prev_word, rule
from ._calendar import quarter_of, shift_value
from ._tense import tense_at

__all__: list[str] = []  # the rules register themselves in ._base.RULES


#: a bare season ("summer") is a date only after one of these ("in summer", "until spring")
_SEASON_PREP = frozenset(
    [
        "in",
        "during",
        "since",
        "until",
        "by",
        "this",
        "early",
        "late",
        "mid",
        "over",
        "through",
        "before",
        "after",
        "throughout",
        "last",
        "next",
    ]
)


@rule(
    "season",
    rf"""
    (?:(?P<rel>this\s+past|this\s+coming|this|last|next|coming|past|the)\s+)?
    (?P<s>{lx.SEASON_RE})
    (?:(?:\s+of)?,?\s+(?P<y>{YEARX})            # "the summer of 2018", "spring 2019"
      |\s+(?P<yrel>last|next|this)\s+year)?      # "winter last year"
    """,
)
def _season(m: re.Match, ctx: Ctx) -> Res | None:
    s = lx.SEASONS[m["s"].lower()]
    rel = (m["rel"] or "").lower()
    if not rel and not m["y"] and not m["yrel"]:
        prev = prev_word(ctx, m.start())
        if prev not in _SEASON_PREP:
            return None
    if (
        m["s"].lower() == "fall"
        and not m["y"]
        and rel in ("the", "")
        and (re.match(r"\s+of\s+(?!\d)", ctx.text[m.end() : m.end() + 8]) or rel == "")
    ):
        return None  # "the fall of the city", "prices fall"
    if m["y"]:
        return Res("DATE", f"{lx.parse_year(m['y']):04d}-{s}", extendable=True)
    if ctx.anchor is None:
        return no_anchor(ctx, f"XXXX-{s}", extendable=True)
    a = ctx.anchor
    cur = {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA"}.get(
        a.month, "WI"
    )
    order = ["WI", "SP", "SU", "FA"]
    # season year: winter belongs to the year of its December
    sy = a.year if a.month != 1 and a.month != 2 else a.year - 1
    ci, si = order.index(cur), order.index(s)

    # index in a continuous season count where WI of year y precedes SP of y+1
    def idx(year: int, season: str) -> int:
        k = order.index(season)
        return year * 4 + (k if season != "WI" else 4)

    cur_idx = idx(sy if cur == "WI" else a.year, cur)
    if m["yrel"]:
        y = a.year + {"last": -1, "next": 1, "this": 0}[m["yrel"].lower()]
        return Res("DATE", f"{y:04d}-{s}", extendable=True)
    cands = [(idx(y, s), y) for y in (a.year - 1, a.year, a.year + 1)]
    if rel in ("last", "past", "this past"):
        target = max((c for c in cands if c[0] < cur_idx), default=cands[0])
    elif rel in ("next", "coming", "this coming"):
        target = min((c for c in cands if c[0] > cur_idx), default=cands[-1])
    elif rel == "this" or (rel in ("", "the") and si == ci):
        target = min(cands, key=lambda c: abs(c[0] - cur_idx))
    else:
        tense = tense_at(ctx, m.start(), m.end())
        if tense == "past":
            target = max((c for c in cands if c[0] <= cur_idx), default=cands[0])
        elif tense == "future":
            target = min((c for c in cands if c[0] >= cur_idx), default=cands[-1])
        else:
            target = min(cands, key=lambda c: abs(c[0] - cur_idx))
    return Res("DATE", f"{target[1]:04d}-{s}", extendable=True)


#: ordinal word -> quarter ("final" and "last" are the fourth)
_QORD = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}


@rule(
    "quarter",
    rf"""
    (?:(?P<y0>{YEAR})(?:'s)?\s+                       # "1989's third quarter"
      |(?P<yrel>this|last|next)\s+year's\s+)?         # "last year's fourth quarter"
    (?:the\s+)?
    (?:(?P<y1>{YEAR})\s+)?                             # "the 1989 quarter"
    (?:(?P<rel>latest|last|past|previous|this|current|next|coming|same|year-ago
        |year-earlier|prior-year|most\s+recent|recent|first|second|third|fourth
        |1st|2nd|3rd|4th|final)
       (?:[\s-]+(?:fiscal|calendar))?[\s-]+)?
    (?:fiscal[\s-]+)?
    (?P<q>quarter|period)(?!\w)
    (?:\s+(?:of|in|for)\s+(?:fiscal\s+)?(?P<y2>{YEAR})  # "... of fiscal 1990"
      |,?\s+(?P<y3>{YEAR})                              # "the third quarter, 1989"
      |(?P<ago>\s+(?:a\s+year|one\s+year)\s+(?:ago|earlier)))?
    """,
)
def _quarter(m: re.Match, ctx: Ctx) -> Res | None:
    rel = (m["rel"] or "").lower()
    text = m.group(0).lower()
    is_period = m["q"].lower() == "period"
    year = m["y0"] or m["y1"] or m["y2"] or m["y3"]
    if m["yrel"] and ctx.anchor is not None:
        year = str(ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()])
    if (
        not text.startswith(("the", "this", "last", "next"))
        and not year
        and rel not in _QORD
        and (
            not rel or rel in ("latest", "recent", "past", "previous", "current", "same", "coming")
        )
    ):
        return None
    if (
        is_period
        and rel not in ("year-ago", "year-earlier", "prior-year", "latest", "same")
        and not year
    ):
        return None
    if rel in ("last", "final") and not year and text.startswith(("last", "the last")):
        rel_kind = "prev"
    else:
        rel_kind = None
    if rel in _QORD and rel_kind is None:
        if is_period:
            return None
        q = _QORD[rel]
        if year:
            return Res("DATE", f"{year}-Q{q}", extendable=True)
        if ctx.anchor is None:
            return no_anchor(ctx, f"XXXX-Q{q}", extendable=True)
        y = ctx.anchor.year
        # a quarter that has not begun yet is last year's unless the clause is about the future
        if q > quarter_of(ctx.anchor.month) and tense_at(ctx, m.start(), m.end()) != "future":
            y -= 1
        return Res("DATE", f"{y:04d}-Q{q}", extendable=True)
    if year and rel not in ("year-ago", "year-earlier", "prior-year"):
        # "the 1988 quarter": the quarter under discussion, in that year
        if m["yrel"] and not is_period and (ctx.last_quarter or ctx.anchor):
            ref = ctx.last_quarter or shift_value(ctx.anchor, "quarter", -1)
            return Res("DATE", f"{year}-Q{ref[-1]}", sets_ref=False)
        if ctx.last_quarter:
            return Res("DATE", f"{year}-Q{ctx.last_quarter[-1]}", sets_ref=False)
        return Res("DATE", f"{year}-QX")
    if ctx.anchor is None:
        return no_anchor(ctx, "XXXX-QX")
    cur = shift_value(ctx.anchor, "quarter", 0)
    prev = shift_value(ctx.anchor, "quarter", -1)
    ref = ctx.last_quarter or prev
    if rel in ("year-ago", "year-earlier", "prior-year") or m["ago"]:
        y, q = ref.split("-Q")
        return Res("DATE", f"{int(y) - 1:04d}-Q{q}", sets_ref=False)
    if rel in ("this", "current"):
        return Res("DATE", cur, extendable=True)
    if rel in ("next", "coming"):
        return Res("DATE", shift_value(ctx.anchor, "quarter", 1), extendable=True)
    if rel_kind == "prev" or rel in ("previous", "past"):
        return Res("DATE", prev if ctx.last_quarter is None else ctx.last_quarter)
    if is_period and rel not in ("latest", "same"):
        return None
    # "the quarter", "the latest quarter": the quarter being reported, the last one mentioned
    return Res("DATE", ref, extendable=True)


@rule(
    "half",
    rf"""
    (?:the\s+)?(?P<o>first|second|last|latter|1st|2nd)[\s-]+half(?!\w)
    (?:\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>this|last|next|the)\s+year))?
    """,
)
def _half(m: re.Match, ctx: Ctx) -> Res | None:
    h = 1 if m["o"].lower() in ("first", "1st") else 2
    if m["y"]:
        return Res("DATE", f"{m['y']}-H{h}")
    after = ctx.text[m.end() : m.end() + 6].lower()
    if not m["rel"] and (after.startswith(" of") or not re.match(r"[\s,.;]", after[:1] or ".")):
        return None
    if ctx.anchor is None:
        return no_anchor(ctx, f"XXXX-H{h}")
    y = (
        ctx.anchor.year
        + {"this": 0, "the": 0, "last": -1, "next": 1, None: 0}[(m["rel"] or "").lower() or None]
    )
    if not m["rel"] and not m.group(0).lower().startswith("the"):
        return None
    return Res("DATE", f"{y:04d}-H{h}")

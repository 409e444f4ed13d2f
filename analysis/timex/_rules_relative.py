"""Rules for dates relative to the anchor: "last week", "next year", "two days ago",
"in three weeks", "year-end", "the year-ago quarter".

Each is shifted from the anchor (the publication date) or, for anaphoric forms ("the
following week", "that year"), from the last date the text mentioned.  In a text without
an anchor a relative date keeps its type and an underspecified TIMEX3 value at its own
granularity ("last week" ``XXXX-WXX``, "two years ago" ``XXXX``): no date is invented.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import _lexicon as lx
from ._base import NO_ANTECEDENT, NUM, UNIT, Ctx, M, Res, no_anchor, prev_word, reject, rule
from ._calendar import add_months, day_value, month_value, shift_value, week_value
from ._resolve import dur_value
from ._tense import tense_at

__all__ = ["as_duration"]

#: the underspecified value of a date at each unit's granularity (TIMEX3 ``X`` digits)
_PLACEHOLDER = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "weekend": "XXXX-WXX-WE",
    "month": "XXXX-XX",
    "quarter": "XXXX-QX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
}


def _unit_placeholder(ukey: str) -> str:
    """The placeholder of a date some ``ukey`` units away ("hour" -> a day, "decade" -> a
    year)."""
    if ukey in ("second", "minute", "hour", "night"):
        return _PLACEHOLDER["day"]
    if ukey == "fortnight":
        return _PLACEHOLDER["week"]
    if ukey in ("decade", "century", "centurie", "millennium"):
        return _PLACEHOLDER["year"]
    return _PLACEHOLDER.get(ukey, _PLACEHOLDER["year"])


@rule(
    "relunit",
    rf"""
    (?P<rel>this|last|next|past|previous|coming|current|following
      |the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|the\s+following
      |the\s+current|the\s+same|that\s+same|that|the|the\s+latest|the\s+full|the\s+whole
      |the\s+entire|the\s+new)\s+
    (?P<fy>(?:fiscal|financial|calendar|model|academic|school)\s+)?
    (?P<u>week|weekend|month|year|decade|fortnight)(?!\w)
    (?!\s+of\s+(?:{M}|\d|the\b|this\b|that\b)       # "the week of May 3" is a date rule's
      |\s+and\s+a\s+half\b|\s+\d)
    (?P<of>(?=\s+of\b))?(?!-)
    (?P<orso>\s+or\s+so)?
    (?P<ended>\s+(?:ended|ending|that\s+ended|which\s+ended))?   # "the year ended June 30"
    """,
)
def _relunit(m: re.Match, ctx: Ctx) -> Res | None:
    if ctx.cased and re.fullmatch(r"[A-Z][a-z]+", m["u"]):
        return reject(ctx, m, "title-case unit: a name")  # the magazine "This Month"
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    u = m["u"].lower()
    if m["of"] is not None and rel not in ("this", "last", "next"):
        return None  # "the week of the storm" is anaphoric; "raids this month of ..." is not
    if m["ended"]:
        # "the year ended June 30": a fiscal period, a duration of one unit
        return Res("DURATION", dur_value(1, u), end=m.start("ended"))
    if rel in ("the full", "the whole", "the entire"):
        if u != "year":
            return Res("DURATION", dur_value(1, u))
        rel = "the"
    if rel == "the new":
        rel = "next" if u == "year" else "the"
    if rel == "the latest":
        rel = "last" if m["fy"] else "this"
    if u == "fortnight":
        if rel.startswith("the "):
            return Res("DURATION", "P2W")
        u = "week"
    after = ctx.text[m.end() : m.end() + 12]
    if rel == "the" and u in ("decade",):
        return None
    if rel in ("the past", "the last", "the next", "the coming"):
        if u == "weekend":
            rel = rel.split()[1]
        else:
            return Res("DURATION", dur_value(1, u))
    if rel in ("past", "coming") and u != "weekend":
        return Res("DURATION", dur_value(1, u))
    if (
        rel == "the"
        and re.match(r"'s|\s+(?:before|after|earlier|later|ago)\b", after)
        and u != "year"
    ):
        return None
    if ctx.anchor is None:
        return no_anchor(ctx, _PLACEHOLDER[u], extendable=True)
    anaphoric = rel in (
        "the previous",
        "the following",
        "previous",
        "following",
        "that",
        "the same",
        "that same",
    )
    k = {
        "this": 0,
        "current": 0,
        "the current": 0,
        "the": 0,
        "last": -1,
        "previous": -1,
        "the previous": -1,
        "next": 1,
        "following": 1,
        "the following": 1,
        "that": 0,
        "the same": 0,
        "that same": 0,
        "past": -1,
        "coming": 1,
    }[rel]
    base = ctx.anchor
    antecedent = True
    if anaphoric:
        if u in ("day", "week", "weekend") and ctx.last_day:
            base = ctx.last_day
        elif u == "month" and ctx.last_month:
            base = date(*ctx.last_month, 1)
        elif u == "year" and ctx.last_year or u == "decade" and ctx.last_year:
            base = date(ctx.last_year, 1, 1)
        else:
            antecedent = False  # "the same week" with no date before it
    if u == "weekend":
        if k == 0 and rel in ("the", "this"):
            tense = tense_at(ctx, m.start(), m.end())
            wd = base.weekday()
            if wd < 5 and tense != "future" and rel == "the" or wd < 5 and tense == "past":
                k = -1
        return Res("DATE", shift_value(base, "weekend", k), extendable=True)
    if (
        u == "year"
        and rel == "last"
        and ctx.last_quarter
        and re.search(
            r"\b(?:compared\s+with|from|than|versus|vs\.?)\b[^.;]{0,40}$",
            ctx.text[max(0, m.start() - 50) : m.start()],
            re.IGNORECASE,
        )
    ):
        # "sales of $8 million, up from $5 million last year" after a quarterly figure:
        # last year's quarter
        y, q = ctx.last_quarter.split("-Q")
        return Res("DATE", f"{int(y) - 1:04d}-Q{q}", sets_ref=False)
    return Res(
        "DATE",
        shift_value(base, u, k),
        extendable=True,
        reason=None if antecedent else NO_ANTECEDENT,
    )


@rule(
    "year_end",
    r"""
    (?P<w>(?:around\s+)?year[\s-]end|year's\s+end|the\s+end\s+of\s+the\s+year
      |end\s+of\s+year|year-ago|year-earlier
      |the\s+turn\s+of\s+the\s+century|the\s+turn\s+of\s+the\s+year
      |(?P<ym>year|month)-to-date)
    (?!\w)
    """,
)
def _year_end(m: re.Match, ctx: Ctx) -> Res | None:
    w = m["w"].lower()
    if "to-date" in w:
        return Res("DURATION", "P1Y" if m["ym"].lower() == "year" else "P1M")
    a = ctx.anchor
    if w in ("year-ago", "year-earlier"):
        if ctx.last_quarter:
            y, q = ctx.last_quarter.split("-Q")
            return Res("DATE", f"{int(y) - 1:04d}-Q{q}", sets_ref=False)
        if a is None:
            return no_anchor(ctx, "XXXX")
        return Res("DATE", f"{a.year - 1:04d}", sets_ref=False)
    if a is None:
        res = no_anchor(ctx, "XXX" if "century" in w else "XXXX")
        res.mod = "APPROX" if "century" in w else "START" if "turn of the year" in w else "END"
        return res
    if "century" in w:
        return Res("DATE", f"{(a.year + 50) // 100 * 100:04d}"[:3], mod="APPROX")
    if "turn of the year" in w:
        return Res("DATE", f"{a.year:04d}", mod="START")
    return Res("DATE", f"{a.year:04d}", mod="END")


#: what follows a number and a unit to make an offset ("two years ago", "a week later")
_AGO_DIRS = r"ago|earlier|before|later|after|from\s+now|hence|back|since|prior"


@rule(
    "offset",
    rf"""
    (?P<n>{NUM}|a|an)[\s-]+(?P<u>{UNIT})(?:\s+or\s+so)?    # "two years (or so)"
    \s+(?P<dir>{_AGO_DIRS})(?!\w)                           # "ago", "later", "before"
    """,
)
def _offset(m: re.Match, ctx: Ctx) -> Res | None:
    d = re.sub(r"\s+", " ", m["dir"].lower())
    if d in ("before", "after", "since", "prior"):
        # "two days before the vote": the duration is the expression, the rest is a signal
        return as_duration(m, ctx, end=m.start("dir"))
    n = lx.parse_number(m["n"])
    ukey = lx.unit_key(m["u"])
    letter, mult, is_time = lx.UNITS[ukey]
    sign = 1 if d in ("later", "from now", "hence") else -1
    if d == "later":
        return as_duration(m, ctx, end=m.start("dir"))
    if n is None:
        return Res("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if ctx.anchor is None:
        res = no_anchor(ctx, _unit_placeholder(ukey))
        if mult >= 10 and n * mult >= 10:
            res.mod = "APPROX"  # "two decades ago": some year about then
        return res
    a = ctx.anchor
    base = a
    if d == "earlier" and ctx.last_day and not is_time:
        base = ctx.last_day
    if is_time:
        return Res("DATE", day_value(a), reason="hours from the anchor: day only")
    n_units = n * mult
    if letter == "D":
        if n_units != int(n_units):
            return None
        return Res("DATE", day_value(base + timedelta(days=sign * int(n_units))))
    if letter == "W":
        return Res("DATE", week_value(base + timedelta(weeks=sign * n_units)))
    if letter == "M":
        if mult == 3 and ctx.last_quarter:  # quarters
            y, q = ctx.last_quarter.split("-Q")
            k = int(y) * 4 + int(q) - 1 + sign * int(n)
            return Res("DATE", f"{k // 4:04d}-Q{k % 4 + 1}", sets_ref=False)
        y, mo = add_months(base.year, base.month, sign * int(n_units))
        return Res("DATE", month_value(y, mo))
    years = sign * int(n_units)
    if ukey == "year" and n == 1 and ctx.last_quarter and d in ("ago", "earlier"):
        y, q = ctx.last_quarter.split("-Q")
        return Res("DATE", f"{int(y) - 1:04d}-Q{q}", sets_ref=False)
    if mult >= 10 and n_units >= 10:
        return Res("DATE", f"{base.year + years:04d}", mod="APPROX")
    return Res("DATE", f"{base.year + years:04d}")


@rule(
    "vague_offset",
    r"""
    (?P<u>days|weeks|months|years|decades|moments|hours|minutes|centuries)
    \s+(?P<dir>ago|earlier|later|before|after|from\s+now)(?!\w)      # "weeks later"
    """,
)
def _vague_offset(m: re.Match, ctx: Ctx) -> Res | None:
    d = m["dir"].lower()
    if d in ("before", "after", "later"):
        if lx.unit_key(m["u"]) not in lx.UNITS:
            # "moments later": no calendar unit, so no TIMEX3 duration to give
            return None
        return Res("DURATION", dur_value(None, m["u"]), end=m.start("dir"))
    return Res("DATE", "PAST_REF" if d in ("ago", "earlier") else "FUTURE_REF")


def as_duration(m: re.Match, ctx: Ctx, end: int | None = None) -> Res | None:
    """The duration of a number-and-unit match, its span cut at ``end``."""
    n = lx.parse_number(m["n"])
    text = ctx.text[m.start() : end if end is not None else m.end()].rstrip()
    return Res("DURATION", dur_value(n, m["u"]), end=m.start() + len(text))


@rule("in_offset", rf"(?P<n>{NUM}) [\s-]+ (?P<u>{UNIT}) (?:'s?\s+time)? (?!\w)")  # "in two weeks"
def _in_offset(m: re.Match, ctx: Ctx) -> Res | None:
    """'in two weeks' (future): a date two weeks from the anchor; otherwise a duration."""
    prev = prev_word(ctx, m.start())
    n = lx.parse_number(m["n"])
    tense = tense_at(ctx, m.start(), m.end())
    nxt = ctx.text[m.end() : m.end() + 10]
    if prev != "in" or n is None or tense != "future" or re.match(r"\s*(?:of|ago|old)\b", nxt):
        return None  # the duration rule reads it
    ukey = lx.unit_key(m["u"])
    letter, mult, is_time = lx.UNITS[ukey]
    if is_time or n != int(n):
        return None
    if ctx.anchor is None:
        return no_anchor(ctx, _unit_placeholder(ukey))
    a = ctx.anchor
    k = int(n * mult)
    if letter == "D":
        return Res("DATE", day_value(a + timedelta(days=k)))
    if letter == "W":
        return Res("DATE", week_value(a + timedelta(weeks=k)))
    if letter == "M":
        return Res("DATE", month_value(*add_months(a.year, a.month, k)))
    return Res("DATE", f"{a.year + k:04d}")

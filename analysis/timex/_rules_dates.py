"""Rules for calendar dates: full dates, months, years, decades and centuries.

"April 22, 2019", "22 April", "Monday, April 22", "2019-04-22", "22/04/2019", "April 2019",
"in May", "last March", "2019", "fiscal 2019", "nineteen ninety-six", "the 1990s", "the
nineties", "the 20th century", "this century".  A day or month without a year is resolved
against the anchor in the direction of the clause's tense.
"""

from __future__ import annotations

import re
from datetime import date

from . import _lexicon as lx
from ._base import (
    DAY,
    DETERMINERS,
    ORDW,
    TEMPORAL_PREP,
    WD,
    YEAR,
    YEARX,
    Ctx,
    M,
    Res,
    is_capitalized,
    month_num,
    month_ok,
    no_anchor,
    prev_word,
    reject,
    rule,
)
from ._calendar import day_value, is_valid_date, month_value, shift_value, week_value
from ._resolve import resolve_day, resolve_month_year
from ._tense import tense_at

__all__: list[str] = []  # the rules register themselves in ._base.RULES


@rule(
    "date_mdy",
    rf"""
    (?P<weekof>the\s+week\s+of\s+)?                       # "the week of April 22"
    (?:(?P<rel>last|next|this|this\s+past|this\s+coming)\s+)?
    (?:(?P<wd>{WD}),?\s+)?                                # "Monday, April 22"
    (?:the\s+)?
    (?P<m>{M})\s*(?P<d>{DAY})
    (?:,?\s*(?P<y>{YEARX})                                # ", 2019"
      |(?P<yy>\s*'\d\d(?!\w)))?                           # " '19"
    """,
)
def _date_mdy(m: re.Match, ctx: Ctx) -> Res | None:
    res = _full_date(m, ctx)
    if isinstance(res, Res) and m["weekof"] and re.match(r"\d{4}-\d\d-\d\d$", res.value):
        res.value = week_value(date.fromisoformat(res.value))
    return res


@rule(
    "date_dmy",
    rf"""
    (?:(?P<wd>{WD}),?\s+)?
    (?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<m>{M})        # "22 April", "the 22nd of April"
    (?:,?\s*(?P<y>{YEARX}))?
    """,
)
def _date_dmy(m: re.Match, ctx: Ctx) -> Res | None:
    return _full_date(m, ctx)


def _full_date(m: re.Match, ctx: Ctx) -> Res | None:
    mword = m["m"]
    has_year = bool(m["y"] or (m.groupdict().get("yy")))
    if not month_ok(ctx, mword, m.start("m"), True):
        return None
    month = month_num(mword)
    day = lx.parse_ordinal(re.sub(r"\s+", " ", m["d"]))
    if day is None:
        return None
    if m["wd"] and not is_capitalized(ctx, m["wd"]):
        return None
    if has_year:
        year = lx.parse_year(m["y"]) if m["y"] else 1900 + int(m["yy"].strip()[1:])
        if m.groupdict().get("yy") and year < 1930:
            year += 100
        if not is_valid_date(year, month, day):
            return reject(ctx, m, "impossible date")
        return Res("DATE", f"{year:04d}-{month:02d}-{day:02d}")
    if not is_valid_date(2000, month, day):  # 2000 is a leap year: 29 Feb is possible
        return reject(ctx, m, "impossible date")
    if ctx.anchor is None:
        return no_anchor(ctx, f"XXXX-{month:02d}-{day:02d}")
    tense = tense_at(ctx, m.start(), m.end())
    rel = (m.groupdict().get("rel") or "").lower()
    if rel:
        tense = "future" if "next" in rel or "coming" in rel else "past"
    if m["wd"]:  # "Monday, April 22": the weekday picks the year
        wd = lx.WEEKDAYS[m["wd"].lower().rstrip(".")]
        for y in sorted(
            (ctx.anchor.year, ctx.anchor.year + 1, ctx.anchor.year - 1),
            key=lambda y: abs(y - ctx.anchor.year),
        ):
            if is_valid_date(y, month, day) and date(y, month, day).weekday() == wd:
                return Res("DATE", day_value(date(y, month, day)))
    d = resolve_day(ctx.anchor, month, day, tense)
    if d is None:
        return reject(ctx, m, "impossible date")
    return Res("DATE", day_value(d))


@rule("date_my", rf"(?P<m>{M}) (?:\s+of|,)? \s+(?P<y>{YEARX})")  # "April 2019"
def _date_my(m: re.Match, ctx: Ctx) -> Res | None:
    if not is_capitalized(ctx, m["m"]):
        return None
    return Res("DATE", month_value(lx.parse_year(m["y"]), month_num(m["m"])), extendable=True)


@rule(
    "date_iso",
    r"""
    (?<![\d/.-])(?P<y>1\d\d\d|20\d\d)-(?P<mo>\d\d)-(?P<d>\d\d)
    (?:[T\ ](?P<h>\d\d):(?P<mi>\d\d)(?::\d\d(?:\.\d+)?)?     # time of day, seconds
       (?:Z|[+-]\d\d:?\d\d)?)?                              # zone
    (?![\d-])
    """,
)
def _date_iso(m: re.Match, ctx: Ctx) -> Res | None:
    y, mo, d = int(m["y"]), int(m["mo"]), int(m["d"])
    if not is_valid_date(y, mo, d):
        return None
    if m["h"] is not None:
        if int(m["h"]) > 23 or int(m["mi"]) > 59:
            return None
        return Res("TIME", f"{y:04d}-{mo:02d}-{d:02d}T{m['h']}:{m['mi']}")
    return Res("DATE", f"{y:04d}-{mo:02d}-{d:02d}")


@rule(
    "date_numeric",
    r"""
    (?<![\d/.,:-])
    (?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})   # 22/04/2019, 4.5.19
    (?![\d/.,:-]\d|\d)
    """,
)
def _date_numeric(m: re.Match, ctx: Ctx) -> Res | None:
    a, b = int(m["a"]), int(m["b"])
    y = int(m["y"])
    if len(m["y"]) == 2:
        y += 2000 if y < 50 else 1900
    if m["sep"] == "." and a <= 12 and b <= 12 and a != b:
        return None  # 03.04.2019 is ambiguous between day-first and month-first
    if m["sep"] == "." or a > 12:
        a, b = b, a  # day-first (European)
    if not is_valid_date(y, a, b):
        return None
    return Res("DATE", f"{y:04d}-{a:02d}-{b:02d}")


@rule(
    "month",
    rf"""
    (?:(?P<rel>last|next|this\s+coming|this\s+past|this|coming|past|previous)\s+)?
    (?P<m>{M})
    (?:(?P<ofy>\s+of)?\s+(?P<yrel>last|next|this)\s+year       # "May of last year"
      |,?\s+(?P<ytag>(?:last|next|this)\s+year))?              # "May, last year"
    """,
)
def _month(m: re.Match, ctx: Ctx) -> Res | None:
    word = m["m"]
    if not month_ok(ctx, word, m.start("m"), bool(m["rel"] or m["yrel"])):
        return None
    if m["rel"] is None and word.lower() == "may":
        nxt = ctx.text[m.end() : m.end() + 12].lower()
        # "in May the ..." is a date, "may have" / "May I" is not
        if re.match(r"\s+(?:i|we|you|he|she|it|they|be|have|not|also|well|never)\b", nxt):
            return None
    month = month_num(word)
    that = _anaphoric_that(ctx, m) if m["rel"] is None and not m["yrel"] else None
    if that is not None and ctx.last_year is not None:
        # "in Stockholm that May", "later that June": the month of the year just told
        return Res("DATE", month_value(ctx.last_year, month), start=that, extendable=True)
    if ctx.anchor is None:
        return no_anchor(ctx, f"XXXX-{month:02d}", extendable=True)
    rel = (m["rel"] or "").lower().replace("  ", " ")
    yrel = (m["yrel"] or (m["ytag"] or "").split(" ")[0] or "").lower()
    a = ctx.anchor
    if yrel:
        y = a.year + {"last": -1, "next": 1, "this": 0}[yrel]
    elif rel in ("last", "past", "this past", "previous"):
        y = a.year if month < a.month else a.year - 1
    elif rel in ("next", "coming", "this coming"):
        y = a.year if month > a.month else a.year + 1
    elif rel == "this":
        y = a.year
    else:
        y = resolve_month_year(a, month, tense_at(ctx, m.start(), m.end()))
    return Res("DATE", month_value(y, month), extendable=True)


#: words before "that <month>" that make "that" a demonstrative ("later that May"), not
#: the conjunction of "said that May sales rose"
_THAT_BEFORE = frozenset(
    {"in", "by", "of", "until", "from", "since", "during", "through", "later", "earlier", "for"}
)


def _anaphoric_that(ctx: Ctx, m: re.Match) -> int | None:
    """The start of a demonstrative "that" before the month of ``m`` ("that May"), else
    None: after a preposition, "later"/"earlier", a name ("in Stockholm that May") or
    punctuation, never after a verb or noun whose complement it opens."""
    t = re.search(r"(?<![\w'])that\s+$", ctx.text[max(0, m.start() - 8) : m.start()], re.I)
    if t is None:
        return None
    start = max(0, m.start() - 8) + t.start()
    before = re.search(r"([A-Za-z']+)?(\W*)$", ctx.text[max(0, start - 30) : start])
    word, gap = (before[1] or ""), before[2].strip()
    if gap or not word or word.lower() in _THAT_BEFORE or (ctx.cased and word[0].isupper()):
        return start
    return None


#: a number followed by these is a quantity, not a year ("1999 tons", "2019 people")
_YEAR_BAD_NEXT = re.compile(
    r"""\s*(?:%|percent|per\s|[-–]?\s*(?:shares|people|votes|units|points|tons|troops|men
    |women|soldiers|cars|feet|meters|metres|miles|km|kilometers|dollars|euros|yen|pounds
    |barrels|acres|hectares|members|students|workers|jobs|employees|homes|houses|deaths
    |cases|rounds|calories|words|pages|copies|hp|mm|cc|kg|lbs?)\b)""",
    re.IGNORECASE | re.VERBOSE,
)
#: a number after these is a label ("Room 2011", "flight 1999", "Highway 1960")
_YEAR_BAD_BEFORE = re.compile(
    r"""(?:No|no|number|Nos?\.|page|p\.|room|flight|route|article|section|tel\.?
    |phone|ID|code|Highway|\bI-|vol\.?|chapter|model|version|type|class|size
    |gate|apartment|suite|box|unit|seat|bus|train|line|channel|episode
    |level|grade|row|lot|item|account|order)\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


@rule(
    "year",
    rf"""
    (?<![\w$£€.,/:])(?<!\d-)
    (?:(?P<fy>fiscal(?:\s+year)?|FY|calendar(?:\s+year)?|the\s+year|model\s+year)\s*)?
    (?P<y>{YEAR})(?P<s>'s)?
    (?![\w%-]|\.\d|,\d)
    """,
)
def _year(m: re.Match, ctx: Ctx) -> Res | None:
    y = int(m["y"])
    before = ctx.text[max(0, m.start() - 12) : m.start()]
    after = ctx.text[m.end() : m.end() + 40]
    if re.search(r"\d[\s,]*$", before) or re.match(r"[\s,]*\d", after):
        return None  # part of a list of numbers
    if _YEAR_BAD_NEXT.match(after) or re.search(r"[$£€#№]\s*$", before):
        return None
    if _YEAR_BAD_BEFORE.search(before):
        return None
    if not m["fy"]:
        prev = prev_word(ctx, m.start())
        nxt = after[:1]
        # "a 2019 study", "the 1988 period" are fine; "2019 people" is filtered above
        if (
            prev not in TEMPORAL_PREP
            and prev not in DETERMINERS
            and not (nxt in "" or nxt in ".,;:)'\"”’!?—" or nxt == "\n")
            and not re.match(r"\s+(?:and|or|to|through|when|after|before|until)\b", after)
            and not re.match(r"\s+[a-z]", after)
        ):
            return None
    return Res("DATE", f"{y:04d}", extendable=True)


@rule("spelled_year", rf"(?:the\s+year\s+)? (?P<y>{lx.SPELLED_YEAR_RE})")
def _spelled_year(m: re.Match, ctx: Ctx) -> Res | None:
    y = lx.parse_year(m["y"])
    if y is None or not (1800 <= y <= 2100):
        return None
    if y % 100 == 0 and not m.group(0).lower().startswith("the year") and y != 2000:
        return None
    if (
        y == 2000
        and not m.group(0).lower().startswith("the year")
        and prev_word(ctx, m.start())
        not in ("in", "by", "since", "until", "of", "before", "after", "year")
    ):
        return None
    return Res("DATE", f"{y:04d}", extendable=True)


@rule(
    "decade",
    r"""
    (?:the\s+)?
    (?:(?P<y>1[0-9]\d0|20\d0)'?s                 # "the 1990s", "1990's"
      |'(?P<yy>\d0)'?s                           # "'90s"
      |(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))
    (?!\w)
    """,
)
def _decade(m: re.Match, ctx: Ctx) -> Res | None:
    if m["y"]:
        v = m["y"][:3]
    elif m["yy"]:
        v = "19" + m["yy"][0]
    else:
        if not m.group(0).lower().startswith("the"):
            return None
        v = f"19{lx.DECADE_WORDS[m['w'].lower()]}"
    return Res("DATE", v, extendable=True)


@rule(
    "century",
    rf"""
    (?:(?:the\s+)?(?P<o>\d{{1,2}}(?:st|nd|rd|th)|{ORDW})[\s-]+century(?!\w)    # "the 20th century"
      |(?P<rel>this|last|next|the\s+last|the\s+past|the\s+previous|the\s+next
         |the\s+current)\s+century)                                          # "this century"
    """,
)
def _century(m: re.Match, ctx: Ctx) -> Res | None:
    if m["o"]:
        n = lx.parse_ordinal(m["o"])
        if not n or n > 30:
            return None
        return Res("DATE", f"{n - 1:02d}", extendable=True)
    rel = m["rel"].lower().split()[-1]
    if rel in ("past", "next") and m["rel"].lower().startswith("the"):
        return Res("DURATION", "P100Y")
    if ctx.anchor is None:
        return no_anchor(ctx, "XX", extendable=True)
    k = {"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1, "past": -1}[rel]
    return Res("DATE", shift_value(ctx.anchor, "century", k), extendable=True)

"""Rules for days and times of day: weekdays, today/yesterday, anaphoric days, parts of a
day and clock times.

"on Friday", "last Monday", "the following Tuesday", "yesterday", "tonight", "the next
day", "that day", "Wednesday night", "this morning", "2:30 p.m. Monday", "noon".  Weekdays
are resolved against the anchor in the direction of the clause's tense; "the next day"
counts from the last full date mentioned.  A weekday with a part of the day keeps the part
(TIMEX3 ``2019-04-24TNI`` for "Wednesday night"), as the TimeML guidelines say.
"""

from __future__ import annotations

import re
from datetime import timedelta

from . import _lexicon as lx
from ._base import (
    AMPM,
    DAYN,
    NO_ANTECEDENT,
    TZ,
    WD,
    Ctx,
    M,
    Res,
    in_title,
    is_capitalized,
    month_num,
    no_anchor,
    prev_word,
    reject,
    rule,
)
from ._calendar import day_value
from ._resolve import resolve_day, resolve_weekday
from ._tense import tense_at

__all__: list[str] = []  # the rules register themselves in ._base.RULES


@rule(
    "weekday",
    rf"""
    (?:(?P<rel>last|next|this\s+coming|this\s+past|this|coming|past
       |the\s+previous|the\s+following|the\s+next|the\s+preceding)\s+)?
    (?P<wd>{WD})
    """,
)
def _weekday(m: re.Match, ctx: Ctx) -> Res | None:
    if not is_capitalized(ctx, m["wd"]):
        return None
    if m["wd"].lower() == "sun." and not ctx.text[m.end("wd") : m.end("wd") + 1].isspace():
        return None
    wd = lx.WEEKDAYS[m["wd"].lower().rstrip(".")]
    if ctx.anchor is None:
        return no_anchor(ctx, f"XXXX-WXX-{wd + 1}", extendable=True)
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower()) or None
    if rel and rel.startswith("the "):  # relative to the last date mentioned
        base = ctx.last_day or ctx.anchor
        back = rel in ("the previous", "the preceding")
        return Res(
            "DATE",
            day_value(resolve_weekday(base, wd, "last" if back else "next", None)),
            extendable=True,
        )
    tense = tense_at(ctx, m.start(), m.end())
    if ctx.text[m.end() : m.end() + 2] in ("'s", "’s"):
        tense = "past"  # "Wednesday's ruling" reports something that happened
    elif re.search(
        r"\bas\s+(?:early|soon)\s+as\s+$|\bno\s+later\s+than\s+$",
        ctx.text[max(0, m.start() - 20) : m.start()],
        re.IGNORECASE,
    ):
        tense = "future"
    d = resolve_weekday(ctx.anchor, wd, rel, tense)
    return Res("DATE", day_value(d), extendable=True)


@rule(
    "relday",
    r"""
    (?P<w>today|yesterday|tomorrow|tonight
      |the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?!\w)
    """,
)
def _relday(m: re.Match, ctx: Ctx) -> Res | None:
    if in_title(ctx, m.start(), m["w"]):
        return reject(ctx, m, "part of a name or title")  # "Europe Today", a programme
    w = re.sub(r"\s+", " ", m["w"].lower())
    k = {
        "today": 0,
        "tonight": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }[w]
    if ctx.anchor is None:
        if w == "tonight":
            return no_anchor(ctx, "XXXX-XX-XXTNI", "TIME")
        return no_anchor(ctx, "XXXX-XX-XX", extendable=True)
    d = ctx.anchor + timedelta(days=k)
    if w == "tonight":
        return Res("TIME", day_value(d) + "TNI")
    return Res("DATE", day_value(d), extendable=True)


@rule(
    "anaphoric_day",
    r"""
    (?P<w>the\s+(?:next|following|previous|preceding)\s+day
      |the\s+day\s+(?:before|after)(?=\s*[,.;])                 # "the day before,"
      |(?:that|the)\s+(?:same\s+)?day
         (?=\s*[,.;]|\s+(?:as|when|in|at|on)\b)                  # "that day, ...", "the day when"
      |(?:that|the)\s+same\s+day(?!\w))                      # "the same day Ruritania voted"
    """,
)
def _anaphoric_day(m: re.Match, ctx: Ctx) -> Res | None:
    w = m["w"].lower()
    k = (
        1
        if ("next" in w or "following" in w or "after" in w)
        else (-1 if ("previous" in w or "preceding" in w or "before" in w) else 0)
    )
    if w.startswith("the day") and k == 0:
        return None
    if k == 0 and ctx.last_grain == "month" and ctx.last_month:
        # "that same day" after "in October": a day of that month, which one is not said
        y, mo = ctx.last_month
        return Res("DATE", f"{y:04d}-{mo:02d}-XX", extendable=True)
    if k == 0 and ctx.last_grain == "year" and ctx.last_year:
        # "the same day" after "in 2019": a day of that year, which one is not said
        return Res("DATE", f"{ctx.last_year:04d}-XX-XX", extendable=True)
    base = ctx.last_day or ctx.anchor
    if base is None:
        return no_anchor(ctx, "XXXX-XX-XX", extendable=True)
    res = Res("DATE", day_value(base + timedelta(days=k)), extendable=True)
    if ctx.last_day is None:
        res.reason = NO_ANTECEDENT
    return res


#: what makes "a sad day" / "the second day" a particular day: a copula with a subject
#: that points at a day ("Today is ...", "It was ...", "This is ...")
_COPULA_BEFORE = re.compile(
    r"(?<![\w'])(?P<subj>it|today|tomorrow|yesterday|this|that)\s*"
    r"(?P<cop>'s|’s|is|was|has\s+been)\s+[\"“‘']?$",
    re.IGNORECASE,
)
#: adjectives that make the day anaphoric ("the next day"), read by ``anaphoric_day``
_ANAPHORIC_ADJ = frozenset({"next", "following", "previous", "preceding", "same", "other"})


@rule(
    "copula_day",
    r"""
    (?P<np>(?:a|an|the)\s+(?:(?P<adj>[a-z]+)\s+){0,2}?day)(?![\w-])
    """,
)
def _copula_day(m: re.Match, ctx: Ctx) -> Res | None:
    """ "Today is a sad day", "It was a great day for the town", "It's the second day of
    the strike": a copula identifies the day the subject points at (today, or the day the
    story was about); a generic "a day" elsewhere is no expression."""
    c = _COPULA_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start())
    if c is None:
        return None
    words = m["np"].lower().split()[1:-1]
    if _ANAPHORIC_ADJ.intersection(words):
        return None
    subj, cop = c["subj"].lower(), c["cop"].lower()
    shift = {"yesterday": -1, "tomorrow": 1}.get(subj, 0)
    if subj in ("it", "this", "that") and cop.startswith(("was", "has")):
        if ctx.last_day is not None:  # "it was a great day": the day just told about
            return Res("DATE", day_value(ctx.last_day))
        if ctx.anchor is None:
            return no_anchor(ctx, "XXXX-XX-XX")
        res = Res("DATE", day_value(ctx.anchor))
        res.reason = NO_ANTECEDENT
        return res
    if ctx.anchor is None:
        return no_anchor(ctx, "XXXX-XX-XX")
    return Res("DATE", day_value(ctx.anchor + timedelta(days=shift)))


#: Words that place a part of the day from the day told before, and by how many days.
_ANAPHORIC_PARTS = {
    "the next": 1,
    "the following": 1,
    "that": 0,
    "the same": 0,
    "that same": 0,
    "the previous": -1,
    "the preceding": -1,
}


@rule(
    "part_of_day",
    rf"""
    (?:(?P<d>{WD}|today|yesterday|tomorrow|this|last|the\s+next|the\s+following|that
       |the\s+previous|the\s+preceding|the\s+same|that\s+same
       |early|late|mid|in\s+the)[\s-]+)?
    (?P<p>morning|afternoon|evening|night|overnight)(?!\w)
    (?:\s+(?P<dr>yesterday|today|tomorrow|{WD}))?                       # "mid-afternoon today"
    """,
)
def _part_of_day(m: re.Match, ctx: Ctx) -> Res | None:
    p = lx.PARTS_OF_DAY[m["p"].lower()]
    d = (m["d"] or "").lower()
    d = re.sub(r"\s+", " ", d)
    day_word = m["d"]
    start = end = None
    if m["dr"] and d in ("", "early", "late", "mid", "in the"):
        # the day comes after the part of it: "late morning Friday", "mid-afternoon
        # yesterday"
        if d == "in the":
            start = m.start("p")
        d, day_word = m["dr"].lower(), m["dr"]
    elif m["dr"]:
        end = m.end("p")  # "Friday morning today": the day word after is another matter
    if not d or d in ("early", "late", "mid", "in the"):
        return None  # "in the morning" is generic
    if ctx.anchor is None:
        res = no_anchor(ctx, f"XXXX-XX-XXT{p}", "TIME", extendable=True)
        res.start, res.end = start, end
        return res
    a = ctx.anchor
    if d in ("this", "today"):
        day = a
    elif d in ("last", "yesterday"):
        day = a - timedelta(days=1)
    elif d == "tomorrow":
        day = a + timedelta(days=1)
    elif d in _ANAPHORIC_PARTS:
        # "the next morning", "that same evening", "the previous night": of the day told
        # before
        day = (ctx.last_day or a) + timedelta(days=_ANAPHORIC_PARTS[d])
        if ctx.last_day is None:
            res = Res("TIME", f"{day_value(day)}T{p}", start=start, end=end, extendable=True)
            res.reason = NO_ANTECEDENT
            return res
    else:
        if not is_capitalized(ctx, day_word):
            return None
        wd = lx.WEEKDAYS[d.rstrip(".")]
        day = resolve_weekday(a, wd, None, tense_at(ctx, m.start(), m.end()))
    return Res("TIME", f"{day_value(day)}T{p}", start=start, end=end, extendable=True)


_HOUR_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"


@rule(
    "clock",
    rf"""
    (?:(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>{AMPM})      # "2:30 p.m.", "9am"
      |(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?![\d:])
         (?:\s*(?:hrs|hours|h)(?!\w))?                                  # "14:30", "0930 hrs"
      |(?P<w>noon|midday|midnight)
      |(?P<hw>{_HOUR_WORD})(?:\s+o'clock)?
         \s+in\s+the\s+(?P<pd>morning|afternoon|evening)               # "four in the morning"
      |(?P<hw2>{_HOUR_WORD})\s+o'clock)                                 # "ten o'clock"
    {TZ}
    (?:,?\s+(?:on\s+)?                                                 # "..., Monday"
       (?P<dref>{WD}|today|yesterday|tomorrow|(?P<mm>{M})\s*(?P<md>{DAYN})))?
    """,
)
def _clock(m: re.Match, ctx: Ctx) -> Res | None:
    if m["w"]:
        if (
            ctx.cased
            and m["w"][0].isupper()
            and re.search(r"[A-Z]\w*\s+$", ctx.text[max(0, m.start() - 20) : m.start()])
        ):
            return None  # "High Noon": a title, not a time
        if re.search(r"\bhigh\s+$", ctx.text[max(0, m.start() - 6) : m.start()], re.IGNORECASE):
            return None  # "high noon": an idiom
        h, mi = (12, 0) if m["w"].lower() in ("noon", "midday") else (24, 0)
    elif m["h"] is not None:
        h, mi = int(m["h"]), int(m["mi"] or 0)
        if h == 0 or h > 12:
            return None
        pm = m["ap"].lower().startswith("p")
        h = (h % 12) + (12 if pm else 0)
    elif m["h24"] is not None:
        before = ctx.text[max(0, m.start() - 3) : m.start()]
        if re.search(r"\d\s*[-:]\s*$", before):
            return None
        h, mi = int(m["h24"]), int(m["mi24"])
        if ctx.text[m.end() : m.end() + 1] == ":":
            return None
    else:
        hw = (m["hw"] or m["hw2"]).lower()
        h = int(hw) if hw.isdigit() else lx.SMALL[hw]
        mi = 0
        if h == 0 or h > 12:
            return None
        if m["pd"] and m["pd"].lower() in ("afternoon", "evening") and h < 12:
            h += 12
        if not m["pd"]:
            prev = prev_word(ctx, m.start())
            if prev not in ("at", "by", "until", "before", "after", "from", "to", "till"):
                return None
    hm = f"T{h:02d}:{mi:02d}"
    if ctx.anchor is None and not m["dref"]:
        return no_anchor(ctx, "XXXX-XX-XX" + hm, "TIME")
    day = ctx.last_day or ctx.anchor
    if m["dref"]:
        dref = m["dref"].lower()
        if m["mm"]:
            mo, dd = month_num(m["mm"]), int(re.sub(r"\D", "", m["md"]))
            if ctx.anchor is None:
                return no_anchor(ctx, f"XXXX-{mo:02d}-{dd:02d}{hm}", "TIME")
            day = resolve_day(ctx.anchor, mo, dd, tense_at(ctx, m.start(), m.end()))
        elif ctx.anchor is None:
            return no_anchor(ctx, "XXXX-XX-XX" + hm, "TIME")
        elif dref in ("today", "yesterday", "tomorrow"):
            day = ctx.anchor + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[dref])
        else:
            day = resolve_weekday(
                ctx.anchor, lx.WEEKDAYS[dref.rstrip(".")], None, tense_at(ctx, m.start(), m.end())
            )
    if day is None:
        return None
    return Res("TIME", day_value(day) + hm)

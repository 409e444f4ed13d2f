"""Rules for durations: "three days", "the past two years", "a decade", "over the years",
"a day-long meeting", "the next few weeks".

A number and a unit give a TIMEX3 duration (``P3D``, ``PT2H``, ``P2Y6M``); vague amounts give
``X`` (``PXY`` for "years").  "$5 a year" is a frequency (SET), an age ("five years old") is
no expression.  Approximators in front ("about", "more than") are added later by
:mod:`._modifiers`.
"""

from __future__ import annotations

import re

from . import _lexicon as lx
from ._base import NUM, UNIT, Ctx, Res, prev_word, rule
from ._resolve import dur_value

__all__: list[str] = []  # the rules register themselves in ._base.RULES


@rule(
    "duration",
    rf"""
    (?:(?P<the>the|these|those|its|their|his|her|a|an)\s+)?
    (?:(?P<rel>first|last|past|next|previous|coming|following|latest|final|remaining|initial
       |same|recent|entire|full|whole|additional|another|further|other)\s+)?
    (?P<n>{NUM})(?:\s+(?:to|or)\s+(?P<n2>{NUM}))?                 # "two to three"
    (?:[\s-]+(?:more|additional|extra|further))?
    [\s-]+(?P<u>{UNIT})
    (?P<half>\s+and\s+a\s+half)?
    (?P<adj>-(?:long|old))?(?!-old)                               # "two-year-long"
    (?P<orso>\s+or\s+(?:so|more|two|three|less))?
    (?P<noun>\s+(?:period|span|stretch|term|interval|time\s+span|time\s+frame|timeframe
       |window))?                                                 # "a three-year period"
    """,
)
def _duration(m: re.Match, ctx: Ctx) -> Res | None:
    raw_n = re.sub(r"\s+", " ", m["n"].lower())
    n = lx.parse_number(raw_n)
    if n is not None and m["half"]:
        n += 0.5
    ukey = lx.unit_key(m["u"])
    if ukey not in lx.UNITS:
        return None
    if m["adj"] and m["adj"].lower() == "-old":
        return None
    after = ctx.text[m.end() : m.end() + 20]
    if re.match(r"[\s-]+old\b", after):
        return None  # ages are not temporal expressions
    if raw_n in ("a", "an") and m["u"].lower().endswith("s") and not ukey.endswith("s"):
        return None  # "a weeks-long strike": the article belongs to the noun
    if ukey in ("second", "quarter") and raw_n in ("a", "an", "one", "the"):
        return None  # "a second summit", "a quarter of the vote"
    if (
        ukey == "quarter"
        and not (m["rel"] or m["the"])
        and (re.match(r"\s+of\b", after) or raw_n not in ("two", "three", "2", "3", "four", "4"))
    ):
        return None
    if (
        raw_n in ("some", "many")
        and not re.match(r"\s*(?:ago|later|earlier)", after)
        and ukey in ("second", "minute", "hour", "day", "week")
    ):
        return None
    rel = (m["rel"] or "").lower()
    the = (m["the"] or "").lower()
    # "$5 a year", "twice a day": a frequency
    before = ctx.text[max(0, m.start() - 20) : m.start()]
    if (
        raw_n in ("a", "an")
        and not the
        and not rel
        and (
            re.search(
                r"(?:\d|\bonce|\btwice|\btimes|\bdollars|\bcents|\bpeople|\bhours"
                r"|\bmiles|\bbarrels|\btons|\bminutes|\bmillion|\bbillion)\s*$",
                before,
            )
            or re.search(r"\b(?:day|week|month|year|hour)s?\s*$", before)
        )
    ):
        return Res("SET", dur_value(1, m["u"]))
    start = m.start()
    if the and the != "the" and not rel:
        start = m.start("n")  # "a two-year term", "its two-year term": the noun's article
    if raw_n in ("a", "an") and rel:
        return None
    if the in ("its", "their", "his", "her", "these", "those"):
        start = m.start("rel") if m["rel"] else m.start("n")
    if rel == "" and the == "the" and n is None and raw_n in ("many", "some", "few"):
        return None
    mod = "APPROX" if m["orso"] else None
    return Res("DURATION", dur_value(n, m["u"]), start=start, mod=mod)


_THE_UNITS = re.compile(
    r"\b(?P<p>over|throughout|through|during|in)\s+(?P<the>the)\s+$", re.IGNORECASE
)
_FOLLOWED = re.compile(
    r"\s+(?:that\s+followed|which\s+followed|since|to\s+come|ahead)\b", re.IGNORECASE
)


@rule(
    "vague_duration",
    r"""
    (?P<pre>(?:in\s+|over\s+|for\s+|within\s+)?(?:the\s+)?
       (?P<rel>recent|coming|past|last|next|few|several|many|upcoming)\s+)?  # "the past few"
    (?P<u>seconds|minutes|hours|days|weeks|months|years|decades|centuries)(?!\w)
    """,
)
def _vague_duration(m: re.Match, ctx: Ctx) -> Res | None:
    rel = (m["rel"] or "").lower()
    start = m.start("rel") if m["rel"] else m.start("u")
    pre = (m["pre"] or "").lower()
    if "the " in pre:
        start = m.start() + pre.index("the ")
    if not rel:
        prev = prev_word(ctx, m.start("u"))
        the = _THE_UNITS.search(ctx.text, max(0, m.start("u") - 30), m.start("u"))
        if prev == "the" and the is not None:
            # "over the years", "in the decades that followed": a vague span of time
            nxt = ctx.text[m.end() : m.end() + 16]
            if the["p"].lower() != "in" or _FOLLOWED.match(nxt):
                return Res("DURATION", dur_value(None, m["u"]), start=the.start("the"))
            return None
        if prev not in ("for", "in", "within", "over", "took", "takes", "lasted", "last"):
            return None
        nxt = ctx.text[m.end() : m.end() + 12]
        if prev == "in" and re.match(r"\s+(?:of|to)\b", nxt):
            return None
        if (
            prev == "in"
            and not re.search(
                r"\b(?:first\s+time|years|decades)\b", ctx.text[max(0, m.start() - 40) : m.start()]
            )
            and m["u"].lower() not in ("years", "decades")
        ):
            return None
    if rel in ("last", "next", "past") and "the" not in pre:
        return None
    return Res("DURATION", dur_value(None, m["u"]), start=start)


@rule(
    "unit_long",
    r"""
    (?P<u>(?:second|minute|hour|day|week|month|year|decade|centurie|century)s?)
    -long(?!\w)                                           # "a day-long meeting"
    """,
)
def _unit_long(m: re.Match, ctx: Ctx) -> Res | None:
    """ "a day-long meeting" (P1D), "a decades-long feud" (PXY): a duration adjective."""
    u = m["u"].lower()
    if u.endswith("s"):
        return Res("DURATION", dur_value(None, u))
    return Res("DURATION", dur_value(1, u))

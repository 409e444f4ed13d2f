"""Rules for vague references to the present, the past and the future (TIMEX3
``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF``): "now", "currently", "recently", "the
future", "soon", "in the long term", "one day", "the country's future".
"""

from __future__ import annotations

import re

from ._base import Ctx, Res, rule
from ._resolve import dur_value
from ._sentences import sentence_span
from ._tense import tense_at

__all__: list[str] = []  # the rules register themselves in ._base.RULES

#: words that mean the present moment
_PRESENT = frozenset(
    {
        "right now",
        "now",
        "currently",
        "current",
        "presently",
        "nowadays",
        "at present",
        "the present",
        "the present time",
        "the present day",
        "these days",
        "the time being",
    }
)


@rule(
    "ref",
    r"""
    (?P<w>right\s+now|now|currently|current|presently|nowadays|at\s+present
      |the\s+present(?:\s+(?:time|day))?|these\s+days|the\s+time\s+being
      |recently|recent|lately|the\s+past
      |the\s+future|soon|someday|some\s+day|a\s+later\s+date
      |(?:the\s+)?(?:near|foreseeable|distant|immediate)\s+future
      |the\s+(?:near|short|long|medium)[\s-]term
      |as\s+soon\s+as\s+possible
      |in\s+past\s+(?:years|decades|months|weeks)                   # "in past years"
      |the\s+(?:days|weeks|months|years|decades)\s+ahead|the\s+year\s+ahead)
    (?!\w)
    """,
)
def _ref(m: re.Match, ctx: Ctx) -> Res | None:
    w = re.sub(r"\s+", " ", m["w"].lower())
    after = ctx.text[m.end() : m.end() + 12]
    if w == "soon" and re.match(r"\s+(?:after|afterwards|as|thereafter)\b", after):
        return None
    if w == "soon" and tense_at(ctx, m.start(), m.end(), window=2) == "past":
        return None  # "She was soon freed", "a trickle that soon grew": no reference
    if re.fullmatch(r"the (?:near|short|long|medium)-term", w) and not re.match(
        r"\s*[,.;:)]|\s*$", after
    ):
        return None  # "the long-term lease": an adjective, not a time
    if w in ("current", "recent") and re.match(r"\s+(?:account|accounts|affairs|events)\b", after):
        return None
    if w == "the past" and re.match(
        r"\s*(?:\d|few|several|two|three|four|five|six|seven|eight"
        r"|nine|ten|year|month|week|decade|day)",
        after,
        re.IGNORECASE,
    ):
        return None  # "the past two years" is a duration
    if w == "now" and after.startswith("-"):
        return None  # "now-defunct"
    if w == "now" and re.match(r",\s+[A-Za-z]", after) and _opens_sentence(ctx, m.start(), m.end()):
        # "Now, the committee says ...": a discourse connective that turns to the next
        # point of an argument, not a reference to the present
        return None
    if w in _PRESENT:
        start = m.start() + (3 if w == "at present" else 0)
        return Res("DATE", "PRESENT_REF", start=start)
    if w in ("recently", "recent", "lately", "the past"):
        return Res("DATE", "PAST_REF")
    if w.startswith("in past"):
        return Res("DATE", "PAST_REF", start=m.start() + 3)
    if w.endswith("ahead"):
        unit = w.split()[1]
        return Res("DURATION", dur_value(1 if unit == "year" else None, unit))
    return Res("DATE", "FUTURE_REF")


def _opens_sentence(ctx: Ctx, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the first word of its sentence (quotes aside)."""
    s0 = sentence_span(ctx.text, start, end)[0]
    return not ctx.text[s0:start].strip(" \t\n\"'`‘“")


@rule(
    "future_noun",
    r"""
    (?:(?P<pos>\w+['’]s)\s+)?                                   # "the country's future"
    (?P<w>future)
    (?P<unit>\s+(?:days|weeks|months|quarters|years|decades))?   # "in future years"
    (?!\w)
    """,
)
def _future_noun(m: re.Match, ctx: Ctx) -> Res | None:
    """ "the team's future", "in future years": a vague reference to the future (TimeML
    FUTURE_REF).  "the future" is read by the ``ref`` rule; "future earnings" (an adjective
    before a noun that is not a time unit) is not an expression."""
    if m["unit"]:
        return Res("DATE", "FUTURE_REF", start=m.start("w"), end=m.end("w"))
    if not m["pos"] or not re.match(
        r"\s*(?:[,.;:!?)]|$)"
        r"|\s+(?:of|in|is|was|will|would|and|or|as|at|away|remains?|lies?|looks?)\b",
        ctx.text[m.end() : m.end() + 12],
    ):
        return None
    return Res("DATE", "FUTURE_REF", start=m.start("w"))


@rule("one_day", r"(?P<w> one\s+day | some\s+time | one\s+of\s+these\s+days) (?!\w)")
def _one_day(m: re.Match, ctx: Ctx) -> Res | None:
    tense = tense_at(ctx, m.start(), m.end())
    if m["w"].lower().startswith("one day") and tense == "future":
        return Res("DATE", "FUTURE_REF")
    if m["w"].lower().startswith("one day"):
        return Res("DURATION", "P1D")
    return None

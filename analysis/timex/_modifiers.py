"""What stands in front of an expression: TimeML modifiers and signals.

After a rule has found a date, :func:`extend` looks left of it for a modifier that joins
the span ("early 2018" START, "the end of April" END, "mid-2016" MID, "the rest of the
year") and, for a duration, an approximator ("about five years" APPROX, "more than two
years" MORE_THAN).  :func:`signal_before` reads the preposition in front ("by", "since",
"until"), which is no part of the TimeML span but shapes the interval.
"""

from __future__ import annotations

import re

from ._base import Ctx, Res

__all__ = ["extend", "signal_before"]

_MODPRE = re.compile(
    r"(?:(?P<the>the\s+)?(?P<very>very\s+)?(?P<w>early|earlier|late|later|mid|middle)[\s-]*"
    r"|(?:the\s+)?(?P<w2>end|beginning|start|middle|close|rest|remainder|turn|dawn|outset)"
    r"\s+of\s+"
    r"|the\s+(?P<w3>remaining|final|last|first|closing|opening)\s+(?:few\s+)?"
    r"(?:days|weeks|months|hours|part)\s+of\s+)$",
    re.IGNORECASE,
)
_MOD_OF = {
    "early": "START",
    "beginning": "START",
    "start": "START",
    "dawn": "START",
    "outset": "START",
    "first": "START",
    "opening": "START",
    "mid": "MID",
    "middle": "MID",
    "late": "END",
    "end": "END",
    "close": "END",
    "final": "END",
    "last": "END",
    "closing": "END",
    "turn": "END",
}

_APPROX = re.compile(
    r"(?P<w>about|around|approximately|roughly|some|nearly|almost|more\s+than|over"
    r"|less\s+than|under|at\s+least|at\s+most|no\s+more\s+than|no\s+less\s+than|up\s+to"
    r"|just\s+over|just\s+under|well\s+over|only|barely|fewer\s+than|upwards\s+of"
    r"|close\s+to|a\s+little\s+over|a\s+little\s+more\s+than|almost\s+exactly)\s+$",
    re.IGNORECASE,
)
_APPROX_MOD = {
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "close to": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "just under": "LESS_THAN",
    "barely": "LESS_THAN",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "just over": "MORE_THAN",
    "well over": "MORE_THAN",
    "upwards of": "MORE_THAN",
    "a little over": "MORE_THAN",
    "a little more than": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
    "only": None,
    "almost exactly": "APPROX",
}

_SIGNAL = re.compile(
    r"(?P<s>no\s+later\s+than|as\s+early\s+as|prior\s+to|in\s+the\s+course\s+of|by|before"
    r"|until|till|through|throughout|since|after|from|within|during|in|on|over|for|at|as\s+of"
    r"|between|around|ahead\s+of)\s+$",
    re.IGNORECASE,
)


def extend(ctx: Ctx, start: int, res: Res) -> tuple[int, str | None, str | None]:
    """Look left of ``start`` for a modifier ('the end of', 'early') or an approximator.

    Returns
    -------
    tuple
        ``(new start, TIMEX3 mod or None, special)``; special is EARLIER, LATER or REST
        ("earlier this month", "the rest of the year"), which only narrow the interval.
    """
    window = ctx.text[max(0, start - 40) : start]
    if res.type in ("DATE", "TIME") and res.extendable:
        m = _MODPRE.search(window)
        if m:
            w = (m["w"] or m["w2"] or m["w3"] or "").lower()
            new_start = start - (len(window) - m.start())
            if w in ("rest", "remainder", "remaining"):
                return new_start, None, "REST"
            if w in ("earlier", "later"):
                return new_start, None, w.upper()
            if w in ("late", "early") and m["the"] is None and res.value[:1] not in "0123456789X":
                return start, None, None
            return new_start, _MOD_OF.get(w), None
    if res.type == "DURATION":
        m = _APPROX.search(window)
        if m:
            w = re.sub(r"\s+", " ", m["w"].lower())
            new_start = start - (len(window) - m.start())
            if w in ("over", "under", "some", "only") and (
                res.value.startswith("PX")
                or re.match(
                    r"(?:the|these|those|its|their)\b", ctx.text[start : start + 6], re.IGNORECASE
                )
            ):
                return start, None, None  # "over the past year": a preposition
            return new_start, _APPROX_MOD.get(w), None
    return start, None, None


def signal_before(ctx: Ctx, start: int) -> str | None:
    """The temporal preposition right before ``start`` ("by", "no later than"), lower case."""
    m = _SIGNAL.search(ctx.text[max(0, start - 25) : start])
    return re.sub(r"\s+", " ", m["s"].lower()) if m else None

"""The shared pieces of the temporal grammar: the Timex record, the tagging context, what a
rule returns, the rule registry, the regex building blocks and small word tests.

Every rule module imports from here; the tagger (:mod:`._tagger`) runs the registered rules
in the order it gives them.  Rule patterns are written with ``re.VERBOSE`` (whitespace in a
pattern is layout, ``\\s`` is a space) and matched case-insensitively; each is preceded by
``(?<![\\w'])`` so that it starts at a word boundary.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from . import _lexicon as lx

__all__ = [
    "AMPM",
    "BLOCK",
    "DAY",
    "DAYN",
    "DETERMINERS",
    "M",
    "NO_ANCHOR",
    "NO_ANTECEDENT",
    "NUM",
    "ORDW",
    "RULES",
    "TEMPORAL_PREP",
    "TZ",
    "UNIT",
    "WD",
    "YEAR",
    "YEARX",
    "Block",
    "Ctx",
    "Res",
    "Rule",
    "Timex",
    "in_title",
    "is_capitalized",
    "month_num",
    "month_ok",
    "no_anchor",
    "prev_word",
    "reject",
    "rule",
]

_log = logging.getLogger("analysis.timex")

#: the reason given to a relative expression when the text has no anchor (publication date)
NO_ANCHOR = "relative expression and no anchor (publication date unknown)"
#: the reason given to an anaphoric expression ("the same day", "that week") when no date
#: before it in the text is its antecedent: its value is the anchor's, a guess that readers
#: of the events stage may refuse
NO_ANTECEDENT = "no earlier date in the text: resolved against the anchor"


@dataclass(frozen=True)
class Timex:
    """One temporal expression, normalized.

    Attributes
    ----------
    start, end : int
        Character offsets in the text (TimeML span: no leading preposition).
    text : str
        The surface text.
    type : str
        DATE, TIME, DURATION or SET.
    value : str
        TIMEX3 value (``2019-04``, ``P1W``, ``PRESENT_REF``, ``XXXX-WXX-1``, ...).
    mod : str or None
        TIMEX3 mod (START, MID, END, APPROX, LESS_THAN, MORE_THAN, BEFORE, AFTER, ...).
    begin, end_date : pandas.Timestamp
        The interval covered, UTC, end exclusive; NaT where open or unresolved.
    precision : str
        day, week, month, quarter, half, season, year, decade, century, time or unknown.
    anchor : pandas.Timestamp
        The reference time used (NaT when none).
    reason : str or None
        Why the interval is unresolved, open or approximate.
    signal : str or None
        The preposition in front of the expression ("by", "since", "within"), which shapes
        the interval but is not part of the TimeML span.
    rule : str
        The name of the rule that found it (for debugging and error analysis).
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    begin: pd.Timestamp = pd.NaT
    end_date: pd.Timestamp = pd.NaT
    precision: str = "unknown"
    anchor: pd.Timestamp = pd.NaT
    reason: str | None = None
    signal: str | None = None
    rule: str = ""


# --------------------------------------------------------------------------- building blocks
M = lx.MONTH_RE
WD = lx.WEEKDAY_RE
NUM = lx.NUM_RE
UNIT = lx.UNIT_RE
ORDW = lx.ORD_WORD_RE
YEAR = r"(?:1[0-9]\d\d|20\d\d)(?![\d,]\d|\w)"
DAYN = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:,]\d|\w|-\d)"
DAY = rf"(?:{DAYN}|{ORDW}(?!\w))"
TZ = r"(?:\s*\(?(?:[ECMP][SD]T|GMT|UTC|UT|BST|CET|local\s+time|Eastern|Pacific)\)?(?!\w))?"
AMPM = r"(?:a\.m\.?|p\.m\.?|am(?!\w)|pm(?!\w))"
YEARX = rf"(?:{YEAR}|{lx.SPELLED_YEAR_RE})"


@dataclass
class Ctx:
    """The state of one tagging pass: the text, its anchor and the last dates mentioned."""

    text: str
    anchor: date | None
    cased: bool
    last_day: date | None = None
    last_month: tuple[int, int] | None = None
    last_quarter: str | None = None
    last_year: int | None = None
    #: the precision of the last date mentioned: "day", "month", "quarter" or "year"
    last_grain: str | None = None


@dataclass
class Res:
    """What a rule returns: the normalized fields (the span may be adjusted)."""

    type: str
    value: str
    mod: str | None = None
    reason: str | None = None
    start: int | None = None
    end: int | None = None
    extendable: bool = False  # may take an "early"/"the end of" prefix
    sets_ref: bool = True  # becomes the reference time of later anaphoric expressions


class Block:
    """Returned by a rule to veto its span: no shorter reading inside it is tried."""


BLOCK = Block()

#: a rule's normalizer: the match and the context -> a result, a veto or None (no reading)
Normalizer = Callable[[re.Match, Ctx], Res | Block | None]


@dataclass(frozen=True)
class Rule:
    """A named pattern and the function that normalizes its matches."""

    name: str
    pattern: re.Pattern[str]
    fn: Normalizer


#: every rule, by name; :mod:`._tagger` gives their priority order
RULES: dict[str, Rule] = {}


def rule(name: str, pattern: str) -> Callable[[Normalizer], Normalizer]:
    """Register the decorated function as the normalizer of the verbose ``pattern``."""

    def deco(fn: Normalizer) -> Normalizer:
        if name in RULES:
            raise ValueError(f"a temporal rule named {name!r} is already registered")
        flags = re.IGNORECASE | re.VERBOSE
        RULES[name] = Rule(name, re.compile(r"(?<![\w'])" + pattern, flags), fn)
        return fn

    return deco


def reject(ctx: Ctx, m: re.Match, why: str) -> Block:
    """Veto the span of ``m`` (logged at debug level with ``why``)."""
    _log.debug("rejected %r at %d: %s", m.group(0), m.start(), why)
    return BLOCK


def no_anchor(ctx: Ctx, placeholder: str, typ: str = "DATE", *, extendable: bool = False) -> Res:
    """A relative expression in a text without an anchor: its type and an underspecified
    TIMEX3 value (``XXXX-WXX-2``), never an invented date.  ``extendable`` as the anchored
    reading, so that "the end of next month" keeps its span and mod (``XXXX-XX``, END)."""
    return Res(typ, placeholder, reason=NO_ANCHOR, extendable=extendable)


# --------------------------------------------------------------------------- word tests
def month_num(word: str) -> int:
    """The number of a month word ("Sept." -> 9)."""
    return lx.MONTHS[word.lower().rstrip(".")]


def is_capitalized(ctx: Ctx, word: str) -> bool:
    """Whether ``word`` is capitalized (always True in a text without case)."""
    return not ctx.cased or word[:1].isupper()


def prev_word(ctx: Ctx, start: int) -> str:
    """The word before ``start`` (lower case), skipping punctuation."""
    m = re.search(r"([A-Za-z']+)\W*$", ctx.text[max(0, start - 30) : start])
    return m[1].lower() if m else ""


DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "this",
        "that",
        "whose",
        "mid",
    ]
)
#: words that may stand right before a date: prepositions, "last", "early", "fiscal", ...
TEMPORAL_PREP = frozenset(
    [
        "in",
        "on",
        "since",
        "of",
        "by",
        "until",
        "till",
        "from",
        "to",
        "through",
        "during",
        "before",
        "after",
        "for",
        "last",
        "next",
        "this",
        "early",
        "late",
        "mid",
        "the",
        "end",
        "beginning",
        "around",
        "about",
        "between",
        "and",
        "as",
        "throughout",
        "circa",
        "into",
        "than",
        "within",
        "fiscal",
        "year",
        "that",
        "every",
        "each",
        "past",
        "coming",
        "at",
    ]
)

_OPENERS = ("", ".", "!", "?", ":", ";", "\n", '"', "“", "'", "`", "(")
#: Prepositions that, before an ambiguous month in the possessive, make it a name: "to
#: May's deal", "of March's campaign" (but "since May's election", "in March's vote").
_NAMING_PREP = frozenset(["to", "of", "by", "for", "with", "against"])
_PREV_CAPITALIZED = re.compile(r"(?P<before>.?)\s*\b[A-Z][A-Za-z]*[ \t]+$", re.DOTALL)


def in_title(ctx: Ctx, start: int, word: str) -> bool:
    """A capitalized word right after another capitalized word in mid-sentence is part of a
    name or title ("the Lagos Today show", "she wrote in Europe Today")."""
    if not ctx.cased or not word[:1].isupper():
        return False
    m = _PREV_CAPITALIZED.search(ctx.text, max(0, start - 40), start)
    # the capitalized word in front must not itself open a sentence or a quotation
    return m is not None and m["before"] not in _OPENERS


def month_ok(ctx: Ctx, word: str, start: int, has_day_or_year: bool) -> bool:
    """Whether a month word is a month: capitalized, and an ambiguous one ("May", "March")
    only with a day, a year or a temporal word in front."""
    if not is_capitalized(ctx, word):
        return False
    key = word.lower().rstrip(".")
    if key in lx.AMBIGUOUS_MONTHS and not has_day_or_year:
        after = ctx.text[start + len(word) : start + len(word) + 30]
        # "Jan Novak", "the March of the Veterans": a name, not a month
        if re.match(r"\s+(?:[A-Z][a-z]|of\s+(?!\d|this|last|next|that))", after):
            return False
        prev = prev_word(ctx, start)
        if re.match(r"['\u2019]s\b", after) and prev in _NAMING_PREP:
            return False  # "in protest to May's deal", "a rival of May's": a person's
        return prev in TEMPORAL_PREP
    return True

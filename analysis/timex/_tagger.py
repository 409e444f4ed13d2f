"""Rule-based temporal tagger: find temporal expressions and normalize them to TIMEX3.

The grammar is a set of compiled patterns ("cores": a month and day, a weekday, "last
week", "three years", ...).  Every pattern is run over the text; overlapping candidates are
resolved longest-first; the survivors are normalized in text order so that anaphoric
expressions ("the next day", "a year earlier") can use the dates mentioned before them.
A general extension step then adds TimeML modifiers in front of a date ("early", "the end
of", "mid-") and approximators in front of a duration ("about", "more than").
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

import pandas as pd

from . import _lexicon as lx
from ._calendar import (
    add_months,
    day_value,
    easter,
    in_ns_range,
    interval_of,
    is_valid_date,
    month_value,
    nth_weekday,
    quarter_of,
    shift_value,
    to_timestamp,
    week_value,
)

__all__ = ["Timex", "absolute_timexes", "tag_text"]

_log = logging.getLogger(__name__)

NO_ANCHOR = "relative expression and no anchor (publication date unknown)"


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
SEP = r"[\s-]+"
YEARX = rf"(?:{YEAR}|{lx.SPELLED_YEAR_RE})"

_I = re.IGNORECASE


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _I)


@dataclass
class _Ctx:
    text: str
    anchor: date | None
    cased: bool
    last_day: date | None = None
    last_month: tuple[int, int] | None = None
    last_quarter: str | None = None
    last_year: int | None = None
    sent_bounds: list[int] = field(default_factory=list)


@dataclass
class _Res:
    """What a rule returns: the normalized fields (the span may be adjusted)."""

    type: str
    value: str
    mod: str | None = None
    reason: str | None = None
    start: int | None = None
    end: int | None = None
    interval: tuple[datetime | None, datetime | None, str] | None = None
    extendable: bool = False  # may take an "early"/"the end of" prefix
    sets_ref: bool = True  # becomes the reference time of later anaphoric expressions


# --------------------------------------------------------------------------- tense
_FUTURE = re.compile(
    r"^(?:will|won't|wo|'ll|shall|going|scheduled|expected|expects?|expecting|intends?"
    r"|would|upcoming|next|until|aims?|later|forthcoming|may|might|hopes?|promised|vowed"
    r"|'d|payable|effective|tomorrow|soon|planned|planning|plans|intended|slated)$",
    _I,
)
_PAST = re.compile(
    r"^(?:was|were|had|did|ago|last|earlier|since|said|told|announced|has|have|been|came|went"
    r"|began|met|took|made|gave|left|held|won|lost|fell|rose|saw|got|found|became|sent"
    r"|brought|spoke|wrote|put|set|paid|sold|bought|hit|broke|ran|led|reported|according)$",
    _I,
)
_NOT_PAST_ED = {
    "need",
    "indeed",
    "speed",
    "united",
    "hundred",
    "red",
    "bed",
    "feed",
    "seed",
    "proceed",
    "succeed",
    "exceed",
    "wed",
    "ted",
    "ned",
    "shed",
    "bred",
    "breed",
}
_TOKEN = re.compile(r"[A-Za-z']+")
#: the stretch of a sentence read on each side of an expression for its tense
_CONTEXT_CHARS = 400


#: words whose dot does not end a sentence ("Roe vs. Wade", "Gen. Smith", "Birmingham,
#: Ala. police"); single letters and initials ("U.S.", "J.") are handled apart
_ABBREVIATION_WORDS = (
    "mr mrs ms dr st vs v gen sen rep gov lt col capt sgt maj adm cmdr prof rev fr jr sr"
    " mt ft no nos jan feb mar apr jun jul aug sep sept oct nov dec ala ariz ark calif colo"
    " conn fla ga ill ind kan ky md mass mich minn miss mo mont neb nev okla ore pa tenn"
    " tex va vt wash wis wyo"
)
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
_WORD_BEFORE_DOT = re.compile(r"([A-Za-z.]*)$")


def _ends_sentence(text: str, i: int) -> bool:
    """Whether the dot at ``text[i]`` (followed by a space) closes a sentence."""
    nxt = text[i + 1 : i + 4].lstrip()[:1]
    if nxt.islower():
        return False
    word = _WORD_BEFORE_DOT.search(text, max(0, i - 12), i)[1].lower().strip(".")
    if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return False
    return not re.fullmatch(r"(?:[a-z]\.)+[a-z]", word)  # "U.S", "U.N"


def _sentence_span(ctx: _Ctx, start: int, end: int) -> tuple[int, int]:
    text = ctx.text
    dot = start
    floor = start - _CONTEXT_CHARS
    while True:
        dot = text.rfind(". ", 0, dot)
        if dot < 0 or dot < floor or _ends_sentence(text, dot):
            break
    left = max(
        dot,
        text.rfind("\n", 0, start),
        text.rfind("? ", 0, start),
        text.rfind("! ", 0, start),
        text.rfind("; ", 0, start),
    )
    dot = end - 1
    ceiling = end + _CONTEXT_CHARS
    while True:
        dot = text.find(". ", dot + 1)
        if dot < 0 or dot > ceiling or _ends_sentence(text, dot):
            break
    rights = [
        i
        for i in (
            dot,
            text.find("\n", end),
            text.find("? ", end),
            text.find("; ", end),
        )
        if i >= 0
    ]
    return left + 1, (min(rights) if rights else len(text))


_PARTICIPLE_AUX = {"be", "being", "to", "get", "gets"}
# an auxiliary followed by one of these announces something still to come:
# "were planning to", "was expected to", "had been scheduled for"
_AUX = {"is", "are", "was", "were"}
_PROSPECTIVE = {
    "planning",
    "expected",
    "scheduled",
    "due",
    "going",
    "set",
    "slated",
    "poised",
    "about",
    "likely",
    "supposed",
}
# the past tense of verbs of planning and expecting: future cues before the date they
# govern ("planned to meet on Friday"), past-tense verbs after a fronted date
_PLANNED = {"planned", "expected", "intended", "promised", "vowed", "hoped", "aimed"}
# ... unless an auxiliary or an infinitive marker makes them a participle or a passive
_PLAN_AUX = {"is", "are", "be", "being", "been", "was", "were", "to", "had", "has", "have"}
# reporting verbs tell when something was said, not when the reported event happens
_REPORTING = {"said", "told", "announced", "reported", "according", "added", "says", "say"}
# "until Thursday" sets a deadline (future) unless the clause is in the pluperfect:
# "Until Thursday, they had not called him a suspect."
_UNTIL = {"until", "till"}


def _cue(word: str, before: str = "", after: str = "") -> str | None:
    w = word.lower()
    a = after.lower()
    if w == "next" and a == "to":
        return None  # "next to the embassy": a place, not a time to come
    if w in ("was", "were") and a == "about":
        return "past"  # "as he was about to be deported": imminent then, told in the past
    if w in _AUX and a in _PROSPECTIVE:
        return "future"
    if w in ("is", "are") and a == "to":
        return "future"  # "is to resume trading on Tuesday"
    if before.lower() in ("been", "had") and w in _PROSPECTIVE:
        return "past"  # "had been scheduled to expire Friday": a plan of the past
    if w in ("set", "plan") and a in ("for", "to"):
        return "future"  # "a summit set for April", "they plan to meet"
    if _FUTURE.match(word):
        return "future"
    if before.lower() in _PARTICIPLE_AUX:
        return None  # "would be held", "to be signed": a participle, not a past tense
    if _PAST.match(word):
        return "past"
    if len(w) >= 5 and w.endswith("ed") and w not in _NOT_PAST_ED and not w.startswith("un"):
        return "past"
    return None


def _is_name(w: str) -> bool:
    """A mid-sentence capitalized word that is not a tense word: part of a name."""
    return w[:1].isupper() and not (_FUTURE.match(w) or _PAST.match(w) or w.lower() in _AUX)


def _scan(toks: list[str], window: int, cased: bool):
    """Yield ``(distance, word, word before, word after)`` in reading-order neighbours;
    names ("the National Abortion Rights Action League plans") do not count towards the
    distance, so the verb after a long name stays within reach."""
    dist = 0
    for i, w in enumerate(toks):
        if dist >= window:
            return
        if cased and _is_name(w):
            continue
        yield dist, w, toks[i - 1] if i > 0 else "", toks[i + 1] if i + 1 < len(toks) else ""
        dist += 1


#: at most this many words before an expression that opens its sentence ("In", "Early
#: in"), and how far on the main verb is looked for
_FRONTED = 2
_FRONTED_WINDOW = 30


def tense_at(
    ctx: _Ctx, start: int, end: int, *, window: int = 8, left_only: bool = False
) -> str | None:
    """Guess whether the clause around ``[start, end)`` talks about the past or the future.

    The nearest tense cue (a modal, an auxiliary, a past-tense verb) within ``window``
    tokens wins; words on the left count slightly more than words on the right.  A
    reporting verb on the right ("..., he said") counts only when nothing else does;
    "until" announces a deadline unless the clause is in the pluperfect.
    """
    s0, s1 = _sentence_span(ctx, start, end)
    # only a bounded stretch of the sentence is read, so a long sentence full of dates
    # costs linear, not quadratic, time
    s0, s1 = max(s0, start - _CONTEXT_CHARS), min(s1, end + _CONTEXT_CHARS)
    left_all = _TOKEN.findall(ctx.text[s0:start])
    right_all = [] if left_only else _TOKEN.findall(ctx.text[end:s1])
    if left_all and left_all[-1].lower() in _UNTIL:
        clause = [w.lower() for w in left_all[-window:] + right_all[:window]]
        return "past" if "had" in clause else "future"
    best: tuple[float, str] | None = None
    fallback: str | None = None
    # the left context is read backwards: "before" is the word after in reading order
    rev = left_all[::-1]
    for dist, w, nxt, prv in _scan(rev, window, ctx.cased):
        c = _cue(w, prv, nxt)
        if c:
            best = (dist, c)
            break
    for dist, w, prv, nxt in _scan(right_all, window, ctx.cased):
        c = _cue(w, prv, nxt)
        if c == "future" and w.lower() in _PLANNED and prv.lower() not in _PLAN_AUX:
            # "On Friday, the government planned ...": the plan was made then; only a
            # plan told before the date ("planned to meet on Friday") points forward
            c = "past"
        elif c == "future" and w.lower() in ("was", "were") and nxt.lower() in _PLANNED:
            c = "past"
        if c:
            if w.lower() in _REPORTING:
                fallback = c
            elif best is None or dist + 1.5 < best[0]:
                best = (dist + 1.5, c)
            break
    if best is None and fallback is None and len(left_all) <= _FRONTED and not left_only:
        # a fronted adjunct ("In January, a week after the anniversary of the ruling, a
        # bomb killed a guard"): its tense is the main clause's, whose verb may come after
        # a long apposition
        for _dist, w, prv, nxt in _scan(right_all[window:], _FRONTED_WINDOW, ctx.cased):
            c = _cue(w, prv, nxt)
            if c:
                return c
    if best is None:
        return fallback
    return best[1]


# --------------------------------------------------------------------------- helpers
def _month_num(word: str) -> int:
    return lx.MONTHS[word.lower().rstrip(".")]


def _is_capitalized(ctx: _Ctx, word: str) -> bool:
    return not ctx.cased or word[:1].isupper()


def _prev_word(ctx: _Ctx, start: int) -> str:
    m = re.search(r"([A-Za-z']+)\W*$", ctx.text[max(0, start - 30) : start])
    return m[1].lower() if m else ""


_DETERMINERS = {
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
}
_TEMPORAL_PREP = {
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
}


def _resolve_month_year(anchor: date, month: int, tense: str | None) -> int:
    y = anchor.year
    if month == anchor.month:
        return y
    if tense == "past":
        return y if month < anchor.month else y - 1
    if tense == "future":
        return y if month > anchor.month else y + 1
    fwd = (month - anchor.month) % 12
    if fwd < 6:
        return y if month > anchor.month else y + 1
    return y if month < anchor.month else y - 1


def _resolve_day(anchor: date, month: int, day: int, tense: str | None) -> date | None:
    cands = [
        date(y, month, day)
        for y in (anchor.year - 1, anchor.year, anchor.year + 1)
        if is_valid_date(y, month, day)
    ]
    if not cands:
        return None
    if tense == "past":
        past = [c for c in cands if c <= anchor]
        if past and (anchor - max(past)).days < 330:
            return max(past)
    if tense == "future":
        fut = [c for c in cands if c >= anchor]
        if fut and (min(fut) - anchor).days < 330:
            return min(fut)
    return min(cands, key=lambda c: (abs((c - anchor).days), c > anchor))


def _resolve_weekday(anchor: date, wd: int, rel: str | None, tense: str | None) -> date:
    diff_back = (anchor.weekday() - wd) % 7
    diff_fwd = (wd - anchor.weekday()) % 7
    if rel in ("next", "coming", "this coming"):
        return anchor + timedelta(days=diff_fwd or 7)
    if rel in ("last", "past", "this past"):
        return anchor - timedelta(days=diff_back or 7)
    if diff_back == 0:
        return anchor
    if rel == "this":
        return (
            anchor + timedelta(days=diff_fwd)
            if tense != "past"
            else anchor - timedelta(days=diff_back)
        )
    if tense == "future":
        return anchor + timedelta(days=diff_fwd)
    return anchor - timedelta(days=diff_back)


def _dur_value(n: float | None, unit_word: str) -> str:
    letter, mult, is_time = lx.UNITS[lx.unit_key(unit_word)]
    prefix = "PT" if is_time else "P"
    if n is None:
        return f"{prefix}X{letter}"
    n = n * mult
    if n != int(n):  # 2.5 years -> P2Y6M, 1.5 hours -> PT1H30M, 2.5 days -> P2DT12H
        whole, frac = int(n), n - int(n)
        smaller = {
            "Y": ("M", 12),
            "M": ("D", 30),
            "W": ("D", 7),
            "D": ("H", 24),
            "H": ("M", 60),
            "S": ("S", 1),
        }
        if is_time and letter == "M":
            sl, k = "S", 60
        else:
            sl, k = smaller[letter]
        rest = round(frac * k)
        head = f"{whole}{letter}" if whole else ""
        if letter == "D":
            return f"P{head}T{rest}H"
        return f"{prefix}{head}{rest}{sl}"
    return f"{prefix}{int(n)}{letter}"


def _duration_delta(value: str) -> pd.DateOffset | None:
    m = re.fullmatch(r"P(?:T)?(\d+)([YMWDHS])", value)
    if not m:
        return None
    n, u = int(m[1]), m[2]
    is_time = value.startswith("PT")
    if is_time:
        return pd.DateOffset(**{{"H": "hours", "M": "minutes", "S": "seconds"}[u]: n})
    return pd.DateOffset(**{{"Y": "years", "M": "months", "W": "weeks", "D": "days"}[u]: n})


class _Block:
    """Returned by a rule to veto its span: no shorter reading inside it is tried."""


_BLOCK = _Block()


def _reject(ctx: _Ctx, m: re.Match, why: str) -> _Block:
    _log.debug("rejected %r at %d: %s", m.group(0), m.start(), why)
    return _BLOCK


def _no_anchor(ctx: _Ctx, placeholder: str, typ: str = "DATE") -> _Res:
    return _Res(typ, placeholder, reason=NO_ANCHOR)


# --------------------------------------------------------------------------- rules
Rule = tuple[str, re.Pattern[str], "object"]
RULES: list[Rule] = []


def rule(name: str, pattern: str):
    def deco(fn):
        RULES.append((name, _c(r"(?<![\w'])" + pattern), fn))
        return fn

    return deco


_OPENERS = ("", ".", "!", "?", ":", ";", "\n", '"', "“", "'", "`", "(")
_PREV_CAPITALIZED = re.compile(r"(?P<before>.?)\s*\b[A-Z][A-Za-z]*[ \t]+$", re.DOTALL)


def _in_title(ctx: _Ctx, start: int, word: str) -> bool:
    """A capitalized word right after another capitalized word in mid-sentence is part of a
    name or title ("USA Today", "This is VOA Today")."""
    if not ctx.cased or not word[:1].isupper():
        return False
    m = _PREV_CAPITALIZED.search(ctx.text, max(0, start - 40), start)
    # the capitalized word in front must not itself open a sentence or a quotation
    return m is not None and m["before"] not in _OPENERS


def _month_ok(ctx: _Ctx, word: str, start: int, has_day_or_year: bool) -> bool:
    if not _is_capitalized(ctx, word):
        return False
    key = word.lower().rstrip(".")
    if key in lx.AMBIGUOUS_MONTHS and not has_day_or_year:
        after = ctx.text[start + len(word) : start + len(word) + 30]
        # "Jan Kavan", "the March of the Mothers": a name, not a month
        if re.match(r"\s+(?:[A-Z][a-z]|of\s+(?!\d|this|last|next|that))", after):
            return False
        return _prev_word(ctx, start) in _TEMPORAL_PREP
    return True


@rule(
    "date_mdy",
    rf"(?P<weekof>the\s+week\s+of\s+)?(?:(?P<rel>last|next|this|this\s+past|this\s+coming)\s+)?(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<m>{M})\s*(?P<d>{DAY})(?:,?\s*(?P<y>{YEARX})|(?P<yy>\s*'\d\d(?!\w)))?",
)
def _date_mdy(m: re.Match, ctx: _Ctx) -> _Res | None:
    res = _full_date(m, ctx)
    if isinstance(res, _Res) and m["weekof"] and re.match(r"\d{4}-\d\d-\d\d$", res.value):
        res.value = week_value(date.fromisoformat(res.value))
    return res


@rule(
    "date_dmy",
    rf"(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<m>{M})(?:,?\s*(?P<y>{YEARX}))?",
)
def _date_dmy(m: re.Match, ctx: _Ctx) -> _Res | None:
    return _full_date(m, ctx)


def _full_date(m: re.Match, ctx: _Ctx) -> _Res | None:
    mword = m["m"]
    has_year = bool(m["y"] or (m.groupdict().get("yy")))
    if not _month_ok(ctx, mword, m.start("m"), True):
        return None
    if mword.lower().rstrip(".") in lx.AMBIGUOUS_MONTHS and mword.lower() == "may" and not has_year:
        # "May 5" is a date, "may 5 people" is not: the month must be capitalized (checked)
        pass
    month = _month_num(mword)
    day = lx.parse_ordinal(re.sub(r"\s+", " ", m["d"]))
    if day is None:
        return None
    if m["wd"] and not _is_capitalized(ctx, m["wd"]):
        return None
    if has_year:
        year = lx.parse_year(m["y"]) if m["y"] else 1900 + int(m["yy"].strip()[1:])
        if m.groupdict().get("yy") and year < 1930:
            year += 100
        if not is_valid_date(year, month, day):
            return _reject(ctx, m, "impossible date")
        return _Res("DATE", f"{year:04d}-{month:02d}-{day:02d}")
    if not is_valid_date(2000, month, day):  # 2000 is a leap year: 29 Feb is possible
        return _reject(ctx, m, "impossible date")
    if ctx.anchor is None:
        return _no_anchor(ctx, f"XXXX-{month:02d}-{day:02d}")
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
                return _Res("DATE", day_value(date(y, month, day)))
    d = _resolve_day(ctx.anchor, month, day, tense)
    if d is None:
        return _reject(ctx, m, "impossible date")
    return _Res("DATE", day_value(d))


@rule("date_my", rf"(?P<m>{M})(?:\s+of|,)?\s+(?P<y>{YEARX})")
def _date_my(m: re.Match, ctx: _Ctx) -> _Res | None:
    if not _is_capitalized(ctx, m["m"]):
        return None
    return _Res("DATE", month_value(lx.parse_year(m["y"]), _month_num(m["m"])), extendable=True)


@rule(
    "date_iso",
    r"(?<![\d/.-])(?P<y>1\d\d\d|20\d\d)-(?P<mo>\d\d)-(?P<d>\d\d)(?:[T ](?P<h>\d\d):(?P<mi>\d\d)(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d-])",
)
def _date_iso(m: re.Match, ctx: _Ctx) -> _Res | None:
    y, mo, d = int(m["y"]), int(m["mo"]), int(m["d"])
    if not is_valid_date(y, mo, d):
        return None
    if m["h"] is not None:
        if int(m["h"]) > 23 or int(m["mi"]) > 59:
            return None
        return _Res("TIME", f"{y:04d}-{mo:02d}-{d:02d}T{m['h']}:{m['mi']}")
    return _Res("DATE", f"{y:04d}-{mo:02d}-{d:02d}")


@rule(
    "date_numeric",
    r"(?<![\d/.,:-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/.,:-]\d|\d)",
)
def _date_numeric(m: re.Match, ctx: _Ctx) -> _Res | None:
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
    return _Res("DATE", f"{y:04d}-{a:02d}-{b:02d}")


@rule(
    "month",
    rf"(?:(?P<rel>last|next|this\s+coming|this\s+past|this|coming|past|previous)\s+)?(?P<m>{M})(?:(?P<ofy>\s+of)?\s+(?P<yrel>last|next|this)\s+year|,?\s+(?P<ytag>(?:last|next|this)\s+year))?",
)
def _month(m: re.Match, ctx: _Ctx) -> _Res | None:
    word = m["m"]
    if not _month_ok(ctx, word, m.start("m"), bool(m["rel"] or m["yrel"])):
        return None
    if m["rel"] is None and word.lower() == "may":
        nxt = ctx.text[m.end() : m.end() + 12].lower()
        # "in May the ..." is a date, "may have" / "May I" is not
        if re.match(r"\s+(?:i|we|you|he|she|it|they|be|have|not|also|well|never)\b", nxt):
            return None
    month = _month_num(word)
    if ctx.anchor is None:
        return _no_anchor(ctx, f"XXXX-{month:02d}")
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
        y = _resolve_month_year(a, month, tense_at(ctx, m.start(), m.end()))
    return _Res("DATE", month_value(y, month), extendable=True)


_YEAR_BAD_NEXT = re.compile(
    r"\s*(?:%|percent|per\s|[-–]?\s*(?:shares|people|votes|units|points|tons|troops|men|women"
    r"|soldiers|cars|feet|meters|metres|miles|km|kilometers|dollars|euros|yen|pounds|barrels"
    r"|acres|hectares|members|students|workers|jobs|employees|homes|houses|deaths|cases"
    r"|rounds|calories|words|pages|copies|hp|mm|cc|kg|lbs?)\b)",
    _I,
)


@rule(
    "year",
    rf"(?<![\w$£€.,/:])(?<!\d-)(?:(?P<fy>fiscal(?:\s+year)?|FY|calendar(?:\s+year)?|the\s+year|model\s+year)\s*)?(?P<y>{YEAR})(?P<s>'s)?(?![\w%-]|\.\d|,\d)",
)
def _year(m: re.Match, ctx: _Ctx) -> _Res | None:
    y = int(m["y"])
    before = ctx.text[max(0, m.start() - 12) : m.start()]
    after = ctx.text[m.end() : m.end() + 40]
    if re.search(r"\d[\s,]*$", before) or re.match(r"[\s,]*\d", after):
        return None  # part of a list of numbers
    if _YEAR_BAD_NEXT.match(after) or re.search(r"[$£€#№]\s*$", before):
        return None
    if re.search(
        r"(?:No|no|number|Nos?\.|page|p\.|room|flight|route|article|section|tel\.?"
        r"|phone|ID|code|Highway|\bI-|vol\.?|chapter|model|version|type|class|size|"
        r"gate|apartment|suite|box|unit|seat|bus|train|line|channel|episode|"
        r"level|grade|row|lot|item|account|order)\s*$",
        before,
        _I,
    ):
        return None
    if not m["fy"]:
        prev = _prev_word(ctx, m.start())
        nxt = after[:1]
        # "a 2019 study", "the 1988 period" are fine; "2019 people" is filtered above
        if (
            prev not in _TEMPORAL_PREP
            and prev not in _DETERMINERS
            and not (nxt in "" or nxt in ".,;:)'\"”’!?—" or nxt == "\n")
            and not re.match(r"\s+(?:and|or|to|through|when|after|before|until)\b", after)
            and not re.match(r"\s+[a-z]", after)
        ):
            return None
    return _Res("DATE", f"{y:04d}", extendable=True)


@rule("spelled_year", rf"(?:the\s+year\s+)?(?P<y>{lx.SPELLED_YEAR_RE})")
def _spelled_year(m: re.Match, ctx: _Ctx) -> _Res | None:
    y = lx.parse_year(m["y"])
    if y is None or not (1800 <= y <= 2100):
        return None
    if y % 100 == 0 and not m.group(0).lower().startswith("the year") and y != 2000:
        return None
    if (
        y == 2000
        and not m.group(0).lower().startswith("the year")
        and _prev_word(ctx, m.start())
        not in ("in", "by", "since", "until", "of", "before", "after", "year")
    ):
        return None
    return _Res("DATE", f"{y:04d}", extendable=True)


@rule(
    "decade",
    r"(?:the\s+)?(?:(?P<y>1[0-9]\d0|20\d0)'?s|'(?P<yy>\d0)'?s|(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?!\w)",
)
def _decade(m: re.Match, ctx: _Ctx) -> _Res | None:
    if m["y"]:
        v = m["y"][:3]
    elif m["yy"]:
        v = "19" + m["yy"][0]
    else:
        if not m.group(0).lower().startswith("the"):
            return None
        v = f"19{lx.DECADE_WORDS[m['w'].lower()]}"
    return _Res("DATE", v, extendable=True)


@rule(
    "century",
    rf"(?:the\s+)?(?P<o>\d{{1,2}}(?:st|nd|rd|th)|{ORDW})[\s-]+century(?!\w)|(?P<rel>this|last|next|the\s+last|the\s+past|the\s+previous|the\s+next|the\s+current)\s+century",
)
def _century(m: re.Match, ctx: _Ctx) -> _Res | None:
    if m["o"]:
        n = lx.parse_ordinal(m["o"])
        if not n or n > 30:
            return None
        return _Res("DATE", f"{n - 1:02d}", extendable=True)
    rel = m["rel"].lower().split()[-1]
    if rel in ("past", "next") and m["rel"].lower().startswith("the"):
        return _Res("DURATION", "P100Y")
    if ctx.anchor is None:
        return _no_anchor(ctx, "XX")
    k = {"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1, "past": -1}[rel]
    return _Res("DATE", shift_value(ctx.anchor, "century", k), extendable=True)


@rule(
    "season",
    rf"(?:(?P<rel>this\s+past|this\s+coming|this|last|next|coming|past|the)\s+)?(?P<s>{lx.SEASON_RE})(?:(?:\s+of)?,?\s+(?P<y>{YEARX})|\s+(?P<yrel>last|next|this)\s+year)?",
)
def _season(m: re.Match, ctx: _Ctx) -> _Res | None:
    s = lx.SEASONS[m["s"].lower()]
    rel = (m["rel"] or "").lower()
    if not rel and not m["y"] and not m["yrel"]:
        prev = _prev_word(ctx, m.start())
        if prev not in (
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
        ):
            return None
    if (
        m["s"].lower() == "fall"
        and not m["y"]
        and rel in ("the", "")
        and (re.match(r"\s+of\s+(?!\d)", ctx.text[m.end() : m.end() + 8]) or rel == "")
    ):
        return None  # "the fall of Saigon", "prices fall"
    if m["y"]:
        return _Res("DATE", f"{lx.parse_year(m['y']):04d}-{s}", extendable=True)
    if ctx.anchor is None:
        return _no_anchor(ctx, f"XXXX-{s}")
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
        return _Res("DATE", f"{y:04d}-{s}", extendable=True)
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
    return _Res("DATE", f"{target[1]:04d}-{s}", extendable=True)


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
    rf"(?:(?P<y0>{YEAR})(?:'s)?\s+|(?P<yrel>this|last|next)\s+year's\s+)?(?:the\s+)?(?:(?P<y1>{YEAR})\s+)?(?:(?P<rel>latest|last|past|previous|this|current|next|coming|same|year-ago|year-earlier|prior-year|most\s+recent|recent|first|second|third|fourth|1st|2nd|3rd|4th|final)(?:[\s-]+(?:fiscal|calendar))?[\s-]+)?(?:fiscal[\s-]+)?(?P<q>quarter|period)(?!\w)(?:\s+(?:of|in|for)\s+(?:fiscal\s+)?(?P<y2>{YEAR})|,?\s+(?P<y3>{YEAR})|(?P<ago>\s+(?:a\s+year|one\s+year)\s+(?:ago|earlier)))?",
)
def _quarter(m: re.Match, ctx: _Ctx) -> _Res | None:
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
            return _Res("DATE", f"{year}-Q{q}", extendable=True)
        if ctx.anchor is None:
            return _no_anchor(ctx, f"XXXX-Q{q}")
        y = ctx.anchor.year
        # a quarter that has not begun yet is last year's unless the clause is about the future
        if q > quarter_of(ctx.anchor.month) and tense_at(ctx, m.start(), m.end()) != "future":
            y -= 1
        return _Res("DATE", f"{y:04d}-Q{q}", extendable=True)
    if year and rel not in ("year-ago", "year-earlier", "prior-year"):
        # "the 1988 quarter": the quarter under discussion, in that year
        if m["yrel"] and not is_period:
            return _Res(
                "DATE",
                f"{year}-Q{(ctx.last_quarter or shift_value(ctx.anchor, 'quarter', -1))[-1]}",
                sets_ref=False,
            )
        if ctx.last_quarter:
            return _Res("DATE", f"{year}-Q{ctx.last_quarter[-1]}", sets_ref=False)
        return _Res("DATE", f"{year}-QX")
    if ctx.anchor is None:
        return _no_anchor(ctx, "XXXX-QX")
    cur = shift_value(ctx.anchor, "quarter", 0)
    prev = shift_value(ctx.anchor, "quarter", -1)
    ref = ctx.last_quarter or prev
    if rel in ("year-ago", "year-earlier", "prior-year") or m["ago"]:
        y, q = ref.split("-Q")
        return _Res("DATE", f"{int(y) - 1:04d}-Q{q}", sets_ref=False)
    if rel in ("this", "current"):
        return _Res("DATE", cur, extendable=True)
    if rel in ("next", "coming"):
        return _Res("DATE", shift_value(ctx.anchor, "quarter", 1), extendable=True)
    if rel_kind == "prev" or rel in ("previous", "past"):
        return _Res("DATE", prev if ctx.last_quarter is None else ctx.last_quarter)
    if is_period and rel not in ("latest", "same"):
        return None
    # "the quarter", "the latest quarter": the quarter being reported, the last one mentioned
    return _Res("DATE", ref, extendable=True)


@rule(
    "half",
    rf"(?:the\s+)?(?P<o>first|second|last|latter|1st|2nd)[\s-]+half(?!\w)(?:\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>this|last|next|the)\s+year))?",
)
def _half(m: re.Match, ctx: _Ctx) -> _Res | None:
    h = 1 if m["o"].lower() in ("first", "1st") else 2
    if m["y"]:
        return _Res("DATE", f"{m['y']}-H{h}")
    after = ctx.text[m.end() : m.end() + 6].lower()
    if not m["rel"] and (after.startswith(" of") or not re.match(r"[\s,.;]", after[:1] or ".")):
        return None
    if ctx.anchor is None:
        return _no_anchor(ctx, f"XXXX-H{h}")
    y = (
        ctx.anchor.year
        + {"this": 0, "the": 0, "last": -1, "next": 1, None: 0}[(m["rel"] or "").lower() or None]
    )
    if not m["rel"] and not m.group(0).lower().startswith("the"):
        return None
    return _Res("DATE", f"{y:04d}-H{h}")


@rule(
    "weekday",
    rf"(?:(?P<rel>last|next|this\s+coming|this\s+past|this|coming|past|the\s+previous|the\s+following|the\s+next|the\s+preceding)\s+)?(?P<wd>{WD})",
)
def _weekday(m: re.Match, ctx: _Ctx) -> _Res | None:
    if not _is_capitalized(ctx, m["wd"]):
        return None
    if m["wd"].lower() == "sun." and not ctx.text[m.end("wd") : m.end("wd") + 1].isspace():
        return None
    wd = lx.WEEKDAYS[m["wd"].lower().rstrip(".")]
    if ctx.anchor is None:
        return _no_anchor(ctx, f"XXXX-WXX-{wd + 1}")
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower()) or None
    if rel and rel.startswith("the "):  # relative to the last date mentioned
        base = ctx.last_day or ctx.anchor
        back = rel in ("the previous", "the preceding")
        return _Res(
            "DATE",
            day_value(_resolve_weekday(base, wd, "last" if back else "next", None)),
            extendable=True,
        )
    tense = tense_at(ctx, m.start(), m.end())
    if ctx.text[m.end() : m.end() + 2] in ("'s", "’s"):
        tense = "past"  # "Wednesday's ruling" reports something that happened
    elif re.search(
        r"\bas\s+(?:early|soon)\s+as\s+$|\bno\s+later\s+than\s+$",
        ctx.text[max(0, m.start() - 20) : m.start()],
        _I,
    ):
        tense = "future"
    d = _resolve_weekday(ctx.anchor, wd, rel, tense)
    return _Res("DATE", day_value(d), extendable=True)


@rule(
    "weekday_set",
    rf"(?:(?:every|each)\s+(?P<wd1>{WD})|(?<![\w'])(?P<wd2>Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays)(?!\w))",
)
def _weekday_set(m: re.Match, ctx: _Ctx) -> _Res | None:
    w = (m["wd1"] or m["wd2"]).lower().rstrip(".")
    w = w[:-1] if w.endswith("s") and w[:-1] in lx.WEEKDAYS else w
    return _Res("SET", f"XXXX-WXX-{lx.WEEKDAYS[w] + 1}")


@rule(
    "relday",
    r"(?P<w>today|yesterday|tomorrow|tonight|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?!\w)",
)
def _relday(m: re.Match, ctx: _Ctx) -> _Res | None:
    if _in_title(ctx, m.start(), m["w"]):
        return _reject(ctx, m, "part of a name or title")  # "USA Today", "VOA Today"
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
        return _no_anchor(ctx, "XXXX-XX-XX" + ("TNI" if w == "tonight" else ""))
    d = ctx.anchor + timedelta(days=k)
    if w == "tonight":
        return _Res("TIME", day_value(d) + "TNI")
    return _Res("DATE", day_value(d), extendable=True)


@rule(
    "anaphoric_day",
    r"(?P<w>the\s+(?:next|following|previous|preceding)\s+day|the\s+day\s+(?:before|after)(?=\s*[,.;])|(?:that|the)\s+(?:same\s+)?day(?=\s*[,.;]|\s+(?:as|when|in|at|on)\b)|that\s+same\s+day)",
)
def _anaphoric_day(m: re.Match, ctx: _Ctx) -> _Res | None:
    w = m["w"].lower()
    k = (
        1
        if ("next" in w or "following" in w or "after" in w)
        else (-1 if ("previous" in w or "preceding" in w or "before" in w) else 0)
    )
    if w.startswith("the day") and k == 0:
        return None
    base = ctx.last_day or ctx.anchor
    if base is None:
        return _no_anchor(ctx, "XXXX-XX-XX")
    res = _Res("DATE", day_value(base + timedelta(days=k)), extendable=True)
    if ctx.last_day is None:
        res.reason = "no earlier date in the text: resolved against the anchor"
    return res


@rule(
    "part_of_day",
    rf"(?:(?P<d>{WD}|today|yesterday|tomorrow|this|last|the\s+next|the\s+following|that|early|late|mid|in\s+the)[\s-]+)?(?P<p>morning|afternoon|evening|night|overnight)(?!\w)",
)
def _part_of_day(m: re.Match, ctx: _Ctx) -> _Res | None:
    p = lx.PARTS_OF_DAY[m["p"].lower()]
    d = (m["d"] or "").lower()
    d = re.sub(r"\s+", " ", d)
    if not d or d in ("early", "late", "mid", "in the"):
        return None  # "in the morning" is generic
    if ctx.anchor is None:
        return _no_anchor(ctx, f"XXXX-XX-XXT{p}", "TIME")
    a = ctx.anchor
    if d in ("this", "today"):
        day = a
    elif d == "last":
        day = a - timedelta(days=1) if p in ("NI", "EV") else a - timedelta(days=1)
    elif d == "yesterday":
        day = a - timedelta(days=1)
    elif d == "tomorrow":
        day = a + timedelta(days=1)
    elif d in ("the next", "the following"):
        day = (ctx.last_day or a) + timedelta(days=1)
    elif d == "that":
        day = ctx.last_day or a
    else:
        if not _is_capitalized(ctx, m["d"]):
            return None
        wd = lx.WEEKDAYS[d.rstrip(".")]
        day = _resolve_weekday(a, wd, None, tense_at(ctx, m.start(), m.end()))
    return _Res("TIME", f"{day_value(day)}T{p}", extendable=True)


@rule(
    "clock",
    rf"(?:(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>{AMPM})|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?![\d:])(?:\s*(?:hrs|hours|h)(?!\w))?|(?P<w>noon|midday|midnight)|(?P<hw>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{{1,2}})(?:\s+o'clock)?\s+in\s+the\s+(?P<pd>morning|afternoon|evening)|(?P<hw2>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{{1,2}})\s+o'clock){TZ}(?:,?\s+(?:on\s+)?(?P<dref>{WD}|today|yesterday|tomorrow|(?P<mm>{M})\s*(?P<md>{DAYN})))?",
)
def _clock(m: re.Match, ctx: _Ctx) -> _Res | None:
    if m["w"]:
        if (
            ctx.cased
            and m["w"][0].isupper()
            and re.search(r"[A-Z]\w*\s+$", ctx.text[max(0, m.start() - 20) : m.start()])
        ):
            return None  # "High Noon": a title, not a time
        if re.search(r"\bhigh\s+$", ctx.text[max(0, m.start() - 6) : m.start()], _I):
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
            prev = _prev_word(ctx, m.start())
            if prev not in ("at", "by", "until", "before", "after", "from", "to", "till"):
                return None
    hm = f"T{h:02d}:{mi:02d}"
    if ctx.anchor is None and not m["dref"]:
        return _no_anchor(ctx, "XXXX-XX-XX" + hm, "TIME")
    day = ctx.last_day or ctx.anchor
    if m["dref"]:
        dref = m["dref"].lower()
        if m["mm"]:
            mo, dd = _month_num(m["mm"]), int(re.sub(r"\D", "", m["md"]))
            if ctx.anchor is None:
                return _no_anchor(ctx, f"XXXX-{mo:02d}-{dd:02d}{hm}", "TIME")
            day = _resolve_day(ctx.anchor, mo, dd, tense_at(ctx, m.start(), m.end()))
        elif ctx.anchor is None:
            return _no_anchor(ctx, "XXXX-XX-XX" + hm, "TIME")
        elif dref in ("today", "yesterday", "tomorrow"):
            day = ctx.anchor + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[dref])
        else:
            day = _resolve_weekday(
                ctx.anchor, lx.WEEKDAYS[dref.rstrip(".")], None, tense_at(ctx, m.start(), m.end())
            )
    if day is None:
        return None
    return _Res("TIME", day_value(day) + hm)


@rule(
    "relunit",
    rf"(?P<rel>this|last|next|past|previous|coming|current|following|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|the\s+following|the\s+current|the\s+same|that|the|the\s+latest|the\s+full|the\s+whole|the\s+entire|the\s+new)\s+(?P<fy>(?:fiscal|financial|calendar|model|academic|school)\s+)?(?P<u>week|weekend|month|year|decade|fortnight)(?!\w)(?!\s+of\s+(?:{M}|\d|the\b|this\b|that\b)|\s+and\s+a\s+half\b|\s+\d)(?P<of>(?=\s+of\b))?(?!-)(?P<orso>\s+or\s+so)?(?P<ended>\s+(?:ended|ending|that\s+ended|which\s+ended))?",
)
def _relunit(m: re.Match, ctx: _Ctx) -> _Res | None:
    if ctx.cased and re.fullmatch(r"[A-Z][a-z]+", m["u"]):
        return _reject(ctx, m, "title-case unit: a name")  # ABC's "This Week"
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    u = m["u"].lower()
    if m["of"] is not None and rel not in ("this", "last", "next"):
        return None  # "the week of the attack" is anaphoric; "bombings this month of ..." is not
    if m["ended"]:
        # "the year ended Aug. 31": a fiscal period, a duration of one unit
        return _Res("DURATION", _dur_value(1, u), end=m.start("ended"))
    if rel in ("the full", "the whole", "the entire"):
        if u != "year":
            return _Res("DURATION", _dur_value(1, u))
        rel = "the"
    if rel == "the new":
        rel = "next" if u == "year" else "the"
    if rel == "the latest":
        rel = "last" if m["fy"] else "this"
    if u == "fortnight":
        if rel.startswith("the "):
            return _Res("DURATION", "P2W")
        u = "week"
    after = ctx.text[m.end() : m.end() + 12]
    if rel == "the" and u in ("decade",):
        return None
    if rel in ("the past", "the last", "the next", "the coming"):
        if u == "weekend":
            rel = rel.split()[1]
        else:
            return _Res("DURATION", _dur_value(1, u))
    if rel in ("past", "coming") and u != "weekend":
        return _Res("DURATION", _dur_value(1, u))
    if (
        rel == "the"
        and re.match(r"'s|\s+(?:before|after|earlier|later|ago)\b", after)
        and u != "year"
    ):
        return None
    if ctx.anchor is None:
        placeholder = {
            "week": "XXXX-WXX",
            "weekend": "XXXX-WXX-WE",
            "month": "XXXX-XX",
            "year": "XXXX",
            "decade": "XXX",
        }[u]
        return _no_anchor(ctx, placeholder)
    anaphoric = rel in (
        "the previous",
        "the following",
        "previous",
        "following",
        "that",
        "the same",
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
        "past": -1,
        "coming": 1,
    }[rel]
    base = ctx.anchor
    if anaphoric:
        if u in ("day", "week", "weekend") and ctx.last_day:
            base = ctx.last_day
        elif u == "month" and ctx.last_month:
            base = date(*ctx.last_month, 1)
        elif u == "year" and ctx.last_year or u == "decade" and ctx.last_year:
            base = date(ctx.last_year, 1, 1)
    if u == "weekend":
        if k == 0 and rel in ("the", "this"):
            tense = tense_at(ctx, m.start(), m.end())
            wd = base.weekday()
            if wd < 5 and tense != "future" and rel == "the" or wd < 5 and tense == "past":
                k = -1
        return _Res("DATE", shift_value(base, "weekend", k), extendable=True)
    if (
        u == "year"
        and rel == "last"
        and ctx.last_quarter
        and re.search(
            r"\b(?:compared\s+with|from|than|versus|vs\.?)\b[^.;]{0,40}$",
            ctx.text[max(0, m.start() - 50) : m.start()],
            _I,
        )
    ):
        # "a loss of $3 million last year" after a quarterly figure: last year's quarter
        y, q = ctx.last_quarter.split("-Q")
        return _Res("DATE", f"{int(y) - 1:04d}-Q{q}", sets_ref=False)
    return _Res("DATE", shift_value(base, u, k), extendable=True)


@rule(
    "year_end",
    r"(?P<w>(?:around\s+)?year[\s-]end|year's\s+end|the\s+end\s+of\s+the\s+year|end\s+of\s+year|year-ago|year-earlier|the\s+turn\s+of\s+the\s+century|the\s+turn\s+of\s+the\s+year|(?P<ym>year|month)-to-date)(?!\w)",
)
def _year_end(m: re.Match, ctx: _Ctx) -> _Res | None:
    w = m["w"].lower()
    if ctx.anchor is None:
        return _no_anchor(ctx, "XXXX")
    a = ctx.anchor
    if w in ("year-ago", "year-earlier"):
        if ctx.last_quarter:
            y, q = ctx.last_quarter.split("-Q")
            return _Res("DATE", f"{int(y) - 1:04d}-Q{q}", sets_ref=False)
        return _Res("DATE", f"{a.year - 1:04d}", sets_ref=False)
    if "century" in w:
        return _Res("DATE", f"{(a.year + 50) // 100 * 100:04d}"[:3], mod="APPROX")
    if "to-date" in w:
        return _Res("DURATION", "P1Y" if m["ym"].lower() == "year" else "P1M")
    if "turn of the year" in w:
        return _Res("DATE", f"{a.year:04d}", mod="START")
    return _Res("DATE", f"{a.year:04d}", mod="END")


_AGO_DIRS = r"ago|earlier|before|later|after|from\s+now|hence|back|since|prior"


@rule(
    "offset", rf"(?P<n>{NUM}|a|an)[\s-]+(?P<u>{UNIT})(?:\s+or\s+so)?\s+(?P<dir>{_AGO_DIRS})(?!\w)"
)
def _offset(m: re.Match, ctx: _Ctx) -> _Res | None:
    d = re.sub(r"\s+", " ", m["dir"].lower())
    if d in ("before", "after", "since", "prior"):
        # "two days before the vote": the duration is the expression, the rest is a signal
        return _as_duration(m, ctx, end=m.start("dir"))
    n = lx.parse_number(m["n"])
    ukey = lx.unit_key(m["u"])
    letter, mult, is_time = lx.UNITS[ukey]
    sign = 1 if d in ("later", "from now", "hence") else -1
    if d == "later":
        return _as_duration(m, ctx, end=m.start("dir"))
    if n is None:
        return _Res("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if ctx.anchor is None:
        return _no_anchor(ctx, "PAST_REF" if sign < 0 else "FUTURE_REF")
    a = ctx.anchor
    base = a
    if d == "earlier" and ctx.last_day and not is_time:
        base = ctx.last_day
    if is_time:
        return _Res("DATE", day_value(a), reason="hours from the anchor: day only")
    n_units = n * mult
    if letter == "D":
        if n_units != int(n_units):
            return None
        return _Res("DATE", day_value(base + timedelta(days=sign * int(n_units))))
    if letter == "W":
        return _Res("DATE", week_value(base + timedelta(weeks=sign * n_units)))
    if letter == "M":
        if mult == 3 and ctx.last_quarter:  # quarters
            y, q = ctx.last_quarter.split("-Q")
            k = int(y) * 4 + int(q) - 1 + sign * int(n)
            return _Res("DATE", f"{k // 4:04d}-Q{k % 4 + 1}", sets_ref=False)
        y, mo = add_months(base.year, base.month, sign * int(n_units))
        return _Res("DATE", month_value(y, mo))
    years = sign * int(n_units)
    if ukey == "year" and n == 1 and ctx.last_quarter and d in ("ago", "earlier"):
        y, q = ctx.last_quarter.split("-Q")
        return _Res("DATE", f"{int(y) - 1:04d}-Q{q}", sets_ref=False)
    if mult >= 10 and n_units >= 10:
        return _Res("DATE", f"{base.year + years:04d}", mod="APPROX")
    return _Res("DATE", f"{base.year + years:04d}")


@rule(
    "vague_offset",
    r"(?P<u>days|weeks|months|years|decades|moments|hours|minutes|centuries)\s+(?P<dir>ago|earlier|later|before|after|from\s+now)(?!\w)",
)
def _vague_offset(m: re.Match, ctx: _Ctx) -> _Res | None:
    d = m["dir"].lower()
    if d in ("before", "after", "later"):
        if lx.unit_key(m["u"]) not in lx.UNITS:
            # "moments later": no calendar unit, so no TIMEX3 duration to give
            return None
        return _Res("DURATION", _dur_value(None, m["u"]), end=m.start("dir"))
    return _Res("DATE", "PAST_REF" if d in ("ago", "earlier") else "FUTURE_REF")


def _as_duration(m: re.Match, ctx: _Ctx, end: int | None = None) -> _Res | None:
    n = lx.parse_number(m["n"])
    text = ctx.text[m.start() : end if end is not None else m.end()].rstrip()
    return _Res("DURATION", _dur_value(n, m["u"]), end=m.start() + len(text))


@rule("in_offset", rf"(?P<n>{NUM})[\s-]+(?P<u>{UNIT})(?:'s?\s+time)?(?!\w)")
def _in_offset(m: re.Match, ctx: _Ctx) -> _Res | None:
    """'in two weeks' (future): a date two weeks from the anchor; otherwise a duration."""
    prev = _prev_word(ctx, m.start())
    n = lx.parse_number(m["n"])
    tense = tense_at(ctx, m.start(), m.end())
    nxt = ctx.text[m.end() : m.end() + 10]
    if prev != "in" or n is None or tense != "future" or re.match(r"\s*(?:of|ago|old)\b", nxt):
        return None  # the duration rule reads it
    if ctx.anchor is None:
        return _no_anchor(ctx, "FUTURE_REF")
    letter, mult, is_time = lx.UNITS[lx.unit_key(m["u"])]
    if is_time or n != int(n):
        return None
    a = ctx.anchor
    k = int(n * mult)
    if letter == "D":
        return _Res("DATE", day_value(a + timedelta(days=k)))
    if letter == "W":
        return _Res("DATE", week_value(a + timedelta(weeks=k)))
    if letter == "M":
        return _Res("DATE", month_value(*add_months(a.year, a.month, k)))
    return _Res("DATE", f"{a.year + k:04d}")


@rule(
    "duration",
    rf"(?:(?P<the>the|these|those|its|their|his|her|a|an)\s+)?(?:(?P<rel>first|last|past|next|previous|coming|following|latest|final|remaining|initial|same|recent|entire|full|whole|additional|another|further|other)\s+)?(?P<n>{NUM})(?:\s+(?:to|or)\s+(?P<n2>{NUM}))?(?:[\s-]+(?:more|additional|extra|further))?[\s-]+(?P<u>{UNIT})(?P<half>\s+and\s+a\s+half)?(?P<adj>-(?:long|old))?(?!-old)(?P<orso>\s+or\s+(?:so|more|two|three|less))?(?P<noun>\s+(?:period|span|stretch|term|interval|time\s+span|time\s+frame|timeframe|window))?",
)
def _duration(m: re.Match, ctx: _Ctx) -> _Res | None:
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
        raw_n in ("a", "an", "per")
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
        return _Res("SET", _dur_value(1, m["u"]))
    start = m.start()
    if the in ("a", "an") and not rel:
        if raw_n.startswith("couple") or raw_n == "few":
            start = m.start()  # "a couple of years", "a few days"
        elif m["noun"]:
            start = m.start()  # "a three-year period"
        else:
            start = m.start("n")  # "a two-year term": the article belongs to the noun
    if the and not rel and the not in ("the",):
        start = m.start("n")
    if raw_n.startswith("a") and raw_n in ("a", "an") and rel:
        return None
    if rel in (
        "first",
        "initial",
        "last",
        "final",
        "past",
        "next",
        "previous",
        "coming",
        "following",
        "latest",
        "remaining",
        "recent",
        "same",
        "entire",
        "full",
        "whole",
    ):
        if rel in ("first",) and n is not None and n == 1 and raw_n in ("a", "an"):
            return None
    elif rel in ("additional", "another", "further", "other"):
        start = m.start()
    if m["the"] and the in ("its", "their", "his", "her", "these", "those"):
        start = m.start("rel") if m["rel"] else m.start("n")
    if rel == "" and the == "the" and n is None and raw_n in ("many", "some", "few"):
        return None
    if raw_n == "a few" or n is None:
        pass
    mod = "APPROX" if m["orso"] else None
    return _Res("DURATION", _dur_value(n, m["u"]), start=start, mod=mod)


_THE_UNITS = re.compile(r"\b(?P<p>over|throughout|through|during|in)\s+(?P<the>the)\s+$", _I)
_FOLLOWED = re.compile(r"\s+(?:that\s+followed|which\s+followed|since|to\s+come|ahead)\b", _I)


@rule(
    "vague_duration",
    r"(?P<pre>(?:in\s+|over\s+|for\s+|within\s+)?(?:the\s+)?(?P<rel>recent|coming|past|last|next|few|several|many|upcoming)\s+)?(?P<u>seconds|minutes|hours|days|weeks|months|years|decades|centuries)(?!\w)",
)
def _vague_duration(m: re.Match, ctx: _Ctx) -> _Res | None:
    rel = (m["rel"] or "").lower()
    start = m.start("rel") if m["rel"] else m.start("u")
    pre = (m["pre"] or "").lower()
    if "the " in pre:
        start = m.start() + pre.index("the ")
    if not rel:
        prev = _prev_word(ctx, m.start("u"))
        the = _THE_UNITS.search(ctx.text, max(0, m.start("u") - 30), m.start("u"))
        if prev == "the" and the is not None:
            # "over the years", "in the decades that followed": a vague span of time
            nxt = ctx.text[m.end() : m.end() + 16]
            if the["p"].lower() != "in" or _FOLLOWED.match(nxt):
                return _Res("DURATION", _dur_value(None, m["u"]), start=the.start("the"))
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
    return _Res("DURATION", _dur_value(None, m["u"]), start=start)


@rule(
    "unit_long",
    r"(?P<u>(?:second|minute|hour|day|week|month|year|decade|centurie|century)s?)-long(?!\w)",
)
def _unit_long(m: re.Match, ctx: _Ctx) -> _Res | None:
    """ "a day-long meeting" (P1D), "a decades-long battle" (PXY): a duration adjective."""
    u = m["u"].lower()
    if u.endswith("s"):
        return _Res("DURATION", _dur_value(None, u))
    return _Res("DURATION", _dur_value(1, u))


@rule(
    "ref",
    r"(?P<w>right\s+now|now|currently|current|presently|nowadays|at\s+present|the\s+present(?:\s+(?:time|day))?|these\s+days|recently|recent|lately|the\s+past|the\s+future|soon|someday|some\s+day|a\s+later\s+date|the\s+time\s+being|(?:the\s+)?(?:near|foreseeable|distant|immediate)\s+future|the\s+(?:near|short|long|medium)[\s-]term|as\s+soon\s+as\s+possible|in\s+past\s+(?:years|decades|months|weeks)|the\s+(?:days|weeks|months|years|decades)\s+ahead|the\s+year\s+ahead)(?!\w)",
)
def _ref(m: re.Match, ctx: _Ctx) -> _Res | None:
    w = re.sub(r"\s+", " ", m["w"].lower())
    after = ctx.text[m.end() : m.end() + 12]
    prev = _prev_word(ctx, m.start())
    if w in ("once", "former"):
        return None
    if w == "today's":
        return None
    if w in ("earlier", "later"):
        # only the sentence-initial adverb "Earlier, ..." is a timex (PAST_REF)
        if not (
            re.match(r"\s*[,.]", after)
            and re.search(r"(?:^|[.!?\n]\s*)$", ctx.text[: m.start()][-3:] or "\n")
        ):
            return None
        return _Res("DATE", "PAST_REF" if w == "earlier" else "FUTURE_REF")
    if w == "the moment" and prev not in ("at", "for"):
        return None
    if w == "this time" and prev not in ("at", "by"):
        return None
    if w == "soon" and re.match(r"\s+(?:after|afterwards|as|thereafter)\b", after):
        return None
    if w == "soon" and tense_at(ctx, m.start(), m.end(), window=2) == "past":
        return None  # "He was soon released", "cash that soon became a flood": no reference
    if re.fullmatch(r"the (?:near|short|long|medium)-term", w) and not re.match(
        r"\s*[,.;:)]|\s*$", after
    ):
        return None  # "the long-term partnership": an adjective, not a time
    if w == "shortly":
        if re.match(r"\s+(?:after|before|afterwards|thereafter)\b", after):
            return None
        return _Res("DATE", "FUTURE_REF")
    if w == "future" and re.match(r"\s+(?:of|tense)\b", after):
        return None
    if w in ("current", "recent") and re.match(r"\s+(?:account|accounts|affairs|events)\b", after):
        return None
    if w == "the past" and re.match(
        r"\s*(?:\d|few|several|two|three|four|five|six|seven|eight"
        r"|nine|ten|year|month|week|decade|day)",
        after,
        _I,
    ):
        return None
    if w in ("now",) and re.match(r"-", after):
        return None
    if w in (
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
        "the moment",
        "this time",
        "the time being",
    ):
        start = m.start() + (3 if w == "at present" else 0)
        return _Res("DATE", "PRESENT_REF", start=start)
    if w in ("recently", "recent", "lately", "the past"):
        return _Res("DATE", "PAST_REF")
    if w.startswith("in past"):
        return _Res("DATE", "PAST_REF", start=m.start() + 3)
    if w.endswith("ahead"):
        unit = w.split()[1]
        return _Res("DURATION", _dur_value(1 if unit == "year" else None, unit))
    return _Res("DATE", "FUTURE_REF")


@rule(
    "future_noun",
    r"(?:(?P<pos>\w+['’]s)\s+)?(?P<w>future)(?P<unit>\s+(?:days|weeks|months|quarters|years|decades))?(?!\w)",
)
def _future_noun(m: re.Match, ctx: _Ctx) -> _Res | None:
    """ "the boy's future", "in future quarters": a vague reference to the future (TimeML
    FUTURE_REF).  "the future" is read by the ``ref`` rule; "future earnings" (an adjective
    before a noun that is not a time unit) is not an expression."""
    if m["unit"]:
        return _Res("DATE", "FUTURE_REF", start=m.start("w"), end=m.end("w"))
    if not m["pos"] or not re.match(
        r"\s*(?:[,.;:!?)]|$)|\s+(?:of|in|is|was|will|would|and|or|as|at|away|remains?|lies?|looks?)\b",
        ctx.text[m.end() : m.end() + 12],
    ):
        return None
    return _Res("DATE", "FUTURE_REF", start=m.start("w"))


@rule("one_day", r"(?P<w>one\s+day|some\s+time|one\s+of\s+these\s+days)(?!\w)")
def _one_day(m: re.Match, ctx: _Ctx) -> _Res | None:
    tense = tense_at(ctx, m.start(), m.end())
    if m["w"].lower().startswith("one day") and tense == "future":
        return _Res("DATE", "FUTURE_REF")
    if m["w"].lower().startswith("one day"):
        return _Res("DURATION", "P1D")
    return None


_SET_WORDS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "yearly": "P1Y",
    "annually": "P1Y",
    "annual": "P1Y",
    "nightly": "P1D",
    "hourly": "PT1H",
    "quarterly": "P3M",
    "biweekly": "P2W",
    "biannually": "P6M",
    "semiannually": "P6M",
    "semiannual": "P6M",
    "bimonthly": "P2M",
}


#: "daily", "weekly" and "monthly" are also nouns: a newspaper or a magazine
_PERIODICALS = {"daily", "weekly", "monthly"}
_PERIODICAL_DET = {"a", "an", "the", "this", "that", "its", "their", "his", "her", "our"}
#: what follows a noun but not an adjective: punctuation, a possessive, a verb of saying
#: ("the daily said"), a preposition, conjunction or auxiliary ("by the daily on Friday")
_AFTER_PERIODICAL = re.compile(
    r"\s*(?:[,.;:)]|'s\b|’s\b|$)|\s+(?:said|says|reported|reports|quoted|quotes|wrote|writes"
    r"|published|publishes|carried|carries|cited|cites|added|adds|claimed|claims|revealed"
    r"|reveals|on|in|at|of|for|from|with|by|and|or|but|which|that|who|is|was|has|had)\b",
    _I,
)


def _is_periodical(ctx: _Ctx, start: int, end: int) -> bool:
    """Whether the frequency word at ``[start, end)`` names a newspaper or magazine: part of
    a name ("China Daily"), in apposition to one ("the Communist Party daily Granma", "a
    Kuwaiti daily, Al-Qabas"), or a noun after a determiner ("according to the daily.")."""
    text = ctx.text
    word = text[start:end]
    after = text[end : end + 40]
    before = text[max(0, start - 40) : start]
    pm = re.search(r"([A-Za-z][A-Za-z'-]*)\s+$", before)
    prev = pm[1] if pm else ""
    # the word before is no sentence opener ("Party daily", not "Kuwait. Daily flights")
    mid_sentence = pm is not None and not re.search(r"(?:^|[.!?:\"“]\s*)$", before[: pm.start()])
    nm = re.match(r"\s+([A-Za-z][\w'-]*)", after)
    nxt = nm[1] if nm else ""
    noun_next = _AFTER_PERIODICAL.match(after) is not None
    if ctx.cased:
        if word[:1].isupper() and (mid_sentence or nxt[:1].isupper()):
            return True  # "China Daily", "The Daily Telegraph"
        name_next = nxt[:1].isupper() and nxt.lower().rstrip(".") not in (
            *lx.WEEKDAYS,
            *lx.MONTHS,
        )
        capital_prev = mid_sentence and prev[:1].isupper()
        if name_next and (prev.lower() in _PERIODICAL_DET or capital_prev):
            return True  # "the daily Haaretz", "Communist Party daily Granma"
        if capital_prev and noun_next:
            return True  # "a Kuwaiti daily, Al-Qabas": a capitalized modifier, no noun after
    # "the daily said", "according to the daily.", "by the daily on Friday"
    return prev.lower() in _PERIODICAL_DET and noun_next


@rule(
    "set",
    rf"(?:(?P<every>every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<n>{NUM})\s+)?(?P<u>{UNIT}|morning|afternoon|evening|night|weekend|summer|winter|spring|autumn|fall|(?P<m>{M}))|(?P<per>per)\s+(?P<u2>{UNIT})|(?P<w>daily|weekly|monthly|yearly|annually|nightly|hourly|biweekly|biannually|semiannually|bimonthly))(?!\w)",
)
def _set(m: re.Match, ctx: _Ctx) -> _Res | None:
    if m["w"]:
        w = m["w"].lower()
        if w in _PERIODICALS and _is_periodical(ctx, m.start("w"), m.end("w")):
            return _reject(ctx, m, "a newspaper or magazine, not a frequency")
        if w in ("annual", "quarterly", "monthly", "weekly", "daily") and re.match(
            r"\s+(?:report|meeting|summit|conference|rate|basis|budget|income|revenue|sales|"
            r"earnings|profit|dividend|growth|newspaper|paper|magazine|review|session|average)",
            ctx.text[m.end() : m.end() + 14],
            _I,
        ):
            return _Res("SET", _SET_WORDS[w])
        return _Res("SET", _SET_WORDS[w])
    if m["per"]:
        return _Res("SET", _dur_value(1, m["u2"]))
    u = m["u"].lower()
    if m["m"]:
        if not _is_capitalized(ctx, m["m"]):
            return None
        return _Res("SET", f"XXXX-{_month_num(m['m']):02d}")
    if u in lx.SEASONS:
        return _Res("SET", f"XXXX-{lx.SEASONS[u]}")
    if u in lx.PARTS_OF_DAY:
        return _Res("SET", f"TXX{lx.PARTS_OF_DAY[u]}" if False else "P1D")
    if u == "weekend":
        return _Res("SET", "XXXX-WXX-WE")
    n = lx.parse_number(m["n"]) if m["n"] else 1
    if n is None:
        return None
    if m["other"]:
        n *= 2
    return _Res("SET", _dur_value(n, u))


@rule(
    "frequency",
    rf"(?P<f>once|twice|three\s+times|four\s+times|\d+\s+times|several\s+times)\s+(?:a|an|per|every|each)\s+(?P<u>{UNIT})",
)
def _frequency(m: re.Match, ctx: _Ctx) -> _Res | None:
    return _Res("SET", _dur_value(1, m["u"]))


def _thanksgiving(y: int) -> date:
    return nth_weekday(y, 11, 3, 4)


def _election_day(y: int) -> date:
    return nth_weekday(y, 11, 0, 1) + timedelta(days=1)


HOLIDAYS = {
    "christmas eve": lambda y: date(y, 12, 24),
    "christmas day": lambda y: date(y, 12, 25),
    "christmas": lambda y: date(y, 12, 25),
    "new year's eve": lambda y: date(y, 12, 31),
    "new year's day": lambda y: date(y, 1, 1),
    "thanksgiving day": _thanksgiving,
    "thanksgiving": _thanksgiving,
    "easter sunday": easter,
    "easter": easter,
    "good friday": lambda y: easter(y) - timedelta(days=2),
    "easter monday": lambda y: easter(y) + timedelta(days=1),
    "independence day": lambda y: date(y, 7, 4),
    "the fourth of july": lambda y: date(y, 7, 4),
    "fourth of july": lambda y: date(y, 7, 4),
    "halloween": lambda y: date(y, 10, 31),
    "valentine's day": lambda y: date(y, 2, 14),
    "election day": _election_day,
    "memorial day": lambda y: nth_weekday(y, 5, 0, -1),
    "labor day": lambda y: nth_weekday(y, 9, 0, 1),
    "veterans day": lambda y: date(y, 11, 11),
    "armistice day": lambda y: date(y, 11, 11),
    "boxing day": lambda y: date(y, 12, 26),
    "bastille day": lambda y: date(y, 7, 14),
    "victory day": lambda y: date(y, 5, 9),
    "martin luther king day": lambda y: nth_weekday(y, 1, 0, 3),
    "mother's day": lambda y: nth_weekday(y, 5, 6, 2),
    "father's day": lambda y: nth_weekday(y, 6, 6, 3),
}
#: holidays that last a week, given by a day inside it; the value is the ISO week.
#: "Holy Week" ends on Easter Sunday, and so does the ISO week (Monday to Sunday) that
#: holds it; news uses "Easter week" for the same days
WEEK_HOLIDAYS = {
    "holy week": easter,
    "easter week": easter,
}
_HOL_RE = "|".join(
    re.escape(k).replace(r"\ ", r"\s+").replace("'", "[’']?")
    for k in sorted([*HOLIDAYS, *WEEK_HOLIDAYS], key=len, reverse=True)
)


@rule("holiday", rf"(?:(?P<rel>last|next|this)\s+)?(?P<h>{_HOL_RE})(?:,?\s+(?P<y>{YEAR}))?(?!\w)")
def _holiday(m: re.Match, ctx: _Ctx) -> _Res | None:
    if ctx.cased and not m["h"][:1].isupper() and not m["h"].lower().startswith("the"):
        return None
    key = re.sub(r"\s+", " ", m["h"].lower()).replace("’", "'")
    week_fn = WEEK_HOLIDAYS.get(key)
    fn = week_fn or HOLIDAYS.get(key) or HOLIDAYS.get(key.replace("new years", "new year's"))
    if fn is None:
        return None

    def period(y: int) -> tuple[date, date]:
        """First and last day of the holiday in year ``y``."""
        d = fn(y)
        if week_fn is None:
            return d, d
        monday = d - timedelta(days=d.weekday())
        return monday, monday + timedelta(days=6)

    def value(first: date) -> str:
        return week_value(first) if week_fn else day_value(first)

    if m["y"]:
        return _Res("DATE", value(period(int(m["y"]))[0]))
    if ctx.anchor is None:
        return _no_anchor(ctx, "XXXX-WXX" if week_fn else "XXXX-XX-XX")
    a = ctx.anchor
    cands = [period(y) for y in (a.year - 1, a.year, a.year + 1)]
    rel = (m["rel"] or "").lower()
    if rel == "last":
        first = max(c for c in cands if c[1] < a)[0]
    elif rel == "next":
        first = min(c for c in cands if c[0] > a)[0]
    else:
        tense = tense_at(ctx, m.start(), m.end())
        if tense == "past":  # begun by the anchor: "as Easter week began"
            first = max(c for c in cands if c[0] <= a)[0]
        elif tense == "future":  # not over by the anchor
            first = min(c for c in cands if c[1] >= a)[0]
        else:
            first = min(
                cands, key=lambda c: 0 if c[0] <= a <= c[1] else min(abs((x - a).days) for x in c)
            )[0]
    return _Res("DATE", value(first))


# --------------------------------------------------------------------------- extensions
_MODPRE = re.compile(
    r"(?:(?P<the>the\s+)?(?P<very>very\s+)?(?P<w>early|earlier|late|later|mid|middle)[\s-]*"
    r"|(?:the\s+)?(?P<w2>end|beginning|start|middle|close|rest|remainder|turn|dawn|outset)"
    r"\s+of\s+"
    r"|the\s+(?P<w3>remaining|final|last|first|closing|opening)\s+(?:few\s+)?"
    r"(?:days|weeks|months|hours|part)\s+of\s+)$",
    _I,
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
    _I,
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
    _I,
)


def _extend(ctx: _Ctx, start: int, res: _Res) -> tuple[int, str | None, str | None]:
    """Look left of ``start`` for a modifier ('the end of', 'early') or an approximator."""
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
            if w in ("late", "early") and m["the"] is None and not res.value[:1].isdigit():
                return start, None, None
            return new_start, _MOD_OF.get(w), None
    if res.type == "DURATION":
        m = _APPROX.search(window)
        if m:
            w = re.sub(r"\s+", " ", m["w"].lower())
            new_start = start - (len(window) - m.start())
            if w in ("over", "under", "some", "only") and (
                res.value.startswith("PX")
                or re.match(r"(?:the|these|those|its|their)\b", ctx.text[start : start + 6], _I)
            ):
                return start, None, None  # "over the past year": a preposition
            return new_start, _APPROX_MOD.get(w), None
    return start, None, None


def _signal(ctx: _Ctx, start: int) -> str | None:
    m = _SIGNAL.search(ctx.text[max(0, start - 25) : start])
    return re.sub(r"\s+", " ", m["s"].lower()) if m else None


# --------------------------------------------------------------------------- intervals
def _interval_of_res(
    res: _Res, ctx: _Ctx, signal: str | None, special: str | None, start: int, end: int
) -> tuple[pd.Timestamp, pd.Timestamp, str, str | None]:
    a = ctx.anchor
    anchor_dt = datetime(a.year, a.month, a.day) if a else None
    reason = res.reason
    v = res.value
    if res.type == "DURATION":
        delta = _duration_delta(v)
        low = ctx.text[start:end].lower()
        if delta is None or anchor_dt is None:
            return pd.NaT, pd.NaT, "unknown", reason or "duration without an anchor"
        prec = (
            "time"
            if v.startswith("PT")
            else {"Y": "year", "M": "month", "W": "week", "D": "day"}[v[-1]]
        )
        a_ts = to_timestamp(anchor_dt)
        if re.match(r"(?:the\s+)?(?:next|coming|following|remaining)\b", low) or (
            signal in ("within", "in")
            and tense_at(ctx, start, end) == "future"
            and not re.match(r"(?:the\s+)?(?:past|last|previous|recent)\b", low)
        ):
            return a_ts, a_ts + delta, prec, reason
        if re.match(r"(?:the\s+)?(?:past|last|previous|recent)\b", low):
            return a_ts - delta, a_ts, prec, reason
        return pd.NaT, pd.NaT, "unknown", reason or "duration not anchored in time"
    if res.type == "SET":
        return pd.NaT, pd.NaT, "unknown", reason or "recurring set of times"
    if v == "PRESENT_REF":
        if anchor_dt is None:
            return pd.NaT, pd.NaT, "unknown", NO_ANCHOR
        t = to_timestamp(anchor_dt)
        return t, t + pd.Timedelta(days=1), "day", "vague present: the anchor day"
    if v == "PAST_REF":
        if anchor_dt is None:
            return pd.NaT, pd.NaT, "unknown", NO_ANCHOR
        t = to_timestamp(anchor_dt)
        low = ctx.text[start:end].lower()
        for unit, back, near in (
            ("day", pd.Timedelta(days=7), pd.Timedelta(days=1)),
            ("week", pd.Timedelta(weeks=8), pd.Timedelta(days=7)),
            ("month", pd.DateOffset(years=1), pd.DateOffset(months=1)),
        ):
            if unit in low:
                return (
                    t - back,
                    t - near + pd.Timedelta(days=1) if unit == "day" else (t - near),
                    unit,
                    f"vague: a few {unit}s before the anchor",
                )
        if "year" in low:
            return pd.NaT, t - pd.DateOffset(years=1), "year", "vague: years before the anchor"
        return pd.NaT, t, "unknown", "vague past: some time before the anchor"
    if v == "FUTURE_REF":
        if anchor_dt is None:
            return pd.NaT, pd.NaT, "unknown", NO_ANCHOR
        return to_timestamp(anchor_dt), pd.NaT, "unknown", "vague future: after the anchor"
    iv = interval_of(v, res.mod)
    if iv.begin is None and iv.end is None:
        return pd.NaT, pd.NaT, iv.precision, reason or iv.reason
    begin, stop = iv.begin, iv.end
    reason = reason or iv.reason
    if special in ("EARLIER", "LATER", "REST") and anchor_dt is not None:
        full = interval_of(v)
        if full.begin is not None and full.begin <= anchor_dt < full.end:
            if special == "EARLIER":
                begin, stop = full.begin, anchor_dt
            else:
                begin, stop = anchor_dt, full.end
        elif full.begin is not None:
            third = (full.end - full.begin) / 2
            begin, stop = (
                (full.begin, full.begin + third)
                if special == "EARLIER"
                else (full.end - third, full.end)
                if special == "LATER"
                else (full.begin, full.end)
            )
    if (
        signal in ("by", "before", "until", "till", "no later than", "prior to", "ahead of")
        and begin is not None
    ):
        full = interval_of(v)
        stop = full.end if (signal != "before" or res.mod == "END") else full.begin
        if (
            anchor_dt is not None
            and stop > anchor_dt
            and tense_at(ctx, start, end, left_only=True) != "past"
        ):
            begin = anchor_dt
            reason = f"'{signal}': from the anchor until the end of the period"
        else:
            begin = None
            reason = f"open start ('{signal}')"
    elif signal == "since" and begin is not None and anchor_dt is not None and begin < anchor_dt:
        stop = anchor_dt
        reason = "'since': from then until the anchor"
    elif signal == "after" and stop is not None and res.type == "DATE":
        begin, stop = stop, None
        reason = "open end ('after')"
    if not (in_ns_range(begin) and in_ns_range(stop)):
        return pd.NaT, pd.NaT, iv.precision, _OUT_OF_RANGE
    return to_timestamp(begin), to_timestamp(stop), iv.precision, reason


#: "the year 1000", "the past 500 years": valid TIMEX3 values whose interval lies beyond
#: the frames' nanosecond timestamps (pandas datetime64[ns]); the interval is left open.
_OUT_OF_RANGE = "interval outside the representable dates (1678-2261)"


def _interval(
    res: _Res, ctx: _Ctx, signal: str | None, special: str | None, start: int, end: int
) -> tuple[pd.Timestamp, pd.Timestamp, str, str | None]:
    try:
        begin, stop, precision, reason = _interval_of_res(res, ctx, signal, special, start, end)
    except (OverflowError, pd.errors.OutOfBoundsDatetime):
        return pd.NaT, pd.NaT, "unknown", _OUT_OF_RANGE
    for ts in (begin, stop):
        if not pd.isna(ts) and not in_ns_range(ts.to_pydatetime().replace(tzinfo=None)):
            return pd.NaT, pd.NaT, precision, _OUT_OF_RANGE
    return begin, stop, precision, reason


# --------------------------------------------------------------------------- driver
def _cased(text: str) -> bool:
    letters = list(filter(str.isalpha, text[:5000]))
    if not letters:
        return False
    upper = sum(map(str.isupper, letters))
    return 0.02 < upper / len(letters) < 0.6


# "fiscal fourth quarter", "the quarter ended Sept. 30": a company's fiscal period, whose
# calendar position cannot be told from its name; it is a reported (past) period
_FISCAL_PERIOD = re.compile(r"\bfiscal\b|\b(?:ended|ending)\s", _I)


def _update_refs(ctx: _Ctx, value: str, start: int = 0, end: int = 0) -> None:
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if m and is_valid_date(int(m[1]), int(m[2]), int(m[3])):
        ctx.last_day = date(int(m[1]), int(m[2]), int(m[3]))
        ctx.last_month = (int(m[1]), int(m[2]))
        ctx.last_year = int(m[1])
        return
    m = re.match(r"^(\d{4})-Q([1-4])$", value)
    if m:
        # only a reported quarter (over by the anchor, a fiscal period, or told in the past
        # tense) becomes the reference of "the latest quarter" and "a year ago": a forecast
        # for the running quarter ("will result in a fourth-quarter charge") is not the
        # period whose figures the article compares
        if (
            ctx.anchor is None
            or value < shift_value(ctx.anchor, "quarter", 0)
            or _FISCAL_PERIOD.search(ctx.text[max(0, start - 12) : end + 16])
            or tense_at(ctx, start, end) == "past"
        ):
            ctx.last_quarter = value
        ctx.last_year = int(m[1])
        return
    m = re.match(r"^(\d{4})-(\d{2})$", value)
    if m:
        ctx.last_month = (int(m[1]), int(m[2]))
        ctx.last_year = int(m[1])
        return
    if re.match(r"^\d{4}$", value):
        ctx.last_year = int(value)


def _to_date(anchor) -> date | None:
    if anchor is None or anchor is pd.NaT:
        return None
    if isinstance(anchor, str):
        if not anchor.strip():
            return None
        try:
            anchor = pd.Timestamp(anchor)
        except ValueError as exc:  # pandas' DateParseError is a ValueError
            raise ValueError(f"the anchor {anchor!r} is not a valid date ({exc})") from exc
        if anchor is pd.NaT:
            return None
    d = _to_date_inner(anchor)
    # relative arithmetic (weeks, quarters, "next year") must stay inside the calendar
    if d is not None and not (2 <= d.year <= 9997):
        _log.warning("anchor %s is outside the years 2-9997: relative dates stay unresolved", d)
        return None
    return d


def _to_date_inner(anchor) -> date | None:
    if isinstance(anchor, pd.Timestamp):
        if pd.isna(anchor):
            return None
        if anchor.tzinfo is not None:
            anchor = anchor.tz_convert("UTC")
        return date(anchor.year, anchor.month, anchor.day)
    if isinstance(anchor, datetime):
        return anchor.date()
    if isinstance(anchor, date):
        return anchor
    try:
        if pd.isna(anchor):
            return None
    except (TypeError, ValueError):
        pass
    raise TypeError(
        f"anchor must be a date, datetime, Timestamp or ISO string, not {type(anchor).__name__}"
    )


def tag_text(text: str, anchor=None, *, max_chars: int = 2_000_000) -> list[Timex]:
    """Find the temporal expressions of ``text`` and normalize them relative to ``anchor``.

    Parameters
    ----------
    text : str
        The text to tag.
    anchor : date, datetime, pandas.Timestamp, str or None
        The reference time (the publication date of a news article).  Relative expressions
        ("last week") stay unresolved, with a reason, when it is None or NaT.
    max_chars : int, default 2,000,000
        Text beyond this length is not tagged (a warning is logged).

    Returns
    -------
    list of Timex
        In text order, non-overlapping.
    """
    if not isinstance(text, str) or not text:
        return []
    if len(text) > max_chars:
        _log.warning(
            "text of %d characters truncated to %d for temporal tagging", len(text), max_chars
        )
        text = text[:max_chars]
    return _tag(text, _to_date(anchor))


#: what every expression with a calendar year carries: a year in digits, an abbreviated
#: year ('19), a numeric date (22/4/19) or a spelled year; "day" catches "the next day",
#: which takes its date from the last full date even when the text has no anchor.  Both
#: patterns open with a character class, so the regex engine skips ahead quickly.
_YEAR_CLUE = re.compile(r"(?:1\d{3}|20\d\d)(?<!\d{5})(?!\d)|'\d\d(?!\w)|\d{1,2}[/.]\d{1,2}[/.]\d\d")
_WORD_CLUE = re.compile(
    rf"(?=[nNeEtTdD])(?<![\w'])(?:(?:{lx.SPELLED_YEAR_RE})|day(?!\w))",
    _I,
)
#: characters read on each side of a clue: more than the longest expression around a year
#: ("the week of Monday, September 30, 2019", "the third fiscal quarter of fiscal 2019")
_CLUE_MARGIN = 160


def _clue_windows(text: str) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    clues = sorted(
        [m.span() for m in _YEAR_CLUE.finditer(text)]
        + [m.span() for m in _WORD_CLUE.finditer(text)]
    )
    for c0, c1 in clues:
        start = max(0, c0 - _CLUE_MARGIN)
        end = min(len(text), c1 + _CLUE_MARGIN)
        # widen to whitespace, so that no word is cut at either edge
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def absolute_timexes(text: str, *, max_chars: int = 2_000_000) -> list[Timex]:
    """The expressions of ``text`` that carry a calendar year, found cheaply.

    What ``tag_text(text, None)`` finds with a year in its value ("April 22, 2019",
    "2019-Q1", "March 2019", "1990"), and the dates anaphoric days take from them, but the
    grammar is run only around year-like tokens (a few hundred characters each), not over
    the whole text.  Used to infer a missing publication date, where relative expressions
    cannot be resolved anyway.

    Parameters
    ----------
    text : str
        The text.
    max_chars : int, default 2,000,000
        Text beyond this length is not read.

    Returns
    -------
    list of Timex
        In text order, normalized without an anchor.
    """
    if not isinstance(text, str) or not text:
        return []
    text = text[:max_chars]
    windows = _clue_windows(text)
    if not windows:
        return []
    return _tag(text, None, windows)


def _tag(text: str, a: date | None, windows: list[tuple[int, int]] | None = None) -> list[Timex]:
    ctx = _Ctx(text=text, anchor=a, cased=_cased(text))
    spans = windows if windows is not None else [(0, len(text))]
    cands: list[tuple[int, int, int, str, re.Match, object]] = []
    for prio, (name, pat, fn) in enumerate(RULES):
        for w0, w1 in spans:
            for m in pat.finditer(text, w0, w1):
                if m.end() > m.start():
                    cands.append((m.start(), m.end(), prio, name, m, fn))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for c in cands:
        if any(c[0] < e and s < c[1] for s, e in taken):
            continue
        chosen.append(c)
        taken.append((c[0], c[1]))
    chosen.sort(key=lambda c: c[0])
    inner = sorted(cands, key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
    out: list[Timex] = []
    occupied: list[tuple[int, int]] = []
    anchor_ts = to_timestamp(a) if a else pd.NaT

    def attempt(c) -> bool:
        start, end, _, name, m, fn = c
        if any(start < e and s < end for s, e in occupied):
            return False
        res = fn(m, ctx)
        if res is None:
            return False
        if res is _BLOCK:
            occupied.append((start, end))
            return True
        s0 = res.start if res.start is not None else start
        e0 = res.end if res.end is not None else end
        surface = text[s0:e0]
        stripped = surface.rstrip(" ,.;:'\"")
        if surface.endswith(".") and re.search(r"(?:\b[A-Z][a-z]{1,3}|\b[ap]\.m)\.$", surface):
            stripped = surface  # keep the dot of "Sept." / "p.m."
        e0 = s0 + len(stripped)
        new_start, mod, special = _extend(ctx, s0, res)
        if new_start < s0 and any(new_start < e and s < s0 for s, e in occupied):
            new_start, mod, special = s0, None, None
        mod = mod or res.mod
        sig = _signal(ctx, new_start)
        res2 = replace(res, mod=mod)
        begin, stop, precision, reason = _interval(
            res2, ctx, sig, special, s0 if res.type == "DURATION" else new_start, e0
        )
        out.append(
            Timex(
                new_start,
                e0,
                text[new_start:e0],
                res.type,
                res.value,
                mod,
                begin,
                stop,
                precision,
                anchor_ts,
                reason,
                sig,
                name,
            )
        )
        occupied.append((new_start, e0))
        if res.type in ("DATE", "TIME") and res.sets_ref:
            _update_refs(ctx, res.value, new_start, e0)
        return True

    for c in chosen:
        if attempt(c):
            continue
        # the longest reading was rejected: try the shorter ones inside its span
        for c2 in inner:
            if c2[0] >= c[0] and c2[1] <= c[1] and c2 is not c and attempt(c2):
                pass
    out.extend(_conjoined_days(ctx, out, occupied))
    out.sort(key=lambda t: t.start)
    return out


_CONJ_DAY = re.compile(
    r"(?P<pre>\s+(?:and|or|&)\s+)(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?=\s*(?:[,.;:)]|$))"
)


def _conjoined_days(ctx: _Ctx, found: list[Timex], occupied: list[tuple[int, int]]) -> list[Timex]:
    """ "on April 24 and 25": the bare day number after a full date is a date of the same
    month (the scope of the conjunction ends at punctuation, so "April 24 and 25 people"
    is not one)."""
    extra: list[Timex] = []
    for t in found:
        if t.type != "DATE" or not re.fullmatch(r"\d{4}-\d\d-\d\d", t.value):
            continue
        if not re.search(r"\d(?:st|nd|rd|th)?$", t.text) or re.search(r"\d{4}$", t.text):
            continue
        m = _CONJ_DAY.match(ctx.text, t.end)
        if m is None or any(m.start("d") < e and s < m.end() for s, e in occupied):
            continue
        y, mo = int(t.value[:4]), int(t.value[5:7])
        dd = int(m["d"])
        if not is_valid_date(y, mo, dd):
            continue
        value = f"{y:04d}-{mo:02d}-{dd:02d}"
        iv = interval_of(value)
        extra.append(
            replace(
                t,
                start=m.start("d"),
                end=m.end(),
                text=ctx.text[m.start("d") : m.end()],
                value=value,
                mod=None,
                begin=to_timestamp(iv.begin) if iv.begin else pd.NaT,
                end_date=to_timestamp(iv.end) if iv.end else pd.NaT,
                precision=iv.precision,
                reason=iv.reason,
                signal=None,
                rule="conjoined_day",
            )
        )
    return extra

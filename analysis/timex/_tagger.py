"""The temporal tagger: run the rules over a text and normalize what they find to TIMEX3.

The grammar is a set of compiled patterns, one per rule (:mod:`._rules_dates`,
:mod:`._rules_periods`, :mod:`._rules_days`, :mod:`._rules_relative`,
:mod:`._rules_durations`, :mod:`._rules_refs`, :mod:`._rules_sets`, :mod:`._holidays`).
Every pattern is run over the text; overlapping candidates are resolved longest-first (on a
tie, the rule earlier in :data:`RULE_ORDER` wins); the survivors are normalized in text
order so that anaphoric expressions ("the next day", "a year earlier") can use the dates
mentioned before them.  :mod:`._modifiers` then adds TimeML modifiers in front of a date
("early", "the end of") and approximators in front of a duration ("about", "more than"),
and :mod:`._intervals` gives each expression its interval.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date, datetime

import pandas as pd

# the rule modules register their rules in ._base.RULES when imported
from . import (  # noqa: F401
    _holidays,
    _rules_dates,
    _rules_days,
    _rules_durations,
    _rules_periods,
    _rules_refs,
    _rules_relative,
    _rules_sets,
)
from . import _lexicon as lx
from ._base import BLOCK, NO_ANCHOR, RULES, Ctx, Rule, Timex
from ._calendar import interval_of, is_valid_date, shift_value, to_timestamp
from ._intervals import interval
from ._modifiers import extend, signal_before
from ._tense import tense_at

__all__ = ["NO_ANCHOR", "RULE_ORDER", "Timex", "absolute_timexes", "rules", "tag_text"]

_log = logging.getLogger("analysis.timex")

#: the rules in priority order: of two candidates of the same length at the same place, the
#: earlier rule's reading is tried first
RULE_ORDER: tuple[str, ...] = (
    # full dates, months, years
    "date_mdy",
    "date_dmy",
    "date_my",
    "date_iso",
    "date_numeric",
    "month",
    "year",
    "spelled_year",
    "decade",
    "century",
    # parts of a year
    "season",
    "quarter",
    "half",
    # days and times of day
    "weekday",
    "weekday_set",
    "relday",
    "anaphoric_day",
    "copula_day",
    "part_of_day",
    "clock",
    # relative to the anchor
    "relunit",
    "year_end",
    "offset",
    "vague_offset",
    "in_offset",
    # durations
    "duration",
    "vague_duration",
    "unit_long",
    # vague references
    "ref",
    "future_noun",
    "one_day",
    # sets, holidays
    "set",
    "frequency",
    "holiday",
)


def rules() -> list[Rule]:
    """Every rule of the grammar, in priority order.

    Raises
    ------
    RuntimeError
        When a registered rule has no place in :data:`RULE_ORDER` or a name there is not
        registered.
    """
    missing = set(RULES) ^ set(RULE_ORDER)
    if missing:
        raise RuntimeError(f"temporal rules and RULE_ORDER disagree on: {sorted(missing)}")
    return [RULES[name] for name in RULE_ORDER]


_RULES = rules()


def _cased(text: str) -> bool:
    letters = list(filter(str.isalpha, text[:5000]))
    if not letters:
        return False
    upper = sum(map(str.isupper, letters))
    return 0.02 < upper / len(letters) < 0.6


# "fiscal second quarter", "the quarter ended March 31": a company's fiscal period, whose
# calendar position cannot be told from its name; it is a reported (past) period
_FISCAL_PERIOD = re.compile(r"\bfiscal\b|\b(?:ended|ending)\s", re.IGNORECASE)


def _update_refs(ctx: Ctx, value: str, start: int = 0, end: int = 0) -> None:
    """Remember a date just normalized as the reference of later anaphoric expressions."""
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if m and is_valid_date(int(m[1]), int(m[2]), int(m[3])):
        ctx.last_day = date(int(m[1]), int(m[2]), int(m[3]))
        ctx.last_month = (int(m[1]), int(m[2]))
        ctx.last_year = int(m[1])
        ctx.last_grain = "day"
        return
    m = re.match(r"^(\d{4})-Q([1-4])$", value)
    if m:
        # only a reported quarter (over by the anchor, a fiscal period, or told in the past
        # tense) becomes the reference of "the latest quarter" and "a year ago": a forecast
        # for the running quarter ("expects a second-quarter loss") is not the
        # period whose figures the article compares
        if (
            ctx.anchor is None
            or value < shift_value(ctx.anchor, "quarter", 0)
            or _FISCAL_PERIOD.search(ctx.text[max(0, start - 12) : end + 16])
            or tense_at(ctx, start, end) == "past"
        ):
            ctx.last_quarter = value
        ctx.last_year = int(m[1])
        ctx.last_grain = "quarter"
        return
    m = re.match(r"^(\d{4})-(\d{2})$", value)
    if m:
        ctx.last_month = (int(m[1]), int(m[2]))
        ctx.last_year = int(m[1])
        ctx.last_grain = "month"
        return
    if re.match(r"^\d{4}$", value):
        ctx.last_year = int(value)
        ctx.last_grain = "year"


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
    re.IGNORECASE,
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
    ctx = Ctx(text=text, anchor=a, cased=_cased(text))
    spans = windows if windows is not None else [(0, len(text))]
    cands: list[tuple[int, int, int, str, re.Match, object]] = []
    for prio, r in enumerate(_RULES):
        name, pat, fn = r.name, r.pattern, r.fn
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
        if res is BLOCK:
            occupied.append((start, end))
            return True
        s0 = res.start if res.start is not None else start
        e0 = res.end if res.end is not None else end
        surface = text[s0:e0]
        stripped = surface.rstrip(" ,.;:'\"")
        if surface.endswith(".") and re.search(r"(?:\b[A-Z][a-z]{1,3}|\b[ap]\.m)\.$", surface):
            stripped = surface  # keep the dot of "Sept." / "p.m."
        e0 = s0 + len(stripped)
        new_start, mod, special = extend(ctx, s0, res)
        if new_start < s0 and any(new_start < e and s < s0 for s, e in occupied):
            new_start, mod, special = s0, None, None
        mod = mod or res.mod
        sig = signal_before(ctx, new_start)
        res2 = replace(res, mod=mod)
        begin, stop, precision, reason = interval(
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
    out = [_day_offset(ctx, t, occupied) for t in out]
    out.sort(key=lambda t: t.start)
    return out


_DAY_OFFSET = re.compile(r"(?<![\w'])the\s+day\s+(?P<dir>before|after)\s+$", re.IGNORECASE)


def _day_offset(ctx: Ctx, t: Timex, occupied: list[tuple[int, int]]) -> Timex:
    """ "the day before Easter", "the day after May 3", "the day before last Tuesday('s
    hearing)": the day next to a dated day is one expression whose value is shifted by a
    day (as "the day before yesterday")."""
    if t.type != "DATE" or not re.fullmatch(r"\d{4}-\d\d-\d\d", t.value):
        return t
    m = _DAY_OFFSET.search(ctx.text, max(0, t.start - 20), t.start)
    if m is None or any(m.start() < e and s < t.start for s, e in occupied):
        return t
    value = shift_value(
        date.fromisoformat(t.value), "day", 1 if m["dir"].lower() == "after" else -1
    )
    iv = interval_of(value)
    return replace(
        t,
        start=m.start(),
        text=ctx.text[m.start() : t.end],
        value=value,
        mod=None,
        begin=to_timestamp(iv.begin) if iv.begin else pd.NaT,
        end_date=to_timestamp(iv.end) if iv.end else pd.NaT,
        precision=iv.precision,
        reason=iv.reason,
        signal=signal_before(ctx, m.start()),
        rule="day_offset",
    )


_CONJ_DAY = re.compile(
    r"(?P<pre>\s+(?:and|or|&)\s+)(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?=\s*(?:[,.;:)]|$))"
)


def _conjoined_days(ctx: Ctx, found: list[Timex], occupied: list[tuple[int, int]]) -> list[Timex]:
    """ "on May 7 and 8": the bare day number after a full date is a date of the same
    month (the scope of the conjunction ends at punctuation, so "May 7 and 8 people"
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

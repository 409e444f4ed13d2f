"""Words of the temporal grammar: numbers, ordinals, units, seasons, parts of the day, and
the month and weekday names (which live in :mod:`analysis.lexicon.calendar`; holidays live
in :mod:`._holidays`)."""

from __future__ import annotations

import re

from ..lexicon.calendar import AMBIGUOUS_MONTHS, MONTH_RE, MONTHS, WEEKDAY_RE, WEEKDAYS

__all__ = [
    "AMBIGUOUS_MONTHS",
    "DECADE_WORDS",
    "MONTHS",
    "MONTH_RE",
    "NUM_RE",
    "NUM_WORD_RE",
    "ORDINALS",
    "ORD_WORD_RE",
    "PARTS_OF_DAY",
    "SEASONS",
    "SEASON_RE",
    "SMALL",
    "SPELLED_YEAR_RE",
    "TENS",
    "UNITS",
    "UNIT_RE",
    "VAGUE",
    "WEEKDAYS",
    "WEEKDAY_RE",
    "parse_number",
    "parse_ordinal",
    "parse_year",
    "unit_key",
]

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_RE = r"(?:spring|summer|fall|autumn|winter)(?!\w)"

PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "midday": "MI",
    "daytime": "DT",
}

SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "last": -1,
    "final": -1,
}
VAGUE = {
    "several",
    "few",
    "a few",
    "many",
    "some",
    "a number of",
    "dozens of",
    "hundreds of",
    "a handful of",
    "numerous",
    "the",
    "countless",
}

_SMALL_RE = "|".join(sorted(SMALL, key=len, reverse=True))
_TENS_RE = "|".join(TENS)
NUM_WORD_RE = (
    rf"(?:(?:{_TENS_RE})(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|{_SMALL_RE}"
    r"|a|an)(?:[\s-](?:hundred|thousand))?"
)
NUM_RE = (
    rf"(?:\d+\s+[13]/[24]|\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?|{NUM_WORD_RE}|a\s+couple\s+of|couple\s+of|a\s+few"
    r"|several|few|many|some|a\s+number\s+of|a\s+dozen|dozens\s+of|hundreds\s+of"
    r"|a\s+handful\s+of|numerous|countless)(?:\s+and\s+a\s+half)?"
)
ORD_WORD_RE = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|twenty[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth"
    r"|thirty[\s-]first)"
)

# unit word -> (TIMEX3 unit letter, multiplier, is time-of-day unit)
UNITS = {
    "second": ("S", 1, True),
    "sec": ("S", 1, True),
    "minute": ("M", 1, True),
    "min": ("M", 1, True),
    "hour": ("H", 1, True),
    "hr": ("H", 1, True),
    "day": ("D", 1, False),
    "night": ("D", 1, False),
    "week": ("W", 1, False),
    "fortnight": ("W", 2, False),
    "month": ("M", 1, False),
    "quarter": ("M", 3, False),
    "year": ("Y", 1, False),
    "yr": ("Y", 1, False),
    "decade": ("Y", 10, False),
    "century": ("Y", 100, False),
    "centurie": ("Y", 100, False),
    "millennium": ("Y", 1000, False),
    "millennia": ("Y", 1000, False),
}
UNIT_RE = (
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?"
    r"|quarters?|years?|yrs?|decades?|century|centuries|millennium|millennia)(?![\w])"
)

DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def unit_key(word: str) -> str:
    """Normalize a unit word ('Years', 'centuries', 'hrs') to a key of :data:`UNITS`."""
    w = word.lower().rstrip(".")
    if w in UNITS:
        return w
    if w.endswith("ies") and w[:-3] + "y" in UNITS:
        return w[:-3] + "y"
    if w.endswith("s") and w[:-1] in UNITS:
        return w[:-1]
    if w == "millennia":
        return "millennium"
    return w


def parse_number(text: str) -> float | None:
    """Return the value of a cardinal ('24', 'twenty-four', 'a', 'two and a half').

    Vague quantities ('several', 'a few') return ``None``.
    """
    t = re.sub(r"\s+", " ", text.lower().strip())
    half = 0.0
    if t.endswith(" and a half"):
        half = 0.5
        t = t[: -len(" and a half")]
    if t in VAGUE:
        return None
    if t.startswith(("a couple", "couple")):
        return 2 + half
    m = re.fullmatch(r"(\d+)\s+(\d)/(\d)", t)
    if m:
        return int(m[1]) + int(m[2]) / int(m[3]) + half
    if t in ("a", "an"):
        return 1 + half
    if t == "a dozen":
        return 12 + half
    if re.fullmatch(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?", t):
        return float(t.replace(",", "")) + half
    total = 0
    current = 0
    for w in re.split(r"[\s-]+", t):
        if w in ("a", "an"):
            current = max(current, 1)
        elif w in SMALL:
            current += SMALL[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return total + current + half


def parse_ordinal(text: str) -> int | None:
    """Return the value of an ordinal ('third', '3rd', 'twenty-first')."""
    t = text.lower().strip()
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", t)
    if m:
        return int(m[1])
    if t in ORDINALS:
        return ORDINALS[t]
    parts = re.split(r"[\s-]+", t)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ORDINALS:
        return TENS[parts[0]] + ORDINALS[parts[1]]
    return None


_DIGIT_W = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEEN_W = (
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
    r"|nineteen)"
)
SPELLED_YEAR_RE = (
    rf"(?:(?:nineteen|eighteen|twenty)[\s-](?:(?:{_TENS_RE})(?:[\s-]{_DIGIT_W})?|{_TEEN_W}"
    rf"|oh[\s-]{_DIGIT_W}|hundred)|two\s+thousand(?:\s+and)?(?:[\s-](?:{_DIGIT_W}|{_TEEN_W}))?)"
    r"(?![\w-])"
)


def parse_year(text: str) -> int | None:
    """Return the year written in digits or words ('1996', 'nineteen ninety-six')."""
    t = text.strip().lower()
    if t.isdigit():
        return int(t)
    parts = re.split(r"[\s-]+", t)
    if parts[:2] == ["two", "thousand"]:
        rest = [p for p in parts[2:] if p != "and"]
        return 2000 + (sum(SMALL.get(p, 0) for p in rest))
    if parts[0] not in ("eighteen", "nineteen", "twenty"):
        return None
    century = SMALL.get(parts[0]) or TENS.get(parts[0])
    rest = parts[1:]
    if rest == ["hundred"]:
        return century * 100
    if rest and rest[0] == "oh":
        rest = rest[1:]
    n = 0
    for p in rest:
        if p in TENS:
            n += TENS[p]
        elif p in SMALL:
            n += SMALL[p]
        else:
            return None
    return century * 100 + n

"""English calendar words: the names of the months and weekdays and their abbreviations.

The one place these words live.  The temporal tagger builds its month and weekday patterns
from them, and any stage that must tell a date from a name ("in May", "on Monday") reads
them here.  Keys are lower case; abbreviations are given without their dot.

>>> MONTHS["sept"], WEEKDAYS["thurs"]
(9, 3)
"""

from __future__ import annotations

__all__ = [
    "AMBIGUOUS_MONTHS",
    "CALENDAR_WORDS",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "MONTH_NAMES",
    "MONTH_RE",
    "WEEKDAYS",
    "WEEKDAY_ABBREVIATIONS",
    "WEEKDAY_NAMES",
    "WEEKDAY_RE",
]

#: the months in calendar order (index + 1 is the month number)
MONTH_NAMES: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
#: the weekdays in ISO order (index 0 is Monday, as in ``date.weekday()``)
WEEKDAY_NAMES: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)

#: abbreviation -> month number, in the order the month pattern tries them
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sept": 9,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
#: abbreviation -> weekday number (0 = Monday)
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}

#: every month word (full name or abbreviation, lower case) -> month number
MONTHS: dict[str, int] = {
    **{name.lower(): i + 1 for i, name in enumerate(MONTH_NAMES)},
    **MONTH_ABBREVIATIONS,
}
#: every weekday word (full name or abbreviation, lower case) -> weekday number (0 = Monday)
WEEKDAYS: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(WEEKDAY_NAMES)},
    **WEEKDAY_ABBREVIATIONS,
}

#: month words that are also ordinary English words or names ("may", "march", "Jan"): they
#: are a month only with a day, a year or a temporal cue next to them
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jun", "jan", "sep", "dec", "aug"})
#: the full month and weekday names, lower case: capitalized words that are dates, not names
CALENDAR_WORDS = frozenset(w.lower() for w in (*MONTH_NAMES, *WEEKDAY_NAMES))

#: abbreviations that are English words ("mar", "sep") count as months only with their dot
_MONTH_DOT_REQUIRED = frozenset({"mar", "sep"})


def _abbreviation(word: str, dot_required: bool) -> str:
    return word.capitalize() + (r"\." if dot_required else r"\.?")


#: a month name or abbreviation ("September", "Sept.", "Sept", "Sep.", not "Sep" or "Mar")
MONTH_RE = (
    "(?:"
    + "|".join(
        [*MONTH_NAMES] + [_abbreviation(a, a in _MONTH_DOT_REQUIRED) for a in MONTH_ABBREVIATIONS]
    )
    + r")(?!\w)"
)
#: a weekday name or a dotted abbreviation ("Thursday", "Thurs.", "Thu.", not "Sun")
WEEKDAY_RE = (
    "(?:"
    + "|".join([*WEEKDAY_NAMES] + [_abbreviation(a, True) for a in WEEKDAY_ABBREVIATIONS])
    + r")(?!\w)"
)

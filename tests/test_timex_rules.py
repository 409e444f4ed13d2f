"""The temporal grammar's shape: one registry of rules in priority order, verbose patterns,
calendar words from the shared lexicon, holidays in one module."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest

import analysis.timex
from analysis.lexicon import calendar
from analysis.timex import _base, _holidays, _lexicon, _tagger, tag_text

PACKAGE = Path(analysis.timex.__file__).parent


def test_every_registered_rule_has_a_place_in_the_priority_order():
    names = [r.name for r in _tagger.rules()]
    assert names == list(_tagger.RULE_ORDER)
    assert set(names) == set(_base.RULES)
    assert len(names) == len(set(names))


def test_rules_are_verbose_case_insensitive_and_start_at_a_word_boundary():
    for r in _tagger.rules():
        assert r.pattern.flags & re.VERBOSE and r.pattern.flags & re.IGNORECASE, r.name
        assert r.pattern.pattern.startswith(r"(?<![\w'])"), r.name
    # a rule starts at a word boundary: "Monday" inside a longer word is no weekday
    assert tag_text("The Cybermonday sale.", "2019-04-22") == []


def test_a_second_rule_with_a_taken_name_is_refused():
    with pytest.raises(ValueError, match="already registered"):
        _base.rule("weekday", r"never")(lambda m, ctx: None)


def test_the_timex_lexicon_reads_months_and_weekdays_from_the_shared_calendar():
    assert _lexicon.MONTHS is calendar.MONTHS and _lexicon.WEEKDAYS is calendar.WEEKDAYS
    assert _lexicon.MONTH_RE is calendar.MONTH_RE
    assert [calendar.MONTHS[m.lower()] for m in calendar.MONTH_NAMES] == list(range(1, 13))
    assert [calendar.WEEKDAYS[d.lower()] for d in calendar.WEEKDAY_NAMES] == list(range(7))
    # every abbreviation names the same month or weekday as its full name begins with
    for abbr, n in calendar.MONTH_ABBREVIATIONS.items():
        assert calendar.MONTH_NAMES[n - 1].lower().startswith(abbr)
    for abbr, n in calendar.WEEKDAY_ABBREVIATIONS.items():
        assert calendar.WEEKDAY_NAMES[n].lower().startswith(abbr)
    assert "may" in calendar.CALENDAR_WORDS and "sept" not in calendar.CALENDAR_WORDS


@pytest.mark.parametrize(
    "word, month",
    [("Sept.", 9), ("Sept", 9), ("Sep.", 9), ("Jan", 1), ("Mar.", 3), ("December", 12)],
)
def test_month_pattern_reads_names_and_abbreviations(word, month):
    m = re.fullmatch(calendar.MONTH_RE, word)
    assert m and calendar.MONTHS[word.lower().rstrip(".")] == month


@pytest.mark.parametrize("word", ["Sep", "Mar", "Mon", "Sun", "Thu", "Janet", "Mayor"])
def test_undotted_abbreviations_that_are_words_are_no_calendar_words(word):
    assert re.fullmatch(calendar.MONTH_RE, word) is None
    assert re.fullmatch(calendar.WEEKDAY_RE, word) is None


def test_month_and_weekday_names_are_listed_only_in_the_shared_calendar():
    # the grammar builds its patterns from analysis.lexicon.calendar: no string of the timex
    # package lists three or more month or weekday names again
    names = re.compile("|".join(calendar.MONTH_NAMES + calendar.WEEKDAY_NAMES), re.IGNORECASE)
    for path in PACKAGE.glob("*.py"):
        if path.name == "_frame.py":
            continue  # publication-date inference, rewritten apart (issue 13)
        tree = ast.parse(path.read_text())
        docstrings = {
            id(n.body[0].value)
            for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef))
            and n.body
            and isinstance(n.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) in docstrings:
                    continue  # examples in prose
                listed = {w.lower() for w in names.findall(node.value)}
                assert len(listed) < 3, (path.name, sorted(listed))


def test_holidays_live_in_one_module():
    for path in PACKAGE.glob("*.py"):
        if path.name != "_holidays.py":
            assert "thanksgiving" not in path.read_text().lower(), path.name
    assert _holidays.HOLIDAYS["thanksgiving"](2019) == date(2019, 11, 28)
    assert [(t.text, t.value) for t in tag_text("Shops close on Thanksgiving.", "2019-11-20")] == [
        ("Thanksgiving", "2019-11-28")
    ]


def test_modules_are_small_and_say_what_they_are_for():
    for path in [*PACKAGE.glob("*.py"), *(PACKAGE.parent / "lexicon").glob("*.py")]:
        text = path.read_text()
        assert len(text.splitlines()) <= 900, path.name
        assert text.lstrip().startswith('"""'), path.name


@pytest.mark.parametrize(
    ("text", "months"),
    [
        # a possessive after "to"/"of": a person named May or March
        ("She resigned in protest to May's negotiated deal.", []),
        ("He spoke to May's advisers on the plan.", []),
        # after a temporal word, the month's own events
        ("Turnout fell after May's elections.", ["2019-05"]),
        ("The talks ran from March to May.", ["2019-03", "2019-05"]),
    ],
)
def test_an_ambiguous_month_in_the_possessive_after_to_or_of_is_a_name(text, months):
    got = [t.value for t in analysis.timex.tag_text(text, "2019-07-24")]
    assert got == months

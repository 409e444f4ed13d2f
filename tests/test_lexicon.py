"""Contract of analysis.lexicon: one list per meaning, read by every stage, copied by none."""

from __future__ import annotations

import ast
import calendar
import importlib
import itertools
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LEXICON_MODULES = [
    "analysis.lexicon.speech",
    "analysis.lexicon.places",
    "analysis.lexicon.prepositions",
    "analysis.lexicon.abbreviations",
    "analysis.lexicon.undertakings",
    "analysis.lexicon.given_names",
    "analysis.lexicon.commitments",
]

#: Names that, outside analysis/lexicon, may only be bound to the lexicon's lists.
WORD_LIST_NAME = re.compile(
    r"SPEECH_(?:VERB|LEMMA|FORM)|REPORTING|PLACE_NOUNS|PLACE_KIND|PLACE_PART|LOCATIVE_PREP|PARTICIPANT_PREP|ACTOR_PREP"
    r"|MONTH|WEEKDAY|CALENDAR_WORDS|US_STATES|STATE_ABBREV"
)
#: Copies that other stages still hold, to be replaced by the lexicon's lists when their
#: rewrites land (path -> names).  Remove an entry when its module adopts the lexicon;
#: never add one for new code.
PENDING = {
    "analysis/timex/_calendar.py": {"SEASON_MONTHS"},  # season codes -> month, not words
}


def _word_sets():
    for name in LEXICON_MODULES:
        module = importlib.import_module(name)
        for const in module.__all__:
            value = getattr(module, const)
            if isinstance(value, frozenset):
                yield f"{name}.{const}", value


@pytest.mark.parametrize(("name", "words"), list(_word_sets()))
def test_word_lists_are_lower_case_words(name, words):
    assert words, name
    bad = sorted(w for w in words if not isinstance(w, str) or w != w.lower() or w != w.strip())
    assert bad == [], name


def test_groups_of_one_family_do_not_overlap():
    from analysis.lexicon.catalog import FAMILIES

    for family, members in FAMILIES.items():
        lists = {c: getattr(importlib.import_module(m), c) for m, c in members}
        for (a, wa), (b, wb) in itertools.combinations(lists.items(), 2):
            assert not wa & wb, f"{family}: {a} and {b} share {sorted(wa & wb)}"


def test_unions_are_built_from_the_groups():
    from analysis.lexicon import prepositions as p
    from analysis.lexicon import speech as s

    assert s.SPEECH_VERBS == s.STATEMENT_VERBS | s.PRESSING_VERBS | s.DISCOURSE_VERBS
    assert s.REPORTING_VERBS == s.STATEMENT_VERBS | s.CITING_VERBS | s.COGNITION_VERBS
    assert {"say", "says", "said", "denies", "replied"} <= s.SPEECH_VERB_FORMS
    assert "sayed" not in s.SPEECH_VERB_FORMS
    assert p.PLACE_OBJECT_PREPOSITIONS | {"on", "aboard"} == (
        p.LOCATIVE_PREPOSITIONS | p.PATH_PREPOSITIONS
    )
    assert p.PLACE_SLOT_PREPOSITIONS < p.LOCATIVE_PREPOSITIONS | p.PATH_PREPOSITIONS


def test_state_abbreviations_are_written_forms_of_known_divisions():
    from analysis.lexicon.abbreviations import STATE_ABBREVIATIONS, abbreviation_words

    for written, (name, country) in STATE_ABBREVIATIONS.items():
        assert written.endswith(".") and written[0].isupper(), written
        assert country in ("US", "CA") and name[0].isupper(), written
    assert {"calif", "nj", "gen"} <= abbreviation_words()


def test_stages_read_the_lexicon_lists():
    from analysis.actors import syntax as actors
    from analysis.events import syntax as events
    from analysis.geo import recognition, role
    from analysis.lexicon import abbreviations, places, prepositions, speech

    assert actors.SPEECH_LEMMAS is speech.SPEECH_VERBS
    assert actors._SPEECH_FORMS is speech.SPEECH_VERB_FORMS
    assert actors.PLACE_NOUNS is places.PLACE_PART_NOUNS
    assert actors._LOCATIVE_PREPS is prepositions.PLACE_OBJECT_PREPOSITIONS
    assert actors._ACTOR_PREPS is prepositions.PARTICIPANT_PREPOSITIONS
    assert events.REPORTING_VERBS is speech.REPORTING_VERBS
    assert events.LOCATIVE_PREPS is prepositions.LOCATIVE_PREPOSITIONS
    assert events.PARTICIPANT_PREPS is prepositions.PARTICIPANT_PREPOSITIONS
    assert recognition.STATE_ABBREVIATIONS is abbreviations.STATE_ABBREVIATIONS
    assert speech.verb_forms(["warn"]) <= role.GOVERNMENT_VERBS


_COLLECTIONS = {"frozenset", "set", "tuple", "list", "dict"}


def _literal_word_list(node: ast.AST) -> bool:
    """True for a literal collection of strings, or a set built from one (not a regex)."""
    if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        return any(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts)
    if isinstance(node, ast.Dict):
        return any(isinstance(k, ast.Constant) and isinstance(k.value, str) for k in node.keys)
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Name) and func.id in _COLLECTIONS:
            return any(
                _literal_word_list(a) or isinstance(a, (ast.GeneratorExp, ast.Call))
                for a in node.args
            )
        # "a b c".split()
        return isinstance(func, ast.Attribute) and func.attr == "split"
    if isinstance(node, ast.BinOp):
        return _literal_word_list(node.left) or _literal_word_list(node.right)
    return False


def _word_list_definitions(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        for t in targets:
            if (
                isinstance(t, ast.Name)
                and WORD_LIST_NAME.search(t.id.upper())
                and _literal_word_list(value)
            ):
                yield t.id


def test_no_stage_defines_its_own_copy_of_a_lexicon_list():
    found = {}
    for path in sorted((ROOT / "analysis").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("analysis/lexicon/"):
            continue
        names = set(_word_list_definitions(path)) - PENDING.get(rel, set())
        if names:
            found[rel] = sorted(names)
    assert found == {}, "word lists belong in analysis/lexicon; import them instead"


# the English names, from the standard library (the C locale)
_CALENDAR_NAMES = frozenset(n.lower() for n in (*calendar.month_name[1:], *calendar.day_name))


def _calendar_lists(path: Path):
    """Names bound to a literal collection holding three or more month or weekday names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Assign, ast.AnnAssign)) or node.value is None:
            continue
        words = {
            n.value.lower()
            for n in ast.walk(node.value)
            if isinstance(n, ast.Constant) and isinstance(n.value, str)
        }
        if len(words & _CALENDAR_NAMES) >= 3:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            yield from (t.id for t in targets if isinstance(t, ast.Name))


def test_month_and_weekday_names_are_listed_once():
    found = {}
    for path in sorted((ROOT / "analysis").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("analysis/lexicon/"):
            continue
        names = set(_calendar_lists(path)) - PENDING.get(rel, set())
        if names:
            found[rel] = sorted(names)
    assert found == {}, "month and weekday names live in analysis.lexicon.calendar"


def test_the_scan_sees_a_copy(tmp_path):
    """The scan is not vacuous: a module that writes its own list is caught."""
    bad = tmp_path / "stage.py"
    bad.write_text('REPORTING_VERBS = frozenset(["say", "tell"])\nOTHER = frozenset(["x"])\n')
    assert list(_word_list_definitions(bad)) == ["REPORTING_VERBS"]
    ok = tmp_path / "ok.py"
    ok.write_text("from analysis.lexicon.speech import REPORTING_VERBS\nSPEECH = REPORTING_VERBS\n")
    assert list(_word_list_definitions(ok)) == []
    days = tmp_path / "days.py"
    days.write_text('_DAYS = {"Monday", "Tuesday", "Friday"}\n')
    assert list(_calendar_lists(days)) == ["_DAYS"]

"""What lives where in :mod:`analysis.lexicon`, and the families of lists that must not overlap.

=========================  ====================================================================
module                     constants
=========================  ====================================================================
``lexicon.speech``         ``STATEMENT_VERBS``, ``PRESSING_VERBS``, ``DISCOURSE_VERBS``,
                           ``CITING_VERBS``, ``COGNITION_VERBS`` (disjoint groups of lemmas);
                           ``SPEECH_VERBS`` (quote cues), ``REPORTING_VERBS`` (reported
                           speech and thought), ``SPEECH_VERB_FORMS``, ``verb_forms()``
``lexicon.places``         ``PLACE_KIND_NOUNS`` ("the port of X"), ``PLACE_PART_NOUNS``
                           ("Moscow's streets")
``lexicon.prepositions``   ``LOCATIVE_PREPOSITIONS``, ``PATH_PREPOSITIONS``,
                           ``PARTICIPANT_PREPOSITIONS``, ``TEMPORAL_PREPOSITIONS``
                           (disjoint); ``MEMBERSHIP_PREPOSITIONS``,
                           ``INCLUSION_PREPOSITIONS`` (events); ``PLACE_OBJECT_PREPOSITIONS``
                           (actors), ``PLACE_SLOT_PREPOSITIONS`` (geo)
``lexicon.abbreviations``  ``STATE_ABBREVIATIONS`` (postal forms -> division),
                           ``TITLE_ABBREVIATIONS``, ``abbreviation_words()``
``lexicon.calendar``       month and weekday names and abbreviations (the temporal tagger's)
``lexicon.undertakings``   ``UNDERTAKING_NOUNS`` (projects, agreements, works: "the X pipeline")
``lexicon.given_names``    ``DIMINUTIVES`` (short form -> formal given name: "joe" -> "joseph"),
                           ``GIVEN_NAMES``, ``formal_given_name()``
=========================  ====================================================================

Who reads what: :mod:`analysis.actors.syntax` (speech verbs and their forms, place part
nouns, place-object and participant prepositions), :mod:`analysis.events.syntax`
(reporting verbs, locative, participant and temporal prepositions), :mod:`analysis.geo` (speech verb
forms for the government role, place kind nouns and place-slot prepositions, state
abbreviations).  Still to adopt at integration: ``analysis/events/extract.py`` keeps its own
``_PLACE_NOUNS`` (-> ``PLACE_KIND_NOUNS``); ``analysis/timex`` keeps its month, weekday and
abbreviation words (-> ``lexicon.calendar``, ``abbreviation_words()``) and a small
``_REPORTING`` set (-> ``SPEECH_VERB_FORMS``); ``analysis/io/text.py`` keeps a title
abbreviation pattern (-> ``TITLE_ABBREVIATIONS``).

To add a word: put it in the one group that says what it means (a new verb of saying goes
in exactly one of the speech groups); every stage that reads a union of groups sees it.
``tests/test_lexicon.py`` checks that words are lower case, that the groups of one family
do not overlap, and that no module outside this package defines its own copy.
"""

from __future__ import annotations

__all__ = ["FAMILIES"]

#: Family -> (module, constant) of the groups that must be pairwise disjoint: a word has one
#: meaning within a family.
FAMILIES: dict[str, tuple[tuple[str, str], ...]] = {
    "verbs of saying and thinking": (
        ("analysis.lexicon.speech", "STATEMENT_VERBS"),
        ("analysis.lexicon.speech", "PRESSING_VERBS"),
        ("analysis.lexicon.speech", "DISCOURSE_VERBS"),
        ("analysis.lexicon.speech", "CITING_VERBS"),
        ("analysis.lexicon.speech", "COGNITION_VERBS"),
    ),
    "prepositions": (
        ("analysis.lexicon.prepositions", "LOCATIVE_PREPOSITIONS"),
        ("analysis.lexicon.prepositions", "PATH_PREPOSITIONS"),
        ("analysis.lexicon.prepositions", "PARTICIPANT_PREPOSITIONS"),
        ("analysis.lexicon.prepositions", "TEMPORAL_PREPOSITIONS"),
    ),
}

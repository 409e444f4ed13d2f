"""A negation denies an event noun only through a verb that holds or allows it (invented texts)."""

from __future__ import annotations

import pytest
from test_events import SURFACES, _extract, _small


def _status_of_one(spacy_nlp, text: str, value: str, column: str = "type") -> str:
    """The status of the one event of ``text`` whose ``column`` is ``value``."""
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    rows = ev[ev[column].eq(value)]
    assert len(rows) == 1, ev[["type", "trigger", "status"]]
    return str(rows.iloc[0]["status"])


@pytest.mark.parametrize(
    ("text", "type_", "status"),
    [
        # the negated verb is an act about the event: the event itself stands
        ("Donald Trump did not criticize the summit with Kim Jong Un.", "meeting", "occurred"),
        ("Vladimir Putin did not comment on the talks with Kim Jong Un.", "meeting", "occurred"),
        # the negated verb holds or allows the event: it did not happen
        ("Vladimir Putin did not hold talks with Kim Jong Un.", "meeting", "denied"),
        ("Donald Trump never signed the agreement with Kim Jong Un.", "agreement", "denied"),
        ("Donald Trump did not attend the summit with Kim Jong Un.", "meeting", "denied"),
    ],
)
def test_negation_reaches_an_event_noun_only_through_a_verb_that_realises_it(
    spacy_nlp, text, type_, status
):
    assert _status_of_one(spacy_nlp, text, type_) == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # the second conjunct has its own auxiliary: the first one's "not" is not its
        (
            "Mike Pompeo did not take questions, but he did say that the talks would go on.",
            "occurred",
        ),
        # a conjunct without an auxiliary shares the negation
        ("Mike Pompeo did not comment or say anything about the talks.", "denied"),
    ],
)
def test_a_conjunct_with_its_own_auxiliary_keeps_its_own_polarity(spacy_nlp, text, status):
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    said = ev[ev["type"].eq("statement") & ev["sentence_ids"].map(len).gt(0)]
    # "say" is its own event, or one with "comment" when they share the negation
    said = said[said["trigger"].eq("say")] if said["trigger"].eq("say").any() else said
    assert len(said) == 1, ev[["type", "trigger", "status"]]
    assert said.iloc[0]["status"] == status


@pytest.mark.parametrize(
    "text",
    [
        "Donald Trump rejects all such visits by Kim Jong Un.",
        "Vladimir Putin said any talks with Donald Trump would need the approval of the Duma.",
    ],
)
def test_such_and_any_make_a_plural_event_noun_a_kind(spacy_nlp, text):
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    assert not ev["type"].isin(["demand", "meeting"]).any(), ev[["type", "trigger"]]


@pytest.mark.parametrize(
    "text",
    [
        '"No," Mike Pompeo replied, "we will never agree to it."',
        '"I reject the offer," Mike Pompeo replied on Sunday.',
    ],
)
def test_the_words_of_a_quote_do_not_deny_or_hedge_its_saying(spacy_nlp, text):
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    st = ev[ev["type"].eq("statement")]
    assert len(st) == 1, ev[["type", "trigger", "status"]]
    assert st.iloc[0]["status"] == "occurred", st[["trigger", "status"]]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a cancellation told as a possibility has not undone the summit
        ("Mike Pompeo said the summit with Kim Jong Un would be cancelled.", "planned"),
        ("Mike Pompeo said the summit with Kim Jong Un was cancelled.", "denied"),
        # an ultimatum's bare verbs after a colon demand; they tell no cancellation
        (
            "Mike Pompeo gave Kim Jong Un a choice: end the tests, or cancel the summit with "
            "Donald Trump.",
            "planned",
        ),
    ],
)
def test_a_possible_cancellation_leaves_the_event_planned(spacy_nlp, text, status):
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    summit = ev[ev["trigger"].eq("summit")]
    assert len(summit) == 1, ev[["type", "trigger", "status"]]
    assert summit.iloc[0]["status"] == status


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        # a clause describing the event says it did not happen
        ("Mike Pompeo's planned trip to Vladivostok, which was cancelled, angered Moscow.", True),
        ("The summit with Kim Jong Un, which never took place, was set for June.", True),
        ("Mike Pompeo's visit to Vladivostok, which he called off, was his first.", True),
        # told as possible, or a clause about something else: the event stands
        ("Mike Pompeo's trip to Vladivostok, which could be cancelled, starts on Monday.", False),
        ("The summit with Kim Jong Un, which took place in June, ended well.", False),
        (
            "Mike Pompeo's visit to Vladivostok, which Vladimir Putin criticised, lasted a day.",
            False,
        ),
    ],
)
def test_a_clause_on_the_event_noun_can_say_it_never_happened(spacy_nlp, text, denied):
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    rows = ev[ev["type"].isin(["meeting", "visit"])]
    assert len(rows) == 1, ev[["type", "trigger", "status"]]
    assert (rows.iloc[0]["status"] == "denied") == denied


def _doc(spacy_nlp, rows: list[tuple[str, int, str, str, str, str]]):
    from spacy.tokens import Doc

    words, heads, deps, pos, tags, lemmas = (list(c) for c in zip(*rows, strict=True))
    return Doc(
        spacy_nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas
    )


def test_the_quoted_words_do_not_hedge_the_verb_that_frames_them(spacy_nlp):
    # '"I think we should make no assumption," she told them', misparsed (as the small
    # model does with long quotes) with the telling hung on a noun inside the quote
    from analysis.events.cues import status_cues

    quoted = _doc(
        spacy_nlp,
        [
            ('"', 2, "punct", "PUNCT", "``", '"'),
            ("I", 2, "nsubj", "PRON", "PRP", "I"),
            ("think", 2, "ROOT", "VERB", "VBP", "think"),
            ("we", 5, "nsubj", "PRON", "PRP", "we"),
            ("should", 5, "aux", "AUX", "MD", "should"),
            ("make", 2, "ccomp", "VERB", "VB", "make"),
            ("no", 7, "det", "DET", "DT", "no"),
            ("assumption", 5, "dobj", "NOUN", "NN", "assumption"),
            (",", 2, "punct", "PUNCT", ",", ","),
            ('"', 2, "punct", "PUNCT", "''", '"'),
            ("she", 11, "nsubj", "PRON", "PRP", "she"),
            ("told", 7, "acl", "VERB", "VBD", "tell"),
            ("them", 11, "dobj", "PRON", "PRP", "they"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ],
    )
    cues = status_cues(quoted[11], speech_act=True)
    assert not cues["hedged"] and not cues["planned"]
    # the same parse without quotation marks: the walk reads the words above the telling
    plain = _doc(spacy_nlp, _rows_of(quoted))
    cues = status_cues(plain[9], speech_act=True)
    assert cues["hedged"] or cues["planned"]


def _rows_of(doc):
    keep = [t for t in doc if t.text != '"']
    where = {t.i: k for k, t in enumerate(keep)}
    return [(t.text, where[t.head.i], t.dep_, t.pos_, t.tag_, t.lemma_) for t in keep]


def test_quoted_words_are_found_across_the_sentences_of_a_quote(spacy_nlp):
    from analysis.events.scope import frames_quote

    doc = spacy_nlp('"We met at noon. We are not talking now," the statement said.')
    said = next(t for t in doc if t.lower_ == "said")
    talking = next(t for t in doc if t.lower_ == "talking")
    statement = next(t for t in doc if t.lower_ == "statement")
    assert frames_quote(said, talking)  # the second sentence of the quote is inside it
    assert not frames_quote(said, statement)  # the frame's own subject is not
    assert not frames_quote(talking, said)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # not contesting, not disputing: conceded, the meeting happened
        (
            "Donald Trump and Vladimir Putin do not contest that they met in Vladivostok.",
            "occurred",
        ),
        ("Vladimir Putin does not dispute that he met Kim Jong Un.", "occurred"),
        # not denying only leaves the claim standing
        ("Vladimir Putin did not deny that he met Kim Jong Un.", "reported"),
        # a denial still denies
        ("Vladimir Putin denied that he met Kim Jong Un.", "denied"),
    ],
)
def test_a_negated_challenge_concedes_or_leaves_the_clause_standing(spacy_nlp, text, status):
    assert _status_of_one(spacy_nlp, text, "meeting") == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # the verb says how the event went: its negation is its own
        ("Donald Trump's trip to Vladivostok did not go over well.", "occurred"),
        ("The summit with Kim Jong Un did not produce a deal.", "occurred"),
        # the verb says whether it happened
        ("The summit with Kim Jong Un did not take place.", "denied"),
        ("The summit with Kim Jong Un never happened.", "denied"),
        ("The summit with Kim Jong Un did not go ahead.", "denied"),
    ],
)
def test_an_event_subject_is_denied_only_by_a_verb_of_happening(spacy_nlp, text, status):
    ev = _extract(_small(spacy_nlp, text, SURFACES))
    rows = ev[ev["type"].isin(["meeting", "visit"])]
    assert len(rows) == 1, ev[["type", "trigger", "status"]]
    assert rows.iloc[0]["status"] == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a finite conjunct is outside the "did" that carries the negation
        ("Donald Trump did not meet Kim Jong Un, and visited Seoul instead.", "occurred"),
        # a bare conjunct is under it
        ("Donald Trump did not meet Kim Jong Un or visit Seoul.", "denied"),
    ],
)
def test_a_finite_conjunct_is_outside_the_negated_do(spacy_nlp, text, status):
    assert _status_of_one(spacy_nlp, text, "visit") == status


def test_a_finite_conjunct_is_outside_the_modal_of_a_bare_verb(spacy_nlp):
    text = "Mike Pompeo would not promise a deal but said the talks must resume."
    assert _status_of_one(spacy_nlp, text, "said", column="trigger") == "occurred"


@pytest.mark.parametrize(
    ("text", "type_", "status"),
    [
        # an implicative verb's infinitive is done when the verb is
        ("Mike Pompeo moved on Monday to demand the release of the crew.", "demand", "occurred"),
        ("Donald Trump managed to meet Kim Jong Un in June.", "meeting", "occurred"),
        # a causative makes its object do it: done too
        ("The crisis forced Donald Trump to meet Kim Jong Un in June.", "meeting", "occurred"),
        # what a ranked one did: "the first leader to meet him" met him
        ("Vladimir Putin was the first leader to meet Kim Jong Un in May.", "meeting", "occurred"),
        ("Moon Jae-in will be the next leader to meet Kim Jong Un.", "meeting", "planned"),
        # a verb of wanting or planning, or a request, leaves it to come
        ("Moon Jae-in urged Donald Trump to meet Kim Jong Un in June.", "meeting", "planned"),
        ("Donald Trump wants to meet Kim Jong Un in June.", "meeting", "planned"),
    ],
)
def test_an_implicative_verb_s_infinitive_is_no_plan(spacy_nlp, text, type_, status):
    assert _status_of_one(spacy_nlp, text, type_) == status


def test_a_conjunct_with_its_own_subject_is_its_own_clause(spacy_nlp):
    text = "The protesters never backed down, and Mike Pompeo said on Monday it would end."
    assert _status_of_one(spacy_nlp, text, "said", column="trigger") == "occurred"


@pytest.mark.parametrize(
    ("text", "type_", "status"),
    [
        ("Instead of meeting Kim Jong Un, Donald Trump flew to Hanoi.", "meeting", "denied"),
        ("Rather than meet Kim Jong Un, Vladimir Putin sent an envoy.", "meeting", "denied"),
        ("Donald Trump chose to talk rather than threaten Kim Jong Un.", "threat", "denied"),
        # the act chosen was done
        ("Donald Trump chose to meet Kim Jong Un in Hanoi.", "meeting", "occurred"),
    ],
)
def test_the_act_not_taken_is_denied(spacy_nlp, text, type_, status):
    assert _status_of_one(spacy_nlp, text, type_) == status


@pytest.mark.parametrize(
    ("text", "type_", "status"),
    [
        ("Mike Pompeo declined to comment on the talks.", "statement", "denied"),
        # a subject that says nobody did it
        ("Neither of them met Kim Jong Un.", "meeting", "denied"),
        # a noun of refusal or failure: the act its infinitive names was not done
        ("Moon Jae-in criticized Kim Jong Un's refusal to meet Donald Trump.", "meeting", "denied"),
        ("Donald Trump bypassed the talks with Kim Jong Un.", "meeting", "denied"),
        # "decline" as a fall is no refusal
        ("Exports declined after the summit with Kim Jong Un.", "meeting", "occurred"),
    ],
)
def test_declining_to_do_and_bypassing_are_not_doing(spacy_nlp, text, type_, status):
    assert _status_of_one(spacy_nlp, text, type_) == status


@pytest.mark.parametrize(
    ("text", "type_", "status"),
    [
        ("Mike Pompeo said he looks forward to the talks with Kim Jong Un.", "meeting", "planned"),
        (
            "We look forward to working for the election of Jane Doe, Mike Pompeo said.",
            "election",
            "planned",
        ),
        # looking back is no plan
        ("Mike Pompeo looked back on the talks with Kim Jong Un.", "meeting", "occurred"),
    ],
)
def test_what_someone_looks_forward_to_is_still_to_come(spacy_nlp, text, type_, status):
    assert _status_of_one(spacy_nlp, text, type_) == status


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Mike Pompeo could neither confirm nor deny the talks.", "confirm"),
        ("Kim Jong Un neither visited Seoul nor met Moon Jae-in.", "met"),
    ],
)
def test_neither_nor_denies_both_acts(spacy_nlp, text, trigger):
    assert _status_of_one(spacy_nlp, text, trigger, column="trigger") == "denied"

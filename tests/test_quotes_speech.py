"""Quotes and speakers, second part: relative-pronoun speakers, typewriter quote marks,
cues set off by commas, verbs governing a mixed quote, "according to" before a quote.

Real spaCy pipeline and knowledge base; every sentence here is invented for the test.
"""

from __future__ import annotations

import pandas as pd
from helpers import make_articles

from analysis.actors import resolve_actors
from analysis.actors.quotes import quoted_passages
from analysis.nlp import parse


def resolve(nlp, kb, text: str):
    arts = make_articles({"a": text})
    parsed = parse(arts, nlp=nlp)
    return resolve_actors(arts, parsed.sentences, parsed.mentions, docs=parsed.docs, kb=kb)


def detail(res, needle: str) -> dict:
    rows = [q for q in res.quote_details if needle in q["text"]]
    assert len(rows) == 1, [(q["text"], q["speaker_text"]) for q in res.quote_details]
    return rows[0]


def test_relative_pronoun_speaker_is_placed_on_who_and_names_its_antecedent(nlp, kb):
    text = (
        "The council met with Martha Greeley, who said the new bridge would cost far more "
        "than planned."
    )
    res = resolve(nlp, kb, text)
    q = detail(res, "new bridge would cost")
    assert q["speaker"] == "x:martha-greeley"
    assert text[q["speaker_start"] : q["speaker_end"]] == "who"
    assert q["speaker_text"] == "Martha Greeley"


def test_relative_which_of_a_body_keeps_the_body_as_speaker_text(nlp, kb):
    text = (
        "The dredging was approved by the harbour authority, which said the work would "
        "start in May."
    )
    res = resolve(nlp, kb, text)
    q = detail(res, "work would start")
    assert text[q["speaker_start"] : q["speaker_end"]] == "which"
    assert "harbour authority" in q["speaker_text"]


def test_two_apostrophes_are_a_double_quotation_mark():
    text = "''We will not give up on the harbour,'' Mr. Paulsen said on Monday."
    spans = [text[s:e] for s, e in quoted_passages(text)]
    assert spans == ["We will not give up on the harbour,"]
    # the opening pair may also be written as two backquotes
    text = "``Nobody asked us about it,'' she said."
    assert [text[s:e] for s, e in quoted_passages(text)] == ["Nobody asked us about it,"]


def test_typewriter_quote_finds_its_speaker(nlp, kb):
    text = (
        "Gregory Paulsen runs the ferry. ''We will not give up on the harbour before the "
        "winter,'' Mr. Paulsen said on Monday."
    )
    res = resolve(nlp, kb, text)
    q = detail(res, "give up on the harbour")
    assert q["kind"] == "direct"
    assert q["speaker"] in ("x:gregory-paulsen", "x:paulsen")
    assert not q["text"].startswith("'")


def test_a_curly_quote_inside_a_straight_one_does_not_restart_it():
    text = '"ROE: But as \u201cThe Harbour Gazette\u201d wrote, the ferry is late again.\n\nNext.'
    spans = [text[s:e] for s, e in quoted_passages(text)]
    assert spans == ["ROE: But as \u201cThe Harbour Gazette\u201d wrote, the ferry is late again."]


def test_a_cue_set_off_by_commas_attributes_the_rest_of_its_sentence(nlp, kb):
    text = "The museum, Gregory Paulsen said, would open its doors to every school in the county."
    res = resolve(nlp, kb, text)
    q = detail(res, "museum")
    assert q["speaker"] in ("x:gregory-paulsen", "x:paulsen")
    assert q["kind"] == "reported"
    assert "said" not in q["text"] and "Paulsen" not in q["text"]
    (s1, e1), (s2, e2) = q["fragments"]
    assert text[s1:e1] == "The museum"
    assert text[s2:e2] == "would open its doors to every school in the county"


def test_a_verb_in_the_quotes_own_sentence_wins_over_the_previous_speaker(nlp, kb):
    text = (
        "\u201cWe will fight this in every court of the land,\u201d Alan Brisbee said.\n\n"
        "However, Ruth Calder described the ruling as \u201ca sad day for the fishermen of "
        "this coast and their families.\u201d"
    )
    res = resolve(nlp, kb, text)
    q = detail(res, "sad day")
    assert q["speaker"] == "x:ruth-calder"
    first = detail(res, "every court")
    assert first["speaker"] == "x:alan-brisbee"


def test_a_quote_with_no_cue_of_its_own_is_more_of_the_previous_quote(nlp, kb):
    text = (
        "\u201cWe will fight this in every court of the land,\u201d Alan Brisbee said. "
        "\u201cThe fishermen deserve far better than this ruling.\u201d\n\n"
        "\u201cAnd we will win,\u201d Ruth Calder added."
    )
    res = resolve(nlp, kb, text)
    rows = [q for q in res.quote_details if q["kind"] == "direct"]
    first = detail(res, "every court")
    assert first["speaker"] == "x:alan-brisbee"
    assert "fishermen deserve" in first["text"]
    (s1, e1), (s2, e2) = first["fragments"]
    assert text[s1:e1].startswith("We will fight") and text[s2:e2].startswith("The fishermen")
    # a quote with a cue of its own is a quote of its own
    assert len(rows) == 2
    assert detail(res, "we will win")["speaker"] == "x:ruth-calder"


def test_according_to_before_a_quote_names_its_speaker_once(nlp, kb):
    text = (
        "Gregory Paulsen spoke at length. According to Paulsen, \u201cthe harbour was never "
        "meant for ships this large, and everybody on the docks knew it.\u201d"
    )
    res = resolve(nlp, kb, text)
    q = detail(res, "never meant for ships")
    assert q["kind"] == "direct" and q["cue"] == "according to"
    assert q["speaker"] in ("x:gregory-paulsen", "x:paulsen")
    assert pd.notna(q["speaker_start"])


def test_a_request_names_its_addressee_with_the_infinitive(nlp, kb):
    res = resolve(
        nlp,
        kb,
        "Senator Ruth Calder called on the governor to release the harbour report before the vote.",
    )
    q = detail(res, "release the harbour report")
    assert q["text"].startswith("the governor to release")
    assert q["speaker_text"] == "Senator Ruth Calder"


def test_what_a_stance_verb_calls_its_object_is_part_of_the_content(nlp, kb):
    res = resolve(nlp, kb, "Ruth Calder called the new bridge a waste of public money.")
    q = detail(res, "new bridge")
    assert q["text"] == "the new bridge a waste of public money"


def test_the_audience_of_a_verb_of_talking_is_not_its_topic(nlp, kb):
    res = resolve(nlp, kb, "Gregory Paulsen spoke to reporters on Friday about the ferry strike.")
    texts = [q["text"] for q in res.quote_details]
    assert texts == ["the ferry strike"]


def test_an_intention_is_attributed_once_to_its_holder(nlp, kb):
    res = resolve(nlp, kb, "Gregory Paulsen declined to comment on the ferry strike.")
    assert [(q["cue"], q["text"]) for q in res.quote_details] == [
        ("decline", "to comment on the ferry strike")
    ]


def test_a_stance_noun_attributes_its_clause_to_its_possessor(nlp, kb):
    res = resolve(
        nlp,
        kb,
        "Mayor Ruth Calder's call for a new bridge divided the town. Thomas Paulsen "
        "repeated his claim that the ferry was safe.",
    )
    call = detail(res, "a new bridge")
    assert call["cue"] == "call" and call["speaker_text"].startswith("Mayor Ruth Calder")
    claim = [q for q in res.quote_details if q["cue"] == "claim"]
    assert len(claim) == 1 and claim[0]["text"] == "the ferry was safe"
    assert claim[0]["speaker"] == "x:thomas-paulsen"
    assert claim[0]["speaker_text"] == "his"


def test_a_stance_noun_without_a_holder_attributes_nothing(nlp, kb):
    res = resolve(nlp, kb, "The decision to close the harbour angered the fishermen.")
    assert res.quote_details == [] or all(q["cue"] != "decision" for q in res.quote_details)


def test_a_quote_word_parsed_as_a_second_subject_does_not_hide_the_speaker(nlp, kb):
    text = (
        'Democrats lined up behind him.\n\n"He would be a great senator. Not good, great. '
        'One of the brightest members of the entire council," Rep. Ruth E. Calder '
        "(D-Md.) said in a phone interview."
    )
    res = resolve(nlp, kb, text)
    q = detail(res, "great senator")
    assert q["speaker_text"] is not None and q["speaker_text"].endswith("Calder")


def test_a_participle_after_a_cue_keeps_that_cues_speaker(nlp, kb):
    text = (
        '"Nobody listens to the fishermen anymore," Calder said, suggesting a few '
        'questions, including, "Mr. Paulsen, do you really think the ferry is safe in '
        'winter storms?"'
    )
    res = resolve(nlp, kb, text)
    q = detail(res, "ferry is safe")
    assert q["speaker_text"] == "Calder"
    assert text[q["speaker_start"] : q["speaker_end"]] == "Calder"


def test_raising_money_is_not_a_stance_but_raising_concerns_is(nlp, kb):
    res = resolve(
        nlp,
        kb,
        "Ruth Calder raised two million dollars for the harbour fund. Thomas Paulsen "
        "raised concerns about the safety of the old ferry.",
    )
    texts = [q["text"] for q in res.quote_details]
    assert not any("million" in t for t in texts)
    assert any("concerns about the safety" in t for t in texts)


def test_a_stance_object_across_a_paragraph_break_is_dropped(nlp, kb):
    res = resolve(
        nlp,
        kb,
        "The ferry company did not immediately respond to requests for comment.\n\n___\n\n"
        "The harbour reopens on Monday.",
    )
    assert all(any(c.isalpha() for c in q["text"]) for q in res.quote_details)


def test_the_person_named_right_before_a_participle_cue_speaks(nlp, kb):
    res = resolve(
        nlp,
        kb,
        "The new campaign video shows footage of Ruth Calder asking, \u201cWhy is the ferry "
        "still not running after three whole years?\u201d",
    )
    q = next(q for q in res.quote_details if q["kind"] == "direct")
    assert q["text"].startswith("Why is the ferry") and q["speaker_text"] == "Ruth Calder"


def test_a_participle_after_a_preposition_takes_the_main_clauses_subject(nlp, kb):
    text = (
        "In her memoir, Ruth Calder wrote about the storm. After saying her boat was "
        "\u201cso damaged I could barely keep it afloat,\u201d she was taken to the harbour "
        "hospital."
    )
    res = resolve(nlp, kb, text)
    q = next(q for q in res.quote_details if q["kind"] == "direct")
    assert text[q["speaker_start"] : q["speaker_end"]] == "she"
    assert q["speaker"] == "x:ruth-calder"


def test_a_participle_of_saying_after_a_comma_ends_the_reported_clause(nlp, kb):
    res = resolve(
        nlp,
        kb,
        "Republicans were not worried. Sen. Ruth Calder (R-Ga.) said she didn't believe "
        "those claims did the mayor in during 2012, arguing that divisions in the party "
        "were a bigger hurdle.",
    )
    said = next(q for q in res.quote_details if q["cue"] == "say")
    assert said["text"] == "she didn't believe those claims did the mayor in during 2012"
    argued = next(q for q in res.quote_details if q["cue"] == "argue")
    assert argued["text"] == "divisions in the party were a bigger hurdle"


def test_a_former_official_of_a_body_no_longer_speaks_for_it(nlp, kb):
    res = resolve(
        nlp,
        kb,
        "A former FBI official told reporters the agency had tapped the phones. "
        "An FBI official told reporters the agency had kept the records.",
    )
    former = detail(res, "tapped the phones")
    current = detail(res, "kept the records")
    assert pd.isna(former["speaker"]) or former["speaker"] is None
    assert current["speaker"] is not None and not pd.isna(current["speaker"])

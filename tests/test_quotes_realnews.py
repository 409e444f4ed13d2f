"""Quotes and speakers, errors of real news (issue 16): passive headlines, roles in
apposition, the subject of a gerund after an object, bare targets of accusations,
broadcast venues, content and "according to" kept in their own paragraph.

Real spaCy pipeline and knowledge base; every sentence here is invented for the test.
"""

from __future__ import annotations

from helpers import make_articles

from analysis.actors import resolve_actors
from analysis.nlp import parse


def resolve(nlp, kb, text: str):
    arts = make_articles({"a": text})
    parsed = parse(arts, nlp=nlp)
    return resolve_actors(arts, parsed.sentences, parsed.mentions, docs=parsed.docs, kb=kb)


def rows(res, cue: str) -> list[dict]:
    return [q for q in res.quote_details if q["cue"] == cue]


def test_a_headline_passive_request_is_made_by_its_agent(nlp, kb):
    res = resolve(
        nlp,
        kb,
        "Senator Dana Fellows urged to resign by party colleagues\n\n"
        "The finance committee met on Monday.",
    )
    (q,) = rows(res, "urge")
    assert q["speaker"] != "x:dana-fellows"
    assert "colleagues" in q["speaker_text"]


def test_an_active_request_keeps_its_subject(nlp, kb):
    res = resolve(nlp, kb, "Senator Dana Fellows urged the council to resign by Friday.")
    (q,) = rows(res, "urge")
    assert q["speaker"] == "x:dana-fellows"


def test_a_role_in_apposition_before_who_speaks_for_the_name(nlp, kb):
    res = resolve(
        nlp,
        kb,
        "The union hired Marcus Trent, a labour economist at Northfield College, who said "
        "the pay offer was far below inflation.",
    )
    (q,) = [q for q in res.quote_details if "pay offer" in q["text"]]
    assert q["speaker"] == "x:marcus-trent"


def test_the_subject_of_a_gerund_after_an_object_is_the_object(nlp, kb):
    res = resolve(
        nlp,
        kb,
        "The union targeted Tom Hale for not speaking out on the closure of the mill.",
    )
    spoke = rows(res, "speak")
    assert all(q["speaker"] != "x:union" and "union" not in q["speaker_text"] for q in spoke)


def test_an_accusation_says_its_charge_not_its_target(nlp, kb):
    res = resolve(
        nlp,
        kb,
        "On Thursday, Mayor Carl Grady accused the Liberal Party of blocking the budget. "
        "Later the mayor accused the Liberal Party again.",
    )
    texts = [q["text"] for q in rows(res, "accuse")]
    assert texts == ["blocking the budget"]


def test_a_broadcast_is_where_one_speaks_not_what_about(nlp, kb):
    res = resolve(
        nlp,
        kb,
        "Speaking on a morning radio show, the minister Paul Arden said the tax would fall. "
        "Paul Arden also spoke on the price of bread.",
    )
    spoke = [q["text"] for q in rows(res, "speak")]
    assert not any("radio" in t for t in spoke)
    assert any("price of bread" in t for t in spoke)


def test_a_try_is_no_attribution(nlp, kb):
    res = resolve(
        nlp,
        kb,
        "The rebels lost ground in their bid for control of the northern valley. "
        "The mayor repeated her call for a new bridge over the river.",
    )
    cues = {q["cue"] for q in res.quote_details}
    assert "bid" not in cues
    assert "call" in cues


def test_reported_content_stays_in_the_cues_paragraph(nlp, kb):
    text = (
        "Court finds harbour tax unlawful\n\n"
        "On Monday, the high court in Leeds issued an opinion on the harbour tax which took "
        "effect in May, finding it unlawful."
    )
    res = resolve(nlp, kb, text)
    for q in res.quote_details:
        assert "\n" not in text[q["start"] : q["end"]], q["text"]


def test_according_to_in_the_next_paragraph_is_no_cue_of_a_quote(nlp, kb):
    text = (
        "\u201cThe river has never risen this fast in living memory, and we were not ready,"
        "\u201d said Ann Cole, the head of the relief agency. \u201cWe need pumps and we need "
        "them today.\u201d\n\n"
        "According to Lee Park, a former city engineer, the levee was built too low."
    )
    res = resolve(nlp, kb, text)
    pumps = [q for q in res.quote_details if "pumps" in q["text"]]
    assert pumps and all(q["speaker"] == "x:ann-cole" for q in pumps)
    (acc,) = rows(res, "according to")
    assert acc["text"] == "the levee was built too low"
    assert acc["speaker"] == "x:lee-park"


def test_the_accused_is_not_the_accuser(nlp, kb):
    res = resolve(
        nlp,
        kb,
        "On Wednesday, a pathologist testified before the high court in the trial of Jon "
        "Marek and Ivo Brandt, who stand accused of killing Hans Berg, the estranged brother "
        "of the mayor. The council fined the rebels, whom Mayor Ann Cole has "
        "accused Tom Hale of arming in secret.",
    )
    accused = rows(res, "accuse")
    assert not any("Berg" in q["text"] for q in accused)
    assert [(q["speaker"], q["text"]) for q in accused if q["speaker"] == "x:ann-cole"] == [
        ("x:ann-cole", "arming in secret")
    ]


def test_he_after_a_quote_is_not_a_person_named_inside_it(nlp, kb):
    res = resolve(
        nlp,
        kb,
        "Walter Penn, the former mayor of Eastport, announced on Tuesday that he would run "
        "for governor.\n\nPenn made the announcement in his home town.\n\n"
        "\u201cI am the candidate who will stand up to President Roe on the harbour tax,"
        "\u201d he said.",
    )
    (q,) = [q for q in res.quote_details if "harbour tax" in q["text"]]
    assert q["speaker_text"] == "he"
    assert q["speaker"] == "x:walter-penn"


def test_a_long_quote_does_not_push_its_speaker_out_of_reach_of_he(nlp, kb):
    res = resolve(
        nlp,
        kb,
        "Governor Alan Frick hinted on Tuesday that he may resign, telling a radio station, "
        "\u201cI am looking at every option. Some things are beyond me. I will not say that "
        "I will finish. I will not say that I will not. We will see. The people will "
        "decide.\u201d\n\nHe walked back his remarks later that day, criticizing "
        "\u201crumors\u201d that he would resign.",
    )
    (q,) = [q for q in res.quote_details if q["cue"] == "criticize"]
    assert q["speaker"] == "x:alan-frick"

"""Quotes and speakers on the real spaCy pipeline: subjects not possessors, "according to"
only with a source, split quotes, pronoun and nominal speakers, corpus-wide actor joins.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pandas as pd
from helpers import make_articles

from analysis.actors import merge_actors, resolve_actors
from analysis.actors.coref import name_gender
from analysis.actors.quotes import quoted_passages
from analysis.nlp import parse


def resolve(nlp, kb, texts: dict[str, str], published: dict[str, str] | None = None):
    arts = make_articles(texts)
    if published:
        arts["published"] = pd.to_datetime(
            [published.get(a, "2019-04-22") for a in arts["article_id"]], utc=True
        ).astype(arts["published"].dtype)
    parsed = parse(arts, nlp=nlp)
    return resolve_actors(arts, parsed.sentences, parsed.mentions, docs=parsed.docs, kb=kb)


def only(quotes: pd.DataFrame, needle: str) -> pd.Series:
    rows = quotes[quotes["text"].str.contains(needle, regex=False)]
    assert len(rows) == 1, quotes[["text", "speaker", "speaker_text"]]
    return rows.iloc[0]


def test_the_speaker_is_the_subject_never_its_possessor(nlp, kb):
    res = resolve(
        nlp,
        kb,
        {
            "a": "Martin Halloway spent the week in court. Halloway's personal attorney said "
            "the charges against the developer were entirely false. Critics of Halloway "
            "complain that the tower blocks the view of the harbour."
        },
    )
    attorney = only(res.quotes, "charges against the developer")
    assert attorney["speaker"] is pd.NA or attorney["speaker"] != "x:martin-halloway"
    assert "attorney" in attorney["speaker_text"]
    critics = only(res.quotes, "the tower blocks")
    assert pd.isna(critics["speaker"])
    assert critics["speaker_text"].lower().startswith("critics")


def test_according_to_needs_a_source_that_can_speak(nlp, kb):
    res = resolve(
        nlp,
        kb,
        {
            "a": "The festival begins on the ninth day of the month, according to the old "
            "lunar calendar of the valley. The bridge will close for three months, "
            "according to city officials."
        },
    )
    texts = " | ".join(res.quotes["text"])
    assert "festival" not in texts
    row = only(res.quotes, "bridge will close")
    assert row["cue"] == "according to"
    assert "officials" in row["speaker_text"]


def test_a_quote_split_around_its_cue_is_one_quote(nlp, kb):
    text = (
        "\u201cWe will rebuild the harbour before the winter storms,\u201d Martin Halloway "
        "said on Tuesday, \u201cand nobody in this town will be left without work.\u201d"
    )
    res = resolve(nlp, kb, {"a": text})
    direct = res.quotes[res.quotes["kind"] == "direct"]
    assert len(direct) == 1
    row = direct.iloc[0]
    assert "rebuild the harbour" in row["text"] and "left without work" in row["text"]
    assert row["speaker"] == "x:martin-halloway"
    detail = next(q for q in res.quote_details if q["kind"] == "direct")
    assert len(detail["fragments"]) == 2
    (s1, e1), (s2, e2) = detail["fragments"]
    assert text[s1:e1].startswith("We will rebuild") and text[s2:e2].endswith("without work.")


def test_pronoun_speaker_agrees_in_gender_and_prefers_the_subject(nlp, kb):
    res = resolve(
        nlp,
        kb,
        {
            "a": "Margaret Ellison met Thomas Brandt in the capital on Monday. She said the "
            "talks on the river treaty would resume in May. Brandt arrived late. He said "
            "his delegation needed more time."
        },
    )
    she = only(res.quotes, "river treaty")
    assert she["speaker"] == "x:margaret-ellison"
    assert she["speaker_text"] == "She"
    he = only(res.quotes, "delegation needed")
    assert he["speaker"] == "x:thomas-brandt"


def test_nominal_speaker_resolves_through_the_apposition(nlp, kb):
    res = resolve(
        nlp,
        kb,
        {
            "a": "Margaret Ellison, the lawyer for the fishermen, filed the appeal on Friday. "
            "The judge has not set a date. The lawyer said the ruling ignored the "
            "fishermen's licences."
        },
    )
    row = only(res.quotes, "ruling ignored")
    assert row["speaker"] == "x:margaret-ellison"
    assert row["speaker_text"] == "The lawyer"


def test_dash_attribution_after_a_quote(nlp, kb):
    res = resolve(
        nlp,
        kb,
        {
            "a": "Readers wrote to us about the new bridge.\n\n\u201cThe bridge has changed how "
            "we get to work every single day.\u201d \u2015 Margaret Ellison\n\u201cNobody asked "
            "the people who live under it what they wanted.\u201d \u2015 Thomas Brandt"
        },
    )
    first = only(res.quotes, "changed how")
    second = only(res.quotes, "Nobody asked")
    assert first["speaker"] == "x:margaret-ellison"
    assert second["speaker"] == "x:thomas-brandt"


def test_quoted_passages_handles_paragraph_runs_and_stray_closers():
    text = "\u201cFirst paragraph of the speech\n\n\u201dSecond one opens with a closer.\u201d"
    spans = [text[s:e] for s, e in quoted_passages(text)]
    assert spans == ["First paragraph of the speech", "Second one opens with a closer."]
    assert quoted_passages('He is 6" tall and said "we are ready now".') == [
        (len('He is 6" tall and said "'), len('He is 6" tall and said "we are ready now'))
    ]


def test_name_gender_reads_titles_and_first_names():
    assert name_gender("Mrs. Ellison") == "f"
    assert name_gender("Thomas Brandt") == "m"
    assert name_gender("Ellison") is None


def test_bare_title_is_the_holder_on_the_publication_day(nlp, kb):
    text = (
        "The United States will send more aid to the region, the president said on "
        "Thursday. The United States has already sent two ships."
    )
    res = resolve(
        nlp,
        kb,
        {"old": text, "new": text, "undated": text},
        published={"old": "2015-06-01", "new": "2019-06-01"},
    )
    res_undated = resolve(nlp, kb, {"undated": text}, published={"undated": "2019-06-01"})
    quotes = res.quotes.set_index("article_id")
    assert quotes.loc["old", "speaker"] == "kb:barack_obama"
    assert quotes.loc["new", "speaker"] == "kb:donald_trump"
    assert res_undated.quotes.iloc[0]["speaker"] == "kb:donald_trump"


def test_bare_title_without_a_date_names_nobody(nlp, kb):
    arts = make_articles(
        {"a": "The United States will send aid, the president said. The United States agreed."}
    )
    arts["published"] = pd.Series([pd.NaT], dtype=arts["published"].dtype)
    parsed = parse(arts, nlp=nlp)
    res = resolve_actors(arts, parsed.sentences, parsed.mentions, docs=parsed.docs, kb=kb)
    assert res.quotes["speaker"].isna().all()


def test_generic_ministry_is_qualified_by_its_country_or_dropped(nlp, kb):
    res = resolve(
        nlp,
        kb,
        {
            "a": "The Foreign Ministry of Japan protested on Monday.",
            "b": "The foreign ministry said nothing about the fishing boats.",
        },
    )
    names = set(res.actors["name"])
    assert "Foreign Ministry of Japan" in names
    assert not any(n.lower() == "foreign ministry" for n in names)


def test_surname_joins_the_only_full_name_of_the_corpus(nlp, kb):
    res = resolve(
        nlp,
        kb,
        {
            "a": "Margaret Ellison opened the new library in the old port on Saturday.",
            "b": "Ellison was not at the council meeting, her office said.",
        },
    )
    parts = res.actor_parts
    assert {"x:margaret-ellison", "x:ellison"} <= set(parts["actor_id"])
    merged = merge_actors(
        [parts[parts["article_id"] == a].drop(columns="article_id") for a in ("a", "b")]
    )
    row = merged[merged["actor_id"] == "x:margaret-ellison"].iloc[0]
    assert row["mentions"] == 2 and row["kind"] == "person"
    assert "x:ellison" not in set(merged["actor_id"])
    # the same parts merged in the other order give the same frame
    again = merge_actors(
        [parts[parts["article_id"] == a].drop(columns="article_id") for a in ("b", "a")]
    )
    pd.testing.assert_frame_equal(merged.reset_index(drop=True), again.reset_index(drop=True))


def test_two_people_sharing_a_surname_keep_the_bare_surname_apart(nlp, kb):
    res = resolve(
        nlp,
        kb,
        {
            "a": "Margaret Ellison opened the library.",
            "b": "Thomas Ellison closed the shipyard.",
            "c": "Ellison was not at the meeting, the office said.",
        },
    )
    parts = res.actor_parts
    merged = merge_actors(
        [parts[parts["article_id"] == a].drop(columns="article_id") for a in ("a", "b", "c")]
    )
    assert "x:ellison" in set(merged["actor_id"])


def test_transcript_turn_is_a_quote_of_its_labelled_speaker(nlp, kb):
    res = resolve(
        nlp,
        kb,
        {
            "a": "The debate went on past midnight.\n\n\u201cELLISON: Well, look, the harbour "
            "plan was never about money and everybody in this room knows it.\u201d"
        },
    )
    row = only(res.quotes, "harbour plan")
    assert row["speaker_text"] == "Ellison"
    assert row["cue"] == "transcript"
    assert not row["text"].startswith("ELLISON")


def test_programmes_and_diseases_are_not_actors(nlp, kb):
    res = resolve(
        nlp,
        kb,
        {"a": "Medicare will run short of money, and COVID-19 closed the schools in Ohio."},
    )
    names = {n.lower() for n in res.actors["name"]}
    assert "medicare" not in names and "covid-19" not in names


def test_a_bare_surname_the_tagger_missed_still_names_its_speaker(nlp, kb):
    # the tagger can miss a lone surname; the quote still goes to the person of that
    # name the text has named in full -- here the miss is made sure of by dropping it
    arts = make_articles(
        {
            "a": "Senator Oriana Velasquez opened the hearing on Tuesday. "
            "Velasquez said the harbour tax would be repealed before the winter."
        }
    )
    parsed = parse(arts, nlp=nlp)
    text = arts["text"].iloc[0]
    second = text.index("Velasquez said")
    mentions = parsed.mentions[parsed.mentions["start"] != second]
    assert not (mentions["start"] == second).any()
    res = resolve_actors(arts, parsed.sentences, mentions, docs=parsed.docs, kb=kb)
    q = only(res.quotes, "harbour tax")
    assert q["speaker_text"] == "Velasquez"
    assert (
        q["speaker"]
        == res.actors.loc[res.actors["name"].str.contains("Oriana Velasquez"), "actor_id"].iloc[0]
    )

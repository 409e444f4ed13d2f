"""Names written in ways that are no one's plain name: headline words glued after a name,
square brackets inside a name, a town's name taken for a person.  Invented articles, hand-built
parses (the entity spans are the tagger's mistakes to correct)."""

from __future__ import annotations

from helpers import make_articles
from spacy.tokens import Doc

from analysis.actors import resolve_actors
from analysis.actors.headlines import (
    edited_word,
    headline_word,
    name_before_headline,
    without_brackets,
)
from analysis.nlp import frames_from_docs


def _run(blank, kb, text, names):
    """Resolve one article ``text`` whose PERSON spans are the given texts (in order)."""
    words = text.replace("\n", " \n ").split(" ")
    starts = [i == 0 or words[i - 1] in ("\n", ".") for i in range(len(words))]
    doc = Doc(blank.vocab, words=words, sent_starts=starts)
    ents, at = [], 0
    for name in names:
        at = doc.text.index(name, at)
        ents.append(doc.char_span(at, at + len(name), label="PERSON"))
        at += len(name)
    assert all(e is not None for e in ents)
    doc.ents = ents
    doc = blank.get_pipe("newsdesk_titles")(doc)
    parsed = frames_from_docs([(doc, ("a", 0))])
    arts = make_articles({"a": doc.text})
    return resolve_actors(arts, parsed.sentences, parsed.mentions, docs=parsed.docs, kb=kb)


def test_headline_words_after_a_name_the_article_names_are_cut(blank, kb):
    text = "Rowena Blakeley Slams Harbour Plan Again\nRowena Blakeley said the plan was late ."
    res = _run(blank, kb, text, ["Rowena Blakeley Slams", "Rowena Blakeley"])
    actors = res.actors.set_index("actor_id")
    assert list(actors.index) == ["x:rowena-blakeley"]
    assert list(actors.loc["x:rowena-blakeley", "aliases"]) == ["Rowena Blakeley"]
    assert actors.loc["x:rowena-blakeley", "mentions"] == 2


def test_a_full_name_ending_in_s_stays_whole_when_its_start_is_no_known_name(blank, kb):
    text = "Mary Ellen Hodges Visits Harbour Works Today\nThe harbour works were visited ."
    res = _run(blank, kb, text, ["Mary Ellen Hodges"])
    assert set(res.actors["name"]) == {"Mary Ellen Hodges"}


def test_brackets_leave_names_and_an_edited_word_is_no_actor(blank, kb):
    # the tokenizer splits the opening bracket off: its spans are "Rowena] Blakeley", "W]e"
    text = "Officials said [ Rowena] Blakeley had left . \u201c [ W]e stay , \u201d they said ."
    res = _run(blank, kb, text, ["Rowena] Blakeley", "W]e"])
    assert set(res.actors["name"]) == {"Rowena Blakeley"}
    assert list(res.actors["aliases"].iloc[0]) == ["Rowena Blakeley"]


def test_headline_helpers():
    assert headline_word("Defends") and headline_word("Will") and headline_word("Signed")
    assert not headline_word("Williams") and not headline_word("Harbour")
    known = {"Dana Roe", "Roe"}.__contains__
    assert name_before_headline(["Dana", "Roe", "Wins", "Vote"], known) == "Dana Roe"
    assert name_before_headline(["Roe", "Will", "Run", "Again"], known) == "Roe"
    assert name_before_headline(["Roe", "Says"], known) == "Roe"  # two words: always
    assert name_before_headline(["Lena", "Marsh", "Hawkins"], known) is None
    assert without_brackets("[Dana] Roe") == "Dana Roe" and without_brackets("Roe") == "Roe"
    assert edited_word("[W]e") and edited_word("W]e") and not edited_word("Dana] Roe")
    assert name_before_headline(["Roe", "Pulling", "Out"], known) == "Roe"
    assert name_before_headline(["Dana", "Roe", "Manning"], known) is None  # a surname
    known_first = {"Jon"}.__contains__
    assert name_before_headline(["Jon", "M.", "Davis", "III"], known_first) is None


def test_a_dash_or_ampersand_glued_after_a_name_is_no_part_of_it(blank, kb):
    text = "Officials met Rowena Blakeley & others on Monday . Later Blakeley- left ."
    res = _run(blank, kb, text, ["Rowena Blakeley &", "Blakeley-"])
    assert list(res.actors["aliases"].iloc[0]) == ["Blakeley", "Rowena Blakeley"]


def test_a_bare_name_used_as_a_town_is_no_person(blank, kb):
    text = (
        "A licence office opened in Brackwell on Monday . Farmers no longer drive to "
        "Carrow : they come into Brackwell instead . Brackwell residents welcomed it ."
    )
    res = _run(blank, kb, text, ["Brackwell", "Brackwell", "Brackwell"])
    assert res.actors.empty
    assert res.mentions["actor_id"].isna().all()
    # the same name that speaks is someone
    said = text + " Brackwell said the office was late ."
    res = _run(blank, kb, said, ["Brackwell"] * 4)
    assert list(res.actors["actor_id"]) == ["x:brackwell"]
    source = text + " The office is late , according to Brackwell ."
    res = _run(blank, kb, source, ["Brackwell"] * 4)
    assert list(res.actors["actor_id"]) == ["x:brackwell"]

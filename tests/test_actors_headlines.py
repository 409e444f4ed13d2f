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
    name_before_verb,
    without_brackets,
)
from analysis.nlp import frames_from_docs


def _run(blank, kb, text, names, labels=None):
    """Resolve one article ``text`` whose PERSON spans (or ``labels``) are the given texts
    (in order)."""
    words = text.replace("\n", " \n ").split(" ")
    starts = [i == 0 or words[i - 1] in ("\n", ".") for i in range(len(words))]
    doc = Doc(blank.vocab, words=words, sent_starts=starts)
    ents, at = [], 0
    for k, name in enumerate(names):
        at = doc.text.index(name, at)
        label = labels[k] if labels else "PERSON"
        ents.append(doc.char_span(at, at + len(name), label=label))
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


def test_a_headline_verb_after_a_name_no_one_knows_in_full_is_cut(blank, kb):
    text = "Thaddeus Quimby Wows the Harbour Crowd\nThe crowd cheered for an hour ."
    res = _run(blank, kb, text, ["Thaddeus Quimby Wows the Harbour Crowd"])
    assert list(res.actors["name"]) == ["Thaddeus Quimby"]
    # the bare surname of a headline resolves like any bare surname
    text = "Quimby Denies Harbour Deal Report\nThaddeus Quimby spoke on Monday ."
    res = _run(blank, kb, text, ["Quimby Denies Harbour Deal Report", "Thaddeus Quimby"])
    assert list(res.actors["actor_id"]) == ["x:thaddeus-quimby"]
    assert res.actors["mentions"].iloc[0] == 2


def test_a_surname_that_reads_as_a_verb_stays_in_the_name(blank, kb):
    # "Gates" is a verb's form too, but the article uses it as a surname
    text = "Orla Gates Sells Harbour Shares to Rival\nGates said the sale was done ."
    res = _run(blank, kb, text, ["Orla Gates Sells Harbour Shares", "Gates"])
    assert set(res.actors["name"]) == {"Orla Gates"}


def test_a_headline_read_as_an_organisation_is_cut_only_to_a_known_person(blank, kb):
    text = "Quimby Wows the Harbour Crowd\nThaddeus Quimby spoke for an hour ."
    res = _run(
        blank, kb, text, ["Quimby Wows the Harbour Crowd", "Thaddeus Quimby"], ["ORG", "PERSON"]
    )
    assert list(res.actors["actor_id"]) == ["x:thaddeus-quimby"]
    # an organisation whose name holds a verb's form, and no person of its first word
    text = "Harbour Pilots Wins the Safety Prize\nThe prize was given on Monday ."
    res = _run(blank, kb, text, ["Harbour Pilots Wins the Safety Prize"], ["ORG"])
    assert list(res.actors["name"]) == ["Harbour Pilots Wins the Safety Prize"]


def _words(text: str) -> list[str]:
    return text.split()


def test_name_before_verb_rules():
    verbs = {"Wows", "Slams", "Waters", "Is"}.__contains__
    no = {"x"}.__contains__
    words = _words("Dana Roe Wows the Party Faithful")
    assert name_before_verb(words, verbs, surname=no, given=no) == "Dana Roe"
    # a verb with no capitalised word after it may be a surname ("Lee Hawkins")
    assert name_before_verb(["Dana", "Roe", "Wows", "them"], verbs, surname=no, given=no) is None
    # a verb's form after a lone first name is the surname; the next verb cuts
    words = _words("Nell Waters Slams Harbour Plan")
    assert name_before_verb(words, verbs, surname=no, given={"Nell"}.__contains__) == "Nell Waters"
    assert (
        name_before_verb(words, verbs, surname={"Waters"}.__contains__, given=no) == "Nell Waters"
    )
    assert name_before_verb(words, verbs, surname=no, given=no) == "Nell"
    # an initial or a suffix after the verb, a lower-case word before it: no cut
    assert name_before_verb(_words("Roe Wows J. Smith"), verbs, surname=no, given=no) is None
    assert name_before_verb(_words("the Roe Wows Crowd"), verbs, surname=no, given=no) is None
    # an auxiliary cuts; a rejected person does not
    assert name_before_verb(_words("Roe Is Running Again"), verbs, surname=no, given=no) == "Roe"
    words = _words("Roe Slams Harbour Plan")
    assert name_before_verb(words, verbs, surname=no, given=no, person=no) is None

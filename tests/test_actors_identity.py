"""One identity per actor across the corpus: the corpus-wide joins reach every frame.

Invented articles only.  A person named in full in one article and by surname alone in
others ends as one id in actors, mentions, quotes, events and edges of the built corpus,
and of a corpus filtered from it.
"""

from __future__ import annotations

import pandas as pd
import pytest
from helpers import make_articles

from analysis.actors.identity import apply_joins, corpus_joins
from analysis.corpus import Corpus, build

TEXTS = {
    "a": "Margaret Ellison opened the new library in the old port on Saturday. "
    "Margaret Ellison said the library would open every day.",
    "b": "Ellison met Governor Tom Baxter in Chicago on Tuesday. "
    '"We will build more homes for the workers," Ellison said after the meeting.',
    "c": "The city council approved the budget on Wednesday. "
    "Ellison was not at the meeting, her office said.",
}
FULL = "x:margaret-ellison"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    store = tmp_path_factory.mktemp("identity")
    corpus = build(make_articles(TEXTS), progress=False, store=store)
    return corpus, store


def test_a_surname_in_other_articles_is_the_full_name_in_every_frame(built):
    corpus, _ = built
    parts = corpus._load_state()["actor_parts"]
    # each article alone could not tell who "Ellison" is: its own part has its own id
    assert "x:ellison" in set(parts["actor_id"])
    assert FULL in set(corpus.actors["actor_id"])
    ids = set(corpus.actors["actor_id"])
    assert "x:ellison" not in ids
    row = corpus.actors.set_index("actor_id").loc[FULL]
    assert row["articles"] == 3 and row["kind"] == "person"
    m = corpus.mentions
    ellison = m[m["text"].str.contains("Ellison")]
    assert set(ellison["actor_id"]) == {FULL}
    assert set(ellison["article_id"]) == {"a", "b", "c"}
    q = corpus.quotes
    homes = q[q["text"].str.contains("homes")]
    assert homes["speaker"].tolist() == [FULL]
    assert "x:ellison" not in set(q["speaker"].dropna())
    participants = {p for ps in corpus.events["participants"] for p in ps}
    assert "x:ellison" not in participants
    b_events = corpus.events[corpus.events["article_id"] == "b"]
    assert any(FULL in ps for ps in b_events["participants"])
    edge_ids = set(corpus.edges["source"]) | set(corpus.edges["target"])
    assert "x:ellison" not in edge_ids and FULL in edge_ids
    # every actor id of every frame is an actor of the corpus
    assert set(m["actor_id"].dropna()) <= ids and participants <= ids


def test_a_filtered_corpus_keeps_the_corpus_ids(built):
    _, store = built
    view = Corpus.load(store).filter(text="Baxter")
    assert view.articles["article_id"].tolist() == ["b"]
    assert FULL in set(view.actors["actor_id"])
    assert "x:ellison" not in set(view.actors["actor_id"])
    assert set(view.mentions["actor_id"].dropna()) <= set(view.actors["actor_id"])
    assert set(view.quotes["speaker"].dropna()) == {FULL}


def test_apply_joins_rewrites_ids_and_sums_what_became_one():
    joins = {"x:roe": "x:jane-roe"}
    mentions = pd.DataFrame({"article_id": ["a", "a"], "actor_id": ["x:roe", "x:acme"]})
    quotes = pd.DataFrame({"speaker": ["x:roe", None], "via": [None, "x:roe"]})
    events = pd.DataFrame({"participants": [["x:roe", "x:jane-roe", "x:acme"], []]})
    edge_parts = pd.DataFrame(
        {
            "article_id": ["a", "a", "b"],
            "source": ["x:acme", "x:acme", "x:jane-roe"],
            "target": ["x:jane-roe", "x:roe", "x:roe"],
            "weight": [2, 1, 1],
            "articles": [1, 1, 1],
        }
    )
    out = apply_joins(
        {"mentions": mentions, "quotes": quotes, "events": events, "edge_parts": edge_parts},
        joins,
    )
    assert out["mentions"]["actor_id"].tolist() == ["x:jane-roe", "x:acme"]
    assert out["quotes"]["speaker"].tolist()[0] == "x:jane-roe"
    assert out["quotes"]["via"].tolist()[1] == "x:jane-roe"
    assert out["events"]["participants"].tolist()[0] == ["x:jane-roe", "x:acme"]
    e = out["edge_parts"]
    # the two edges of article a are one pair now; b's pair became one actor: gone
    assert e[["article_id", "source", "target", "weight", "articles"]].values.tolist() == [
        ["a", "x:acme", "x:jane-roe", 3, 1]
    ]


def test_corpus_joins_resolve_chains_and_leave_ambiguous_surnames():
    def part(aid, name, kind="person", article="a"):
        return {
            "article_id": article, "actor_id": aid, "name": name, "kind": kind,
            "country": None, "aliases": [name], "wikidata": None, "mentions": 1,
            "articles": 1, "in_kb": False,
        }  # fmt: skip

    one = pd.DataFrame([part("x:jane-roe", "Jane Roe"), part("x:roe", "Roe", "organisation", "b")])
    assert corpus_joins(one) == {"x:roe": "x:jane-roe"}
    two = pd.DataFrame(
        [part("x:jane-roe", "Jane Roe"), part("x:john-roe", "John Roe", article="c"),
         part("x:roe", "Roe", article="b")]
    )  # fmt: skip
    assert corpus_joins(two) == {}


def _part(aid, name, kind="person", article="a", mentions=1):
    return {
        "article_id": article, "actor_id": aid, "name": name, "kind": kind, "country": None,
        "aliases": [name], "wikidata": None, "mentions": mentions, "articles": 1,
        "in_kb": False,
    }  # fmt: skip


def test_an_acronym_joins_the_one_body_whose_initials_it_is():
    parts = pd.DataFrame(
        [
            _part("x:european-harbour-agency", "European Harbour Agency", "organisation"),
            _part("x:eha", "EHA", "organisation", "b"),
            _part("x:nfu", "NFU", "organisation", "c"),
        ]
    )
    assert corpus_joins(parts) == {"x:eha": "x:european-harbour-agency"}


def test_spelling_variants_and_a_first_name_join_one_person():
    parts = pd.DataFrame(
        [
            _part("x:nadia-rahmani", "Nadia Rahmani", mentions=5),
            _part("x:nadia-rahmany", "Nadia Rahmany", article="b"),
            _part("x:nadia", "Nadia", article="c"),
            _part("x:tom-harlan", "Tom Harlan", article="c"),
            _part("x:tom-harlen", "Tom Harlen", article="d"),
            _part("x:tom-harlin", "Tom Harlin", article="e"),
            _part("x:paul-graham", "Paul Graham", article="e"),
            _part("x:paul-grahame", "Paul Grahame", article="f"),
        ]
    )
    joins = corpus_joins(parts)
    assert joins["x:nadia-rahmany"] == "x:nadia-rahmani"
    assert joins["x:nadia"] == "x:nadia-rahmani"
    # three surnames a letter apart are three people; an added letter is another name
    assert not {"x:tom-harlan", "x:tom-harlen", "x:tom-harlin"} & set(joins)
    assert not {"x:paul-graham", "x:paul-grahame"} & set(joins)


def test_a_surname_two_people_bear_is_the_one_its_own_articles_name():
    parts = pd.DataFrame(
        [
            _part("x:jane-roe", "Jane Roe", article="a"),
            _part("x:roe", "Roe", "organisation", article="a"),
            _part("x:john-roe", "John Roe", article="b"),
            _part("x:roe", "Roe", "organisation", article="c"),
        ]
    )
    assert corpus_joins(parts) == {"x:roe": "x:jane-roe"}
    # named beside both, or beside one here and the other there: it stays itself
    both = pd.concat([parts, pd.DataFrame([_part("x:roe", "Roe", article="b")])])
    assert corpus_joins(both) == {}


def test_a_place_taken_for_a_body_is_no_actor():
    from analysis.actors.identity import place_only_actors

    parts = pd.DataFrame(
        [
            _part("x:eastport", "Eastport", "organisation"),
            _part("x:northland", "Northland", "organisation"),
            _part("x:acme", "Acme", "organisation"),
        ]
    )
    mentions = pd.DataFrame(
        {
            "article_id": ["a", "a", "a", "a"],
            "text": ["Eastport", "Eastport's", "Northland", "Acme"],
            "actor_id": ["x:eastport", "x:eastport", "x:northland", "x:acme"],
            "place_id": ["p:1", pd.NA, "p:2", pd.NA],
        }
    )
    places = pd.DataFrame(
        {
            "article_id": ["a", "a"],
            "text": ["Eastport", "Northland"],
            "place_id": ["p:1", "p:2"],
            "feature": ["city", "country"],
        }
    )
    # a city is no actor; a country may act (its government); a body stays
    assert place_only_actors(parts, mentions, places) == {"x:eastport"}
    listed = pd.DataFrame(
        [_part("x:eastport-and-northland", "Eastport and Northland", "organisation")]
    )
    mention = pd.DataFrame(
        {"article_id": ["a"], "text": ["Eastport and Northland"],
         "actor_id": ["x:eastport-and-northland"], "place_id": ["p:2"]}
    )  # fmt: skip
    assert place_only_actors(listed, mention, places) == {"x:eastport-and-northland"}


def test_the_president_of_a_2019_us_story_is_the_president_of_2019(nlp):
    from analysis.actors import load_knowledge_base, resolve_actors
    from analysis.nlp import parse

    kb = load_knowledge_base()
    text = (
        "The United States will lift the tariffs on steel next month, the President said "
        "on Friday in Washington."
    )
    arts = make_articles({"a": text, "b": text})
    arts["published"] = pd.to_datetime(["2019-03-08", "2011-03-08"], utc=True).astype(
        arts["published"].dtype
    )
    parsed = parse(arts, nlp=nlp)
    res = resolve_actors(arts, parsed.sentences, parsed.mentions, docs=parsed.docs, kb=kb)
    speakers = res.quotes.set_index("article_id")["speaker"]
    assert speakers["a"] == "kb:donald_trump"
    assert speakers["b"] == "kb:barack_obama"


def _resolved(nlp, texts: dict[str, str]):
    """The actors stage, with the bundled knowledge base, on hand-written articles."""
    from analysis.actors import load_knowledge_base, resolve_actors
    from analysis.nlp import parse

    arts = make_articles(texts)
    parsed = parse(arts, nlp=nlp)
    return resolve_actors(
        arts, parsed.sentences, parsed.mentions, docs=parsed.docs, kb=load_knowledge_base()
    )


def test_foreign_ministries_of_two_countries_stay_two_and_a_bare_one_is_dropped(nlp):
    res = _resolved(
        nlp,
        {
            "a": "China's Foreign Ministry protested against the new tariffs on Monday.",
            "b": "The Japanese Foreign Ministry welcomed the trade deal on Tuesday.",
            "c": "The Foreign Ministry said nothing more about the fishing boats.",
        },
    )
    names = set(res.actors["name"])
    assert {"Foreign Ministry of China", "Foreign Ministry of Japan"} <= names
    assert not any(n.lower() == "foreign ministry" for n in names)
    # a body qualified by its country belongs to it in the table's country column
    country = res.actors.set_index("name")["country"]
    assert country["Foreign Ministry of China"] == "CN"
    assert country["Foreign Ministry of Japan"] == "JP"


def test_a_congress_or_senate_is_the_one_of_its_article_s_country(nlp):
    res = _resolved(
        nlp,
        {
            "a": "In Washington, the Senate passed the bill and Congress sent it to the "
            "White House, where American officials welcomed it.",
            "b": "The Brazilian Senate voted on Tuesday against the pension reform.",
            "c": "The Senate said nothing more about the fishing boats.",
        },
    )
    names = set(res.actors["name"])
    assert {"Senate of United States", "Congress of United States", "Senate of Brazil"} <= names
    country = res.actors.set_index("name")["country"]
    assert country["Senate of United States"] == "US"
    assert country["Senate of Brazil"] == "BR"
    # a bare one in an article about no country is no identifiable actor
    assert not any(n.lower() in ("senate", "congress") for n in names)


def test_a_bare_senate_is_the_one_its_article_names_in_full(nlp):
    about_russia = (
        "Russian hackers targeted Moscow's rivals, Russia said. The Kremlin in Moscow "
        "denied it; Russia and Russian officials in Moscow and St. Petersburg said so. "
    )
    res = _resolved(
        nlp,
        {
            "a": about_russia + "The U.S. Senate will hold a hearing. The Senate voted on Tuesday.",
            "b": about_russia + "The Senate voted on Tuesday.",
        },
    )
    senate = res.mentions[res.mentions["text"].eq("Senate")].set_index("article_id")["actor_id"]
    # the article that names "the U.S. Senate" means it by "the Senate"; the other one
    # has only the vote of its places
    assert senate["a"] == "x:senate-of-united-states"
    assert senate["b"] == "x:senate-of-russia"


def test_a_body_short_form_joins_the_body_its_articles_name_and_a_bare_noun_is_dropped():
    from analysis.actors.identity import generic_bodies

    org = "organisation"
    parts = pd.DataFrame(
        [
            _part("x:chamber-of-deputies", "Chamber of Deputies", org, "a"),
            _part("x:chamber", "Chamber", org, "a"),
            _part("x:chamber-of-commerce", "Chamber of Commerce", org, "b"),
            _part("x:chamber", "Chamber", org, "c"),
            _part("x:court", "Court", org, "d"),
            _part("x:court-of-appeal", "Court of Appeal", org, "d"),
            _part("x:supreme-court", "Supreme Court", org, "d"),
        ]
    )
    joins = corpus_joins(parts)
    # its own article names one chamber: that one, though the corpus has two
    assert joins["x:chamber"] == "x:chamber-of-deputies"
    # beside "Supreme Court" a bare "Court" may be either court: it joins neither ...
    assert "x:court" not in joins
    # ... and a body noun alone is no identifiable actor
    assert generic_bodies(parts, joins) == {"x:court"}


def test_a_name_that_only_modifies_a_landform_is_a_place():
    from analysis.actors.identity import place_only_actors

    text = "Fires are burning the Northfen marshes. Northfen is drying out."
    parts = pd.DataFrame([_part("x:northfen", "Northfen", "organisation")])
    empty_places = pd.DataFrame(columns=["article_id", "text", "place_id", "feature"])
    arts = pd.DataFrame({"article_id": ["a"], "text": [text]})
    one = text.index("Northfen")
    mentions = pd.DataFrame(
        {"article_id": ["a"], "text": ["Northfen"], "actor_id": ["x:northfen"],
         "start": [one], "end": [one + 8], "place_id": [pd.NA]}
    )  # fmt: skip
    assert place_only_actors(parts, mentions, empty_places, arts) == {"x:northfen"}
    # as often on its own ("Northfen is drying out"): it may be more than a place
    two = text.index("Northfen is")
    both = pd.concat([mentions, mentions.assign(start=two, end=two + 8)], ignore_index=True)
    assert place_only_actors(parts, both, empty_places, arts) == set()
    # two times in three before a landform: a place
    three = pd.concat([both, mentions], ignore_index=True)
    assert place_only_actors(parts, three, empty_places, arts) == {"x:northfen"}


def _doc(words, pos, ents):
    import spacy
    from spacy.tokens import Doc

    vocab = spacy.blank("en").vocab
    starts = [True] + [False] * (len(words) - 1)
    return Doc(vocab, words=words, pos=pos, ents=ents, sent_starts=starts)


def test_a_person_cut_short_by_the_model_takes_in_the_surname_that_follows():
    from analysis.nlp import continue_names

    words = [
        "police",
        "there",
        "spoke",
        "twice",
        "with",
        "Marta",
        "Kowalczyk",
        "about",
        "crash",
        "in",
        "Lublin",
        ".",
    ]
    pos = ["NOUN", "ADV", "VERB", "ADV", "ADP", "PROPN", "PROPN", "ADP", "NOUN", "ADP"]
    pos += ["PROPN", "PUNCT"]
    ents = ["O"] * 5 + ["B-PERSON", "O", "O", "O", "O", "B-GPE", "O"]
    doc = continue_names(_doc(words, pos, ents))
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Marta Kowalczyk", "PERSON"),
        ("Lublin", "GPE"),
    ]
    # a first name and a surname tagged as two people are one
    ents = ["O"] * 5 + ["B-PERSON", "B-PERSON", "O", "O", "O", "B-GPE", "O"]
    doc = continue_names(_doc(words, pos, ents))
    assert doc.ents[0].text == "Marta Kowalczyk"
    # a title after the name is not part of it; a common noun is not either
    words = ["talks", "with", "Tom", "President", "of", "Ruritania", "and", "with", "Ann", "today"]
    pos = ["NOUN", "ADP", "PROPN", "PROPN", "ADP", "PROPN", "CCONJ", "ADP", "PROPN", "NOUN"]
    ents = ["O", "O", "B-PERSON", "O", "O", "B-GPE", "O", "O", "B-PERSON", "O"]
    doc = continue_names(_doc(words, pos, ents), stop={3})
    assert [e.text for e in doc.ents] == ["Tom", "Ruritania", "Ann"]


def test_a_surname_the_model_let_pass_is_tagged_again_after_its_full_name():
    from analysis.nlp import repeat_surnames

    words = ["Marta", "Kowalczyk", "spoke", "about", "the", "crash", "today", "."]
    words += ["Then", "Kowalczyk", "left", "quickly", "for", "Lublin", "."]
    words += ["Kowalczyk", "Foundation", "staff", "stayed", "behind", "there", "."]
    pos = ["PROPN", "PROPN", "VERB", "ADP", "DET", "NOUN", "NOUN", "PUNCT"]
    pos += ["ADV", "PROPN", "VERB", "ADV", "ADP", "PROPN", "PUNCT"]
    pos += ["PROPN", "PROPN", "NOUN", "VERB", "ADV", "ADV", "PUNCT"]
    ents = ["B-PERSON", "I-PERSON"] + ["O"] * (len(words) - 2)
    ents[words.index("Lublin")] = "B-GPE"
    doc = repeat_surnames(_doc(words, pos, ents))
    # the bare surname is the person again; glued to another name it is not
    assert [(e.text, e.start) for e in doc.ents if e.label_ == "PERSON"] == [
        ("Marta Kowalczyk", 0),
        ("Kowalczyk", 9),
    ]
    # a month is no surname ("Theresa May ... in May") unless a possessive after a word
    # that is not of time ("in protest to May's deal")
    words = ["Theresa", "May", "spoke", "about", "rain", "today", ".", "In", "May", "it"]
    words += ["rained", ",", "and", "she", "objected", "to", "May", "'s", "plan", "."]
    pos = ["PROPN", "PROPN", "VERB", "ADP", "NOUN", "NOUN", "PUNCT", "ADP", "PROPN", "PRON"]
    pos += ["VERB", "PUNCT", "CCONJ", "PRON", "VERB", "ADP", "PROPN", "PART", "NOUN", "PUNCT"]
    ents = ["B-PERSON", "I-PERSON"] + ["O"] * (len(words) - 2)
    doc = repeat_surnames(_doc(words, pos, ents))
    assert [(e.text, e.start) for e in doc.ents] == [("Theresa May", 0), ("May", 16)]


def test_a_surname_ending_in_s_is_kept_outside_headlines(nlp):
    from analysis.actors import load_knowledge_base, resolve_actors
    from analysis.nlp import parse

    arts = make_articles(
        {
            "a": "The embassy asked the court to lift the immunity of Jana Petrauskas on "
            "Monday. Jana Petrauskas has left the country, her lawyer said.",
        }
    )
    parsed = parse(arts, nlp=nlp)
    res = resolve_actors(
        arts, parsed.sentences, parsed.mentions, docs=parsed.docs, kb=load_knowledge_base()
    )
    assert "Jana Petrauskas" in set(res.actors["name"])
    assert "Jana" not in set(res.actors["name"])


def test_joins_are_always_made_from_the_articles_own_ids():
    mentions = pd.DataFrame({"article_id": ["a", "b"], "actor_id": ["x:roe", "x:acme"]})
    once = apply_joins({"mentions": mentions}, {"x:roe": "x:jane-roe"})["mentions"]
    assert once["actor_id"].tolist() == ["x:jane-roe", "x:acme"]
    assert once["actor_id_article"].tolist() == ["x:roe", "x:acme"]
    # the corpus changed: "Roe" is now someone else, and "Acme" a place (dropped)
    again = apply_joins({"mentions": once}, {"x:roe": "x:john-roe", "x:acme": None})
    assert again["mentions"]["actor_id"].tolist()[0] == "x:john-roe"
    assert again["mentions"]["actor_id"].isna().tolist() == [False, True]
    # no joins at all: the articles' own ids come back
    back = apply_joins({"mentions": once}, {})["mentions"]
    assert back["actor_id"].tolist() == ["x:roe", "x:acme"]


def test_rebuilding_a_store_with_nothing_new_gives_the_same_corpus(built, tmp_path):
    corpus, _ = built
    store = tmp_path / "again"
    first = build(make_articles(TEXTS), progress=False, store=store)
    second = build(make_articles(TEXTS), progress=False, store=store)
    for name in ("actors", "mentions", "quotes", "edges"):
        pd.testing.assert_frame_equal(
            first.frames[name].reset_index(drop=True),
            second.frames[name].reset_index(drop=True),
            obj=name,
        )
    assert set(second.actors["actor_id"]) == set(corpus.actors["actor_id"])


def _mentions_of(text, name, aid, article="a"):
    starts = [i for i in range(len(text)) if text.startswith(name, i)]
    return pd.DataFrame(
        {"article_id": article, "text": name, "actor_id": aid,
         "start": starts, "end": [s + len(name) for s in starts], "place_id": pd.NA}
    )  # fmt: skip


def test_a_project_or_an_agreement_that_never_acts_is_no_actor():
    from analysis.actors.identity import undertaking_actors

    text = (
        "Work on the Northway pipeline begins next year. The Northway gas pipeline will "
        "carry fuel to three ports. Critics say Northway costs too much."
    )
    parts = pd.DataFrame([_part("x:northway", "Northway", "person")])
    arts = pd.DataFrame({"article_id": ["a"], "text": [text]})
    mentions = _mentions_of(text, "Northway", "x:northway")
    assert undertaking_actors(parts, mentions, arts) == {"x:northway"}
    # the same share of mentions before "pipeline", but it speaks once: an actor
    spoke = text + ' "We are ready," Northway said.'
    arts_spoke = pd.DataFrame({"article_id": ["a"], "text": [spoke]})
    assert (
        undertaking_actors(parts, _mentions_of(spoke, "Northway", "x:northway"), arts_spoke)
        == set()
    )
    # a possessive acts too ("Northway's board voted")
    owns = text + " Northway's board voted on Monday."
    arts_owns = pd.DataFrame({"article_id": ["a"], "text": [owns]})
    assert (
        undertaking_actors(parts, _mentions_of(owns, "Northway", "x:northway"), arts_owns) == set()
    )
    # a quote's speaker is an agent whatever the words around its name
    quotes = pd.DataFrame({"speaker": ["x:northway"], "via": [pd.NA]})
    assert undertaking_actors(parts, mentions, arts, quotes) == set()
    # a company named mostly on its own is no undertaking
    firm = "Velmar hired forty workers. Velmar opened a plant. The Velmar project stalled."
    fparts = pd.DataFrame([_part("x:velmar", "Velmar", "organisation")])
    farts = pd.DataFrame({"article_id": ["a"], "text": [firm]})
    assert undertaking_actors(fparts, _mentions_of(firm, "Velmar", "x:velmar"), farts) == set()


def test_the_abbreviation_of_an_agreement_is_no_actor():
    from analysis.actors.identity import undertaking_actors

    text = (
        "Two states signed the Coastal Trade Area (CTA) agreement on Sunday. A third "
        "state plans to join the CTA soon. The success of the CTA depends on ports."
    )
    parts = pd.DataFrame([_part("x:cta", "CTA", "organisation")])
    arts = pd.DataFrame({"article_id": ["a"], "text": [text]})
    body = text.index("CTA soon")
    mentions = _mentions_of(text, "CTA", "x:cta")
    mentions = mentions[mentions["start"] >= body]  # the bracketed one is the full name's
    assert undertaking_actors(parts, mentions, arts) == {"x:cta"}
    # the abbreviation of a body ("the Coastal Trade Council (CTC)") stays an actor
    other = text.replace("Area (CTA) agreement", "Council (CTA)")
    arts2 = pd.DataFrame({"article_id": ["a"], "text": [other]})
    m2 = _mentions_of(other, "CTA", "x:cta")
    assert undertaking_actors(parts, m2[m2["start"] >= other.index("CTA soon")], arts2) == set()


def test_a_bare_supreme_court_is_the_court_of_the_country_its_article_is_about(nlp):
    from analysis.actors import load_knowledge_base, resolve_actors
    from analysis.nlp import parse

    arts = make_articles(
        {
            "a": "Canada will appeal the ruling. The Supreme Court ruled on Monday that the "
            "fishing law was unlawful. Canada's ministers met in Ottawa on Tuesday.",
            "b": "The Supreme Court ruled on Friday that the election in Kenya was void. "
            "Kenya will hold a new vote, and Kenyan parties welcomed the ruling.",
            "c": "The Supreme Court of Kenya heard the appeal of the farmers on Monday.",
        }
    )
    parsed = parse(arts, nlp=nlp)
    res = resolve_actors(
        arts, parsed.sentences, parsed.mentions, docs=parsed.docs, kb=load_knowledge_base()
    )
    by_article = res.actor_parts.groupby("article_id")["name"].agg(set)
    assert "Supreme Court of Canada" in by_article["a"]
    assert "Supreme Court of Kenya" in by_article["b"]
    # the court its text qualifies is the court the bare name stood for in Kenyan news
    assert "Supreme Court of Kenya" in by_article["c"]
    assert not any(n == "Supreme Court" for ns in by_article for n in ns)


def test_a_name_after_a_quoted_nickname_is_a_person_known_by_the_nickname(nlp):
    from analysis.actors import load_knowledge_base, resolve_actors
    from analysis.nlp import parse

    arts = make_articles(
        {
            "a": 'Governor Ann Baxter on Monday named Robert "Bo" Lindqvist to the empty '
            "seat in the state senate. Lindqvist will hold the seat until an election in "
            "June, and Lindqvist said he would not run.",
        }
    )
    parsed = parse(arts, nlp=nlp)
    res = resolve_actors(
        arts, parsed.sentences, parsed.mentions, docs=parsed.docs, kb=load_knowledge_base()
    )
    rows = res.actor_parts.set_index("actor_id")
    assert "x:bo-lindqvist" in rows.index
    assert rows.loc["x:bo-lindqvist", "kind"] == "person"
    assert rows.loc["x:bo-lindqvist", "mentions"] >= 3  # the bare surnames are his
    assert not any(i == "x:lindqvist" for i in rows.index)
    # the tagger may leave the nickname out of every entity: the text still names him
    text = 'The board named Robert "Bo" Lindqvist. Lindqvist thanked the board.'
    arts = make_articles({"b": text})
    parsed = parse(arts, nlp=nlp)
    res = resolve_actors(
        arts, parsed.sentences, parsed.mentions, docs=parsed.docs, kb=load_knowledge_base()
    )
    ids = set(res.actor_parts["actor_id"])
    assert "x:bo-lindqvist" in ids and "x:lindqvist" not in ids


def test_a_body_noun_alone_is_nobodys_surname():
    parts = pd.DataFrame(
        [
            _part("x:ann-centre", "Ann Centre", "person", "a"),
            _part("x:centre", "Centre", "organisation", "b"),
            _part("x:roe", "Roe", "person", "c"),
            _part("x:jane-roe", "Jane Roe", "person", "d"),
        ]
    )
    joins = corpus_joins(parts)
    assert joins.get("x:roe") == "x:jane-roe"  # a surname joins the one person
    assert "x:centre" not in joins  # "the Centre" is no one's surname


def test_an_agreement_spelled_out_in_one_article_is_no_actor_in_the_others():
    from analysis.actors.identity import undertaking_actors

    one = "The Coastal Trade Agreement (CTA) talks resumed. Ministers met to discuss the CTA."
    two = "Ports hope the CTA stays. Renegotiation of the CTA moves forward."
    parts = pd.DataFrame([_part("x:cta", "CTA", "organisation", a) for a in "ab"])
    arts = pd.DataFrame({"article_id": ["a", "b"], "text": [one, two]})
    ma = _mentions_of(one, "CTA", "x:cta", "a")
    ma = ma[ma["start"] > one.index("talks")]
    mentions = pd.concat([ma, _mentions_of(two, "CTA", "x:cta", "b")], ignore_index=True)
    assert undertaking_actors(parts, mentions, arts) == {"x:cta"}
    # spelled out as a council in another article: it may be a body there
    three = "The Coastal Trade Council (CTA) met in the port. The CTA meets again in May."
    arts3 = pd.concat([arts, pd.DataFrame({"article_id": ["c"], "text": [three]})])
    parts3 = pd.concat([parts, pd.DataFrame([_part("x:cta", "CTA", "organisation", "c")])])
    mc = _mentions_of(three, "CTA", "x:cta", "c")
    mentions3 = pd.concat([mentions, mc[mc["start"] > three.index("port")]], ignore_index=True)
    assert undertaking_actors(parts3, mentions3, arts3) == set()


def test_a_name_after_an_alias_cue_is_the_person_named_just_before():
    from analysis.actors.identity import alias_joins

    one = "Tomas Brandt had crossed the border under the alias Piet Hollis last May."
    two = "Police said Piet Hollis had rented a car. Brandt denied it."
    parts = pd.DataFrame(
        [
            _part("x:tomas-brandt", "Tomas Brandt", "person", "a"),
            _part("x:piet-hollis", "Piet Hollis", "person", "a"),
            _part("x:piet-hollis", "Piet Hollis", "person", "b"),
            _part("x:tomas-brandt", "Brandt", "person", "b"),
        ]
    )
    arts = pd.DataFrame({"article_id": ["a", "b"], "text": [one, two]})

    def at(text, name, aid, art, sent=0):
        i = text.index(name)
        return {"article_id": art, "sentence_id": sent, "start": i, "end": i + len(name),
                "text": name, "actor_id": aid}  # fmt: skip

    mentions = pd.DataFrame(
        [
            at(one, "Tomas Brandt", "x:tomas-brandt", "a"),
            at(one, "Piet Hollis", "x:piet-hollis", "a"),
            at(two, "Piet Hollis", "x:piet-hollis", "b"),
            at(two, "Brandt", "x:tomas-brandt", "b", 1),
        ]
    )
    assert alias_joins(parts, mentions, arts) == {"x:piet-hollis": "x:tomas-brandt"}
    # without the cue two people stay two
    plain = one.replace("under the alias", "with")
    arts2 = arts.assign(text=[plain, two])
    m2 = mentions.copy()
    m2.loc[1, ["start", "end"]] = [plain.index("Piet"), plain.index("Piet") + 11]
    assert alias_joins(parts, m2, arts2) == {}


def test_a_selection_keeps_a_join_the_build_made_from_the_text():
    from analysis.selection import corpus_identity

    parts = pd.DataFrame(
        [
            _part("x:tomas-brandt", "Tomas Brandt", "person", "a"),
            _part("x:piet-hollis", "Piet Hollis", "person", "a"),
            _part("x:northway", "Northway", "organisation", "a"),
        ]
    )
    actors = pd.DataFrame({"actor_id": ["x:tomas-brandt"]})
    mentions = pd.DataFrame(
        {
            "actor_id_article": ["x:tomas-brandt", "x:piet-hollis", "x:northway"],
            "actor_id": ["x:tomas-brandt", "x:tomas-brandt", pd.NA],
        }
    )
    joins = corpus_identity(parts, actors, mentions)
    assert joins["x:piet-hollis"] == "x:tomas-brandt"  # the alias the build joined
    assert joins["x:northway"] is None  # an actor the build dropped
    assert corpus_identity(parts, actors)["x:piet-hollis"] is None  # without mentions


def test_a_name_misspelt_by_one_letter_in_one_article_joins_the_common_spelling():
    common = [_part("x:marguerita-olsen", "Marguerita Olsen", article=a) for a in "abc"]
    parts = pd.DataFrame(
        [
            *common,
            _part("x:margerita-olsen", "Margerita Olsen", article="d"),  # a letter dropped
            _part("x:tomas-vidal", "Tomas Vidal", article="e"),
            _part("x:tomas-vidall", "Tomas Vidall", article="f"),  # both rare: two people
            *[_part("x:jon-pryce", "Jon Pryce", article=a) for a in "ghi"],
            _part("x:john-pryce", "John Pryce", article="j"),  # short first names: two
            *[_part("x:carl-brown", "Carl Brown", article=a) for a in "mno"],
            _part("x:carl-browne", "Carl Browne", article="p"),  # a letter added at the end
        ]
    )
    joins = corpus_joins(parts)
    assert joins == {"x:margerita-olsen": "x:marguerita-olsen"}
    # two spellings each read in several articles are two people
    wide = pd.concat(
        [
            parts,
            pd.DataFrame([_part("x:margerita-olsen", "Margerita Olsen", article=a) for a in "kl"]),
        ]
    )
    assert "x:margerita-olsen" not in corpus_joins(wide)


def test_a_compound_surname_alone_joins_the_full_name():
    parts = pd.DataFrame(
        [
            _part("x:ana-ruiz-olmedo", "Ana Ruiz Olmedo", article="a"),
            _part("x:ruiz-olmedo", "Ruiz Olmedo", article="b"),
            _part("x:mary-kate-holt", "Mary Kate Holt", article="c"),
            _part("x:kate-holt", "Kate Holt", article="d"),  # a given name first
            _part("x:oskar-lind-berg", "Oskar Lind Berg", article="e"),
            _part("x:lind-berg", "Lind Berg", article="f"),
            _part("x:lind-parker", "Lind Parker", article="g"),  # "Lind" also a first name
            _part("x:ali-omar-karim-haddad", "Ali Omar Karim Haddad", article="h"),
            _part("x:karim-haddad", "Karim Haddad", article="h"),  # his father
        ]
    )
    assert corpus_joins(parts) == {"x:ruiz-olmedo": "x:ana-ruiz-olmedo"}


def test_a_short_first_name_and_a_middle_initial_join_the_formal_name():
    parts = pd.DataFrame(
        [
            _part("x:joseph-k-arlen", "Joseph K. Arlen", article="a", mentions=4),
            _part("x:joe-arlen", "Joe Arlen", article="b", mentions=6),
            _part("x:arlen", "Arlen", article="c"),
            _part("x:bill-corrigan", "Bill Corrigan", article="d"),
            _part("x:william-corrigan", "William Corrigan", article="e", mentions=2),
            _part("x:ben-tarrow", "Ben Tarrow", article="f"),
            _part("x:bob-tarrow", "Bob Tarrow", article="g"),  # two people
            _part("x:mitch-dorsey", "Mitch Dorsey", article="h"),
            _part("x:mitchell", "Mitchell", article="i"),  # a surname, not "Mitch"
        ]
    )
    joins = corpus_joins(parts)
    assert "x:mitchell" not in joins
    assert joins["x:joseph-k-arlen"] == "x:joe-arlen"
    assert joins["x:arlen"] == "x:joe-arlen"  # the surname is no longer ambiguous
    assert joins["x:bill-corrigan"] == "x:william-corrigan"
    assert not {"x:ben-tarrow", "x:bob-tarrow"} & set(joins)


def test_a_headline_glued_to_a_name_joins_the_person():
    parts = pd.DataFrame(
        [
            _part("x:dana-whitcombe", "Dana Whitcombe", article="a", mentions=9),
            _part("x:dana-whitcombe-slams", "Dana Whitcombe Slams", article="b"),
            _part("x:whitcombe-defends-budget", "Whitcombe Defends Budget", article="c"),
            _part("x:whitcombe-will-run", "Whitcombe Will Run", article="d"),
            _part("x:greg-marsh", "Greg Marsh", article="e", mentions=9),
            _part("x:marsh-hawkins", "Marsh Hawkins", article="f"),  # a full name
            _part("x:greg-e-marsh-iii", "Greg E. Marsh III", article="g"),  # another one
            _part("x:dana-jenkins", "Dana Jenkins", article="h"),
            _part("x:jenkins-m-bates-jr", "Jenkins M. Bates Jr.", article="i"),
        ]
    )
    joins = corpus_joins(parts)
    assert joins == {
        "x:dana-whitcombe-slams": "x:dana-whitcombe",
        "x:whitcombe-defends-budget": "x:dana-whitcombe",
        "x:whitcombe-will-run": "x:dana-whitcombe",
    }


def test_a_party_s_members_are_the_party_and_another_party_stays_apart(nlp):
    from analysis.actors import load_knowledge_base, resolve_actors
    from analysis.nlp import parse

    arts = make_articles(
        {
            "a": "Democrats in the Senate rejected the budget on Tuesday, and Republicans "
            "vowed to bring it back.",
            "b": "In Berlin, the Social Democrats left the coalition talks on Monday.",
            # another country's own party of that name
            "c": "In Belgrade, Democrats walked out of the Serbian parliament, and Serbia's "
            "president called a vote in Serbia for June.",
        }
    )
    parsed = parse(arts, nlp=nlp)
    res = resolve_actors(
        arts, parsed.sentences, parsed.mentions, docs=parsed.docs, kb=load_knowledge_base()
    )
    m = res.mentions.dropna(subset=["actor_id"])
    ids = {a: set(g["actor_id"]) for a, g in m.groupby("article_id")}
    assert {"kb:democratic_party", "kb:republican_party"} <= ids["a"]
    assert "kb:democratic_party" not in ids.get("b", set())
    assert "kb:democratic_party" not in ids.get("c", set())


def test_a_son_named_with_jr_is_not_his_father_in_the_knowledge_base(nlp):
    res = _resolved(
        nlp,
        {
            "a": "Donald Trump Jr. met the lawyer in June. Trump Jr. said the meeting was "
            "short, and President Donald Trump said his son was a good boy.",
            "b": "Robert Kennedy, Jr. spoke in Boston on Monday.",
        },
    )
    ids = res.mentions.set_index("text")["actor_id"]
    son = res.mentions[res.mentions["text"].str.startswith("Donald Trump")]
    # the tagger's "Donald Trump" before "Jr." is the son, not the knowledge-base father
    assert son.actor_id.nunique() == 2
    assert "kb:donald_trump" in set(son.actor_id)
    assert ids["Trump Jr."] != "kb:donald_trump"
    names = set(res.actors["name"])
    assert "Donald Trump Jr." in names and "Robert Kennedy Jr." in names


def test_a_surname_with_its_generation_joins_the_one_full_name_that_has_both():
    from collections import Counter

    from analysis.actors.graph import join_map

    def person(aid: str, name: str, n: int) -> dict:
        return {
            "actor_id": aid,
            "name": None,
            "kind": None,
            "in_kb": False,
            "aliases": set(),
            "mentions": n,
            "name_votes": Counter({name: n}),
            "kind_votes": Counter({"person": n}),
        }

    # a building of the family's name the tagger took for a person changes nothing
    tower = person("x:vale-tower", "Vale Tower", 4)
    one = {
        "x:vale-jr": person("x:vale-jr", "Vale Jr.", 5),
        "x:tom-vale-jr": person("x:tom-vale-jr", "Tom Vale Jr.", 3),
        "x:tom-vale": person("x:tom-vale", "Tom Vale", 9),
        "x:vale-tower": tower,
    }
    assert join_map(one)["x:vale-jr"] == "x:tom-vale-jr"
    two = {**one, "x:ann-vale-jr": person("x:ann-vale-jr", "Ann Vale Jr.", 2)}
    assert "x:vale-jr" not in join_map(two)  # two of them: no telling which

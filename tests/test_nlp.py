"""analysis.nlp: pipeline construction, parsing, pieces and bad input."""

from __future__ import annotations

import logging

from helpers import make_articles
from spacy.tokens import Doc, Span

from analysis import schema
from analysis.nlp import frames_from_docs, load_pipeline, looks_english, parse, split_text


def assert_offsets_exact(parsed, texts):
    for row in parsed.sentences.itertuples():
        assert texts[row.article_id][row.start : row.end] == row.text
    for row in parsed.mentions.itertuples():
        assert texts[row.article_id][row.start : row.end] == row.text


# --------------------------------------------------------------------------- pipeline


def test_pipeline_has_ruler_before_ner_and_titles_last(nlp):
    names = nlp.pipe_names
    assert names.index("entity_ruler") < names.index("ner")
    assert names[-1] == "newsdesk_titles"
    assert load_pipeline() is nlp  # cached


def test_missing_model_falls_back_to_blank_with_one_warning(caplog):
    with caplog.at_level(logging.WARNING, logger="analysis.nlp"):
        nlp = load_pipeline("en_no_such_model_xyz")
        again = load_pipeline("en_no_such_model_xyz")
    assert again is nlp
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "blank English pipeline" in warnings[0].getMessage()
    doc = nlp("Kim Jong Un visited the Yongbyon nuclear facility with Mike Pompeo.")
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents["Kim Jong Un"] == "PERSON"
    assert ents["Yongbyon nuclear facility"] == "FAC"
    assert ents["Mike Pompeo"] == "PERSON"


def test_title_component_drops_entities_inside_titles(blank):
    words = ["Secretary", "of", "State", "Mike", "Pompeo", "spoke", "."]
    doc = Doc(blank.vocab, words=words, ents=["O", "O", "B-ORG", "B-PERSON", "I-PERSON", "O", "O"])
    doc = blank.get_pipe("newsdesk_titles")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Mike Pompeo", "PERSON")]
    assert [t.text for t in doc.spans["titles"]] == ["Secretary of State"]


def test_title_component_trims_a_title_inside_a_person_span(blank):
    doc = Doc(blank.vocab, words=["President", "Moon", "said"], ents=["B-PERSON", "I-PERSON", "O"])
    doc = blank.get_pipe("newsdesk_titles")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Moon", "PERSON")]


def test_frames_from_hand_built_docs(blank):
    words = ["Putin", "met", "Kim", ".", "They", "talked", "."]
    sent_starts = [True, False, False, False, True, False, False]
    doc = Doc(
        blank.vocab,
        words=words,
        sent_starts=sent_starts,
        ents=["B-PERSON", "O", "B-PERSON", "O", "O", "O", "O"],
    )
    parsed = frames_from_docs([(doc, ("a", 10))])
    text = " " * 10 + doc.text
    assert list(parsed.sentences["sentence_id"]) == [0, 1]
    assert list(parsed.mentions["sentence_id"]) == [0, 0]
    assert set(parsed.mentions["source"]) == {"ner"}
    assert_offsets_exact(parsed, {"a": text})


# --------------------------------------------------------------------------- real model


def test_sample_with_real_model(nlp, sample_text):
    articles = make_articles({"s": sample_text})
    parsed = parse(articles, nlp=nlp)
    schema.check(parsed.sentences, "sentences")
    schema.check(parsed.mentions, "mentions")
    assert_offsets_exact(parsed, {"s": sample_text})
    m = parsed.mentions
    assert "State" not in set(m["text"])
    assert not ((m["text"].str.startswith("Yongbyon")) & (m["label"] == "PERSON")).any()
    labels = dict(zip(m["text"], m["label"], strict=True))
    assert labels["Yonhap"] == "ORG" and labels["UPI"] == "ORG"
    assert (m.loc[m["text"] == "Kim Jong Un", "source"] == "kb").all()
    assert (m["sentence_id"] >= 0).all()
    assert parsed.sentences["sentence_id"].is_monotonic_increasing
    assert len(parsed.docs["s"]) == 1


# --------------------------------------------------------------------------- pieces


def test_split_text_prefers_paragraphs_and_keeps_offsets():
    text = ("Alpha beta gamma. " * 20 + "\n\n") * 30
    pieces = split_text(text, 1000)
    assert "".join(p for _, p in pieces) == text
    for offset, piece in pieces:
        assert len(piece) <= 1000
        assert text[offset : offset + len(piece)] == piece
    assert all(p.endswith("\n\n") for _, p in pieces[:-1])


def test_split_text_without_breaks_cuts_at_spaces_then_anywhere():
    words = split_text("word " * 1000, 97)
    assert all(len(p) <= 97 and p.endswith(" ") for _, p in words[:-1])
    blob = split_text("x" * 1000, 300)
    assert [len(p) for _, p in blob] == [300, 300, 300, 100]


def test_five_million_characters_in_pieces(blank):
    paragraph = "Kim Jong Un met Vladimir Putin in Vladivostok on Thursday.\n\n"
    text = paragraph * (5_000_000 // len(paragraph) + 1)
    assert len(text) > 5_000_000
    parsed = parse(make_articles({"big": text}), nlp=blank)
    pieces = parsed.docs["big"]
    assert len(pieces) > 1
    assert all(len(doc.text) <= blank.max_length for _, doc in pieces)
    m = parsed.mentions
    repeats = text.count(paragraph)
    assert (m["text"] == "Kim Jong Un").sum() == repeats
    # offsets exact even in the last piece
    for row in m.tail(5).itertuples():
        assert text[row.start : row.end] == row.text
    assert m["start"].max() > 4_900_000
    assert parsed.sentences["sentence_id"].is_unique


# --------------------------------------------------------------------------- bad input


def test_empty_and_blank_texts_give_no_rows(nlp):
    parsed = parse(make_articles({"e": "", "w": "   \n\n "}), nlp=nlp)
    assert parsed.sentences.empty and parsed.mentions.empty
    assert set(parsed.skipped) == {"e", "w"}


def test_digits_and_punctuation_only(nlp):
    texts = {"d": "12 345 6789 -- 2019/04/22 !!! ?? ... 3.14", "p": "!!!???...;;;"}
    parsed = parse(make_articles(texts), nlp=nlp)
    assert_offsets_exact(parsed, texts)
    assert not parsed.mentions["label"].isin(["PERSON", "ORG", "GPE"]).any()


def test_non_english_text_is_not_run_through_english_ner(nlp, caplog):
    texts = {
        "de": "Der Kreml hat bestätigt, dass die Vorbereitungen für das Gipfeltreffen laufen.",
        "ko": "김정은 국무위원장과 블라디미르 푸틴 대통령이 정상회담을 열었다.",
        "en": "Kim Jong Un met Vladimir Putin in Vladivostok.",
    }
    with caplog.at_level(logging.INFO, logger="analysis.nlp"):
        parsed = parse(
            make_articles(texts, language={"de": "de", "ko": "und", "en": "en"}), nlp=nlp
        )
    assert set(parsed.skipped) == {"de", "ko"}
    assert set(parsed.mentions["article_id"]) == {"en"}
    assert any(
        "not English" in r.getMessage() or "does not look English" in r.getMessage()
        for r in caplog.records
    )


def test_looks_english():
    assert looks_english(
        "The talks between the two leaders were held in the city of Hanoi, "
        "and the president said that he was happy with the result of it."
    )
    assert not looks_english("Переговоры между двумя лидерами прошли во Владивостоке.")
    assert looks_english("2019 -- 42")


def test_tokens_that_are_not_names_make_no_mentions(blank):
    # a party label's state, and the stem of a contraction split off its apostrophe
    words = ["Senator", "Ann", "Lark", ",", "R", "-", "Wis.", ",", "Doesn", "\u2019t", "care"]
    spaces = [True, True, False, True, False, False, False, True, False, True, False]
    doc = Doc(
        blank.vocab, words=words, spaces=spaces, sent_starts=[True] + [False] * (len(words) - 1)
    )

    doc.ents = [
        Span(doc, 1, 3, label="PERSON"),
        Span(doc, 6, 7, label="GPE"),
        Span(doc, 8, 9, label="PERSON"),
    ]
    parsed = frames_from_docs([(doc, ("a", 0))])
    assert parsed.mentions["text"].tolist() == ["Ann Lark"]


def test_real_model_keeps_the_person_and_drops_the_party_state(nlp):
    arts = make_articles({"a": "House Speaker Ann Lark, R-Wis., said the vote doesn't matter."})
    mentions = parse(arts, nlp=nlp).mentions
    assert "Ann Lark" in mentions["text"].tolist()
    assert not any(t.startswith("Wis") for t in mentions["text"])
    assert not any(t.lower().startswith("doesn") for t in mentions["text"])


def test_an_untagged_name_after_a_title_is_a_person(nlp):
    doc = nlp('"We will look at it," said Senate Minority Whip Edna Kowalczyk.')
    assert ("Edna Kowalczyk", "PERSON") in [(e.text, e.label_) for e in doc.ents]
    # the title itself is no one
    assert not any(e.text.endswith("Whip") for e in doc.ents)

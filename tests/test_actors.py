"""analysis.actors: knowledge base, resolution, metonymy, quotes, edges, merging."""

from __future__ import annotations

import logging

import pandas as pd
import pytest
from helpers import make_articles
from spacy.tokens import Doc, Span

from analysis import schema
from analysis.actors import (
    KnowledgeBaseError,
    co_mention_graph,
    load_knowledge_base,
    merge_actors,
    merge_edges,
    normalize_name,
    resolve_actors,
)
from analysis.nlp import frames_from_docs, parse


def hand_doc(
    blank,
    words,
    *,
    ents=(),
    heads=None,
    deps=None,
    lemmas=None,
    pos=None,
    tags=None,
    sent_starts=None,
):
    """A Doc built by hand, with entity spans (start, end, label[, ruler id]) and titles."""
    doc = Doc(
        blank.vocab,
        words=words,
        heads=heads,
        deps=deps,
        lemmas=lemmas,
        pos=pos,
        tags=tags,
        sent_starts=sent_starts,
    )
    doc.ents = [
        Span(doc, s, e, label=lab, span_id=rest[0] if rest else 0) for s, e, lab, *rest in ents
    ]
    return blank.get_pipe("newsdesk_titles")(doc)


def run(articles_docs: dict[str, Doc], kb, **kw):
    texts = {aid: doc.text for aid, doc in articles_docs.items()}
    parsed = frames_from_docs((doc, (aid, 0)) for aid, doc in articles_docs.items())
    return resolve_actors(
        make_articles(texts), parsed.sentences, parsed.mentions, docs=parsed.docs, kb=kb, **kw
    )


# --------------------------------------------------------------------------- knowledge base


def test_bundled_knowledge_base_is_valid(kb):
    assert kb["actor_id"].is_unique
    assert kb["actor_id"].str.startswith("kb:").all()
    for name in [
        "Kim Jong Un",
        "Vladimir Putin",
        "Dmitry Peskov",
        "Mike Pompeo",
        "Reuters",
        "Yonhap",
        "Kyodo News",
        "UPI",
        "Asia Times",
        "ZeroHedge",
        "KCNA",
        "Xi Jinping",
        "Shinzo Abe",
        "Moon Jae-in",
        "Government of Russia",
    ]:
        assert name in set(kb["name"]), name
    qids = kb["wikidata"].dropna()
    assert qids.str.fullmatch(r"Q\d+").all()
    assert set(kb["kind"]) <= {"person", "government", "organisation", "media"}


def test_user_knowledge_base_adds_and_overrides(tmp_path, kb):
    user = tmp_path / "mine.csv"
    user.write_text(
        "actor_id,name,kind,country,aliases\n"
        "ri_chol_man,Ri Chol Man,person,KP,Ri Chol-man\n"
        "reuters,Reuters News,media,GB,Reuters\n",
        encoding="utf-8",
    )
    merged = load_knowledge_base(user)
    assert len(merged) == len(kb) + 1
    assert merged.set_index("actor_id").loc["kb:reuters", "name"] == "Reuters News"
    yml = tmp_path / "more.yaml"
    yml.write_text("- actor_id: foo\n  name: Foo Bar\n  kind: person\n  aliases: [F. Bar]\n")
    row = load_knowledge_base(yml, bundled=False).iloc[0]
    assert row["aliases"] == ["Foo Bar", "F. Bar"]


def test_bad_knowledge_base_rows_are_named_and_skipped(tmp_path, caplog):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "actor_id,name,kind,country,wikidata\n"
        "ok_one,Ok One,person,US,\n"
        "bad_kind,Bad Kind,wizard,US,\n"
        "bad_qid,Bad Qid,person,US,7747\n",
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING, logger="analysis.actors.kb"):
        frame = load_knowledge_base(bad, bundled=False)
    assert list(frame["name"]) == ["Ok One"]
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert f"{bad}, row 3" in messages and "wizard" in messages
    assert f"{bad}, row 4" in messages
    with pytest.raises(KnowledgeBaseError, match="row 3"):
        load_knowledge_base(bad, bundled=False, strict=True)
    with pytest.raises(FileNotFoundError):
        load_knowledge_base(tmp_path / "missing.csv")


def test_normalize_name_variants():
    assert normalize_name("Kim Jong-un") == normalize_name("KIM JONG UN") == "kim jong un"
    assert normalize_name("North Korea\u2019s") == "north korea"
    assert normalize_name("the U.S.") == normalize_name("US")


# --------------------------------------------------------------------------- hand-built docs


def test_metonyms_by_syntax(blank, kb):
    # Washington 's engagement with Pyongyang is uncertain . Kim arrived in Pyongyang .
    words = [
        "Washington",
        "'s",
        "engagement",
        "with",
        "Pyongyang",
        "is",
        "uncertain",
        ".",
        "Kim",
        "arrived",
        "in",
        "Pyongyang",
        ".",
    ]
    heads = [2, 0, 5, 2, 3, 5, 5, 5, 9, 9, 9, 10, 9]
    deps = [
        "poss",
        "case",
        "nsubj",
        "prep",
        "pobj",
        "ROOT",
        "acomp",
        "punct",
        "nsubj",
        "ROOT",
        "prep",
        "pobj",
        "punct",
    ]
    doc = hand_doc(
        blank,
        words,
        heads=heads,
        deps=deps,
        ents=[(0, 1, "GPE"), (4, 5, "GPE"), (8, 9, "PERSON"), (11, 12, "GPE")],
    )
    res = run({"a": doc}, kb)
    m = res.mentions.set_index("start")
    assert m.loc[0, "actor_id"] == "kb:us_gov"  # Washington's engagement
    assert m.loc[doc[4].idx, "actor_id"] == "kb:north_korea_gov"  # with Pyongyang
    literal = m.loc[doc[11].idx]
    assert pd.isna(literal["actor_id"]) and literal["role"] == "literal"  # arrived in Pyongyang
    names = set(res.actors["name"])
    assert "Pyongyang" not in names and "Washington" not in names


def test_role_and_direct_quote_attributed_through_the_parse(blank, kb):
    words = [
        "Kremlin",
        "spokesman",
        "Dmitry",
        "Peskov",
        "spoke",
        ".",
        "\u201c",
        "We",
        "are",
        "ready",
        "to",
        "meet",
        ",",
        "\u201d",
        "the",
        "Kremlin",
        "spokesman",
        "said",
        ".",
    ]
    heads = [1, 3, 3, 4, 4, 4, 17, 8, 17, 8, 11, 9, 17, 17, 16, 16, 17, 17, 17]
    deps = [
        "compound",
        "compound",
        "compound",
        "nsubj",
        "ROOT",
        "punct",
        "punct",
        "nsubj",
        "ccomp",
        "acomp",
        "aux",
        "xcomp",
        "punct",
        "punct",
        "det",
        "compound",
        "nsubj",
        "ROOT",
        "punct",
    ]
    lemmas = [w.lower() for w in words]
    lemmas[4], lemmas[17], lemmas[8] = "speak", "say", "be"
    pos = [
        "PROPN",
        "NOUN",
        "PROPN",
        "PROPN",
        "VERB",
        "PUNCT",
        "PUNCT",
        "PRON",
        "AUX",
        "ADJ",
        "PART",
        "VERB",
        "PUNCT",
        "PUNCT",
        "DET",
        "PROPN",
        "NOUN",
        "VERB",
        "PUNCT",
    ]
    doc = hand_doc(
        blank,
        words,
        heads=heads,
        deps=deps,
        lemmas=lemmas,
        pos=pos,
        ents=[(0, 1, "FAC", "kb:russia_gov"), (2, 4, "PERSON"), (15, 16, "FAC", "kb:russia_gov")],
    )
    res = run({"a": doc}, kb)
    role = res.mentions[res.mentions["source"] == "role"]
    assert list(role["text"]) == ["the Kremlin spokesman"]
    assert list(role["actor_id"]) == ["kb:dmitry_peskov"]
    q = res.quotes
    assert len(q) == 1
    assert q.iloc[0]["text"] == "We are ready to meet"
    assert q.iloc[0]["speaker"] == "kb:dmitry_peskov"
    assert q.iloc[0]["cue"] == "say" and q.iloc[0]["kind"] == "direct"
    assert doc.text[q.iloc[0]["start"] : q.iloc[0]["end"]] == q.iloc[0]["text"]
    # "Kremlin" qualifies a title: not a mention of the government
    assert "kb:russia_gov" not in set(res.actors["actor_id"])


def _kims(blank, words, ents):
    starts = [i == 0 or words[i - 1] == "." for i in range(len(words))]
    return hand_doc(blank, words, ents=ents, sent_starts=starts)


def test_bare_surname_resolves_by_recency_then_salience(blank, kb):
    # Kim Jong Un met Putin . Kim Jong Un smiled . Kim Chang Son arrived . Kim inspected .
    w1 = [
        "Kim",
        "Jong",
        "Un",
        "met",
        "Putin",
        ".",
        "Kim",
        "Jong",
        "Un",
        "smiled",
        ".",
        "Kim",
        "Chang",
        "Son",
        "arrived",
        ".",
        "Kim",
        "inspected",
        ".",
    ]
    d1 = _kims(
        blank,
        w1,
        [
            (0, 3, "PERSON"),
            (4, 5, "PERSON"),
            (6, 9, "PERSON"),
            (11, 14, "PERSON"),
            (16, 17, "PERSON"),
        ],
    )
    # Kim Jong Un met Kim Chang Son . Kim Jong Un smiled . They ate . Kim left .
    w2 = [
        "Kim",
        "Jong",
        "Un",
        "met",
        "Kim",
        "Chang",
        "Son",
        ".",
        "Kim",
        "Jong",
        "Un",
        "smiled",
        ".",
        "They",
        "ate",
        ".",
        "Kim",
        "left",
        ".",
    ]
    d2 = _kims(
        blank, w2, [(0, 3, "PERSON"), (4, 7, "PERSON"), (8, 11, "PERSON"), (16, 17, "PERSON")]
    )
    res = run({"one": d1, "two": d2}, kb)
    bare = res.mentions[res.mentions["text"] == "Kim"].set_index("article_id")["actor_id"]
    assert bare["one"] == "kb:kim_chang_son"  # named in the sentence before
    assert bare["two"] == "kb:kim_jong_un"  # the more salient of the two
    putin = res.mentions[res.mentions["text"] == "Putin"]["actor_id"].iloc[0]
    assert putin == "kb:vladimir_putin"  # a surname unique in the knowledge base
    assert "Kim" not in set(res.actors["name"])


def test_unknown_names_become_clustered_actors(blank, kb):
    d1 = _kims(
        blank,
        ["Ri", "Chol-man", "spoke", ".", "Ri", "left", "."],
        [(0, 2, "PERSON"), (4, 5, "PERSON")],
    )
    d2 = _kims(
        blank,
        ["Ri", "Chol", "Man", "met", "the", "Acme", "Times", "."],
        [(0, 3, "PERSON"), (5, 7, "ORG")],
    )
    res = run({"a": d1, "b": d2}, kb)
    actors = res.actors.set_index("actor_id")
    ri = actors.loc["x:ri-chol-man"]
    assert ri["mentions"] == 3 and ri["articles"] == 2 and ri["kind"] == "person"
    assert {"Ri Chol-man", "Ri Chol Man"} <= set(ri["aliases"])
    assert actors.loc["x:acme-times", "kind"] == "media"
    assert not ri["in_kb"]


def test_edges_by_sentence_and_by_article(blank, kb):
    words = [
        "Putin",
        "met",
        "Kim",
        "Jong",
        "Un",
        ".",
        "Trump",
        "waited",
        ".",
        "Putin",
        "called",
        "Trump",
        ".",
    ]
    doc = _kims(
        blank,
        words,
        [
            (0, 1, "PERSON"),
            (2, 5, "PERSON"),
            (6, 7, "PERSON"),
            (9, 10, "PERSON"),
            (11, 12, "PERSON"),
        ],
    )
    by_sentence = run({"a": doc}, kb).edges.set_index(["source", "target"])
    assert by_sentence.loc[("kb:kim_jong_un", "kb:vladimir_putin"), "weight"] == 1
    assert by_sentence.loc[("kb:donald_trump", "kb:vladimir_putin"), "weight"] == 1
    assert ("kb:donald_trump", "kb:kim_jong_un") not in by_sentence.index
    by_article = run({"a": doc}, kb, edges_scope="article").edges
    assert len(by_article) == 3 and set(by_article["weight"]) == {1}
    graph = co_mention_graph(by_sentence.reset_index(), min_weight=1)
    assert graph["kb:vladimir_putin"]["kb:kim_jong_un"]["weight"] == 1
    with pytest.raises(ValueError, match="edges_scope"):
        run({"a": doc}, kb, edges_scope="paragraph")


def test_merge_sums_and_unites(kb):
    a = pd.DataFrame(
        {
            "actor_id": ["x:foo"],
            "name": ["Foo"],
            "kind": ["person"],
            "country": [None],
            "aliases": [["Foo"]],
            "wikidata": [None],
            "mentions": [2],
            "articles": [1],
            "in_kb": [False],
        }
    )
    b = a.assign(name="Foo Bar", aliases=[["Foo Bar"]], mentions=3)
    merged = merge_actors([a, b]).iloc[0]
    assert merged["mentions"] == 5 and merged["articles"] == 2
    assert merged["aliases"] == ["Foo", "Foo Bar"] and merged["name"] == "Foo Bar"
    e = schema.conform(
        pd.DataFrame({"source": ["a"], "target": ["b"], "weight": [2], "articles": [1]}), "edges"
    )
    both = merge_edges([e, e]).iloc[0]
    assert both["weight"] == 4 and both["articles"] == 2
    assert merge_actors([]).empty and merge_edges([]).empty


# --------------------------------------------------------------------------- real model


@pytest.fixture(scope="module")
def sample_result(nlp, sample_text):
    articles = make_articles({"s": sample_text})
    parsed = parse(articles, nlp=nlp)
    return resolve_actors(articles, parsed.sentences, parsed.mentions, docs=parsed.docs)


def test_sample_actors(sample_result):
    actors = sample_result.actors
    schema.check(actors, "actors")
    ids = list(actors["actor_id"])
    assert ids[:2] == ["kb:kim_jong_un", "kb:vladimir_putin"]
    for aid in [
        "kb:mike_pompeo",
        "kb:donald_trump",
        "kb:dmitry_peskov",
        "kb:kim_chang_son",
        "kb:russia_gov",
        "kb:north_korea_gov",
        "kb:us_gov",
        "kb:reuters",
        "kb:yonhap",
        "kb:kyodo",
        "kb:upi",
        "kb:asia_times",
        "kb:zerohedge",
    ]:
        assert aid in ids, aid
    names = set(actors["name"])
    assert not names & {"State", "Kim", "Yongbyon"}
    kim = actors.set_index("actor_id").loc["kb:kim_jong_un"]
    assert {"Kim Jong Un", "Kim Jong-un", "Kim"} <= set(kim["aliases"])


def test_sample_quotes_of_peskov(sample_result, sample_text):
    q = sample_result.quotes
    schema.check(q, "quotes")
    for needle in ("on track to meet", "preparations have entered the final stage"):
        rows = q[q["text"].str.contains(needle, regex=False)]
        assert len(rows) == 1, needle
        assert rows.iloc[0]["speaker"] == "kb:dmitry_peskov"
        assert rows.iloc[0]["kind"] == "direct"
    first = q[q["text"].str.contains("on track to meet", regex=False)].iloc[0]
    assert first["via"] == "kb:reuters" and first["cue"] == "confirm"
    for row in q.itertuples():
        assert sample_text[row.start : row.end] == row.text


def test_sample_mentions_keep_offsets(sample_result, sample_text):
    m = sample_result.mentions
    for row in m.itertuples():
        assert sample_text[row.start : row.end] == row.text
    state = m[m["text"] == "Kremlin"]
    assert set(state["role"]) <= {"actor", "attribute"}


def test_batches_give_the_same_result_as_one_run(nlp, sample_text):
    texts = {
        "s": sample_text,
        "t": "Vladimir Putin met Shinzo Abe in Tokyo. Putin said Moscow wants peace. "
        "Abe told reporters Japan will talk with Pyongyang.",
    }
    articles = make_articles(texts)
    parsed = parse(articles, nlp=nlp)
    whole = resolve_actors(articles, parsed.sentences, parsed.mentions, docs=parsed.docs)
    parts = []
    for aid in texts:
        one = articles[articles["article_id"] == aid]
        p = parse(one, nlp=nlp)
        parts.append(resolve_actors(one, p.sentences, p.mentions, docs=p.docs))
    merged = merge_actors([p.actors for p in parts])
    pd.testing.assert_frame_equal(
        whole.actors.reset_index(drop=True), merged.reset_index(drop=True)
    )
    pd.testing.assert_frame_equal(
        whole.edges.reset_index(drop=True),
        merge_edges([p.edges for p in parts]).reset_index(drop=True),
    )
    both = whole.actors.set_index("actor_id")
    assert both.loc["kb:vladimir_putin", "articles"] == 2
    assert both.loc["kb:shinzo_abe", "mentions"] == 2
    # the per-article parts of the batch call are each article's own result
    for aid, alone in zip(texts, parts, strict=True):
        for got, want in ((whole.actor_parts, alone.actors), (whole.edge_parts, alone.edges)):
            mine = got[got["article_id"] == aid].drop(columns="article_id")
            pd.testing.assert_frame_equal(
                mine.reset_index(drop=True), want.reset_index(drop=True), check_like=False
            )
    assert set(whole.actor_parts["article_id"]) == set(texts)
    merged_parts = merge_actors([whole.actor_parts.drop(columns="article_id")])
    pd.testing.assert_frame_equal(merged_parts, whole.actors.reset_index(drop=True))


def test_resolve_parses_when_docs_are_missing(nlp, sample_text):
    articles = make_articles({"s": sample_text})
    parsed = parse(articles, nlp=nlp)
    res = resolve_actors(articles, parsed.sentences, parsed.mentions)
    assert res.actors["actor_id"].iloc[0] == "kb:kim_jong_un"


def test_resolve_with_empty_frames(kb):
    articles = make_articles({"e": ""})
    res = resolve_actors(
        articles, schema.empty("sentences"), schema.empty("mentions"), docs={}, kb=kb
    )
    assert res.actors.empty and res.quotes.empty and res.edges.empty
    schema.check(res.mentions, "mentions")


@pytest.mark.parametrize(
    ("words", "actor"),
    [
        # a country's adjective on those who act for the state: its government
        (["Russian", "officials", "said", "it", "."], "kb:russia_gov"),
        (["Russian", "troops", "crossed", "it", "."], "kb:russia_gov"),
        # a country outside the knowledge base: the actor its name stands for
        (["Kenyan", "officials", "said", "it", "."], "x:kenya"),
        # people of the country, not its state; one office holder, named elsewhere
        (["Russian", "voters", "said", "it", "."], None),
        (["Russian", "ambassador", "said", "it", "."], None),
    ],
)
def test_a_demonym_on_state_agents_is_the_government_acting(blank, kb, words, actor):
    doc = hand_doc(
        blank,
        words,
        heads=[1, 2, 2, 2, 2],
        deps=["amod", "nsubj", "ROOT", "dobj", "punct"],
        pos=["ADJ", "NOUN", "VERB", "PRON", "PUNCT"],
        lemmas=[words[0], words[1].rstrip("s"), "say", "it", "."],
        tags=["JJ", "NNS" if words[1].endswith("s") else "NN", "VBD", "PRP", "."],
        ents=[(0, 1, "NORP")],
    )
    res = run({"a": doc}, kb)
    got = res.mentions.set_index("start").loc[0, "actor_id"]
    assert (None if pd.isna(got) else got) == actor


def test_opposition_or_former_agents_are_not_the_government(blank, kb):
    words = ["former", "Russian", "officials", "said", "it", "."]
    doc = hand_doc(
        blank,
        words,
        heads=[2, 2, 3, 3, 3, 3],
        deps=["amod", "amod", "nsubj", "ROOT", "dobj", "punct"],
        pos=["ADJ", "ADJ", "NOUN", "VERB", "PRON", "PUNCT"],
        lemmas=["former", "Russian", "official", "say", "it", "."],
        ents=[(1, 2, "NORP")],
    )
    got = run({"a": doc}, kb).mentions.set_index("start").loc[doc[1].idx, "actor_id"]
    assert pd.isna(got)


@pytest.mark.parametrize(
    ("words", "lemmas", "role"),
    [
        # asked of a government: it acts
        (
            ["Vale", "demanded", "an", "explanation", "from", "Russia", "."],
            ["Vale", "demand", "an", "explanation", "from", "Russia", "."],
            "actor",
        ),
        # where someone comes from: the place
        (
            ["Vale", "returned", "home", "yesterday", "from", "Russia", "."],
            ["Vale", "return", "home", "yesterday", "from", "Russia", "."],
            "literal",
        ),
    ],
)
def test_from_a_country_is_its_government_when_something_is_asked_of_it(blank, words, lemmas, role):
    from analysis.actors.syntax import government_role

    doc = hand_doc(
        blank,
        words,
        heads=[1, 1, 3, 1, 3, 4, 1],  # "from Russia" on the noun, as the parser hangs it
        deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
        pos=["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
        lemmas=lemmas,
        ents=[(5, 6, "GPE")],
    )
    got = government_role(doc[5:6], default="actor", title_tokens=set(), person_tokens=set())
    assert got == role

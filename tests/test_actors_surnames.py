"""A bare surname stands for a person named in full only when its honorific and title fit
(invented sentences, real spaCy pipeline)."""

from __future__ import annotations

from test_quotes import resolve


def _ids(res, surface: str) -> list[str]:
    rows = res.mentions[res.mentions["text"].eq(surface)]
    return [str(x) for x in rows["actor_id"]]


def test_a_male_honorific_never_joins_a_woman_of_that_surname(nlp, kb):
    res = resolve(
        nlp,
        kb,
        {
            "a": "Jane Holloway opened the new library on Monday. "
            "Mr. Holloway said the building had cost too much. "
            "Ms. Holloway thanked the volunteers."
        },
    )
    jane = res.actors.loc[res.actors["name"].eq("Jane Holloway"), "actor_id"].iloc[0]
    ids = _ids(res, "Holloway")
    assert len(ids) == 2
    assert ids[0] != jane  # "Mr. Holloway" is someone else
    assert ids[1] == jane  # "Ms. Holloway" is Jane


def test_a_title_the_named_relative_does_not_hold_goes_to_its_holder(nlp, kb):
    # the article names a Putin who is no president; "President Putin" is the president
    res = resolve(
        nlp,
        kb,
        {
            "a": "Maria Putin, a teacher from Omsk, won a regional prize on Monday. "
            "President Putin congratulated the winners in a short speech."
        },
    )
    ids = _ids(res, "Putin")
    assert ids == ["kb:vladimir_putin"]


def test_a_speaker_is_not_the_namesake_named_in_his_own_words(nlp, kb):
    # two Smiths; the one who speaks is not the one his words (and the sentence
    # before them) name in full
    res = resolve(
        nlp,
        kb,
        {
            "a": "Tom Smith, a retired judge, lives in Leeds. Tom Smith wrote two "
            "books. He once told a reporter that he did not trust Anna Smith. "
            '"Anna Smith will not survive the winter in that job," said Smith in 2012.'
        },
    )
    tom = res.actors.loc[res.actors["name"].eq("Tom Smith"), "actor_id"].iloc[0]
    assert _ids(res, "Smith") == [tom]


def test_a_prosecutor_general_is_no_general_of_the_army(nlp, kb):
    res = resolve(
        nlp,
        kb,
        {
            "a": "The army general Omar Haddad was killed in May. "
            "The prosecutor general, Ali Rezaei, said the smugglers would be tried."
        },
    )
    haddad = res.actors.loc[res.actors["name"].eq("Omar Haddad"), "actor_id"].iloc[0]
    # no mention of "general" in the second sentence stands for the army general
    later = res.mentions[res.mentions["sentence_id"].eq(1)]
    assert haddad not in set(later["actor_id"].dropna())


def test_an_unnamed_office_holder_is_not_the_one_in_office(nlp, kb):
    # (the bundled knowledge base knows a US spokesperson in office in November 2019)
    res = resolve(
        nlp,
        kb,
        {
            "a": "The United States said on Friday that its troops in Iraq were safe. "
            "A spokesperson told reporters the convoy had left at dawn."
        },
        published={"a": "2019-11-10"},
    )
    rows = res.mentions[res.mentions["text"].str.contains("spokesperson", case=False)]
    # "a spokesperson" is someone unnamed: no known spokesperson in the knowledge base
    assert rows["actor_id"].dropna().empty


def test_a_name_ending_in_a_joined_particle_keeps_it(nlp, kb):
    res = resolve(
        nlp,
        kb,
        {"a": "Karim al-Masri, a spokesman for the militia, blamed the air force today."},
    )
    names = set(res.actors["name"])
    assert "Karim al-Masri" in names and "Karim" not in names


def test_a_possessive_inside_a_collective_name_is_part_of_it(nlp, kb):
    res = resolve(
        nlp,
        kb,
        {
            "a": "The People's Liberation Army said on Monday it would hold drills. "
            "Smith's Acme said it would close its plant."
        },
    )
    names = set(res.actors["name"])
    assert "People's Liberation Army" in names and "Liberation Army" not in names
    assert "Acme" in names  # a possessor before a name is still cut off


def test_a_surname_before_a_suffix_and_the_pronoun_that_takes_it_up(nlp, kb):
    # "Jr." is no surname; "said he" takes up the man, not the wife named last
    text = (
        "Former Senator Thomas K. Brandle Jr. admitted the fraud on Monday. His wife, "
        "Olivia Brandle, admitted a tax charge. Brandle said {} was sorry."
    )
    res = resolve(nlp, kb, {"a": text.format("he"), "b": text.format("she")})
    names = dict(zip(res.actors["actor_id"], res.actors["name"], strict=False))
    rows = res.mentions[res.mentions["text"].eq("Brandle")].sort_values("article_id")
    assert [names[a] for a in rows["actor_id"]] == ["Thomas K. Brandle Jr.", "Olivia Brandle"]

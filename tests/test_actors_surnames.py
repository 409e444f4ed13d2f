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

"""Abbreviations news text writes with a dot: postal state and province forms, titles.

``STATE_ABBREVIATIONS``
    the postal abbreviations of US states and Canadian provinces after a town name
    ("Bend, Ore.", "Moncton, N.B."), as written (case and dots matter) -> the
    division's full name and country: the geoparser resolves them (:mod:`analysis.geo`);
    a sentence splitter must not end a sentence at their dot.
``TITLE_ABBREVIATIONS``
    titles and ranks before a name ("Mr.", "Gen.", "Sen."), lower case without the dot.
``abbreviation_words``
    every abbreviation above as a lower-case word without dots ("calif", "nj", "gen"): what a
    sentence splitter checks before a dot.

>>> STATE_ABBREVIATIONS["Calif."], "gen" in TITLE_ABBREVIATIONS
(('California', 'US'), True)
"""

from __future__ import annotations

__all__ = ["STATE_ABBREVIATIONS", "TITLE_ABBREVIATIONS", "abbreviation_words"]

#: Titles and ranks written before a name ("Mr. Moon", "Gen. Brooks"), lower case, no dot.
TITLE_ABBREVIATIONS = frozenset(
    [
        "adm",
        "capt",
        "cmdr",
        "col",
        "dr",
        "fr",
        "gen",
        "gov",
        "jr",
        "lt",
        "maj",
        "mr",
        "mrs",
        "ms",
        "prof",
        "rep",
        "rev",
        "sen",
        "sgt",
        "sr",
        "st",
    ]
)

#: Postal abbreviation of a US state or Canadian province, as written ("Calif.", "N.J.")
#: -> (full name of the first-level division, ISO alpha-2 of its country).
#: Honorifics that say a person follows ("Mr. Roe", "Ms Roe"), lower case, no dot.
HONORIFICS = frozenset(["mr", "mrs", "ms", "miss", "madam", "madame", "sir", "dame", "lady"])

STATE_ABBREVIATIONS: dict[str, tuple[str, str]] = {
    "Ala.": ("Alabama", "US"),
    "Ariz.": ("Arizona", "US"),
    "Ark.": ("Arkansas", "US"),
    "Calif.": ("California", "US"),
    "Colo.": ("Colorado", "US"),
    "Conn.": ("Connecticut", "US"),
    "Del.": ("Delaware", "US"),
    "D.C.": ("District of Columbia", "US"),
    "Fla.": ("Florida", "US"),
    "Ga.": ("Georgia", "US"),
    "Ill.": ("Illinois", "US"),
    "Ind.": ("Indiana", "US"),
    "Kan.": ("Kansas", "US"),
    "Kans.": ("Kansas", "US"),
    "Ky.": ("Kentucky", "US"),
    "La.": ("Louisiana", "US"),
    "Md.": ("Maryland", "US"),
    "Mass.": ("Massachusetts", "US"),
    "Mich.": ("Michigan", "US"),
    "Minn.": ("Minnesota", "US"),
    "Miss.": ("Mississippi", "US"),
    "Mo.": ("Missouri", "US"),
    "Mont.": ("Montana", "US"),
    "Neb.": ("Nebraska", "US"),
    "Nev.": ("Nevada", "US"),
    "N.H.": ("New Hampshire", "US"),
    "N.J.": ("New Jersey", "US"),
    "N.M.": ("New Mexico", "US"),
    "N.Y.": ("New York", "US"),
    "N.C.": ("North Carolina", "US"),
    "N.D.": ("North Dakota", "US"),
    "Okla.": ("Oklahoma", "US"),
    "Ore.": ("Oregon", "US"),
    "Pa.": ("Pennsylvania", "US"),
    "R.I.": ("Rhode Island", "US"),
    "S.C.": ("South Carolina", "US"),
    "S.D.": ("South Dakota", "US"),
    "Tenn.": ("Tennessee", "US"),
    "Tex.": ("Texas", "US"),
    "Vt.": ("Vermont", "US"),
    "Va.": ("Virginia", "US"),
    "Wash.": ("Washington", "US"),
    "W.Va.": ("West Virginia", "US"),
    "Wis.": ("Wisconsin", "US"),
    "Wyo.": ("Wyoming", "US"),
    "B.C.": ("British Columbia", "CA"),
    "Alta.": ("Alberta", "CA"),
    "Sask.": ("Saskatchewan", "CA"),
    "Ont.": ("Ontario", "CA"),
    "Que.": ("Quebec", "CA"),
    "N.B.": ("New Brunswick", "CA"),
    "N.S.": ("Nova Scotia", "CA"),
    "P.E.I.": ("Prince Edward Island", "CA"),
    "Nfld.": ("Newfoundland and Labrador", "CA"),
}


def abbreviation_words() -> frozenset[str]:
    """Every state, province and title abbreviation as a lower-case word without dots.

    Returns
    -------
    frozenset of str
        "calif", "nj", "wva", "gen", ...: the word a sentence splitter sees before a dot.
    """
    states = {k.replace(".", "").lower() for k in STATE_ABBREVIATIONS}
    return frozenset(states | TITLE_ABBREVIATIONS)

"""English given names and their everyday short forms ("Joe" for "Joseph").

A person named "Joseph Q. Roe" in one article may be "Joe Roe" in another; the
corpus-wide identity joins (:mod:`analysis.actors.graph`) compare first names through
:func:`formal_given_name`.  Only diminutives that stand for one formal name are listed
("Chris" may be Christopher or Christine, "Pat" Patrick or Patricia, "Steve" Stephen
or Steven: left out), and
only lower-case forms.
"""

from __future__ import annotations

__all__ = ["DIMINUTIVES", "GIVEN_NAMES", "formal_given_name"]

#: Formal given name -> its common English short forms (lower case).
_FORMS = {
    "joseph": "joe joey",
    "william": "bill billy will willie",
    "robert": "bob bobby rob robbie",
    "michael": "mike mikey mick",
    "james": "jim jimmy jamie",
    "richard": "dick rick ricky rich",
    "thomas": "tom tommy",
    "charles": "charlie chuck chas",
    "edward": "eddie ned",
    "anthony": "tony",
    "daniel": "dan danny",
    "david": "dave davey",
    "donald": "don donnie",
    "douglas": "doug",
    "gregory": "greg",
    "jeffrey": "jeff",
    "kenneth": "ken kenny",
    "lawrence": "larry",
    "leonard": "len lenny",
    "matthew": "matt",
    "mitchell": "mitch",
    "nicholas": "nick nicky",
    "patrick": "paddy",
    "peter": "pete",
    "philip": "phil",
    "ronald": "ron ronnie",
    "timothy": "tim timmy",
    "walter": "walt wally",
    "benjamin": "ben benny",
    "bernard": "bernie",
    "frederick": "fred freddie",
    "gerald": "gerry",
    "henry": "hank",
    "jonathan": "jon",
    "raymond": "ray",
    "theodore": "theo",
    "zachary": "zach",
    "elizabeth": "liz lizzie betty betsy",
    "margaret": "maggie peggy meg",
    "katherine": "kathy kate katie",
    "jennifer": "jen jenny",
    "patricia": "trish",
    "deborah": "debbie deb",
    "susan": "sue susie",
    "rebecca": "becky",
    "victoria": "vicky",
    "barbara": "barb",
    "dorothy": "dot dottie",
    "christine": "chrissy",
}

#: Short form -> the formal given name it stands for (one each).
DIMINUTIVES: dict[str, str] = {
    short: formal for formal, shorts in _FORMS.items() for short in shorts.split()
}

#: Every given name of the table, formal and short.
GIVEN_NAMES = frozenset(_FORMS) | frozenset(DIMINUTIVES)


def formal_given_name(word: str) -> str:
    """The formal given name ``word`` is a short form of ("joe" -> "joseph"), else ``word``
    itself (lower case, as written otherwise).

    Parameters
    ----------
    word : str
        A first name, any case.

    Returns
    -------
    str
        The formal name in lower case, or ``word`` lower-cased.
    """
    w = word.lower()
    return DIMINUTIVES.get(w, w)

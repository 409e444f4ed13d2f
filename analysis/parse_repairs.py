"""Repairs of the dependency parse that every reader of it needs.

The small English model misreads some constructions of news prose in a way no later
rule can undo locally.  Each repair here rewrites the tree of a :class:`spacy.tokens.Doc`
in place (heads and labels only), right after the parser, so the actors, quotes, events
and dates all read the same corrected tree.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import numpy
from spacy.attrs import DEP, HEAD
from spacy.tokens import Doc, Token

from .lexicon.speech import (
    COGNITION_VERBS,
    DISCOURSE_VERBS,
    HUMAN_SOURCES,
    PRESSING_VERBS,
    STATEMENT_VERBS,
)

__all__ = [
    "according_subject",
    "dateline",
    "inverted_speech",
    "listed_predicates",
    "named_role_subject",
    "relative_conjunct",
    "saying_conjunct",
    "subordinate_root",
    "repair_parse",
    "trailing_saying",
]

_SUBJECTS = frozenset(["nsubj", "nsubjpass", "csubj", "expl"])
_SPEECH = STATEMENT_VERBS | DISCOURSE_VERBS
_SAYING = _SPEECH | PRESSING_VERBS
#: Verbs whose clausal complement is someone's words or view.
_FRAMING = (
    _SAYING
    | COGNITION_VERBS
    | frozenset(["dispute", "disagree", "signal", "indicate", "hint", "expect", "hope"])
    | frozenset(["fear", "know", "suggest", "predict", "acknowledge", "contend", "feel"])
)
#: Verbs that follow their words; not those whose object is an addressee ("told the
#: staff", "asked the court") or a thing announced ("announced the results").
_INVERTING = (STATEMENT_VERBS | DISCOURSE_VERBS) - frozenset(
    ["tell", "announce", "report", "disclose", "reveal", "mention", "voice", "signal"]
)
_QUOTES = frozenset(['"', "'", "\u201d", "\u2019", "''"])


#: A change of the tree: (token, its new head, its new label).
Move = tuple[int, int, str]


def _repair(find: Callable[[Doc], list[Move]]) -> Callable[[Doc], Doc]:
    """A repair from a function that finds its moves: the document is left alone when it
    has no parse, and changed in place (through :func:`_rewrite`) when there are moves."""

    @functools.wraps(find, assigned=("__module__", "__name__", "__qualname__"))
    def repair(doc: Doc) -> Doc:
        if doc.has_annotation("DEP"):
            moves = find(doc)
            if moves:
                _rewrite(doc, moves)
        return doc

    repair.__doc__ = (find.__doc__ or "").rstrip() + _REPAIR_PARAMETERS
    return repair


#: The parameters and result every repair shares, appended to its docstring.
_REPAIR_PARAMETERS = """

    Parameters
    ----------
    doc : spacy.tokens.Doc
        A parsed document; changed in place.

    Returns
    -------
    spacy.tokens.Doc
        The same document.
    """


def _after_comma(verb: Token) -> bool:
    """The token before the verb (past a closing quote mark) is a comma."""
    k = verb.i - 1
    while k >= verb.sent.start and verb.doc[k].text in _QUOTES:
        k -= 1
    return k >= verb.sent.start and verb.doc[k].text == ","


def _speaker_object(verb: Token) -> Token | None:
    """The noun phrase right after the verb that the parser took as its object: a name or
    a common noun ("argued the government's lawyer", "says Jane Roe")."""
    for c in verb.children:
        if c.dep_ not in ("dobj", "obj") or c.left_edge.i != verb.i + 1:
            continue
        end = c.right_edge.i + 1
        if end < c.sent.end and c.doc[end].text not in (",", ".", ";", ":", "!", "?"):
            return None  # the clause goes on: "..., added the items to the list"
        if c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "ORG", "NORP"):
            return c
        if c.pos_ == "NOUN" and c.lemma_.lower() in HUMAN_SOURCES:
            return c
    return None


@_repair
def inverted_speech(doc: Doc) -> list[Move]:
    """Put the speaker of an inverted verb of saying back in its place.

    In "It is not for the court to judge, argued the state's lawyer, Jane Roe." the verb
    follows its words and precedes its subject; the parser often reads the speaker as
    the verb's object and the verb as a conjunct of the words' main verb.  The speaker
    becomes the verb's subject and, when the words' verb is the sentence root, the verb
    of saying becomes the root with the words as its clausal complement.  A verb with a
    subject, an auxiliary or words of its own after it is left alone.
    """
    moves: list[Move] = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _INVERTING:
            continue
        if verb.tag_ not in ("VBD", "VBZ", "VBP"):
            continue
        kids = list(verb.children)
        if any(c.dep_ in _SUBJECTS or c.dep_ in ("aux", "auxpass") for c in kids):
            continue
        if any(c.dep_ == "ccomp" and c.i > verb.i for c in kids):
            continue  # "..., said Vale had left": words after the verb, no inversion
        if not _after_comma(verb):
            continue
        speaker = _speaker_object(verb)
        if speaker is None:
            continue
        # the words come before: the verb hangs on them, or is the root after them
        words = verb.head
        joined = any(c.dep_ in ("cc", "preconj") and c.i < verb.i for c in words.children)
        if verb.dep_ == "conj" and words.i < verb.i and words.dep_ == "ROOT" and not joined:
            moves += [(verb.i, verb.i, "ROOT"), (words.i, verb.i, "ccomp")]
            # what follows the verb (the closing full stop) hangs on it now
            moves += [(c.i, verb.i, c.dep_) for c in words.children if c.i > verb.i]
        elif verb.dep_ != "ROOT" or not any(
            c.i < verb.i and c.dep_ in ("ccomp", "parataxis") for c in kids
        ):
            continue
        moves.append((speaker.i, verb.i, "nsubj"))
    return moves


@_repair
def listed_predicates(doc: Doc) -> list[Move]:
    """Undo a saying read as the frame of the clause before it.

    In "The leaders met in Oslo, told reporters they had made progress and flew home."
    the three verbs share one subject; the parser may read "met in Oslo" as the words of
    "told".  When a verb of saying without a subject of its own follows a comma and a
    clause that has one, and the verb tells its addressee ("told reporters") or has words
    of its own after it, the clause before is the sentence's root and the saying its
    conjunct.
    """
    moves: list[Move] = []
    for verb in doc:
        if verb.dep_ != "ROOT" or verb.pos_ != "VERB" or not _after_comma(verb):
            continue
        if verb.lemma_.lower() not in _SPEECH:
            continue
        kids = list(verb.children)
        if any(c.dep_ in _SUBJECTS or c.dep_ in ("aux", "auxpass") for c in kids):
            continue
        before = [c for c in kids if c.dep_ == "ccomp" and c.i < verb.i]
        if len(before) != 1:
            continue
        first = before[0]
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in first.children):
            continue
        if first.tag_ not in ("VBD", "VBZ", "VBP") or verb.tag_ != first.tag_:
            continue  # the listed verbs share their tense: "met ..., told ..."
        own_words = any(c.dep_ == "ccomp" and c.i > verb.i for c in kids)
        addressee = verb.lemma_.lower() == "tell" and any(
            c.dep_ in ("dobj", "dative") and c.i > verb.i for c in kids
        )
        if not (own_words or addressee):
            continue
        moves += [(first.i, first.i, "ROOT"), (verb.i, first.i, "conj")]
        # the closing full stop and later conjuncts stay with the first verb's sentence
        moves += [(c.i, first.i, c.dep_) for c in kids if c.dep_ == "punct" and c.i > verb.i]
    return moves


@_repair
def according_subject(doc: Doc) -> list[Move]:
    """Give "according to" back its source when the parser took it as the subject.

    In "According to the news agency Tasnim, the city's prosecutor, Omar Haddad, said
    ..." the parser may leave "to" without an object and make "Tasnim" the subject of
    "said", or leave "said" without a subject, with the prosecutor and his name as
    appositions of "Tasnim".  The source becomes
    the object of "to" again, the first apposition the subject, and the later ones
    appositions of that subject.
    """
    moves: list[Move] = []
    for to in doc:
        if to.lower_ != "to" or to.i == 0 or doc[to.i - 1].lower_ != "according":
            continue
        if to.i + 1 >= len(doc):
            continue
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        verb = doc[to.i - 1].head
        # where the source's name starts: right after "to", or right after its noun
        # ("according to the agency Tasnim")
        first = to.i + 1 if pobj is None else pobj.right_edge.i + 1
        source = next(
            (t for t in doc[first : to.sent.end] if t.dep_ == "nsubj" and t.left_edge.i == first),
            None,
        )
        if source is not None:
            verb = source.head
            home = (to.i, "pobj") if pobj is None else (pobj.i, "appos")
        elif pobj is not None and verb.pos_ == "VERB":
            # "to" has its source and the speaker hangs on it: the verb has no subject
            if any(c.dep_ in _SUBJECTS for c in verb.children):
                continue
            source, home = pobj, (to.i, "pobj")
        else:
            continue
        appos = [c for c in source.children if c.dep_ == "appos" and c.i > source.i]
        if not appos or doc[appos[0].left_edge.i - 1].text != ",":
            continue
        speaker = appos[0]
        if speaker.pos_ not in ("NOUN", "PROPN"):
            continue
        moves += [(source.i, *home), (speaker.i, verb.i, "nsubj")]
        moves += [(a.i, speaker.i, "appos") for a in appos[1:]]
        # the commas that set the speaker off now punctuate the verb's clause
        moves += [
            (c.i, verb.i, "punct") for c in source.children if c.dep_ == "punct" and c.i > speaker.i
        ]
    return moves


@_repair
def named_role_subject(doc: Doc) -> list[Move]:
    """Make a name after a role noun its apposition when the closing comma is missing.

    "The party's leader, Jane Roe announced ..." leaves out the comma after the name; the
    parser then gives the verb two subjects, "leader" and "Roe".  The name becomes the
    apposition of the role it names, as with both commas.
    """
    moves: list[Move] = []
    for verb in doc:
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        if len(subjects) != 2:
            continue
        role, name = subjects
        between = doc[role.right_edge.i + 1 : name.left_edge.i]
        if role.pos_ != "NOUN" or name.pos_ != "PROPN" or name.ent_type_ != "PERSON":
            continue
        if [t.text for t in between] != [","] or name.right_edge.i + 1 != verb.i:
            continue
        moves.append((name.i, role.i, "appos"))
    return moves


@_repair
def trailing_saying(doc: Doc) -> list[Move]:
    """Hang a trailing participle of saying on the speaker's verb, not on the words.

    In "Vale said the army would withdraw, adding that talks would resume." the parser
    often attaches "adding" to "withdraw", the verb of the words, so the army would be
    the one adding.  A participle of saying after a comma at the end of a clausal
    complement goes to the verb that governs the complement, whose subject speaks.
    """
    moves: list[Move] = []
    for part in doc:
        if part.tag_ != "VBG" or part.lemma_.lower() not in _SAYING:
            continue
        if part.dep_ == "conj":
            # "telling them that X should come ... and arguing that ...": an -ing form
            # joins the -ing verb of saying whose words the parser hung it in
            words = part.head
            frame = words.head
            if (
                words.tag_ != "VBG"
                and words.dep_ == "ccomp"
                and frame.tag_ == "VBG"
                and frame.lemma_.lower() in _SAYING
                and frame.i < words.i < part.i
            ):
                moves.append((part.i, frame.i, "conj"))
            continue
        if part.dep_ != "advcl":
            continue
        if (
            part.i == 0
            or doc[part.i - 1].text != ","
            or any(c.dep_ in _SUBJECTS for c in part.children)
        ):
            continue
        words = part.head
        frame = words.head
        if words.dep_ != "ccomp" or frame.i == words.i or frame.pos_ not in ("VERB", "AUX"):
            continue
        if frame.lemma_.lower() not in _FRAMING:
            continue  # only a verb of saying, knowing or disputing frames the words
        lo, hi = sorted((frame.i, part.i))
        if any("\n" in t.text for t in doc[lo:hi]):
            continue  # a parse across a paragraph or a headline's end
        if part.i < words.i:
            continue  # a participle before the words' verb is part of them
        moves.append((part.i, frame.i, "advcl"))
    return moves


@_repair
def relative_conjunct(doc: Doc) -> list[Move]:
    """Give back to a verb the subject whose relative clause goes on with "and ... was".

    In "The aide, who has many followers and at the time was a spokeswoman, wrote a
    letter" the parser ends the relative clause at "and": "was" becomes the main verb or
    the complement of "wrote", with "the aide" as its subject, and "wrote" is left
    without one.  When a verb has no subject, and a clause before it (its complement,
    or the verb it is joined to) has a subject whose relative clause has an "and" that
    leads to that clause, the clause is the relative clause's second conjunct, and the
    subject and the words that open the sentence before it are the verb's.
    """
    moves: list[Move] = []
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in _SUBJECTS for c in verb.children):
            continue
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
        if verb.dep_ == "conj" and verb.head.i < verb.i:
            clauses.append(verb.head)
        for clause in clauses:
            subject = next(
                (c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None
            )
            if subject is None:
                continue
            relative = next(
                (c for c in subject.children if c.dep_ == "relcl" and c.i < clause.i), None
            )
            if relative is None or not any(
                c.dep_ == "cc" and relative.i < c.i < clause.i for c in relative.children
            ):
                continue
            if clause.i == verb.head.i:  # the verb takes the clause's place in the tree
                root = clause.head.i == clause.i
                moves.append((verb.i, verb.i if root else clause.head.i, clause.dep_))
            moves += [(subject.i, verb.i, "nsubj"), (clause.i, relative.i, "conj")]
            # "On Friday, the aide, who ..., wrote": what opens the sentence is the verb's
            moves += _openers(clause, subject.left_edge.i, verb.i)
            break
    return moves


@_repair
def saying_conjunct(doc: Doc) -> list[Move]:
    """Give a second verb of saying back to the speaker when the parser joined it to the
    words of the first.

    In "Vale added that Democrats have not laid a glove on him and predicted a vote" the
    parser makes "predicted" a conjunct of "laid", inside the words, so the Democrats
    predict.  A verb of saying or framing with no subject of its own, joined to the verb
    of another's complement clause that has its subject, in the tense of the verb of
    saying above that clause and not in the clause's own, is that verb's second
    conjunct: the same speaker goes on.
    """
    moves: list[Move] = []
    for verb in doc:
        if verb.dep_ != "conj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in _FRAMING:
            continue
        if any(c.dep_ in _SUBJECTS or c.dep_ == "aux" for c in verb.children):
            continue
        clause = verb.head
        saying = clause.head
        if clause.dep_ != "ccomp" or saying.lemma_.lower() not in _SAYING:
            continue
        if not any(c.dep_ in _SUBJECTS for c in clause.children):
            continue
        if verb.tag_ != saying.tag_ or clause.tag_ == verb.tag_:
            continue  # "said they met and agreed": both the clause's own acts
        moves.append((verb.i, saying.i, "conj"))
        moves += [(c.i, saying.i, "cc") for c in clause.children if c.dep_ == "cc" and c.i < verb.i]
    return moves


def _openers(node: Token, before: int, new_head: int, also: tuple[str, ...] = ()) -> list[Move]:
    """Moves that hang on ``new_head`` the adverbials and punctuation of ``node`` before
    token ``before``: the words that open the sentence belong to its main verb."""
    deps = ("prep", "advmod", "npadvmod", "punct", *also)
    return [(c.i, new_head, c.dep_) for c in node.children if c.i < before and c.dep_ in deps]


#: Conjunctions that make a clause subordinate: its verb is never the sentence's root
#: with the main clause as its complement.
_SUBORDINATORS = frozenset(["after", "before", "while", "since", "because", "although", "until"])


@_repair
def subordinate_root(doc: Doc) -> list[Move]:
    """Make the main clause the root when the parser hung it on a subordinate one.

    In "Vale on Monday reiterated that she opposes it, hours after Ruiz said he supports
    it" the parser may make "said" the root, with "after" as its conjunction and
    "reiterated" as its complement -- so Ruiz would have said Vale's words.  A root verb
    whose own subordinating conjunction follows a clausal complement before it is the
    verb of an adverbial clause: the complement becomes the root, and the old root its
    adverbial clause.
    """
    moves: list[Move] = []
    for root in doc:
        if root.dep_ != "ROOT" or root.pos_ not in ("VERB", "AUX"):
            continue
        mark = next(
            (c for c in root.children if c.dep_ == "mark" and c.lower_ in _SUBORDINATORS), None
        )
        if mark is None:
            continue
        main = next(
            (c for c in root.children if c.dep_ == "ccomp" and c.i < mark.i and c.i < root.i),
            None,
        )
        if main is None or not any(c.dep_ in _SUBJECTS for c in main.children):
            continue
        if any(c.dep_ in _SUBJECTS and c.i < main.i for c in root.children):
            continue  # "Vale said that ..." with its own subject first: a true complement
        moves += [(main.i, main.i, "ROOT"), (root.i, main.i, "advcl")]
        # what stands before the main clause's verb and hangs on the old root is the
        # main clause's (the comma, "hours" of "hours after" stays with the clause)
        moves += _openers(root, main.left_edge.i, main.i, also=("cc",))
    return moves


#: Dashes that end a dateline ("WASHINGTON --", "KYIV, Ukraine —").
_DATELINE_DASHES = frozenset(["--", "-", "\u2014", "\u2013"])


def _dateline_end(doc: Doc, start: int) -> int | None:
    """The index of the dash that ends a dateline opening a paragraph at ``start`` --
    a place in capitals or one the model tags as such, perhaps with its state or country
    and the agency in parentheses ("WASHINGTON --", "KYIV, Ukraine (Reuters) -", "New
    York --") -- or None."""
    i, upper = start, 0
    while i < len(doc) and i - start < 8:
        t = doc[i]
        if t.text in _DATELINE_DASHES:
            return i if upper else None
        if t.text == "(":  # the agency: "(Reuters)", "(AP)"
            close = next(
                (j for j in range(i + 1, min(i + 5, len(doc))) if doc[j].text == ")"), None
            )
            if close is None:
                return None
            i = close + 1
            continue
        if (t.is_alpha and t.text.isupper() and len(t.text) > 1) or t.ent_type_ == "GPE":
            upper += 1  # "WASHINGTON --", or a place the model knows: "New York --"
        elif not (t.text in (",", ".") or (t.is_title and upper) or t.text.endswith(".")):
            return None
        i += 1
    return None


@_repair
def dateline(doc: Doc) -> list[Move]:
    """Take the dateline out of the sentence it opens.

    "WASHINGTON -- The president and the speaker met on Thursday" names where the
    story was filed, not who met; the parser often makes the place a second subject
    (and a reader of the tree a participant, or the place of the event).  The words of
    a dateline that hang on a word after it keep their head with the unspecified label
    "dep", which no argument or place rule reads.
    """
    moves: list[Move] = []
    for sent in doc.sents:
        start = sent.start
        while start < sent.end and doc[start].is_space:
            start += 1
        if start >= sent.end or (start > 0 and "\n" not in doc[start - 1].text_with_ws):
            continue  # only at the start of a paragraph
        end = _dateline_end(doc, start)
        if end is None:
            continue
        for t in doc[start:end]:
            if t.head.i > end and t.dep_ not in ("punct",):
                moves.append((t.i, t.head.i, "dep"))
    return moves


def repair_parse(doc: Doc) -> Doc:
    """Run every repair of this module on ``doc``, in order, each on the tree the one
    before left."""
    for repair in (
        dateline,
        inverted_speech,
        listed_predicates,
        according_subject,
        named_role_subject,
        trailing_saying,
        relative_conjunct,
        subordinate_root,
        saying_conjunct,
    ):
        doc = repair(doc)
    return doc


repair_parse.__doc__ += _REPAIR_PARAMETERS


def _rewrite(doc: Doc, moves: list[Move]) -> None:
    """Set new heads and labels, then let spaCy recompute children and edges from the
    heads (so subtrees and ``left_edge``/``right_edge`` stay true)."""
    heads = [t.head.i for t in doc]
    labels = [t.dep_ for t in doc]
    for i, head, label in moves:
        heads[i], labels[i] = head, label
    arr = numpy.zeros((len(doc), 2), dtype="uint64")
    arr[:, 0] = numpy.array([h - i for i, h in enumerate(heads)], dtype="int64").astype("uint64")
    arr[:, 1] = numpy.array([doc.vocab.strings.add(lab) for lab in labels], dtype="uint64")
    doc.from_array([HEAD, DEP], arr)

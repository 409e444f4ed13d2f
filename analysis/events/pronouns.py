"""Who "he", "she" and "they" are when they are the subject of an event.

A small rule-based resolver, one article at a time, reading what a reader of the
article weighs:

* **agreement** -- "he" and "she" go to a person whose gender the article tells
  ("Mr." / "Ms." before the name, a first name of the lists, a gendered noun such as
  "spokeswoman" or "mother" next to the name, in apposition with it or said of it
  ("Jane Roe, his wife", "His mother was Jane Roe"), "himself" / "herself" after it,
  or a quote whose speaker the quotes frame read from "he" / "she"); a person of the other gender is
  never the antecedent.  Beside a person shown to agree, one of unknown gender counts
  less for "he" and not at all for "she" (most people named in news are men).  "they"
  goes only to a collective actor (a government, ministry, party, organisation) or to
  a coordinated pair ("Vale and Ruiz"), and to nobody when plural people the article
  does not name ("prosecutors", "officials") come just before;
* **salience** -- the subjects of the sentences before weigh more than other mentions
  (the subject of a main clause more than that of a subordinate one, the object of
  "according to" like a subject, a name that only qualifies a noun little), the
  sentence before as much as the pronoun's own and older ones much less (sentences
  wholly inside quotation marks do not count), the subject that opens the pronoun's
  paragraph a little more, a paragraph before half, and a name inside quotation marks
  (words someone said about that person) little.  The narrative's "he" / "she"
  resolved on the way count as mentions of their person (:meth:`PronounResolver.chain`);
* **the last speaker** -- "he said" / "he added" right after a quote continues that
  quote's speaker;
* **the clause's subject** -- "In his statement, Vale said": a possessive goes to the
  person named as the subject of its clause;
* **no guess** -- when two candidates weigh nearly the same, nobody; nor when the best
  is only a passing mention (:data:`_LEAST`), unless it is named in the pronoun's
  sentence or the one before and the gender passed over a more salient person to reach
  it, or no other person is named there (in the pronoun's paragraph).

The window is the pronoun's sentence and the :data:`WINDOW` sentences before it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Token

from ..actors.coref import name_gender
from ..lexicon.gender import FEMALE_NOUNS as _FEMALE_NOUNS
from ..lexicon.gender import MALE_NOUNS as _MALE_NOUNS
from ..lexicon.gender import noun_gender
from ..lexicon.speech import HUMAN_SOURCES
from . import syntax
from .parsing import TokenIndex

__all__ = ["WINDOW", "PronounResolver", "subject_pronoun"]

#: How many sentences before the pronoun's own are read.
WINDOW = 3

_GENDER = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f"}
_PLURAL = frozenset(["they", "their"])
#: Verbs of saying that go on from words just said ("he added", "she went on").
_GOING_ON = frozenset(["add", "continue", "go", "conclude", "reiterate", "elaborate"])
#: Weight by how many sentences back a mention lies (0: the pronoun's own sentence),
#: up to :data:`WINDOW`.
_DECAY = (1.0, 1.0, 0.3, 0.2)
#: Of two candidates, the second must weigh less than this share of the first.
_MARGIN = 0.7
#: The least weight of an antecedent: a subject of the sentence before weighs 3, a
#: single object or possessor named there 1 -- not enough, unless the article shows
#: its gender to agree.
_LEAST = 1.2

#: Words after a kin or role noun that make it another person's ("the wife of Ruiz").
_RELATING = frozenset(["of", "to", "for", "with", "and", "or", "by"])
_QUOTE_CHARS = {'"': 0, "\u201c": 1, "\u201d": -1}


@dataclass
class _Mention:
    start: int
    sid: int
    para: int
    actor: str
    person: bool
    weight: float  # 3 subject of a main clause, 2 of another clause, 1 otherwise
    quoted: bool
    group: tuple[str, ...]  # the actors of a coordinated subject it belongs to


def subject_pronoun(trig: Token, *, statement: bool) -> Token | None:
    """The personal pronoun that is the subject (or, for a statement noun, the
    possessor: "his statement") of the trigger, or None.  A pronoun of a reported
    clause ("Vale said he would go") is the reporting verb's subject's business."""
    if trig.pos_ in ("VERB", "AUX"):
        cands = [s for s in syntax._subjects(trig) if s.dep_ in ("nsubj", "nsubjpass")]
    elif statement:
        cands = [c for c in trig.children if c.dep_ == "poss"]
    else:
        return None
    for c in cands:
        word = c.lower_
        if c.dep_ == "poss" and word not in ("his", "her", "their"):
            continue
        if word in ("he", "she", "they", "his", "her", "their"):
            if syntax.antecedent(c).i != c.i:
                return None
            return c
    return None


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside quotation marks, read line by line (a quote that runs
    over a paragraph break is opened again on the next line)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        opened: int | None = None
        for k, ch in enumerate(line):
            kind = _QUOTE_CHARS.get(ch)
            if kind is None:
                continue
            if kind == 1 or (kind == 0 and opened is None):
                opened = pos + k
            elif opened is not None:
                out.append((opened, pos + k))
                opened = None
        if opened is not None:
            out.append((opened, pos + len(line)))
        pos += len(line) + 1
    return out


class PronounResolver:
    """Antecedents of pronoun subjects in one article (see the module docstring).

    Parameters
    ----------
    text : str
        The article's text.
    sentence_of : callable
        Character offset -> sentence id.
    mentions : list of (int, list of Token, str)
        ``(offset, tokens, actor id)`` of the body's actor mentions (media left out).
    persons : set of str
        Actor ids of persons.
    quotes : list of dict, optional
        Rows of the quotes frame: their speakers read from "he" / "she" tell a gender,
        and their direct quotes who spoke last.
    sentences : list of (int, int), optional
        ``(start, end)`` of each sentence, in the order of the ids ``sentence_of``
        gives: a sentence wholly inside quotation marks does not count in the distance
        back (a long quote does not push its speaker out of reach).
    """

    def __init__(
        self,
        text: str,
        sentence_of,
        mentions: list[tuple[int, list[Token], str]],
        persons: set[str],
        quotes: list[dict] | None = None,
        sentences: list[tuple[int, int]] | None = None,
    ) -> None:
        self.text = text
        self.sentence_of = sentence_of
        self.persons = persons
        self.quoted = _quoted_spans(text)
        self._qstarts = [a for a, _ in self.quoted]
        self.breaks = [m.start() for m in re.finditer(r"\n", text)]
        # sentence id -> how many sentences outside quotes come up to it
        self.narrative: list[int] = []
        self.sentence_starts = [start for start, _end in sentences or ()]
        count = 0
        for start, end in sentences or ():
            body = text[start:end].strip()
            lo = start + (len(text[start:end]) - len(text[start:end].lstrip()))
            if not (body and self.in_quote(lo + 1) and self.in_quote(lo + len(body) - 2)):
                count += 1
            self.narrative.append(count)
        self.mentions: list[_Mention] = []
        votes: dict[str, dict[str, float]] = {}
        heads: dict[tuple[int, int], str] = {}
        self.heads = heads
        self.covered = {(id(t.doc), t.i) for _s, toks, _a in mentions for t in toks}
        for _start, toks, actor in mentions:
            head = TokenIndex.head_of(toks)
            if head is None:
                continue
            heads[(id(head.doc), head.i)] = actor
        for start, toks, actor in sorted(mentions, key=lambda m: m[0]):
            head = TokenIndex.head_of(toks)
            if head is None:
                continue
            person = actor in persons
            if person:
                g, told = self._gender_of(start, toks)
                if g:
                    # what the text tells of the person outweighs a first name of the
                    # lists ("Kim" is a woman's first name and a Korean family name)
                    votes.setdefault(actor, {}).setdefault(g, 0.0)
                    votes[actor][g] += 100.0 if told else 3.0
            self.mentions.append(
                _Mention(
                    start,
                    sentence_of(start),
                    self.paragraph(start),
                    actor,
                    person,
                    _role_weight(head),
                    self.in_quote(start),
                    _group(head, heads, actor),
                )
            )
        self.last_quotes: list[tuple[int, int, str]] = []  # (end, sentence, speaker)
        #: (start, end, speaker) of the direct quotes whose speaker is a known person
        self.quote_speakers: list[tuple[int, int, str]] = []
        for q in quotes or ():
            speaker = q.get("speaker")
            if not isinstance(speaker, str) or speaker not in persons:
                continue
            said = str(q.get("speaker_text") or "").strip().lower()
            if said in ("he", "she"):
                votes.setdefault(speaker, {}).setdefault(_GENDER[said], 0.0)
                votes[speaker][_GENDER[said]] += 1.0
            if q.get("kind") == "direct":
                self.last_quotes.append((int(q["end"]), int(q["sentence_id"]), speaker))
                self.quote_speakers.append((int(q["start"]), int(q["end"]), speaker))
        self.last_quotes.sort()
        self.gender: dict[str, str] = {}
        for actor, v in votes.items():
            ranked = sorted(v.items(), key=lambda kv: -kv[1])
            if len(ranked) == 1 or ranked[0][1] > 2 * ranked[1][1]:
                self.gender[actor] = ranked[0][0]
        #: pronoun offset -> the actors it was resolved to
        self.resolved: dict[int, list[str]] = {}
        #: the last :meth:`resolve` found two candidates of nearly the same weight
        self.tied = False

    def chain(self, pronouns: list[tuple[int, Token]]) -> None:
        """Read the narrative's "he" / "she" subjects in order, each resolved one
        becoming a mention of its person: "Vale arrived. He spoke. He left" -- the
        second "he" is Vale through the first.  Pronouns already resolved (by
        :meth:`resolve` for an event, or :meth:`note`) are left alone.

        Parameters
        ----------
        pronouns : list of (int, Token)
            ``(offset, token)`` of pronoun subjects.
        """
        for at, tok in sorted(pronouns, key=lambda p: p[0]):
            if at in self.resolved or self.in_quote(at) or tok.lower_ not in ("he", "she"):
                continue
            if tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            self.note(tok, at, self.resolve(tok, at))

    def note(self, tok: Token, at: int, who: list[str]) -> None:
        """Record that the pronoun ``tok`` at ``at`` stands for ``who``: one person
        becomes a mention the next pronouns can go back to."""
        self.resolved[at] = who
        if len(who) != 1 or who[0] not in self.persons or self.in_quote(at):
            return
        m = _Mention(
            at,
            self.sentence_of(at),
            self.paragraph(at),
            who[0],
            True,
            _role_weight(tok),
            False,
            (who[0],),
        )
        bisect.insort(self.mentions, m, key=lambda x: x.start)

    # -- facts about the text ----------------------------------------------------------

    def paragraph(self, pos: int) -> int:
        """How many line breaks come before ``pos``."""
        return bisect.bisect_left(self.breaks, pos)

    def paragraph_of_sentence(self, sid: int) -> int:
        """The paragraph of sentence ``sid`` (-1 when unknown)."""
        if 0 <= sid < len(self.sentence_starts):
            return self.paragraph(self.sentence_starts[sid])
        return -1

    def distance(self, sid: int, other: int) -> int:
        """How many sentences back ``other`` lies from ``sid``, not counting those
        wholly inside quotation marks."""
        if 0 <= other <= sid < len(self.narrative):
            return self.narrative[sid] - self.narrative[other]
        return sid - other

    def in_quote(self, pos: int) -> bool:
        """True when ``pos`` lies inside quotation marks."""
        k = bisect.bisect_right(self._qstarts, pos) - 1
        return k >= 0 and self.quoted[k][0] < pos < self.quoted[k][1]

    def _gender_of(self, start: int, toks: list[Token]) -> tuple[str | None, bool]:
        """The gender a mention tells, and whether the text tells it (True) rather than
        a first name of the lists (False): a title or gendered noun just before it, a
        gendered noun in apposition with it or said of it, "himself"/"herself" after
        it; else the first name."""
        words = [t.lower_ for t in toks]
        before = self.text[max(0, start - 40) : start].split()
        near = [w.lower().strip(",") for w in before[-3:]]
        if near and near[-1] in _MALE_NOUNS | _FEMALE_NOUNS:
            return ("m" if near[-1] in _MALE_NOUNS else "f"), True
        g = name_gender(" ".join(words))
        if g and words[0].strip(".") in ("mr", "ms", "mrs", "miss", "sir", "lady", "dame"):
            return g, True
        for k, w in enumerate(near):
            if k + 1 < len(near) and near[k + 1] in _RELATING:
                continue  # "the mother of Ruiz": the noun is someone else's
            if w in _MALE_NOUNS:
                return "m", True
            if w in _FEMALE_NOUNS:
                return "f", True
        head = TokenIndex.head_of(toks)
        if head is None:
            return g, False
        said = _predicated_gender(head)
        if said:
            return said, True
        verb = head.head
        if head.dep_ in ("nsubj", "nsubjpass"):
            for c in verb.children:
                if c.lower_ == "himself":
                    return "m", True
                if c.lower_ == "herself":
                    return "f", True
        return g, False

    # -- resolution --------------------------------------------------------------------

    def resolve(
        self,
        pron: Token,
        at: int,
        *,
        speech: bool = False,
        last_speaker: tuple[str, int] | None = None,
    ) -> list[str]:
        """The actors the pronoun subject ``pron`` at offset ``at`` stands for.

        Parameters
        ----------
        pron : spacy.tokens.Token
            "he", "she", "his", "her", "they" or "their".
        at : int
            Its offset in the article.
        speech : bool
            It is the speaker of a verb or noun of saying ("he added"): the speaker of
            the quote just before it counts first.
        last_speaker : (str, int) or None
            The last single person who spoke (events so far) and the sentence id.

        Returns
        -------
        list of str
            One person for "he" / "she", one body or a pair for "they"; empty when
            nobody in reach agrees, or two candidates weigh nearly the same.
        """
        self.tied = False
        word = pron.lower_
        owner = self._clause_subject(pron)
        if owner is not None:
            return [owner]
        sid = self.sentence_of(at)
        para = self.paragraph(at)
        quoted = self.in_quote(at)
        plural = word in _PLURAL
        weights: dict[tuple[str, ...], list[float]] = {}
        window = [
            m for m in self.mentions if m.start < at and 0 <= self.distance(sid, m.sid) <= WINDOW
        ]
        if pron.dep_ in ("dobj", "dative") and word in ("him", "her"):
            # "Ryan urged him to resign": an object pronoun is not its verb's subject
            own = {
                self.heads.get((id(t.doc), t.i))
                for c in pron.head.children
                if c.dep_ in ("nsubj", "nsubjpass")
                for t in c.subtree
            }
            window = [m for m in window if m.actor not in own]
        opener = self._paragraph_opener(para, at)
        for m in window:
            key = self._candidate(m, plural)
            if key is None:
                continue
            back = self.distance(sid, m.sid)
            if speech and back == 0 and m.quoted and not quoted:
                continue  # '"Vale is wrong," he said': no one names himself in his words
            w = m.weight * _DECAY[back]
            if m.quoted and not quoted:
                w *= 0.2  # words said about someone: not whom the narrative follows
            if m.para != para:
                w *= 0.5
            elif back == 0 and m.weight >= 2 and not m.quoted:
                # "Vale arrived and he met Ruiz": the clause before
                w += 4.0 if m.weight >= 3 else 1.0
            if opener is not None and m.sid == opener.sid and m.actor in opener.group:
                w += 0.75
            weights.setdefault(key, []).append(w)
        # the most salient mention counts, the others a little: a person named again
        # and again far back is not closer than one just named as a subject
        scores = {k: max(ws) + 0.25 * (sum(ws) - max(ws)) for k, ws in weights.items()}
        if plural:
            # "Prosecutors said ... They also said": people the article does not name
            for _tok, w in self._unnamed_people(pron, at, sid):
                scores[("",)] = scores.get(("",), 0.0) + w
        if speech and not plural:
            # "he added", "she went on": the words go on from the last speaker's, a few
            # sentences back within the paragraph
            going_on = pron.head.lemma_.lower() in _GOING_ON
            who = self._previous_speaker(at, sid, last_speaker, reach=3 if going_on else 1)
            if who is not None:
                scores[(who,)] = scores.get((who,), 0.0) + (6.0 if going_on else 3.0)
        if quoted and not plural:
            # '"He wrote me a letter," Vale said': in his own words a speaker is "I";
            # "he" and "she" are someone else
            own = {(s,) for a, b, s in self.quote_speakers if a <= at < b}
            passed_over = bool(own & scores.keys())
            scores = {k: v for k, v in scores.items() if k not in own}
        else:
            passed_over = False
        if not plural:
            want = _GENDER.get(word)
            known = {k: self.gender.get(k[0]) for k in scores}
            salient = max(scores, key=scores.__getitem__, default=None)
            scores = {k: s for k, s in scores.items() if known[k] in (want, None)}
            if any(known[k] == want for k in scores):
                # beside one the article shows to agree, a person of unknown gender is
                # less likely -- not at all for "she": most people named in news are men
                keep = 0.75 if want == "m" else 0.0
                scores = {k: s if known[k] == want else s * keep for k, s in scores.items()}
        else:
            salient = None
        if not scores:
            return []
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        self.last_scores = ranked
        if ranked[0][0] == ("",):
            self.tied = True  # unnamed people are the likelier antecedent
            return []
        if len(ranked) > 1 and ranked[1][1] >= _MARGIN * ranked[0][1]:
            self.tied = True
            return []
        # "Ms. Vale met Mr. Ruiz. He said": the gender passes over the more salient
        # person to one just named -- enough, though named as an object
        by_gender = not plural and salient != ranked[0][0]
        near = self._near(ranked[0][0], window, sid)
        alone = self._alone(window, sid, para)
        if ranked[0][1] < _LEAST and not (near and (by_gender or alone or passed_over)):
            # only a passing mention far back: no one the reader follows -- unless it is
            # the one person named just before ("The government sanctioned Vale. He
            # was sanctioned again")
            return []
        return list(ranked[0][0])

    def _clause_subject(self, pron: Token) -> str | None:
        """For a possessive ("In his statement, Vale said", "Vale said in her
        remarks"): the person named as the subject of the clause the phrase belongs
        to, or as that subject's possessor, when the gender agrees -- the owner is the
        one who acts."""
        if pron.dep_ != "poss":
            return None
        node = pron.head
        while node.dep_ in ("pobj", "prep", "dobj", "npadvmod") and node.head.i != node.i:
            node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            return None
        want = _GENDER.get(pron.lower_)
        for subj in node.children:
            if subj.dep_ not in ("nsubj", "nsubjpass"):
                continue
            # the subject, its apposition, and its possessor ("Vale's choice of Ruiz
            # weeks after her election was praised": Vale's)
            for t in [subj, *(c for c in subj.children if c.dep_ in ("appos", "poss"))]:
                who = self.heads.get((id(t.doc), t.i))
                if who in self.persons and self.gender.get(who) in (want, None):
                    return who
        return None

    def _unnamed_people(self, pron: Token, at: int, sid: int):
        """Plural person nouns without an actor ("prosecutors", "the officials") in the
        pronoun's sentence before it and the sentence before, with their weights."""
        doc = pron.doc
        lo = max(0, pron.sent.start - 80)
        for tok in doc[lo : pron.i]:
            if tok.tag_ != "NNS" or tok.lemma_.lower() not in HUMAN_SOURCES:
                continue
            k = sid - self.sentence_of(at - (pron.idx - tok.idx))
            if k > 1 or (id(doc), tok.i) in self.covered:
                continue
            yield tok, _role_weight(tok) * _DECAY[k]

    def _candidate(self, m: _Mention, plural: bool) -> tuple[str, ...] | None:
        if not plural:
            return (m.actor,) if m.person else None
        if len(m.group) >= 2:
            return m.group
        if m.person:
            return None
        return (m.actor,)

    def _near(self, key: tuple[str, ...], window: list[_Mention], sid: int) -> bool:
        """True when the candidate is named outside quotes in the pronoun's sentence
        or the one before."""
        return any(
            self._candidate(m, len(key) > 1) == key
            and not m.quoted
            and self.distance(sid, m.sid) <= 1
            for m in window
        )

    def _alone(self, window: list[_Mention], sid: int, para: int) -> bool:
        """True when one person only is named outside quotes in the pronoun's sentence
        and the one before, both in the pronoun's paragraph (a new paragraph may go
        back to the person the one before it was about)."""
        near = [m for m in window if m.person and not m.quoted and self.distance(sid, m.sid) <= 1]
        return len({m.actor for m in near}) == 1 and all(m.para == para for m in near)

    def _paragraph_opener(self, para: int, at: int) -> _Mention | None:
        """The first subject named outside quotes in the paragraph's first sentence,
        when it comes before ``at``."""
        first = [m for m in self.mentions if m.para == para and m.start < at]
        if not first:
            return None
        sid0 = first[0].sid
        for m in first:
            if m.sid != sid0:
                break
            if m.weight >= 2 and not m.quoted:
                return m
        return None

    def _previous_speaker(
        self, at: int, sid: int, last_speaker: tuple[str, int] | None, reach: int = 1
    ) -> str | None:
        """The last single person who spoke in the events of this or the ``reach``
        sentences before it (of the same paragraph beyond the previous one), else the
        speaker the quotes frame gives the direct quote that ends just before ``at`` in
        the previous sentence."""
        if last_speaker is not None:
            back = self.distance(sid, last_speaker[1])
            near = back <= 1 or (
                back <= reach and self.paragraph(at) == self.paragraph_of_sentence(last_speaker[1])
            )
            if near:
                return last_speaker[0]
        k = bisect.bisect_left(self.last_quotes, (at, -1, ""))
        if k > 0:
            _end, qsid, who = self.last_quotes[k - 1]
            if qsid < sid and self.distance(sid, qsid) <= 1:  # not the quote it speaks
                return who
        return None


def _noun_gender(tok: Token) -> str | None:
    """'m' or 'f' for a gendered noun ("wife", "chairman", "actress"), else None."""
    return noun_gender(tok.lower_, tok.lemma_.lower())


def _predicated_gender(head: Token) -> str | None:
    """The gender a gendered noun tells of the name headed by ``head`` when it stands in
    apposition after the name or one is said of the other: "Jane Roe, his wife", "His
    mother was Jane Roe", "Jane Roe is the wife of Ruiz"."""
    nouns = [c for c in head.children if c.dep_ == "appos"]
    verb = head.head
    if verb.lemma_.lower() == "be" and verb.i != head.i:
        if head.dep_ == "attr":  # "His mother was Jane Roe"
            nouns += [c for c in verb.children if c.dep_ == "nsubj"]
        elif head.dep_ == "nsubj":  # "Jane Roe was his mother"
            nouns += [c for c in verb.children if c.dep_ == "attr"]
    for n in nouns:
        g = _noun_gender(n)
        if g:
            return g
    return None


def _role_weight(head: Token) -> float:
    """3 for the subject of a main clause, 2 for that of another clause or the object of
    "according to", 1 otherwise (0.5 for a name that modifies a noun);
    a name in apposition to a subject ("Ruritania's envoy, Ana Vale, said") counts as
    the subject."""
    node = head
    while node.dep_ in ("conj", "appos") and node.head.i != node.i:
        node = node.head
    if node.dep_ in ("compound", "amod", "nmod"):
        return 0.5  # "the Vale administration": a name that qualifies something else
    if _according_to(node):
        return 2.0  # "According to Vale, ...": whose account the sentence gives
    if node.dep_ not in ("nsubj", "nsubjpass"):
        return 1.0
    verb = node.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return 3.0 if verb.dep_ == "ROOT" else 2.0


def _according_to(tok: Token) -> bool:
    """True for the object of "according to"."""
    prep = tok.head
    return (
        tok.dep_ == "pobj"
        and prep.lower_ == "to"
        and prep.head.lower_ == "according"
        and prep.head.i == prep.i - 1
    )


def _group(head: Token, heads: dict[tuple[int, int], str], actor: str) -> tuple[str, ...]:
    """The actors of the coordinated subject ``head`` belongs to ("Vale and Ruiz met"),
    in order; just its own actor otherwise."""
    node = head
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ not in ("nsubj", "nsubjpass"):
        return (actor,)
    members = [node, *[t for t in node.subtree if t.dep_ == "conj" and t.i != node.i]]
    out: list[str] = []
    for t in sorted(members, key=lambda t: t.i):
        a = heads.get((id(t.doc), t.i))
        if a and a not in out:
            out.append(a)
    return tuple(out) if len(out) >= 2 else (actor,)

"""Rule-based coreference for speakers: "he", "she", "it", "the spokesman" -> a named actor.

A small in-house resolver, one parsed piece of an article at a time:

* **pronouns** ("he", "she") go to the most recent person named before them whose gender
  agrees, searching back sentence by sentence (at most :data:`MAX_SENTENCES`), preferring
  a grammatical subject (salience) within a sentence; "it" goes to the most recent
  organisation or government;
* **nominals** ("the spokesman", "the senator", "the company") go to the most recent
  actor the article introduced with that noun, as a title before the name ("attorney
  Jane Roe"), an apposition ("Jane Roe, the attorney,") or its knowledge-base titles.

Gender comes from the courtesy title before a name ("Mr.", "Ms."), the pronouns the
article uses right after the name as a subject, and a short list of common first names.
Only named actors (mentions with an ``actor_id``) are antecedents.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

__all__ = ["MAX_SENTENCES", "SpeakerResolver", "PERSON_PRONOUNS", "given_name", "name_gender"]

#: How many sentences back a pronoun looks for its antecedent.
MAX_SENTENCES = 4

PERSON_PRONOUNS = {
    "he": "m",
    "him": "m",
    "his": "m",
    "she": "f",
    "her": "f",
    "i": None,
    "we": None,
}
_THING_PRONOUNS = frozenset({"it"})

_MALE_TITLES = frozenset({"mr", "mr.", "sir", "lord", "king", "prince", "pope"})
_FEMALE_TITLES = frozenset(
    {"mrs", "mrs.", "ms", "ms.", "miss", "madam", "madame", "lady", "queen", "princess", "dame"}
)
# common first names with a strong gender reading in English-language news
_MALE_NAMES = frozenset(
    [
        "adam",
        "alan",
        "albert",
        "alex",
        "alexander",
        "andrew",
        "anthony",
        "antonio",
        "barack",
        "ben",
        "benjamin",
        "bernie",
        "bill",
        "bob",
        "boris",
        "brian",
        "carl",
        "charles",
        "chris",
        "christopher",
        "chuck",
        "dan",
        "daniel",
        "david",
        "dennis",
        "dick",
        "donald",
        "doug",
        "douglas",
        "edward",
        "emmanuel",
        "eric",
        "frank",
        "fred",
        "gary",
        "george",
        "gerald",
        "greg",
        "harry",
        "henry",
        "howard",
        "ivan",
        "jack",
        "jacob",
        "james",
        "jason",
        "jeb",
        "jeff",
        "jeffrey",
        "jerry",
        "jim",
        "jimmy",
        "joe",
        "john",
        "jonathan",
        "jose",
        "joseph",
        "juan",
        "justin",
        "keith",
        "ken",
        "kevin",
        "larry",
        "lee",
        "louis",
        "luis",
        "marco",
        "mark",
        "martin",
        "matt",
        "matthew",
        "michael",
        "mike",
        "mitch",
        "mohammed",
        "muhammad",
        "narendra",
        "nicholas",
        "olaf",
        "paul",
        "pedro",
        "peter",
        "ralph",
        "randy",
        "raymond",
        "richard",
        "rick",
        "robert",
        "roger",
        "ron",
        "ronald",
        "roy",
        "rudy",
        "russell",
        "ryan",
        "sam",
        "samuel",
        "scott",
        "sean",
        "sergei",
        "sergey",
        "stephen",
        "steve",
        "steven",
        "ted",
        "thomas",
        "tim",
        "timothy",
        "todd",
        "tom",
        "tony",
        "vladimir",
        "walter",
        "william",
        "xi",
        "yoshihide",
        "shinzo",
        "recep",
        "hassan",
        "ali",
    ]
)
_FEMALE_NAMES = frozenset(
    [
        "alice",
        "amy",
        "andrea",
        "angela",
        "ann",
        "anna",
        "anne",
        "barbara",
        "betsy",
        "betty",
        "carly",
        "carol",
        "caroline",
        "catherine",
        "chelsea",
        "christine",
        "claire",
        "diane",
        "donna",
        "elizabeth",
        "ellen",
        "emily",
        "emma",
        "hillary",
        "huma",
        "ivanka",
        "jane",
        "janet",
        "jennifer",
        "jill",
        "joan",
        "julia",
        "julie",
        "karen",
        "kate",
        "kathleen",
        "kathy",
        "katie",
        "kellyanne",
        "kim",
        "kirsten",
        "laura",
        "linda",
        "lisa",
        "liz",
        "lori",
        "margaret",
        "maria",
        "marie",
        "martha",
        "mary",
        "melania",
        "michelle",
        "nancy",
        "nicola",
        "nikki",
        "olivia",
        "pamela",
        "patricia",
        "rachel",
        "rebecca",
        "sarah",
        "sharon",
        "stephanie",
        "susan",
        "susana",
        "suzanne",
        "teresa",
        "theresa",
        "tulsi",
        "ursula",
        "victoria",
    ]
)
_SUBJ = frozenset({"nsubj", "nsubjpass"})


def given_name(word: str) -> bool:
    """True when ``word`` is a first name of the lists ("Maxine", "Joe"), any case."""
    from analysis.lexicon.given_names import GIVEN_NAMES

    low = word.lower()
    return low in _MALE_NAMES or low in _FEMALE_NAMES or low in GIVEN_NAMES


def name_gender(text: str) -> str | None:
    """'m', 'f' or None for a person's name ("Jane Roe" -> 'f')."""
    words = text.replace(",", " ").split()
    if not words:
        return None
    first = words[0].lower()
    if first in _MALE_TITLES:
        return "m"
    if first in _FEMALE_TITLES:
        return "f"
    if first in _MALE_NAMES and first not in _FEMALE_NAMES:
        return "m"
    if first in _FEMALE_NAMES and first not in _MALE_NAMES:
        return "f"
    return None


class SpeakerResolver:
    """Antecedents of pronouns and nominals in one parsed piece.

    Parameters
    ----------
    doc : Doc
        The parsed piece.
    mentions : sequence
        Its actor mentions (objects with ``span``, ``actor_id``, ``label``, ``text``,
        ``title`` and ``kind`` attributes), any order.
    kb_titles : callable, optional
        actor_id -> set of lower-case titles from the knowledge base.
    """

    def __init__(self, doc: Doc, mentions: Sequence, kb_titles=None) -> None:
        self.doc = doc
        #: tokens inside quotation marks: a person named in a quote is not who "he" is
        self.quoted: set[int] = set()
        self._sents: list | None = None
        self.ms = sorted(
            (m for m in mentions if m.span is not None and m.span.doc is doc and m.actor_id),
            key=lambda m: m.span.start,
        )
        self.sent_no = {}
        for k, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                self.sent_no[i] = k
        self.gender: dict[str, str] = {}
        self.nouns: dict[str, set[str]] = {}
        for m in self.ms:
            if m.label != "PERSON":
                continue
            g = self._gender_of(m)
            if g and m.actor_id not in self.gender:
                self.gender[m.actor_id] = g
            nouns = self.nouns.setdefault(m.actor_id, set())
            nouns.update(self._described_by(m))
            if kb_titles is not None:
                for t in kb_titles(m.actor_id):
                    nouns.add(t.split()[-1])
        for m in self.ms:  # organisations are described by their kind of body
            if m.label in ("ORG", "GPE") and len(m.span):
                head = m.span.root.lemma_.lower()
                self.nouns.setdefault(m.actor_id, set()).add(head)

    # -- facts about antecedents ---------------------------------------------------

    def _gender_of(self, m) -> str | None:
        span = m.span
        doc = self.doc
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        if before in _MALE_TITLES:
            return "m"
        if before in _FEMALE_TITLES:
            return "f"
        g = name_gender(m.text)
        if g:
            return g
        # the possessive the same sentence uses for a subject name ("Roe ... her plan")
        if span.root.dep_ in _SUBJ:
            for t in doc[span.end : min(span.sent.end, span.end + 12)]:
                if t.lower_ in ("his", "him", "himself"):
                    return "m"
                if t.lower_ in ("her", "hers", "herself"):
                    return "f"
        return None

    def _described_by(self, m) -> set[str]:
        """Common nouns the article uses for the person: title before, apposition after."""
        doc = self.doc
        span = m.span
        out: set[str] = set()
        j = span.start - 1
        while j >= 0 and j >= span.start - 3 and doc[j].pos_ in ("NOUN", "PROPN", "ADJ"):
            if doc[j].pos_ == "NOUN" or doc[j].is_lower:
                out.add(doc[j].lemma_.lower())
            j -= 1
        if m.title:
            out.add(m.title.split()[-1])
        root = span.root
        for c in root.children:
            if c.dep_ == "appos" and c.pos_ == "NOUN":
                out.add(c.lemma_.lower())
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            out.add(root.head.lemma_.lower())
        return out

    # -- resolution ----------------------------------------------------------------

    def _candidates_before(self, tok: Token):
        """Mentions before ``tok``, nearest sentence first (within the window)."""
        k = self.sent_no.get(tok.i, 0)
        far = self._distances(k)
        by_sent: dict[int, list] = {}
        for m in self.ms:
            if m.span.start >= tok.i:
                break
            if m.span.start in self.quoted and tok.i not in self.quoted:
                continue  # '"... the president ...," he said': not the president
            s = self.sent_no.get(m.span.start, 0)
            if far.get(s, k - s) <= MAX_SENTENCES:
                by_sent.setdefault(s, []).append(m)
        for s in sorted(by_sent, reverse=True):
            yield s, by_sent[s]

    def _distances(self, k: int) -> dict[int, int]:
        """Sentence number -> how many sentences back from sentence ``k`` it lies, not
        counting the sentences wholly inside quotation marks (a long quote does not push
        its speaker out of reach)."""
        if not self.quoted:
            return {}
        if self._sents is None:
            self._sents = list(self.doc.sents)
        out, far = {}, 0
        for s in range(k - 1, -1, -1):
            sent = self._sents[s]
            words = [t.i for t in sent if not (t.is_punct or t.is_space)]
            if not words or not all(i in self.quoted for i in words):
                far += 1
            out[s] = far
            if far > MAX_SENTENCES:
                break
        return out

    def pronoun(self, tok: Token):
        """The named actor a pronoun subject refers to, or None."""
        word = tok.lower_
        if word in ("i", "we"):
            return None  # the speaker of a quote: left to the quote's own cue
        if word in PERSON_PRONOUNS:
            want = PERSON_PRONOUNS[word]
            for _s, ms in self._candidates_before(tok):
                people = [m for m in ms if m.label == "PERSON"]
                if want:
                    people = [m for m in people if self.gender.get(m.actor_id) in (want, None)]
                    agreed = [m for m in people if self.gender.get(m.actor_id) == want]
                    people = agreed or people
                if not people:
                    continue
                subjects = [m for m in people if m.span.root.dep_ in _SUBJ]
                return (subjects or people)[-1] if subjects else people[0]
            return None
        if word in _THING_PRONOUNS:
            for _s, ms in self._candidates_before(tok):
                bodies = [m for m in ms if m.label in ("ORG", "GPE")]
                if bodies:
                    subjects = [m for m in bodies if m.span.root.dep_ in _SUBJ]
                    return (subjects or bodies)[-1]
            return None
        return None

    def nominal(self, tok: Token):
        """The actor a definite description refers to ("the spokesman"), or None."""
        if tok.pos_ != "NOUN":
            return None
        if any(c.dep_ == "poss" for c in tok.children):
            return None  # "the senator's aide": not the senator, and not resolvable here
        det = next((c for c in tok.children if c.dep_ == "det"), None)
        if det is None or det.lower_ not in ("the", "this", "that"):
            return None
        noun = tok.lemma_.lower()
        best = None
        for m in self.ms:
            if m.span.start >= tok.i:
                break
            if noun in self.nouns.get(m.actor_id, ()):
                best = m
        return best

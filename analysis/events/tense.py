"""The tense and the modality a verb states by itself.

* :func:`tense_of` -- "past", "present" or "" from a verb's tag and auxiliaries ("did
  say" is past, "are holding" present);
* :func:`unrealised` -- a cancellation or refusal told as a possibility ("would be
  cancelled"), which has not undone what it governs.
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["tense_of", "unrealised"]

#: Subject relations: a participle with one is a finite verb.
_SUBJ = frozenset(["nsubj", "nsubjpass", "csubj", "csubjpass", "expl"])


def tense_of(node: Token) -> str:
    """The tense a verb node states by itself ("" when it states none)."""
    auxes = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
    tag = node.tag_
    if tag == "VBD":
        return "past"
    if tag in ("VBZ", "VBP"):
        return "present"
    if tag == "VBN":
        if any(c.lemma_.lower() == "have" for c in auxes):
            return "past"  # perfect: "have met", "had tested", "has been held"
        passive = [c for c in auxes if c.lemma_.lower() == "be"]
        if passive:
            if any(c.tag_ == "VBD" for c in passive):
                return "past"
            if any(c.tag_ in ("VBZ", "VBP") for c in passive):
                return "present"
            return ""
        if (
            not auxes
            and node.dep_ in ("ROOT", "conj", "ccomp", "parataxis")
            and any(c.dep_ in _SUBJ for c in node.children)
        ):
            return "past"  # a finite past the tagger read as a participle
        return ""
    if tag == "VBG":
        be = [c for c in auxes if c.lemma_.lower() == "be"]
        if any(c.lemma_.lower() == "have" for c in auxes) or any(c.tag_ == "VBD" for c in be):
            return "past"  # "had been holding", "were holding"
        if any(c.tag_ in ("VBZ", "VBP") for c in be):
            return "present"  # "are holding talks": under way
    if tag == "VB":
        do = [c for c in auxes if c.lemma_.lower() == "do"]
        if any(c.tag_ == "VBD" for c in do):
            return "past"  # "did say", "did not meet"
        if any(c.tag_ in ("VBZ", "VBP") for c in do):
            return "present"  # "does expect", "do not plan"
    return ""


def unrealised(verb: Token) -> bool:
    """A cancellation or refusal told as a possibility ("would be cancelled", "could
    scrap"): the event it governs has not been undone."""
    return any(c.dep_ == "aux" and c.lower_ in _POSSIBLE_AUX for c in verb.children)


#: Modals of possibility: what they govern has not happened.
_POSSIBLE_AUX = frozenset(["would", "could", "might", "may", "can"])

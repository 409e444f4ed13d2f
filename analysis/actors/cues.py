"""Word lists of the quote finder: cue verbs, source nouns, stance verbs.

Kept apart from the rules in :mod:`analysis.actors.quotes` so each can be read (and
replaced) on its own.  All lower-case lemmas or words.
"""

from __future__ import annotations

__all__ = [
    "ATTITUDE_LEMMAS",
    "DIRECT_CUES",
    "XCOMP_LEMMAS",
    "SOURCE_NOUNS",
    "TOPIC_LEMMAS",
    "TOPIC_PREPS",
    "TOPIC_PREP_ORDER",
    "AUDIENCE_VERBS",
    "NOT_SOURCES",
    "NOT_SPEAKERS",
    "SMALL",
    "STANCE_NOUNS",
    "DISCOURSE_NOUNS",
    "NEEDS_DISCOURSE_OBJECT",
    "TARGET_VERBS",
    "NEEDS_CHARGE",
    "CHANNEL_NOUNS",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Verbs of belief, finding and intent whose clausal complement is attributed to their
#: subject, like speech ("X believes ...", "the survey found ..."); local to quotes
#: (reported speech only: they never introduce a direct quote).
ATTITUDE_LEMMAS = _words(
    """
    believe think feel hope fear worry expect doubt suspect agree concede contend
    estimate find show charge tout boast point speculate guess know recommend propose
    joke wonder
    """
)


#: Verbs that introduce a direct quote besides the speech verbs (local to quotes).
DIRECT_CUES = _words(
    """
    read boast exclaim shout joke quip continue counter retort yell scream chant plead
    muse proclaim recount concede contend lament marvel scoff snap whisper wonder
    thunder insist add
    """
)


#: Verbs that report a request or a commitment with an infinitive ("urged X to act").
XCOMP_LEMMAS = _words(
    """
    urge ask promise vow threaten pledge call warn demand tell
    """
)


#: Heads of "according to ..." that can be a source: people and bodies that speak, and
#: the documents, counts and polls that report.
SOURCE_NOUNS = _words(
    """
    official officials source sources sources spokesman spokeswoman spokesperson aide
    aides adviser advisers advisor advisors person people expert experts analyst
    analysts witness witnesses resident residents investigator investigators prosecutor
    prosecutors lawyer lawyers attorney attorneys officer officers diplomat diplomats
    staff staffer staffers member members leader leaders report report reports statement
    statements document documents record records data figure figures estimate estimates
    poll polls survey surveys study studies analysis review audit filing filings
    complaint indictment transcript transcripts email emails letter memo account
    accounts testimony interview release campaign agency ministry department office
    police authorities government court judge ruling newspaper paper outlet network
    magazine website count census tally projection projections forecast forecasts model
    models research researchers company firm group organization organisation committee
    commission association spokesmen
    """
)


#: Verbs whose object or prepositional object is what the subject said, asked for or
#: stands for ("she criticized the plan", "he talked about taxes", "they called for a
#: ban"): reported attributions of stance (local to quotes).
TOPIC_LEMMAS = _words(
    """
    talk speak comment testify complain boast joke brag lie argue debate discuss address
    mention cite criticize criticise attack praise blame defend support oppose endorse
    advocate want plan propose reject condemn dismiss question describe credit thank
    applaud slam blast accuse call push press demand urge ask vow pledge promise
    threaten warn tout back recommend announce reveal deny dispute challenge decry
    denounce hail welcome insist stress emphasize emphasise highlight acknowledge admit
    concede predict tweet write write post express raise offer share disclose claim
    suggest signal declare voice float issue unveil rule find show estimate project rate
    agree decline refuse seek intend hope
    label dub brand characterize characterise portray mock ridicule insult disparage
    target rebuke scold chastise fault knock lambaste assail excoriate respond reply
    react refer focus campaign lobby fight rail stump weigh echo repeat reiterate recall
    detail outline explain note observe
    """
)


#: Prepositions whose object is what a stance verb is about, most telling first ("spoke
#: to reporters about taxes" is about taxes).
TOPIC_PREP_ORDER = ("about", "on", "over", "against", "for", "of", "with", "to")
TOPIC_PREPS = frozenset(TOPIC_PREP_ORDER)


#: Stance verbs that attribute only with an object of discourse ("raised concerns", not
#: "raised money"; "pushed the idea", not "pushed the cart").
NEEDS_DISCOURSE_OBJECT = _words(
    """
    raise push
    """
)

#: Objects of discourse: what is said, asked or argued.
DISCOURSE_NOUNS = _words(
    """
    question concern issue doubt objection possibility point alarm prospect idea
    argument claim case notion theory proposal plan bill measure agenda policy message
    narrative allegation charge suggestion demand
    """
)


#: Nouns that carry an attribution of their holder: what the holder said, asked for, means
#: to do or believes ("her claim that ...", "the mayor's call for ...", "his decision to
#: ..."); not a mere try ("their bid for ...", "an attempt to ...").
STANCE_NOUNS = _words(
    """
    claim assertion allegation accusation charge argument insistence contention statement
    announcement admission acknowledgment acknowledgement denial warning threat promise
    pledge vow call demand request appeal proposal plan offer suggestion recommendation
    decision determination refusal intention intent wish hope fear belief view opinion
    conviction criticism condemnation support opposition endorsement commitment push
    effort vision assessment prediction concern complaint
    """
)


#: Stance verbs whose direct object is whom the stance is about: with a charge or a
#: reason ("accused the mayor of lying", "blamed the council for the delay") that is
#: what is said.
TARGET_VERBS = _words(
    """
    accuse blame credit thank fault criticize criticise praise attack challenge target
    rebuke scold chastise knock lambaste assail excoriate slam blast hail applaud
    denounce condemn mock ridicule insult disparage question
    """
)


#: Target verbs that say nothing with a bare target: "accused the mayor" (of what?),
#: "challenged the senator" (to what?), "credited the nurses" (with what?).
NEEDS_CHARGE = _words(
    """
    accuse challenge credit
    """
)


#: Where one speaks, not what about ("spoke on the radio", "commented on a podcast").
CHANNEL_NOUNS = _words(
    """
    radio television tv show program programme broadcast podcast channel network air
    stage floor camera video livestream stream interview panel call phone line
    """
)


#: Verbs of talking whose "to" or "with" object is the audience, not the topic ("spoke
#: to reporters", "lied to Congress", "talked with the mayor").
AUDIENCE_VERBS = _words(
    """
    talk speak testify write tweet post lie complain boast brag joke explain campaign
    stump comment
    """
)


#: Heads of "according to ..." that are a standard things follow, not a source.
NOT_SOURCES = _words(
    """
    calendar plan schedule timetable law rule regulation tradition custom legend myth
    script protocol design definition standard formula recipe pattern logic principle
    instruction guideline constitution treaty agreement contract term deal order need
    ability size age weight type kind class category rank taste preference wish will
    scripture bible doctrine
    """
)


#: Subjects of a verb governing a quoted phrase that do not speak.
NOT_SPEAKERS = _words(
    """
    it this that there which what thing word
    """
)


SMALL = _words(
    """
    a an and for in of on or the to with
    """
)

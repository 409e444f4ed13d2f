"""The event typology: what kinds of event the extractor looks for, and how to extend it.

Each :class:`EventType` names an event kind of diplomacy and security news and lists the
words that signal it (its *triggers*): lemmas of verbs and nouns, multi-word phrases, and
for ambiguous words a *context* that must be present next to the trigger ("test" is a
weapons test only near "missile", "weapon", "nuclear", ...).  Types belong to a *family*
("meeting" covers summits, talks and visits) used when linking to the reference timeline.

Users add or replace types with :func:`register_event_type`::

    >>> from analysis.events import register_event_type
    >>> register_event_type("cyberattack", ["hack:v", "cyberattack:n", "breach:n"],
    ...                     family="military_activity", replace=True)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from .vocabulary import vocabulary

__all__ = [
    "EventType",
    "EVENT_TYPES",
    "refresh_weapon_context",
    "register_event_type",
    "unregister_event_type",
]

#: Generic words that make "test", "launch", "fire" a weapons event; the names of weapon
#: systems come from the domain vocabulary (:mod:`analysis.events.vocabulary`).
WEAPON_WORDS = frozenset(
    [
        "missile",
        "rocket",
        "icbm",
        "slbm",
        "irbm",
        "mrbm",
        "warhead",
        "weapon",
        "weaponry",
        "nuclear",
        "bomb",
        "device",
        "projectile",
        "ballistic",
        "hypersonic",
        "cruise",
        "artillery",
        "launcher",
        "engine",
        "torpedo",
        "satellite",
        "thermonuclear",
        "hydrogen",
        "atomic",
        "munition",
        "drone",
        "interceptor",
        "shell",
        "mortar",
    ]
)

#: Words that make "activity", "exercise", "movement" a military event.
MILITARY_CONTEXT = frozenset(
    [
        "military",
        "joint",
        "naval",
        "army",
        "troop",
        "air",
        "war",
        "combat",
        "live-fire",
        "live",
        "renewed",
        "increased",
        "unusual",
        "suspicious",
        "nuclear",
        "missile",
        "site",
        "facility",
        "reactor",
        "construction",
        "drill",
        "amphibious",
        "border",
        "wargame",
        "warship",
    ]
)

SANCTION_CONTEXT = frozenset(
    [
        "impose",
        "lift",
        "lifting",
        "ease",
        "easing",
        "tighten",
        "new",
        "fresh",
        "additional",
        "announce",
        "extend",
        "slap",
        "expand",
        "relief",
        "waive",
        "waiver",
        "unilateral",
        "toughen",
        "levy",
    ]
)


@dataclass(frozen=True)
class EventType:
    """One kind of event and the words that signal it.

    Parameters
    ----------
    name : str
        Type name used in the events frame (``events.type``).
    family : str
        Broader family ("meeting" for summits, talks and visits) used to match the
        reference timeline.
    description : str
        What counts as this event, for the documentation and the analyst.
    verbs : frozenset of str
        Verb lemmas that trigger it ("meet").
    nouns : frozenset of str
        Noun lemmas that trigger it ("summit").
    phrases : tuple of tuple of str
        Multi-word triggers as lemma sequences (("call", "for"),); the first word is the
        trigger token.
    context : mapping of str to frozenset of str
        For an ambiguous trigger lemma, the lemmas of which one must occur next to it
        (the trigger's children, grandchildren, head or compound words).
    plural_only : frozenset of str
        Noun lemmas that trigger only in the plural ("talks").
    """

    name: str
    family: str
    description: str = ""
    verbs: frozenset[str] = field(default_factory=frozenset)
    nouns: frozenset[str] = field(default_factory=frozenset)
    phrases: tuple[tuple[str, ...], ...] = ()
    context: Mapping[str, frozenset[str]] = field(default_factory=dict)
    plural_only: frozenset[str] = field(default_factory=frozenset)

    @property
    def triggers(self) -> list[str]:
        """All trigger forms as strings ("meet:v", "summit:n", "call for")."""
        return (
            [f"{v}:v" for v in sorted(self.verbs)]
            + [f"{n}:n" for n in sorted(self.nouns)]
            + [" ".join(p) for p in self.phrases]
        )


def _make(
    name: str,
    triggers: Iterable[str],
    *,
    family: str | None = None,
    description: str = "",
    context: Mapping[str, Iterable[str]] | None = None,
    plural_only: Iterable[str] = (),
) -> EventType:
    verbs: set[str] = set()
    nouns: set[str] = set()
    phrases: list[tuple[str, ...]] = []
    for raw in triggers:
        if not isinstance(raw, str) or not raw.strip():
            raise ValueError(f"event type {name!r}: trigger {raw!r} is not a non-empty string")
        text = raw.strip().lower()
        pos = ""
        if text[-2:] in (":v", ":n"):
            text, pos = text[:-2], text[-1]
        words = tuple(text.split())
        if len(words) > 1:
            phrases.append(words)
        elif pos == "v":
            verbs.add(text)
        elif pos == "n":
            nouns.add(text)
        else:
            verbs.add(text)
            nouns.add(text)
    ctx = {k.lower(): frozenset(w.lower() for w in v) for k, v in (context or {}).items()}
    return EventType(
        name=name,
        family=family or name,
        description=description,
        verbs=frozenset(verbs),
        nouns=frozenset(nouns),
        phrases=tuple(phrases),
        context=ctx,
        plural_only=frozenset(w.lower() for w in plural_only),
    )


_WEAPON_TRIGGERS = ("test", "launch", "fire", "detonate", "detonation")
_DEPLOY_WORDS = frozenset(
    [
        "troop",
        "missile",
        "warship",
        "carrier",
        "bomber",
        "force",
        "soldier",
        "system",
        "battery",
        "submarine",
        "jet",
    ]
)


def _weapon_words() -> frozenset[str]:
    return WEAPON_WORDS | vocabulary()["weapon_system"]


_WEAPON_CTX = {w: _weapon_words() for w in _WEAPON_TRIGGERS}

_DEFAULTS: list[EventType] = [
    _make(
        "meeting",
        [
            "summit:n",
            "meeting:n",
            "encounter:n",
            "talk:n",
            "tete-a-tete:n",
            "meet:v",
            "summitry:n",
            "sit down",
            "discussion:n",
        ],
        family="meeting",
        description="Leaders or officials meet: summits, bilateral meetings, talks held "
        "in person ('the summit', 'X will meet Y', 'talks with Y', 'a discussion between "
        "X and Y').",
        plural_only=["talk"],
        # a discussion is a meeting when it is between parties, not a debate on a topic
        context={"discussion": {"between", "with"}},
    ),
    _make(
        "visit",
        [
            "visit",
            "trip:n",
            "tour:n",
            "travel:v",
            "arrive:v",
            "arrival:n",
            "stop by",
            "state visit",
            "fly:v",
            "head:v",
            "land:v",
        ],
        family="meeting",
        description="An actor travels to a place or to another actor ('Kim's trip to "
        "Russia', 'Pompeo visited Pyongyang').",
    ),
    _make(
        "talks",
        ["negotiation:n", "negotiate:v", "dialogue:n", "dialog:n", "consultation:n", "parley:n"],
        family="meeting",
        description="Negotiations or a dialogue between parties, as a process rather "
        "than one meeting ('nuclear negotiations', 'the stalled dialogue').",
    ),
    _make(
        "statement",
        [
            "say:v",
            "confirm:v",
            "announce:v",
            "state:v",
            "declare:v",
            "reaffirm:v",
            "reiterate:v",
            "tell:v",
            "stress:v",
            "insist:v",
            "add:v",
            "announcement:n",
            "statement:n",
            "declaration:n",
            "remark:n",
            "chide:v",
            "rebuke:v",
            "comment:v",
            "explain:v",
            "note:v",
            "deny:v",
            "reveal:v",
            "assert:v",
            "affirm:v",
            "tweet:v",
            "acknowledge:v",
            "argue:v",
            "predict:v",
            "contend:v",
            "respond:v",
            "reply:v",
            "complain:v",
            "admit:v",
            "allege:v",
            "claim:v",
            "concede:v",
            "disclose:v",
            "testify:v",
            "call:v",
            "label:v",
            "brand:v",
            "dub:v",
            "write:v",
            "accuse:v",
            "criticize:v",
            "criticise:v",
            "condemn:v",
            "blame:v",
            "praise:v",
        ],
        family="statement",
        description="An actor speaks publicly: says, confirms, announces, denies "
        "('Peskov confirmed on Monday'). Reports by news media are not statements.",
    ),
    _make(
        "demand",
        [
            "demand",
            "call for",
            "call on",
            "urge:v",
            "insist on",
            "press for",
            "request",
            "ultimatum:n",
            "appeal:v",
            "push for",
        ],
        family="statement",
        description="An actor demands or urges something of another ('Kim demanded that "
        "Pompeo be replaced').",
    ),
    _make(
        "threat",
        ["threaten:v", "threat:n", "warn:v", "warning:n", "vow:v"],
        family="statement",
        description="An actor threatens another, or warns of an act of its own ('warned "
        "that it would retaliate'); a warning of a danger is a statement.",
    ),
    _make(
        "agreement",
        [
            "agreement:n",
            "agree:v",
            "deal:n",
            "accord:n",
            "treaty:n",
            "pact:n",
            "sign:v",
            "joint statement",
            "joint declaration",
            "memorandum:n",
        ],
        family="agreement",
        description="Parties agree, sign or reach a deal, declaration or treaty.",
        context={
            "sign": {
                "agreement",
                "deal",
                "accord",
                "treaty",
                "pact",
                "declaration",
                "statement",
                "memorandum",
                "document",
                "protocol",
                "contract",
            }
        },
    ),
    _make(
        "weapons_test",
        [
            "test",
            "launch",
            "fire:v",
            "test-fire:v",
            "test-fire:n",
            "testfire:v",
            "detonate:v",
            "detonation:n",
            "test fire",
            "test launch",
        ],
        family="weapons_test",
        description="A weapons test or launch: missiles, nuclear devices, rockets, new "
        "weapons ('North Korea tested a new tactical guided weapon'). 'test', 'launch' "
        "and 'fire' count only next to a weapon word.",
        context=_WEAPON_CTX,
    ),
    _make(
        "military_activity",
        [
            "drill",
            "exercise:n",
            "deploy:v",
            "deployment:n",
            "mobilize:v",
            "mobilization:n",
            "invade:v",
            "invasion:n",
            "attack",
            "strike",
            "airstrike:n",
            "bomb:v",
            "bombing:n",
            "shell:v",
            "shelling:n",
            "clash",
            "incursion:n",
            "buildup:n",
            "build-up:n",
            "activity:n",
            "maneuver:n",
            "manoeuvre:n",
            "war game",
            "provocation:n",
            "reactivate:v",
            "restart:v",
        ],
        family="military_activity",
        description="Military or nuclear-site activity: drills, exercises, deployments, "
        "attacks, renewed activity at a nuclear facility ('renewed activity at Yongbyon').",
        context={
            "activity": MILITARY_CONTEXT,
            "exercise": MILITARY_CONTEXT,
            "maneuver": MILITARY_CONTEXT,
            "manoeuvre": MILITARY_CONTEXT,
            "strike": {
                "air",
                "missile",
                "military",
                "drone",
                "preemptive",
                "pre-emptive",
                "nuclear",
                "surgical",
                "retaliatory",
            },
            "attack": {
                "military",
                "missile",
                "nuclear",
                "drone",
                "troop",
                "army",
                "air",
                "armed",
                "terrorist",
                "rocket",
                "artillery",
            },
            "restart": {"reactor", "facility", "plant", "site", "enrichment"},
            "reactivate": {"reactor", "facility", "plant", "site"},
            "deploy": _DEPLOY_WORDS | vocabulary()["weapon_system"],
        },
    ),
    _make(
        "sanctions",
        ["sanction", "embargo", "blacklist:v"],
        family="sanctions",
        description="Sanctions imposed, tightened, eased or lifted. The noun counts only "
        "with a verb or word of imposing or lifting ('the lifting of sanctions').",
        context={"sanction:n": SANCTION_CONTEXT},
    ),
    _make(
        "election",
        [
            "election:n",
            "referendum:n",
            "elect:v",
            "re-elect:v",
            "poll:n",
            "primary:n",
            "midterm:n",
            "runoff:n",
            "by-election:n",
            "plebiscite:n",
            "re-election:n",
            "reelection:n",
        ],
        family="election",
        description="Elections, votes and referendums.",
        context={"poll": {"election", "presidential", "parliamentary", "opening", "close", "vote"}},
        # "the midterms": the elections; "a midterm" of a school is no vote
        plural_only=["midterm"],
    ),
]

#: The event typology: name -> :class:`EventType`.  Extend with :func:`register_event_type`.
EVENT_TYPES: dict[str, EventType] = {t.name: t for t in _DEFAULTS}


def register_event_type(
    name: str,
    triggers: Iterable[str],
    *,
    family: str | None = None,
    description: str = "",
    context: Mapping[str, Iterable[str]] | None = None,
    plural_only: Iterable[str] = (),
    replace: bool = False,
) -> EventType:
    """Add an event type (or extend an existing one) to :data:`EVENT_TYPES`.

    Parameters
    ----------
    name : str
        Type name ("cyberattack").
    triggers : iterable of str
        Trigger lemmas: ``"summit"`` (noun or verb), ``"summit:n"`` (noun only),
        ``"meet:v"`` (verb only), or a phrase of several lemmas ``"call for"``.
    family : str, optional
        Broader family used for reference linking; defaults to ``name``.
    description : str
        What counts as this event.
    context : mapping, optional
        ``{trigger_lemma: [context lemmas]}``: the trigger counts only when one of the
        context lemmas is next to it in the dependency tree.
    plural_only : iterable of str
        Noun lemmas that count only in the plural.
    replace : bool
        When False (default) and ``name`` exists, the triggers are added to it;
        when True the type is replaced.

    Returns
    -------
    EventType
        The registered type.
    """
    if not isinstance(name, str) or not name.strip():
        raise ValueError("event type name must be a non-empty string")
    new = _make(
        name,
        triggers,
        family=family,
        description=description,
        context=context,
        plural_only=plural_only,
    )
    old = EVENT_TYPES.get(name)
    if old is not None and not replace:
        ctx = dict(old.context)
        ctx.update(new.context)
        new = EventType(
            name=name,
            family=family or old.family,
            description=description or old.description,
            verbs=old.verbs | new.verbs,
            nouns=old.nouns | new.nouns,
            phrases=tuple(dict.fromkeys(old.phrases + new.phrases)),
            context=ctx,
            plural_only=old.plural_only | new.plural_only,
        )
    EVENT_TYPES[name] = new
    return new


def unregister_event_type(name: str) -> None:
    """Remove the type ``name`` from :data:`EVENT_TYPES` (KeyError when unknown)."""
    if name not in EVENT_TYPES:
        raise KeyError(f"unknown event type {name!r}; known: {', '.join(sorted(EVENT_TYPES))}")
    del EVENT_TYPES[name]


def refresh_weapon_context() -> None:
    """Rebuild the weapon contexts of the "weapons_test" and "military_activity" types
    from the vocabulary in use (called by :func:`analysis.events.extend_vocabulary`)."""
    weapons = _weapon_words()
    names = vocabulary()["weapon_system"]
    test = EVENT_TYPES.get("weapons_test")
    if test is not None:
        ctx = dict(test.context)
        ctx.update({w: weapons for w in _WEAPON_TRIGGERS if w in ctx})
        EVENT_TYPES["weapons_test"] = replace(test, context=ctx)
    mil = EVENT_TYPES.get("military_activity")
    if mil is not None and "deploy" in mil.context:
        ctx = dict(mil.context)
        ctx["deploy"] = frozenset(ctx["deploy"] | names)
        EVENT_TYPES["military_activity"] = replace(mil, context=ctx)

"""Paraphrased duties: a bullet that does the same work in other words covers the duty.

Real bullets rarely repeat a posting's wording: "Handled guest complaints" is "Resolve escalated
customer complaints", "Drafted meeting minutes and memos" is "Prepare correspondence, reports
...", "Calendar management for four partners" is "Manage executive calendars". `duty_frame` reads
a duty as its leading verbs ("Design, build and maintain") and the objects they act on (each
listed object an alternative: "correspondence", "reports", "presentations for managers"), and
`shows_frame` accepts a bullet when

- verb: the bullet has one of the duty's verbs or a verb of the same sense (VERB_SENSES), two of
  a list of four or more ("Recruit, hire, train and coach" is more than training), or the
  duty's verb is a light verb (LIGHT_VERBS: "manage", "oversee", "maintain" say only that the work
  is done, so the object carries the meaning); and
- object: for one listed object, its head (the last distinctive word before a preposition) and at
  least half of its distinctive words appear in the bullet, as written or as a word of the same
  sense (NOUN_SENSES: "guest" for "customer", "memo" for "correspondence"); and
- doing is not managing: for a light verb and a one-word object, a bullet whose first word is
  that object ("Scheduled appointments" for "Manage patient scheduling") needs one more word of
  context;
- context: the bullet shares at least two distinctive words (by sense) with the whole duty, so a
  one-word object ("ordering") is never enough on its own; three when the object is shown only in
  part ("Managed the supply budget" for "Order office supplies" lacks "office").

The word senses are small, documented tables of the words resumes use for the same work. Senses
are looked up on stems, so every word form meets ("drafted", "drafting"); irregular past forms
are listed as they are written ("wrote", "built", "grew", "kept").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from appkit.match.terms import GENERIC, Lexicon, fold, stem

# Verbs that only say the work is done: the object carries the duty's meaning.
LIGHT_VERBS = (
    "manage oversee coordinate maintain assist support handle serve perform conduct ensure "
    "facilitate help participate keep administer"
)

# Verbs resumes use for the same work as a duty's verb. One sense per line.
VERB_SENSES = (
    "prepare draft write wrote written compose produce author create",
    "resolve handle address settle deescalate de-escalate",
    "drive grow grew grown increase boost raise lift exceed beat",
    "build built develop design implement code program create ship",
    "deploy ship release launch",
    "train trained coach mentor teach taught onboard",
    "verify check confirm validate",
    "order reorder purchase procure requisition",
    "answer field",
    "greet welcome",
)

# Nouns resumes use for the same thing as a duty's object. One sense per line.
NOUN_SENSES = (
    "customer guest client shopper patron",
    "complaint grievance escalation",
    "correspondence letter memo email",
    "report summary minutes",
    "record file chart",
    "calendar diary",
    "executive partner principal director",
    "travel flight hotel itinerary",
    "inventory stock supplies",
    "merchandising display planogram endcap",
    "intake registration admission",
    "sales revenue",
    "target goal quota plan",
    "phone call telephone",
    "visitor guest",
    "website webapp",
)

_LISTED = re.compile(r",|;|\s(?:and|or)\s", re.I)
_END = re.compile(r"\s(?:to|by|ensuring|including|while|so that)\s|[.:]", re.I)
_PREPOSITION = re.compile(
    r"\s(?:in|on|for|to|with|from|across|within|into|at|by|through|under|using|via|of)\s", re.I
)
# A clause cut after an adjective ("accurate | and confidential patient records") lost its noun.
_ADJECTIVE = re.compile(r"(?:ate|ive|al|ous|ful|ent|ant|ic|ary)$", re.I)
MIN_CONTEXT = 2


def _stems(words: str) -> list[str]:
    return [stem(fold(w)) for w in words.replace("-", " ").split() if w]


@lru_cache(maxsize=1)
def _senses() -> tuple[frozenset[str], dict[str, str], dict[str, str]]:
    """(light verb stems, verb stem -> sense id, noun stem -> sense id)."""
    light = frozenset(_stems(LIGHT_VERBS))
    verbs = {s: f"v{i}" for i, line in enumerate(VERB_SENSES) for s in _stems(line)}
    nouns = {s: f"n{i}" for i, line in enumerate(NOUN_SENSES) for s in _stems(line)}
    return light, verbs, nouns


@dataclass(frozen=True, slots=True)
class Frame:
    """A duty read as verbs and the objects they act on, plus all its distinctive keys."""

    verbs: frozenset[str]
    objects: tuple[tuple[frozenset[str], str], ...]  # (distinctive keys, head key)
    context: frozenset[str]


def _object(lex: Lexicon, chunk: str, skip_first: bool) -> tuple[frozenset[str], str] | None:
    keys = [k for k in lex.keys(chunk)[1 if skip_first else 0 :] if k not in GENERIC]
    before = _PREPOSITION.split(f" {chunk} ", maxsplit=1)[0]
    head_keys = [k for k in lex.keys(before)[1 if skip_first else 0 :] if k not in GENERIC]
    if not keys or not head_keys:
        return None
    return frozenset(keys), head_keys[-1]


def _verb_phrase(chunk: str) -> bool:
    """Whether a listed part starts a new duty ("schedule meetings", "updating records") rather
    than naming another object ("reports", "REST APIs", "presentations for managers").

    Listed objects are plural, capitalised or one word; an imperative or -ing word before more
    words starts a verb phrase. Unsure cases count as verb phrases (precision first).
    """
    words = chunk.split()
    head = words[0]
    light, verbs, _ = _senses()
    folded = stem(fold(head))
    if head.lower().endswith("ing") or folded in light or folded in verbs:
        return True
    if len(words) == 1 or head.isupper() or head[:1].isupper():
        return False
    return not head.lower().endswith("s")


def _chunks(text: str) -> list[str]:
    """The listed parts of a duty's first sentence, re-joining cuts made after an adjective."""
    first = _END.split(text, maxsplit=1)[0]
    out: list[str] = []
    for piece in _LISTED.split(first):
        if out and _ADJECTIVE.search(out[-1].strip().split()[-1] if out[-1].split() else ""):
            out[-1] = f"{out[-1]} and {piece}"
        elif piece.strip():
            out.append(piece)
    return out


def _frame(lex: Lexicon, text: str) -> Frame | None:
    verbs: list[str] = []
    objects: list[tuple[frozenset[str], str]] = []
    for chunk in _chunks(text):
        keys = lex.keys(chunk)
        if not keys:
            continue
        if not objects and len(keys) == 1:
            verbs.append(keys[0])  # "Design, build and maintain ..."
            continue
        first = not objects
        if first:
            verbs.append(keys[0])
        elif _verb_phrase(chunk):
            continue  # "..., updating demographic information": another part, not an alternative
        found = _object(lex, chunk, skip_first=first)
        if found:
            objects.append(found)
    context = frozenset(k for k in lex.keys(text) if k not in GENERIC)
    if not verbs or not objects:
        return None
    return Frame(frozenset(verbs), tuple(objects), context)


def duty_frame(lex: Lexicon, text: str) -> Frame | None:
    """The duty's verbs and objects (module docstring), None when it has no verb or object."""
    return _frame(lex, text)


@lru_cache(maxsize=8192)  # asked thousands of times a match, for a few hundred keys
def _sense_of(key: str) -> frozenset[str]:
    _, verbs, nouns = _senses()
    return frozenset(s for s in (key, verbs.get(key), nouns.get(key)) if s)


def _sensed(keys: frozenset[str]) -> frozenset[str]:
    return frozenset(s for k in keys for s in _sense_of(k))


def _verb_count(frame: Frame) -> int:
    """How many verbs a bullet must show: half of a list ("Recruit, hire, train and coach"), so
    one of up to three ("Design, build and maintain") and two of four."""
    return len(frame.verbs) - len(frame.verbs) // 2 if len(frame.verbs) > 3 else 1


def shows_frame(frame: Frame | None, words: tuple[str, ...]) -> frozenset[str]:
    """The keys of an item's words (in order) that do the duty in other words (module docstring);
    empty when it does not."""
    if frame is None or not words:
        return frozenset()
    light, _, _ = _senses()
    item_keys = frozenset(words)
    have = _sensed(item_keys)
    wanted = _sensed(frame.verbs)  # each of the item's words shows one verb at most
    shown = sum(1 for k in item_keys if _sense_of(k) & wanted)
    if not frame.verbs & light and shown < _verb_count(frame):
        return frozenset()
    context = sum(1 for k in frame.context if _sense_of(k) & have)
    for keys, head in frame.objects:
        hit = sum(1 for k in keys if _sense_of(k) & have)
        # an object shown only in part ("supply budget" for "office supplies") needs more context
        need = MIN_CONTEXT if hit == len(keys) else MIN_CONTEXT + 1
        if frame.verbs & light and len(keys) == 1 and _sense_of(words[0]) & _sense_of(head):
            need += 1  # "Scheduled appointments" does the scheduling; it does not manage it
        if _sense_of(head) & have and 2 * hit >= len(keys) and context >= need:
            wanted = _sensed(frame.context | frame.verbs)
            return frozenset(k for k in item_keys if _sense_of(k) & wanted)
    return frozenset()

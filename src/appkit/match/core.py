"""The core of a duty: its first verb and what it acts on ("Manage patient scheduling" in "Manage
patient scheduling and appointment logistics to optimize clinic flow and patient access").

A long requirement (a responsibility) is a list of duties, and real bullets paraphrase the first
one in their own words ("Managed scheduling for 12 therapists"). A profile item shows the core
when it has the core's verb (any word form: "Managed", "Management of") and every distinctive
word of its object; GENERIC words of the object ("patient") may be implied by the setting. That
is covered evidence (score COVERED), even when the rest of the duty shares no words with the item.
A core without a distinctive object word never counts on its own.

Breadth: a duty lists parts ("Maintain filing systems | confidential records | both paper |
electronic"). A bullet that shows the first part (half its distinctive words) and one more (most
of its words) shows the duty: "Maintenance of client files ... and the paper archive".
It only lifts a bullet that is already partial evidence, and never a job title.
"""

from __future__ import annotations

import re

from appkit.match.terms import GENERIC, Lexicon

_CLAUSE = re.compile(r",|;|\s(?:and|or|to|by|ensuring|including|while|so that)\s", re.I)
# A clause cut after an adjective ("Maintain accurate | and confidential patient records") has lost
# its noun: the cut is skipped. Adjectives are told by their ending, which is enough here.
_ADJECTIVE = re.compile(r"(?:ate|ive|al|ous|ful|ent|ant|ic|ary)$", re.I)


def duty_core(lex: Lexicon, text: str) -> tuple[str, frozenset[str]] | None:
    """(verb key, distinctive object keys) of a duty's first clause, None when it has none."""
    clause = text
    for m in _CLAUSE.finditer(text):
        head = text[: m.start()].split()
        if head and not _ADJECTIVE.search(head[-1]):
            clause = text[: m.start()]
            break
    keys = lex.keys(clause)
    if len(keys) < 2:
        return None
    verb, obj = keys[0], frozenset(k for k in keys[1:] if k not in GENERIC)
    return (verb, obj) if obj else None


def shows_core(core: tuple[str, frozenset[str]] | None, item_keys: frozenset[str]) -> bool:
    """Whether an item has the core's verb and every distinctive word of its object."""
    return core is not None and core[0] in item_keys and core[1] <= item_keys


_PARTS = re.compile(r",|;|\s(?:and|or|to|ensuring|including|while|so that)\s", re.I)


def duty_parts(lex: Lexicon, text: str) -> tuple[frozenset[str], ...]:
    """The distinctive keys of each listed part of a duty (its first word, the verb, aside)."""
    found = []
    for i, chunk in enumerate(_PARTS.split(text)):
        keys = lex.keys(chunk)[1 if i == 0 else 0 :]
        distinct = frozenset(k for k in keys if k not in GENERIC)
        if distinct:
            found.append(distinct)
    return tuple(found)


def parts_shown(parts: tuple[frozenset[str], ...], item_keys: frozenset[str]) -> int:
    """How many parts after the first an item shows (most of the distinctive words of each)."""
    return sum(1 for keys in parts[1:] if touches(keys, item_keys))


def touches(keys: frozenset[str], item_keys: frozenset[str], half: bool = False) -> bool:
    """Whether an item has most of a part's distinctive words (with `half`: half of them)."""
    hit = len(keys & item_keys)
    return hit > 0 and (2 * hit >= len(keys) if half else 2 * hit > len(keys))


BREADTH = 2  # parts a bullet must show, the first among them


def shows_parts(parts: tuple[frozenset[str], ...], item_keys: frozenset[str]) -> bool:
    """Whether an item shows a duty's first part and enough parts in all (module docstring)."""
    first = bool(parts) and touches(parts[0], item_keys, half=True)
    return first and parts_shown(parts, item_keys) >= BREADTH - 1

"""The core of a duty: its first verb and what it acts on ("Manage patient scheduling" in "Manage
patient scheduling and appointment logistics to optimize clinic flow and patient access").

A long requirement (a responsibility) is a list of duties, and real bullets paraphrase the first
one in their own words ("Managed scheduling for 12 therapists"). A profile item shows the core
when it has the core's verb (any word form: "Managed", "Management of") and every distinctive
word of its object; GENERIC words of the object ("patient") may be implied by the setting. That
is covered evidence (score COVERED), even when the rest of the duty shares no words with the item.
A core without a distinctive object word ("Assist with patient intake" has "intake"; "Serve as
the primary point" has none that the item must carry alone) never counts on its own.
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

"""Phrases: the sets of keys that satisfy a short requirement (a skill, tool, soft skill).

A short item is split at "and", "or", commas and slashes into sub-phrases (see
`appkit.match.requirements`). Besides those, a parenthesised list names either alternatives or
parts:

- after a kind of thing ("EHR (Epic, Cerner, Meditech)", "a CRM (e.g. Salesforce)"): each member
  is an alternative and satisfies the item fully;
- after a suite of applications ("Microsoft Office (Word, Excel, Outlook)", "Google Workspace",
  "Adobe Creative Cloud"): each member is a *part*. One part is partial evidence; two different
  parts are enough. The same holds for a suite's examples in a guide.

A sub-phrase whose HEAD word named a kind of product ("scheduling software", "VoIP phone systems")
is *kind_only*: its remaining words describe an activity ("scheduling") that a job bullet can
mention without any product. Such a phrase fully matches a skills-list item, or an item that names
a product (see `appkit.match.products`) or the word "software"/"system"; in any other sentence
it is partial evidence only ("Taught medication schedules" is not scheduling software).

Soft-skill indicators (behaviour that shows a soft skill) are matched with every word they have:
"emotional support" needs both words, so a CSS library called "emotion" shows no empathy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from appkit.match.terms import GENERIC, HEAD, Lexicon, fold, stem

_SPLIT = re.compile(r"\s+and\s+|\s*[,;/&]\s*|\s+or\s+", re.I)
_PAREN = re.compile(r"\s*\(([^)]*)\)")
_EXAMPLE = re.compile(r"^\s*(?:e\.g\.|i\.e\.|eg|such as|like|including)[,:]?\s*", re.I)
_ACRONYM = re.compile(r"^[A-Z0-9&]{2,8}s?$")
_SUITE = re.compile(r"\b(?:suite|office|workspace|creative cloud|g suite)\b", re.I)
# The parts of a suite named without them (O*NET lists "Microsoft Office software" beside
# "Microsoft Excel"): two different parts cover the suite, one is partial evidence.
SUITE_PARTS: dict[str, tuple[str, ...]] = {
    "microsoft office": ("Word", "Excel", "PowerPoint", "Outlook", "Access", "OneNote"),
    "ms office": ("Word", "Excel", "PowerPoint", "Outlook", "Access", "OneNote"),
    "google workspace": ("Gmail", "Google Docs", "Google Sheets", "Google Slides", "Google Drive"),
    "g suite": ("Gmail", "Google Docs", "Google Sheets", "Google Slides", "Google Drive"),
    "adobe creative cloud": ("Photoshop", "Illustrator", "InDesign", "Premiere Pro"),
}
# Generic words that only name an activity around the thing ("Records Management").
ACTIVITY = frozenset(stem(fold(w)) for w in ("management", "managing"))
# HEAD words that name a kind of product: the rest of the phrase is then an activity.
PRODUCT_HEADS = frozenset(stem(fold(w)) for w in ("software", "system", "systems", "platform"))


@dataclass(frozen=True)
class Phrase:
    """A set of keys that together match a requirement fully, e.g. {'preauthor'} or {'epic'}."""

    keys: frozenset[str]
    label: str
    proper: bool = False
    strong: bool = False
    part: bool = False  # one part of a suite: partial alone (module docstring)
    kind_only: bool = False  # an activity named as a kind of product (module docstring)


def make_phrase(
    lex: Lexicon, text: str, proper_ok: bool = False, part: bool = False
) -> Phrase | None:
    """Keys of a sub-phrase minus HEAD words, and minus GENERIC words while two keys remain."""
    every = lex.keys(text)
    keys = [k for k in every if k not in HEAD]
    distinctive = [k for k in keys if k not in GENERIC]
    if not distinctive:
        return None
    # "Inventory Management", "Records Management": the activity word adds nothing (but it is part
    # of the name of a kind of product: "practice management software")
    product = PRODUCT_HEADS.intersection(every)
    lean = keys if product else [k for k in keys if k not in ACTIVITY] or keys
    keys = distinctive if len(distinctive) >= 2 else lean
    proper = proper_ok and len(keys) == 1 and " " not in text.strip() and text.strip()[:1].isupper()
    strong = len(distinctive) >= 2 or bool(lex.acronyms.intersection(keys))
    kind_only = bool(PRODUCT_HEADS.intersection(every)) and not lex.acronyms.intersection(keys)
    return Phrase(
        frozenset(keys),
        text.strip(),
        proper and keys[0] not in lex.acronyms,
        strong,
        part,
        kind_only and not proper,
    )


def exact_phrase(lex: Lexicon, text: str) -> Phrase | None:
    """A phrase that needs every word of `text` (soft-skill indicators)."""
    keys = lex.keys(text)
    return Phrase(frozenset(keys), text.strip(), strong=len(keys) >= 2) if keys else None


def _paren_phrases(lex: Lexicon, name: str) -> list[Phrase | None]:
    """Members of a parenthesised list: alternatives after a kind, parts after a suite name."""
    found: list[Phrase | None] = []
    for m in _PAREN.finditer(name):
        inner = m[1].strip()
        if not inner or _ACRONYM.match(inner):
            continue  # "(POS)": an acronym, declared elsewhere
        part = bool(_SUITE.search(name[: m.start()]))
        for member in _SPLIT.split(_EXAMPLE.sub("", inner)):
            if member.strip():
                found.append(make_phrase(lex, member, proper_ok=True, part=part))
    return found


def short_phrases(
    lex: Lexicon,
    name: str,
    acronym: str | None = None,
    examples: tuple[str, ...] = (),
    proper: bool = False,
) -> tuple[tuple[Phrase, ...], tuple[str, ...]]:
    """Phrases and readable terms of a short item: sub-phrases, list members, acronym, examples."""
    bare = _PAREN.sub("", name)
    parts = [p for p in _SPLIT.split(bare) if p.strip()]
    found = [make_phrase(lex, p, proper) for p in parts]
    if PRODUCT_HEADS.intersection(lex.keys(bare)):  # "Scheduling and Registration Software"
        found = [
            replace(p, kind_only=not p.proper and not lex.acronyms & p.keys) if p else p
            for p in found
        ]
    found += _paren_phrases(lex, name)
    if acronym:
        found.append(Phrase(frozenset({lex.add_acronym(acronym)}), acronym, strong=True))
    suite = bool(_SUITE.search(name))
    if suite and not examples and "(" not in name:
        low = name.lower()
        examples = next((v for k, v in SUITE_PARTS.items() if k in low), ())
    found += [make_phrase(lex, e, proper_ok=True, part=suite) for e in examples]
    unique: dict[frozenset[str], Phrase] = {}
    for p in found:
        if p:
            unique.setdefault(p.keys, p)
    phrases = tuple(unique.values())
    return phrases, tuple(dict.fromkeys(p.label for p in phrases))

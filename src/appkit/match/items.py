"""The profile side of matching: every evidence-bearing text of a profile, with its ItemRef."""

from __future__ import annotations

import re
from dataclasses import dataclass

from appkit.match.models import ItemRef
from appkit.match.products import named_products
from appkit.match.terms import Lexicon, Token
from appkit.profile.model import Profile


@dataclass
class Item:
    """One piece of profile text that can evidence requirements."""

    ref: ItemRef
    kind: str
    text: str
    job: int | None
    tokens: list[Token]
    keys: frozenset[str]
    cased: frozenset[str]
    # Names a product or the word "software"/"system": a kind-only phrase matches it fully.
    named: bool = False
    # Products it names, as written, with the keys of what each is.
    products: tuple[tuple[str, frozenset[str]], ...] = ()

    @property
    def path(self) -> str:
        return self.ref.path

    @property
    def words(self) -> tuple[str, ...]:
        """The keys of the item's own words in order, without what a product or acronym expands
        to."""
        return tuple(t.key for t in self.tokens)


_SOFTWARE = re.compile(r"\b(?:software|systems?|platforms?|apps?|applications?)\b", re.I)


def _ref(section: str, index: int, field: str, sub_index: int | None = None) -> ItemRef:
    return ItemRef(section=section, index=index, field=field, sub_index=sub_index)


def profile_items(profile: Profile, lex: Lexicon) -> list[Item]:
    """Every evidence-bearing text of a profile, with its source path."""
    raw: list[tuple[ItemRef, str, str, int | None]] = []
    for i, job in enumerate(profile.experience):
        raw.append((_ref("experience", i, "title"), "title", job.title, i))
        raw += [
            (_ref("experience", i, "highlights", j), "bullet", h, i)
            for j, h in enumerate(job.highlights)
        ]
    for i, ed in enumerate(profile.education):
        raw.append((_ref("education", i, "degree"), "degree", ed.degree, None))
        raw += [
            (_ref("education", i, "highlights", j), "education", h, None)
            for j, h in enumerate(ed.highlights)
        ]
    for i, cert in enumerate(profile.certifications):
        raw.append((_ref("certifications", i, "name"), "certification", cert.name, None))
    for g, group in enumerate(profile.skills):
        raw += [
            (_ref("skills", g, "items", k), "skill", s, None) for k, s in enumerate(group.items)
        ]
    for i, p in enumerate(profile.projects):
        raw.append((_ref("projects", i, "name"), "project", p.name, None))
        if p.description:
            raw.append((_ref("projects", i, "description"), "project", p.description, None))
        raw += [
            (_ref("projects", i, "highlights", j), "project", h, None)
            for j, h in enumerate(p.highlights)
        ]
    for i, v in enumerate(profile.volunteer):
        raw.append((_ref("volunteer", i, "role"), "volunteer", v.role, None))
        raw += [
            (_ref("volunteer", i, "highlights", j), "volunteer", h, None)
            for j, h in enumerate(v.highlights)
        ]
    for i, lang in enumerate(profile.languages):
        raw.append((_ref("languages", i, "language"), "language", lang.language, None))
    for i, a in enumerate(profile.awards):
        raw.append((_ref("awards", i, "title"), "award", a.title, None))
        if a.summary:
            raw.append((_ref("awards", i, "summary"), "award", a.summary, None))
    items = []
    for ref, kind, text, job in raw:
        tokens = lex.tokens(text)
        keys = frozenset(k for t in tokens for k in t.parts | {t.key})
        cased = frozenset(t.key for t in tokens if t.cased)
        # A named product evidences its kind ("Kronos": workforce scheduling software).
        products = tuple(
            (name, frozenset(k for t in lex.tokens(what) for k in t.parts | {t.key}))
            for name, what in named_products(text)
        )
        for _, extra in products:
            keys, cased = keys | extra, cased | extra
        named = kind == "skill" or bool(products) or bool(_SOFTWARE.search(text))
        items.append(Item(ref, kind, text, job, tokens, keys, cased, named, products))
    return items

"""Find O*NET occupations by title: official titles, alternate titles, short titles, fuzzy.

Every occupation is searchable under its official title, each
alternate title (as written and without its parenthesised acronym: "Registered Nurse (RN)" is
also "Registered Nurse") and each short title ("RN", "CEO"). Titles and queries are compared as
whole words, case-folded, with a plain plural "s" removed from each word, so "nurse" matches
"Registered Nurses" and never "Nursery".

Tiers, best first: 3 the official title exactly; 2 an alternate or short title exactly; 1 every
query word in a title (closer in length ranks higher); 0 fuzzy (rapidfuzz ratio >= 85, for
typos). `resolve_title` picks one occupation only when it is unambiguous; otherwise the error
lists the best candidates with their codes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from appkit.errors import InputError
from appkit.guide.occupations import occupations

FUZZY_CUTOFF = 85.0
FUZZY_PICK = 90.0  # a typo is resolved only this close and clearly ahead of the next occupation
STOP = frozenset({"a", "an", "and", "the", "of", "for", "in", "or", "to", "&"})
_WORD = re.compile(r"[a-z0-9+#]+")
_ACRONYM = re.compile(r"\s*\([^)]*\)\s*$")


def _stem(word: str) -> str:
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> tuple[str, ...]:
    """The comparable words of a title or query: case-folded, stemmed, minus 'and'/'of'/..."""
    return tuple(_stem(w) for w in _WORD.findall(text.casefold()) if w not in STOP)


@dataclass(frozen=True)
class Variant:
    """One name an occupation can be found under."""

    code: str
    name: str  # as written, for display
    kind: str  # "title" | "alternate" | "short"
    sources: int  # how many sources name it (alternate titles); ranks shared names


@dataclass(frozen=True)
class Candidate:
    """An occupation found by a search, with the name that matched."""

    code: str
    title: str
    matched: str
    tier: int
    score: float
    has_tasks: bool

    @property
    def label(self) -> str:
        also = f" (as '{self.matched}')" if self.matched != self.title else ""
        return f"{self.code} {self.title}{also}"


@dataclass
class _Table:
    variants: list[Variant]
    keys: list[tuple[str, ...]]
    by_key: dict[tuple[str, ...], list[int]]
    by_word: dict[str, set[int]]
    texts: list[str]  # " ".join(key) per unique key, for fuzzy matching
    text_keys: list[tuple[str, ...]]


@cache
def _table() -> _Table:
    variants: list[Variant] = []
    keys: list[tuple[str, ...]] = []

    def add(variant: Variant, text: str) -> None:
        key = words(text)
        if key:
            variants.append(variant)
            keys.append(key)

    for code, occupation in occupations().items():
        title = occupation["title"]
        add(Variant(code, title, "title", 99), title)  # words() matches the singular too
        for name, short, sources in occupation["alternate_titles"]:
            count = len(sources.split(",")) if sources else 1
            add(Variant(code, name, "alternate", count), name)
            stripped = _ACRONYM.sub("", name)
            if stripped != name:
                add(Variant(code, name, "alternate", count), stripped)
            if short:
                add(Variant(code, name, "short", count), short)
    by_key: dict[tuple[str, ...], list[int]] = defaultdict(list)
    by_word: dict[str, set[int]] = defaultdict(set)
    for i, key in enumerate(keys):
        by_key[key].append(i)
        for word in key:
            by_word[word].add(i)
    text_keys = list(by_key)
    return _Table(
        variants, keys, dict(by_key), dict(by_word), [" ".join(k) for k in text_keys], text_keys
    )


def search(query: str, limit: int = 25) -> list[Candidate]:
    """Occupations whose titles match `query`, best first (one entry per occupation)."""
    table = _table()
    wanted = words(query)
    if not wanted:
        return []
    best: dict[str, tuple[tuple[float, ...], Candidate]] = {}

    def offer(index: int, tier: int, score: float) -> None:
        variant = table.variants[index]
        occupation = occupations()[variant.code]
        in_title = set(wanted) <= set(words(occupation["title"]))
        candidate = Candidate(
            variant.code,
            occupation["title"],
            variant.name,
            tier,
            round(score, 1),
            bool(occupation["tasks"]),
        )
        rank = (
            tier,
            score,
            float(in_title),
            float(variant.sources),
            float(bool(occupation["tasks"])),
        )
        if variant.code not in best or rank > best[variant.code][0]:
            best[variant.code] = (rank, candidate)

    for i in table.by_key.get(wanted, []):
        offer(i, 3 if table.variants[i].kind == "title" else 2, 100.0)
    hits = set.intersection(*(table.by_word.get(w, set()) for w in wanted))
    for i in hits:
        offer(i, 1, 100.0 * len(wanted) / len(table.keys[i]))
    if not best:
        for _text, score, position in process.extract(
            " ".join(wanted), table.texts, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=50
        ):
            for i in table.by_key[table.text_keys[position]]:
                offer(i, 0, score)
    ranked = sorted(best.values(), key=lambda item: item[1].code)  # full ties: code order
    ranked.sort(key=lambda item: item[0], reverse=True)
    return [candidate for _rank, candidate in ranked[:limit]]


def _pick(found: list[Candidate], query: str) -> Candidate | None:
    """The one occupation `query` names, or None when the best candidates tie."""
    if not found:
        return None
    top = found[0]
    same_tier = [c for c in found if c.tier == top.tier]
    if top.tier == 3 or len(same_tier) == 1:
        return top if top.tier > 0 or top.score >= FUZZY_PICK else None
    if top.tier == 2:  # an alternate title several occupations share: the one it is named after
        wanted = set(words(query))
        # ... and is most of that occupation's title: "project manager" is not enough to pick
        # Information Technology Project Managers over Project Management Specialists.
        named = [
            c
            for c in same_tier
            if wanted <= set(words(c.title)) and len(wanted) > len(set(words(c.title))) / 2
        ]
        if len(named) == 1:
            return named[0]
    if top.tier == 0 and top.score >= FUZZY_PICK and same_tier[1].score <= top.score - 5:
        return top
    return None


def resolve_title(query: str, limit: int = 8, builtins: str = "") -> tuple[str, str | None]:
    """(code, alternate title) for the occupation `query` names; an error listing the best
    candidates otherwise (`builtins` names the built-in guides in the error when nothing
    matches). The alternate title ("Retail Store Manager", without a parenthesised
    acronym) is given when the query named the occupation by it, so documents can use it."""
    found = search(query, limit=50)
    picked = _pick(found, query)
    if picked is not None:
        alternate = _ACRONYM.sub("", picked.matched) if picked.tier == 2 else None
        return picked.code, alternate
    if not found:
        raise InputError.single(
            query,
            f"no built-in guide, guide file or O*NET occupation matches '{query}'"
            + (f" (available: {builtins})" if builtins else "")
            + "; `appkit guide list --search WORDS` searches every O*NET occupation by title",
        )
    shown = "; ".join(f"onet:{c.label}" for c in found[:limit])
    more = f" (and {len(found) - limit} more)" if len(found) > limit else ""
    kind = "O*NET occupations" if found[0].tier else "O*NET occupations closely"
    raise InputError.single(
        query,
        f"'{query}' matches several {kind}: {shown}{more}; give one as --guide onet:CODE "
        "or a more specific title",
    )

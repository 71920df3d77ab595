"""Singular occupation titles for prose: "Software Developers" -> "Software Developer".

O*NET writes occupation titles in the plural and in several shapes: "Accountants and Auditors",
"First-Line Supervisors of Retail Sales Workers", "Education Teachers, Postsecondary",
"Farmers, Ranchers, and Other Agricultural Managers". `inflect` singularises one noun well but
treats a whole title as one phrase ("Accountants and Auditor"), so a title is first cut into
the parts that name people (each conjunct of the head, before " of " and before a qualifier such
as ", Postsecondary" or ", Except ..."), and only the last word of each part is singularised.

A word is singularised only when its singular is a word job titles end with (the last words of
O*NET's 55,000 singular alternate titles: "nurse", "manager", "teacher"), so plural modifiers such
as "Sales", "Benefits" or "Products" are kept.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import TYPE_CHECKING

from appkit.guide.onetindex import load_index

if TYPE_CHECKING:
    import inflect

_QUALIFIER = re.compile(r"^(?:except|including|all other)\b", re.I)
_CONJUNCTION = re.compile(r"(\s+(?:and|or)\s+|\s*,\s*(?:and|or)\s+|\s*,\s*|/)")
_PERSON = re.compile(r"(?:er|or|ist|ian|ant|ent|eer|ive|ess)e?s$", re.I)
_LISTED = re.compile(r"(?:^|\s)(?:and|or)\s")
_OF = re.compile(r"\s+(?:of|for|through|in)\s+")


@cache
def _engine() -> inflect.engine:
    import inflect  # about 1.3 s to import: only when a title needs singularising

    return inflect.engine()


@cache
def title_heads() -> Counter[str]:
    """How often each word ends an O*NET alternate title (case-folded): the person nouns."""
    counts: Counter[str] = Counter()
    for occupation in load_index()["occupations"].values():
        for title, _short, _sources in occupation["alternate_titles"]:
            words = re.sub(r"\s*\([^)]*\)\s*$", "", title).split()
            if words:
                counts[words[-1].casefold()] += 1
    return counts


def singular_word(word: str) -> str:
    """`word` in the singular when it is the plural of a word job titles end with."""
    if not word[-1:].isalpha() or not word.endswith("s"):
        return word
    cut = max(word.rfind("-"), word.rfind("/")) + 1  # only the last part of "A/B" inflects
    prefix, last = word[:cut], word[cut:]
    guess = _engine().singular_noun(last) if len(last) > 2 else False
    candidates = [guess] if isinstance(guess, str) else []
    if last.endswith("ies"):
        candidates.append(last[:-3] + "y")
    candidates += [last[:-2], last[:-1]] if last.endswith("es") else [last[:-1]]
    heads = title_heads()
    best = max(candidates, key=lambda c: heads[c.casefold()])
    if heads[best.casefold()] > heads[last.casefold()]:
        return prefix + best
    if candidates[0] == guess and not heads[last.casefold()] and _PERSON.search(last):
        return prefix + candidates[0]  # "Gynecologists": rare in titles, plainly a person noun
    return word


def _singular_phrase(phrase: str) -> str:
    words = phrase.split(" ")
    words[-1] = singular_word(words[-1])
    return " ".join(words)


def singular_title(title: str) -> str:
    """An occupation title in the singular, for prose ("the Software Developer position")."""
    title = " ".join(title.split())
    if not title:
        return title
    of = _OF.search(title)
    head, tail = (title[: of.start()], title[of.start() :]) if of else (title, "")
    segments = head.split(", ")
    # A comma-separated list is the head only when an "and"/"or" item closes it
    # ("Farmers, Ranchers, and Other Agricultural Managers"); otherwise what follows the first
    # comma qualifies it ("Education Teachers, Postsecondary").
    qualifier = next((i for i, s in enumerate(segments) if i and _QUALIFIER.match(s)), None)
    listed = segments[1:qualifier]
    closing = max((i + 1 for i, s in enumerate(listed) if _LISTED.search(s)), default=0)
    names, rest = segments[: closing + 1], segments[closing + 1 :]
    parts = _CONJUNCTION.split(", ".join(names))
    # split() with a capturing group alternates phrase, separator, phrase, ...
    singular = "".join(p if i % 2 else _singular_phrase(p) for i, p in enumerate(parts) if p)
    return ", ".join([singular, *rest]) + tail

"""What a `--guide NAME` names beyond the built-ins and files: `onet:CODE` or an O*NET title.

`appkit.guide.library.load_guide` tries a built-in guide's exact name, then a file path, then
`occupation_ref` here: `onet:CODE` (or a bare O*NET-SOC code), a near miss of a built-in name (an
error suggesting it, never a silent jump to an occupation), then O*NET title search.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path

from appkit.errors import InputError
from appkit.guide import occupations
from appkit.guide.model import Guide

NEAR_BUILTIN = 85.0  # rapidfuzz ratio: "clinical-coordinater" is a typo, "nurse" is not


def is_path(ref: str, suffixes: tuple[str, ...]) -> bool:
    """A reference that names a file: it exists, has a guide suffix, or is a bare path."""
    has_separator = "/" in ref or "\\" in ref
    return (
        Path(ref).exists()
        or Path(ref).suffix.lower() in suffixes
        or (has_separator and not any(c.isspace() for c in ref))
    )


def near_builtin(ref: str, builtins: Collection[str]) -> str | None:
    """The built-in guide `ref` is a typo of ("clinical-coordinater"), if any."""
    from rapidfuzz import fuzz

    wanted = re.sub(r"[\s_]+", "-", ref.strip().casefold())
    score, name = max(((fuzz.ratio(wanted, n), n) for n in builtins), default=(0.0, ""))
    return name if score >= NEAR_BUILTIN else None


def occupation_ref(ref: str, builtins: Collection[str]) -> Guide:
    """The O*NET occupation `ref` names (`onet:CODE`, a code or a title); else an InputError."""
    text = " ".join(ref.split())
    if text.casefold().startswith(occupations.PREFIX):
        return occupations.occupation_guide(text[len(occupations.PREFIX) :].strip())
    if code := occupations.normalise_code(text):
        return occupations.occupation_guide(code)
    if near := near_builtin(text, builtins):
        raise InputError.single(
            ref,
            f"no built-in guide named '{ref}'; did you mean '{near}'? "
            f"(or give a guide file, onet:CODE, or an O*NET occupation title)",
        )
    if not text:
        raise InputError.single(ref, "empty guide name")
    from appkit.guide.onetsearch import resolve_title

    code, alternate = resolve_title(text, builtins=", ".join(builtins))
    guide = occupations.occupation_guide(code)
    # Named by an alternate title ("retail store manager"): the documents say that title.
    return guide.model_copy(update={"title": alternate}) if alternate else guide


def search_occupations(query: str, limit: int = 25) -> list[tuple[str, str]]:
    """O*NET occupations matching `query` as ('onet:CODE', 'Title (as ...)') pairs, best first."""
    from appkit.guide.onetsearch import search

    return [(f"onet:{c.code}", c.label.split(" ", 1)[1]) for c in search(query, limit)]

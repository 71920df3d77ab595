"""A profile file's data on its way into the Profile model: JSON Resume or appkit, any version.

`prepare_profile` is called by profile.load.load_profile. A JSON Resume document (see
`is_jsonresume`) is converted (profile.jsonresume_import) and validated tolerantly: an
optional field that cannot be read is dropped with a warning instead of failing the whole file.
An appkit profile goes through the version check and migrations (profile.version) and validates
strictly.
Warnings are printed to stderr as ``file:line: field: warning: ...``, one line each.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

from pydantic import ValidationError

from appkit.errors import InputError, Problem
from appkit.loading.messages import message
from appkit.loading.read import validate_data
from appkit.loading.yamlsafe import line_of, where
from appkit.profile.jsonresume_import import Conversion, convert
from appkit.profile.model import Profile
from appkit.profile.version import upgrade

Loc = tuple[int | str, ...]

# Top-level sections only JSON Resume has, and basics fields only JSON Resume has.
_JR_SECTIONS = frozenset(
    {
        "work",
        "volunteer",
        "awards",
        "certificates",
        "publications",
        "interests",
        "references",
        "meta",
    }
)
_JR_BASICS = frozenset({"label", "image", "picture", "profiles", "url", "website", "summary"})
_APPKIT_ONLY = frozenset({"experience", "certifications", "appkit_profile"})
_JR_ITEM_KEYS = frozenset({"startDate", "endDate", "studyType", "releaseDate"})
_JR_SKILL = frozenset({"name", "keywords"})
# Fields whose absence makes an entry meaningless (they are never dropped, only reported).
_REQUIRED = frozenset(
    {
        "name",
        "title",
        "organization",
        "institution",
        "degree",
        "start",
        "group",
        "items",
        "language",
        "role",
    }
)
# Sections where an entry that lacks a required field is dropped whole (with a warning) rather than
# failing the file: a nameless certificate or an empty skill says nothing a recruiter would miss.
_DROP_WHOLE = frozenset(
    {
        "certifications",
        "awards",
        "publications",
        "skills",
        "languages",
        "interests",
        "references",
        "projects",
    }
)


def emit_warnings(problems: list[Problem]) -> None:
    """Warnings go to stderr, one line each; the CLI and the library print them the same way."""
    for problem in problems:
        print(problem, file=sys.stderr)


def is_jsonresume(data: dict[str, Any]) -> bool:
    """True for a JSON Resume document: its $schema says so, or its fields are JSON Resume's."""
    schema = data.get("$schema")
    if isinstance(schema, str) and "resume" in schema.lower():
        return True
    if _APPKIT_ONLY & data.keys() or not isinstance(data.get("basics"), dict):
        return False
    basics = data["basics"]
    if (
        _JR_SECTIONS & data.keys()
        or _JR_BASICS & basics.keys()
        or isinstance(basics.get("location"), dict)
    ):
        return True
    for key in ("education", "skills", "languages", "projects"):
        for item in _list(data.get(key)):
            # appkit skills are {group, items}; JSON Resume's are {name, keywords}.
            if not isinstance(item, dict):
                continue
            if _JR_ITEM_KEYS & item.keys() or (key == "skills" and _JR_SKILL & item.keys()):
                return True
    return False


def _line(problem: Problem) -> int:
    return problem.line or 0


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def prepare_profile(data: dict[str, Any], node: Any, file: str) -> Profile:
    """Validate `data` (parsed from `file`, `node` for line numbers) into a Profile."""
    if is_jsonresume(data):
        conversion = convert(data, node, file)
        profile = _validate_tolerantly(conversion)
        emit_warnings(conversion.warnings[:1] + sorted(conversion.warnings[1:], key=_line))
        return profile

    return validate_data(upgrade(data, node, file), node, Profile, file)


def _drop(data: Any, loc: Loc) -> bool:
    """Remove the value at `loc` from nested data; False if it is not there."""
    parent = data
    for part in loc[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return False
    try:
        del parent[loc[-1]]
    except (KeyError, IndexError, TypeError):
        return False
    return True


def _reindex(conv: Conversion, list_loc: Loc, removed: int) -> None:
    """After removing item `removed` of the list at `list_loc`, shift the later items' origins."""
    depth = len(list_loc)
    moved: dict[Loc, Loc] = {}
    for loc, src in conv.origin.items():
        index = loc[depth] if len(loc) > depth and loc[:depth] == list_loc else None
        if isinstance(index, int) and index > removed:
            moved[(*list_loc, index - 1, *loc[depth + 1 :])] = src
        elif not (isinstance(index, int) and index == removed):
            moved.setdefault(loc, src)
    conv.origin = moved


def _droppable(loc: Loc) -> Loc | None:
    """What to drop for an error at `loc`: an optional field, a list item, or nothing."""
    fields = [p for p in loc if isinstance(p, str)]
    if len(loc) < 2 or not fields:
        return None
    if loc[:2] == ("basics", "links") and len(loc) > 3 and loc[3] in ("label", "url"):
        return loc[:3]
    if loc[0] in _DROP_WHOLE and isinstance(loc[1], int) and len(loc) > 2 and loc[2] in _REQUIRED:
        return loc[:2]
    if isinstance(loc[-1], int) and fields[-1] not in _REQUIRED:
        return loc  # one bad highlight, course or keyword
    if isinstance(loc[-1], str) and loc[-1] not in _REQUIRED:
        return loc
    return None


def _validate_tolerantly(conv: Conversion) -> Profile:
    for _ in range(100):
        try:
            return Profile.model_validate(conv.data)
        except ValidationError as exc:
            errors = exc.errors(include_input=True)
        fatal: list[Problem] = []
        dropped = False
        # Highest indices first, so removing one list item leaves the others' positions valid.
        for err in sorted(errors, key=lambda e: [str(p) for p in e["loc"]], reverse=True):
            loc = tuple(
                p
                for p in err["loc"]
                if not (isinstance(p, str) and p.startswith(("function-", "literal[")))
            )
            src = conv.source(loc)
            text = message(err, Profile, loc)
            target = _droppable(loc)
            if target is not None and _drop(conv.data, target):
                conv.warn(src, f"{text}; ignored")
                if isinstance(target[-1], int):
                    _reindex(conv, target[:-1], target[-1])
                dropped = True
                break  # positions changed: validate again
            fatal.append(Problem(conv.file, line_of(conv.node, src), where(src), text))
        if not dropped:
            fatal.sort(key=lambda p: p.line if p.line is not None else 1 << 30)
            emit_warnings(conv.warnings)
            raise InputError(fatal)
    raise InputError.single(conv.file, "too many unreadable fields")


def lenient_json(text: str, file: str) -> tuple[Any, list[Problem]]:
    """JSON with duplicate keys read as JavaScript does (the last wins), with a warning for each."""
    seen: list[str] = []

    def last_wins(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        seen.extend(k for i, k in enumerate(keys) if k in keys[:i])
        return dict(pairs)

    data = json.loads(text, object_pairs_hook=last_wins)
    problems = []
    for key in dict.fromkeys(seen):
        lines = [
            text.count("\n", 0, m.start()) + 1
            for m in re.finditer(rf'"{re.escape(key)}"\s*:', text)
        ]
        line = lines[1] if len(lines) > 1 else None
        first = f" (first at line {lines[0]})" if lines else ""
        problems.append(
            Problem(
                file,
                line,
                key,
                f"warning: duplicate key{first}; the last one is used, as JSON readers do",
            )
        )
    return data, problems

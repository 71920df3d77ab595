"""Roster rows + command-line defaults -> validated tasks, or one problem per bad cell.

Every profile, guide and posting is loaded here, in the coordinator, before anything renders:
`--dry-run` stops after this, and a bad row never stops the good ones. A task is plain, picklable
data (paths, names, an `Options`): a worker process or a Dask worker loads the inputs again itself,
so nothing large crosses a pipe or the network.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from pydantic import ValidationError

from appkit.batch.roster import RosterRow
from appkit.disk.files import safe_slug
from appkit.errors import AppkitError, InputError, Problem
from appkit.options import PACKET, Format, Options
from appkit.suggest import did_you_mean

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")  # a folder name on every system
_YES = {"yes", "y", "true", "1", "on"}
_NO = {"no", "n", "false", "0", "off", ""}
# Row cells that go straight into Options under the same name.
_OPTION_CELLS = (
    "company", "hiring_manager", "job_title", "theme", "date", "locale", "max_pages"
)  # fmt: skip


@dataclass(frozen=True)
class Task:
    """One packet to make: a student id x a role, with everything a worker needs to make it."""

    key: str  # "<id>/<role>": the packet's folder under OUT, and its manifest key
    file: str
    row: int | None
    student: str
    name: str
    role: str
    role_title: str
    profile: Path
    guide: str | None
    posting: Path | None
    posting_id: str | None
    kinds: tuple[str, ...]
    options: Options
    gpa: bool
    digest: str = ""  # content hash of every input: unchanged -> the packet is not made again


@dataclass(frozen=True)
class Plan:
    """What a roster asks for: the tasks that can run and the rows that cannot (with why)."""

    tasks: list[Task]
    problems: list[tuple[RosterRow, list[Problem]]]


def _split(value: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.strip().lower() for v in value.split(",") if v.strip()))


def _choices(row: RosterRow, column: str, value: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    items = _split(value)
    bad = [v for v in items if v not in allowed]
    if bad or not items:
        hint = did_you_mean(bad[0], allowed) if bad else ""
        raise _CellError(row.problem(column, f"{value!r} is not {', '.join(allowed)}{hint}"))
    return items


class _CellError(Exception):
    """A bad cell: carries its problem out of the row being planned."""

    def __init__(self, *problems: Problem) -> None:
        self.problems = list(problems)


def _path(row: RosterRow, value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else row.base / path


def _guide_ref(row: RosterRow, value: str) -> str:
    """A guide cell naming a file beside the roster becomes its path; a name or title stays."""
    candidate = _path(row, value)
    return str(candidate) if candidate.is_file() else value


def _nested(row: RosterRow, column: str, exc: AppkitError) -> list[Problem]:
    """An input file's own problems, each kept whole after the roster cell that named the file."""
    if isinstance(exc, InputError):
        return [row.problem(column, str(p)) for p in exc.problems]
    return [row.problem(column, exc.message)]


def _options(row: RosterRow, cells: Mapping[str, str], base: Options) -> Options:
    values: dict[str, Any] = {k: cells[k] for k in _OPTION_CELLS if cells.get(k)}
    if "formats" in cells:
        values["formats"] = _choices(row, "formats", cells["formats"], get_args(Format))
    if "date" in values:
        try:
            values["date"] = datetime.date.fromisoformat(values["date"]).isoformat()
        except ValueError:
            raise _CellError(
                row.problem("date", f"expected YYYY-MM-DD, got {values['date']!r}")
            ) from None
    try:
        return base.model_copy(update={}) if not values else Options(**{**_fields(base), **values})
    except ValidationError as exc:
        problems = [
            row.problem(str(err["loc"][0]) if err["loc"] else "", err["msg"])
            for err in exc.errors()
        ]
        raise _CellError(*problems) from None


def _fields(options: Options) -> dict[str, Any]:
    # Only the options given: an unset --theme leaves each profile's `design:` its say.
    return {name: getattr(options, name) for name in options.model_fields_set}


def _plan_row(row: RosterRow, defaults: Mapping[str, str], base: Options) -> Task:
    from appkit.guide.library import load_guide
    from appkit.packet import load_inputs
    from appkit.profile.load import load_profile

    cells = {**{k: v for k, v in defaults.items() if v}, **row.cells}
    student = cells.get("id", "")
    if not _ID.match(student):
        raise _CellError(
            row.problem("id", f"{student!r} is not an id: 1-64 letters, digits, . _ -")
        )
    if not cells.get("profile"):
        raise _CellError(
            row.problem("profile", "empty: give the profile file, relative to the roster")
        )
    kinds = _choices(row, "documents", cells.get("documents") or ",".join(PACKET), PACKET)
    gpa = cells.get("gpa", "").lower()
    if gpa not in _YES | _NO:
        raise _CellError(row.problem("gpa", f"expected yes or no, got {cells['gpa']!r}"))
    options = _options(row, cells, base)
    profile = _path(row, cells["profile"])
    try:
        load_profile(profile, label=cells["profile"])
    except AppkitError as exc:
        raise _CellError(*_nested(row, "profile", exc)) from None
    guide = _guide_ref(row, cells["guide"]) if cells.get("guide") else None
    if guide is None and "interview" in kinds:
        raise _CellError(row.problem("guide", "the interview-prep sheet needs a role guide"))
    try:
        if guide:
            load_guide(guide)
    except AppkitError as exc:
        raise _CellError(*_nested(row, "guide", exc)) from None
    posting = _path(row, cells["posting"]) if cells.get("posting") else None
    try:
        inputs = load_inputs(
            profile,
            guide,
            posting,
            posting_id=cells.get("posting_id"),
            job_title=options.job_title,
            company=options.company,
        )
    except AppkitError as exc:
        raise _CellError(*_nested(row, "posting", exc)) from None
    title = (
        options.job_title
        or (inputs.posting.title if inputs.posting else None)
        or (inputs.guide.title if inputs.guide else None)
        or "role"
    )
    return Task(
        key=f"{student}/{safe_slug(title)}",
        file=row.file,
        row=row.row,
        student=student,
        name=inputs.profile.basics.name,
        role=safe_slug(title),
        role_title=title,
        profile=profile,
        guide=guide,
        posting=posting,
        posting_id=cells.get("posting_id"),
        kinds=kinds,
        options=options,
        gpa=gpa in _YES,
    )


def plan(rows: list[RosterRow], defaults: Mapping[str, str], base: Options) -> Plan:
    """Validate every row; duplicates of an (id, role) and one id with two profiles are errors."""
    tasks: list[Task] = []
    problems: list[tuple[RosterRow, list[Problem]]] = []
    seen: dict[str, RosterRow] = {}
    profiles: dict[str, Path] = {}
    for row in rows:
        try:
            task = _plan_row(row, defaults, base)
        except _CellError as exc:
            problems.append((row, exc.problems))
            continue
        where = f"row {seen[task.key].row}" if task.key in seen else ""
        if where:
            problems.append((row, [row.problem("id", f"{task.key} is already made by {where}")]))
            continue
        known = profiles.setdefault(task.student, task.profile)
        if known.resolve() != task.profile.resolve():
            message = f"id {task.student} already names profile {known.name}; ids never change"
            problems.append((row, [row.problem("id", message)]))
            continue
        seen[task.key] = row
        tasks.append(task)
    return Plan(tasks=tasks, problems=problems)


def digest_tasks(tasks: list[Task], templates: tuple[Path, ...]) -> list[Task]:
    """Each task with the hash of its inputs: files, options, templates and appkit's own code."""
    from dataclasses import replace

    shared = hashlib.sha256()
    for folder in (*_code_folders(), *templates):
        for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
            if "__pycache__" not in path.parts:
                shared.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    common = shared.hexdigest()
    out = []
    for task in tasks:
        h = hashlib.sha256(common.encode())
        for part in (task.profile, Path(task.guide) if task.guide else None, task.posting):
            if part is not None and part.is_file():
                h.update(b"file\0" + part.read_bytes())
        h.update(repr((task.guide if task.guide and not Path(task.guide).is_file() else "",
                       task.posting_id, task.kinds, task.gpa)).encode())  # fmt: skip
        h.update(task.options.model_dump_json(exclude={"out_dir"}).encode())
        out.append(replace(task, digest=h.hexdigest()))
    return out


def _code_folders() -> list[Path]:
    """appkit's code and built-in templates and guides: a new appkit re-renders everything."""
    from appkit.resources import builtin_dir

    return [Path(__file__).resolve().parents[1], builtin_dir("templates"), builtin_dir("guides")]

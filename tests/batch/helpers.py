"""Rosters of fictional students for the batch tests: copies of the sample profiles, renamed."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from appkit.cli import cli
from tests.conftest import PROFILES

CORRUPT = {
    "unreadable": "basics:\n  name: [unclosed\n",  # YAML syntax
    "no-name": "basics:\n  email: x@example.com\n",  # a required field missing
    "bad-date": "basics:\n  name: Bad Date\nexperience:\n  - title: Aide\n"
    "    organization: Clinic\n    start: someday\n",
}
# Fast settings: the text resume and match.json only (no layout); enough for roster logic.
FAST = ("-f", "txt", "--documents", "resume,match", "--no-cohort", "-g", "clinical-coordinator")


def write_students(folder: Path, count: int, corrupt: int = 0) -> list[str]:
    """`count` profile files in folder/students/ (the last `corrupt` broken); their roster rows."""
    students = folder / "students"
    students.mkdir(parents=True, exist_ok=True)
    rows = []
    for number in range(count):
        file = students / f"s{number:03d}.yaml"
        if number >= count - corrupt:
            file.write_text(list(CORRUPT.values())[number % len(CORRUPT)], encoding="utf-8")
        else:
            text = PROFILES[number % len(PROFILES)].read_text(encoding="utf-8")
            name = f"Student {number:03d}"
            text = re.sub(r"(?m)^  name: .*$", f"  name: {name}", text, count=1)
            file.write_text(text, encoding="utf-8")
        rows.append(f"S{number:03d},students/{file.name}")
    return rows


def write_roster(folder: Path, count: int, corrupt: int = 0, extra: str = "") -> Path:
    """folder/roster.csv with `count` students, the last `corrupt` of whose profiles are broken."""
    rows = write_students(folder, count, corrupt)
    roster = folder / "roster.csv"
    header = "id,profile" + ("," + extra.split("=")[0] if extra else "")
    cell = "," + extra.split("=")[1] if extra else ""
    roster.write_text("\n".join([header, *(r + cell for r in rows)]) + "\n", encoding="utf-8")
    return roster


def run(*args: str) -> tuple[int, str, str]:
    """`appkit ARGS` in this process: exit code, stdout, stderr."""
    result = CliRunner().invoke(cli, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr

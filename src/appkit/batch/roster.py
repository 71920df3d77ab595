"""Read a roster (CSV, XLSX or YAML): one row per student and target role, every cell a string.

A row's cells are checked here only for their names; `appkit.batch.plan` turns each row, with the
command-line defaults, into a task or a problem. Every problem is a `Problem` printed as
``roster.csv:ROW: column: message``, ROW being the line (CSV, YAML) or sheet row (XLSX), so an
adviser finds it in the editor they used.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from appkit.errors import InputError, Problem
from appkit.suggest import did_you_mean

# The columns a roster may have; each but id and profile is also a command-line default.
COLUMNS = (
    "id",
    "profile",
    "guide",
    "posting",
    "posting_id",
    "company",
    "hiring_manager",
    "job_title",
    "theme",
    "formats",
    "date",
    "locale",
    "documents",
    "gpa",
    "max_pages",
)
REQUIRED = ("id", "profile")
# Spellings an adviser's spreadsheet uses for the same columns ("Student ID", "format").
ALIASES = {"student_id": "id", "format": "formats", "title": "job_title", "role": "guide"}
ROSTER_SUFFIXES = (".csv", ".xlsx", ".yaml", ".yml")
PROFILE_SUFFIXES = (".yaml", ".yml", ".json")
MAX_ROWS = 100_000


@dataclass(frozen=True)
class RosterRow:
    """One data row: where it is (file label and row number) and its non-empty cells."""

    file: str
    row: int | None
    cells: dict[str, str] = field(default_factory=dict)
    base: Path = Path(".")  # paths in the row are relative to the roster's folder

    def problem(self, column: str, message: str) -> Problem:
        return Problem(self.file, self.row, column, message)


def _column(name: Any) -> str:
    """A header cell as a column name: 'Job Title ' -> 'job_title'; aliases folded in."""
    key = "_".join(str(name or "").strip().lower().replace("-", " ").split())
    return ALIASES.get(key, key)


def _check_header(file: str, row: int, header: list[str]) -> list[Problem]:
    problems = []
    for name in header:
        if name and name not in COLUMNS:
            hint = did_you_mean(name, COLUMNS) or f" (columns: {', '.join(COLUMNS)})"
            problems.append(Problem(file, row, name, f"unknown column{hint}"))
    seen: set[str] = set()
    for name in header:
        if name and name in seen:
            problems.append(Problem(file, row, name, "column given twice"))
        seen.add(name)
    problems += [
        Problem(file, row, name, "required column missing") for name in REQUIRED if name not in seen
    ]
    return problems


def _cell(value: Any) -> str:
    """A cell as text: spreadsheets hand over numbers and dates (id 1042 stays '1042')."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value).strip()


def _rows(file: str, base: Path, header: list[str], records: list[tuple[int, list[Any]]]) -> list:
    out = []
    for number, values in records:
        cells = {name: _cell(v) for name, v in zip(header, values, strict=False) if name}
        if any(cells.values()):  # blank lines between groups of students are fine
            out.append(RosterRow(file, number, {k: v for k, v in cells.items() if v}, base))
    return out


def _read_csv(path: Path, file: str) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError.single(
            file, f"not UTF-8 text (byte {exc.start}); save it as UTF-8 CSV"
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [_column(h) for h in next(reader, [])]
    records = []
    line = reader.line_num + 1
    for values in reader:
        records.append((line, values))  # the line a row starts on, even with multi-line cells
        line = reader.line_num + 1
    return header, records


def _read_xlsx(path: Path, file: str) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError and its own errors alike
        raise InputError.single(file, f"not a readable .xlsx workbook ({exc})") from None
    try:
        rows = list(book.worksheets[0].iter_rows(values_only=True, max_row=MAX_ROWS + 1))
    finally:
        book.close()
    header = [_column(h) for h in rows[0]] if rows else []
    return header, [(i + 2, list(values)) for i, values in enumerate(rows[1:])]


def _read_yaml(path: Path, file: str) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    """A list of mappings, or a mapping whose `students` (or `rows`) is that list."""
    from appkit.loading.read import read_text
    from appkit.loading.yamlsafe import parse_yaml

    data, node = parse_yaml(read_text(path, file), file)
    items, items_node = data, node
    if isinstance(data, dict):
        key = next((k for k in ("students", "rows") if k in data), None)
        if key is None:
            raise InputError.single(file, "expected a list of students, or `students:` holding one")
        items = data[key]
        items_node = next(v for k, v in node.value if k.value == key)
    if not isinstance(items, list):
        raise InputError.single(file, "expected a list of students, one mapping each")
    header: list[str] = []
    records = []
    for item, item_node in zip(items, items_node.value, strict=True):
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict):
            raise InputError.single(
                file, "each student must be a mapping (id: ..., profile: ...)", line
            )
        names = [_column(k) for k in item]
        header += [n for n in names if n not in header]
        by_name = {_column(k): v for k, v in item.items()}
        records.append((line, by_name))
    return header, [(line, [cells.get(h) for h in header]) for line, cells in records]


def read_roster(path: Path) -> list[RosterRow]:
    """Every data row of the roster; InputError listing every bad column name at once."""
    file = path.name
    suffix = path.suffix.lower()
    if suffix not in ROSTER_SUFFIXES:
        raise InputError.single(file, "a roster is a .csv, .xlsx, .yaml or .yml file")
    if not path.is_file():
        raise InputError.single(file, "no such file")
    reader = {".csv": _read_csv, ".xlsx": _read_xlsx}.get(suffix, _read_yaml)
    header, records = reader(path, file)
    header_row = 1 if suffix in (".csv", ".xlsx") else None
    problems = _check_header(file, header_row or 1, header) if header else []
    if not header:
        problems.append(Problem(file, None, "", "empty roster: no header row"))
    if problems:
        raise InputError(problems)
    if len(records) > MAX_ROWS:
        raise InputError.single(file, f"more than {MAX_ROWS:,} rows; split the roster")
    return _rows(file, path.parent.absolute(), header, records)


def profile_rows(folder: Path) -> list[RosterRow]:
    """`appkit batch PROFILES_DIR --guide ROLE`: one row per profile file, the file stem its id."""
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in PROFILE_SUFFIXES)
    if not files:
        raise InputError.single(folder, "no profile files in this folder (.yaml, .yml, .json)")
    label = folder.name or str(folder)
    base = folder.absolute()
    return [
        RosterRow(f"{label}/{p.name}", None, {"id": p.stem, "profile": p.name}, base) for p in files
    ]

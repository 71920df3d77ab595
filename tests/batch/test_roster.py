"""Reading and validating rosters: columns, row numbers, relative paths, defaults, duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest

from appkit.batch import load_plan
from appkit.batch.roster import read_roster
from appkit.errors import InputError
from appkit.options import Options
from tests.batch.helpers import run, write_roster, write_students

GUIDE = {"guide": "clinical-coordinator"}


def test_unknown_column_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("id,profile,compnay\n1,a.yaml,Acme\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_roster(roster)
    assert "roster.csv:1: compnay: unknown column; did you mean 'company'?" in str(caught.value)


def test_missing_required_column_and_header_aliases(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("Student ID,Format\n1,pdf\n", encoding="utf-8")
    with pytest.raises(InputError, match="roster.csv:1: profile: required column missing"):
        read_roster(roster)
    roster.write_text("Student ID,Profile,Job Title\n1,a.yaml,Nurse\n", encoding="utf-8")
    (row,) = read_roster(roster)
    assert row.cells == {"id": "1", "profile": "a.yaml", "job_title": "Nurse"} and row.row == 2


def test_bad_rows_are_reported_by_line_and_column_and_good_rows_still_plan(tmp_path: Path) -> None:
    rows = write_students(tmp_path, 3, corrupt=1)
    roster = tmp_path / "roster.csv"
    lines = ["id,profile,formats,date", rows[0] + ",pdf,", "", rows[1] + ",pfd,", rows[2] + ",,"]
    lines += ["bad id!,students/s000.yaml,,", "S000,students/s000.yaml,,", "S009,,,2026-13-01"]
    roster.write_text("\n".join(lines) + "\n", encoding="utf-8")
    planned = load_plan(roster, GUIDE, Options(date="2026-01-02"))
    assert [t.key for t in planned.tasks] == ["S000/clinical-coordinator"]
    assert planned.tasks[0].profile == tmp_path / "students" / "s000.yaml"  # relative to roster
    problems = [str(p) for _, found in planned.problems for p in found]
    assert (
        problems[0]
        == "roster.csv:4: formats: 'pfd' is not pdf, docx, txt, md, html; did you mean 'pdf'?"
    )
    assert problems[1].startswith("roster.csv:5: profile: students/s002.yaml:")
    assert problems[2].startswith("roster.csv:6: id: 'bad id!' is not an id")
    assert problems[3] == "roster.csv:7: id: S000/clinical-coordinator is already made by row 2"
    assert problems[4].startswith("roster.csv:8: profile: empty")


def test_command_line_defaults_fill_empty_cells_and_cells_win(tmp_path: Path) -> None:
    rows = write_students(tmp_path, 2)
    roster = tmp_path / "roster.csv"
    roster.write_text(f"id,profile,company\n{rows[0]},Mercy\n{rows[1]},\n", encoding="utf-8")
    defaults = {**GUIDE, "company": "Default Co", "formats": "pdf"}
    planned = load_plan(roster, defaults, Options(date="2026-01-02"))
    assert [t.options.company for t in planned.tasks] == ["Mercy", "Default Co"]
    assert all(t.options.formats == ("pdf",) for t in planned.tasks)
    assert planned.tasks[0].digest != planned.tasks[1].digest


def test_xlsx_and_yaml_rosters_read_like_csv(tmp_path: Path) -> None:
    import openpyxl

    rows = write_students(tmp_path, 2)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "profile", "guide"])
    sheet.append([1042, rows[0].split(",")[1], "clinical-coordinator"])
    sheet.append([None, None, None])
    sheet.append(["S1", rows[1].split(",")[1], "clinical-coordinater"])
    book.save(tmp_path / "roster.xlsx")
    planned = load_plan(tmp_path / "roster.xlsx", {}, Options(date="2026-01-02"))
    assert [t.student for t in planned.tasks] == ["1042"]  # a number cell is the id '1042'
    (problem,) = planned.problems[0][1]
    assert str(problem).startswith("roster.xlsx:4: guide: ") and "clinical-coordinator" in str(
        problem
    )

    (tmp_path / "roster.yaml").write_text(
        f"students:\n  - id: a1\n    profile: {rows[0].split(',')[1]}\n"
        f"  - id: a2\n    profile: {rows[1].split(',')[1]}\n    colour: red\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="roster.yaml:1: colour: unknown column"):
        read_roster(tmp_path / "roster.yaml")


def test_dry_run_lists_every_bad_row_and_writes_nothing(tmp_path: Path) -> None:
    roster = write_roster(tmp_path, 6, corrupt=3)
    out = tmp_path / "out"
    code, _, err = run(
        "batch", str(roster), "-o", str(out), "--dry-run", "-g", "clinical-coordinator"
    )
    assert code == 1 and not out.exists()
    bad = [line for line in err.splitlines() if line.startswith("roster.csv:")]
    assert [line.split(":")[1] for line in bad] == ["5", "6", "7"]
    assert "3 packet(s) ready, 3 row(s) invalid" in err


def test_a_folder_of_profiles_is_a_roster_of_one_role(tmp_path: Path) -> None:
    write_students(tmp_path, 2)
    code, out, _ = run(
        "batch", str(tmp_path / "students"), "--dry-run", "--json", "-g", "clinical-coordinator"
    )
    assert code == 0
    assert '"s000/clinical-coordinator"' in out and '"s001/clinical-coordinator"' in out


def test_a_posting_named_on_the_command_line_is_relative_to_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import ROOT

    roster = write_roster(tmp_path, 1)
    monkeypatch.chdir(ROOT)
    posting = "tests/data/postings/clinical-coordinator.txt"
    code, out, err = run(
        "batch", str(roster), "--dry-run", "--json", "-p", posting, "-g", "clinical-coordinator"
    )
    assert code == 0, err
    assert '"ready": ["S000/' in out


def test_a_max_pages_cell_sets_the_resume_page_budget(tmp_path: Path) -> None:
    rows = write_students(tmp_path, 3)
    roster = tmp_path / "roster.csv"
    lines = ["id,profile,max_pages", f"{rows[0]},1", f"{rows[1]},", f"{rows[2]},zero"]
    roster.write_text("\n".join(lines) + "\n", encoding="utf-8")
    planned = load_plan(roster, GUIDE, Options(date="2026-01-02"))
    assert [t.options.max_pages for t in planned.tasks] == [1, None]
    problems = [str(p) for _, found in planned.problems for p in found]
    assert len(problems) == 1 and problems[0].startswith("roster.csv:4: max_pages")

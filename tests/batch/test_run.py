"""Running a roster: exactly the good packets, every failure reported, resumable, locked."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from appkit.batch import Settings, load_plan, run_batch
from appkit.options import Options
from tests.batch.helpers import FAST, run, write_roster
from tests.conftest import ROOT


def _report(out: Path) -> list[dict[str, str]]:
    with (out / "report.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _made_files(out: Path) -> dict[str, int]:
    """Every visible file under OUT/<id>/ with its inode: a file made again gets a new one."""
    return {
        str(p.relative_to(out)): p.stat().st_ino
        for p in out.glob("S*/*/*")
        if not p.name.startswith(".")
    }


def test_forty_rows_three_corrupt_make_37_packets_and_exit_1(tmp_path: Path) -> None:
    roster = write_roster(tmp_path, 40, corrupt=3)
    out = tmp_path / "out"
    code, _, err = run(
        "batch", str(roster), "-o", str(out), "-j", "2", "--date", "2026-03-01", *FAST
    )
    assert code == 1, err
    rows = _report(out)
    assert len(rows) == 40 and sum(r["status"] == "made" for r in rows) == 37
    bad = [r for r in rows if r["status"] != "made"]
    assert [(r["row"], r["status"]) for r in bad] == [
        ("roster.csv:39", "invalid"),
        ("roster.csv:40", "invalid"),
        ("roster.csv:41", "invalid"),
    ]
    assert all(r["error"].startswith("profile: students/s0") for r in bad)
    errors = " | ".join(r["error"] for r in bad)
    assert "basics.name" in errors and "experience[0].start" in errors  # says what to fix
    packets = sorted(p.parent for p in out.glob("S*/*/match.json"))
    assert len(packets) == 37
    assert all(any(f.suffix == ".txt" for f in p.iterdir()) for p in packets)
    resume = (out / "S001" / "clinical-coordinator" / "Student-001-Resume.txt").read_text()
    assert resume.startswith("Student 001")
    summary = json.loads((out / "report.json").read_text())["summary"]
    assert summary["made"] == 37 and summary["invalid"] == 3 and len(summary["failures"]) == 3
    assert "roster.csv:39: profile: students/s037.yaml" in err


def test_rerun_skips_unchanged_packets_and_force_makes_them_again(tmp_path: Path) -> None:
    roster = write_roster(tmp_path, 3)
    out = tmp_path / "out"
    args = ("batch", str(roster), "-o", str(out), "-j", "1", "--date", "2026-03-01", *FAST)
    assert run(*args)[0] == 0
    before = _made_files(out)
    code, _, err = run(*args)
    assert code == 0 and "0 made, 3 unchanged" in err
    assert _made_files(out) == before  # not one file written again
    profile = tmp_path / "students" / "s001.yaml"
    profile.write_text(profile.read_text().replace("Student 001", "Student One"))
    code, _, err = run(*args)
    assert "1 made, 2 unchanged" in err
    assert (out / "S001" / "clinical-coordinator" / "Student-One-Resume.txt").is_file()
    assert not (out / "S001" / "clinical-coordinator" / "Student-001-Resume.txt").exists()
    code, _, err = run(*args, "--force")
    assert "3 made, 0 unchanged" in err


def test_two_students_with_one_name_never_overwrite_each_other(tmp_path: Path) -> None:
    roster = write_roster(tmp_path, 2)
    second = tmp_path / "students" / "s001.yaml"
    second.write_text(second.read_text().replace("Student 001", "Student 000"))
    out = tmp_path / "out"
    assert run("batch", str(roster), "-o", str(out), "-j", "1", *FAST)[0] == 0
    first = out / "S000" / "clinical-coordinator" / "Student-000-Resume.txt"
    other = out / "S001" / "clinical-coordinator" / "Student-000-Resume.txt"
    assert first.is_file() and other.is_file() and first.read_text() != other.read_text()


def test_an_interrupted_run_resumes_without_redoing_finished_packets(tmp_path: Path) -> None:
    roster = write_roster(tmp_path, 6)
    base = Options(date="2026-03-01", formats=("txt",))
    defaults = {"guide": "clinical-coordinator", "documents": "resume,match"}
    planned = load_plan(roster, defaults, base)
    seen: list[str] = []

    def stop_after_two(row: object) -> None:  # Ctrl-C after the second finished packet
        seen.append(row.id)  # type: ignore[attr-defined]
        if len(seen) == 2:
            raise KeyboardInterrupt

    settings = Settings(out=tmp_path / "out", jobs=1)
    first = run_batch(planned, settings, stop_after_two)
    assert first.interrupted
    statuses = [r.status for r in first.rows]
    assert statuses.count("made") == 2 and statuses.count("not run") == 4
    assert [r["status"] for r in _report(tmp_path / "out")].count("not run") == 4
    before = _made_files(tmp_path / "out")
    second = run_batch(planned, settings)
    assert [r.status for r in second.rows].count("unchanged") == 2
    assert [r.status for r in second.rows].count("made") == 4
    after = _made_files(tmp_path / "out")
    assert {k: after[k] for k in before} == before  # the finished two were left alone


def test_a_second_run_on_the_same_out_is_refused(tmp_path: Path) -> None:
    from filelock import FileLock

    roster = write_roster(tmp_path, 1)
    out = tmp_path / "out"
    out.mkdir()
    with FileLock(out / ".appkit-batch.lock"):
        code, _, err = run("batch", str(roster), "-o", str(out), *FAST)
    assert code == 2
    assert "another appkit batch is writing to" in err and "wait for it to finish" in err
    assert not (out / "report.csv").exists()


@pytest.mark.slow
def test_kill_9_mid_run_leaves_no_partial_packet_and_a_rerun_finishes(tmp_path: Path) -> None:
    roster = write_roster(tmp_path, 4)
    out = tmp_path / "out"
    slower = (
        "-f",
        "pdf",
        "--documents",
        "resume,match",
        "--no-cohort",
        "-g",
        "clinical-coordinator",
    )
    args = ["batch", str(roster), "-o", str(out), "-j", "2", "--date", "2026-03-01", *slower]
    command = [sys.executable, "-m", "appkit", *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        command,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    journal = out / ".appkit-batch" / "manifest.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if journal.exists() and journal.read_bytes().count(b"\n") >= 1:
            break
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGKILL)  # the coordinator and its workers, mid-run
    process.wait()
    finished = journal.read_bytes().count(b"\n")
    assert 1 <= finished < 4  # killed in the middle
    for packet in out.glob("S*/*"):
        if not packet.name.startswith("."):
            assert {p.suffix for p in packet.iterdir()} == {".pdf", ".json"}
    code, _, err = run(*args)
    assert code == 0, err
    rows = _report(out)
    assert sum(r["status"] == "unchanged" for r in rows) >= finished
    assert sum(r["status"] == "made" for r in rows) == 4 - sum(
        r["status"] == "unchanged" for r in rows
    )
    leftovers = [p for p in out.rglob(".*") if "appkit-new" in p.name or p.name.endswith(".part")]
    assert leftovers == []

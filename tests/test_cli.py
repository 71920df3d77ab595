"""The command line: exit codes, messages without tracebacks, and nothing written on failure."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from appkit.cli import cli
from tests.conftest import DATA, ROOT


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_help_and_version() -> None:
    code, out, _ = _run("-h")
    assert code == 0 and "resume" in out and "validate" in out and "guide" in out
    code, out, _ = _run("--version")
    assert code == 0 and "appkit" in out


def test_validate_reports_every_broken_profile(tmp_path: Path) -> None:
    code, _, err = _run(
        "validate",
        str(DATA / "invalid" / "bad-date.yaml"),
        str(DATA / "invalid" / "unknown-field.yaml"),
        str(DATA / "profiles" / "full.yaml"),
    )
    assert code == 1
    assert "bad-date.yaml:9: experience[1].start: expected YYYY" in err
    assert "unknown-field.yaml:6: experience[0].stat: unknown field; did you mean 'start'?" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("bad", sorted(p.name for p in (DATA / "invalid").iterdir()))
def test_resume_from_broken_profile_writes_nothing(tmp_path: Path, bad: str) -> None:
    out = tmp_path / "out"
    code, _, err = _run(
        "resume", str(DATA / "invalid" / bad), "--guide", "clinical-coordinator", "-o", str(out)
    )
    assert code == 1
    assert err.startswith("error: ") and bad in err and "Traceback" not in err
    assert not out.exists() or not any(out.rglob("*"))


def test_resume_writes_pdf_and_docx(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, err = _run(
        "resume",
        str(ROOT / "profiles" / "maria-santos.yaml"),
        "-g",
        "clinical-coordinator",
        "-o",
        str(out),
        "--date",
        "2026-01-15",
    )
    assert code == 0, err
    written = sorted(Path(line).name for line in stdout.split())
    assert written == ["resume.docx", "resume.pdf"]
    assert (out / "maria-santos" / "resume.pdf").read_bytes().startswith(b"%PDF")


def test_format_option_validated(tmp_path: Path) -> None:
    code, _, err = _run(
        "resume", str(DATA / "profiles" / "full.yaml"), "-f", "odt", "-o", str(tmp_path)
    )
    assert code == 2 and "expected pdf, docx" in err


def test_unknown_guide_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = _run(
        "resume", str(DATA / "profiles" / "full.yaml"), "-g", "astronaut", "-o", str(tmp_path)
    )
    assert code == 1 and "astronaut" in err and "clinical-coordinator" in err


def test_guide_list_and_show() -> None:
    code, out, _ = _run("guide", "list")
    assert code == 0 and "clinical-coordinator" in out and "Clinical Coordinator" in out
    code, out, _ = _run("guide", "show", "clinical-coordinator")
    assert code == 0 and "Electronic Health Records" in out


def test_doctor_runs() -> None:
    code, out, _ = _run("doctor")
    assert "HarfBuzz" in out or "harfbuzz" in out.lower()
    assert code in (0, 1)


def test_overwrite_keeps_previous_packet_when_a_later_run_fails(tmp_path: Path) -> None:
    out = tmp_path / "out"
    profile = tmp_path / "ana.yaml"
    shutil.copy(DATA / "profiles" / "full.yaml", profile)
    assert _run("resume", str(profile), "-o", str(out), "-f", "docx")[0] == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    profile.write_text(profile.read_text().replace("start: 2022-03", "start: 2022-13"))
    assert _run("resume", str(profile), "-o", str(out), "-f", "docx")[0] == 1
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before

"""`-f` on the command line: every format, mixed, and a message naming them all."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from appkit.cli import cli
from tests.conftest import ROOT

PROFILE = ROOT / "profiles" / "maria-santos.yaml"
ALL = ("pdf", "docx", "txt", "md", "html")


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_packet_writes_every_format_mixed(tmp_path: Path) -> None:
    code, _, err = _run(
        "packet", str(PROFILE), "-g", "clinical-coordinator", "--date", "2026-01-15",
        "-f", ",".join(ALL), "-o", str(tmp_path),
    )  # fmt: skip
    assert code == 0, err
    folder = tmp_path / "maria-santos"
    stems = ("Resume", "Cover-Letter", "Interview-Prep", "Gap-Report")
    expected = {f"Maria-Santos-{stem}.{fmt}" for stem in stems for fmt in ALL} | {"match.json"}
    assert {p.name for p in folder.iterdir() if not p.name.startswith(".")} == expected
    text = (folder / "Maria-Santos-Resume.txt").read_text("utf-8")
    assert text.startswith("Maria Santos\n")
    assert (folder / "Maria-Santos-Resume.md").read_text("utf-8").startswith("# Maria Santos\n")
    assert "<style>" in (folder / "Maria-Santos-Cover-Letter.html").read_text("utf-8")


def test_plain_file_names_and_a_single_text_format(tmp_path: Path) -> None:
    code, _, err = _run(
        "resume", str(PROFILE), "-g", "clinical-coordinator", "-f", "txt",
        "--file-names", "plain", "-o", str(tmp_path),
    )  # fmt: skip
    assert code == 0, err
    names = {p.name for p in (tmp_path / "maria-santos").iterdir()}
    assert {n for n in names if not n.startswith(".")} == {"resume.txt"}


def test_format_error_lists_every_format(tmp_path: Path) -> None:
    code, _, err = _run("resume", str(PROFILE), "-f", "pdf,rtf", "-o", str(tmp_path))
    assert code == 2
    assert "expected pdf, docx, txt, md or html" in err and "'pdf,rtf'" in err
    assert not (tmp_path / "maria-santos").exists()

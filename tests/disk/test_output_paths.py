"""Commands as a user types them: -o relative, absolute, ~ or via a symlink, from any folder."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from appkit.cli import cli
from tests.conftest import ROOT

PROFILE = ROOT / "profiles" / "maria-santos.yaml"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with its own profiles/, made the current folder."""
    work = tmp_path / "work"
    (work / "profiles").mkdir(parents=True)
    shutil.copy(PROFILE, work / "profiles" / "maria-santos.yaml")
    monkeypatch.chdir(work)
    return work


def _everything(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize(
    ("given", "lands"),
    [
        (None, "work/out"),  # the default -o out
        ("out", "work/out"),
        ("deep/er/out", "work/deep/er/out"),
        ("../sibling", "sibling"),
        ("ABS", "abs/out"),
        ("~/apply", "home/apply"),
        ("link/out", "real/out"),  # through a symlinked folder
    ],
)
def test_every_kind_of_output_folder(work: Path, given: str | None, lands: str) -> None:
    base = work.parent
    home = Path(os.environ["HOME"])
    (base / "home").symlink_to(home)  # conftest isolates HOME; name it for the table above
    (base / "real").mkdir()
    (work / "link").symlink_to(base / "real")
    if given == "ABS":
        given = str(base / "abs" / "out")
    option = [] if given is None else ["-o", given]
    code, stdout, err = _run(
        "resume", "profiles/maria-santos.yaml", "-g", "clinical-coordinator", "-f", "docx", *option
    )
    assert code == 0, err
    folder = (base / lands / "maria-santos").resolve()
    assert sorted(p.name for p in folder.iterdir()) == [
        ".appkit-packet.json",
        "Maria-Santos-Resume.docx",
    ]
    printed = Path(stdout.strip())
    assert (printed if printed.is_absolute() else work / printed).resolve() == (
        folder / "Maria-Santos-Resume.docx"
    )
    assert not (work / "out" / "out").exists()
    marker = json.loads((folder / ".appkit-packet.json").read_text())
    assert (folder / marker["profile_file"]).resolve() == (work / "profiles" / "maria-santos.yaml")


def test_readme_packet_command_with_the_default_out(work: Path) -> None:
    code, stdout, err = _run(
        "packet", "profiles/maria-santos.yaml", "--guide", "clinical-coordinator", "-f", "docx"
    )
    assert code == 0, err
    assert stdout.split()[0] == "out/maria-santos/Maria-Santos-Resume.docx"
    names = sorted(p.name for p in (work / "out" / "maria-santos").iterdir())
    assert "match.json" in names and "Maria-Santos-Gap-Report.docx" in names and len(names) == 6


def test_failed_command_leaves_no_output_folder(work: Path) -> None:
    bad = work / "profiles" / "bad.yaml"
    bad.write_text(PROFILE.read_text().replace("basics:", "basic:", 1))
    code, _, err = _run(
        "packet", "profiles/bad.yaml", "-g", "clinical-coordinator", "-o", "new/out"
    )
    assert code == 1 and err.startswith("error: ")
    assert sorted(os.listdir(work)) == ["profiles"]


def test_two_same_name_profiles_make_two_packets(work: Path) -> None:
    (work / "class-b").mkdir()
    shutil.copy(PROFILE, work / "class-b" / "maria-santos.yaml")
    args = ["-g", "clinical-coordinator", "-f", "docx", "--file-names", "plain"]
    assert _run("resume", "profiles/maria-santos.yaml", *args)[0] == 0
    code, stdout, err = _run("resume", "class-b/maria-santos.yaml", *args)
    assert code == 0
    assert err.startswith("notice: out/maria-santos/ holds the packet of another profile file")
    assert "profiles/maria-santos.yaml" in err and "out/maria-santos-2/" in err
    assert stdout.strip() == "out/maria-santos-2/resume.docx"
    code, _, err = _run("resume", "class-b/maria-santos.yaml", *args)  # again: its own folder
    assert code == 0 and err == ""
    assert sorted(os.listdir(work / "out")) == ["maria-santos", "maria-santos-2"]
    text = [p.text for p in docx.Document(work / "out/maria-santos-2/resume.docx").paragraphs]
    assert "Maria Santos" in text[0]

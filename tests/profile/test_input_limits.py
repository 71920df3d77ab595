"""What `validate` accepts, both writers can hold: the longest name and headline make a DOCX."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pypdf
from click.testing import CliRunner

from appkit.cli import cli
from appkit.text import MAX_TITLE
from tests.conftest import ROOT


def test_longest_valid_name_and_headline_render(tmp_path: Path) -> None:
    name = ("Maria Santos-" * 20)[: MAX_TITLE - 1] + "Z"
    headline = "H" * MAX_TITLE
    text = (ROOT / "profiles" / "maria-santos.yaml").read_text(encoding="utf-8")
    text = text.replace("name: Maria Santos", f"name: {name}", 1)
    text = re.sub(r"headline: .*", f"headline: {headline}", text, count=1)
    profile = tmp_path / "long.yaml"
    profile.write_text(text, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["validate", str(profile)]).exit_code == 0
    out = tmp_path / "out"
    result = runner.invoke(
        cli,
        [
            "resume",
            str(profile),
            "-g",
            "clinical-coordinator",
            "-f",
            "pdf,docx",
            "-o",
            str(out),
            "--file-names",
            "plain",
        ],
    )
    assert result.exit_code == 0, result.output
    (folder,) = out.iterdir()
    props = docx.Document(str(folder / "resume.docx")).core_properties
    assert props.author == name
    assert props.title.startswith(name) and len(props.title) <= 255
    assert pypdf.PdfReader(folder / "resume.pdf").metadata.author == name


def test_one_character_more_is_refused_by_validate(tmp_path: Path) -> None:
    profile = tmp_path / "long.yaml"
    profile.write_text(f"basics:\n  name: {'N' * (MAX_TITLE + 1)}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(profile)])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"{profile}:2: basics.name: too long: {MAX_TITLE + 1} characters "
        f"(at most {MAX_TITLE} characters)"
    )

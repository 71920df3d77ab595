"""`--watch`: re-render when an input changes, keep going after an error, stop cleanly.

The file system is replaced by a generator of change batches (appkit.cli.watch.file_changes),
which edits the inputs itself before announcing each change: no sleeping, no timing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from appkit.cli import cli
from appkit.cli import watch as watch_module
from appkit.cli.watch import Watched, watched_inputs

PROFILE = """\
basics:
  name: Ana Watch
  email: ana@example.com
summary: First version of the summary.
"""
THEME = """\
{% extends "!builtin/resume/classic.html" %}
{% block footer %}<p>Theme marker one</p>{% endblock %}
"""


@pytest.fixture
def inputs(tmp_path: Path) -> tuple[Path, Path]:
    profile = tmp_path / "profile.yaml"
    profile.write_text(PROFILE, encoding="utf-8")
    theme = tmp_path / "theme"
    (theme / "resume").mkdir(parents=True)
    (theme / "resume" / "classic.html").write_text(THEME, encoding="utf-8")
    return profile, theme


def _run(tmp_path: Path, profile: Path, *extra: str) -> tuple[int, str, str]:
    out = tmp_path / "out"
    args = ["resume", str(profile), "-f", "txt", "-o", str(out), "--file-names", "plain"]
    result = CliRunner().invoke(cli, [*args, "--watch", *extra])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def test_rerenders_on_each_change_and_survives_an_error(
    tmp_path: Path, inputs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    profile, theme = inputs
    template = theme / "resume" / "classic.html"
    resume = tmp_path / "out" / "ana-watch" / "resume.txt"
    seen: list[str] = []

    def changes(watched: Watched) -> Iterator[set[tuple[int, str]]]:
        seen.append(resume.read_text(encoding="utf-8"))  # written before watching starts
        profile.write_text(PROFILE.replace("First", "Second"), encoding="utf-8")
        yield {(2, str(profile))}
        seen.append(resume.read_text(encoding="utf-8"))
        (tmp_path / "out" / "stray.txt").write_text("x", encoding="utf-8")
        yield {(1, str(tmp_path / "out" / "stray.txt"))}  # not an input: no render
        profile.write_text(PROFILE.replace("summary:", "sumary:"), encoding="utf-8")
        yield {(2, str(profile))}
        template.write_text(THEME.replace("one", "two"), encoding="utf-8")
        profile.write_text(PROFILE.replace("First", "Third"), encoding="utf-8")
        yield {(2, str(template)), (2, str(profile))}

    monkeypatch.setattr(watch_module, "file_changes", changes)
    code, out, err = _run(tmp_path, profile, "--templates", str(theme))
    assert code == 0, err
    assert "First version" in seen[0] and "Theme marker one" in seen[0]
    assert "Second version" in seen[1]
    final = resume.read_text(encoding="utf-8")
    assert "Third version" in final and "Theme marker two" in final
    lines = out.splitlines()
    assert lines[0].endswith("resume.txt")  # the first render lists what it wrote
    assert [line.split(" ", 1)[1] for line in lines[1:]] == [
        "profile.yaml changed: wrote 1 file",
        "profile.yaml, classic.html changed: wrote 1 file",
    ]
    assert "profile.yaml:4: sumary: unknown field; did you mean 'summary'?" in err
    assert "Traceback" not in err and err.rstrip().endswith("stopped watching")


def test_ctrl_c_exits_zero(
    tmp_path: Path, inputs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(watched: Watched) -> Iterator[set[tuple[int, str]]]:
        raise KeyboardInterrupt
        yield set()

    monkeypatch.setattr(watch_module, "file_changes", interrupted)
    code, out, err = _run(tmp_path, inputs[0])
    assert code == 0 and out.strip().endswith("resume.txt") and "stopped watching" in err


def test_watched_inputs(tmp_path: Path, inputs: tuple[Path, Path]) -> None:
    profile, theme = inputs
    guide = tmp_path / "guide.md"
    guide.write_text("# Role\n", encoding="utf-8")
    watched = watched_inputs(profile, str(guide), None, [theme])
    assert watched.relevant(str(profile)) and watched.relevant(str(guide))
    assert watched.relevant(str(theme / "resume" / "new.css"))
    assert not watched.relevant(str(tmp_path / "out" / "resume.pdf"))
    assert watched.roots() == [tmp_path.resolve()]  # theme/ lies inside it: one watch
    assert watched_inputs(profile, "clinical-coordinator", None, []).files == {profile.resolve()}

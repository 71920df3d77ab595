"""`appkit templates check DIR`: every defect of a seeded broken theme, each once, with file:line;
the built-in templates and a correct override come out clean."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from appkit.cli import cli
from appkit.packet.sample import sample_contexts
from appkit.render.html import Context
from appkit.render.themecheck import check_theme
from appkit.resources import builtin_dir
from tests.conftest import DATA

BROKEN = DATA / "themes" / "broken"

EXPECTED = [
    "cover/broken.html:3: syntax error: Expected an expression, got 'end of statement block'",
    "resume/broken.css:2: missing file 'missing-bg.png' (not in the theme folder nor in the"
    " built-ins)",
    "resume/broken.html:6: missing file 'missing.css' (not in the theme folder nor in the"
    " built-ins)",
    "resume/broken.html:7: 'https://fonts.example.com/brand.css' will be refused: the PDF loads"
    " only files in the theme folder and data: URLs",
    'resume/broken.html:10: <img> has no alt text: describe it in alt="..." (alt="" marks it'
    " decorative)",
    "resume/broken.html:12: undefined attribute 'nmae' of Basics; did you mean 'name'?",
    "resume/broken.html:13: undefined variable 'profil'; did you mean 'profile'?",
    "resume/broken.html:14: sandbox: attribute '__class__' is refused (names starting with '_'"
    " are private)",
    "resume/broken.html:15: sandbox: 'model_dump_json' is a pydantic method; templates get"
    " read-only data, not models",
    "resume/broken.html:16: sandbox: calling str.encode() is refused",
    "resume/broken.html:18: block 'sumary' is not defined in resume/base.html, so it is never"
    " shown; did you mean 'summary'?",
]


@pytest.fixture(scope="module")
def samples() -> dict[str, list[Context]]:
    return sample_contexts()


def test_broken_theme_reports_every_defect_once_with_file_and_line() -> None:
    result = CliRunner().invoke(cli, ["templates", "check", str(BROKEN)])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == EXPECTED
    assert "11 problems" in result.stderr and "Traceback" not in result.output


def test_builtin_templates_are_clean(samples: dict[str, list[Context]]) -> None:
    assert check_theme(builtin_dir("templates"), samples) == []


def test_override_and_decorative_image_are_clean(
    tmp_path: Path, samples: dict[str, list[Context]]
) -> None:
    (tmp_path / "resume").mkdir()
    (tmp_path / "resume" / "logo.png").write_bytes((BROKEN / "resume" / "logo.png").read_bytes())
    (tmp_path / "resume" / "classic.html").write_text(
        '{% extends "!builtin/resume/classic.html" %}\n'
        "{% block header %}\n"
        '<img src="logo.png" alt="">\n'
        "{{ super() }}\n"
        "{% endblock %}\n",
        encoding="utf-8",
    )
    assert check_theme(tmp_path, samples) == []


def test_a_problem_only_the_sample_reveals_is_found(
    tmp_path: Path, samples: dict[str, list[Context]]
) -> None:
    """A typo inside a loop over data: only a trial render with real entries reaches it."""
    (tmp_path / "resume").mkdir()
    (tmp_path / "resume" / "plain.html").write_text(
        '{% extends "resume/base.html" %}\n'
        "{% block custom_sections %}\n"
        "{% for section in profile.custom_sections %}\n"
        "{% for entry in section.entries %}<p>{{ entry.titel }}</p>{% endfor %}\n"
        "{% endfor %}\n"
        "{% endblock %}\n",
        encoding="utf-8",
    )
    assert [str(p) for p in check_theme(tmp_path, samples)] == [
        "resume/plain.html:4: undefined attribute 'titel' of CustomEntry; did you mean 'title'?"
    ]


def test_empty_folder_is_a_problem(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["templates", "check", str(tmp_path)])
    assert result.exit_code == 1 and "no templates here" in result.stdout


def test_a_template_that_never_ends_is_stopped(
    tmp_path: Path, samples: dict[str, list[Context]]
) -> None:
    """Trial renders run with a real render's limits: a theme may come from anyone."""
    (tmp_path / "cover").mkdir()
    (tmp_path / "cover" / "slow.html").write_text(
        '{% extends "cover/base.html" %}\n'
        "{% block head %}{% for a in range(99999) %}{% for b in range(99999) %}"
        "{% endfor %}{% endfor %}{% endblock %}\n",
        encoding="utf-8",
    )
    assert [str(p) for p in check_theme(tmp_path, samples, seconds=1)] == [
        "cover/slow.html:1: trial render: took longer than 1 s to fill in; stopped"
    ]


def test_symlinks_are_reported_not_followed(
    tmp_path: Path, samples: dict[str, list[Context]]
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("{{ not a template", encoding="utf-8")
    theme = tmp_path / "theme"
    (theme / "resume").mkdir(parents=True)
    (theme / "resume" / "leak.html").symlink_to(secret)
    assert [str(p) for p in check_theme(theme, samples)] == [
        "resume/leak.html:1: a symlink: appkit refuses to load it"
    ]

"""The command line: exit codes, messages without tracebacks, and nothing written on failure."""

from __future__ import annotations

import shutil
from pathlib import Path

import click
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
    assert written == ["Maria-Santos-Resume.docx", "Maria-Santos-Resume.pdf"]
    assert (out / "maria-santos" / "Maria-Santos-Resume.pdf").read_bytes().startswith(b"%PDF")


def test_format_option_validated(tmp_path: Path) -> None:
    code, _, err = _run(
        "resume", str(DATA / "profiles" / "full.yaml"), "-f", "odt", "-o", str(tmp_path)
    )
    assert code == 2 and "expected pdf, docx" in err


def test_unknown_guide_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = _run(
        "resume", str(DATA / "profiles" / "full.yaml"), "-g", "zzyzx wrangler", "-o", str(tmp_path)
    )
    assert code == 1 and "zzyzx wrangler" in err and "clinical-coordinator" in err


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


def test_packet_writes_every_document(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, err = _run(
        "packet",
        str(ROOT / "profiles" / "maria-santos.yaml"),
        "-g",
        "clinical-coordinator",
        "--company",
        "Desert Health Partners",
        "--hiring-manager",
        "Ms. Rivera",
        "-o",
        str(out),
        "--date",
        "2026-01-15",
    )
    assert code == 0, err
    names = sorted(Path(line).name for line in stdout.split())
    stems = ("Resume", "Cover-Letter", "Interview-Prep", "Gap-Report")
    expected = [f"Maria-Santos-{s}.{e}" for s in stems for e in ("pdf", "docx")] + ["match.json"]
    assert names == sorted(expected)
    assert (out / "maria-santos" / "match.json").read_text().startswith("{")
    visible = [p for p in (out / "maria-santos").iterdir() if not p.name.startswith(".")]
    assert len(visible) == 9


@pytest.mark.parametrize("command", ["cover", "prep"])
def test_cover_and_prep_commands(tmp_path: Path, command: str) -> None:
    code, stdout, err = _run(
        command,
        str(ROOT / "profiles" / "james-okafor.yaml"),
        "-g",
        "clinical-coordinator",
        "-f",
        "docx",
        "-o",
        str(tmp_path),
    )
    assert code == 0, err
    expected = {"cover": "Cover-Letter", "prep": "Interview-Prep"}[command]
    expected = f"James-Okafor-{expected}.docx"
    assert [Path(line).name for line in stdout.split()] == [expected]


def test_prep_without_guide_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = _run(
        "prep",
        str(ROOT / "profiles" / "maria-santos.yaml"),
        "-p",
        str(DATA / "postings" / "clinical-coordinator.txt"),
        "-o",
        str(tmp_path),
    )
    assert code == 1 and "needs a role guide" in err and "Traceback" not in err
    assert not any(tmp_path.rglob("*.pdf"))


def test_match_report_and_json() -> None:
    code, out, _ = _run(
        "match", str(ROOT / "profiles" / "linda-chen.yaml"), "-g", "clinical-coordinator"
    )
    assert code == 0 and "Match for Clinical Coordinator" in out and "Level fit" in out
    code, out, _ = _run(
        "match", str(ROOT / "profiles" / "linda-chen.yaml"), "-g", "clinical-coordinator", "--json"
    )
    import json

    data = json.loads(out)
    assert 0 <= data["overall"] <= 100 and data["level"]["level"]


def test_match_with_posting_only() -> None:
    code, out, err = _run(
        "match",
        str(ROOT / "profiles" / "maria-santos.yaml"),
        "-p",
        str(DATA / "postings" / "sample.job.json"),
    )
    assert code == 0, err
    assert "Match for" in out


def test_templates_list_copy_and_schema(tmp_path: Path) -> None:
    code, out, _ = _run("templates", "list", "--files")
    assert code == 0 and "resume/classic.html" in out and "builtin" in out
    code, out, _ = _run("templates", "copy", "resume/classic", str(tmp_path))
    assert code == 0 and (tmp_path / "resume" / "classic.css").is_file()
    code, out, _ = _run("templates", "list", "--files", "-t", str(tmp_path))
    assert (
        f"resume/classic.html{' ' * 13}{tmp_path.resolve()}" in out
        or str(tmp_path.resolve()) in out
    )
    code, _, err = _run("templates", "copy", "resume/nope", str(tmp_path))
    assert code == 1 and "no such built-in theme" in err
    (tmp_path / "resume" / "classic.css").write_text("/* my edits */")
    code, _, err = _run("templates", "copy", "resume/classic", str(tmp_path))
    assert code == 1 and "--force" in err
    assert (tmp_path / "resume" / "classic.css").read_text() == "/* my edits */"
    assert _run("templates", "copy", "resume/../cover/classic", str(tmp_path))[0] == 1
    code, out, _ = _run("schema")
    assert code == 0 and '"basics"' in out


def test_guide_export_new_and_onet(tmp_path: Path) -> None:
    from appkit.guide.library import load_guide

    exported = tmp_path / "cc.yaml"
    assert _run("guide", "export", "clinical-coordinator", "-o", str(exported))[0] == 0
    assert load_guide(exported) == load_guide("clinical-coordinator")
    code, out, _ = _run("guide", "new", "Patient Navigator")
    assert code == 0 and "Patient Navigator" in out
    code, out, err = _run(
        "guide", "onet", "--db", str(DATA / "onet" / "db_subset"), "--code", "29-1141.00"
    )
    assert code == 0, err
    assert "Registered Nurses" in out and "O*NET" in out
    code, _, err = _run(
        "guide", "onet", "--db", str(DATA / "onet" / "db_subset"), "--code", "99-9999.00"
    )
    assert code == 1 and "99-9999.00" in err
    code, out, _ = _run(
        "guide", "show", "--posting", str(DATA / "postings" / "clinical-coordinator.txt")
    )
    assert code == 0 and "Clinical Coordinator" in out


def test_failed_packet_leaves_no_partial_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    blocker = out / "maria-santos" / "Maria-Santos-Interview-Prep.pdf"
    blocker.mkdir(parents=True)  # the third document cannot be written
    code, _, err = _run(
        "packet",
        str(ROOT / "profiles" / "maria-santos.yaml"),
        "-g",
        "clinical-coordinator",
        "-o",
        str(out),
    )
    assert code == 1 and "is in the way" in err
    assert [p.name for p in (out / "maria-santos").iterdir()] == [blocker.name]
    assert [p.name for p in out.iterdir()] == ["maria-santos"]  # no staging folder left


@pytest.mark.parametrize("target", ["/proc/appkit-x", "/dev/null/x"])
def test_unusable_output_folder_is_a_clean_error(target: str) -> None:
    code, _, err = _run("resume", str(DATA / "profiles" / "full.yaml"), "-f", "docx", "-o", target)
    assert code == 1 and err.startswith("error: ") and "Traceback" not in err


def test_output_through_a_symlink_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "ana-lucia-ortega").symlink_to(elsewhere)
    code, _, err = _run(
        "resume", str(DATA / "profiles" / "full.yaml"), "-f", "docx", "-o", str(out)
    )
    assert code == 1 and "outside" in err
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize("bad", ["2026-13-45", "garbage", "2026"])
def test_bad_date_is_a_usage_error(tmp_path: Path, bad: str) -> None:
    code, _, err = _run(
        "cover",
        str(ROOT / "profiles" / "maria-santos.yaml"),
        "-g",
        "clinical-coordinator",
        "--date",
        bad,
        "-o",
        str(tmp_path),
    )
    assert code == 2 and "expected a date as YYYY-MM-DD" in err
    assert not any(tmp_path.iterdir())


def test_names_without_latin_letters_get_distinct_folders() -> None:
    from appkit.disk.files import safe_slug

    slugs = {safe_slug(name) for name in ("张伟", "王芳", "محمد", "!!!")}
    assert len(slugs) == 4 and all(s.startswith("untitled-") for s in slugs)


def test_match_report_writes_the_gap_report(tmp_path: Path) -> None:
    code, out, err = _run(
        "match",
        str(ROOT / "profiles" / "derek-walsh.yaml"),
        "-g",
        "clinical-coordinator",
        "--report",
        "-f",
        "docx",
        "-o",
        str(tmp_path),
    )
    assert code == 0, err
    assert out.strip().endswith("Derek-Walsh-Gap-Report.docx")
    import docx

    text = "\n".join(
        p.text
        for p in docx.Document(tmp_path / "derek-walsh" / "Derek-Walsh-Gap-Report.docx").paragraphs
    )
    assert "Skill-gap report" in text and "Next step" in text


def test_mistyped_guide_suggests_the_nearest(tmp_path: Path) -> None:
    profile = str(DATA / "profiles" / "full.yaml")
    code, _, err = _run("resume", profile, "-g", "clinical-coordinater", "-o", str(tmp_path))
    assert code == 1 and "did you mean 'clinical-coordinator'?" in err
    assert not any(tmp_path.iterdir())
    code, _, err = _run("match", profile, "-g", "zzyzx wrangler")
    assert code == 1 and "did you mean" not in err and "available: clinical-coordinator" in err


@pytest.mark.parametrize("command", ["resume", "packet"])
def test_mistyped_theme_suggests_the_nearest(tmp_path: Path, command: str) -> None:
    profile = str(DATA / "profiles" / "full.yaml")
    args = ["-g", "clinical-coordinator", "-o", str(tmp_path), "--theme"]
    code, _, err = _run(command, profile, *args, "clasic")
    assert code == 2 and "did you mean 'classic'?" in err and "available: classic" in err
    code, _, err = _run(command, profile, *args, "brutalist")
    assert code == 2 and "no design named 'brutalist' (available: classic, compact, modern)" in err
    assert not any(tmp_path.iterdir())


def test_a_theme_missing_for_one_document_borrows_classic(tmp_path: Path) -> None:
    themes = tmp_path / "themes"
    (themes / "resume").mkdir(parents=True)
    (themes / "resume" / "mine.html").write_text('{% extends "resume/classic.html" %}')
    profile = str(DATA / "profiles" / "full.yaml")
    base = [profile, "-g", "clinical-coordinator", "--theme", "mine", "-t", str(themes)]
    code, out, err = _run("cover", *base, "-f", "txt", "-o", str(tmp_path / "out"))
    assert code == 0, err
    assert "Sincerely," in Path(out.strip()).read_text()  # classic's cover letter
    code, out, err = _run("resume", *base, "-f", "docx", "-o", str(tmp_path / "out"))
    assert code == 0, err
    assert out.strip().endswith(".docx")


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["pakcet"], "did you mean 'packet'?"),
        (["valdate"], "did you mean 'validate'?"),
        (["guide", "lst"], "did you mean 'list'?"),
        (["templates", "cpy"], "did you mean 'copy'?"),
    ],
)
def test_mistyped_command_suggests_the_nearest(args: list[str], hint: str) -> None:
    code, _, err = _run(*args)
    assert code == 2 and f"No such command '{args[-1]}'; {hint}" in err


def test_unknown_command_without_a_near_name() -> None:
    code, _, err = _run("xyzzy")
    assert code == 2 and "No such command 'xyzzy'." in err and "did you mean" not in err


def test_mistyped_template_theme_suggests_the_nearest(tmp_path: Path) -> None:
    code, _, err = _run("templates", "copy", "resume/clasic", str(tmp_path))
    assert code == 1 and "did you mean 'resume/classic'?" in err
    assert not any(tmp_path.iterdir())


def test_cli_defaults_come_from_options_and_help_stays_light() -> None:
    import os
    import subprocess
    import sys

    import appkit
    from appkit.options import Options

    command = cli.commands["packet"]
    ctx = click.Context(command)
    cli_defaults = {p.name: p.get_default(ctx) for p in command.params}
    expected = Options()
    assert cli_defaults["formats"] == ",".join(expected.formats)
    assert Path(cli_defaults["out_dir"]) == expected.out_dir
    assert cli_defaults["theme"] in (
        None,
        getattr(click.core, "UNSET", None),
    )  # unset: the profile's, else classic
    assert cli_defaults["file_names"] == expected.file_names
    src = str(Path(appkit.__file__).resolve().parents[1])
    code = (
        "import sys, runpy; sys.argv = ['appkit', '--help']\n"
        "try: runpy.run_module('appkit', run_name='__main__')\n"
        "except SystemExit: pass\n"
        "print('pydantic' in sys.modules, file=sys.stderr)"
    )
    env = {**os.environ, "PYTHONPATH": src}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.stderr.strip().splitlines()[-1] == "False"

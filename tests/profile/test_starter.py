"""`appkit init` writes a starter profile that shows every field and works as is; `validate DIR`."""

from __future__ import annotations

import shutil
import types
import typing
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from pydantic import BaseModel
from pypdf import PdfReader

from appkit.cli import cli
from appkit.profile.model import Profile
from appkit.profile.starter import starter_profile
from tests.conftest import DATA, PROFILES


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def _nested_models(annotation: object) -> list[type[BaseModel]]:
    """The pydantic models inside an annotation such as `list[Experience]` or `Basics | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    args = typing.get_args(annotation)
    if isinstance(annotation, types.UnionType) or args:
        return [m for arg in args for m in _nested_models(arg)]
    return []


def _missing_fields(model: type[BaseModel], values: list[dict], where: str) -> list[str]:
    """Fields of `model` (recursively) that none of `values` shows."""
    missing = []
    for name, field in model.model_fields.items():
        shown = [v[name] for v in values if v.get(name) not in (None, "", [], {})]
        if not shown:
            missing.append(f"{where}{name}")
            continue
        for nested in _nested_models(field.annotation):
            items = [i for s in shown for i in (s if isinstance(s, list) else [s])]
            missing += _missing_fields(nested, items, f"{where}{name}.")
    return missing


def test_starter_shows_every_field_of_the_profile_model() -> None:
    data = yaml.safe_load(starter_profile())
    assert _missing_fields(Profile, [data], "") == []


def test_the_field_check_notices_a_missing_field() -> None:
    data = yaml.safe_load(starter_profile())
    del data["experience"][0]["location"], data["experience"][1]["location"]
    assert _missing_fields(Profile, [data], "") == ["experience.location"]


def test_starter_explains_itself_in_comments() -> None:
    text = starter_profile()
    assert text.startswith("#") and "appkit validate" in text and "present" in text


def test_init_then_validate_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = _run("init")
    assert code == 0, err
    assert out.strip() == "profile.yaml" and "appkit validate profile.yaml" in err
    assert (tmp_path / "profile.yaml").read_text(encoding="utf-8") == starter_profile()
    code, out, err = _run("validate", "profile.yaml")
    assert (code, out.strip(), err) == (0, "profile.yaml: ok", "")


def test_init_then_packet_makes_documents_with_the_starter_facts(tmp_path: Path) -> None:
    profile = tmp_path / "me.yml"
    assert _run("init", str(profile))[0] == 0
    out = tmp_path / "out"
    code, _, err = _run("packet", str(profile), "-g", "clinical-coordinator", "-o", str(out))
    assert code == 0, err
    pdfs = sorted(out.rglob("*.pdf"))
    assert len(pdfs) == 4 and len(list(out.rglob("*.docx"))) == 4
    name = yaml.safe_load(starter_profile())["basics"]["name"]
    resume = next(p for p in pdfs if "resume" in p.stem.lower())
    text = "".join(page.extract_text() for page in PdfReader(resume).pages)
    assert name in text and "reminder calls cut no-shows" in text


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    profile = tmp_path / "profile.yaml"
    profile.write_text("basics: {name: Mine}\n", encoding="utf-8")
    code, out, err = _run("init", str(profile))
    assert code == 1 and out == ""
    assert err == f"error: {profile}: already exists; add --force to replace it\n"
    assert profile.read_text(encoding="utf-8") == "basics: {name: Mine}\n"
    assert _run("init", str(profile), "--force")[0] == 0
    assert profile.read_text(encoding="utf-8") == starter_profile()


@pytest.mark.parametrize("name", ["profile.json", "profile.txt"])
def test_init_writes_yaml_only(tmp_path: Path, name: str) -> None:
    code, _, err = _run("init", str(tmp_path / name))
    assert code == 1 and "name it .yaml or .yml" in err
    assert list(tmp_path.iterdir()) == []


def test_init_into_a_missing_folder_is_a_clean_error(tmp_path: Path) -> None:
    code, _, err = _run("init", str(tmp_path / "nope" / "profile.yaml"))
    assert code == 1 and err.startswith("error: ") and "Traceback" not in err


def test_validate_a_folder_checks_every_profile_in_name_order(tmp_path: Path) -> None:
    shutil.copy(DATA / "profiles" / "full.yaml", tmp_path / "b.yaml")
    shutil.copy(DATA / "profiles" / "minimal.yaml", tmp_path / "a.yml")
    (tmp_path / "c.json").write_text('{"basics": {"name": "Ana"}}', encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a profile", encoding="utf-8")
    code, out, err = _run("validate", str(tmp_path))
    assert code == 0, err
    assert [line.split(": ")[0] for line in out.splitlines()] == [
        str(tmp_path / n) for n in ("a.yml", "b.yaml", "c.json")
    ]


def test_validate_the_sample_folder() -> None:
    code, out, _ = _run("validate", str(PROFILES[0].parent))
    assert code == 0 and out.count(": ok") == len(PROFILES)


def test_validate_a_folder_reports_its_broken_profiles(tmp_path: Path) -> None:
    shutil.copy(DATA / "profiles" / "full.yaml", tmp_path / "good.yaml")
    shutil.copy(DATA / "invalid" / "bad-date.yaml", tmp_path / "bad.yaml")
    code, out, err = _run("validate", str(tmp_path))
    assert code == 1
    assert out.strip() == f"{tmp_path / 'good.yaml'}: ok"
    assert f"{tmp_path / 'bad.yaml'}:9: experience[1].start" in err


def test_validate_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "readme.md").write_text("no profiles here", encoding="utf-8")
    code, out, err = _run("validate", str(tmp_path), str(DATA / "profiles" / "full.yaml"))
    assert code == 1 and out.strip().endswith("full.yaml: ok")
    assert err == f"{tmp_path}: no profile files in this folder (.yaml, .yml, .json)\n"

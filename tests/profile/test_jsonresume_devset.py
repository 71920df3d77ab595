"""The JSON Resume development set: every parseable file validates, round-trips, renders.

The files live outside the repository (../shared/data/jsonresume); the tests skip when absent.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from appkit.cli import cli
from appkit.errors import InputError
from appkit.profile.jsonresume_export import to_jsonresume, yaml_text
from appkit.profile.load import load_profile
from tests.conftest import ROOT

_CANDIDATES = [
    ROOT.parent / "shared" / "data" / "jsonresume",
    ROOT.parent.parent / "shared" / "data" / "jsonresume",  # from a worktree in /work/wt/NAME
    Path("/work/main").parent / "shared" / "data" / "jsonresume",
]
DATA = next((p for p in _CANDIDATES if (p / "schema.json").is_file()), None)
pytestmark = pytest.mark.skipif(DATA is None, reason="../shared/data/jsonresume is not here")
BROKEN = "JorgenKrieger_www.labelnoir.me.json"  # a trailing comma: does not parse
SAMPLES = sorted(DATA.glob("*.resume.json")) if DATA else []
REAL = sorted((DATA / "real").glob("*.json")) if DATA else []
PARSEABLE = SAMPLES + [p for p in REAL if p.name != BROKEN]


def _ids(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).casefold()


def test_the_file_with_a_trailing_comma_gets_a_located_error() -> None:
    with pytest.raises(InputError) as caught:
        load_profile(DATA / "real" / BROKEN)
    problem = caught.value.problems[0]
    assert problem.line == 220
    assert str(problem).startswith(f"{DATA / 'real' / BROKEN}:220: ")


@pytest.mark.parametrize("path", PARSEABLE, ids=_ids(PARSEABLE))
def test_validates_and_the_export_follows_the_schema(path: Path, tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    profile = load_profile(path)
    exported = to_jsonresume(profile)
    schema = json.loads((DATA / "schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(exported, schema)
    # appkit -> JSON Resume -> appkit gives the same profile again (nothing lost on the way).
    again = tmp_path / "again.json"
    again.write_text(json.dumps(exported), encoding="utf-8")
    assert load_profile(again) == profile
    # ... and so does appkit's own YAML (`export --to yaml`), read back as an appkit profile.
    as_yaml = tmp_path / "again.yaml"
    as_yaml.write_text(yaml_text(profile), encoding="utf-8")
    assert load_profile(as_yaml) == profile


@pytest.mark.parametrize("path", SAMPLES, ids=_ids(SAMPLES))
def test_official_samples_survive_the_round_trip_field_for_field(path: Path) -> None:
    original = json.loads(path.read_text(encoding="utf-8"))
    exported = to_jsonresume(load_profile(path))
    for key in ("$schema", "meta"):
        original.pop(key, None)
        exported.pop(key, None)
    assert exported == _without_empty(original)


def _without_empty(value: object) -> object:
    """JSON Resume's empty strings and lists mean 'not given': appkit does not keep them."""
    if isinstance(value, dict):
        kept = {k: _without_empty(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in ("", [], {}, None)}
    if isinstance(value, list):
        return [_without_empty(v) for v in value if v not in ("", None)]
    return value


def test_real_jobs_keep_titles_organizations_and_bullets() -> None:
    for path in PARSEABLE:
        raw = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=dict)
        exported = to_jsonresume(load_profile(path))
        for before, after in zip(raw.get("work", []), exported.get("work", []), strict=True):
            assert after["position"] == before["position"].strip()
            assert after["name"] == (before.get("name") or before.get("company")).strip()
            kept = [h.strip() for h in before.get("highlights", []) if h.strip()]
            assert after.get("highlights", []) == kept


def _render(path: Path, out: Path, command: str) -> list[Path]:
    result = CliRunner().invoke(
        cli, [command, str(path), "-g", "clinical-coordinator", "-f", "pdf,docx", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    return sorted(out.rglob("*.pdf")) + sorted(out.rglob("*.docx"))


@pytest.mark.slow
@pytest.mark.parametrize("path", PARSEABLE, ids=_ids(PARSEABLE))
def test_renders_with_the_name_readable(path: Path, tmp_path: Path) -> None:
    # Every file gets the whole packet (4 documents x PDF and DOCX, ~3 s each): the letter, prep
    # sheet and gap report meet the real files' quirks too, not only the resume.
    files = _render(path, tmp_path, "packet")
    name = _normal(json.loads(path.read_text(encoding="utf-8"))["basics"]["name"].strip())
    assert len(files) == 8
    for file in files:
        if file.suffix == ".pdf":
            text = "".join(page.extract_text() or "" for page in PdfReader(file).pages)
        else:
            text = "\n".join(p.text for p in docx.Document(str(file)).paragraphs)
        assert name in _normal(text), file.name

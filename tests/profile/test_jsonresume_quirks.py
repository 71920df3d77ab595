"""JSON Resume quirks real files have: read sensibly with a located warning, or a located error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from appkit.cli import cli
from appkit.errors import InputError
from appkit.profile.jsonresume_dates import read_date
from appkit.profile.load import load_profile
from appkit.profile.model import Profile
from appkit.profile.version import upgrade

QUIRKY = """{
\t"basics": {
\t\t"name": "Ana Ruiz",
\t\t"label": "Peluquera canina",
\t\t"picture": "https://example.com/ana.jpg",
\t\t"website": "null",
\t\t"phone": "###PHONE###",
\t\t"fax": "123"
\t},
\t"work": [
\t\t{
\t\t\t"company": "Perros Felices",
\t\t\t"position": "Groomer",
\t\t\t"website": "https://perros.example.es",
\t\t\t"startDate": "January 2024",
\t\t\t"endDate": null,
\t\t\t"highlights": ["baño", "corte", "uñas"]
\t\t},
\t\t{
\t\t\t"name": "Clínica Sol",
\t\t\t"position": "Auxiliar",
\t\t\t"startDate": "2019-06-31",
\t\t\t"endDate": "2018"
\t\t}
\t],
\t"hobby": "dogs"
}
"""


def _load(tmp_path: Path, text: str, name: str = "resume.json") -> Profile:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_profile(path)


def test_quirks_are_read_sensibly_with_one_located_warning_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = _load(tmp_path, QUIRKY)
    warnings = capsys.readouterr().err.splitlines()
    file = str(tmp_path / "resume.json")
    assert profile.basics.headline == "Peluquera canina"
    assert profile.basics.image == "https://example.com/ana.jpg"
    assert profile.basics.phone is None and profile.basics.links == []
    first, second = profile.experience
    assert (first.organization, first.url, first.start, first.end) == (
        "Perros Felices",
        "https://perros.example.es",
        "2024-01",
        None,
    )
    assert first.keywords == ["baño", "corte", "uñas"] and first.highlights == []
    assert (second.start, second.end) == ("2018", "2019-06")
    # One warning for all unknown fields, first; then one per quirk, each file:line: field.
    assert warnings[0] == (
        f"{file}:8: basics: warning: ignored 2 field(s) JSON Resume does not define: "
        "basics.fax, hobby"
    )
    assert f"{file}:6: basics.website: warning: 'null' is not a web address; ignored" in warnings
    assert any(w.startswith(f"{file}:7: basics.phone: warning: '###PHONE###'") for w in warnings)
    assert any(
        w.startswith(f"{file}:22: work[1].startDate: warning: '2019-06-31'") for w in warnings
    )
    assert any(w.startswith(f"{file}:23: work[1].endDate: warning: end 2018") for w in warnings)
    assert len(warnings) == 5


def test_a_field_name_in_the_wrong_case_is_read_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = '{"basics": {"name": "A"},\n "certificates": [{"name": "C", "Date": 2023}]}'
    assert _load(tmp_path, text).certifications[0].date == "2023"
    assert ":2: certificates[0].Date: warning: read as 'date'" in capsys.readouterr().err


def test_what_cannot_be_read_is_a_located_error_in_a_tab_indented_file(tmp_path: Path) -> None:
    text = QUIRKY.replace('"position": "Auxiliar",\n', "")
    with pytest.raises(InputError) as caught:
        _load(tmp_path, text)
    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path / 'resume.json'}:19: work[1].position: required field is missing"
    ]


def test_a_duplicate_key_in_a_json_resume_is_a_warning_and_in_a_profile_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    resume = (
        '{\n\t"basics": {"name": "A", "label": "B"},\n\t"skills": [],\n'
        '\t"skills": [{"name": "Go"}]\n}'
    )
    assert _load(tmp_path, resume).skills[0].group == "Go"
    assert ":4: skills: warning: duplicate key (first at line 3)" in capsys.readouterr().err
    native = '{\n\t"basics": {"name": "A"},\n\t"summary": "x",\n\t"summary": "y"\n}'
    with pytest.raises(InputError) as caught:
        _load(tmp_path, native, "profile.json")
    assert caught.value.problems[0].line == 4
    assert "duplicate key 'summary'" in caught.value.problems[0].message


@pytest.mark.parametrize(
    ("raw", "end", "expected"),
    [
        ("2014", False, "2014"),
        (2014, False, "2014"),
        ("2021-03-15T00:00:00Z", False, "2021-03-15"),
        ("March 2020", False, "2020-03"),
        ("03/2020", False, "2020-03"),
        ("Present", True, "present"),
        ("actualidad", True, "present"),
        ("", True, None),
        (None, True, None),
    ],
)
def test_dates_as_people_write_them(raw: object, end: bool, expected: str | None) -> None:
    assert read_date(raw, end=end) == (expected, "")


def test_unreadable_and_impossible_dates_warn() -> None:
    assert read_date("2013-06-31")[0] == "2013-06" and "not a date" in read_date("2013-06-31")[1]
    assert read_date("sometime")[0] is None and "cannot read" in read_date("sometime")[1]


def test_profile_version_missing_means_one_and_a_future_one_is_refused(tmp_path: Path) -> None:
    assert _load(tmp_path, "basics: {name: A}\n", "p.yaml").appkit_profile == 1
    with pytest.raises(InputError) as caught:
        _load(tmp_path, "appkit_profile: 7\nbasics: {name: A}\n", "p.yaml")
    assert str(caught.value.problems[0]) == (
        f"{tmp_path / 'p.yaml'}:1: appkit_profile: profile version 7 is newer than this appkit "
        "understands (up to 1); update appkit"
    )


def test_a_migration_hook_upgrades_an_old_profile_with_a_notice(
    capsys: pytest.CaptureFixture[str],
) -> None:
    def rename_headline(data: dict[str, object]) -> dict[str, object]:
        basics = dict(data["basics"])  # type: ignore[arg-type]
        basics["headline"] = basics.pop("title")
        return {**data, "basics": basics}

    data = {"appkit_profile": "1", "basics": {"name": "A", "title": "Nurse"}}
    upgraded = upgrade(data, None, "p.yaml", migrations={1: rename_headline}, current=2)
    assert upgraded == {"appkit_profile": 2, "basics": {"name": "A", "headline": "Nurse"}}
    assert "notice: p.yaml: profile version 1 read as version 2" in capsys.readouterr().err


def test_export_to_yaml_writes_the_version_and_reads_back_equal(tmp_path: Path) -> None:
    source = tmp_path / "resume.json"
    source.write_text(QUIRKY, encoding="utf-8")
    target = tmp_path / "profile.yaml"
    result = CliRunner().invoke(cli, ["export", str(source), "--to", "yaml", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["appkit_profile"] == 1
    assert load_profile(target) == load_profile(source)
    again = CliRunner().invoke(cli, ["export", str(source), "--to", "yaml", "-o", str(target)])
    assert again.exit_code == 1 and "already exists; add --force" in again.output
    forced = ["export", str(source), "--to", "yaml", "-o", str(target), "--force"]
    assert CliRunner().invoke(cli, forced).exit_code == 0


def test_export_to_jsonresume_prints_to_stdout(tmp_path: Path) -> None:
    source = tmp_path / "resume.json"
    source.write_text(QUIRKY, encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", str(source), "--to", "jsonresume"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["work"][0]["name"] == "Perros Felices"
    assert data["work"][0]["highlights"] == ["baño", "corte", "uñas"]
    assert data["basics"]["image"] == "https://example.com/ana.jpg"


def test_init_writes_the_profile_version(tmp_path: Path) -> None:
    target = tmp_path / "profile.yaml"
    assert CliRunner().invoke(cli, ["init", str(target)]).exit_code == 0
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["appkit_profile"] == 1


@pytest.mark.parametrize(("score", "shown"), [("GPA: 3.7", "GPA: 3.7"), ("3.7/4.0", "GPA 3.7/4.0")])
def test_a_score_that_names_the_gpa_is_not_labelled_twice(
    tmp_path: Path, score: str, shown: str
) -> None:
    resume = {
        "basics": {"name": "Ana Ruiz"},
        "education": [
            {"institution": "State University", "area": "Biology", "studyType": "Bachelor"}
            | {"endDate": "2020", "score": score}
        ],
    }
    source = tmp_path / "resume.json"
    source.write_text(json.dumps(resume), encoding="utf-8")
    args = ["resume", str(source), "-g", "clinical-coordinator", "-f", "txt", "-o", str(tmp_path)]
    result = CliRunner().invoke(cli, [*args, "--file-names", "plain"])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "ana-ruiz" / "resume.txt").read_text(encoding="utf-8")
    assert shown in text and "GPA GPA" not in text

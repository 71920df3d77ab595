"""The guide entry point: built-in names, file formats, round trips, scaffold, describe."""

from __future__ import annotations

from pathlib import Path

import pytest

from appkit.errors import InputError
from appkit.guide.library import describe_guide, dump_guide, list_guides, load_guide, scaffold_guide
from appkit.guide.model import Guide


def test_builtin_by_name_is_cached() -> None:
    first = load_guide("clinical-coordinator")
    assert first.title == "Clinical Coordinator"
    assert load_guide("clinical-coordinator") is first


def test_list_guides() -> None:
    assert ("clinical-coordinator", "Clinical Coordinator") in list_guides()
    assert all(name != "SOURCES" for name, _ in list_guides())


def test_unknown_name_lists_builtins() -> None:
    with pytest.raises(InputError) as info:
        load_guide("zzyzx wrangler")  # neither a built-in guide nor any O*NET title
    assert "no built-in guide, guide file or O*NET occupation matches 'zzyzx wrangler'" in str(
        info.value
    )
    assert "clinical-coordinator" in str(info.value)


def test_unknown_suffix_and_missing_file(tmp_path: Path) -> None:
    (tmp_path / "g.pdf").write_bytes(b"%PDF")
    with pytest.raises(InputError, match="unknown guide format '.pdf'"):
        load_guide(tmp_path / "g.pdf")
    with pytest.raises(InputError, match="no such file"):
        load_guide(str(tmp_path / "missing.txt"))


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_dump_round_trips_the_seed(tmp_path: Path, fmt: str) -> None:
    guide = load_guide("clinical-coordinator")
    path = tmp_path / f"guide.{fmt}"
    path.write_text(dump_guide(guide, fmt), encoding="utf-8")  # type: ignore[arg-type]
    assert load_guide(path) == guide


def test_yaml_dump_is_readable() -> None:
    text = dump_guide(load_guide("clinical-coordinator"))
    assert text.startswith("title: Clinical Coordinator\n")
    assert "median_salary: 110680" in text
    assert "\u2248" in text  # allow_unicode: no \u escapes
    assert "knowledge:" not in text  # empty lists are left out


def test_yaml_guide_errors_have_lines(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(
        "title: Porter\nresponsibilities:\n  - Move patients\nskils: []\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as info:
        load_guide(path)
    assert str(info.value.problems[0]).startswith(f"{path}:4: skils: unknown field")


def test_scaffold_loads_as_is(tmp_path: Path) -> None:
    text = scaffold_guide("Sterile Processing Technician")
    assert text.count("\n#") + text.startswith("#") >= 2  # it is commented
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    guide = load_guide(path)
    assert guide.title == "Sterile Processing Technician"
    assert guide.responsibilities and guide.technical_skills and guide.soft_skills
    assert guide.key_facts.median_salary == 60000
    assert guide.career_levels[0].title == "Junior Sterile Processing Technician"


def test_scaffold_quotes_odd_titles(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(scaffold_guide('Nurse: "ICU" #1 {night}'), encoding="utf-8")
    assert load_guide(path).title == 'Nurse: "ICU" #1 {night}'


def test_describe_guide() -> None:
    text = describe_guide(load_guide("clinical-coordinator"))
    lines = text.splitlines()
    assert lines[0] == "Clinical Coordinator"
    assert "Source: How to Become a Clinical Coordinator: Career Path & Guide | Himalayas" in lines
    for heading in [
        "Responsibilities (7)",
        "Technical skills (11)",
        "Soft skills (7)",
        "FAQ (8)",
        "Career levels (5)",
        "Salary by level (5)",
        "Certifications (5)",
        "Tools (9)",
    ]:
        assert heading in lines
    assert "  Median salary: $110,680" in lines
    assert "  - Electronic Health Records Systems Management (EHR): Epic, Cerner, Meditech" in lines
    assert "  - Clinical Manager (10+ years)" in lines
    assert "  - Junior Clinical Coordinator: median $55,000, average $58,000" in lines


def test_describe_minimal_guide() -> None:
    guide = Guide(title="Porter", responsibilities=["Move patients."])
    text = describe_guide(guide)
    assert text.startswith(
        "Porter\n======\n\nResponsibilities (1)\n  - Move patients.\n\nSections\n"
    )
    assert "  Responsibilities: 1\n" in text and "  FAQ: not found\n" in text

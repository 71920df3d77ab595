"""O*NET: guides from the release files (real subset + synthetic Skills/Knowledge files)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from appkit.errors import InputError
from appkit.guide.library import dump_guide, load_guide
from appkit.guide.onet import attribution_for, build_onet_guide, read_release
from appkit.guide.onetskills import MIN_IMPORTANCE, SOFT

SHARED = Path(__file__).resolve().parents[1] / "data" / "onet"
SUBSET = SHARED / "db_subset"
CODES = {
    "11-9111.00": "11-9111_00_medical_and_health_services_managers.json",
    "29-1141.00": "29-1141_00_registered_nurses.json",
}
HEADER = (
    "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tN\tStandard Error\t"
    "Lower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source\n"
)


def _element_rows(code: str, elements: list[dict[str, float]], prefix: str) -> list[str]:
    """IM and LV rows for each element in O*NET's column layout, alphabetical element order."""
    rows = []
    for n, element in enumerate(sorted(elements, key=lambda e: str(e["name"])), start=1):
        for scale, value, suppress, relevant in (
            ("IM", element["importance"], "n/a", "n/a"),
            ("LV", element["level"], "N", "N"),
        ):
            rows.append(
                f"{code}\t{prefix}.{n}\t{element['name']}\t{scale}\t{value:.2f}\t8\t0.19\t3.71\t4.44\t"
                f"{suppress}\t{relevant}\t08/2023\tAnalyst\n"
            )
    return rows


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """The shared subset plus synthetic Skills.txt and Knowledge.txt for both occupations."""
    folder = tmp_path / "db"
    shutil.copytree(SUBSET, folder)
    for name, key, prefix in (
        ("Skills.txt", "skills", "2.A.1"),
        ("Knowledge.txt", "knowledge", "2.C.1"),
    ):
        lines = [HEADER]
        for code, extract in CODES.items():
            lines += _element_rows(code, json.loads((SHARED / extract).read_text())[key], prefix)
        (folder / name).write_text("".join(lines), encoding="utf-8")
    for path in folder.iterdir():
        path.chmod(0o644)
    return folder


def test_subset_only_gives_tasks_and_tools() -> None:
    guide = build_onet_guide(SUBSET, "11-9111.00")
    assert guide.title == "Medical and Health Services Manager"  # singular, for prose
    assert guide.source == "O*NET-SOC 11-9111.00 Medical and Health Services Managers (db_subset)"
    assert guide.summary.startswith("Plan, direct, or coordinate medical and health services")
    # No Read Me.txt: no release is claimed.
    assert guide.attribution is not None and "from the O*NET Database by" in guide.attribution
    assert len(guide.responsibilities) == 18
    assert guide.technical_skills == [] and guide.knowledge == []


def _readme(folder: Path, release: str) -> None:
    (folder / "Read Me.txt").write_text(
        f"O*NET {release} Database\nFebruary 2026 Release\n----------------\n\n"
        "For information on current and future releases...\n",
        encoding="utf-8",
    )


def test_attribution_names_the_release_in_read_me(db: Path) -> None:
    """The release comes from the database's own Read Me.txt, never a hard-coded number."""
    _readme(db, "30.1")
    guide = build_onet_guide(db, "29-1141.00")
    assert guide.attribution is not None
    assert "from the O*NET 30.1 Database by" in guide.attribution
    assert "29.3" not in guide.attribution and "29.0" not in guide.attribution
    assert guide.source == "O*NET-SOC 29-1141.00 Registered Nurses (O*NET 30.1)"
    _readme(db, "29.0")
    assert "O*NET 29.0 Database" in (build_onet_guide(db, "29-1141.00").attribution or "")
    (db / "Read Me.txt").write_text("Something else entirely\n", encoding="utf-8")
    assert read_release(db) is None


def test_attribution_is_the_readme_line(db: Path) -> None:
    _readme(db, "29.3")
    sentence = attribution_for(db)
    readme = (SHARED / "README.md").read_text(encoding="utf-8")
    assert " ".join(sentence.split()) in " ".join(readme.split())


@pytest.mark.parametrize("code", list(CODES))
def test_matches_the_json_extract(db: Path, code: str) -> None:
    extract = json.loads((SHARED / CODES[code]).read_text())
    guide = build_onet_guide(db, code)
    assert guide.source is not None and guide.source.endswith(f"{code} {extract['title']} (db)")
    core = [t["task"] for t in extract["tasks"] if t["type"] == "Core"]
    supplemental = [t["task"] for t in extract["tasks"] if t["type"] == "Supplemental"]
    assert guide.responsibilities == core + supplemental
    assert len(guide.tools) == len(extract["technology_skills"])
    hot = [t for t in extract["technology_skills"] if t["hot"] or t["in_demand"]]
    assert [t.hot for t in guide.tools] == [True] * len(hot) + [False] * (
        len(guide.tools) - len(hot)
    )
    both = [t["example"] for t in extract["technology_skills"] if t["hot"] and t["in_demand"]]
    assert [t.name for t in guide.tools[: len(both)]] == both
    first = next(t for t in extract["technology_skills"] if t["example"] == guide.tools[0].name)
    assert guide.tools[0].category == first["commodity"]
    # highest importance first; ties keep the file's (Element ID) order, here alphabetical
    # O*NET's basic, social and resource skills are soft skills (asked about in interviews, shown
    # by bullets); the technical and systems skills stay technical skills.
    for got, key in ((guide.technical_skills, "skills"), (guide.knowledge, "knowledge")):
        alphabetical = sorted(extract[key], key=lambda e: e["name"])
        expected = sorted(alphabetical, key=lambda e: -e["importance"])
        if key == "skills":
            soft = [e for e in expected if e["name"] in SOFT]
            expected = [e for e in expected if e["name"] not in SOFT]
            assert [s.name for s in guide.soft_skills] == [
                e["name"] for e in soft if e["importance"] >= MIN_IMPORTANCE
            ]
        assert [(s.name, s.importance) for s in got] == [
            (e["name"], e["importance"]) for e in expected
        ]
    assert guide.knowledge[0].name == extract["knowledge"][0]["name"]


@pytest.mark.parametrize("code", list(CODES))
def test_yaml_round_trip(db: Path, tmp_path: Path, code: str) -> None:
    guide = build_onet_guide(db, code)
    path = tmp_path / "onet.yaml"
    path.write_text(dump_guide(guide), encoding="utf-8")
    assert load_guide(path) == guide


def test_title_search(db: Path) -> None:
    assert build_onet_guide(db, title="registered NURSES").title == "Registered Nurse"
    assert build_onet_guide(db, title="registered nurse").title == "Registered Nurse"
    assert (
        build_onet_guide(db, title="health services").title == "Medical and Health Services Manager"
    )


def test_title_search_uses_alternate_titles(db: Path) -> None:
    (db / "Alternate Titles.txt").write_text(
        "O*NET-SOC Code\tTitle\tAlternate Title\tShort Title\tSource(s)\n"
        "11-9111.00\tMedical and Health Services Managers\tClinical Coordinator\tn/a\t08\n"
        "11-9111.00\tMedical and Health Services Managers\tNurse Manager\tn/a\t08\n"
        "29-1141.00\tRegistered Nurses\tNurse Manager\tn/a\t08\n"
        "29-1141.00\tRegistered Nurses\tCharge Nurse (CN)\tCN\t08\n",
        encoding="utf-8",
    )
    assert (
        build_onet_guide(db, title="clinical coordinator").title
        == "Medical and Health Services Manager"
    )
    assert build_onet_guide(db, title="charge nurse").title == "Registered Nurse"
    assert build_onet_guide(db, title="CN").title == "Registered Nurse"
    with pytest.raises(InputError) as info:
        build_onet_guide(db, title="Nurse Manager")
    message = str(info.value)
    assert "matches 2 occupations" in message
    assert "11-9111.00 Medical and Health Services Managers" in message
    assert "29-1141.00 Registered Nurses" in message


def test_title_search_matches_whole_words_only(db: Path) -> None:
    """'nurse' is a prefix of 'Nursery': a title search compares whole words."""
    occupations = db / "Occupation Data.txt"
    with occupations.open("a", encoding="utf-8") as handle:
        handle.write(
            "45-2092.00\tFarmworkers and Laborers, Crop, Nursery, and Greenhouse\tPlant.\n"
        )
    assert build_onet_guide(db, title="nurse").title == "Registered Nurse"
    with pytest.raises(InputError, match="no O\\*NET occupation titled 'Nurs'"):
        build_onet_guide(db, title="Nurs")


def test_title_search_errors(db: Path) -> None:
    with pytest.raises(
        InputError, match="no O\\*NET occupation titled 'Registered Nurss'; did you mean 29-1141.00"
    ):
        build_onet_guide(db, title="Registered Nurss")
    with pytest.raises(InputError, match="give an O\\*NET-SOC code"):
        build_onet_guide(db)


def test_unknown_code_and_missing_files(db: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown O\\*NET-SOC code '15-1252.00'"):
        build_onet_guide(db, "15-1252.00")
    (db / "Task Statements.txt").unlink()
    with pytest.raises(InputError, match="'Task Statements.txt' is missing"):
        build_onet_guide(db, "29-1141")
    with pytest.raises(InputError, match="O\\*NET database folder not found"):
        build_onet_guide(tmp_path / "nowhere", "29-1141.00")


def test_not_an_onet_file(db: Path) -> None:
    (db / "Skills.txt").write_text("Code\tName\n29-1141.00\tSpeaking\n", encoding="utf-8")
    with pytest.raises(InputError, match="Skills.txt:1: not an O\\*NET file"):
        build_onet_guide(db, "29-1141.00")


@pytest.mark.slow
def test_large_release_file_streams(db: Path) -> None:
    """A ~30 MB Skills.txt with hundreds of occupations: only the wanted rows are kept."""
    extract = json.loads((SHARED / CODES["29-1141.00"]).read_text())["skills"]
    block = _element_rows("{code}", extract, "2.A.1")
    with (db / "Skills.txt").open("w", encoding="utf-8") as handle:
        handle.write(HEADER)
        for n in range(5000):
            code = "29-1141.00" if n == 2500 else f"{10 + n % 80:02d}-{1000 + n:04d}.00"
            handle.write("".join(row.replace("{code}", code) for row in block))
    assert (db / "Skills.txt").stat().st_size > 25_000_000
    guide = build_onet_guide(db, "29-1141.00")
    technical = [e for e in extract if e["name"] not in SOFT]
    assert len(guide.technical_skills) == len(technical) and guide.soft_skills

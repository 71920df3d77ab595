"""Every O*NET occupation built in: onet:CODE, title search, resolution order, singular titles."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from appkit.cli import cli
from appkit.errors import InputError
from appkit.guide.library import load_guide
from appkit.guide.occupations import occupation_guide, occupations
from appkit.guide.onetindex import attribution
from appkit.guide.onetsearch import resolve_title, search
from appkit.guide.onetskills import SOFT
from appkit.guide.resolve import search_occupations
from appkit.guide.titles import singular_title


def test_occupation_guide_has_the_whole_occupation() -> None:
    guide = occupation_guide("29-1141.00")
    raw = occupations()["29-1141.00"]
    assert guide.title == "Registered Nurse"
    assert guide.source == "O*NET-SOC 29-1141.00 Registered Nurses"
    assert guide.attribution == attribution()
    assert "O*NET 29.3 Database" in guide.attribution
    assert guide.summary == raw["description"]
    assert guide.responsibilities == [text for _id, text, _type in raw["tasks"]]
    assert len(guide.tools) == len(raw["technology"])  # the guide keeps every tool
    hot = [t.hot for t in guide.tools]
    assert hot == sorted(hot, reverse=True)  # Hot Technology / In Demand first
    importance = [s.importance or 0.0 for s in guide.technical_skills]
    assert importance == sorted(importance, reverse=True)
    technical = [name for name, _importance, _level in raw["skills"] if name not in SOFT]
    assert [s.name for s in guide.technical_skills] == technical
    soft = [name for name, value, _level in raw["skills"] if name in SOFT and value >= 3.0]
    assert [s.name for s in guide.soft_skills] == soft and "Service Orientation" in soft
    assert guide.knowledge[0].name == raw["knowledge"][0][0]
    assert guide.key_facts.typical_education  # job zone 4
    assert guide.overview and guide.overview[0].startswith("Job Zone Four")


def test_heavy_occupation_keeps_every_tool_in_the_guide() -> None:
    guide = load_guide("onet:15-1252.00")
    assert guide.title == "Software Developer"
    assert len(guide.tools) == 426 and len(guide.responsibilities) == 19


@pytest.mark.parametrize("ref", ["onet:29-1141.00", "ONET: 29-1141", "29-1141.00", "onet:291141"])
def test_code_forms(ref: str) -> None:
    assert load_guide(ref).source == "O*NET-SOC 29-1141.00 Registered Nurses"


def test_unknown_code_and_occupation_without_tasks() -> None:
    with pytest.raises(InputError, match="no O\\*NET occupation with code '99-9999.00'"):
        load_guide("onet:99-9999.00")
    with pytest.raises(InputError) as info:
        load_guide("onet:15-1299.00")  # Computer Occupations, All Other: title and description only
    message = str(info.value)
    assert "has no tasks in O*NET 29.3" in message
    assert "onet:15-1299.01 Web Administrators" in message  # a related occupation to try


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("registered nurse", "29-1141.00"),
        ("Registered Nurses", "29-1141.00"),
        ("RN", "29-1141.00"),  # a short title
        ("registred nurse", "29-1141.00"),  # fuzzy
        ("retail store manager", "41-1011.00"),
        ("software developer", "15-1252.00"),
        ("medical assistant", "31-9092.00"),  # only the plural official title exists
        ("waitress", "35-3031.00"),
    ],
)
def test_title_search_resolves(query: str, code: str) -> None:
    assert resolve_title(query)[0] == code


def test_alternate_title_names_the_documents() -> None:
    guide = load_guide("retail store manager")
    assert guide.title == "Retail Store Manager"
    assert guide.source == "O*NET-SOC 41-1011.00 First-Line Supervisors of Retail Sales Workers"
    assert load_guide("RN").title == "Registered Nurse"  # "Registered Nurse (RN)", acronym dropped


def test_nurse_never_matches_nursery() -> None:
    found = search("nurse", limit=200)
    codes = [c.code for c in found]
    assert codes[0] == "29-1141.00"
    assert "45-2092.00" not in codes  # Farmworkers and Laborers, Crop, Nursery, and Greenhouse
    assert all(not c.matched.casefold().startswith("nursery") for c in found)
    assert "45-2092.00" in [c.code for c in search("nursery")]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nurse", ["29-1141.00 Registered Nurses", "29-1171.00 Nurse Practitioners"]),
        ("store manager", ["41-1011.00", "11-1021.00 General and Operations Managers"]),
        ("teacher", ["Teachers"]),
        # shared alternate title: one official title contains the words, but is much longer
        ("project manager", ["15-1299.09", "13-1082.00 Project Management Specialists"]),
    ],
)
def test_ambiguous_names_list_candidates(query: str, expected: list[str]) -> None:
    with pytest.raises(InputError) as info:
        load_guide(query)
    message = str(info.value)
    assert "matches several O*NET occupations" in message
    assert "onet:" in message and "give one as --guide onet:CODE" in message
    for text in expected:
        assert text in message


def test_nothing_matches() -> None:
    with pytest.raises(InputError) as info:
        load_guide("qwertyuiop zzyzx")
    assert "no built-in guide, guide file or O*NET occupation matches" in str(info.value)
    assert "available: clinical-coordinator" in str(info.value)


def test_resolution_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 1. a built-in guide's exact name
    assert load_guide("clinical-coordinator").title == "Clinical Coordinator"
    # 2. a file path wins over a title: a file called "nurse" here is read as a (bad) guide file
    monkeypatch.chdir(tmp_path)
    (tmp_path / "nurse").write_text("not a guide", encoding="utf-8")
    with pytest.raises(InputError, match="unknown guide format"):
        load_guide("nurse")
    with pytest.raises(InputError, match="no such file"):
        load_guide("guides/missing.yaml")
    # 3. onet:CODE, 4. title search
    assert load_guide("onet:41-1011.00").source == load_guide("retail store manager").source


@pytest.mark.parametrize(
    "ref", ["clinical-coordinater", "clinical coordinator", "Clinical_Coordinator"]
)
def test_near_miss_of_a_builtin_is_an_error(ref: str) -> None:
    """Never a silent jump to an occupation ('Clinical Coordinator' is an O*NET title too)."""
    with pytest.raises(InputError, match="did you mean 'clinical-coordinator'"):
        load_guide(ref)


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("Software Developers", "Software Developer"),
        ("Registered Nurses", "Registered Nurse"),
        ("Accountants and Auditors", "Accountant and Auditor"),
        (
            "First-Line Supervisors of Retail Sales Workers",
            "First-Line Supervisor of Retail Sales Workers",
        ),
        ("Education Teachers, Postsecondary", "Education Teacher, Postsecondary"),
        (
            "Farmers, Ranchers, and Other Agricultural Managers",
            "Farmer, Rancher, and Other Agricultural Manager",
        ),
        (
            "Compensation, Benefits, and Job Analysis Specialists",
            "Compensation, Benefits, and Job Analysis Specialist",
        ),
        ("Medical Scientists, Except Epidemiologists", "Medical Scientist, Except Epidemiologists"),
        ("Nannies", "Nanny"),
        ("Waiters and Waitresses", "Waiter and Waitress"),
        ("Computer Systems Engineers/Architects", "Computer Systems Engineer/Architect"),
        ("Clinical Coordinator", "Clinical Coordinator"),
    ],
)
def test_singular_titles(plural: str, singular: str) -> None:
    assert singular_title(plural) == singular


def test_every_occupation_title_singularises() -> None:
    changed = [
        o["title"] for o in occupations().values() if singular_title(o["title"]) == o["title"]
    ]
    # Only residual categories ("..., All Other"), "Clergy" and the like stay as they are.
    assert all(
        "All Other" in t or not t.endswith("s") or t == "Transit and Railroad Police"
        for t in changed
    )


def test_cli_guide_list_search() -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["guide", "list", "--search", "nurse", "--limit", "40"])
    assert result.exit_code == 0
    assert "onet:29-1141.00" in result.output and "Registered Nurses" in result.output
    assert "Nursery" not in result.output
    result = runner.invoke(cli, ["guide", "list"])
    assert result.exit_code == 0 and "clinical-coordinator" in result.output
    assert "--search" in result.output
    result = runner.invoke(cli, ["guide", "list", "--search", "qwertyuiop zzyzx"])
    assert result.exit_code == 1 and "no O*NET occupation matches" in result.output
    assert search_occupations("retail store manager")[0][0] == "onet:41-1011.00"

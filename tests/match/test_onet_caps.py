"""O*NET guides in matching and documents: capped requirements, readable packets, attribution.

Also walks every one of the 1,016 occupations through guide loading and matching.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from appkit.documents.tailor import tailor
from appkit.documents.target import resolve_target
from appkit.engine import Engine
from appkit.errors import InputError
from appkit.guide.library import load_guide
from appkit.guide.occupations import occupation_guide, occupations
from appkit.guide.onetindex import attribution
from appkit.match import caps
from appkit.match.engine import match_profile
from appkit.match.index import IndexCache, build_index
from appkit.match.requirements import build_requirements
from appkit.match.terms import base_lexicon
from appkit.options import Options
from appkit.packet import Inputs, doc_info, render_documents
from appkit.profile.load import load_profile
from appkit.profile.model import Profile

ROOT = Path(__file__).resolve().parents[2]
DEREK = ROOT / "profiles" / "derek-walsh.yaml"
PRIYA = ROOT / "profiles" / "priya-raman.yaml"
HEAVY = ["15-1252.00", "15-1253.00", "29-1141.00", "41-1011.00"]
PREP_PAGES, REPORT_PAGES = 6, 3


@cache
def _profile(path: Path) -> Profile:
    return load_profile(path)


def test_requirements_are_capped_and_ranked() -> None:
    guide = occupation_guide("15-1252.00")  # 426 tools, 19 untyped tasks, no skill ratings
    reqs = build_index(guide).requirements
    by_category: dict[str, list[str]] = {}
    for r in reqs:
        by_category.setdefault(r.category, []).append(r.id)
    assert len(by_category["tool"]) == caps.MAX_TOOLS
    assert len(by_category["responsibility"]) == caps.MAX_TASKS
    assert by_category["responsibility"] == [
        f"responsibilities[{i}]" for i in range(caps.MAX_TASKS)
    ]
    tools = [r for r in reqs if r.category == "tool"]
    # Ids still point at the guide's own entries, and every kept tool is hot / in demand.
    for r in tools:
        index = int(r.id.split("[")[1].rstrip("]"))
        assert guide.tools[index].name == r.name and guide.tools[index].hot
    assert len({r.group for r in tools}) == len(tools)  # one of each kind first
    assert len(guide.tools) == 426  # the guide itself is untouched


def test_skills_below_the_importance_threshold_are_dropped() -> None:
    guide = occupation_guide("29-1141.00")
    kept = [r for r in build_index(guide).requirements if r.category == "technical_skill"]
    assert 0 < len(kept) <= caps.MAX_SKILLS
    rated = {s.name: s.importance for s in guide.technical_skills}
    assert all((rated[r.name] or 0) >= caps.MIN_IMPORTANCE for r in kept)
    assert any((i or 0) < caps.MIN_IMPORTANCE for i in rated.values())  # some were dropped
    assert not any(r.category == "education" for r in build_index(guide).requirements)


def test_builtin_guides_are_not_capped() -> None:
    guide = load_guide("clinical-coordinator")
    uncapped = build_requirements(guide, None, base_lexicon().copy())
    assert [r.id for r in build_index(guide).requirements] == [r.id for r in uncapped]


def test_a_degree_name_is_no_evidence_of_an_onet_skill() -> None:
    """'Science' (an O*NET skill) is not shown by 'Bachelor of Science in Public Health'."""
    profile = _profile(PRIYA)
    assert any("Science" in e.degree for e in profile.education)
    guide = occupation_guide("19-1042.00")  # Medical Scientists: Science is an important skill
    assert any(s.name == "Science" and (s.importance or 0) >= 3 for s in guide.technical_skills)
    result = match_profile(profile, guide)
    science = next(r for r in result.requirements if r.name == "Science")
    assert science.status == "missing"
    assert all(e.kind != "degree" for e in science.evidence)
    assert "Science" not in tailor(profile, guide).competencies


def test_every_occupation_loads_and_matches() -> None:
    """All 1,016 occupations: a guide and a match, or (93 without tasks) a clear message."""
    profile = _profile(DEREK)
    cache = IndexCache(size=2)
    loaded = refused = 0
    for code, occupation in occupations().items():
        try:
            guide = occupation_guide(code)
        except InputError as error:
            assert not occupation["tasks"] and "has no tasks" in str(error)
            refused += 1
            continue
        result = match_profile(profile, guide, index_cache=cache)
        assert result.requirements and 0 <= result.overall <= 100
        assert len(result.requirements) <= (
            caps.MAX_TASKS + caps.MAX_TOOLS + caps.MAX_SKILLS + caps.MAX_SOFT_SKILLS
        )
        assert result.target_title == guide.title
        loaded += 1
    assert (loaded, refused) == (923, 93)


def _pages(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(p.extract_text() or "" for p in reader.pages)


@cache
def _engine() -> Engine:
    return Engine()


@pytest.mark.parametrize("code", HEAVY)
def test_heavy_occupations_give_a_readable_packet(code: str) -> None:
    inputs = Inputs(profile=_profile(DEREK), guide=load_guide(f"onet:{code}"))
    options = Options(date="2026-01-15", formats=("pdf", "txt"))
    files = render_documents(["interview", "report"], inputs, options, engine=_engine())
    prep_pages, _ = _pages(files["interview-prep.pdf"])
    report_pages, report = _pages(files["gap-report.pdf"])
    assert prep_pages <= PREP_PAGES, f"{code}: interview prep has {prep_pages} pages"
    assert report_pages <= REPORT_PAGES, f"{code}: gap report has {report_pages} pages"
    # The gap report carries the source and the licence attribution.
    text = files["gap-report.txt"].decode()
    assert f"O*NET-SOC {code}" in " ".join(text.split())
    assert "Used under the CC BY 4.0 license" in " ".join(text.split())


def test_prose_and_metadata_use_the_singular_title_and_the_attribution() -> None:
    profile = _profile(DEREK)
    guide = load_guide("onet:15-1252.00")
    inputs = Inputs(profile=profile, guide=guide)
    tailored = tailor(profile, guide)
    target = resolve_target(tailored, guide)
    assert target.title == "Software Developer"
    info = doc_info("cover", inputs, tailored, target)
    assert info.title.endswith("Cover Letter – Software Developer")
    assert info.description.startswith("This file includes information from the O*NET 29.3")
    assert info.description.endswith("Used under the CC BY 4.0 license.")  # whole sentences
    assert len(info.description) <= 250 and attribution().startswith(info.description)
    files = render_documents(
        ["cover"], inputs, Options(date="2026-01-15", formats=("txt",)), engine=_engine()
    )
    letter = " ".join(files["cover-letter.txt"].decode().split())
    assert "Software Developers position" not in letter
    assert "Software Developer position" in letter


def test_cli_packet_with_an_occupation_title(tmp_path: Path) -> None:
    """`appkit packet profiles/derek-walsh.yaml --guide "retail store manager"`, no download."""
    from click.testing import CliRunner

    from appkit.cli import cli

    args = ["packet", str(DEREK), "--guide", "retail store manager", "-f", "pdf,txt"]
    result = CliRunner().invoke(cli, [*args, "-o", str(tmp_path), "--date", "2026-01-15"])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "derek-walsh"
    letter = " ".join((folder / "Derek-Walsh-Cover-Letter.txt").read_text().split())
    assert "Retail Store Manager position" in letter
    prep, _ = _pages((folder / "Derek-Walsh-Interview-Prep.pdf").read_bytes())
    report, _ = _pages((folder / "Derek-Walsh-Gap-Report.pdf").read_bytes())
    assert prep <= PREP_PAGES and report <= REPORT_PAGES

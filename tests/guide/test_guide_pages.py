"""Career-guide pages in other sites' layouts parse as tests/data/guides/pages/expected.yaml says.

Each page (BLS-style handbook, O*NET OnLine text, CareerOneStop Markdown, state career site,
education site, training provider, healthcare jobs site, career blog) must give the expected
title, the sections it has (counts, samples, pay figures, levels), nothing for the sections it
lacks, and none of its site chrome in any field.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from appkit.cli import cli
from appkit.errors import InputError
from appkit.guide.extract import money
from appkit.guide.library import dump_guide, load_guide
from appkit.guide.model import Guide

PAGES = Path(__file__).resolve().parents[1] / "data" / "guides" / "pages"
EXPECTED = yaml.safe_load((PAGES / "expected.yaml").read_text(encoding="utf-8"))["pages"]


def fold(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    text = text.replace("\u201d", '"').replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", text).strip().casefold()


@cache
def parsed(file: str) -> Guide:
    return load_guide(PAGES / file)


def entries(guide: Guide, key: str) -> list[str]:
    """The strings a section's samples are looked for in, one per item."""
    skills = [" ".join([s.name, s.acronym or "", *s.examples]) for s in guide.technical_skills]
    softs = [f"{s.name} {s.description or ''}" for s in guide.soft_skills]
    table: dict[str, list[str]] = {
        "overview": [guide.summary, *guide.overview] if guide.summary else list(guide.overview),
        "responsibilities": list(guide.responsibilities),
        "technical_skills": skills,
        "soft_skills": softs,
        "skills": skills + softs,
        "knowledge": [k.name for k in guide.knowledge],
        "tools": [t.name for t in guide.tools],
        "work_environment": [guide.work_environment] if guide.work_environment else [],
        "education": list(guide.education),
        "education_training": list(guide.education_training),
        "certifications": [f"{c.acronym or ''} {c.name}" for c in guide.certifications],
        "steps": [f"{s.title} {s.text}" for s in guide.steps],
        "salary_levels": [s.level for s in guide.salary_levels],
        "outlook": [guide.key_facts.growth_outlook] if guide.key_facts.growth_outlook else [],
        "career_levels": [c.title for c in guide.career_levels],
        "faq": [q.question for q in guide.faq],
        "related_careers": [r.title for r in guide.related_careers],
    }
    if key == "salary":
        facts = guide.key_facts
        return [str(v) for v in (facts.median_salary, facts.salary_range) if v]
    return table[key]


def check_section(guide: Guide, key: str, spec: dict[str, Any]) -> list[str]:
    """Every way the section differs from its spec, as messages."""
    found = entries(guide, key)
    folded = [fold(e) for e in found]
    errors: list[str] = []
    if not found:
        return [f"{key}: not found"]
    if "count" in spec and len(found) != spec["count"]:
        errors.append(f"{key}: {len(found)} items, expected {spec['count']}: {found}")
    if len(found) < spec.get("min", 0) or len(found) > spec.get("max", 10**6):
        errors.append(f"{key}: {len(found)} items, expected {spec.get('min')}-{spec.get('max')}")
    for sample in spec.get("samples", []):
        if not any(fold(sample) in e for e in folded):
            errors.append(f"{key}: no item contains {sample!r}: {found}")
    tools = {fold(t.name): t.hot for t in guide.tools}
    for name in spec.get("hot", []):
        if not tools.get(fold(name)):
            errors.append(f"{key}: {name!r} should be hot")
    for name in spec.get("not_hot", []):
        if tools.get(fold(name), True):
            errors.append(f"{key}: {name!r} should be listed and not hot")
    facts = guide.key_facts
    if "amount" in spec and facts.median_salary != spec["amount"]:
        errors.append(f"{key}: median {facts.median_salary}, expected {spec['amount']}")
    bounds = money(facts.salary_range or "")
    for bound in ("low", "high"):
        if bound in spec and spec[bound] not in bounds:
            errors.append(f"{key}: {bound} {spec[bound]} not in range {facts.salary_range!r}")
    if "levels" in spec:
        got = [(fold(s.level), s.median) for s in guide.salary_levels]
        wanted = [(fold(level), amount) for level, amount in spec["levels"]]
        if len(got) != len(wanted) or any(
            w[0] not in g[0] or w[1] != g[1] for g, w in zip(got, wanted, strict=False)
        ):
            errors.append(f"{key}: levels {got}, expected {wanted}")
    if "titles" in spec:
        titles = [fold(c.title) for c in guide.career_levels]
        if len(titles) != len(spec["titles"]) or any(
            fold(w) not in g for g, w in zip(titles, spec["titles"], strict=False)
        ):
            errors.append(f"{key}: titles {titles}, expected {spec['titles']}")
    if "years" in spec:
        years = [[c.years_min, c.years_max] for c in guide.career_levels]
        if years != spec["years"]:
            errors.append(f"{key}: years {years}, expected {spec['years']}")
    return errors


def page_errors(page: dict[str, Any]) -> list[str]:
    guide = parsed(page["file"])
    errors: list[str] = []
    titles = [fold(t) for t in [page["title"], *page.get("title_variants", [])]]
    if fold(guide.title) not in titles:
        errors.append(f"title {guide.title!r}, expected {page['title']!r}")
    for key, spec in page["sections"].items():
        errors += check_section(guide, key, spec)
    for key in page["absent"]:
        if entries(guide, key):
            errors.append(f"{key}: should be absent, found {entries(guide, key)}")
    fields = " ".join(
        fold(e)
        for key in ("responsibilities", "skills", "knowledge", "tools")
        for e in entries(guide, key)
    )
    for heading in page.get("ignored_headings", []):
        if fold(heading) in fields:
            errors.append(f"ignored heading {heading!r} reached a list")
    dumped = fold(json.dumps(guide.model_dump(mode="json"), ensure_ascii=False))
    errors += [f"junk {junk!r} in the guide" for junk in page["junk"] if fold(junk) in dumped]
    return errors


@pytest.mark.parametrize("page", EXPECTED, ids=[p["file"] for p in EXPECTED])
def test_page_parses_as_expected(page: dict[str, Any]) -> None:
    errors = page_errors(page)
    assert not errors, "\n".join(errors)


def test_at_least_six_pages_in_three_formats_parse_fully() -> None:
    passing = [p for p in EXPECTED if not page_errors(p)]
    assert len(passing) >= 6
    assert {p["format"] for p in passing} == {"txt", "md", "html"}


# Pages in layouts the fixtures do not use: the parser must not depend on the fixtures' wording.
PHLEBOTOMIST_HTML = """<!doctype html><html><head>
<title>Phlebotomist Job Description | Jobs Site</title>
<script>var tracking = "pixel";</script></head><body>
<div class="cookie-notice">We use cookies. <button>OK</button></div>
<div id="content">
<h1>Phlebotomist Job Description</h1>
<p>Phlebotomists draw blood from patients and donors for tests, transfusions and research.</p>
<h2>Job Duties</h2>
<ul><li>Draw blood by venipuncture or finger stick.</li><li>Label and track every sample.</li>
<li>Calm anxious patients before the draw.</li></ul>
<h2>Required Skills</h2>
<ul><li>Venipuncture</li><li>Attention to detail</li></ul>
<h2>Average Salary</h2>
<p>Phlebotomists earn an average of $41,800 per year.</p>
<h2>Frequently Asked Questions</h2>
<h3>Is phlebotomy hard to learn?</h3><p>Most programs take under a year.</p>
<h3>Do phlebotomists need a license?</h3><p>Only in a few states.</p>
<div class="share-bar">Share on Facebook</div>
</div>
<footer><a href="/about">About us</a> Follow us everywhere</footer>
</body></html>
"""

PARALEGAL_MD = """# How to Become a Paralegal

*Updated March 2025*

Paralegals support lawyers by researching cases and preparing documents.

## What Does a Paralegal Do?

They organise files, draft documents and keep deadlines.

## Paralegal Duties

1. Research laws and earlier decisions.
2. Draft contracts, motions and letters.
3. Organise evidence for trials.

## Skills

* Legal research (Westlaw, LexisNexis)
* Writing
* Time management: deadlines are strict.

## Paralegal Salary

The median pay for paralegals is $59,200 per year.

## Job Outlook

Employment of paralegals is projected to grow 4% over the next ten years.

## Related Careers

- Legal Secretary
- Court Reporter
"""

ELECTRICIAN_TXT = """Electrician

What electricians do
Electricians install and repair wiring in homes, factories and offices. An electrician reads
blueprints, follows the electrical code and tests every circuit before it goes live.

Typical duties
Install wiring, outlets and lighting
Read blueprints and technical diagrams
Find faults with testing equipment

Skills and abilities
- Reading blueprints
- Manual dexterity
- Color vision

How to become an electrician
1. Finish high school.
2. Complete a four-year apprenticeship.
3. Pass the state licensing exam.

Pay
Median pay: $61,590 per year
Most electricians work full time; an electrician's pay rises with the license held.
"""


def test_unseen_layouts(tmp_path: Path) -> None:
    html = tmp_path / "phlebotomist.htm"
    html.write_text(PHLEBOTOMIST_HTML, encoding="utf-8")
    guide = load_guide(html)
    assert guide.title == "Phlebotomist"
    assert len(guide.responsibilities) == 3 and guide.responsibilities[0].startswith("Draw blood")
    names = [s.name for s in [*guide.technical_skills, *guide.soft_skills]]
    assert names == ["Venipuncture", "Attention to detail"]
    assert guide.key_facts.median_salary == 41800
    assert [q.question for q in guide.faq] == [
        "Is phlebotomy hard to learn?",
        "Do phlebotomists need a license?",
    ]
    dumped = guide.model_dump_json()
    for junk in ("cookies", "Share on", "Follow us", "tracking", "About us"):
        assert junk not in dumped

    markdown = tmp_path / "paralegal.md"
    markdown.write_text(PARALEGAL_MD, encoding="utf-8")
    guide = load_guide(markdown)
    assert guide.title == "Paralegal"
    assert guide.summary.startswith("Paralegals support lawyers")
    assert len(guide.responsibilities) == 3
    assert [s.name for s in guide.technical_skills] == ["Legal research"]
    assert guide.technical_skills[0].examples == ["Westlaw", "LexisNexis"]
    assert {s.name for s in guide.soft_skills} == {"Writing", "Time management"}
    assert guide.key_facts.median_salary == 59200
    assert guide.key_facts.growth_outlook and "4%" in guide.key_facts.growth_outlook
    assert [r.title for r in guide.related_careers] == ["Legal Secretary", "Court Reporter"]
    assert "Updated" not in guide.model_dump_json()

    text = tmp_path / "electrician.txt"
    text.write_text(ELECTRICIAN_TXT, encoding="utf-8")
    guide = load_guide(text)
    assert guide.title == "Electrician"
    assert guide.responsibilities == [
        "Install wiring, outlets and lighting",
        "Read blueprints and technical diagrams",
        "Find faults with testing equipment",
    ]
    assert guide.overview[0].startswith("Electricians install and repair wiring")
    assert len(guide.technical_skills) + len(guide.soft_skills) == 3
    assert [s.title for s in guide.steps] == [
        "Finish high school",
        "Complete a four-year apprenticeship",
        "Pass the state licensing exam",
    ]
    assert guide.key_facts.median_salary == 61590


def test_a_page_without_duties_or_skills_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "about.html"
    page.write_text(
        "<html><body><main><h1>Welder Career Guide</h1><h2>Pay</h2><p>$50,000 a year.</p>"
        "</main></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        load_guide(page)
    [problem] = info.value.problems
    assert problem.file == str(page) and problem.where == "responsibilities"
    assert "no responsibilities or skills found" in problem.message
    untitled = tmp_path / "untitled.md"
    untitled.write_text("Some notes.\n\n## Duties\n\n- Weld.\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_guide(untitled)
    assert [p.where for p in info.value.problems] == ["title"]
    assert str(info.value).startswith(f"{untitled}: title: no title found")


def test_guide_show_reports_found_and_missing_sections() -> None:
    page = PAGES / "blog-retail-store-manager.txt"
    result = CliRunner().invoke(cli, ["guide", "show", str(page)])
    assert result.exit_code == 0, result.output
    sections = result.stdout.split("\nSections\n", 1)[1].splitlines()
    states = dict(line.strip().split(": ", 1) for line in sections if line.strip())
    assert states["Responsibilities"] == "8"
    assert states["FAQ"] == "4"
    assert states["Pay"] == "found"
    assert states["Related careers"] == "not found"
    assert states["Job outlook"] == "not found"
    assert result.stdout.startswith("Retail Store Manager\n")


# A career-site article: duties answer "What does a X do?", requirements carry Education /
# Certifications / Skills sub-headings, and the steps are numbered sub-headings.
ARTICLE_HTML = """<html>
<head>
<title>What Does a Physical Therapist Do? (With Duties and Skills) | CareerSite.example</title>
</head>
<body>
<div id="root">
<header>
<nav><a href="/">Home</a><a href="/jobs">Find jobs</a>
</nav>
</header>
<div class="article-container">
<div class="article-header">
<h1>What Does a Physical Therapist Do? (With Duties and Skills)</h1>
<div class="author-byline">By the Editorial Team</div>
<div>Updated June 9, 2025</div>
</div>
<div class="article-body">
<p>Physical therapists help injured or ill people improve movement and manage pain. In this
article, we explain what they do.</p>
<p><strong>Related:</strong> <a href="/x">12 Jobs in Healthcare</a>
</p>
<h2>What is a physical therapist?</h2>
<p>A physical therapist is a licensed healthcare professional who treats movement problems.</p>
<h2>What does a physical therapist do?</h2>
<p>Physical therapists perform many duties, including:</p>
<ul>
<li>Reviewing patients' medical history and referrals</li>
<li>Diagnosing movement dysfunction by observing patients</li>
<li>Setting up a plan of care with goals</li>
<li>Using exercises, stretching and hands-on therapy</li>
</ul>
<h2>Average salary</h2>
<p>The national average salary for a physical therapist is <b>$97,720 per year</b>. Salaries
depend on experience and location.</p>
<h2>Physical therapist requirements</h2>
<h3>Education</h3>
<p>Physical therapists need a Doctor of Physical Therapy (DPT) degree.</p>
<h3>Certifications</h3>
<p>Every state requires a license; candidates must pass the National Physical Therapy
Examination (NPTE). Many employers also want Basic Life Support (BLS) certification.</p>
<h3>Skills</h3>
<ul>
<li><strong>Communication skills:</strong> explaining treatment to patients.</li>
<li><strong>Physical stamina:</strong> therapists spend hours on their feet.</li>
<li><strong>Attention to detail:</strong> keeping accurate notes.</li>
</ul>
<h2>Physical therapist work environment</h2>
<p>Physical therapists work in hospitals, clinics and patients' homes.</p>
<h2>How to become a physical therapist</h2>
<h3>1. Earn a bachelor's degree</h3>
<p>Most programs want a science degree.</p>
<h3>2. Complete a DPT program</h3>
<p>Programs take about three years.</p>
<h3>3. Get licensed</h3>
<p>Pass the NPTE and apply to your state board.</p>
<h2>Job outlook</h2>
<p>Employment of physical therapists is expected to grow 14% from 2023 to 2033.</p>
<div class="disclaimer">
<p>Please note that none of the companies mentioned are affiliated with us.</p>
</div>
<h2>Explore more articles</h2>
<ul>
<li><a href="/a">How to Write a Cover Letter</a>
</li>
</ul>
</div>
</div>
<footer>© 2025 CareerSite</footer>
</div>
</body>
</html>
"""


def test_article_layout(tmp_path: Path) -> None:
    page = tmp_path / "pt.html"
    page.write_text(ARTICLE_HTML, encoding="utf-8")
    guide = load_guide(page)
    assert guide.title == "Physical Therapist"
    assert len(guide.responsibilities) == 4 and guide.overview == [
        "A physical therapist is a licensed healthcare professional who treats movement problems."
    ]
    assert guide.education == [
        "Physical therapists need a Doctor of Physical Therapy (DPT) degree."
    ]
    assert [c.acronym for c in guide.certifications] == ["NPTE", "BLS"]
    assert [s.name for s in guide.soft_skills] == [
        "Communication skills",
        "Physical stamina",
        "Attention to detail",
    ]
    assert [s.title for s in guide.steps] == [
        "Step 1: Earn a bachelor's degree",
        "Step 2: Complete a DPT program",
        "Step 3: Get licensed",
    ]
    assert guide.key_facts.median_salary == 97720
    assert "14%" in (guide.key_facts.growth_outlook or "")
    dumped = guide.model_dump_json()
    for junk in ("Related:", "Updated June", "Editorial Team", "affiliated", "Cover Letter"):
        assert junk not in dumped


def test_refused_characters_are_input_errors(tmp_path: Path) -> None:
    """Text the model refuses (a bidi override in a skill) is an InputError, not a pydantic one."""
    page = tmp_path / "tech.html"
    page.write_text(
        "<main><h1>Lab Technician</h1><h2>Skills</h2><ul><li>Pipetting (manual\u202e, robotic)</li>"
        "</ul><h2>Tools</h2><p>Labs use systems like LIMS\u202e and ELN.</p></main>",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        load_guide(page)
    assert all(p.file == str(page) for p in info.value.problems)
    assert "technical_skills" in str(info.value) and "U+202E" in str(info.value)


@pytest.mark.parametrize("page", EXPECTED, ids=[p["file"] for p in EXPECTED])
def test_parsed_page_exports_and_reloads(page: dict[str, Any], tmp_path: Path) -> None:
    guide = parsed(page["file"])
    exported = tmp_path / "guide.yaml"
    exported.write_text(dump_guide(guide), encoding="utf-8")
    assert load_guide(exported) == guide


def test_title_fallbacks(tmp_path: Path) -> None:
    """No heading pattern: a web page's <h1>, else its <title>; a text page's opening line."""
    duties = "<h2>Duties</h2><ul><li>Weld joints.</li></ul>"
    page = tmp_path / "a.html"
    page.write_text(f"<title>Welder Jobs | Site</title><main>{duties}</main>", encoding="utf-8")
    assert load_guide(page).title == "Welder"
    page.write_text(f"<main><p>Welding pays well.</p>{duties}</main>", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_guide(page)
    assert [p.where for p in info.value.problems] == ["title"]
    text = tmp_path / "b.txt"
    text.write_text("Pipe Welder\n\nDuties\nWeld joints\nRead plans\n", encoding="utf-8")
    guide = load_guide(text)
    assert (guide.title, guide.responsibilities) == ("Pipe Welder", ["Weld joints", "Read plans"])

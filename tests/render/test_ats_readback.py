"""ATS read-back: every resume, read as a naive parser reads it, gives back its fields intact.

Name, e-mail, phone, every address, every job's title, company and dates, every school and
degree must come back as separate values (tests/render/ats.py explains the reader) for the five
sample profiles and five fixtures made to be hard: diacritics and no phone, a long hyphenated
name, six jobs over three pages, a new graduate, a logistics background. Every built-in design
is held to it. The figures print with `pytest -s`.
"""

from __future__ import annotations

import pytest

import appkit
from appkit.options import Options
from tests.conftest import DATA, PROFILES
from tests.render.ats import layout_faults, parse, read_lines, score, text_items

FIXTURES = sorted((DATA / "profiles").glob("ats-*.yaml"))
ALL = PROFILES + FIXTURES
DESIGNS = ("classic", "modern", "compact")


@pytest.fixture(scope="module")
def designs() -> dict[str, dict[str, bytes]]:
    """Each design's resume PDF of each profile, rendered once in-process."""
    engine = appkit.Engine()
    out: dict[str, dict[str, bytes]] = {}
    for design in DESIGNS:
        options = Options(date="2026-01-15", formats=("pdf",), theme=design)
        for path in ALL:
            inputs = appkit.load_inputs(path)
            files = appkit.build_packet(inputs, options, ["resume"], engine).files
            pdf = next(data for name, data in files.items() if name.endswith(".pdf"))
            out.setdefault(design, {})[path.stem] = pdf
    return out


@pytest.fixture(scope="module")
def resumes(designs: dict[str, dict[str, bytes]]) -> dict[str, bytes]:
    """The classic design's resumes."""
    return designs["classic"]


def test_fixtures_cover_the_hard_cases(resumes: dict[str, bytes]) -> None:
    assert len(PROFILES) >= 5 and len(FIXTURES) >= 5
    pages = len({line.page for line in read_lines(text_items(resumes["ats-six-jobs"]))})
    assert pages == 3  # headings, bullets and footers meet page breaks


@pytest.mark.parametrize("design", DESIGNS)
def test_every_field_reads_back(designs: dict[str, dict[str, bytes]], design: str) -> None:
    found = expected = 0
    misses = []
    for path in ALL:
        got, total, missed = score(appkit.load_profile(path), designs[design][path.stem])
        print(f"ATS read-back {design} {path.stem}: {got}/{total}")
        found, expected = found + got, expected + total
        misses += [f"{path.stem}: {m}" for m in missed]
    print(f"ATS read-back {design} total: {found}/{expected} ({100 * found / expected:.0f}%)")
    assert expected >= 120
    assert misses == []


@pytest.mark.parametrize("design", DESIGNS)
@pytest.mark.parametrize("name", [p.stem for p in ALL])
def test_no_layout_faults(designs: dict[str, dict[str, bytes]], design: str, name: str) -> None:
    assert layout_faults(parse(designs[design][name])) == []


def test_contact_values_are_separate(resumes: dict[str, bytes]) -> None:
    contact = parse(resumes["maria-santos"]).header[2]
    assert contact.values == [
        "maria.santos@example.com",
        "(602) 555-0143",
        "Phoenix, AZ",
        "linkedin.com/in/maria-santos-ccma-example",
    ]


def test_long_name_stays_on_one_line(resumes: dict[str, bytes]) -> None:
    first = parse(resumes["ats-long-name"]).lines[0]
    assert first.text == "Anne-Marie Konstantinopoulou-Vasquez-Fitzgerald"


def test_reader_catches_the_old_markup() -> None:
    """The reader fails what it should: a whitespace-edged '·' span glues its neighbours."""
    from weasyprint import HTML

    html = (
        '<p style="font: 10pt Lato">a@b.co<span>&#160;· </span>(602) 555-0143</p>'
        '<ul style="font: 10pt Lato"><li>one</li><li>two</li></ul>'
    )
    resume = parse(HTML(string=html).write_pdf())
    assert resume.email == "a@b.co·(602)"
    assert any("bullet drawn apart" in f for f in layout_faults(resume))


def test_word_joiners_never_reach_the_text(resumes: dict[str, bytes]) -> None:
    text = "".join(item.text for item in text_items(resumes["priya-raman"]))
    assert "\u2060" not in text and "follow-up" in text


def test_links_print_their_address() -> None:
    from appkit.render.themes import display_url

    assert display_url("https://www.linkedin.com/in/x/") == "linkedin.com/in/x"
    assert display_url("http://example.dev") == "example.dev"

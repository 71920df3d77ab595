"""--max-pages: the resume fits its page budget by dropping its least relevant bullets, then
tightening the spacing; it says what it dropped, and an impossible budget writes nothing."""

from __future__ import annotations

import io
import json
import re
from functools import cache
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from appkit.cli import cli
from appkit.documents.tailor import tailor
from appkit.documents.trim import OLDER_KEEP, RECENT_KEEP, TrimPlan, drop_order
from appkit.options import Options
from appkit.packet import load_inputs, render_documents
from tests.conftest import DATA, ROOT

GUIDE = "clinical-coordinator"
DATE = "2026-12-01"
TWO_PAGES = ROOT / "profiles" / "james-okafor.yaml"  # two pages, the last a quarter full
TOO_LONG = ROOT / "profiles" / "linda-chen.yaml"  # two pages even with every optional bullet gone
FITS_DENSER = ROOT / "profiles" / "derek-walsh.yaml"  # the ordinary fit puts it on one page
ONE_PAGE = DATA / "profiles" / "ats-new-grad.yaml"


def pdf_pages(data: bytes) -> tuple[str, int]:
    """The PDF's text with its lines joined back (wrapped hyphens, word joiners), and its pages."""
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() or "" for page in reader.pages).replace("\u2060", "")
    return " ".join(re.sub(r"(?<=\w)-\n(?=\w)", "-", text).split()), len(reader.pages)


def docx_bullets(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    return [p.text for p in document.paragraphs if p.style is not None and "List" in p.style.name]


@cache
def budgeted() -> dict[str, bytes]:
    """James Okafor's resume and match.json with a one-page budget (rendered once)."""
    inputs = load_inputs(TWO_PAGES, GUIDE)
    options = Options(date=DATE, max_pages=1, file_names="plain")
    return render_documents(["resume", "match"], inputs, options)


def _highlights(profile: Path) -> list[tuple[str, str]]:
    """(job title, bullet) for every experience bullet of the profile."""
    loaded = load_inputs(profile).profile
    return [(job.title, text) for job in loaded.experience for text in job.highlights]


def test_a_two_page_resume_fits_one_page_with_every_job_kept() -> None:
    files = budgeted()
    unbudgeted = render_documents(
        ["resume"], load_inputs(TWO_PAGES, GUIDE), Options(date=DATE, formats=("pdf",))
    )
    assert pdf_pages(unbudgeted["resume.pdf"])[1] == 2
    text, pages = pdf_pages(files["resume.pdf"])
    assert pages == 1
    for title, _ in _highlights(TWO_PAGES):
        assert title in text
    for heading in ("EXPERIENCE", "EDUCATION", "SKILLS"):
        assert heading in text.upper()
    assert "james.okafor@example.com" in text


def test_the_docx_has_the_same_bullets_as_the_pdf_and_match_json_lists_the_dropped() -> None:
    files = budgeted()
    text, _ = pdf_pages(files["resume.pdf"])
    in_docx = set(docx_bullets(files["resume.docx"]))
    budget = json.loads(files["match.json"])["page_budget"]
    dropped = {entry["text"] for entry in budget["dropped"]}
    assert dropped and budget["pages_before"] == 2 and budget["pages"] == 1
    for _title, bullet in _highlights(TWO_PAGES):
        in_pdf = " ".join(bullet.split()) in text
        assert in_pdf == (bullet in in_docx) == (bullet not in dropped), bullet
    for entry in budget["dropped"]:
        assert entry["item"].startswith("experience[") and entry["relevance"] >= 0
    # Few layout passes: the ordinary fit's, every bullet dropped, the search, a looser density.
    assert budget["layouts"] <= 8


def test_the_cli_lists_each_dropped_bullet_and_with_v_the_trials(tmp_path: Path) -> None:
    args = ["resume", str(TWO_PAGES), "-g", GUIDE, "--date", DATE, "-f", "pdf"]
    result = CliRunner().invoke(cli, [*args, "-o", str(tmp_path), "--max-pages", "1", "-v"])
    assert result.exit_code == 0, result.output
    dropped = [line for line in result.stderr.splitlines() if line.startswith("dropped: ")]
    expected = json.loads(budgeted()["match.json"])["page_budget"]["dropped"]
    assert len(dropped) == len(expected)
    first = expected[0]
    assert f"({first['title']}, {first['organization']}), relevance" in dropped[0]
    assert "budget: all optional bullets:" in result.stderr
    assert "page budget 1: dropped" in result.stderr
    (pdf,) = tmp_path.rglob("*.pdf")
    assert pdf_pages(pdf.read_bytes())[1] == 1


def test_an_impossible_budget_is_an_error_naming_the_minimum_and_writes_nothing(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    args = ["resume", str(TOO_LONG), "-g", GUIDE, "--date", DATE, "-f", "pdf,docx"]
    result = CliRunner().invoke(cli, [*args, "-o", str(out), "--max-pages", "1"])
    assert result.exit_code == 1
    assert "cannot fit on 1 page(s)" in result.stderr
    assert "2 is the minimum" in result.stderr
    assert not out.exists() or not any(p.is_file() for p in out.rglob("*"))


@pytest.mark.parametrize(
    ("profile", "budget"), [(ONE_PAGE, 2), (FITS_DENSER, 1)], ids=["one-page", "fits-denser"]
)
def test_a_resume_within_its_budget_is_byte_identical(profile: Path, budget: int) -> None:
    inputs = load_inputs(profile, GUIDE)
    plain = render_documents(["resume"], inputs, Options(date=DATE))
    assert render_documents(["resume"], inputs, Options(date=DATE, max_pages=budget)) == plain


def test_drop_order_keeps_every_job_and_drops_from_the_bottom_of_each_job() -> None:
    inputs = load_inputs(DATA / "profiles" / "ats-six-jobs.yaml", GUIDE)
    tailored = tailor(inputs.profile, inputs.guide)
    order = drop_order(tailored, inputs.profile)
    trimmed = TrimPlan(tuple(order)).apply(tailored)
    assert len(trimmed.experience) == len(tailored.experience)
    pairs = zip(tailored.experience, trimmed.experience, strict=True)
    for position, (before, after) in enumerate(pairs):
        keep = RECENT_KEEP if position == 0 else OLDER_KEEP
        assert after.highlights == before.highlights[:keep]  # the top of the tailored order
        assert after.dropped == before.dropped + len(before.highlights) - len(after.highlights)
    assert TrimPlan().apply(tailored) is tailored
    # Least relevant first; of equal relevance, an unquantified bullet before a quantified one.
    worth = [(ref.relevance, ref.quantified) for ref in order]
    assert worth[0][0] == min(r for r, _ in worth)
    zero = [quantified for relevance, quantified in worth if relevance == worth[0][0]]
    assert zero == sorted(zero)


def test_bullets_of_equal_relevance_go_from_the_oldest_job_first() -> None:
    inputs = load_inputs(DATA / "profiles" / "ats-six-jobs.yaml")  # no guide: all relevance 0
    tailored = tailor(inputs.profile)
    order = drop_order(tailored, inputs.profile)
    unquantified = [ref.job for ref in order if not ref.quantified]
    assert unquantified == sorted(unquantified, reverse=True)
    assert order[0].job == len(tailored.experience) - 1

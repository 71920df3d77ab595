"""End to end: every sample profile becomes a resume that people and ATSs can read."""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from appkit.disk.write import generate
from appkit.options import Options
from appkit.packet import Inputs, load_inputs, render_documents
from appkit.profile.load import load_profile
from appkit.profile.model import Profile
from tests.conftest import DATA, PROFILES

SECTION_HEADINGS = {
    "summary": "Summary",
    "experience": "Experience",
    "education": "Education",
    "certifications": "Certifications",
    "skills": "Skills",
}


def words(text: str) -> list[str]:
    return re.findall(r"[\w$%+#@.'’-]+", text.replace("\u00a0", " "))


def pdf_text(data: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"(?<=\w)-\n(?=\w)", "-", text), len(
        reader.pages
    )  # "32-\nbed" wrapped at the hyphen


def docx_paragraphs(data: bytes) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in docx.Document(io.BytesIO(data)).paragraphs]


@cache
def resume_files(profile_path: Path) -> dict[str, bytes]:
    inputs = load_inputs(profile_path, "clinical-coordinator")
    return render_documents(["resume"], inputs, Options(date="2026-01-15"))


def in_order(text: str, needles: list[str]) -> bool:
    flat = " ".join(text.split())
    position = 0
    for needle in needles:
        found = flat.find(" ".join(needle.split()), position)
        if found < 0:
            return False
        position = found + 1
    return True


@pytest.mark.parametrize("profile_path", PROFILES, ids=lambda p: p.stem)
def test_sample_resume_reads_back_in_order(profile_path: Path) -> None:
    profile = load_profile(profile_path)
    files = resume_files(profile_path)
    text, pages = pdf_text(files["resume.pdf"])
    assert 1 <= pages <= 2
    paragraphs = docx_paragraphs(files["resume.docx"])
    docx_text = "\n".join(t for _, t in paragraphs)
    basics = [profile.basics.name, profile.basics.email or "", profile.basics.phone or ""]
    headings = [h for key, h in SECTION_HEADINGS.items() if getattr(profile, key)]
    jobs = [s for job in profile.experience for s in (job.title, job.organization)]
    for reading in (text, docx_text):
        assert in_order(reading, [b for b in basics if b]), "contact block"
        assert in_order(reading.upper(), [h.upper() for h in headings]), "section headings"
        assert in_order(reading, jobs), "job titles and organizations"
    styles = dict((t.upper(), s) for s, t in paragraphs)
    assert styles[profile.basics.name.upper()] == "Title"
    assert all(styles[h.upper()] == "Heading 1" for h in headings)
    assert all(
        styles.get(job.title.upper(), s) for job in profile.experience for s in ["Heading 2"]
    )
    # Same words in both formats. CSS upper-cases headings, and the PDF's running footer
    # ("Name · Page 2 of 2") is page furniture that a DOCX gets from Word itself.
    footer = re.compile(rf"{re.escape(profile.basics.name)}\W+Page \d+ of \d+")
    pdf_words = sorted(w.lower() for w in words(footer.sub(" ", text)))
    assert pdf_words == sorted(w.lower() for w in words(docx_text))


def test_resume_docx_job_headings_are_heading_2_with_tabbed_dates() -> None:
    profile_path = next(p for p in PROFILES if p.stem == "linda-chen")
    document = docx.Document(io.BytesIO(resume_files(profile_path)["resume.docx"]))
    job_paras = [
        p for p in document.paragraphs if p.text.startswith("Senior Clinical Coordinator\t")
    ]
    assert job_paras and job_paras[0].style.name == "Heading 2"
    assert "Present" in job_paras[0].text.split("\t")[1]


@pytest.mark.parametrize(
    "hostile",
    ['<img src="file:///etc/passwd">', '<link rel=attachment href="file:///etc/passwd">'],
)
def test_hostile_profile_text_renders_literally(tmp_path: Path, hostile: str) -> None:
    profile = load_profile(DATA / "profiles" / "full.yaml")
    evil = profile.model_copy(update={"summary": f"Hello {hostile} world"})
    files = render_documents(["resume"], Inputs(profile=evil), Options(date="2026-01-15"))
    text, _ = pdf_text(files["resume.pdf"])
    assert hostile in " ".join(text.split()) or hostile.replace(" ", "") in text.replace(" ", "")
    reader = PdfReader(io.BytesIO(files["resume.pdf"]))
    assert "/EmbeddedFiles" not in str(reader.trailer["/Root"].get("/Names", {}))
    assert all(
        annot.get_object().get("/Subtype") != "/FileAttachment"
        for page in reader.pages
        for annot in page.get("/Annots", []) or []
    )
    assert b"root:x:0:0" not in files["resume.pdf"]
    assert hostile in "\n".join(t for _, t in docx_paragraphs(files["resume.docx"]))


GUIDES = {
    "yaml": None,  # exported from the built-in in the test
    "markdown": DATA / "guides" / "clinical-coordinator.md",
    "onet": None,
}


@pytest.mark.parametrize("kind", ["yaml", "markdown", "onet", "posting"])
def test_resume_with_every_kind_of_target(tmp_path: Path, kind: str) -> None:
    from appkit.guide.library import dump_guide, load_guide
    from appkit.guide.onet import build_onet_guide

    guide: str | Path | None = "clinical-coordinator"
    posting = None
    if kind == "yaml":
        guide = tmp_path / "guide.yaml"
        guide.write_text(dump_guide(load_guide("clinical-coordinator"), "yaml"))
    elif kind == "markdown":
        guide = DATA / "guides" / "clinical-coordinator.md"
    elif kind == "onet":
        guide = tmp_path / "nurse.yaml"
        guide.write_text(
            dump_guide(build_onet_guide(DATA / "onet" / "db_subset", "29-1141.00"), "yaml")
        )
    else:
        posting = DATA / "postings" / "clinical-coordinator.txt"
    profile = next(p for p in PROFILES if p.stem == "james-okafor")
    inputs = load_inputs(profile, guide, posting)
    outputs = generate(["resume"], inputs, Options(out_dir=tmp_path / "out", date="2026-01-15"))
    assert sorted(o.path.name for o in outputs) == [
        "James-Okafor-Resume.docx",
        "James-Okafor-Resume.pdf",
    ]
    meta = PdfReader(outputs[0].path if outputs[0].format == "pdf" else outputs[1].path).metadata
    assert meta is not None and "James Okafor" in (meta.title or "")
    if kind == "onet":
        assert "O*NET" in (meta.subject or "")
    if kind == "posting":
        assert inputs.posting is not None and inputs.posting.title in (meta.title or "")


def test_automatic_fit_only_tightens_when_it_saves_a_page() -> None:
    from appkit.documents.tailor import tailor
    from appkit.documents.target import resolve_target
    from appkit.packet import doc_info
    from appkit.packet.formats import fitted_pdf
    from appkit.render.html import Context, render_html

    tightened = 0
    for profile_path in PROFILES:
        inputs = load_inputs(profile_path, "clinical-coordinator")
        options = Options(date="2026-01-15")
        tailored = tailor(inputs.profile, inputs.guide)
        context = Context(
            doc=doc_info("resume", inputs, tailored, resolve_target(tailored, date=options.date)),
            profile=inputs.profile,
            tailored=tailored,
            guide=inputs.guide,
        )
        plain = render_html("resume", "classic", context)
        _, plain_pages = plain.pdf()
        chosen, data = fitted_pdf("resume", context, plain, options)
        _, pages = pdf_text(data)
        assert pages <= plain_pages
        if chosen.html != plain.html:
            tightened += 1
            assert pages < plain_pages and 'class="density-' in chosen.html
    assert tightened >= 1  # the sample set exercises the mechanism


@pytest.mark.parametrize("profile_path", PROFILES, ids=lambda p: p.stem)
def test_resume_names_no_requirement_the_profile_cannot_support(profile_path: Path) -> None:
    from appkit.documents.tailor import tailor

    inputs = load_inputs(profile_path, "clinical-coordinator")
    result = tailor(inputs.profile, inputs.guide).match
    assert result is not None
    text = " ".join(pdf_text(resume_files(profile_path)["resume.pdf"])[0].split()).casefold()
    short = ("technical_skill", "tool", "certification", "soft_skill")
    unsupported = [
        r.name for r in result.requirements if r.status != "covered" and r.category in short
    ]
    assert unsupported, "the sample should have gaps for this test to mean something"
    assert [n for n in unsupported if n.casefold() in text] == []


def test_senior_resume_leads_each_job_with_its_most_relevant_bullet() -> None:
    from appkit.documents.tailor import tailor

    profile_path = next(p for p in PROFILES if p.stem == "linda-chen")
    inputs = load_inputs(profile_path, "clinical-coordinator")
    tailored = tailor(inputs.profile, inputs.guide)
    relevance = tailored.match.relevance if tailored.match else {}
    text = " ".join(pdf_text(resume_files(profile_path)["resume.pdf"])[0].split())
    for job in tailored.experience:
        index = inputs.profile.experience.index(job.job)
        scores = {
            h: relevance.get(f"experience[{index}].highlights[{k}]", 0.0)
            for k, h in enumerate(job.job.highlights)
        }
        assert scores[job.highlights[0]] == max(scores.values())
        # and the PDF shows that bullet first under the job's title
        after_title = text[text.index(job.job.title) :]
        starts = [after_title.find(" ".join(h.split()[:6])) for h in job.highlights]
        assert min(starts) >= 0 and starts[0] == min(starts)


@pytest.mark.parametrize(
    ("name", "font"),
    [
        ("王小明", "CJK"),
        ("محمد الحداد", ""),
        ("प्रिया शर्मा", "Devanagari"),
        ("Zoë Ångström", "Lato"),
    ],
)
def test_names_in_other_scripts_render_as_text(name: str, font: str) -> None:
    profile = Profile.model_validate({"basics": {"name": name, "email": "a@example.com"}})
    files = render_documents(["resume"], Inputs(profile=profile), Options(date="2026-01-15"))
    text, _ = pdf_text(files["resume.pdf"])
    reader = PdfReader(io.BytesIO(files["resume.pdf"]))
    fonts = {
        str(f.get_object()["/BaseFont"])
        for page in reader.pages
        for f in (page["/Resources"].get("/Font") or {}).values()
    }
    # The name comes back as text (not tofu boxes), set in a font that has the glyphs.
    assert name.split()[0] in text or name.split()[0][::-1] in text
    assert any(font in f for f in fonts)

"""Cover letter: one page, names role and company, every experience claim quotes the profile."""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from appkit.documents.english import article, keeps_capital
from appkit.documents.letter import (
    CoverLetter,
    EvidencePoint,
    capitalised_words,
    compose_letter,
    letter_intro,
    long_date,
)
from appkit.documents.prep import compose_prep
from appkit.documents.tailor import tailor
from appkit.guide.library import load_guide
from appkit.guide.model import Guide, Posting
from appkit.guide.posting import load_posting
from appkit.loading.read import load_model
from appkit.profile.model import Profile
from appkit.render.docxwriter import render_docx
from appkit.render.html import Context, DocInfo, render_html
from tests.conftest import DATA, PROFILES

NAMES = [p.stem for p in PROFILES]
POSTINGS = [None, "clinical-coordinator.txt", "patient-care-coordinator.md"]
_FOOTER = re.compile(r"^.*·\s+(Interview prep|Skill-gap report)?\s*·?\s*Page \d+ of \d+\s*$", re.M)


@cache
def guide() -> Guide:
    return load_guide("clinical-coordinator")


@cache
def profile(name: str) -> Profile:
    return load_model(Path(__file__).resolve().parents[2] / "profiles" / f"{name}.yaml", Profile)


@cache
def posting(name: str | None) -> Posting | None:
    return load_posting(DATA / "postings" / name, vocabulary=guide()) if name else None


def build(
    kind: str,
    name: str,
    post: str | None = None,
    company: str | None = None,
    hiring_manager: str | None = None,
) -> tuple[Context, str, bytes, bytes]:
    """Context, HTML, PDF and DOCX of one document for a sample profile."""
    prof, g, p = profile(name), guide(), posting(post)
    t = tailor(prof, g, p)
    if company:
        t = t.model_copy(update={"company": company})
    letter = (
        compose_letter(
            prof,
            t,
            t.match,
            g,
            p,
            company=company,
            hiring_manager=hiring_manager,
            date="2026-01-15",
        )
        if kind == "cover"
        else None
    )
    prep = compose_prep(prof, t, t.match, g, p) if kind == "interview" else None
    doc = DocInfo(
        kind=kind, title=f"{prof.basics.name} – {kind}", author=prof.basics.name, date="2026-01-15"
    )
    ctx = Context(doc=doc, profile=prof, tailored=t, guide=g, posting=p, letter=letter, prep=prep)
    rendered = render_html(kind, "classic", ctx)
    return (
        ctx,
        rendered.html,
        rendered.pdf()[0],
        render_docx(rendered.html),
    )


def docx_paragraphs(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs if p.text.strip()]


def words(text: str) -> list[str]:
    """Word sequence for PDF/DOCX comparison: case-folded (CSS capitalises headings), line-end
    hyphens re-joined, bullets, quotes and list numbers (Word numbers lists itself) dropped."""
    text = re.sub(r"-\s*\n\s*", "-", text)
    text = re.sub(r"[•·“”\"]", " ", text)
    return [w for w in text.casefold().split() if not re.fullmatch(r"\d+\.", w)]


def pdf_words(data: bytes) -> list[str]:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return words(_FOOTER.sub("", text))


def profile_texts(prof: Profile) -> list[str]:
    """Every string of the profile, normalised to lower-case words."""
    out: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            out.append(norm(value))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(prof.model_dump())
    return out


def norm(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9$%+.,'-]+", text.lower().replace("’", "'"))).replace(
        " ,", ","
    )


def quotes_profile(sentence: str, texts: list[str]) -> bool:
    """True when 4+ consecutive words (or a number and its next word) appear in the profile."""
    tokens = [t.strip(".,;:") for t in norm(sentence).split()]
    blob = "\n".join(" ".join(t.strip(".,;:") for t in text.split()) for text in texts)
    for i in range(len(tokens)):
        window = " ".join(tokens[i : i + 4])
        if len(tokens[i : i + 4]) == 4 and window in blob:
            return True
        if (
            re.search(r"\d", tokens[i])
            and i + 1 < len(tokens)
            and f"{tokens[i]} {tokens[i + 1]}" in blob
        ):
            return True
    return False


def body_sentences(paragraphs: list[str]) -> list[str]:
    start = next(i for i, p in enumerate(paragraphs) if p.startswith("Dear "))
    end = paragraphs.index("Sincerely,")
    body = paragraphs[start + 1 : end]
    assert body, "the letter has no body"
    return [s for p in body for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“])", p) if s]


def states_experience(sentence: str, bullet_verbs: set[str]) -> bool:
    """First-person claims: 'I <verb>ed', 'I <a bullet's own verb>', or an 'At <Org>' opener."""
    if re.match(r"At [A-Z]", sentence) or re.search(r"\bI [a-z]+ed\b", sentence):
        return True
    return any(f" I {v} " in f" {sentence} " for v in bullet_verbs)


CASES = [(n, p, c) for n in NAMES for p in POSTINGS for c in (None, "Mercy Valley Clinic")]


@pytest.mark.parametrize(("name", "post", "company"), CASES)
def test_cover_letter_is_one_truthful_page(
    name: str, post: str | None, company: str | None
) -> None:
    ctx, html, pdf, data = build("cover", name, post, company)
    letter: CoverLetter = ctx.letter
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    paragraphs = docx_paragraphs(data)
    text = "\n".join(paragraphs)
    expected_company = company or (ctx.posting.company if ctx.posting else None)
    if expected_company:
        assert expected_company in text
    else:
        assert "your organization" in text
    assert letter.role in text and letter.role == (
        ctx.posting.title if ctx.posting else "Clinical Coordinator"
    )
    for bad in ("{{", "}}", "{%", "None", "TODO", "[", "]", "  ."):
        assert bad not in text, bad
    sentences = body_sentences(paragraphs)
    firsts = [s.split()[0].strip(",").lower() for s in sentences]
    assert len(firsts) == len(set(firsts)), firsts
    texts = profile_texts(ctx.profile)
    verbs = {t.split()[0].lower() for t in (p.text for p in letter.points + letter.support)}
    verbs |= {v.clause.split()[0] for v in letter.points + letter.support}
    claims = [s for s in sentences if states_experience(s, verbs)]
    assert claims, "no experience sentence found"
    for sentence in claims:
        assert quotes_profile(sentence, texts), sentence
    assert text.rstrip().endswith(ctx.profile.basics.name)


@pytest.mark.parametrize("name", NAMES)
def test_cover_pdf_and_docx_say_the_same(name: str) -> None:
    _, _, pdf, data = build(
        "cover", name, "clinical-coordinator.txt", hiring_manager="Ms. Ana Rivera"
    )
    assert pdf_words(pdf) == words("\n".join(docx_paragraphs(data)))


def test_points_are_top_responsibilities_with_quantified_bullets() -> None:
    ctx, *_ = build("cover", "maria-santos")
    letter = ctx.letter
    assert len(letter.points) == 2 and all(p.duty for p in letter.points)
    assert all(p.kind == "job" and p.quantified for p in letter.points)
    assert len({p.source for p in letter.points + letter.support}) == len(
        letter.points + letter.support
    )
    assert letter.strengths and letter.years_text


def test_new_graduate_letter_draws_on_projects_and_volunteering() -> None:
    ctx, _, _, data = build("cover", "priya-raman")
    letter = ctx.letter
    assert not letter.has_experience
    assert {p.kind for p in letter.points + letter.support} <= {"project", "volunteer"}
    text = "\n".join(docx_paragraphs(data))
    assert "Oak City Free Clinic" in text and "Bachelor of Science in Public Health" in text


def test_salutation_and_recipient() -> None:
    ctx, _, _, data = build(
        "cover", "linda-chen", "clinical-coordinator.txt", hiring_manager="Ms. Ana Rivera"
    )
    paragraphs = docx_paragraphs(data)
    assert "Dear Ms. Rivera," in paragraphs
    assert "January 15, 2026" in paragraphs
    assert ctx.letter.recipient == ["Ms. Ana Rivera", "Riverbend Community Health", "Dayton, OH"]
    ctx, *_ = build("cover", "linda-chen")
    assert ctx.letter.salutation == "Dear Hiring Manager,"


def test_clause_keeps_acronyms_and_strips_period() -> None:
    point = EvidencePoint(
        text="Registers 150 attendees.", source="x", kind="volunteer", role="Volunteer"
    )
    assert point.clause == "register 150 attendees"
    assert (
        EvidencePoint(text="EHR go-live lead.", source="x", kind="job", role="r").clause
        == "EHR go-live lead"
    )
    assert (
        EvidencePoint(text="Epic work.", source="x", kind="job", role="r", proper_lead=True).clause
        == "Epic work"
    )
    assert long_date("2026-01-15") == "January 15, 2026"


def test_evidence_helpers_live_in_evidence_module() -> None:
    import appkit.documents.evidence as evidence
    import appkit.documents.letter as letter
    import appkit.documents.prep as prep

    assert letter.EvidencePoint is evidence.EvidencePoint
    ann = prep.StarQuestion.model_fields["evidence"].annotation  # EvidencePoint | None
    assert evidence.EvidencePoint in (ann, *__import__("typing").get_args(ann))
    assert callable(prep.compose_prep) and prep.PrepSheet


ARTICLES = [
    # Spelled acronyms go by the first letter's name: "an R" (ar), "a U" (you).
    ("RN Care Coordinator", "an"),
    ("LPN", "an"),
    ("MBA", "an"),
    ("HR assistant", "an"),
    ("MSN-prepared nurse", "an"),
    ("FNP", "an"),
    ("EKG technician", "an"),
    ("RNs", "an"),
    ("X-ray technician", "an"),
    ("UX designer", "a"),
    ("CNA", "a"),
    ("BSN-prepared nurse", "a"),
    ("CMA", "a"),
    # Acronyms said as words go by the word's sound.
    ("HIPAA audit", "a"),
    ("NICU nurse", "a"),
    ("OSHA trainer", "an"),
    # Ordinary words by the first vowel letter, with the usual exceptions.
    ("assistant", "an"),
    ("Office Manager", "an"),
    ("Store Manager", "a"),
    ("Certified Medical Assistant", "a"),
    ("university", "a"),
    ("unit clerk", "a"),
    ("utilization review nurse", "a"),
    ("European clinic", "a"),
    ("one-time grant", "a"),
    ("uninsured patient", "an"),
    ("urgent care clinic", "an"),
    ("hour", "an"),
    ("honor", "an"),
    ("honest answer", "an"),
    ("hospital", "a"),
    ("MyChart rollout", "a"),
    ("Epic analyst", "an"),
    # Numbers by how they are said.
    ("8-week course", "an"),
    ("11-bed unit", "an"),
    ("18-month project", "an"),
    ("10-year veteran", "a"),
    ("110-bed hospital", "a"),
    ("$6.8M store", "a"),
    ("", "a"),
]


@pytest.mark.parametrize(("phrase", "expected"), ARTICLES)
def test_article_by_sound(phrase: str, expected: str) -> None:
    assert article(phrase) == expected


def test_role_with_article_reads_acronyms_by_letter() -> None:
    def point(role: str) -> EvidencePoint:
        return EvidencePoint(text="Ran it.", source="x", kind="job", role=role)

    assert point("RN Care Coordinator").role_with_article == "an RN Care Coordinator"
    assert point("LPN").role_with_article == "an LPN"
    assert point("UX Designer").role_with_article == "a UX Designer"
    assert point("Unit Clerk").role_with_article == "a Unit Clerk"


INTROS = [
    # Written in the first person: quoted as the candidate wrote it.
    ("I am a Spanish-speaking LPN with four years in home health.", "I am a Spanish-speaking LPN"),
    ("I’m an RN care coordinator. I love oncology.", "I’m an RN care coordinator."),
    # Anything else would need rewriting into "I am …", which is how letters broke: left out.
    ("Spanish-speaking LPN with four years in home health.", None),
    ("Ron has been building web apps for ten years.", None),
    ("A results-driven analyst with 5 years in retail.", None),
    ("Within my 7 years in hospitality, I learned to listen.", None),
]


@pytest.mark.parametrize(("summary", "start"), INTROS)
def test_intro_is_the_candidates_own_first_person_sentence(summary: str, start: str | None) -> None:
    intro = letter_intro(summary, frozenset({"Epic", "Cerner"}))
    assert intro == start if start is None else (intro or "").startswith(start)


def test_intro_capitals_come_from_the_profile() -> None:
    james = profile("james-okafor")  # speaks Igbo; not in the built-in proper adjectives
    assert "Igbo" in capitalised_words(james)
    priya = profile("priya-raman")  # "Oak City Free Clinic" is capitalised mid-sentence
    words = capitalised_words(priya)
    assert "Oak" in words and "Bachelor" not in words  # degree titles are not prose
    assert not keeps_capital("Registered", words) and keeps_capital("Spanish-speaking")

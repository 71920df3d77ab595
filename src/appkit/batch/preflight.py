"""An ATS preflight of one packet's resume: what applicant-tracking systems document they parse.

Greenhouse skips files over 2.5 MB and fails on tables, columns, headers/footers and contact
details outside the body; Taleo's default attachment limit is 1 MB; Lever: "if you cannot highlight
text, the document is likely not parseable" (see ../shared/notes/anchors.md, career centers). The
checks read the bytes appkit is about to write, the PDF back with pypdf and the DOCX with
python-docx, so they test the files themselves, not the template's intent.
"""

from __future__ import annotations

import io
import re
from typing import Any

from appkit.profile.model import Profile

SIZE_LIMIT = 1024 * 1024  # Taleo's default attachment limit, the strictest documented
STANDARD_HEADINGS = {
    "summary", "profile", "objective", "experience", "work experience", "professional experience",
    "education", "skills", "technical skills", "core competencies", "certifications", "licenses",
    "certifications and licenses", "projects", "volunteer experience", "volunteer", "awards",
    "honors", "languages", "publications", "leadership", "activities", "references",
}  # fmt: skip
_SPACE = re.compile(r"\s+")
# A running footer's page numbering ("Page 2 of 3", separators) carries nothing a parser needs.
_PAGE_NUMBERING = re.compile(r"\bpage\b|\bof\b|\d+|[|·•–-]", re.I)


def _resume_files(files: dict[str, bytes]) -> tuple[bytes | None, bytes | None]:
    """The resume's PDF and DOCX among a packet's files (named or plain file names)."""
    pdf = docx = None
    for name, data in files.items():
        stem = name.lower().rsplit(".", 1)[0]
        if stem == "resume" or stem.endswith("-resume"):
            if name.lower().endswith(".pdf"):
                pdf = data
            elif name.lower().endswith(".docx"):
                docx = data
    return pdf, docx


def _pdf_text(data: bytes) -> tuple[str, int]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages), len(reader.pages)


def _docx_facts(data: bytes) -> dict[str, Any]:
    import docx

    document = docx.Document(io.BytesIO(data))
    body = "\n".join(p.text for p in document.paragraphs)
    margins = " ".join(
        p.text
        for section in document.sections
        for part in (section.header, section.footer)
        for p in part.paragraphs
    ).strip()
    headings = [
        p.text.strip()
        for p in document.paragraphs
        if p.style.name == "Heading 1" and p.text.strip()
    ]
    return {"body": body, "tables": len(document.tables), "margins": margins, "headings": headings}


def _contact(profile: Profile) -> list[str]:
    basics = profile.basics
    return [v for v in (basics.email, basics.phone) if v]


def _contains(text: str, value: str) -> bool:
    return _SPACE.sub(" ", value).lower() in _SPACE.sub(" ", text).lower()


def preflight(files: dict[str, bytes], profile: Profile) -> dict[str, Any]:
    """The resume's checks as a flat mapping (report.csv columns); `ok` is true when all pass.

    Each check is True/False, or None when the packet has no file to check it on.
    """
    pdf, docx = _resume_files(files)
    result: dict[str, Any] = {
        "text_extractable": None,
        "contact_in_body": None,
        "no_tables": None,
        "nothing_in_header_footer": None,
        "standard_headings": None,
        "size_ok": None,
        "pages": None,
        "largest_file_kb": round(max((len(d) for d in files.values()), default=0) / 1024, 1),
    }
    contact = _contact(profile)
    sizes = [len(d) for d in (pdf, docx) if d is not None]
    if sizes:
        result["size_ok"] = max(sizes) <= SIZE_LIMIT
    if pdf is not None:
        text, pages = _pdf_text(pdf)
        result["pages"] = pages
        result["text_extractable"] = _contains(text, profile.basics.name)
        result["contact_in_body"] = all(_contains(text, c) for c in contact)
    if docx is not None:
        facts = _docx_facts(docx)
        result["no_tables"] = facts["tables"] == 0
        # Only what a parser would lose counts: a footer repeating the name beside the page number
        # ("Maria Santos | Page 2 of 3") loses nothing.
        margins = _PAGE_NUMBERING.sub(" ", facts["margins"]).split()
        result["nothing_in_header_footer"] = all(_contains(facts["body"], w) for w in margins)
        unusual = [h for h in facts["headings"] if h.lower() not in STANDARD_HEADINGS]
        result["standard_headings"] = not unusual
        in_body = all(_contains(facts["body"], c) for c in contact)
        result["contact_in_body"] = in_body and result["contact_in_body"] is not False
    checks = [v for k, v in result.items() if k not in ("pages", "largest_file_kb")]
    result["ok"] = None if all(v is None for v in checks) else all(v is not False for v in checks)
    return result

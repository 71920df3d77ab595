"""A deliberately naive applicant-tracking-system reader, to prove resumes survive one.

It works the way the parsers behind job boards do, from the PDF's positioned text items (one per
show-text operation, as pdf.js and pdfminer report them) rather than from a well-behaved text
extractor:

1. items that are only whitespace are dropped and the rest trimmed, so a space that sits at the
   edge of a styled span is lost;
2. items are sorted by page, then top to bottom, then left to right, and grouped into lines by
   baseline; neighbours closer than GLUE_EM of the font size are glued with no space (a dropped
   space leaves about 0.2 em), a wide gap (a right-aligned date) starts a new column;
3. a line is split into values at `|`, `•` and column gaps (not at `·`, which few parsers know);
4. an upper-case bold line (or a known section title) is a section heading;
5. e-mail is the first whitespace-delimited token with an `@` (so `a@b.com·(602)` is a miss).

Whatever this reader cannot separate, a real one is unlikely to separate either.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from pdfminer.converter import PDFLayoutAnalyzer
from pdfminer.layout import LTChar
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

from appkit.profile.model import Profile

GLUE_EM = 0.3  # a gap narrower than this (in font sizes) is no gap: a dropped space is ~0.2 em
COLUMN_EM = 1.5  # a gap wider than this starts a new value (a right-aligned date)
SEPARATORS = re.compile(r"\s*[|•\t]\s*")  # not "·": few parsers know it
FOOTER = re.compile(r"\bPage \d+ of \d+$")
KNOWN_SECTIONS = {
    "summary", "core competencies", "experience", "education", "projects", "volunteer experience",
    "certifications", "skills", "awards", "publications", "languages", "interests", "references",
}  # fmt: skip


@dataclass(frozen=True)
class Item:
    """One show-text operation: its text and where it starts and ends on the page."""

    page: int
    text: str
    x0: float
    x1: float
    y: float
    size: float
    bold: bool


@dataclass
class Line:
    """Items on one baseline, joined as a parser joins them."""

    page: int
    y: float
    items: list[Item]
    text: str = ""
    values: list[str] = field(default_factory=list)

    @property
    def heading(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        upper = bool(letters) and all(c.isupper() for c in letters)
        bold = all(item.bold for item in self.items)
        short = len(self.text.split()) <= 4
        return short and (upper and bold or self.text.lower() in KNOWN_SECTIONS)


class _Recorder(PDFLayoutAnalyzer):
    """Records the characters of every show-text operation as one item."""

    def __init__(self, resources: PDFResourceManager) -> None:
        super().__init__(resources, laparams=None)
        self.items: list[Item] = []

    def render_string(self, textstate, seq, ncs, graphicstate) -> None:  # type: ignore[no-untyped-def]
        before = len(self.cur_item._objs)
        super().render_string(textstate, seq, ncs, graphicstate)
        chars = [c for c in self.cur_item._objs[before:] if isinstance(c, LTChar)]
        if chars:
            text = "".join(c.get_text() for c in chars)
            bold = "bold" in chars[0].fontname.lower() or "black" in chars[0].fontname.lower()
            first, last = chars[0], chars[-1]
            self.items.append(
                Item(self.pageno, text, first.x0, last.x1, round(first.y0, 1), first.size, bold)
            )


def text_items(pdf: bytes) -> list[Item]:
    """Every show-text operation of the PDF, in drawing order."""
    resources = PDFResourceManager()
    recorder = _Recorder(resources)
    interpreter = PDFPageInterpreter(resources, recorder)
    for page in PDFPage.get_pages(io.BytesIO(pdf)):
        interpreter.process_page(page)
    return recorder.items


def _trimmed(item: Item) -> Item | None:
    """The item without edge whitespace (x positions estimated), None when nothing is left."""
    text = item.text.replace("\u00a0", " ")
    stripped = text.strip()
    if not stripped:
        return None
    width = (item.x1 - item.x0) / max(len(text), 1)
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    return Item(
        item.page, stripped, item.x0 + lead * width, item.x1 - trail * width, item.y,
        item.size, item.bold,
    )  # fmt: skip


def read_lines(raw: list[Item]) -> list[Line]:
    """The text items as lines in reading order, each with its text and its values."""
    items = [t for t in map(_trimmed, raw) if t is not None]
    items.sort(key=lambda i: (i.page, -i.y, i.x0))
    lines: list[Line] = []
    for item in items:
        last = lines[-1] if lines else None
        if last and last.page == item.page and abs(last.y - item.y) <= 0.35 * item.size:
            last.items.append(item)
        else:
            lines.append(Line(item.page, item.y, [item]))
    for line in lines:
        line.items.sort(key=lambda i: i.x0)
        text = line.items[0].text
        for left, right in zip(line.items, line.items[1:], strict=False):
            gap = (right.x0 - left.x1) / max(left.size, right.size)
            text += ("\t" if gap > COLUMN_EM else " " if gap >= GLUE_EM else "") + right.text
        line.text = text
        line.values = [v for v in SEPARATORS.split(text) if v]
    return lines


@dataclass
class Resume:
    """What the reader understood: header lines, sections of lines, and page furniture."""

    header: list[Line]
    sections: dict[str, list[Line]]
    headings: list[Line]
    footers: list[Line]
    lines: list[Line]
    items: list[Item]

    def values(self, section: str | None = None) -> list[str]:
        lines = self.header if section is None else self.sections.get(section, [])
        return [v for line in lines for v in line.values]

    @property
    def email(self) -> str | None:
        tokens = " ".join(line.text for line in self.header).split()
        return next((t for t in tokens if "@" in t), None)


def parse(pdf: bytes) -> Resume:
    """Split the lines into header, sections (by heading) and footers."""
    items = text_items(pdf)
    lines = read_lines(items)
    header: list[Line] = []
    sections: dict[str, list[Line]] = {}
    headings: list[Line] = []
    footers: list[Line] = []
    current: list[Line] = header
    for line in lines:
        if FOOTER.search(line.text):
            footers.append(line)
        elif line.heading:
            headings.append(line)
            current = sections.setdefault(line.text.lower(), [])
        else:
            current.append(line)
    return Resume(header, sections, headings, footers, lines, items)


def entries(resume: Resume, section: str) -> list[tuple[str, str, str]]:
    """(what, date, where) of every dated line of a section: the value before the date column,
    the date, and the first value of the next line (company or school)."""
    lines = resume.sections.get(section, [])
    found = []
    for index, line in enumerate(lines):
        if "\t" not in line.text or index + 1 >= len(lines):
            continue
        what, _, date = line.text.rpartition("\t")
        nxt = lines[index + 1].values
        found.append((what.strip(), date.strip(), nxt[0] if nxt else ""))
    return found


def normal_url(url: str) -> str:
    """An address as a reader compares it: no scheme, no www., no trailing slash."""
    return re.sub(r"^(https?://)?(www\.)?", "", url.strip()).rstrip("/").lower()


def layout_faults(resume: Resume) -> list[str]:
    """What trips a reader beyond missing fields: bullets out of order, split words, stranded
    headings, footers glued to body text."""
    faults = []
    body = [line for line in resume.lines if line not in resume.footers]
    for line in body:
        if line.text.strip("• ") == "" and "•" in line.text:
            faults.append(f"bare bullet line: {line.text!r}")
        if "•" in line.text[1:]:
            faults.append(f"bullet inside a line: {line.text[:60]!r}")
    for line, nxt in zip(body, body[1:], strict=False):
        split = re.search(r"[^\W\d_]-$", line.text) and nxt.text[:1].islower()
        if split and line.page == nxt.page:
            faults.append(f"word split across lines: {line.text[-20:]!r} / {nxt.text[:20]!r}")
        if line.heading and nxt.page != line.page:
            faults.append(f"heading at the bottom of page {line.page}: {line.text!r}")
    drawn = [i for i in resume.items if i.text.strip()]
    for item, nxt in zip(drawn, drawn[1:], strict=False):
        if item.text.strip() == "•" and (nxt.page, nxt.y) != (item.page, item.y):
            faults.append(f"bullet drawn apart from its text on page {item.page}")
            break
    for footer in resume.footers:
        if not re.fullmatch(r".+ \| Page \d+ of \d+", footer.text):
            faults.append(f"footer not on a line of its own: {footer.text!r}")
    return faults


def score(profile: Profile, pdf: bytes) -> tuple[int, int, list[str]]:
    """(fields recovered, fields expected, what was missed) for one resume of `profile`."""
    resume = parse(pdf)
    basics = profile.basics
    misses: list[str] = []
    total = 0

    def check(label: str, ok: bool) -> None:
        nonlocal total
        total += 1
        if not ok:
            misses.append(label)

    head = resume.values()
    check(f"name {basics.name!r}", bool(resume.lines) and resume.lines[0].text == basics.name)
    if basics.email:
        check(f"email {basics.email!r}", resume.email == basics.email)
    if basics.phone:
        check(f"phone {basics.phone!r}", basics.phone in head)
    for link in basics.links:
        check(f"url {link.url!r}", normal_url(link.url) in {normal_url(v) for v in head})
    jobs = set(entries(resume, "experience"))
    for job in profile.experience:
        check(f"job {job.title!r}", any(what == job.title for what, _, _ in jobs))
        check(f"company {job.organization!r}", any(o == job.organization for _, _, o in jobs))
        check(f"dates {job.dates!r}", (job.title, job.dates, job.organization) in jobs)
    schools = entries(resume, "education")
    for edu in profile.education:
        check(f"degree {edu.degree!r}", any(what == edu.degree for what, _, _ in schools))
        check(f"school {edu.institution!r}", any(s == edu.institution for _, _, s in schools))
    return total - len(misses), total, misses

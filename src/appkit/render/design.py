"""A design's values (`themes/<name>/theme.yaml`): fonts, sizes, colours, page, spacing, sections.

The same values drive both formats: the PDF gets them as CSS custom properties and an @page rule
placed before the design's stylesheet (`design_style`), the DOCX as Word page setup and styles
(appkit.render.docxstyles). Everything that reaches CSS is validated here, so a theme.yaml can
never inject CSS: colours are `#rrggbb`, lengths a number and a unit, font names letters, digits,
spaces and hyphens.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

PageSize = Literal["a4", "letter"]
PAGE_POINTS: dict[str, tuple[float, float]] = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
_UNITS = {"pt": 1.0, "in": 72.0, "mm": 72 / 25.4, "cm": 72 / 2.54}
_LENGTH = re.compile(r"(\d{1,3}(?:\.\d{1,3})?)(pt|in|mm|cm)")
_COLOUR = re.compile(r"#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")
_FONT = re.compile(r"[A-Za-z0-9][A-Za-z0-9 \-]{0,47}")
_GENERIC = {"serif", "sans-serif", "monospace"}

# The resume's sections (blocks of templates/resume/base.html), in the default order.
SECTIONS: tuple[str, ...] = (
    "summary", "competencies", "experience", "education", "certifications", "skills",
    "projects", "volunteer", "awards", "publications", "languages", "interests",
    "custom_sections", "references",
)  # fmt: skip
TITLES: dict[str, str] = {
    "summary": "Summary",
    "competencies": "Core Competencies",
    "experience": "Experience",
    "education": "Education",
    "certifications": "Certifications",
    "skills": "Skills",
    "projects": "Projects",
    "volunteer": "Volunteer Experience",
    "awards": "Awards",
    "publications": "Publications",
    "languages": "Languages",
    "interests": "Interests",
    "custom_sections": "Other",  # unused: each custom section prints its own title
    "references": "References",
}


def _length(value: Any) -> str:
    text = str(value).strip().lower()
    if not _LENGTH.fullmatch(text):
        raise ValueError(f"expected a length such as 10pt, 0.7in or 18mm, got {text[:20]!r}")
    return text


def _colour(value: Any) -> str:
    text = str(value).strip()
    if not (found := _COLOUR.fullmatch(text)):
        raise ValueError(f"expected a colour as #rrggbb, got {text[:20]!r}")
    digits = found[1] if len(found[1]) == 6 else "".join(c * 2 for c in found[1])
    return "#" + digits.lower()


def _fonts(value: Any) -> tuple[str, ...]:
    """A font stack: 'Lato, Carlito, sans-serif' or a list of names."""
    names = value if isinstance(value, list | tuple) else str(value).split(",")
    out = tuple(" ".join(str(n).split()) for n in names if str(n).strip())
    for name in out:
        if not _FONT.fullmatch(name):
            raise ValueError(f"font names may hold letters, digits, spaces and '-': {name[:30]!r}")
    if not out:
        raise ValueError("needs at least one font name")
    return out


def points(length: str) -> float:
    """A validated length in points."""
    found = _LENGTH.fullmatch(length)
    assert found is not None  # validated on load
    return float(found[1]) * _UNITS[found[2]]


Length = Annotated[str, BeforeValidator(_length)]
Colour = Annotated[str, BeforeValidator(_colour)]
FontStack = Annotated[tuple[str, ...], BeforeValidator(_fonts)]


class _Values(BaseModel):
    model_config = ConfigDict(defer_build=True, frozen=True, extra="forbid")


class Fonts(_Values):
    """CSS font stacks; the DOCX names the first font, or `word_body`/`word_heading` when the
    PDF's font is not one every Word user has (Lato -> Calibri)."""

    body: FontStack = ("Lato", "Carlito", "Liberation Sans", "DejaVu Sans", "sans-serif")
    heading: FontStack = ("Lato", "Carlito", "Liberation Sans", "DejaVu Sans", "sans-serif")
    word_body: str | None = None
    word_heading: str | None = None

    @field_validator("word_body", "word_heading")
    @classmethod
    def _word(cls, value: str | None) -> str | None:
        return None if value is None else _fonts(value)[0]

    @property
    def docx_body(self) -> str:
        return self.word_body or next(f for f in self.body if f not in _GENERIC)

    @property
    def docx_heading(self) -> str:
        return self.word_heading or next(f for f in self.heading if f not in _GENERIC)


class Sizes(_Values):
    base: Length = "10pt"  # body text
    name: Length = "22pt"  # the candidate's name (h1)
    section: Length = "10.5pt"  # section headings (h2)
    entry: Length = "10.5pt"  # job titles, degrees, questions (h3)
    small: Length = "9.5pt"  # contact line, dates


class Colours(_Values):
    ink: Colour = "#1f2325"  # body text
    accent: Colour = "#1b4f5c"  # name, headings, bullets, links
    muted: Colour = "#4f5a5e"  # organisation lines, dates, footer
    rule: Colour = "#9db5ba"  # rules under headings


class Margins(_Values):
    top: Length
    right: Length
    bottom: Length
    left: Length

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        """'0.6in 0.7in' as in CSS: one to four lengths (top, right, bottom, left)."""
        if isinstance(value, str):
            parts = value.split()
            if not 1 <= len(parts) <= 4:
                raise ValueError("expected one to four lengths, as in CSS: '0.6in 0.7in'")
            parts += [parts[0]] if len(parts) == 1 else []
            parts += [parts[0]] if len(parts) == 2 else []
            parts += [parts[1]] if len(parts) == 3 else []
            return dict(zip(("top", "right", "bottom", "left"), parts, strict=True))
        return value

    @property
    def css(self) -> str:
        return f"{self.top} {self.right} {self.bottom} {self.left}"


class Page(_Values):
    size: PageSize = "letter"
    margins: Margins = Margins.model_validate("0.6in 0.7in")
    cover_margins: Margins | None = None  # the cover letter's, when wider than the sheets'

    @field_validator("size", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return str(value).strip().lower()


class Spacing(_Values):
    line_height: float = Field(default=1.24, ge=1.0, le=2.0)
    section_gap: Length = "8pt"  # above each section
    entry_gap: Length = "6pt"  # between two jobs, schools, questions
    after_paragraph: Length = "3pt"  # DOCX: below a paragraph


class Resume(_Values):
    sections: tuple[str, ...] = SECTIONS
    titles: dict[str, str] = Field(default={}, validate_default=True)

    @field_validator("sections", mode="after")
    @classmethod
    def _known(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [s for s in value if s not in SECTIONS]
        if unknown:
            raise ValueError(f"unknown section {unknown[0]!r}; known: {', '.join(SECTIONS)}")
        # A section the order leaves out keeps its default place at the end: never dropped.
        return tuple(dict.fromkeys(value)) + tuple(s for s in SECTIONS if s not in value)

    @field_validator("titles", mode="after")
    @classmethod
    def _titles(cls, value: dict[str, str]) -> dict[str, str]:
        for key, title in value.items():
            if key not in SECTIONS:
                raise ValueError(f"unknown section {key!r}; known: {', '.join(SECTIONS)}")
            if not 0 < len(title.strip()) <= 40:
                raise ValueError(f"the title of {key!r} must be 1 to 40 characters")
        return {**TITLES, **{k: v.strip() for k, v in value.items()}}


class Headings(_Values):
    uppercase: bool = True  # section headings in capitals (CSS text-transform, Word all caps)
    rule: bool = True  # a thin rule in the `rule` colour under each section heading


class Design(_Values):
    """One design's values; `name` is set from its folder, not from the file."""

    name: str = Field(default="classic", exclude=True)
    # themes/<name>/reference.docx when the design has one: its Word styles replace the look
    # built from these values (the page size and margins still come from here).
    reference: Path | None = Field(default=None, exclude=True)
    description: str = ""
    fonts: Fonts = Fonts()
    sizes: Sizes = Sizes()
    colours: Colours = Colours()
    page: Page = Page()
    spacing: Spacing = Spacing()
    headings: Headings = Headings()
    resume: Resume = Resume()

    @property
    def page_points(self) -> tuple[float, float]:
        return PAGE_POINTS[self.page.size]

    @property
    def graduate_sections(self) -> tuple[str, ...]:
        """The order without work experience: projects and volunteering move up to sit right
        after education, as a new graduate's evidence."""
        moved = ("projects", "volunteer")
        rest = [s for s in self.resume.sections if s not in moved]
        at = rest.index("education") + 1
        return (*rest[:at], *moved, *rest[at:])

    def override(self, page_size: str | None = None, accent: str | None = None) -> Design:
        """These values with a page size and accent chosen by the CLI or the profile."""
        data = self.model_dump(exclude_none=True)
        if page_size:
            data["page"]["size"] = page_size
        if accent:
            data["colours"]["accent"] = accent
        return Design.model_validate({**data, "name": self.name, "reference": self.reference})


def _stack(fonts: tuple[str, ...]) -> str:
    return ", ".join(f if f in _GENERIC else f'"{f}"' for f in fonts)


def design_style(design: Design, kind: str) -> str:
    """The <style> that carries `design` into a document's CSS, placed before its stylesheet."""
    s, c, sp = design.sizes, design.colours, design.spacing
    margins = (design.page.cover_margins if kind == "cover" else None) or design.page.margins
    values = {
        "font-body": _stack(design.fonts.body),
        "font-heading": _stack(design.fonts.heading),
        "size-base": s.base,
        "size-name": s.name,
        "size-section": s.section,
        "size-entry": s.entry,
        "size-small": s.small,
        "ink": c.ink,
        "accent": c.accent,
        "muted": c.muted,
        "rule": c.rule,
        "line-height": f"{sp.line_height:g}",
        "section-gap": sp.section_gap,
        "entry-gap": sp.entry_gap,
        "heading-case": "uppercase" if design.headings.uppercase else "none",
        "heading-rule": "0.75pt" if design.headings.rule else "0",
    }
    props = "".join(f"--{key}: {value}; " for key, value in values.items())
    return (
        f"<style>/* appkit design {design.name} (theme.yaml) */ :root {{ {props}}}"
        f" @page {{ size: {design.page.size}; margin: {margins.css};"
        f" @bottom-right {{ font-family: {_stack(design.fonts.body)}; font-size: 8pt;"
        f" color: {c.muted}; }} }}</style>"
    )


_HEAD = re.compile(r"<head\b[^>]*>", re.I)


def inject_design(html: str, design: Design, kind: str) -> str:
    """`html` with the design's <style> first in <head>: the design's own stylesheet, and any
    user stylesheet, come after it and may use (or override) every value."""
    found = _HEAD.search(html)
    if found is None:
        return html
    return html[: found.end()] + design_style(design, kind) + html[found.end() :]

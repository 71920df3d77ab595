"""Every option of a packet, defined once: the CLI derives its options and defaults from here."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from appkit.documents.filenames import FileNames
from appkit.documents.locale import DEFAULT_LOCALE, Locale
from appkit.render.limits import MIB, TEMPLATE_MEMORY, TEMPLATE_PAGES, TEMPLATE_SECONDS

Format = Literal["pdf", "docx", "txt", "md", "html"]
Kind = Literal["resume", "cover", "interview", "report", "match"]
PACKET: tuple[Kind, ...] = ("resume", "cover", "interview", "report", "match")


class Options(BaseModel):
    """Every output option, defined once; the CLI only fills it in."""

    # Built on first validation: `appkit match` reads only the defaults (model_fields).
    model_config = ConfigDict(defer_build=True, frozen=True)
    formats: tuple[Format, ...] = ("pdf", "docx")
    out_dir: Path = Path("out")
    theme: str = "classic"  # a profile's `design.theme` counts only when this was not set
    page_size: Literal["a4", "letter"] | None = None  # None: the profile's, else the design's
    templates: tuple[Path, ...] = ()
    company: str | None = None
    hiring_manager: str | None = None
    job_title: str | None = None
    date: str = Field(
        default_factory=lambda: date.today().isoformat(),
        description="YYYY-MM-DD printed on the documents; also 'today' for years of experience",
    )
    bullet_budget: int | None = None
    max_pages: int | None = Field(
        default=None,
        ge=1,
        description="fit the resume on this many pages: drop its least relevant bullets, then"
        " tighten the spacing (appkit.packet.budget); None leaves the resume as it comes",
    )
    locale: Locale = Field(
        default=DEFAULT_LOCALE,
        description="spelling of the words appkit writes: en-US (organize) or en-GB (organise);"
        " the profile's own text is never respelled",
    )
    file_names: FileNames = Field(
        default="named",
        description="'named': Maria-Santos-Resume.pdf (for recruiters); 'plain': resume.pdf",
    )
    time_limit: float = Field(
        default=TEMPLATE_SECONDS,
        gt=0,
        description="seconds one document from --templates may take (Jinja, layout, PDF, DOCX)",
    )
    memory_limit: int = Field(
        default=TEMPLATE_MEMORY // MIB,
        ge=256,
        description="MiB of memory one document from --templates may use",
    )
    page_limit: int = Field(
        default=TEMPLATE_PAGES,
        ge=1,
        description="most pages a document may have (every template; the DOCX gets the same cap"
        " in paragraphs, PARAGRAPHS_PER_PAGE per page)",
    )

    @field_validator("date")
    @classmethod
    def _iso_date(cls, value: str) -> str:
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            raise ValueError(f"expected a date as YYYY-MM-DD, got {value[:20]!r}") from None

    @property
    def today(self) -> date:
        """The documents' date: durations and 'current job' are judged as of this day."""
        return date.fromisoformat(self.date)

"""The role applied for, resolved once per packet: company, job title, addressee and date.

Options win, then the posting, then the guide; the letter, the prep sheet and every document's
metadata read the same `Target`, so they can never name different companies or titles.
"""

from __future__ import annotations

from datetime import date as _date

from pydantic import BaseModel, ConfigDict

from appkit.documents.locale import DEFAULT_LOCALE, Locale
from appkit.documents.tailor import Tailored
from appkit.guide.model import Guide, Posting


class Target(BaseModel):
    """Who the documents are for."""

    model_config = ConfigDict(defer_build=True, frozen=True)
    company: str | None = None
    title: str | None = None
    hiring_manager: str | None = None
    date: str = ""  # YYYY-MM-DD printed on the documents; "" when not given
    locale: Locale = DEFAULT_LOCALE  # spelling of every word appkit writes (documents.locale)

    @property
    def today(self) -> _date | None:
        """The documents' date as a date: durations and 'current job' are judged as of it."""
        return _date.fromisoformat(self.date) if self.date else None


def resolve_target(
    tailored: Tailored,
    guide: Guide | None = None,
    posting: Posting | None = None,
    *,
    company: str | None = None,
    job_title: str | None = None,
    hiring_manager: str | None = None,
    date: str = "",
    locale: Locale = DEFAULT_LOCALE,
) -> Target:
    """The target from the explicit values (options), else the posting's, else the guide's."""
    return Target(
        company=company or tailored.company or (posting.company if posting else None),
        title=job_title
        or (posting.title if posting else None)
        or tailored.target_title
        or (guide.title if guide else None),
        hiring_manager=hiring_manager,
        date=date,
        locale=locale,
    )

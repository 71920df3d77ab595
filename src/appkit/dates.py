"""Partial dates (YYYY, YYYY-MM, YYYY-MM-DD or 'present'): validation, month arithmetic, display."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import AfterValidator

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def check_date(value: str) -> str:
    match = _DATE.match(value.strip())
    if not match:
        raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value[:40]!r}")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        date(year or 1, month or 1, day or 1)
    except ValueError:
        raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value[:40]!r}") from None
    if not 1900 <= (year or 0) <= 2100:
        raise ValueError(f"year {year} is out of range (1900-2100)")
    return value.strip()


def check_end(value: str) -> str:
    """An end date: a partial date, or 'present' for an ongoing role (one message, not two)."""
    if value.strip().lower() == "present":
        return "present"
    try:
        return check_date(value)
    except ValueError as exc:
        raise ValueError(f"{exc} or 'present'") from None


PartialDate = Annotated[str, AfterValidator(check_date)]
EndDate = Annotated[str, AfterValidator(check_end)]


def month_index(value: str, today: date | None = None) -> int:
    """Months since year 0 for a partial date or 'present' (used for sorting and durations)."""
    if value == "present":
        today = today or date.today()
        return today.year * 12 + today.month - 1
    match = _DATE.match(value)
    assert match, value
    return int(match[1]) * 12 + (int(match[2]) - 1 if match[2] else 0)


def end_month_index(value: str, today: date | None = None) -> int:
    """Like month_index, but a year-only end ("2021") means its last month, December."""
    return month_index(value, today) + (11 if len(value) == 4 and value != "present" else 0)


def day_key(value: str) -> tuple[int, int]:
    return month_index(value), int(value[8:10]) if len(value) == 10 else 0


def format_date(value: str) -> str:
    """'2021-03' -> 'Mar 2021'; '2021' -> '2021'; 'present' -> 'Present'."""
    if value == "present":
        return "Present"
    match = _DATE.match(value)
    if not match:
        return value
    return f"{_MONTHS[int(match[2]) - 1]} {match[1]}" if match[2] else match[1]

"""Dates as real JSON Resume files write them, read into appkit's YYYY[-MM[-DD]] or 'present'.

Each reader returns the date (or None) and, when it had to guess or give up, a warning for the user.
"""

from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"^(\d{4})(?:[-/.](\d{1,2}))?(?:[-/.](\d{1,2}))?(?:[T ].*)?$")
_MONTH_FIRST = re.compile(r"^(\d{1,2})[-/.](\d{4})$")  # 01/2024, 1.2024
# Month names in the languages of the files seen (English, Spanish, Portuguese, French, German,
# Italian, Polish); the first three letters are enough (and unique) in each.
_MONTH_NAMES = {
    **dict.fromkeys(["jan", "ene", "jän", "gen", "janv", "sty"], 1),
    **dict.fromkeys(["feb", "fev", "fév", "lut"], 2),
    **dict.fromkeys(["mar", "mär", "mrz", "mars"], 3),
    **dict.fromkeys(["apr", "abr", "avr", "kwi"], 4),
    **dict.fromkeys(["may", "mai", "mag", "maj"], 5),
    **dict.fromkeys(["jun", "juin", "giu", "cze"], 6),
    **dict.fromkeys(["jul", "juil", "lug", "lip"], 7),
    **dict.fromkeys(["aug", "ago", "aoû", "aou", "sie"], 8),
    **dict.fromkeys(["sep", "set", "wrz"], 9),
    **dict.fromkeys(["oct", "out", "okt", "ott", "paź", "paz"], 10),
    **dict.fromkeys(["nov", "lis"], 11),
    **dict.fromkeys(["dec", "dic", "dez", "déc", "gru"], 12),
}
_WORDY = re.compile(r"^([^\W\d_]+)\.?,?\s+(?:de\s+)?(\d{4})$|^(\d{4})\s+([^\W\d_]+)\.?$")
# Words meaning "ongoing" as an end date, lower-case.
PRESENT_WORDS = frozenset(
    [
        "present",
        "now",
        "current",
        "today",
        "ongoing",
        "actual",
        "atual",
        "actualidad",
        "actualmente",
        "presente",
        "heute",
        "aujourd'hui",
        "maintenant",
        "oggi",
        "obecnie",
        "teraz",
        "至今",
        "现在",
        "今",
    ]
)
MIN_YEAR, MAX_YEAR = 1900, 2100


def _month_of(word: str) -> int | None:
    word = word.lower()
    return _MONTH_NAMES.get(word[:4]) or _MONTH_NAMES.get(word[:3])


def _checked(year: int, month: int | None, day: int | None, raw: str) -> tuple[str | None, str]:
    """Build the partial date, stepping down to month or year when a part is impossible."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None, f"year {year} in {raw!r} is out of range ({MIN_YEAR}-{MAX_YEAR}); ignored"
    if month is None:
        return f"{year:04d}", ""
    if not 1 <= month <= 12:
        return f"{year:04d}", f"{raw!r} is not a date (month {month}); read as {year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}", ""
    try:
        date(year, month, day)
    except ValueError:
        shown = f"{year:04d}-{month:02d}"
        return shown, f"{raw!r} is not a date (no day {day} in that month); read as {shown}"
    return f"{year:04d}-{month:02d}-{day:02d}", ""


def read_date(value: object, end: bool = False) -> tuple[str | None, str]:
    """(partial date or None, warning or ''); an end date may also be 'present'."""
    if value is None or isinstance(value, bool):
        return None, ""
    if isinstance(value, int):
        return _checked(value, None, None, str(value))
    raw = str(value).strip()
    if not raw:
        return None, ""
    if raw.lower() in PRESENT_WORDS:
        return ("present", "") if end else (None, f"{raw!r} is not a start date; ignored")
    if match := _ISO.match(raw):
        year, month, day = (int(g) if g else None for g in match.groups())
        return _checked(year or 0, month, day, raw)
    if match := _MONTH_FIRST.match(raw):
        return _checked(int(match[2]), int(match[1]), None, raw)
    if match := _WORDY.match(raw):
        word, year_text = (match[1], match[2]) if match[1] else (match[4], match[3])
        month = _month_of(word)
        if month:
            return _checked(int(year_text), month, None, raw)
    return (
        None,
        f"cannot read {raw[:40]!r} as a date (expected YYYY, YYYY-MM or YYYY-MM-DD); ignored",
    )

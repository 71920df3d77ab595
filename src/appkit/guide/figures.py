"""Pay and outlook figures from a page's facts, salary and outlook sections, however laid out.

Sources, best first: labelled facts ("2023 Median Pay: $42,000 per year", a quick-facts table, a
wage table whose first row is the nation or the state), then sentences ("The median annual wage
... was $42,000"; "the lowest 10 percent earned less than $33,500"; "between $45,000 and
$80,000"). Hourly figures are never taken for annual ones; rows for other places or industries
never replace the headline figure. Salary levels come from experience rows or columns ("Entry
level (0-2 years) | $52,000", "Entry (25th pct) | Median | Experienced (75th pct)").
"""

from __future__ import annotations

import re
from typing import Any

from appkit.guide.blocks import Block
from appkit.guide.extract import money, sentences

_PLACE = re.compile(r"^(?:location|area|state|region|geograph\w*|place|where|)$", re.I)
_EXPERIENCE = re.compile(
    r"\b(?:entry|junior|mid|middle|mid-career|senior|experienced|lead|principal|beginn\w*|starting"
    r"|early|late|years?|level|experience|role|position)\b",
    re.I,
)
_LOW = re.compile(r"\b(?:low|lowest|bottom|10th|10 ?%|10 percent)\b", re.I)
_HIGH = re.compile(r"\b(?:high|highest|90th|90 ?%|90 percent)\b|\btop\b(?! industr)", re.I)
_MEDIAN = re.compile(r"\bmedian\b", re.I)
_AVERAGE = re.compile(r"\b(?:average|mean|typical)\b", re.I)
_PAY = re.compile(r"\b(?:pay|wages?|salary|salaries|earn\w*|income|compensation)\b", re.I)
_GROWTH_WORD = re.compile(
    r"\b(?:grow\w*|growth|increas\w*|declin\w*|chang\w*|rise|rises|rising|projected)\b", re.I
)
_MAGNITUDE = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|percent)|\b(?:faster|slower|average|little|no change)\b", re.I
)
_AMOUNT = r"\$\s?\d[\d,]*(?:\.\d+)?\s*[kK]?"
_LOW_SENTENCE = re.compile(rf"(?:lowest|bottom)\s+\d+\s*(?:%|percent)[^$]{{0,60}}({_AMOUNT})", re.I)
_HIGH_SENTENCE = re.compile(rf"(?:highest|top)\s+\d+\s*(?:%|percent)[^$]{{0,60}}({_AMOUNT})", re.I)
_BETWEEN = re.compile(
    rf"(?:between|from)\s+({_AMOUNT})\s+(?:and|to)\s+({_AMOUNT})|({_AMOUNT})\s*(?:-|\u2013|to)\s*"
    rf"({_AMOUNT})",
    re.I,
)
_LABEL_LINE = re.compile(r"^([^:]{2,60}?)\s*:\s*(\S.*)$")
_YEARS = re.compile(r"\d+\s*(?:-|\u2013|to)\s*\d+\s+years?|\d+\+\s*years?", re.I)


def annual(text: str) -> int | None:
    """The first yearly dollar amount in text (amounts under $1,000 are hourly rates)."""
    return next((a for a in money(text) if a >= 1000), None)


def tables(blocks: list[Block]) -> list[tuple[tuple[str, ...] | None, list[tuple[str, ...]]]]:
    """Consecutive rows as (header, data rows)."""
    out: list[tuple[tuple[str, ...] | None, list[tuple[str, ...]]]] = []
    run: list[Block] = []
    for block in [*blocks, Block("line")]:
        if block.kind == "row":
            run.append(block)
            continue
        if block.kind == "blank":  # a blank line between rows does not end the table
            continue
        if run:
            header = run[0].cells if run[0].header else None
            out.append((header, [b.cells for b in run if not b.header]))
            run = []
    return out


def _column_table(header: tuple[str, ...] | None, rows: list[tuple[str, ...]]) -> bool:
    return bool(
        header and rows and len(header) >= 3 and (_PLACE.match(header[0]) or len(rows) == 1)
    )


def labelled(blocks: list[Block]) -> list[tuple[str, str]]:
    """(label, value) pairs: 'Label: value' lines, two-cell rows, a column table's first row."""
    pairs: list[tuple[str, str]] = []
    for block in blocks:
        if block.kind in ("line", "item"):
            match = _LABEL_LINE.match(block.text)
            if match and len(match[1].split()) <= 8:
                pairs.append((match[1], match[2]))
    for header, rows in tables(blocks):
        if _column_table(header, rows):
            assert header is not None
            pairs += [(h, c) for h, c in zip(header[1:], rows[0][1:], strict=False) if c]
        else:
            pairs += [(row[0], row[1]) for row in rows if len(row) == 2]
    return pairs


def _prose(blocks: list[Block]) -> list[str]:
    return [s for b in blocks if b.kind in ("line", "item") for s in sentences(b.text)]


def pay(facts: list[Block], salary: list[Block]) -> dict[str, Any]:
    """Median (or average) annual pay and the low-high range, from labels first, then sentences."""
    found: dict[str, int | None] = {"median": None, "low": None, "high": None}
    for blocks in (facts, salary):
        for label, value in labelled(blocks):
            amount = annual(value)
            if amount is None:
                continue
            if _LOW.search(label) and not _MEDIAN.search(label):
                found["low"] = found["low"] or amount
            elif _HIGH.search(label) and not _MEDIAN.search(label):
                found["high"] = found["high"] or amount
            elif _MEDIAN.search(label) or (_AVERAGE.search(label) and _PAY.search(label)):
                found["median"] = found["median"] or amount
    average = None
    for sentence in _prose(facts) + _prose(salary):
        amount = annual(sentence)
        if amount is None:
            continue
        median = _MEDIAN.search(sentence)
        if median and _PAY.search(sentence):
            found["median"] = found["median"] or annual(sentence[median.start() :])
        elif _AVERAGE.search(sentence) or re.search(r"\b(?:earn|make)s?\b", sentence):
            average = average or amount
        low, high = _LOW_SENTENCE.search(sentence), _HIGH_SENTENCE.search(sentence)
        if low:
            found["low"] = found["low"] or annual(low[1])
        if high:
            found["high"] = found["high"] or annual(high[1])
        between = _BETWEEN.search(sentence)
        if between and not (found["low"] and found["high"]):
            a, b = (between[1], between[2]) if between[1] else (between[3], between[4])
            if annual(a) and annual(b):
                found["low"], found["high"] = annual(a), annual(b)
    low, high = found["low"], found["high"]
    return {
        "median_salary": found["median"] or average,
        "salary_range": f"${low:,} - ${high:,}" if low and high else None,
    }


def outlook(outlook_blocks: list[Block], others: list[Block]) -> str | None:
    """The sentence (or labelled fact) that says how employment will change."""
    for blocks in (outlook_blocks, others):
        for sentence in _prose(blocks):
            if _GROWTH_WORD.search(sentence) and _MAGNITUDE.search(sentence):
                return sentence
        for label, value in labelled(blocks):
            if re.search(r"growth|outlook|change", label, re.I) and _MAGNITUDE.search(value):
                return f"{label}: {value}"
    return None


def facts(blocks: list[Block]) -> dict[str, Any]:
    """Openings, industries and typical education from labelled facts."""
    out: dict[str, Any] = {}
    for label, value in labelled(blocks):
        low = label.lower()
        if "opening" in low:
            out.setdefault("annual_openings", value)
        elif "industr" in low:
            out.setdefault("top_industries", [v.strip() for v in re.split(r";\s*", value) if v])
        elif "education" in low:
            out.setdefault("typical_education", value)
    return out


def salary_levels(blocks: list[Block]) -> list[dict[str, Any]]:
    """Pay by experience: rows or columns named for a level, or 'Less than 2 years: $47,000'."""
    levels: list[dict[str, Any]] = []
    for header, rows in tables(blocks):
        if _column_table(header, rows) and header is not None:
            named = [j for j, h in enumerate(header) if j and _EXPERIENCE.search(h)]
            if named:
                keep = [j for j, h in enumerate(header) if j in named or _MEDIAN.search(h)]
                for j in keep:
                    amount = annual(rows[0][j]) if j < len(rows[0]) else None
                    if amount:
                        levels.append({"level": header[j], "median": amount, "average": None})
            continue
        about_levels = header is not None and any(_EXPERIENCE.search(h) for h in header)
        for row in rows:
            amounts = [annual(c) for c in row]
            label = next((c for c, a in zip(row, amounts, strict=False) if a is None and c), None)
            amount = next((a for a in amounts if a), None)
            if label and amount and (about_levels or _EXPERIENCE.search(label)):
                levels.append({"level": label, "median": amount, "average": None})
    if levels:
        return levels
    for block in blocks:
        match = _LABEL_LINE.match(block.text) if block.kind in ("line", "item") else None
        if match and len(block.text.split()) <= 12 and _EXPERIENCE.search(match[1]):
            amount = annual(match[2])
            if amount:
                levels.append({"level": match[1], "median": amount, "average": None})
    return levels


def career_levels(blocks: list[Block]) -> list[dict[str, Any]]:
    """Levels from a table with an experience column ('Junior Developer | 0-2 years | ...')."""
    out: list[dict[str, Any]] = []
    for _header, rows in tables(blocks):
        for row in rows:
            years = next((c for c in row if _YEARS.fullmatch(c.strip())), None)
            if years is None:
                continue
            texts = [c for c in row if c != years and annual(c) is None and c]
            if not texts:
                continue
            numbers = [int(n) for n in re.findall(r"\d+", years)]
            plus = "+" in years
            out.append(
                {
                    "title": texts[0],
                    "years_min": numbers[0],
                    "years_max": None if plus or len(numbers) < 2 else numbers[1],
                    "description": texts[-1] if len(texts) > 1 else "",
                    "focus_areas": "",
                }
            )
    return out

"""`format_match`: the plain-text report `appkit match` prints (no colour, 100 columns)."""

from __future__ import annotations

import textwrap

from appkit.match.engine import MatchResult, RequirementMatch

WIDTH = 100
MAX_STEPS = 10  # next steps printed; the report and match.json have every one
_LABELS = {
    "responsibility": "Responsibilities",
    "qualification": "Qualifications",
    "technical_skill": "Technical skills",
    "tool": "Tools",
    "certification": "Certifications",
    "education": "Education",
    "soft_skill": "Soft skills",
}


def _wrap(text: str, indent: str, first: str = "") -> list[str]:
    return textwrap.wrap(
        text, WIDTH, initial_indent=indent + first, subsequent_indent=indent + " " * len(first)
    ) or [indent + first]


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _money(value: int | None) -> str:
    return f"${value:,}" if value else "n/a"


def _requirement(r: RequirementMatch, with_evidence: bool) -> list[str]:
    lines = _wrap(
        f"{r.name} [{r.category.replace('_', ' ')}, weight {r.weight:g}, score {r.score:.2f}]",
        "  ",
        "- ",
    )
    if with_evidence:
        for e in r.evidence[:2]:
            words = (
                f" — matched: {', '.join(' '.join(w.split()) for w in e.matched)}"
                if e.matched
                else ""
            )
            lines += _wrap(f"{e.source}: “{_short(e.text)}”{words}", "      ")
    return lines


def format_match(result: MatchResult) -> str:
    """Terminal report: score, categories, covered/partial/missing, level fit, next steps."""
    title = result.target_title or "the role"
    at = f" at {result.company}" if result.company else ""
    out = [f"Match for {title}{at}: {result.overall:.0f}/100", ""]
    if result.warnings:
        out += [line for w in result.warnings for line in _wrap(w, "  ", "! ")] + [""]
    out.append("By category (alternatives count once)")
    gaps = result.gap_report
    for c in gaps.categories:
        bar = "#" * round(c.score / 5)
        out.append(
            f"  {_LABELS.get(c.category, c.category):<17} {c.score:5.1f}  {bar:<20}  "
            f"{c.covered} covered, {c.partial} partial, {c.missing} missing"
        )
    met = {r.group for r in result.requirements if r.group and r.status == "covered"}
    sections = (
        ("Covered", "covered", True),
        ("Partial", "partial", True),
        ("Missing", "missing", False),
    )
    for heading, status, evidence in sections:
        reqs = [
            r
            for r in result.requirements
            if r.status == status and (status == "covered" or r.group not in met)
        ]
        out += ["", f"{heading} ({len(reqs)})"]
        for r in reqs:
            out += _requirement(r, evidence)
        if not reqs:
            out.append("  (none)")
    if (fit := result.level) is not None:
        out += ["", "Level fit"]
        out += _wrap(
            f"{fit.years:g} years of relevant experience "
            f"({', '.join(fit.relevant_jobs) or 'no relevant jobs found'})",
            "  ",
        )
        if fit.level:
            band = f"; salary median {_money(fit.salary.median)}" if fit.salary else ""
            out += _wrap(f"Level: {fit.level} ({fit.level_range}){band}", "  ")
        if fit.next_level:
            band = f"; median {_money(fit.next_salary.median)}" if fit.next_salary else ""
            out += _wrap(
                f"Next: {fit.next_level} ({fit.next_range}), {fit.years_to_next:g} more "
                f"years{band}",
                "  ",
            )
            if fit.next_description:
                out += _wrap(fit.next_description, "    ")
            if fit.next_focus_areas:
                out += _wrap(f"Focus: {fit.next_focus_areas}", "    ")
    rows = [*gaps.top, *gaps.rest]
    if rows:
        out += ["", f"Next steps (most worth first; the top {len(gaps.top)} open the gap report)"]
        for i, row in enumerate(rows[:MAX_STEPS], 1):
            step = f"same next step as {row.same_as}" if row.same_as else row.action
            out += _wrap(f"{_short(row.name, 60)} [{row.status}]: {step}", "  ", f"{i}. ")
        if (more := len(rows) - MAX_STEPS) > 0:
            out += _wrap(
                f"… and {more} more: the skill-gap report and match.json list them all.", "  "
            )
    if met:
        out += ["", "Alternatives already met (one is enough): " + ", ".join(sorted(met))]
    return "\n".join(out) + "\n"

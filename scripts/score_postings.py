"""Score appkit's posting parser against the hand-labelled gold file (issue 12).

Reads the dev postings CSV (job_id, title, company_name, description, ...) and
tests/data/postings/gold/dev-postings.gold.yaml, runs the parser on every posting, and prints
precision and recall per field:

    title, company     matched X/N: case- and whitespace-insensitive, rapidfuzz ratio >= 90
                       against the gold value or one of its `*_alternatives`; N counts the
                       postings whose gold has a value (company is null where nothing names one)
    responsibilities   items aligned one-to-one, greedily by score, rapidfuzz token_set_ratio >= 80
    requirements       gold required_skills + preferred_skills against the parser's qualifications
    skills             gold skills against the parser's skill keywords (same alignment)
    boilerplate        gold boilerplate snippets found inside an extracted duty or requirement

A posting the parser rejects (AppkitError) counts as nothing extracted. Only `run_parser` knows
how appkit is called. By default each posting is read as `--posting FILE.csv --posting-id ID`
(the title, company_name and skills_desc columns are used); `--text-only` gives the parser the
description alone, so title and company must come from the text (the unseen-material case).

    PYTHONPATH=src python3 scripts/score_postings.py [--csv PATH] [--gold PATH] [--json] [--details]
                                                     [--text-only]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "postings" / "gold" / "dev-postings.gold.yaml"
CSV_NAME = Path("shared") / "data" / "postings" / "dev-postings.csv"
TITLE_MIN = 90
ITEM_MIN = 80
LEAK_PARTIAL_MIN = 90
LEAK_MIN_CHARS = 20


@dataclass
class Extracted:
    """What the parser found in one posting; empty when it failed."""

    title: str | None = None
    company: str | None = None
    responsibilities: list[str] = field(default_factory=list)
    requirements: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    error: str | None = None


NO_TITLE = "(no title found)"
MODE = {"route": "csv"}  # "csv": the CSV row (columns given); "text": the description alone


def run_parser(row: dict[str, str], csv_path: Path | None = None) -> Extracted:
    """Run appkit's posting parser on one CSV row: the only place that calls appkit.

    The "csv" route reads the row straight from the postings CSV (`--posting FILE.csv
    --posting-id JOB_ID`: title, company_name and skills_desc columns used); the "text" route
    (`--text-only`) writes the description alone to a .txt file, so title and company must come
    from the text: the unseen-material case.
    """
    from appkit.errors import AppkitError
    from appkit.guide.posting import load_posting

    with tempfile.TemporaryDirectory() as tmp:
        if MODE["route"] == "csv" and csv_path is not None:
            path, posting_id = csv_path, row["job_id"]
        else:
            path, posting_id = Path(tmp) / f"{row['job_id']}.txt", None
            path.write_text(row["description"], encoding="utf-8")
        try:  # with no title in the text, items are still scored (the title counts as missed)
            posting = load_posting(path, posting_id=posting_id, fallback_title=NO_TITLE)
        except AppkitError as exc:
            problems = getattr(exc, "problems", None)
            if problems:
                first = problems[0]
                return Extracted(error=f"{first.where}: {first.message}".lstrip(": "))
            return Extracted(error=str(exc).splitlines()[0].replace(str(path), "<posting>"))
    return Extracted(
        title=None if posting.title == NO_TITLE else posting.title,
        company=posting.company,
        responsibilities=list(posting.responsibilities),
        requirements=[*posting.qualifications, *posting.preferred],
        skills=list(posting.skills),
    )


def find_csv(start: Path = ROOT) -> Path | None:
    """../shared/data/postings/dev-postings.csv beside the repository (or beside a parent of it,
    for a git worktree in a subfolder)."""
    for base in [start, *start.parents]:
        candidate = base.parent / CSV_NAME
        if candidate.is_file():
            return candidate
    return None


def load_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def load_gold(path: Path = GOLD) -> dict[str, dict[str, Any]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {str(key): value for key, value in data.items()}


def _norm(text: str) -> str:
    return default_process(" ".join(text.split()))


def same_name(found: str | None, gold: str | None, alternatives: list[str] | None = None) -> bool:
    """Title/company match: case- and whitespace-insensitive ratio >= 90 to any accepted form."""
    if not found or not gold:
        return False
    return any(
        fuzz.ratio(_norm(found), _norm(accepted)) >= TITLE_MIN
        for accepted in [gold, *(alternatives or [])]
    )


def align(gold: list[str], found: list[str], threshold: int = ITEM_MIN) -> list[tuple[int, int]]:
    """One-to-one greedy alignment: best-scoring pairs first, each item used at most once."""
    gold_n = [_norm(g) for g in gold]
    found_n = [_norm(f) for f in found]
    pairs = []
    for i, g in enumerate(gold_n):
        for j, f in enumerate(found_n):
            if g and f:
                score = fuzz.token_set_ratio(g, f)
                if score >= threshold:
                    pairs.append((score, -abs(len(g) - len(f)), i, j))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_f: set[int] = set()
    out = []
    for _, _, i, j in pairs:
        if i not in used_g and j not in used_f:
            used_g.add(i)
            used_f.add(j)
            out.append((i, j))
    return out


def leaked(snippet: str, item: str) -> bool:
    """A boilerplate snippet counts as leaked when an extracted item is (a long part of) it."""
    s, i = _norm(snippet), _norm(item)
    if not s or not i:
        return False
    if fuzz.token_set_ratio(s, i) >= ITEM_MIN:
        return True
    return min(len(s), len(i)) >= LEAK_MIN_CHARS and fuzz.partial_ratio(s, i) >= LEAK_PARTIAL_MIN


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    matched: int = 0

    def add(self, gold: int, found: int, matched: int) -> None:
        self.gold += gold
        self.found += found
        self.matched += matched

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "found": self.found,
            "matched": self.matched,
            "precision": round(self.matched / self.found, 4) if self.found else None,
            "recall": round(self.matched / self.gold, 4) if self.gold else None,
        }


ITEM_FIELDS = ("responsibilities", "requirements", "skills")


def gold_items(entry: dict[str, Any], name: str) -> list[str]:
    if name == "requirements":
        return [*(entry.get("required_skills") or []), *(entry.get("preferred_skills") or [])]
    return list(entry.get(name) or [])


def score(
    rows: list[dict[str, str]], gold: dict[str, dict[str, Any]], csv_path: Path | None = None
) -> dict[str, Any]:
    """Run the parser on every row that has a gold entry and tally every field."""
    tallies = {name: Tally() for name in ("title", "company", *ITEM_FIELDS)}
    leaks = Tally()
    errors: Counter[str] = Counter()
    details = []
    for row in rows:
        entry = gold.get(row["job_id"])
        if entry is None:
            continue
        got = run_parser(row, csv_path)
        if got.error:
            errors[re.sub(r"\d+", "N", got.error)] += 1
        title_ok = same_name(got.title, entry["title"], entry.get("title_alternatives"))
        tallies["title"].add(1, int(bool(got.title)), int(title_ok))
        company_ok = same_name(got.company, entry.get("company"), entry.get("company_alternatives"))
        tallies["company"].add(
            int(bool(entry.get("company"))), int(bool(got.company)), int(company_ok)
        )
        row_detail: dict[str, Any] = {
            "job_id": row["job_id"],
            "error": got.error,
            "title": got.title,
            "title_ok": title_ok,
            "company": got.company,
            "company_ok": company_ok,
        }
        for name in ITEM_FIELDS:
            expected, found = gold_items(entry, name), getattr(got, name)
            matched = len(align(expected, found))
            tallies[name].add(len(expected), len(found), matched)
            row_detail[name] = [len(expected), len(found), matched]
        extracted = [*got.responsibilities, *got.requirements]
        snippets = entry.get("boilerplate_examples") or []
        hits = [s for s in snippets if any(leaked(s, item) for item in extracted)]
        leaks.add(len(snippets), len(hits), len(hits))
        row_detail["leaked"] = hits
        details.append(row_detail)
    return {
        "postings": len(details),
        "parser_errors": sum(errors.values()),
        "error_kinds": dict(errors.most_common()),
        "fields": {name: tally.as_dict() for name, tally in tallies.items()},
        "boilerplate": {"snippets": leaks.gold, "leaked": leaks.matched},
        "details": details,
    }


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def table(result: dict[str, Any], details: bool = False) -> str:
    """A compact plain-text table of the result."""
    n = result["postings"]
    route = "description only" if result.get("route") == "text" else "CSV columns given"
    lines = [f"appkit posting parser vs gold: {n} postings ({route})"]
    lines.append(f"parser errors (nothing extracted): {result['parser_errors']}/{n}")
    lines += [f"  {count:>3} x {kind}" for kind, count in result["error_kinds"].items()]
    lines.append("")
    lines.append(f"{'field':<18}{'gold':>6}{'found':>7}{'match':>7}{'precision':>11}{'recall':>9}")
    for name, f in result["fields"].items():
        named = name in ("title", "company")
        recall = f"{f['matched']}/{f['gold']}" if named else _pct(f["recall"])
        lines.append(
            f"{name:<18}{f['gold']:>6}{f['found']:>7}{f['matched']:>7}"
            f"{_pct(f['precision']):>11}{recall:>9}"
        )
    b = result["boilerplate"]
    lines.append("")
    lines.append(
        f"boilerplate snippets leaked into duties/requirements: {b['leaked']}/{b['snippets']}"
    )
    if details:
        lines.append("")
        lines.append(
            "job_id        title  co  resp(g/f/m)   req(g/f/m) skill(g/f/m)  leak  found title"
        )
        for d in result["details"]:
            counts = "".join(f"{'/'.join(map(str, d[k])):>13}" for k in ITEM_FIELDS)
            shown = d["error"] if d["error"] else (d["title"] or "")
            lines.append(
                f"{d['job_id']:<12}{'ok' if d['title_ok'] else '--':>7}"
                f"{'ok' if d['company_ok'] else '--':>4}{counts}{len(d['leaked']):>6}  {shown[:60]}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--csv",
        type=Path,
        default=None,
        help="postings CSV (default: ../shared/data/postings/dev-postings.csv beside the repo)",
    )
    parser.add_argument("--gold", type=Path, default=GOLD, help="gold YAML (default: %(default)s)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--details", action="store_true", help="one line per posting as well")
    parser.add_argument(
        "--text-only",
        action="store_true",
        help="parse the description alone (no title/company/skills columns): unseen material",
    )
    args = parser.parse_args(argv)
    path = args.csv or find_csv()
    if path is None or not path.is_file():
        print(f"score_postings: postings CSV not found: {path or CSV_NAME}", file=sys.stderr)
        return 2
    MODE["route"] = "text" if args.text_only else "csv"
    result = score(load_rows(path), load_gold(args.gold), path)
    result["route"] = MODE["route"]
    result["csv"] = str(path)
    if args.json:
        if not args.details:
            result.pop("details")
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(table(result, details=args.details))
    return 0


if __name__ == "__main__":
    sys.exit(main())

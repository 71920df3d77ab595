"""Score appkit's matcher against the hand-labelled gold set in tests/data/gold (issue 14).

For every labelled (profile, requirement) pair the matcher's status (covered / partial / missing)
is compared with the label, and for each requirement the matcher calls covered its top evidence
item is checked against the label's acceptable items. Printed per field (the guide's field; pairs
of a profile against another field's guide are their own row) and overall, then per category:

    covered      precision and recall of the "covered" class
    partial      precision and recall of the "partial" class
    found        covered + partial against missing: precision and recall
    evidence     share of the matcher's covered claims whose top evidence is an acceptable item
                 (a claim on a requirement labelled missing counts as wrong evidence)
    ev|right     the same, among covered claims whose requirement is labelled covered or partial
    false claims covered claims on requirements labelled missing (the worst error)

A label's evidence path such as `experience[0]` or `certifications[1]` is an entry: it accepts any
of that entry's fields (`experience[0].title`, `certifications[1].name`). `--json` prints the same
figures and every disagreement; `--errors` lists the disagreements after the tables.

    PYTHONPATH=src python3 scripts/score_gold.py [--json] [--errors]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from appkit.guide.library import load_guide
from appkit.guide.model import Guide
from appkit.loading.read import load_model
from appkit.profile.model import Profile

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "gold"
LABELS = GOLD / "labels.yaml"
# The labels count years of experience up to this day; the matcher is run as of the same day.
TODAY = date(2026, 1, 1)
STATUSES = ("covered", "partial", "missing")


@dataclass(frozen=True)
class Verdict:
    """What the matcher says about one requirement: its text, status and evidence paths."""

    text: str
    status: str
    evidence: tuple[str, ...]  # best first


def run_matcher(profile: Profile, guide: Guide, today: date = TODAY) -> dict[str, Verdict]:
    """The only call into the matcher: requirement id -> verdict. Adapt here when it moves."""
    from appkit.match.engine import match_profile

    result = match_profile(profile, guide, today=today)
    return {
        r.id: Verdict(r.text, r.status, tuple(e.source for e in r.evidence))
        for r in result.requirements
    }


_STEP = re.compile(r"\.?([a-z_]+)(?:\[(\d+)\])?")


def resolve_item(profile: Profile, path: str) -> Any:
    """The profile value at a label's path ('experience[0].highlights[2]', 'languages[1]')."""
    value: Any = profile
    pos = 0
    while pos < len(path):
        step = _STEP.match(path, pos)
        if not step or step.end() == pos:
            raise KeyError(path)
        try:
            value = getattr(value, step[1])
            if step[2] is not None:
                value = value[int(step[2])]
        except (AttributeError, IndexError, TypeError):
            raise KeyError(path) from None
        pos = step.end()
    if value is None:
        raise KeyError(path)
    return value


def load_gold(path: Path = LABELS) -> dict[str, Any]:
    """The labels file as plain data (it is the project's own file)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def guide_ref(gold: dict[str, Any], name: str, base: Path) -> str | Path:
    """A built-in guide name as is, a guide file relative to the labels folder."""
    ref = gold["guides"][name]["ref"]
    return base / ref if "/" in ref or Path(ref).suffix else ref


def accepts(label_path: str, source: str) -> bool:
    """True when a matcher evidence path is the labelled item or a field of the labelled entry."""
    return source == label_path or source.startswith((label_path + ".", label_path + "["))


@dataclass
class Tally:
    """Counts for one group of pairs."""

    pairs: int = 0
    confusion: Counter = field(default_factory=Counter)  # (gold, predicted) -> n
    claims: int = 0  # predicted covered
    claims_right_status: int = 0  # predicted covered, gold covered or partial
    evidence_ok: int = 0  # predicted covered with an acceptable top evidence item

    def add(self, gold: str, pred: str, evidence_ok: bool) -> None:
        self.pairs += 1
        self.confusion[(gold, pred)] += 1
        if pred == "covered":
            self.claims += 1
            self.claims_right_status += gold != "missing"
            self.evidence_ok += evidence_ok

    def metrics(self) -> dict[str, Any]:
        c = self.confusion

        def ratio(num: int, den: int) -> float | None:
            return round(num / den, 3) if den else None

        def pr(gold_set: set[str], pred_set: set[str]) -> dict[str, Any]:
            tp = sum(n for (g, p), n in c.items() if g in gold_set and p in pred_set)
            pred = sum(n for (_, p), n in c.items() if p in pred_set)
            gold = sum(n for (g, _), n in c.items() if g in gold_set)
            return {"precision": ratio(tp, pred), "recall": ratio(tp, gold), "tp": tp,
                    "predicted": pred, "gold": gold}  # fmt: skip

        found = {"covered", "partial"}
        false_claims = c[("missing", "covered")]
        return {
            "pairs": self.pairs,
            "covered": pr({"covered"}, {"covered"}),
            "partial": pr({"partial"}, {"partial"}),
            "found": pr(found, found),
            "evidence_precision": ratio(self.evidence_ok, self.claims),
            "evidence_precision_when_right": ratio(self.evidence_ok, self.claims_right_status),
            "false_claims": false_claims,
            "false_claim_rate": ratio(false_claims, self.claims),
            "confusion": {g: {p: c[(g, p)] for p in STATUSES} for g in STATUSES},
        }


def score(gold: dict[str, Any], base: Path = GOLD, today: date = TODAY) -> dict[str, Any]:
    """Run the matcher on every labelled pair; figures per field, per category and overall."""
    by_field: dict[str, Tally] = {}
    by_category: dict[str, Tally] = {}
    overall = Tally()
    errors: list[dict[str, Any]] = []
    guides: dict[str, Guide] = {}
    for block in gold["pairs"]:
        name = block["guide"]
        if name not in guides:
            guides[name] = load_guide(guide_ref(gold, name, base))
        profile = load_model(base / block["profile"], Profile)
        verdicts = run_matcher(profile, guides[name], today)
        guide_field = gold["guides"][name]["field"]
        own = gold["profiles"][block["profile"]]["field"] == guide_field
        group = guide_field if own else "cross-field"
        for label in block["labels"]:
            verdict = verdicts.get(label["id"])
            if verdict is None:
                raise SystemExit(f"{block['profile']} / {name}: no requirement {label['id']}")
            top = verdict.evidence[0] if verdict.evidence else None
            ok = top is not None and any(accepts(p, top) for p in label.get("evidence", []))
            category = label["id"].split("[")[0]
            for tally in (
                by_field.setdefault(group, Tally()),
                by_category.setdefault(category, Tally()),
                overall,
            ):
                tally.add(label["label"], verdict.status, ok)
            wrong_evidence = verdict.status == "covered" and label["label"] != "missing" and not ok
            if verdict.status != label["label"] or wrong_evidence:
                errors.append(
                    {
                        "profile": block["profile"],
                        "guide": name,
                        "id": label["id"],
                        "requirement": label["requirement"],
                        "gold": label["label"],
                        "predicted": verdict.status,
                        "gold_evidence": label.get("evidence", []),
                        "predicted_evidence": list(verdict.evidence),
                        "evidence_ok": ok,
                    }
                )
    order = [f for f in ("healthcare", "software", "retail", "administration") if f in by_field]
    order += sorted(set(by_field) - set(order))
    return {
        "today": today.isoformat(),
        "labels": overall.pairs,
        "fields": {f: by_field[f].metrics() for f in order},
        "categories": {c: t.metrics() for c, t in sorted(by_category.items())},
        "overall": overall.metrics(),
        "errors": errors,
    }


def _pct(value: float | None) -> str:
    return "   -" if value is None else f"{100 * value:4.0f}"


def table(rows: dict[str, dict[str, Any]], title: str) -> str:
    """A fixed-width table of the headline figures, one row per group."""
    head = (
        f"{title:<16}{'pairs':>6} | {'covered P':>9}{'R':>5} | {'partial P':>9}{'R':>5} | "
        f"{'found P':>7}{'R':>5} | {'evid P':>6}{'ev|right':>9} | {'false claims':>12}"
    )
    lines = [head, "-" * len(head)]
    for name, m in rows.items():
        lines.append(
            f"{name:<16}{m['pairs']:>6} | {_pct(m['covered']['precision']):>9}"
            f"{_pct(m['covered']['recall']):>5} | {_pct(m['partial']['precision']):>9}"
            f"{_pct(m['partial']['recall']):>5} | {_pct(m['found']['precision']):>7}"
            f"{_pct(m['found']['recall']):>5} | {_pct(m['evidence_precision']):>6}"
            f"{_pct(m['evidence_precision_when_right']):>9} | {m['false_claims']:>12}"
        )
    return "\n".join(lines)


def report(result: dict[str, Any], errors: bool = False) -> str:
    """The human-readable report: tables by field and by category, a confusion matrix."""
    fields = dict(result["fields"], overall=result["overall"])
    out = [
        f"Gold set: {result['labels']} labelled pairs, matcher run as of {result['today']}. "
        "Figures in %; P = precision, R = recall.",
        "",
        table(fields, "field"),
        "",
        table(result["categories"], "category"),
        "",
        "confusion (rows: label, columns: matcher)",
        f"{'':<10}" + "".join(f"{s:>9}" for s in STATUSES),
    ]
    for gold_status, row in result["overall"]["confusion"].items():
        out.append(f"{gold_status:<10}" + "".join(f"{row[s]:>9}" for s in STATUSES))
    if errors:
        out += ["", "disagreements (label -> matcher; evidence: labelled vs matcher's top):"]
        for e in result["errors"]:
            top = e["predicted_evidence"][0] if e["predicted_evidence"] else "-"
            out.append(
                f"  {e['profile']} / {e['guide']} {e['id']}: {e['gold']} -> {e['predicted']}"
                f"  [{', '.join(e['gold_evidence']) or '-'}] vs {top}"
                f"  | {e['requirement'][:70]}"
            )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--labels", type=Path, default=LABELS, help="the labels file")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument(
        "--today", type=date.fromisoformat, default=TODAY, help="YYYY-MM-DD (default: the labels')"
    )
    args = parser.parse_args(argv)
    result = score(load_gold(args.labels), args.labels.parent, args.today)
    if args.json:
        json.dump(result, sys.stdout, indent=2)
        print()
    else:
        print(report(result, args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Letter lint: every letter and resume of the gold, sample and real profiles, against the
Clinical Coordinator guide, twenty O*NET occupations across fields and every dev posting, has
no empty slot, doubled punctuation, wrong article, broken first person, foreign spelling or
posting sentence copied as the candidate's. Text only (no PDF): one Engine, plain-text output.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest

from appkit.engine import Engine
from appkit.errors import AppkitError
from appkit.guide.library import load_guide
from appkit.guide.model import Guide, Posting
from appkit.guide.posting import load_posting
from appkit.options import Options
from appkit.packet import Inputs, build_packet
from appkit.profile.load import load_profile
from appkit.profile.model import Profile
from tests.documents import lint

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path("/work/shared/data")
POSTINGS_CSV = SHARED / "postings" / "dev-postings.csv"
REAL = SHARED / "jsonresume" / "real"
# Healthcare, software, sales/retail, teaching, administration, trades.
ONET = [
    "29-1141.00",
    "31-9092.00",
    "29-2061.00",
    "31-1131.00",
    "43-6013.00",
    "15-1252.00",
    "15-1254.00",
    "15-1232.00",
    "41-2031.00",
    "41-1011.00",
    "41-2011.00",
    "25-2021.00",
    "25-9042.00",
    "25-2031.00",
    "43-6014.00",
    "43-4171.00",
    "11-3012.00",
    "47-2111.00",
    "49-9021.00",
    "47-2152.00",
]


def _posting_ids() -> list[str]:
    if not POSTINGS_CSV.is_file():
        return []
    with POSTINGS_CSV.open(encoding="utf-8", newline="") as f:
        return [row["job_id"] for row in csv.DictReader(f)]


TARGETS = (
    ["guide:clinical-coordinator"]
    + [f"guide:onet:{code}" for code in ONET]
    + [f"posting:{pid}" for pid in _posting_ids()]
)
OPTIONS = Options(formats=("txt",), date="2026-01-15")


@cache
def engine() -> Engine:
    return Engine()


@cache
def profiles() -> tuple[tuple[str, Profile, str], ...]:
    """(name, profile, its own text) for every profile that loads."""
    files = sorted((ROOT / "tests" / "data" / "gold" / "profiles").glob("*.yaml"))
    files += sorted((ROOT / "profiles").glob("*.yaml"))
    if REAL.is_dir():
        files += sorted(REAL.glob("*.json"))
    out = []
    for path in files:
        try:
            profile = load_profile(path)
        except AppkitError:
            continue  # a file that is not a valid profile is the loader's business, not the lint's
        out.append((path.name, profile, "\n".join(lint.strings(profile.model_dump()))))
    return tuple(out)


@cache
def target(name: str) -> tuple[Guide | None, Posting | None, lint.Sources]:
    kind, _, value = name.partition(":")
    if kind == "guide":
        guide = load_guide(value)
        return guide, None, lint.Sources(lint.strings(guide.model_dump()))
    posting = load_posting(POSTINGS_CSV, posting_id=value)
    return None, posting, lint.Sources(lint.strings(posting.model_dump()))


def texts(profile: Profile, guide: Guide | None, posting: Posting | None) -> dict[str, str]:
    docs = build_packet(
        Inputs(profile=profile, guide=guide, posting=posting),
        OPTIONS,
        kinds=("resume", "cover"),
        engine=engine(),
    )
    return {name: data.decode("utf-8") for name, data in docs.files.items()}


@pytest.mark.parametrize("name", TARGETS)
def test_letters_and_resumes_have_no_defects(name: str) -> None:
    guide, posting, sources = target(name)
    found = []
    for profile_name, profile, own in profiles():
        for doc, text in texts(profile, guide, posting).items():
            kind = "cover" if "Cover" in doc else "resume"
            for defect in lint.defects(text, own, sources if kind == "cover" else None):
                found.append(f"{profile_name} {kind}: {defect}")
    assert not found, "\n".join(found)


def test_lint_finds_each_defect() -> None:
    sources = lint.Sources(
        [
            "The ability to own daily scheduling for the clinic sits at the center"
            " of this position and matters."
        ]
    )
    bad = {
        "Much of this position depends on .": lint.empty_slots,
        "Equally important is .": lint.empty_slots,
        "I worked at F5 Inc..": lint.doubled_punctuation,
        "I am an nurse.": lint.wrong_articles,
        "She holds a MBA.": lint.wrong_articles,
        "I am a ron has been building apps.": lint.broken_first_person,
        "I creation of strategies.": lint.broken_first_person,
        "I responsible for billing.": lint.broken_first_person,
    }
    for text, check in bad.items():
        assert check(text), text
    assert lint.spelling("We organise the clinic.")
    assert not lint.spelling("We organise the clinic.", locale="en-GB")
    assert lint.copied_sentences(
        "The ability to own daily scheduling for the clinic sits at the center of this position.",
        sources,
    )
    clean = (
        "Dear Ms. Rivera, I scheduled an MRI for a user at F5 Inc. and an hour later, a UX test."
    )
    assert not lint.defects(clean, sources=sources)
    # The candidate's own text is theirs: quoting it is not a defect.
    assert not lint.wrong_articles("“Earned a MBA.”", own="Earned a MBA.")

"""The skill-gap report reads well: it opens with the top five gaps, each with a concrete next step
from the guide, then a compact table; two pages at most for every sample profile against the
built-in guide; no leaked labels, doubled acronyms or contradictory figures."""

from __future__ import annotations

import io
import re
from functools import cache

import pytest
from pypdf import PdfReader

from appkit.guide.library import load_guide
from appkit.match.gapreport import TOP, GapReport, preferred, worth
from appkit.match.gaps import advice_candidates, cert_name
from appkit.match.index import index_guide
from appkit.match.models import MatchResult
from tests.documents.test_letter import NAMES, build

_COUNTS = r"(?P<score>\d+) / 100 \((?P<c>\d+) covered, (?P<p>\d+) partial, (?P<m>\d+) missing\)"


@cache
def rendered(name: str, post: str | None = None) -> tuple[MatchResult, int, str]:
    """The match, the PDF's page count and its text read back with pypdf."""
    ctx, _, pdf, _ = build("report", name, post)
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return ctx.tailored.match, len(reader.pages), " ".join(text.split())


@pytest.mark.parametrize("name", NAMES)
def test_sample_profile_report_fits_two_pages(name: str) -> None:
    _, pages, _ = rendered(name)
    assert pages <= 2


@pytest.mark.parametrize("post", [None, "clinical-coordinator.txt"])
@pytest.mark.parametrize("name", NAMES)
def test_report_opens_with_its_top_five_gaps(name: str, post: str | None) -> None:
    match, _, text = rendered(name, post)
    report: GapReport = match.gap_report
    gaps = len(match.next_steps)
    assert len(report.top) == min(TOP, len({s.action for s in match.next_steps}))
    # The first section after the masthead is the top list, in order, before anything else.
    heading = text.index("TOP 5 GAPS") if len(report.top) == TOP else text.index("TOP")
    assert heading < text.index("SCORE") and text.index("SCORE") > 0
    at = heading
    for row in report.top:
        found = text.index(row.name.rstrip("…"), at)
        assert found < text.index("SCORE")
        assert text.index("Next step:", found) < text.index("SCORE")
        at = found
    # What matters most: no gap left out of the top list is worth more, unless it shares a step
    # that is already on the list (five gaps never repeat one sentence).
    floor = min((r.worth for r in report.top), default=0)
    for row in report.rest:
        assert row.worth <= floor or row.same_as is not None
    assert gaps == len(report.top) + len(report.rest)


def test_required_before_preferred_at_equal_worth() -> None:
    assert worth(2.0, "missing") > worth(2.0, "partial") == worth(1.0, "missing")
    assert preferred("posting.preferred[0]") and not preferred("posting.qualifications[0]")
    match, *_ = rendered("james-okafor", "clinical-coordinator.txt")
    order = [(r.worth, r.preferred) for r in [*match.gap_report.top, *match.gap_report.rest]]
    for (w1, p1), (w2, p2) in zip(order, order[1:], strict=False):
        assert not (w1 == w2 and p1 and not p2)


@pytest.mark.parametrize("post", [None, "clinical-coordinator.txt"])
@pytest.mark.parametrize("name", NAMES)
def test_next_steps_are_concrete_and_never_repeated(name: str, post: str | None) -> None:
    match, _, text = rendered(name, post)
    report = match.gap_report
    by_id = {r.id: r for r in match.requirements}
    for row in [*report.top, *report.rest]:
        req = by_id[row.requirement_id]
        if req.category in ("responsibility", "qualification"):
            duty = " ".join(req.text.split()).rstrip(".").lower()
            assert duty not in row.action.lower(), "a next step that repeats the requirement"
    for row in report.top:
        assert row.action and row.action in text
    # Each step is written once; later gaps that share it refer to the earlier one.
    for action in {r.action for r in [*report.top, *report.rest]}:
        assert text.count(" ".join(action.split())) <= 1, action
    assert "Gap: nothing in the profile" not in text
    assert len(re.findall(r"Next step:", text)) == len(report.top)


@pytest.mark.parametrize("post", [None, "clinical-coordinator.txt"])
@pytest.mark.parametrize("name", NAMES)
def test_no_labels_doubled_acronyms_or_contradictory_figures(name: str, post: str | None) -> None:
    match, _, text = rendered(name, post)
    assert not re.search(r"\b(?:Step|Phase) \d+\s*:", text)
    assert not re.search(r"\b([A-Z]{2,})\b \(\1\)", text)
    report = match.gap_report
    for c in report.categories:
        m = re.search(re.escape(c.label) + ": " + _COUNTS, text)
        assert m, c.label
        covered, partial, missing = int(m["c"]), int(m["p"]), int(m["m"])
        if int(m["score"]) == 100:
            assert partial == missing == 0, m[0]
        if int(m["score"]) == 0:
            assert covered == partial == 0, m[0]
    totals = (report.covered_count, report.partial_count, report.missing_count)
    units = {r.group or r.id for r in match.requirements}
    assert sum(totals) == len(units)
    assert f"{totals[0]} requirement" in text and f"{totals[2]} missing" in text


def test_any_of_group_counts_once() -> None:
    """A candidate with one certification of an any-of group has the group covered, not 'N
    missing' beside a full score."""
    match, _, _ = rendered("maria-santos")
    certs = [r for r in match.requirements if r.category == "certification"]
    if any(r.status == "covered" for r in certs):
        row = next(c for c in match.gap_report.categories if c.category == "certification")
        assert (row.covered, row.partial, row.missing) == (1, 0, 0)


def test_guide_advice_has_no_labels_or_doubled_acronyms() -> None:
    guide = load_guide("clinical-coordinator")
    index = index_guide(guide, None)
    actions = [a.action for a in advice_candidates(guide, index.lexicon)]
    assert actions
    for action in actions:
        assert not re.match(r"(?:Step|Phase) \d+", action), action
        assert not re.search(r"\b([A-Z]{2,})\b \(\1\)", action), action
        assert not action.startswith(("This includes", "These include"))
    assert cert_name("CAPM", "CAPM") == "CAPM"
    assert cert_name("Certified Medical Administrative Assistant", "CMAA") == (
        "Certified Medical Administrative Assistant (CMAA)"
    )
    assert cert_name("PMP certification (PMP)", "PMP") == "PMP certification (PMP)"

"""tailor(): the documents' view of one MatchResult — order, budget, competencies, no gaps shown."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from appkit.documents.tailor import Tailored, tailor
from appkit.guide.model import Guide, Posting
from appkit.loading.read import load_model
from appkit.profile.model import Profile

DATA = Path(__file__).resolve().parents[1] / "data" / "match"
PROFILES = Path(__file__).resolve().parents[2] / "profiles"
TODAY = date(2025, 6, 1)


@pytest.fixture(scope="module")
def guide() -> Guide:
    return load_model(DATA / "clinical-coordinator-guide.yaml", Guide)


def fixture(name: str) -> Profile:
    return load_model(DATA / f"{name}.yaml", Profile)


def test_jobs_reverse_chronological_and_lead_with_most_relevant(guide: Guide) -> None:
    profile = fixture("senior-coordinator")
    out = tailor(profile, guide, today=TODAY)
    assert [t.job.title for t in out.experience] == [
        "Senior Clinical Coordinator",
        "Clinical Coordinator",
        "Medical Assistant",
    ]
    rel = out.match.relevance
    for i, tj in enumerate(out.experience):
        job = profile.experience[i]
        scores = [
            rel.get(f"experience[{i}].highlights[{job.highlights.index(h)}]", 0.0)
            for h in tj.highlights
        ]
        assert scores == sorted(scores, reverse=True)
        assert sorted(tj.highlights) == sorted(job.highlights)  # nothing added, nothing lost
    first = out.experience[0].highlights[0]
    assert first.startswith("Managed patient scheduling")
    assert not out.experience[0].highlights[-1].startswith("Managed patient scheduling")


def test_bullet_budget_drops_least_relevant(guide: Guide) -> None:
    full = tailor(fixture("senior-coordinator"), guide, today=TODAY)
    cut = tailor(fixture("senior-coordinator"), guide, bullet_budget=2, today=TODAY)
    for a, b in zip(full.experience, cut.experience, strict=True):
        assert b.highlights == a.highlights[:2]
        assert b.dropped == len(a.highlights) - len(b.highlights)


def proven_by_covered(competency: str, out: Tailored) -> bool:
    """A competency names a covered requirement: its name, parts of it, or its acronym, plus
    in parentheses only examples the evidence shows ("EHR (Epic)")."""
    head, _, inner = competency.casefold().removesuffix(")").partition(" (")
    shown = [s.strip() for s in inner.split(",")] if inner else []
    for r in (r for r in out.match.requirements if r.status == "covered"):
        terms = {t.casefold() for t in r.terms} | {r.name.casefold()}
        matched = " ".join(w for e in r.evidence for w in e.matched).casefold()
        named = head in terms or all(p in terms for p in head.split(" and "))
        if named and all(s in terms and s.split()[0] in matched for s in shown):
            return True
    return False


def test_competencies_only_covered_short_names(guide: Guide) -> None:
    out = tailor(fixture("senior-coordinator"), guide, today=TODAY)
    assert out.competencies and all(proven_by_covered(c, out) for c in out.competencies)
    # Only Epic is in evidence, so the EHR skill is named by what proves it.
    assert "EHR (Epic)" in out.competencies
    assert "Electronic Health Records Systems Management" not in out.competencies
    assert all(not c.endswith(".") for c in out.competencies)  # no responsibility sentences
    weak = tailor(fixture("ma-stepping-up"), guide, today=TODAY)
    missing = {r.name for r in weak.match.requirements if r.status != "covered"}
    assert not set(weak.competencies) & missing
    assert "Telehealth Platform Operation and Support" not in weak.competencies


def test_skills_lead_with_matched(guide: Guide) -> None:
    out = tailor(fixture("unrelated-retail"), guide, today=TODAY)
    assert out.skills[0].items[0] == "Excel"
    senior = tailor(fixture("senior-coordinator"), guide, today=TODAY)
    assert senior.skills[0].items[-1] == "Kronos"


def test_summary_and_title(guide: Guide) -> None:
    profile = fixture("ma-stepping-up")
    out = tailor(profile, guide, today=TODAY)
    assert out.summary == profile.summary and out.target_title == "Clinical Coordinator"
    posting = Posting(title="Patient Care Coordinator", company="Acme Health")
    out = tailor(profile, guide, posting, today=TODAY)
    assert (out.target_title, out.company) == ("Patient Care Coordinator", "Acme Health")
    assert out.match and out.match.target_title == "Patient Care Coordinator"


def test_no_guide_keeps_profile_order() -> None:
    profile = fixture("senior-coordinator")
    out = tailor(profile)
    assert out.match is None and out.competencies == []
    assert out.experience[0].highlights == profile.experience[0].highlights


@pytest.mark.parametrize("name", sorted(p.stem for p in PROFILES.glob("*.yaml")))
def test_sample_profiles_tailor_without_inventing(guide: Guide, name: str) -> None:
    profile = load_model(PROFILES / f"{name}.yaml", Profile)
    out = tailor(profile, guide, today=TODAY)
    own = {h for j in profile.experience for h in j.highlights}
    assert {h for t in out.experience for h in t.highlights} == own
    assert all(proven_by_covered(c, out) for c in out.competencies)


def test_competencies_claim_only_the_proven_part_of_a_compound_skill() -> None:
    from appkit.guide.library import load_guide
    from appkit.profile.model import Profile

    profile = Profile.model_validate(
        {
            "basics": {"name": "A"},
            "skills": [{"group": "Admin", "items": ["Medical terminology", "Scheduling software"]}],
        }
    )
    names = tailor(profile, load_guide("clinical-coordinator")).competencies
    assert "Medical Terminology" in names
    assert not any("Anatomy" in n for n in names)
    assert "Scheduling Software" in names

"""Match a profile against a guide (and posting): evidence, status and a 0-100 coverage score.

Evidence items: every job title and bullet, degree and education bullet, certification, skill,
project and volunteer entry, award (the summary is a claim, not evidence). Score of one item
against one requirement, 0..1:

    phrase hit     1.0 when the item contains every key of one of the requirement's phrases
    key overlap    min(1, matched weight / min(total weight, SATURATION)), where a key weighs 1
                   (GENERIC words 0.25); only counted once two distinctive keys match (one, if
                   the requirement has a single distinctive key and no phrases), so one shared
                   word ("practices", "scheduled") is never enough for a longer requirement
    years          "N+ years" items: 1.0 at >= N relevant years, 0.5 at >= N/2

Also: a suite part or a product kind named without a product is 0.5 (`phrases`); a named product
evidences its kind (`products`); degrees by level and field (`degrees`); a duty's core or breadth
lifts a bullet to covered (`core`). A requirement's score is its best item's score. Status:
covered >= COVERED (0.6), partial >= PARTIAL (0.3), else missing; credit 1, 0.5, 0. Coverage
(overall and per category) is

    100 x sum(weight x credit) / sum(weight)

over units: each requirement, except that an any-of group (see `appkit.match.requirements`) is
one unit with its largest weight and its best credit. An item's relevance (used to order bullets) is
the sum of weight x credit over the requirements it evidences.
"""

from __future__ import annotations

from datetime import date

from appkit.guide.model import Guide, Posting
from appkit.match.core import duty_core, duty_parts, shows_core, shows_parts
from appkit.match.degrees import degree_meets, field_keys, named_fields
from appkit.match.gaps import next_steps
from appkit.match.index import IndexCache, index_guide
from appkit.match.items import Item, profile_items
from appkit.match.levels import LevelFit, level_fit
from appkit.match.models import (
    CategoryScore,
    Evidence,
    ItemRef,
    MatchResult,
    RequirementMatch,
)
from appkit.match.requirements import Requirement
from appkit.match.scoring import COVERED, PARTIAL, coverage, credit, status_of, units
from appkit.match.scoring import best as best_member
from appkit.match.senses import duty_frame, shows_frame
from appkit.profile.model import Profile

SATURATION = 4.0
# One part of a suite ("Word" for "Microsoft Office (Word, Excel, Outlook)"), or an activity a
# bullet names without any product ("scheduling" for "scheduling software"): partial evidence.
PART_SCORE = 0.5
# A bullet (not a title) that shows a duty's first part and another (`core.shows_parts`) covers it.
BROAD = frozenset({"bullet", "project", "volunteer", "education"})
MIN_POSTING = 3  # fewer posting requirements than this is a warning in match.json
MAX_EVIDENCE = 5
# A job is relevant experience when its title/bullets evidence requirements (not soft skills) with
# sum(weight x credit) at least this much.
# At least one of them must be strong evidence (see `score_item`), so a retail job that "scheduled
# shifts" and "ordered stock" is not relevant experience for a clinical role.
RELEVANT_WEIGHT = 4.0
# Education requirements are evidenced by education and certifications only, never by job bullets.
EDUCATION_KINDS = frozenset({"degree", "education", "certification"})
_NONE: frozenset[str] = frozenset()
CATEGORIES = (
    "responsibility",
    "qualification",
    "technical_skill",
    "tool",
    "certification",
    "education",
    "soft_skill",
)


def score_item(req: Requirement, item: Item) -> tuple[float, frozenset[str], bool]:
    """Score one item against one requirement (module docstring): (score, matched keys, strong).

    Strong evidence (two or more distinctive words, or an acronym) is what makes a job relevant.
    """
    partial: tuple[float, frozenset[str], bool] | None = None
    for phrase in req.phrases:
        if phrase.keys <= item.keys and (not phrase.proper or phrase.keys <= item.cased):
            if phrase.part or (phrase.kind_only and not item.named):
                partial = partial or (PART_SCORE, phrase.keys, False)
                continue
            return 1.0, phrase.keys, phrase.strong
    if partial:
        return partial
    if not req.keys:
        return 0.0, _NONE, False
    hit = [k for k in req.keys if k in item.keys]
    distinct = sum(1 for k in hit if req.keys[k] == 1.0)
    need = 2 if req.phrases else min(2, sum(1 for w in req.keys.values() if w == 1.0))
    if not hit or distinct < max(need, 1):
        return 0.0, _NONE, False
    total = sum(req.keys.values())
    score = min(1.0, sum(req.keys[k] for k in hit) / min(total, SATURATION))
    return round(score, 3), frozenset(hit), distinct >= 2


def _parts_together(
    req: Requirement, found: list[tuple[Item, float, frozenset[str]]]
) -> list[tuple[Item, float, frozenset[str]]]:
    """Two different parts of a suite (Word and Excel for Microsoft Office) cover it together."""
    parts = [p for p in req.phrases if p.part]
    hit = {p.keys for p in parts for item, _, keys in found if keys == p.keys}
    if len(hit) < 2:
        return found
    return [(i, 1.0 if k in hit else s, k) for i, s, k in found]


def matched_words(item: Item, keys: frozenset[str]) -> list[str]:
    """The item's own words (as written) that carry the matched keys."""
    words = [item.text[t.start : t.end] for t in item.tokens if t.key in keys or t.parts & keys]
    words += [name for name, what in item.products if what & keys]
    return list(dict.fromkeys(words))


def match_profile(
    profile: Profile,
    guide: Guide | None,
    posting: Posting | None = None,
    today: date | None = None,
    index_cache: IndexCache | None = None,
) -> MatchResult:
    """Match a profile against a guide and/or posting (the guide side cached in `index_cache`)."""
    index = index_guide(guide, posting, index_cache)
    items = profile_items(profile, index.lexicon)
    pairs: dict[str, list[tuple[Item, float, frozenset[str]]]] = {}
    relevance: dict[str, float] = {}
    job_weight: dict[int, tuple[float, bool]] = {}
    spoken = frozenset(k for i in items if i.kind == "language" for k in i.keys)
    fields = tuple(
        keys
        for r in index.requirements
        if r.category == "education"
        for keys in named_fields(index.lexicon, r.text)
    )
    for req in index.requirements:
        duty = req.category == "responsibility"
        core = duty_core(index.lexicon, req.text) if duty else None
        parts = duty_parts(index.lexicon, req.text) if duty else ()
        frame = duty_frame(index.lexicon, req.text) if duty else None
        found: list[tuple[Item, float, frozenset[str]]] = []
        jobs: dict[int, tuple[float, bool]] = {}
        for item in items:
            if item.kind in req.not_from or (
                req.category == "education" and item.kind not in EDUCATION_KINDS
            ):
                continue
            score, keys, strong = score_item(req, item)
            if (
                req.category == "education"
                and item.kind == "degree"
                and score < 1.0
                and degree_meets(index.lexicon, req.text, item.text, fields)
            ):
                score, keys = 1.0, field_keys(index.lexicon, item.text)
            if score < COVERED and shows_core(core, item.keys):
                score, keys = COVERED, frozenset({core[0], *core[1]}) if core else keys
            own = score  # what the job earns toward relevant experience (breadth aside)
            if (
                score < COVERED
                and item.kind in BROAD
                and (paraphrase := shows_frame(frame, item.words))
            ):
                score, keys = COVERED, paraphrase
            if PARTIAL <= score < COVERED and item.kind in BROAD and shows_parts(parts, item.keys):
                score = COVERED
            if score >= PARTIAL:
                found.append((item, score, keys))
                relevance[item.path] = relevance.get(item.path, 0.0) + req.weight * credit(score)
                if item.job is not None and not (keys and keys <= spoken):  # a language: no job
                    best, was_strong = jobs.get(item.job, (0.0, False))
                    jobs[item.job] = (max(best, credit(own)), was_strong or strong)
        pairs[req.id] = _parts_together(req, found)
        if req.category != "soft_skill":
            for job, (best, strong) in jobs.items():
                weight, any_strong = job_weight.get(job, (0.0, False))
                job_weight[job] = (weight + req.weight * best, any_strong or strong)
    relevant = sorted(j for j, (w, strong) in job_weight.items() if strong and w >= RELEVANT_WEIGHT)
    fit = None
    if guide is not None:
        jobs = [profile.experience[j] for j in relevant]
        fit = level_fit(guide, jobs, [f"experience[{j}]" for j in relevant], today)
    results = [_result(req, pairs[req.id], profile, relevant, fit) for req in index.requirements]
    by_status = {
        s: [r.id for r in results if r.status == s] for s in ("covered", "partial", "missing")
    }
    categories = []
    for cat in CATEGORIES:
        members = [r for r in results if r.category == cat]
        if members:
            counts = [
                sum(1 for m in members if m.status == s) for s in ("covered", "partial", "missing")
            ]
            categories.append(
                CategoryScore(
                    category=cat,
                    score=coverage(members),
                    covered=counts[0],
                    partial=counts[1],
                    missing=counts[2],
                )
            )
    reqs = {r.id: r for r in index.requirements}
    gaps = []
    for members in units(results):
        best = best_member(members)
        if best.status != "covered":
            gaps.append((reqs[best.id], best.status))
    return MatchResult(
        target_title=posting.title if posting else guide.title if guide else None,
        company=posting.company if posting else None,
        guide_title=guide.title if guide else None,
        overall=coverage(results),
        categories=categories,
        requirements=results,
        covered=by_status["covered"],
        partial=by_status["partial"],
        missing=by_status["missing"],
        level=fit,
        next_steps=next_steps(gaps, index.advice),
        relevance={k: round(v, 2) for k, v in relevance.items()},
        warnings=_warnings(posting, index.requirements),
    )


def _warnings(posting: Posting | None, reqs: list[Requirement]) -> list[str]:
    """The posting's own warnings, and one when it adds fewer than MIN_POSTING requirements."""
    if posting is None:
        return []
    notes = list(posting.warnings)
    count = sum(1 for r in reqs if r.source == "posting")
    if count < MIN_POSTING and not any("requirement" in n for n in notes):
        notes.append(
            f"the posting gave only {count} usable requirement{'s' if count != 1 else ''};"
            " the match leans on the guide"
        )
    return notes


def _result(
    req: Requirement, found: list, profile: Profile, relevant: list[int], fit: LevelFit | None
) -> RequirementMatch:
    found = sorted(found, key=lambda f: -f[1])
    evidence = [
        Evidence(
            source=i.path, ref=i.ref, kind=i.kind, text=i.text, matched=matched_words(i, k), score=s
        )
        for i, s, k in found[:MAX_EVIDENCE]
    ]
    score = found[0][1] if found else 0.0
    # "N+ years of experience in a clinical setting" asks for any relevant experience, not only
    # years in the role itself, so it is judged on the unweighted total.
    total = fit.role_years + fit.related_years if fit is not None else 0.0
    if req.min_years and fit is not None and total >= req.min_years / 2:
        years_score = 1.0 if total >= req.min_years else 0.5
        if years_score > score:
            score = years_score
            evidence = [
                Evidence(
                    source=ItemRef(section="experience", index=j, field="title").path,
                    ref=ItemRef(section="experience", index=j, field="title"),
                    kind="title",
                    text=profile.experience[j].title,
                    matched=[],
                    score=years_score,
                )
                for j in relevant
            ] + evidence
    return RequirementMatch(
        id=req.id,
        category=req.category,
        source=req.source,
        text=req.text,
        name=req.name,
        weight=req.weight,
        group=req.group,
        terms=list(req.terms),
        status=status_of(score),
        score=score,
        evidence=evidence[:MAX_EVIDENCE],
    )


__all__ = ["CategoryScore", "Evidence", "MatchResult", "RequirementMatch", "match_profile"]

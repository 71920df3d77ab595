"""Interview questions: behavioural (STAR), technical, challenge and questions for the employer.

Behavioural: one per soft skill of the guide, from a bullet the matcher evidenced that skill with
(best score, then cue-word fit); a bullet serves one skill only, and a skill whose bullets are all
taken moves an earlier one to another of its bullets (augmenting paths). Skills left over take
the best unused bullet by cue words and the skill's description. Bullets are quoted verbatim.
Technical: one per technical skill and per tool not named by a skill (Epic under EHR), with the
match's evidence quoted, or a "prepare this" note for gaps.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict

from appkit.documents.cues import CUES
from appkit.documents.evidence import (
    EvidencePoint,
    Quote,
    evidence_point,
    highlight_points,
    proper_words,
    soften,
    verb_led,
    where,
)
from appkit.guide.model import Guide
from appkit.match.engine import MatchResult, RequirementMatch
from appkit.match.terms import GENERIC, stems
from appkit.profile.model import Profile

SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
# Every sentence the sheet writes around guide and profile text, in one place (US spelling; a
# locale may swap the words).
WORDS = {
    "new_one": "Be honest that this is new to you; say how you would learn it (a course, a "
    "practice environment, shadowing a colleague) and what you already know that is close to it.",
    "new_many": "Be honest that these are new to you; say which you would learn first and how "
    "(a course, a practice environment, shadowing a colleague).",
    "no_story": "No bullet of yours shows {skill} yet. Prepare one true example from work, "
    "study or volunteering, then add it to your resume as a bullet.",
    "guide_says": "The guide suggests: {step}",
}
_VAGUE = frozenset({"systems", "platforms"})
_CUE_FIT = 2  # one cue word (worth 2) at least, for a bullet the matcher did not evidence
_QUOTABLE = ("bullet", "project", "volunteer")


class StarQuestion(BaseModel):
    """A behavioural question for one soft skill, with a STAR scaffold from a real bullet."""

    model_config = ConfigDict(defer_build=True, frozen=True)
    skill: str
    description: str = ""
    prompt: str
    evidence: EvidencePoint | None = None  # None: no bullet shows the skill, see `prepare`
    matched: bool
    evidenced: bool = False
    prepare: str = ""  # what to prepare when no bullet shows the skill

    @property
    def situation(self) -> str:
        """Where it happened: 'a Certified Medical Assistant at Desert Willow (Jan 2023 – …)'."""
        e = self.evidence
        if e is None:
            return ""
        where = (
            f"the project “{e.role}”"
            if e.kind == "project"
            else f"{e.role_with_article} at {e.organization}"
        )
        return where + (f" ({e.dates})" if e.dates else "")


class TechQuestion(BaseModel):
    """A technical question with the candidate's evidence, or what to prepare for a gap."""

    model_config = ConfigDict(defer_build=True)

    name: str
    kind: str
    question: str
    status: str
    quotes: list[Quote] = []
    prepare: str | None = None


class TalkingPoint(BaseModel):
    """A question the candidate may face, with a short hint."""

    model_config = ConfigDict(defer_build=True)

    question: str
    hint: str
    quote: Quote | None = None
    salary: bool = False


def _evidenced(
    profile: Profile, match: MatchResult, fits: list[Callable[[set[str]], int]], ids: list[str]
) -> list[EvidencePoint | None]:
    """Per soft skill, a verb-led bullet the matcher evidenced it with (module docstring)."""
    by_id = {r.id: r for r in match.requirements}
    proper = proper_words(profile)
    options: list[list[EvidencePoint]] = []
    for i, fit in enumerate(fits):
        req = by_id.get(ids[i])
        ev = sorted(req.evidence if req else [], key=lambda e: (-e.score, -fit(set(stems(e.text)))))
        points = [evidence_point(profile, e.ref, proper, req) for e in ev]
        options.append([p for p in points if p and verb_led(p.text)])
    owner: dict[str, int] = {}

    def take(i: int, seen: set[str]) -> bool:
        sources = [p.source for p in options[i]]
        for source in [s for s in sources if s not in owner][:1] or sources:
            if source in seen:
                continue
            seen.add(source)
            if source not in owner or take(owner[source], seen):
                owner[source] = i
                return True
        return False

    for i in range(len(options)):
        take(i, set())
    chosen = {i: source for source, i in owner.items()}
    return [next((p for p in o if p.source == chosen.get(i)), None) for i, o in enumerate(options)]


def behavioural(profile: Profile, guide: Guide, match: MatchResult) -> list[StarQuestion]:
    """One STAR question per soft skill: the matcher's evidence first, else the best cue fit."""
    prompts: list[str] = []
    fits: list[Callable[[set[str]], int]] = []
    kept = {r.id for r in match.requirements if r.category == "soft_skill"}
    # the soft skills matched (an O*NET guide's are capped by appkit.match.caps), by guide index
    skills = [(i, s) for i, s in enumerate(guide.soft_skills) if f"soft_skills[{i}]" in kept]
    for _i, skill in skills:
        low = skill.name.lower()
        prompt, words = next(
            (v for k, v in CUES.items() if k in low), (f"showed {low} at work", "")
        )
        cues, desc = set(stems(words)), set(stems(skill.description or "")) - GENERIC
        prompts.append(prompt)
        fits.append(lambda keys, c=cues, d=desc: 2 * len(keys & c) + len(keys & d))
    ids = [f"soft_skills[{i}]" for i, _ in skills]
    evidenced = _evidenced(profile, match, fits, ids)
    keyed = [(b, set(stems(b.text))) for b in highlight_points(profile, match)]
    used = Counter(p.source for p in evidenced if p)
    steps = {s.requirement_id: s for s in match.next_steps}
    out = []
    for rid, (_, skill), prompt, fit, point in zip(
        ids, skills, prompts, fits, evidenced, strict=True
    ):
        if point is None and keyed:
            # A bullet without the matcher's evidence must carry a cue word of the skill (a
            # behaviour, not a shared topic): a dashboard is no story about empathy.
            ranked = [((used[b.source], -fit(keys), n), b) for n, (b, keys) in enumerate(keyed)]
            key, best = min(
                ((k, b) for k, b in ranked if -k[1] >= _CUE_FIT and not k[0]), default=(None, None)
            )
            if best is not None:
                point = best
                used[best.source] += 1
        prepare = ""
        if point is None:
            prepare = WORDS["no_story"].format(skill=skill.name.lower())
            step = steps.get(rid)
            if step and step.source != step.requirement_id:
                prepare += " " + WORDS["guide_says"].format(step=step.action.rstrip(".") + ".")
        out.append(
            StarQuestion(
                skill=skill.name,
                description=skill.description or "",
                prompt=prompt,
                evidence=point,
                matched=point is not None,
                evidenced=point is not None and point.category == "soft_skill",
                prepare=prepare,
            )
        )
    return out


# A sentence opening with one of these leans on the one before it ("They also utilize ...").
_LEANING = {"they", "it", "this", "these", "those", "he", "she", "also", "such", "then", "however"}


def _stands_alone(sentence: str) -> bool:
    """Whether a guide sentence reads on its own: not a pronoun's follow-on, not a gerund list."""
    first = sentence.split(maxsplit=1)[0].lower() if sentence.strip() else ""
    return bool(first) and first not in _LEANING and not first.endswith("ing")


def _guide_sentence(guide: Guide, name: str) -> str | None:
    """The guide sentence that best mentions a skill or tool (for a 'prepare this' note)."""
    want = set(stems(name)) - GENERIC
    if len(want) < 2:
        return None
    texts = [guide.tools_text, *guide.overview, *guide.education_training]
    texts += guide.growth_opportunities
    best, best_n = None, 0
    for text in texts:
        for sentence in SENTENCE.split(text):
            if not _stands_alone(sentence):
                continue
            n = len(want & set(stems(sentence)))
            if n > best_n:
                best, best_n = sentence, n
    return best if best_n >= 2 else None


def _quotes(profile: Profile, req: RequirementMatch) -> list[Quote]:
    """Up to two quotes for a requirement: bullets first, then by score; never a bare job title."""
    ranked = sorted(req.evidence, key=lambda e: (e.kind not in _QUOTABLE, -e.score))[:2]
    return [Quote(text=e.text, where=where(profile, e.ref)) for e in ranked if e.kind != "title"]


def technical(profile: Profile, guide: Guide, match: MatchResult) -> list[TechQuestion]:
    """One question per technical skill and per tool not already named by a skill."""
    steps = {s.requirement_id: s for s in match.next_steps}
    by_id = {r.id: r for r in match.requirements}
    entries = [
        (f"technical_skills[{i}]", s.name, "skill") for i, s in enumerate(guide.technical_skills)
    ]
    named = {w.lower() for s in guide.technical_skills for w in [*s.examples, *s.name.split()]}
    for i, tool in enumerate(guide.tools):
        words = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", tool.name)} - _VAGUE
        if tool.name.lower() in named or (words and words <= named):
            continue
        entries.append((f"tools[{i}]", tool.name, "tool"))
    out = []
    new: dict[str, list[str]] = {"skill": [], "tool": []}
    for rid, name, kind in entries:
        req = by_id.get(rid)
        if req is None:
            continue  # not matched (capped by appkit.match.caps: 426 O*NET tools): no question
        status = req.status
        quotes = _quotes(profile, req)[:1] if status != "missing" else []
        step = steps.get(rid)
        prepare = _guide_sentence(guide, name) or (
            step.action.rstrip(".") + "." if step and step.source != rid else None
        )
        if not quotes and prepare is None:
            new[kind].append(name)  # nothing specific to say: one grouped question below
            continue
        ask = f"What is your experience with {soften(name)}?"
        out.append(
            TechQuestion(
                name=name,
                kind=kind,
                question=f"Have you worked with {name}?" if kind == "tool" else ask,
                status=status,
                quotes=quotes,
                prepare=None if quotes else prepare,
            )
        )
    out = _merged(out)
    names = [soften(n) for n in new["skill"]] + new["tool"]
    if names:  # everything new to the candidate: one question, one honest answer to prepare
        out.append(
            TechQuestion(
                name=" | ".join(new["skill"] + new["tool"]),
                kind="skill" if new["skill"] else "tool",
                question=f"What is your experience with {_or_list(names)}?",
                status="missing",
                prepare=WORDS["new_one" if len(names) == 1 else "new_many"],
            )
        )
    return out


def _merged(questions: list[TechQuestion]) -> list[TechQuestion]:
    """Questions whose 'prepare' note is the same guide sentence become one question."""
    out: list[TechQuestion] = []
    for q in questions:
        same = next((o for o in out if q.prepare and o.prepare == q.prepare), None)
        if same is None:
            out.append(q)
            continue
        names = [*same.name.split(" | "), q.name]
        listed = _or_list([n if same.kind == "tool" else soften(n) for n in names])
        out[out.index(same)] = same.model_copy(
            update={"name": " | ".join(names), "question": f"Have you worked with {listed}?"}
        )
    return out


def _or_list(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]

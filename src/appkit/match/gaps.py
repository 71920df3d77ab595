"""Next steps for gaps: for each missing or partial requirement, one concrete action from the guide.

Candidates are the certifications the guide names, each sentence of its how-to-become steps and
of its education-and-training text.
A candidate's overlap with a requirement is the number of the requirement's distinctive (non-
GENERIC) keys it mentions. The pick, per requirement:

    certification requirement   "Earn the <name>", with the guide's sentence that names it
    soft skill, education       best candidate if overlap >= 1, else a PHRASES fallback
    technical skill, tool       best candidate if overlap >= 2, else a PHRASES fallback
    responsibility, qualif.     best candidate if overlap >= 2, else the guide's step for gaining
                                experience (_WORK), else a PHRASES fallback

A one-word name (HIPAA, EHR, Epic) counts 2 towards the overlap. Candidates are only sentences
that say what to do (_DO): "Many roles require a degree" is no step.

A candidate that only restates the requirement (nearly the same keys) is no step and is skipped;
guide labels ("Step 3") never lead an action and an acronym is not repeated ("CAPM", not
"CAPM (CAPM)"). Ties go to the earlier candidate (certifications before steps, in guide order).

Steps are ordered by what closing the gap is worth: weight x credit still missing (missing counts
the whole weight, partial half), a required item before a preferred one of the same worth, then
guide-drawn before fallback; one for every gap (MAX_STEPS is None: the skill-gap report shows them
all, shorter views cut the list themselves). Fallback wording lives in PHRASES (US spelling).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from appkit.guide.model import Guide
from appkit.match.gapreport import preferred, worth
from appkit.match.models import NextStep
from appkit.match.requirements import Requirement
from appkit.match.terms import GENERIC, Lexicon

MAX_STEPS: int | None = None  # no cap: every gap gets its step
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_LABEL = re.compile(r"^(?:step|phase|stage|part|tip)\s*\d+\s*[:.)-]?\s*$", re.IGNORECASE)
# A guide sentence is a step only when it says what to do: it starts with an instruction or names
# a course, a credential or a way to get experience ("Many roles require a degree" is not a step).
_DO = re.compile(
    r"^(?:earn|gain|get|develop|pursue|consider|attend|build|focus|complete|take|enroll|enrol|"
    r"join|work|volunteer|practice|learn|seek|obtain|apply|study|find|start|shadow|prepare)\b|"
    r"\b(?:course|courses|certification|certifications|certificate|training|workshop|workshops|"
    r"program|programs|class|classes|credential|credentials|internship|volunteer)\b",
    re.IGNORECASE,
)
_WORK = re.compile(r"\b(?:gain|build)\b[^.]*\bexperience\b|^work as\b", re.IGNORECASE)
_RESTATES = 0.75  # share of a candidate's keys that are the requirement's: it only restates it
# Every fallback sentence, in one place (US spelling; a locale may swap the words).
PHRASES = {
    "certification": "Earn the {name}",
    # Without the name, so skills the guide gives no step for share one sentence (the report
    # shows it once); a skill's examples make it specific.
    "technical_skill": "Get training or practice{extra}, then use it on a real task you can "
    "describe",
    "tool": "Get hands-on time with {name}{extra} (a tutorial, a trial or a training account) "
    "and use it on one real task",
    "soft_skill": "Add a bullet with a concrete example of your {name}{why}",
    # One sentence for every duty without a guide step: the report shows it once and refers
    # the other duties to it, rather than restating each requirement as its own "step".
    "duty": "Find a task at work, in a course or as a volunteer that lets you do this kind of "
    "work, then describe it in a bullet with its result",
}


@dataclass(frozen=True)
class Advice:
    """A candidate action drawn from the guide, with the keys it mentions."""

    source: str
    action: str
    keys: frozenset[str]


def _standalone(sentence: str) -> str:
    """A sentence that reads alone: 'This includes attending...' becomes 'Attending...'."""
    found = re.match(
        r"(?:this|these|that|it)\s+(?:includes?|involves?|means?)\s+(.+)", sentence, re.I
    )
    return found[1][0].upper() + found[1][1:] if found else sentence


def advice_candidates(guide: Guide, lex: Lexicon) -> list[Advice]:
    """Certifications and how-to-become sentences of a guide, tokenised once."""
    out = []
    for i, c in enumerate(guide.certifications):
        name = cert_name(c.name, c.acronym)
        says = c.sentence if c.sentence and c.name not in c.sentence else ""
        action = f"Earn the {name}" + (f": {says}" if says else "")
        keys = set(lex.keys(f"{c.name} {c.acronym or ''}"))
        out.append(Advice(f"certifications[{i}]", action, frozenset(keys - GENERIC)))
    for i, step in enumerate(guide.steps):
        for sentence in _SENTENCE.split(step.text.strip()):
            if sentence and _DO.search(sentence):
                keys = set(lex.keys(sentence)) - GENERIC
                title = "" if _LABEL.match(step.title.strip()) else f"{step.title.strip()}: "
                out.append(Advice(f"steps[{i}]", title + _standalone(sentence), frozenset(keys)))
    for i, text in enumerate(guide.education_training):
        for sentence in _SENTENCE.split(text.strip()):
            keys = set(lex.keys(sentence)) - GENERIC
            if sentence and keys and _DO.search(sentence):
                out.append(
                    Advice(f"education_training[{i}]", _standalone(sentence), frozenset(keys))
                )
    return out


def cert_name(name: str, acronym: str | None) -> str:
    """'Certified Medical Administrative Assistant (CMAA)'; 'CAPM', never 'CAPM (CAPM)'."""
    if not acronym or re.search(rf"\b{re.escape(acronym)}\b", name, re.IGNORECASE):
        return name
    return f"{name} ({acronym})"


def _own_step(req: Requirement, status: str) -> NextStep:
    extra = f" (for example {', '.join(req.examples[:3])})" if req.examples else ""
    if req.category in ("certification", "technical_skill", "tool"):
        action = PHRASES[req.category].format(name=req.name, extra=extra)
    elif req.category == "soft_skill":
        why = req.text.split(": ", 1)[-1].rstrip(".")
        action = PHRASES["soft_skill"].format(
            name=req.name.lower(), why=f" ({why[0].lower() + why[1:]})" if why != req.text else ""
        )
    else:
        action = PHRASES["duty"]
    return NextStep(
        requirement_id=req.id, requirement=req.name, status=status, action=action, source=req.id
    )


def pick_step(req: Requirement, status: str, advice: list[Advice]) -> NextStep:
    """The best guide action for one gap (see the module table)."""
    if req.category == "certification":
        own = next((a for a in advice if a.source == req.id), None)
        if own:
            return NextStep(
                requirement_id=req.id,
                requirement=req.name,
                status=status,
                action=own.action,
                source=own.source,
            )
        return _own_step(req, status)
    wanted = {k for k, w in req.keys.items() if k not in GENERIC}
    names: set[str] = set()  # one-word phrases (HIPAA, EHR, Epic) count twice: they are names
    # A soft skill's phrases are behavioural indicators ("par levels"): advice is about the skill.
    for phrase in req.phrases if req.category != "soft_skill" else ():
        wanted |= phrase.keys
        if len(phrase.keys) == 1:
            names |= phrase.keys
    best, best_n = None, 0
    for cand in advice:
        shared = wanted & cand.keys
        n = len(shared) + len(shared & names)
        if cand.keys and len(shared) / len(cand.keys) >= _RESTATES:
            continue  # the guide's sentence for this very requirement: it restates, not a step
        if n > best_n:
            best, best_n = cand, n
    need = 1 if req.category in ("soft_skill", "education") else 2
    if best is None or best_n < need:
        if req.category in ("responsibility", "qualification") and (
            work := next((a for a in advice if _WORK.search(a.action)), None)
        ):
            return NextStep(
                requirement_id=req.id,
                requirement=req.name,
                status=status,
                action=work.action,
                source=work.source,
            )
        return _own_step(req, status)
    return NextStep(
        requirement_id=req.id,
        requirement=req.name,
        status=status,
        action=best.action,
        source=best.source,
    )


def next_steps(gaps: list[tuple[Requirement, str]], advice: list[Advice]) -> list[NextStep]:
    """One step per gap, most worth first (module docstring), guide-drawn before fallback."""
    steps = [(req, status, pick_step(req, status, advice)) for req, status in gaps]
    steps.sort(
        key=lambda t: (
            -worth(t[0].weight, t[1]),
            preferred(t[0].id),
            t[1] != "missing",
            t[2].source == t[0].id,
        )
    )
    return [step for *_, step in steps[:MAX_STEPS]]

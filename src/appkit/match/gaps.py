"""Next steps for gaps: for each missing or partial requirement, one concrete action from the guide.

Candidates are the certifications the guide names, each sentence of its how-to-become steps and
of its education-and-training text.
A candidate's overlap with a requirement is the number of the requirement's distinctive (non-
GENERIC) keys it mentions. The pick, per requirement:

    certification requirement   "Earn the <name>", with the guide's sentence that names it
    technical skill / tool      best candidate if overlap >= 2, else "Practise <name> (e.g. ...)"
    responsibility, qualif.     best candidate if overlap >= 2, else "Take on duties that show: ..."
    soft skill, education       best candidate if overlap >= 1, else the same fallback

Ties go to the earlier candidate (certifications before steps, in guide order). Steps are ordered
missing before partial, heaviest first, guide-drawn before fallback; one for every gap (MAX_STEPS
is None: the skill-gap report shows them all, shorter views cut the list themselves).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from appkit.guide.model import Guide
from appkit.match.models import NextStep
from appkit.match.requirements import Requirement
from appkit.match.terms import GENERIC, Lexicon

MAX_STEPS: int | None = None  # no cap: every gap gets its step
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Advice:
    """A candidate action drawn from the guide, with the keys it mentions."""

    source: str
    action: str
    keys: frozenset[str]


def advice_candidates(guide: Guide, lex: Lexicon) -> list[Advice]:
    """Certifications and how-to-become sentences of a guide, tokenised once."""
    out = []
    for i, c in enumerate(guide.certifications):
        name = f"{c.name} ({c.acronym})" if c.acronym else c.name
        action = f"Earn the {name}" + (f": {c.sentence}" if c.sentence else "")
        keys = set(lex.keys(f"{c.name} {c.acronym or ''}"))
        out.append(Advice(f"certifications[{i}]", action, frozenset(keys - GENERIC)))
    for i, step in enumerate(guide.steps):
        for sentence in _SENTENCE.split(step.text.strip()):
            if sentence:
                keys = set(lex.keys(sentence)) - GENERIC
                out.append(Advice(f"steps[{i}]", f"{step.title}: {sentence}", frozenset(keys)))
    for i, text in enumerate(guide.education_training):
        for sentence in _SENTENCE.split(text.strip()):
            keys = set(lex.keys(sentence)) - GENERIC
            if sentence and keys:
                out.append(Advice(f"education_training[{i}]", sentence, frozenset(keys)))
    return out


def _own_step(req: Requirement, status: str) -> NextStep:
    if req.category == "certification":
        return NextStep(
            requirement_id=req.id,
            requirement=req.name,
            status=status,
            action=f"Earn the {req.name}",
            source=req.id,
        )
    if req.category in ("technical_skill", "tool"):
        extra = f" (e.g. {', '.join(req.examples[:3])})" if req.examples else ""
        action = f"Practise {req.name}{extra}, then add a bullet that shows it in use"
    elif req.category == "soft_skill":
        why = req.text.split(": ", 1)[-1]
        action = f"Add a bullet with a concrete example of your {req.name.lower()}" + (
            f" ({why})" if why != req.text else ""
        )
    else:
        action = f"Take on (or describe, if you already do) duties that show: {req.text}"
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
    # A soft skill's phrases are behavioural indicators ("par levels"): advice is about the skill.
    for phrase in req.phrases if req.category != "soft_skill" else ():
        wanted |= phrase.keys
    best, best_n = None, 0
    for cand in advice:
        n = len(wanted & cand.keys)
        if n > best_n:
            best, best_n = cand, n
    need = 1 if req.category in ("soft_skill", "education") else 2
    if best is None or best_n < need:
        return _own_step(req, status)
    return NextStep(
        requirement_id=req.id,
        requirement=req.name,
        status=status,
        action=best.action,
        source=best.source,
    )


def next_steps(gaps: list[tuple[Requirement, str]], advice: list[Advice]) -> list[NextStep]:
    """One step per gap: missing before partial, heaviest first, guide-drawn before fallback."""
    steps = [(req, status, pick_step(req, status, advice)) for req, status in gaps]
    steps.sort(key=lambda t: (t[1] != "missing", -t[0].weight, t[2].source == t[0].id))
    return [step for *_, step in steps[:MAX_STEPS]]

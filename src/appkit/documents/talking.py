"""Talking points: the guide's challenges as questions, and questions to ask the employer."""

from __future__ import annotations

import re

from appkit.documents.evidence import Quote, highlight_points, where
from appkit.documents.questions import SENTENCE, TalkingPoint, _quotes
from appkit.guide.model import Guide, Posting
from appkit.match.engine import MatchResult
from appkit.match.models import ItemRef
from appkit.match.terms import GENERIC, stems
from appkit.profile.model import Profile


def challenges(profile: Profile, guide: Guide, match: MatchResult) -> list[TalkingPoint]:
    """Each challenge sentence as a question, hinted by related evidence or the plan for the gap."""
    steps = {s.requirement_id: s.action for s in match.next_steps}
    bullets = highlight_points(profile, match)
    strongest = next((b for b in bullets if b.quantified), bullets[0] if bullets else None)
    out = []
    for text in guide.challenges:
        for sentence in SENTENCE.split(text.strip())[:2]:
            keys = set(stems(sentence)) - GENERIC
            related = [(len(keys & (set(stems(r.name)) - GENERIC)), r) for r in match.requirements]
            related = [
                (n, r)
                for n, r in related
                if n >= 2 or (n == 1 and len(set(stems(r.name)) - GENERIC) == 1)
            ]
            covered = [(n, r) for n, r in related if r.status == "covered" and _quotes(profile, r)]
            hint, quote = "Show how you keep learning and adapt.", None
            if covered:
                req = max(covered, key=lambda t: (t[0], t[1].weight))[1]
                hint, quote = f"Point to your {req.name} evidence:", _quotes(profile, req)[0]
            elif planned := [r for _, r in related if r.id in steps]:
                req = max(planned, key=lambda r: r.weight)
                hint = f"Name the gap and your plan: {steps[req.id]}"
            elif strongest:
                hint = "Lead with your strongest result:"
                quote = Quote(
                    text=strongest.text, where=where(profile, ItemRef.parse(strongest.source))
                )
            out.append(TalkingPoint(question=sentence, hint=hint, quote=quote))
    return out


def questions_to_ask(
    guide: Guide, posting: Posting | None, match: MatchResult, company: str | None
) -> list[str]:
    """Questions for the employer, drawn from the posting, the guide and the level fit."""
    role = posting.title if posting else guide.title
    at = f" at {company}" if company else ""
    out = [f"What would success look like in the first 90 days for the {role}{at}?"]
    if posting and posting.responsibilities:
        duty = posting.responsibilities[0].rstrip(".")
        out.append(
            f"The posting says the role will “{duty[0].lower() + duty[1:]}”. "
            "What does that look like on a typical day?"
        )
    ehr = next((s for s in guide.technical_skills if s.acronym and s.examples), None)
    if ehr:
        out.append(
            f"Which {ehr.acronym} does the team use ({', '.join(ehr.examples)} or another), "
            "and how are new coordinators trained on it?"
        )
    m = re.search(r"collaborates? (?:closely )?with ([^.]+?)(?:, often|\.)", guide.work_environment)
    if m:
        out.append(f"How does this role work with {m[1]} day to day?")
    if re.search(r"\b(evening|weekend)", guide.work_environment):
        out.append("Are evening or weekend shifts part of this role, and how is coverage shared?")
    fit = match.level
    if fit and fit.level and fit.next_level:
        out.append(f"What does the path from {fit.level} to {fit.next_level} look like here?")
    for text in guide.growth_opportunities:
        g = re.search(r"specializing in ([^.]+?)(?:, as |\.)", text)
        if g:
            out.append(f"Is the team growing in areas such as {g[1]}?")
            break
    return out

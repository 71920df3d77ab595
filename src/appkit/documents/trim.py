"""Trimming a tailored resume to a page budget: which bullets may go, in which order.

A trim is data, not string editing: `drop_order` ranks every optional experience bullet as a
`BulletRef` (where it sits in the profile, its relevance to the role), and a `TrimPlan` (the first
k of that order) is applied to the `Tailored` model, so one trimmed document drives the PDF, the
DOCX and every other format. The rules a recruiter expects:

- only experience bullets go: the name, contact line, headings, summary, education, skills and
  every job entry stay; each job keeps its most relevant bullet, the most recent job its two;
- the least relevant bullet goes first, and, at equal relevance, the one of the older job (a
  job's relevance counts less the older it is, AGE_DISCOUNT per place down the list);
- a quantified bullet ("cut wait times 30%") counts QUANTIFIED_BAND more than its relevance, so
  it outlives an unquantified one of similar relevance;
- within a job the bullets go from the bottom of its tailored order up, so what stays is always
  the top of the list the untrimmed resume shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from appkit.documents.tailor import QUANTIFIED_BAND, Tailored
from appkit.match.models import ItemRef
from appkit.profile.model import Profile

__all__ = ["AGE_DISCOUNT", "BulletRef", "TrimPlan", "drop_order", "kept_bullets"]

AGE_DISCOUNT = 0.15  # the n-th most recent job's bullets weigh 1 / (1 + n * AGE_DISCOUNT)
RECENT_KEEP = 2  # bullets the most recent job always keeps (when it has them)
OLDER_KEEP = 1  # bullets every other job always keeps


@dataclass(frozen=True)
class BulletRef:
    """One optional bullet: where it is and why it ranks where it does."""

    job: int  # position of the job in `Tailored.experience`
    text: str
    title: str
    organization: str
    relevance: float  # the matcher's relevance; 0.0 without a guide or posting
    quantified: bool
    path: str = ""  # its profile path, "experience[2].highlights[3]", as match.json names items

    def line(self) -> str:
        """The stderr line, e.g.
        ``dropped: 'Filed charts...' (Medical Assistant, Desert Willow), relevance 0.12``."""
        text = self.text if len(self.text) <= 60 else self.text[:57].rstrip() + "..."
        where = ", ".join(filter(None, [self.title, self.organization]))
        return f"dropped: {text!r} ({where}), relevance {self.relevance:.2f}"

    def as_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "title": self.title,
            "organization": self.organization,
            "relevance": round(self.relevance, 4),
            "quantified": self.quantified,
            "item": self.path,
        }


@dataclass(frozen=True)
class TrimPlan:
    """Bullets to leave out of the resume; applying it never touches anything else."""

    dropped: tuple[BulletRef, ...] = ()

    def apply(self, tailored: Tailored) -> Tailored:
        """`tailored` without the dropped bullets (the same object when nothing is dropped)."""
        if not self.dropped:
            return tailored
        jobs = []
        for position, tailored_job in enumerate(tailored.experience):
            gone = [b.text for b in self.dropped if b.job == position]
            if not gone:
                jobs.append(tailored_job)
                continue
            kept = list(tailored_job.highlights)
            for text in gone:
                kept.remove(text)  # one occurrence: a repeated bullet is two refs
            jobs.append(
                tailored_job.model_copy(
                    update={
                        "highlights": kept,
                        "dropped": tailored_job.dropped + len(tailored_job.highlights) - len(kept),
                    }
                )
            )
        return tailored.model_copy(update={"experience": jobs})


def _profile_index(profile: Profile, job: object) -> int | None:
    """Where a tailored job sits in the profile (identity first: two jobs may be equal)."""
    for index, candidate in enumerate(profile.experience):
        if candidate is job:
            return index
    return next((i for i, c in enumerate(profile.experience) if c == job), None)


def _refs(tailored: Tailored, profile: Profile, position: int) -> list[BulletRef]:
    """The bullets of one tailored job, in its tailored order."""
    tailored_job = tailored.experience[position]
    job = tailored_job.job
    index = _profile_index(profile, job)
    source = list(job.highlights)
    used: set[int] = set()
    refs = []
    for text in tailored_job.highlights:
        sub = next((j for j, t in enumerate(source) if t == text and j not in used), None)
        relevance, path = 0.0, ""
        if index is not None and sub is not None:
            used.add(sub)
            ref = ItemRef(section="experience", index=index, field="highlights", sub_index=sub)
            path = ref.path
            if tailored.match is not None:
                relevance = tailored.match.relevance_of(ref)
        refs.append(
            BulletRef(
                job=position,
                text=text,
                title=job.title,
                organization=job.organization,
                relevance=relevance,
                quantified=bool(re.search(r"\d", text)),
                path=path,
            )
        )
    return refs


def _weight(ref: BulletRef) -> tuple[float, bool, int]:
    """Sort key, lowest dropped first: discounted relevance, then unquantified, then older."""
    worth = ref.relevance * (1 + QUANTIFIED_BAND if ref.quantified else 1.0)
    return worth / (1 + ref.job * AGE_DISCOUNT), ref.quantified, -ref.job


def drop_order(tailored: Tailored, profile: Profile) -> list[BulletRef]:
    """Every optional bullet, in the order a budget drops them (see the module docstring)."""
    stacks: list[list[BulletRef]] = []  # per job, its optional bullets, the last one on top
    for position in range(len(tailored.experience)):
        refs = _refs(tailored, profile, position)
        keep = RECENT_KEEP if position == 0 else OLDER_KEEP
        stacks.append(refs[keep:])
    order = []
    while any(stacks):
        stack = min((s for s in stacks if s), key=lambda s: _weight(s[-1]))
        order.append(stack.pop())
    return order


def kept_bullets(tailored: Tailored) -> list[str]:
    """Every experience bullet the resume shows, in order (what a test compares across formats)."""
    return [text for job in tailored.experience for text in job.highlights]

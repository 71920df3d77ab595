"""Evidence points: profile bullets (verbatim) resolved from match evidence paths, and phrasing.

`evidence_point` turns a path such as `experience[0].highlights[2]` into an `EvidencePoint` (role,
organization, dates, the requirement it proves); `pick_points` walks requirement tiers taking each
requirement's best unused verb-led bullet; `highlight_points` lists every verb-led bullet and
`where` labels a path. A point's properties rephrase it for prose (first-person clause, quantified
result, role with article) without changing a word of the bullet. `article` and `acronym` live in
`appkit.documents.english` and are re-exported here.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from appkit.documents.english import acronym, article, mid_sentence_capitals
from appkit.documents.voice import duty_topic, voiced
from appkit.match.engine import COVERED, MatchResult, RequirementMatch
from appkit.match.models import ItemRef
from appkit.profile.model import Profile

_HIGHLIGHTED = ("experience", "projects", "volunteer")  # sections whose highlights are bullets
_NOT_VERBS = frozenset(
    re.findall(
        r"\S+",
        "a an the my our this these those relevant over more "
        "member capstone coursework course dean's top first of in on at",
    )
)
# Organization names that are no place: "Freelance Web Developer at Self-employed".
_NO_PLACE = re.compile(r"^\W*(self[- ]?employed|freelance|independent|n/?a|none|-+)\W*$", re.I)
_TOPIC_CATEGORIES = ("technical_skill", "tool", "soft_skill")
_END = ".!?;:,。！？；：，、"  # CJK full-width marks too: the frame adds its own stop
_OUTCOME = re.compile(
    r"%|\$|\bfrom\b.*\bto\b|\b(cut|fell|reduc|sav|rais|grew|increas|improv|"
    r"eliminat|drop|lower|stay)",
    re.IGNORECASE,
)


class EvidencePoint(BaseModel):
    """One profile bullet (verbatim) with where it comes from and what it proves."""

    model_config = ConfigDict(defer_build=True, frozen=True)
    text: str
    source: str
    kind: str  # "job" | "project" | "volunteer"
    role: str
    organization: str | None = None
    dates: str = ""
    current: bool = False
    proper_lead: bool = False
    requirement: str | None = None
    category: str | None = None
    duty: str | None = None  # the duty in a few words: "managing patient scheduling"
    voiced: bool = True  # "I " + clause is a sentence; otherwise the bullet is quoted
    quoted_role: bool = False  # a role title in another language is quoted, not woven in

    @property
    def quote(self) -> str:
        """The bullet as written, without its closing punctuation (the frame adds its own)."""
        return self.text.strip().rstrip(_END).strip()

    @property
    def clause(self) -> str:
        """The bullet as a first-person clause: 'Ran the X.' -> 'ran the X' (acronyms kept)."""
        text = self.text.strip().rstrip(_END).strip()
        first, sep, rest = text.partition(" ")
        first = _first_person(first)
        if not (self.proper_lead or acronym(first)):
            first = first[:1].lower() + first[1:]
        return first + sep + rest

    @property
    def quantified(self) -> bool:
        """True when the bullet carries a number."""
        return bool(re.search(r"\d", self.text))

    @property
    def result(self) -> str | None:
        """The quantified outcome clause of the bullet, when it has one after the first clause."""
        text = self.text.strip().rstrip(".")
        for sep in ("; ", ", "):
            parts = text.split(sep)
            for part in reversed(parts[1:]):
                if re.search(r"\d", part) and _OUTCOME.search(part):
                    return part.strip()
        return None

    @property
    def role_with_article(self) -> str:
        """'a Certified Medical Assistant', 'an Assistant Store Manager', 'an RN Care Manager'."""
        if self.quoted_role:
            return f"“{self.role}”"
        return f"{article(self.role)} {self.role}"

    @property
    def topic(self) -> str:
        """A skill requirement as a short noun phrase ('medical terminology'); '' for anything
        else (a qualification sentence or a long name would be pasted text, not a topic)."""
        name = (self.requirement or "").strip().rstrip(_END)
        if self.category not in _TOPIC_CATEGORIES or "," in name or len(name.split()) > 5:
            return ""
        return soften(name)


def _first_person(word: str) -> str:
    """'Registers' -> 'Register', 'Supervises' -> 'Supervise' (third person to first)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def soften(name: str) -> str:
    """Lower-case a requirement name for prose, keeping acronyms and brand-like words."""
    words = []
    for word in name.split():
        keep = acronym(word) or word in {
            "Epic",
            "Cerner",
            "Meditech",
            "Microsoft",
            "Excel",
            "Word",
            "Outlook",
            "Office",
        }
        words.append(word if keep else word.lower())
    return " ".join(words)


def proper_words(profile: Profile) -> frozenset[str]:
    """Words the profile capitalises mid-sentence (Epic, Spanish): never lower-cased."""
    texts = [h for job in profile.experience for h in job.highlights]
    texts += [h for p in profile.projects for h in p.highlights]
    texts += [h for v in profile.volunteer for h in v.highlights]
    texts += [profile.summary or ""] + [i for g in profile.skills for i in g.items]
    return frozenset(mid_sentence_capitals(texts))


def place(organization: str | None) -> str | None:
    """The organization to name after "at", or None for 'Self-employed', 'Freelance', '-'."""
    return None if not organization or _NO_PLACE.match(organization) else organization


def verb_led(text: str) -> bool:
    """True when a bullet starts with a verb, so 'I <bullet>' reads as a sentence
    (`appkit.documents.voice.voiced`: 'Creation of …' and 'Responsible for …' are not)."""
    first = text.strip().split(" ", 1)[0]
    return first.lower() not in _NOT_VERBS and voiced(text)


def evidence_point(
    profile: Profile, ref: ItemRef, proper: frozenset[str], req: RequirementMatch | None = None
) -> EvidencePoint | None:
    """Resolve a highlight reference into an EvidencePoint (None for anything but highlights)."""
    if ref.section not in _HIGHLIGHTED or ref.field != "highlights" or ref.sub_index is None:
        return None
    section, i, j = ref.section, ref.index, ref.sub_index
    fields: dict = {}
    if section == "experience":
        job = profile.experience[i]
        text = job.highlights[j]
        fields = dict(
            kind="job",
            role=job.title,
            organization=place(job.organization),
            dates=job.dates,
            current=job.end in (None, "present"),
        )
    elif section == "projects":
        project = profile.projects[i]
        text = project.highlights[j]
        fields = dict(kind="project", role=project.name, dates=project.dates)
    else:
        vol = profile.volunteer[i]
        text = vol.highlights[j]
        fields = dict(
            kind="volunteer",
            role=vol.role,
            organization=place(vol.organization),
            dates=vol.dates,
            current=vol.end in (None, "present"),
        )
    duty = None
    if req is not None and req.category == "responsibility":
        duty = duty_topic(req.text)
    return EvidencePoint(
        text=text,
        source=ref.path,
        proper_lead=text.split(" ", 1)[0] in proper,
        requirement=req.name if req else None,
        category=req.category if req else None,
        duty=duty,
        voiced=verb_led(text),
        **fields,
    )


def _best(
    profile: Profile,
    req: RequirementMatch,
    used: set[str],
    proper: frozenset[str],
    min_score: float,
) -> EvidencePoint | None:
    """The best unused bullet: covered first, then one that reads after "I", then quantified,
    then by score. A bullet that does not start with a verb is quoted by the letter."""
    options = []
    for n, ev in enumerate(req.evidence):
        if ev.source in used or ev.score < min_score:
            continue
        point = evidence_point(profile, ev.ref, proper, req)
        if point is not None:
            options.append(
                (
                    ev.score < COVERED,
                    not point.voiced,
                    not point.quantified,
                    -ev.score,
                    point.kind != "job",
                    n,
                    point,
                )
            )
    return min(options, key=lambda o: o[:6])[-1] if options else None


def pick_points(
    profile: Profile,
    match: MatchResult,
    count: int,
    tiers: list[tuple[tuple[str, ...], str, float]],
    used: set[str],
) -> list[EvidencePoint]:
    """Walk requirement tiers (categories, status, min score), taking unused bullets."""
    proper = proper_words(profile)
    points: list[EvidencePoint] = []
    for categories, status, min_score in tiers:
        reqs = [r for r in match.requirements if r.category in categories and r.status == status]
        for req in sorted(reqs, key=lambda r: -r.weight):
            if len(points) >= count:
                return points
            point = _best(profile, req, used, proper, min_score)
            if point is not None:
                used.add(point.source)
                points.append(point)
    for source, _ in sorted(match.relevance.items(), key=lambda kv: -kv[1]):
        if len(points) >= count:
            break
        point = evidence_point(profile, ItemRef.parse(source), proper)
        if point and source not in used:
            used.add(source)
            points.append(point)
    return points


def highlight_points(profile: Profile, match: MatchResult) -> list[EvidencePoint]:
    """Every verb-led highlight, most relevant first (profile order breaks ties)."""
    proper = proper_words(profile)
    refs = [
        ItemRef(section=section, index=i, field="highlights", sub_index=j)
        for section in ("experience", "volunteer", "projects")
        for i, x in enumerate(getattr(profile, section))
        for j in range(len(x.highlights))
    ]
    points = [(ref, evidence_point(profile, ref, proper)) for ref in refs]
    found = [(ref, p) for ref, p in points if p and verb_led(p.text)]
    return [p for ref, p in sorted(found, key=lambda rp: -match.relevance_of(rp[0]))]


class Quote(BaseModel):
    """A verbatim profile text and where it comes from."""

    model_config = ConfigDict(defer_build=True)

    text: str
    where: str


def where(profile: Profile, ref: ItemRef) -> str:
    """A human label for a profile item: 'Certified Medical Assistant, Desert Willow …'."""
    section, i = ref.section, ref.index
    if section == "experience":
        return f"{profile.experience[i].title}, {profile.experience[i].organization}"
    if section == "volunteer":
        return f"{profile.volunteer[i].role}, {profile.volunteer[i].organization} (volunteer)"
    if section == "projects":
        return f"Project: {profile.projects[i].name}"
    if section == "education":
        return f"{profile.education[i].degree}, {profile.education[i].institution}"
    if section == "skills":
        return f"Skills: {profile.skills[i].group}"
    return section.capitalize().rstrip("s") if section != "awards" else "Award"

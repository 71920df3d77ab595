"""Sentences of a segmented posting -> duties, requirements, preferred items, pay and benefits.

Only duty, requirement, preferred and skills sections give items. Inside them, a sentence that is
boilerplate (`posting_boilerplate`, strict) is dropped, except pay and benefits, which
are kept as information (`Posting.compensation`). Items are labelled by what they are: a sentence
in a duty list that asks for something ("Have a ... background", "Must possess ...") is a
requirement; a requirement marked "preferred", "a plus", "nice to have", "bonus", "ideally" is
preferred ("experience in X, preferably Y" gives both). When a posting has no duty list, duties
stated in prose ("You will ...") are taken from its description, and likewise requirements
("The ideal candidate will have ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from appkit.guide.posting_boilerplate import PREFERRED, boilerplate_kind
from appkit.guide.posting_prose import gerund_list, prose_duties
from appkit.guide.posting_skills import duty_verbs
from appkit.guide.posting_text import Sentence

MAX_ITEM = 1000
_OTHER_DUTIES = re.compile(
    r"\b(?:other|additional) (?:related )?duties\b|\bother [\w-]+ tasks\b"
    r"|\bas assigned\b",
    re.I,
)
_ASKS = re.compile(
    r"^(?:have|has|possess(?:es)?|must|should|bachelor|master|associate|degree|high school|"
    r"\d+\+?\s*(?:years|yrs)|(?:minimum|at least|min\.?) (?:of )?\d+\+?\s*(?:years|yrs)|"
    r"ability to|able to|"
    r"proficien|knowledge of|familiar|experience (?:with|in)|(?:strong|excellent|proven|"
    r"demonstrated|solid|good)\b|valid|current|certified|licensed|willing(?:ness)? to)",
    re.I,
)
_PROSE_DUTY = re.compile(
    r"^(?:you(?:'|’)ll|you will|as an? [^,]{2,60}, you(?:'|’)ll|as an? [^,]{2,60}, you will|"
    r"(?:the|this) (?:\w+ ){0,4}(?:will|is responsible for|responsibilities include)|"
    r"(?:he|she|they) will|responsibilities include|duties include)\s+(?!be (?:given|offered|"
    r"paid|eligible|rewarded)|receive|enjoy|have the opportunity|join|get\b)",
    re.I,
)
_PROSE_REQ = re.compile(
    r"\b(?:ideal candidate|successful candidate|candidates? (?:must|should|will)|must (?:have|"
    r"possess|be)|is required|are required|required\b|requires?\b|you (?:must|should) have|"
    r"years? of (?:\w+ ){0,3}experience|degree in|bachelor(?:'|’)?s|licen[sc]e required"
    r"|understanding of|experience (?:with|in)|knowledge of|proficien|familiar(?:ity)? with)",
    re.I,
)
# Colour in a requirement list: "You will play a pivotal role ...", "perfect for individuals ..."
_COLOUR = re.compile(
    r"\bwill play an? (?:\w+ )?role\b|\b(?:is|are) (?:perfect|ideal|great) for\b|\bis your \w+\b",
    re.I,
)
# "the successful candidate will teach ...": a duty, not a requirement
_WILL_DO = re.compile(
    r"\b(?:candidate|you|he|she|they) will (?!have|possess|be|bring|need|hold)", re.I
)
_PREFERRED_TAIL = re.compile(r",?\s+(?=(?:preferably|ideally)\b)", re.I)
# Verbs that open requirements as often as duties ("Demonstrate excellent communication").
_ASKING_VERBS = frozenset(
    [
        "Demonstrate",
        "Possess",
        "Have",
        "Hold",
        "Be",
        "Obtain",
        "Show",
        "Know",
        "Speak",
        "Read",
        "Write",
        "Work",
        "Thrive",
        "Enjoy",
        "Love",
        "Bring",
        "Want",
        "Display",
        "Exhibit",
        "Pass",
        "Must",
    ]
)
_NOT_DUTY = re.compile(
    r"^(?:at|if|so|that(?:'|’)s|come|and|but|in a|we|our|the team|your|not only|it(?:'|’)s"
    r"|this is|you(?!(?:'|’)ll| will| are responsible| would))\b"
    r"|^.*\b(?:is|are) (?:currently )?(?:seeking|looking for|hiring)\b",
    re.I,
)
_LIST_SECTIONS = ("duties", "requirements", "preferred", "skills")
# Not an item: a lone conjunction, a question or exclamation, no letters, a lead-in, hashtags
# ("#LI-Hybrid #LI-DNI": job-board tracking tags).
_NOT_ITEM = re.compile(
    r"^(?:and|or|but|the|a|an)$|[?!]$|^[\W\d_]*$|:$|^#?(?:LI|IND)-\w+(?:\s+#\S+)*$", re.I
)
_ASKING = re.compile(
    r"\b(?:skills|experience|knowledge|proficien\w*|degree|certifi\w+|licen[cs]e\w*|abilit\w+"
    r"|familiarity|understanding)\b",
    re.I,
)


@dataclass
class Items:
    duties: list[str] = field(default_factory=list)
    required: list[str] = field(default_factory=list)
    preferred: list[str] = field(default_factory=list)
    listed_skills: list[str] = field(default_factory=list)
    compensation: list[str] = field(default_factory=list)
    description: list[str] = field(default_factory=list)


def _tidy(text: str) -> str:
    text = " ".join(text.split()).strip(" ;,-–")
    return text[:MAX_ITEM]


def _add(items: Items, target: str, text: str, bullet: bool = False) -> None:
    text = _tidy(text)
    if len(text) < 2 or _NOT_ITEM.search(text):
        return
    listed = bullet  # a list item rather than a sentence fragment
    if target == "duties" and (len(text.split()) < (2 if listed else 3) or _NOT_DUTY.match(text)):
        return
    bucket: list[str] = getattr(items, target)
    if text.casefold() not in {b.casefold() for b in bucket}:
        bucket.append(text)


def _requirement(items: Items, text: str) -> None:
    halves = [h for h in re.split(r"\s*;\s*", text) if h]
    if len(halves) > 1 and any(PREFERRED.search(h) for h in halves):
        for half in halves:  # "Diploma required; associate's degree preferred."
            _requirement(items, half)
        return
    parts = _PREFERRED_TAIL.split(text, maxsplit=1)
    if len(parts) == 2 and len(parts[0].split()) >= 2:
        _add(items, "required", parts[0])
        _add(items, "preferred", parts[1])
    elif PREFERRED.search(text):
        _add(items, "preferred", text)
    else:
        _add(items, "required", text)


def _skill_list(text: str) -> list[str] | None:
    """A comma list of names ("EHR (Epic or Cerner), medical terminology, ...") or None."""
    split = re.split(r"\s*[,;|]\s*(?![^()]*\))", text)
    parts = [re.sub(r"^(?:and|or)\s+", "", p.strip(" .")) for p in split if p.strip(" .")]
    if len(parts) == 1 and len(text.split()) <= 4 and not text.endswith("."):
        return parts
    if len(parts) >= 3 and all(len(p.split()) <= 5 for p in parts):
        return parts
    return None


def _imperative(text: str) -> bool:
    """Starts like an O*NET task statement: a duty verb, not "Support is ..." or a name."""
    words = text.split()
    return (
        len(words) >= 3
        and words[0] in duty_verbs()
        and (words[1].islower() or words[1][:1].isupper() and words[1] not in ("I", "It"))
        and words[1] not in ("is", "are", "was", "will", "has", "of")
        and not (words[0] == "Open" and words[1] == "to")
    )


def _asks(text: str) -> bool:
    """A sentence in a duty list that is really a requirement ("Have a ... background")."""
    if _imperative(text) and text.split()[0] not in _ASKING_VERBS:
        return False  # "Validate that ...", not "valid"
    words = text.split()
    if len(words) > 2 and words[0].endswith("ing") and len(words[0]) >= 6:  # "Continuing ..."
        return words[1].casefold() in ("knowledge", "experience", "understanding", "proficiency")
    if _ASKS.match(text) and not re.match(r"^(?:ability|able) to (?!\w+ (?:and|or) )", text):
        return True
    if _imperative(text) or _PROSE_DUTY.match(text):
        return False
    return bool(_ASKING.search(text) or re.search(r"\bmust (?:be|have|possess|hold)\b", text))


def classify(sentences: list[Sentence]) -> Items:
    """Sort the sentences of a posting into items (module docstring)."""
    items = Items()
    prose: list[Sentence] = []
    current, taken = "", 0
    ended = ""  # a list section that ran into a company blurb or legal text: the rest is prose
    for s in sentences:
        text = s.text
        if s.section != current:
            current, taken = s.section, 0
        if s.section != ended:
            ended = ""
        elif s.section in _LIST_SECTIONS:
            continue
        if s.section == "field":
            if re.match(r"(?:salary|pay|compensation|rate|wage)", s.label, re.I):
                _add(items, "compensation", f"{s.label}: {text}")
            continue
        if s.section == "benefits":
            if boilerplate_kind(text) not in ("legal", "apply", "company"):
                _add(items, "compensation", text)
            continue
        if s.section not in ("duties", "requirements", "preferred", "skills"):
            if s.section == "description":
                prose.append(s)
            continue
        kind = boilerplate_kind(text, strict=True)
        loose = boilerplate_kind(text)
        weak = re.match(r"(?i)^we(?:'|’)?(?:re| are| have)\b", text)  # "We are down to ..."
        if loose == "company" and not s.bullet and taken and not weak:
            ended = s.section
            continue
        if kind == "benefits":
            _add(items, "compensation", text)
            continue
        if kind or _OTHER_DUTIES.search(text):
            continue
        taken += 1
        if s.section == "skills":
            names = _skill_list(text)
            if names:
                items.listed_skills += names
                if len(names) > 1:  # "MS Word, PowerPoint, Excel, and Outlook" is asked for
                    _add(items, "required", text)
            else:
                _requirement(items, text)
        elif s.section == "preferred":
            _add(items, "preferred", text)
        elif s.section == "requirements":
            if _COLOUR.search(text):
                continue
            if _imperative(text) and text.split()[0] not in _ASKING_VERBS:
                _add(items, "duties", text)
            else:
                _requirement(items, text)
        elif _asks(text):
            _requirement(items, text)
        else:
            for part in prose_duties(text) or gerund_list(text):
                _add(items, "duties", part, s.bullet)
    for s in prose:
        text = s.text
        kind = boilerplate_kind(text)
        if kind == "benefits":
            _add(items, "compensation", text)
        if kind:
            continue
        _add(items, "description", text)
    if items.duties:  # imperative sentences outside the list are duties too ("Job Description:")
        for s in prose:
            if _imperative(s.text) and not boilerplate_kind(s.text):
                _add(items, "duties", s.text)
    else:
        for s in prose:
            if boilerplate_kind(s.text):
                continue
            parts = prose_duties(s.text)
            if parts:
                for part in parts:
                    _add(items, "duties", part)
            elif _PROSE_DUTY.match(s.text) or _imperative(s.text):
                _add(items, "duties", s.text)
    if not items.required and not items.preferred:
        for s in prose:
            wanted = _PROSE_REQ.search(s.text) and not boilerplate_kind(s.text)
            wanted = wanted and not _WILL_DO.search(s.text) and not _COLOUR.search(s.text)
            if wanted and s.text not in items.duties:
                _requirement(items, s.text)
    return items

"""Title and company of a posting from its own words, when no column or option gives them.

Tried in order, first hit wins:

    title    a "Job Title:" / "Title:" / "Position:" / "Role:" field; "<X> is seeking/hiring/looking
             for a <Title>"; "join our team as a <Title>"; "for the position of <Title>";
             "As a <Title>, you"; "Markdown # heading"; a short first line that reads as a title
    company  a "Company:" / "Employer:" field; an "About <Company>" heading; "<Company> is seeking
             /hiring/looking for ..."; a "Company · Location" line; "<Company> is a/an ..." opening
             a sentence; "... at <Company> in <Place>"; "Join <Company>"
"""

from __future__ import annotations

import re

from appkit.guide.posting_text import Sentence
from appkit.guide.posting_vocab import section_of

_NAME_WORD = r"(?:[A-Z0-9][\w&'’.®-]*|&|of|and|de|du|la|the|for)"
_ORG = rf"(?:[A-Z][\w&'’.®-]*(?:,? (?:{_NAME_WORD}))*?(?:,? (?:Inc|LLC|Ltd|Corp|Co|P\.A|L\.P)\.?)?)"
_TITLE_WORD = r"(?:[A-Z0-9][\w&'’./()+-]*|of|and|&|for|in|to|the|/|-|–|with|or|\(\w[^)]{0,30}\))"
_TITLE = rf"[A-Z][\w&'’./()+-]*(?: {_TITLE_WORD}){{0,9}}"
_SEEK = (
    r"(?:is|are)\s+(?:currently\s+|now\s+|actively\s+|immediately\s+)?(?:seeking|looking\s+for|"
    r"hiring|searching\s+for|recruiting)|seeks|invites\s+applications\s+for(?:\s+the\s+position"
    r"\s+of)?|has\s+an?\s+(?:\w+\s+){0,3}(?:opening|opportunity)\s+for"
)
_SEEKING = re.compile(
    rf"(?:^|(?<=[.!?]\s))(?P<org>{_ORG})\s+(?:{_SEEK})\s+(?:(?:an?|the|one|two|\d+(?:-\d+)?)\s+)?"
    rf"(?:(?:experienced|talented|motivated|dynamic|driven|full[- ]time|part[- ]time|passionate|"
    rf"dedicated|highly|self[- ]motivated|skilled|qualified|detail[- ]oriented|new|strong),?\s+)*"
    rf"(?P<title>{_TITLE})"
)
_AS_A = re.compile(
    rf"(?:join (?:our|the) (?:\w+ )?team as (?:an?|our) |position of |role of |(?:^|\. )As an? )"
    rf"(?P<title>{_TITLE})"
)
_ORG_IS = re.compile(
    rf"^(?P<org>{_ORG})(?:,[^,]{{3,80}},)?\s+(?:is|are|has been|was founded|offers|provides"
    rf"|specializes)\b"
)
_AT_ORG = re.compile(rf"\b(?:at|with|join|Join) (?P<org>{_ORG})(?= in\b| is\b|[.,!]|$)")
_DOT_LINE = re.compile(r"^(?P<org>[^·•|]{2,60}?)\s+[·•|]\s+(?P<place>[^·•|]{2,60})$")
_NOT_TITLE = re.compile(
    r"^(?:about|company|overview|summary|description|job description|position|the|we|our|"
    r"location|who|what|why|are you|join|apply|hiring|urgent|now|new|benefits|remote|full[- ]time|"
    r"part[- ]time|contract|tips|balance|looking)\b|[!?]|https?:|\$",
    re.I,
)
_BAD_ORG = re.compile(
    r"^(?:we|our|the|this|it|you|they|he|she|a|an|job|position|role|company|team|candidates?|"
    r"applicants?|responsibilities|duties|location|the company|the client|client|who|what|"
    r"successful|ideal|description|overview|summary|about|us|qualifications|requirements|"
    r"benefits|salary|all|if|as|in|at|for|with|\w+ing)$",
    re.I,
)
_TITLE_FIELDS = {"job title", "title", "position title", "role title", "position", "role"}
_COMPANY_FIELDS = {"company", "company name", "employer", "organization", "organisation"}


def _tidy(value: str, limit: int = 120) -> str:
    value = " ".join(value.split()).strip(" .,;:-–|*")
    value = re.sub(r"\s*\((?:remote|hybrid|on-?site)[^)]*\)$", "", value, flags=re.I)
    return value[:limit].strip()


def _title_ok(value: str) -> bool:
    words = value.split()
    return (
        1 <= len(words) <= 12
        and not _NOT_TITLE.search(value)
        and section_of(value) is None
        and not value.endswith((".", ":"))
    )


def _org_ok(value: str) -> bool:
    words = value.split()
    return 1 <= len(words) <= 8 and not _BAD_ORG.match(value) and not _BAD_ORG.match(words[0])


def _trim_title(value: str) -> str:
    value = re.split(r"\s+(?:to|who|with|in|for|at|that|on|and\s+(?:a|an|the))\s+(?=[a-z])", value)[
        0
    ]
    value = re.split(r"\s+(?:at|with|in|for|to)\s+(?=[A-Z][a-z]+(?:\s|$|,))", value)[0]
    return _tidy(re.sub(r"\s+(?:who|to|that|in|at|for|and|with)$", "", value))


def find_title(sentences: list[Sentence], text: str) -> str | None:
    """The job title the posting names, or None."""
    for s in sentences:
        if s.section == "field" and s.label.casefold() in _TITLE_FIELDS and s.text:
            value = re.split(r"\s+(?:Job ID|Req|Location)\b", s.text)[0]
            if _tidy(value):
                return _tidy(value)
    for s in sentences[:60]:
        if s.section in ("field",):
            continue
        found = _SEEKING.search(s.text) or _AS_A.search(s.text)
        if found:
            title = _trim_title(found["title"])
            if _title_ok(title) and len(title.split()) <= 8:
                return title
    heading = re.search(r"^#\s+(.+)$", text, re.M)
    if heading and _title_ok(_tidy(heading[1])):
        return _tidy(heading[1])
    for s in sentences[:3]:
        first = _tidy(s.text.split(":")[0])
        if s.section not in ("field",) and _title_ok(first) and len(first.split()) <= 8:
            return first
    return None


def find_company(sentences: list[Sentence], text: str) -> str | None:
    """The employer the posting names, or None."""
    for s in sentences:
        if (
            s.section == "field"
            and s.label.casefold() in _COMPANY_FIELDS
            and _org_ok(_tidy(s.text))
        ):
            return _tidy(s.text)
    for match in re.finditer(r"(?:^|\n|[.!?:]\s*)About\s+(?P<org>[^\n:]{2,60}?)\s*(?::|\n)", text):
        org = _tidy(match["org"])
        if _org_ok(org) and org[:1].isupper() and section_of(f"About {org}") == "company":
            return org
    for line in text.splitlines()[:8]:
        found = _DOT_LINE.match(line.strip())
        if found and _org_ok(_tidy(found["org"])):
            return _tidy(found["org"])
    candidates: list[str] = []
    for s in sentences[:80]:
        if s.section == "field":
            continue
        for rx in (_SEEKING, _ORG_IS):
            found = rx.search(s.text)
            if found and _org_ok(_tidy(found["org"])):
                candidates.append(_tidy(found["org"]))
                break
    if candidates:
        return candidates[0]
    for s in sentences[:80]:
        found = _AT_ORG.search(s.text)
        if found and _org_ok(_tidy(found["org"])) and len(found["org"].split()) <= 5:
            return _tidy(found["org"])
    return None

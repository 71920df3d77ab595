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
from appkit.guide.posting_vocab import FIELD_LABELS, section_of

_NAME_WORD = r"(?:[A-Z0-9][\w&'’.®-]*|&|of|and|de|du|la|the|for)"
_SUFFIX = r"(?:,? (?:Inc|LLC|Ltd|Corp|Co|P\.A|L\.P)\.?)?"
_ORG = rf"(?:(?<![\w&])[A-Z][\w&'’.®-]*(?:,? (?:{_NAME_WORD}))*?{_SUFFIX})"
_SEEK = (
    r"(?:is|are)\s+(?:currently\s+|now\s+|actively\s+|immediately\s+)?(?:seeking|looking\s+for|"
    r"hiring|searching\s+for|recruiting|in\s+need\s+of)|seeks|invites\s+applications\s+for(?:\s+the\s+position"
    r"\s+of)?|has\s+an?\s+(?:\w+\s+){0,3}(?:opening|opportunity)\s+for"
)
_SEEKING = re.compile(rf"(?:^|(?<=[.!?]\s))(?:Our\s+)?(?P<org>{_ORG})\s+(?:{_SEEK})\b")
_ORG_IS = re.compile(
    rf"^(?:(?:Since|In|For (?:over|more than)) [\w ]{{2,20}},\s+)?"  # "Since 2014, <Org> has been"
    rf"(?P<org>{_ORG})(?:,[^,]{{3,80}}?,?)?\s+(?:is|are|has been|was founded|offers|provides"
    rf"|specializes|based (?:at|in))\b"
)
_AT_ORG = re.compile(
    rf"\b(?:(?:role|position|job|opportunity|career|team|work|working|employed)\s+(?:\S+\s+){{0,6}}"
    rf"(?:at|with)|[Jj]oin|no further than) (?P<org>{_ORG})(?= in\b| is\b| and\b|[.,!]|$)"
)
_DOT_LINE = re.compile(
    r"^(?P<org>[^·•|]{2,60}?)\s+"
    r"(?:[·•|]|[-–—](?=\s+(?:[A-Z][\w .'-]+,\s*[A-Z]{2}\b|Remote|Hybrid)))"
    r"\s+(?P<place>[^·•|]{2,60})$"
)
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
    r"benefits|salary|all|if|as|in|at|for|with|since|from|by|after|before|when|while|today|"
    r"currently|\w+ing)$",
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


_LEAD = re.compile(
    r"(?:\b(?:is|are)\s+(?:currently\s+|now\s+|actively\s+|immediately\s+)?(?:seeking|looking\s+"
    r"for|hiring|searching\s+for|recruiting|in\s+need\s+of)|\bseeks|\b[Ww]e(?:'|’)re\s+(?:seeking|"
    r"looking\s+for|hiring)|\binvites\s+applications\s+for(?:\s+the\s+position\s+of)?|\bposition"
    r"\s+of|\brole\s+(?:of|as|for)|\bjoin\s+(?:our|the)\s+(?:\w+\s+)?team\s+as|\bnew\s+position"
    r"\s+[–-]|\bopportunity\s+for|(?:^|[.!?]\s+)[Aa]s(?:\s+(?:an?|the|our))?|^(?:The|Our))\s+"
)
_NEXT_FIELD = re.compile(rf"\s+(?:Job ID|Req\b)|\s+(?=(?=[A-Z])(?i:{FIELD_LABELS})\s?:)")
# Lower-case words that end O*NET titles but say nothing in prose ("a great person").
_VAGUE = {
    "person",
    "persons",
    "people",
    "individual",
    "individuals",
    "member",
    "members",
    "candidate",
    "candidates",
    "player",
    "players",
    "professional",
    "professionals",
    "staff",
    "team",
}
_MODIFIERS = {"a", "an", "the", "and", "or", "highly", "organized", "experienced", "motivated"}
_CONNECT = {"of", "&", "/", "-", "–", "or", "and/or"}
_STOP = re.compile(r"[.,;:!?]\s|[.,;:!?]$| (?:who|to|that|with|at|in|for|on|located|based|you)\b")


def _job(word: str) -> bool:
    from appkit.guide.posting_skills import job_nouns

    return word.strip("()’'s,.").casefold() in job_nouns() or word.casefold() in job_nouns()


def _title_after(text: str, lowercase: bool = True) -> str | None:
    """The title at the start of `text` ("dedicated Registered Nurses (RNs) and ..." ->
    "Registered Nurses (RNs)"): a capitalised run that holds a job noun (O*NET title words)."""
    dashed = re.match(r"^([^–—]{3,80}?)\s+[–—]\s", text)  # "– Director, Finance Systems –"
    window = dashed[1] if dashed else _STOP.split(text, maxsplit=1)[0]
    tokens = window.split()[:14]
    first = next((i for i, t in enumerate(tokens) if t[:1].isupper() or t[:1].isdigit()), None)
    if first is None:  # "an organized paralegal / legal assistant"
        jobs = [i for i, t in enumerate(tokens[:6]) if _job(t) and t.casefold() not in _VAGUE]
        if not lowercase or not jobs:
            return None
        start = jobs[0] - 1 if jobs[0] and tokens[jobs[0] - 1] not in _MODIFIERS else jobs[0]
        end = jobs[0]
        for k in range(jobs[0] + 1, min(len(tokens), jobs[0] + 5)):  # "paralegal / legal assistant"
            if _job(tokens[k]) and tokens[k].casefold() not in _VAGUE:
                end = k
        return " ".join(tokens[start : end + 1])
    run: list[str] = []
    for token in tokens[first:]:
        if token[:1].isupper() or token[:1].isdigit() or token in _CONNECT or token[:1] == "(":
            run.append(token)
        else:
            if _job(token):  # "Writing instructors"
                run.append(token)
            break
    while run and run[-1] in _CONNECT:
        run.pop()
    if run and run[0].endswith(("’s", "'s")):  # "Tracker's marketing specialist"
        rest = tokens[first + 1 :]
        end = next((i for i, t in enumerate(rest[:5]) if _job(t)), None)
        return " ".join(rest[: end + 1]) if end is not None else None
    if not any(_job(t) for t in run):
        return None
    after = tokens[first + len(run)] if first + len(run) < len(tokens) else ""
    if len(run) == 1 and re.fullmatch(r"[a-z]{3,}s", after):  # "As Tracker continues to grow"
        return None
    return " ".join(run)


def _standalone(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 7 and _job(words[-1]) and text.istitle() and _title_ok(text)


def find_title(sentences: list[Sentence], text: str) -> str | None:
    """The job title the posting names, or None (module docstring: the order tried)."""
    for s in sentences:
        if s.section == "field" and s.label.casefold() in _TITLE_FIELDS and s.text:
            value = _NEXT_FIELD.split(s.text)[0]
            if _tidy(value):
                return _tidy(value)
    heading = re.search(r"^#\s+(.+)$", text, re.M)
    if heading and _title_ok(_tidy(heading[1])):
        return _tidy(heading[1])
    for i, s in enumerate(sentences[:12]):
        if i and re.search(r"(?i)\breport(?:s|ing)? to:?$", sentences[i - 1].text):
            continue  # the manager's title, not this job's
        if s.label and _standalone(s.label):
            return s.label
        if s.section != "field" and _standalone(_tidy(s.text)):
            return _tidy(s.text)
    for s in sentences[:60]:
        if s.section == "field":
            continue
        for found in _LEAD.finditer(s.text):
            seek = not re.match(r"(?:^|[.!?]\s+)(?:[Aa]s|The|Our)\b", found[0])
            title = _title_after(s.text[found.end() :], lowercase=seek)
            if title and _title_ok(_tidy(title)):
                return _tidy(title)
    for s in sentences[:3]:
        first = _tidy(s.text.split(":")[0])
        words = first.split()
        if s.section != "field" and _title_ok(first) and len(words) <= 8 and _job(words[-1]):
            return first
    return None


def _org(value: str) -> str | None:
    """A cleaned employer name, or None when it does not read as one."""
    value = re.split(r"[’']s\b", value)[0]  # "Robert Half's Legal Division"
    value = re.sub(r"\s*\([A-Z]{2,8}\)\s*$", "", value)  # "Project Hope Alliance (PHA)"
    value = re.sub(r"^(?:Our|At)\s+", "", value)
    value = _tidy(value)
    words = value.split()
    if words[:1] == ["The"] and len(words) >= 3:
        words = words[1:]
    if not words or not _org_ok(" ".join(words)) or _is_skill(value) or len(value) < 3:
        return None
    last = words[-1].casefold()
    plural = last.endswith("s") and (_job(last[:-1]) or _job(last[:-2]))
    if len(words) > 1 and plural:  # "Our Financial Representatives are ..."
        return None
    return value


def _is_skill(value: str) -> bool:
    from appkit.guide.posting_skills import aliases

    single, multi = aliases()
    return value in single or value.casefold() in multi or section_of(value) is not None


def _dot_lines(text: str) -> list[re.Match[str]]:
    """ "Company · Location" lines near the top (not the value of a "Job Location" field)."""
    lines = [line.strip() for line in text.splitlines()[:12] if line.strip()]
    found = []
    for i, line in enumerate(lines[:8]):
        match = _DOT_LINE.match(line)
        if match and not (i and section_of(lines[i - 1]) == "field"):
            found.append(match)
    return found


def find_place(text: str) -> str | None:
    """The place of a "Company · Location" line near the top, if there is one."""
    for found in _dot_lines(text):
        if _org(found["org"]):
            return _tidy(found["place"])
    return None


def find_company(sentences: list[Sentence], text: str) -> str | None:
    """The employer the posting names, or None (module docstring: the order tried)."""
    for s in sentences:
        if s.section == "field" and s.label.casefold() in _COMPANY_FIELDS:
            org = _org(_NEXT_FIELD.split(s.text)[0])
            if org:
                return org
    for match in re.finditer(r"(?:^|\n|[.!?:]\s*)About\s+(?P<org>[^\n:]{2,60}?)\s*(?::|\n)", text):
        org = _org(match["org"])
        if org and org[:1].isupper() and section_of(f"About {match['org']}") == "company":
            return org
    for found in _dot_lines(text):
        if org := _org(found["org"]):
            return org
    for s in sentences[:80]:
        if s.section == "field":
            continue
        for rx in (_SEEKING, _ORG_IS):
            found = rx.search(s.text)
            if found and (org := _org(found["org"])):
                return org
    for s in sentences[:80]:
        found = _AT_ORG.search(s.text)
        if found and len(found["org"].split()) <= 5 and (org := _org(found["org"])):
            return org
    return None

"""Lists hidden in prose and run-on lines: the helpers that cut one sentence into several items.

run_on        "similar role Bachelor's degree ... required Highly creative ..." -> items, split
              before a word that opens an item (an O*NET task verb, a requirement opener)
prose_duties  "This includes troubleshooting problems, inspections of property, ..." and
              "The position would involve drafting X, as well as engaging in Y" -> each part;
              "This position administers ..." -> the predicate
gerund_list   "Developing a social strategy, community management of channels, ..." -> parts
"""

from __future__ import annotations

import re

from appkit.guide.posting_skills import duty_verbs

_INCLUDES = re.compile(
    r"\b(?:responsible for|(?:this|duties|responsibilities|activities|tasks) (?:also )?includes?"
    r"|(?:would|will|may) involve|involves"
    r"|(?:will|may) include|includ(?:es|ing) but (?:is |are )?not limited to)[:,]?\s+(?P<tail>.+)",
    re.I,
)
_GERUND_PARTS = re.compile(r",?\s+as well as\s+|,\s*(?:and\s+)?(?=\w+ing\b)|\s+and\s+(?=\w+ing\b)")
_PARTS = re.compile(r"\s*[,;]\s*(?:and\s+|or\s+)?(?![^()]*\))|\s+and\s+(?=\w+ing\b)")


_DOES = re.compile(
    r"^(?:this (?:position|role)|the (?:incumbent|employee|role|position)|(?:he|she|they)(?:/she)?)"
    r"(?:,[^,]{3,40},)?\s+(?:also\s+)?(?P<tail>(?!(?:is|has|was|does|reports)\b)[a-z]{3,}s\s.{10,})",
    re.I,
)


def prose_duties(text: str) -> list[str]:
    """Duties a prose sentence lists: "This includes troubleshooting problems, inspections of
    property, and ..." -> each part; "... will be responsible for X." -> X."""
    found = _INCLUDES.search(text) or _DOES.match(text)
    if not found:
        return []
    tail = found["tail"].rstrip(" .")
    gerunds = [p for p in _GERUND_PARTS.split(tail) if p and p.strip()]
    if ";" in tail:  # "drafting pleadings, motions and subpoenas; engaging in research; ..."
        parts = [re.sub(r"^(?:and|or)\s+", "", p.strip()) for p in tail.split(";") if p.strip()]
    elif len(gerunds) >= 2 and tail.split()[0].endswith("ing"):  # "drafting X, Y and Z, as well
        parts = [p.strip() for p in gerunds]  # as engaging in research, interacting with ..."
    else:
        parts = [p.strip() for p in _PARTS.split(tail) if p and p.strip()]
    if len(parts) >= 3 and all(len(p.split()) <= 14 for p in parts):
        return parts
    return [tail] if len(tail.split()) >= 3 else []


def gerund_list(text: str) -> list[str]:
    """ "Developing a social strategy, community management of channels, co-creating content,
    ..." is several duties; any other sentence is one."""
    first = text.split()[0]
    if not (first.endswith("ing") and len(first) >= 6):
        return [text]
    parts = [p.strip() for p in _PARTS.split(text.rstrip(" .")) if p and p.strip()]
    if len(parts) >= 6 and all(len(p.split()) <= 10 for p in parts):
        return parts
    return [text]


_STARTERS = frozenset(
    [
        "Ability",
        "Able",
        "Experience",
        "Knowledge",
        "Strong",
        "Excellent",
        "Proven",
        "Great",
        "Highly",
        "Must",
        "Some",
        "Proficient",
        "Proficiency",
        "Familiarity",
        "Familiar",
        "Minimum",
        "Currently",
        "Demonstrated",
        "Working",
        "Understanding",
        "Bachelor",
        "Bachelor's",
        "Bachelor’s",
        "Master's",
        "Master’s",
        "Associate's",
        "Degree",
        "High",
        "Solid",
        "Good",
        "Advanced",
        "Previous",
        "Prior",
        "Valid",
        "Current",
        "Willingness",
        "Willing",
        "Comfortable",
        "Exceptional",
        "Outstanding",
        "Basic",
        "Effective",
        "Self-motivated",
        "Detail-oriented",
        "Passion",
        "Passionate",
        "At",
        "All",
    ]
)
_RUN_ON = re.compile(r"(?<=[a-z)%]) (?=([A-Z][\w'’-]+)[ ,])")
_NO_BREAK_AFTER = re.compile(
    r"\b(?:of|the|and|or|with|in|to|for|a|an|on|at|by|as|using|including|include|like|such|"
    r"our|your|their|from|into|via|e\.g\.,?|i\.e\.,?)$",
    re.I,
)


def run_on(sentence: str) -> list[str]:
    """List items whose line breaks were lost ("similar role Bachelor's degree ... required
    Highly creative ..."): split before a word that starts an item (a duty verb from O*NET's task
    statements, or a requirement opener), when the sentence is long enough to be several items."""
    if len(sentence.split()) < 10:
        return [sentence]
    verbs = duty_verbs()
    out, start = [], 0
    for match in _RUN_ON.finditer(sentence):
        word = match[1]
        before = sentence[start : match.start()]
        starts = word in verbs or word in _STARTERS
        last = before.split()[-1] if before.split() else ""
        if last[:1].isupper():  # "Basic Life Support", "Urgent Care": one name
            continue
        if starts and len(before.split()) >= 3 and not _NO_BREAK_AFTER.search(before):
            out.append(before.strip())
            start = match.end()
    out.append(sentence[start:].strip())
    return [o for o in out if o]

"""The words of job postings: section headings, field labels, boilerplate and preference markers.

Sections (what a heading switches to):

    duties        Responsibilities, Duties, Essential Functions, What You Will Be Doing...
    requirements  Qualifications, Requirements, Skills, What We Are Looking For, Who You Are...
    skills        Skills, Tools, Technologies, Tech Stack (a list of names; sentences count as
                  requirements)
    preferred     Preferred Qualifications, Nice to Have, Bonus Points, A Plus...
    description   Overview, Summary, About the Role, The Opportunity, Position Details...
    benefits      Benefits, Perks, What We Offer, Compensation, Salary, Pay Range... (kept as info)
    company       About Us, About <Company>, Company Overview, Who We Are, Our Mission...
    apply         How to Apply, Next Steps, Interested?...
    legal         Equal Opportunity..., EEO, Accommodations, Disclaimer, Privacy, Vaccine/COVID...
    physical      Physical Demands, Work Environment, Working Conditions
    field         a one-line field: Job Title, Company, Location, Job Type, Salary, Reports To...

Only duties, requirements and preferred sections give items; `posting_boilerplate` catches the
boilerplate sentences that sit inside them anyway.
"""

from __future__ import annotations

import re

_DUTIES = (
    r"(?:(?:key|main|core|primary|essential|general|specific|major|principal|your|the|job|"
    r"position|role|daily|typical|additional|other)\s+)*(?:job\s+)?"
    r"(?:responsibilit(?:y|ies)|dut(?:y|ies)|accountabilities|functions|tasks|activities)"
    r"(?:\s+(?:and|&)\s+(?:responsibilities|duties|expectations|functions))?"
    r"(?:\s+(?:include|are|will include))?(?:\s+(?:of|for)\s+(?:the|this)\s+(?:role|position|job))?"
    r"|essential\s+(?:job\s+)?functions|job\s+functions"
    r"|(?:role|job|position)\s*(?:&|and)\s*responsibilities"
    r"|what\s+you(?:'|’)?(?:ll|\s+will)?(?:\s+be)?\s+do(?:ing)?(?:\s+(?:here|day[- ]to[- ]day))?"
    r"|what\s+you(?:'|’)?(?:ll|\s+will)\s+(?:accomplish|achieve|work\s+on)"
    r"|what\s+the\s+job\s+involves|the\s+work|a\s+day\s+in\s+the\s+life(?:\s+of\s+.{1,40})?"
    r"|your\s+(?:role|responsibilities|day|impact|mission|day[- ]to[- ]day)"
    r"|in\s+th(?:is|e)\s+(?:role|job|position)(?:,?\s+you(?:'|’)?(?:ll|\s+will))?"
    r"|as\s+an?\s+.{2,60}?,?\s+you(?:'|’)?(?:ll|\s+will)(?:\s+be\s+responsible\s+for)?"
    r"|day[- ]to[- ]day(?:\s+responsibilities)?|how\s+you(?:'|’)?(?:ll|\s+will)\s+"
    r"(?:contribute|make\s+an\s+impact|help)|scope(?:\s+of\s+(?:work|the\s+role|role))?"
)
_PREFERRED = (
    r"(?:preferred|desired|desirable|bonus|nice[- ]to[- ]have|additional|preferable)"
    r"(?:\s+(?:qualifications|skills|experience|requirements|points|attributes|competencies))?"
    r"(?:\s+\(?not\s+required\)?)?|nice[- ]to[- ]haves?|bonus\s+points(?:\s+if(?:\s+you)?.*)?"
    r"|desired\s+(?:skills|qualifications)\s+(?:and|&)\s+(?:experience|education|skills)"
    r"|pluses|it(?:'|’)?s?\s+(?:is\s+|would\s+be\s+)?a\s+plus(?:\s+if.*)?|extra\s+credit"
    r"|preferred\s+but\s+not\s+required|what\s+would\s+be\s+nice"
)
_REQUIREMENTS = (
    r"(?:(?:minimum|basic|required|key|essential|job|position|role|the|necessary|core|technical|"
    r"professional|mandatory)\s+)*(?:qualifications?|requirements|skills?|competenc(?:y|ies)|"
    r"abilit(?:y|ies)|knowledge|expertise)"
    r"(?:,?\s+(?:knowledge|skills?|abilit(?:y|ies)|experience|education|requirements|"
    r"competencies|qualifications)?,?\s*(?:and|&|or)\s+(?:experience|skills?|qualifications|"
    r"abilit(?:y|ies)|education|requirements|competencies|knowledge|certifications?|licensure|"
    r"attributes))?"
    r"(?:\s+(?:required|needed|include))?(?:\s+for\s+(?:the|this)\s+(?:role|position|job))?"
    r"|knowledge,?\s+skills,?\s+(?:and|&)\s+abilities|ksas?"
    r"|(?:education|experience|training|certifications?|licens(?:e|ure)s?|credentials)"
    r"(?:,?\s*(?:and|&|/)\s*(?:experience|education|training|skills|certifications?|"
    r"licens(?:e|ure)s?|qualifications))?(?:\s+(?:required|requirements|needed))?"
    r"|(?:required|minimum)\s+(?:experience|education)"
    r"|what\s+we(?:'|’)?(?:re|\s+are)?\s+looking\s+for(?:\s+in\s+you)?"
    r"|who\s+we(?:'|’)?(?:re|\s+are)\s+looking\s+for"
    r"|what\s+you(?:'|’)?(?:ll|\s+will)?\s+(?:bring|need|have)(?:\s+to\s+the\s+table)?"
    r"|what\s+we\s+need(?:\s+from\s+you)?|what\s+it\s+takes|who\s+you\s+are|about\s+you"
    r"|you\s+(?:have|are|bring|should\s+have|will\s+have|might\s+be)|must[- ]haves?"
    r"|(?:the\s+)?(?:ideal|successful|right|qualified)\s+(?:candidate|applicant)s?"
    r"(?:\s+(?:will\s+have|profile|should\s+have|will\s+be))?"
    r"|our\s+(?:dream|ideal)\s+candidate|to\s+be\s+successful(?:\s+in\s+this\s+role)?"
    r"|is\s+this\s+you\??|are\s+you\s+a\s+fit\??|candidate\s+profile|desired\s+profile"
    r"|requirements?\s+(?:for|of)\s+the\s+(?:role|position|job)|must\s+have"
)
_DESCRIPTION = (
    r"(?:job|position|role|general|brief)?\s*(?:summary|overview|description|purpose|profile)"
    r"(?:\s+of\s+(?:the\s+)?(?:role|position|job))?"
    r"|about\s+(?:the|this)\s+(?:role|job|position|opportunity)|(?:the\s+)?opportunity"
    r"|purpose\s+of\s+(?:the\s+)?(?:role|position|job)|introduction|the\s+position|position"
    r"|(?:position|job|role)\s+(?:details|information|snapshot)|details|job\s+purpose"
    r"|(?:the\s+|this\s+)?role|summary\s+of\s+(?:the\s+)?(?:position|role)|job\s+description\s+summary|who\s+we\s+need"
)
_BENEFITS = (
    r"(?:employee\s+|our\s+)?benefits?(?:\s+(?:and|&)\s+perks)?(?:\s+include)?|perks(?:\s+(?:and|&)"
    r"\s+benefits)?|(?:what|why)\s+we\s+offer|we\s+offer|what(?:'|’)?s\s+in\s+it\s+for\s+you"
    r"|what\s+is\s+in\s+it\s+for\s+you|compensation(?:\s+(?:and|&)\s+benefits)?(?:\s+package)?"
    r"|salary(?:\s+range)?(?:\s+(?:and|&)\s+benefits)?|pay(?:\s+(?:range|rate|and\s+benefits))?"
    r"|why\s+you(?:'|’)?ll\s+love\s+(?:working\s+)?(?:here|with\s+us|at\s+.{2,40}|us)"
    r"|total\s+rewards|rewards|why\s+join\s+us|why\s+work\s+(?:for|with|at)\s+us"
    r"|what\s+you(?:'|’)?(?:ll|\s+will)?\s+get|in\s+return|wages?|base\s+salary"
)
_COMPANY = (
    r"about\s+(?:us|the\s+(?:company|team|organi[sz]ation|firm|practice|client|employer))"
    r"|company\s+(?:overview|description|profile|information|background|summary)"
    r"|who\s+we\s+are|our\s+(?:company|story|mission|culture|values|team|client|firm|vision)"
    r"|the\s+company|(?:why|why\s+join|why\s+work\s+(?:for|with|at))\s+[\w&.'’ -]{2,40}"
    r"|about\s+(?!you\b|this\s+(?:role|job|position)\b)"
    r"(?!.*\b(?:is|are|was|has|have|will|we|our)\b)[\w&.'’®, ()-]{2,60}"
)
_APPLY = (
    r"how\s+to\s+apply|to\s+apply|application\s+(?:process|instructions)|next\s+steps"
    r"|interested\??|apply(?:\s+(?:now|today|here))?!?|ready\s+to\s+apply\??"
    r"|contact(?:\s+(?:us|information))?|questions\??"
)
_LEGAL = (
    r"equal\s+(?:employment\s+)?opportunity.*|eeo.*|diversity.*|our\s+commitment.*"
    r"|(?:reasonable\s+)?accommodations?.*|disclaimer.*|legal(?:\s+notice)?|privacy.*|notice.*"
    r"|e-verify.*|covid.*|vaccin.*|pay\s+transparency.*|drug[- ]free.*|fraud.*|note"
    r"|additional\s+information|other\s+information|important\s+information|cookies?.*|tips?"
)
_PHYSICAL = (
    r"physical\s+(?:demands|requirements|activities)(?:\s+(?:and|&)\s+work(?:ing)?\s+"
    r"(?:environment|conditions))?|work(?:ing)?\s+(?:environment|conditions)"
)
FIELD_LABELS = (
    r"(?:job|position|role)\s+title|title|position|company(?:\s+name)?|employer|organi[sz]ation"
    r"|(?:job\s+|work\s+)?location|(?:job|employment|position|contract)\s+type|type|schedule"
    r"|shift|hours|(?:contract\s+)?duration|work\s+mode|workplace\s+type|department"
    r"|division(?:/unit)?|unit|reports\s+to|reporting\s+to|job\s+id|req(?:uisition)?\s+id"
    r"|salary(?:\s+range)?|pay(?:\s+range|\s+rate)?|compensation|rate|travel(?:\s+percentage)?"
    r"|start\s+date|(?:first|last)\s+date\s+of\s+(?:posting|filing)|authority|openings"
    r"|experience\s+level|industry|job\s+code|grade|closing\s+date|date\s+posted|posted"
    r"|employment\s+status|status|remote|clearance|(?:job\s+)?category"
    r"|job\s+family|function|req(?:uisition)?\s*#?|job\s+number|posting\s+date|work\s+hours"
)
_SKILLS = (
    r"technical|(?:(?:key|required|technical|core|relevant)\s+)?(?:skills|tools|technologies|"
    r"tech\s+stack|keywords|software)(?:\s+(?:&|and)\s+(?:tools|technologies|platforms))?"
)
SECTION_PATTERNS: list[tuple[str, str]] = [
    ("field", FIELD_LABELS),
    ("skills", _SKILLS),
    ("preferred", _PREFERRED),
    ("duties", _DUTIES),
    ("requirements", _REQUIREMENTS),
    ("benefits", _BENEFITS),
    ("description", _DESCRIPTION),
    ("legal", _LEGAL),
    ("physical", _PHYSICAL),
    ("apply", _APPLY),
    ("company", _COMPANY),
]
_SECTION_RES = [(kind, re.compile(rf"(?:{p})", re.I)) for kind, p in SECTION_PATTERNS]
# Heading words that can run straight into the next word of a scrape ("ResponsibilitiesOur").
HEADING_ALTERNATION = (
    r"Responsibilities|Requirements|Qualifications|Duties|Job Functions|Essential Functions"
    r"|Job Description|Job Summary|Position Summary|Summary|Overview|Benefits|Perks"
    r"|Preferred Qualifications|Minimum Qualifications|Basic Qualifications|Required Skills"
    r"|Skills|Education|Experience|Company Description|Company Overview|Role Description"
    r"|About Us|What We Offer|What You Will Do|What You'll Do|Who You Are|Nice to Have"
    r"|Compensation|Description|Key Responsibilities|Job Duties|How to Apply|The Role"
    r"|About the Role|The Opportunity|Role Overview|Qualifications and Skills"
    r"|Requirements and Skills|What We Are Looking For|What We(?:'|’)re Looking For"
    r"|What You Will Be Doing|What You(?:'|’)ll Be Doing|Nice to Have|Primary Job Responsibilities"
    r"|Position Details|Job Details|About the Job|Job Requirements|Minimum Requirements"
    r"|Preferred Skills|Who We Are|About You|Bonus Points|Our Benefits|Perks and Benefits"
)


def section_of(heading: str, loose: bool = True) -> str | None:
    """The section a heading (without its colon) opens, or None for ordinary text; `loose=False`
    skips the last-word guess ("... responsibilities")."""
    text = " ".join(heading.strip().strip("*_#:-–—|").split())
    text = re.sub(r"^(?:\d+[.)]\s*)", "", text).strip(" ?!.")
    if not text or len(text) > 70 or not text[:1].isalpha():
        return None
    for kind, rx in _SECTION_RES:
        if rx.fullmatch(text):
            return kind
    last = text.split()[-1].casefold()
    if loose and len(text.split()) <= 8 and last in _LAST_WORD and not duty_start(text):
        return _LAST_WORD[last]  # "Quality, Cost, Delivery & Safety responsibilities"
    return None


_LAST_WORD = {
    "responsibilities": "duties",
    "duties": "duties",
    "requirements": "requirements",
    "qualifications": "requirements",
    "benefits": "benefits",
    "perks": "benefits",
    "offers": "benefits",
    "locations": "description",
}


_INTRO = [
    ("preferred", re.compile(r"\b(?:prefer|nice to have|a plus|bonus|ideally|desired)", re.I)),
    (
        "benefits",
        re.compile(r"\b(?:we offer|we provide|benefits|perks|you(?:'|’)ll (?:get|receive))", re.I),
    ),
    ("apply", re.compile(r"\b(?:to apply|apply|application|send (?:your|a) (?:resume|cv))", re.I)),
    (
        "duties",
        re.compile(
            r"\b(?:responsibilit|duties|dut(?:y|ies) include|you(?:'|’)ll|you will|will be "
            r"responsible|be doing|will (?:I|you) do|activities|will be "
            r"responsible|will include|day[- ]to[- ]day|tasks|functions|this role (?:will|involves)"
            r"|job (?:involves|includes))",
            re.I,
        ),
    ),
    (
        "requirements",
        re.compile(
            r"\b(?:qualifi|requirement|skills|looking for|ideal candidate|successful candidate|"
            r"must (?:have|possess|be)|you (?:have|bring|need|should)|experience|traits|"
            r"characteristics|qualities|candidates? "
            r"(?:should|must|will)|required|abilities|competenc|following)",
            re.I,
        ),
    ),
]


def intro_section(sentence: str) -> str | None:
    """The section a colon-ended lead-in opens ("In this job you will:" -> duties), if any."""
    for kind, rx in _INTRO:
        if rx.search(sentence):
            return kind
    return None


def duty_start(sentence: str) -> bool:
    """Starts like a duty: an O*NET task verb and a lower-case word ("Verify insurance ...")."""
    from appkit.guide.posting_skills import duty_verbs

    words = sentence.split()
    if not words or words[0] in ("Pay", "Salary", "Compensation", "Wage", "Wages"):
        return False
    return len(words) >= 2 and words[0] in duty_verbs() and words[1][:1].islower()

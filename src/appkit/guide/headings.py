"""Section headings of career-guide pages, as real sites word them, mapped to Guide sections.

One vocabulary serves every layout: the Himalayas-style built-in guide ("Key Responsibilities",
"Salary by Experience Level"), the BLS Occupational Outlook Handbook ("What They Do", "How to
Become One", "Pay", "Job Outlook", "Similar Occupations"), O*NET OnLine ("Tasks", "Technology
Skills", "Knowledge", "Wages & Employment Trends"), CareerOneStop ("Typical tasks", "Knowledge,
skills and abilities"), state career sites ("On the job, you would:"), education and training
sites, and career blogs ("Skills you need", "How to become a X in 5 steps", "FAQ"). A heading may
carry the role's name ("PTA career path", "Elementary teacher salary and job outlook").

Keys: the Guide section a heading opens; "skip" text is searched for certifications only; "drop"
(site chrome and sections with no Guide field, such as O*NET abilities) is discarded; "toc" is a
table of contents whose entries are not headings.
"""

from __future__ import annotations

import re

_R = r"(?:&|and)"
# Up to five words naming the role before a heading word ("Physical therapist assistant salary").
_ROLE = r"(?:[\w'\u2019().,/-]+ ){0,5}"
# "... for a registered nurse", "... of an electrician": a heading may end with the role too.
_FOR = r"(?: (?:for|of|as|to become) (?:an? |the )?.{2,50})?"
SKILL_KEYS = ("skills", "technical_skills", "soft_skills", "knowledge")

# (key, pattern), first match wins; patterns match the whole heading, case-insensitively.
HEADINGS: list[tuple[str, str]] = [
    (
        "drop",
        rf"diversity {_R} inclusion.*|global .{{0,60}}|(?:\d{{4}} )?market reality.*"
        r"|current market trends|job application toolkit|assess your .{0,60}readiness"
        r"|land your dream job.*|find your dream job|sign up(?: now)?|about the author"
        r"|related (?:articles|posts|reading|stories|content|guides|resources)|(?:\d+ )?comments?"
        r"|leave a (?:comment|reply)|share(?: this.{0,30})?|subscribe.*|newsletter.*"
        r"|get (?:weekly|our|the latest|free) .{0,40}|you (?:may|might) also like.*"
        r"|recommended (?:for you|reading|articles)|more from .{0,40}|ready to .{0,40}"
        r"|find (?:jobs|a job|work|training|schools?|programs?)\b.{0,40}|.{0,30}\bjobs? near you"
        r"|featured jobs.*|job openings.{0,30}|jobs? on the web|.{0,40}programs? (?:for this career"
        r"|near you|in .{2,30})|contacts? for more information|more info(?:rmation)?"
        r"|(?:sources? of )?additional information|sources?|disclaimer|references|cite this page"
        r"|was this (?:page|article) helpful.*|hear from .{0,40}|(?:student |success )?stories"
        r"|testimonials?|(?:state|local) {_R} area data|advertisement|sponsored.*"
        r"|abilities|(?:detailed )?work activities|work context|job zones?|interests|work styles?"
        r"|work values|apprenticeships?",
    ),
    ("toc", r"table of contents|contents|in this (?:article|guide|post|page)|on this page"),
    (
        "key_facts",
        rf"key facts(?: {_R} (?:statistics|figures))?|(?:\w+ )?at a glance|quick facts.*"
        r"|fast facts|(?:occupation |career )?snapshot|summary",
    ),
    (
        "responsibilities",
        rf"{_ROLE}(?:key |main |core |primary |typical |daily |day-to-day |essential |major "
        rf"|job )?(?:responsibilities|duties|tasks)(?: {_R} (?:responsibilities|duties|tasks))?"
        r"|(?:duties|responsibilities) of (?:an? |the )?.{2,50}"
        rf"|{_ROLE}job description|what you['\u2019]?ll do.{{0,30}}|what you will do.{{0,30}}"
        r"|on the job(?:, you (?:would|will|might))?|(?:a )?day in the life.{0,40}"
        r"|(?:a )?typical (?:day|work ?day).{0,30}|what the (?:job|work) (?:involves|entails)",
    ),
    (
        "overview",
        r"what is an? .{2,60}\??|what (?:does|do) (?:an? )?.{2,60} do\??"
        r"|what (?:they|\w+(?: \w+){0,4}) do|(?:career |role |job |occupation )?overview"
        r"|about (?:the|this) (?:role|job|career|occupation)|introduction|nature of the work",
    ),
    (
        "work_environment",
        rf"{_ROLE}work(?:ing)? (?:environment|conditions|settings?|schedules?|hours){_FOR}"
        r"|where (?:they|you|.{2,40}) work|work ?places?|(?:typical )?employers"
        r"|(?:typical )?(?:working )?hours|you could work.{0,30}",
    ),
    (
        "tools",
        rf"tools(?:,? {_R} (?:technolog(?:y|ies)|equipment|software))?|technolog(?:y|ies)"
        rf"|technology skills|software(?: {_R} tools)?|tools used{_FOR}|equipment(?: used)?"
        rf"|tools,? technology,? {_R} equipment",
    ),
    ("technical_skills", r"(?:technical|hard|clinical|job[- ]specific|computer|digital) skills"),
    (
        "soft_skills",
        r"(?:soft|interpersonal|people|personal|transferable|human) skills"
        r"|(?:important |key |essential |personal )?qualities(?: of .{2,60})?|(?:personal )?traits"
        r"|characteristics",
    ),
    ("knowledge", r"(?:top )?knowledge(?: areas)?"),
    (
        "skills",
        rf"skills(?: (?:{_R}|that|you|for|needed|required|to|employers) .{{0,40}})?"
        r"|(?:top|key|important|essential|required|in-demand|core|necessary) skills.{0,30}"
        rf"|knowledge,? skills,? {_R} abilities|competencies|what skills .{{2,60}}"
        r"|what it takes.{0,40}",
    ),
    (
        "education",
        rf"{_ROLE}(?:education(?:al)? requirements|education|schooling|education needed)"
        rf"{_FOR}|what education .{{2,60}}|degrees?(?: required| needed)?",
    ),
    (
        "skills",
        rf"{_ROLE}(?:qualifications|requirements)(?: {_R} (?:qualifications|requirements|skills))?"
        rf"{_FOR}",
    ),
    (
        "steps",
        r"how to become (?:an? )?.{2,60}|steps(?: to becom\w* .{2,60})?"
        rf"|{_ROLE}steps to (?:becom\w+|get\w*) .{{2,60}}|how to (?:get|break) into .{{2,40}}"
        r"|becoming an? .{2,60}|path to becoming .{2,60}",
    ),
    ("education_training", rf"education {_R} training|training {_R} education|training"),
    (
        "certifications",
        rf"{_ROLE}(?:certifications?|licens(?:e|es|ing|ure)|credentials?)\b(?:,? .{{0,50}})?",
    ),
    (
        "salary_levels",
        r"salary by (?:experience )?levels?|salary levels|(?:salary|pay) by experience",
    ),
    ("market_commentary", r"market commentary"),
    (
        "career_levels",
        rf"{_ROLE}career (?:path|pathways?|progression|ladder|levels|advancement|development)"
        rf"(?: {_R} (?:progression|advancement|promotion))?"
        r"|advancement(?: opportunities)?|advancing (?:your|in|the) .{2,50}|how to advance.{0,40}",
    ),
    ("challenges", r"(?:current )?challenges"),
    ("growth_opportunities", r"growth opportunities"),
    ("skip", rf"pros {_R} cons"),
    ("pros", r"pros|advantages"),
    ("cons", r"cons|disadvantages"),
    (
        "salary",
        rf"{_ROLE}(?:salary|salaries|pay|wages?|earnings|compensation|income)"
        rf"(?: {_R} (?:job )?(?:outlook|benefits|employment.{{0,30}}|growth))?"
        r"(?: ranges?| information| by .{2,30}| trends)?|wages? (?:&|and) employment.{0,30}"
        r"|how much (?:does|do|can) .{2,60} (?:make|earn)\??|(?:career )?outcomes",
    ),
    (
        "outlook",
        rf"{_ROLE}(?:job |employment |career |occupational )?outlook"
        r"(?:,? (?:for|in|and|&|\d).{0,40})?"
        r"|employment(?: (?:&|and) outlook| projections| trends| growth)?|job growth"
        r"|projected growth|future (?:job )?(?:outlook|prospects|growth)|(?:job )?prospects",
    ),
    ("faq", r"frequently asked questions.{0,40}|faqs?(?: about .{2,40})?|common questions.{0,40}"),
    (
        "related_careers",
        r"related (?:careers|occupations|jobs|roles|professions|positions).{0,30}"
        r"|similar (?:careers|occupations|jobs|roles|professions).{0,30}|other careers.{0,40}"
        r"|careers like this",
    ),
]
_HEADING_RES = [(key, re.compile(pattern, re.I)) for key, pattern in HEADINGS]
# For a bullet line ("• Technical Skills"): the same headings without a role name in front.
_STRICT_RES = [(key, re.compile(p.replace(_ROLE, ""), re.I)) for key, p in HEADINGS]
# Inside a skills section a bare word names the kind: "Technical", "Professional".
_SKILL_KINDS = [
    ("technical_skills", re.compile(r"technical|hard|clinical|job[- ]specific|tools?", re.I)),
    ("soft_skills", re.compile(r"soft|professional|personal|interpersonal|people|workplace", re.I)),
]
# Labels of a facts block that are not headings there ("Median Salary", "Growth Outlook").
FACT_LABELS = re.compile(
    r"(?:median|average|typical|annual|starting|entry[- ]level) (?:salary|pay|wages?)"
    r"|growth outlook|job outlook|annual openings|top industries|typical education|salary range"
    r"|range",
    re.I,
)
_NOT_HEADINGS = re.compile(r"bright outlook|in demand|hot technology|new|green", re.I)
# Keys an inline label ('Top skills: A, B, C') may fill when the page has no such heading.
LABEL_KEYS = {
    "responsibilities",
    "work_environment",
    "knowledge",
    "skills",
    "technical_skills",
    "soft_skills",
    "related_careers",
    "certifications",
    "tools",
    "education",
}


def normalise(text: str) -> str:
    """A heading without numbering, anchors, trailing colon or full stop."""
    text = re.sub(r"\s*\{#[^}]*\}\s*$", "", text.strip())
    text = re.sub(r"^(?:\d{1,2}[.)]|[IVX]{1,4}\.)\s+", "", text)
    return text.strip().rstrip(":.").strip()


def heading_key(text: str, context: str | None = None, strict: bool = False) -> str | None:
    """The section key if `text` is a known heading (in the section `context`), else None."""
    text = normalise(text)
    if not text or len(text) > 90 or _NOT_HEADINGS.fullmatch(text):
        return None
    if context == "key_facts" and FACT_LABELS.fullmatch(text):
        return None
    if context == "faq" and text.endswith("?"):
        return None
    if context in SKILL_KEYS:
        for key, rx in _SKILL_KINDS:
            if rx.fullmatch(text):
                return key
    patterns = _STRICT_RES if strict else _HEADING_RES
    return next((key for key, rx in patterns if rx.fullmatch(text)), None)


_LABEL = re.compile(r"^([^:]{2,50}?)\s*:\s+(\S.*)$")


def inline_label(text: str) -> tuple[str, str] | None:
    """'Top skills: Active Listening, Speaking' -> ('skills', 'Active Listening, Speaking')."""
    match = _LABEL.match(text)
    if not match or len(match[1].split()) > 6:
        return None
    key = heading_key(match[1])
    return (key, match[2]) if key in LABEL_KEYS else None

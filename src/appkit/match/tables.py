"""Word lists and tables of the shared vocabulary: stop, generic and head words, acronyms,
synonyms and soft-skill indicators. Plain data, documented and deliberately small;
`appkit.match.terms` turns them into stems and the lexicon (and re-exports every name here).
"""

from __future__ import annotations


def _words(*chunks: str) -> list[str]:
    """Split space-separated word lists (keeps the tables below readable)."""
    return " ".join(chunks).split()


STOP_WORDS = frozenset(
    _words(
        "a about above across after all also am among an and any are as at be been being between "
        "both but by can could did do does during e each eg etc for from had has have he her here "
        "his how i ie if in including into is it its just may me might more most must my no nor "
        "not of on once only or other our out over own per s same she should so some such than "
        "that the "
        "their them then there these they this those through to too under up upon us very via was "
        "we were what when where which while who whom why will with within would you your "
    )
)

# Words shared by almost every requirement of a clinical guide: matched, but weighted 1/4.
GENERIC_WORDS = _words(
    "patient patients care clinic clinical medical health healthcare manage management managing "
    "system systems software skill skills procedure procedures basic regulations platform suite "
    "tool tools operation operations support compliance service services staff role roles daily "
    "related field degree ensure ensuring provide providing maintain maintaining information "
    "effective effectively program programs various necessary work working new experience"
)

# Head nouns that name a kind of thing, not the thing ("... Software", "... Skills"): dropped from
# skill/tool phrases, so "Telehealth Platform Operation" is matched by "telehealth".
HEAD_WORDS = _words(
    "software system systems skill skills procedure procedures platform platforms suite tool tools "
    "operation operations support compliance regulation regulations basic "
    # a language requirement names the language; "bilingual"/"fluent" only qualify it
    "bilingual fluent fluency proficient proficiency"
)

# Acronym -> expansions (first one is the canonical expansion). Documented, deliberately small.
ACRONYMS: dict[str, tuple[str, ...]] = {
    "EHR": (
        "electronic health record",
        "EMR",
        "electronic medical record",
        "electronic patient record",
    ),
    "HIPAA": ("Health Insurance Portability and Accountability Act",),
    "CMAA": ("Certified Medical Administrative Assistant",),
    "CCMA": ("Certified Clinical Medical Assistant",),
    "CMA": ("Certified Medical Assistant",),
    "CNA": ("Certified Nursing Assistant",),
    "RN": ("registered nurse",),
    "LPN": ("licensed practical nurse", "LVN", "licensed vocational nurse"),
    "BSN": ("Bachelor of Science in Nursing",),
    "MSN": ("Master of Science in Nursing",),
    "MHA": ("Master of Health Administration", "Master of Healthcare Administration"),
    "MPH": ("Master of Public Health",),
    "CCRC": ("Certified Clinical Research Coordinator",),
    "PMP": ("Project Management Professional",),
    "CAPM": ("Certified Associate in Project Management",),
    "EKG": ("electrocardiogram", "ECG", "electrocardiography"),
    "BLS": ("Basic Life Support",),
    "CPR": ("cardiopulmonary resuscitation",),
    "ACLS": ("Advanced Cardiovascular Life Support",),
    "GCP": ("Good Clinical Practice",),
    "PHI": ("protected health information",),
    "IRB": ("institutional review board",),
    "CPT": ("Current Procedural Terminology",),
}

# Canonical key -> phrases that mean the same thing in a resume. Documented, deliberately small.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "preauthor": (
        "pre-authorization",
        "prior authorization",
        "preauthorization",
        "prior auth",
        "pre-auth",
        "preauth",
        "precertification",
        "pre-certification",
        "pre-authorisation",
        "prior authorisation",
    ),
    "attentiondetail": ("attention to detail", "detail-oriented", "detail oriented", "meticulous"),
    "empathi": ("empathy", "empathetic", "compassion", "compassionate"),
    "telehealth": ("telehealth", "telemedicine", "virtual visits", "virtual care"),
    "physician": ("physician", "doctor"),
    "phlebotom": ("phlebotomy", "venipuncture", "blood draws", "blood draw"),
    "msoffic": ("Microsoft Office", "MS Office"),
    "schedul": ("scheduling",),
    "intak": ("intake", "admission", "admissions", "check-in", "checked in", "checking in"),
    "appoint": ("appointment", "visit", "visits"),
}


# Word forms whose sense differs from their stem's: "booked"/"booking" schedule something, "the
# books" (a ledger, a list of books) do not. Replaced by the word given before stemming.
SENSE_FORMS: dict[str, str] = {
    "booked": "scheduled",
    "booking": "scheduling",
    "bookings": "appointments",
    "rebooked": "rescheduled",
}


# Soft skills are shown by behaviour, rarely named: "resolved", not "problem-solving". A soft
# skill whose name contains a key below is also evidenced by any of these phrases. Documented,
# deliberately conservative (multi-word where a single word would be too loose).
SOFT_SKILL_INDICATORS: dict[str, tuple[str, ...]] = {
    "organiz": (
        "coordinated",
        "filed",
        "filing",
        "indexed",
        "shift schedule",
        "prioritized",
        "streamlined",
        "organized",
        "managed the schedule",
        "par levels",
        "tracking each",
        "standardized",
    ),
    "communicat": (
        "taught",
        "drafted",
        "memos",
        "presentations",
        "point of contact",
        "liaison",
        "liaised",
        "teach-back",
        "educated patients",
        "patient education",
        "translated",
        "presented",
        "communicated",
        "explained",
    ),
    "problem": (
        "debugged",
        "debugging",
        "bugs",
        "diagnosed",
        "resolved",
        "resolving",
        "solved",
        "troubleshot",
        "troubleshooting",
        "root cause",
        "redesigned",
        "rewrote",
        "fixed",
    ),
    "detail": (
        "accurate",
        "accuracy",
        "zero errors",
        "error-free",
        "audited",
        "audit",
        "reconciliation",
        "double-checked",
    ),
    "empath": (
        "anxious",
        "calm",
        "reassurance",
        "comfort",
        "grieving",
        "support plans",
        "compassion",
        "compassionate",
        "comforted",
        "reassured",
        "emotional support",
        "hospice",
        "patient advocate",
    ),
    "adapt": (
        "remodel",
        "reorganized",
        "transition",
        "pivoted",
        "temporary",
        "switched",
        "switching",
        "rollout",
        "go-live",
        "upgrade",
        "adapted",
        "cross-trained",
        "new workflow",
        "implemented",
    ),
    "team": (
        "colleagues",
        "cross-functional",
        "pair programming",
        "coworkers",
        "collaborated",
        "interdisciplinary",
        "multidisciplinary",
        "with case management",
    ),
    "collaborat": ("collaborated", "interdisciplinary"),
    "leader": (
        "coached",
        "coaching",
        "hired",
        "hiring",
        "promoted",
        "supervisor",
        "led",
        "lead",
        "supervised",
        "mentored",
        "precepted",
        "charge nurse",
    ),
    "custom": (
        "complaints",
        "guest satisfaction",
        "customer satisfaction",
        "service desk",
        "escalated",
    ),
    "time": ("deadline", "deadlines", "same-day", "before noon"),
    # O*NET's basic, social and resource skills (appkit.guide.onetskills), by behaviour
    "listening": ("listened", "active listening", "needs assessment", "customer feedback"),
    "speaking": ("presented", "public speaking", "spoke", "briefed", "explained", "pitched"),
    "service orientation": (
        "customer satisfaction",
        "guest satisfaction",
        "complaints",
        "customer service",
        "nps",
    ),
    "critical": ("analyzed", "evaluated", "assessed", "root cause", "diagnosed"),
    "monitoring": ("monitored", "tracked", "audited", "kpi", "kpis", "quality checks"),
    "perceptive": ("de-escalated", "anxious", "reassured", "calm", "upset"),
    "persuasion": ("persuaded", "convinced", "upsold", "upselling", "pitched", "won"),
    "negotiat": ("negotiated", "negotiating", "renegotiated"),
    "coordination": ("coordinated", "liaised", "liaison", "shift schedule", "scheduled staff"),
    "instructing": ("trained", "taught", "coached", "mentored", "onboarded", "precepted"),
    "judgment": ("decided", "prioritized", "approved", "triaged"),
    "learning": ("learned", "self-taught", "completed training", "cross-trained"),
    "writing": ("wrote", "drafted", "authored", "documented", "memos", "reports"),
    "reading": ("reviewed", "interpreted", "read"),
    "financial": ("budget", "p&l", "revenue", "cost", "payroll", "cash"),
    "material": ("inventory", "supplies", "stock", "ordering", "equipment"),
    "personnel": ("hired", "hiring", "scheduled staff", "staffing", "supervised", "shift schedule"),
}


def soft_skill_indicators(name: str) -> tuple[str, ...]:
    """Behavioural phrases that evidence the soft skill `name` (see SOFT_SKILL_INDICATORS)."""
    lowered = name.lower()
    found = [p for key, phrases in SOFT_SKILL_INDICATORS.items() if key in lowered for p in phrases]
    return tuple(dict.fromkeys(found))

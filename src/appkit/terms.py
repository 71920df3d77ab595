"""Text to match keys: one tokeniser, stemmer and lexicon shared by guide text and profile text.

Pipeline (identical for both sides, so they always agree):

1. Words split by a line-wrap hyphen are re-joined ("sched-\\nuling" -> "scheduling"); Unicode is
   NFKD-folded and case-folded. Tokens are whole runs of letters/digits, so a word inside another
   word never matches ("EHR" is not in "ethereal", "Epic" is not in "epidemic").
2. Stop words, one-letter tokens and bare numbers are dropped.
3. Words are stemmed with Snowball English plus two fix-ups: a trailing "i" is dropped and a final
   doubled consonant collapsed ("verified"/"verification" -> "verif", "referral"/"referred" ->
   "refer"), so word forms meet ("scheduled"/"scheduling"/"schedule" -> "schedul").
4. The lexicon merges known phrases into one canonical key, longest first: acronyms and their
   expansions (ACRONYMS, plus acronyms a guide declares as "Words In Full (WIF)") and synonyms
   (SYNONYMS). "EHR", "EMR" and "electronic health records" all become key "ehr"; "prior
   authorization" and "pre-authorization" both become "preauthor". A merged token also carries the
   stems of its expansion (`parts`), so "EHR" still shares "record" with "patient records".

HEAD words ("software", "skills") are dropped from short phrases. GENERIC words are common to
nearly every requirement in a healthcare guide ("patient", "care", "management", "software");
they count a quarter as much as distinctive words when matching.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

_STEMMER = snowballstemmer.stemmer("english")
_WORD = re.compile(r"[^\W_]+(?:-[ \t]*\r?\n[ \t]*[^\W_]+)*")
_WRAP = re.compile(r"-[ \t]*\r?\n[ \t]*")
_DECLARED = re.compile(r"((?:[A-Za-z][\w'’]*[\s,-]+){1,8})\(([A-Z]{2,6})s?\)")


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
    "operation operations support compliance regulation regulations basic"
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
    "schedul": ("scheduling", "booked", "booking"),
    "intak": ("intake", "admission", "admissions", "check-in", "checked in", "checking in"),
    "appoint": ("appointment", "visit", "visits"),
}


# Soft skills are shown by behaviour, rarely named: "resolved", not "problem-solving". A soft
# skill whose name contains a key below is also evidenced by any of these phrases. Documented,
# deliberately conservative (multi-word where a single word would be too loose).
SOFT_SKILL_INDICATORS: dict[str, tuple[str, ...]] = {
    "organiz": (
        "prioritized",
        "streamlined",
        "organized",
        "managed the schedule",
        "par levels",
        "tracking each",
        "standardized",
    ),
    "communicat": (
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
        "compassion",
        "compassionate",
        "comforted",
        "reassured",
        "emotional support",
        "hospice",
        "patient advocate",
        "families",
    ),
    "adapt": (
        "rollout",
        "go-live",
        "upgrade",
        "adapted",
        "cross-trained",
        "new workflow",
        "implemented",
    ),
    "team": (
        "collaborated",
        "interdisciplinary",
        "multidisciplinary",
        "partnered",
        "precepted",
        "mentored",
        "trained",
        "worked with",
        "with case management",
    ),
    "collaborat": ("collaborated", "interdisciplinary", "partnered", "worked with"),
    "leader": ("led", "lead", "supervised", "mentored", "precepted", "charge nurse"),
    "time": ("on time", "deadline", "deadlines", "same-day", "before noon"),
}


def soft_skill_indicators(name: str) -> tuple[str, ...]:
    """Behavioural phrases that evidence the soft skill `name` (see SOFT_SKILL_INDICATORS)."""
    lowered = name.lower()
    found = [p for key, phrases in SOFT_SKILL_INDICATORS.items() if key in lowered for p in phrases]
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=20000)
def stem(word: str) -> str:
    """Stem a folded word: Snowball English plus the trailing-'i' and double-consonant fix-ups."""
    out = _STEMMER.stemWord(word)
    if len(out) > 4 and out.endswith("i"):
        out = out[:-1]
    if len(out) > 3 and out[-1] == out[-2] and out[-1] not in "aeiou":
        out = out[:-1]
    return out


@lru_cache(maxsize=20000)
def fold(surface: str) -> str:
    """Re-join a line-wrap hyphen, strip accents and case-fold: 'Sched-\\nuling' -> 'scheduling'."""
    text = unicodedata.normalize("NFKD", _WRAP.sub("", surface))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True, slots=True)
class Token:
    """One matchable unit of a text: its key, the stems it stands for, and where it is."""

    key: str
    parts: frozenset[str]
    start: int
    end: int
    cased: bool


def _raw(text: str) -> list[tuple[str, int, int, bool]]:
    out = []
    for m in _WORD.finditer(text):
        word = fold(m[0])
        if len(word) < 2 or word in STOP_WORDS or word.isdigit():
            continue
        out.append((stem(word), m.start(), m.end(), m[0][0].isupper()))
    return out


def stems(text: str) -> tuple[str, ...]:
    """Content stems of a text without phrase merging."""
    return tuple(s for s, *_ in _raw(text))


GENERIC = frozenset(stem(fold(w)) for w in GENERIC_WORDS)
HEAD = frozenset(stem(fold(w)) for w in HEAD_WORDS)


@dataclass
class Lexicon:
    """Phrase table: stem sequences -> canonical keys (acronyms, expansions, synonyms)."""

    entries: dict[tuple[str, ...], str] = field(default_factory=dict)
    parts: dict[str, frozenset[str]] = field(default_factory=dict)
    acronyms: set[str] = field(default_factory=set)
    max_len: int = 1

    def add(self, key: str, variants: tuple[str, ...] | list[str], acronym: bool = False) -> None:
        """Map every variant phrase to `key`; the first variant's stems become the key's parts."""
        for i, variant in enumerate(variants):
            seq = stems(variant)
            if not seq:
                continue
            if i == 0 and key not in self.parts:
                self.parts[key] = frozenset((key, *seq))
            self.entries.setdefault(seq, key)
            self.max_len = max(self.max_len, len(seq))
        if acronym:
            self.acronyms.add(key)

    def add_acronym(self, acronym: str, expansion: str | None = None) -> str:
        """Register an acronym (and its expansion); return its key."""
        key = stem(fold(acronym))
        known = ACRONYMS.get(acronym.upper(), ())
        self.add(key, [v for v in (expansion, *known, acronym) if v], acronym=True)
        return key

    def copy(self) -> Lexicon:
        """An independent copy (guide-declared acronyms go into the copy)."""
        return Lexicon(dict(self.entries), dict(self.parts), set(self.acronyms), self.max_len)

    def tokens(self, text: str) -> list[Token]:
        """Tokens of `text` with known phrases merged into one canonical token each."""
        raw, out, i = _raw(text), [], 0
        while i < len(raw):
            for n in range(min(self.max_len, len(raw) - i), 0, -1):
                key = self.entries.get(tuple(r[0] for r in raw[i : i + n]))
                if key is not None:
                    parts = self.parts.get(key, frozenset()) | {r[0] for r in raw[i : i + n]}
                    out.append(Token(key, parts, raw[i][1], raw[i + n - 1][2], raw[i][3]))
                    i += n
                    break
            else:
                s, start, end, cased = raw[i]
                out.append(Token(s, frozenset((s,)), start, end, cased))
                i += 1
        return out

    def keys(self, text: str) -> tuple[str, ...]:
        """Canonical keys of a text, in order, without repeats."""
        return tuple(dict.fromkeys(t.key for t in self.tokens(text)))


def declared_acronyms(text: str) -> list[tuple[str, str]]:
    """Acronyms a text declares as 'Words In Full (WIF)': [(acronym, expansion)]."""
    found = []
    for m in _DECLARED.finditer(text):
        acronym, words = m[2], re.findall(r"[A-Za-z][\w'’]*", m[1])
        for n in range(len(words), 0, -1):
            run = words[-n:]
            initials = "".join(w[0] for w in run if fold(w) not in STOP_WORDS).upper()
            if initials == acronym and fold(run[0]) not in STOP_WORDS:
                found.append((acronym, " ".join(run)))
                break
    return found


def expansion_in(acronym: str, text: str) -> str | None:
    """The run of words in `text` whose initials spell `acronym` ('Electronic Health Records')."""
    words = re.findall(r"[A-Za-z][\w'’]*", text)
    content = [w for w in words if fold(w) not in STOP_WORDS]
    for i in range(len(content) - len(acronym) + 1):
        run = content[i : i + len(acronym)]
        if "".join(w[0] for w in run).upper() == acronym.upper():
            return " ".join(run)
    return None


@lru_cache(maxsize=1)
def base_lexicon() -> Lexicon:
    """The built-in lexicon: ACRONYMS and SYNONYMS."""
    lex = Lexicon()
    for acronym, expansions in ACRONYMS.items():
        lex.add(stem(fold(acronym)), (*expansions, acronym), acronym=True)
    for key, variants in SYNONYMS.items():
        lex.add(key, variants)
    return lex

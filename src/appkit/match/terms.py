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
they count a quarter as much as distinctive words when matching. The word lists and tables live in
`appkit.match.tables` and are re-exported here, so `from appkit.match.terms import SYNONYMS`
still works.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

from appkit.match.tables import (
    ACRONYMS,
    GENERIC_WORDS,
    HEAD_WORDS,
    SENSE_FORMS,
    SOFT_SKILL_INDICATORS,
    STOP_WORDS,
    SYNONYMS,
    soft_skill_indicators,
)

_STEMMER = snowballstemmer.stemmer("english")
_WORD = re.compile(r"[^\W_]+(?:-[ \t]*\r?\n[ \t]*[^\W_]+)*")
_WRAP = re.compile(r"-[ \t]*\r?\n[ \t]*")
_DECLARED = re.compile(r"((?:[A-Za-z][\w'’]*[\s,-]+){1,8})\(([A-Z]{2,6})s?\)")


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
    if surface.isascii():  # most words: no accents to strip, and casefold() is lower() here
        return _WRAP.sub("", surface).lower() if "-" in surface else surface.lower()
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


@lru_cache(maxsize=8192)
def _raw(text: str) -> tuple[tuple[str, int, int, bool], ...]:
    """(stem, start, end, capitalised) of each content word; cached, as one match reads the same
    highlight for every requirement and a batch reads the same guide for every student."""
    out = []
    for m in _WORD.finditer(text):
        word = fold(m[0])
        word = SENSE_FORMS.get(word, word)
        if len(word) < 2 or word in STOP_WORDS or word.isdigit():
            continue
        out.append((stem(word), m.start(), m.end(), m[0][0].isupper()))
    return tuple(out)


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
    # The longest phrase starting with each stem: most words start none, and skip the lookups.
    longest: dict[str, int] = field(default_factory=dict)

    def add(self, key: str, variants: tuple[str, ...] | list[str], acronym: bool = False) -> None:
        """Map every variant phrase to `key`; the first variant's stems become the key's parts."""
        for i, variant in enumerate(variants):
            seq = stems(variant)
            if not seq:
                continue
            if i == 0 and key not in self.parts:
                self.parts[key] = frozenset((key, *seq))
            self.entries.setdefault(seq, key)
            self.longest[seq[0]] = max(self.longest.get(seq[0], 0), len(seq))
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
        return Lexicon(dict(self.entries), dict(self.parts), set(self.acronyms), dict(self.longest))

    def tokens(self, text: str) -> list[Token]:
        """Tokens of `text` with known phrases merged into one canonical token each."""
        raw, out, i = _raw(text), [], 0
        entries, longest, count = self.entries, self.longest, len(raw)
        while i < count:
            s, start, end, cased = raw[i]
            for n in range(min(longest.get(s, 0), count - i), 0, -1):
                span = raw[i : i + n]
                key = entries.get(tuple(r[0] for r in span))
                if key is not None:
                    parts = self.parts.get(key, frozenset()) | {r[0] for r in span}
                    out.append(Token(key, parts, start, span[-1][2], cased))
                    i += n
                    break
            else:
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


__all__ = [
    "ACRONYMS",
    "GENERIC",
    "GENERIC_WORDS",
    "HEAD",
    "HEAD_WORDS",
    "SOFT_SKILL_INDICATORS",
    "STOP_WORDS",
    "SYNONYMS",
    "Lexicon",
    "Token",
    "base_lexicon",
    "declared_acronyms",
    "expansion_in",
    "fold",
    "soft_skill_indicators",
    "stem",
    "stems",
]

"""Degree levels: a higher degree in the field meets a lower one, and any post-secondary degree or
certificate implies a high school diploma (labels.yaml states the same rule for the gold set).

Levels: high school diploma / GED 1, certificate, diploma or vocational programme 1.5, associate 2,
bachelor 3, master 4, doctorate 5. An education requirement is met in full by a profile degree
(never a job bullet) when

- it accepts a high school diploma or GED and the degree is post-secondary (level >= 1.5); or
- the degree's level is at least the lowest level the requirement names, and the degree's field
  is one the requirement names: it has every word of one of them, or two of its words
  ("Certificate in Medical Office Administration" for "diploma from a medical office
  administration program"; "Biomedical Engineering" is not "Software Engineering"), or, when the
  requirement accepts "a related field" and the degree is higher than asked, the degree's field is
  one the guide's education lines name for the role ("Nursing" is related to "Medical Assisting,
  Health Sciences" for a clinical coordinator whose guide also asks for a BSN). The word "Science"
  in "Bachelor of Science" is not a field.
"""

from __future__ import annotations

import re

from appkit.match.terms import GENERIC, Lexicon

_LEVELS: tuple[tuple[float, re.Pattern[str]], ...] = (
    (5.0, re.compile(r"\b(?:doctor(?:ate|al)?|ph\.?\s?d|ed\.?d|d\.?n\.?p)\b", re.I)),
    (4.0, re.compile(r"\b(?:master'?s?|m\.?s\.?n?|mba|mha|mph|m\.?a\.|m\.?ed)\b", re.I)),
    (3.0, re.compile(r"\b(?:bachelor'?s?|b\.?s\.?n?|b\.?a\.|bsn|undergraduate)\b", re.I)),
    (2.0, re.compile(r"\b(?:associate'?s?(?: degree| of)|a\.?a\.?s?\.?|aas)\b", re.I)),
    (1.5, re.compile(r"\b(?:certificate|diploma|vocational|post-?secondary|trade school)\b", re.I)),
)
_FIELDS = re.compile(r"\s*(?:[,;/]|\bor\b|\band\b)\s*", re.I)
_HIGH_SCHOOL = re.compile(r"\b(?:high school|GED|secondary school)\b", re.I)
# Words that name a degree or its form, not its field.
_DEGREE_WORDS = re.compile(
    r"\b(?:bachelor|master|associate|doctor|degree|diploma|certificate|program|programme|"
    r"accredited|vocational|training|science|sciences|arts|applied|related|field|preferred|"
    r"required|equivalent|high school|ged|or|in|of|from|an?)\b|'s",
    re.I,
)


def degree_level(text: str) -> float | None:
    """The highest level a degree's name states, None when it names none."""
    if _HIGH_SCHOOL.search(text):
        return 1.0
    for level, pattern in _LEVELS:
        if pattern.search(text):
            return level
    return None


def _required_level(text: str) -> float | None:
    """The lowest level a requirement names (a high school option aside)."""
    levels = [level for level, pattern in _LEVELS if pattern.search(text)]
    return min(levels) if levels else None


def field_keys(lex: Lexicon, text: str) -> frozenset[str]:
    """The keys of a degree's field: its words without degree words."""
    return frozenset(lex.keys(_DEGREE_WORDS.sub(" ", re.sub(r"\([^)]*\)", " ", text))))


def degree_meets(
    lex: Lexicon, requirement: str, degree: str, fields: frozenset[str] = frozenset()
) -> bool:
    """Whether a profile degree meets an education requirement in full (module docstring)."""
    have = degree_level(degree)
    if have is None:
        return False
    if _HIGH_SCHOOL.search(requirement) and have >= 1.5:
        return True
    need = _required_level(requirement)
    if need is None or have < need:
        return False
    mine = field_keys(lex, degree)
    if _names(mine, named_fields(lex, requirement)):
        return True
    related = re.search(r"\brelated\b", requirement, re.I) is not None
    return related and have > need and _names(mine, fields)


def named_fields(lex: Lexicon, text: str) -> tuple[frozenset[str], ...]:
    """The fields an education line names, each as its keys ("Computer Science" -> {comput})."""
    found = (field_keys(lex, part) for part in _FIELDS.split(text))
    return tuple(keys for keys in found if keys - GENERIC)


def _names(mine: frozenset[str], fields: tuple[frozenset[str], ...]) -> bool:
    """Whether a degree's field keys are one of `fields`: all its words, or two of them."""
    return any(keys <= mine or len(keys & mine) >= 2 for keys in fields)

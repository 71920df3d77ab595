"""One spelling convention per document: US (`en-US`, the default) or British (`en-GB`).

Only the words appkit writes itself go through here (a template's frame, a prep tip, a gap
report's next step); the candidate's own bullets are quoted as written. `spell("organize",
locale)` gives one word in the document's convention (`spell("practice", "en-GB", verb=True)` is
"practise"); `localize(text, locale)` rewrites a whole generated sentence; `foreign_spellings`
lists the words of a text spelled in the other convention (for tests and checks).
"""

from __future__ import annotations

import re
from typing import Literal

Locale = Literal["en-US", "en-GB"]
LOCALES: tuple[Locale, ...] = ("en-US", "en-GB")
DEFAULT_LOCALE: Locale = "en-US"

# US -> British, for words spelled differently whatever their use. Inflected forms are derived.
_STEMS = {
    "organiz": "organis",
    "prioritiz": "prioritis",
    "recogniz": "recognis",
    "specializ": "specialis",
    "emphasiz": "emphasis",
    "summariz": "summaris",
    "optimiz": "optimis",
    "standardiz": "standardis",
    "customiz": "customis",
    "familiariz": "familiaris",
    "minimiz": "minimis",
    "maximiz": "maximis",
    "utiliz": "utilis",
    "finaliz": "finalis",
    "personaliz": "personalis",
    "apologiz": "apologis",
    "categoriz": "categoris",
    "memoriz": "memoris",
    "analyz": "analys",
}
_WORDS = {
    "center": "centre",
    "centers": "centres",
    "behavior": "behaviour",
    "behaviors": "behaviours",
    "behavioral": "behavioural",
    "color": "colour",
    "favor": "favour",
    "favorite": "favourite",
    "honor": "honour",
    "labor": "labour",
    "neighbor": "neighbour",
    "catalog": "catalogue",
    "dialog": "dialogue",
    "defense": "defence",
    "offense": "offence",
    "pediatric": "paediatric",
    "pediatrics": "paediatrics",
    "anemia": "anaemia",
    "counseling": "counselling",
    "counselor": "counsellor",
    "traveled": "travelled",
    "traveling": "travelling",
    "modeling": "modelling",
    "canceled": "cancelled",
    "labeled": "labelled",
    "labeling": "labelling",
    "enrollment": "enrolment",
    "fulfill": "fulfil",
    "judgment": "judgement",
    "résumé": "CV",
    "résumés": "CVs",
}
# British spellings that are also (rare, other-sense) US words are left out: "programme".
_SUFFIXES = ("e", "es", "ed", "ing", "ation", "ations", "er", "ers", "able")


def _pairs() -> dict[str, str]:
    pairs = dict(_WORDS)
    for us, gb in _STEMS.items():
        for suffix in _SUFFIXES:
            if us == "analyz" and (suffix.startswith("ation") or suffix == "es"):
                continue  # "analysation" is no word; "analyses" is also the plural of analysis
            pairs[us + suffix] = gb + suffix
    return pairs


US_TO_GB = _pairs()
GB_TO_US = {gb: us for us, gb in US_TO_GB.items() if gb != "CV"}
GB_TO_US.update({"practise": "practice", "practised": "practiced", "practising": "practicing"})
GB_TO_US.update({"practises": "practices", "licence": "license", "licences": "licenses"})
_WORD = re.compile(r"[A-Za-zé]+")


def _cased(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def spell(word: str, locale: Locale = DEFAULT_LOCALE, *, verb: bool = False) -> str:
    """One word in the locale's spelling; `verb=True` for practice/practise, license/licence."""
    low = word.lower()
    if locale == "en-GB":
        if verb and low in ("practice", "practices", "practiced", "practicing"):
            return _cased(word, "practis" + low[len("practic") :])
        if not verb and low in ("license", "licenses"):
            return _cased(word, "licence" + low[len("license") :])
        return _cased(word, US_TO_GB.get(low, low)) if low in US_TO_GB else word
    return _cased(word, GB_TO_US[low]) if low in GB_TO_US else word


def localize(text: str, locale: Locale = DEFAULT_LOCALE) -> str:
    """A sentence appkit wrote, in the locale's spelling (unambiguous words only)."""
    table = US_TO_GB if locale == "en-GB" else GB_TO_US
    return _WORD.sub(lambda m: spell(m[0], locale) if m[0].lower() in table else m[0], text)


def foreign_spellings(text: str, locale: Locale = DEFAULT_LOCALE) -> list[str]:
    """Words of `text` spelled in the other convention ('organise' in an en-US document)."""
    table = GB_TO_US if locale == "en-US" else {k: v for k, v in US_TO_GB.items() if v != "CV"}
    return [m[0] for m in _WORD.finditer(text) if m[0].lower() in table]

"""Is a profile written in English? A small, honest heuristic on its own prose.

Function words give a language away even in short resume text: "de", "en", "con", "para" and
"y" are Spanish, "the", "and", "with", "for" English. `profile_language` counts the commonest
function words of English and six other languages over the summary, the bullets and the degree
names, and answers "en" unless another language clearly leads (at least six hits and twice
English's count). A short profile with few function words is taken as English: the point is to
warn about a letter whose frame would mix two languages, not to classify every text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from appkit.profile.model import Profile

_FUNCTION_WORDS = {
    "en": "the and with for of to in on at by from as a an my our was were is are this that",
    "es": "de del la las los el en con para por y una un que su sus como al se es más",
    "pt": "de do da dos das em com para por e uma um que seu sua no na os as é",
    "fr": "de du des la le les et en avec pour par une un que sur au aux est dans",
    "de": "der die das und mit für von zu im in auf ein eine den dem des ist bei",
    "it": "di del della il lo la le gli e con per da una un che nel nella sono",
    "pl": "w i z na do się jest od dla o oraz że przez po jak są tym",
}
_SETS = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}
NAMES = {
    "en": "English",
    "es": "Spanish",
    "pt": "Portuguese",
    "fr": "French",
    "de": "German",
    "it": "Italian",
    "pl": "Polish",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "cyrl": "a Cyrillic-script language",
    "ar": "Arabic",
    "he": "Hebrew",
    "hi": "Hindi",
    "el": "Greek",
    "th": "Thai",
}
# Scripts other than Latin, by the first word of a letter's Unicode name. Function words cannot
# tell these apart from English (they share none), but the script itself can.
_SCRIPTS = {
    "CJK": "zh",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "HANGUL": "ko",
    "CYRILLIC": "cyrl",
    "ARABIC": "ar",
    "HEBREW": "he",
    "DEVANAGARI": "hi",
    "GREEK": "el",
    "THAI": "th",
}
_WORD = re.compile(r"[^\W\d_]+")


def _script_language(texts: list[str]) -> str | None:
    """The language of a non-Latin script that writes most of the letters, if one does."""
    letters = [c for t in texts for c in t if c.isalpha()]
    scripts = Counter(_SCRIPTS.get(unicodedata.name(c, "").split(" ")[0]) for c in letters)
    scripts.pop(None, None)
    if not scripts:
        return None
    # Japanese mixes kana with CJK ideographs: any kana at all makes it Japanese.
    lang, count = (
        ("ja", scripts["ja"] + scripts["zh"]) if scripts["ja"] else scripts.most_common(1)[0]
    )
    return lang if count * 2 > len(letters) else None


def text_language(texts: list[str]) -> str:
    """'en', or the code of the language whose function words clearly outnumber English's."""
    if script := _script_language(texts):
        return script
    words = [w.lower() for t in texts for w in _WORD.findall(t)]
    counts = {lang: sum(w in s for w in words) for lang, s in _SETS.items()}
    english = counts.pop("en")
    lang, hits = max(counts.items(), key=lambda kv: kv[1])
    return lang if hits >= 6 and hits >= 2 * english else "en"


def profile_prose(profile: Profile) -> list[str]:
    """The profile's own sentences: summary, every bullet, degree and job titles."""
    texts = [profile.summary or ""]
    for section in (profile.experience, profile.projects, profile.volunteer):
        for item in section:
            texts += list(item.highlights) + [getattr(item, "summary", None) or ""]
    texts += [e.degree for e in profile.education]
    texts += [j.title for j in profile.experience]
    return [t for t in texts if t]


def profile_language(profile: Profile) -> str:
    """The profile's language code ('en' unless its prose clearly reads as another)."""
    return text_language(profile_prose(profile))


def language_warning(profile: Profile) -> str | None:
    """The warning to print when the profile is not in English, else None."""
    lang = profile_language(profile)
    if lang == "en":
        return None
    return (
        f"the profile reads as {NAMES[lang]}; the documents are written in English and quote"
        f" its {NAMES[lang]} text as written (translate the profile for an English letter)"
    )

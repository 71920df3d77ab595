"""Letter lint: defects a careful reader would see in a generated document's text.

Each checker takes the document's text (any layout: whitespace is collapsed first) and returns
the defects it found as short strings quoting the offending spot, so a failing test shows them.
Text the candidate wrote is never appkit's defect: a hit whose surroundings appear in ``own``
(the profile's own text) is skipped. Reusable for every document: letter, resume, prep, gap.

- `empty_slots`: " .", " ,", "on .", "is ." (a sentence written around an empty value);
- `doubled_punctuation`: "Inc..", ",.", "?.";
- `wrong_articles`: "a" before a vowel sound, "an" before a consonant sound (inflect, with
  acronyms read letter by letter: "an RN", "a UX");
- `broken_first_person`: "I" followed by a noun or third-person fragment ("I creation of",
  "I responsible for", "I am a ron has");
- `foreign_spellings`: British spelling in an en-US document (and the reverse);
- `copied_sentences`: 12 or more words in a row copied from the posting or guide.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import inflect

from appkit.documents.english import acronym, article
from appkit.documents.locale import Locale
from appkit.documents.locale import foreign_spellings as _foreign

_INFLECT = inflect.engine()
COPY_WORDS = 12
_SPACE = re.compile(r"\s+")
_TOKEN = re.compile(r"[\w'’-]+")
# Words after "I" that are never the start of a first-person sentence.
_NOT_AFTER_I = frozenset(
    [
        "a",
        "an",
        "the",
        "my",
        "his",
        "her",
        "their",
        "its",
        "this",
        "that",
        "these",
        "those",
        "has",
        "is",
        "does",
        "responsible",
        "creation",
        "management",
        "development",
        "experienced",
        "within",
        "with",
        "results-driven",
        "detail-oriented",
        "passionate",
        "skilled",
        "proven",
        "dedicated",
        "highly",
        "strong",
        "excellent",
        "team",
        "over",
        "more",
    ]
)
_NOUNISH = re.compile(r"^[a-z]+(?:tion|sion|ment|ance|ence|ity|ness|ship)s?$")
# Words after "I" that are fine whatever follows (auxiliaries and the template's own verbs).
_FINE_AFTER_I = frozenset(
    [
        "am",
        "have",
        "had",
        "was",
        "would",
        "could",
        "can",
        "will",
        "work",
        "worked",
        "mentioned",
        "bring",
        "look",
        "also",
        "hope",
        "believe",
        "enjoy",
        "welcome",
        "want",
    ]
)


def normalize(text: str) -> str:
    """Whitespace collapsed to single spaces (wrapped lines rejoined). A line the wrapper broke
    inside unspaced text (CJK) before a punctuation mark is rejoined with no space."""
    return _SPACE.sub(" ", re.sub(r"\n[ \t]*(?=[,.;:!?])", "", text)).strip()


def _mine(own: str, text: str, start: int, end: int, pad: int = 12) -> bool:
    """True when the hit and its surroundings are the candidate's own text."""
    if not own:
        return False
    quotes = ' “”"‘’'
    left = text[max(0, start - pad) : end].strip(quotes)
    right = text[start : end + pad].strip(quotes)
    both = text[max(0, start - pad) : end + pad].strip(quotes)
    core = text[start:end].strip(quotes)
    return any(w in own for w in (left, right, both, core) if len(w) > 8)


def empty_slots(text: str, own: str = "") -> list[str]:
    t = normalize(text)
    hits = re.finditer(r"\w \.(?!\.)|\w ,|\b(?:on|is|of|in|at|for|and|the|a|an) [.,;:]", t)
    return [
        f"empty slot: …{t[max(0, m.start() - 30) : m.end()]}"
        for m in hits
        if not _mine(own, t, m.start(), m.end())
    ]


def doubled_punctuation(text: str, own: str = "") -> list[str]:
    t = normalize(text)
    hits = re.finditer(r"(?<!\.)\.\.(?!\.)|[,;:!?][.,;:]|\.\s\.", t)  # "Co. Ltd.," is fine
    return [
        f"doubled punctuation: …{t[max(0, m.start() - 30) : m.end() + 5]}"
        for m in hits
        if not _mine(own, t, m.start(), m.end())
    ]


def expected_article(word: str) -> str:
    """'a' or 'an' for a word: inflect for ordinary words, letter names for acronyms."""
    bare = word.strip("“”\"'‘’()")
    if not bare:
        return "a"
    if bare[0].isdigit() or acronym(bare) or (len(bare) == 1 and bare.isupper()):
        return article(bare)
    return _INFLECT.a(bare.lower()).split(" ", 1)[0]


def wrong_articles(text: str, own: str = "") -> list[str]:
    t = normalize(text)
    out = []
    for m in re.finditer(r"\b([Aa]n?) ([“\"]?[\w][\w'’-]*)", t):
        word = m[2].strip('“"')
        if not word[:1].isalnum() or _mine(own, t, m.start(), m.end()):
            continue
        if m[1].lower() != expected_article(word):
            out.append(f"wrong article: …{t[max(0, m.start() - 20) : m.end() + 10]}")
    return out


def broken_first_person(text: str, own: str = "") -> list[str]:
    t = normalize(text)
    out = []
    for m in re.finditer(r"\bI ([\w'’-]+)(?: ([\w'’-]+))?(?: ([\w'’-]+))?(?: ([\w'’-]+))?", t):
        first = m[1]
        low = first.lower()
        if _mine(own, t, m.start(), m.end()):
            continue
        bad = (
            low in _NOT_AFTER_I
            or bool(_NOUNISH.match(low))
            or first[:1].isupper()
            and not first.isupper()
        )
        if low == "am" and m[2] in ("a", "an") and m[3]:
            # "I am a ron has been building": a lower-cased name or a third-person summary.
            bad = (m[4] or "").lower() in ("has", "is", "was", "have") or m[3].lower() in (
                "within",
                "with",
                "in",
                "a",
                "an",
            )
        elif low in _FINE_AFTER_I:
            continue
        if bad:
            out.append(f"broken first person: …{t[max(0, m.start() - 20) : m.end() + 10]}")
    return out


def spelling(text: str, own: str = "", locale: Locale = "en-US") -> list[str]:
    own_words = {w.lower() for w in _TOKEN.findall(own)}
    return [
        f"{'British' if locale == 'en-US' else 'US'} spelling in an {locale} document: {w}"
        for w in _foreign(normalize(text), locale)
        if w.lower() not in own_words
    ]


def _grams(text: str, n: int = COPY_WORDS) -> set[tuple[str, ...]]:
    words = [w.lower().strip("'’-") for w in _TOKEN.findall(text)]
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


class Sources:
    """The posting or guide text, as word 12-grams, built once per target."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.grams: set[tuple[str, ...]] = set()
        for text in texts:
            self.grams |= _grams(text)


def copied_sentences(text: str, sources: Sources, own: str = "") -> list[str]:
    t = normalize(text)
    own_grams = _grams(own)
    out = []
    for sentence in re.split(r"(?<=[.!?])\s+", t):
        copied = (_grams(sentence) & sources.grams) - own_grams
        if copied:
            out.append(f"copied from the posting/guide: {' '.join(sorted(copied)[0])}")
    return out


def strings(value: object) -> list[str]:
    """Every string inside a dumped model."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in strings(v)]
    return []


def defects(
    text: str,
    own: str = "",
    sources: Sources | None = None,
    locale: Locale = "en-US",
) -> list[str]:
    """Every defect of one document's text."""
    own = normalize(own)
    found = (
        empty_slots(text, own)
        + doubled_punctuation(text, own)
        + wrong_articles(text, own)
        + broken_first_person(text, own)
        + spelling(text, own, locale)
    )
    if sources is not None:
        found += copied_sentences(text, sources, own)
    return found

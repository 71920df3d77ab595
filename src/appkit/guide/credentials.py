"""Certifications, licences and exams named on a career-guide page.

A certifications section that lists them gives one credential per item ("Certified Medical
Assistant (CMA), offered by ..."). Otherwise they are found in the sentences of the sections
that talk about them (certifications, education, training, steps): "National Board Dental Hygiene
Examination (NBDHE)", "Basic Life Support (BLS) certification", "CPR certification", "passing the
NPTE-PTA", "National Board Certification". Organisations ("Pharmacy Technician Certification
Board (PTCB)", "Commission on Dental Accreditation (CODA)") are not credentials.
"""

from __future__ import annotations

import re

from appkit.guide.extract import sentences
from appkit.guide.model import NamedCertification

ACRONYM = r"[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?:-[A-Z0-9]+)*"
_PAREN = re.compile(rf"\(({ACRONYM})\)")
_AFTER = re.compile(
    r"\s*(?:certification|certificate|credential|exam|examination|licen[cs]e)\b", re.I
)
_CREDENTIAL_WORD = re.compile(
    r"\b(?:certified|certification|certificate|registered|licensed|license|licensure|examination"
    r"|exam|credential)\b",
    re.I,
)
_ORG = re.compile(
    r"\b(?:board|association|commission|federation|council|institute|society|organi[sz]ation"
    r"|department|agency|cent(?:er|re)|college|university|foundation|academy|alliance)$",
    re.I,
)
_BARE = re.compile(
    rf"\b({ACRONYM})\s+(?:certification|certificate|credential|exam|examination|licen[cs]e)\b"
    rf"|\bpass(?:ing|es)?\s+the\s+({ACRONYM})\b"
)
_TITLED = re.compile(
    r"((?:[A-Z][\w'\u2019/-]*|of|and|for|in|on|the|&)(?:\s+(?:[A-Z][\w'\u2019/-]*|of|and|for|in|on"
    r"|the|&))+)\s+(Certification|Certificate|Credential|certification|certificate|credential)\b"
)
_SMALL = {"of", "and", "for", "in", "on", "the", "&", "a", "an", "as"}
_ITEM_CUT = re.compile(
    r",\s*(?:offered|awarded|issued|administered|granted|given)\b|\s+(?:through|from|by)\s+"
    r"(?:the\s+)?[A-Z]|\s+[\u2013\u2014]\s+|:\s+(?=[a-z])",
)


def _name_before(sentence: str, end: int) -> str:
    """The capitalised run of words that ends at `end` ('... the National Board Exam (')."""
    words = sentence[:end].split()
    run: list[str] = []
    for word in reversed(words):
        if word[:1].isupper() or (run and word.lower() in _SMALL):
            run.insert(0, word)
        else:
            break
    while run and (run[0].lower() in _SMALL or run[0] in ("The", "A", "An")):
        run.pop(0)
    return " ".join(run).strip(" ,;:")


def is_organisation(name: str) -> bool:
    return bool(_ORG.search(name.strip()))


_NAMED_LINE = re.compile(
    rf"^(?:[A-Z][\w'\u2019&:-]*\s+(?:(?:of|and|for|in|the|&)\s+)?){{1,8}}\(({ACRONYM})\)"
)


def is_listed(text: str) -> bool:
    """A line that is one credential: 'Certified Medical Assistant (CMA), offered by ...', or a
    short line of capitalised words with a credential word ('AWS Certified Cloud Practitioner').
    """
    if _NAMED_LINE.match(text):
        return True
    words = text.split()
    capitals = [w for w in words if w[:1].isupper()]
    return (
        2 <= len(words) <= 8
        and not text.endswith((".", ":"))
        and len(capitals) >= 0.6 * len(words)
        and bool(_CREDENTIAL_WORD.search(text))
    )


def from_item(text: str) -> NamedCertification | None:
    """'Certified Medical Assistant (CMA), offered by the AAMA' -> CMA, Certified Medical ..."""
    head = _ITEM_CUT.split(text, maxsplit=1)[0].strip(" .")
    match = _PAREN.search(head)
    acronym = match[1] if match else None
    name = re.sub(r"\s*\([^)]*\)", "", head).strip(" ,.") or acronym or ""
    if not name or is_organisation(name):
        return None
    return NamedCertification.model_construct(acronym=acronym, name=name, sentence=text)


def from_prose(paragraphs: list[str]) -> list[NamedCertification]:
    """Credentials named in sentences, in order of first mention."""
    found: list[NamedCertification] = []
    for paragraph in paragraphs:
        for sentence in sentences(paragraph):
            for match in _PAREN.finditer(sentence):
                name = _name_before(sentence, match.start())
                followed = bool(_AFTER.match(sentence, match.end()))
                if (
                    name
                    and not is_organisation(name)
                    and (followed or _CREDENTIAL_WORD.search(name))
                ):
                    found.append(
                        NamedCertification.model_construct(
                            acronym=match[1], name=name, sentence=sentence
                        )
                    )
            for match in _BARE.finditer(sentence):
                acronym = match[1] or match[2]
                found.append(
                    NamedCertification.model_construct(
                        acronym=acronym, name=acronym, sentence=sentence
                    )
                )
            for match in _TITLED.finditer(sentence):
                name = _name_before(sentence, match.start(2))
                words = name.split()
                if match[2][0].isupper():
                    name = f"{name} {match[2]}"
                elif len(words) < 3:
                    continue
                else:
                    name = f"{name} {match[2]}"
                if len(name.split()) >= 2 and not is_organisation(name):
                    found.append(
                        NamedCertification.model_construct(
                            acronym=None, name=name, sentence=sentence
                        )
                    )
    return found


def merge(*groups: list[NamedCertification]) -> list[NamedCertification]:
    """One entry per acronym (or name), first mention first, a full name kept over an acronym."""
    out: dict[str, NamedCertification] = {}
    for group in groups:
        for cert in group:
            if is_organisation(cert.name):
                continue
            key = (cert.acronym or cert.name).lower()
            if any(
                cert.acronym is None and c.acronym and c.acronym in cert.name for c in out.values()
            ):
                continue
            if key not in out:
                out[key] = cert
    return list(out.values())

"""Extractors shared by the guide and posting parsers: sentences, money, skills, tools, certs."""

from __future__ import annotations

import re

from appkit.guide.model import NamedCertification, TechnicalSkill, Tool

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(\u201c])|(?<=[a-z0-9)][.!?])(?=[A-Z])")
_ABBREVIATIONS = re.compile(r"\b(?:e\.g|i\.e|etc|vs|Dr|Mr|Mrs|Ms|St|Inc|Jr|Sr|U\.S)\.$")
_MONEY = re.compile(r"\$\s?(\d[\d,]*(?:\.\d+)?)\s*([kK])?")
_PAREN = re.compile(r"\s*\(([^()]*)\)")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,6}s?")
_LIST_LEAD = re.compile(r"^(?:e\.g\.|i\.e\.|such as|including|like)\s*,?\s*", re.I)
_SMALL_WORDS = {"of", "in", "and", "for", "as", "a", "an", "the", "on", "&"}
_CERT_NAME = re.compile(
    r"((?:[A-Z][A-Za-z'-]+\s+)(?:(?:of|in|and|for|as|a|an|the|on|&)\s+|[A-Z][A-Za-z'-]+\s+){0,8})"
    r"\(([A-Z][A-Z0-9-]{1,7})\)"
)
_CERT_LIST = re.compile(
    r"certifications?\s+(?:like|such as|including|e\.g\.,?)\s+"
    r"([A-Z][A-Z0-9-]{1,7}(?:(?:,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+)[A-Z][A-Z0-9-]{1,7}\b)*)"
)
_TOOL_LIST = re.compile(
    r"(?P<cat>[^.;]*?)\s+(?:like|such as|including|e\.g\.,?)\s+(?P<items>.+?)"
    r"(?=\s+(?:are|is|for|to|that|which|can|may|help|used|will)\b|[.;:]\s*$|$)"
)
_TOOL_HEAD = re.compile(
    r"\b((?:[A-Za-z][\w/-]*\s+){1,2})(software|systems?|platforms?|portals?|applications)\b"
    r"(?!\s+(?:software|systems?|platforms?|portals?|applications)\b)"
)
_TOOL_STOP = {
    "a",
    "an",
    "the",
    "of",
    "and",
    "or",
    "also",
    "use",
    "uses",
    "utilize",
    "utilizes",
    "with",
    "some",
    "specialized",
    "basic",
    "various",
    "other",
    "variety",
    "new",
    "any",
    "by",
    "in",
    "on",
    "their",
    "these",
    "those",
    "may",
    "involve",
    "for",
    "to",
    "such",
    "as",
    "like",
    "including",
    "they",
}


def sentences(text: str) -> list[str]:
    """Split text into sentences, including glued ones ("care delivery.Educate patients")."""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n", text):
        parts = _SENTENCE_END.split(paragraph.strip())
        buffer = ""
        for part in parts:
            buffer = f"{buffer} {part}".strip() if buffer else part.strip()
            if not _ABBREVIATIONS.search(buffer):
                if buffer:
                    out.append(buffer)
                buffer = ""
        if buffer:
            out.append(buffer)
    return out


def money(text: str) -> list[int]:
    """Every dollar amount in `text` as whole dollars: '$55k USD' -> 55000, '$110,680' -> 110680."""
    values = []
    for number, kilo in _MONEY.findall(text):
        value = float(number.replace(",", ""))
        values.append(int(round(value * 1000 if kilo else value)))
    return values


def split_list(text: str) -> list[str]:
    """Split 'A, B, or C' / 'A and B' at commas and conjunctions, never inside parentheses."""
    items, depth, current = [], 0, ""
    tokens = re.split(r"(\(|\)|,|\s+or\s+|\s+and\s+)", text)
    for token in tokens:
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        if depth == 0 and (token == "," or re.fullmatch(r"\s+(?:or|and)\s+", token or "")):
            items.append(current)
            current = ""
        else:
            current += token or ""
    items.append(current)
    cleaned = [re.sub(r"^(?:or|and)\s+", "", i.strip()).strip(" .") for i in items]
    return [i for i in cleaned if i]


def technical_skill(text: str) -> TechnicalSkill:
    """'Electronic Health Records (EHR) Systems (e.g., Epic, Cerner)' -> name, acronym, examples."""
    acronym: str | None = None
    examples: list[str] = []
    for group in _PAREN.findall(text):
        group = group.strip()
        if acronym is None and _ACRONYM.fullmatch(group):
            acronym = group
        else:
            examples += split_list(_LIST_LEAD.sub("", group))
    name = re.sub(r"\s+", " ", _PAREN.sub("", text)).strip()
    return TechnicalSkill(name=name or text, acronym=acronym, examples=examples)


_NESTED = re.compile(r"(.+?)\s+(?:such as|like|including|e\.g\.,?)\s+(.+)$")
# 'Pharmacy technicians work with pharmacy management systems' -> 'pharmacy management systems'
_VERB_LEAD = re.compile(
    r"^.*?\b(?:work|works|working) (?:with|on|in)\s+|^.*?\b(?:use|uses|using)\s+"
)


def _tool_name(phrase: str) -> str:
    words = phrase.split()
    while words and words[0].lower() in _TOOL_STOP:
        words.pop(0)
    return " ".join(words)


def tools(text: str) -> list[Tool]:
    """Named systems in a tools paragraph: listed examples, then '... software/systems' phrases."""
    found: dict[str, Tool] = {}
    for sentence in sentences(text):
        listed = _TOOL_LIST.search(sentence)
        if listed:
            category = _tool_name(_VERB_LEAD.sub("", listed["cat"].strip())) or None
            for item in split_list(listed["items"]):
                nested = _NESTED.match(item)  # 'cabinets such as Omnicell' inside a longer list
                kind = _tool_name(nested[1]) if nested else category
                name = _tool_name(nested[2] if nested else item)
                if name and name.lower() not in found:
                    found[name.lower()] = Tool.model_construct(name=name, category=kind)
            continue
        for match in _TOOL_HEAD.finditer(sentence):
            words = match[1].split()
            while words and words[0].lower() in _TOOL_STOP:
                words.pop(0)
            if words and not any(w.lower() in _TOOL_STOP for w in words):
                name = " ".join([*words, match[2]])
                found.setdefault(name.lower(), Tool.model_construct(name=name))
    return list(found.values())


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in _SMALL_WORDS)


def certifications(paragraphs: list[str]) -> list[NamedCertification]:
    """Every acronym-named certification, with its full name when the text gives one, in order."""
    found: dict[str, NamedCertification] = {}
    for paragraph in paragraphs:
        for sentence in sentences(paragraph):
            if "certif" not in sentence.lower():
                continue
            for match in _CERT_NAME.finditer(sentence):
                words, acronym = match[1].split(), match[2]
                for start in range(len(words)):
                    name = " ".join(words[start:])
                    if _initials(words[start:]) == acronym and "certif" in name.lower():
                        if acronym not in found or found[acronym].name == acronym:
                            found[acronym] = NamedCertification.model_construct(
                                acronym=acronym, name=name, sentence=sentence
                            )
                        break
            for match in _CERT_LIST.finditer(sentence):
                for acronym in re.findall(r"[A-Z][A-Z0-9-]{1,7}", match[1]):
                    if acronym not in found:
                        found[acronym] = NamedCertification.model_construct(
                            acronym=acronym, name=acronym, sentence=sentence
                        )
    return list(found.values())

"""Posting text as it is scraped, cut into sentences that each know their section.

Scraped postings lose their layout: a whole posting may be one paragraph, headings run into the
text ("ResponsibilitiesPreparing ...", "Requirements:Proven ..."), list items are glued together
("... to detailStay updated ...") or separated by runs of spaces, and bullets sit mid-line
("• Submit ... • Review ..."). `segments` undoes that and labels every sentence with the section it
sits in (see `posting_vocab.SECTION_PATTERNS`); `posting.py` decides what becomes an item.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from appkit.guide.posting_inline import list_tail, split_inline
from appkit.guide.posting_prose import run_on
from appkit.guide.posting_vocab import (
    FIELD_LABELS,
    HEADING_ALTERNATION,
    intro_section,
    section_of,
)

_BULLETS = "•●◦▪▫■□➢➤►▶✓✔★◆◇❖⦁⁃‣∙·Ø"
_BULLET_RUN = re.compile(rf"\s*[{_BULLETS}]\s*|(?:^|\s{{2,}}|(?<=[.:;]))\s*[-*–]\s+(?=[A-Z])")
_LEADING_MARK = re.compile(rf"^\s*(?:[{_BULLETS}*\-–]|\d{{1,2}}[.)]|[a-z][.)](?=\s))\s*")
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069]")
_SPACE_RUN = re.compile(r"[ \t\u00a0\u2002-\u200a\u3000]{2,}")
# "customers.Accept", "experience:Proven", "issues;Track": a sentence end glued to the next one.
_GLUED_END = re.compile(
    r"(?<=[a-z0-9)%\]’'\"][.!?;])(?=[A-Z\u201c\"(](?!\.))|(?<=[a-z.]\))(?=[A-Z][a-z])"
    r"|(?<=[A-Z]{2}\.)(?=[A-Z][a-z])|(?<=\d)(?=[A-Z][a-z]{2,}\b)"
    r"|(?<=[a-z]:)(?=[A-Z][a-z])|(?<=[a-z]\.)(?=\d{1,2}\.\s*[A-Z])|(?<=[a-z]{3}\.)(?=\d)"
    # "... and beyond.with Program ...": a bold verb lost in the scrape left a lower-case start
    r"|(?<=[a-z]{3}\.)(?=(?:with|in|for|as|to|the|on|by|from|at)\s)"
)
_SENTENCE = re.compile(
    r"(?:(?<=[a-z0-9)%\]’'\"][.!?])|(?<=\b[A-Z]{2}\.)|(?<=\b[A-Z]{3}\.)|(?<=\b[A-Z]{4}\.))"
    r"\s+(?=[A-Z\u201c\"(•\d])"
)
_ABBREVIATION = re.compile(
    r"\b(?:e\.g|i\.e|vs|Dr|Mr|Mrs|Ms|St|Inc|Jr|Sr|No|Ph\.D|Psy|approx|Min|Max|min|max|Req|Exp)\.$"
)
# A lower-case word run into a capitalised one ("detailStay", "requiredIf"): split unless the
# whole token is a known name (JavaScript, PowerPoint: the O*NET vocabulary's camel-case words).
_CAMEL = re.compile(r"\b([A-Za-z]*?[a-z]{3,})([A-Z][a-z]+[A-Za-z]*)\b")
_HEADING_GLUED = re.compile(rf"(?<=[a-z0-9.)])(?=(?:{HEADING_ALTERNATION})(?:\s*:|[A-Z0-9•]))")
_HEADING_START = re.compile(
    rf"^(?i:{HEADING_ALTERNATION})(?=\s*:|[A-Z0-9•]|\s+[A-Z][a-z]|\s+[A-Z]{{2,}}\b|\s+[-–]\s)"
)
_LABEL = re.compile(r"^([A-Z][\w'’/&().,-]*(?:\s+[\w'’/&().,-]+){0,6}?)\s*:\s*(?=\S)")
# "POSITION QUALIFICATIONSBachelor's degree ...": a capitals heading run into its first item.
_CAPS_HEADING = re.compile(r"(?:(?<=^)|(?<=[.:!?] ))([A-Z][A-Z&/, ]{3,60}[A-Z]):?\s*(?=[A-Z][a-z])")


def _caps_heading(match: re.Match[str]) -> str:
    """Split a capitals heading from its text when the vocabulary knows it (or it is glued)."""
    glued = match[0] == match[1]
    return f"{match[1]}\n" if glued or section_of(match[1]) else match[0]


_FIELD_DASH = re.compile(rf"^(?=[A-Z])((?i:{FIELD_LABELS}))\s*[-–]\s*(\S.{{0,150}})$")
_FIELD_GLUED = re.compile(rf"(?<=[a-z0-9.)])(?=(?:{FIELD_LABELS})\s*[:\-–])")


@dataclass
class Sentence:
    """One sentence (or list item) of a posting and the section it belongs to."""

    text: str
    section: str
    bullet: bool = False
    line: int = 0
    label: str = ""  # a run-in label or field name before a colon ("Location", "Inventory")


@cache
def _camel_words() -> frozenset[str]:
    from appkit.guide.posting_skills import camel_words

    return camel_words()


def _uncamel(text: str, whole: str = "") -> str:
    words = _camel_words()

    def split(match: re.Match[str]) -> str:
        token = match[0]
        if token in words or token.lower() in words:
            return token
        if token[:1].isupper() and whole.count(token) >= 2:
            return token  # a name the posting repeats (a brand: "SkillFit"), not "weekMin"
        known = next((w for w in words if token.startswith(w) and len(w) < len(token)), None)
        if known:  # "TypeScriptNPM": a known name run into the next word
            return f"{known}\n{token[len(known) :]}"
        return f"{match[1]}\n{match[2]}"

    text = re.sub(r"\b([a-z]{4,})([A-Z]{2,4})(?=\s)", "\\1\n\\2", text)  # "knowledgeYE Audits"
    text = re.sub(  # "ScriptNPM package", but PostgreSQL stays whole
        r"\b(\w*?[a-z]{3})([A-Z]{3,4})(?=\s)",
        lambda m: m[0] if m[0] in words else f"{m[1]}\n{m[2]}",
        text,
    )
    for _ in range(3):  # "programsDocumentationClinic": one split per pass
        text, count = _CAMEL.subn(split, text)
        if not count:
            break
    return text


def clean_text(text: str) -> str:
    """NFC, no invisible characters, unified line ends, tabs and odd spaces as spaces."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u2028\u2029\u0085\x0b\x0c]", "\n", text)
    return "".join(c for c in text if c in "\n" or unicodedata.category(c)[0] != "C" or c == "\t")


def _physical_lines(text: str) -> list[tuple[int, str, bool]]:
    """Lines after undoing the lost layout: (line number, text, starts with a bullet)."""
    out: list[tuple[int, str, bool]] = []
    for number, raw in enumerate(clean_text(text).split("\n"), start=1):
        raw = re.sub(r"\*\*|__", "", raw.replace("\t", " "))  # Markdown bold
        if raw.strip().startswith("#"):  # a Markdown heading: its own line, marks removed
            out.append((number, raw.strip().lstrip("#").strip(), False))
            continue
        raw = _SPACE_RUN.sub("\n", raw.strip())
        raw = _FIELD_GLUED.sub("\n", raw)
        raw = "\n".join(split_inline(piece) for piece in raw.split("\n"))
        raw = _CAPS_HEADING.sub(_caps_heading, raw)
        raw = _HEADING_GLUED.sub("\n", raw)
        raw = _GLUED_END.sub("\n", raw)
        raw = _uncamel(raw, text)
        for piece in raw.split("\n"):
            parts = _BULLET_RUN.split(piece)
            for i, part in enumerate(parts):
                bullet = i > 0 or bool(_LEADING_MARK.match(part))
                part = _LEADING_MARK.sub("", part).strip() if bullet else part.strip()
                part = part.strip(" *_`>|")
                if part:
                    out.append((number, part, bullet))
    return out


def _sentences(line: str) -> list[str]:
    out: list[str] = []
    buffer = ""
    for part in _SENTENCE.split(line):
        buffer = f"{buffer} {part}".strip() if buffer else part.strip()
        if buffer and not _ABBREVIATION.search(buffer):
            out.append(buffer)
            buffer = ""
    if buffer:
        out.append(buffer)
    return out


def _heading(text: str) -> tuple[str | None, str, str]:
    """(section, rest, label) for a sentence that starts with a heading or a 'Label:'."""
    bare = text.rstrip(":").strip()
    if len(bare) <= 70 and (kind := section_of(bare)):
        return kind, "", bare
    found = _HEADING_START.match(text)
    if found and (kind := section_of(found[0])):
        rest = text[found.end() :].lstrip(" :-–").strip()
        return kind, rest, found[0]
    dash = _FIELD_DASH.match(text)
    if dash:  # "Position-Software Developer", "Location- Duluth, GA."
        return "field", dash[2].strip(), dash[1]
    label = _LABEL.match(text)
    if label:
        kind = section_of(label[1])
        return kind, text[label.end() :].strip(), label[1]
    return None, text, ""


def segments(text: str) -> list[Sentence]:
    """Every sentence of a posting with its section ('description' until a heading says else)."""
    out: list[Sentence] = []
    section = "description"
    pending: Sentence | None = None
    for number, line, bullet in _physical_lines(text):
        parts = _sentences(line)
        for sentence in parts:
            if pending is not None:  # "Job Location" on one line, its value on the next
                pending.text, pending = sentence, None
                if len(sentence.split()) <= 12:
                    continue
            kind, rest, label = _heading(sentence)
            if kind == "field":
                out.append(Sentence(rest, "field", bullet, number, label))
                pending = out[-1] if not rest else None
                continue
            if kind:
                section = kind
                if not rest:
                    continue
                sentence = rest
                kind, rest, sub = _heading(sentence)  # "Job Description Job Title : X"
                if kind == "field":
                    out.append(Sentence(rest, "field", bullet, number, sub))
                    continue
                if kind:
                    section = kind
                    if not rest:
                        continue
                    sentence = rest
                label = ""
            elif label and rest:  # a run-in label the vocabulary does not know
                intro = intro_section(label) if len(label.split()) >= 3 else None
                section = intro or section
                if intro or label.istitle() or label.isupper():  # a bold run-in heading
                    sentence = rest
                else:  # "Excellent interpersonal skills: outgoing, ..." is one item
                    label = ""
            head, colon, tail = sentence.partition(": ")
            if colon and tail and not label and 4 <= len(head.split()) <= 16:
                intro = intro_section(f"{head}:")  # "Duties include but are not limited to: ..."
                if intro:
                    section, sentence = intro, tail
            question = sentence.endswith("?") and len(sentence.split()) <= 12
            lead_in = (sentence.endswith(":") and len(sentence) <= 160) or question
            intro = intro_section(sentence) if lead_in else None
            if intro:
                section = intro
                continue
            pieces = list_tail(sentence) if section == "skills" else [sentence]
            for piece in [p for s in pieces for p in run_on(s)] if section in _LISTS else pieces:
                # a line of its own with no full stop reads as a list item ("Bank reconciliations")
                item = bullet or (len(parts) == 1 and not piece.endswith("."))
                out.append(Sentence(piece, section, item, number, label))
    return out


_LISTS = ("duties", "requirements", "preferred")

"""Headings and dash bullets that a flattened posting carries inline.

A posting whose line breaks were lost keeps its headings and bullets mid-paragraph:
"... call first. What you'll do - Schedule patient appointments ... Requirements - Associate's
degree ... - 2+ years of experience ...". `split_inline` puts them back on lines of their own:

    a heading before " - " or ":"   the shortest capitalised run of words before the mark that
                                    `posting_vocab.section_of` knows ("What you'll do",
                                    "Requirements", "Pay range") starts a new line; a section
                                    heading ends one too (the dash is dropped)
    " - " as a bullet               when a line carries at least two after a full stop (and no
                                    other bullet marks), each " - " before a capital or a digit
                                    starts a line, except numeric ranges
                                    ("$52,000 - $64,000", "9 am - 5 pm") and a dash between two
                                    capitalised words that opens no item ("Monday - Friday")

Hyphenated words ("health-related", "follow-up") have no spaces round the hyphen and are never
touched. Only long lines (a flattened paragraph, MIN_LINE characters) are rewritten.
"""

from __future__ import annotations

import re

from appkit.guide.posting_vocab import HEADING_ALTERNATION, section_of

MIN_LINE = 160
MAX_HEADING_WORDS = 6
_MARK = re.compile(r"\s+[-–]\s+(?=\S)|:\s+(?=\S)")
_DASH = re.compile(r"\s+[-–]\s+")
_RANGE_BEFORE = re.compile(r"(?:\d[\d,.]*[kKmM%+]?|\b(?:am|pm|a\.m\.|p\.m\.)|\$)$", re.I)
_STRONG = re.compile(rf"(?i:{HEADING_ALTERNATION})")
_STRONG_FIELDS = frozenset({"company", "location", "salary", "schedule", "employer"})
_OTHER_BULLETS = "[•●◦▪■➢➤►▶✓✔★◆❖⦁‣∙·]"
_WORD = re.compile(r"[\w'’&/()+]+")


def _heading_before(text: str, dash: bool) -> tuple[int, str] | None:
    """(start, section) of the shortest capitalised known heading that `text` ends with.

    The heading must follow a sentence end or the line start (dash only: a colon label there is
    read downstream) or run straight on from lower-case prose ("... programs Pay range:"); after
    a capitalised word or a bullet it is part of a label ("Company Overview", "• Relevant
    Experience:"), not a heading of its own.
    """
    words = list(_WORD.finditer(text))
    found: list[tuple[int, str]] = []
    for n in range(1, min(MAX_HEADING_WORDS, len(words)) + 1):
        first = words[-n]
        candidate = text[first.start() :].strip()
        if not candidate[:1].isupper():
            continue
        before = text[: first.start()].rstrip()
        glued = bool(re.search(r"(?:^|\s)[a-z][\w'’-]*[,)]?$|\d[,)]?$", before))
        ends = before[-1:] in ("", ".", "!", "?", ";")
        kind = section_of(candidate)
        strong = n > 1 or candidate.casefold() in _STRONG_FIELDS
        plain = before[-1:].isalpha() and not re.search(r"[a-z][A-Z]\w*$", before)
        if kind == "field" and not dash and strong and (glued or plain):
            found.append((first.start(), kind))  # "... Health Location: Dayton", "Job Location:"
            continue
        if found:
            break
        if dash and kind and _STRONG.fullmatch(candidate) and not (glued or ends):
            # "... in Microsoft Excel Requirements - Associate's": the heading is the known one,
            # unless the word before makes a heading with it ("Company Overview - ...")
            longer = text[words[-n - 1].start() :].strip() if n < len(words) else ""
            if not (longer and section_of(longer, loose=False)):
                return first.start(), kind
        if not (glued or (dash and ends)):
            continue
        if kind and (kind != "field" or ends or (not dash and n > 1)):
            return first.start(), kind  # one field word mid-sentence ("fully Remote - ") is prose
    return found[-1] if found else None


def _item_ahead(text: str) -> bool:
    """The text after a dash opens an item: two words or more before the next dash or comma
    ("401(k) match" does, "Friday, 8 am" does not)."""
    return len(re.split(r"\s+[-–]\s+|[,;]", text, maxsplit=1)[0].split()) >= 2


def split_inline(line: str) -> str:
    """`line` with inline headings and dash bullets on lines of their own (module docstring)."""
    if len(line) < MIN_LINE:
        return line
    dashes = [m for m in _DASH.finditer(line) if re.match(r"[A-Z0-9$(]", line[m.end() :])]
    after_end = [m for m in dashes if line[: m.start()].rstrip()[-1:] in ".!?;"]
    headed = [m for m in dashes if _heading_before(line[: m.start()], True)]
    bullets = len(after_end) >= 2 or bool(headed) and len(dashes) >= 3
    bullets = bullets and len(re.findall(_OTHER_BULLETS, line)) < 2
    out: list[str] = []
    last = 0
    for mark in _MARK.finditer(line):
        before, after = line[last : mark.start()], line[mark.end() :]
        dash = mark[0].strip() in "-–"
        heading = _heading_before(before, dash)
        if heading is not None:
            start, kind = heading
            out.append(before[:start])
            if kind == "field" or not dash and kind in ("benefits",):
                # "Location - Dayton", "Pay range: $52,000 - $64,000": the label stays with it
                out.append("\n" + before[start:] + mark[0])
            else:
                out.append("\n" + before[start:] + ("\n- " if dash else "\n"))
            last = mark.end()
            continue
        if not (dash and bullets and re.match(r"[A-Z0-9$(]", after)):
            continue
        if _RANGE_BEFORE.search(before.rstrip()) and re.match(r"[\d$]", after):
            continue  # "$52,000 - $64,000", "9 am - 5 pm"
        if before.rstrip()[-1:] not in ".!?;:" and not _item_ahead(after):
            continue  # "Monday - Friday"
        out.append(before + "\n- ")
        last = mark.end()
    out.append(line[last:])
    return "".join(out)


_LINKS = frozenset(
    {"with", "in", "of", "and", "or", "for", "to", "using", "including", "like", "as", "on"}
    | {"at", "by", "from", "into", "via", "than", "such"}
)
_RUN_INTO = re.compile(r"(?<=[a-z])\s+(?=[A-Z][\w'’&.-]*\s+(?:[A-Z][\w'’&.-]*\s+)*[a-z])")


def list_tail(sentence: str) -> list[str]:
    """A comma list of names whose last entry runs into the next sentence, cut in two.

    "EHR, medical terminology, communication skills Riverbend Community Health is an equal
    opportunity employer." -> the list, and "Riverbend Community Health is an ...": every entry
    but the last is short (MAX_HEADING_WORDS words at most), the last turns from lower-case
    words to a capitalised one within that many words, not after a linking word ("with"), and
    five words or more follow.
    """
    parts = re.split(r",\s+(?![^()]*\))", sentence)
    if len(parts) < 3 or any(len(p.split()) > MAX_HEADING_WORDS for p in parts[:-1]):
        return [sentence]
    last = parts[-1]
    cut = _RUN_INTO.search(last)
    if cut is None or len(last[: cut.start()].split()) > MAX_HEADING_WORDS:
        return [sentence]
    rest = last[cut.end() :]
    if last[: cut.start()].split()[-1].casefold() in _LINKS or len(rest.split()) < 5:
        return [sentence]  # "experience with AWS Lambda and ...": one sentence
    head = sentence[: len(sentence) - len(last) + cut.start()]
    return [head, rest]

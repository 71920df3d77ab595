"""Text rules and the strict base of every model: NFC, characters a document can carry, lines, URLs.

Multi-line text (`Text`) refuses control characters and bidi overrides and turns U+2028/U+2029
into ordinary line breaks. Single-line fields (`Line`, `Title`) also refuse every line break and
invisible formatting character, except ZWNJ/ZWJ between non-ASCII characters (Persian names,
emoji sequences). Every refusal names the code point and its 1-based position.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

# Characters XML 1.0 cannot hold: python-docx raises on them and WeasyPrint chokes on surrogates.
# Written as the few excluded ranges, not "anything but Char": the same set (checked code point
# by code point in tests/profile/test_text_rules.py), 0.3 ms to compile instead of 4.4 ms.
_NOT_XML10 = re.compile("[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]")
# DEL and C1 controls are legal XML but invisible garbage in a document (often Windows-1252
# text decoded as Latin-1).
_C1_CONTROLS = re.compile("[\u007f-\u009f]")
# Bidi embeddings, overrides and isolates reorder what follows: "\u202egnp.exe" reads "exe.png".
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_PARAGRAPH_SEPARATORS = re.compile("[\u2028\u2029]")
# A single line holds no break, tab or invisible character that could disguise a name.
_NOT_SINGLE_LINE = re.compile("[\r\n\t\u2028\u2029\u200b\u200e\u200f\u2060\ufeff]")
# Zero-width (non-)joiners shape Persian, Arabic and Indic script and build emoji sequences.
_JOINERS = re.compile("[\u200c\u200d]")

MAX_TEXT = 5000
MAX_LINE = 300
# A name or title becomes document metadata, which Word caps at 255 characters.
MAX_TITLE = 200
MAX_URL = 500

_PATH_LIKE = re.compile(r"^(?:/|\\|\./|\.\./|~|[A-Za-z]:(?:[\\/]|$))")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_HOST = re.compile(r"^[\w-]+(?:\.[\w-]+)+(?::\d{1,5})?$")
WEB_SCHEMES = ("http", "https")
PAGE_SCHEMES = ("http", "https", "mailto")
LINK_SCHEMES = ("http", "https", "mailto", "tel")


def _describe(char: str, index: int, why: str) -> str:
    name = unicodedata.name(char, "")
    label = f"U+{ord(char):04X}" + (f" {name}" if name else "")
    return f"contains character {label} at position {index + 1} ({why})"


def _refuse(value: str, pattern: re.Pattern[str], why: str) -> None:
    if match := pattern.search(value):
        raise ValueError(_describe(match[0], match.start(), why))


def _check_characters(value: str) -> str:
    """NFC, then refuse what no document may carry (shared by single- and multi-line text)."""
    value = unicodedata.normalize("NFC", value)
    _refuse(value, _NOT_XML10, "a control character; remove it")
    _refuse(value, _C1_CONTROLS, "a control character; remove it or re-save the file as UTF-8")
    _refuse(value, _BIDI_CONTROLS, "a bidirectional control that reorders text; remove it")
    return value


def check_text(value: str) -> str:
    """Multi-line text: NFC, safe characters, U+2028/U+2029 become ordinary line breaks."""
    value = _check_characters(value)
    return _PARAGRAPH_SEPARATORS.sub("\n", value).strip()


def check_line(value: str) -> str:
    """A single-line field: no line breaks, tabs or invisible formatting characters."""
    value = _check_characters(value)
    _refuse(value, _NOT_SINGLE_LINE, "a line break or invisible character; must be a single line")
    for match in _JOINERS.finditer(value):
        start, end = match.start(), match.end()
        before = value[start - 1] if start else ""
        after = value[end] if end < len(value) else ""
        if not (before > "\x7f" and after > "\x7f"):
            raise ValueError(
                _describe(
                    match[0],
                    start,
                    "allowed only between letters of a joining script or inside an emoji",
                )
            )
    return value.strip()


def _check_url(value: str, schemes: tuple[str, ...]) -> str:
    value = check_line(value)
    allowed = ", ".join(schemes[:-1]) + f" or {schemes[-1]}"
    if any(char.isspace() for char in value):
        raise ValueError("URL contains a space; write it as %20 or remove it")
    if value.startswith("//"):  # protocol-relative: //example.com/a
        value = "https:" + value
    if _PATH_LIKE.match(value):
        raise ValueError(f"looks like a file path, not a web address (use {allowed})")
    scheme_match = _SCHEME.match(value)
    is_port = scheme_match is not None and value[scheme_match.end() :][:1].isdigit()
    if scheme_match and scheme_match[1].lower() not in LINK_SCHEMES and is_port:
        scheme_match = None  # example.com:8080/x is a host and a port, not a scheme
    if scheme_match is None:
        host = re.split(r"[/?#]", value, maxsplit=1)[0]
        if not _HOST.match(host):
            raise ValueError(
                f"not a web address; write it like https://example.com (use {allowed})"
            )
        return "https://" + value
    scheme = scheme_match[1].lower()
    if scheme not in schemes:
        raise ValueError(f"URL scheme {scheme!r} not allowed (use {allowed})")
    rest = value[scheme_match.end() :]
    if scheme in WEB_SCHEMES:
        try:
            host = urlsplit(value).hostname or ""
        except ValueError:  # "https://[not-ipv6"
            host = ""
        if not rest.startswith("//") or not _HOST.match(host):
            raise ValueError("URL has no valid host; write it like https://example.com/page")
    elif not rest:
        raise ValueError(f"{scheme}: URL is empty")
    return value


def check_link_url(value: str) -> str:
    """A contact link: http(s), mailto or tel; `example.com/x` gets https://; paths are errors."""
    return _check_url(value, LINK_SCHEMES)


def check_web_url(value: str) -> str:
    """A project's page: http(s) or mailto (a phone number is no project page)."""
    return _check_url(value, PAGE_SCHEMES)


Text = Annotated[str, AfterValidator(check_text), Field(max_length=MAX_TEXT)]
Line = Annotated[str, AfterValidator(check_line), Field(max_length=MAX_LINE)]
# A single line that becomes a document title or metadata (name, headline, role title).
Title = Annotated[str, AfterValidator(check_line), Field(max_length=MAX_TITLE)]
Url = Annotated[str, AfterValidator(check_link_url), Field(max_length=MAX_URL)]
WebUrl = Annotated[str, AfterValidator(check_web_url), Field(max_length=MAX_URL)]


class Strict(BaseModel):
    """Base of every input model: unknown keys are errors (typos), values are immutable."""

    # extra="forbid" turns a typo such as `stat:` into an error instead of silently dropping data.
    # defer_build, as on every appkit model: the validator is built when first used, so a command
    # pays only for the models it needs (tests/test_architecture.py keeps it so).
    model_config = ConfigDict(
        defer_build=True, extra="forbid", frozen=True, str_strip_whitespace=True
    )

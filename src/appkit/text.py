"""Text checks shared by every model: NFC, XML-safe characters, single-line fields, safe URLs."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, Field

# Characters XML 1.0 cannot hold: python-docx raises on them and WeasyPrint chokes on surrogates.
_NOT_XML10 = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Bidi overrides and zero-width characters can disguise a name or a file name.
_FORMAT_CHARS = re.compile("[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\ufeff]")
_LINE_BREAKS = re.compile("[\r\n\t]")
_URL_SCHEMES = ("http://", "https://", "mailto:", "tel:")


def _describe(char: str, position: int) -> str:
    return f"contains character U+{ord(char):04X} at position {position}"


def check_text(value: str) -> str:
    """Normalise to NFC and reject characters that a PDF or DOCX cannot carry."""
    value = unicodedata.normalize("NFC", value)
    if match := _NOT_XML10.search(value):
        raise ValueError(_describe(match[0], match.start()))
    return value.strip()


def check_line(value: str) -> str:
    """A single-line field: no line breaks, tabs or invisible formatting characters."""
    value = check_text(value)
    if match := _LINE_BREAKS.search(value) or _FORMAT_CHARS.search(value):
        raise ValueError(_describe(match[0], match.start()) + " (must be a single line)")
    return value


def check_url(value: str) -> str:
    """Links must be http(s), mailto or tel: no javascript:, file: or data: URLs."""
    value = check_line(value)
    if not value.lower().startswith(_URL_SCHEMES):
        if "://" in value or value.lower().startswith(
            ("javascript:", "data:", "file:", "vbscript:")
        ):
            raise ValueError("URL scheme not allowed (use http, https, mailto or tel)")
        value = "https://" + value
    return value


Text = Annotated[str, AfterValidator(check_text), Field(max_length=5000)]
Line = Annotated[str, AfterValidator(check_line), Field(max_length=300)]
Url = Annotated[str, AfterValidator(check_url), Field(max_length=500)]

"""Just enough CSS reading for the DOCX: rules, nested at-rules, declarations and a few values.

The DOCX path must not load the PDF stack (WeasyPrint, tinycss2: `tests/cli/test_startup.py`), and
it needs little: `@page` with its margin boxes, and simple rules' sizes, colours and page breaks.
Strings keep their braces and semicolons; comments are dropped; nesting deeper than a stylesheet
ever needs is skipped, so hostile input costs linear time and no recursion error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Decl", "Rule", "content_parts", "hex_color", "length", "parse_css", "words"]

_MAX_DEPTH = 8
_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.S)
_LENGTH = re.compile(r"(-?(?:\d+\.?\d*|\.\d+))(pt|in|cm|mm|px|pc)?", re.I)
_UNITS_PT = {"pt": 1.0, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4, "px": 0.75, "pc": 12.0}
_HEX = re.compile(r"#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")
_CONTENT = re.compile(
    r"""\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(counter|string)\(\s*([\w-]+)[^)]*\)"""
    r"""|(none|normal))\s*""",
    re.I,
)
_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6}\s?|.)")


@dataclass
class Decl:
    """``name: value`` (name lower-cased; the value as written, trimmed)."""

    name: str
    value: str


@dataclass
class Rule:
    """A style rule (``at`` empty) or an at-rule (``at`` = "page", "bottom-right", ...)."""

    at: str
    prelude: str
    body: list[Decl | Rule] = field(default_factory=list)

    def decls(self) -> list[Decl]:
        return [item for item in self.body if isinstance(item, Decl)]


def _skip_string(css: str, i: int) -> int:
    """Index just past the string starting at ``css[i]`` (a quote)."""
    quote, i = css[i], i + 1
    while i < len(css) and css[i] != quote:
        i += 2 if css[i] == "\\" else 1
    return i + 1


def _skip_block(css: str, i: int) -> int:
    """Index past the ``}`` closing the block that starts at ``i``, without recursion."""
    depth = 1
    while i < len(css) and depth:
        char = css[i]
        if char in "\"'":
            i = _skip_string(css, i)
            continue
        depth += (char == "{") - (char == "}")
        i += 1
    return i


def _item(text: str) -> Decl | None:
    name, colon, value = text.partition(":")
    if not colon or text.startswith("@"):
        return None  # @import, @charset, or a stray word
    return Decl(name.strip().lower(), value.strip())


def _rule(prelude: str) -> Rule:
    if prelude.startswith("@"):
        keyword, _, rest = prelude[1:].partition(" ")
        return Rule(keyword.strip().lower(), rest.strip())
    return Rule("", prelude)


def _block(css: str, i: int, depth: int, out: list[Decl | Rule]) -> int:
    """Read items into ``out`` up to the ``}`` closing this block; index past it."""
    start = i
    while i < len(css):
        char = css[i]
        if char in "\"'":
            i = _skip_string(css, i)
        elif char == "{" and depth >= _MAX_DEPTH:
            i = start = _skip_block(css, i + 1)
        elif char == "{":
            rule = _rule(css[start:i].strip())
            i = start = _block(css, i + 1, depth + 1, rule.body)
            out.append(rule)
        elif char in ";}":
            if (item := _item(css[start:i].strip())) is not None:
                out.append(item)
            i += 1
            if char == "}":
                return i
            start = i
        else:
            i += 1
    if (item := _item(css[start:].strip())) is not None:
        out.append(item)
    return i


def parse_css(css: str) -> list[Decl | Rule]:
    """The stylesheet's top-level rules (and any stray declarations)."""
    out: list[Decl | Rule] = []
    text = _COMMENT.sub(" ", css)
    i = 0
    while i < len(text):  # a stray "}" at the top level ends nothing: carry on after it
        i = _block(text, i, 0, out)
    return out


def length(value: str) -> float | None:
    """A CSS length in points (a bare 0 allowed), or None."""
    found = _LENGTH.fullmatch(value.strip())
    if not found:
        return None
    number, unit = float(found.group(1)), (found.group(2) or "").lower()
    if not unit:
        return 0.0 if number == 0 else None
    return number * _UNITS_PT[unit]


def words(value: str) -> list[str]:
    """The value's space-separated parts."""
    return value.split()


def hex_color(value: str) -> str | None:
    """`#1b4f5c` or `#abc` → "1B4F5C"; None for any other colour syntax."""
    found = _HEX.fullmatch(value.strip())
    if not found:
        return None
    digits = found.group(1)
    return (digits if len(digits) == 6 else "".join(c * 2 for c in digits)).upper()


def _unescape(text: str) -> str:
    def one(match: re.Match[str]) -> str:
        code = match.group(1).strip()
        if len(code) > 0 and all(c in "0123456789abcdefABCDEF" for c in code):
            value = int(code, 16)
            return chr(value) if 0 < value <= 0x10FFFF else ""
        return match.group(1)

    return _ESCAPE.sub(one, text)


def content_parts(value: str) -> list[tuple[str, str]] | None:
    """`"Page " counter(page)` → [("text", "Page "), ("counter", "page")]; [] for `none`;
    None for anything else (attr(), url(), ...), which the DOCX cannot mirror."""
    parts: list[tuple[str, str]] = []
    i = 0
    while i < len(value):
        found = _CONTENT.match(value, i)
        if not found or found.end() == i:
            return None
        double, single, function, argument, none = found.groups()
        if none:
            return []
        if function:
            parts.append((function.lower(), argument.lower()))
        else:
            parts.append(("text", _unescape(double if double is not None else single)))
        i = found.end()
    return parts


_VAR = re.compile(r"var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)")
_CALC = re.compile(r"calc\(\s*([^()]+?)\s*([*/])\s*([^()]+?)\s*\)")
_NUMBER_UNIT = re.compile(r"(-?\d+(?:\.\d+)?)([a-z%]*)", re.I)


def _scaled(quantity: str, factor: str, divide: bool) -> str | None:
    """`10pt * 0.96` -> `9.6pt`: a quantity times (or over) a plain number."""
    q, f = _NUMBER_UNIT.fullmatch(quantity.strip()), _NUMBER_UNIT.fullmatch(factor.strip())
    if not q or not f or f.group(2) or (divide and float(f.group(1)) == 0):
        return None
    value = (
        float(q.group(1)) / float(f.group(1)) if divide else float(q.group(1)) * float(f.group(1))
    )
    return f"{value:.4g}{q.group(2)}"


def resolve(value: str, props: dict[str, str]) -> str:
    """``value`` with `var(--x)` replaced from the `:root` custom properties and simple
    `calc(A * k)` / `calc(k * A)` / `calc(A / k)` worked out, as the designs write sizes
    (`calc(var(--size-base) * 0.96)`); anything else is left as it is (and then not understood)."""
    for _ in range(5):  # a property may name another; a cycle stops here
        replaced = _VAR.sub(lambda m: props.get(m.group(1), m.group(2) or "").strip(), value)
        if replaced == value:
            break
        value = replaced

    def calc(match: re.Match[str]) -> str:
        left, op, right = match.groups()
        plain = _NUMBER_UNIT.fullmatch(left.strip())
        if op == "*" and plain and not plain.group(2):
            left, right = right, left  # `0.96 * 10pt`: the factor first
        return _scaled(left, right, op == "/") or match.group(0)

    return _CALC.sub(calc, value)

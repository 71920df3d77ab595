"""Hypothesis strategies for hostile profile files: valid structure, hostile text, hostile syntax.

A drawn `ProfileFile` is the bytes of a YAML or JSON file. The text mixes ordinary words with the
characters that broke writers in the security study (C0/C1 controls, bidi overrides, U+2028/2029,
zero-width joiners, non-characters, lone surrogates where an escape can carry them), scripts (RTL,
CJK, Devanagari, emoji ZWJ sequences, combining marks), markup and Jinja syntax, and very long
words. The syntax adds YAML-special plain scalars (NO, 0123, 3.50, Null), duplicate keys, tags,
anchors, deep-ish lists, unknown fields and invalid UTF-8.
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

C0 = [chr(c) for c in range(0x20)] + ["\x7f"]
C1 = [chr(c) for c in range(0x80, 0xA0)]
BIDI = [chr(c) for c in range(0x202A, 0x202F)] + [chr(c) for c in range(0x2066, 0x206A)]
FORMAT = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u00ad"]
SEPARATORS = ["\u2028", "\u2029", "\x85", "\x0b", "\x0c"]
NONCHARACTERS = ["\ufffe", "\uffff", "\ufdd0", "\U0001fffe"]
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff"]
SCRIPTS = ["محمد", "שָׁלוֹם", "王小明", "山田太郎", "김민준", "प्रिया", "Zoë", "e\u0301", "Å", "ß"]
EMOJI = ["😀", "👩\u200d⚕️", "🏳️\u200d🌈", "👍🏽", "🇳🇴"]
MARKUP = ["<", ">", "&", '"', "'", "\\", "{{ x }}", "{%", "<b>", "<img src=file:///etc/passwd>"]
HOSTILE_PIECES = C0 + C1 + BIDI + FORMAT + SEPARATORS + NONCHARACTERS + SURROGATES
HOSTILE_PIECES += SCRIPTS + EMOJI + MARKUP
YAML_SPECIAL = ["NO", "no", "Off", "Yes", "0123", "01234", "3.50", "Null", "null", "~", "true"]
YAML_SPECIAL += ["1e3", ".inf", ".NaN", "0x1F", "0o17", "2024-05-01", "12:30", "-", "@x", "`x"]


class Plain(str):
    """A scalar written unquoted in YAML, so YAML 1.1 would read it as bool/int/float/null."""

    __slots__ = ()


@dataclass(frozen=True)
class ProfileFile:
    suffix: str  # ".yaml" or ".json"
    content: bytes


_words = st.text(alphabet=string.ascii_letters + "  .,-'", min_size=1, max_size=14)
_letter = st.sampled_from("aWmİ王")
_long_word = st.builds(lambda c, n: c * n, _letter, st.integers(60, 400))
_long_line_word = st.builds(lambda c, n: c * n, _letter, st.integers(60, 120))  # fits a Line
_hostile = st.sampled_from(HOSTILE_PIECES)
# What may get past validation and must then survive both writers.
_writer_hostile = st.sampled_from(C1 + BIDI + FORMAT + SEPARATORS + SCRIPTS + EMOJI + MARKUP)
_plain = st.sampled_from(YAML_SPECIAL).map(Plain)


def _nest(value: Any, depth: int) -> Any:
    for _ in range(depth):
        value = [value]
    return value


def _optional(required: dict[str, Any], optional: dict[str, Any]) -> Any:
    return st.fixed_dictionaries(required, optional=optional)


def profile_data(mild: bool = False) -> st.SearchStrategy[dict[str, Any]]:
    """Profile-shaped data. `mild` keeps the text that may pass validation (C1, bidi, separators,
    zero-width, scripts, emoji, markup, long words) and drops the type and syntax faults, so that
    most files reach the writers."""
    words = 12 if mild else 6  # ordinary words per hostile piece or long word
    long_word = _long_line_word if mild else _long_word
    hostile = _writer_hostile if mild else _hostile
    text = st.lists(st.one_of(*[_words] * words, hostile, long_word), min_size=1, max_size=6)
    text = text.map("".join)
    line = st.one_of(*[text] * (12 if mild else 4), _plain)
    scalar = st.one_of(
        line, line, line, st.integers(-(10**30), 10**30), st.booleans(), st.none(), st.floats()
    )
    date = st.one_of(
        st.sampled_from(["2019", "2020-01", "2021-06-15", "2020-13", "2019-02-29", "01/2020"]),
        st.sampled_from(["2018", "2022-03"]).map(Plain),
        line,
    )
    url = st.one_of(
        st.sampled_from(["https://example.com/maria", "example.com", "/etc/passwd", "../x"]),
        st.sampled_from(["file:///etc/passwd", "javascript:alert(1)", "data:text/html,x"]),
        text,
    )
    if mild:  # the faults above are the loader's business, tested with the non-mild files
        date = st.sampled_from(["2018", "2020-01", "2021-06-15"])
        url = st.sampled_from(["https://example.com/maria", "mailto:maria@example.com"])
    deep_list = st.builds(_nest, text, st.integers(2, 60))
    highlight = st.one_of(*[text] * 6, deep_list, scalar) if not mild else text
    basics = _optional(
        {"name": line if mild else st.one_of(*[line] * 6, scalar)},
        {
            "headline": line,
            "email": st.just("maria@example.com") if mild else st.one_of(st.just("m@x.io"), line),
            "phone": st.one_of(st.sampled_from(["0123", "+1 555 0100"]).map(Plain), line),
            "location": line,
            "links": st.lists(_optional({"label": line, "url": url}, {}), max_size=3),
        },
    )
    experience = _optional(
        {"title": line, "organization": line, "start": date},
        {
            "end": st.one_of(date, st.just("present")),
            "location": line,
            "highlights": st.lists(highlight, max_size=5),
        },
    )
    education = _optional(
        {"institution": line, "degree": line},
        {"gpa": st.one_of(st.just(Plain("3.50")), line), "end": date},
    )
    skills = _optional({"group": line, "items": st.lists(line, min_size=1, max_size=5)}, {})
    languages = _optional({"language": line}, {"fluency": line})
    optional: dict[str, Any] = {
        "summary": text,
        "experience": st.lists(experience, max_size=4),
        "education": st.lists(education, max_size=2),
        "skills": st.lists(skills, max_size=3),
        "languages": st.lists(languages, max_size=2),
    }
    if not mild:
        optional["nmae"] = line  # a typo: unknown fields are refused
    return _optional({"basics": basics}, optional)


def _yaml_string(value: str, raw: bool) -> str:
    """A YAML double-quoted scalar: escapes for what must be escaped, the rest raw or escaped."""
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif 0xD800 <= ord(ch) <= 0xDFFF or not raw and not (" " <= ch <= "~"):
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def yaml_flow(value: Any, raw: bool) -> str:
    """Flow-style YAML (JSON plus plain scalars and YAML escapes)."""
    if isinstance(value, dict):
        items = (f"{_yaml_string(k, raw)}: {yaml_flow(v, raw)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(yaml_flow(v, raw) for v in value) + "]"
    if isinstance(value, Plain):
        return str(value)
    if isinstance(value, str):
        return _yaml_string(value, raw)
    return (
        "null" if value is None else str(value).lower() if isinstance(value, bool) else repr(value)
    )  # noqa: E501


@st.composite
def profile_files(draw: st.DrawFn, mild: bool = False) -> ProfileFile:
    """A profile file; `mild` files skip the syntax quirks (duplicate keys, tags, anchors)."""
    data = draw(profile_data(mild))
    if draw(st.booleans()):
        text_out = json.dumps(data, ensure_ascii=draw(st.booleans()))
        if not mild and draw(st.sampled_from([False] * 9 + [True])):  # a duplicate key
            text_out = '{"basics": {"name": "First"}, ' + text_out[1:]
        # Lone surrogates written raw become invalid UTF-8: the loader must say so.
        return ProfileFile(".json", text_out.encode("utf-8", "surrogatepass"))
    raw = draw(st.booleans())
    lines = [f"{_yaml_string(k, raw)}: {yaml_flow(v, raw)}" for k, v in data.items()]
    quirks = ["none"] * 6 + ["duplicate", "tag", "anchor", "block"]
    quirk = draw(st.sampled_from(["none", "block"] if mild else quirks))
    if quirk == "duplicate":
        lines.append(lines[0])
    elif quirk == "tag":
        tag = draw(st.sampled_from(["!!python/object/apply:os.system", "!!str", "!x", "!!binary"]))
        key, _, value = lines[0].partition(": ")
        lines[0] = f"{key}: {tag} {value}"
    elif quirk == "anchor":
        key, _, value = lines[0].partition(": ")
        lines[0] = f"{key}: &a {value}"
        lines.append('"summary": *a')
    elif quirk == "block" and isinstance(data.get("summary"), str):
        body = data["summary"].replace("\n", " ")
        lines = [ln for ln in lines if not ln.startswith('"summary"')] + [f"summary: |\n  {body}"]
    content = "\n".join(lines) + "\n"
    return ProfileFile(".yaml", content.encode("utf-8", "surrogatepass"))

"""Text rules every model shares: single lines, Unicode controls, joiners, NFC, lengths and URLs."""

from __future__ import annotations

from pathlib import Path

import pytest

from appkit.errors import InputError
from appkit.profile.load import load_profile
from appkit.profile.model import Profile


def _load(tmp_path: Path, body: str, name: str = "Ana") -> Profile:
    path = tmp_path / "p.yaml"
    path.write_text(f"basics:\n  name: {name}\n{body}", encoding="utf-8")
    return load_profile(path, label="p.yaml")


def _problems(tmp_path: Path, body: str, name: str = "Ana") -> list[str]:
    with pytest.raises(InputError) as caught:
        _load(tmp_path, body, name)
    return str(caught.value).splitlines()


@pytest.mark.parametrize(
    ("name", "position", "label"),
    [
        ('"Ana\\u2028Bob"', 4, "U+2028 LINE SEPARATOR"),
        ('"Ana\\u2029Bob"', 4, "U+2029 PARAGRAPH SEPARATOR"),
        ('"Ana\\tBob"', 4, "U+0009"),
        ('"Ana\\u200bBob"', 4, "U+200B ZERO WIDTH SPACE"),
        ('"Ana\\ufeffBob"', 4, "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    ],
)
def test_single_line_refuses_breaks_and_invisible_characters(
    tmp_path: Path, name: str, position: int, label: str
) -> None:
    assert _problems(tmp_path, "", name) == [
        f"p.yaml:2: basics.name: contains character {label} at position {position} "
        "(a line break or invisible character; must be a single line)"
    ]


@pytest.mark.parametrize(
    ("escaped", "label", "why"),
    [
        ("\\u0080", "U+0080", "a control character; remove it or re-save the file as UTF-8"),
        ("\\u009f", "U+009F", "a control character; remove it or re-save the file as UTF-8"),
        ("\\u007f", "U+007F", "a control character; remove it or re-save the file as UTF-8"),
        ("\\u202a", "U+202A LEFT-TO-RIGHT EMBEDDING", "a bidirectional control"),
        ("\\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE", "a bidirectional control"),
        ("\\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE", "a bidirectional control"),
        ("\\u2069", "U+2069 POP DIRECTIONAL ISOLATE", "a bidirectional control"),
    ],
)
@pytest.mark.parametrize("field", ["name", "summary"])
def test_c1_and_bidi_controls_refused_in_every_field(
    tmp_path: Path, escaped: str, label: str, why: str, field: str
) -> None:
    value = f'"Ab {escaped}cd"'
    if field == "name":
        problems = _problems(tmp_path, "", value)
        expected_start = f"p.yaml:2: basics.name: contains character {label} at position 4 ("
    else:
        problems = _problems(tmp_path, f"summary: {value}\n")
        expected_start = f"p.yaml:3: summary: contains character {label} at position 4 ("
    assert len(problems) == 1
    assert problems[0].startswith(expected_start)
    assert why in problems[0]


def test_line_separators_become_line_breaks_in_multi_line_text(tmp_path: Path) -> None:
    profile = _load(tmp_path, 'summary: "First.\\u2028Second.\\u2029Third."\n')
    assert profile.summary == "First.\nSecond.\nThird."


@pytest.mark.parametrize(
    "name",
    [
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian: ZWNJ between letters
        "\u0928\u094d\u200d\u092f",  # Devanagari: ZWJ for a half form
        "Ana \U0001f469\u200d\U0001f4bb",  # emoji ZWJ sequence (woman technologist)
    ],
)
def test_joiners_allowed_where_scripts_need_them(tmp_path: Path, name: str) -> None:
    assert _load(tmp_path, "", name).basics.name == name


@pytest.mark.parametrize(
    ("name", "label", "position"),
    [
        ('"Ana\\u200dSmith"', "U+200D ZERO WIDTH JOINER", 4),
        ('"\\u200cAna"', "U+200C ZERO WIDTH NON-JOINER", 1),
    ],
)
def test_joiners_refused_between_latin_letters(
    tmp_path: Path, name: str, label: str, position: int
) -> None:
    assert _problems(tmp_path, "", name) == [
        f"p.yaml:2: basics.name: contains character {label} at position {position} "
        "(allowed only between letters of a joining script or inside an emoji)"
    ]


def test_text_is_nfc(tmp_path: Path) -> None:
    profile = _load(tmp_path, "summary: Cafe\u0301 nurse\n", "Mun\u0303oz")
    assert (profile.basics.name, profile.summary) == ("Mu\u00f1oz", "Caf\u00e9 nurse")


@pytest.mark.parametrize(
    ("field", "limit"),
    [("name", 200), ("headline", 200), ("location", 300)],
)
def test_single_line_lengths(tmp_path: Path, field: str, limit: int) -> None:
    body = "" if field == "name" else f"  {field}: {'y' * (limit + 1)}\n"
    name = "x" * (limit + 1) if field == "name" else "Ana"
    line = 2 if field == "name" else 3
    assert _problems(tmp_path, body, name) == [
        f"p.yaml:{line}: basics.{field}: too long: {limit + 1} characters "
        f"(at most {limit} characters)"
    ]
    body = "" if field == "name" else f"  {field}: {'y' * limit}\n"
    _load(tmp_path, body, "x" * limit if field == "name" else "Ana")


def test_empty_and_wrong_types_are_plain_words(tmp_path: Path) -> None:
    body = "skills:\n  - group: ''\n    items: []\n  - group: {a: b}\n    items: x\n"
    assert _problems(tmp_path, body) == [
        "p.yaml:4: skills[0].group: must not be empty",
        "p.yaml:5: skills[0].items: needs at least one item",
        "p.yaml:6: skills[1].group: expected text, got a mapping",
        "p.yaml:7: skills[1].items: expected a list (one '- item' per line), got text",
    ]


def _link(url: str) -> str:
    return f"  links:\n    - label: x\n      url: '{url}'\n"


@pytest.mark.parametrize(
    ("url", "stored"),
    [
        ("example.com/x", "https://example.com/x"),
        ("www.linkedin.com/in/ana", "https://www.linkedin.com/in/ana"),
        ("example.com:8080/a", "https://example.com:8080/a"),
        ("//example.com/a", "https://example.com/a"),
        ("HTTP://Example.com", "HTTP://Example.com"),
        ("mailto:ana@example.com", "mailto:ana@example.com"),
        ("tel:+1-555-0100", "tel:+1-555-0100"),
    ],
)
def test_link_urls_accepted(tmp_path: Path, url: str, stored: str) -> None:
    assert _load(tmp_path, _link(url)).basics.links[0].url == stored


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/etc/passwd", "looks like a file path, not a web address"),
        ("./cv.pdf", "looks like a file path, not a web address"),
        ("../cv.pdf", "looks like a file path, not a web address"),
        ("~/cv.pdf", "looks like a file path, not a web address"),
        ("C:\\Users\\ana\\cv.pdf", "looks like a file path, not a web address"),
        ("D:/cv.pdf", "looks like a file path, not a web address"),
        ("\\\\server\\share", "looks like a file path, not a web address"),
        ("file:///etc/passwd", "URL scheme 'file' not allowed"),
        ("javascript:alert(1)", "URL scheme 'javascript' not allowed"),
        ("data:text/html,x", "URL scheme 'data' not allowed"),
        ("https:///etc/passwd", "URL has no valid host"),
        ("https://", "URL has no valid host"),
        ("//etc/passwd", "URL has no valid host"),
        ("https://[::1", "URL has no valid host"),
        ("my website", "URL contains a space"),
        ("n/a", "not a web address"),
        ("mailto:", "mailto: URL is empty"),
    ],
)
def test_link_urls_refused(tmp_path: Path, url: str, message: str) -> None:
    problems = _problems(tmp_path, _link(url))
    assert len(problems) == 1
    assert problems[0].startswith(f"p.yaml:5: basics.links[0].url: {message}")


def test_project_url_cannot_be_a_phone_number(tmp_path: Path) -> None:
    body = "projects:\n  - name: P\n    url: 'tel:+15550100'\n"
    assert _problems(tmp_path, body) == [
        "p.yaml:5: projects[0].url: URL scheme 'tel' not allowed (use http, https or mailto)"
    ]


def test_refused_characters_are_exactly_those_xml_1_0_cannot_hold() -> None:
    """XML 1.0's Char production, code point by code point, against the compiled pattern."""
    from appkit.text import _NOT_XML10

    def xml_char(c: int) -> bool:
        return c in (0x9, 0xA, 0xD) or 0x20 <= c <= 0xD7FF or 0xE000 <= c <= 0xFFFD or c >= 0x10000

    wrong = [c for c in range(0x110000) if bool(_NOT_XML10.match(chr(c))) == xml_char(c)]
    assert wrong == []

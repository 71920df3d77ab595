"""Profile loading: strings stay strings, every problem is reported with file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from appkit.errors import InputError
from appkit.loading.read import load_model
from appkit.profile.model import Profile
from tests.conftest import DATA

INVALID = DATA / "invalid"

SELECT_LINK = "use http, https, mailto or tel"
# Every problem is exactly one line, file:line: field: message (no field for syntax errors).
EXPECTED = {
    "syntax.yaml": [
        "4: expected ',' or ']', but got '<stream end>' "
        "(while parsing a flow sequence started at line 3)"
    ],
    "unknown-field.yaml": ["6: experience[0].stat: unknown field; did you mean 'start'?"],
    "bad-date.yaml": [
        "9: experience[1].start: expected YYYY, YYYY-MM or YYYY-MM-DD, got '2020-13'"
    ],
    "missing-name.yaml": ["1: basics.name: required field is missing"],
    "control-char.yaml": [
        "2: basics.name: contains character U+0007 at position 4 (a control character; remove it)"
    ],
    "alias-bomb.yaml": ["1: YAML anchors and aliases are not allowed"],
    "duplicate-key.yaml": ["4: duplicate key 'email' (first at line 3)"],
    "python-tag.yaml": [
        "2: YAML tags such as 'tag:yaml.org,2002:python/object/apply:os.system' are not allowed"
    ],
    # YAML finds the line of a duplicate JSON key (the whole object is on line 1).
    "duplicate-key.json": ["1: duplicate key 'email' (first at line 1)"],
    # Nesting is refused before json or PyYAML recurse (was a 3,000-line RecursionError).
    "deep-600.json": [
        "1: summary[0][0]...: nesting is too deep (more than 50 levels of lists and mappings)"
    ],
    "deep-900.json": [
        "3: summary.a.a...: nesting is too deep (more than 50 levels of lists and mappings)"
    ],
    "deep-900.yaml": [
        "3: summary[0][0]...: nesting is too deep (more than 50 levels of lists and mappings)"
    ],
    # Raw control characters: YAML's reader error was two lines with no line number.
    "raw-control.yaml": [
        "2: basics.name: contains character U+0001 at column 12 (a control character; remove it)",
        "4: summary: contains character U+001B at column 14 (a control character; remove it)",
    ],
    "raw-c1.json": [
        "3: basics.name: contains character U+0093 at column 18 "
        "(a control character; remove it or re-save the file as UTF-8)",
        "3: basics.name: contains character U+0094 at column 25 "
        "(a control character; remove it or re-save the file as UTF-8)",
    ],
    "raw-line-separator.yaml": [
        "2: basics.name: contains character U+2028 LINE SEPARATOR at column 13 "
        "(a line separator; use an ordinary line break, or write it escaped in quotes)"
    ],
    "unicode-controls.yaml": [
        "2: basics.name: contains character U+2029 PARAGRAPH SEPARATOR at position 4 "
        "(a line break or invisible character; must be a single line)",
        "3: basics.headline: contains character U+202E RIGHT-TO-LEFT OVERRIDE at position 7 "
        "(a bidirectional control that reorders text; remove it)",
        "4: basics.location: contains character U+0085 at position 7 "
        "(a control character; remove it or re-save the file as UTF-8)",
        "5: summary: contains character U+2067 RIGHT-TO-LEFT ISOLATE at position 24 "
        "(a bidirectional control that reorders text; remove it)",
    ],
    # Strings count characters, lists count items (pydantic said "at most 5000 items").
    "long-text.yaml": [
        "3: summary: too long: 5001 characters (at most 5000 characters)",
        "8: experience[0].highlights: too many items: 31 (at most 30 items)",
    ],
    # A DOCX cannot hold a title or author over 255 characters: validate refuses it first.
    "long-name.yaml": ["2: basics.name: too long: 285 characters (at most 200 characters)"],
    "path-url.yaml": [
        f"5: basics.links[0].url: looks like a file path, not a web address ({SELECT_LINK})",
        f"7: basics.links[1].url: looks like a file path, not a web address ({SELECT_LINK})",
        f"9: basics.links[2].url: looks like a file path, not a web address ({SELECT_LINK})",
        f"11: basics.links[3].url: looks like a file path, not a web address ({SELECT_LINK})",
        f"13: basics.links[4].url: URL scheme 'ftp' not allowed ({SELECT_LINK})",
        "15: basics.links[5].url: URL has no valid host; write it like https://example.com/page",
    ],
}


def test_every_invalid_fixture_has_an_expectation() -> None:
    assert sorted(p.name for p in INVALID.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_profiles_report_file_line_field(name: str) -> None:
    with pytest.raises(InputError) as caught:
        load_model(INVALID / name, Profile, label=f"profiles/{name}")
    assert str(caught.value).splitlines() == [f"profiles/{name}:{line}" for line in EXPECTED[name]]
    assert len(caught.value.problems) == len(EXPECTED[name])


def test_python_tag_runs_nothing() -> None:
    with pytest.raises(InputError):
        load_model(INVALID / "python-tag.yaml", Profile)
    assert not Path("/tmp/appkit-pwn").exists()


def test_all_problems_reported_at_once(tmp_path: Path) -> None:
    bad = tmp_path / "ana.yaml"
    bad.write_text(
        "basics:\n  name: Ana\n  email: nope\nexperience:\n"
        "  - title: RN\n    organization: Mercy\n    start: 2020-13\n"
        "  - title: RN\n    organization: Mercy\n    stat: 2020-01\n"
    )
    with pytest.raises(InputError) as caught:
        load_model(bad, Profile, label="profiles/ana.yaml")
    lines = str(caught.value).splitlines()
    assert lines == [
        "profiles/ana.yaml:3: basics.email: not a valid e-mail address",
        "profiles/ana.yaml:7: experience[0].start: "
        "expected YYYY, YYYY-MM or YYYY-MM-DD, got '2020-13'",
        "profiles/ana.yaml:8: experience[1].start: required field is missing",
        "profiles/ana.yaml:10: experience[1].stat: unknown field; did you mean 'start'?",
    ]


def test_scalars_stay_strings(tmp_path: Path) -> None:
    profile = load_model(DATA / "profiles" / "full.yaml", Profile)
    assert profile.basics.phone == "0123 555 0199"
    assert profile.education[0].gpa == "3.50"
    odd = tmp_path / "odd.yaml"
    odd.write_text("basics:\n  name: 'Null'\n  phone: 0123\n  location: NO\n")
    loaded = load_model(odd, Profile)
    assert (loaded.basics.name, loaded.basics.phone, loaded.basics.location) == (
        "Null",
        "0123",
        "NO",
    )


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_bom_encodings_load_the_same(tmp_path: Path, encoding: str) -> None:
    text = (DATA / "profiles" / "full.yaml").read_text(encoding="utf-8").replace("\n", "\r\n")
    path = tmp_path / "bom.yaml"
    path.write_bytes(text.encode(encoding))
    assert load_model(path, Profile) == load_model(DATA / "profiles" / "full.yaml", Profile)


def test_latin1_and_nul_are_clear_errors(tmp_path: Path) -> None:
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("basics:\n  name: Jos\u00e9\n".encode("latin-1"))
    with pytest.raises(InputError, match=r"not UTF-8 \(byte 0xE9 at offset 19\)"):
        load_model(latin, Profile)
    nul = tmp_path / "nul.yaml"
    nul.write_bytes(b"basics:\n  name: A\x00\n")
    with pytest.raises(InputError, match="NUL byte at offset 17"):
        load_model(nul, Profile)


def test_json_profile_loads(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text('{"basics": {"name": "Ana", "phone": "0123"}, "experience": []}')
    assert load_model(path, Profile).basics.phone == "0123"


def test_unsafe_link_scheme_rejected(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "basics:\n  name: Ana\n  links:\n    - label: x\n      url: javascript:alert(1)\n"
    )
    with pytest.raises(
        InputError, match=r"p.yaml:5: basics.links\[0\].url: URL scheme 'javascript' not allowed"
    ):
        load_model(path, Profile)


def test_nfd_name_normalised(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("basics:\n  name: Jose\u0301\n", encoding="utf-8")
    assert load_model(path, Profile).basics.name == "Jos\u00e9"


def test_comma_inside_flow_list_item_is_caught(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "basics:\n  name: A\nskills:\n  - group: Systems\n"
        "    items: [Epic (Cadence, MyChart), Excel]\n"
    )
    with pytest.raises(
        InputError, match=r"p.yaml:4: skills\[0\]: item 'Epic \(Cadence' has an unbalanced"
    ):
        load_model(path, Profile)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("basics:\n  name: !!binary aGk=\n", "tags such as"),
        ("basics: {name: x}\n? [a, b]\n: 1\n", "mapping keys must be plain names"),
    ],
)
def test_tags_and_complex_keys_refused(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(text)
    with pytest.raises(InputError, match=message):
        load_model(path, Profile)


def test_devices_and_pipes_are_refused_without_reading(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    for path in (Path("/dev/zero"), fifo):
        with pytest.raises(InputError, match="not a regular file"):
            load_model(path, Profile)


@pytest.mark.parametrize(
    ("start", "end", "problem"),
    [
        ("2021-06", "2021", None),  # a year-only end runs to December
        ("2021-06-15", "2021-06-01", "end 2021-06-01 is before start 2021-06-15"),
        ("2027-03", "present", None),  # 'present' is judged against the documents' date
        ("2021-06", "Present", None),
        ("0000", "2020", "year 0 is out of range (1900-2100)"),
        ("2021-06", "soon", "expected YYYY, YYYY-MM or YYYY-MM-DD, got 'soon' or 'present'"),
    ],
)
def test_date_ranges(tmp_path: Path, start: str, end: str, problem: str | None) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        f"basics: {{name: A}}\nexperience:\n  - title: T\n    organization: O\n"
        f"    start: '{start}'\n    end: '{end}'\n"
    )
    if problem is None:
        load_model(path, Profile)
        return
    with pytest.raises(InputError) as caught:
        load_model(path, Profile)
    assert [p.message for p in caught.value.problems] == [problem]


def test_odd_keys_stay_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(f'basics: {{name: A}}\n"x\\ny\\u202e": 1\n{"k" * 50}: 2\nwork history: 3\n')
    with pytest.raises(InputError) as caught:
        load_model(path, Profile, label="p.yaml")
    assert str(caught.value).splitlines() == [
        "p.yaml:2: 'x\\u000ay\\u202e': unknown field",
        f"p.yaml:3: '{'k' * 40}...': unknown field",
        "p.yaml:4: 'work history': unknown field",
    ]


def test_json_with_tabs_keeps_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text('{\n\t"basics": {\n\t\t"name": "Ana",\n\t\t"email": "nope"\n\t}\n}\n')
    with pytest.raises(InputError) as caught:
        load_model(path, Profile, label="p.json")
    assert str(caught.value) == "p.json:4: basics.email: not a valid e-mail address"

"""Guides from YAML/JSON get the profiles' error behaviour: one line per problem, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from appkit.errors import InputError
from appkit.guide.library import load_guide

TOO_DEEP = "nesting is too deep (more than 50 levels of lists and mappings)"
MINIMAL = "title: Patient Navigator\nresponsibilities:\n  - Guide patients through care\n"


def _problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_guide(path)
    return str(caught.value).splitlines()


@pytest.mark.parametrize("levels", [600, 900])
def test_deep_json_guide(tmp_path: Path, levels: int) -> None:
    inner: object = "x"
    for _ in range(levels):
        inner = [inner]
    path = tmp_path / "g.json"
    text = '{\n  "title": "Navigator",\n  "responsibilities": ' + json.dumps(inner) + "\n}\n"
    path.write_text(text)
    assert _problems(path) == [f"{path}:3: responsibilities[0][0]...: {TOO_DEEP}"]


def test_deep_yaml_guide(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(MINIMAL + "pros: " + "[" * 600 + "x" + "]" * 600 + "\n")
    assert _problems(path) == [f"{path}:4: pros[0][0]...: {TOO_DEEP}"]


def test_raw_control_character_in_guide(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(MINIMAL.replace("Guide patients", "Guide\x0c patients"))
    assert _problems(path) == [
        f"{path}:3: responsibilities[0]: contains character U+000C at column 10 "
        "(a control character; remove it)"
    ]


def test_yaml_reader_error_without_read_text_has_a_line() -> None:
    from appkit.loading.read import parse_yaml

    with pytest.raises(InputError) as caught:
        parse_yaml("title: a\nb: c\x07\n", "g.yaml")
    assert str(caught.value) == (
        "g.yaml:2: contains character U+0007, which YAML does not allow; remove it"
    )


def test_guide_title_and_escaped_controls(tmp_path: Path) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(
        f"title: {'Coordinator ' * 20}\nresponsibilities:\n  - 'Guide \\u0085 patients'\n"
        '  - "Guide \\u0085 patients"\n'
    )
    assert _problems(path) == [
        f"{path}:1: title: too long: 239 characters (at most 200 characters)",
        f"{path}:4: responsibilities[1]: contains character U+0085 at position 7 "
        "(a control character; remove it or re-save the file as UTF-8)",
    ]


def test_text_guide_controls_have_lines(tmp_path: Path) -> None:
    path = tmp_path / "g.md"
    path.write_text("# Navigator\n\n## Responsibilities\n\n- Guide \u0093patients\u0094\n")
    problems = _problems(path)
    assert problems[0] == (
        f"{path}:5: contains character U+0093 at column 9 "
        "(a control character; remove it or re-save the file as UTF-8)"
    )


def test_deep_json_that_is_not_yaml_still_has_a_line(tmp_path: Path) -> None:
    # A tab before a value is JSON but not YAML: the line comes from the bracket count alone.
    path = tmp_path / "g.json"
    path.write_text('{\n"title":\t"N",\n"pros": ' + "[" * 60 + '"x"' + "]" * 60 + "}\n")
    assert _problems(path) == [f"{path}:3: {TOO_DEEP}"]


def test_guide_with_nothing_to_match(tmp_path: Path) -> None:
    """A guide may lack any section but must give the matcher duties or skills."""
    path = tmp_path / "g.yaml"
    path.write_text("title: Nurse\nsummary: Cares for patients.\n")
    assert _problems(path) == [
        f"{path}:1: a guide needs responsibilities or at least one skill or tool"
    ]
    skills_only = tmp_path / "s.yaml"
    skills_only.write_text("title: Nurse\nsoft_skills:\n  - name: Empathy\n")
    assert load_guide(skills_only).soft_skills[0].name == "Empathy"

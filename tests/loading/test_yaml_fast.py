"""The YAML reader on libyaml's events reads every file as PyYAML's own reader does: the same data,
the same node positions (error lines come from them) and, for a file with a problem, the same
error, because any problem is said again by PyYAML's reader."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from appkit.errors import InputError
from appkit.loading import yamlsafe
from tests.conftest import ROOT
from tests.hostile.profiles import ProfileFile, profile_files

pytestmark = pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML built without libyaml")

FILES = sorted(p for p in ROOT.rglob("*.yaml") if ".git" not in p.parts)


def _marks(node: Any) -> list[tuple[Any, ...]]:
    """Every node's kind, tag, value and start and end positions, depth first. An empty plain
    scalar in a flow (`{a: }`) covers no character, and libyaml places it one column later:
    only its line counts."""
    empty = isinstance(node, yaml.ScalarNode) and node.start_mark.index == node.end_mark.index
    start, end = node.start_mark, node.end_mark
    out = [
        (
            type(node).__name__,
            node.tag,
            node.value if isinstance(node, yaml.ScalarNode) else None,
            start.line,
            end.line,
            None if empty else (start.index, start.column, end.index, end.column),
        )
    ]
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            out += _marks(key) + _marks(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            out += _marks(item)
    return out


def _pure(text: str) -> tuple[Any, Any]:
    return yamlsafe._run(yamlsafe.SafeLoader, text)


def _outcome(text: str) -> str:
    try:
        data, _ = yamlsafe.parse_yaml(text, "p.yaml")
    except InputError as exc:
        return f"error: {exc}"
    return f"data: {data!r}"


def _pure_outcome(text: str) -> str:
    """`_outcome` with PyYAML's own reader only, as without libyaml."""
    saved = yamlsafe._FastLoader
    yamlsafe._FastLoader = None
    try:
        return _outcome(text)
    finally:
        yamlsafe._FastLoader = saved


def _same_reading(text: str) -> str:
    """Assert both readers give `text` the same data or error, and the same positions."""
    fast = _outcome(text)
    assert fast == _pure_outcome(text)
    if not fast.startswith("error: ") and (node := yamlsafe._load(text)[1]) is not None:
        assert _marks(node) == _marks(_pure(text)[1])  # positions make the error lines
    return fast


def test_there_are_real_files_to_compare() -> None:
    assert len(FILES) >= 30  # profiles, test data, designs, starter profile


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_real_files_read_the_same(path: Any) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        expected_data, expected_node = _pure(text)
    except Exception:  # noqa: BLE001 - a file of a test for bad YAML: the fallback says it
        pytest.skip("not valid YAML for appkit (a test's bad file)")
    assert yamlsafe.reads_alike(text)  # the fast path is the one taken
    data, node = yamlsafe._run(yamlsafe._FastLoader, text)
    assert data == expected_data
    assert (node is None) == (expected_node is None)
    if node is not None:
        assert _marks(node) == _marks(expected_node)


@pytest.mark.parametrize(
    ("text", "fast"),
    [
        ("name: Zoë 王小明 👩\u200d⚕️\r\nsummary: |\r\n  one\r\n  two\r\nx: [a, 'b']\r\n", True),
        ("a:\n  b:\n    - {c: d, e: [f, g], h: }\n# comment\n...\n", True),
        ('\ufeffname: محمد\nitems:\n  - e\u0301\n  - "\\u00e9"\n', False),  # libyaml skips U+FEFF
        ("name: a\ufeffb\n", False),
        ("a:\n  - b", False),  # no line break at the end: libyaml ends the blocks a line later
    ],
)
def test_positions_are_pyyamls(text: str, fast: bool) -> None:
    assert yamlsafe.reads_alike(text) is fast
    data, node = yamlsafe._load(text)
    expected_data, expected_node = _pure(text)
    assert data == expected_data and _marks(node) == _marks(expected_node)
    if fast:
        assert _marks(yamlsafe._run(yamlsafe._FastLoader, text)[1]) == _marks(expected_node)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(drawn=profile_files())
def test_hostile_files_give_the_same_data_or_the_same_error(drawn: ProfileFile) -> None:
    try:
        text = drawn.content.decode("utf-8")
    except UnicodeDecodeError:
        return  # read_text refuses it before any YAML reader sees it
    _same_reading(text)


# Pieces of YAML syntax, good and bad: random texts of them find where the two readers differ.
_PIECES = [*"ab: -[]{},#&*!|>'\"?%@`\n  \\xé王😀\x85\u2028\u2029\r\t", "\r\n", "...", "---"]
_PIECES += ["key: value\n", "- item\n", "%YAML 1.1\n", "%TAG ! x\n", "!!str ", "\\u00e9", "\\N"]
_PIECES += ["  - ", ": ", "|-\n", ">+\n", "'it''s'", '"a\\"b"', "\ufeff"]


@settings(max_examples=1500, deadline=None, suppress_health_check=list(HealthCheck))
@given(pieces=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30), newline=st.booleans())
def test_random_yaml_reads_the_same(pieces: list[str], newline: bool) -> None:
    _same_reading("".join(pieces) + ("\n" if newline else ""))


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb: [1, 2\n",  # an unclosed flow sequence
        "a: &x 1\nb: *x\n",  # an alias
        "a: !!python/object:os.system 1\n",  # a tag
        "a: 1\na: 2\n",  # a duplicate key
        "a:\n\t- 1\n",  # a tab for indentation
        "a: b: c\n",  # a mapping value where none may be
        "[" * 60 + "]" * 60,  # nested deeper than MAX_DEPTH
        "a: '\x07'\n",  # a control character
        "a\t\n",  # a tab libyaml would let through
    ],
)
def test_problems_are_told_in_pyyamls_words(text: str) -> None:
    assert _same_reading(text).startswith("error: ")


@pytest.mark.parametrize("text", ['{"a": 1,\n "a": 2}\n', "a: 1\na: 2\n"])
def test_compose_keeps_the_lines_of_a_file_with_a_duplicate_key(text: str) -> None:
    """JSON readers take the last of two equal keys: the JSON route still needs the lines."""
    node = yamlsafe.compose(text)
    assert isinstance(node, yaml.MappingNode) and node.value[1][0].start_mark.line == 1
    assert _outcome(text).startswith("error: ") and "duplicate key" in _outcome(text)

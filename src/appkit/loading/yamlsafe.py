"""A YAML reader for hostile input: strings only; no aliases, tags, duplicate keys or deep nesting.

It also maps positions back to field paths, so that errors found in the raw text or by pydantic
can name the line and the field (`experience[1].start`).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from appkit.errors import InputError

# A profile or guide is at most 5 levels deep; 50 leaves room for any honest file while keeping
# PyYAML's recursive composer (and pydantic) far from Python's recursion limit.
MAX_DEPTH = 50

Loc = tuple[int | str, ...]


class NestingError(yaml.MarkedYAMLError):
    """Lists and mappings nested deeper than MAX_DEPTH; `where` is the field path reached."""

    def __init__(self, mark: Any, where: Loc) -> None:
        super().__init__(problem=too_deep_message(), problem_mark=mark)
        self.where = where


def too_deep_message() -> str:
    return f"nesting is too deep (more than {MAX_DEPTH} levels of lists and mappings)"


class _Refusals:
    """What both loaders refuse while composing and constructing: aliases, tags, duplicate keys,
    keys that are not names, and nesting deeper than MAX_DEPTH."""

    _path: list[int | str]

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, "YAML anchors and aliases are not allowed", event.start_mark
            )
        if getattr(event, "tag", None) is not None and getattr(event, "tag", "") != "!":
            # !!binary, !!python/object and friends: a profile is plain text, never typed data.
            raise yaml.composer.ComposerError(
                None, None, f"YAML tags such as {event.tag!r} are not allowed", event.start_mark
            )
        # PyYAML calls compose_node(mapping, key_node) for a value, (sequence, i) for an item
        # and (mapping, None) for a key: that is enough to know the field path.
        step = index.value if isinstance(index, yaml.ScalarNode) else index
        self._path.append(step)
        try:
            if len(self._path) > MAX_DEPTH:
                where = tuple(p for p in self._path[1:] if p is not None)
                raise NestingError(event.start_mark, where)
            return super().compose_node(parent, index)
        finally:
            self._path.pop()

    def construct_mapping(self, node: Any, deep: bool = False) -> Any:  # type: ignore[override]
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(
                    None, None, "mapping keys must be plain names", key_node.start_mark
                )
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"duplicate key {key!r} (first at line {seen[key] + 1})",
                    key_node.start_mark,
                )
            seen[key] = key_node.start_mark.line
        return super().construct_mapping(node, deep)  # type: ignore[misc]


class SafeLoader(_Refusals, yaml.SafeLoader):
    """SafeLoader that keeps every scalar a string and refuses aliases, tags and duplicate keys."""

    def __init__(self, stream: str) -> None:
        yaml.SafeLoader.__init__(self, stream)
        self._path = []


# No implicit resolvers: every plain scalar is constructed as a str.
SafeLoader.yaml_implicit_resolvers = {}

_FastLoader: Any = None
_INDICATOR_COMMENT = re.compile(r"[|>][-+0-9]*#")
if yaml.__with_libyaml__:
    from yaml.composer import Composer
    from yaml.constructor import SafeConstructor
    from yaml.cyaml import CParser
    from yaml.resolver import Resolver

    class _FastLoader(_Refusals, Composer, CParser, SafeConstructor, Resolver):  # type: ignore[no-redef]
        """The same loader on libyaml's events: PyYAML's own scanner and parser are ~90% of the
        time of reading a profile. Composing (where the refusals are) stays Python's."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            self._path = []

    _FastLoader.yaml_implicit_resolvers = {}


def _load(text: str, construct: bool = True) -> tuple[Any, Any]:
    """(data, node tree) of `text` (data None unless `construct`): on libyaml's events when it is
    there and the text is one it reads as PyYAML does, else, and whenever that raises anything,
    with PyYAML's own reader, so a problem is always reported in PyYAML's words
    (tests/loading/test_yaml_fast.py)."""
    if _FastLoader is not None and reads_alike(text):
        try:
            return _run(_FastLoader, text, construct)
        except Exception:  # noqa: BLE001, S110 - said again, in the familiar words, just below
            pass
    return _run(SafeLoader, text, construct)


def reads_alike(text: str) -> bool:
    """Whether libyaml reads `text` as PyYAML does: the same data or error, and every node at
    the same place (positions make error lines and field paths). They disagree on U+FEFF (a
    byte-order mark, anywhere: libyaml does not count it), on where a block ends after a last
    line without a line break, and on a little malformed YAML libyaml lets through: some tabs
    (`a<TAB>`) and a comment straight after a block scalar's indicator (`|#`). Found by fuzzing
    both on random YAML pieces: 70,000 texts, no other difference."""
    if not text.endswith("\n") or "\ufeff" in text or "\t" in text:
        return False
    if _INDICATOR_COMMENT.search(text):
        return False
    return not yaml.reader.Reader.NON_PRINTABLE.search(text)  # PyYAML refuses these: its words


def _run(loader_class: Any, text: str, construct: bool = True) -> tuple[Any, Any]:
    loader = loader_class(text)  # PyYAML's reader checks every character here already
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if construct and node is not None else None
        return data, node
    finally:
        loader.dispose()


_MAX_KEY = 40


def _key(part: str) -> str:
    """A mapping key made safe for one terminal line: escaped, shortened."""
    if part.isidentifier() and len(part) <= _MAX_KEY:
        return part
    shown = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in part[:_MAX_KEY])
    return f"'{shown}{'...' if len(part) > _MAX_KEY else ''}'"


def where(loc: Loc) -> str:
    """A field path as users write it: ``experience[1].start``; odd keys are quoted and escaped."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{_key(part)}" if out else _key(part)
    return out


def compose(text: str) -> Any:
    """The node tree of `text` (for line numbers), raising YAMLError or NestingError; duplicate
    keys are for the constructor, so a JSON file with one still has its lines."""
    return _load(text, construct=False)[1]


def parse_yaml(text: str, file: str) -> tuple[Any, Any]:
    """Parse YAML (or JSON) text into plain data and the composed node tree (for line numbers)."""
    try:
        data, node = _load(text)
    except NestingError as exc:
        # The first steps are enough to find it: summary[0][0][0]... of 50 would not help.
        shown = where(exc.where[:3]) + ("..." if len(exc.where) > 3 else "")
        raise InputError.single(
            file, too_deep_message(), exc.problem_mark.line + 1, shown
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        message = str(exc.problem or exc.context or "invalid YAML")
        if exc.context and exc.context_mark and exc.problem:
            message += f" ({exc.context} started at line {exc.context_mark.line + 1})"
        raise InputError.single(file, message, line) from None
    except yaml.reader.ReaderError as exc:  # a character YAML refuses, when read_text did not
        line = text.count("\n", 0, exc.position) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise InputError.single(
            file, f"contains character U+{code:04X}, which YAML does not allow; remove it", line
        ) from None
    except yaml.YAMLError as exc:
        raise InputError.single(file, f"invalid YAML: {' '.join(str(exc).split())}") from None
    except RecursionError:  # belt and braces: MAX_DEPTH should stop it first
        raise InputError.single(file, too_deep_message()) from None
    return data, node


def path_at(node: Any, index: int, loc: Loc = ()) -> Loc | None:
    """The field path of the scalar (key or value) that covers character `index`, if any."""
    if isinstance(node, yaml.ScalarNode):
        return loc if node.start_mark.index <= index < node.end_mark.index else None
    children: list[tuple[Any, Loc]] = []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            children += [(key, (*loc, key.value)), (value, (*loc, key.value))]
    elif isinstance(node, yaml.SequenceNode):
        children = [(item, (*loc, i)) for i, item in enumerate(node.value)]
    for child, child_loc in children:
        covers = child.start_mark.index <= index <= child.end_mark.index
        if covers and (found := path_at(child, index, child_loc)) is not None:
            return found
    return None


def line_of(node: Any, loc: Loc) -> int | None:
    """Walk the composed YAML node tree along a pydantic error location; return a 1-based line."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == part), None)
            key = next((k for k, _ in node.value if k.value == part), None)
            if match is None:
                return line
            node, line = match, (key.start_mark.line + 1 if key is not None else line)
            if not isinstance(node, yaml.ScalarNode):
                continue
            line = node.start_mark.line + 1
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line

"""Read YAML or JSON input files safely and validate them into models, reporting every problem.

Scalars stay strings until pydantic converts them (`phone: 0123` stays "0123", `country: NO` stays
"NO"); anchors/aliases, duplicate keys, tags and deep nesting are refused (see yamlsafe). Every
problem is one line, ``file:line: field: message``, and all of them are reported at once.
"""

from __future__ import annotations

import json
import re
import stat
import unicodedata
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from appkit.errors import InputError, Problem
from appkit.loading.messages import message
from appkit.loading.yamlsafe import (
    MAX_DEPTH,
    compose,
    line_of,
    parse_yaml,
    path_at,
    too_deep_message,
    where,
)

__all__ = ["json_node", "load_model", "parse_yaml", "read_data", "read_text", "validate_data"]

M = TypeVar("M", bound=BaseModel)
MAX_BYTES = 2 * 1024 * 1024
STRUCTURED = (".yaml", ".yml", ".json")
# Characters refused anywhere in a file, even in a comment: C0 controls other than tab and line
# breaks, DEL, C1 controls and non-characters. (NUL is refused on the raw bytes, with its offset.)
_RAW_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# YAML counts U+2028/U+2029 as line breaks where editors do not, so structured files refuse them
# raw (escaped inside a string they are fine); in text guides and postings they are line breaks.
_RAW_SEPARATORS = re.compile("[\u2028\u2029]")
_RAW_REFUSED = re.compile(f"{_RAW_CONTROLS.pattern}|{_RAW_SEPARATORS.pattern}")
MAX_REPORTED = 20
# A JSON string (possibly unterminated) or a bracket: enough to measure nesting without parsing.
_JSON_TOKENS = re.compile(r'"(?:[^"\\\n]|\\.)*"?|[\[\]{}]')


def _decode(raw: bytes, file: str) -> str:
    if b"\x00" in raw and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        offset = raw.index(b"\x00")
        raise InputError.single(file, f"contains a NUL byte at offset {offset}")
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if raw.startswith(bom):
            return raw.decode(codec)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError.single(
            file,
            f"not UTF-8 (byte 0x{raw[exc.start]:02X} at offset {exc.start}); re-save it as UTF-8",
        ) from None


def read_text(path: Path, label: str | None = None) -> str:
    """Read a UTF-8 (or BOM-marked UTF-16) text file, with a size cap and clear errors."""
    file = label or str(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):  # /dev/zero or a pipe would never end
            raise InputError.single(file, "not a regular file")
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise InputError.single(file, f"file is too large (limit {MAX_BYTES} bytes)")
    except FileNotFoundError:
        raise InputError.single(file, "no such file") from None
    except IsADirectoryError:
        raise InputError.single(file, "is a directory, expected a file") from None
    except OSError as exc:
        raise InputError.single(file, f"cannot read: {exc.strerror}") from None
    text = _decode(raw, file).replace("\r\n", "\n").replace("\r", "\n")
    return _refuse_raw_characters(text, file, path.suffix.lower() in STRUCTURED)


def _raw_reason(char: str) -> str:
    if char in "\u2028\u2029":
        return "a line separator; use an ordinary line break, or write it escaped in quotes"
    if "\x7f" <= char <= "\x9f":
        return "a control character; remove it or re-save the file as UTF-8"
    return "a control character; remove it"


def _refuse_raw_characters(text: str, file: str, structured: bool) -> str:
    """Refuse control characters in the raw text, each with its line, column and field."""
    if not structured:
        text = _RAW_SEPARATORS.sub("\n", text)
    pattern = _RAW_REFUSED if structured else _RAW_CONTROLS
    found = list(islice(pattern.finditer(text), MAX_REPORTED))
    if not found:
        return text
    node = None
    if structured:  # the same text with harmless letters in their place tells the fields
        try:
            node = compose(pattern.sub("x", text))
        except (yaml.YAMLError, RecursionError):
            node = None
    problems = []
    for match in found:
        index = match.start()
        line = text.count("\n", 0, index) + 1
        column = index - text.rfind("\n", 0, index)
        name = unicodedata.name(match[0], "")
        label = f"U+{ord(match[0]):04X}" + (f" {name}" if name else "")
        loc = path_at(node, index) if node is not None else None
        problems.append(
            Problem(
                file,
                line,
                where(loc or ()),
                f"contains character {label} at column {column} ({_raw_reason(match[0])})",
            )
        )
    raise InputError(problems)


def _check_json_depth(text: str, file: str) -> None:
    """Refuse deep nesting before json (or PyYAML, for line numbers) can recurse into it."""
    depth = 0
    for token in _JSON_TOKENS.finditer(text):
        char = token[0][0]
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                try:  # JSON is YAML: the bounded composer names the field too
                    parse_yaml(text, file)
                except InputError as exc:
                    if exc.problems[0].message == too_deep_message():
                        raise
                line = text.count("\n", 0, token.start()) + 1
                raise InputError.single(file, too_deep_message(), line)
        elif char in "]}":
            depth -= 1


def _json_data(text: str, file: str) -> Any:
    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        if dup := next((k for k in keys if keys.count(k) > 1), None):
            raise ValueError(f"duplicate key {dup!r}")
        return dict(pairs)

    def no_constants(name: str) -> Any:
        raise ValueError(f"{name} is not allowed")

    _check_json_depth(text, file)
    try:
        return json.loads(text, object_pairs_hook=no_duplicates, parse_constant=no_constants)
    except json.JSONDecodeError as exc:
        raise InputError.single(file, f"{exc.msg} (column {exc.colno})", exc.lineno) from None
    except ValueError as exc:
        # YAML knows the line of a duplicate key; raises if it sees it (tabs between tokens: spaces)
        parse_yaml(text.replace("\t", " "), file)
        raise InputError.single(file, str(exc)) from None
    except RecursionError:  # belt and braces: _check_json_depth should stop it first
        raise InputError.single(file, too_deep_message()) from None


def validate_data(data: Any, node: Any, model: type[M], file: str) -> M:
    """Validate plain data into `model`, turning every pydantic error into a located Problem."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        # The input is used to tell text from lists in messages; it is never printed.
        for err in exc.errors(include_input=True):
            loc = tuple(
                p
                for p in err["loc"]
                if not (isinstance(p, str) and p.startswith(("function-", "literal[")))
            )
            loc = tuple(p for p in loc if p not in ("str", "int"))
            problems.append(Problem(file, line_of(node, loc), where(loc), message(err, model, loc)))
        # Compiler order: by line (stable, so a line's problems keep pydantic's field order).
        problems.sort(key=lambda p: p.line if p.line is not None else 1 << 30)
        raise InputError(problems) from None


def read_data(path: Path | str, label: str | None = None) -> tuple[dict[str, Any], Any]:
    """The top-level mapping of a YAML or JSON file and its YAML node (for line numbers, or None).

    Raises InputError for anything unreadable, including a JSON duplicate key (a caller that
    tolerates those, such as the JSON Resume reader, catches it and reads leniently).
    """
    path = Path(path)
    file = label or str(path)
    text = read_text(path, file)
    if path.suffix.lower() == ".json":
        data = _json_data(text, file)
        node = json_node(text)
    else:
        data, node = parse_yaml(text, file)
    if not isinstance(data, dict):
        raise InputError.single(file, "expected a mapping of fields at the top level", 1)
    return data, node


def json_node(text: str) -> Any:
    """JSON is YAML (once tabs, legal only between tokens here, are spaces): its node has lines."""
    try:
        return compose(text.replace("\t", " "))
    except (yaml.YAMLError, RecursionError):
        return None


def load_model(path: Path | str, model: type[M], label: str | None = None) -> M:
    """Load a YAML or JSON file into `model`; raise InputError listing every problem."""
    file = label or str(path)
    data, node = read_data(path, label)
    return validate_data(data, node, model, file)

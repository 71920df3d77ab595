"""Read YAML or JSON input files safely and validate them into models, reporting every problem.

Scalars stay strings until pydantic converts them (`phone: 0123` stays "0123", `country: NO` stays
"NO"); anchors/aliases, duplicate keys and tags are refused. Errors carry file, line and field path.
"""

from __future__ import annotations

import difflib
import json
import stat
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from appkit.errors import InputError, Problem

M = TypeVar("M", bound=BaseModel)
MAX_BYTES = 2 * 1024 * 1024


class _SafeLoader(yaml.SafeLoader):
    """SafeLoader that keeps every scalar a string and refuses aliases and duplicate keys."""

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
        return super().compose_node(parent, index)

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
        return super().construct_mapping(node, deep)


# No implicit resolvers: every plain scalar is constructed as a str.
_SafeLoader.yaml_implicit_resolvers = {}


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
    return _decode(raw, file).replace("\r\n", "\n")


def parse_yaml(text: str, file: str) -> tuple[Any, Any]:
    """Parse YAML (or JSON) text into plain data and the composed node tree (for line numbers)."""
    try:
        node = yaml.compose(text, Loader=_SafeLoader)
        data = yaml.load(text, Loader=_SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        message = str(exc.problem or exc.context or "invalid YAML")
        if exc.context and exc.context_mark and exc.problem:
            message += f" ({exc.context} started at line {exc.context_mark.line + 1})"
        raise InputError.single(file, message, line) from None
    except yaml.YAMLError as exc:
        raise InputError.single(file, f"invalid YAML: {exc}") from None
    except RecursionError:
        raise InputError.single(file, "nesting is too deep") from None
    return data, node


def _json_data(text: str, file: str) -> Any:
    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        if dup := next((k for k in keys if keys.count(k) > 1), None):
            raise ValueError(f"duplicate key {dup!r}")
        return dict(pairs)

    def no_constants(name: str) -> Any:
        raise ValueError(f"{name} is not allowed")

    try:
        return json.loads(text, object_pairs_hook=no_duplicates, parse_constant=no_constants)
    except json.JSONDecodeError as exc:
        raise InputError.single(file, exc.msg, exc.lineno) from None
    except ValueError as exc:
        raise InputError.single(file, str(exc)) from None
    except RecursionError:
        raise InputError.single(file, "nesting is too deep") from None


def _line_of(node: Any, loc: tuple[int | str, ...]) -> int | None:
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


def _where(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _message(err: Any, model: type[BaseModel], loc: tuple[int | str, ...]) -> str:
    kind = err["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        fields = _fields_at(model, loc[:-1])
        hint = difflib.get_close_matches(str(loc[-1]), fields, n=1)
        return "unknown field" + (f"; did you mean '{hint[0]}'?" if hint else "")
    if kind == "string_pattern_mismatch" and loc and loc[-1] == "email":
        return "not a valid e-mail address"
    msg = str(err["msg"])
    return msg.removeprefix("Value error, ")


def _fields_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """Field names of the (sub)model at `loc`, for 'did you mean' hints."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or not hasattr(current, "model_fields"):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return []
        current = _inner_model(field.annotation)
    return list(current.model_fields) if hasattr(current, "model_fields") else []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        if (found := _inner_model(arg)) is not None:
            return found
    return None


def validate_data(data: Any, node: Any, model: type[M], file: str) -> M:
    """Validate plain data into `model`, turning every pydantic error into a located Problem."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_input=False):
            loc = tuple(
                p
                for p in err["loc"]
                if not (isinstance(p, str) and p.startswith(("function-", "literal[")))
            )
            loc = tuple(p for p in loc if p not in ("str", "int"))
            problems.append(
                Problem(file, _line_of(node, loc), _where(loc), _message(err, model, loc))
            )
        raise InputError(problems) from None


def load_model(path: Path | str, model: type[M], label: str | None = None) -> M:
    """Load a YAML or JSON file into `model`; raise InputError listing every problem."""
    path = Path(path)
    file = label or str(path)
    text = read_text(path, file)
    if path.suffix.lower() == ".json":
        data = _json_data(text, file)
        try:  # JSON is YAML: compose it only to learn line numbers
            node = yaml.compose(text, Loader=_SafeLoader)
        except yaml.YAMLError:
            node = None
    else:
        data, node = parse_yaml(text, file)
    if not isinstance(data, dict):
        raise InputError.single(file, "expected a mapping of fields at the top level", 1)
    return validate_data(data, node, model, file)

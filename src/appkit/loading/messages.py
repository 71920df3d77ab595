"""Pydantic validation errors in the user's words: never a raw pydantic message.

A field value is never quoted back (it may be long or private); only its kind and length.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel

Loc = tuple[int | str, ...]

_TYPE_MESSAGES = {
    "string_type": "expected text",
    "list_type": "expected a list (one '- item' per line)",
    "model_type": "expected a mapping of fields",
    "model_attributes_type": "expected a mapping of fields",
    "dict_type": "expected a mapping of fields",
    "int_parsing": "expected a whole number",
    "int_type": "expected a whole number",
    "int_from_float": "expected a whole number",
    "float_parsing": "expected a number",
    "float_type": "expected a number",
    "bool_parsing": "expected true or false",
    "bool_type": "expected true or false",
}
_BOUNDS = {
    "greater_than_equal": ("ge", "must be at least {}"),
    "greater_than": ("gt", "must be more than {}"),
    "less_than_equal": ("le", "must be at most {}"),
    "less_than": ("lt", "must be less than {}"),
}


def _kind_of(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _length_message(kind: str, ctx: dict[str, Any], value: Any) -> str:
    is_text = isinstance(value, str)
    count = len(value) if isinstance(value, str | list | dict) else ctx.get("actual_length")
    if kind.endswith("too_long"):
        limit = ctx["max_length"]
        if is_text:
            return f"too long: {count} characters (at most {limit} characters)"
        return f"too many items: {count} (at most {limit} items)"
    limit = ctx["min_length"]
    if limit == 1:
        return "must not be empty" if is_text else "needs at least one item"
    if is_text:
        return f"too short: {count} characters (at least {limit} characters)"
    return f"too few items: {count} (at least {limit} items)"


def message(err: Any, model: type[BaseModel], loc: Loc) -> str:
    """One clear sentence for one pydantic error (`err` from ``errors(include_input=True)``)."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    value = err.get("input")
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        fields = _fields_at(model, loc[:-1])
        hint = difflib.get_close_matches(str(loc[-1]), fields, n=1)
        return "unknown field" + (f"; did you mean '{hint[0]}'?" if hint else "")
    if kind in ("too_long", "string_too_long", "too_short", "string_too_short"):
        return _length_message(kind, ctx, value)
    if kind == "string_pattern_mismatch":
        if loc and loc[-1] == "email":
            return "not a valid e-mail address"
        return "not in the expected format"
    if kind in _TYPE_MESSAGES:
        return f"{_TYPE_MESSAGES[kind]}, got {_kind_of(value)}"
    if kind in _BOUNDS:
        key, template = _BOUNDS[kind]
        return template.format(ctx.get(key))
    text = str(err["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if text.startswith("Input should be "):
        return "expected " + text.removeprefix("Input should be ")
    return text


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
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

"""Models rebuilt from data appkit dumped itself and ships, without building their validators.

Building a pydantic validator is the dearest part of a one-off command: ~25 ms for the guide model,
more than `appkit match` spends matching. A built-in guide is parsed and validated once, when it is
packed (scripts/build_guides.py), so loading it again only has to put the same values back into
the same classes. `construct` does that with `model_construct`, checking on the way that the data
still has the shape of the model: a field the model does not know, a value of the wrong type or a
model that changed since the data was written (`shape` differs) raises `UntrustedError`, and the
caller validates as usual. Never use it for anything a user wrote.
"""

from __future__ import annotations

import hashlib
import types
import typing
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

_UNIONS = (Union, types.UnionType)


class UntrustedError(Exception):
    """The data does not have the model's shape: validate it instead."""


@cache
def shape(model: type[BaseModel]) -> str:
    """A short digest of the model's fields and types, nested models included: data written for one
    shape is not constructed into another."""
    seen: set[type] = set()
    return hashlib.sha256(_describe(model, seen).encode()).hexdigest()[:16]


def _describe(annotation: Any, seen: set[type]) -> str:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in seen:
            return annotation.__qualname__
        seen.add(annotation)
        fields = ",".join(
            f"{name}:{_describe(field.annotation, seen)}"
            for name, field in annotation.model_fields.items()
        )
        return f"{annotation.__qualname__}{{{fields}}}"
    origin = get_origin(annotation)
    if origin is typing.Annotated:
        return _describe(get_args(annotation)[0], seen)
    if origin is Literal:
        return f"Literal{list(get_args(annotation))!r}"
    if origin is not None:
        name = "Union" if origin in _UNIONS else getattr(origin, "__name__", repr(origin))
        return f"{name}[{','.join(_describe(a, seen) for a in get_args(annotation))}]"
    return getattr(annotation, "__name__", repr(annotation))


def construct(model: type[BaseModel], data: Any) -> Any:
    """`model` holding `data` (as `model_dump(mode="json")` wrote it) without validating it."""
    return _value(model, data)


def _value(annotation: Any, value: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if not isinstance(value, dict):
            raise UntrustedError(f"{annotation.__name__}: expected an object")
        fields = annotation.model_fields
        unknown = set(value) - set(fields)
        if unknown:
            raise UntrustedError(f"{annotation.__name__}: unknown fields {sorted(unknown)}")
        values = {name: _value(fields[name].annotation, item) for name, item in value.items()}
        return annotation.model_construct(**values)
    origin = get_origin(annotation)
    args = get_args(annotation)
    if origin is typing.Annotated:
        return _value(args[0], value)
    if origin in _UNIONS:
        return _union(args, value)
    if origin in (list, tuple) and isinstance(value, list):
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            raise UntrustedError(f"fixed-length tuple {annotation!r}")
        items = [_value(args[0], item) for item in value]
        return items if origin is list else tuple(items)
    if origin is Literal and value in args:
        return value
    if annotation in (str, int, float, bool) and type(value) is annotation:
        return value
    if annotation is type(None) and value is None:
        return None
    raise UntrustedError(f"{value!r:.40} is not {annotation!r:.60}")


def _union(members: tuple[Any, ...], value: Any) -> Any:
    for member in members:  # the first member the value fits, as a smart-mode union would pick
        try:
            return _value(member, value)
        except UntrustedError:
            continue
    raise UntrustedError(f"{value!r:.40} fits no member of {members!r:.60}")

"""Read-only data views: what a template sees instead of live pydantic models.

A pydantic model carries methods that parse, load or evaluate (`parse_raw(..., allow_pickle=True)`,
`parse_file(path)`, `model_validate_json`, `model_fields[...].annotation` leading to classes). A
template that reaches one can run code, so templates never get a model: `to_view` copies the
data into `DataView` records (attributes only, no methods of their own), tuples for lists,
read-only mappings for dicts, and plain strings, numbers, booleans and None for scalars. Model
properties (`job.dates`, `point.clause`, …) are evaluated once here and become plain attributes.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping
from datetime import date, datetime
from functools import cache
from types import MappingProxyType
from typing import Any

from markupsafe import Markup
from pydantic import BaseModel

__all__ = ["DataView", "to_view"]

_SCALARS = (bool, int, float, type(None))


class DataView:
    """An immutable record of named values, read by attribute (`job.title`, `group.items`).

    Deliberately method-free: every public attribute is data. Field names such as `items` or
    `get` are therefore the data, not dict methods. Dunder methods exist for Python's protocols
    only; the sandbox refuses names starting with an underscore.
    """

    __slots__ = ("_values",)
    _values: dict[str, Any]

    def __init__(self, values: dict[str, Any]) -> None:
        object.__setattr__(self, "_values", values)

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")

    def __dir__(self) -> list[str]:
        return sorted(self._values)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values == other._values  # type: ignore[attr-defined, no-any-return]

    def __hash__(self) -> int:  # equal views have equal field names: consistent with __eq__
        return hash((type(self).__name__, tuple(self._values)))

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"


@cache
def _view_class(name: str) -> type[DataView]:
    """A DataView subclass named after the model, so error messages name what was read."""
    return type(name, (DataView,), {"__slots__": (), "__module__": "template"})


def _attribute_names(cls: type) -> list[str]:
    """Fields first, then the public properties the class (not pydantic) defines."""
    names: list[str] = []
    if issubclass(cls, BaseModel):
        names += list(cls.model_fields) + list(cls.model_computed_fields)
    elif dataclasses.is_dataclass(cls):
        names += [f.name for f in dataclasses.fields(cls)]
    for klass in reversed(cls.__mro__):
        if klass.__module__.split(".")[0] in ("pydantic", "builtins"):
            continue
        for name, attr in vars(klass).items():
            if isinstance(attr, property) and not name.startswith("_") and name not in names:
                names.append(name)
    return names


def _record(value: Any, memo: dict[int, tuple[Any, Any]]) -> DataView:
    values: dict[str, Any] = {}
    for name in _attribute_names(type(value)):
        try:
            attribute = getattr(value, name)
        except Exception:  # a property that fails would have failed in the template too
            continue
        values[name] = to_view(attribute, memo)
    return _view_class(type(value).__name__)(values)


def to_view(value: Any, memo: dict[int, tuple[Any, Any]] | None = None) -> Any:
    """`value` as plain read-only data for a template; TypeError for anything unexpected."""
    memo = {} if memo is None else memo
    if isinstance(value, _SCALARS) or type(value) is str or type(value) is Markup:
        return value
    if id(value) in memo:
        return memo[id(value)][1]
    view: Any
    if isinstance(value, DataView):
        view = value
    elif isinstance(value, enum.Enum):
        view = to_view(value.value, memo)
    elif isinstance(value, str):  # str subclasses (StrEnum handled above) as the plain string
        view = str.__str__(value)
    elif isinstance(value, (date, datetime)):
        view = value.isoformat()
    elif isinstance(value, BaseModel) or (
        dataclasses.is_dataclass(value) and not isinstance(value, type)
    ):
        view = _record(value, memo)
    elif isinstance(value, Mapping):
        view = MappingProxyType({key: to_view(item, memo) for key, item in value.items()})
    elif isinstance(value, (list, tuple, set, frozenset)):
        view = tuple(to_view(item, memo) for item in value)
    else:
        raise TypeError(f"{type(value).__name__} cannot be handed to a template")
    memo[id(value)] = (value, view)  # keeping `value` alive keeps its id unique
    return view

"""Where templates come from: user folders first, then the built-ins, in Jinja's sandbox.

Search order: every `--templates DIR` (in order), installed theme packages, then appkit's built-in
`templates/`. A user
template may extend the built-in it replaces as `{% extends "!builtin/resume/classic.html" %}`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

import jinja2
from jinja2.runtime import BlockReference, LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment, safe_range
from jinja2.utils import Cycler, Joiner, Namespace, generate_lorem_ipsum
from markupsafe import Markup
from pydantic import BaseModel

from appkit.dates import format_date
from appkit.resources import builtin_dir

Kind = str  # "resume" | "cover" | "interview" | "report"
_MAX_POWER_BITS = 4096
_MAX_REPEAT = 100_000


class _SafeFileLoader(jinja2.FileSystemLoader):
    """FileSystemLoader that refuses symlinks and anything resolving outside its folder."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        root = Path(self.searchpath[0]).resolve()
        path = Path(filename)
        if path.is_symlink() or not path.resolve().is_relative_to(root):
            raise jinja2.TemplateNotFound(
                f"{template} (symlinks and files outside {root.name}/ are refused)"
            )
        return source, filename, uptodate


# Callables a template may call, beyond macros, blocks and Jinja's own helpers. Everything else
# (a model's parse_raw/parse_file, a class, a function that slipped into the data) is refused.
SAFE_STR_METHODS = frozenset(
    {
        "capitalize", "casefold", "count", "endswith", "find", "format", "index", "isalnum",
        "isalpha", "isdigit", "islower", "isnumeric", "isspace", "istitle", "isupper", "lower",
        "lstrip", "partition", "removeprefix", "removesuffix", "replace", "rfind", "rindex",
        "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip",
        "swapcase", "title", "upper", "join",
    }
)  # fmt: skip
SAFE_METHODS: dict[type, frozenset[str]] = {
    str: SAFE_STR_METHODS,
    Markup: SAFE_STR_METHODS | {"striptags", "unescape"},
    tuple: frozenset({"count", "index"}),
    list: frozenset({"count", "index"}),
    dict: frozenset({"get", "items", "keys", "values"}),
    MappingProxyType: frozenset({"get", "items", "keys", "values"}),
}
_JINJA_CALLABLES = (Macro, BlockReference, LoopContext, Joiner, Cycler)
_JINJA_GLOBALS = (safe_range, dict, Namespace, Cycler, Joiner, generate_lorem_ipsum)


def allowed_callable(obj: Any) -> bool:
    """True for the callables a template may call (see SAFE_METHODS)."""
    if isinstance(obj, jinja2.Undefined):  # calling it raises "... has no attribute ..."
        return True
    if isinstance(obj, _JINJA_CALLABLES) or any(obj is known for known in _JINJA_GLOBALS):
        return True
    wrapped = getattr(obj, "__wrapped__", None)
    code = getattr(obj, "__code__", None)
    if getattr(code, "co_qualname", "").startswith("SandboxedEnvironment.wrap_str_format"):
        obj = wrapped  # the sandbox's own safe stand-in for str.format / str.format_map
    owner = getattr(obj, "__self__", None)
    if isinstance(owner, (LoopContext, Cycler)):  # loop.cycle, loop.changed, cycler.next
        return True
    name = getattr(obj, "__name__", "")
    return type(owner) in SAFE_METHODS and name in SAFE_METHODS[type(owner)]


class _Environment(ImmutableSandboxedEnvironment):
    """The sandbox, plus limits on the arithmetic that can freeze a render (`10**10000000`).

    Templates receive read-only data views (appkit.render.dataview); as a second layer, attributes
    that are classes or live pydantic models are refused, and so is calling anything outside
    `allowed_callable`.
    """

    intercepted_binops = frozenset({"**", "*"})

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, BaseModel) or isinstance(value, (type, BaseModel)):
            return False
        return super().is_safe_attribute(obj, attr, value)

    def is_safe_callable(self, obj: Any) -> bool:
        return allowed_callable(obj) and super().is_safe_callable(obj)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        ints = isinstance(left, int) and isinstance(right, int)
        bits = abs(right) * max(abs(left), 2).bit_length() if ints else 0
        if operator == "**" and bits > _MAX_POWER_BITS:
            raise jinja2.sandbox.SecurityError("power is too large")
        sized = isinstance(left, (str, list, tuple)) and isinstance(right, int)
        if operator == "*" and sized and len(left) * right > _MAX_REPEAT:
            raise jinja2.sandbox.SecurityError("repetition is too large")
        return super().call_binop(context, operator, left, right)


def display_url(url: str) -> str:
    """An address as a resume prints it: 'https://www.x.com/in/a/' -> 'x.com/in/a'.

    Printed rather than hidden behind a word ("LinkedIn"): parsers and paper only see the text."""
    text = re.sub(r"^(?:https?://|mailto:)", "", str(url).strip(), flags=re.I)
    return re.sub(r"^www\.", "", text, flags=re.I).rstrip("/")


def search_path(user_dirs: Sequence[Path] = ()) -> list[Path]:
    """The folders searched for templates and assets, highest priority first: `--templates`
    folders, installed theme packages (appkit.render.themeloader), the built-ins."""
    from appkit.render.themeloader import package_dirs

    packages = [folder for _, folder in package_dirs()]
    return [Path(d).resolve() for d in user_dirs] + packages + [builtin_dir("templates")]


def environment(user_dirs: tuple[Path, ...] = ()) -> jinja2.Environment:
    """A new sandboxed Jinja environment for this search path; `TemplateEnvironments` keeps it."""
    builtin = _SafeFileLoader(str(builtin_dir("templates")))
    loader = jinja2.ChoiceLoader(
        [
            *(_SafeFileLoader(str(d)) for d in search_path(user_dirs)[:-1]),
            builtin,
            jinja2.PrefixLoader({"!builtin": builtin}, delimiter="/"),
        ]
    )
    env = _Environment(
        loader=loader,
        # Always escape: select_autoescape() would skip names such as resume.html.j2.
        autoescape=True,
        # A typo such as {{ profile.nmae }} must fail loudly, not print nothing.
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["fmt_date"] = format_date
    env.filters["display_url"] = display_url
    return env


class TemplateEnvironments:
    """The Jinja environments (and so the compiled templates) of one engine, one per search path."""

    def __init__(self) -> None:
        self._environments: dict[tuple[Path, ...], jinja2.Environment] = {}

    def get(self, user_dirs: Sequence[Path] = ()) -> jinja2.Environment:
        """The environment for these user folders, built on first use."""
        key = tuple(Path(d) for d in user_dirs)
        if key not in self._environments:
            self._environments[key] = environment(key)
        return self._environments[key]


def list_templates(user_dirs: Sequence[Path] = ()) -> list[tuple[str, str]]:
    """Every document template as (name, where it resolves from), user overrides marked."""
    seen: dict[str, str] = {}
    for folder in search_path(user_dirs):
        origin = "builtin" if folder == builtin_dir("templates") else str(folder)
        for root, _, files in os.walk(folder):
            for name in files:
                if name.endswith(".html"):
                    rel = (Path(root) / name).relative_to(folder).as_posix()
                    seen.setdefault(rel, origin)
    return sorted(seen.items())

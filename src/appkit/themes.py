"""Where templates come from: user folders first, then the built-ins, in Jinja's sandbox.

Search order: every `--templates DIR` (in order), then appkit's built-in `templates/`. A user
template may extend the built-in it replaces as `{% extends "!builtin/resume/classic.html" %}`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from appkit.models import format_date
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


class _Environment(ImmutableSandboxedEnvironment):
    """The sandbox, plus limits on the arithmetic that can freeze a render (`10**10000000`)."""

    intercepted_binops = frozenset({"**", "*"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        ints = isinstance(left, int) and isinstance(right, int)
        bits = abs(right) * max(abs(left), 2).bit_length() if ints else 0
        if operator == "**" and bits > _MAX_POWER_BITS:
            raise jinja2.sandbox.SecurityError("power is too large")
        sized = isinstance(left, (str, list)) and isinstance(right, int)
        if operator == "*" and sized and len(left) * right > _MAX_REPEAT:
            raise jinja2.sandbox.SecurityError("repetition is too large")
        return super().call_binop(context, operator, left, right)


def search_path(user_dirs: Sequence[Path] = ()) -> list[Path]:
    """The folders searched for templates and assets, highest priority first."""
    return [Path(d).resolve() for d in user_dirs] + [builtin_dir("templates")]


@cache
def environment(user_dirs: tuple[Path, ...] = ()) -> jinja2.Environment:
    """The sandboxed Jinja environment for this search path (built once per process)."""
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
    return env


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

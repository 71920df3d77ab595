"""Trial renders for `appkit templates check`: fill a theme's templates with sample data and record
every undefined value and sandbox refusal, with its template file and line, instead of stopping
at the first one as a real render does.

The environment is appkit's own (same loaders, sandbox and filters, see appkit.render.themes);
only two things change for the trial: the undefined value records its first use and then behaves
as an empty value (so the render goes on to the next problem), and a refused attribute or call
is recorded and replaced by such a value instead of raising SecurityError.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import jinja2
from jinja2.sandbox import SecurityError
from pydantic import BaseModel

from appkit.render.dataview import DataView
from appkit.render.themes import environment, search_path
from appkit.suggest import did_you_mean


@dataclass(frozen=True, order=True)
class Problem:
    """One finding: `file` is shown relative to the checked folder (or as !builtin/...)."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass
class Findings:
    """The problems found so far, each once, with file names shown relative to `folder`."""

    folder: Path
    problems: set[Problem] = field(default_factory=set)

    def display(self, filename: str | None) -> str:
        if not filename:
            return "?"
        path = Path(filename).resolve()
        if path.is_relative_to(self.folder):
            return path.relative_to(self.folder).as_posix()
        builtin = search_path()[-1]
        if path.is_relative_to(builtin):
            return "!builtin/" + path.relative_to(builtin).as_posix()
        return path.name

    def add(self, filename: str | None, line: int | None, message: str) -> None:
        self.problems.add(Problem(self.display(filename), line or 0, message))


def undefined_variable(name: str, known: Iterable[str]) -> str:
    """The message for a name no template variable, global or assignment provides."""
    return f"undefined variable '{name}'{did_you_mean(name, known)}"


def unsafe_attribute(name: str) -> str:
    """The message for an attribute the sandbox refuses (`__class__`, `_values`, ...)."""
    return f"sandbox: attribute '{name}' is refused (names starting with '_' are private)"


def _fields_of(obj: Any) -> list[str]:
    if isinstance(obj, DataView):
        return dir(obj)
    if isinstance(obj, (dict, MappingProxyType)):
        return [str(key) for key in obj]
    return []


def _attribute_message(obj: Any, name: Any) -> str:
    """'profile.basics.nmae' is reported as: undefined attribute 'nmae' of Basics; did you ..."""
    if isinstance(name, str) and hasattr(BaseModel, name):
        return f"sandbox: '{name}' is a pydantic method; templates get read-only data, not models"
    owner = type(obj).__name__
    return f"undefined attribute '{name}' of {owner}{did_you_mean(str(name), _fields_of(obj))}"


def _template_frame() -> tuple[str | None, int | None]:
    """The template file and line running now: the innermost frame of compiled template code."""
    frame = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            return template.filename, template.get_corresponding_lineno(frame.f_lineno)
        frame = frame.f_back  # type: ignore[assignment]
    return None, None


def traceback_line(exc: BaseException) -> tuple[str | None, int | None]:
    """Jinja rewrites tracebacks so template frames carry the template file and line."""
    for entry in reversed(traceback.extract_tb(exc.__traceback__)):
        if entry.filename.endswith((".html", ".htm", ".j2", ".xml")):
            return entry.filename, entry.lineno
    return None, None


def _recording_undefined(findings: Findings, known: list[str]) -> type[jinja2.Undefined]:
    """An Undefined that records its first use (where StrictUndefined would raise), then acts
    as an empty value; what it returns (attributes, items, calls) is silent, so one typo is
    one finding."""

    class Recording(jinja2.Undefined):
        __slots__ = ("_silent",)

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._silent = False

        def _record(self) -> None:
            if self._silent:
                return
            self._silent = True
            if self._undefined_hint:
                message = f"sandbox: {self._undefined_hint}"
            elif self._undefined_obj is jinja2.utils.missing:
                message = undefined_variable(str(self._undefined_name), known)
            else:
                message = _attribute_message(self._undefined_obj, self._undefined_name)
            findings.add(*_template_frame(), message)

        def _quiet(self) -> Recording:
            quiet = Recording()
            quiet._silent = True
            return quiet

        def _fail_with_undefined_error(self, *args: Any, **kwargs: Any) -> Any:
            self._record()
            return self._quiet()

        def __getattr__(self, name: str) -> Any:
            if name[:2] == "__":
                raise AttributeError(name)
            self._record()
            return self._quiet()

        def __str__(self) -> str:
            self._record()
            return ""

        def __iter__(self) -> Any:
            self._record()
            return iter(())

        def __bool__(self) -> bool:
            self._record()
            return False

        def __len__(self) -> int:
            self._record()
            return 0

        def __eq__(self, other: object) -> bool:
            self._record()
            return False

        def __ne__(self, other: object) -> bool:
            self._record()
            return True

        def __hash__(self) -> int:
            return id(self)

        def __contains__(self, item: object) -> bool:
            self._record()
            return False

        __getitem__ = __call__ = _fail_with_undefined_error

    return Recording


def trial_environment(folder: Path, findings: Findings, known: list[str]) -> jinja2.Environment:
    """appkit's sandboxed environment for `folder`, recording instead of stopping (see above)."""
    env = environment((folder,))
    recording = _recording_undefined(findings, known)
    env.undefined = recording
    sandbox_call: Callable[..., Any] = env.call

    def quiet() -> jinja2.Undefined:
        value = recording()
        value._silent = True  # type: ignore[attr-defined]
        return value

    def unsafe_undefined(obj: Any, attribute: str) -> jinja2.Undefined:
        file, line = _template_frame()
        if file:  # else Jinja is folding a constant (''.__class__): the source scan reports it
            findings.add(file, line, unsafe_attribute(attribute))
        return quiet()

    def call(context: Any, obj: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(obj, recording) or env.is_safe_callable(obj):
            return sandbox_call(context, obj, *args, **kwargs)
        name = getattr(obj, "__qualname__", None) or type(obj).__name__
        findings.add(*_template_frame(), f"sandbox: calling {name}() is refused")
        return quiet()

    # Instance attributes shadow the sandbox's methods for this environment only.
    env.unsafe_undefined = unsafe_undefined  # type: ignore[method-assign]
    env.call = call  # type: ignore[method-assign]
    return env


def trial_render(
    env: jinja2.Environment, name: str, variables: dict[str, Any], findings: Findings
) -> None:
    """Render template `name` once, recording what goes wrong (an error ends this render only)."""
    try:
        env.get_template(name).render(variables)
    except jinja2.TemplateSyntaxError as exc:
        findings.add(exc.filename, exc.lineno, f"syntax error: {exc.message}")
    except jinja2.TemplateNotFound as exc:
        file, line = traceback_line(exc)
        findings.add(file, line, f"template '{exc.name}' not found")
    except SecurityError as exc:
        file, line = traceback_line(exc)
        findings.add(file, line, f"sandbox: {exc}")
    except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as exc:
        file, line = traceback_line(exc)
        findings.add(file, line, f"{type(exc).__name__} in a trial render: {exc}")
    except RecursionError:
        findings.add(None, None, f"{name}: endless recursion in a trial render")

"""Errors appkit reports to its users.

    AppkitError            anything the user can fix; the CLI prints it without a traceback
    ├── InputError         profile, guide or posting files: syntax and schema,
    │                      all problems at once
    ├── TemplateError      a template that does not load, compile or render (template and line)
    └── RenderError        WeasyPrint / python-docx / file-system failures while writing a document

Any other exception is a bug in appkit and keeps its traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One problem in one input file, printed compiler-style: ``file:line: where: message``."""

    file: str
    line: int | None
    where: str
    message: str

    def __str__(self) -> str:
        location = self.file if self.line is None else f"{self.file}:{self.line}"
        return (
            f"{location}: {self.where}: {self.message}"
            if self.where
            else f"{location}: {self.message}"
        )


class AppkitError(Exception):
    """Base of every user-facing error."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(AppkitError):
    """One or more problems in an input file; ``problems`` holds them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(
        cls, file: str | Path, message: str, line: int | None = None, where: str = ""
    ) -> InputError:
        return cls([Problem(str(file), line, where, message)])


class TemplateError(AppkitError):
    """A template failed to load, compile or render."""

    def __init__(self, template: str, line: int | None, message: str) -> None:
        self.template = template
        self.line = line
        location = template if line is None else f"{template}:{line}"
        super().__init__(f"template {location}: {message}")


class RenderError(AppkitError):
    """Writing a PDF or DOCX failed."""

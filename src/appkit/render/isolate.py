"""Run untrusted rendering in a forked child with limits on time and memory.

Jinja's sandbox stops templates from reaching Python, but not from looping for hours, building
gigabyte strings (`"%0999999999d"|format(1)`) or handing WeasyPrint 60,000 paragraphs or a 12-px
page. Whatever a user's template drives (Jinja, WeasyPrint layout and PDF writing, the DOCX walk)
therefore runs in a child process: its address space is capped (RLIMIT_AS), it is killed with its
whole process group when the time is up, and the parent reports which step was running.

The child is made with os.fork and a pipe, not multiprocessing.Process, because the latter refuses
to start from a daemonic process (a multiprocessing.Pool or ProcessPoolExecutor worker). It inherits
the loaded modules and the render context, so nothing but the result crosses the pipe. Built-in
templates are trusted and stay in-process.
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import pickle
import resource
import signal
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from appkit.errors import AppkitError, InputError, RenderError, TemplateError
from appkit.render.limits import MIB, TEMPLATE_MEMORY, TEMPLATE_PAGES, TEMPLATE_SECONDS

T = TypeVar("T")

# What the child is doing, as the end of "took longer than 20 s to ..."
PHASES = {"fill": "fill in", "layout": "lay out", "pdf": "write as PDF", "docx": "write as DOCX"}


@dataclass(frozen=True)
class Limits:
    """How long, how much memory and how many pages one untrusted document may take."""

    seconds: float = TEMPLATE_SECONDS
    memory: int = TEMPLATE_MEMORY  # bytes of address space
    pages: int = TEMPLATE_PAGES


_report: Callable[[str], None] | None = None  # set in the child only


def in_child() -> bool:
    """True inside an isolated child: rendering there must not isolate again."""
    return _report is not None


def report_phase(phase: str) -> None:
    """Tell the parent which step (a PHASES key) runs now; a no-op outside a child."""
    if _report is not None:
        _report(phase)


class _ResultUnpickler(pickle.Unpickler):
    """Only plain data and appkit's own result types come back from the child."""

    _ALLOWED = frozenset({("appkit.render.html", "Rendered"), ("pathlib", "PosixPath")})

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in self._ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not an expected render result")


def _error_payload(exc: BaseException) -> tuple[str, Any]:
    if isinstance(exc, TemplateError):
        location = exc.template if exc.line is None else f"{exc.template}:{exc.line}"
        return "template", (exc.template, exc.line, exc.message[len(f"template {location}: ") :])
    if isinstance(exc, RenderError):
        return "render", exc.message
    if isinstance(exc, AppkitError) and not isinstance(exc, InputError):
        return "error", exc.message
    # Under the address-space cap some C code fails an allocation without raising MemoryError
    # and Python reports SystemError ("error return without exception set"): the same cause.
    if isinstance(exc, (MemoryError, SystemError)):
        return "memory", ""
    if isinstance(exc, RecursionError):
        return "recursion", ""
    return "bug", "".join(traceback.format_exception(exc))


def _lower_limit(which: int, value: int) -> None:
    """Set a resource limit, never above the hard limit already in force."""
    _, hard = resource.getrlimit(which)
    value = value if hard == resource.RLIM_INFINITY else min(value, hard)
    resource.setrlimit(which, (value, value))


def silence_stderr() -> None:
    """Hostile CSS makes Pango and GLib print CRITICAL lines straight to file descriptor 2; the
    outcome reaches the user through the pipe as one clear line, so the child's stderr is muted."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)


def _child(conn: Connection, func: Callable[[], Any], limits: Limits) -> None:
    """Runs in the forked child; never returns (os._exit), so no parent cleanup runs twice."""
    global _report
    status = 1
    try:
        with contextlib.suppress(OSError):  # its own group: the parent kills all it started
            os.setpgid(0, 0)
        silence_stderr()
        _lower_limit(resource.RLIMIT_AS, limits.memory)
        _lower_limit(resource.RLIMIT_CPU, math.ceil(limits.seconds) + 5)  # should the parent die
        _report = lambda phase: conn.send_bytes(b"P" + phase.encode())  # noqa: E731
        try:
            message: tuple[str, Any] = ("ok", func())
        except BaseException as exc:  # everything goes back to the parent as a message
            message = _error_payload(exc)
        conn.send_bytes(b"R" + pickle.dumps(message))
        status = 0
    except BaseException:  # the pipe broke or the result cannot be pickled
        pass
    finally:
        os._exit(status)


def _stop(pid: int) -> int:
    """Kill the child's process group (and the child), reap it, return its wait status."""
    for kill, target in ((os.killpg, pid), (os.kill, pid)):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            kill(target, signal.SIGKILL)
    return _reap(pid)


def _reap(pid: int) -> int:
    while True:
        try:
            return os.waitpid(pid, 0)[1]
        except InterruptedError:
            continue
        except ChildProcessError:
            return 0


def _gib(size: int) -> str:
    return f"{size / 1024**3:g} GiB" if size >= 1024**3 else f"{size // MIB} MiB"


def run_isolated(func: Callable[[], T], what: str, limits: Limits | None = None) -> T:
    """`func()` in a forked child; TemplateError if it fails, times out or runs out of memory.

    `what` names the template in messages. `func` may call `report_phase` so a timeout says
    which step was too slow. AppkitErrors raised in the child are raised again here.
    """
    limits = limits or Limits(TEMPLATE_SECONDS, TEMPLATE_MEMORY, TEMPLATE_PAGES)
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        _child(Connection(write_fd, readable=False), func, limits)
    os.close(write_fd)
    receive = Connection(read_fd, writable=False)
    with contextlib.suppress(OSError):
        os.setpgid(pid, pid)  # also here: no race with a kill right after the fork
    phase, data, wait_status = "fill", b"", None
    try:
        deadline = time.monotonic() + limits.seconds
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not receive.poll(remaining):
                raise TemplateError(
                    what,
                    None,
                    f"took longer than {limits.seconds:g} s to {PHASES.get(phase, phase)};"
                    " stopped (--time-limit)",
                )
            try:
                data = receive.recv_bytes()
            except EOFError:
                break
            if data[:1] == b"P":
                phase = data[1:].decode()
                continue
            break
    finally:
        receive.close()
        wait_status = _stop(pid)
    if data[:1] != b"R":
        signal_number = os.WTERMSIG(wait_status) if os.WIFSIGNALED(wait_status) else 0
        cause = "the CPU-time backstop" if signal_number == signal.SIGXCPU else "a crash"
        raise TemplateError(
            what,
            None,
            f"rendering stopped while trying to {PHASES.get(phase, phase)}: it ran out of memory"
            f" (limit {_gib(limits.memory)}, --memory-limit) or was ended by {cause}",
        )
    status, payload = _ResultUnpickler(io.BytesIO(data[1:])).load()
    if status == "ok":
        return payload  # type: ignore[no-any-return]
    if status == "template":
        template, line, message = payload
        raise TemplateError(template, line, message)
    if status == "render":
        raise RenderError(payload)
    if status == "error":
        raise AppkitError(payload)
    if status == "memory":
        raise TemplateError(
            what,
            None,
            f"used more than {_gib(limits.memory)} of memory to {PHASES.get(phase, phase)};"
            " stopped (--memory-limit)",
        )
    if status == "recursion":
        raise TemplateError(what, None, "nesting too deep (RecursionError)")
    raise RuntimeError(f"rendering {what} failed in the isolated process:\n{payload}")

"""Run untrusted template rendering in a forked child with a time limit and a memory cap.

Jinja's sandbox stops templates from reaching Python, but not from looping for hours or building
gigabyte strings (`{% for a in l %}{% for b in l %}…`, `"%0999999999d"|format(1)`). A user's
templates are therefore rendered in a child process: it is killed after TEMPLATE_SECONDS and its
address space is capped at TEMPLATE_MEMORY. Built-in templates are trusted and stay in-process.
"""

from __future__ import annotations

import multiprocessing
import resource
from collections.abc import Callable
from typing import Any, TypeVar

from appkit.errors import AppkitError, TemplateError

T = TypeVar("T")
TEMPLATE_SECONDS = 20.0
TEMPLATE_MEMORY = 2 * 1024**3


def _child(conn: Any, func: Callable[[], Any]) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (TEMPLATE_MEMORY, TEMPLATE_MEMORY))
    try:
        conn.send(("ok", func()))
    except TemplateError as exc:
        conn.send(("template", (exc.template, exc.line, exc.message.split(": ", 1)[-1])))
    except AppkitError as exc:
        conn.send(("error", exc.message))
    except MemoryError:
        conn.send(("error", "template used more than the memory limit"))
    finally:
        conn.close()


def run_isolated(func: Callable[[], T], what: str, seconds: float | None = None) -> T:
    """`func()` in a forked child; TemplateError if it fails, times out, or runs out of memory."""
    seconds = TEMPLATE_SECONDS if seconds is None else seconds
    ctx = multiprocessing.get_context("fork")  # the child inherits the loaded context: no pickling
    receive, send = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(send, func), daemon=True)
    process.start()
    send.close()
    try:
        if not receive.poll(seconds):
            raise TemplateError(what, None, f"rendering took longer than {seconds:g} s; stopped")
        try:
            status, payload = receive.recv()
        except EOFError:  # the child died: killed by the memory cap, or crashed
            raise TemplateError(what, None, "rendering ran out of memory or crashed") from None
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receive.close()
    if status == "ok":
        return payload  # type: ignore[no-any-return]
    if status == "template":
        template, line, message = payload
        raise TemplateError(template, line, message)
    raise TemplateError(what, None, str(payload))

"""A helper process that loads WeasyPrint while the command does everything else.

Importing WeasyPrint costs about 0.4 s (most of it cffi parsing Pango's C declarations) and
building its font configuration more; a one-off `appkit resume -f pdf` used to pay that after
loading, matching and filling the templates, one step after the other. A command that will write
a PDF with the built-in templates therefore forks this service first: the child imports
WeasyPrint and sets up the fonts on the second core while the parent loads the profile, matches
and fills the templates. The parent then sends it the filled HTML; the child lays it out, keeps
the layout and answers with the page count and fills (what page fitting decides on), and writes
the PDF of the layout the parent keeps. Only the result crosses the pipe.

Untrusted templates never come here: they run in `appkit.render.isolate`'s limited child. If the
service fails in any way (a layout error, a crash, a broken pipe), the parent lays the document
out itself, so the error a user sees, or the PDF they get, is exactly the in-process one. A batch
worker does not use the service: its engine is warm already.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

__all__ = ["PdfService", "RemoteLayout"]


class PdfService:
    """The parent's end of the helper process: lays out and writes PDFs there."""

    def __init__(self, pid: int, send: Connection, receive: Connection) -> None:
        self._pid = pid
        self._send, self._receive = send, receive
        self._released: list[int] = []  # layouts the parent dropped, freed with the next call
        self._next_id = 0
        self.broken = False
        self.served = 0  # layouts made in the service (tests check it was used)

    @classmethod
    def start(cls) -> PdfService | None:
        """Fork the service (None where fork is unavailable or APPKIT_PDF_SERVICE=0 turns it
        off). Call it before the slow steps, while the process has no threads, so the child has
        the most time to warm up."""
        if not hasattr(os, "fork") or os.environ.get("APPKIT_PDF_SERVICE") == "0":
            return None
        try:
            to_child_r, to_child_w = os.pipe()
            to_parent_r, to_parent_w = os.pipe()
        except OSError:  # out of file descriptors: lay out in this process
            return None
        try:
            pid = os.fork()
        except OSError:  # no memory or process slot for a helper: lay out in this process
            for fd in (to_child_r, to_child_w, to_parent_r, to_parent_w):
                os.close(fd)
            return None
        if pid == 0:  # pragma: no cover - runs in the child; measured through the parent
            os.close(to_child_w)
            os.close(to_parent_r)
            _serve(Connection(to_child_r, writable=False), Connection(to_parent_w, readable=False))
        os.close(to_child_r)
        os.close(to_parent_w)
        return cls(
            pid, Connection(to_child_w, readable=False), Connection(to_parent_r, writable=False)
        )

    def layout(self, html: str, base_dir: Path, **kwargs: Any) -> RemoteLayout | None:
        """`appkit.render.pdfwriter.layout_pdf` in the service; None if it failed there (the
        caller lays out in-process, which gives the same result or the same error)."""
        warnings: list[str] | None = kwargs.pop("warnings", None)
        self._next_id += 1
        reply = self._call(("layout", self._next_id, html, base_dir, kwargs, self._released))
        self._released = []
        if reply is None:
            return None
        pages, fills, refused = reply
        self.served += 1
        if warnings is not None:
            warnings.extend(refused)
        return RemoteLayout(self, self._next_id, pages, fills)

    def write(self, layout_id: int) -> bytes | None:
        """The PDF bytes of a layout the service holds (None if it failed)."""
        reply = self._call(("write", layout_id, self._released))
        self._released = []
        return reply  # type: ignore[no-any-return]

    def release(self, layout_id: int) -> None:
        self._released.append(layout_id)

    def close(self) -> None:
        """Stop the child and reap it (also what happens if the parent just exits: EOF)."""
        if self._pid:
            with contextlib.suppress(OSError):  # it may still be warming up: nothing to lose
                os.kill(self._pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                self._send.close()
            with contextlib.suppress(OSError):
                self._receive.close()
            with contextlib.suppress(ChildProcessError, OSError):
                os.waitpid(self._pid, 0)
            self._pid = 0
            self.broken = True

    def _call(self, message: tuple[Any, ...]) -> Any:
        if self.broken:
            return None
        try:
            self._send.send_bytes(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))
            status, payload = pickle.loads(self._receive.recv_bytes())
        except (OSError, EOFError, pickle.PickleError):
            self.close()  # the child is gone: every later document is laid out in-process
            return None
        return payload if status == "ok" else None

    def __del__(self) -> None:
        self.close()


class RemoteLayout:
    """A layout held by the service, with what page fitting reads: pages, fills, write()."""

    def __init__(
        self, service: PdfService, layout_id: int, pages: int, fills: tuple[float, ...] | None
    ) -> None:
        self._service, self._id = service, layout_id
        self.pages, self.fills = pages, fills
        self.fallback: Any = None  # set by the caller: lays out again in-process if writing fails

    def write(self) -> bytes:
        data = self._service.write(self._id)
        if data is None:
            if self.fallback is None:
                raise RuntimeError("the PDF service failed and no fallback was given")
            return self.fallback().write()  # type: ignore[no-any-return]
        return data

    def __del__(self) -> None:
        self._service.release(self._id)


def _serve(receive: Connection, send: Connection) -> None:  # pragma: no cover - in the child
    """The child's loop: warm up, then answer layout and write requests until EOF."""
    status = 0
    try:
        # Ctrl-C is the parent's to handle; this child ends when the parent's pipe closes.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        from appkit.render.isolate import silence_stderr
        from appkit.render.pdffonts import PdfFonts
        from appkit.render.pdfwriter import layout_pdf, warm_up

        fonts = PdfFonts()
        warm_up(fonts)
        silence_stderr()  # the parent repeats a failed layout and reports it itself
        layouts: dict[int, Any] = {}
        while True:
            try:
                message = pickle.loads(receive.recv_bytes())
            except EOFError:
                break
            for gone in message[-1]:
                layouts.pop(gone, None)
            try:
                if message[0] == "layout":
                    _, layout_id, html, base_dir, kwargs, _ = message
                    refused: list[str] = []
                    layout = layout_pdf(html, base_dir, warnings=refused, fonts=fonts, **kwargs)
                    layouts[layout_id] = layout
                    reply: tuple[str, Any] = ("ok", (layout.pages, layout.fills, refused))
                else:
                    reply = ("ok", layouts[message[1]].write())
            except BaseException:  # the parent repeats the step in-process and reports it
                reply = ("failed", None)
            send.send_bytes(pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL))
    except BaseException:
        status = 1
    finally:
        os._exit(status)

"""Shared machinery of the hostile suite: run the real CLI, count loopback hits, read outputs.

Every case runs `python -m appkit` in a subprocess with this checkout's src/ first on the path, in
its own session (so a hang guard can kill the forked render workers too) and under a 4 GiB
address-space cap (so a bomb that escapes appkit's own limits fails the test instead of the VM).
"""

from __future__ import annotations

import functools
import io
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pypdf

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"
PROFILE = ROOT / "profiles" / "maria-santos.yaml"
CANDIDATE_FOLDER = "maria-santos"
SECRET = "HOSTILE-SECRET-4b1d9e"  # written to files a template must never reach
HANG_GUARD_SECONDS = 60.0  # not a timing assertion: a case still running then is a hang
ADDRESS_SPACE_KIB = 4 * 1024 * 1024
# Evidence that a payload's call actually ran (a parser or unpickler got as far as failing).
CALL_RAN = re.compile(r"ValidationError|JSONDecodeError|Unpickl|pickle|validation error", re.I)


@dataclass(frozen=True)
class Run:
    returncode: int | None  # None: killed by the hang guard
    stdout: str
    stderr: str


def child_env(home: Path) -> dict[str, str]:
    """The subprocess environment: this checkout's code, an isolated HOME, a secret env var."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + os.pathsep + env.get("PYTHONPATH", "")
    env["HOME"] = str(home)
    env["XDG_CONFIG_HOME"] = str(home / ".config")
    env["HOSTILE_SECRET"] = SECRET  # /proc/self/environ would show it
    env.pop("PYTHONWARNINGS", None)
    return env


def run_appkit(args: list[str], cwd: Path, home: Path, timeout: float = HANG_GUARD_SECONDS) -> Run:
    """`python -m appkit ARGS` in a new session; on a hang the whole process group is killed."""
    command = [
        "bash",
        "-c",
        f'ulimit -v {ADDRESS_SPACE_KIB}; exec "$0" -m appkit "$@"',
        sys.executable,
        *args,
    ]
    with subprocess.Popen(
        command,
        cwd=cwd,
        env=child_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    ) as process:
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            out, err = process.communicate()
            return Run(None, out, err)
        return Run(process.returncode, out, err)


@functools.cache
def limit_options() -> tuple[str, ...]:
    """`--time-limit 5` when the CLI has it (added with the render limits), else nothing."""
    help_text = subprocess.run(
        [sys.executable, "-m", "appkit", "resume", "--help"],
        env=child_env(Path.home()),
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_SECONDS,
    ).stdout
    return ("--time-limit", "5") if "--time-limit" in help_text else ()


def assert_clean_failure(run: Run) -> None:
    """Exit 1 and stderr is one line, `error: ...`: no traceback, no library chatter."""
    assert run.returncode == 1, f"exit {run.returncode}, stderr: {run.stderr[-2000:]}"
    assert_no_traceback(run)
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), f"not one error line:\n{run.stderr}"


def assert_no_traceback(run: Run) -> None:
    """No Python traceback, and no indented continuation lines (tracebacks, pydantic dumps)."""
    assert "Traceback (most recent call last)" not in run.stderr, run.stderr[-3000:]
    indented = [line for line in run.stderr.splitlines() if line[:1].isspace()]
    assert indented == [], f"multi-line message on stderr:\n{run.stderr[-2000:]}"


class LoopbackListener:
    """A TCP listener on 127.0.0.1 that accepts and counts every connection (then closes it)."""

    def __init__(self) -> None:
        self.connections = 0
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(16)
        self._socket.settimeout(0.2)
        self.port: int = self._socket.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self._socket.close()


def pdf_payload(pdf: bytes) -> bytes:
    """Raw PDF bytes plus every decompressed stream and the extracted text."""
    from tests.render.test_security_pdf import _all_bytes

    text = "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    return _all_bytes(pdf) + b"\n" + text.encode("utf-8", "surrogatepass")


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def docx_parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def docx_text(docx: bytes) -> str:
    import docx as python_docx

    document = python_docx.Document(io.BytesIO(docx))
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def assert_no_embedded_content(docx: bytes) -> None:
    """No OLE objects, embeddings or external relationships other than hyperlinks in a DOCX."""
    parts = docx_parts(docx)
    assert not [n for n in parts if "embeddings/" in n or "oleObject" in n], list(parts)
    for name, data in parts.items():
        if name.endswith(".rels"):
            for rel in re.findall(rb"<Relationship [^>]*>", data):
                if b'TargetMode="External"' in rel:
                    assert b"/hyperlink" in rel, rel

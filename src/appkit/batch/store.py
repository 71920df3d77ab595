"""The output folder of a batch: its lock, the manifest of finished packets, packets and zips.

- The lock (`filelock`, an OS lock on ``OUT/.appkit-batch.lock``) is released by the kernel when
  the run dies, even by ``kill -9``; a second run on the same OUT refuses while it is held.
- The manifest is an append-only journal, one JSON line per finished packet, fsynced: a line cut
  by ``kill -9`` is ignored when read back, and the last line for a packet wins. A packet whose
  input hash is in it, with its files still there, is not made again.
- Packets go through `appkit.disk.folder.write_packet`: staged beside the target and swapped in
  whole, so a killed run leaves the old packet or the new one, never a partial one.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from appkit.disk.files import atomic_write, fsync_dir, write_all
from appkit.disk.folder import shown, write_packet
from appkit.errors import AppkitError

STATE = ".appkit-batch"  # OUT/.appkit-batch/ holds the manifest
LOCK = ".appkit-batch.lock"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed: the same packet gives the same zip bytes


class BusyError(AppkitError):
    """Another batch holds the lock on this output folder."""


class OutputFolder:
    """OUT, locked for the life of this object (use it as a context manager)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._lock: Any = None

    def __enter__(self) -> OutputFolder:
        from filelock import FileLock, Timeout

        try:
            (self.root / STATE).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise AppkitError(f"cannot create {shown(self.root)}: {exc.strerror}") from None
        self._lock = FileLock(self.root / LOCK, timeout=0)
        try:
            self._lock.acquire()
        except Timeout:
            raise BusyError(
                f"another appkit batch is writing to {shown(self.root)} (it holds"
                f" {shown(self.root / LOCK)}); wait for it to finish or give another -o folder"
            ) from None
        return self

    def __exit__(self, *exc: object) -> None:
        if self._lock is not None:
            self._lock.release()

    @property
    def lock_fd(self) -> int | None:
        """The lock's file descriptor, which forked workers close so only this process holds it."""
        context = getattr(self._lock, "_context", None)
        return getattr(context, "lock_file_fd", None)

    # ---- the manifest ------------------------------------------------------------------------

    @property
    def journal(self) -> Path:
        return self.root / STATE / "manifest.jsonl"

    def manifest(self) -> dict[str, dict[str, Any]]:
        """Finished packets by key; lines a killed run cut short are skipped."""
        records: dict[str, dict[str, Any]] = {}
        with contextlib.suppress(FileNotFoundError):
            for line in self.journal.read_bytes().splitlines():
                with contextlib.suppress(ValueError):
                    record = json.loads(line)
                    if isinstance(record, dict) and isinstance(record.get("key"), str):
                        records[record["key"]] = record
        return records

    def record(self, entry: dict[str, Any]) -> None:
        """Append one finished packet to the journal and make it durable."""
        line = (json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
        fd = os.open(self.journal, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            write_all(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)

    def compact(self, keep: Iterable[dict[str, Any]]) -> None:
        """Rewrite the journal with one line per packet (atomically): it never grows without end."""
        lines = [json.dumps(e, ensure_ascii=False, sort_keys=True) for e in keep]
        atomic_write(self.journal, ("\n".join(lines) + "\n" if lines else "").encode("utf-8"))

    def unchanged(self, key: str, digest: str, record: dict[str, Any] | None) -> bool:
        """Whether the packet `key` was made from these very inputs and its files are all there."""
        if not record or record.get("digest") != digest or record.get("status") != "ok":
            return False
        return all((self.root / f).is_file() for f in record.get("files", []))

    # ---- packets and zips --------------------------------------------------------------------

    def write(
        self, student: str, role: str, files: dict[str, bytes], old: Iterable[str], profile: Path
    ) -> tuple[list[str], str | None]:
        """Swap the packet in as OUT/<student>/<role>/; returns its files relative to OUT."""
        old_names = {Path(f).name for f in old}
        payload = {name: (name, data) for name, data in files.items()}
        replaces = {name: {name} for name in {*files, *old_names}}
        packet = write_packet(self.root / student, role, payload, replaces, profile)
        folder = packet.folder.relative_to(self.root).as_posix()
        return [f"{folder}/{name}" for name in sorted(files)], packet.notice

    def write_zip(self, student: str, files: list[str]) -> str:
        """OUT/<student>.zip with every packet of the student, ready to hand over."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in sorted(files):
                info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, (self.root / name).read_bytes())
        target = self.root / f"{student}.zip"
        atomic_write(target, buffer.getvalue())
        return target.name

    def write_text(self, name: str, text: str) -> Path:
        return self.write_bytes(name, text.encode("utf-8"))

    def write_bytes(self, name: str, data: bytes) -> Path:
        target = self.root / name
        atomic_write(target, data)
        fsync_dir(self.root)
        return target

"""Where packets go: the output folder resolved once, and each packet swapped in whole.

The output folder the user names (relative, absolute, ``~``, through symlinks) is resolved against
the current directory exactly once, by `resolve_out_dir`; everything below works on that real path.

A packet folder is never written in place. The new packet is built in a hidden staging folder beside
it (``.<folder>.appkit-new.<pid>.<hex>``) and swapped in with one rename, so that ``kill -9`` at any
moment leaves either the old packet or the new one:

- no packet yet: a plain ``rename`` of the staging folder, atomic everywhere;
- an old packet on Linux: ``renameat2(RENAME_EXCHANGE)``, one atomic swap; the old packet then sits
  under the staging name and is deleted;
- elsewhere (or a file system without RENAME_EXCHANGE): the old folder is renamed aside
  (``.<folder>.appkit-old.<pid>.<hex>``) and the new one into place. Killed between those two
  renames, the folder is briefly missing; the next run puts the old packet back.

Staging folders of runs that died (their pid is gone) are cleaned at the start of every run. When a
run fails, its staging folder is removed, and output folders it created are removed again, so a
failing command leaves the output folder exactly as it was.

Each packet folder holds a hidden marker (`MARKER`) naming the profile file that made it (relative
to the folder, so it survives moving the whole tree) and the files appkit wrote. Re-running the same
profile replaces its own packet; a different profile whose candidate maps to the same folder gets
``<name>-2/`` and a notice, never a silent overwrite. Files appkit did not write are carried over.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import time
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from appkit.disk.files import (
    contained,
    describe_os_error,
    fsync_dir,
    link_or_copy,
    swap_in,
    write_all,
)
from appkit.errors import RenderError

MARKER = ".appkit-packet.json"
_STAGING = re.compile(r"^\.(?P<folder>.+)\.appkit-(?P<role>new|old)\.(?P<pid>\d+)\.[0-9a-f]{8}$")
_OLD_PART = re.compile(r"^\..+\.[0-9a-f]{8}\.part$")  # per-file temps of appkit before 0.x packets
_MAX_SUFFIX = 999


@dataclass(frozen=True)
class Packet:
    """Where a packet went: its real folder, the names written there, and a notice for the user."""

    folder: Path
    names: list[str]
    notice: str | None = None


def resolve_out_dir(out_dir: Path | str) -> Path:
    """The output folder as one absolute real path: ``~`` expanded, relative to the current dir."""
    return Path(os.path.realpath(os.path.abspath(os.path.expanduser(os.fspath(out_dir)))))


def shown(path: Path) -> str:
    """A path as the user should read it: relative to the current folder when inside it."""
    with contextlib.suppress(ValueError):
        relative = os.path.relpath(path)
        if relative != ".." and not relative.startswith(".." + os.sep):
            return relative
    return str(path)


def profile_ref(folder: Path, profile_file: Path | None) -> str | None:
    """The profile file as a packet records it: relative to the packet folder when possible."""
    if profile_file is None:
        return None
    real = os.path.realpath(profile_file)
    try:
        return Path(os.path.relpath(real, folder)).as_posix()
    except ValueError:  # another drive on Windows
        return real


def write_packet(
    root: Path,
    slug: str,
    files: Mapping[str, tuple[str, bytes]],
    replaces: Mapping[str, Collection[str]],
    profile_file: Path | None,
) -> Packet:
    """Write ``files`` (key -> (file name, data)) as the packet folder ``root/slug``; all or none.

    ``root`` must come from `resolve_out_dir`. ``replaces`` maps every key whose older copies go
    (at least the keys of ``files``) to the names those copies may have; other files in an existing
    packet folder are kept.
    """
    created = _make_missing(root)
    staging: Path | None = None
    try:
        _clean_stale(root)
        folder, notice = _choose_folder(root, slug, profile_file)
        staging = _beside(folder, "new")
        _mkdir(staging)
        old = _read_marker(folder).get("files", {}) if folder.is_dir() else {}
        drop = {name for key in replaces for name in [*replaces[key], old.get(key)] if name}
        if folder.is_dir():
            _carry_over(folder, staging, drop)
        for name, data in files.values():
            _write_file(staging / name, data)
        kept = {k: v for k, v in old.items() if k not in replaces and (staging / v).exists()}
        marker = {
            "profile_file": profile_ref(folder, profile_file),
            "files": dict(sorted({**kept, **{k: n for k, (n, _) in files.items()}}.items())),
        }
        _write_file(staging / MARKER, (json.dumps(marker, indent=2) + "\n").encode("utf-8"))
        fsync_dir(staging)
        staging = swap_in(staging, folder, _beside(folder, "old"))
        fsync_dir(root)
    except BaseException as exc:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        for path in reversed(created):
            with contextlib.suppress(OSError):
                path.rmdir()
        if isinstance(exc, OSError):
            raise RenderError(describe_os_error(exc, Path(exc.filename or root))) from exc
        raise
    if staging is not None:  # the old packet, swapped out
        shutil.rmtree(staging, ignore_errors=True)
    return Packet(folder=folder, names=[name for name, _ in files.values()], notice=notice)


def _beside(folder: Path, role: str) -> Path:
    """A hidden name beside ``folder`` that `_clean_stale` recognises once this process is gone."""
    return folder.with_name(f".{folder.name}.appkit-{role}.{os.getpid()}.{secrets.token_hex(4)}")


def _make_missing(root: Path) -> list[Path]:
    """Create ``root`` and its missing parents; return those created, outermost first."""
    missing = [p for p in [root, *root.parents] if not os.path.lexists(p)][::-1]
    for path in missing:
        _mkdir(path)
    return missing


def _mkdir(path: Path) -> None:
    try:
        os.mkdir(path)
    except OSError as exc:
        raise RenderError(describe_os_error(exc, path)) from exc


def _alive(pid: int, path: Path) -> bool:
    """Whether the run that owns a staging folder may still be running."""
    if pid == os.getpid():
        return True
    if os.name != "posix":  # os.kill(pid, 0) would terminate the process on Windows
        return time.time() - path.stat().st_mtime < 3600
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by someone else
        return True
    except OSError:
        return False
    return True


def _clean_stale(root: Path) -> None:
    """Remove staging folders of runs that died; restore an old packet a fallback swap set aside."""
    for entry in os.listdir(root):
        match = _STAGING.match(entry)
        path = root / entry
        if not match or _alive(int(match["pid"]), path):
            continue
        target = root / match["folder"]
        if match["role"] == "old" and not os.path.lexists(target):
            os.rename(path, target)
        else:
            shutil.rmtree(path, ignore_errors=True)


def _read_marker(folder: Path) -> dict:
    """The marker of a packet folder: {} when there is none, None-owner when it is unreadable."""
    path = folder / MARKER
    if not os.path.lexists(path):
        return {}
    try:
        data = json.loads(path.read_bytes()[:1_000_000])
        files = data.get("files") or {}
        safe = {str(k): v for k, v in files.items() if isinstance(v, str) and _plain_name(v)}
        return {"profile_file": data.get("profile_file"), "files": safe}
    except (OSError, ValueError, AttributeError):
        return {"profile_file": "\0unreadable", "files": {}}


def _plain_name(name: str) -> bool:
    return name not in ("", ".", "..") and "/" not in name and "\\" not in name and "\0" not in name


def _owned_by(folder: Path, profile_file: Path | None) -> bool | None:
    """True if the profile made this folder, False if another did, None if nobody says (legacy)."""
    marker = _read_marker(folder)
    if not marker:
        return None
    ref = marker["profile_file"]
    if ref is None or profile_file is None:
        return ref is None and profile_file is None
    if not isinstance(ref, str) or "\0" in ref:
        return False
    return os.path.realpath(folder / ref) == os.path.realpath(profile_file)


def _choose_folder(root: Path, slug: str, profile_file: Path | None) -> tuple[Path, str | None]:
    """The profile's own folder: its earlier packet, else ``slug``, else the first free ``slug-N``.

    An unmarked ``slug`` folder (made before packets were marked) is adopted.
    """
    taken = set(os.listdir(root))
    pattern = re.compile(rf"{re.escape(slug)}-(\d+)")
    numbered = sorted((int(m[1]), name) for name in taken if (m := pattern.fullmatch(name)))
    for name in [slug] * (slug in taken) + [name for _, name in numbered]:
        try:
            folder = contained(root, Path(name))  # a symlinked folder must not lead elsewhere
        except RenderError:
            if name == slug:
                raise
            continue  # someone else's odd folder: not ours, never written
        if not folder.is_dir():
            if name == slug:
                raise RenderError(f"{shown(folder)} is in the way: a file stands where a folder is")
            continue
        if _owned_by(folder, profile_file):
            return folder, None
    if slug not in taken:
        return root / slug, None
    first = contained(root, Path(slug))
    if _owned_by(first, profile_file) is None:
        return first, None
    for number in range(2, _MAX_SUFFIX + 1):
        if f"{slug}-{number}" not in taken:
            folder = root / f"{slug}-{number}"
            ref = _read_marker(first).get("profile_file")
            known = isinstance(ref, str) and "\0" not in ref
            owner = shown(Path(os.path.normpath(first / ref))) if known else "unknown"
            notice = (
                f"{shown(first)}/ holds the packet of another profile file ({owner}); "
                f"writing {shown(folder)}/ instead"
            )
            return folder, notice
    raise RenderError(f"too many packets for {slug!r} in {shown(root)}")


def _carry_over(folder: Path, staging: Path, drop: set[str]) -> None:
    """Bring every entry the new packet does not replace into ``staging`` (hard links, not copies).

    A folder is never dropped: a kept folder named like a new document is reported in the way.
    """
    for entry in os.scandir(folder):
        is_dir = entry.is_dir(follow_symlinks=False)
        if entry.name == MARKER or _OLD_PART.match(entry.name):
            continue
        if entry.name in drop and not is_dir:
            continue
        target = staging / entry.name
        if is_dir:
            shutil.copytree(entry.path, target, symlinks=True, copy_function=link_or_copy)
        elif entry.is_symlink():
            os.symlink(os.readlink(entry.path), target)
        else:
            link_or_copy(entry.path, target)


def _write_file(path: Path, data: bytes) -> None:
    """Create ``path`` with ``data``; a name already taken (a kept folder) is in the way."""
    if os.path.lexists(path):
        raise RenderError(f"{path.name} is in the way: a folder or file of that name is kept there")
    fd = -1
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        write_all(fd, data)
        os.fsync(fd)
    except OSError as exc:
        raise RenderError(describe_os_error(exc, path)) from exc
    finally:
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)

"""Safe file output: atomic writes and folder swaps, file-name slugs and containment checks."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import hashlib
import os
import re
import secrets
import shutil
import sys
import unicodedata
from pathlib import Path

from appkit.errors import RenderError

__all__ = [
    "atomic_write",
    "contained",
    "describe_os_error",
    "fsync_dir",
    "link_or_copy",
    "make_folder",
    "safe_slug",
    "swap_in",
    "write_all",
    "write_all_or_nothing",
]

_RESERVED = {
    "con", "prn", "aux", "nul", "clock$", "conin$", "conout$",
    *(f"com{i}" for i in "0123456789¹²³"),
    *(f"lpt{i}" for i in "0123456789¹²³"),
}  # fmt: skip
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def safe_slug(text: str, max_len: int = 60) -> str:
    """Turn any text into a portable file-name stem: ``[a-z0-9-]``, never empty or reserved."""
    max_len = max(max_len, 8)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    slug = slug[:max_len].rstrip("-")
    if not slug:
        # Names with no Latin letters (张伟, محمد, "!!!") must not all share one folder.
        digest = hashlib.sha256(unicodedata.normalize("NFC", text).encode()).hexdigest()[:8]
        slug = f"untitled-{digest}" if text.strip() else "untitled"
    if slug in _RESERVED:  # Windows reserves these stems ("con.pdf"); "con-file" is fine
        slug = f"{slug}-file"[:max_len]
    return slug


def contained(root: Path, candidate: Path) -> Path:
    """Return the real path of ``candidate`` (relative to ``root`` if not absolute) inside ``root``.

    Raises RenderError if it resolves outside ``root`` (``..``, absolute paths, symlinks).
    """
    real_root = Path(os.path.realpath(root))
    target = candidate if candidate.is_absolute() else Path(root) / candidate
    real = Path(os.path.realpath(target))
    if real == real_root or not real.is_relative_to(real_root):
        raise RenderError(f"output path {str(candidate)[:80]!r} is outside {Path(root).name}/")
    return real


def describe_os_error(exc: OSError, path: Path) -> str:
    """A one-line, user-facing message for a write failure."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return f"disk full while writing {path.name}"
    if exc.errno in (errno.EACCES, errno.EPERM) or isinstance(exc, PermissionError):
        return f"permission denied while writing {path.name} (is it open in another program?)"
    if exc.errno == errno.EROFS:
        return f"read-only file system: cannot write {path.name}"
    if exc.errno == errno.ENOENT:
        return f"folder {path.parent} does not exist or cannot be created: cannot write {path.name}"
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        return f"{path} is in the way: a file stands where a folder is needed"
    if exc.errno == errno.EISDIR:
        return f"{path} is a folder: cannot write a file there"
    if exc.errno == errno.ENAMETOOLONG:
        return f"path too long: {str(path)[:80]}…"
    return f"cannot write {path.name}: {exc.strerror or exc}"


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` to ``fd`` (os.write may write less than asked)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _stage(path: Path, data: bytes) -> Path:
    """Write ``data`` to a fsynced temp file beside ``path``; the caller renames it into place."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    fd = -1
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        write_all(fd, data)
        os.fsync(fd)
        os.close(fd)
        return tmp
    except BaseException as exc:
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise RenderError(describe_os_error(exc, path)) from exc
        raise


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: temp file in the same folder, fsync, os.replace.

    On any failure (including KeyboardInterrupt) the temp file is removed and an existing
    ``path`` is left untouched. OS errors become RenderError with a clear message.
    """
    write_all_or_nothing({Path(path): data})


def make_folder(folder: Path) -> None:
    """Create ``folder`` (and parents); OS errors become RenderError with a clear message."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RenderError(describe_os_error(exc, folder)) from exc


def write_all_or_nothing(files: dict[Path, bytes]) -> None:
    """Write several files so that either all of them are replaced or none is.

    Every file is first staged as a fsynced temp beside its target; only when all are staged are
    they renamed into place. A target that is a folder is refused before anything is written.
    """
    for path in files:
        if path.exists() and not path.is_file():
            raise RenderError(f"{path} is in the way: it is not a regular file")
    staged: dict[Path, Path] = {}
    try:
        for path, data in files.items():
            staged[path] = _stage(path, data)
        for path, tmp in list(staged.items()):
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise RenderError(describe_os_error(exc, path)) from exc
            del staged[path]
    finally:
        for tmp in staged.values():
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def link_or_copy(source: str | Path, target: str | Path) -> None:
    """Hard-link ``source`` to ``target`` (files are replaced, never edited), else copy."""
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, target, follow_symlinks=False)


def fsync_dir(path: Path) -> None:
    """Make renames and new entries in ``path`` durable (POSIX; a no-op where unsupported)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def swap_in(new: Path, target: Path, aside: Path) -> Path | None:
    """Put the folder ``new`` in place of ``target``; return where the old ``target`` went, if any.

    No old target: one rename. On Linux: one atomic renameat2(RENAME_EXCHANGE), after which the old
    folder is at ``new``. Elsewhere: ``target`` is renamed to ``aside``, then ``new`` to ``target``;
    a crash between the two leaves ``aside`` for the caller's next run to put back.
    """
    if not os.path.lexists(target):
        os.rename(new, target)
        return None
    if _exchange(new, target):
        return new
    os.rename(target, aside)
    os.rename(new, target)
    return aside


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step with Linux renameat2; False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:  # glibc before 2.28, or another C library
        return False
    args = (_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if renameat2(*args) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):  # kernel or file system cannot
        return False
    raise OSError(err, os.strerror(err), str(second))

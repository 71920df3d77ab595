"""atomic_write, safe_slug and contained: nasty names, disk full, interrupts, symlinks."""

from __future__ import annotations

import errno
import os
import random
import sys
import unicodedata
from pathlib import Path

import pytest

from appkit.disk import files
from appkit.disk.files import atomic_write, contained, safe_slug
from appkit.errors import RenderError

NASTY = [
    "../../etc/x",
    "a/b",
    "C:\\x",
    "\x00",
    "CON",
    "con.txt",
    "Com1",
    "LPT9",
    "nul",
    "..",
    ".",
    "",
    "   ",
    "\u202egnp.exe",
    "x" * 300,
    "é" * 300,
    "Zoë Ångström",
    unicodedata.normalize("NFD", "Zoë Ångström"),
    "名前",
    "🙂🙂",
    "-.-",
    "a\\..\\..\\b",
    "/etc/passwd",
    "~root",
    "$(rm -rf /)",
    "x\ny\tz",
]
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10))} | {
    f"lpt{i}" for i in range(10)
}


def random_names(count: int) -> list[str]:
    """Deterministic pseudo-random hostile names (a hypothesis-free property loop)."""
    rng = random.Random(1234)
    alphabet = "aZ09 .-_/\\:\x00\u202e\u200béÅ名🙂" + "".join(chr(c) for c in range(0x20, 0x7F))
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80))) for _ in range(count)]


def test_safe_slug_properties(tmp_path: Path) -> None:
    for name in NASTY + random_names(5000):
        slug = safe_slug(name)
        assert slug and slug not in (".", ".."), name
        assert len(slug) <= 60
        assert all(c in "abcdefghijklmnopqrstuvwxyz0123456789-" for c in slug), name
        assert not slug.startswith("-") and not slug.endswith("-")
        assert slug not in WINDOWS_RESERVED, name
        path = contained(tmp_path, Path(slug + ".pdf"))
        assert path.parent == tmp_path.resolve()


def test_safe_slug_examples() -> None:
    assert safe_slug("Zoë Ångström") == "zoe-angstrom"
    assert safe_slug(unicodedata.normalize("NFD", "Zoë")) == safe_slug("Zoë")
    assert safe_slug("Jane Doe") == safe_slug("jane  doe")
    assert safe_slug("") == "untitled"
    assert safe_slug("CON") == "con-file"
    assert safe_slug("x" * 300, max_len=20) == "x" * 20


def test_contained(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    root = tmp_path / "out"
    assert contained(root, Path("a.pdf")) == root.resolve() / "a.pdf"
    for bad in ("../x", "/etc/passwd", "a/../../x", "."):
        with pytest.raises(RenderError):
            contained(root, Path(bad))
    (root / "link").symlink_to(tmp_path)
    with pytest.raises(RenderError):
        contained(root, Path("link/escape.pdf"))


def _parts(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


def test_atomic_write_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "resume.pdf"
    atomic_write(target, b"one")
    atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert _parts(tmp_path) == []


def test_disk_full_leaves_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "resume.pdf"
    target.write_bytes(b"previous version")
    real_write = os.write
    written: list[int] = []

    def full_disk(fd: int, data: bytes) -> int:
        if written:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(real_write(fd, bytes(data)[:1000]))  # a short write, then ENOSPC
        return written[-1]

    monkeypatch.setattr(files.os, "write", full_disk)
    with pytest.raises(RenderError, match="disk full while writing resume.pdf"):
        atomic_write(target, b"x" * 100_000)
    assert target.read_bytes() == b"previous version"
    assert _parts(tmp_path) == []


def test_disk_full_on_fsync_new_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", fail)
    with pytest.raises(RenderError, match="disk full"):
        atomic_write(tmp_path / "new.docx", b"data")
    assert list(tmp_path.iterdir()) == []


def test_interrupt_removes_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "cover.pdf"
    target.write_bytes(b"old")

    def interrupted(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert _parts(tmp_path) == []


def test_permission_and_missing_folder_messages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(RenderError, match="does not exist"):
        atomic_write(tmp_path / "missing" / "x.pdf", b"x")

    def denied(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.os, "replace", denied)
    with pytest.raises(RenderError, match="permission denied while writing x.pdf"):
        atomic_write(tmp_path / "x.pdf", b"x")
    assert _parts(tmp_path) == []


def test_temp_name_pattern(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def spy(src: str | Path, dst: str | Path) -> None:
        seen.append(Path(src).name)
        real_replace(src, dst)

    monkeypatch.setattr(files.os, "replace", spy)
    atomic_write(tmp_path / "a.pdf", b"x")
    assert len(seen) == 1 and seen[0].startswith(".a.pdf.") and seen[0].endswith(".part")


def test_swap_in_exchanges_folders_in_one_step(tmp_path: Path) -> None:
    new, target = tmp_path / "staging", tmp_path / "packet"
    new.mkdir()
    (new / "a.pdf").write_bytes(b"new")
    assert files.swap_in(new, target, tmp_path / "aside") is None  # no old packet: a rename
    assert (target / "a.pdf").read_bytes() == b"new" and not new.exists()
    new.mkdir()
    (new / "a.pdf").write_bytes(b"newer")
    old_at = files.swap_in(new, target, tmp_path / "aside")
    assert (target / "a.pdf").read_bytes() == b"newer"
    assert old_at is not None and (old_at / "a.pdf").read_bytes() == b"new"
    if sys.platform.startswith("linux"):  # the atomic path, not the two-rename fallback
        assert old_at == new and not (tmp_path / "aside").exists()

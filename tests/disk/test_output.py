"""Packet folders: all or nothing, stale staging cleaned, no silent collisions, no leftovers."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from appkit.disk import files as files_module
from appkit.disk.folder import MARKER, resolve_out_dir, write_packet
from appkit.errors import RenderError

DOCS = {"resume.pdf": ("Ana-Resume.pdf", b"%PDF new resume"), "match.json": ("match.json", b"{}")}
REPLACES = {"resume.pdf": {"Ana-Resume.pdf", "resume.pdf"}, "match.json": {"match.json"}}


def _write(root: Path, profile: Path | None, docs: dict = DOCS, replaces: dict = REPLACES) -> Path:
    return write_packet(resolve_out_dir(root), "ana", docs, replaces, profile).folder


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "profiles" / "ana.yaml"
    path.parent.mkdir()
    path.write_text("basics: {name: Ana}\n")
    return path


def test_marker_names_the_profile_relative_to_the_folder(tmp_path: Path, profile: Path) -> None:
    folder = _write(tmp_path / "out", profile)
    assert folder == (tmp_path / "out" / "ana").resolve()
    marker = json.loads((folder / MARKER).read_text())
    assert marker["profile_file"] == "../../profiles/ana.yaml"
    assert marker["files"] == {"match.json": "match.json", "resume.pdf": "Ana-Resume.pdf"}
    assert sorted(os.listdir(tmp_path / "out")) == ["ana"]  # no staging left beside it


def test_same_profile_replaces_its_packet_and_keeps_user_files(
    tmp_path: Path, profile: Path
) -> None:
    folder = _write(tmp_path / "out", profile)
    (folder / "notes.txt").write_text("mine")
    (folder / "drafts").mkdir()
    (folder / "drafts" / "a.txt").write_text("draft")
    (folder / ".resume.pdf.1a2b3c4d.part").write_bytes(b"left by an older appkit")
    new = {"resume.pdf": ("Ana-Resume.pdf", b"%PDF newer"), "match.json": ("match.json", b"[]")}
    assert _write(tmp_path / "out", profile, new) == folder
    assert _tree(folder) == {
        MARKER: (folder / MARKER).read_bytes(),
        "Ana-Resume.pdf": b"%PDF newer",
        "match.json": b"[]",
        "notes.txt": b"mine",
    }
    assert (folder / "drafts" / "a.txt").read_text() == "draft"
    assert sorted(os.listdir(tmp_path / "out")) == ["ana"]


def test_writing_one_document_keeps_the_others(tmp_path: Path, profile: Path) -> None:
    folder = _write(tmp_path / "out", profile)
    only = {"resume.pdf": ("resume.pdf", b"%PDF plain")}  # --file-names plain this time
    _write(tmp_path / "out", profile, only, {"resume.pdf": {"Ana-Resume.pdf", "resume.pdf"}})
    assert sorted(_tree(folder)) == sorted([MARKER, "match.json", "resume.pdf"])
    marker = json.loads((folder / MARKER).read_text())
    assert marker["files"] == {"match.json": "match.json", "resume.pdf": "resume.pdf"}


def test_another_profile_with_the_same_name_gets_its_own_folder(
    tmp_path: Path, profile: Path
) -> None:
    other = tmp_path / "elsewhere" / "ana.yaml"
    other.parent.mkdir()
    other.write_text("basics: {name: Ana}\n")
    root = resolve_out_dir(tmp_path / "out")
    first = write_packet(root, "ana", DOCS, REPLACES, profile)
    second = write_packet(root, "ana", DOCS, REPLACES, other)
    assert second.folder.name == "ana-2" and first.folder.name == "ana"
    assert second.notice and "ana/" in second.notice and "ana-2/" in second.notice
    assert "profiles/ana.yaml" in second.notice
    again = write_packet(root, "ana", DOCS, REPLACES, other)  # finds its own folder again
    assert again.folder.name == "ana-2" and again.notice is None
    assert write_packet(root, "ana", DOCS, REPLACES, profile).folder.name == "ana"
    assert sorted(os.listdir(root)) == ["ana", "ana-2"]
    owner = json.loads((root / "ana-2" / MARKER).read_text())["profile_file"]
    assert (root / "ana-2" / owner).resolve() == other.resolve()


def test_a_folder_without_marker_is_adopted(tmp_path: Path, profile: Path) -> None:
    legacy = tmp_path / "out" / "ana"
    legacy.mkdir(parents=True)
    (legacy / "resume.pdf").write_bytes(b"%PDF from an older appkit")
    assert _write(tmp_path / "out", profile) == legacy.resolve()
    assert sorted(_tree(legacy)) == sorted([MARKER, "Ana-Resume.pdf", "match.json"])


def test_stale_staging_is_cleaned_and_live_staging_kept(tmp_path: Path, profile: Path) -> None:
    root = tmp_path / "out"
    dead, alive = _dead_pid(), os.getppid()
    stale = root / f".ana.appkit-new.{dead}.0123abcd"
    (stale / "sub").mkdir(parents=True)
    (stale / "Ana-Resume.pdf").write_bytes(b"half")
    busy = root / f".bob.appkit-new.{alive}.0123abcd"
    busy.mkdir()
    _write(root, profile)
    assert sorted(os.listdir(root)) == sorted(["ana", busy.name])


def test_fallback_swap_and_its_recovery(
    tmp_path: Path, profile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files_module, "_exchange", lambda first, second: False)
    folder = _write(tmp_path / "out", profile)
    new = {"resume.pdf": ("Ana-Resume.pdf", b"%PDF 2"), "match.json": ("match.json", b"2")}
    _write(tmp_path / "out", profile, new)
    assert _tree(folder)["Ana-Resume.pdf"] == b"%PDF 2"
    assert sorted(os.listdir(tmp_path / "out")) == ["ana"]
    # killed between the two renames: the old packet is aside and the folder is missing
    aside = folder.with_name(f".ana.appkit-old.{_dead_pid()}.89abcdef")
    folder.rename(aside)
    other = write_packet(resolve_out_dir(tmp_path / "out"), "zed", DOCS, REPLACES, None)
    assert _tree(folder)["Ana-Resume.pdf"] == b"%PDF 2"  # put back by the next run
    assert sorted(os.listdir(tmp_path / "out")) == ["ana", other.folder.name]


def test_disk_full_keeps_the_old_packet_and_leaves_nothing(
    tmp_path: Path, profile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _write(tmp_path / "out", profile)
    before = _tree(folder)

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files_module.os, "write", full)
    with pytest.raises(RenderError, match="disk full while writing Ana-Resume.pdf"):
        _write(tmp_path / "out", profile)
    assert _tree(folder) == before
    assert sorted(os.listdir(tmp_path / "out")) == ["ana"]


def test_failure_in_a_new_output_folder_creates_nothing(
    tmp_path: Path, profile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(dst))

    monkeypatch.setattr(files_module.os, "rename", denied)
    with pytest.raises(RenderError, match="permission denied"):
        _write(tmp_path / "a" / "b" / "out", profile)
    assert sorted(os.listdir(tmp_path)) == ["profiles"]


def test_a_file_where_the_packet_folder_goes_is_in_the_way(tmp_path: Path, profile: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "ana").write_text("not a folder")
    with pytest.raises(RenderError, match="is in the way"):
        _write(tmp_path / "out", profile)
    assert sorted(os.listdir(tmp_path / "out")) == ["ana"]


def test_kept_folder_named_like_a_document_is_in_the_way(tmp_path: Path, profile: Path) -> None:
    folder = _write(tmp_path / "out", profile)
    (folder / "Ana-Resume.pdf").unlink()
    (folder / "Ana-Resume.pdf").mkdir()
    with pytest.raises(RenderError, match="Ana-Resume.pdf is in the way"):
        _write(tmp_path / "out", profile)
    assert (folder / "Ana-Resume.pdf").is_dir()
    assert sorted(os.listdir(tmp_path / "out")) == ["ana"]


def test_a_tampered_marker_cannot_point_outside(tmp_path: Path, profile: Path) -> None:
    folder = _write(tmp_path / "out", profile)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    marker = json.loads((folder / MARKER).read_text())
    marker["files"]["resume.pdf"] = "../../victim.txt"
    (folder / MARKER).write_text(json.dumps(marker))
    _write(tmp_path / "out", profile)
    assert victim.read_text() == "keep"


def test_symlinks_out_of_the_output_folder_are_never_followed(
    tmp_path: Path, profile: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "ana-2").symlink_to(elsewhere)  # a sibling: skipped, not an error
    assert _write(tmp_path / "out", profile).name == "ana"
    (tmp_path / "out" / "ana").rename(tmp_path / "out" / "moved")
    (tmp_path / "out" / "ana").symlink_to(elsewhere)  # the packet folder itself: refused
    with pytest.raises(RenderError, match="outside"):
        _write(tmp_path / "out", profile)
    assert list(elsewhere.iterdir()) == []

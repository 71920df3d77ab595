"""`--watch`: render, then render again whenever an input changes, until Ctrl-C.

The inputs are the profile, the guide when it is a file (a built-in guide does not change), the
posting, and every file under the `--templates` folders. Their folders are watched rather than
the files themselves, because editors save by writing a new file and renaming it over the old
one, which ends a watch on the file. A failed render (a typo in the profile or a template) prints
its error and the watch goes on: the next save can fix it.

`watch_loop` takes the stream of change batches as an argument, so tests feed it batches of
their own instead of waiting for the file system.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from appkit.errors import AppkitError

Changes = Iterable[set[tuple[Any, str]]]  # what watchfiles.watch yields: {(Change, path), ...}


@dataclass(frozen=True)
class Watched:
    """The input files, and the folders any file of which is an input (--templates)."""

    files: frozenset[Path]
    folders: tuple[Path, ...]

    def roots(self) -> list[Path]:
        """The folders to ask the file system about (each once, the widest first)."""
        candidates = sorted({f.parent for f in self.files} | set(self.folders), key=len_parts)
        roots: list[Path] = []
        for folder in candidates:
            if folder.is_dir() and not any(folder.is_relative_to(r) for r in roots):
                roots.append(folder)
        return roots

    def relevant(self, path: str) -> bool:
        """True for a change to an input (the output folder's own writes are not)."""
        changed = Path(path).resolve()
        return changed in self.files or any(changed.is_relative_to(f) for f in self.folders)


def len_parts(path: Path) -> int:
    return len(path.parts)


def watched_inputs(
    profile: Path, guide: str | None, posting: Path | None, templates: Iterable[Path]
) -> Watched:
    """What a target command reads, for `--watch`."""
    files = {Path(profile).resolve()}
    if guide and Path(guide).is_file():
        files.add(Path(guide).resolve())
    if posting:
        files.add(Path(posting).resolve())
    return Watched(frozenset(files), tuple(Path(t).resolve() for t in templates))


def _attempt(render: Callable[[], int]) -> int | None:
    """Run one render; print its error (if any) and return None instead of stopping."""
    try:
        return render()
    except AppkitError as exc:
        click.echo(f"error: {exc.message}", err=True)
    except click.ClickException as exc:
        click.echo(f"error: {exc.format_message()}", err=True)
    return None


def watch_loop(render: Callable[[], int], changes: Changes, watched: Watched) -> int:
    """Re-render after each batch of changes that touches an input; returns the re-render count.

    `render` writes the documents and returns how many files it wrote. One line is printed per
    re-render, on stdout when it worked and as `error: ...` on stderr when it did not.
    """
    count = 0
    for batch in changes:
        paths = sorted({path for _change, path in batch if watched.relevant(path)})
        if not paths:
            continue
        count += 1
        names = ", ".join(dict.fromkeys(Path(p).name for p in paths))
        stamp = datetime.datetime.now().strftime("%H:%M:%S")
        written = _attempt(render)
        if written is not None:
            click.echo(f"{stamp} {names} changed: wrote {written} file{'s' * (written != 1)}")
    return count


def file_changes(watched: Watched) -> Changes:
    """The file system's change batches under the watched folders (blocks until a change)."""
    from watchfiles import watch

    # watchfiles logs "KeyboardInterrupt caught, stopping watch"; run_watch says it once itself.
    logging.getLogger("watchfiles.main").setLevel(logging.ERROR)
    return watch(
        *watched.roots(),
        watch_filter=lambda _change, path: watched.relevant(path),
        raise_interrupt=False,
    )


def run_watch(first: Callable[[], int], again: Callable[[], int], watched: Watched) -> None:
    """Render with `first` (which prints what it wrote), then with `again` on every change,
    until Ctrl-C (a normal end: exit code 0)."""
    try:
        _attempt(first)
        shown = len(watched.files) + len(watched.folders)
        click.echo(f"watching {shown} inputs for changes (Ctrl-C to stop)", err=True)
        watch_loop(again, file_changes(watched), watched)
    except KeyboardInterrupt:
        pass
    click.echo("stopped watching", err=True)

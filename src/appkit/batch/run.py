"""Run a planned batch: skip unchanged packets, render the rest in parallel, write as they come.

Workers (a local process pool, or Dask workers with `--scheduler`) only return bytes; this process
alone writes, so the output folder's lock, manifest and atomic swaps live in one place. Writing
costs this process ~5 ms of CPU a packet (measured); the ~50-130 ms it waits on fsync are spent
here, beside the workers, rather than in a worker between two packets.

The local pool starts at once: every worker pays its own imports and warm-up (fonts, templates,
guide index) on its first packet, all of them in parallel, instead of this process making a first
packet alone while the other cores wait. The pool is replaced every `RECYCLE` packets per worker,
a bound on whatever a library might still keep per document (ProcessPoolExecutor's own
max_tasks_per_child cannot be used with fork).

`appkit.render.isolate` runs `--templates` documents in a child made with os.fork, not
multiprocessing, precisely so it also works inside these daemonic pool workers.
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from appkit.batch.plan import Plan, Task
from appkit.batch.report import ReportRow, for_problems, for_task
from appkit.batch.store import OutputFolder
from appkit.batch.worker import Outcome, init_worker, run_task

RECYCLE = 500  # packets per worker before its process is replaced


@dataclass
class Settings:
    """How to run: where, how wide, and what to do with finished packets."""

    out: Path
    jobs: int = 0  # 0: the machine's cores
    scheduler: str | None = None
    force: bool = False
    zip: bool = False
    recycle: int = RECYCLE


@dataclass
class Result:
    rows: list[ReportRow]
    seconds: float
    interrupted: bool = False
    notices: list[str] = field(default_factory=list)


Progress = Callable[[ReportRow], None]


def _close_inherited(fd: int | None) -> None:
    """In a forked worker: drop the output lock's descriptor, so only the coordinator holds the
    lock and a killed coordinator frees it even while its workers finish, then build the engine."""
    if fd is not None:
        with contextlib.suppress(OSError):
            os.close(fd)
    init_worker()


def _local(tasks: list[Task], settings: Settings, lock_fd: int | None) -> Iterator[Outcome]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    jobs = settings.jobs or os.cpu_count() or 1
    jobs = max(1, min(jobs, len(tasks)))
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    wave = max(1, settings.recycle) * jobs
    for start in range(0, len(tasks), wave):
        executor = ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context(method),
            initializer=_close_inherited,
            initargs=(lock_fd,),
        )
        try:
            futures = [executor.submit(run_task, t) for t in tasks[start : start + wave]]
            # as_completed waits on each future once; wait(FIRST_COMPLETED) in a loop would walk
            # every pending future per packet (quadratic in a wave of 1,000).
            for future in as_completed(futures):
                yield future.result()
        finally:  # on Ctrl-C: drop what has not started, let the few running ones end
            executor.shutdown(wait=True, cancel_futures=True)


def _dask(tasks: list[Task], settings: Settings) -> Iterator[Outcome]:
    try:
        from distributed import Client, as_completed
    except ImportError:
        from appkit.errors import AppkitError

        raise AppkitError(
            "--scheduler needs Dask distributed: pip install 'appkit[cluster]'"
        ) from None
    with Client(settings.scheduler, timeout="30s") as client:
        futures = client.map(run_task, tasks, pure=False)
        try:
            for future in as_completed(futures):
                yield future.result()
                future.release()
        finally:
            client.cancel(futures)


def _raise_interrupt(_signum: int, _frame: Any) -> None:
    raise KeyboardInterrupt


def run(
    plan: Plan, settings: Settings, folder: OutputFolder, progress: Progress | None = None
) -> Result:
    """Make every planned packet not already made from the same inputs; report every row."""
    started = time.perf_counter()
    manifest = folder.manifest()
    rows: dict[str, ReportRow] = {t.key: for_task(t) for t in plan.tasks}
    invalid = [for_problems(row, problems) for row, problems in plan.problems]
    tasks = {t.key: t for t in plan.tasks}
    todo: list[Task] = []
    for task in plan.tasks:
        record = manifest.get(task.key)
        if not settings.force and folder.unchanged(task.key, task.digest, record):
            _fill(rows[task.key], record or {}, "unchanged")
            if progress:
                progress(rows[task.key])
        else:
            todo.append(task)
    result = Result(rows=[], seconds=0.0)
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    outcomes = (
        _dask(todo, settings) if settings.scheduler else _local(todo, settings, folder.lock_fd)
    )
    try:
        for outcome in outcomes if todo else ():
            task = tasks[outcome.key]
            row = rows[task.key]
            _finish(folder, task, outcome, row, manifest, result)
            if progress:
                progress(row)
    except KeyboardInterrupt:
        result.interrupted = True
    finally:
        outcomes.close()  # stops the pool now: queued packets are dropped, not made unrecorded
        signal.signal(signal.SIGTERM, previous)
    if not result.interrupted:  # one line per packet still in the roster
        folder.compact(manifest[k] for k in tasks if k in manifest)
    result.rows = _in_roster_order(plan, rows, invalid)
    result.seconds = time.perf_counter() - started
    return result


def _fill(row: ReportRow, record: dict[str, Any], status: str) -> None:
    row.status = status
    row.coverage = record.get("coverage")
    row.level_fit = record.get("level_fit")
    row.files = list(record.get("files", []))
    row.preflight = dict(record.get("preflight", {}))
    row.gaps = [tuple(g) for g in record.get("gaps", [])]  # type: ignore[misc]
    row.seconds = record.get("seconds")


def _finish(
    folder: OutputFolder,
    task: Task,
    outcome: Outcome,
    row: ReportRow,
    manifest: dict[str, dict[str, Any]],
    result: Result,
) -> None:
    """Write a finished packet, then record it: a crash between the two only redoes this one."""
    if outcome.status != "ok":
        row.status, row.error, row.seconds = "failed", outcome.error, outcome.seconds
        return
    old = manifest.get(task.key, {}).get("files", [])
    files, notice = folder.write(task.student, task.role, outcome.files, old, task.profile)
    if notice:
        result.notices.append(notice)
    record = {
        "key": task.key,
        "digest": task.digest,
        "status": "ok",
        "files": files,
        "coverage": outcome.score,
        "level_fit": outcome.level,
        "preflight": outcome.preflight,
        "gaps": outcome.gaps,
        "seconds": outcome.seconds,
    }
    folder.record(record)
    manifest[task.key] = record
    _fill(row, record, "made")


def _in_roster_order(
    plan: Plan, rows: dict[str, ReportRow], invalid: list[ReportRow]
) -> list[ReportRow]:
    def order(row: ReportRow) -> tuple[str, int]:
        file, _, number = row.row.rpartition(":")
        return (file, int(number)) if number.isdigit() else (row.row, 0)

    return sorted([*rows.values(), *invalid], key=order)

"""What a worker does with one task: load, build the packet in memory, check it, return bytes.

A worker never writes a file: it returns the documents as bytes and the coordinator writes them,
so the same function serves a local process pool and a Dask cluster without a shared file system.
Each worker thread keeps one `Engine` (fonts, compiled templates, guide indexes) for every task it
runs; that is what makes the second packet cheap.
"""

from __future__ import annotations

import threading
import time
import traceback
from dataclasses import dataclass, field
from typing import Any

from appkit.batch.plan import Task
from appkit.engine import Engine
from appkit.errors import AppkitError

_local = threading.local()  # one engine per worker thread: Dask workers may run several


@dataclass
class Outcome:
    """What came of one task: the files (name -> bytes) or the error, and the report's figures."""

    key: str
    status: str  # "ok" | "failed"
    error: str = ""
    files: dict[str, bytes] = field(default_factory=dict)
    score: float | None = None
    level: str | None = None
    gaps: list[tuple[str, str]] = field(default_factory=list)  # (category, name) not covered
    preflight: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0


def engine() -> Engine:
    """This thread's engine, built on first use and kept for every later task."""
    if getattr(_local, "engine", None) is None:
        _local.engine = Engine()
    return _local.engine  # type: ignore[no-any-return]


def init_worker() -> None:
    """Process-pool initializer: build the engine before the first task arrives.

    Ctrl-C goes to the whole process group; workers ignore it and the coordinator, which owns the
    outputs, decides what to stop, so a worker never dies halfway through a task's bookkeeping.
    """
    import signal

    global _freeze_after_first
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _freeze_after_first = True
    engine()


# Set in pool workers only: after the first packet, what is alive (modules, the warm engine,
# ~145,000 objects) is moved out of the cyclic garbage collector's reach with gc.freeze, so the
# collections during a packet walk only its own objects: GC time ~0.13 s -> ~0.06 s a packet.
_freeze_after_first = False


def _settle() -> None:
    global _freeze_after_first
    if _freeze_after_first:
        import gc

        _freeze_after_first = False
        gc.collect()  # the first packet's garbage goes first, so none of it is kept for good
        gc.freeze()


def _without_gpa(inputs: Any) -> Any:
    """The inputs with every GPA removed: a batch prints none unless the row opts in."""
    education = [e.model_copy(update={"gpa": None}) for e in inputs.profile.education]
    profile = inputs.profile.model_copy(update={"education": education})
    return inputs.model_copy(update={"profile": profile})


GAP_CATEGORIES = ("technical_skill", "tool", "certification", "education", "soft_skill")


def run_task(task: Task) -> Outcome:
    """Make one packet; every failure becomes a failed outcome, never an exception."""
    from appkit.batch.preflight import preflight
    from appkit.packet import build_packet, load_inputs

    start = time.perf_counter()
    try:
        inputs = load_inputs(
            task.profile,
            task.guide,
            task.posting,
            posting_id=task.posting_id,
            job_title=task.options.job_title,
            company=task.options.company,
        )
        if not task.gpa:
            inputs = _without_gpa(inputs)
        documents = build_packet(inputs, task.options, task.kinds, engine())
        match = documents.match
        outcome = Outcome(
            key=task.key,
            status="ok",
            files=dict(documents.files),
            score=round(match.overall, 1) if match else None,
            level=match.level.level if match and match.level else None,
            gaps=[
                (r.category, r.name)
                for r in (match.requirements if match else [])
                if r.status == "missing" and r.category in GAP_CATEGORIES
            ],
            preflight=preflight(documents.files, inputs.profile),
        )
    except AppkitError as exc:
        outcome = Outcome(key=task.key, status="failed", error=exc.message)
    except Exception as exc:  # a bug in appkit: report it on the row, keep the batch going
        last = traceback.format_exception_only(exc)[-1].strip()
        outcome = Outcome(key=task.key, status="failed", error=f"internal error: {last}")
    outcome.seconds = round(time.perf_counter() - start, 3)
    _settle()
    return outcome

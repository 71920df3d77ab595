"""A pool worker runs for hours: nothing it keeps may grow with the number of packets it makes."""

from __future__ import annotations

import functools
import gc
import multiprocessing
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from appkit.batch import load_plan
from appkit.batch.plan import Task
from appkit.batch.worker import init_worker, run_task
from appkit.options import Options
from tests.conftest import PROFILES


def _unbounded_caches() -> dict[str, object]:
    """Every `functools.cache` without a maxsize in the appkit modules loaded now, by name."""
    found: dict[str, object] = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("appkit"):
            continue
        for attribute, value in list(vars(module).items()):
            info = getattr(value, "cache_info", None)
            parameters = getattr(value, "cache_parameters", None)
            if callable(info) and callable(parameters) and parameters()["maxsize"] is None:
                found[f"{name}.{attribute}"] = value
    return found


def _sizes(caches: dict[str, object]) -> dict[str, int]:
    return {name: cache.cache_info().currsize for name, cache in caches.items()}  # type: ignore[attr-defined]


def test_list_markers_lay_out_without_the_font_features_weasyprint_leaks(tmp_path: Path) -> None:
    # WeasyPrint leaks a Pango attribute (and list) for every text layout with a font feature,
    # and keeps one entry per feature string in `font_features`; the user-agent ::marker style
    # asks for tabular figures, so every bullet of every packet leaked until appkit turned it off.
    from appkit.render.pdffonts import PdfFonts
    from appkit.render.pdfwriter import layout_pdf

    fonts = PdfFonts()
    html = "<ul><li>one</li><li>two</li></ul><ol><li>first</li><li>second</li></ol>"
    layout = layout_pdf(html, tmp_path, fonts=fonts)
    assert layout.pages == 1
    assert fonts.configuration().font_features == {}


def _roster_of_one_profile(folder: Path, count: int) -> Path:
    """`count` students who differ only in what is theirs alone: name, email, id."""
    text = PROFILES[0].read_text(encoding="utf-8")
    (folder / "students").mkdir()
    rows = ["id,profile"]
    for number in range(count):
        own = re.sub(r"(?m)^  name: .*$", f"  name: Student {number:03d}", text, count=1)
        own = re.sub(r"(?m)^  email: .*$", f"  email: s{number:03d}@example.edu", own, count=1)
        (folder / "students" / f"s{number}.yaml").write_text(own, encoding="utf-8")
        rows.append(f"S{number:03d},students/s{number}.yaml")
    (folder / "roster.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder / "roster.csv"


def test_a_worker_keeps_nothing_per_student(tmp_path: Path) -> None:
    """Caches without a bound may fill with what every packet shares (designs, guides, model
    types), never with what differs between students: students 2 to 4 add nothing to them."""
    planned = load_plan(
        _roster_of_one_profile(tmp_path, 4),
        {"guide": "clinical-coordinator", "documents": "resume", "formats": "pdf,docx"},
        Options(date="2026-03-01"),
    )
    assert len(planned.tasks) == 4
    first = run_task(planned.tasks[0])
    assert first.status == "ok", first.error
    caches = _unbounded_caches()
    assert caches  # the check looks at something
    before = _sizes(caches)
    for task in planned.tasks[1:]:
        outcome = run_task(task)
        assert outcome.status == "ok", outcome.error
        assert len(outcome.files) == len(first.files) == 2
    grown = {
        name: (before[name], size) for name, size in _sizes(caches).items() if size > before[name]
    }
    assert grown == {}


def test_the_unbounded_cache_check_sees_a_cache_that_grows() -> None:
    # The check above must be able to fail: a cache keyed by something per student is caught.
    @functools.cache
    def per_student(name: str) -> str:
        return name.upper()

    module = type(sys)("appkit._probe")
    module.per_student = per_student  # type: ignore[attr-defined]
    sys.modules["appkit._probe"] = module
    try:
        caches = _unbounded_caches()
        before = _sizes(caches)
        per_student("Student 001")
        after = _sizes(caches)
        assert after["appkit._probe.per_student"] == before["appkit._probe.per_student"] + 1
    finally:
        del sys.modules["appkit._probe"]


def _packet_then_frozen(task: Task) -> tuple[str, int]:
    return run_task(task).status, gc.get_freeze_count()


def test_pool_workers_freeze_their_warm_state_after_the_first_packet(tmp_path: Path) -> None:
    planned = load_plan(
        _roster_of_one_profile(tmp_path, 2),
        {"guide": "clinical-coordinator", "documents": "resume,match", "formats": "txt"},
        Options(date="2026-03-01"),
    )
    assert run_task(planned.tasks[0]).status == "ok"
    assert gc.get_freeze_count() == 0  # a library caller's process is left alone
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(1, mp_context=context, initializer=init_worker) as pool:
        results = list(pool.map(_packet_then_frozen, planned.tasks))
    assert [status for status, _ in results] == ["ok", "ok"]
    assert all(frozen > 10_000 for _, frozen in results)

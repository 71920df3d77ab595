"""Benchmark appkit against its floors, in one run: whole processes, in-process stages, memory.

Prints medians in milliseconds and ratios (appkit / floor). Ratios, not absolute times, are what
to compare between machines: this VM is shared and noisy, so each pair is run interleaved (and
in process, each ratio is the median of the ratios of back-to-back pairs).
Usage (from the repository root):

    python scripts/bench.py [-n 20] [--processes 7] [--packets 200] [--profile PATH]

Whole-process runs use this tree's sources (PYTHONPATH=src) with bytecode caching on (in a
temporary PYTHONPYCACHEPREFIX), as an installed package has it, even if the environment turns
it off. A batch section comes from scripts/bench_batch.py when that module exists.
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = "clinical-coordinator"
MINIMAL_CLICK = '''import click
@click.group()
def cli():
    """A minimal program."""
@cli.command()
def hello():
    """Say hello."""
cli()
'''


# `appkit match` up to its profile, set up as the command line sets itself up (appkit.cli.main).
LOAD_PROFILE = """import os
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
import click
from appkit.cli.plugins import skip_plugin_scan
skip_plugin_scan()
from appkit.profile.load import load_profile
load_profile({path!r})
"""


def median_ms(func: Callable[[], object], runs: int, warmup: int = 2) -> float:
    for _ in range(warmup):
        func()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def paired(ours: Callable[[], object], raw: Callable[[], object], runs: int) -> tuple[float, ...]:
    """Median times of both and the median of the per-pair ratios: each run of ours is followed
    by one of raw, so a slow spell of this shared VM lands on both sides of a pair."""
    for _ in range(2):
        ours(), raw()
    times: list[tuple[float, float]] = []
    for _ in range(runs):
        start = time.perf_counter()
        ours()
        middle = time.perf_counter()
        raw()
        times.append((middle - start, time.perf_counter() - middle))
    ours_ms = statistics.median(a for a, _ in times) * 1000
    raw_ms = statistics.median(b for _, b in times) * 1000
    return ours_ms, raw_ms, statistics.median(a / b for a, b in times)


def row(name: str, ours: float, floor: float | None = None, ratio: float | None = None) -> None:
    ratio = ratio if ratio is not None else ours / floor if floor else None
    ratio_text = f"{ratio:>8.2f}" if ratio is not None else ""
    floor_text = f"{floor:>10.1f}" if floor else " " * 10
    print(f"{name:<34}{ours:>10.1f}{floor_text}{ratio_text}")


def whole_process(runs: int, profile: Path, work: Path) -> None:
    """appkit commands against the programs that bound them, one process each."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT / "src")
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    appkit = [sys.executable, "-m", "appkit"]
    target = [str(profile), "-g", GUIDE, "--date", "2026-01-15", "-o", str(work / "out")]
    subprocess.run([*appkit, "resume", *target, "-f", "html"], env=env, check=True, cwd=ROOT,
                   capture_output=True)  # fmt: skip
    html = next((work / "out").rglob("*.html"))
    (work / "minimal.py").write_text(MINIMAL_CLICK)
    weasyprint = [sys.executable, "-m", "weasyprint", str(html), str(work / "raw.pdf")]
    pairs: Sequence[tuple[str, list[str], list[str]]] = [
        ("resume -f pdf / weasyprint CLI", [*appkit, "resume", *target, "-f", "pdf"], weasyprint),
        (  # the same without the helper process that imports WeasyPrint in parallel
            "  the same, APPKIT_PDF_SERVICE=0",
            ["env", "APPKIT_PDF_SERVICE=0", *appkit, "resume", *target, "-f", "pdf"],
            weasyprint,
        ),
        (
            "match / import click,pydantic,yaml",
            [*appkit, "match", *target[:3]],
            [sys.executable, "-c", "import click, pydantic, yaml"],
        ),
        (  # what `match` cannot go below while pydantic models validate the profile
            "  loading the profile alone",
            [sys.executable, "-c", LOAD_PROFILE.format(path=str(profile))],
            [sys.executable, "-c", "import click, pydantic, yaml"],
        ),
        (
            "--help / minimal click --help",
            [*appkit, "--help"],
            [sys.executable, str(work / "minimal.py"), "--help"],
        ),  # fmt: skip
        ("resume -f docx (no floor)", [*appkit, "resume", *target, "-f", "docx"], []),
    ]
    samples: dict[str, list[list[float]]] = {name: [[], []] for name, _, _ in pairs}
    for round_ in range(runs + 1):  # round 0 warms the caches and is dropped
        for name, ours, floor in pairs:
            for side, command in enumerate((ours, floor)):
                if not command:
                    continue
                start = time.perf_counter()
                subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True)
                if round_:
                    samples[name][side].append((time.perf_counter() - start) * 1000)
    print(f"\nwhole process, median of {runs} interleaved runs (ms)")
    print(f"{'command':<34}{'appkit':>10}{'floor':>10}{'ratio':>8}")
    for name, (ours_ms, floor_ms) in samples.items():
        row(name, statistics.median(ours_ms), statistics.median(floor_ms) if floor_ms else None)


def in_process(runs: int, profile: Path) -> None:
    """Resume PDF (with page fitting) and DOCX against raw WeasyPrint and raw python-docx."""
    import docx
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    from appkit.documents.tailor import tailor
    from appkit.documents.target import resolve_target
    from appkit.engine import Engine
    from appkit.match.engine import match_profile
    from appkit.packet import Options, doc_info, load_inputs, render_documents
    from appkit.packet.fit import fit_pdf
    from appkit.render.docxwriter import render_docx
    from appkit.render.html import Context, render_html
    from appkit.render.htmlsubset import parse_html

    inputs = load_inputs(profile, GUIDE)
    options = Options(date="2026-01-15")
    engine = Engine()  # one per process, as a batch worker holds it
    indexes = engine.guide_indexes
    tailored = tailor(inputs.profile, inputs.guide, index_cache=indexes)
    context = Context(
        doc=doc_info("resume", inputs, tailored, resolve_target(tailored, date=options.date)),
        profile=inputs.profile,
        tailored=tailored,
        guide=inputs.guide,
    )
    rendered = render_html("resume", "classic", context, environments=engine.templates)
    fitted, _, fit = fit_pdf("resume", context, rendered, options, engine)
    base_url = rendered.base_dir.as_uri() + "/"
    fonts = FontConfiguration()
    blocks = parse_html(rendered.html).blocks

    def raw_pdf() -> bytes:  # the kept HTML, laid out and written once: WeasyPrint's floor
        return HTML(string=fitted.html, base_url=base_url).write_pdf(font_config=fonts)

    def raw_tagged_pdf() -> bytes:  # the same, tagged for accessibility as appkit's PDFs are
        page = HTML(string=fitted.html, base_url=base_url)
        return page.write_pdf(font_config=fonts, pdf_tags=True)

    def raw_docx() -> bytes:  # the same paragraphs, styles and runs, style ids looked up once
        document = docx.Document()
        ids: dict[str, str] = {}
        for block in blocks:
            if block.style not in ids:
                found = next((s for s in document.styles if s.name == block.style), None)
                ids[block.style] = found.style_id if found else "Normal"
            paragraph = document.add_paragraph()
            paragraph._p.get_or_add_pPr().style = ids[block.style]
            for run in block.runs + block.date:
                out = paragraph.add_run(run.text)
                out.bold, out.italic = run.bold or None, run.italic or None
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()

    rows = [
        (
            "resume PDF with fitting / raw",
            lambda: fit_pdf("resume", context, rendered, options, engine),
            raw_pdf,
        ),  # fmt: skip
        (
            "  the same / raw, tagged PDF",
            lambda: fit_pdf("resume", context, rendered, options, engine),
            raw_tagged_pdf,
        ),  # fmt: skip
        ("resume DOCX / styled raw docx", lambda: render_docx(rendered.html), raw_docx),
    ]
    print(f"\nin process, {profile.name}: {fit.summary()}")
    print(f"{'stage':<34}{'appkit':>10}{'raw':>10}{'ratio':>8}")
    for name, ours, raw in rows:
        ours_ms, raw_ms, ratio = paired(ours, raw, runs)
        row(name, ours_ms, raw_ms, ratio)
    kinds = ["resume", "cover", "interview", "report"]
    for name, func in [
        (
            "match one profile",
            lambda: match_profile(inputs.profile, inputs.guide, None, None, indexes),
        ),  # fmt: skip
        (
            "tailor (match + ranking)",
            lambda: tailor(inputs.profile, inputs.guide, index_cache=indexes),
        ),  # fmt: skip
        ("Jinja render", lambda: render_html("resume", "classic", context, (), engine.templates)),
        (
            "packet, 4 docs x pdf+docx",
            lambda: render_documents(kinds, inputs, options, engine=engine),
        ),  # fmt: skip
    ]:
        row(name, median_ms(func, max(3, runs // 4) if "packet" in name else runs))


def memory(packets: int) -> None:
    """Resident memory of one process making packets for the samples in turn, one engine."""
    from appkit.engine import Engine
    from appkit.packet import Options, build_packet, load_inputs

    def rss_mib() -> float:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    profiles = sorted((ROOT / "profiles").glob("*.yaml"))
    inputs = [load_inputs(path, GUIDE) for path in profiles]
    engine, options = Engine(), Options(date="2026-01-15")
    marks: dict[int, float] = {}
    for number in range(1, packets + 1):
        build_packet(inputs[number % len(inputs)], options, engine=engine)
        if number in (20, packets):
            gc.collect()
            marks[number] = rss_mib()
    first, last = marks[20], marks[packets]
    print(f"\nmemory, one process: after 20 packets {first:.1f} MiB, after {packets}"
          f" {last:.1f} MiB ({(last - first) / first:+.1%})")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=20, help="in-process runs per stage")
    parser.add_argument("--processes", type=int, default=7, help="whole-process runs per command")
    parser.add_argument("--packets", type=int, default=200, help="packets for the memory check")
    parser.add_argument("--profile", type=Path, default=ROOT / "profiles" / "linda-chen.yaml")
    parser.add_argument("--batch", action="store_true", help="run only the batch section")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "scripts"))
    from bench_batch import main as batch_main  # appkit batch: throughput, warm cost, memory

    if args.batch:
        batch_main([])
        return
    load = os.getloadavg()[0]
    print(f"appkit bench: load average {load:.2f} on {os.cpu_count()} CPUs at the start")
    with tempfile.TemporaryDirectory(prefix="appkit-bench-") as work:
        whole_process(args.processes, args.profile.resolve(), Path(work))
    sys.path.insert(0, str(ROOT / "src"))
    in_process(args.runs, args.profile.resolve())
    if args.packets >= 20:
        memory(args.packets)
    batch_main([])


if __name__ == "__main__":
    main()

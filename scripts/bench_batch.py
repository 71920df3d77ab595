"""Batch section of the benchmark: `appkit batch` throughput, warm cost and worker memory.

Prints, in one run: packets per second with one worker and with two and the speed-up; the cost of
one packet inside a warm worker against a fresh `appkit packet` process; a worker's peak memory
after 20 packets and after 200; and what that means for 10,000 students on 2 cores. A packet is
the full one (resume, cover letter, interview prep, gap report; PDF and DOCX; match.json).

    python scripts/bench_batch.py [--packets 20] [--memory 200]     (or scripts/bench.py --batch)
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDE = "clinical-coordinator"
DATE = "2026-03-01"


def _roster(folder: Path, count: int) -> Path:
    """`count` students, copies of the sample profiles with their own names and ids."""
    samples = sorted((ROOT / "profiles").glob("*.yaml"))
    (folder / "students").mkdir(parents=True, exist_ok=True)
    lines = ["id,profile"]
    for number in range(count):
        text = samples[number % len(samples)].read_text(encoding="utf-8")
        text = re.sub(r"(?m)^  name: .*$", f"  name: Student {number:04d}", text, count=1)
        (folder / "students" / f"s{number:04d}.yaml").write_text(text, encoding="utf-8")
        lines.append(f"S{number:04d},students/s{number:04d}.yaml")
    roster = folder / "roster.csv"
    roster.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return roster


def _rate(roster: Path, out: Path, jobs: int) -> tuple[float, int]:
    """Packets per second of a whole `run_batch` (pool start-up and writing included)."""
    from appkit.batch import Settings, load_plan, run_batch
    from appkit.options import Options

    planned = load_plan(roster, {"guide": GUIDE}, Options(date=DATE))
    start = time.perf_counter()
    result = run_batch(planned, Settings(out=out, jobs=jobs, force=True))
    seconds = time.perf_counter() - start
    made = sum(r.status == "made" for r in result.rows)
    return made / seconds, made


def _warm_packet_ms(runs: int = 5) -> float:
    from statistics import median

    from appkit.batch.worker import engine
    from appkit.options import Options
    from appkit.packet import build_packet, load_inputs

    inputs = load_inputs(ROOT / "profiles" / "maria-santos.yaml", GUIDE)
    options = Options(date=DATE)
    build_packet(inputs, options, engine=engine())  # warm-up
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        build_packet(inputs, options, engine=engine())
        samples.append((time.perf_counter() - start) * 1000)
    return median(samples)


def _fresh_packet_ms(folder: Path, runs: int = 2) -> float:
    from statistics import median

    samples = []
    for number in range(runs):
        command = [
            sys.executable,
            "-m",
            "appkit",
            "packet",
            str(ROOT / "profiles" / "maria-santos.yaml"),
            "-g",
            GUIDE,
            "--date",
            DATE,
            "-o",
            str(folder / f"f{number}"),
        ]
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        samples.append((time.perf_counter() - start) * 1000)
    return median(samples)


_MEMORY = """
import resource, sys
from appkit.batch.worker import init_worker, run_task
from appkit.batch import load_plan
from appkit.options import Options
plan = load_plan(__import__("pathlib").Path(sys.argv[1]), {"guide": sys.argv[3]},
                 Options(date=sys.argv[4]))
init_worker()
marks = {20, int(sys.argv[2])}
for number, task in enumerate(plan.tasks * (int(sys.argv[2]) // len(plan.tasks) + 1), 1):
    run_task(task)
    if number in marks:
        print(number, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    if number == max(marks):
        break
"""


def _memory_mb(roster: Path, packets: int) -> dict[int, float]:
    """Peak RSS (MB) of one worker process after 20 and after `packets` packets."""
    output = subprocess.run(
        [sys.executable, "-c", _MEMORY, str(roster), str(packets), GUIDE, DATE],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return {int(a): int(b) / 1024 for a, b in (line.split() for line in output.splitlines())}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packets", type=int, default=20, help="roster size for the rates")
    parser.add_argument("--memory", type=int, default=200, help="packets for the memory figure")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        roster = _roster(folder, args.packets)
        one, made = _rate(roster, folder / "one", 1)
        two, _ = _rate(roster, folder / "two", 2)
        print(f"batch: {made} full packets (4 documents x PDF+DOCX + match.json)")
        print(f"  1 worker            {one:8.3f} packets/s")
        print(f"  2 workers           {two:8.3f} packets/s   speed-up {two / one:.2f}x")
        warm, fresh = _warm_packet_ms(), _fresh_packet_ms(folder)
        print(
            f"  warm packet         {warm:8.0f} ms   fresh `appkit packet` process {fresh:.0f} ms"
            f"   ratio {warm / fresh:.2f}"
        )
        memory = _memory_mb(_roster(folder / "m", 10), args.memory)
        small, large = memory[20], memory[args.memory]
        print(
            f"  worker peak RSS     {small:8.1f} MB after 20, {large:.1f} MB after {args.memory}"
            f"   (+{100 * (large - small) / small:.1f}%)"
        )
        minutes = 10_000 / two / 60
        print(f"  10,000 students at the 2-worker rate: {minutes:.0f} min (goal: 30)")


if __name__ == "__main__":
    main()

"""Batch section of the benchmark: `appkit batch` throughput, warm cost and worker memory.

Prints, in one run: packets per second with one worker and with two and the speed-up; the cost of
one packet inside a warm worker against a fresh `appkit packet` process; a worker's peak memory
after 20 packets and after 200; and what that means for 10,000 students on 2 cores. A packet is
the full one (resume, cover letter, interview prep, gap report; PDF and DOCX; match.json).

    python scripts/bench_batch.py [--packets 20] [--memory 200] [--rounds 1]  (or bench.py --batch)
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

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


def _rate(roster: Path, out: Path, jobs: int) -> tuple[float, float, int]:
    """Packets per second of a whole `run_batch` (pool start-up, every worker's warm-up and
    writing included), and after the warm-up: from the `jobs`-th finished packet (by then every
    worker has made its first) to the last."""
    from appkit.batch import Settings, load_plan, run_batch
    from appkit.options import Options

    planned = load_plan(roster, {"guide": GUIDE}, Options(date=DATE))
    finished: list[float] = []
    start = time.perf_counter()
    result = run_batch(
        planned,
        Settings(out=out, jobs=jobs, force=True),
        lambda row: finished.append(time.perf_counter()),
    )
    seconds = time.perf_counter() - start
    made = sum(r.status == "made" for r in result.rows)
    steady = (made - jobs) / (finished[-1] - finished[jobs - 1])
    return made / seconds, steady, made


def _warm_packet_ms(runs: int = 5) -> float:
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
import sys
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from appkit.batch import load_plan
from appkit.batch.worker import init_worker, run_task
from appkit.options import Options

def measured(task):  # runs in the pool worker: the packet, then the worker's own memory
    status = run_task(task).status
    facts = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return status, int(facts["VmHWM"].split()[0]), int(facts["VmRSS"].split()[0])

plan = load_plan(Path(sys.argv[1]), {"guide": sys.argv[2]}, Options(date=sys.argv[3]))
with ProcessPoolExecutor(1, mp_context=get_context("fork"), initializer=init_worker) as pool:
    for number, (status, peak, now) in enumerate(pool.map(measured, plan.tasks), 1):
        assert status == "ok", number
        if number in (20, len(plan.tasks)):
            print(number, peak, now)
"""


def _memory_mb(roster: Path) -> dict[int, tuple[float, float]]:
    """(peak, current) RSS in MB of one pool worker after 20 packets and after the roster's last;
    every student is a different one, as in a career center's roster."""
    output = subprocess.run(
        [sys.executable, "-c", _MEMORY, str(roster), GUIDE, DATE],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    lines = (line.split() for line in output.splitlines())
    return {int(n): (int(peak) / 1024, int(now) / 1024) for n, peak, now in lines}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packets", type=int, default=20, help="roster size for the rates")
    parser.add_argument("--memory", type=int, default=200, help="packets for the memory figure")
    parser.add_argument(  # two rounds: one busy moment on a shared machine skews a single run
        "--rounds", type=int, default=2, help="interleaved 1- and 2-worker runs (median)"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        roster = _roster(folder, args.packets)
        load = os.getloadavg()[0]
        rates: dict[int, list[float]] = {1: [], 2: []}
        steady: dict[int, list[float]] = {1: [], 2: []}
        for number in range(args.rounds):  # interleaved, the order swapped every round
            for jobs in (1, 2) if number % 2 == 0 else (2, 1):
                rate, after, made = _rate(roster, folder / f"r{number}j{jobs}", jobs)
                rates[jobs].append(rate)
                steady[jobs].append(after)
            if args.rounds > 1:
                ratio = rates[2][-1] / rates[1][-1]
                print(
                    f"  round {number + 1}: {rates[1][-1]:.3f} / {rates[2][-1]:.3f} -> {ratio:.2f}x"
                )
        one, two = median(rates[1]), median(rates[2])
        one_after, two_after = median(steady[1]), median(steady[2])
        print(
            f"batch: {made} full packets (4 documents x PDF+DOCX + match.json); load average"
            f" {load:.2f} -> {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs"
        )
        print(f"  1 worker            {one:8.3f} packets/s   after warm-up {one_after:.3f}")
        print(
            f"  2 workers           {two:8.3f} packets/s   after warm-up {two_after:.3f}"
            f"   speed-up {two / one:.2f}x (after warm-up {two_after / one_after:.2f}x)"
        )
        warm, fresh = _warm_packet_ms(), _fresh_packet_ms(folder)
        print(
            f"  warm packet         {warm:8.0f} ms   fresh `appkit packet` process {fresh:.0f} ms"
            f"   ratio {warm / fresh:.2f}"
        )
        if args.memory > 20:  # --memory 0 (or up to 20) leaves the memory figure out
            memory = _memory_mb(_roster(folder / "m", args.memory))
            (small, now_small), (large, now_large) = memory[20], memory[args.memory]
            print(
                f"  worker peak RSS     {small:8.1f} MB after 20, {large:.1f} MB after"
                f" {args.memory}   ({100 * (large - small) / small:+.1f}%; current RSS"
                f" {now_small:.1f} -> {now_large:.1f} MB; {args.memory} different students,"
                " one pool worker)"
            )
        minutes = 10_000 / two_after / 60  # a start-up a worker per 500 packets: negligible
        print(f"  10,000 students at the 2-worker rate after warm-up: {minutes:.0f} min (goal: 30)")


if __name__ == "__main__":
    main()

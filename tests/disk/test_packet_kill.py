"""kill -9 at random points of a real `appkit packet` run: the old packet or the new, never a mix.

A wrapper slows each fsync a little (in the child process only) so that the file-writing phase,
a few milliseconds in real life, is long enough for some of the random kill points to land in it.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import ROOT

WRAPPER = """
import os, sys, time
from appkit.disk import write as generate
real_fsync, real_write = os.fsync, generate.write_packet
def slow_fsync(fd):
    time.sleep(0.05)
    real_fsync(fd)
def timed_write(*args, **kwargs):
    with open(os.environ["WRITE_STARTED"], "w") as f:
        f.write(repr(time.time()))
    return real_write(*args, **kwargs)
os.fsync = slow_fsync
generate.write_packet = timed_write
from appkit.cli import main
sys.argv = ["appkit", *sys.argv[1:]]
main()
"""


def _command(company: str) -> list[str]:
    return [
        sys.executable,
        "-c",
        WRAPPER,
        "packet",
        "profiles/maria-santos.yaml",
        "--guide",
        "clinical-coordinator",
        "-f",
        "docx",
        "--company",
        company,
        "--date",
        "2026-01-15",
    ]


def _state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())} if folder.exists() else {}


def _restore(folder: Path, state: dict[str, bytes]) -> None:
    shutil.rmtree(folder)
    folder.mkdir()
    for name, data in state.items():
        (folder / name).write_bytes(data)


def test_kill_at_random_points_leaves_old_or_new_packet(tmp_path: Path) -> None:
    work = tmp_path / "work"
    (work / "profiles").mkdir(parents=True)
    shutil.copy(ROOT / "profiles" / "maria-santos.yaml", work / "profiles")
    stamp = tmp_path / "write-started"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "WRITE_STARTED": str(stamp)}
    folder = work / "out" / "maria-santos"

    def run(company: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            _command(company), cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )

    assert run("Old Clinic").wait() == 0
    old = _state(folder)
    started = time.time()
    process = run("New Clinic")
    assert process.wait() == 0
    total = time.time() - started
    writing = float(stamp.read_text()) - started
    new = _state(folder)
    assert old != new and len(new) == 6  # 4 documents, match.json and the marker

    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    # five points over the whole run, five over the write phase; each stratified so they spread
    points = [total * (i + rng.random()) / 5 for i in range(5)]
    points += [writing + (total - writing) * (i + rng.random()) / 5 for i in range(5)]
    outcomes = []
    for delay in points:
        _restore(folder, old)
        process = run("New Clinic")
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        state = _state(folder)
        assert state in (old, new), f"seed {seed}, kill after {delay:.2f}s: {sorted(state)}"
        outcomes.append("new" if state == new else "old")

    assert run("New Clinic").wait() == 0
    assert _state(folder) == new
    assert os.listdir(work / "out") == ["maria-santos"], f"staging left: {outcomes}"

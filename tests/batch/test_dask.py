"""--scheduler: the same tasks on a Dask cluster give byte-identical packets to the local pool."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.batch.helpers import run, write_roster

ARGS = (
    "-f",
    "pdf,docx",
    "--documents",
    "resume,match",
    "-g",
    "clinical-coordinator",
    "--date",
    "2026-03-01",
    "--no-cohort",
)


def _files(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in out.glob("S*/*/*")
        if not p.name.startswith(".")
    }


@pytest.mark.slow
def test_local_cluster_packets_are_byte_identical_to_the_local_pool(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    roster = write_roster(tmp_path, 2)
    assert run("batch", str(roster), "-o", str(tmp_path / "pool"), "-j", "2", *ARGS)[0] == 0
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        code, _, err = run(
            "batch",
            str(roster),
            "-o",
            str(tmp_path / "dask"),
            "--scheduler",
            cluster.scheduler_address,
            *ARGS,
        )
    assert code == 0, err
    pool, dask = _files(tmp_path / "pool"), _files(tmp_path / "dask")
    assert len(pool) == 6 and pool.keys() == dask.keys()
    assert all(pool[name] == dask[name] for name in pool)

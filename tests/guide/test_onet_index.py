"""The shipped O*NET index (guides/onet/index.json.gz): complete, current and quick to load.

The format is described in guides/onet/README.md; scripts/build_onet_index.py builds it.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
import time
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
INDEX = ROOT / "guides" / "onet" / "index.json.gz"
SCRIPT = ROOT / "scripts" / "build_onet_index.py"
CODE = re.compile(r"\d{2}-\d{4}\.\d{2}")


def _script() -> Any:
    spec = importlib.util.spec_from_file_location("build_onet_index", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _script()
DB = build.default_db()
needs_db = pytest.mark.skipif(
    not DB.is_dir(),
    reason=f"O*NET source folder {DB} is absent (../shared/data beside the repository); "
    "cannot compare the shipped index with a fresh build",
)


@cache
def shipped_bytes() -> bytes:
    return INDEX.read_bytes()


@cache
def shipped() -> dict[str, Any]:
    return json.loads(gzip.decompress(shipped_bytes()))


@cache
def fresh_payload() -> bytes:
    return build.encode(build.build_index(DB))


def test_loads_quickly() -> None:
    started = time.perf_counter()
    index = json.loads(gzip.decompress(INDEX.read_bytes()))
    elapsed = time.perf_counter() - started
    size = INDEX.stat().st_size
    print(f"\n{INDEX.name}: {size / 1e6:.2f} MB, loaded in {elapsed * 1000:.0f} ms")
    assert index["metadata"]["format"] == "appkit-onet-index"
    assert size < 5_000_000, "the index should stay a few MB at most"


def test_gzip_header_is_reproducible() -> None:
    data = shipped_bytes()
    assert data[:3] == b"\x1f\x8b\x08"
    assert data[3] & 0x08 == 0, "no file name in the gzip header"
    assert data[4:8] == b"\0\0\0\0", "gzip mtime must be 0"


def test_metadata_carries_release_and_attribution() -> None:
    meta = shipped()["metadata"]
    assert meta["format_version"] == 1
    assert re.fullmatch(r"O\*NET \d+\.\d+", meta["release"])
    assert meta["license"] == "CC BY 4.0"
    attribution = meta["attribution"]
    assert f"{meta['release']} Database" in attribution
    assert "USDOL/ETA" in attribution and "CC BY 4.0" in attribution
    for name, info in meta["files"].items():
        assert info["release"].startswith("O*NET "), name
        if info["release"] != meta["release"]:
            assert info["release"] in attribution, f"{name} comes from another release"
    assert "Occupation Data.txt" in meta["files"]


def test_every_occupation() -> None:
    index = shipped()
    occupations = index["occupations"]
    assert len(occupations) == 1016 == index["metadata"]["counts"]["occupations"]
    no_data = []
    for code, occ in occupations.items():
        assert CODE.fullmatch(code) and occ["code"] == code
        assert occ["title"].strip() and occ["description"].strip(), code
        assert occ["job_zone"] in (None, 1, 2, 3, 4, 5), code
        for field in ("alternate_titles", "tasks", "technology", "skills", "knowledge"):
            assert isinstance(occ[field], list), (code, field)
        if not (occ["tasks"] or occ["skills"] or occ["technology"]):
            no_data.append(code)
    # O*NET rates no "All Other" residual occupation and no military one (55-xxxx): they have a
    # title, a description and alternate titles only. Every other occupation has tasks or skills.
    assert len(no_data) == index["metadata"]["counts"]["occupations_without_data"]
    for code in no_data:
        title = occupations[code]["title"]
        assert "All Other" in title or code.startswith("55-"), (code, title)
        assert occupations[code]["alternate_titles"], code


def test_item_shapes() -> None:
    index = shipped()
    technology = index["technology"]
    for code, occ in index["occupations"].items():
        for task_id, text, kind in occ["tasks"]:
            assert isinstance(task_id, int) and text.strip(), code
            assert kind in ("Core", "Supplemental", None), code
        kinds = [kind for _, _, kind in occ["tasks"] if kind]
        assert kinds == sorted(kinds), f"{code}: Core tasks come before Supplemental ones"
        for name, commodity, hot, demand in occ["technology"]:
            assert name in technology and commodity in index["commodities"], (code, name)
            assert isinstance(hot, bool) and isinstance(demand, bool)
        for field in ("skills", "knowledge"):
            importances = [importance for _, importance, _ in occ[field]]
            assert importances == sorted(importances, reverse=True), (code, field)
            for name, importance, level in occ[field]:
                assert name and 1 <= importance <= 5 and (level is None or 0 <= level <= 7)
        for title, short, sources in occ["alternate_titles"]:
            assert title and (short is None or short.strip()), code
            assert re.fullmatch(r"\d\d(,\d\d)*", sources), (code, title)


def test_known_occupations() -> None:
    occupations = shipped()["occupations"]
    nurse = occupations["29-1141.00"]
    assert nurse["title"] == "Registered Nurses" and nurse["job_zone"] == 4
    assert any(short == "RN" for _, short, _ in nurse["alternate_titles"]) or any(
        title == "RN" for title, _, _ in nurse["alternate_titles"]
    )
    assert nurse["tasks"][0][2] == "Core"
    developer = occupations["15-1252.00"]
    assert developer["title"] == "Software Developers"
    assert len(developer["technology"]) > 100 and developer["tasks"]
    assert occupations["45-2092.00"]["title"].count("Nursery") == 1


def test_technology_vocabulary() -> None:
    index = shipped()
    vocabulary = index["technology"]
    assert 8000 < len(vocabulary) < 10000
    assert len(index["commodities"]) > 100
    names = ("C++", "Python", "Oracle Java", "Amazon Web Services AWS software", "Epic Systems")
    for name in names:
        assert vocabulary[name]["example"], name
    assert vocabulary["C++"]["hot"]
    assert vocabulary["Spreadsheet software"]["commodity"]
    for name, entry in vocabulary.items():
        assert entry["commodities"] and entry["occupations"] >= 1, name
        assert all(c in index["commodities"] for c in entry["commodities"]), name


@needs_db
def test_shipped_index_equals_a_fresh_build() -> None:
    fresh = fresh_payload()
    shipped_payload = gzip.decompress(shipped_bytes())
    if shipped_payload != fresh:
        old, new = json.loads(shipped_payload), json.loads(fresh)
        differing = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
        pytest.fail(
            f"guides/onet/index.json.gz is stale (differs in {differing}); "
            "rebuild it with: python3 scripts/build_onet_index.py"
        )


@needs_db
def test_rebuild_is_byte_identical() -> None:
    payload = fresh_payload()
    assert build.compress(payload) == build.compress(payload)
    assert gzip.decompress(build.compress(payload)) == payload


@needs_db
def test_release_comes_from_the_read_me() -> None:
    release, date = build.read_release(DB)
    assert shipped()["metadata"]["release"] == release
    assert shipped()["metadata"]["release_date"] == date


def test_bad_database_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(build.BuildError, match="not found"):
        build.build_index(tmp_path / "missing")
    (tmp_path / "Read Me.txt").write_text("Something else\n")
    with pytest.raises(build.BuildError, match="O\\*NET 29.3 Database"):
        build.build_index(tmp_path)
    (tmp_path / "Read Me.txt").write_text("O*NET 30.0 Database\nAugust 2025 Release\n")
    (tmp_path / "Occupation Data.txt").write_text("O*NET-SOC Code\tTitle\n11-1011.00\tChiefs\n")
    with pytest.raises(build.BuildError, match="missing column"):
        build.build_index(tmp_path)


def test_small_database(tmp_path: Path) -> None:
    """A newer release with only some files: its own release name, empty lists elsewhere."""
    (tmp_path / "Read Me.txt").write_text("O*NET 30.0 Database\nAugust 2025 Release\n")
    (tmp_path / "Occupation Data.txt").write_text(
        "O*NET-SOC Code\tTitle\tDescription\n29-1141.00\tRegistered Nurses\tCare for patients.\n"
    )
    (tmp_path / "Task Statements.txt").write_text(
        "O*NET-SOC Code\tTitle\tTask ID\tTask\tTask Type\n"
        "29-1141.00\tRegistered Nurses\t1\tRecord vital signs.\tCore\n"
        "29-1141.00\tRegistered Nurses\t2\tTeach patients.\t\n"
    )
    index = build.build_index(tmp_path, {"Task Statements.txt": "O*NET 29.3"})
    meta = index["metadata"]
    assert meta["release"] == "O*NET 30.0" and meta["release_date"] == "August 2025 Release"
    assert meta["files"]["Task Statements.txt"]["release"] == "O*NET 29.3"
    assert (
        "O*NET 30.0 Database and the O*NET 29.3 Database (Task Statements)" in (meta["attribution"])
    )
    occ = index["occupations"]["29-1141.00"]
    assert occ["tasks"] == [[1, "Record vital signs.", "Core"], [2, "Teach patients.", None]]
    assert occ["skills"] == [] and occ["job_zone"] is None

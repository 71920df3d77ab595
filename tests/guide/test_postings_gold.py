"""The hand-labelled gold file for the 40 dev postings and the script that scores the parser."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "score_postings.py"
ITEM_LISTS = ("responsibilities", "required_skills", "preferred_skills")


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_postings", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("score_postings", module)
    spec.loader.exec_module(module)
    return module


SCORE = _script()
GOLD: dict[str, dict[str, Any]] = SCORE.load_gold()
CSV = SCORE.find_csv()
needs_csv = pytest.mark.skipif(CSV is None, reason="../shared/data/postings not present")


def test_gold_has_forty_entries_with_the_expected_fields() -> None:
    assert len(GOLD) == 40
    for job_id, entry in GOLD.items():
        assert job_id.isdigit(), job_id
        assert isinstance(entry["title"], str) and entry["title"].strip(), job_id
        assert entry["company"] is None or entry["company"].strip(), job_id
        for name in (*ITEM_LISTS, "skills", "boilerplate_examples"):
            values = entry[name]
            assert isinstance(values, list), (job_id, name)
            assert all(isinstance(v, str) and v.strip() for v in values), (job_id, name)
            assert len({v.casefold() for v in values}) == len(values), (job_id, name, "dup")
        assert 1 <= len(entry["boilerplate_examples"]) <= 3, job_id
        assert sum(len(entry[name]) for name in ITEM_LISTS) >= 3, job_id


def test_no_boilerplate_snippet_is_labelled_as_a_duty_or_requirement() -> None:
    for job_id, entry in GOLD.items():
        items = [item for name in ITEM_LISTS for item in entry[name]]
        for snippet in entry["boilerplate_examples"]:
            hits = [item for item in items if SCORE.leaked(snippet, item)]
            assert not hits, (job_id, snippet, hits)


def test_alignment_is_fuzzy_and_one_to_one() -> None:
    gold = ["Proficient in Microsoft Office and Google Suite", "Excel", "Outlook"]
    found = ["Proficient in Microsoft Office and Google Suite.", "Excel - pivot tables", "Excel"]
    assert sorted(SCORE.align(gold, found)) == [(0, 0), (1, 2)]
    assert SCORE.same_name("  customer SERVICE representative ", "Customer Service Representative")
    assert SCORE.same_name("IoT Engineer", "Internet of Things Engineer", ["IoT Engineer"])
    assert not SCORE.same_name("Company Description", "Registered Nurse")


@needs_csv
def test_gold_job_ids_and_titles_match_the_csv() -> None:
    rows = SCORE.load_rows(CSV)
    assert [r["job_id"] for r in rows] == list(GOLD)
    for row in rows:
        entry = GOLD[row["job_id"]]
        assert entry["title"] == row["title"].strip(), row["job_id"]
        if row["company_name"].strip() and row["company_name"].strip() != "Confidential":
            assert entry["company"] == row["company_name"].strip(), row["job_id"]


@needs_csv
def test_gold_items_are_worded_as_in_the_posting() -> None:
    """Items keep the posting's wording so the fuzzy matcher can align them (allowing trims)."""
    from rapidfuzz import fuzz

    for row in SCORE.load_rows(CSV):
        text = " ".join(row["description"].split()).casefold()
        entry = GOLD[row["job_id"]]
        for item in [*(i for n in ITEM_LISTS for i in entry[n]), *entry["boilerplate_examples"]]:
            needle = " ".join(item.split()).casefold()
            assert fuzz.partial_ratio(needle, text) >= 90, (row["job_id"], item)


@needs_csv
def test_the_scoring_script_prints_a_table_and_json() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    run = [sys.executable, str(SCRIPT), "--csv", str(CSV)]
    table = subprocess.run(run, capture_output=True, text=True, env=env, check=True).stdout
    for word in ("title", "company", "responsibilities", "requirements", "skills", "boilerplate"):
        assert word in table, table
    assert "40 postings" in table
    out = subprocess.run([*run, "--json"], capture_output=True, text=True, env=env, check=True)
    result = json.loads(out.stdout)
    assert result["postings"] == 40
    fields = {"title", "company", "responsibilities", "requirements", "skills"}
    assert set(result["fields"]) == fields
    assert result["fields"]["title"]["gold"] == 40

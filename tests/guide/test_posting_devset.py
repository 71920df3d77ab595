"""The posting parser on the 40 real dev postings, scored against the hand-labelled gold file.

Issue 12's targets: title 38/40 and company 36/40 (where the text or a column names one), item
precision >= 90% and recall >= 85% for responsibilities and requirements. The CSV route (columns
given) is the career-center case; the description-only route is the unseen-material case, where
title and company must come from the text (its floors are what the parser reaches today).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "score_postings", ROOT / "scripts" / "score_postings.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("score_postings", module)
    spec.loader.exec_module(module)
    return module


SCORE = _script()
CSV = SCORE.find_csv()
pytestmark = pytest.mark.skipif(CSV is None, reason="../shared/data/postings not present")


def _run(route: str) -> dict[str, Any]:
    SCORE.MODE["route"] = route
    try:
        return SCORE.score(SCORE.load_rows(CSV), SCORE.load_gold(), CSV)
    finally:
        SCORE.MODE["route"] = "csv"


@pytest.fixture(scope="module")
def csv_route() -> dict[str, Any]:
    return _run("csv")


@pytest.fixture(scope="module")
def text_route() -> dict[str, Any]:
    return _run("text")


def test_csv_route_meets_the_title_and_company_targets(csv_route: dict[str, Any]) -> None:
    fields = csv_route["fields"]
    assert csv_route["parser_errors"] == 0
    assert fields["title"]["matched"] >= 38
    assert fields["company"]["matched"] >= 36


def test_items_meet_the_targets(csv_route: dict[str, Any]) -> None:
    fields = csv_route["fields"]
    duties, reqs = fields["responsibilities"], fields["requirements"]
    assert duties["precision"] >= 0.90 and duties["recall"] >= 0.85, duties
    assert reqs["precision"] >= 0.90 and reqs["recall"] >= 0.85, reqs
    assert fields["skills"]["recall"] >= 0.42, fields["skills"]
    leaks = csv_route["boilerplate"]
    assert leaks["leaked"] <= 1, leaks


def test_description_alone_still_finds_titles_and_companies(text_route: dict[str, Any]) -> None:
    """The unseen-material case: no columns, the text must name them."""
    fields = text_route["fields"]
    assert text_route["parser_errors"] == 0
    assert fields["title"]["matched"] >= 31 and fields["title"]["precision"] >= 0.9
    assert fields["company"]["matched"] >= 30 and fields["company"]["precision"] >= 0.9


def test_the_same_postings_flattened_to_one_paragraph() -> None:
    """Every line break removed (how some scrapers deliver postings): still no parser error and
    most items found, by sentence ends, glued headings and run-on list items alone."""
    rows = [{**r, "description": " ".join(r["description"].split())} for r in SCORE.load_rows(CSV)]
    SCORE.MODE["route"] = "text"
    try:
        result = SCORE.score(rows, SCORE.load_gold(), None)
    finally:
        SCORE.MODE["route"] = "csv"
    assert result["parser_errors"] == 0
    duties, reqs = result["fields"]["responsibilities"], result["fields"]["requirements"]
    assert duties["precision"] >= 0.88 and duties["recall"] >= 0.78, duties
    assert reqs["precision"] >= 0.85 and reqs["recall"] >= 0.78, reqs

"""Property-based profile fuzzer (issue 9, item 6): hostile files through load, match and write.

2,000 generated profile files go through the loader and the matcher, 200 through both writers.
The property: a file is refused with an AppkitError whose every line names the file, or it is
accepted, matched and rendered, and the name reads back from the documents. Any other exception
fails (Hypothesis shrinks it to a minimal file). Derandomized: CI runs the same 2,000 every time.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings

from appkit import (
    AppkitError,
    Guide,
    Inputs,
    Options,
    Profile,
    load_guide,
    load_profile,
    match_profile,
)
from appkit.packet import render_documents
from tests.hostile.harness import docx_text, pdf_text
from tests.hostile.profiles import ProfileFile, profile_files

pytestmark = pytest.mark.hostile

FUZZ = settings(
    derandomize=True,  # the same examples on every run: a red CI run is reproducible
    deadline=None,
    database=None,  # no .hypothesis/ folder written into the checkout
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)
TODAY = date(2026, 1, 15)
HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # what HTML collapses; other spaces must survive


@functools.cache
def guide() -> Guide:
    return load_guide("clinical-coordinator")


def _write(tmp: Path, drawn: ProfileFile) -> Path:
    path = tmp / f"profile{drawn.suffix}"
    path.write_bytes(drawn.content)
    return path


def load_or_refuse(path: Path) -> Profile | None:
    """The loader's verdict; a refusal must be lines that each name the file."""
    try:
        return load_profile(path)
    except AppkitError as exc:
        lines = exc.message.splitlines()
        assert lines, "empty error message"
        stray = [ln for ln in lines if not ln.startswith(f"{path}:") and ln != str(path)]
        assert stray == [], f"error lines that do not name {path.name}: {stray}"
        return None


def _collapsed(value: str) -> str:
    return HTML_SPACE.sub(" ", unicodedata.normalize("NFC", value)).strip()


def _ascii_runs(value: str) -> list[str]:
    """Runs of 2+ ASCII letters/digits: what any PDF text extraction must give back verbatim
    (bidi reordering, shaping and glyph fallback make whole-string comparison meaningless)."""
    return re.findall(r"[A-Za-z0-9]{2,}", value)


def test_2000_profiles_load_and_match_or_are_refused(tmp_path: Path) -> None:
    verdicts: Counter[str] = Counter()

    @settings(FUZZ, max_examples=2000)
    @given(drawn=profile_files())
    def load_and_match(drawn: ProfileFile) -> None:
        profile = load_or_refuse(_write(tmp_path, drawn))
        verdicts["refused" if profile is None else "matched"] += 1
        if profile is not None:
            result = match_profile(profile, guide(), today=TODAY)
            assert 0.0 <= result.overall <= 100.0

    load_and_match()
    assert verdicts["matched"] >= 100 and verdicts["refused"] >= 100, verdicts  # both paths


def test_200_profiles_render_both_formats(tmp_path: Path) -> None:
    """200 accepted profiles through both writers; milder files (the text that may pass
    validation, no syntax faults), so that most reach them."""
    verdicts: Counter[str] = Counter()

    @settings(FUZZ, max_examples=200)
    @given(drawn=profile_files(mild=True))
    def render(drawn: ProfileFile) -> None:
        profile = load_or_refuse(_write(tmp_path, drawn))
        verdicts["refused" if profile is None else "rendered"] += 1
        assume(profile is not None)  # refusals do not count: 200 profiles reach the writers
        assert profile is not None
        options = Options(date=TODAY.isoformat(), formats=("pdf", "docx"))
        files = render_documents(["resume"], Inputs(profile=profile, guide=guide()), options)
        name = profile.basics.name
        docx = docx_text(files["resume.docx"])
        assert _collapsed(name) in _collapsed(docx), f"name {name!r} not in the DOCX"
        # pypdf reads some two-byte (Identity-H) fonts with NULs between letters: drop them.
        pdf = re.sub(r"[\s\x00]+", "", pdf_text(files["resume.pdf"]))
        missing = [run for run in _ascii_runs(name) if run not in pdf]
        assert missing == [], f"name {name!r}: {missing} not in the PDF text"

    render()
    assert verdicts["rendered"] >= 200 and verdicts["refused"] >= 10, verdicts

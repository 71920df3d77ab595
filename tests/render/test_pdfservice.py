"""The PDF service: a helper process lays PDFs out while the command does the rest; the PDF, the
page fitting and the errors are exactly those of an in-process render."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from appkit.engine import Engine
from appkit.options import Options
from appkit.packet import load_inputs, render_documents
from appkit.render.pdfservice import PdfService
from tests.conftest import ROOT

PROFILE = ROOT / "profiles" / "linda-chen.yaml"
DATE = "2026-01-15"


@pytest.fixture(scope="module")
def inputs():  # type: ignore[no-untyped-def]
    return load_inputs(PROFILE, "clinical-coordinator")


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def _running_with(argument: str) -> list[int]:
    """Processes whose command line holds ``argument``."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and argument.encode() in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except OSError:  # ended while we looked
            continue
    return found


def test_service_gives_the_in_process_documents(inputs) -> None:  # type: ignore[no-untyped-def]
    options = Options(date=DATE, formats=("pdf",))
    local = render_documents(["resume", "cover"], inputs, options, engine=Engine())
    service = PdfService.start()
    assert service is not None
    try:
        served = render_documents(
            ["resume", "cover"], inputs, options, engine=Engine(pdf_service=service)
        )
        assert service.served >= 2 and not service.broken  # it really laid them out
    finally:
        service.close()
    assert served.keys() == local.keys()
    for name in ("resume.pdf", "cover-letter.pdf"):
        assert served[name] == local[name], name  # byte for byte, fitting included
    first_page = PdfReader(io.BytesIO(served["resume.pdf"])).pages[0]
    assert "Linda Chen" in first_page.extract_text()


def test_a_dead_service_falls_back_to_this_process(inputs) -> None:  # type: ignore[no-untyped-def]
    options = Options(date=DATE, formats=("pdf",))
    local = render_documents(["resume"], inputs, options, engine=Engine())
    service = PdfService.start()
    assert service is not None
    os.kill(service._pid, 9)
    os.waitpid(service._pid, 0)
    engine = Engine(pdf_service=service)
    assert render_documents(["resume"], inputs, options, engine=engine) == local
    assert service.broken


def test_errors_are_the_in_process_ones(inputs) -> None:  # type: ignore[no-untyped-def]
    """A layout over the page limit fails in the service; the parent repeats it and raises the
    same TemplateError an in-process render raises."""
    from appkit.errors import TemplateError

    options = Options(date=DATE, formats=("pdf",), page_limit=1)
    with pytest.raises(TemplateError) as local:
        render_documents(["resume"], inputs, options, engine=Engine())
    service = PdfService.start()
    assert service is not None
    try:
        with pytest.raises(TemplateError) as served:
            render_documents(["resume"], inputs, options, engine=Engine(pdf_service=service))
        assert not service.broken  # a failed layout does not end the service
    finally:
        service.close()
    assert served.value.message == local.value.message


def test_closing_reaps_the_child() -> None:
    service = PdfService.start()
    assert service is not None
    pid = service._pid
    service.close()
    assert _gone(pid)


def test_the_command_line_pdf_is_the_in_process_one(tmp_path: Path, inputs) -> None:  # type: ignore[no-untyped-def]
    """`appkit resume -f pdf` (which starts the service) writes the bytes an in-process render
    makes, and leaves no helper process behind."""
    options = Options(date=DATE, formats=("pdf",))
    expected = render_documents(["resume"], inputs, options, engine=Engine())["resume.pdf"]
    for switch in ("1", "0"):  # APPKIT_PDF_SERVICE=0: no helper process
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "APPKIT_PDF_SERVICE": switch}
        out = tmp_path / switch
        command = [sys.executable, "-m", "appkit", "resume", str(PROFILE), "-g"]
        command += ["clinical-coordinator", "--date", DATE, "-f", "pdf", "-o", str(out)]
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        assert next(out.rglob("*.pdf")).read_bytes() == expected
        assert not _running_with(str(out))  # the helper (a fork: same command line) is gone


def test_no_fork_means_no_service(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where a helper cannot be made (fork fails), the command lays PDFs out itself."""

    def refuse() -> int:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refuse)
    assert PdfService.start() is None


def test_a_page_budget_through_the_service_is_the_in_process_one() -> None:
    """--max-pages lays out many trials and keeps one: the service holds them all until then."""
    james = load_inputs(ROOT / "profiles" / "james-okafor.yaml", "clinical-coordinator")
    options = Options(date=DATE, formats=("pdf",), max_pages=1)
    local = render_documents(["resume"], james, options, engine=Engine())
    service = PdfService.start()
    assert service is not None
    try:
        served = render_documents(["resume"], james, options, engine=Engine(pdf_service=service))
        assert service.served >= 3  # the budget's trials were laid out there
    finally:
        service.close()
    assert served == local
    assert len(PdfReader(io.BytesIO(served["resume.pdf"])).pages) == 1


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["resume", "p.yaml", "-g", "x"], True),  # the default formats have pdf
        (["packet", "p.yaml", "-f", "docx,pdf"], True),
        (["cover", "p.yaml", "--format=pdf"], True),
        (["prep", "p.yaml", "-fpdf"], True),
        (["resume", "p.yaml", "-f", "docx"], False),
        (["resume", "p.yaml", "--format=txt,md"], False),
        (["resume", "p.yaml", "-t", "mine/"], False),  # untrusted templates: isolated instead
        (["resume", "p.yaml", "--templates=mine/"], False),
        (["resume", "p.yaml", "--watch"], False),
        (["resume", "--help"], False),
        (["match", "p.yaml", "-g", "x"], False),
        (["batch", "roster.csv"], False),
        ([], False),
    ],
)
def test_the_early_guess_from_raw_arguments(args: list[str], expected: bool) -> None:
    """`appkit.cli.early` forks the helper before parsing when a PDF is likely; the parsed
    options decide (a wrong guess costs a helper started and stopped, nothing else)."""
    from appkit.cli.early import wants_pdf

    assert wants_pdf(args) is expected

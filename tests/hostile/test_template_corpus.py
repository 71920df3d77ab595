"""Every payload of the hostile template corpus through the real CLI (issue 9, item 6).

All cases start at once on a 2-worker thread pool (each worker drives one CLI subprocess); each
parametrized test then waits for its own case, so a failure names its payload.
"""

from __future__ import annotations

import shutil
import socket
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.hostile.corpus import MANIFEST, Case
from tests.hostile.harness import (
    CALL_RAN,
    CANDIDATE_FOLDER,
    PROFILE,
    SECRET,
    LoopbackListener,
    Run,
    assert_clean_failure,
    assert_no_embedded_content,
    assert_no_traceback,
    docx_parts,
    limit_options,
    pdf_payload,
    run_appkit,
)
from tests.render.test_security_pdf import assert_clean_pdf

pytestmark = pytest.mark.hostile

CORPUS = Path(__file__).resolve().parent / "templates"


@dataclass(frozen=True)
class Result:
    run: Run
    connections: int
    canary_created: bool
    outputs: dict[str, bytes]


def _case_names() -> list[str]:
    return sorted(p.name.removesuffix(".html") for p in CORPUS.iterdir() if p.name[0] != ".")


def _fill(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text = text.replace(f"@@{key}@@", value)
    return text


def _prepare(name: str, case: Case, root: Path, port: int) -> tuple[Path, Path]:
    """The case folder: secret files, the filled-in --templates DIR, and its symlinks."""
    root.mkdir()
    secret = root / "secret.txt"
    secret.write_text(f"{SECRET}\n")
    (root / "secret.json").write_text(f'{{"name": "{SECRET}"}}')
    values = {
        "CANARY": str(root / "canary"),
        "SECRET_JSON": str(root / "secret.json"),
        "SECRET_URI": secret.as_uri(),
        "SECRET_DIR_URI": root.as_uri(),
        "SECRET_TEXT": SECRET,
        "SECRET": str(secret),
        "PORT": str(port),
    }
    templates = root / "templates"
    source = CORPUS / name
    if source.is_dir():
        shutil.copytree(source, templates)
    else:
        (templates / "resume").mkdir(parents=True)
        shutil.copy(CORPUS / f"{name}.html", templates / "resume" / "classic.html")
    for path in templates.rglob("*"):
        if path.is_file():
            path.write_text(_fill(path.read_text(), values))
    for link, target in case.links.items():
        (templates / link).symlink_to(_fill(target, values))
    return templates, root / "canary"


def _run_case(name: str, root: Path) -> Result:
    listener = LoopbackListener()
    try:
        templates, canary = _prepare(name, MANIFEST[name], root, listener.port)
        out = root / "out"
        args = ["resume", str(PROFILE), "-g", "clinical-coordinator", "-t", str(templates)]
        args += ["-o", str(out), "-f", "pdf,docx", "--date", "2026-01-15", "--file-names", "plain"]
        args += limit_options()
        (root / "home").mkdir()
        run = run_appkit(args, cwd=root, home=root / "home")
    finally:
        listener.close()
    # The documents, by their plain names; the hidden packet marker is not a document.
    outputs = {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }
    return Result(run, listener.connections, canary.exists(), outputs)


@pytest.fixture(scope="module")
def corpus_results(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Future[Result]]]:
    """Start every selected case (honours -k) on the pool; tests collect their own result."""
    selected = [
        item.callspec.params["name"]
        for item in request.session.items
        if getattr(item, "originalname", "") == "test_payload" and hasattr(item, "callspec")
    ]
    root = tmp_path_factory.mktemp("corpus")
    limit_options()  # probe --help once, before the workers start
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(_run_case, name, root / name) for name in selected}
        yield futures
        for future in futures.values():
            future.cancel()


def test_manifest_matches_the_corpus_folder() -> None:
    assert sorted(MANIFEST) == _case_names()
    assert len(MANIFEST) >= 40
    categories = {case.category for case in MANIFEST.values()}
    assert categories == {"sandbox", "pydantic", "include", "fetch", "bomb"}


@pytest.mark.parametrize("name", _case_names())
def test_payload(name: str, corpus_results: dict[str, Future[Result]]) -> None:
    case = MANIFEST[name]
    result = corpus_results[name].result()
    run = result.run
    # Worst first: a side effect or a leak matters more than how the run ended.
    assert not result.canary_created, "a sandbox escape ran a command"
    assert result.connections == 0, f"{result.connections} connection(s) to the loopback listener"
    for path, data in result.outputs.items():
        payload = pdf_payload(data) if path.endswith(".pdf") else data
        parts = docx_parts(data) if path.endswith(".docx") else {path: payload}
        leaked = [part for part, blob in parts.items() if SECRET.encode() in blob]
        assert leaked == [] and SECRET.encode() not in payload, f"secret in {path}: {leaked}"
    assert run.returncode is not None, f"still running after the hang guard: {run.stderr[-500:]}"
    assert_no_traceback(run)
    if case.category in ("sandbox", "pydantic"):
        assert not CALL_RAN.search(run.stderr), f"the payload's call ran: {run.stderr[-500:]}"
    expected = {"refused": {1}, "renders": {0}, "either": {0, 1}}[case.outcome]
    assert run.returncode in expected, f"exit {run.returncode}: {run.stderr[-1000:]}"
    if run.returncode == 1:
        assert_clean_failure(run)
        assert result.outputs == {}, "a refused document left files behind"
        return
    pdf_name, docx_name = f"{CANDIDATE_FOLDER}/resume.pdf", f"{CANDIDATE_FOLDER}/resume.docx"
    assert set(result.outputs) == {pdf_name, docx_name}, sorted(result.outputs)
    pdf, docx = result.outputs[pdf_name], result.outputs[docx_name]
    assert_clean_pdf(pdf, no_file_uri=False)  # 0 embedded files, 0 FileAttachment annots
    assert_no_embedded_content(docx)


def test_the_loopback_listener_counts_connections() -> None:
    """The listener is not blind: the corpus's `0 connections` means something."""
    listener = LoopbackListener()
    try:
        for _ in range(2):
            socket.create_connection(("127.0.0.1", listener.port), timeout=5).close()
        deadline = time.monotonic() + 5  # a hang guard for the accept thread, not a timing
        while listener.connections < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        listener.close()
    assert listener.connections == 2

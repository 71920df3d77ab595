"""The docs are the tests: every `appkit ...` and `bash scripts/...` README command runs as written.

Each fenced code block runs in its own fresh copy of the repository, its commands in order (as a
reader would type them), from the copy's root with the relative paths exactly as written, through
bash (so `profiles/*.yaml` and `~/apply` expand). `appkit` on PATH is a shim that runs this
checkout's code. Every command must exit 0 and write the files it promises. Commands marked in the
README as not run by tests are reported as skipped (see the README's Development section).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT

README = ROOT / "README.md"
MARKER = "not-run-by-tests"  # in a fence's info string
LINE_MARKER = "not run by tests"  # in a trailing comment
# Files README commands name that the repository does not hold, as a reader would have them.
FIXTURES = {
    "posting.txt": DATA / "postings" / "clinical-coordinator.txt",
    "postings.csv": DATA / "postings" / "postings.csv",
    "db_29_3_text": DATA / "onet" / "db_subset",
}
PACKET_KINDS = ("resume", "cover-letter", "interview-prep", "gap-report")
DOCUMENT_KINDS = {
    "resume": ("resume",),
    "cover": ("cover-letter",),
    "prep": ("interview-prep",),
    "packet": PACKET_KINDS,
}
# What the markers may hide: installs, the test suite, endless watchers, outside services.
SKIPPABLE = re.compile(r"install|pytest|--watch|://|--cluster|--server|--host")
TIMEOUT = 300  # seconds; a command that waits forever must be marked, not hang the suite


@dataclass(frozen=True)
class Step:
    """One command of the README: where it is, what runs, and why not if it does not."""

    block: int
    line: int
    command: str
    skip: str | None = None

    @property
    def id(self) -> str:
        return f"L{self.line}:{self.command[:70]}"


# ---------------------------------------------------------------- reading the README


def fenced_blocks(text: str) -> Iterator[tuple[str, list[tuple[int, str]]]]:
    """(info string, [(line number, line)]) for every fenced code block."""
    fence: str | None = None
    info, lines = "", []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        if fence is None:
            match = re.match(r"(`{3,}|~{3,})(.*)$", stripped)
            if match and len(line) - len(stripped) <= 3:
                fence, info, lines = match[1], match[2].strip(), []
        elif stripped.startswith(fence) and not stripped[len(fence) :].strip(" `~"):
            yield info, lines
            fence = None
        else:
            lines.append((number, line))


def split_comment(line: str) -> tuple[str, str]:
    """(code, comment) of a shell line: `#` starts a comment outside quotes, after a blank."""
    quote = None
    for index, char in enumerate(line):
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1].isspace()):
            return line[:index].rstrip(), line[index + 1 :].strip()
    return line.rstrip(), ""


def logical_lines(lines: list[tuple[int, str]]) -> Iterator[tuple[int, str, str]]:
    """(first line number, code, comment), joining `\\` continuations and dropping comments."""
    pending: list[str] = []
    comments: list[str] = []
    start = 0
    for number, line in lines:
        code, comment = split_comment(line)
        if not pending:
            start = number
        comments += [comment] if comment else []
        if code.endswith("\\"):
            pending.append(code[:-1].strip())
            continue
        joined = " ".join([*pending, code.strip()]).strip()
        pending = []
        if joined:
            yield start, joined, " ".join(comments)
        comments = []


def split_steps(code: str) -> list[str]:
    """The `&&`-separated steps of a line (outside quotes)."""
    steps, quote, current = [], None, ""
    index = 0
    while index < len(code):
        char = code[index]
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif code.startswith("&&", index):
            steps.append(current.strip())
            current, index = "", index + 2
            continue
        current += char
        index += 1
    return [s for s in [*steps, current.strip()] if s]


def _skipped_prefixes(info: str) -> list[str] | None:
    """None: run the block; []: skip all of it; [prefix, ...]: skip steps starting with one."""
    words = shlex.split(info)
    marks = [w for w in words if w == MARKER or w.startswith(MARKER + "=")]
    if not marks:
        return None
    prefixes = [m.partition("=")[2] for m in marks]
    return [] if "" in prefixes else prefixes


def is_collected(step: str) -> bool:
    return step == "appkit" or step.startswith(("appkit ", "bash scripts/"))


def readme_steps(text: str) -> list[Step]:
    """Every `appkit ...` and `bash scripts/...` step in the README's code blocks, in order."""
    steps = []
    for block, (info, lines) in enumerate(fenced_blocks(text)):
        prefixes = _skipped_prefixes(info)
        for line, code, comment in logical_lines(lines):
            for command in filter(is_collected, split_steps(code)):
                skip = None
                if LINE_MARKER in comment.lower():
                    skip = f"line marked '# {LINE_MARKER}'"
                elif prefixes == []:
                    skip = f"block marked {MARKER}"
                elif prefixes and any(command.startswith(p) for p in prefixes):
                    skip = f"block marked {MARKER} for this step"
                steps.append(Step(block, line, command, skip))
    return steps


STEPS = readme_steps(README.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- what a command promises


def _option(argv: list[str], names: tuple[str, ...], default: str | None = None) -> str | None:
    for index, arg in enumerate(argv):
        if arg in names and index + 1 < len(argv):
            return argv[index + 1]
        for name in names:
            if name.startswith("--") and arg.startswith(name + "="):
                return arg.partition("=")[2]
    return default


def _user_path(value: str, root: Path, home: Path) -> Path:
    """A path as bash would hand it over: `~` is HOME, relative is from the copy's root."""
    if value == "~" or value.startswith("~/"):
        return home / value[2:]
    return root / value


def _kind_of(path: Path) -> str | None:
    """The document kind a file name stands for, whatever naming scheme is in use."""
    stem = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    return next((k for k in PACKET_KINDS if stem == k or stem.endswith("-" + k)), None)


def _complete(files: list[Path], kinds: tuple[str, ...], formats: list[str]) -> bool:
    have = {(_kind_of(f), f.suffix.lstrip(".")) for f in files}
    return all((k, f) in have for k in kinds for f in formats)


def _packets(written: list[Path], out: Path, kinds: tuple[str, ...], formats: list[str]) -> int:
    """How many folders under `out` received every document of `kinds` in every format."""
    folders: dict[Path, list[Path]] = {}
    for path in written:
        if path.is_relative_to(out):
            folders.setdefault(path.parent, []).append(path)
    with_json = kinds == PACKET_KINDS
    return sum(
        _complete(files, kinds, formats)
        and (not with_json or any(f.name == "match.json" for f in files))
        for files in folders.values()
    )


def promised(command: str, root: Path, home: Path) -> tuple[str, object]:
    """What the command says it writes, as (what, where) for `broken_promises`."""
    argv = shlex.split(command)
    if argv[:2] == ["bash", "scripts/samples.sh"]:
        return "samples", root / "out"
    sub = argv[1] if len(argv) > 1 else ""
    if sub in DOCUMENT_KINDS or (sub == "match" and "--report" in argv):
        kinds = DOCUMENT_KINDS.get(sub, ("gap-report",))
        out = _user_path(_option(argv, ("-o", "--out"), "out") or "out", root, home)
        formats = (_option(argv, ("-f", "--format"), "pdf,docx") or "").split(",")
        return "documents", (out, kinds, [f.strip() for f in formats])
    if sub == "guide" and len(argv) > 2:
        target = _option(argv, ("-o", "--output"))
        return ("file", _user_path(target, root, home)) if target else ("nothing", None)
    if sub == "init":
        positional = [a for a in argv[2:] if not a.startswith("-")]
        return "file", _user_path(positional[0] if positional else "profile.yaml", root, home)
    return "nothing", None


def _looks_real(path: Path) -> bool:
    head = path.read_bytes()[:4]
    return {".pdf": head == b"%PDF", ".docx": head == b"PK\x03\x04"}.get(path.suffix, True)


def broken_promises(command: str, root: Path, home: Path, written: list[Path]) -> list[str]:
    what, where = promised(command, root, home)
    problems = [f"{p} is not a real {p.suffix} file" for p in written if not _looks_real(p)]
    if what == "samples":
        profiles = sorted((root / "profiles").glob("*.yaml"))
        complete = _packets(written, where, PACKET_KINDS, ["pdf", "docx"])  # type: ignore[arg-type]
        if complete != len(profiles):
            problems.append(f"{complete} complete packets in out/ for {len(profiles)} profiles")
    elif what == "documents":
        out, kinds, formats = where  # type: ignore[misc]
        if not _packets(written, out, kinds, formats):
            problems.append(f"no folder in {out} received {', '.join(kinds)} as {formats}")
    elif what == "file" and where not in written:
        problems.append(f"{where} was not written")
    return problems


# ---------------------------------------------------------------- running the blocks


@dataclass
class Outcome:
    returncode: int = -1
    output: str = ""
    problems: list[str] = field(default_factory=list)


def _copy_repository(dest: Path) -> None:
    """The tracked files of this checkout, as a fresh clone has them (not a stray profile.yaml)."""
    try:
        listing = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z"], capture_output=True)
    except FileNotFoundError:  # no git at all
        listing = subprocess.CompletedProcess([], 1)
    if listing.returncode != 0:  # not a git checkout (an sdist): copy all but build leftovers
        ignore = shutil.ignore_patterns(
            ".git", ".*_cache", ".benchmarks", "__pycache__", "*.egg-info", "out", "build", "dist"
        )
        shutil.copytree(ROOT, dest, ignore=ignore, dirs_exist_ok=True)
        return
    for name in listing.stdout.decode().split("\0"):
        source = ROOT / name
        if name and source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)


def _shim(bin_dir: Path) -> None:
    """`appkit` on PATH that runs this checkout's code with this interpreter."""
    bin_dir.mkdir()
    shim = bin_dir / "appkit"
    src, python = shlex.quote(str(ROOT / "src")), shlex.quote(sys.executable)
    shim.write_text(f'#!/bin/sh\nPYTHONPATH={src} exec {python} -m appkit "$@"\n')
    shim.chmod(0o755)


def _snapshot(*folders: Path) -> dict[Path, tuple[int, int]]:
    return {
        p: (p.stat().st_mtime_ns, p.stat().st_size)
        for folder in folders
        for p in folder.rglob("*")
        if p.is_file()
    }


def _provide_fixtures(command: str, root: Path) -> None:
    argv = shlex.split(command)
    outputs = {_option(argv, ("-o", "--out", "--output"))}
    tokens = {part for arg in argv for part in (arg, arg.partition("=")[2])}
    for name, source in FIXTURES.items():
        if name in tokens and name not in outputs and not (root / name).exists():
            if source.is_dir():
                shutil.copytree(source, root / name)
            else:
                shutil.copy2(source, root / name)


def _run_block(steps: list[Step], workdir: Path, bin_dir: Path) -> dict[Step, Outcome]:
    root, home = workdir / "repo", workdir / "home"
    root.mkdir(parents=True)
    home.mkdir()
    _copy_repository(root)
    env = {**os.environ, "HOME": str(home), "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    env.pop("PYTHONPATH", None)
    outcomes = {}
    for step in steps:
        _provide_fixtures(step.command, root)
        before = _snapshot(root, home)
        try:
            result = subprocess.run(
                ["bash", "-c", step.command],
                cwd=root,
                env=env,
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
            )
            outcome = Outcome(result.returncode, result.stdout + result.stderr)
        except subprocess.TimeoutExpired:
            outcome = Outcome(-1, f"still running after {TIMEOUT} s; mark it '# {LINE_MARKER}'")
        after = _snapshot(root, home)
        written = sorted(p for p, stamp in after.items() if before.get(p) != stamp)
        if outcome.returncode == 0:
            outcome.problems = broken_promises(step.command, root, home, written)
        outcomes[step] = outcome
    return outcomes


class Outcomes(dict[Step, Outcome]):
    """The outcome of every README step; a short repr keeps pytest's failure report readable."""

    def __repr__(self) -> str:
        return f"<outcomes of {len(self)} README commands>"


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> Outcomes:
    """Run every block once, blocks in parallel (each in its own copy), steps in order."""
    base = tmp_path_factory.mktemp("readme")
    _shim(base / "bin")
    blocks: dict[int, list[Step]] = {}
    for step in STEPS:
        if step.skip is None:
            blocks.setdefault(step.block, []).append(step)
    results = Outcomes()
    workers = max(1, min(4, os.cpu_count() or 1, len(blocks)))
    with ThreadPoolExecutor(workers) as pool:
        futures = [
            pool.submit(_run_block, steps, base / f"block-{block}", base / "bin")
            for block, steps in blocks.items()
        ]
        for future in futures:
            results.update(future.result())
    return results


@pytest.mark.slow
@pytest.mark.parametrize("step", STEPS, ids=[s.id for s in STEPS])
def test_readme_command_runs_as_written(step: Step, outcomes: Outcomes) -> None:
    if step.skip:
        pytest.skip(f"README line {step.line}: {step.command!r} not run by tests ({step.skip})")
    outcome = outcomes[step]
    assert outcome.returncode == 0, f"README line {step.line}: {step.command}\n{outcome.output}"
    assert outcome.problems == [], f"README line {step.line}: {step.command}\n{outcome.output}"


# ---------------------------------------------------------------- the collection itself


def test_readme_commands_are_found_and_only_installs_and_tests_are_skipped() -> None:
    commands = [s.command for s in STEPS]
    assert "bash scripts/samples.sh" in commands  # the first command's second half runs
    assert any(c.startswith("appkit packet ") for c in commands)
    skipped = [s for s in STEPS if s.skip]
    print("\nREADME commands not run by tests:")
    for step in skipped:
        print(f"  line {step.line}: {step.command}  ({step.skip})")
    assert [s.command for s in skipped if not SKIPPABLE.search(s.command)] == []
    assert next(s for s in STEPS if s.command == "bash scripts/install.sh").skip


def test_every_fixture_is_named_by_a_readme_command() -> None:
    text = " ".join(s.command for s in STEPS)
    assert [name for name in FIXTURES if name not in text] == []


SAMPLE = """
Intro `appkit inline` is not a block.

```sh not-run-by-tests="bash scripts/install.sh"
bash scripts/install.sh && bash scripts/samples.sh
```

~~~
appkit packet a.yaml --guide "x # y" \\
    --company 'A && B'   # the whole packet
appkit serve --watch     # Not run by tests: waits forever
python3 -m pytest -q && appkit doctor
   # a comment line
~~~

```sh not-run-by-tests
appkit guide list
```
"""


def test_the_parser_handles_markers_continuations_comments_and_quotes() -> None:
    steps = readme_steps(SAMPLE)
    assert [(s.line, s.command, s.skip is not None) for s in steps] == [
        (5, "bash scripts/install.sh", True),
        (5, "bash scripts/samples.sh", False),
        (9, "appkit packet a.yaml --guide \"x # y\" --company 'A && B'", False),
        (11, "appkit serve --watch", True),
        (12, "appkit doctor", False),
        (17, "appkit guide list", True),
    ]


def test_promises_are_read_from_the_options(tmp_path: Path) -> None:
    home = tmp_path / "home"
    cmd = "appkit resume p.yaml -g x -f pdf -o ~/apply"
    assert promised(cmd, tmp_path, home) == ("documents", (home / "apply", ("resume",), ["pdf"]))
    cmd = "appkit packet p.yaml --out=elsewhere"
    what, (out, kinds, formats) = promised(cmd, tmp_path, home)  # type: ignore[misc]
    assert (out, kinds, formats) == (tmp_path / "elsewhere", PACKET_KINDS, ["pdf", "docx"])
    assert promised("appkit guide export cc -o cc.yaml", tmp_path, home) == (
        "file",
        tmp_path / "cc.yaml",
    )
    assert promised("appkit init", tmp_path, home) == ("file", tmp_path / "profile.yaml")
    assert promised("appkit match p.yaml -g x", tmp_path, home) == ("nothing", None)


@pytest.mark.parametrize(
    ("names", "complete"),
    [
        (["resume.pdf", "resume.docx"], True),
        (["Maria-Santos-Resume.pdf", "Maria-Santos-Resume.docx"], True),
        (["Maria-Santos-Resume.pdf", "Maria-Santos-Cover-Letter.docx"], False),
        (["resume-notes.pdf", "resume.docx"], False),
    ],
)
def test_documents_are_recognised_by_kind_not_exact_name(names: list[str], complete: bool) -> None:
    files = [Path("out/x") / n for n in names]
    assert _complete(files, ("resume",), ["pdf", "docx"]) is complete


def test_a_missing_document_breaks_the_promise(tmp_path: Path) -> None:
    folder = tmp_path / "out" / "ana"
    folder.mkdir(parents=True)
    written = []
    for kind in PACKET_KINDS[:-1]:
        for suffix, magic in ((".pdf", b"%PDF-1.7"), (".docx", b"PK\x03\x04")):
            (folder / f"{kind}{suffix}").write_bytes(magic)
            written.append(folder / f"{kind}{suffix}")
    (folder / "match.json").write_text("{}")
    written.append(folder / "match.json")
    command = "appkit packet profiles/ana.yaml -g clinical-coordinator"
    assert broken_promises(command, tmp_path, tmp_path, written) == [
        f"no folder in {tmp_path / 'out'} received {', '.join(PACKET_KINDS)} as ['pdf', 'docx']"
    ]
    for suffix, magic in ((".pdf", b"%PDF-1.7"), (".docx", b"PK\x03\x04")):
        (folder / f"gap-report{suffix}").write_bytes(magic)
        written.append(folder / f"gap-report{suffix}")
    assert broken_promises(command, tmp_path, tmp_path, written) == []

"""What a render touches outside its documents: files read, files written, bytes produced.

- identical input gives byte-identical files across separate processes (other cwd, time zone, -o);
- nothing is written outside -o (the parent folder, HOME and the checkout are snapshotted);
- a render of a --templates document opens only allowed files (an audit hook logs every `open`,
  in the render worker too).
The kill -9 packet test lives with the atomic packet swap (tests of generate/files), not here.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.hostile.harness import (
    CANDIDATE_FOLDER,
    PROFILE,
    ROOT,
    SECRET,
    assert_no_traceback,
    child_env,
    run_appkit,
)

pytestmark = pytest.mark.hostile

OVERRIDE = """{% extends "!builtin/resume/classic.html" %}
{% block head %}{{ super() }}<link rel="stylesheet" href="extra.css">
<link rel="stylesheet" href="@@SECRET_URI@@">
<style>body { background: url('../../secret.txt') }</style>
{% endblock %}
{% block summary %}<p class="mine">My own opening line.</p>{{ super() }}{% endblock %}
"""


def _templates(root: Path) -> Path:
    """A --templates folder with one override and a theme-local stylesheet, a secret beside it."""
    secret = root / "secret.txt"
    secret.write_text(SECRET)
    folder = root / "templates" / "resume"
    folder.mkdir(parents=True)
    (folder / "classic.html").write_text(OVERRIDE.replace("@@SECRET_URI@@", secret.as_uri()))
    (folder / "extra.css").write_text(".mine { font-style: italic; }")
    return root / "templates"


def _tree(root: Path) -> dict[str, str]:
    """Every file under root with a digest of its bytes (symlinks and folders by name)."""
    out: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        key = path.relative_to(root).as_posix()
        if path.is_symlink() or path.is_dir():
            out[key] = "link" if path.is_symlink() else "dir"
        elif path.is_file():
            out[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def _packet(cwd: Path, home: Path, out: Path, templates: Path, *extra: str) -> dict[str, bytes]:
    args = ["packet", str(PROFILE), "-g", "clinical-coordinator", "--company", "Mercy Valley"]
    args += ["-t", str(templates), "-o", str(out), "--date", "2026-01-15", *extra]
    run = run_appkit(args, cwd=cwd, home=home)
    assert run.returncode == 0, run.stderr[-2000:]
    assert_no_traceback(run)
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    return {name: _without_profile_file(name, data) for name, data in files.items()}


def _without_profile_file(name: str, data: bytes) -> bytes:
    """match.json and the packet marker name the profile relative to the packet folder, so they
    differ between output folders by that one field; every other byte must be identical."""
    if not name.endswith((".json",)):
        return data
    record = json.loads(data)
    record.pop("profile_file", None)
    return json.dumps(record, sort_keys=True).encode()


def test_identical_input_gives_identical_bytes_in_separate_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    templates = _templates(tmp_path)
    runs = []
    for n, tz in enumerate(("UTC", "Pacific/Kiritimati")):
        cwd = tmp_path / f"cwd{n}"
        (cwd / "home").mkdir(parents=True)
        monkeypatch.setenv("TZ", tz)  # a different clock zone must not change a byte
        runs.append(_packet(cwd, cwd / "home", tmp_path / f"out{n}", templates))
    first, second = runs
    # 4 documents x 2 formats, match.json and the packet marker
    assert len(first) == 10, sorted(first)
    assert first.keys() == second.keys()
    differ = [name for name in first if first[name] != second[name]]
    assert differ == []


def test_nothing_written_outside_the_output_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = tmp_path / "world"
    cwd, home = world / "cwd", world / "home"
    for folder in (cwd, home):
        folder.mkdir(parents=True)
    templates = _templates(world)
    before = _tree(world)
    status = ["git", "-C", str(ROOT), "status", "--porcelain", "--ignored", "--untracked=all"]
    checkout_before = subprocess.run(status, capture_output=True, text=True).stdout
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")  # Python's .pyc cache is not appkit's
    files = _packet(cwd, home, world / "out", templates)
    after = _tree(world)
    changed = {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}
    outside = sorted(k for k in changed if k != "out" and not k.startswith("out/"))
    assert outside == []
    assert {f"out/{name}" for name in files} <= changed
    assert subprocess.run(status, capture_output=True, text=True).stdout == checkout_before


def test_default_relative_output_folder(tmp_path: Path) -> None:
    """`appkit resume P -g G` writes ./out/<name>/ (the documented default), nothing else."""
    (tmp_path / "home").mkdir()
    args = ["resume", str(PROFILE), "-g", "clinical-coordinator", "-f", "docx"]
    run = run_appkit(args + ["--date", "2026-01-15"], cwd=tmp_path, home=tmp_path / "home")
    assert run.returncode == 0, run.stderr[-1000:]
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.docx"))
    assert written == [f"out/{CANDIDATE_FOLDER}/Maria-Santos-Resume.docx"]


AUDIT_SCRIPT = textwrap.dedent(
    """
    import os, sys
    log = os.open(sys.argv[1], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    def hook(event, args):
        # "open" covers open(), io.open_code() (imports) and os.open(); forked render workers
        # inherit the hook and the O_APPEND descriptor, so their opens are logged too.
        if event == "open" and isinstance(args[0], (str, bytes)):
            path = os.fsdecode(args[0])
            mode = args[1] if isinstance(args[1], str) else ("w" if (args[2] or 0) & 3 else "r")
            os.write(log, f"{mode or 'r'}\\t{os.path.abspath(path)}\\n".encode("utf-8", "replace"))

    sys.addaudithook(hook)
    sys.argv = ["appkit", *sys.argv[2:]]
    from appkit.cli import main
    main()
    """
)


def _allowed_read_roots(templates: Path) -> list[Path]:
    """Where a render may open files for reading, and why:

    - the inputs: the profile file and the built-in guides/ (-g clinical-coordinator);
    - the theme: the --templates folder and appkit's built-in templates/;
    - code: Python's prefix (stdlib, site-packages: imports, WeasyPrint's user-agent CSS, pydyf,
      fontTools data) and this checkout's src/;
    - the MIME tables Python's mimetypes module reads (mimetypes.knownfiles, e.g. /etc/mime.types),
      used to type theme files;
    - /dev/null, which multiprocessing and subprocess open for the render worker and for
      ctypes.util.find_library (WeasyPrint locating pango/harfbuzz at import).
    Fonts and fontconfig files are opened by C libraries, which audit hooks do not see, so they
    need no entry. Not allowed: anything else; in particular the secret file beside the templates
    folder, HOME, /etc, /proc and the rest of the checkout (profiles/, tests/).
    """
    import mimetypes
    import site
    import sysconfig

    python = [sys.prefix, sys.base_prefix, sys.exec_prefix, *site.getsitepackages()]
    python += [sysconfig.get_paths()[k] for k in ("stdlib", "platstdlib", "purelib", "platlib")]
    ours = [PROFILE, ROOT / "guides", ROOT / "templates", ROOT / "src", templates]
    system = [*mimetypes.knownfiles, os.devnull]
    return [Path(os.path.realpath(p)) for p in [*python, *ours, *system]]


def test_a_render_reads_only_the_theme_the_inputs_and_the_libraries(tmp_path: Path) -> None:
    templates = _templates(tmp_path)
    out, log, home = tmp_path / "out", tmp_path / "opened.log", tmp_path / "home"
    home.mkdir()
    script = tmp_path / "audit.py"
    script.write_text(AUDIT_SCRIPT)
    args = ["resume", str(PROFILE), "-g", "clinical-coordinator", "-t", str(templates)]
    args += ["-o", str(out), "-f", "pdf,docx", "--date", "2026-01-15"]
    scratch = tmp_path / "tmpdir"  # TMPDIR: find_library's compiler probes write here
    scratch.mkdir()
    env = child_env(home) | {"PYTHONDONTWRITEBYTECODE": "1", "TMPDIR": str(scratch)}
    run = subprocess.run(
        [sys.executable, str(script), str(log), *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    entries = [line.split("\t", 1) for line in log.read_text().splitlines()]
    is_read = {mode: "r" in mode and "+" not in mode for mode, _ in entries}
    reads = {Path(os.path.realpath(p)) for mode, p in entries if is_read[mode]}
    writes = {Path(os.path.realpath(p)) for mode, p in entries if not is_read[mode]}
    assert any(p.is_relative_to(templates) for p in reads), "the override was not read at all"
    # The output folder is read too: its packet marker (who owns the folder) and the folder
    # itself, opened to fsync the renames that swap the new packet in.
    allowed = [*_allowed_read_roots(templates), Path(os.path.realpath(out))]
    outside = sorted(str(p) for p in reads if not any(p.is_relative_to(a) for a in allowed))
    assert outside == []
    # Writes: the documents (and their staging files) inside -o; transient temp files, all gone
    # by the end; /dev/null. Nothing else, and never the log's own descriptor's target.
    write_roots = [Path(os.path.realpath(p)) for p in (out, scratch, os.devnull)]
    stray = sorted(str(p) for p in writes if not any(p.is_relative_to(r) for r in write_roots))
    assert stray == []
    assert list(scratch.iterdir()) == [], "temporary files left behind"
    assert Path(os.path.realpath(tmp_path / "secret.txt")) not in reads

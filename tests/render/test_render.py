"""Template rendering: sandbox, autoescape, overrides, and template errors with their line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from appkit.documents.tailor import tailor
from appkit.errors import TemplateError
from appkit.loading.read import load_model
from appkit.profile.model import Profile
from appkit.render.html import Context, DocInfo, render_html
from appkit.render.themes import list_templates, search_path
from tests.conftest import DATA


def _context(name: str = "Ana Ortega") -> Context:
    profile = load_model(DATA / "profiles" / "full.yaml", Profile).model_copy(
        update={
            "basics": load_model(DATA / "profiles" / "full.yaml", Profile).basics.model_copy(
                update={"name": name}
            )
        }
    )
    doc = DocInfo(kind="resume", title="t", author=name, date="2026-01-15")
    return Context(doc=doc, profile=profile, tailored=tailor(profile))


def _theme(tmp_path: Path, body: str, name: str = "resume/evil.html") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body)
    return tmp_path


SSTI = [
    "{{ cycler.__init__.__globals__.os.popen('touch /tmp/appkit-ssti').read() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ lipsum.__globals__['os'].popen('touch /tmp/appkit-ssti') }}",
    "{{ self._TemplateReference__context }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ profile.__class__.__init__.__globals__ }}",
    "{{ '{0.__class__}'.format(profile) }}",
    "{{ '{0.__class__.__init__.__globals__}'|attr('format')(profile) }}",
    "{% set x = profile.basics.links.append(1) %}",
    "{{ 10 ** 10000000 }}",
    "{{ 'x' * 1000000000 }}",
]


@pytest.mark.parametrize("payload", SSTI)
def test_sandbox_blocks_template_injection(tmp_path: Path, payload: str) -> None:
    user = _theme(tmp_path, "line one\n" + payload)
    with pytest.raises(TemplateError) as caught:
        render_html("resume", "evil", _context(), [user])
    assert caught.value.template == "resume/evil.html"
    assert not Path("/tmp/appkit-ssti").exists()


def test_autoescape_renders_markup_as_text(tmp_path: Path) -> None:
    user = _theme(tmp_path, "<h1>{{ profile.basics.name }}</h1>")
    html = render_html("resume", "evil", _context('<img src="file:///etc/passwd">'), [user]).html
    assert html == "<h1>&lt;img src=&#34;file:///etc/passwd&#34;&gt;</h1>"


def test_undefined_value_names_template_and_line(tmp_path: Path) -> None:
    user = _theme(tmp_path, "<p>ok</p>\n<p>{{ profile.basics.nmae }}</p>\n")
    with pytest.raises(TemplateError) as caught:
        render_html("resume", "evil", _context(), [user])
    assert (caught.value.template, caught.value.line) == ("resume/evil.html", 2)
    assert "nmae" in caught.value.message


def test_syntax_error_names_line(tmp_path: Path) -> None:
    user = _theme(tmp_path, "<p>\n{% if x %}\n</p>\n")
    with pytest.raises(TemplateError) as caught:
        render_html("resume", "evil", _context(), [user])
    assert caught.value.template == "resume/evil.html"
    assert caught.value.line is not None and caught.value.line >= 2


def test_missing_template_lists_search_path(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="not found"):
        render_html("resume", "nope", _context(), [tmp_path])


def test_user_override_extends_builtin(tmp_path: Path) -> None:
    _theme(tmp_path, "{% extends '!builtin/resume/base.html' %}", "resume/base.html")
    _theme(
        tmp_path,
        "{% extends '!builtin/resume/classic.html' %}"
        "{% block summary %}<p>Custom summary</p>{{ super() }}{% endblock %}",
        "resume/classic.html",
    )
    rendered = render_html("resume", "classic", _context(), [tmp_path])
    assert "<p>Custom summary</p>" in rendered.html
    assert "Coordinator with four years" in rendered.html  # super() kept the built-in block
    assert rendered.base_dir == tmp_path / "resume"


def test_search_order_and_listing(tmp_path: Path) -> None:
    _theme(tmp_path, "x", "resume/classic.html")
    assert search_path([tmp_path])[0] == tmp_path.resolve()
    listing = dict(list_templates([tmp_path]))
    assert listing["resume/classic.html"] == str(tmp_path.resolve())
    assert listing["resume/base.html"] == "builtin"


def test_symlinked_template_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    user = tmp_path / "user"
    (user / "resume").mkdir(parents=True)
    (user / "resume" / "evil.html").symlink_to(secret)
    with pytest.raises(TemplateError) as caught:
        render_html("resume", "evil", _context(), [user])
    assert "TOP-SECRET" not in caught.value.message


def test_override_without_css_uses_builtin_stylesheet(tmp_path: Path) -> None:

    _theme(tmp_path, "{% extends '!builtin/resume/classic.html' %}", "resume/classic.html")
    rendered = render_html("resume", "classic", _context(), [tmp_path])
    assert not (rendered.base_dir / "classic.css").exists()
    assert (rendered.fallback_dirs[-1] / "resume" / "classic.css").is_file()
    pdf, _ = rendered.pdf()
    assert pdf.startswith(b"%PDF")


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (
            "{% set l = range(99999) | list %}"
            "{% for a in l %}{% for b in l %}{% endfor %}{% endfor %}",
            "longer than",
        ),
        ("{{ '%0999999999d' | format(1) }}{{ '%0999999999d' | format(1) }}", "memory"),
    ],
)
def test_runaway_user_templates_are_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, payload: str, message: str
) -> None:
    import time

    import appkit.render.isolate

    monkeypatch.setattr(appkit.render.isolate, "TEMPLATE_SECONDS", 3.0)
    monkeypatch.setattr(appkit.render.isolate, "TEMPLATE_MEMORY", 512 * 1024**2)
    user = _theme(tmp_path, payload)
    start = time.monotonic()
    with pytest.raises(TemplateError) as caught:
        render_html("resume", "evil", _context(), [user])
    assert time.monotonic() - start < 10
    assert message in caught.value.message


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_a_word_longer_than_the_line_wraps_in_every_document(tmp_path: Path) -> None:
    """A 500-character word was clipped at the page edge (81 characters visible)."""
    import re
    import subprocess

    import yaml

    from appkit.packet import Options, load_inputs, render_documents
    from tests.conftest import ROOT

    data = yaml.safe_load((ROOT / "profiles" / "maria-santos.yaml").read_text())
    word = "".join("abcdefghij"[i % 10] for i in range(500))
    data["summary"] += f" Reference {word} ends here."
    data["experience"][0]["highlights"][0] += f" {word}"
    profile = tmp_path / "long.yaml"
    profile.write_text(yaml.safe_dump(data, sort_keys=False))
    files = render_documents(
        ["resume", "cover", "interview", "report"],
        load_inputs(profile, "clinical-coordinator"),
        Options(formats=("pdf",), date="2025-06-01"),
    )
    assert len(files) == 4
    ordinary = {w for w in data["summary"].split() if w != word}
    for name, pdf in files.items():
        # pdftotext reads only what lies on the page: clipped characters are missing from it
        (tmp_path / name).write_bytes(pdf)
        text = subprocess.run(
            ["pdftotext", tmp_path / name, "-"], capture_output=True, text=True, check=True
        ).stdout
        assert word in re.sub(r"\s+", "", text), f"{name}: the long word lost characters"
        if name == "resume.pdf":  # the summary is there verbatim: no ordinary word was broken
            assert ordinary <= set(text.split())

"""Untrusted templates: txt, md and html render in the bounded child and load nothing outside."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from appkit import Options, load_inputs
from appkit.errors import TemplateError
from appkit.packet import render_documents
from tests.conftest import ROOT

PROFILE = ROOT / "profiles" / "maria-santos.yaml"
GUIDE = "clinical-coordinator"


def _templates(root: Path, blocks: str) -> Path:
    folder = root / "templates"
    (folder / "resume").mkdir(parents=True)
    (folder / "resume" / "classic.html").write_text(
        f'{{% extends "!builtin/resume/classic.html" %}}\n{blocks}\n'
    )
    return folder


def _render(folder: Path, **options: object) -> dict[str, bytes]:
    opts = Options(templates=(folder,), date="2025-06-01", **options)  # type: ignore[arg-type]
    return render_documents(["resume"], load_inputs(PROFILE, GUIDE), opts)


@pytest.mark.parametrize("fmt", ["txt", "md", "html"])
def test_text_formats_of_untrusted_templates_are_bounded(tmp_path: Path, fmt: str) -> None:
    folder = _templates(
        tmp_path, "{% block summary %}{{ '%0999999999d' | format(1) }}{% endblock %}"
    )
    with pytest.raises(TemplateError, match="memory") as caught:
        _render(folder, formats=(fmt,), memory_limit=512)
    assert "--memory-limit" in caught.value.message


def test_html_of_a_hostile_template_loads_and_runs_nothing(tmp_path: Path) -> None:
    secret = tmp_path / "secret.css"
    secret.write_text("body { color: red } /* SECRET */")
    folder = _templates(
        tmp_path,
        "{% block head %}{{ super() }}"
        f'<link rel="stylesheet" href="{secret.as_uri()}">'
        '<link rel="stylesheet" href="../../secret.css">'
        '<link rel="stylesheet" href="http://evil.example/x.css">'
        "<style>@import url(http://evil.example/y.css); p { background: url(file:///etc/passwd) }"
        "</style>{% endblock %}"
        '{% block summary %}<p onclick="steal()">Own line '
        '<img src="http://evil.example/pixel.png"> <a href="javascript:alert(1)">x</a>'
        ' <a href="https://example.com/me">me</a></p><script>steal()</script>{{ super() }}'
        "{% endblock %}",
    )
    files = _render(folder, formats=("html", "txt"))
    html = files["resume.html"].decode("utf-8")
    assert "Own line" in html and "SECRET" not in html
    assert not re.search(r"evil\.example|file:|javascript:|onclick|<script|<link| src=", html)
    assert '<a href="https://example.com/me">me</a>' in html
    assert ".sep" in html  # the theme's own stylesheet is still inlined
    assert "Own line x me" in files["resume.txt"].decode("utf-8")

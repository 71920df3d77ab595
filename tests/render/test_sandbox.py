"""Templates get data, not code: the parse_raw / parse_file escapes, and what a context exposes."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType
from typing import Any

import jinja2
import pytest
from pydantic import BaseModel

import appkit.packet
from appkit.errors import TemplateError
from appkit.packet import Options, load_inputs, render_documents
from appkit.render.html import Context, template_variables
from appkit.render.themes import environment
from tests.conftest import ROOT

GUIDE = "clinical-coordinator"
PROFILE = ROOT / "profiles" / "maria-santos.yaml"


class _TouchCanary:
    """Unpickling this creates the canary file: proof that a template ran code."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[str, str]]:
        return (open, (str(self.path), "w"))


def _pickle_literal(canary: Path) -> str:
    """A protocol-0 pickle (ASCII) as a Jinja string literal."""
    return repr(pickle.dumps(_TouchCanary(canary), protocol=0).decode("ascii"))


PICKLE_ARGS = 'content_type="application/pickle", allow_pickle=True'
VECTORS = {
    "profile.parse_raw": "{{ profile.parse_raw(%(p)s, %(a)s) }}",
    "profile.basics.parse_raw": "{{ profile.basics.parse_raw(%(p)s, %(a)s) }}",
    "guide.parse_raw": "{{ guide.parse_raw(%(p)s, %(a)s) }}",
    "model_fields annotation": (
        '{{ profile.model_fields["basics"].annotation.parse_raw(%(p)s, %(a)s) }}'
    ),
    "profile.parse_file": (
        '{{ profile.parse_file(%(f)s, %(a)s) }}{{ profile.parse_file("/etc/hostname") }}'
    ),
}


def _options(folder: Path, **extra: Any) -> Options:
    return Options(templates=(folder,), formats=("pdf",), date="2025-06-01", **extra)


def _user_templates(tmp_path: Path, block: str, kind: str = "resume") -> Path:
    folder = tmp_path / "templates"
    (folder / kind).mkdir(parents=True)
    (folder / kind / "classic.html").write_text(
        f'{{% extends "!builtin/{kind}/classic.html" %}}\n{{% block {block} %}}'
    )
    return folder


@pytest.mark.parametrize("vector", list(VECTORS))
def test_pickle_and_parse_vectors_are_refused(tmp_path: Path, vector: str) -> None:
    canary = tmp_path / "canary"
    pickled = tmp_path / "payload.pickle"
    pickled.write_bytes(pickle.dumps(_TouchCanary(canary)))
    payload = VECTORS[vector] % {
        "p": _pickle_literal(canary),
        "a": PICKLE_ARGS,
        "f": repr(str(pickled)),
    }
    folder = _user_templates(tmp_path, "summary %}" + payload + "{% endblock")
    inputs = load_inputs(PROFILE, GUIDE)
    with pytest.raises(TemplateError) as caught:
        render_documents(["resume"], inputs, _options(folder))
    assert not canary.exists()  # the old models unpickled the payload: open(canary, "w") ran
    message = caught.value.message
    assert caught.value.template == "resume/classic.html" and caught.value.line == 2
    assert "has no attribute 'parse_" in message or "model_fields" in message
    assert "\n" not in message
    hostname = Path("/etc/hostname")
    if hostname.exists() and hostname.read_text().strip():
        assert hostname.read_text().strip() not in message


def _contexts() -> dict[str, Context]:
    """The context of every document kind, as render_documents builds it."""
    contexts: dict[str, Context] = {}

    def capture(
        kind: str, context: Context, options: Options, engine: object = None
    ) -> dict[str, bytes]:
        contexts[kind] = context
        return {}

    inputs = load_inputs(
        PROFILE, GUIDE, ROOT / "tests" / "data" / "postings" / "clinical-coordinator.txt"
    )
    original = appkit.packet.render_document
    appkit.packet.render_document = capture  # type: ignore[assignment]
    try:
        render_documents(["resume", "cover", "interview", "report"], inputs, Options())
    finally:
        appkit.packet.render_document = original
    return contexts


# What a template may call, whatever it reaches: read-only string and container methods.
CALLABLE_ALLOW_LIST = {
    str: {
        "capitalize", "casefold", "count", "endswith", "find", "format", "index", "isalnum",
        "isalpha", "isdigit", "islower", "isnumeric", "isspace", "istitle", "isupper", "join",
        "lower", "lstrip", "partition", "removeprefix", "removesuffix", "replace", "rfind",
        "rindex", "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip",
        "swapcase", "title", "upper",
    },
    tuple: {"count", "index"},
    MappingProxyType: {"get", "items", "keys", "values"},
}  # fmt: skip
PLAIN_TYPES = (str, int, float, bool, type(None), tuple, MappingProxyType)


def _walk(value: Any, path: str, depth: int, seen: set[int], found: dict[str, Any]) -> None:
    """Record every callable reachable through public attributes and items (bounded)."""
    assert not isinstance(value, (BaseModel, type)), f"{path} is a live model or a class"
    key = id(value) if not isinstance(value, PLAIN_TYPES[:5]) else id(type(value))
    if depth > 12 or key in seen:
        return
    seen.add(key)
    if isinstance(value, tuple):
        for index, item in enumerate(value):
            _walk(item, f"{path}[{index}]", depth + 1, seen, found)
    elif isinstance(value, MappingProxyType):
        for name, item in value.items():
            _walk(item, f"{path}[{name!r}]", depth + 1, seen, found)
    for name in dir(value):
        if name.startswith("_"):  # the sandbox refuses these (checked below)
            continue
        attribute = getattr(value, name)
        if callable(attribute):
            found[f"{path}.{name}"] = (value, name)
        else:
            _walk(attribute, f"{path}.{name}", depth + 1, seen, found)


def test_every_callable_reachable_from_any_context_is_allowed() -> None:
    contexts = _contexts()
    assert set(contexts) == {"resume", "cover", "interview", "report"}
    env = environment()
    for kind, context in contexts.items():
        found: dict[str, Any] = {}
        for name, value in template_variables(context).items():
            _walk(value, f"{kind}:{name}", 0, set(), found)
        assert found  # the walk reached strings at least
        for path, (owner, name) in found.items():
            assert type(owner) in PLAIN_TYPES, f"{path}: a method of {type(owner).__name__}"
            reached = env.getattr(owner, name)  # what the template gets: may be refused here
            if not isinstance(reached, jinja2.Undefined) and env.is_safe_callable(reached):
                allowed = CALLABLE_ALLOW_LIST.get(type(owner), set())
                assert name in allowed, f"{path} is callable from templates"
        assert not env.is_safe_attribute(context.profile, "parse_raw", None)


@pytest.mark.parametrize(
    ("expression", "refused"),
    [
        ("'x'.center(9)", "not safely callable"),
        ("'x'.encode()", "not safely callable"),
        ("(1).to_bytes(2, 'big')", "not safely callable"),
        ("profile.basics.name.upper()", ""),
    ],
)
def test_sandbox_allows_only_listed_callables(
    tmp_path: Path, expression: str, refused: str
) -> None:
    folder = _user_templates(tmp_path, "summary %}{{ " + expression + " }}{% endblock")
    inputs = load_inputs(PROFILE, GUIDE)
    if not refused:
        assert render_documents(["resume"], inputs, _options(folder))["resume.pdf"]
        return
    with pytest.raises(TemplateError, match=refused):
        render_documents(["resume"], inputs, _options(folder))


@pytest.mark.parametrize(
    "source",
    [
        "{{ m.parse_raw('{}') }}",
        "{{ m.parse_file('/etc/hostname') }}",
        "{{ m.basics }}",
        "{{ m.model_validate_json('{}') }}",
        "{{ m.model_copy() }}",
    ],
)
def test_second_layer_refuses_a_live_model_that_slipped_through(source: str) -> None:
    """Should a live model ever reach a template, the sandbox still refuses what it offers."""
    from jinja2.sandbox import SecurityError

    model = load_inputs(PROFILE, GUIDE).profile
    with pytest.raises((SecurityError, jinja2.UndefinedError)):
        environment().from_string(source).render(m=model)

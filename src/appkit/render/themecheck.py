"""`appkit templates check DIR`: every problem of a theme folder at once, as `file:line: message`.

A theme folder has the layout of `--templates DIR` (DIR/resume/<theme>.html, DIR/cover/...,
stylesheets and images beside them). Checked: Jinja syntax; blocks a template overrides that the
template it extends does not define (they would never show); variables no template provides
(read from the source, so untaken branches count too); stylesheets and images that are missing or
that the PDF renderer's fetcher would refuse (remote, or outside the folder); `<img>` without an
alt text (`alt=""` marks a decorative image and is fine); and, by filling each document template
with sample data (appkit.render.themetrial), undefined attributes and sandbox refusals.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import fields
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jinja2
from jinja2 import meta, nodes

from appkit.render.html import Context, template_variables
from appkit.render.themes import search_path
from appkit.render.themetrial import (
    Findings,
    Problem,
    trial_environment,
    trial_render,
    undefined_variable,
    unsafe_attribute,
)
from appkit.suggest import did_you_mean

__all__ = ["Problem", "check_theme"]

KINDS = ("resume", "cover", "interview", "report")
CONTEXT_NAMES = [f.name for f in fields(Context)]
# Templates filled from other data than a Context, with the variables they get.
OTHER_VARIABLES = {"report/cohort.html": ["doc", "c", "roster"]}
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_DYNAMIC = "\x00"  # what Jinja code is masked with: a value containing it is computed
_TAG = re.compile(r"<(img|link|image|use|object|embed|source)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
                  re.I)  # fmt: skip
_ATTR = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>\"']+)))?")
_CSS_URL = re.compile(r"url\(\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\s]*))\s*\)|@import\s+[\"']([^\"']+)")
_REMOTE = ("http", "https", "ftp", "file", "ftps", "ws", "wss")


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _masked(source: str) -> str:
    """The source with Jinja tags blanked out (newlines kept, so offsets and lines still match)."""
    return _JINJA.sub(lambda m: re.sub(r"[^\n]", _DYNAMIC, m.group(0)), source)


def _check_asset(ref: str, file: Path, folder: Path) -> str | None:
    """Why `ref` (an href/src/url() of `file`) would not load in the PDF, or None when it does."""
    ref = ref.strip()
    if not ref or ref.startswith("#") or _DYNAMIC in ref or ref.lower().startswith("data:"):
        return None
    parts = urlsplit(ref)
    if parts.scheme.lower() in _REMOTE or ref.startswith("//"):
        return (
            f"'{ref[:80]}' will be refused: the PDF loads only files in the theme folder and data:"
            " URLs"
        )
    if parts.scheme:
        return f"'{ref[:80]}' will be refused: unsupported URL scheme '{parts.scheme}'"
    target = (file.parent / unquote(parts.path)).resolve()
    if not target.is_relative_to(folder):
        return f"'{ref[:80]}' is outside the theme folder and will be refused"
    if target.is_file():
        return None
    builtin = search_path()[-1]
    if (builtin / target.relative_to(folder)).is_file():  # the fetcher falls back to these
        return None
    return f"missing file '{ref[:80]}' (not in the theme folder nor in the built-ins)"


def _html_findings(path: Path, source: str, folder: Path, findings: Findings) -> None:
    """Missing or refused assets and images without alt text, read from the template source."""
    text = _masked(source)
    for tag in _TAG.finditer(text):
        name = tag.group(1).lower()
        attrs = {
            m.group(1).lower(): next((g for g in m.groups()[1:] if g is not None), None)
            for m in _ATTR.finditer(tag.group(2))
        }
        line = _line(text, tag.start())
        if name == "img" and "alt" not in attrs:
            findings.add(
                str(path),
                line,
                '<img> has no alt text: describe it in alt="..." (alt="" marks it decorative)',
            )
        rel = (attrs.get("rel") or "").lower()
        if name == "link" and "stylesheet" not in rel:
            continue
        for key in ("src", "href", "xlink:href", "data"):
            value = attrs.get(key)
            if value is not None and (problem := _check_asset(value, path, folder)):
                findings.add(str(path), line, problem)
    _css_findings(path, text, folder, findings)


def _css_findings(path: Path, text: str, folder: Path, findings: Findings) -> None:
    for found in _CSS_URL.finditer(text):
        ref = next(g for g in found.groups() if g is not None)
        if problem := _check_asset(ref, path, folder):
            findings.add(str(path), _line(text, found.start()), problem)


def _blocks(ast: nodes.Template, top_only: bool) -> Iterator[nodes.Block]:
    """The template's blocks; with `top_only`, not those nested in another block (a child's
    nested block is its own new block, not an override)."""
    stack: list[nodes.Node] = [ast]
    while stack:
        node = stack.pop()
        for child in node.iter_child_nodes():
            if isinstance(child, nodes.Block):
                yield child
                if top_only:
                    continue
            stack.append(child)


def _parent_name(ast: nodes.Template) -> tuple[str, int] | None:
    for extends in ast.find_all(nodes.Extends):
        if isinstance(extends.template, nodes.Const) and isinstance(extends.template.value, str):
            return extends.template.value, extends.lineno
    return None


def _assigned(ast: nodes.Template) -> set[str]:
    """Every name the template assigns, anywhere: Jinja's own analysis (meta) misses that a
    block sees the template's top-level `{% set %}`, imports and macros through the context."""
    names = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
    names |= {m.name for m in ast.find_all(nodes.Macro)}
    names |= {i.target for i in ast.find_all(nodes.Import)}
    for imported in ast.find_all(nodes.FromImport):
        names |= {n if isinstance(n, str) else n[1] for n in imported.names}
    return names


def _ancestry(env: jinja2.Environment, name: str) -> tuple[set[str], set[str]]:
    """Blocks defined by template `name` and the templates it extends, and the names they assign
    (a child's blocks see a parent's top-level `{% set %}`). TemplateNotFound if it is missing."""
    blocks: set[str] = set()
    assigned: set[str] = set()
    seen: set[str] = set()
    current: str | None = name
    while current and current not in seen and len(seen) < 20:
        seen.add(current)
        source = env.loader.get_source(env, current)[0]  # type: ignore[union-attr]
        try:
            ast = env.parse(source)
        except jinja2.TemplateSyntaxError:
            break  # reported for its own file
        blocks |= {block.name for block in _blocks(ast, top_only=False)}
        assigned |= _assigned(ast)
        parent = _parent_name(ast)
        current = parent[0] if parent else None
    return blocks, assigned


def _template_findings(
    env: jinja2.Environment, path: Path, source: str, name: str, findings: Findings
) -> None:
    """Syntax, unknown blocks and undeclared variables of one template."""
    try:
        ast = env.parse(source, name, str(path))
    except jinja2.TemplateSyntaxError as exc:
        findings.add(str(path), exc.lineno, f"syntax error: {exc.message}")
        return
    known = OTHER_VARIABLES.get(name, CONTEXT_NAMES)
    assigned = _assigned(ast)
    parent = _parent_name(ast)
    if parent:
        try:
            parent_blocks, inherited = _ancestry(env, parent[0])
        except jinja2.TemplateNotFound:
            findings.add(str(path), parent[1], f"template '{parent[0]}' not found")
            return
        assigned |= inherited
        for block in _blocks(ast, top_only=True):
            if block.name not in parent_blocks:
                hint = did_you_mean(block.name, parent_blocks)
                findings.add(
                    str(path),
                    block.lineno,
                    f"block '{block.name}' is not defined in {parent[0]}, so it is never"
                    f" shown{hint}",
                )
    for node in ast.find_all((nodes.Getattr, nodes.Getitem)):
        attr = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
        if isinstance(attr, str) and attr.startswith("_"):
            findings.add(str(path), node.lineno, unsafe_attribute(attr))
    missing = meta.find_undeclared_variables(ast) - set(known) - set(env.globals) - assigned
    for node in ast.find_all(nodes.Name):
        if node.ctx == "load" and node.name in missing:
            findings.add(str(path), node.lineno, undefined_variable(node.name, known))
            missing.discard(node.name)  # each name once, where it is first used


def _entries(folder: Path) -> list[str]:
    """The document templates to fill with samples: the folder's themes, and the built-in ones
    when the folder replaces a base.html or a shared file they use."""
    builtin = search_path()[-1]
    shared = any((folder / "shared").glob("*.html"))
    names: set[str] = set()
    for kind in KINDS:
        themes = {p.stem for p in (folder / kind).glob("*.html") if not p.is_symlink()}
        if shared or "base" in themes:
            themes |= {p.stem for p in (builtin / kind).glob("*.html")}
        names |= {f"{kind}/{t}.html" for t in themes if t != "base"} - set(OTHER_VARIABLES)
    return sorted(names)


def _isolated_trial(
    env: jinja2.Environment, name: str, context: Context, findings: Findings, seconds: float
) -> None:
    """One trial render in a child process with the limits of a real one (a theme may come from
    anyone: `{% for a in range(99999) %}{% for b in range(99999) %}` must not hang the check)."""
    from appkit.errors import TemplateError
    from appkit.render.isolate import Limits, run_isolated

    def run() -> list[tuple[str, int, str]]:
        trial_render(env, name, template_variables(context), findings)
        return [(p.file, p.line, p.message) for p in findings.problems]

    try:
        found = run_isolated(run, name, Limits(seconds=seconds))
    except TemplateError as exc:
        shown = name if (findings.folder / name).is_file() else f"!builtin/{name}"
        reason = re.sub(r" \(--\w+-limit\)|, --memory-limit", "", exc.message.split(": ", 1)[1])
        findings.problems.add(Problem(shown, 1, f"trial render: {reason}"))
        return
    findings.problems |= {Problem(*problem) for problem in found}


def check_theme(
    folder: Path, samples: Mapping[str, Sequence[Context]], seconds: float = 10.0
) -> list[Problem]:
    """Every problem of the theme in `folder`, sorted by file and line; empty when it is clean.

    `samples` are the contexts each document kind is tried with (appkit.packet.sample); each
    trial render is stopped after `seconds`.
    """
    folder = folder.resolve()
    findings = Findings(folder)
    # appkit never loads a symlink from a theme (see themes._SafeFileLoader): neither does this.
    links = sorted(p for p in folder.rglob("*") if p.is_symlink())
    for link in links:
        findings.problems.add(
            Problem(link.relative_to(folder).as_posix(), 1, "a symlink: appkit refuses to load it")
        )
    templates = sorted(p for p in folder.rglob("*.html") if p.is_file() and p not in links)
    stylesheets = sorted(p for p in folder.rglob("*.css") if p.is_file() and p not in links)
    if not templates and not stylesheets and not links:
        findings.add(
            str(folder), 0, "no templates here (expected e.g. resume/<theme>.html and its CSS)"
        )
        return sorted(findings.problems)
    env = trial_environment(folder, findings, CONTEXT_NAMES)
    for path in templates:
        source = path.read_text(encoding="utf-8", errors="replace")
        name = path.relative_to(folder).as_posix()
        _template_findings(env, path, source, name, findings)
        _html_findings(path, source, folder, findings)
    for path in stylesheets:
        _css_findings(path, path.read_text(encoding="utf-8", errors="replace"), folder, findings)
    for name in _entries(folder):
        for context in samples.get(name.partition("/")[0], ()):
            _isolated_trial(env, name, context, findings, seconds)
    return sorted(findings.problems)

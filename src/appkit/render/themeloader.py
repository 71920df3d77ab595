"""Where designs come from, and their values: `--templates` folders, installed theme packages
(entry point group `appkit.themes`), then appkit's built-ins.

A design is a name with a `themes/<name>/theme.yaml` (its values) and templates in the usual
layout, `<kind>/<name>.html` with its stylesheet beside it; a kind it lacks falls back to
classic. A folder holding only `resume/<name>.html` (the layout before designs existed) is a
design too, with classic's values.

A theme package exposes a folder with that same layout through an entry point, for example in
its pyproject.toml: `[project.entry-points."appkit.themes"] campus = "campus_theme:TEMPLATES"`,
where the object is a path (str or Path), a module (its own folder) or a function returning one.
"""

from __future__ import annotations

import functools
import importlib.metadata
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from appkit.errors import InputError
from appkit.loading.read import load_model
from appkit.render.design import Design
from appkit.resources import builtin_dir

__all__ = ["DOCUMENT_KINDS", "ThemeInfo", "available_themes", "load_design", "package_dirs"]

DOCUMENT_KINDS = ("resume", "cover", "interview", "report")
ENTRY_POINT_GROUP = "appkit.themes"
_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")


@functools.cache
def package_dirs() -> tuple[tuple[str, Path], ...]:
    """(distribution or entry point name, folder) of every installed theme package, once."""
    found: list[tuple[str, Path]] = []
    for entry in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        try:
            value = entry.load()
            if callable(value) and not isinstance(value, ModuleType):
                value = value()
            if isinstance(value, ModuleType):
                value = Path(value.__file__ or "").parent
            folder = Path(value).resolve()
        except Exception:  # noqa: BLE001 - a broken plugin must not stop appkit; it is skipped
            continue
        if folder.is_dir():
            dist = getattr(entry, "dist", None)
            found.append((getattr(dist, "name", None) or entry.name, folder))
    return tuple(found)


def _folders(user_dirs: Sequence[Path]) -> list[tuple[str, Path]]:
    """(source label, folder) in search order: user folders, theme packages, built-ins."""
    users = [(str(Path(d).resolve()), Path(d).resolve()) for d in user_dirs]
    packages = [(f"package {name}", folder) for name, folder in package_dirs()]
    return [*users, *packages, ("builtin", builtin_dir("templates"))]


@dataclass(frozen=True)
class ThemeInfo:
    """What `appkit templates list` shows about one design."""

    name: str
    kinds: tuple[str, ...]  # the kinds with a template of this name; others fall back to classic
    source: str  # where its theme.yaml (else its first template) comes from
    values: Path | None  # its theme.yaml, None for a template-only design


def available_themes(user_dirs: Sequence[Path] = ()) -> dict[str, ThemeInfo]:
    """Every design by name, in the order: built-ins first, then the others alphabetically."""
    values: dict[str, tuple[str, Path]] = {}
    kinds: dict[str, dict[str, str]] = {}
    for source, folder in _folders(user_dirs):
        for path in sorted(folder.glob("themes/*/theme.yaml")):
            if _NAME.fullmatch(path.parent.name) and not path.is_symlink():
                values.setdefault(path.parent.name, (source, path))
        for kind in DOCUMENT_KINDS:
            for path in sorted(folder.glob(f"{kind}/*.html")):
                if path.stem != "base" and _NAME.fullmatch(path.stem) and not path.is_symlink():
                    kinds.setdefault(path.stem, {}).setdefault(kind, source)
    infos = {}
    designs = set(values) | {name for name, own in kinds.items() if "resume" in own}
    for name in sorted(designs, key=lambda n: (n not in _builtin_names(), n)):
        own = kinds.get(name, {})
        source = values[name][0] if name in values else next(iter(own.values()))
        path = values[name][1] if name in values else None
        infos[name] = ThemeInfo(name, tuple(k for k in DOCUMENT_KINDS if k in own), source, path)
    return infos


@functools.cache
def _builtin_names() -> frozenset[str]:
    return frozenset(p.parent.name for p in builtin_dir("templates").glob("themes/*/theme.yaml"))


def _label(path: Path) -> str:
    """A theme.yaml as errors name it: relative to appkit for a built-in."""
    root = builtin_dir("templates")
    return (
        f"templates/{path.relative_to(root).as_posix()}" if path.is_relative_to(root) else str(path)
    )


@functools.lru_cache(maxsize=64)
def _load(path: Path, mtime_ns: int) -> Design:
    return load_model(path, Design, label=_label(path))


def load_design(name: str, user_dirs: Sequence[Path] = ()) -> Design:
    """The values of design `name`: its theme.yaml, or classic's for a template-only design.

    An unknown name is an InputError naming the designs there are; a bad theme.yaml is one
    `file:line: field: message` per problem.
    """
    themes = available_themes(user_dirs)
    info = themes.get(name)
    if info is None:
        from appkit.suggest import did_you_mean

        raise InputError.single(
            "--theme",
            f"no design named {name!r}{did_you_mean(name, list(themes))}"
            f" (available: {', '.join(themes)})",
        )
    path = info.values or themes["classic"].values
    if path is None:
        return Design(name=name)
    design = _load(path, path.stat().st_mtime_ns)
    reference = path.parent / "reference.docx"
    usable = info.values is not None and reference.is_file() and not reference.is_symlink()
    return design.model_copy(update={"name": name, "reference": reference if usable else None})


def chosen_design(
    theme: str | None,
    page_size: str | None,
    user_dirs: Sequence[Path] = (),
    profile_choice: object | None = None,
) -> Design:
    """The design for one packet: the command line (`theme`, `page_size`, None when not given)
    wins over the profile's `design:` section (`profile_choice`), which wins over theme.yaml."""
    choice_theme = getattr(profile_choice, "theme", None)
    design = load_design(theme or choice_theme or "classic", user_dirs)
    return design.override(
        page_size=page_size or getattr(profile_choice, "page_size", None),
        accent=getattr(profile_choice, "accent", None),
    )


def theme_files(name: str) -> list[tuple[Path, str]]:
    """(file, path inside a templates folder) of everything design `name` uses, from the theme
    package or the built-ins that provide it: its templates and stylesheet for every kind, the
    classic layout they build on, the base templates, shared/ and its themes/<name>/ folder."""
    relative = ["shared/macros.html", "shared/document.css"]
    for kind in DOCUMENT_KINDS:
        relative += [f"{kind}/base.html", f"{kind}/classic.html", f"{kind}/classic.css"]
        relative += [f"{kind}/{name}.html", f"{kind}/{name}.css"]
    folders = [folder for _, folder in _folders(())]
    relative += sorted(
        {
            path.relative_to(folder).as_posix()
            for folder in folders
            for path in (folder / "themes" / name).glob("*")
            if path.is_file() and not path.is_symlink()
        }
    )
    found: list[tuple[Path, str]] = []
    for rel in dict.fromkeys(relative):
        source = next((f / rel for f in folders if (f / rel).is_file()), None)
        if source is not None:
            found.append((source, rel))
    return found

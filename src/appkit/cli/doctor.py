"""``appkit doctor``: check the Python, libraries, system libraries and fonts appkit needs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata

__all__ = ["EMOJI_PACKAGE", "FLOORS", "FONTS", "Check", "run_checks"]

# Minimum versions (security floors: see notes/security.md §11).
FLOORS: dict[str, tuple[int, ...]] = {
    "weasyprint": (70, 0),
    "jinja2": (3, 1, 6),
    "python-docx": (1, 2),
    "pydantic": (2,),
}
# Font family used by the templates → Debian package that provides it.
FONTS: dict[str, str] = {
    "Lato": "fonts-lato",
    "Carlito": "fonts-crosextra-carlito",
    "Liberation Sans": "fonts-liberation2",
    # Fallbacks for names in other scripts: without them CJK or Devanagari names vanish.
    "Noto Sans CJK SC": "fonts-noto-cjk",
    "Noto Sans Devanagari": "fonts-noto-core",
}

# Emoji come from fontconfig's fallback, so any full emoji font will do; this is the one
# scripts/install.sh installs. The probe spans emoji versions and needs a font with all of them:
# DejaVu Sans has the old smileys and Noto Sans Symbols2 a few symbols, in black and white only.
EMOJI_PACKAGE = "fonts-noto-color-emoji"
EMOJI_PROBE = (0x1F600, 0x1F469, 0x1F489, 0x1FA7A)  # grinning face, woman, syringe, stethoscope


@dataclass(frozen=True)
class Check:
    """One doctor result; ``fix`` says how to repair a failed check."""

    name: str
    ok: bool
    detail: str
    fix: str = ""
    optional: bool = False


def version_tuple(text: str) -> tuple[int, ...]:
    """Parse the leading numeric parts of a version string (``3.1.6rc1`` → ``(3, 1, 6)``)."""
    parts: list[int] = []
    for piece in text.split("."):
        digits = ""
        for char in piece:
            if not char.isdigit():
                break
            digits += char
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def check_python() -> Check:
    """Python 3.11 or newer."""
    version = ".".join(str(v) for v in sys.version_info[:3])
    ok = sys.version_info >= (3, 11)
    return Check("python", ok, f"Python {version}", "" if ok else "install Python 3.11 or newer")


def check_package(name: str, floor: tuple[int, ...]) -> Check:
    """An installed distribution at or above its floor version."""
    want = ".".join(str(v) for v in floor)
    fix = f'pip install "{name}>={want}"'
    try:
        have = metadata.version(name)
    except metadata.PackageNotFoundError:
        return Check(name, False, "not installed", fix)
    ok = version_tuple(have) >= floor
    return Check(name, ok, f"{have} (need >= {want})", "" if ok else fix)


def check_pango() -> Check:
    """WeasyPrint can load Pango (needs >= 1.44)."""
    fix = "apt-get install libpango-1.0-0 libpangoft2-1.0-0"
    try:
        from weasyprint.text.ffi import pango
    except (OSError, ImportError) as exc:
        return Check("pango", False, f"cannot load Pango: {exc}", fix)
    raw = int(pango.pango_version())
    version = f"{raw // 10000}.{raw // 100 % 100}.{raw % 100}"
    ok = raw >= 14400
    return Check("pango", ok, f"Pango {version}", "" if ok else fix)


def check_harfbuzz_subset() -> Check:
    """HarfBuzz's subsetter is loaded (without it WeasyPrint is about 5x slower)."""
    fix = "apt-get install libharfbuzz-subset0"
    try:
        from weasyprint.text import ffi
    except (OSError, ImportError) as exc:
        return Check("harfbuzz-subset", False, f"cannot load WeasyPrint: {exc}", fix)
    if getattr(ffi, "harfbuzz_subset", None) is None:
        return Check(
            "harfbuzz-subset",
            False,
            "libharfbuzz-subset not found: fonts are subset with fontTools (~5x slower PDFs)",
            fix,
        )
    return Check("harfbuzz-subset", True, "HarfBuzz subsetter available")


def _fc_match(family: str) -> str | None:
    """The family fontconfig picks for ``family``, or None if fc-match is unavailable."""
    exe = shutil.which("fc-match")
    if exe is None:
        return None
    try:
        done = subprocess.run(
            [exe, "-f", "%{family}", family], capture_output=True, text=True, timeout=10
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip()


def check_font(family: str, package: str) -> Check:
    """A template font is installed (fontconfig resolves it to itself, not a fallback)."""
    found = _fc_match(family)
    fix = f"apt-get install {package}"
    if found is None:
        return Check(
            f"font {family}", False, "fc-match not available", "apt-get install fontconfig"
        )
    names = [name.strip().casefold() for name in found.split(",")]
    ok = family.casefold() in names
    detail = f"{family} installed" if ok else f"{family} missing (falls back to {found or '?'})"
    return Check(f"font {family}", ok, detail, "" if ok else fix)


def fc_families_covering(code_points: tuple[int, ...]) -> list[str] | None:
    """Font families with a glyph for every code point, or None if fc-list is unavailable."""
    exe = shutil.which("fc-list")
    if exe is None:
        return None
    try:
        done = subprocess.run(
            [exe, ":charset=" + " ".join(f"{c:x}" for c in code_points), "family"],
            capture_output=True,
            text=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    families = {line.split(",")[0].strip() for line in done.stdout.splitlines()}
    return sorted(family for family in families if family)


def check_emoji_font() -> Check:
    """A font with emoji: without one, emoji in a profile print as empty boxes."""
    fix = f"apt-get install {EMOJI_PACKAGE}"
    families = fc_families_covering(EMOJI_PROBE)
    if families is None:
        return Check("emoji font", False, "fc-list not available", "apt-get install fontconfig")
    if not families:
        detail = "no emoji font: emoji in a profile print as empty boxes"
        return Check("emoji font", False, detail, fix)
    return Check("emoji font", True, f"emoji render with {', '.join(families)}")


def check_pdftotext() -> Check:
    """Optional: poppler's pdftotext, used to read PDFs back in tests and checks."""
    ok = shutil.which("pdftotext") is not None
    detail = "pdftotext available" if ok else "pdftotext not found"
    return Check("pdftotext", ok, detail, "" if ok else "apt-get install poppler-utils", True)


def run_checks() -> list[Check]:
    """Run every check; a failing check never raises."""
    checks: list[Callable[[], Check]] = [check_python]
    checks += [lambda n=name, f=floor: check_package(n, f) for name, floor in FLOORS.items()]
    checks += [check_pango, check_harfbuzz_subset]
    checks += [lambda f=family, p=package: check_font(f, p) for family, package in FONTS.items()]
    checks += [check_emoji_font, check_pdftotext]
    results = []
    for check in checks:
        try:
            results.append(check())
        except Exception as exc:  # doctor must report, not crash
            name = getattr(check, "__name__", "check").removeprefix("check_")
            results.append(Check(name, False, f"check crashed: {type(exc).__name__}: {exc}"))
    return results

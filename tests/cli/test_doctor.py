"""appkit doctor: every check reports, failures carry a fix, nothing raises."""

from __future__ import annotations

from importlib import metadata

import pytest

from appkit.cli import doctor
from appkit.cli.doctor import Check, run_checks


def test_run_checks_shape() -> None:
    checks = run_checks()
    names = [c.name for c in checks]
    assert names[:5] == ["python", "weasyprint", "jinja2", "python-docx", "pydantic"]
    for expected in (
        "pango",
        "harfbuzz-subset",
        "font Lato",
        "font Carlito",
        "emoji font",
        "pdftotext",
    ):
        assert expected in names
    assert all(isinstance(c, Check) for c in checks)
    assert all(c.fix for c in checks if not c.ok), [c for c in checks if not c.ok]


def test_this_machine_is_healthy() -> None:
    failed = [c for c in run_checks() if not c.ok and not c.optional]
    assert failed == []


def test_check_is_frozen() -> None:
    check = Check("x", True, "ok")
    with pytest.raises(AttributeError):
        check.ok = False  # type: ignore[misc]


def test_harfbuzz_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    from weasyprint.text import ffi

    monkeypatch.setattr(ffi, "harfbuzz_subset", None)
    check = doctor.check_harfbuzz_subset()
    assert not check.ok
    assert "libharfbuzz-subset0" in check.fix
    assert "slower" in check.detail


def test_old_package_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doctor.metadata, "version", lambda name: "69.0")
    check = doctor.check_package("weasyprint", (70, 0))
    assert not check.ok and check.fix == 'pip install "weasyprint>=70.0"'


def test_missing_package(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(doctor.metadata, "version", missing)
    assert doctor.check_package("jinja2", (3, 1, 6)).detail == "not installed"


def test_font_fallback_detected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doctor, "_fc_match", lambda family: "DejaVu Sans")
    check = doctor.check_font("Carlito", "fonts-crosextra-carlito")
    assert not check.ok
    assert check.fix == "apt-get install fonts-crosextra-carlito"
    assert "DejaVu Sans" in check.detail


def test_font_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doctor, "_fc_match", lambda family: "Liberation Sans,Arimo")
    assert doctor.check_font("Liberation Sans", "fonts-liberation2").ok


def test_crashing_check_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom() -> Check:
        raise RuntimeError("kaput")

    monkeypatch.setattr(doctor, "check_pango", boom)
    checks = run_checks()
    crashed = [c for c in checks if "kaput" in c.detail]
    assert len(crashed) == 1 and not crashed[0].ok


@pytest.mark.parametrize(
    ("text", "expected"),
    [("70.0", (70, 0)), ("3.1.6rc1", (3, 1, 6)), ("1.2.0.post1", (1, 2, 0)), ("x", ())],
)
def test_version_tuple(text: str, expected: tuple[int, ...]) -> None:
    assert doctor.version_tuple(text) == expected


def test_emoji_font_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doctor, "fc_families_covering", lambda code_points: [])
    check = doctor.check_emoji_font()
    assert not check.ok and not check.optional
    assert check.fix == "apt-get install fonts-noto-color-emoji"
    assert check.detail == "no emoji font: emoji in a profile print as empty boxes"


def test_emoji_font_needs_fontconfig(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(doctor, "fc_families_covering", lambda code_points: None)
    check = doctor.check_emoji_font()
    assert not check.ok and check.fix == "apt-get install fontconfig"


def test_emoji_font_on_this_machine() -> None:
    # scripts/install.sh installs fonts-noto-color-emoji; black-and-white fallbacks such as
    # DejaVu Sans (old smileys) or Noto Sans Symbols2 do not cover the whole probe.
    families = doctor.fc_families_covering(doctor.EMOJI_PROBE)
    assert families is not None and "Noto Color Emoji" in families
    assert "DejaVu Sans" not in families
    check = doctor.check_emoji_font()
    assert check.ok and check.detail == f"emoji render with {', '.join(families)}"
    assert "emoji font" in [c.name for c in run_checks()]

"""Emoji in a profile print as glyphs from the installed emoji font, not as empty boxes."""

from __future__ import annotations

from pathlib import Path

import pypdf
from click.testing import CliRunner

from appkit.cli import cli
from tests.conftest import ROOT

EMOJI = "\U0001fa7a \U0001f489 \U0001f469\u200d\u2695\ufe0f \U0001f1fa\U0001f1f8 \u2b50"


def _font_names(pdf: pypdf.PdfReader) -> set[str]:
    names = set()
    for page in pdf.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


def test_emoji_in_a_bullet_use_the_emoji_font(tmp_path: Path) -> None:
    text = (ROOT / "profiles" / "maria-santos.yaml").read_text(encoding="utf-8")
    bullet = f"Ran the clinic flu drive for 1,200 patients {EMOJI}"
    text = text.replace("highlights:\n", f'highlights:\n      - "{bullet}"\n', 1)
    profile = tmp_path / "emoji.yaml"
    profile.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        [
            "resume",
            str(profile),
            "-g",
            "clinical-coordinator",
            "-f",
            "pdf",
            "-o",
            str(out),
            "--file-names",
            "plain",
        ],
    )
    assert result.exit_code == 0, result.output
    pdf = pypdf.PdfReader(out / "maria-santos" / "resume.pdf")
    assert "Noto-Color-Emoji" in _font_names(pdf)
    page_text = "".join(page.extract_text() for page in pdf.pages)
    assert bullet.replace("\ufe0f", "") in page_text.replace("\ufe0f", "")

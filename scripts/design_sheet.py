"""Draw docs/designs.png: the first page of one sample resume in every built-in design, side by
side, each labelled with the design's name, page size and description.

    PYTHONPATH=src python3 scripts/design_sheet.py [PROFILE] [OUT]

Needs pdftoppm (poppler-utils) and Pillow; run it after changing a design and look at the result.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

import appkit
from appkit.options import Options
from appkit.render.themeloader import available_themes, load_design

ROOT = Path(__file__).resolve().parents[1]
DPI = 60
GAP, LABEL = 24, 56
FONT = Path("/usr/share/fonts/truetype/lato")


def _font(name: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.truetype(str(FONT / name), size)
    except OSError:
        return ImageFont.load_default()


def first_page(profile: Path, design: str, folder: Path) -> Image.Image:
    """The resume's first page in `design` as an image."""
    options = Options(date="2026-01-15", formats=("pdf",), theme=design)
    files = appkit.build_packet(appkit.load_inputs(profile), options, ["resume"]).files
    pdf = folder / f"{design}.pdf"
    pdf.write_bytes(next(data for name, data in files.items() if name.endswith(".pdf")))
    stem = folder / design
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(DPI), "-f", "1", "-l", "1", "-singlefile", pdf, stem],
        check=True,
    )
    return Image.open(f"{stem}.png").convert("RGB")


def main(profile: Path, out: Path) -> None:
    names = [name for name, info in available_themes().items() if info.source == "builtin"]
    with tempfile.TemporaryDirectory() as tmp:
        pages = [first_page(profile, name, Path(tmp)) for name in names]
    height = max(p.height for p in pages)
    width = sum(p.width for p in pages) + GAP * (len(pages) + 1)
    sheet = Image.new("RGB", (width, height + LABEL + 2 * GAP), (236, 238, 240))
    draw = ImageDraw.Draw(sheet)
    bold, regular = _font("Lato-Bold.ttf", 20), _font("Lato-Regular.ttf", 13)
    x = GAP
    for name, page in zip(names, pages, strict=True):
        design = load_design(name)
        draw.text((x, GAP // 2), f"{name}  ({design.page.size.upper()})", fill="#1f2325", font=bold)
        draw.text((x, GAP // 2 + 26), design.description[:70], fill="#4f5a5e", font=regular)
        sheet.paste(page, (x, LABEL + GAP))
        draw.rectangle(
            (x - 1, LABEL + GAP - 1, x + page.width, LABEL + GAP + page.height), outline="#b9c0c6"
        )
        x += page.width + GAP
    out.parent.mkdir(parents=True, exist_ok=True)
    sheet.quantize(colors=96).save(out, optimize=True)  # a palette keeps the file small
    print(out)


if __name__ == "__main__":
    main(
        Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "profiles" / "maria-santos.yaml",
        Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "docs" / "designs.png",
    )

"""The built-in designs: every one renders every document in A4 and Letter, PDF and DOCX, and
its theme.yaml values (page, margins, fonts, colours) reach both formats; overrides, copies,
theme packages and bad theme.yaml files behave.

Two sample profiles get all four documents in every design and size; the other three the resume.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

import appkit
from appkit.cli import cli
from appkit.errors import InputError
from appkit.options import Options
from appkit.render import themeloader
from appkit.render.design import points
from appkit.render.themeloader import available_themes, load_design
from tests.conftest import PROFILES, ROOT

DESIGNS = ("classic", "modern", "compact")
SIZES = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
FULL = ("maria-santos", "derek-walsh")  # every document; the others: the resume
KINDS = ["resume", "cover", "interview", "report"]
GUIDE = "clinical-coordinator"


def _packet(profile: Path, kinds: list[str], engine: Any = None, **options: Any) -> dict:
    opts = Options(date="2026-01-15", formats=("pdf", "docx"), **options)
    inputs = appkit.load_inputs(profile, GUIDE)
    return dict(appkit.build_packet(inputs, opts, kinds, engine).files)


def _by_suffix(files: dict, kind_word: str, suffix: str) -> bytes:
    return next(data for name, data in files.items() if kind_word in name and name.endswith(suffix))


def _pdf_size(data: bytes) -> tuple[float, float]:
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    return float(box.width), float(box.height)


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def _docx(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def rendered() -> dict[tuple[str, str, str], dict]:
    """(design, size, profile) -> the packet's files, rendered once for the module."""
    engine = appkit.Engine()
    out = {}
    for design in DESIGNS:
        for size in SIZES:
            for path in PROFILES:
                kinds = KINDS if path.stem in FULL else ["resume"]
                out[design, size, path.stem] = _packet(
                    path, kinds, engine, theme=design, page_size=size
                )
    return out


def test_templates_list_shows_three_designs_with_every_kind() -> None:
    themes = available_themes()
    assert set(DESIGNS) <= set(themes)
    for name in DESIGNS:
        assert themes[name].kinds == tuple(KINDS) and themes[name].source == "builtin"
    result = CliRunner().invoke(cli, ["templates", "list"])
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.stdout.splitlines()][:3] == sorted(DESIGNS)


@pytest.mark.parametrize("design", DESIGNS)
@pytest.mark.parametrize("size", SIZES)
def test_every_design_renders_every_document(rendered: dict, design: str, size: str) -> None:
    width, height = SIZES[size]
    for path in PROFILES:
        files = rendered[design, size, path.stem]
        profile = appkit.load_profile(path)
        pdfs = [data for name, data in files.items() if name.endswith(".pdf")]
        docxs = [data for name, data in files.items() if name.endswith(".docx")]
        assert len(pdfs) == len(docxs) == (4 if path.stem in FULL else 1)
        for data in pdfs:
            assert _pdf_size(data) == pytest.approx((width, height), abs=0.5)
            assert profile.basics.name in _pdf_text(data)
        for data in docxs:
            document = _docx(data)
            section = document.sections[0]
            assert section.page_width.pt == pytest.approx(width, abs=0.5)
            assert section.page_height.pt == pytest.approx(height, abs=0.5)
            assert document.paragraphs[0].text == profile.basics.name


@pytest.mark.parametrize("design", DESIGNS)
def test_design_values_are_visible_in_the_docx(rendered: dict, design: str) -> None:
    values = load_design(design)
    files = rendered[design, values.page.size, "maria-santos"]
    for word in ("Resume", "Cover-Letter", "Interview-Prep", "Gap-Report"):
        document = _docx(_by_suffix(files, word, ".docx"))
        section = document.sections[0]
        # the letter has its own margins when the design gives them, in the PDF and the DOCX
        cover = values.page.cover_margins if word == "Cover-Letter" else None
        margins = cover or values.page.margins
        assert section.left_margin.pt == pytest.approx(points(margins.left), abs=0.1)
        assert section.top_margin.pt == pytest.approx(points(margins.top), abs=0.1)
        normal, title = document.styles["Normal"], document.styles["Title"]
        assert normal.font.name == values.fonts.docx_body
        assert title.font.name == values.fonts.docx_heading
        # the body size of the PDF: the design's base, scaled as each document's CSS scales it
        # (letter x1.05, sheets x0.95, a fitted resume x0.96 or x0.92)
        base = points(values.sizes.base)
        assert base * 0.9 <= normal.font.size.pt <= base * 1.06, (word, normal.font.size.pt)
        assert str(title.font.color.rgb) == values.colours.accent[1:].upper()
        heading = document.styles["Heading 1"]
        assert str(heading.font.color.rgb) == values.colours.accent[1:].upper()
        assert bool(heading.font.all_caps) == values.headings.uppercase


def test_the_designs_differ() -> None:
    """Three designs, not one under three names: fonts, page and accent are their own."""
    values = [load_design(name) for name in DESIGNS]
    assert len({v.fonts.body[0] for v in values}) == 3
    assert len({v.colours.accent for v in values}) == 3
    assert {v.page.size for v in values} == {"a4", "letter"}


def test_pdf_uses_the_designs_fonts(rendered: dict) -> None:
    for design, font in (("classic", "Lato"), ("modern", "Noto-Serif"), ("compact", "Carlito")):
        data = _by_suffix(rendered[design, "letter", "maria-santos"], "Resume", ".pdf")
        page = PdfReader(io.BytesIO(data)).pages[0]
        fonts = {str(f["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
        assert any(font in name for name in fonts), (design, fonts)


def test_compact_puts_skills_before_experience(rendered: dict) -> None:
    text = _pdf_text(_by_suffix(rendered["compact", "letter", "linda-chen"], "Resume", ".pdf"))
    assert text.index("SKILLS") < text.index("EXPERIENCE")
    text = _pdf_text(_by_suffix(rendered["classic", "letter", "linda-chen"], "Resume", ".pdf"))
    assert text.index("EXPERIENCE") < text.index("SKILLS")


def test_cli_and_profile_overrides(tmp_path: Path) -> None:
    source = (ROOT / "profiles" / "maria-santos.yaml").read_text()
    profile = tmp_path / "maria.yaml"
    choice = 'design:\n  theme: modern\n  page_size: letter\n  accent: "#7a1f3d"\n'
    profile.write_text(choice + source)
    files = _packet(profile, ["resume"])  # the profile's design: modern, on Letter, wine accent
    assert _pdf_size(_by_suffix(files, "Resume", ".pdf")) == pytest.approx((612, 792), abs=0.5)
    document = _docx(_by_suffix(files, "Resume", ".docx"))
    assert str(document.styles["Title"].font.color.rgb) == "7A1F3D"
    assert document.styles["Normal"].font.name == "Arial"  # modern's
    # The command line wins over the profile: --theme compact --page-size a4.
    files = _packet(profile, ["resume"], theme="compact", page_size="a4")
    assert _pdf_size(_by_suffix(files, "Resume", ".pdf")) == pytest.approx(
        (595.28, 841.89), abs=0.5
    )
    document = _docx(_by_suffix(files, "Resume", ".docx"))
    assert document.styles["Normal"].font.name == "Calibri"
    assert str(document.styles["Title"].font.color.rgb) == "7A1F3D"  # the profile's accent
    result = CliRunner().invoke(
        cli,
        ["resume", str(profile), "--page-size", "A4", "-o", str(tmp_path / "out"), "-f", "pdf"],
    )
    assert result.exit_code == 0, result.output
    pdf = next((tmp_path / "out").rglob("*.pdf"))
    assert _pdf_size(pdf.read_bytes()) == pytest.approx((595.28, 841.89), abs=0.5)


def _broken_theme(root: Path, body: str) -> Path:
    (root / "themes" / "broken").mkdir(parents=True)
    path = root / "themes" / "broken" / "theme.yaml"
    path.write_text(body)
    return path


def test_bad_theme_yaml_is_a_file_line_error(tmp_path: Path) -> None:
    path = _broken_theme(
        tmp_path,
        "fonts:\n  body: 'Lato; } body { display: none'\ncolours:\n  accent: red\n"
        "page:\n  size: a5\n",
    )
    with pytest.raises(InputError) as caught:
        load_design("broken", [tmp_path])
    message = caught.value.message
    assert f"{path}:2: fonts.body:" in message
    assert f"{path}:4: colours.accent: " in message and "#rrggbb" in message
    assert f"{path}:6: page.size:" in message
    profile = str(ROOT / "profiles" / "maria-santos.yaml")
    args = ["resume", profile, "-t", str(tmp_path), "--theme", "broken", "-o", str(tmp_path)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1 and f"{path}:4: colours.accent:" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    result = CliRunner().invoke(cli, ["resume", profile, "--theme", "modren"])
    assert result.exit_code == 2 and "did you mean 'modern'?" in result.stderr


def test_css_injection_through_values_is_impossible() -> None:
    from appkit.render.design import Design

    for bad in ({"colours": {"ink": "#000;}"}}, {"sizes": {"base": "10pt;x"}}):
        with pytest.raises(ValueError):
            Design.model_validate(bad)


def test_copied_design_renders_identically(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["templates", "copy", "modern", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for rel in ("themes/modern/theme.yaml", "resume/modern.css", "shared/document.css"):
        assert (tmp_path / rel).is_file(), rel
    profile = ROOT / "profiles" / "maria-santos.yaml"
    builtin = _packet(profile, ["resume", "cover"], theme="modern")
    copied = _packet(profile, ["resume", "cover"], theme="modern", templates=(tmp_path,))
    for word in ("Resume", "Cover-Letter"):
        ours, theirs = (_by_suffix(f, word, ".pdf") for f in (builtin, copied))
        assert _pdf_text(ours) == _pdf_text(theirs) and _pdf_size(ours) == _pdf_size(theirs)
        fonts = [re.findall(rb"/BaseFont\s*/(\S+)", d) for d in (ours, theirs)]
        assert fonts[0] == fonts[1]
    # The copy is the user's now: a changed value shows.
    yaml = tmp_path / "themes" / "modern" / "theme.yaml"
    yaml.write_text(yaml.read_text().replace("size: a4", "size: letter"))
    copied = _packet(profile, ["resume"], theme="modern", templates=(tmp_path,))
    assert _pdf_size(_by_suffix(copied, "Resume", ".pdf")) == pytest.approx((612, 792), abs=0.5)


def test_theme_package_through_an_entry_point(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A career center's theme, installed as a package: found, listed, rendered."""
    folder = tmp_path / "campus_theme"
    (folder / "themes" / "campus").mkdir(parents=True)
    (folder / "themes" / "campus" / "theme.yaml").write_text(
        'colours:\n  accent: "#8c1515"\npage:\n  size: a4\n'
    )
    (folder / "resume").mkdir()
    (folder / "resume" / "campus.html").write_text(
        '{% extends "resume/classic.html" %}{% block summary %}'
        '<p class="campus">Campus Career Center</p>{{ super() }}{% endblock %}'
    )

    class Dist:
        name = "campus-theme"

    class Entry:
        name, dist = "campus", Dist()

        def load(self) -> str:
            return str(folder)

    def entry_points(group: str = "") -> list:
        return [Entry()] if group == "appkit.themes" else []

    monkeypatch.setattr(themeloader.importlib.metadata, "entry_points", entry_points)
    themeloader.package_dirs.cache_clear()
    try:
        info = available_themes()["campus"]
        assert info.source == "package campus-theme" and info.kinds == ("resume",)
        files = _packet(
            ROOT / "profiles" / "maria-santos.yaml", ["resume", "cover"], theme="campus"
        )
        resume = _by_suffix(files, "Resume", ".pdf")
        assert "Campus Career Center" in _pdf_text(resume)
        assert _pdf_size(resume) == pytest.approx((595.28, 841.89), abs=0.5)
        letter = _docx(_by_suffix(files, "Cover-Letter", ".docx"))  # classic's cover, campus values
        assert str(letter.styles["Title"].font.color.rgb) == "8C1515"
    finally:
        monkeypatch.undo()
        themeloader.package_dirs.cache_clear()


def test_reference_docx_beside_theme_yaml_gives_the_word_styles(tmp_path: Path) -> None:
    folder = tmp_path / "themes" / "branded"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text("page:\n  size: a4\n")
    reference = docx.Document()
    reference.styles["Normal"].font.name = "Garamond"
    reference.save(str(folder / "reference.docx"))
    (tmp_path / "resume").mkdir()
    (tmp_path / "resume" / "branded.html").write_text('{% extends "resume/classic.html" %}')
    profile = ROOT / "profiles" / "maria-santos.yaml"
    files = _packet(profile, ["resume"], theme="branded", templates=(tmp_path,))
    document = _docx(_by_suffix(files, "Resume", ".docx"))
    assert document.styles["Normal"].font.name == "Garamond"  # the reference's styles
    assert document.sections[0].page_width.pt == pytest.approx(595.28, abs=0.5)  # theme.yaml's


def test_section_titles_and_order_from_theme_yaml(tmp_path: Path) -> None:
    folder = tmp_path / "themes" / "retitled"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text(
        "resume:\n  sections: [education, experience]\n  titles:\n    experience: Work History\n"
    )
    profile = ROOT / "profiles" / "maria-santos.yaml"
    files = _packet(profile, ["resume"], theme="retitled", templates=(tmp_path,))
    text = _pdf_text(_by_suffix(files, "Resume", ".pdf"))
    assert text.index("EDUCATION") < text.index("WORK HISTORY") < text.index("SKILLS")
    assert "SUMMARY" in text  # a section the order leaves out still shows, after the listed ones


def test_batch_rows_leave_the_profiles_design_its_say() -> None:
    """A roster row's options copy only what was given: no default theme masks `design:`."""
    from appkit.batch.plan import _fields

    assert "theme" not in _fields(Options(date="2026-01-15"))
    assert _fields(Options(date="2026-01-15", theme="modern"))["theme"] == "modern"

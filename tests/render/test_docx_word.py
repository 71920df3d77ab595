"""What a Word user gets, read back with python-docx from real sample documents: the letter's
spacing, labels and tags as character styles, page-number footers, hanging indents, live links,
and the PDF's page geometry."""

from __future__ import annotations

import io
from typing import Any

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

from appkit.render.docxpage import page_spec
from appkit.render.docxwriter import render_docx
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def packet() -> dict[str, Any]:
    """Maria Santos's four documents as python-docx Documents, keyed by kind."""
    from appkit.engine import Engine
    from appkit.options import Options
    from appkit.packet import load_inputs, render_documents

    inputs = load_inputs(ROOT / "profiles" / "maria-santos.yaml", "clinical-coordinator")
    files = render_documents(
        ["resume", "cover", "interview", "report"],
        inputs,
        Options(date="2026-01-15", formats=("docx",)),
        None,
        Engine(),
    )
    names = {"resume": "resume", "cover": "cover-letter", "interview": "interview-prep"}
    names["report"] = "gap-report"
    return {kind: docx.Document(io.BytesIO(files[f"{n}.docx"])) for kind, n in names.items()}


def _style(doc: Any, name: str) -> Any:
    return next(s for s in doc.styles if s.name == name)


def _footer_xml(part: Any) -> str:
    return part._element.xml if part is not None else ""


def test_cover_letter_parts_have_their_own_spaced_styles(packet: dict[str, Any]) -> None:
    doc = packet["cover"]
    styles = [p.style.name for p in doc.paragraphs]
    start = styles.index("Letter Date")
    assert styles[start : start + 3] == ["Letter Date", "Inside Address", "Salutation"]
    assert styles[-2:] == ["Closing", "Signature"]
    assert styles.count("Body Text") >= 3
    assert doc.paragraphs[start].text == "January 15, 2026"
    expected = {  # cover/classic.css: the PDF's margins between the letter's parts
        "Letter Date": (8, 14),  # 8pt to the rule, 20pt from the rule (its border space)
        "Inside Address": (0, 14),
        "Salutation": (0, 9),
        "Body Text": (0, 9),
        "Closing": (14, 0),
        "Signature": (26, 0),
    }
    for name, (before, after) in expected.items():
        fmt = _style(doc, name).paragraph_format
        assert (fmt.space_before, fmt.space_after) == (Pt(before), Pt(after)), name
    assert _style(doc, "Signature").font.bold
    # Spacing lives in the styles, not on each paragraph.
    assert all(p.paragraph_format.space_after is None for p in doc.paragraphs)


def _runs_styled(doc: Any) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for paragraph in doc.paragraphs:
        for run in paragraph.runs:
            if run.style is not None and run.style.name != "Default Paragraph Font":
                found.setdefault(run.style.name, []).append(run)
    return found


def test_status_labels_are_coloured_character_styles(packet: dict[str, Any]) -> None:
    doc = packet["report"]
    runs = _runs_styled(doc)
    assert {r.text for r in runs["Status Missing"]} == {"Missing"}
    for name, color in (("Status Missing", "9A3B2E"), ("Status Partial", "8A6A12")):
        if name in runs:
            assert _style(doc, name).font.color.rgb == RGBColor.from_string(color)
    status = _style(doc, "Status")
    assert status.font.bold and status.font.all_caps
    assert _style(doc, "Status Missing").base_style.name == "Status"
    assert runs["Separator"] and all(r.text.strip() in ("·", "|") for r in runs["Separator"])
    labels = runs["Status Missing"] + runs.get("Status Partial", [])
    assert all(r.font.color.rgb is None and r.bold is None for r in labels)  # no direct formatting


def test_skill_tags_are_a_character_style(packet: dict[str, Any]) -> None:
    doc = packet["interview"]
    tags = _runs_styled(doc)["Tag"]
    assert "Organizational Skills" in {r.text for r in tags}
    tag = _style(doc, "Tag")
    assert tag.font.color.rgb == RGBColor.from_string("1B4F5C")  # the theme's --accent
    assert tag.font.bold is False  # inside a bold question heading, the tag is not bold


def test_resume_footer_has_page_fields_from_page_two(packet: dict[str, Any]) -> None:
    section = packet["resume"].sections[0]
    footer = _footer_xml(section.footer)
    assert "Maria Santos | Page " in "".join(t.text for t in section.footer.paragraphs[0].runs)
    assert ">PAGE<" in footer.replace(" ", "") and ">NUMPAGES<" in footer.replace(" ", "")
    assert footer.count('w:fldCharType="begin"') == 2
    assert section.different_first_page_header_footer  # resume/classic.css: none on page 1
    first = _footer_xml(section.first_page_footer)
    assert "fldChar" not in first and not section.first_page_footer.paragraphs[0].text
    assert section.footer.paragraphs[0].style.name == "Footer"
    assert _style(packet["resume"], "Footer").font.size == Pt(8)


def test_footer_label_follows_the_document_kind(packet: dict[str, Any]) -> None:
    report = packet["report"].sections[0].footer.paragraphs[0].text
    assert report.startswith("Maria Santos  ·  Skill-gap report  ·  Page ")
    interview = packet["interview"].sections[0].footer.paragraphs[0].text
    assert "Interview prep" in interview
    cover = packet["cover"].sections[0]
    assert "fldChar" not in _footer_xml(cover.footer)  # the letter has no footer in the PDF
    assert not cover.different_first_page_header_footer


def test_lists_hang_their_markers(packet: dict[str, Any]) -> None:
    doc = packet["resume"]
    bullet = _style(doc, "List Bullet")
    left, first = bullet.paragraph_format.left_indent, bullet.paragraph_format.first_line_indent
    assert left > 0 and first < 0
    num_id = bullet.element.pPr.numPr.numId.val
    numbering = doc.part.numbering_part.element
    abstract_id = numbering.num_having_numId(num_id).abstractNumId.val
    abstract = next(
        a for a in numbering.findall(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == str(abstract_id)
    )  # fmt: skip
    level = abstract.find(qn("w:lvl"))
    ind = level.find(qn("w:pPr")).find(qn("w:ind"))
    assert int(ind.get(qn("w:left"))) == left.twips
    assert int(ind.get(qn("w:hanging"))) == -first.twips
    assert level.find(qn("w:lvlText")).get(qn("w:val")) == "•"
    items = [p for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert len(items) >= 5
    skills = [p for p in doc.paragraphs if p.style.name == "Hanging Line"]
    assert skills and skills[0].text.startswith("Clinical systems:")
    hanging = _style(doc, "Hanging Line").paragraph_format
    assert (hanging.left_indent, hanging.first_line_indent) == (Pt(12), Pt(-12))


def test_numbered_gaps_hang_too(packet: dict[str, Any]) -> None:
    doc = packet["report"]
    numbered = _style(doc, "List Number")
    assert numbered.paragraph_format.first_line_indent < 0
    assert any(p.style.name == "List Number" for p in doc.paragraphs)


def test_links_are_real_and_styled(packet: dict[str, Any]) -> None:
    doc = packet["resume"]
    targets = {r.target_ref for r in doc.part.rels.values() if r.reltype == RT.HYPERLINK}
    assert "mailto:maria.santos@example.com" in targets
    assert any("linkedin.com/in/" in t for t in targets)
    links = doc.element.body.findall(".//" + qn("w:hyperlink"))
    assert links
    for link in links:
        run_style = link.find(qn("w:r")).find(qn("w:rPr")).find(qn("w:rStyle"))
        assert run_style.get(qn("w:val")) == _style(doc, "Hyperlink").style_id
        assert link.get(qn("r:id")) in doc.part.rels


def test_page_geometry_mirrors_the_pdf(packet: dict[str, Any]) -> None:
    resume = packet["resume"].sections[0]  # resume/classic.css: Letter, 0.6in 0.7in
    assert (resume.page_width, resume.page_height) == (Inches(8.5), Inches(11))
    assert abs(resume.top_margin - Inches(0.6)) < 20 and abs(resume.left_margin - Inches(0.7)) < 20
    cover = packet["cover"].sections[0]  # cover/classic.css: 0.75in 0.9in 0.7in
    assert abs(cover.left_margin - Inches(0.9)) < 20 and abs(cover.bottom_margin - Inches(0.7)) < 20


def test_page_rules_are_read_like_css() -> None:
    css = """
    :root { --accent: #a1b; }
    html { font-size: 11pt }
    h2 { font-size: 13pt }
    @page { size: A4 landscape; margin: 10mm 20mm;
            @bottom-center { content: string(who) " p. " counter(page); font-size: 7pt } }
    @page { margin-bottom: 1in }
    @page :first { @bottom-center { content: none } }
    .who { string-set: who content() }
    """
    spec = page_spec(css, '<html><body><p class="who">Ana  Li</p></body></html>')
    assert spec.width and spec.height and spec.width > spec.height
    assert round(spec.margins["top"], 1) == round(10 * 72 / 25.4, 1)
    assert spec.margins["bottom"] == 72
    assert spec.footer == [("string", "who"), ("text", " p. "), ("counter", "page")]
    assert (spec.footer_align, spec.footer_size, spec.footer_on_first) == ("center", 7, False)
    assert spec.strings == {"who": "Ana Li"} and spec.accent == "AA11BB"
    assert spec.sizes == {"Normal": 11, "Heading 1": 13}


def test_footer_written_from_css_alone() -> None:
    css = "@page { @bottom-left { content: 'Page ' counter(page) ' of ' counter(pages) } }"
    data = render_docx("<html><body><h1>A</h1><p>b</p></body></html>", css=css)
    section = docx.Document(io.BytesIO(data)).sections[0]
    assert not section.different_first_page_header_footer  # no :first rule: on every page
    assert section.footer.paragraphs[0].text.startswith("Page 1 of 1")  # cached field results
    assert render_docx("<html><body><p>b</p></body></html>", css=css) == render_docx(
        "<html><body><p>b</p></body></html>", css=css
    )


def test_questions_are_kept_whole_as_in_the_pdf(packet: dict[str, Any]) -> None:
    """document.css keeps `.entry` and `.qa` whole (break-inside: avoid); so does the DOCX."""
    doc = packet["interview"]
    paragraphs = doc.paragraphs
    first = next(i for i, p in enumerate(paragraphs) if p.text.startswith("1. Tell me about"))
    entry = paragraphs[first : first + 5]  # the question and its four STAR bullets
    assert [p.style.name for p in entry[1:]] == ["List Bullet"] * 4
    assert all(p.paragraph_format.keep_together for p in entry)
    assert all(p.paragraph_format.keep_with_next for p in entry[:-1])
    assert not entry[-1].paragraph_format.keep_with_next  # the next question may start a page
    qa = [p for p in paragraphs if p.style.name == "Question Block"]
    assert qa and all(p.paragraph_format.keep_together for p in qa)
    assert all("<w:br/>" in p._p.xml for p in qa)  # the question on its own line, as in the PDF
    assert qa[0].runs[0].bold and _style(doc, "Question Block").paragraph_format.space_before
    prompts = _runs_styled(doc).get("Prompt", [])
    assert all(r.text == "Prepare this:" for r in prompts)
    note = _style(doc, "Note")
    assert note.font.italic and any(p.style.name == "Note" for p in paragraphs)


def test_body_size_and_line_spacing_follow_the_css(packet: dict[str, Any]) -> None:
    resume = _style(packet["resume"], "Normal")  # resume/classic.css: html 10pt / 1.24
    assert resume.font.size == Pt(10)
    assert resume.paragraph_format.line_spacing == pytest.approx(1.24 / 1.22, abs=0.01)
    interview = _style(packet["interview"], "Normal")  # shared/document.css: 9.5pt / 1.27
    assert interview.font.size == Pt(9.5)
    heading = _style(packet["resume"], "Heading 1")  # h2 { font-size: 10.5pt }
    assert heading.font.size == Pt(10.5)
    bullet = _style(packet["resume"], "List Bullet").element.pPr
    assert bullet.find(qn("w:contextualSpacing")) is None  # items keep their spacing


def test_letter_date_sits_under_the_masthead_rule(packet: dict[str, Any]) -> None:
    style = _style(packet["cover"], "Letter Date").element.pPr
    top = style.find(qn("w:pBdr")).find(qn("w:top"))
    assert (top.get(qn("w:val")), top.get(qn("w:space"))) == ("single", "20")


def test_next_steps_continue_their_numbered_item(packet: dict[str, Any]) -> None:
    doc = packet["report"]
    steps = [p for p in doc.paragraphs if p.text.startswith("Next step:")]
    assert steps and all(p.style.name == "List Continue" for p in steps)
    number = _style(doc, "List Number").paragraph_format.left_indent
    assert _style(doc, "List Continue").paragraph_format.left_indent == number + Pt(10)


def test_a_hostile_page_rule_is_clamped() -> None:
    """Whatever a theme's CSS says, Word gets a page it can open and a footer of plain text."""
    css = '@page { size: 100in 0.1in; margin: 50in; @bottom-right { content: "a\x01b" } }'
    section = docx.Document(io.BytesIO(render_docx("<p>x</p>", css=css))).sections[0]
    assert (section.page_width, section.page_height) == (Inches(22), Inches(1))
    assert section.left_margin <= section.page_width / 3
    assert section.footer.paragraphs[0].text == "ab"


def test_stylesheets_outside_the_theme_are_not_read(tmp_path: Any) -> None:
    from appkit.render.docxpage import read_stylesheets

    theme = tmp_path / "theme"
    theme.mkdir()
    (tmp_path / "secret.css").write_text("@page { size: A4 }")
    (theme / "main.css").write_text('@import "../secret.css"; @page { margin: 1in }')
    html = '<html><head><link rel="stylesheet" href="main.css"></head><body></body></html>'
    css = read_stylesheets(html, theme)
    assert "margin: 1in" in css and "A4" not in css


def test_the_page_number_footer_passes_the_ats_preflight(packet: dict[str, Any]) -> None:
    """batch's preflight flags what only a header or footer holds; "Name | Page n of N" is fine,
    an e-mail address only in the footer is not."""
    from appkit.batch.preflight import preflight
    from appkit.packet import load_inputs

    profile = load_inputs(ROOT / "profiles" / "maria-santos.yaml", "clinical-coordinator").profile
    body = "<h1>Maria Santos</h1><p>maria.santos@example.com (602) 555-0143</p>"
    footer = "@page { @bottom-right { content: %s ' | Page ' counter(page) } }"
    fine = render_docx(body, css=footer % "'Maria Santos'")
    assert preflight({"resume.docx": fine}, profile)["nothing_in_header_footer"] is True
    hidden = render_docx(body, css=footer % "'maria@elsewhere.example'")
    assert preflight({"resume.docx": hidden}, profile)["nothing_in_header_footer"] is False


def test_every_style_is_defined_once(packet: dict[str, Any]) -> None:
    """appkit's styles are added beside the template's, never as second copies of a name."""
    for kind, doc in packet.items():
        names = [s.name for s in doc.styles]
        ids = [s.style_id for s in doc.styles]
        assert len(names) == len(set(names)) and len(ids) == len(set(ids)), kind
        assert _style(doc, "Heading 1").style_id == "Heading1"

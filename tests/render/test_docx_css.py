"""The DOCX's small CSS reader: what it keeps, and what hostile stylesheets cost it."""

from __future__ import annotations

from appkit.render.docxcss import Decl, Rule, content_parts, hex_color, length, parse_css


def test_rules_nested_rules_and_strings_holding_braces() -> None:
    css = """/* a { comment } */ @import "x.css";
    @page :first { margin: 1in; @bottom-right { content: "a}{;b" counter(page) } }
    h1, .name { string-set: who content(); color: #abc }"""
    page, style = parse_css(css)
    assert isinstance(page, Rule) and (page.at, page.prelude) == ("page", ":first")
    assert page.decls() == [Decl("margin", "1in")]
    box = page.body[1]
    assert isinstance(box, Rule) and box.at == "bottom-right"
    assert content_parts(box.decls()[0].value) == [("text", "a}{;b"), ("counter", "page")]
    assert isinstance(style, Rule) and style.prelude == "h1, .name"
    assert [d.name for d in style.decls()] == ["string-set", "color"]


def test_values() -> None:
    assert length("0.5in") == 36 and length("0") == 0 and length("12") is None
    assert length("10mm") is not None and length("1em") is None
    assert hex_color("#abc") == "AABBCC" and hex_color("red") is None
    assert content_parts("none") == [] and content_parts("attr(title)") is None
    assert content_parts(r"'\2014  x'") == [("text", "— x")]


def test_hostile_nesting_and_unclosed_input_end_quietly() -> None:
    deep = "a {" * 100_000 + "}" * 3
    assert len(parse_css(deep)) == 1  # nothing below depth 8 is kept, and no RecursionError
    unclosed = parse_css('p { content: "never closed')
    assert len(unclosed) == 1 and isinstance(unclosed[0], Rule)
    assert parse_css("}}} p { color: #fff }")[-1] == Rule("", "p", [Decl("color", "#fff")])


def test_design_values_in_custom_properties_are_worked_out() -> None:
    """The designs write sizes as `calc(var(--size-base) * 0.96)`: the DOCX reads the number."""
    from appkit.render.docxcss import resolve

    props = {"--size-base": "10pt", "--line-height": "1.24", "--alias": "var(--size-base)"}
    assert resolve("calc(var(--size-base) * 0.96)", props) == "9.6pt"
    assert resolve("calc(0.5 * var(--alias))", props) == "5pt"
    assert resolve("calc(var(--line-height) / 2)", props) == "0.62"
    assert resolve("var(--missing, 9pt)", props) == "9pt"
    assert resolve("calc(1em + 2px)", props) == "calc(1em + 2px)"  # not understood: left alone
    assert resolve("var(--a)", {"--a": "var(--b)", "--b": "var(--a)"}).startswith("var(")

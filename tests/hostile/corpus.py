"""Manifest of the hostile template corpus in tests/hostile/templates/.

A case is either `templates/<name>.html` (placed as `DIR/resume/classic.html`) or a folder
`templates/<name>/` (copied as the whole `--templates DIR`). Placeholders are filled in per case:

    @@CANARY@@        a path that must never be created (sandbox escapes `touch` it)
    @@SECRET@@        a file outside every template folder holding SECRET (also @@SECRET_URI@@,
                      @@SECRET_DIR_URI@@; DIR/../secret.txt is the same file, for relative escapes)
    @@SECRET_JSON@@   a valid `Basics` JSON whose name is SECRET (what parse_file would leak)
    @@SECRET_TEXT@@   SECRET itself, for theme-local files that may be read but never embedded
    @@PORT@@          the port of the case's loopback listener

Outcomes (issue 9, fixed behaviour):
    refused  exit 1, one `error: ...` line, no traceback, no document written
    renders  exit 0, resume.pdf and resume.docx written, the hostile resource not loaded
    either   exit 0 or a clean exit 1 (the issue allows a warning or one clear error)
Every case, whatever the outcome: canary never created, SECRET in no output, no embedded files,
0 loopback connections, no traceback, finished before the hang guard.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Category = Literal["sandbox", "pydantic", "include", "fetch", "bomb"]
Outcome = Literal["refused", "renders", "either"]


@dataclass(frozen=True)
class Case:
    category: Category
    outcome: Outcome
    why: str
    # symlinks to create in DIR before the run: relative path -> target (placeholders allowed)
    links: dict[str, str] = field(default_factory=dict)


def _sandbox(why: str) -> Case:
    return Case("sandbox", "refused", why)


def _pydantic(why: str) -> Case:
    return Case("pydantic", "refused", why)


def _fetch(why: str, outcome: Outcome = "renders") -> Case:
    return Case("fetch", outcome, why)


def _bomb(why: str, outcome: Outcome = "refused") -> Case:
    return Case("bomb", outcome, why)


MANIFEST: dict[str, Case] = {
    # Classic SSTI (security.md B1): Jinja's sandbox refuses dunder and private attributes.
    "ssti_cycler_globals": _sandbox("cycler.__init__.__globals__.os.popen"),
    "ssti_joiner_globals": _sandbox("joiner.__init__.__globals__.os.system"),
    "ssti_namespace_globals": _sandbox("namespace.__init__.__globals__.os.system"),
    "ssti_lipsum_globals": _sandbox("lipsum.__globals__['os'].system"),
    "ssti_str_mro_subclasses": _sandbox("''.__class__.__mro__[1].__subclasses__() -> Popen"),
    "ssti_attr_filter_chain": _sandbox("|attr('__class__')|attr('__mro__') chain"),
    "ssti_self_context": _sandbox("self._TemplateReference__context"),
    "ssti_config_flask": _sandbox("Flask's config global: undefined here, must not print blank"),
    "ssti_request_flask": _sandbox("Flask's request.application.__globals__"),
    "ssti_profile_class_mro": _sandbox("profile.__class__.__mro__ subclasses walk"),
    "ssti_func_globals_via_macro": _sandbox("a macro's __init__.__globals__"),
    "ssti_mutate_context": _sandbox("list.append / __dict__.update in the immutable sandbox"),
    # Format-string CVE regressions (security.md B2).
    "cve_2016_10745_str_format": _sandbox("str.format reaching __globals__"),
    "cve_2019_10906_format_map": _sandbox("str.format_map reaching __globals__"),
    "cve_2024_56326_indirect_format": _sandbox("indirect reference to str.format"),
    "cve_2025_27516_attr_format": _sandbox("|attr('format') bypass"),
    # The critical hole of issue 9: pydantic's deprecated parse_raw(pickle) / parse_file.
    "pydantic_profile_parse_raw_pickle": _pydantic("profile.parse_raw(pickle) runs a command"),
    "pydantic_basics_parse_raw_pickle": _pydantic("profile.basics.parse_raw(pickle)"),
    "pydantic_guide_parse_raw_pickle": _pydantic("guide.parse_raw(pickle)"),
    "pydantic_model_fields_annotation": _pydantic(
        "profile.model_fields['basics'].annotation.parse_raw(pickle)"
    ),
    "pydantic_doc_parse_raw_pickle": _pydantic("doc (DocInfo) is a pydantic model too"),
    "pydantic_tailored_parse_raw_pickle": _pydantic("tailored is a pydantic model too"),
    "pydantic_parse_file_hostname": _pydantic("profile.parse_file('/etc/hostname') reads a file"),
    "pydantic_parse_file_secret": _pydantic("basics.parse_file(secret JSON).name leaks it"),
    # Template includes (security.md B10).
    "include_absolute_path": Case("include", "refused", "{% include '/abs/secret' %}"),
    "include_parent_escape": Case("include", "refused", "{% include '../../secret.txt' %}"),
    "symlink_template_include": Case(
        "include",
        "refused",
        "include of a template that is a symlink to the secret",
        links={"resume/leak.html": "@@SECRET@@"},
    ),
    # Fetches (security.md B5): the PDF renderer loads only the theme's files and data: URLs.
    "fetch_css_background": _fetch("CSS background url(file://)"),
    "fetch_img": _fetch("<img src=file://>"),
    "fetch_css_import": _fetch("@import url(file://)"),
    "fetch_link_stylesheet": _fetch("<link rel=stylesheet href=file://>"),
    "fetch_font_face": _fetch("@font-face src: url(file://)"),
    "fetch_object": _fetch("<object data=file://>"),
    "fetch_embed": _fetch("<embed src=file://>"),
    "fetch_iframe": _fetch("<iframe src=file://>"),
    "fetch_base_href": _fetch("<base href> pointing at the secret's folder"),
    "fetch_svg_inline_xlink": _fetch("inline SVG <image xlink:href=file://>"),
    "fetch_svg_file_xlink": _fetch("a theme SVG whose <image> points outside and to loopback"),
    "fetch_svg_xxe": _fetch("XXE: SVG DTD entity SYSTEM file://", "either"),
    "fetch_svg_xinclude": _fetch("XInclude parse=text of the secret", "either"),
    "fetch_list_style_and_content": _fetch("list-style-image and content: url()"),
    "fetch_attachment_link": _fetch("<link rel=attachment> (CVE-2024-28184)"),
    "fetch_attachment_anchor": _fetch("<a rel=attachment>"),
    "fetch_attachment_theme_file": _fetch("attachment of a file inside the theme"),
    "fetch_css_file_imports_secret": _fetch("a theme CSS file that imports outside and loopback"),
    "fetch_http_loopback_img": _fetch("<img src=http://127.0.0.1:PORT>"),
    "fetch_http_loopback_import": _fetch("@import http://127.0.0.1:PORT"),
    "fetch_http_loopback_font": _fetch("@font-face http://127.0.0.1:PORT"),
    "fetch_relative_escape": _fetch("../../secret.txt relative to the theme"),
    "fetch_percent_encoded_escape": _fetch("%2e%2e/%2e%2e/secret.txt"),
    "fetch_dev_zero": _fetch("file:///dev/zero (was an OOM kill)"),
    "fetch_proc_environ": _fetch("file:///proc/self/environ (holds SECRET)"),
    "fetch_huge_data_url": _fetch("a 360 kB bogus data: image", "either"),
    "symlink_stylesheet": Case(
        "fetch",
        "renders",
        "theme files that are symlinks to the secret and to /dev/zero",
        links={"resume/evil.css": "@@SECRET@@", "resume/evil.png": "/dev/zero"},
    ),
    # Resource bombs (security.md B4, issue 9 "Medium"): stopped with one clear error.
    "bomb_nested_loops": _bomb("range(100000) x range(100000)"),
    "bomb_huge_power": _bomb("10 ** 10000000"),
    "bomb_huge_repeat": _bomb("'x' * 1000000000"),
    "bomb_format_width": _bomb("'%0999999999d'|format(1): a 1 GB string"),
    "bomb_recursive_macro": _bomb("unbounded macro recursion"),
    "bomb_lipsum": _bomb("lipsum(100000): megabytes of HTML to lay out"),
    "bomb_paragraphs_60000": _bomb("60,000 paragraphs (ran past 120 s at 1.1 GB)"),
    "bomb_page_12px": _bomb("@page { size: 12px } (3,002 pages in 56 s)"),
    "bomb_font_size_huge": _bomb("font-size: 100000000px (ZeroDivisionError)"),
    "bomb_svg_billion_laughs": _bomb("billion laughs in a theme SVG", "either"),
}

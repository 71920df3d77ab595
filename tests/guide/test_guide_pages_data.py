"""The career-guide page fixtures (tests/data/guides/pages) agree with their expectations file.

These tests check the data only (every expected heading, sample, title and junk string is really in
its page; the formats and HTML structure are what the issue asks for; the wording is not O*NET's).
The parser tests that use expected.yaml are in test_guide_pages.py.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import lxml.html
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "data" / "guides" / "pages"
INDEX = ROOT / "guides" / "onet" / "index.json.gz"
NOT_PAGES = {"expected.yaml", "README.md"}

SECTION_KEYS = {
    "overview",
    "responsibilities",
    "technical_skills",
    "soft_skills",
    "skills",
    "knowledge",
    "tools",
    "work_environment",
    "education",
    "education_training",
    "certifications",
    "steps",
    "salary",
    "salary_levels",
    "outlook",
    "career_levels",
    "faq",
    "related_careers",
}
SPEC_KEYS = {
    "heading",
    "count",
    "min",
    "max",
    "samples",
    "hot",
    "not_hot",
    "amount",
    "low",
    "high",
    "levels",
    "titles",
    "years",
}
PAGE_KEYS = {
    "file",
    "format",
    "layout",
    "onet_code",
    "title",
    "title_variants",
    "notes",
    "sections",
    "absent",
    "optional",
    "ignored_headings",
    "junk",
}


@cache
def expected() -> dict[str, Any]:
    return yaml.safe_load((PAGES / "expected.yaml").read_text(encoding="utf-8"))


def pages() -> list[dict[str, Any]]:
    return expected()["pages"]


def _fold(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    text = text.replace("\u201d", '"').replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", text).strip().casefold()


@cache
def raw(file: str) -> str:
    return (PAGES / file).read_text(encoding="utf-8")


@cache
def visible(file: str) -> str:
    """The page's readable text: HTML without scripts and styles, Markdown without emphasis."""
    text = raw(file)
    if file.endswith(".html"):
        tree = lxml.html.fromstring(text)
        for element in tree.xpath("//script | //style | //noscript"):
            element.drop_tree()
        # keep block boundaries apart so that words from two cells never run together
        for element in tree.iter():
            if isinstance(element.tag, str) and element.tail is None:
                element.tail = " "
        text = tree.text_content()
    elif file.endswith(".md"):
        text = text.replace("**", "")
    return _fold(text)


def _ids(page: dict[str, Any]) -> str:
    return page["file"]


def test_every_page_is_described() -> None:
    files = {p.name for p in PAGES.iterdir() if p.is_file()} - NOT_PAGES
    listed = [page["file"] for page in pages()]
    assert len(listed) == len(set(listed))
    assert set(listed) == files
    assert expected()["version"] == 1


def test_formats_and_variety() -> None:
    formats = [page["format"] for page in pages()]
    assert len(formats) >= 6
    for kind in ("txt", "md", "html"):
        assert formats.count(kind) >= 2, kind
    for page in pages():
        assert page["file"].endswith("." + page["format"]), page["file"]
    assert len({page["onet_code"] for page in pages()}) == len(pages()), "one occupation each"
    assert len({page["layout"] for page in pages()}) == len(pages())


@pytest.mark.parametrize("page", pages(), ids=_ids)
def test_expectations_are_well_formed(page: dict[str, Any]) -> None:
    assert set(page) <= PAGE_KEYS, set(page) - PAGE_KEYS
    sections = page["sections"]
    assert "responsibilities" in sections, "a guide needs responsibilities (or skills)"
    assert set(sections) <= SECTION_KEYS, set(sections) - SECTION_KEYS
    absent, optional = set(page["absent"]), set(page.get("optional", []))
    assert absent <= SECTION_KEYS and optional <= SECTION_KEYS
    assert not (absent & set(sections)), absent & set(sections)
    assert not (optional & set(sections)), optional & set(sections)
    assert not (absent & optional)
    for key, spec in sections.items():
        assert set(spec) <= SPEC_KEYS, (key, set(spec) - SPEC_KEYS)
        assert spec, key
        if "count" in spec:
            assert "min" not in spec and "max" not in spec, key
            assert spec["count"] >= len(spec.get("samples", [])), key
            for field in ("levels", "titles", "years"):
                if field in spec:
                    assert len(spec[field]) == spec["count"], (key, field)
        if "min" in spec and "max" in spec:
            assert spec["min"] <= spec["max"], key
        for low, high in spec.get("years", []):
            assert high is None or low <= high, key


@pytest.mark.parametrize("page", pages(), ids=_ids)
def test_title_headings_and_samples_are_in_the_page(page: dict[str, Any]) -> None:
    file = page["file"]
    text = visible(file)
    for title in [page["title"], *page.get("title_variants", [])]:
        if _fold(title) in text:
            break
    else:
        pytest.fail(f"{file}: no form of the title {page['title']!r} occurs")
    missing = []
    for key, spec in page["sections"].items():
        wanted = list(spec.get("samples", [])) + list(spec.get("titles", []))
        wanted += list(spec.get("hot", [])) + list(spec.get("not_hot", []))
        wanted += [level for level, _ in spec.get("levels", [])]
        if "heading" in spec:
            wanted.append(spec["heading"].rstrip(":."))
        for value in wanted:
            if _fold(value) not in text:
                missing.append(f"{key}: {value!r}")
        amounts = [spec.get(k) for k in ("amount", "low", "high")]
        amounts += [amount for _, amount in spec.get("levels", [])]
        for amount in filter(None, amounts):
            if f"${amount:,}" not in text:
                missing.append(f"{key}: ${amount:,}")
    for heading in page.get("ignored_headings", []):
        if _fold(heading) not in text:
            missing.append(f"ignored heading {heading!r}")
    assert not missing, f"{file}: not in the page: {missing}"


@pytest.mark.parametrize("page", pages(), ids=_ids)
def test_junk_is_really_there(page: dict[str, Any]) -> None:
    """Each junk string is in the page's source, so "must not reach the guide" means something."""
    source = _fold(raw(page["file"]).replace("&amp;", "&"))
    assert len(page["junk"]) >= 5
    missing = [junk for junk in page["junk"] if _fold(junk) not in source]
    assert not missing, missing
    samples = [
        _fold(sample) for spec in page["sections"].values() for sample in spec.get("samples", [])
    ]
    for junk in page["junk"]:
        assert not any(_fold(junk) in sample for sample in samples), junk


@pytest.mark.parametrize("page", [p for p in pages() if p["format"] == "html"], ids=_ids)
def test_html_pages_are_realistic(page: dict[str, Any]) -> None:
    tree = lxml.html.fromstring(raw(page["file"]))
    for tag in ("nav", "script", "style", "header", "footer", "main", "article", "table"):
        assert tree.xpath(f"//{tag}"), f"{page['file']}: no <{tag}>"
    assert len(tree.xpath("//main//h1")) == 1
    assert tree.xpath("//main//h2") and tree.xpath("//main//ul/li")
    cookie = [e for e in tree.xpath("//*[@id or @class]") if "cookie" in e.text_content().lower()]
    assert cookie, "a cookie banner"
    assert not tree.xpath("//main//*[contains(@class, 'cookie') or contains(@id, 'cookie')]")


@pytest.mark.parametrize("page", pages(), ids=_ids)
def test_wording_is_not_copied_from_onet(page: dict[str, Any]) -> None:
    """No ten-word run of the occupation's O*NET description or tasks appears in the page."""
    if not INDEX.is_file():
        pytest.skip("guides/onet/index.json.gz is absent")
    occupation = json.loads(gzip.decompress(INDEX.read_bytes()))["occupations"][page["onet_code"]]
    words = re.findall(r"[a-z0-9']+", visible(page["file"]))
    page_runs = {" ".join(words[i : i + 10]) for i in range(len(words) - 9)}
    for text in [occupation["description"], *(task for _, task, _ in occupation["tasks"])]:
        source = re.findall(r"[a-z0-9']+", _fold(text))
        runs = {" ".join(source[i : i + 10]) for i in range(len(source) - 9)}
        assert not (runs & page_runs), f"{page['file']}: copied from O*NET: {text!r}"

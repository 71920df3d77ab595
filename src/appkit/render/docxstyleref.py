"""The styles a document's paragraphs and runs name, resolved once per document.

A style name lookup in python-docx is an XPath search of every style, and each paragraph and link
asks for one; `StyleCache` answers each name once, and a DOCX template (`docxtemplate`) hands its
copies the answers it already has, so they need not read their styles part at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from docx.enum.style import WD_STYLE_TYPE

from appkit.render import docxstyles  # looked up at call time: tests count get_style calls

__all__ = ["StyleCache", "StyleRef"]


@dataclass(frozen=True)
class StyleRef:
    """What a document's paragraphs and runs need of a style: its id, and the list numbering
    (w:numId) a list style carries."""

    style_id: str | None
    num_id: int | None = None

    @classmethod
    def of(cls, style: Any) -> StyleRef:
        ppr = style.element.pPr
        num_pr = ppr.numPr if ppr is not None else None
        num_id = num_pr.numId.val if num_pr is not None and num_pr.numId is not None else None
        return cls(style.style_id, num_id)


class StyleCache:
    """`get_style`, resolved once per name and kind for one document: a name lookup is an XPath
    search of every style, and each paragraph and link asks for one.

    ``known`` answers for the styles a template has (`docxtemplate`), so that its copies need not
    read their styles part at all; other names go to `get_style`, which may add the style.
    """

    def __init__(
        self, doc: Any, known: Mapping[tuple[str, WD_STYLE_TYPE], StyleRef] | None = None
    ) -> None:
        self.doc = doc
        self._styles: dict[tuple[str, WD_STYLE_TYPE], StyleRef] = dict(known or {})

    def get(self, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH) -> StyleRef:
        key = (name, kind)
        if key not in self._styles:
            self._styles[key] = StyleRef.of(docxstyles.get_style(self.doc, name, kind))
        return self._styles[key]

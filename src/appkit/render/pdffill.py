"""How full each page of a WeasyPrint layout is: what page fitting decides from.

WeasyPrint has no public API for this, so the page boxes are read directly (``page._page_box``,
its line and replaced boxes). Anything unexpected gives None, and the fitter then tries every
density as if nothing were known.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["page_fills"]

_OUT_OF_FLOW = ("absolute", "fixed")  # repeated or pinned boxes say nothing about the flow


def page_fills(pages: Sequence[Any]) -> tuple[float, ...] | None:
    """Per page, the share of its content area down to the bottom of the last line or image
    (0.0 empty, 1.0 full), or None if the layout cannot be read."""
    try:
        from weasyprint.formatting_structure.boxes import LineBox, MarginBox, ReplacedBox

        fills = []
        for page in pages:
            box = page._page_box
            top, height = box.content_box_y(), box.height
            bottom = _bottom(box, (LineBox, ReplacedBox), MarginBox)
            fills.append(max(0.0, (bottom - top) / height) if bottom is not None else 0.0)
        return tuple(fills)
    except Exception:  # a WeasyPrint upgrade changed its boxes: fit without the estimate
        return None


def _bottom(root: Any, leaves: tuple[type, ...], skipped: type) -> float | None:
    """The lowest bottom edge of the line and replaced boxes under ``root``, in flow."""
    lowest: float | None = None
    stack = list(getattr(root, "children", ()))
    while stack:
        box = stack.pop()
        if isinstance(box, skipped) or box.style["position"] in _OUT_OF_FLOW:
            continue
        if isinstance(box, leaves):
            edge = box.position_y + box.margin_height()
            lowest = edge if lowest is None else max(lowest, edge)
            continue
        stack.extend(getattr(box, "children", ()))
    return lowest

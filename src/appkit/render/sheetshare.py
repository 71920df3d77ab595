"""Whether a parsed stylesheet can be shared by later documents, and what to reset when it is.

WeasyPrint computes styles from the declarations it parsed, and a few of its value objects are
changed while it does: a gradient's stop positions are overwritten with the lengths of the first
element that uses it, and a ``var()`` value remembers that it already logged its error. Within
one document WeasyPrint lives with that; a sheet shared by later documents would carry the first
document's sizes, or stay silent about an error. So a sheet is shared only when every value in it
is one of the plain kinds below (strings, numbers, dimensions, tuples and lists of them, CSS
tokens), or a ``var()`` value, whose one piece of state `appkit.render.sheetcache` clears before
each document. Anything else (gradients, or a kind a later WeasyPrint adds) is parsed every time, as
is a sheet with a cascade layer (the layer's order lives in each document's own list).

The mark is cleared when a layout starts. WeasyPrint works a few values out only when it writes
the PDF (``opacity``), so two layouts sharing a sheet that are both written after both were laid
out would log such an error once, not twice; appkit writes at most one layout per document, after
its trials, and lays the next document out after that.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["pending_values", "shareable"]

_PLAIN = (str, int, float, type(None))


def _entries(matcher: Any) -> Iterator[tuple[Any, ...]]:
    """Every (test, specificity, order, pseudo, payload) a cssselect2 Matcher holds."""
    for index in (
        "id_selectors",
        "class_selectors",
        "lower_local_name_selectors",
        "namespace_selectors",
    ):
        for entries in getattr(matcher, index).values():
            yield from entries
    yield from matcher.lang_attr_selectors
    yield from matcher.other_selectors


def _declarations(matcher: Any, page_rules: Iterable[Any]) -> Iterator[tuple[Any, ...]]:
    for _test, _specificity, _order, _pseudo, (declarations, _layer) in _entries(matcher):
        yield from declarations
    for _rule, _selectors, declarations in page_rules:
        yield from declarations


def shareable(matcher: Any, page_rules: Iterable[Any]) -> bool:
    """True if no selector is in a cascade layer and every value is of a kind WeasyPrint never
    changes while computing styles (`var()` values aside, see `pending_values`)."""
    from tinycss2.ast import Node
    from weasyprint.css.tokens import Pending

    kinds = (*_PLAIN, Node, Pending)

    def plain(value: Any, depth: int = 0) -> bool:
        if isinstance(value, kinds):
            return True
        if isinstance(value, tuple | list) and depth < 16:
            return all(plain(item, depth + 1) for item in value)
        return False

    try:
        if any(payload[1] is not None for *_, payload in _entries(matcher)):
            return False
        return all(plain(value) for _name, value, _important in _declarations(matcher, page_rules))
    except (AttributeError, ValueError):  # a cssselect2 or WeasyPrint of another shape
        return False


def pending_values(matcher: Any, page_rules: Iterable[Any]) -> tuple[Any, ...]:
    """The ``var()`` values of a shareable sheet: each remembers whether it has logged its error,
    which `appkit.render.sheetcache` clears before every document that shares the sheet."""
    from weasyprint.css.tokens import Pending

    found: list[Any] = []

    def visit(value: Any) -> None:
        if isinstance(value, Pending):
            found.append(value)
        elif isinstance(value, tuple | list):
            for item in value:
                visit(item)

    for _name, value, _important in _declarations(matcher, page_rules):
        visit(value)
    return tuple(found)

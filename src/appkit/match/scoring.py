"""Status, credit and the coverage score: the thresholds every part of the match shares.

A requirement's best item score (0..1) gives its status: covered >= COVERED, partial >= PARTIAL,
else missing, worth credit 1, 0.5 and 0. Requirements of one any-of group (one degree, one
certification, one EHR product) form one *unit*: the score and the gap report count it once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol, TypeVar

COVERED, PARTIAL = 0.6, 0.3
Status = Literal["covered", "partial", "missing"]


class _Grouped(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def group(self) -> str | None: ...


class _Weighted(_Grouped, Protocol):
    @property
    def weight(self) -> float: ...

    @property
    def score(self) -> float: ...


G = TypeVar("G", bound=_Grouped)
S = TypeVar("S", bound=_Weighted)


def status_of(score: float) -> Status:
    """covered / partial / missing by the documented thresholds."""
    return "covered" if score >= COVERED else "partial" if score >= PARTIAL else "missing"


def credit(score: float) -> float:
    """1 for covered, 0.5 for partial, 0 for missing."""
    return 1.0 if score >= COVERED else 0.5 if score >= PARTIAL else 0.0


def units(reqs: Sequence[G]) -> list[list[G]]:
    """Requirements grouped into units, in first-seen order: an any-of group is one unit."""
    grouped: dict[str, list[G]] = {}
    for r in reqs:
        grouped.setdefault(r.group or r.id, []).append(r)
    return list(grouped.values())


def best(members: list[S]) -> S:
    """A unit's best-scoring member (the first of equals): the one its status is read from."""
    return max(members, key=lambda m: (m.score, -members.index(m)))


def coverage(reqs: Sequence[_Weighted]) -> float:
    """100 x sum(weight x credit) / sum(weight) over units (any-of groups count once)."""
    num = den = 0.0
    for members in units(reqs):
        weight = max(m.weight for m in members)
        num += weight * max(credit(m.score) for m in members)
        den += weight
    return round(100 * num / den, 1) if den else 0.0

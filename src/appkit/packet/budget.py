"""A page budget (`--max-pages N`): the resume fits N pages by dropping its least relevant bullets
first, then tightening its spacing, and says what it dropped.

Every trial is a layout-only pass (`appkit.packet.fit.layout_of`); only the layout kept is
written. The search, in layouts:

1. the ordinary fit (`fit_layout`: density 0, and a denser one when that saves a page): if it
   already fits N pages nothing is dropped and the output is byte-identical to no budget;
2. every optional bullet dropped (`appkit.documents.trim.drop_order`) at the densest layout: if
   that still needs more than N pages the budget is impossible, an error naming the minimum;
3. the fewest drops that fit at the densest layout, found by interpolating the measured page fill
   over the dropped bullets' estimated lines, then stepping 1, 2, 4... bullets from the last
   probe, then bisecting: usually three or four layouts;
4. for that number of drops, the loosest density that still fits (a density the measured fill
   says cannot fit is skipped without a layout).

Drops count before density: a bullet is content, spacing is not; a resume that a denser layout
alone fits loses nothing (step 1).
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from appkit.documents.trim import BulletRef, TrimPlan, drop_order
from appkit.engine import Engine
from appkit.errors import AppkitError
from appkit.options import Options
from appkit.packet.fit import FIT_STEPS, Fit, fit_layout, layout_of
from appkit.render.html import Context, Rendered, render_html

if TYPE_CHECKING:  # the PDF writer is imported when a layout is made
    from appkit.packet.fit import Layout

__all__ = ["BUDGET_NOTE", "Budget", "announce", "budget_layout"]

log = logging.getLogger("appkit.budget")
trials_log = logging.getLogger("appkit.fit")

BUDGET_NOTE = "page-budget.json"  # the key `render_document` returns the note under
CHARS_PER_LINE = 90  # a bullet's line estimate for interpolation only; layouts decide
SLACK = 0.02  # of a page: aim the estimate a little short of the budget (page-break waste)
# Content height at a density over its height at density 0: the bounds measured on the sample
# resumes (see fit.SHRINK); used only to skip a density that cannot fit.
RATIO = {0: (1.0, 1.0), 1: (0.91, 0.95), 2: (0.84, 0.89)}
INTERPOLATIONS = 2  # interpolated probes before stepping and bisection


@dataclass
class Budget:
    """What a page budget did: what `-v`, match.json and the tests read."""

    max_pages: int
    pages_before: int  # the resume without a budget (after the ordinary fit)
    optional: int  # bullets the rules allow to drop
    dropped: tuple[BulletRef, ...] = ()
    pages: int = 0
    density: int = 0
    layouts: int = 0  # every layout pass, the ordinary fit's included
    seconds: float = 0.0
    trials: list[str] = field(default_factory=list)

    def note(self) -> dict[str, object]:
        return {
            "max_pages": self.max_pages,
            "pages_before": self.pages_before,
            "pages": self.pages,
            "density": self.density,
            "optional_bullets": self.optional,
            "dropped": [ref.as_json() for ref in self.dropped],
            "lines": [ref.line() for ref in self.dropped],
            "layouts": self.layouts,
            "seconds": round(self.seconds, 3),
            "trials": self.trials,
        }


def announce(note: bytes) -> dict[str, object]:
    """Log a budget note where the user sees it (every dropped bullet; with -v the trials) and
    return it for match.json. Runs in the parent: an isolated render's stderr is muted."""
    data: dict[str, object] = json.loads(note)
    for line in data.pop("lines", []):  # type: ignore[attr-defined]
        log.info("%s", line)
    for line in data["trials"]:  # type: ignore[attr-defined]
        trials_log.info("budget: %s", line)
    return data


def budget_layout(
    kind: str, context: Context, rendered: Rendered, options: Options, engine: Engine
) -> tuple[Rendered, Layout, Fit, Budget | None]:
    """The layout to write under ``options.max_pages``; Budget None when nothing was trimmed."""
    start = time.perf_counter()
    fitted, layout, fit = fit_layout(kind, context, rendered, options, engine)
    limit = options.max_pages
    if limit is None or kind != "resume" or layout.pages <= limit:
        return fitted, layout, fit, None
    order = drop_order(context.tailored, context.profile)
    search = _Search(kind, context, options, engine, fit, order, limit)
    budget = Budget(limit, layout.pages, len(order))
    fitted, layout, budget.dropped, budget.density = search.run(layout)
    budget.pages, budget.trials = layout.pages, search.trials
    budget.layouts, budget.seconds = fit.layouts, time.perf_counter() - start
    fit.density, fit.kept_pages = budget.density, layout.pages
    fit.notes.append(f"page budget {limit}: dropped {len(budget.dropped)} bullet(s)")
    return fitted, layout, fit, budget


def _fill(layout: Layout) -> float:
    """Content height in pages (the page count when the fill cannot be measured)."""
    fills = layout.fills
    return sum(fills) if fills else float(layout.pages)


class _Search:
    """The layouts of one budget search, and the trial lines -v shows."""

    def __init__(
        self,
        kind: str,
        context: Context,
        options: Options,
        engine: Engine,
        fit: Fit,
        order: list[BulletRef],
        limit: int,
    ) -> None:
        self.kind, self.context, self.options = kind, context, options
        self.engine, self.fit = engine, fit
        self.order, self.limit = order, limit
        self.trials: list[str] = []
        lines = [1.3 + len(ref.text) // CHARS_PER_LINE for ref in order]
        self.cumulative = [sum(lines[:k]) for k in range(len(order) + 1)]

    def render(self, drops: int, density: int) -> Rendered:
        tailored = TrimPlan(tuple(self.order[:drops])).apply(self.context.tailored)
        doc = self.context.doc.model_copy(update={"density": density})
        context = replace(self.context, tailored=tailored, doc=doc)
        return render_html(
            self.kind, self.options.theme, context, self.options.templates, self.engine.templates
        )

    def trial(self, drops: int, density: int, why: str) -> tuple[Rendered, Layout]:
        rendered = self.render(drops, density)
        layout = layout_of(rendered, self.options, self.engine, self.fit)
        fills = layout.fills
        last = f", last page {fills[-1]:.0%} full" if fills else ""
        verdict = "fits" if layout.pages <= self.limit else "too long"
        self.trials.append(
            f"{why}: {drops} bullet(s) dropped, density {density}:"
            f" {layout.pages} page(s){last}, {verdict}"
        )
        return rendered, layout

    def run(self, first: Layout) -> tuple[Rendered, Layout, tuple[BulletRef, ...], int]:
        every = len(self.order)
        densest = FIT_STEPS
        if self.render(every, densest).html == self.render(every, 0).html:
            densest = 0  # a theme without densities: drops alone must fit
            self.trials.append("the theme has no densities")
        kept = {every: self.trial(every, densest, "all optional bullets")}
        fills = {every: _fill(kept[every][1])}
        if kept[every][1].pages > self.limit:
            raise AppkitError(
                f"the resume cannot fit on {self.limit} page(s) (--max-pages): with all"
                f" {every} optional bullet(s) dropped and the tightest spacing it still takes"
                f" {kept[every][1].pages} pages, so {kept[every][1].pages} is the minimum;"
                " shorten the profile or raise --max-pages"
            )
        # An estimate from the ordinary fit's layout; 0 drops does not fit (step 1 said so).
        fills.setdefault(0, _fill(first) / RATIO[self.fit.density][0] * RATIO[densest][1])
        low, high, probes, drops = 0, every, 0, every
        while high - low > 1:
            drops, why = self._next(low, high, probes, drops, fills)
            probes += 1
            rendered, layout = self.trial(drops, densest, why)
            fills[drops] = _fill(layout)
            if layout.pages <= self.limit:
                high, kept[drops] = drops, (rendered, layout)
            else:
                low = drops
        looser = self._loosest(high, densest, fills[high])
        density, (rendered, layout) = looser or (densest, kept[high])
        return rendered, layout, tuple(self.order[:high]), density

    def _next(
        self, low: int, high: int, probes: int, last: int, fills: dict[int, float]
    ) -> tuple[int, str]:
        """The next number of drops to lay out, strictly between ``low`` (too long) and ``high``
        (fits): interpolated twice, then steps of 1, 2, 4... from the last probe towards the
        other end of the bracket (an estimate is most often a bullet or two off), then the
        midpoint."""
        if probes < INTERPOLATIONS:
            return self._estimate(low, high, fills), "interpolated"
        step = 2 ** (probes - INTERPOLATIONS)  # 1, 2, 4...: the estimate is most often close
        gallop = last - step if last == high else last + step
        if low < gallop < high and step <= (high - low) // 2 + 1:
            return gallop, "step"
        return (low + high) // 2, "bisection"

    def _estimate(self, low: int, high: int, fills: dict[int, float]) -> int:
        """The fewest drops whose interpolated fill is within the budget, inside (low, high)."""
        top, bottom = fills[low], fills[high]
        span = self.cumulative[high] - self.cumulative[low] or 1.0
        target = self.limit - SLACK
        for drops in range(low + 1, high):
            share = (self.cumulative[drops] - self.cumulative[low]) / span
            if top - (top - bottom) * share <= target:
                return drops
        return high - 1

    def _loosest(
        self, drops: int, densest: int, fill: float
    ) -> tuple[int, tuple[Rendered, Layout]] | None:
        """A looser density than the densest at which ``drops`` drops fit, with its layout."""
        for density in range(densest):
            least = fill * RATIO[density][0] / RATIO[densest][1]
            if least > self.limit:
                self.trials.append(f"density {density} cannot fit (at least {least:.2f} pages)")
                continue
            rendered, layout = self.trial(drops, density, "looser")
            if layout.pages <= self.limit:
                return density, (rendered, layout)
        return None

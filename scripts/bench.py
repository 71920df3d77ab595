"""Benchmark appkit against raw WeasyPrint and python-docx on the same documents, in one run.

Prints medians in milliseconds and ratios (appkit / raw). Ratios, not absolute times, are what
to compare between machines: this VM is shared and noisy. Usage:

    python scripts/bench.py [-n 20] [--profile profiles/linda-chen.yaml]
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def median_ms(func: Callable[[], object], runs: int, warmup: int = 2) -> float:
    for _ in range(warmup):
        func()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=20)
    parser.add_argument("--profile", type=Path, default=ROOT / "profiles" / "linda-chen.yaml")
    parser.add_argument("--batch", action="store_true", help="run only the batch section")
    args = parser.parse_args()
    if args.batch:  # scripts/bench_batch.py: appkit batch throughput, warm cost, worker memory
        from bench_batch import main as batch_main

        batch_main([])
        return

    import docx
    from weasyprint import HTML

    from appkit.documents.tailor import tailor
    from appkit.documents.target import resolve_target
    from appkit.engine import Engine
    from appkit.guide.library import load_guide
    from appkit.match.engine import match_profile
    from appkit.packet import Options, doc_info, load_inputs, render_documents
    from appkit.render.docxwriter import render_docx
    from appkit.render.html import Context, render_html
    from appkit.render.htmlsubset import parse_html

    start = time.perf_counter()
    load_guide("clinical-coordinator")
    guide_ms = (time.perf_counter() - start) * 1000
    inputs = load_inputs(args.profile, "clinical-coordinator")
    options = Options(date="2026-01-15")
    engine = Engine()  # one per process, as a batch worker holds it
    indexes = engine.guide_indexes
    tailored = tailor(inputs.profile, inputs.guide, index_cache=indexes)
    context = Context(
        doc=doc_info("resume", inputs, tailored, resolve_target(tailored, date=options.date)),
        profile=inputs.profile,
        tailored=tailored,
        guide=inputs.guide,
    )
    rendered = render_html("resume", "classic", context, environments=engine.templates)
    base_url = rendered.base_dir.as_uri() + "/"
    texts = ["".join(r.text for r in b.runs + b.date) for b in parse_html(rendered.html).blocks]

    def raw_docx() -> bytes:  # the same paragraphs, unstyled: python-docx's floor
        document = docx.Document()
        for text in texts:
            document.add_paragraph(text)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()

    rows = [
        (
            "PDF resume",
            lambda: rendered.pdf(fonts=engine.fonts),
            lambda: HTML(string=rendered.html, base_url=base_url).write_pdf(),
        ),
        ("DOCX resume", lambda: render_docx(rendered.html), raw_docx),
    ]
    print(f"profile: {args.profile.name}; runs: {args.runs}; guide parse (cold): {guide_ms:.1f} ms")
    print(f"{'stage':<28}{'appkit ms':>11}{'raw ms':>10}{'ratio':>8}")
    for name, ours, raw in rows:
        # Interleave so drift on this shared machine hits both sides equally.
        a = median_ms(ours, args.runs)
        b = median_ms(raw, args.runs)
        a = (a + median_ms(ours, args.runs)) / 2
        print(f"{name:<28}{a:>11.1f}{b:>10.1f}{a / b:>8.2f}")
    for name, func in [
        (
            "match one profile",
            lambda: match_profile(inputs.profile, inputs.guide, None, None, indexes),
        ),
        (
            "tailor (match + ranking)",
            lambda: tailor(inputs.profile, inputs.guide, index_cache=indexes),
        ),
        ("Jinja render", lambda: render_html("resume", "classic", context, (), engine.templates)),
        (
            "packet, all 4 docs x 2 fmts",
            lambda: render_documents(
                ["resume", "cover", "interview", "report"], inputs, options, engine=engine
            ),
        ),
    ]:
        runs = max(3, args.runs // 4) if "packet" in name else args.runs
        print(f"{name:<28}{median_ms(func, runs):>11.1f}")


if __name__ == "__main__":
    main()

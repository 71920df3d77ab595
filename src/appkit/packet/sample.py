"""Realistic sample data for trying templates out (`appkit templates check`).

The starter profile (every section filled, as `appkit init` writes it, custom sections too) and
the built-in clinical-coordinator guide go through the real pipeline (tailoring, matching, the
letter and the prep sheet), so a template sees exactly the shapes it will see in a packet. The
resume is tried a second time without work experience: base.html then moves projects and
volunteering up, a branch the first profile never takes.
"""

from __future__ import annotations

import datetime
from functools import cache
from importlib.resources import as_file, files

from appkit.documents.tailor import tailor
from appkit.documents.target import resolve_target
from appkit.guide.library import load_guide
from appkit.options import PACKET
from appkit.packet import Inputs, _letter, _prep, doc_info
from appkit.profile.model import Profile
from appkit.profile.starter import STARTER_FILE
from appkit.render.html import Context

SAMPLE_GUIDE = "clinical-coordinator"
SAMPLE_DATE = "2026-01-15"  # fixed: the same sample every day


def sample_profiles() -> list[Profile]:
    """The sample profile, and the same without work experience."""
    from appkit.profile.load import load_profile

    with as_file(files("appkit.profile").joinpath(STARTER_FILE)) as path:
        full = load_profile(path, label=STARTER_FILE)
    return [full, full.model_copy(update={"experience": []})]


@cache
def sample_contexts() -> dict[str, list[Context]]:
    """For each document kind (resume, cover, interview, report), the contexts to try.

    Built once per process (the contexts are frozen; callers only read them)."""
    guide = load_guide(SAMPLE_GUIDE)
    contexts: dict[str, list[Context]] = {}
    for number, profile in enumerate(sample_profiles()):
        inputs = Inputs(profile=profile, guide=guide)
        tailored = tailor(profile, guide, None, today=datetime.date.fromisoformat(SAMPLE_DATE))
        target = resolve_target(tailored, guide, None, date=SAMPLE_DATE)
        kinds = [k for k in PACKET if k != "match"] if number == 0 else ["resume"]
        for kind in kinds:
            contexts.setdefault(kind, []).append(
                Context(
                    doc=doc_info(kind, inputs, tailored, target),
                    profile=profile,
                    tailored=tailored,
                    guide=guide,
                    letter=_letter(inputs, tailored, target) if kind == "cover" else None,
                    prep=_prep(inputs, tailored, target) if kind == "interview" else None,
                )
            )
    return contexts

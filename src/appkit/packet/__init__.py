"""Orchestration: inputs -> tailored documents -> files.

Everything is rendered to bytes first and written only when every document succeeded;
`appkit.disk.folder` then resolves the output folder once and swaps the whole packet folder in
at once, so a failure never leaves a partial packet behind.
`appkit.documents.filenames` names the documents.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, get_args

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from appkit.documents.letter import CoverLetter
    from appkit.documents.prep import PrepSheet

from appkit.documents.filenames import MATCH_FILE, PLAIN_STEMS, document_name
from appkit.documents.locale import DEFAULT_LOCALE, Locale, localize
from appkit.documents.tailor import Tailored, tailor
from appkit.documents.target import Target, resolve_target
from appkit.engine import Engine
from appkit.errors import AppkitError
from appkit.guide.model import Guide, Posting
from appkit.guide.role import load_role
from appkit.match.models import MatchResult
from appkit.options import PACKET, Format, Options
from appkit.packet.budget import announce
from appkit.packet.docinfo import doc_info as doc_info  # re-exported: tests, scripts
from appkit.packet.formats import BUDGET_NOTE, render_document
from appkit.profile.load import load_profile
from appkit.profile.model import Profile
from appkit.render.design import Design
from appkit.render.html import Context
from appkit.render.themeloader import chosen_design

FORMATS: tuple[str, ...] = get_args(Format)
FILE_STEMS: dict[str, str] = PLAIN_STEMS  # render_documents' keys: "resume.pdf", ...


class Inputs(BaseModel):
    """The loaded, validated inputs for one candidate."""

    model_config = ConfigDict(defer_build=True, frozen=True)
    profile: Profile
    guide: Guide | None = None
    posting: Posting | None = None
    profile_file: Path | None = None  # where the profile came from: packet folders record it


def load_inputs(
    profile: Path | str,
    guide: str | Path | None = None,
    posting: Path | str | None = None,
    *,
    posting_id: str | None = None,
    job_title: str | None = None,
    company: str | None = None,
) -> Inputs:
    """Load and validate a profile, and optionally a guide and a posting.

    `posting` may be a postings .csv with `posting_id` naming the row; `job_title` and `company`
    win over the posting's own (so a posting with no findable title needs `job_title` or a
    guide, whose title it then falls back to, with a warning in `posting.warnings`).
    """
    loaded_guide, loaded_posting = load_role(
        guide, posting, posting_id=posting_id, job_title=job_title, company=company
    )
    return Inputs(
        profile=load_profile(profile),
        profile_file=Path(profile).absolute(),  # the current folder now, not at write time
        guide=loaded_guide,
        posting=loaded_posting,
    )


def render_documents(
    kinds: Sequence[str],
    inputs: Inputs,
    options: Options,
    profile_file: str | None = None,
    engine: Engine | None = None,
) -> dict[str, bytes]:
    """Render every requested document in every format to bytes, keyed by plain file name.

    The keys are ``resume.pdf``, ``cover-letter.docx``, ... and ``match.json``; `generate` gives
    the documents their final names. ``profile_file`` is recorded in match.json. Without an
    ``engine`` a fresh one serves this packet only.
    """
    return _render_all(kinds, inputs, options, profile_file, engine or Engine())[0]


def _render_all(
    kinds: Sequence[str],
    inputs: Inputs,
    options: Options,
    profile_file: str | None,
    engine: Engine,
) -> tuple[dict[str, bytes], MatchResult | None]:
    if "interview" in kinds and inputs.guide is None:
        raise AppkitError(
            "the interview-prep sheet needs a role guide (--guide NAME|PATH): its soft skills, "
            "FAQ and salary levels drive the questions; a posting alone does not have them"
        )
    tailored = tailor(
        inputs.profile,
        inputs.guide,
        inputs.posting,
        bullet_budget=options.bullet_budget,
        today=options.today,
        index_cache=engine.guide_indexes,
    )
    if options.company or options.job_title:  # templates and match.json show the options' values
        override = {
            "company": options.company or tailored.company,
            "target_title": options.job_title or tailored.target_title,
        }
        match = tailored.match.model_copy(update=override) if tailored.match else None
        tailored = tailored.model_copy(update={**override, "match": match})
    target = resolve_target(
        tailored,
        inputs.guide,
        inputs.posting,
        company=options.company,
        job_title=options.job_title,
        hiring_manager=options.hiring_manager,
        date=options.date,
        locale=options.locale,
    )
    files: dict[str, bytes] = {}
    if "match" in kinds and tailored.match is not None:
        files[MATCH_FILE] = b""  # written last: a page budget adds what it dropped
    match, budget = tailored.match, None
    tailored = _spelled(tailored, options.locale)
    design, options = _design(inputs.profile, options)
    for kind in (k for k in kinds if k != "match"):
        context = Context(
            doc=doc_info(kind, inputs, tailored, target),
            profile=inputs.profile,
            tailored=tailored,
            guide=inputs.guide,
            posting=inputs.posting,
            letter=_letter(inputs, tailored, target) if kind == "cover" else None,
            prep=_prep(inputs, tailored, target) if kind == "interview" else None,
            design=design,
        )
        rendered = render_document(kind, context, options, engine)
        if BUDGET_NOTE in rendered:
            budget = announce(rendered.pop(BUDGET_NOTE))
        for fmt, data in rendered.items():
            files[f"{FILE_STEMS[kind]}.{fmt}"] = data
    if MATCH_FILE in files and match is not None:
        files[MATCH_FILE] = _match_json(match, options, profile_file, budget)
    return files, tailored.match


def _design(profile: Profile, options: Options) -> tuple[Design, Options]:
    """The packet's design (--theme/--page-size > the profile's `design:` > theme.yaml), and the
    options naming it, so every template lookup uses the design the profile may have chosen."""
    theme = options.theme if "theme" in options.model_fields_set else None
    design = chosen_design(theme, options.page_size, options.templates, profile.design)
    if design.name != options.theme:
        options = options.model_copy(update={"theme": design.name})
    return design, options


def _spelled(tailored: Tailored, locale: Locale) -> Tailored:
    """The next steps in the documents' spelling (match.json keeps them as the matcher wrote)."""
    match = tailored.match
    if match is None or locale == DEFAULT_LOCALE:
        return tailored
    steps = [s.model_copy(update={"action": localize(s.action, locale)}) for s in match.next_steps]
    return tailored.model_copy(update={"match": match.model_copy(update={"next_steps": steps})})


def _match_json(
    match: MatchResult,
    options: Options,
    profile_file: str | None,
    budget: dict[str, object] | None = None,
) -> bytes:
    """match.json: where it came from and every option that shaped it, then the match itself;
    under a page budget that trimmed the resume, ``page_budget`` lists the dropped bullets."""
    head = {
        "profile_file": profile_file,  # relative to the packet folder
        "company": match.company,
        "job_title": match.target_title,
        "hiring_manager": options.hiring_manager,
        "date": options.date,
    }
    trimmed = {"page_budget": budget} if budget is not None else {}
    body = {**head, **trimmed, **match.model_dump(mode="json")}
    text = json.dumps(body, indent=2, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def _letter(inputs: Inputs, tailored: Tailored, target: Target) -> CoverLetter:
    from appkit.documents.letter import compose_letter

    return compose_letter(
        inputs.profile, tailored, tailored.match, inputs.guide, inputs.posting, target=target
    )


def _prep(inputs: Inputs, tailored: Tailored, target: Target) -> PrepSheet:
    from appkit.documents.prep import compose_prep

    return compose_prep(
        inputs.profile, tailored, tailored.match, inputs.guide, inputs.posting, target=target
    )


class Documents(BaseModel):
    """One packet in memory: each file's bytes under its final name, and the match behind it."""

    model_config = ConfigDict(defer_build=True, frozen=True, arbitrary_types_allowed=True)
    files: dict[str, bytes]
    match: MatchResult | None = None


def build_packet(
    inputs: Inputs,
    options: Options | None = None,
    kinds: Sequence[str] = PACKET,
    engine: Engine | None = None,
) -> Documents:
    """One candidate x one role -> the documents as bytes with their file names; writes nothing.

    ``options`` default to `Options()` (PDF and DOCX, classic theme, today's date); pass one
    `Engine` to every call of a batch so fonts, templates and guide indexes are built once.
    """
    options = options or Options()
    files, match = _render_all(kinds, inputs, options, None, engine or Engine())
    name = inputs.profile.basics.name
    kind_of = {f"{stem}.{fmt}": (kind, fmt) for kind, stem in FILE_STEMS.items() for fmt in FORMATS}
    named = {
        document_name(*kind_of[key], name, options.file_names) if key in kind_of else key: data
        for key, data in files.items()
    }
    return Documents(files=named, match=match)

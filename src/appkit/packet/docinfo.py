"""A document's metadata (title, author, description, keywords), shared by its PDF and DOCX.

Word caps core properties at 255 characters, so every field is cut to whole items or sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from appkit.documents.tailor import Tailored
from appkit.documents.target import Target
from appkit.render.html import DocInfo

if TYPE_CHECKING:
    from appkit.packet import Inputs

__all__ = ["KIND_TITLES", "doc_info"]

KIND_TITLES = {
    "resume": "Resume",
    "cover": "Cover Letter",
    "interview": "Interview Prep",
    "report": "Skill-Gap Report",
}


def doc_info(kind: str, inputs: Inputs, tailored: Tailored, target: Target) -> DocInfo:
    """Title, author and keywords shared by a document's PDF and DOCX metadata."""
    name = inputs.profile.basics.name
    role = " at ".join(
        filter(None, [target.title, target.company])
    )  # "Clinical Coordinator at Mercy Valley"
    title = " – ".join(filter(None, [name, KIND_TITLES[kind], role]))
    keywords = tailored.competencies or [i for g in tailored.skills for i in g.items][:12]
    guide = inputs.guide
    description = f"{KIND_TITLES[kind]} of {name}" + (f" for {role}" if role else "")
    if guide and guide.attribution:  # the licence asks for it; Word caps the field at 255
        description = _whole_sentences(guide.attribution, 250)
    return DocInfo(
        description=description[:250],
        kind=kind,
        title=title[:250],
        author=name,
        keywords=_join_within(keywords, 250),
        date=target.date,
    )


def _whole_sentences(text: str, limit: int) -> str:
    """The leading whole sentences of `text` that fit in `limit` characters (at least one).

    O*NET's attribution is ~270 characters: its trademark sentence goes, the licence stays."""
    out = ""
    for sentence in re.split(r"(?<=\.)\s+", text.strip()):
        candidate = f"{out} {sentence}" if out else sentence
        if out and len(candidate) > limit:
            break
        out = candidate
    return out[:limit]


def _join_within(items: Sequence[str], limit: int) -> str:
    """Comma-join as many items as fit in `limit` characters (Word caps core properties at 255)."""
    out = ""
    for item in items:
        candidate = f"{out}, {item}" if out else item
        if len(candidate) > limit:
            break
        out = candidate
    return out

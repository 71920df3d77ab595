"""The role a document targets: a guide, a posting, or both, loaded together.

One place for how they combine, shared by `appkit.packet.load_inputs` and the CLI's loaders: the
posting borrows the guide's vocabulary and, when it names no title of its own, the guide's title;
`job_title` and `company` always win over the posting's own. The posting reader is imported only
when there is a posting, so a guide-only command never pays for it.
"""

from __future__ import annotations

from pathlib import Path

from appkit.guide.library import load_guide
from appkit.guide.model import Guide, Posting


def load_role(
    guide: str | Path | None,
    posting: str | Path | None,
    *,
    posting_id: str | None = None,
    job_title: str | None = None,
    company: str | None = None,
) -> tuple[Guide | None, Posting | None]:
    """The loaded guide and posting (None for the one not given)."""
    loaded_guide = load_guide(guide) if guide else None
    if not posting:
        return loaded_guide, None
    from appkit.guide.posting import load_posting

    loaded_posting = load_posting(
        Path(posting),
        vocabulary=loaded_guide,
        posting_id=posting_id,
        title=job_title,
        company=company,
        fallback_title=loaded_guide.title if loaded_guide else None,
    )
    return loaded_guide, loaded_posting

"""appkit: tailored job-application packets from a candidate profile and a role guide.

The public API is re-exported here lazily (module ``__getattr__``), so ``import appkit`` and
``appkit --help`` stay cheap: a name's module is imported on first use.

    from appkit import build_packet, load_inputs
    documents = build_packet(load_inputs("profiles/maria-santos.yaml", "clinical-coordinator"))
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Written here, not read from the installed metadata: importlib.metadata costs ~15 ms at every
# start-up. tests/cli/test_startup.py checks it against pyproject.toml and the installed metadata.
__version__ = "0.1.0"

# Public name -> the module that defines it.
_EXPORTS = {
    "AppkitError": "appkit.errors",
    "Documents": "appkit.packet",
    "Engine": "appkit.engine",
    "Guide": "appkit.guide.model",
    "Inputs": "appkit.packet",
    "MatchResult": "appkit.match.models",
    "Options": "appkit.options",
    "Posting": "appkit.guide.model",
    "Profile": "appkit.profile.model",
    "build_packet": "appkit.packet",
    "load_guide": "appkit.guide.library",
    "load_inputs": "appkit.packet",
    "load_posting": "appkit.guide.posting",
    "load_profile": "appkit.profile.load",
    "match_profile": "appkit.match.engine",
}
__all__ = [
    "AppkitError",
    "Documents",
    "Engine",
    "Guide",
    "Inputs",
    "MatchResult",
    "Options",
    "Posting",
    "Profile",
    "build_packet",
    "load_guide",
    "load_inputs",
    "load_posting",
    "load_profile",
    "match_profile",
    "__version__",
]

if TYPE_CHECKING:
    from appkit.engine import Engine
    from appkit.errors import AppkitError
    from appkit.guide.library import load_guide
    from appkit.guide.model import Guide, Posting
    from appkit.guide.posting import load_posting
    from appkit.match.engine import match_profile
    from appkit.match.models import MatchResult
    from appkit.options import Options
    from appkit.packet import Documents, Inputs, build_packet, load_inputs
    from appkit.profile.load import load_profile
    from appkit.profile.model import Profile


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name]), name)
        globals()[name] = value  # imported once
        return value
    raise AttributeError(f"module 'appkit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))

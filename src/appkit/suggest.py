"""Near-miss suggestions for mistyped names: "did you mean 'clinical-coordinator'?"."""

from __future__ import annotations

from collections.abc import Iterable


def nearest(name: str, choices: Iterable[str]) -> str | None:
    """The choice closest to `name`, if one is close enough to be a typo of it."""
    import difflib  # here: every command imports this module, few ever suggest

    # 0.6 is difflib's own default: catches swapped, missing and doubled letters, not guesses.
    matches = difflib.get_close_matches(name.lower(), list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """ "; did you mean 'x'?" for the nearest choice, or "" when nothing is near."""
    match = nearest(name, choices)
    return f"; did you mean '{match}'?" if match else ""

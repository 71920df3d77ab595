"""Time match_profile once the guide is loaded: prints the median milliseconds over N runs."""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from appkit.guide.model import Guide
from appkit.loading.read import load_model
from appkit.match.engine import match_profile
from appkit.match.index import IndexCache, index_guide
from appkit.profile.model import Profile

ROOT = Path(__file__).resolve().parent.parent


def load_guide_any(ref: str) -> Guide:
    """The parsed built-in guide when the parser exists, else the test fixture guide."""
    try:
        from appkit.guide.library import load_guide

        return load_guide(ref)
    except ImportError:
        return load_model(
            ROOT / "tests" / "data" / "match" / "clinical-coordinator-guide.yaml", Guide
        )


def main() -> None:
    """Parse arguments, warm the guide cache, time each profile."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("profiles", nargs="*", type=Path)
    parser.add_argument("--guide", default="clinical-coordinator")
    parser.add_argument("-n", type=int, default=200)
    args = parser.parse_args()
    guide = load_guide_any(args.guide)
    cache = IndexCache()  # what an Engine holds: the guide side is built once
    start = time.perf_counter()
    index_guide(guide, None, cache)
    print(f"guide index (once): {(time.perf_counter() - start) * 1000:.1f} ms")
    paths = (
        args.profiles
        or sorted((ROOT / "profiles").glob("*.yaml"))
        or sorted((ROOT / "tests" / "data" / "match").glob("*-*.yaml"))
    )
    for path in paths:
        profile = load_model(path, Profile)
        times = []
        for _ in range(args.n):
            t0 = time.perf_counter()
            match_profile(profile, guide, index_cache=cache)
            times.append((time.perf_counter() - t0) * 1000)
        print(f"{path.stem:<24} median {statistics.median(times):6.2f} ms  (n={args.n})")


if __name__ == "__main__":
    main()

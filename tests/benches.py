"""The benchmarks of bench/ as modules, for the tests whose reference is a bench's `before` (the code as it was before
the change the bench guards): one loader, so each such test compares with the bench's copy, not a copy of its own."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"


def bench_module(name: str):
    """bench/NAME.py as a module; it imports its neighbours in bench/ by name, so bench/ is on the path while it loads."""
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCH))
    return module

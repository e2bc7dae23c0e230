"""What bench/write_check.py and bench/window_read.py share: one `mstrack` write timed in-process (CliRunner: the
command line's startup left out, as it is the same in each), three ways taken in turn so that drift on a noisy
machine hits all of them, and said as medians and ratios to the floor (the figures to compare across machines)."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path


def invoker() -> Callable[..., None]:
    """`invoke(db, *args)`: mstrack run in-process on `db`, in English; a failure ends the benchmark, said."""
    from typer.testing import CliRunner

    from mstrack.cli import app

    runner = CliRunner()

    def invoke(db: Path, *args: str) -> None:
        result = runner.invoke(app, ["--db", str(db), "--lang", "en", *args], catch_exceptions=False)
        if result.exit_code != 0:
            raise SystemExit(f"mstrack {' '.join(args)}: exit {result.exit_code}: {result.output}")

    return invoke


def alternately(repeats: int, cases: list[tuple[str, Path, bool]], timed: Callable[[Path, date, bool], float]):
    """Each case (name, database, its flag) timed `repeats` times, one of each in turn, each on a new day (the same
    figure again writes nothing): the times by name."""
    times: dict[str, list[float]] = {name: [] for name, _, _ in cases}
    day = date(2023, 1, 2)
    for _ in range(repeats):
        for name, db, flag in cases:
            times[name].append(timed(db, day, flag))
            day += timedelta(days=1)
    return times


def said(title: str, times: dict[str, list[float]], *, check: bool, failing: str, budget: float = 1.5) -> int:
    """The medians and their ratios to the floor, printed; with `check`, 1 where "after" exceeds `budget` × the floor
    (`failing` said, with the ratio and the budget), else 0."""
    floor = statistics.median(times["floor"])
    print(title)
    for name, found in times.items():
        median = statistics.median(found)
        print(f"  {name:<7} {median * 1000:8.1f} ms  {median / floor:6.2f}× the floor")
    after = statistics.median(times["after"]) / floor
    if check and after > budget:
        print(failing.format(ratio=after, budget=budget))
        return 1
    return 0

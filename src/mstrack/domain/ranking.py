"""Ranking lead units (骏马奖 / 蜗牛奖): by their on-time rate, ties sharing a rank. Pure."""

from __future__ import annotations


def on_time_rate(*, done: int, on_track: int, not_due: int, tasks: int) -> float | None:
    """Tasks on track or done over tasks due (all but those not due yet), in percent; None when none is due."""
    due = tasks - not_due
    return round(100 * (done + on_track) / due, 1) if due > 0 else None


def ranks(rates: list[float | None]) -> list[int | None]:
    """Each rate's rank, highest first, standard competition style (1, 2, 2, 4); None for no rate."""
    ordered = sorted((rate for rate in rates if rate is not None), reverse=True)
    first = {}
    for position, rate in enumerate(ordered, start=1):
        first.setdefault(rate, position)
    return [None if rate is None else first[rate] for rate in rates]

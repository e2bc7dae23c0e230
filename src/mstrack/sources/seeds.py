"""The seed programmes shipped with mstrack (data/seed/ in the repository)."""

from __future__ import annotations

from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from mstrack.model import Programme
from mstrack.sources.plan import load_plan


def seed_dir() -> Path:
    """Inside an installed wheel the seeds are package data; in a source checkout, data/seed/."""
    packaged = Path(str(resources.files("mstrack") / "seed"))
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "data" / "seed"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("mstrack's seed programmes are missing from this installation")


def seed_plans() -> list[Programme]:
    return [load_plan(path) for path in sorted(seed_dir().glob("*.toml"))]


def demo_date(plans: list[Programme]) -> date:
    """The date the demo judges at: mid-year of the seeds' programmes, when their half-year
    reports fall due, so that the table shows targets passed and targets to come."""
    year = max(p.year for p in plans) if plans else date.today().year
    return date(year, 6, 30) + timedelta(days=1)

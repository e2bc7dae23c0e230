"""review59: what the review of session 59's merges mended. `report weekly --unit U`'s plan changes are those of the
tasks U's report covers (and of the tasks it led that a revision cancelled), not every programme's."""

import json
from datetime import date

from .conftest import done
from .test_plans59 import _cancelled


def _plan_changes(cli, unit: str) -> list[str]:
    result = cli("report", "weekly", "-p", "city-2026", "--unit", unit, "--as-of", date.today().isoformat(), "-f", "json")
    done(result)
    return [row["change"] for row in json.loads(result.stdout)["changes"]["plan"]]


def test_weekly_unit_lists_the_plan_changes_of_that_units_tasks_only(cli, tmp_path):
    """(市城管局, which led only the cancelled 4, gets a report saying it cancelled: test_sup59b.)
    The revision cancels 4 (口袋公园, 市城管局) and moves 5 (充电桩, 市发改委) up to 4; 3 (老旧小区, 市住建局) is untouched."""
    _cancelled(cli, tmp_path)
    whole = json.loads(cli("report", "weekly", "-p", "city-2026", "--as-of", date.today().isoformat(), "-f", "json").stdout)
    everyone = [row["change"] for row in whole["changes"]["plan"]]
    assert "task city-2026/4 cancelled (已取消): 建设口袋公园20个: its 1 report kept, not counted" in everyone, everyone
    moved = _plan_changes(cli, "市发改委")
    assert moved and all(change.startswith("task city-2026/5 → city-2026/4: 建设充电桩1000个") for change in moved), moved
    assert _plan_changes(cli, "市住建局") == [], everyone  # its task 3 unchanged: none of the others' changes


def test_scrub_masks_a_whole_password_holding_at_signs_in_a_url_not_in_use():
    """A driver's URL not in use (re-spelled, another scheme) with `@` in its password: all of it masked up to the host,
    not its first part only (was "mysql://bob:***@ss@h/x", the rest of the password shown)."""
    from mstrack.store.urls import scrub

    assert scrub("mysql://bob:p@ss@h/x failed") == "mysql://bob:***@h/x failed"
    assert scrub("postgresql+psycopg://clerk:a@b@127.0.0.1:9/office?user=x@y") == (
        "postgresql+psycopg://clerk:***@127.0.0.1:9/office?user=x@y")  # the host, and what follows it, as they are
    assert scrub("see https://example.org/a@b and ftp://u:pw@h") == "see https://example.org/a@b and ftp://u:***@h"

"""small65: the session's small leftovers: one silent rule for the weekly 通报, `units --silent-since` and the 催报
notices; the progress bars' console; a BOM's text neither UTF-8 nor GBK; the empty-store hint's one template."""

import json

from .conftest import done, plan_task, plan_tasks, write_plan


def _two_years(cli, tmp_path) -> None:
    for year in (2023, 2024):
        body = plan_tasks(plan_task("1", "学位建设", "甲局", "学位", "个", 100, milestones=[(f"{year}-03-31", 50)]),
                          plan_task("2", "床位建设", "乙局", "床位", "张", 40, milestones=[(f"{year}-03-31", 20)]))
        path = write_plan(tmp_path / f"c{year}.toml", body, code=f"c-{year}")
        path.write_text(path.read_text(encoding="utf-8").replace("year = 2023", f"year = {year}"), encoding="utf-8")
        done(cli("import", "plan", str(path)))


def _silent_units(cli) -> list[str]:
    result = cli("units", "-p", "c-2024", "--as-of", "2024-01-10", "--silent-since", "2024-01-01", "-f", "json")
    done(result)
    return [unit["unit"] for unit in json.loads(result.stdout)]


def _reminded(cli, folder) -> list[str]:
    result = cli("report", "notice", "-p", "c-2024", "--as-of", "2024-01-10", "--each-unit", "--silent-since",
                 "2024-01-01", "-f", "md", "-o", str(folder))
    done(result)
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def test_units_and_notices_chase_no_unit_of_a_programme_whose_reporting_has_not_begun(cli, tmp_path):
    """As the weekly 通报's silent list (trial65 #14): nobody reported, nothing due: nobody owes a return yet."""
    _two_years(cli, tmp_path)
    assert _silent_units(cli) == []
    assert _reminded(cli, tmp_path / "before") == []
    done(cli("log", "c-2024/2", "1", "--as-of", "2024-01-05"))  # c-2024's reporting has begun: its silent units count
    assert _silent_units(cli) == ["甲局"]
    assert _reminded(cli, tmp_path / "after") == ["甲局.md"]

"""Store leftovers (safe53): `db check` names every date whose plan copy differs, not only the first."""

from .conftest import plan_task, plan_tasks, write_plan
from .test_safe_store import execute, one

MONTHS = [(f"2023-{month:02d}-28", month) for month in range(1, 13)]


def _office(cli, tmp_path, milestones):
    plan = write_plan(tmp_path / "plan.toml", plan_tasks(
        plan_task("1", "新建道路12条", "县住建局", "道路", "条", 12, milestones=milestones)))
    result = cli("import", "plan", str(plan))
    assert result.exit_code == 0, result.output
    return one(cli, "SELECT max(indicator_id) FROM milestone")


def test_db_check_names_every_date_the_plan_copy_differs_on(cli, tmp_path):
    indicator = _office(cli, tmp_path, MONTHS[:4])
    execute(cli.url, f"UPDATE milestone SET target = target + 10 WHERE indicator_id = {indicator} AND due > '2023-02-01'")
    result = cli("db", "check")
    assert result.exit_code == 1, result.output
    output = " ".join(result.output.split())
    assert ("(3 dates differ, 2023-02-28 to 2023-04-28: 2023-02-28: 2 in plan_rows, 12 in the rows; 2023-03-28: 3 in "
            "plan_rows, 13 in the rows; 2023-04-28: 4 in plan_rows, 14 in the rows)") in output, output
    assert "2023-01-28" not in output
    repair = cli("db", "check", "--repair")
    assert repair.exit_code == 0 and repair.exception is None, repair.output
    said = " ".join(repair.stdout.split())
    assert "3 dates differ, 2023-02-28 to 2023-04-28" in said and "2023-04-28: 4 in plan_rows, 14 in the rows" in said
    assert cli("db", "check").exit_code == 0


def test_many_differing_dates_are_counted_with_their_range(cli, tmp_path):
    indicator = _office(cli, tmp_path, MONTHS)
    execute(cli.url, f"UPDATE milestone SET target = target + 20 WHERE indicator_id = {indicator} AND due > '2023-01-31'")
    result = cli("db", "check")
    assert result.exit_code == 1, result.output
    output = " ".join(result.output.split())
    assert "(11 dates differ, 2023-02-28 to 2023-12-28: 2023-02-28: 2 in plan_rows, 22 in the rows;" in output, output
    assert "2023-04-28: 4 in plan_rows, 24 in the rows; …)" in output and "2023-05-28:" not in output


def test_one_differing_date_is_said_as_before(cli, tmp_path):
    indicator = _office(cli, tmp_path, MONTHS[:2])
    execute(cli.url, f"UPDATE milestone SET target = 7 WHERE indicator_id = {indicator} AND due = '2023-02-28'")
    result = cli("db", "check")
    assert result.exit_code == 1 and "(2023-02-28: 2 in plan_rows, 7 in the rows)" in " ".join(result.output.split())

"""sup59b: a unit's weekly report and the cancelled tasks. A unit that led only a task a revision cancelled gets its
report saying so (it was refused, "has no task"); under --unit the 已取消 section holds the cancelled tasks the unit
leads or is responsible for, as the rest of the report; a frozen report whose params lack `lang` is printed and
diffed, not a KeyError."""

import json
from datetime import date

from .conftest import done, refused
from .test_fixplan57 import _five, _plan
from .test_plans59 import _cancelled


def _weekly(cli, unit: str, *more: str):
    return cli("report", "weekly", "-p", "city-2026", "--unit", unit, "--as-of", date.today().isoformat(), *more)


def test_a_unit_that_led_only_a_cancelled_task_gets_its_weekly_report_saying_it_cancelled(cli, tmp_path):
    batch = _cancelled(cli, tmp_path)  # 4 (口袋公园, 市城管局's only task) cancelled
    result = _weekly(cli, "市城管局", "-f", "json")
    done(result)
    data = json.loads(result.stdout)
    assert [row["task"] for row in data["cancelled"]] == [f"4~{batch}"], data["cancelled"]
    assert data["behind"] == [] and data["changes"]["reports"] == [], data
    said = [row["change"] for row in data["changes"]["plan"]]
    assert said == ["task city-2026/4 cancelled (已取消): 建设口袋公园20个: its 1 report kept, not counted"], said
    shown = cli("--lang", "zh", "report", "weekly", "-p", "city-2026", "--unit", "市城管局",
                "--as-of", date.today().isoformat())
    done(shown)
    assert "已取消任务" in shown.stdout and "建设口袋公园20个" in shown.stdout, shown.stdout
    frozen = _weekly(cli, "市城管局", "-f", "json", "--freeze")  # frozen under the plan's name, diffed again
    done(frozen)
    again = cli("report", "diff", "-f", "json")
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["params"]["unit"] == "市城管局"


def test_a_unit_with_no_task_there_at_all_is_still_refused(cli, tmp_path):
    _cancelled(cli, tmp_path)
    result = _weekly(cli, "市无此局")
    refused(result, "no such unit")
    assert result.exit_code == 2 and not isinstance(result.exception, KeyError)


def test_under_unit_the_cancelled_section_holds_the_tasks_it_is_responsible_for_too(cli, tmp_path):
    """4 (口袋公园) led by 市城管局 with 市住建局 responsible: cancelled, it is in 市住建局's report (which covers the
    tasks it leads or helps with), and in no report of 市发改委's."""
    tasks = _five()
    tasks[1] = tasks[1].replace('lead_units = ["市城管局"]', 'lead_units = ["市城管局"]\nunits = ["市住建局"]')
    done(cli("import", "plan", str(_plan(tmp_path, "city.toml", *tasks))))
    for code, name, value in (("3", "小区", "20"), ("4", "公园", "8"), ("5", "充电桩", "400")):  # as _logged
        done(cli("log", f"city-2026/{code}", value, "-i", name, "--as-of", "2026-06-30"))
    done(cli("import", "plan", str(_plan(tmp_path, "rev2.toml", *_five(drop_parks=True)))))
    helper = json.loads(_weekly(cli, "市住建局", "-f", "json").stdout)
    assert [(row["title"], row["lead_units"]) for row in helper["cancelled"]] == [("建设口袋公园20个", ["市城管局"])]
    assert any("cancelled (已取消): 建设口袋公园20个" in row["change"] for row in helper["changes"]["plan"]), helper
    other = json.loads(_weekly(cli, "市发改委", "-f", "json").stdout)
    assert other["cancelled"] == [], other["cancelled"]
    assert not any("已取消" in row["change"] for row in other["changes"]["plan"]), other["changes"]["plan"]


def _write(cli, query: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(cli.url, poolclass=NullPool)
    with engine.begin() as connection:
        connection.execute(text(query))
    engine.dispose()


def test_a_frozen_report_whose_params_lack_lang_is_printed_and_diffed_in_the_report_language(cli, tmp_path):
    _cancelled(cli, tmp_path)
    done(cli("report", "weekly", "-p", "city-2026", "--as-of", date.today().isoformat(), "-f", "json", "--freeze"))
    (params,) = cli.sql("SELECT params FROM report_snapshot")[0]
    old = {key: value for key, value in json.loads(params).items() if key != "lang"}  # as an older mstrack kept it
    _write(cli, f"UPDATE report_snapshot SET params = '{json.dumps(old, ensure_ascii=False)}'")
    again = cli("report", "diff", "1", "-f", "json")
    assert again.exit_code == 0 and again.exception is None, again.output  # was KeyError: 'lang'
    assert json.loads(again.stdout)["changes"] == []
    for fmt in ("md", "json"):
        shown = cli("report", "frozen", "1", "-f", fmt)
        done(shown)
        assert "建设口袋公园20个" in shown.stdout, shown.stdout
    # in the run's report language (report_lang): one not the copy's is a message, the copy itself offered
    refused(cli("--lang", "zh", "report", "frozen", "1", "-f", "md"), "--format json")

"""leftover63: the twenty-second session's leftovers. A unit whose only task a revision cancelled gets `lights --unit`
and `report notice --unit` saying it cancelled, as `report weekly --unit` does (one rule: reports/make.report_unit)."""

import json
from datetime import date

from .conftest import done, refused
from .test_plans59 import _cancelled


def test_lights_for_a_unit_whose_only_task_was_cancelled_says_it_cancelled(cli, tmp_path):
    _cancelled(cli, tmp_path)  # 4 (口袋公园, 市城管局's only task) cancelled
    today = date.today().isoformat()
    result = cli("lights", "-p", "city-2026", "--unit", "市城管局", "--as-of", today, "-f", "json")
    done(result)  # was refused: "市城管局 has no task in city-2026"
    assert json.loads(result.stdout) == [], result.stdout  # no standing task on the board
    shown = cli("--lang", "zh", "lights", "-p", "city-2026", "--unit", "市城管局", "--as-of", today, "-f", "md")
    done(shown)
    assert "建设口袋公园20个" in shown.stdout and "已取消" in shown.stdout, shown.stdout
    assert "充电桩" not in shown.stdout, shown.stdout  # 市发改委's task, not its
    refused(cli("lights", "-p", "city-2026", "--unit", "市无此局"), "no such unit")


def test_a_notice_to_a_unit_whose_only_task_was_cancelled_says_it_cancelled(cli, tmp_path):
    batch = _cancelled(cli, tmp_path)
    result = cli("--lang", "zh", "report", "notice", "-p", "city-2026", "--unit", "市城管局",
                 "--as-of", date.today().isoformat(), "-f", "md")
    done(result)  # was refused: "市城管局 has no task in city-2026"
    assert f"已取消：4~{batch} 建设口袋公园20个" in result.stdout, result.stdout
    assert "你单位牵头的某市2026年民生实事任务" in result.stdout, result.stdout  # its programme named, not "—"
    helper = cli("report", "notice", "-p", "city-2026", "--unit", "市住建局", "-f", "md")  # leads 3: its own notice
    done(helper)
    assert "口袋公园" not in helper.stdout, helper.stdout
    refused(cli("report", "notice", "-p", "city-2026", "--unit", "市无此局", "-f", "md"), "no such unit")


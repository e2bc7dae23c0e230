"""`import progress` of a done word (已完成) in a value cell: the target of a numeric indicator, the checkpoints due of a
text-only line, and a row refused, saying why, where the indicator prints no annual target. Every path that reads
rows (one at a time, a chunk's columns at once, a file naming its tasks in words) reaches the same check
(sources/progress_values.Values._number)."""

from datetime import date, datetime, timedelta

import pytest
from openpyxl import Workbook

from .conftest import refused

HEADER = ["计划", "任务编号", "指标", "截至日期", "数值"]
NO_TARGET = ["dongguan-2023", "7", "室外工程进度", "2023-06-30", "已完成"]  # a % indicator printed with no annual target
NO_TARGET_TOO = ["dongguan-2023", "26", "消防安全知识培训", "2023-06-30", "完成"]  # 人, at least, no annual target
REFUSED = "prints no annual target to be {} against; give the number"


def _csv(path, rows: list[list]) -> str:
    path.write_text("".join(",".join(row) + "\n" for row in rows), encoding="utf-8")
    return str(path)


def _reports(cli) -> int:
    return cli.sql("select count(*) from report")[0][0]


def _stored(cli, programme: str, task: str, indicator: str) -> list[tuple]:
    return [(str(on)[:10], value) for on, value in cli.sql(
        "select r.as_of, r.value from report r join indicator i on i.id = r.indicator_id join task_line l on l.id = i.line_id"
        " join task t on t.id = l.task_id join programme p on p.id = t.programme_id"
        f" where p.code = '{programme}' and t.code = '{task}' and i.name = '{indicator}' order by r.id")]


def test_a_done_word_stores_the_target_of_a_numeric_indicator(demo_cli, tmp_path):
    path = _csv(tmp_path / "p.csv", [HEADER, ["shenzhen-2023", "5", "建设筹集保障性住房", "2023-06-30", "已完成"]])
    result = demo_cli("import", "progress", path)
    assert result.exit_code == 0, result.output
    [(on, value)] = _stored(demo_cli, "shenzhen-2023", "5", "建设筹集保障性住房")
    target = demo_cli.sql("select i.target from indicator i join task_line l on l.id = i.line_id join task t on t.id = l.task_id"
                          " join programme p on p.id = t.programme_id where p.code = 'shenzhen-2023' and t.code = '5'"
                          " and i.name = '建设筹集保障性住房'")[0][0]
    assert (on, value) == ("2023-06-30", target) and target > 0


@pytest.mark.parametrize("rows", [[NO_TARGET], [NO_TARGET_TOO]], ids=["已完成", "完成"])
def test_a_done_word_on_an_indicator_with_no_target_is_refused_saying_why(demo_cli, tmp_path, rows):
    before = _reports(demo_cli)
    path = _csv(tmp_path / "p.csv", [HEADER, *rows])
    stderr = refused(demo_cli("import", "progress", path), f"p.csv:2:数值: {rows[0][2]} " + REFUSED.format(rows[0][4]))
    assert "nothing was written" in stderr
    assert _reports(demo_cli) == before


def test_a_done_word_with_no_target_is_refused_in_a_workbook_and_a_bulk_file(demo_cli, tmp_path):
    """An .xlsx (typed cells) and a CSV long enough for the columnar path (its chunks checked whole) send the row to the
    same check: nothing of the thousand good rows is written."""
    workbook = Workbook()
    workbook.active.append(HEADER)
    workbook.active.append(["dongguan-2023", 7, "室外工程进度", datetime(2023, 6, 30), "已完成"])
    workbook.save(tmp_path / "p.xlsx")
    refused(demo_cli("import", "progress", str(tmp_path / "p.xlsx")), "p.xlsx:2:数值: 室外工程进度 " + REFUSED.format("已完成"))
    plain = [["shenzhen-2023", "5", "建设筹集保障性住房", str(date(2023, 1, 1) + timedelta(days=i % 180)), str(100 + i)]
             for i in range(1500)]
    rows = [HEADER, *plain[:1199], NO_TARGET, *plain[1199:1298], NO_TARGET_TOO, *plain[1298:]]
    before = _reports(demo_cli)
    stderr = refused(demo_cli("import", "progress", _csv(tmp_path / "bulk.csv", rows)),
                     "bulk.csv:1201:数值: 室外工程进度 " + REFUSED.format("已完成"),
                     "bulk.csv:1301:数值: 消防安全知识培训 " + REFUSED.format("完成"))
    assert "2 problems; nothing was written" in stderr
    assert _reports(demo_cli) == before


def test_a_done_word_with_no_target_is_refused_in_a_file_naming_its_tasks(demo_cli, tmp_path):
    title = demo_cli.sql("select t.title from task t join programme p on p.id = t.programme_id"
                         " where p.code = 'dongguan-2023' and t.code = '7'")[0][0]
    before = _reports(demo_cli)
    path = _csv(tmp_path / "p.csv", [["计划", "任务名称", "指标", "截至日期", "数值"],
                                     ["dongguan-2023", title, "室外工程进度", "2023-06-30", "已完成"]])
    refused(demo_cli("import", "progress", path), "p.csv:2:数值: 室外工程进度 " + REFUSED.format("已完成"))
    assert _reports(demo_cli) == before


@pytest.mark.parametrize(("on", "word", "met"), [("2023-06-30", "已完成", 2), ("2023-02-01", "已完成", 1), ("2023-06-30", "全部完成", 4)])
def test_a_done_word_on_a_text_only_line_counts_its_checkpoints(demo_cli, tmp_path, on, word, met):
    """已完成: the checkpoints due by the row's day (at least one); 全部完成: all of them. shenzhen-2023/2 has four,
    due at each quarter's end."""
    path = _csv(tmp_path / "p.csv", [HEADER, ["shenzhen-2023", "2", "", on, word]])
    result = demo_cli("import", "progress", path)
    assert result.exit_code == 0, result.output
    assert _stored(demo_cli, "shenzhen-2023", "2", "进度安排") == [(on, met)]

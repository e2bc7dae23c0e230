"""`import progress` with the files units really send (a month of weekly supervision): their own row numbers in
序号 beside the task's name, a 填报单位, a 合计 row, 已完工 for done, a late figure, no 填报人."""

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from openpyxl import Workbook

import mstrack

from .conftest import refused


def csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def reports(cli) -> list[tuple]:
    """(task, indicator, value, reporter) of every report of shenzhen-2023 (the demo's has none), in order."""
    return [(task, name, float(value), reporter) for task, name, value, reporter in cli.sql(
        "select t.code, i.name, r.value, r.reporter from report r join indicator i on r.indicator_id = i.id"
        " join task_line l on i.line_id = l.id join task t on l.task_id = t.id join programme p on t.programme_id = p.id"
        " where p.code = 'shenzhen-2023' order by r.id")]


OWN_NUMBERS = """计划,序号,任务名称,指标,截至日期,数值
shenzhen-2023,1,老旧小区改造,完成老旧小区改造,2023-06-30,50
shenzhen-2023,2,新能源汽车充电设施,,2023-06-30,70000
"""


def test_a_units_own_row_numbers_beside_the_task_names_are_refused_not_put_on_tasks_1_and_2(demo_cli, tmp_path):
    before = reports(demo_cli)
    result = demo_cli("import", "progress", str(csv(tmp_path / "周报.csv", OWN_NUMBERS)))
    error = refused(result, "column 序号 looks like the unit's own row numbers", "rename or delete column 序号",
                    "matched by 任务名称")
    assert "周报.csv:2:任务名称: '老旧小区改造' is not the task 序号 '1' names: shenzhen-2023/1 is '新建扩建医院" in error
    assert "'老旧小区改造' names task 6" in error
    assert "周报.csv:3:任务名称: '新能源汽车充电设施' is not the task 序号 '2' names" in error
    assert reports(demo_cli) == before


def test_the_installed_command_refuses_own_row_numbers_too(demo_cli, tmp_path):
    path = csv(tmp_path / "周报.csv", OWN_NUMBERS)
    env = {**os.environ, "PYTHONPATH": str(Path(mstrack.__file__).parents[1]), "MSTRACK_LANG": "en"}  # the mstrack tested
    run = subprocess.run([sys.executable, "-m", "mstrack", "--db", str(demo_cli.db), "import", "progress", str(path)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 2, run.stderr
    assert "looks like the unit's own row numbers" in run.stderr and "Traceback" not in run.stderr


def test_one_row_whose_name_is_another_task_is_named_with_both_values(demo_cli, tmp_path):
    path = csv(tmp_path / "a.csv", "计划,任务编号,项目名称,指标,截至日期,数值\n"
                                   "shenzhen-2023,6,老旧 小区改造,完成老旧小区改造,2023-06-30,50\n"  # spacing
                                   "shenzhen-2023,28,新能源汽车充电设施,,2023-06-30,70000\n")
    error = refused(demo_cli("import", "progress", str(path)), "a.csv:3:项目名称: '新能源汽车充电设施' is not the task 任务编号 '28'"
                    " names: shenzhen-2023/28 is '新增就业", "names task 27")
    assert "own row numbers" not in error and "a.csv:2" not in error
    assert reports(demo_cli) == []


def test_codes_and_names_that_agree_are_imported_traditional_or_simplified(demo_cli, tmp_path):
    path = csv(tmp_path / "a.csv", "计划,任务编号,任务名称,指标,截至日期,数值\n"
                                   "shenzhen-2023,6,老舊小區改造,完成老旧小区改造,2023-06-30,50\n"
                                   "shenzhen-2023,27,1、新建新能源汽车充电设施,,2023-06-30,70000\n")
    result = demo_cli("import", "progress", str(path), "--by", "张三")
    assert result.exit_code == 0, result.output
    assert reports(demo_cli) == [("6", "完成老旧小区改造", 50.0, "张三"), ("27", "新建新能源汽车充电设施", 70000.0, "张三")]


def test_a_name_column_alone_finds_its_task_when_the_name_is_unique(demo_cli, tmp_path):
    path = csv(tmp_path / "a.csv", "计划,工作任务,指标,截至日期,数值\n"
                                   "shenzhen-2023,新能源汽车充电设施,,2023-06-30,70000\n")
    result = demo_cli("import", "progress", str(path), "--by", "张三")
    assert result.exit_code == 0, result.output
    assert reports(demo_cli) == [("27", "新建新能源汽车充电设施", 70000.0, "张三")]
    unknown = csv(tmp_path / "b.csv", "计划,工作任务,指标,截至日期,数值\nshenzhen-2023,登月工程,,2023-06-30,1\n")
    refused(demo_cli("import", "progress", str(unknown)), "b.csv:2:工作任务: shenzhen-2023 has no task named '登月工程'")
    several = csv(tmp_path / "c.csv", "计划,工作任务,指标,截至日期,数值\nshenzhen-2023,改造,,2023-06-30,1\n")
    refused(demo_cli("import", "progress", str(several)), "c.csv:2:工作任务: '改造' names", "give the task's code")


def test_a_task_reported_by_an_office_not_among_its_units_is_a_warning_naming_the_rows(demo_cli, tmp_path):
    path = csv(tmp_path / "a.csv", "计划,任务编号,指标,截至日期,数值,填报单位\n"
                                   "shenzhen-2023,28,,2023-06-30,90000,市民政局\n"
                                   "shenzhen-2023,27,,2023-06-30,70000,南山区人民政府\n"  # 各区人民政府: its own
                                   "shenzhen-2023,28,,2023-07-01,95000,市民政局\n")
    result = demo_cli("import", "progress", str(path), "--by", "张三")
    assert result.exit_code == 0, result.output
    assert "a.csv: rows 2, 4: 市民政局 reports shenzhen-2023/28, whose units are 市人力资源保障局" in result.stderr
    assert "南山区" not in result.stderr
    assert len(reports(demo_cli)) == 3  # a warning, not a refusal: offices report for each other


def test_a_reporting_unit_line_above_the_header_is_read_too(demo_cli, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["民生实事进度报送表"])
    sheet.append(["填报单位：市民政局"])
    sheet.append(["计划", "任务编号", "指标", "截至日期", "数值"])
    sheet.append(["shenzhen-2023", "28", None, "2023-06-30", 90000])
    workbook.save(tmp_path / "a.xlsx")
    result = demo_cli("import", "progress", str(tmp_path / "a.xlsx"), "--by", "张三")
    assert result.exit_code == 0, result.output
    assert "a.xlsx: row 4: 市民政局 reports shenzhen-2023/28" in result.stderr
    sheet["A2"] = "填报单位（盖章）：市人力资源保障局    填报日期：2023年7月1日"  # its own task: nothing to say
    workbook.save(tmp_path / "b.xlsx")
    own = demo_cli("import", "progress", str(tmp_path / "b.xlsx"), "--by", "张三")
    assert own.exit_code == 0 and "reports shenzhen-2023/28" not in own.stderr, own.output
    sheet["A2"], sheet["B2"] = "填报单位：", "市民政局"  # the office in the next cell
    workbook.save(tmp_path / "c.xlsx")
    assert "c.xlsx: row 4: 市民政局 reports shenzhen-2023/28" in demo_cli("import", "progress", str(tmp_path / "c.xlsx")).stderr


def test_a_total_row_at_the_bottom_is_skipped_and_said(demo_cli, tmp_path):
    path = csv(tmp_path / "a.csv", "计划,任务编号,指标,截至日期,数值\n"
                                   "shenzhen-2023,27,,2023-06-30,70000\n"
                                   "shenzhen-2023,28,,2023-06-30,90000\n"
                                   ",合  计,,,160000\n")
    result = demo_cli("import", "progress", str(path), "--by", "张三")
    assert result.exit_code == 0, result.output
    assert "1 row of totals (合计, 小计) skipped: " in result.stdout and "a.csv:4" in result.stdout
    assert len(reports(demo_cli)) == 2
    named = csv(tmp_path / "b.csv", "计划,序号,项目名称,指标,截至日期,数值\n"
                                    "shenzhen-2023,27,新能源汽车充电设施,,2023-06-30,70000\n,,总计,,,70000\n")
    data = json.loads(demo_cli("import", "progress", str(named), "--dry-run", "--format", "json").stdout)
    assert (data["total_rows"], data["errors"], data["unchanged"]) == (1, [], 1)


def test_done_words_units_write_are_done_in_import_and_log(demo_cli, tmp_path):
    path = csv(tmp_path / "a.csv", "计划,任务编号,指标,截至日期,数值\n"
                                   "shenzhen-2023,2,,2023-06-30,已完工\n"  # a text-only line: the checkpoints due
                                   "shenzhen-2023,27,,2023-06-30,已建成\n")  # a quantity: its target
    result = demo_cli("import", "progress", str(path), "--by", "张三")
    assert result.exit_code == 0, result.output
    assert reports(demo_cli) == [("2", "进度安排", 2.0, "张三"), ("27", "新建新能源汽车充电设施", 150000.0, "张三")]
    logged = demo_cli("log", "shenzhen-2023/4", "已完成", "--as-of", "2023-06-30", "--by", "张三")
    assert logged.exit_code == 0, logged.output
    assert reports(demo_cli)[-1] == ("4", "进度安排", 2.0, "张三")  # as import reads it: the 2 checkpoints due (safe38)


def test_a_late_value_above_a_later_days_report_is_said_as_log_says_it(demo_cli, tmp_path):
    assert demo_cli("log", "shenzhen-2023/27", "50000", "--as-of", "2023-06-30").exit_code == 0
    said = demo_cli("log", "shenzhen-2023/27", "60000", "--as-of", "2023-05-31", "--by", "张三").stderr
    path = csv(tmp_path / "a.csv", "计划,任务编号,指标,截至日期,数值\nshenzhen-2023,27,,2023-05-30,60000\n")
    result = demo_cli("import", "progress", str(path), "--by", "张三")
    assert result.exit_code == 0, result.output
    warning = ("6万个 as of 2023-05-30 is higher than the 5万个 reported as of 2023-06-30, a later day; values are cumulative")
    assert "a.csv:2: shenzhen-2023/27 新建新能源汽车充电设施: " + warning in result.stderr
    assert warning.replace("05-30", "05-31") in said


def test_without_by_or_a_reporter_column_the_reporter_is_the_login_or_role_as_in_log(demo_cli, tmp_path):
    path = csv(tmp_path / "a.csv", "计划,任务编号,指标,截至日期,数值\nshenzhen-2023,27,,2023-06-30,70000\n")
    login = {"LOGNAME": "王五", "USER": "王五"}
    assert demo_cli("import", "progress", str(path), env=login).exit_code == 0
    assert demo_cli("log", "shenzhen-2023/28", "90000", "--as-of", "2023-06-30", env=login).exit_code == 0
    role = urlsplit(demo_cli.url).username  # on a server the role connected as, not the machine's login (trial53 F3)
    assert [r[3] for r in reports(demo_cli)] == [role or "王五"] * 2


def test_name_one_says_how_the_header_was_read(demo_cli, tmp_path):
    path = csv(tmp_path / "a.csv", "计划,任务编号,指标项,截至日期,数值\nshenzhen-2023,6,完成老旧小区改造,2023-06-30,50\n")
    refused(demo_cli("import", "progress", str(path)), "has 4 indicators; name one", "the header read: 计划 as programme;"
            " 任务编号 as task; 截至日期 as as_of; 数值 as value; not read: 指标项")

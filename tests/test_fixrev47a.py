"""review47 F1, F2, F3, F4, F7: a collective lead's 填报单位 ("各区人民政府") is no one office, so its returns are compared
by their reporters; a unit's own corrected return is its own after `db upgrade` (reports stored before m011 name no
unit) and when sent again under another file name (a v2 of this week's form); a January year-end figure of a rate of
change may fall, as `log` takes it; the 本期目标 beside a done word is read by the template's own rule."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from .conftest import done, plan_task, plan_tasks, refused, write_plan
from .test_safe47b import filled, form, standing


def collective(tmp_path: Path) -> str:
    task = plan_task("1", "新增学位", "各区人民政府", "学位", "个", 1000, units=["各区人民政府"])
    return str(write_plan(tmp_path / "c.toml", plan_tasks(task)))


def districts(tmp_path: Path) -> str:
    task = plan_task("1", "新增学位", "各区人民政府", "学位", "个", 1000, units=["福田区", "南山区"])
    return str(write_plan(tmp_path / "d.toml", plan_tasks(task)))


# F1 ------------------------------------------------------------------------------------------------------------------

def test_two_districts_returns_of_a_collective_leads_form_do_not_replace_each_other(cli, tmp_path):
    done(cli("import", "plan", collective(tmp_path)))
    blank = form(cli, tmp_path, "form.xlsx", "--unit", "各区人民政府", "--as-of", "2023-06-30")
    for district in ("福田区", "南山区"):
        (tmp_path / district).mkdir()
    futian = filled(blank, tmp_path / "福田区" / "进度报送表.xlsx", {"学位": 300}, "张三")
    nanshan = filled(blank, tmp_path / "南山区" / "进度报送表.xlsx", {"学位": 200}, "李四")
    done(cli("import", "progress", str(futian)))
    refused(cli("import", "progress", str(nanshan)), "进度报送表.xlsx:3", "300", "200", "张三", "--reason")
    assert standing(cli) == [("学位", "2023-06-30", 300)]


def test_a_collective_line_on_a_csv_return_is_compared_by_reporters(cli, tmp_path):
    done(cli("import", "plan", collective(tmp_path)))
    for name, value, who in (("f.csv", 300, "张三"), ("n.csv", 200, "李四"), ("f2.csv", 320, "张三")):
        (tmp_path / name).write_text(f"填报单位：各区人民政府\n计划,任务编号,截至日期,数值,填报人\nx-2023,1,2023-06-30,{value},{who}\n",
                                     encoding="utf-8")
    done(cli("import", "progress", str(tmp_path / "f.csv")))
    refused(cli("import", "progress", str(tmp_path / "n.csv")), "n.csv:3", "张三", "李四", "--reason")
    logged = cli("log", "x-2023/1", "200", "--as-of", "2023-06-30", "--unit", "各区人民政府", "--by", "李四")
    refused(logged, "张三", "another reporter", "--reason")
    result = cli("import", "progress", str(tmp_path / "f2.csv"))  # 张三's own correction: a correction
    done(result)
    assert "1 corrected" in result.output
    assert standing(cli)[-1] == ("学位", "2023-06-30", 320)


# F2 ------------------------------------------------------------------------------------------------------------------

def back_to_version_10(url: str) -> None:
    """The store as it was before m011 (no reporting unit on a report); `db upgrade` then adds the column, empty."""
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as connection:
        connection.exec_driver_sql("ALTER TABLE report DROP COLUMN reporting_unit")
        connection.exec_driver_sql("ALTER TABLE batch DROP COLUMN terminal")  # and version 14's
        for column in ("last_batch", "part", "seen_batches", "seen_schema"):  # and 15's, 17's
            connection.exec_driver_sql(f"ALTER TABLE report_snapshot DROP COLUMN {column}")
        connection.exec_driver_sql("ALTER TABLE task DROP COLUMN cancelled_by")  # and 16's
        connection.exec_driver_sql("DELETE FROM schema_version WHERE version >= 11")
    engine.dispose()


def unit_csv(tmp_path: Path, name: str, unit: str, value: int) -> str:
    path = tmp_path / name
    path.write_text(f"填报单位：{unit}\n计划,任务编号,截至日期,数值\nx-2023,1,2023-06-30,{value}\n", encoding="utf-8")
    return str(path)


def test_after_db_upgrade_a_units_own_v2_without_reporter_is_a_correction(cli, tmp_path):
    done(cli("import", "plan", districts(tmp_path)))
    done(cli("import", "progress", unit_csv(tmp_path, "v1.csv", "福田区", 300)))
    back_to_version_10(cli.url)
    done(cli("db", "upgrade"))
    assert cli.sql("SELECT reporting_unit FROM report") == [(None,)]
    result = cli("import", "progress", unit_csv(tmp_path, "v2.csv", "福田区", 320))
    done(result)
    assert "1 corrected" in result.output and "300个 → 320个" in result.output
    assert standing(cli)[-1] == ("学位", "2023-06-30", 320)


def test_after_db_upgrade_another_units_return_by_another_reporter_is_still_refused(cli, tmp_path):
    done(cli("import", "plan", districts(tmp_path)))
    (tmp_path / "v1.csv").write_text("填报单位：福田区\n计划,任务编号,截至日期,数值,填报人\nx-2023,1,2023-06-30,300,张三\n",
                                     encoding="utf-8")
    done(cli("import", "progress", str(tmp_path / "v1.csv")))
    back_to_version_10(cli.url)
    done(cli("db", "upgrade"))
    refused(cli("import", "progress", unit_csv(tmp_path, "n.csv", "南山区", 200)), "n.csv:3", "张三", "--reason")
    assert standing(cli) == [("学位", "2023-06-30", 300)]


# F3 ------------------------------------------------------------------------------------------------------------------

def test_a_units_v2_of_this_weeks_form_under_another_name_is_a_correction(cli, tmp_path):
    done(cli("import", "plan", districts(tmp_path)))
    done(cli("log", "x-2023/1", "100", "--as-of", "2023-03-31", "--by", "福田区"))
    blank = form(cli, tmp_path, "form.xlsx", "--unit", "福田区", "--as-of", "2023-06-30")
    done(cli("import", "progress", str(filled(blank, tmp_path / "福田区-v1.xlsx", {"学位": 300}, "张三"))))
    result = cli("import", "progress", str(filled(blank, tmp_path / "福田区-v2.xlsx", {"学位": 320}, "张三")))
    done(result)
    assert "1 corrected" in result.output and "300个 → 320个" in result.output
    assert standing(cli)[-1] == ("学位", "2023-06-30", 320)


def test_a_form_made_before_a_report_between_its_last_date_and_its_row_is_refused(cli, tmp_path):
    """The form knew of 03-31 only; a report of 05-31 came after it was made: the form cannot be this week's."""
    done(cli("import", "plan", districts(tmp_path)))
    done(cli("log", "x-2023/1", "100", "--as-of", "2023-03-31", "--by", "福田区"))
    blank = form(cli, tmp_path, "form.xlsx", "--unit", "福田区", "--as-of", "2023-06-30")
    done(cli("import", "progress", str(filled(blank, tmp_path / "v1.xlsx", {"学位": 300}, "张三"))))
    done(cli("log", "x-2023/1", "200", "--as-of", "2023-05-31", "--by", "福田区"))
    refused(cli("import", "progress", str(filled(blank, tmp_path / "v2.xlsx", {"学位": 320}, "张三"))),
            "v2.xlsx:3", "2023-05-31", "上次日期", "2023-03-31", "--reason")
    refused(cli("--lang", "zh", "import", "progress", str(tmp_path / "v2.xlsx")), "2023-05-31 的报送之前", "旧表")
    assert standing(cli)[-1] == ("学位", "2023-05-31", 200)


# F4 ------------------------------------------------------------------------------------------------------------------

def test_a_january_year_end_rate_of_change_below_decembers_is_a_warning(cli, tmp_path):
    task = plan_task("1", "经济增长", "市发改委", "地区生产总值增速", "%", 6)
    done(cli("import", "plan", str(write_plan(tmp_path / "g.toml", plan_tasks(task)))))
    (tmp_path / "dec.csv").write_text("计划,任务编号,截至日期,数值\nx-2023,1,2023-12-31,6.5\n", encoding="utf-8")
    (tmp_path / "jan.csv").write_text("计划,任务编号,截至日期,数值\nx-2023,1,2024-01-20,6.2\n", encoding="utf-8")
    done(cli("import", "progress", str(tmp_path / "dec.csv")))
    result = cli("import", "progress", str(tmp_path / "jan.csv"))
    done(result)
    assert "lower than 6.5%" in result.output
    assert standing(cli)[-1] == ("地区生产总值增速", "2024-01-20", 6.2)


# F7 ------------------------------------------------------------------------------------------------------------------

def test_done_beside_the_forms_target_after_the_last_checkpoint_is_read_by_the_templates_rule(cli, tmp_path):
    """Past its last checkpoint (09-30: 20所) the form shows that checkpoint's figure as 本期目标; the import reads the
    same rule (domain.progress.period_target), so 已完成 beside it is not taken as the year's 30所."""
    task = plan_task("1", "新建学校", "县教育局", "学校", "所", 30, milestones=[("2023-06-30", 15), ("2023-09-30", 20)])
    done(cli("import", "plan", str(write_plan(tmp_path / "p.toml", plan_tasks(task)))))
    path = tmp_path / "form.xlsx"
    done(cli("export", "template", "x-2023", "--unit", "县教育局", "--as-of", "2023-11-30", "-o", str(path)))
    book = openpyxl.load_workbook(path)
    sheet = book.active
    header = next(row for row in (1, 2) if any(cell.value == "指标" for cell in sheet[row]))
    column = {cell.value: cell.column for cell in sheet[header]}
    assert "20所" in sheet.cell(header + 1, column["本期目标"]).value
    sheet.cell(header + 1, column["数值"]).value = "已完成"
    book.save(path)
    refused(cli("import", "progress", str(path)), "form.xlsx:3:数值", "已完成", "20所", "30所")
    assert standing(cli) == []

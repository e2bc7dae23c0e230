"""ret48 (3, 5): "did the row give its reporter?" has one answer on both row paths (the chunk path's plain rows and the
per-row path's): a 填报人 of spaces or empty gives none, a number gives one (its digits); and what a collective lead's
form (各区人民政府) returned with 填报人 empty records: the importer's login as reporter, the form's 填报单位 as written,
said on import (which district's figures they are is nowhere in the return)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from mstrack.sources.progress_cells import reporter_given

from .conftest import done, plan_task, plan_tasks, refused, write_plan
from .test_safe47b import filled, form


def collective(tmp_path: Path) -> str:
    task = plan_task("1", "新增学位", "各区人民政府", "学位", "个", 1000, units=["各区人民政府"])
    return str(write_plan(tmp_path / "c.toml", plan_tasks(task)))


def csv_return(path: Path, value: str, who: str) -> str:
    path.write_text(f'填报单位：各区人民政府\n计划,任务编号,截至日期,数值,填报人\nx-2023,1,2023-06-30,{value},"{who}"\n',
                    encoding="utf-8")
    return str(path)


def xlsx_return(path: Path, value, who) -> str:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in (["填报单位：各区人民政府"], ["计划", "任务编号", "截至日期", "数值", "填报人"], ["x-2023", "1", "2023-06-30", value, who]):
        sheet.append(row)
    workbook.save(path)
    return str(path)


@pytest.mark.parametrize("cell, given", [(None, False), ("", False), ("   ", False), ("\u3000", False), (" 张三 ", True),
                                         (7.0, True), (0, True)])
def test_the_one_answer_to_whether_a_reporter_cell_gives_its_reporter(cell, given):
    assert reporter_given(cell) is given


@pytest.mark.parametrize("kind, value, who, by", [
    ("csv", "200", "   ", None),  # a plain row: the chunk path; None: the login it is stored as (review53 F1)
    ("csv", "200（区报）", "   ", None),  # a remark: the per-row path
    ("csv", "200", "", None),
    ("xlsx", 200, "  ", None),
    ("xlsx", 200, 7, "by 7"),  # a number: the per-row path (the chunk path takes texts only)
    ("xlsx", "200（区报）", "李四", "by 李四"),
])
def test_both_row_paths_agree_on_whether_the_row_gave_its_reporter(cli, tmp_path, kind, value, who, by):
    done(cli("import", "plan", collective(tmp_path)))
    done(cli("import", "progress", csv_return(tmp_path / "f.csv", "300", "张三")))
    path = (csv_return if kind == "csv" else xlsx_return)(tmp_path / f"n.{kind}", value, who)
    said = refused(cli("import", "progress", path), "n." + kind + ":3", "300", "张三", "--reason")
    assert (by or "here (by ") in said and "by —" not in said  # who the row is from, never "—"


def test_a_collective_form_with_no_reporter_records_the_login_and_the_forms_unit_and_says_so(cli, tmp_path):
    done(cli("import", "plan", collective(tmp_path)))
    blank = form(cli, tmp_path, "form.xlsx", "--unit", "各区人民政府", "--as-of", "2023-06-30")
    result = cli("import", "progress", str(filled(blank, tmp_path / "福田.xlsx", {"学位": 300})))
    done(result)
    assert "各区人民政府" in result.stderr and "填报人" in result.stderr and "--unit" in result.stderr, result.stderr
    (reporter, unit), = cli.sql("SELECT reporter, reporting_unit FROM report")
    assert unit == "各区人民政府" and reporter  # the login, whoever runs the tests
    named = cli("import", "progress", str(filled(blank, tmp_path / "南山.xlsx", {"学位": 200}, "李四")),
                "--reason", "南山区报送")
    done(named)
    assert "填报人" not in named.stderr, named.stderr  # a row naming its reporter: nothing to say

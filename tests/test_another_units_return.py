"""A return from another unit (or reporter) for a task and date another already reported is refused as the same pair
in one import is, naming both, unless --reason says it is a correction (safety46 F9)."""

from __future__ import annotations

import pytest

from tests.conftest import done, plan_task, plan_tasks, refused, write_plan


def districts(tmp_path):
    task = plan_task("1", "新建学位 1000 个", "各区人民政府", "新增学位", "个", 1000, units=["各区人民政府", "市教育局"],
                     also=[("新建学校", "所", 3)])
    return str(write_plan(tmp_path / "p.toml", plan_tasks(task)))


def return_of(tmp_path, name: str, unit: str, value: int | str, reporter: str) -> str:
    path = tmp_path / name
    # a row of the same day before it (its date read once): the chunk path's plain row
    earlier = f"x-2023,1,新建学校,2023-06-30,1,,{reporter}\n" if name.startswith("two") else ""
    path.write_text(f"填报单位：{unit}\n计划,任务编号,指标,截至日期,数值,备注,填报人\n{earlier}"
                    f"x-2023,1,新增学位,2023-06-30,{value},{unit}完成,{reporter}\n", encoding="utf-8")
    return str(path)


def standing(cli) -> list[tuple]:
    return cli.sql("SELECT value, reporter, source FROM report WHERE id NOT IN (SELECT report_id FROM report_retraction)"
                   " ORDER BY id")


@pytest.mark.parametrize(("name", "cell"), [("nanshan.csv", "200"), ("nanshan.csv", "200（含在建）"), ("two.csv", "200")])
def test_a_second_units_return_for_the_same_day_does_not_replace_the_first_silently(cli, tmp_path, name, cell):
    """One row (read by the row path), one with a remark, and a row after one of the same day (the chunk path's)."""
    done(cli("import", "plan", districts(tmp_path)))
    done(cli("import", "progress", return_of(tmp_path, "futian.csv", "福田区人民政府", 300, "张三")))
    nanshan = return_of(tmp_path, name, "南山区人民政府", cell, "李四")
    for dry in ([], ["--dry-run"]):
        said = refused(cli("import", "progress", nanshan, *dry), f"{name}:{4 if name == 'two.csv' else 3}", "200", "300",
                       "张三", "futian.csv", "2023-06-30", "--reason")
        assert "李四" in said
    assert [row[:2] for row in standing(cli)] == [(300, "张三")]
    done(cli("import", "progress", nanshan, "--reason", "南山区更正全区数"))
    assert [row[:2] for row in standing(cli)][-1] == (200, "李四")


def test_a_units_own_correction_is_still_a_correction(cli, tmp_path):
    done(cli("import", "plan", districts(tmp_path)))
    done(cli("import", "progress", return_of(tmp_path, "futian.csv", "福田区人民政府", 300, "张三")))
    result = cli("import", "progress", return_of(tmp_path, "futian2.csv", "福田区人民政府", 320, "张三"))
    done(result)
    assert "1 corrected" in result.output
    assert standing(cli)[-1][:2] == (320, "张三")

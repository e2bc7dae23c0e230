"""`import table --progress-as-of` (fix49d): a figure of a progress column counts for an indicator only when its
column's period covers the date and its words name the indicator; one figure goes to one indicator; every other
figure is a `check:` doubt that `--strict` refuses, never a value in the sheet."""

from __future__ import annotations

import pytest

from tests.conftest import import_table, write_table

HEADER = ["序号", "工作任务", "责任单位", "完成时限", "1-10月推进情况", "1-11月推进情况"]


def sheet_rows(tmp_path, rows, as_of="2024-11-30", *options):
    result, plan = import_table(write_table(tmp_path / "进度.csv", [HEADER, *rows]), "--progress-as-of", as_of, *options)
    sheet = tmp_path / "plan.progress.csv"
    lines = sheet.read_text(encoding="utf-8").splitlines()[1:] if sheet.exists() else None
    return result, [line.split(",")[2:5] for line in lines] if lines is not None else None


def test_the_column_whose_period_covers_the_date_is_read_not_the_older_one(tmp_path):
    result, rows = sheet_rows(tmp_path, [["1", "新建垃圾中转站8个", "区城管局", "12月底前", "已建成垃圾中转站3个", "已建成垃圾中转站7个"]])
    assert result.exit_code == 0, result.output
    assert rows == [["新建垃圾中转站", "2024-11-30", "7"]]


def test_no_column_covering_the_date_writes_nothing_and_says_it(tmp_path):
    result, rows = sheet_rows(tmp_path, [["1", "新建垃圾中转站8个", "区城管局", "12月底前", "已建成垃圾中转站3个", "已建成垃圾中转站7个"]],
                              "2024-12-31")
    assert result.exit_code == 0, result.output
    assert rows == []
    assert "check: 进度.csv: column 1-11月推进情况: progress to 2024-11-30, not as of 2024-12-31" in result.stderr


def test_a_figure_of_another_noun_in_the_same_unit_is_a_doubt_and_strict_refuses(tmp_path):
    row = ["1", "新增达标小区210个", "区城管局", "12月底前", "第一批451个厢房正在制作", "第一批451个厢房正在制作"]
    result, rows = sheet_rows(tmp_path, [row])
    assert result.exit_code == 0 and rows == []
    assert "row 2, column 1-10月推进情况｜1-11月推进情况: task 1, “新增达标小区”: no figure of “第一批451个厢房正在制作”" \
        in result.stderr
    (tmp_path / "plan.toml").unlink()
    (tmp_path / "plan.progress.csv").unlink()
    refused, rows = sheet_rows(tmp_path, [row], "2024-11-30", "--strict")
    assert refused.exit_code == 2 and "厢房" in refused.stderr
    assert "--strict: 0 `# check:` doubts in the plan, 1 doubt of the progress file; nothing written" in refused.stderr
    assert rows is None and not (tmp_path / "plan.toml").exists()


@pytest.mark.parametrize(("task", "done", "expected"), [
    ("新建建筑垃圾中转站8个、建筑垃圾分类池20个", "已建成建筑垃圾中转站7个、分类池17个",
     [["新建建筑垃圾中转站", "7"], ["建筑垃圾分类池", "17"]]),
    ("既有多层住宅加装电梯新增200台、完工150台", "新增81台；完工52台", [["既有多层住宅加装电梯新增", "81"], ["完工", "52"]]),
    ("挖掘零工岗位1500个、开发公益性岗位80个", "挖掘零工岗位1768个;开发公益性岗位25个",
     [["挖掘零工岗位", "1768"], ["开发公益性岗位", "25"]]),
    ("新建公共充电桩120个、其中农村80个", "新建公共充电桩99个；其中农村79个", [["新建公共充电桩", "99"], ["农村", "79"]]),
])
def test_each_figure_goes_to_the_indicator_its_words_name_and_to_one_only(tmp_path, task, done, expected):
    result, rows = sheet_rows(tmp_path, [["1", task, "区城管局", "12月底前", "", done]])
    assert result.exit_code == 0, result.output
    assert sorted([name, value] for name, _, value in rows) == sorted(expected)

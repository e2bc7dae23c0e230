"""Numbered dates paired with the works they name (fix50d, trial50 T1): a 完成时限 cell numbering several dates, each
naming its work ("1、物流中心7月1日… 2、南岩…2022年12月底… 3、钟楼…10月1日前…"), beside a content cell listing the works in
another order: each date is the checkpoint of the clause that names the same place or thing, not of the clause in
its position; where no name decides, the order; a doubt when the dates and the works are not as many."""

from __future__ import annotations

from datetime import date

from tests.conftest import convert_written

HEADER = ["序号", "项目名称", "工作任务", "计划完成时间", "牵头单位"]
WORKS = "建成东区物流中心并投入运行；完成钟楼菜场提升改造；动工建设南岩菜场，完成地下室基础工程"
NAMED = "1、东区物流中心7月1日投入试运营\n2、南岩菜场计划2025年12月底完成项目建设\n3、钟楼菜场星级改造计划10月1日前完成项目建设"


def checkpoints(tmp_path, works: str, dates: str, name: str = "t.csv"):
    conversion = convert_written(tmp_path, name, [HEADER, ["1", "菜场提升项目", works, dates, "公共服务集团"]])
    [task] = conversion.programme.tasks
    return [(cp.due, cp.label, cp.text) for line in task.lines for cp in line.checkpoints], conversion


def test_a_dated_part_is_the_checkpoint_of_the_work_it_names(tmp_path):
    read, conversion = checkpoints(tmp_path, WORKS, NAMED)
    assert [(due, text) for due, _, text in read] == [
        (date(2024, 7, 1), "建成东区物流中心并投入运行"),
        (date(2024, 10, 1), "完成钟楼菜场提升改造"),  # 钟楼's date, not 南岩's work
        (date(2025, 12, 31), "动工建设南岩菜场，完成地下室基础工程")]
    assert all(("钟楼" in label) == ("钟楼" in text) and ("南岩" in label) == ("南岩" in text) for _, label, text in read)
    assert conversion.doubts == []  # the names decide: nothing to check


def test_dates_that_name_no_work_take_the_works_in_order(tmp_path):
    read, conversion = checkpoints(tmp_path, "完成设计招标；完成主体工程；竣工验收", "1.2024年5月\n2.2024年9月\n3.2024年12月")
    assert [(due, text) for due, _, text in read] == [
        (date(2024, 5, 31), "完成设计招标"), (date(2024, 9, 30), "完成主体工程"), (date(2024, 12, 31), "竣工验收")]
    assert conversion.doubts == []


def test_one_named_part_is_paired_by_name_the_others_by_order(tmp_path):
    read, _ = checkpoints(tmp_path, "完成设计招标；完成钟楼菜场主体工程；竣工验收",
                          "1.2024年5月\n2.2024年9月\n3.钟楼菜场2024年6月底前完成主体")
    assert sorted((due, text) for due, _, text in read) == [
        (date(2024, 5, 31), "完成设计招标"), (date(2024, 6, 30), "完成钟楼菜场主体工程"), (date(2024, 9, 30), "竣工验收")]


def test_dates_and_works_not_as_many_say_a_doubt(tmp_path):
    read, conversion = checkpoints(tmp_path, "新建东区物流中心；改造钟楼菜场", "1.2024年5月\n2.2024年9月\n3.2024年12月")
    assert [(due, text) for due, _, text in read] == [  # each date's own words, as before
        (date(2024, 5, 31), "2024年5月"), (date(2024, 9, 30), "2024年9月"), (date(2024, 12, 31), "2024年12月")]
    assert len(conversion.doubts) == 1 and "3 numbered dates" in str(conversion.doubts[0])


def test_the_store_tracks_the_named_work_at_its_own_date(tmp_path, cli):
    import json

    from tests.conftest import import_table, write_table

    rows = [HEADER, ["1", "菜场提升项目", WORKS, NAMED, "公共服务集团"]]
    result, plan = import_table(write_table(tmp_path / "t.csv", rows))
    assert result.exit_code == 0, result.output
    assert cli("import", "plan", str(plan)).exit_code == 0
    [row] = json.loads(cli("status", "-p", "x-2024", "--as-of", "2024-10-08", "--format", "json").stdout)
    assert (row["checkpoint"], row["expected"], row["next_due"]) == ("完成钟楼菜场提升改造", 2, "2025-12-31")


def test_the_doubt_is_written_beside_the_plan(tmp_path):
    from tests.conftest import import_table, write_table

    rows = [HEADER, ["1", "菜场提升项目", "新建东区物流中心；改造钟楼菜场", "1.2024年5月\n2.2024年9月\n3.2024年12月", "公共服务集团"]]
    result, plan = import_table(write_table(tmp_path / "t.csv", rows))
    assert result.exit_code == 0, result.output
    assert "title = \"菜场提升项目\"  # check: 3 numbered dates for 2 works in the content" in plan.read_text(encoding="utf-8")
    assert "check: t.csv: row 2, column 计划完成时间: 3 numbered dates for 2 works" in result.stderr

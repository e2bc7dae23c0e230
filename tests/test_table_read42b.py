"""Issue 13, read42b: a report of results that lists a programme's items, each with the figure it was planned at
("该项目总投资约260万元", "培训任务652人"), is read as the programme's items, the title's words of results a doubt a
person checks (`--strict` refuses); a report whose items state no such fact stays refused as before."""

from __future__ import annotations

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table

from .conftest import refused, targets_of, write_page

WHY = "it reads as a report of results"

# --- 1. a 完成情况报告 whose items each state the investment planned ------------------------------------------------

TITLE = "某街道2023年民生实事项目完成情况报告"
HEADED = [TITLE,
          "第一项:幼儿园提升改造工程。", "包括完成城南幼儿园提升改造工程。该项目总投资约260万元,资金由街道负责。该项目已于9月1日前完工。",
          "第二项:农村公路大中修工程。", "包括张庄公路、李村公路大中修工程。该项目总投资约250万元,资金由街道负责。该项目已于10月中旬完工。",
          "第三项:社区食堂建设工程。", "包括再开设一家社区食堂。该项目总投资约50万元,资金由街道负责。该项目已于9月底完工。",
          "第四项:托育机构增设工程。", "包括增设托育机构和托位。该项目总投资约200万元,资金由街道负责。该项目已于10月底完成。"]


def test_a_report_whose_items_state_their_planned_investment_is_read_with_a_doubt(tmp_path):
    conversion = convert_table(write_page(tmp_path / "p.html", HEADED, title=TITLE), "x-2023", 2023)
    tasks = conversion.programme.tasks
    assert [t.code for t in tasks] == ["一", "二", "三", "四"]
    assert [targets_of(t) for t in tasks] == [[(2600000, "元")], [(2500000, "元")], [(1, "家"), (500000, "元")], [(2000000, "元")]]
    assert not [c for t in tasks for line in t.lines for c in line.checkpoints]  # "已于9月1日前完工": done, no deadline
    doubts = "\n".join(map(str, conversion.doubts))
    assert "report of results" in doubts and "完成情况" in doubts and TITLE in doubts


def test_strict_refuses_a_report_read_for_its_programme(cli, tmp_path):
    path = write_page(tmp_path / "p.html", HEADED, title=TITLE)
    out = tmp_path / "o.toml"
    refused(cli("import", "table", str(path), "-p", "x-2023", "--year", "2023", "-o", str(out), "--strict"),
            "--strict", "report of results")
    assert not out.exists()
    result = cli("import", "table", str(path), "-p", "x-2023", "--year", "2023", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "# check:" in out.read_text(encoding="utf-8") and "完成情况" in out.read_text(encoding="utf-8")


def test_the_same_report_without_planned_figures_stays_refused(tmp_path):
    plain = [line.split("该项目")[0] + "该项目已完工。" if line.startswith("包括") else line for line in HEADED]
    with pytest.raises(InputError, match=WHY):
        convert_table(write_page(tmp_path / "p.html", plain, title=TITLE), "x-2023", 2023)


def test_a_completion_date_reported_is_no_checkpoint():
    from mstrack.sources.table.schedule import dated_clauses

    assert dated_clauses("该项目已于9月1日前完工并全部投入使用", 2023) == []
    assert dated_clauses("该项目已于10月中旬完工", 2023) == []
    assert [due.isoformat() for _, due, _ in dated_clauses("新建幼儿园3所，9月底前投入使用", 2023)] == ["2023-09-30"]


# --- 2. a 督查通报 whose items open with their office and state each year's task -------------------------------------

BULLETIN = "关于2019年度民生工程重点项目实施情况专项督查通报"
OFFICES = [BULLETIN, "现将督查情况通报如下:", "一、牵头部门实施情况",
           "(一)县教育局:学前教育促进工程。其中幼师培训任务500人,截至督查时只培训178人,低于全市平均进度",
           "(二)县住建局:棚户区改造新开工1827户,任务已完成;基本建成2208套,截止督查时完成1322套目标任务。",
           "(三)县农业农村局:1、卫生厕所改造项目。全年民生工程任务12000户,截止督查时试点工作已完成。"
           "2、新型农民培训。培训任务652人,截止督查时已完成方案制定。以上项目均低于全市平均进度。"]


def test_a_bulletins_items_are_read_with_their_office_their_parts_and_no_progress(tmp_path):
    conversion = convert_table(write_page(tmp_path / "p.html", OFFICES, title=BULLETIN), "x-2019", 2019)
    tasks = {t.code: t for t in conversion.programme.tasks}
    assert list(tasks) == ["一(一)", "一(二)", "一(三)1", "一(三)2"]
    assert [t.lines[0].lead_units for t in tasks.values()] == [["县教育局"], ["县住建局"], ["县农业农村局"], ["县农业农村局"]]
    assert tasks["一(三)1"].title == "卫生厕所改造项目。全年民生工程任务12000户,截止督查时试点工作已完成。"
    assert tasks["一(三)2"].title == "新型农民培训。培训任务652人,截止督查时已完成方案制定。"  # "以上项目均…": all parts'
    assert [targets_of(t) for t in tasks.values()] == [[(500, "人")], [(1827, "户"), (2208, "套")], [(12000, "户")],
                                                      [(652, "人")]]  # 178, 1322: done by the inspection, no target
    assert any("实施情况" in str(doubt) and "report of results" in str(doubt) for doubt in conversion.doubts)


def test_a_bulletin_whose_items_state_no_task_stays_refused(tmp_path):
    plain = [*OFFICES[:3], "(一)县教育局:学前教育促进工程。截至督查时培训178人。", "(二)县住建局:棚户区改造工程。已完成1322套。",
             "(三)县农业农村局:农村道路工程。已完成5个。"]
    with pytest.raises(InputError, match=WHY):
        convert_table(write_page(tmp_path / "p.html", plain, title=BULLETIN), "x-2019", 2019)


@pytest.mark.parametrize(("words", "parts"), [
    ("(三)1、卫生厕所改造。任务12000户。2、农民培训。以上项目均低于进度。", [("1", "卫生厕所改造。任务12000户。"), ("2", "农民培训。")]),
    ("(三)农村道路,1、2级公路", None),  # no part right after the bracket
    ("(三)1、卫生厕所改造。", None),  # one part alone
])
def test_inline_parts_of_a_bracketed_item(words, parts):
    from mstrack.sources.table.list_bracketed_table import inline_parts

    assert inline_parts(words) == parts


@pytest.mark.parametrize(("item", "part"), [
    ("棚户区改造新开工1827户,任务已完成;基本建成2208套", "棚户区改造新开工1827户"),
    ("学前教育促进工程。其中幼师培训任务500人,截至督查时只培训178人", "学前教育促进工程。其中幼师培训任务500人"),
    ("新建幼儿园3所", "新建幼儿园3所"),
])
def test_the_planned_part_of_a_reports_item(item, part):
    from mstrack.sources.table.list_results import planned_part

    assert planned_part(item) == part


def test_a_deadline_after_jiezhi_stays_a_target_date(tmp_path):
    """"截至2025年底" names a date, not the moment a report takes stock: its figure stays."""
    import re

    from mstrack.vocabulary import PROGRESS_MOMENT

    assert re.search(PROGRESS_MOMENT, "截至2025年底新增学位3000个") is None
    assert re.search(PROGRESS_MOMENT, "截至年底新增学位3000个") is None
    assert re.search(PROGRESS_MOMENT, "截止督查时完成1322套")[0] == "截止督查时完成1322套"


# --- 3. steps that each add before a last that completes the year's figure (linan-2022) ------------------------------

def _milestones(task) -> list[tuple[str, float]]:
    return [(m.due.isoformat(), m.target) for line in task.lines for i in line.indicators for m in i.milestones]


@pytest.mark.parametrize(("steps", "expected"), [
    # 100 and 200 added, then 500 completed: 100, 300, 500
    ("3月底前新增100个以上托位;6月底前新增200个以上托位;9月底前完成500个托位。",
     [("2022-03-31", 100), ("2022-06-30", 300), ("2022-09-30", 500)]),
    # running totals as printed: nothing says the steps add
    ("3月底前完成100个托位;6月底前完成200个托位;9月底前完成500个托位。",
     [("2022-03-31", 100), ("2022-06-30", 200), ("2022-09-30", 500)]),
])
def test_steps_that_add_before_a_completing_step_are_summed(tmp_path, steps, expected):
    from .conftest import convert_written

    rows = [["序号", "实事项目", "工作举措及实施计划", "责任单位"],
            ["1", "新增婴幼儿照护服务托位500个。", f"婴幼儿照护服务托位:{steps}", "卫生健康局"]]
    task = convert_written(tmp_path, "t.csv", rows, 2022).programme.tasks[0]
    assert sorted(_milestones(task)) == expected

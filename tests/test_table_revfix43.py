"""Issue 13, revfix43: three over-reaches of read43b's rules. One task spanning two rows among tasks one a row is no
group heading (the numbered 具体要求 stay details); an office's unit inside it ("市住建局市政工程处") is no second
office; a work verb before 落实 ("各乡镇抓好落实") goes with it, or the cell's words stay as printed."""

from __future__ import annotations

import pytest

from mstrack.sources.table.office_names import split_units
from mstrack.sources.table.units import roles_in, unit_names

from .conftest import convert_written

# --- 1. one task over two rows among tasks one a row ----------------------------------------------------------------

TASKS = [("新建中小学校", "市教育局"), ("改造老旧小区", "市住建局"), ("增加公交线路", "市交通局"), ("建设养老机构", "市民政局"),
         ("新建口袋公园", "市城管局"), ("改造农贸市场", "市商务局"), ("新增停车泊位", "市公安局"), ("建设社区食堂", "市民政局")]


def _one_spanning(blank: bool) -> list[list]:
    """Eight tasks one a row, 具体要求 numbered 1.–9.; task 1 spans two rows (written once, or repeated as a merged
    cell is read)."""
    rows, n = [["序号", "工作任务", "具体要求", "责任单位", "完成时限"]], 0
    for k, (task, unit) in enumerate(TASKS, 1):
        n += 1
        rows.append([str(k), task, f"{n}.2024年底前完成{task}第一阶段工作", unit, "2024年12月底"])
        if k == 1:
            n += 1
            rows.append(["", "", f"{n}.同步完成配套设施建设", unit, "2024年12月底"] if blank
                        else [str(k), task, f"{n}.同步完成配套设施建设", unit, "2024年12月底"])
    return rows


def _merged_xlsx(path, rows, merges):
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append([int(c) if c.isdigit() else c for c in row])
    for cells in merges:
        book.active.merge_cells(cells)
    book.save(path)
    return path


def _merged_rows(tmp_path, rows, merges):
    from mstrack.sources.table import convert_table

    blanked = [list(r) for r in rows]
    return convert_table(_merged_xlsx(tmp_path / "plan.xlsx", blanked, merges), "x-2024", 2024).programme.tasks


@pytest.mark.parametrize("form", ["blank-below", "merged"])
def test_one_task_spanning_two_rows_among_tasks_one_a_row_is_no_group_heading(tmp_path, form):
    if form == "blank-below":
        tasks = convert_written(tmp_path, "plan.csv", _one_spanning(blank=True)).programme.tasks
    else:
        tasks = _merged_rows(tmp_path, _one_spanning(blank=True), ["A2:A3", "B2:B3"])
    assert [t.title for t in tasks] == [t for t, _ in TASKS]
    assert [t.code for t in tasks] == [str(k) for k in range(1, 9)]
    assert not any(t.area for t in tasks)


SPANNING = [["序号", "工作任务", "具体要求", "责任单位", "完成时限"],
            ["1", "新建中小学校", "1.完成3所学校选址", "市教育局", "2024年6月底"],
            ["", "", "2.开工建设2所学校", "市教育局", "2024年12月底"],
            ["2", "改造老旧小区", "3.改造老旧小区20个", "市住建局", "2024年12月底"],
            ["", "", "4.加装电梯50部", "市住建局", "2024年12月底"],
            ["3", "增加公交线路", "5.新开公交线路5条", "市交通局", "2024年12月底"]]


@pytest.mark.parametrize("form", ["blank-below", "merged"])
def test_a_number_column_numbering_the_headings_one_each_says_they_are_the_tasks(tmp_path, form):
    if form == "blank-below":
        tasks = convert_written(tmp_path, "plan.csv", SPANNING).programme.tasks
    else:
        tasks = _merged_rows(tmp_path, SPANNING, ["A2:A3", "B2:B3", "A4:A5", "B4:B5"])
    assert [(t.code, t.title) for t in tasks] == [("1", "新建中小学校"), ("2", "改造老旧小区"), ("3", "增加公交线路")]
    assert not any(t.area for t in tasks)


GROUPS = [["工作任务", "具体要求", "责任单位"],
          ["一、做好各类规划主动公开。", "1.主动公开规划纲要、各项规划等相关信息。", "市发改局"],
          ["", "2.做好各项规划的归集整理和主动公开工作。", "市政府办公室"],
          ["二、做好财政信息公开。", "3.积极推进部门单位财政预算、决算公开。", "市财政局"],
          ["", "4.加大惠民惠农资金发放信息公开力度。", "市财政局"],
          ["三、做好政府网站专栏信息公开。", "5.及时更新政府网站的各类型概况信息。", "各镇(街)"]]


@pytest.mark.parametrize("form", ["blank-below", "merged"])
def test_group_headings_merged_or_written_once_decide_alike(tmp_path, form):
    if form == "blank-below":
        tasks = convert_written(tmp_path, "plan.csv", GROUPS).programme.tasks
    else:
        tasks = _merged_rows(tmp_path, GROUPS, ["A2:A3", "A4:A5"])
    assert [t.code for t in tasks] == ["1", "2", "3", "4", "5"]
    assert tasks[0].title == "主动公开规划纲要、各项规划等相关信息。"
    assert len({t.area for t in tasks}) == 3


# --- 2. an office's own unit after its name -------------------------------------------------------------------------

@pytest.mark.parametrize("cell", ["市住建局市政工程处", "市住建局市政公用事业服务中心", "市城管局市容环卫处", "市公安局市区交警大队",
                                  "县委办县政府办督查室", "市人社局市就业服务中心", "市行政审批局市民服务中心",
                                  "区住建局城建监察大队", "县政府办县大数据中心", "市生态环境局市区分局", "市卫健委市直医院",
                                  "市民政局市民政事务服务中心", "市委办市委督查室"])
def test_a_unit_inside_an_office_after_its_name_stays_whole(cell):
    assert split_units(cell) == [cell]


@pytest.mark.parametrize(("cell", "units"), [
    ("区发改局区统计局", ["区发改局", "区统计局"]),
    ("区法院区检察院", ["区法院", "区检察院"]),
    ("市委宣传部市文广旅局", ["市委宣传部", "市文广旅局"]),
    ("区政务服务中心区大数据局", ["区政务服务中心", "区大数据局"]),
])
def test_two_whole_offices_run_together_still_split(cell, units):
    assert split_units(cell) == units


def test_an_office_with_its_own_unit_in_a_lead_column_is_one_lead(tmp_path):
    rows = [["序号", "工作任务", "牵头单位", "责任单位"],
            ["1", "改造市政道路10公里", "市住建局市政工程处", "各区政府"],
            ["2", "新建公厕20座", "市城管局市容环卫处", "各区政府"]]
    tasks = convert_written(tmp_path, "plan.csv", rows).programme.tasks
    assert [t.lines[0].lead_units for t in tasks] == [["市住建局市政工程处"], ["市城管局市容环卫处"]]


# --- 3. a work verb before 落实 --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("cell", "names"), [
    ("各乡镇抓好落实", ["各乡镇"]),
    ("各县区认真落实", ["各县区"]),
    ("各镇街贯彻落实", ["各镇街"]),
    ("各单位抓好落实", ["各单位"]),
    ("各区切实落实", ["各区"]),
    ("县财政局、县教育局按职责落实", ["县财政局", "县教育局"]),
])
def test_a_work_verb_before_implementing_goes_with_it(cell, names):
    assert unit_names(cell) == names


@pytest.mark.parametrize(("cell", "lead", "others"), [
    ("市住建局牵头，各区政府组织落实", "市住建局", "各区政府"),
    ("市委组织部负责，各单位抓好落实", "市委组织部", "各单位"),
    ("市民政局牵头，各乡镇抓好落实", "市民政局", "各乡镇"),
])
def test_a_work_verb_before_implementing_is_no_part_of_the_units_name(cell, lead, others):
    assert roles_in(cell) == (lead, others)


def test_a_cell_that_names_no_office_before_implementing_keeps_its_words():
    """"市教育局督促各区落实": 督促 names the work of 市教育局 over 各区, no office ends before 落实 — the words as printed."""
    names = unit_names("市教育局督促各区落实")
    assert all(not n.endswith("督促各区") for n in names)
    assert "市教育局督促各区落实" in "".join(names)

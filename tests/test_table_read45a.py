"""Issue 13, read45a: the twenty-eighth set's project-investment table. A total row merged over the first columns
("合计(54个）" and sums) is no task and no error; group rows ("一、城市公共交通（2个）") carrying sums are groups, their
sums no targets; a two-level header whose pairs name a unit and a person (分级管理单位 → 单位名称 / 项目责任人, 项目业主 →
单位名称 / 项目负责人): the managing unit leads, the owner is the other unit, the persons are never units; under
"2016年工作目标" the planned investment (亿元) is the year's target and 进度 the year's aim (words at the year's end, its
figures targets), while 总投资, 至2015年底完成投资 and the whole project's scope (建设内容及规模 of projects built over
several years) are none."""

from __future__ import annotations

import pytest

from mstrack.sources.rows import TOTAL_CELL_RE, total_row
from mstrack.sources.table import convert_table

from .conftest import targets_of, write_table_page

HEADER = [
    '<td rowspan="2">序号</td><td rowspan="2">项目名称</td><td rowspan="2">建设内容及规模</td>'
    '<td rowspan="2">总投资<br>（亿元）</td><td rowspan="2">建设年限</td><td rowspan="2">至2015年底完成投资</td>'
    '<td colspan="2">2016年<br>工作目标</td><td rowspan="2">责任 领导</td><td colspan="2">分级管理单位</td>'
    '<td colspan="2">项目业主</td><td rowspan="2">备注</td>',
    "<td>计划投资（亿元）</td><td>进度</td><td>单位名称</td><td>项目<br>责任人</td><td>单位<br>名称</td><td>项目负责人</td>",
]
BLANK = "<td>　</td>"


def _summed(label: str, total: str, done: str, planned: str) -> str:
    """A total or group row: its label merged over the first three columns, sums under the money columns."""
    return (f'<td colspan="3">{label}</td><td>{total} </td>{BLANK}<td>{done} </td><td>{planned} </td>' + BLANK * 7)


def _project(code: str, name: str, scope: str, years: str, planned: str, aim: str, leader: str, managing: str,
             owner: str) -> str:
    return (f"<td>{code}</td><td>{name}</td><td>{scope}</td><td>1.60 </td><td>{years}</td><td>0.40 </td>"
            f"<td>{planned} </td><td>{aim}</td><td>{leader}</td><td>{managing}</td><td>郑 宇</td><td>{owner}</td>"
            f"<td>陈江滔</td>{BLANK}")


ROADS = _project("1", "莲花北路", "城市次干路，长约1.70公里，路基宽度32米，设计时速40km/h，双向4车道。", "2015-2017", "1.20",
                 "继续施工，争取完工。", "谢秀桐", "澳前片区开发管理局", "区交投集团")
LAKE = _project("2", "环湖路（金井一路东侧段）", "道路总长1.6公里，规划红线宽度32米，双向4车道。", "2015-2017", "0.45",
                "完成67%", "臧铁伟", "金井湾片区开发管理局<br>区交建局", "金井湾开发建设有限公司")
PARKING = _project("1", "城市公共停车场项目", "本期实施城区6处停车场，总计约2000个停车位。", "2016-2017", "0.55",
                   "完成约640个车位。", "臧铁伟", "区交通与建设局", "区交投集团")


def _table(tmp_path, total: str = "合计(3个）", *, rows: list[str] | None = None):
    rows = rows or [_summed(total, "5.90", "1.20", "2.20"), _summed("一、城市道路（2个）", "3.20", "0.80", "1.65"),
                    ROADS, LAKE, _summed("二、公共停车场（1个）", "2.70", "0.00", "0.55"), PARKING]
    page = write_table_page(tmp_path / "plan.html", ['<td colspan="14">某区2016年补短板项目任务分解表</td>', *HEADER, *rows])
    return convert_table(page, "x-2016", 2016)


# --- 1. a total row with its count and sums --------------------------------------------------------------------------

@pytest.mark.parametrize("cell", ["合计(54个）", "合计（54个）", "总计(3项)", "小计（2个）", "合  计（共54个）"])
def test_a_total_cell_with_its_count_is_a_total(cell):
    assert TOTAL_CELL_RE.match(cell)
    assert total_row([cell, cell, cell, "83.13", "", "23.09", "30.17"])


@pytest.mark.parametrize("cell", ["合计54个项目建设", "小计划", "1"])
def test_other_cells_are_no_total(cell):
    assert not TOTAL_CELL_RE.match(cell)


@pytest.mark.parametrize("total", ["合计(3个）", "总计（3项）", "小计(3个)"])
def test_a_total_row_merged_over_the_first_columns_is_skipped_not_refused(tmp_path, total):
    tasks = _table(tmp_path, total).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [("一1", "莲花北路"), ("一2", "环湖路（金井一路东侧段）"),
                                                  ("二1", "城市公共停车场项目")]


# --- 2. group rows carrying sums -------------------------------------------------------------------------------------

def test_group_rows_carrying_sums_group_their_projects_and_set_no_target(tmp_path):
    conversion = _table(tmp_path)
    tasks = conversion.programme.tasks
    assert [t.code for t in tasks] == ["一1", "一2", "二1"]
    assert [a.name for a in conversion.programme.areas] == ["城市道路", "公共停车场"]
    every = [target for t in tasks for target in targets_of(t)]
    assert (320000000, "元") not in every and (270000000, "元") not in every  # the groups' sums of 总投资
    assert (165000000, "元") not in every  # the group's sum of 计划投资


# --- 3. units and persons under a two-level header -------------------------------------------------------------------

def test_the_managing_unit_leads_the_owner_is_the_other_unit_and_persons_are_no_units(tmp_path):
    tasks = _table(tmp_path).programme.tasks
    leads = [sorted({u for line in t.lines for u in line.lead_units}) for t in tasks]
    others = [sorted({u for line in t.lines for u in line.units} - set(lead)) for t, lead in zip(tasks, leads, strict=True)]
    assert leads == [["澳前片区开发管理局"], ["区交建局", "金井湾片区开发管理局"], ["区交通与建设局"]]
    assert others == [["区交投集团"], ["金井湾开发建设有限公司"], ["区交投集团"]]
    named = {u for t in tasks for line in t.lines for u in (*line.lead_units, *line.units)}
    assert not named & {"谢秀桐", "臧铁伟", "郑 宇", "郑宇", "陈江滔"}


# --- 4. the year's planned money and aims, no other year's figures ----------------------------------------------------

def test_the_years_planned_investment_and_aims_are_the_targets_not_the_projects_scope(tmp_path):
    tasks = _table(tmp_path).programme.tasks
    assert [targets_of(t) for t in tasks] == [[(120000000, "元")], [(67, "%"), (45000000, "元")],
                                              [(640, "个"), (55000000, "元")]]


def test_the_years_aim_in_words_is_a_checkpoint_at_the_years_end(tmp_path):
    task = _table(tmp_path).programme.tasks[0]
    assert [(c.due.isoformat(), c.text) for line in task.lines for c in line.checkpoints] == [
        ("2016-12-31", "继续施工，争取完工。")]  # not at the end of 建设年限 "2015-2017"


def test_a_projects_scope_stays_in_its_note(tmp_path):
    task = _table(tmp_path).programme.tasks[0]
    assert "长约1.70公里" in task.note


def test_the_scope_of_projects_done_within_the_year_stays_their_target(tmp_path):
    """Every project built in the programme's year: 建设内容及规模 is the year's work, its figures targets."""
    within = [_project("1", "莲花北路", "新建道路1.70公里。", "2016", "1.20", "完工", "谢秀桐", "澳前片区开发管理局",
                       "区交投集团"),
              _project("2", "北楼路", "新建道路0.84公里。", "2016-2016", "0.59", "完工", "臧铁伟", "金井湾片区开发管理局",
                       "区先行实业公司")]
    tasks = _table(tmp_path, rows=within).programme.tasks
    assert [targets_of(t) for t in tasks] == [[(1.7, "公里"), (120000000, "元")], [(0.84, "公里"), (59000000, "元")]]

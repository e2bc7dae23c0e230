"""Issue 13, revfix17a: review17's findings on lists and units, each rule on a small synthetic case: an item numbered on
after a programme's closing sections is kept only when it is work like the items before it, never a guarantee measure
(funding, "确保…"); items and sub-items under a closing section go with it; a blank lead cell of a sheet that keeps its
merges is said to be blank, not merged; "/" inside one office's name ("县住建/城管局") splits nothing."""

from __future__ import annotations

import pytest

from mstrack.errors import InputError
from mstrack.sources.table.list_sections import guarantee
from mstrack.sources.table.units import split_units
from tests.conftest import convert_written

from .test_table_revfix15b import _codes, _convert

ITEMS = ["新建公厕12座。（县城管局）", "新增停车位400个。（县交通局）", "改造农贸市场4个。（县商务局）"]


def _numbered(style: str, items: list[str]) -> list[str]:
    """Items numbered in turn, "1." or "一、"; a line opening with "·" is prose between them, unnumbered."""
    marks = iter(f"{k}." if style == "digit" else f"{'一二三四五六七八九'[k - 1]}、" for k in range(1, 10))
    return [words[1:] if words.startswith("·") else f"{next(marks)}{words}" for words in items]


# --- 1. a guarantee measure numbered on after the closing sections: a task only where it names its office (close47) ---

def test_guarantee_words():
    assert guarantee("县财政统筹安排建设经费800万元，保障工程顺利实施。")
    assert guarantee("5.落实专项资金300万元。")
    assert guarantee("确保各项目年底前全部完工。")
    assert guarantee("保障项目用地需求。")
    assert guarantee("强化资金保障，县财政统筹资金600万元。")  # its first clause names a closing section
    assert not guarantee("新建社区食堂8个，确保年底前投入使用。")  # the work first, the promise after it
    assert not guarantee("新建保障性租赁住房500套。")
    assert not guarantee("保障性住房建设1000套。")


@pytest.mark.parametrize("style", ["digit", "chinese"])
@pytest.mark.parametrize(("measure", "read"), [("县财政统筹安排建设经费800万元，保障工程顺利实施。", False),
                                               ("确保各项目年底前全部完工，完成投资2亿元。", False),
                                               ("县财政统筹安排建设经费800万元，保障工程顺利实施。（县财政局）", True),
                                               ("确保各项目年底前全部完工，完成投资2亿元。（县发改委）", True)])
def test_a_guarantee_measure_after_the_closing_sections_is_a_task_only_naming_its_office(tmp_path, style, measure, read):
    """close47, the lead's convention: a measure assigned to its office ("（县财政局）") is work a supervision office
    tracks, task 5 (was: no task, as the measure naming no office still is)."""
    conversion = _convert(tmp_path, _numbered(style, [*ITEMS, "工作要求", "·各乡镇要按月报送进展。", measure]))
    codes = ["1", "2", "3", "5"] if style == "digit" else ["一", "二", "三", "五"]
    assert _codes(conversion) == (codes if read else codes[:3])


@pytest.mark.parametrize("style", ["digit", "chinese"])
def test_work_after_the_closing_sections_is_still_read(tmp_path, style):
    conversion = _convert(tmp_path, _numbered(style, [*ITEMS, "保障措施", "·县财政安排资金600万元。",
                                                      "新建社区食堂8个，确保年底前投入使用。（县民政局）"]))
    assert _codes(conversion) == (["1", "2", "3", "5"] if style == "digit" else ["一", "二", "三", "五"])


# --- 2. items under a closing heading: tasks where they name their offices (close47) ------------------------------------

def test_items_under_a_closing_heading_are_tasks_only_where_they_name_their_offices(tmp_path):
    """close47, the lead's convention: an item of a closing section assigned to its office is work a supervision office
    tracks, a task (was: no task, as every item under the heading); the item naming none stays out."""
    conversion = _convert(tmp_path, [
        "一、城乡建设", "1.新建公厕12座。（县城管局）", "2.新增停车位400个。（县交通局）",
        "二、工作保障", "1.强化组织保障。", "2.落实专项经费300万元。（县财政局）"])
    assert [(t.code, t.area) for t in conversion.programme.tasks] == [("一1", "一"), ("一2", "一"), ("二2", "二")]


def test_items_under_a_closing_heading_with_a_figure_and_an_office_are_tasks(tmp_path):
    """review19 said the row of "二、保障措施"'s item that sets a figure and names its office ("确保民生支出…达到80%以上。
    （县财政局）") and read no task; close47's convention reads it as task 4, and the closing item naming no office
    ("5.强化组织保障。") stays out, unnamed, as before."""
    conversion = _convert(tmp_path, [
        "一、民生实事", "1.新建公厕12座。（县城管局）", "2.新增停车位400个。（县交通局）", "3.改造农贸市场4个。（县商务局）",
        "二、保障措施", "4.确保民生支出占一般公共预算支出比重达到80%以上。（县财政局）", "5.强化组织保障。"])
    assert _codes(conversion) == ["1", "2", "3", "4"]
    assert not [str(m) for m in conversion.doubts if "not read as tasks" in str(m)], conversion.doubts


# --- 3. sub-items of a closing section go with it -----------------------------------------------------------------------

@pytest.mark.parametrize("after", [["5.新建社区食堂8个。（县民政局）"], []], ids=["numbered_on", "at_the_end"])
@pytest.mark.parametrize("part", ["县财政统筹资金600万元，保障项目实施。", "强化资金保障，县财政统筹资金600万元。"])
def test_sub_items_of_a_closing_section_go_with_it(tmp_path, after, part):
    conversion = _convert(tmp_path, [*_numbered("digit", ITEMS), "4.保障措施", "（1）加强督导。", f"（2）{part}（县财政局）", *after])
    assert conversion.programme is not None
    assert _codes(conversion) == ["1", "2", "3", *(["5"] if after else [])]


# --- 5. a blank lead cell of a sheet that keeps its merges is blank, not merged ---------------------------------------

HELPERS_HEAD = ["序号", "工作任务", "牵头单位", "责任单位", "配合单位"]


@pytest.mark.parametrize("name", ["plan.csv", "plan.xlsx"])
def test_a_blank_lead_is_said_blank_where_merges_are_known(tmp_path, name):
    conversion = convert_written(tmp_path, name, [HELPERS_HEAD, ["1", "新建公厕12座", "县城管局", "各乡镇", "县住建局"],
                                                  ["2", "新增停车位400个", "", "", "县公安局"]])
    assert [(t.code, [line.lead_units for line in t.lines]) for t in conversion.programme.tasks] == [
        ("1", [["县城管局"]]), ("2", [["县城管局"]])]
    said = [str(d) for d in conversion.doubts if "牵头单位" in str(d)]
    said_blank = "cell is blank: read as 县城管局, a merged cell written once above" if name == "plan.csv" else \
        "cell is blank, not merged: read as 县城管局, the lead above, as the row names only helpers"
    assert said == [f"{name}: row 3, column 牵头单位: the 牵头单位 {said_blank}"]


# --- 6. "/" inside one office's name ------------------------------------------------------------------------------------

def test_a_slash_inside_one_name_splits_nothing():
    assert split_units("县住建/城管局") == ["县住建/城管局"]
    assert split_units("县住建局/县财政局") == ["县住建局", "县财政局"]
    assert split_units("县教育局/县住建局、县财政局") == ["县教育局", "县住建局", "县财政局"]
    assert split_units("县委宣传部/县文明办") == ["县委宣传部", "县文明办"]
    assert split_units("合肥海关/省税务局") == ["合肥海关", "省税务局"]
    assert split_units("人行郑州中心支行/河南银保监局") == ["人行郑州中心支行", "河南银保监局"]  # no place opens the first
    assert split_units("县教育局/县住建/城管局") == ["县教育局", "县住建/城管局"]


# --- 4. two items, each naming its office and the date it is due, under a programme's title ---------------------------

@pytest.mark.parametrize("style", ["digit", "chinese"])
@pytest.mark.parametrize("dated", [True, False], ids=["dated", "undated"])
def test_two_staffed_dated_items_are_a_list(tmp_path, dated, style):
    """Two "一、" items with 牵头单位 and a dated 完成时限 each: a programme's two tasks, figure or none; without dates
    (and figures) two items are too few: refused."""
    due = ["完成时限：2024年11月底"] if dated else []
    first, second = ("1.", "2.") if style == "digit" else ("一、", "二、")
    pages = [f"{first}新建第二实验小学", "建设地点：城南新区", "牵头单位：县教育局", *due,
             f"{second}新建中医院门诊楼", "牵头单位：县卫健委", *(["完成时限：2024年9月底"] if dated else [])]
    if not dated:
        with pytest.raises(InputError, match="no table found"):
            _convert(tmp_path, pages)
        return
    conversion = _convert(tmp_path, pages)
    codes = ["1", "2"] if style == "digit" else ["一", "二"]
    assert [(t.code, t.lines[0].lead_units) for t in conversion.programme.tasks] == [(codes[0], ["县教育局"]), (codes[1], ["县卫健委"])]


def test_the_refusal_of_a_short_list_names_the_dated_deadline(tmp_path):
    """One item before the closing sections: refused, saying a dated deadline counts as a figure does."""
    with pytest.raises(InputError, match="or two that each name their office and set a figure or a dated deadline$"):
        _convert(tmp_path, ["1.新建社区食堂8个。（县民政局）", "2.加强组织领导。", "3.强化督查考核。"])

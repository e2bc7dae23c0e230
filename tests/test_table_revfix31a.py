"""Issue 13, revfix31a: review31's findings on the list rules of 13-read29/30a/30b, each on a small synthetic list:
a label printed whole in a bracket ("【责任单位】：…") is a label again; a group heading naming the lead gives its items
that lead without making their brackets' offices leads too, and only to its own items and sub-headings; a heading
naming a category of offices ("多部门", "省直部门") or framed by 由 names no office (or the office without 由); an
office with another office in its bracket ("县卫健局(县医院)") is two offices; a project's total cost printed before
it ("总投资3000万元的…项目") is no target, and a result stays no work."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table
from mstrack.sources.table.list_labels import column_label, own_labels
from mstrack.sources.table.list_numbered import Entry, heading_entry, heading_lead, numbered_table
from mstrack.sources.table.list_work import does_work, states_work
from mstrack.sources.table.units import offices_apart

from .conftest import targets_of
from .test_table_read26 import _write
from .test_table_read30a import GROUPED


def _offices(task) -> tuple[list[str], list[str]]:
    line = task.lines[0]
    return line.lead_units, [u for u in line.units if u not in line.lead_units]


def _read(tmp_path, lines: list[str], suffix: str = ".txt"):
    return convert_table(_write(tmp_path, suffix, [*GROUPED[:5], *lines]), "x-2025", 2025).programme.tasks


# --- 1. a label printed whole in a bracket: "【责任单位】：县教育局" ------------------------------------------------------

LABELLED = ["1.新建幼儿园2所。【责任单位】：县教育局；【完成时限】：2025年底",
            "2.改造学校操场5个。【责任单位】：县教育局；【完成时限】：2025年6月",
            "3.新增城镇就业1000人。【责任单位】：县人社局；【完成时限】：2025年底"]


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_label_printed_in_a_bracket_before_its_colon_is_a_label(tmp_path, suffix):
    tasks = _read(tmp_path, LABELLED, suffix)
    assert [(t.title, t.lines[0].lead_units, t.deadline) for t in tasks] == [
        ("新建幼儿园2所。", ["县教育局"], date(2025, 12, 31)), ("改造学校操场5个。", ["县教育局"], date(2025, 6, 30)),
        ("新增城镇就业1000人。", ["县人社局"], date(2025, 12, 31))]  # the item's stop kept (README, read50c)


@pytest.mark.parametrize(("text", "read"), [
    ("新建幼儿园2所。【责任单位】：县教育局", ("新建幼儿园2所。", {"责任单位": "县教育局"})),
    ("新建幼儿园2所。［牵头单位］:县教育局；[完成时限]:2025年底",
     ("新建幼儿园2所。", {"牵头单位": "县教育局", "完成时限": "2025年底"})),
    ("新建幼儿园2所。【牵头单位】县教育局", ("新建幼儿园2所。", {"牵头单位": "县教育局"})),  # no colon: the bracket closes it
    ("新建幼儿园2所。【重点】", ("新建幼儿园2所。【重点】", {})),  # a mark, no label of a column
    # inside an open bracket: the bracket's own labels (units_after reads them)
    ("增长11%。[牵头单位:县发改局;责任单位:各镇人民政府]", ("增长11%。[牵头单位:县发改局;责任单位:各镇人民政府]", {}))])
def test_own_labels_in_brackets(text, read):
    assert own_labels(text) == read


@pytest.mark.parametrize(("text", "label"), [
    ("【牵头单位】县教育局", ("牵头单位", "县教育局")),
    ("【责任单位】：县教育局", ("责任单位", "县教育局")),
    ("【重点】新建幼儿园", None)])
def test_a_bracketed_label_on_its_own_line(text, label):
    assert column_label(text) == label


def test_a_bracketed_label_without_colon_under_the_item(tmp_path):
    lines = ["1.新建幼儿园2所。", "【牵头单位】县教育局", "2.改造学校操场5个。", "【牵头单位】县教育局",
             "3.新增城镇就业1000人。", "【牵头单位】县人社局"]
    tasks = _read(tmp_path, lines)
    assert [t.lines[0].lead_units for t in tasks] == [["县教育局"], ["县教育局"], ["县人社局"]]


# --- 3. a heading framed by 由, or naming a category of offices ------------------------------------------------------

@pytest.mark.parametrize(("heading", "lead"), [
    ("一、由县住建局牵头的工作", "县住建局"),
    ("（二）由市教育局负责的任务", "市教育局"),
    ("二、多部门牵头的工作", ""),
    ("一、省直部门牵头的工作", ""),
    ("二、县直有关部门负责的事项", ""),
    ("三、其他单位牵头的工作", ""),
    ("四、上级部门牵头的工作", ""),
    ("五、中央驻县单位负责的工作", ""),
    ("六、县教育部门牵头的工作", "县教育部门"),  # a department named by its field: an office
    ("一、县示范区管委会牵头工作(8项)", "县示范区管委会")])
def test_a_heading_names_an_office_not_a_category(heading, lead):
    assert heading_lead(heading) == lead


def test_items_under_a_heading_naming_a_category_have_no_lead_from_it(tmp_path):
    lines = ["一、由县住建局牵头的工作", "1.改造老旧小区20个。", "2.新建公厕5座。", "3.新建停车场2个。",
             "二、多部门牵头的工作", "1.新增城镇就业1000人。", "2.新建幼儿园2所。"]
    tasks = _read(tmp_path, lines)
    assert [(t.code, t.lines[0].lead_units) for t in tasks] == [
        ("一1", ["县住建局"]), ("一2", ["县住建局"]), ("一3", ["县住建局"]), ("二1", ["（表中未列）"]), ("二2", ["（表中未列）"])]


# --- 4. an office with another office in its bracket: two offices ----------------------------------------------------

@pytest.mark.parametrize(("name", "names"), [
    ("县发改局(粮食局)", ["县发改局(粮食局)"]),  # one bureau by its two names (jiayu-2021)
    ("县人社局（医保局）", ["县人社局（医保局）"]),
    ("县卫健局(县医院)", ["县卫健局", "县医院"]),  # a hospital: another kind of unit
    ("县住建局（县城投公司）", ["县住建局", "县城投公司"]),
    ("县住建局(县城管局)", ["县住建局(县城管局)"]),  # a merged bureau, its place printed again (read33b: taizhou-2018's
    # "市建设局(市规划局)", wenzhou-2018's "市委农办(市农业局)" are one office each)
    ("县教育局(含城区)", ["县教育局(含城区)"]),  # a scope
    ("各市(县)", ["各市(县)"])])
def test_an_office_and_the_office_in_its_bracket(name, names):
    assert offices_apart(name) == "、".join(names)


def test_a_second_office_in_an_items_bracket_is_a_unit(tmp_path):
    lines = ["1.新建幼儿园2所。（县人社局（医保局））",
             "2.改造老旧小区20个。（县住建局（县城投公司）、县财政局）",
             "3.建设乡村卫生室10个。(县卫健局(县医院))",
             "4.建设公园2个。(县住建局(县城管局))"]
    tasks = _read(tmp_path, lines)
    assert [(t.title, *_offices(t)) for t in tasks] == [
        ("新建幼儿园2所。", ["县人社局（医保局）"], []),
        ("改造老旧小区20个。", ["县住建局"], ["县城投公司", "县财政局"]),
        ("建设乡村卫生室10个。", ["县卫健局"], ["县医院"]),
        ("建设公园2个。", ["县住建局(县城管局)"], [])]  # one bureau by two names (read33b)


# --- 2. a heading naming the lead, and the offices of an item's own bracket -------------------------------------------

LEAD_HEADED = ["一、县教育局牵头工作(5项)",
               "1.新建幼儿园2所。（县教育局、县财政局）",
               "2.改造学校操场5个。（县教育局，各乡镇）",
               "3.建设智慧校园3个。（县住建局牵头）",  # the item names its own lead
               "4.新建食堂3个。（县财政局配合）",  # a helper only: the heading's lead, the helper a unit
               "5.新建图书馆1个。（县财政局、县住建局）"]


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_a_heading_lead_leads_and_the_brackets_other_offices_are_units(tmp_path, suffix):
    tasks = _read(tmp_path, LEAD_HEADED, suffix)
    assert [_offices(t) for t in tasks] == [
        (["县教育局"], ["县财政局"]), (["县教育局"], ["各乡镇"]), (["县住建局"], []), (["县教育局"], ["县财政局"]),
        (["县教育局"], ["县财政局", "县住建局"])]


def test_items_under_a_topic_heading_read_their_brackets_as_without_a_lead_heading(tmp_path):
    """Another heading naming a lead changes nothing under "一、教育工作": each bracket's first office leads."""
    lines = ["一、教育工作(3项)", "1.新建幼儿园2所。（县教育局、县财政局）", "2.改造学校操场5个。（各乡镇）",
             "3.建设智慧校园3个。（县住建局牵头，县财政局配合）",
             "二、县人社局牵头工作(2项)", "1.新增城镇就业1000人。", "2.新建零工市场1个。（县人社局、各乡镇）"]
    alone = _read(tmp_path, lines[:4])
    tasks = _read(tmp_path, lines)
    assert [_offices(t) for t in tasks] == [
        (["县教育局"], ["县财政局"]), (["各乡镇"], []), (["县住建局"], ["县财政局"]), (["县人社局"], []), (["县人社局"], ["各乡镇"])]
    assert [_offices(t) for t in alone] == [_offices(t) for t in tasks[:3]]


@pytest.mark.parametrize("suffix", [".txt", ".docx"])
def test_sub_headings_under_a_lead_heading_keep_its_lead(tmp_path, suffix):
    lines = ["一、县教育局牵头工作(3项)", "（一）教育提质", "1.新建幼儿园2所。", "2.改造学校操场5个。", "（二）校园安全",
             "3.建设智慧校园3个。", "二、民生保障", "4.新增城镇就业1000人。", "5.改造老旧小区20个。"]
    tasks = _read(tmp_path, lines, suffix)
    assert [t.lines[0].lead_units for t in tasks] == [["县教育局"]] * 3 + [["（表中未列）"]] * 2


def test_a_sub_heading_naming_its_own_lead_leads_its_items():
    """The rows the list becomes: a sub-heading's own lead over its items, the heading's over its sibling's."""
    entries = [heading_entry(None, "一、县教育局牵头工作(3项)"), heading_entry(None, "（一）县住建局牵头工作"),
               Entry(None, "item", "1", "新建幼儿园2所。"), heading_entry(None, "（二）校园安全"),
               Entry(None, "item", "2", "建设智慧校园3个。"), heading_entry(None, "二、民生保障"),
               Entry(None, "item", "3", "改造老旧小区20个。")]
    header, rows = numbered_table(entries)
    assert [row[header.index("牵头单位")] for row in rows if row[0].isdigit()] == ["县住建局", "县教育局", ""]


@pytest.mark.parametrize("lines", [
    ["一、县教育局牵头工作", "新建幼儿园2所。（县教育局、县财政局）", "新建食堂3个。（县财政局配合）",
     "二、县人社局牵头工作", "新增城镇就业1000人。", "新建零工市场1个。（县人社局、各乡镇）"]])
def test_paragraphs_under_a_lead_heading_read_their_brackets_alike(tmp_path, lines):
    tasks = _read(tmp_path, lines)
    assert [_offices(t) for t in tasks] == [
        (["县教育局"], ["县财政局"]), (["县教育局"], ["县财政局"]), (["县人社局"], []), (["县人社局"], ["各乡镇"])]


# --- 5. a project's cost before it is no target; a result is no work --------------------------------------------------

BUDGETED = ["1.投资3000万元建设养殖基地。（县农业农村局）",
            "2.总投资3000万元的城东污水处理厂项目开工建设。（县住建局）",
            "3.计划投资500万元的城西公园项目完成主体工程。（县住建局）",
            "4.新建幼儿园2所。（县教育局）"]


def test_a_projects_cost_describing_it_is_no_target(tmp_path):
    """"总投资3000万元的…项目开工建设": the cost names which project, the work is its start; "投资3000万元建设…" keeps
    its sum (qinxian-2025's reading)."""
    tasks = _read(tmp_path, BUDGETED)
    assert [targets_of(t) for t in tasks] == [[(3000 * 10**4, "元")], [], [], [(2, "所")]]


@pytest.mark.parametrize("text", ["投资3000万元建设的养殖基地已建成投产。", "投资3000万元，完成年度目标的120%。",
                                  "总投资1.2亿元的污水处理厂已完工。"])
def test_a_result_opening_with_a_budget_states_no_work(text):
    assert (does_work(text), states_work(text)) == (False, False)


def test_a_list_of_results_opening_with_budgets_stays_refused(tmp_path):
    lines = ["1.投资3000万元建设的养殖基地已建成投产。（县农业农村局）", "2.投资3000万元，完成年度目标的120%。（县发改局）",
             "3.投资500万元建设的食用菌基地已建成。（县农业农村局）"]
    with pytest.raises(InputError):
        _read(tmp_path, lines)

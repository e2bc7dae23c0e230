"""Issue 13, read45d: the simplest 分工 list, numbered lines each naming its offices in a role-labelled bracket
("（责任单位：区教育局）", "（牵头单位：区交通局；责任单位：区城管局）") or a label under it ("责任单位：…", "X牵头落实"), is
a work list wherever it stands: alone, blank-line separated, under a page's preamble that names no programme, in
traditional characters; the labels say the items are a 分工's as a 完成时限 line says a dated list is one."""

from __future__ import annotations

import pytest

from .conftest import convert_written, targets_of

ITEMS = [
    "1.新建学校3所。（责任单位：区教育局）",
    "2.改造老旧小区10个。（责任单位：区住建局）",
    "3.新增停车位500个。（牵头单位：区交通局；责任单位：区城管局）",
    "4.新建公园2个。（责任单位：区园林局）",
]
CODES = ["1", "2", "3", "4"]
TITLES = ["新建学校3所。", "改造老旧小区10个。", "新增停车位500个。", "新建公园2个。"]
LEADS = [["区教育局"], ["区住建局"], ["区交通局"], ["区园林局"]]


def _read(tmp_path, lines: list[str], name: str = "list.txt"):
    return convert_written(tmp_path, name, "\n".join(lines) + "\n", 2025).programme.tasks


def _check(tasks) -> None:
    assert [t.code for t in tasks] == CODES
    assert [t.title for t in tasks] == TITLES
    assert [t.lines[0].lead_units for t in tasks] == LEADS
    assert tasks[2].lines[0].units == ["区城管局"]
    assert targets_of(tasks[0]) == [(3, "所")] and targets_of(tasks[2]) == [(500, "个")]


def test_numbered_lines_with_labelled_brackets_under_a_heading_are_a_list(tmp_path):
    _check(_read(tmp_path, ["一、民生实事", *ITEMS]))


def test_numbered_lines_with_labelled_brackets_alone_are_a_list(tmp_path):
    _check(_read(tmp_path, ITEMS))


def test_numbered_lines_with_labelled_brackets_apart_by_blank_lines_are_a_list(tmp_path):
    _check(_read(tmp_path, [line for item in ["一、民生实事", *ITEMS] for line in (item, "")]))


@pytest.mark.parametrize("width", ["half", "full"])
def test_half_and_full_width_brackets_and_colons_read_alike(tmp_path, width):
    table = str.maketrans("（）：；", "():;") if width == "half" else str.maketrans("", "")
    _check(_read(tmp_path, [item.translate(table) for item in ITEMS]))


PREAMBLE = [
    "当前位置:首页 > 政府信息公开 > 政策 > 规范性文件",
    "某政发〔2025〕1号 某区人民政府关于印发2025年区政府重点工作的通知",
    "发布时间:2025-01-13",
    "各街道办事处,区直各部门:",
    "现将2025年区政府重点工作印发给你们,请认真贯彻落实。",
    "某区人民政府",
    "2025年1月13日",
]


def test_a_pages_preamble_naming_no_programme_stands_above_the_list(tmp_path):
    _check(_read(tmp_path, [*PREAMBLE, "一、重点工作", *ITEMS]))


def test_a_notices_points_with_labelled_brackets_that_are_requirements_stay_unread(tmp_path):
    """A notice's requirements, each with its office labelled ("加强组织领导。（责任单位：区政府办）"), are no work list."""
    points = ["1.加强组织领导。（责任单位：区政府办）", "2.强化督查考核。（责任单位：区督查室）",
              "3.加强宣传引导。（责任单位：区委宣传部）"]
    with pytest.raises(Exception, match="no header row found"):
        _read(tmp_path, [*PREAMBLE, *points])


def _below(label: str) -> list[str]:
    """ITEMS with each office printed on the line under its item, by LABEL's form."""
    lines = []
    for item, lead in zip(ITEMS, LEADS, strict=True):
        words = item.split("（")[0]
        if "牵头单位" in item:
            lines += [words, "牵头单位：区交通局；责任单位：区城管局" if label == "label" else "区交通局牵头落实，区城管局配合"]
        else:
            lines += [words, f"责任单位：{lead[0]}" if label == "label" else f"{lead[0]}牵头落实"]
    return lines


def test_labelled_office_lines_under_numbered_items_are_a_list(tmp_path):
    _check(_read(tmp_path, [*PREAMBLE, *_below("label")]))


def test_lead_lines_in_words_under_numbered_items_are_a_list(tmp_path):
    _check(_read(tmp_path, [*PREAMBLE, *_below("words")]))


def test_traditional_characters_read_as_simplified(tmp_path):
    lines = ["1.新建學校3所。(責任單位:區教育局)", "2.改造老舊小區10個。(責任單位:區住建局)",
             "3.新增停車位500個。(牽頭單位:區交通局;責任單位:區城管局)", "4.新建公園2個。(責任單位:區園林局)"]
    tasks = _read(tmp_path, [*PREAMBLE, *lines])
    assert [t.code for t in tasks] == CODES
    assert [t.lines[0].lead_units for t in tasks] == [["區教育局"], ["區住建局"], ["區交通局"], ["區園林局"]]
    assert tasks[2].lines[0].units == ["區城管局"]


def test_a_note_on_the_first_office_inside_the_list_is_no_part_of_its_name(tmp_path):
    lines = ["1.新建学校3所。（责任单位：区教育局（首位单位为牵头单位，下同）、区财政局）", *ITEMS[1:]]
    tasks = _read(tmp_path, lines)
    assert [t.code for t in tasks] == CODES
    assert tasks[0].lines[0].lead_units == ["区教育局"]  # the first office of a 责任单位 list leads; the others are units
    assert set(tasks[0].lines[0].units) - {"区教育局"} == {"区财政局"}
    assert not any("下同" in name for line in tasks[0].lines for name in [*line.lead_units, *line.units, tasks[0].title])


BRACKETED = [
    "一、民生实事",
    "(一)新建学校3所。(牵头单位:区教育局;配合单位:区财政局、区住建局)",
    "(二)改造老旧小区10个。(牵头单位:区住建局;配合单位:区财政局)",
    "(三)新增停车位500个。(牵头单位:区交通局;配合单位:区城管局)",
]


def test_items_numbered_in_brackets_with_labelled_brackets_are_a_list(tmp_path):
    tasks = _read(tmp_path, [*PREAMBLE, *BRACKETED])
    assert [t.code for t in tasks] == ["一(一)", "一(二)", "一(三)"]
    assert [t.title for t in tasks] == ["新建学校3所。", "改造老旧小区10个。", "新增停车位500个。"]
    assert [t.lines[0].lead_units for t in tasks] == [["区教育局"], ["区住建局"], ["区交通局"]]
    assert tasks[0].lines[0].units == ["区财政局", "区住建局"]


def test_an_unnumbered_line_between_a_heading_and_its_items_heads_them(tmp_path):
    lines = ["一、民生实事", *ITEMS[:2], "二、城市建设", "(一)完善基础设施", "提升城市功能", *ITEMS[2:]]
    _check(_read(tmp_path, lines))


def test_offices_that_each_lead_in_words_are_all_leads(tmp_path):
    lines = [*_below("words")]
    lines[1] = "区教育局、区财政局分别牵头落实"
    tasks = _read(tmp_path, [*PREAMBLE, *lines])
    assert tasks[0].lines[0].lead_units == ["区教育局", "区财政局"] and tasks[0].lines[0].units == []
    assert [t.lines[0].lead_units for t in tasks[1:]] == LEADS[1:]


TRADITIONAL_BRACKETED = [
    "某府辦〔2006〕19號",
    "關于印發2006年重點做好的工作事項的通知",
    "各區人民政府,市政府各部門:",
    "現將《2006年重點做好的工作事項》印發給你們,請抓好落實工作。",
    "2006年重點做好的工作事項",
    "一、努力構建現代產業體系",
    "(一)加快建設東部汽車產業基地。(牽頭單位:市經貿委;配合單位:市發改委、規劃局)",
    "(二)推進東部石化基地建設。(牽頭單位:市發改委;配合單位:市經貿委)",
    "(三)加快珠江新城金融商貿區建設,引導金融機構集聚發展。(牽頭單位:市金融辦;配合單位:市國土房管局、規劃局)",
]


def test_items_in_brackets_naming_their_roles_are_a_list_without_a_figure_or_a_programme_word(tmp_path):
    """A "(一)" list whose items set no figure, each with its lead and helpers labelled in the bracket after its words,
    under a notice naming no programme, in traditional characters: a 分工's items, read with their roles."""
    tasks = _read(tmp_path, TRADITIONAL_BRACKETED)
    assert [t.code for t in tasks] == ["一(一)", "一(二)", "一(三)"]
    assert [t.title for t in tasks] == ["加快建設東部汽車產業基地。", "推進東部石化基地建設。",
                                        "加快珠江新城金融商貿區建設,引導金融機構集聚發展。"]
    assert [t.lines[0].lead_units for t in tasks] == [["市經貿委"], ["市發改委"], ["市金融辦"]]
    assert set(tasks[0].lines[0].units) - {"市經貿委"} == {"市發改委", "規劃局"}


ONE_CELL_A_LINE = [
    "某市2017年重点工作实施方案",
    "目标",
    "任务",
    "主要内容",
    "责任单位",
    "一、以项目建设助力稳增长",
    "(一)办好民生项目",
    "新建城区学校3所,新增学位2000个。",
    "市教育局牵头落实",
    "改造老旧小区10个,惠及居民3000户。",
    "市住建局牵头落实",
    "新建社区食堂20个。",
    "市民政局、市商务局分别牵头落实",
    "新增公共停车位500个。",
    "市城管局牵头落实",
]


def test_unnumbered_paragraphs_each_over_its_lead_in_words_are_a_list(tmp_path):
    """One cell a line: paragraphs with no number under "一、" and "(一)", each followed by "X牵头落实": the tasks,
    numbered in their order, each led by the offices before 牵头落实 (all of them before 分别牵头落实)."""
    tasks = _read(tmp_path, ONE_CELL_A_LINE, "points.txt")
    assert [t.code for t in tasks] == ["1", "2", "3", "4"]
    assert tasks[0].title == "新建城区学校3所,新增学位2000个。"
    assert [t.lines[0].lead_units for t in tasks] == [["市教育局"], ["市住建局"], ["市民政局", "市商务局"], ["市城管局"]]
    assert all(set(t.lines[0].units) <= set(t.lines[0].lead_units) for t in tasks)
    assert targets_of(tasks[3]) == [(500, "个")]


def test_lead_lines_in_traditional_characters_read_alike(tmp_path):
    lines = ["1.新建學校3所。", "區教育局牽頭落實", "2.改造老舊小區10個。", "區住建局、區財政局分別牽頭落實",
             "3.新增停車位500個。", "區交通局牽頭落實，區城管局配合"]
    tasks = _read(tmp_path, [*PREAMBLE, *lines])
    assert [t.code for t in tasks] == ["1", "2", "3"]
    assert [t.lines[0].lead_units for t in tasks] == [["區教育局"], ["區住建局", "區財政局"], ["區交通局"]]
    assert set(tasks[2].lines[0].units) - {"區交通局"} == {"區城管局"}

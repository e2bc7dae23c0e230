"""Issue 13, read44: role words and office names left over. A role word after the units a bracketed lead mark leaves
("市教育局（牵头）、各县区落实") and a lone 统筹 / 指导 / 督导 after an office ("市发改委统筹，各区落实") are no part of a
unit's name; two offices run together split only by read43b's rule (the second a whole office of government opening
with the level word), else stay one name."""

from __future__ import annotations

import pytest

from mstrack.sources.table.office_names import split_units
from mstrack.sources.table.units import roles_in, unit_names

from .conftest import convert_written

# --- 1. a bracketed lead mark, and the others closed by their own role -----------------------------------------------


@pytest.mark.parametrize(("cell", "lead", "others"), [
    ("市教育局（牵头）、各县区落实", "市教育局", "各县区"),
    ("市教育局（牵头）、各县区配合", "市教育局", "各县区"),
    ("市教育局(牵头)，各县区参照落实", "市教育局", "各县区"),
    ("县住建局（牵头）、各乡镇抓好落实", "县住建局", "各乡镇"),
    ("县住建局（负责）、各乡镇配合", "县住建局", "各乡镇"),
    ("市民政局（牵头）、市财政局、各区协助", "市民政局", "市财政局、各区"),
    ("市教育局（牵头） 各县区落实", "市教育局", "各县区"),  # a space between the two, as a copy leaves it
    ("市教育局（牵头） 各县区", "市教育局", "各县区"),
])
def test_the_others_beside_a_bracketed_lead_mark_lose_their_role_word(cell, lead, others):
    assert roles_in(cell) == (lead, others)


def test_a_bracketed_lead_mark_before_a_space_leads_its_office_alone(tmp_path):
    rows = [["序号", "工作任务", "责任单位", "完成时限"],
            ["1", "新建幼儿园3所", "市教育局（牵头） 各县区落实", "2024年12月底"],
            ["2", "改造老旧小区20个", "市住建局", "2024年12月底"]]
    line = convert_written(tmp_path, "plan.csv", rows).programme.tasks[0].lines[0]
    assert (line.lead_units, line.units) == (["市教育局"], ["各县区"])


def test_words_beside_a_bracketed_lead_mark_that_are_no_office_stay_as_printed():
    """"督促各区落实": no office ends before the role (a work verb inside it), so the words stay."""
    assert roles_in("市教育局（牵头）、督促各区落实") == ("市教育局", "督促各区落实")


# --- 2. 统筹 / 指导 / 督导 alone after an office ---------------------------------------------------------------------


@pytest.mark.parametrize(("cell", "names"), [
    ("市发改委统筹，各区落实", ["市发改委", "各区"]),
    ("市发改委统筹", ["市发改委"]),
    ("市发改委指导，各区落实", ["市发改委", "各区"]),
    ("县教育局督导、各乡镇", ["县教育局", "各乡镇"]),
    ("市发改委负责，各区落实", ["市发改委", "各区"]),
    ("市发改委牵头，各区落实", ["市发改委", "各区"]),
    ("市发改委配合，各区落实", ["市发改委", "各区"]),
    ("市发改委协助，各区落实", ["市发改委", "各区"]),
    ("市发改委统筹指导，各区落实", ["市发改委", "各区"]),  # a manner before the overseer's role
])
def test_a_role_word_alone_after_an_office_is_no_part_of_its_name(cell, names):
    assert unit_names(cell) == names


@pytest.mark.parametrize("cell", ["市统筹城乡发展办", "县农业技术指导站", "市发改委指导各区开展工作", "县督导室"])
def test_a_role_word_inside_a_name_or_before_its_work_stays(cell):
    assert unit_names(cell) == [cell]


def test_a_lone_oversight_role_after_an_office_in_a_units_cell_names_the_office(tmp_path):
    rows = [["序号", "工作任务", "牵头单位", "责任单位", "完成时限"],
            ["1", "新建幼儿园3所", "市教育局", "市发改委统筹，各区落实", "2024年12月底"],
            ["2", "改造老旧小区20个", "市住建局", "市发改委指导，各区配合", "2024年12月底"],
            ["3", "新增停车泊位500个", "市公安局", "市城管局督导、各区", "2024年12月底"]]
    tasks = convert_written(tmp_path, "plan.csv", rows).programme.tasks
    assert [(t.lines[0].lead_units, t.lines[0].units) for t in tasks] == [
        (["市教育局"], ["市发改委", "各区"]), (["市住建局"], ["市发改委", "各区"]), (["市公安局"], ["市城管局", "各区"])]


def test_a_lone_oversight_role_in_a_cell_of_its_own_reads_as_the_office_alone(tmp_path):
    """With no 牵头 word the first office leads, as in a list ("市发改委，各区落实"): the same reading."""
    rows = [["序号", "工作任务", "责任单位", "完成时限"],
            ["1", "新建幼儿园3所", "市发改委指导，各区落实", "2024年12月底"],
            ["2", "改造老旧小区20个", "市发改委，各区落实", "2024年12月底"]]
    tasks = convert_written(tmp_path, "plan.csv", rows).programme.tasks
    read = [(t.lines[0].lead_units, t.lines[0].units) for t in tasks]
    assert read[0] == read[1]
    assert read[0][0] == ["市发改委"] and "各区" in read[0][1]


@pytest.mark.parametrize("cell", ["市发改委统筹、市财政局配合", "市发改委指导，市财政局配合", "市发改委督导、市财政局协助"])
def test_an_office_closed_by_its_own_lone_role_is_no_helper_of_the_list_after_it(tmp_path, cell):
    """"A统筹、B配合": 配合 closes B's list only; A, named with its own role, leads as the first office of a list does."""
    rows = [["序号", "工作任务", "责任单位", "完成时限"],
            ["1", "新建幼儿园3所", cell, "2024年12月底"],
            ["2", "改造老旧小区20个", "市住建局", "2024年12月底"]]
    line = convert_written(tmp_path, "plan.csv", rows).programme.tasks[0].lines[0]
    assert line.lead_units == ["市发改委"]
    assert "市财政局" in line.units


@pytest.mark.parametrize("cell", ["市发改委统筹、市财政局配合", "市发改委统筹，市财政局配合"])
def test_a_lone_leading_manner_closed_by_a_list_mark_leads_as_before_a_stop(cell):
    assert roles_in(cell) == ("市发改委", "市财政局")


@pytest.mark.parametrize("offices", ["市发改委统筹，各区落实", "市发改委统筹、各区配合"])
def test_a_lists_bracket_of_an_office_closed_by_a_lone_role_names_the_items_offices(tmp_path, offices):
    """A numbered list whose items close with "（市发改委统筹，各区落实）": the offices (the list was refused, "no header
    row found", while 市发改委统筹 was read as a name that ends like no office)."""
    from mstrack.sources.table import convert_table

    path = tmp_path / "plan.txt"
    path.write_text("2024年民生实事项目\n"
                    f"1.新建幼儿园3所，年底前完成。（{offices}）\n"
                    "2.改造老旧小区20个，年底前完成。（市住建局）\n", encoding="utf-8")
    tasks = convert_table(path, "x-2024", 2024).programme.tasks
    assert [t.title for t in tasks] == ["新建幼儿园3所，年底前完成。", "改造老旧小区20个，年底前完成。"]
    assert tasks[0].lines[0].lead_units == ["市发改委"]
    assert "各区" in tasks[0].lines[0].units


# --- 3. two offices run together: read43b's rule decides, else one name (pins of a decision, no change) --------------


@pytest.mark.parametrize(("cell", "units"), [
    ("市商务局市市场监管局", ["市商务局", "市市场监管局"]),  # the level form: a second whole office
    ("市商务局市场监管局", ["市商务局市场监管局"]),  # 市场 is a word, no level: the rule cannot tell, one name
    ("市公安局交通管理局", ["市公安局交通管理局"]),  # a 局 inside a 局, opening with no level: one name
    ("县政府办县大数据中心", ["县政府办县大数据中心"]),  # a 中心 is no whole office of government: one name
])
def test_offices_run_together_split_only_at_a_whole_office_opening_with_the_level(cell, units):
    assert split_units(cell) == units

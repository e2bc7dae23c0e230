"""Issue 13, the twelfth held-out set's losses on the header path: each rule on a small synthetic table."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.errors import InputError
from mstrack.labels import messages
from mstrack.sources.table import convert_table
from mstrack.sources.table.likeness import another_thing
from mstrack.sources.table.mentions import find_mentions
from mstrack.sources.table.units import roles_in
from tests.conftest import convert_written


@pytest.mark.parametrize(("cell", "leads"), [
    ("县人社局、县农业农村局分别牵头", "县人社局、县农业农村局"),
    ("县人社局 县农业农村局分别牵头", "县人社局、县农业农村局"),
    ("县人社局、县发改局共同牵头", "县人社局、县发改局"),
])
def test_offices_that_each_lead_their_part_all_lead(cell, leads):
    """"A、B分别牵头": each office leads its own part of the item, so both lead and no unit is "B分别牵头"."""
    lead, others = roles_in(cell)
    assert (lead.replace(" ", "、"), others) == (leads, "")


@pytest.mark.parametrize(("text", "another"), [
    ("社会消费品零售总额增长5%,外贸出口增长5%。", True),
    ("城镇调查失业率控制在5%以内,城镇登记失业率控制在5%以内", True),
    ("外贸出口增长5%。全年外贸出口增长5%", False),  # two sentences: the one target printed twice
    ("外贸出口增长5%,其中外贸出口增长5%", False),
    ("公办高中学位2万个、幼儿园学位2万个", False),  # a list's parts, no verb of their own: as the seeds read it
])
def test_the_same_share_after_a_subject_of_its_own_is_another_thing(text, another):
    """An equal figure with no noun after it, but after a subject the first does not share, in one sentence, counts
    another thing: it is no repeat of the first."""
    first, second = find_mentions(text, 2023)
    assert another_thing(second, [first], text) is another


@pytest.mark.parametrize(("text", "values"), [
    ("每年招引制造业项目100个,带动未来五年制造业投资1000亿元以上", [100]), ("到2025年,累计建成养老床位3000张", []),
    ("“十四五”期间新增停车位5000个", []), ("三年内改造老旧小区120个", []), ("2023-2025年新建绿道300公里", []),
    ("到2023年底建成养老床位3000张", [3000]), ("每年新增停车位5000个", [5000]), ("年内改造老旧小区120个", [120]),
])
def test_a_figure_over_several_years_is_no_target_of_the_year(text, values):
    """Words before a figure that place it over several years (未来五年, 到2025年 in a 2023 programme, "十四五"期间,
    三年内) make it no target of the year; the year's own words (到2023年底, 每年, 年内) do not."""
    assert [m.value for m in find_mentions(text, 2023)] == values


def _plan(tmp_path, rows: str):
    return convert_written(tmp_path, "plan.csv", "序号,工作任务,工作内容,牵头单位,完成时限\n" + rows, 2023, "t").programme


@pytest.mark.parametrize(("words", "name", "points"), [
    ("治理河道5条，第三季度前完成2条", "治理河道", [(date(2023, 9, 30), 2), (date(2023, 12, 31), 5)]),
    ("新增就业3万人，6月底前累计完成2.4万人", "新增就业", [(date(2023, 6, 30), 24000), (date(2023, 12, 31), 30000)]),
])
def test_a_figure_after_a_dated_step_with_no_noun_is_a_checkpoint_of_the_indicator(tmp_path, words, name, points):
    """"…5条，第三季度前完成2条": the second figure has the first one's unit and no noun of its own; it is the item's
    indicator reached by the step's date (2 of 5), not a new indicator called 指标 (issue 13, item 6)."""
    plan = _plan(tmp_path, f"1,河道治理,{words},县水利局,2023年12月底\n")
    (line,) = plan.tasks[0].lines
    assert [(i.name, [(m.due, m.target) for m in i.milestones]) for i in line.indicators] == [(name, points)]


def test_a_dated_figure_with_a_noun_of_its_own_stays_an_indicator(tmp_path):
    plan = _plan(tmp_path, "1,河道治理,治理河道5条，第三季度前新建堤防2条,县水利局,2023年12月底\n")
    assert [i.name for i in plan.tasks[0].lines[0].indicators] == ["治理河道", "新建堤防"]


@pytest.mark.parametrize(("suffix", "english"), [(".txt", "line 3"), (".csv", "row 3"), (".tsv", "row 3")])
def test_a_text_file_names_lines_where_a_sheet_names_rows(tmp_path, suffix, english):
    """A .txt table is read in an editor, which numbers lines: its messages say "line 3"; a sheet, a CSV or a document
    says "row 3". Chinese says 第 3 行 for both."""
    path = tmp_path / f"plan{suffix}"
    sep = "," if suffix == ".csv" else "\t"
    path.write_text(f"2023年民生实事\n\n序号{sep}工作任务{sep}牵头单位{sep}完成时限\n", encoding="utf-8")
    with pytest.raises(InputError) as refused:
        convert_table(path, "t", 2023)
    (message,) = refused.value.messages
    assert f": {english}: a header but no task rows below it" in str(message)
    assert "：第 3 行：有表头" in message.render(lambda t: messages().get(t, t))


def test_a_doubt_in_a_text_file_names_its_line(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("序号\t工作任务\t牵头单位\t完成时限\n1\t新建公厕10座\t县城管局\t适时\n", encoding="utf-8")
    doubts = convert_table(path, "t", 2023).doubts
    assert doubts and all(str(d).startswith("plan.txt: line 2, column ") for d in doubts), doubts

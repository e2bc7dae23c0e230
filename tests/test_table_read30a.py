"""Issue 13, read30a: the eighteenth held-out set's half a (lines and lists), each rule on a small synthetic document:
an item that opens with its budget ("投资3000万元建设…") states work by the verb after the sum; a group heading naming
the office that leads its items ("一、县示范区管委会牵头工作(8项)") gives each item under it that lead, up to the next
heading; a square bracket "[牵头单位:…;责任单位:…]" or "【…】" holding the labelled groups names the item's offices as a
round one does (a round bracket inside it belongs to a name)."""

from __future__ import annotations

import pytest

from mstrack.sources.table import convert_table
from mstrack.sources.table.list_numbered import heading_lead
from mstrack.sources.table.list_work import does_work
from mstrack.sources.table.units import office_list

from .conftest import read_as_best_effort, targets_of
from .test_table_read26 import _write


@pytest.mark.parametrize(("text", "work"), [
    ("投资3000万元建设南美白对虾工厂化循环水养殖基地。", True),
    ("总投资1.2亿元,新建污水处理厂1座。", True),
    ("计划投资800万元用于改造老旧小区。", True),
    ("投资3000万元。", False),  # a sum alone states no work
    ("投资环境进一步优化。", False)])
def test_a_budget_before_the_verb_is_the_items_and_the_verb_states_the_work(text, work):
    assert does_work(text) is work


GROUPED = ["关于印发2025年县政府工作报告任务分解的通知",
           "各乡镇人民政府,县直各有关单位:",
           "现将《2025年县政府工作报告任务分解》印发给你们,请认真抓好落实。",
           "附件1",
           "2025年县政府工作报告任务清单",
           "一、县示范区管委会牵头工作(3项)",
           "1.投资3000万元建设养殖基地。",
           "2.打造食用菌生产基地。",
           "3.建设3个产业园。",
           "二、县教育局牵头工作(2项)",
           "1.新建幼儿园2所。",
           "2.改造学校操场5个。"]


@pytest.mark.parametrize("suffix", [".txt", ".html", ".docx"])
def test_items_under_a_heading_naming_their_lead_office(tmp_path, suffix):
    """Items restarting under two headings that each name the office leading them: both numbers make the code, the
    heading's office leads each item under it, and the first item's budget is its figure."""
    tasks = convert_table(_write(tmp_path, suffix, GROUPED), "x-2025", 2025).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [
        ("一1", "投资3000万元建设养殖基地。"), ("一2", "打造食用菌生产基地。"), ("一3", "建设3个产业园。"),
        ("二1", "新建幼儿园2所。"), ("二2", "改造学校操场5个。")]
    assert [t.lines[0].lead_units for t in tasks] == [["县示范区管委会"]] * 3 + [["县教育局"]] * 2
    assert targets_of(tasks[0]) == [(3000 * 10**4, "元")]
    assert targets_of(tasks[2]) == [(3, "个")]


def test_one_group_of_items_keeps_the_items_own_numbers(tmp_path):
    """The excerpt's one group: the items' own numbers (both numbers only where they restart under the next heading),
    as a single "一、" group's items are coded elsewhere in the corpus."""
    tasks = convert_table(_write(tmp_path, ".txt", GROUPED[:9]), "x-2025", 2025).programme.tasks
    assert [t.code for t in tasks] == ["1", "2", "3"]
    assert [t.lines[0].lead_units for t in tasks] == [["县示范区管委会"]] * 3


def test_a_heading_naming_no_office_ends_the_lead(tmp_path):
    """A next heading that names no office ("二、其他工作"): its items have no lead from the heading above."""
    lines = [*GROUPED[:9], "二、其他工作(2项)", "1.新建幼儿园2所。", "2.改造学校操场5个。"]
    tasks = convert_table(_write(tmp_path, ".txt", lines), "x-2025", 2025).programme.tasks
    assert [t.code for t in tasks] == ["一1", "一2", "一3", "二1", "二2"]
    assert [t.lines[0].lead_units for t in tasks][:3] == [["县示范区管委会"]] * 3
    assert all("县示范区管委会" not in t.lines[0].lead_units + t.lines[0].units for t in tasks[3:])


@pytest.mark.parametrize(("numbers", "codes"), [
    (["(一)", "(二)", "(三)", "(一)", "(二)"], ["一(一)", "一(二)", "一(三)", "二(一)", "二(二)"]),  # a 通知's points
    (["", "", "", "", ""], ["1", "2", "3", "4", "5"])])  # paragraphs with no number, counted in order
def test_items_numbered_otherwise_under_a_heading_naming_their_lead(tmp_path, numbers, codes):
    """The same headings over items "(一)" or over paragraphs with no number: the heading's office leads them too."""
    lines = [*GROUPED[:5], GROUPED[5], *(f"{n}{t[2:]}" for n, t in zip(numbers[:3], GROUPED[6:9], strict=True)),
             GROUPED[9], *(f"{n}{t[2:]}" for n, t in zip(numbers[3:], GROUPED[10:], strict=True))]
    tasks = convert_table(_write(tmp_path, ".txt", lines), "x-2025", 2025).programme.tasks
    assert [t.code for t in tasks] == codes
    assert [t.lines[0].lead_units for t in tasks] == [["县示范区管委会"]] * 3 + [["县教育局"]] * 2


@pytest.mark.parametrize(("heading", "lead"), [
    ("一、县示范区管委会牵头工作(8项)", "县示范区管委会"),
    ("(二)市教育局负责的任务", "市教育局"),
    ("三、县发改局牵头事项", "县发改局"),
    ("一、孟学农省长负责的工作", ""),  # a person, no office
    ("一、民生工作(8项)", ""),
    ("二、加强组织领导,县政府办牵头", "")])
def test_the_office_a_group_heading_names_as_lead(heading, lead):
    assert heading_lead(heading) == lead


def test_a_budget_alone_is_no_work_and_the_list_stays_refused(tmp_path):
    """Items that print a sum and no verb after it: no work, too few items for a list — the layout readings refuse it;
    under a heading naming the work's lead ("一、县示范区管委会牵头工作") `import table` reads it only as a best effort
    (list_fallback), every task a doubt."""
    lines = [*GROUPED[:6], "1.投资3000万元。", "2.投资500万元。", "3.投资200万元。"]
    read_as_best_effort(_write(tmp_path, ".txt", lines), "no header row found", year=2025)


BRACKETED = ["关于对2021年重点工作进行责任分解的通知",
             "经县人民政府同意,现将2021年重点工作责任分解给你们,请抓好落实。",
             "2021年重点工作责任分解",
             "一、2021年经济社会发展主要目标",
             "(一)地区生产总值增长11%。[牵头单位:县发改局(粮食局);责任单位:各镇人民政府,县经济开发区]",
             "(二)地方公共预算收入增长32%。(牵头单位:县财政局;责任单位:县税务局,各镇人民政府)",
             "(三)规模以上工业增加值增长11.5%。【牵头单位:县科经局;责任单位:各镇人民政府】",
             "(四)固定资产投资增长12%。(牵头单位:县发改局(粮食局);责任单位:各镇人民政府)"]


def _offices(task) -> tuple[list[str], list[str]]:
    line = task.lines[0]
    return line.lead_units, [u for u in line.units if u not in line.lead_units]


@pytest.mark.parametrize("suffix", [".docx", ".html", ".txt"])
def test_a_square_bracket_of_labelled_offices_is_the_items(tmp_path, suffix):
    """"[牵头单位:…;责任单位:…]" and "【…】" name the item's offices as the round bracket does; the round bracket inside
    ("县发改局(粮食局)", one bureau by its two names) is part of the lead's name, in a square bracket or a round one."""
    tasks = convert_table(_write(tmp_path, suffix, BRACKETED), "x-2021", 2021).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [
        ("一(一)", "地区生产总值增长11%。"), ("一(二)", "地方公共预算收入增长32%。"),
        ("一(三)", "规模以上工业增加值增长11.5%。"), ("一(四)", "固定资产投资增长12%。")]
    assert [_offices(t) for t in tasks] == [
        (["县发改局(粮食局)"], ["各镇人民政府", "县经济开发区"]), (["县财政局"], ["县税务局", "各镇人民政府"]),
        (["县科经局"], ["各镇人民政府"]), (["县发改局(粮食局)"], ["各镇人民政府"])]


def test_a_square_bracket_after_a_numbered_item(tmp_path):
    """The same bracket after an item numbered "1.": its offices, not a label "责任单位:" of the item's line."""
    lines = [*BRACKETED[:3], *(f"{k}.{text[3:]}" for k, text in enumerate(BRACKETED[4:], 1))]
    tasks = convert_table(_write(tmp_path, ".txt", lines), "x-2021", 2021).programme.tasks
    assert [t.title for t in tasks][0] == "地区生产总值增长11%。"
    assert _offices(tasks[0]) == (["县发改局(粮食局)"], ["各镇人民政府", "县经济开发区"])
    assert _offices(tasks[2]) == (["县科经局"], ["各镇人民政府"])


@pytest.mark.parametrize(("bracket", "title"), [
    ("[重点]", "地区生产总值增长11%。[重点]"),  # no label: a mark of the item's, not its offices
    ("[县发改局]", "地区生产总值增长11%。[县发改局]")])  # offices with no label: not read from a square bracket
def test_a_square_bracket_without_labels_stays_in_the_words(tmp_path, bracket, title):
    lines = [*BRACKETED[:4], f"(一)地区生产总值增长11%。{bracket}", *BRACKETED[5:]]
    tasks = convert_table(_write(tmp_path, ".txt", lines), "x-2021", 2021).programme.tasks
    assert tasks[0].title == title


@pytest.mark.parametrize(("name", "office"), [
    ("县发改局(粮食局)", True), ("县人社局（医保局）", True), ("县教育局(含城区)", True), ("县政府(不含高新区)", True),
    ("含城区", False), ("(含城区)", False)])
def test_an_office_by_its_two_names_is_one_office(name, office):
    """A second name of the same office in the bracket after it; a bracket of scope is none, but the office before it
    is one still (its scope goes to the lead's note: 13-read41b, as in a 牵头 cell); a scope alone names no office."""
    assert office_list(name) is office

"""Issue 13, read42c: the twenty-fifth set's lists, each rule on a small synthetic list: items "(一)" numbered on
across headings "一、" go by both numbers (tests/data/tables/README.md); a lead's bracket left unclosed at the end of
the line, and an office's name cut short under a role label, are the item's lead as printed; a plan's part of goals in
running text above its part of tasks is no task; one figure printed twice after two stages of work is two targets."""

from __future__ import annotations

import pytest

from .conftest import convert_written, targets_of


def _lead(task) -> list[str]:
    """The task's lead units, the reader's placeholder for none left out."""
    return [u for line in task.lines for u in line.lead_units if u != "（表中未列）"]


# --- 1. items "(一)" numbered on across the headings "一、" ------------------------------------------------------

NOTICE = """某县2024年实施20项民生实事

一、教育惠民(3项)

(一)新建公办幼儿园2所,新增学位540个。(牵头单位:县教育局)

(二)改造农村学校运动场8个。(牵头单位:县教育局)

(三)培训乡村教师600人次。(牵头单位:县教育局)

二、健康保障(2项)

(四)新建村卫生室12个。(牵头单位:县卫健委)

(五)为65岁以上老年人免费体检3万人。(牵头单位:县卫健委)
"""


def test_items_numbered_on_across_headings_take_both_numbers(tmp_path):
    """"(四)" under "二、" after "(三)" under "一、": "(一)" is the level under "一、", and an item so numbered goes by
    its heading's number and its own, "二(四)", whether the numbers start again under each heading or run on (the
    README's rule, "二(三)": group 二, project (三))."""
    tasks = convert_written(tmp_path, "notice.txt", NOTICE).programme.tasks
    assert [t.code for t in tasks] == ["一(一)", "一(二)", "一(三)", "二(四)", "二(五)"]
    assert tasks[3].title == "新建村卫生室12个。"
    assert _lead(tasks[3]) == ["县卫健委"]


# --- 2. a lead's bracket left unclosed; an office's name cut short under its label ------------------------------

def test_a_leads_bracket_left_unclosed_at_the_lines_end_is_the_lead(tmp_path):
    """"…补贴。(牵头单位:县人社局" ends the line with its bracket never closed (the ")" lost): the role label says it is
    the item's lead, read as the closed bracket is; the title keeps no part of it."""
    text = NOTICE.replace("(牵头单位:县教育局)\n\n(二)", "(牵头单位:县教育局\n\n(二)")
    tasks = convert_written(tmp_path, "notice.txt", text).programme.tasks
    assert tasks[0].title == "新建公办幼儿园2所,新增学位540个。"
    assert _lead(tasks[0]) == ["县教育局"]
    assert targets_of(tasks[0]) == [(2, "所"), (540, "个")]


def test_an_unclosed_bracket_of_words_stays_in_the_title(tmp_path):
    """A bracket with no role label left open at the end ("(含城区") names no office: the words stay as printed."""
    text = NOTICE.replace("(三)培训乡村教师600人次。(牵头单位:县教育局)", "(三)培训乡村教师600人次(含城区")
    tasks = convert_written(tmp_path, "notice.txt", text).programme.tasks
    assert tasks[2].title == "培训乡村教师600人次(含城区"
    assert _lead(tasks[2]) == []


def test_an_office_cut_short_under_its_role_label_is_read_as_printed(tmp_path):
    """"(牵头单位:政局)": a character of 民政局 lost in the stored text; the label says the bracket names the lead, and
    a name ending like an office is one there, as printed, even of two characters."""
    text = NOTICE.replace("(牵头单位:县卫健委)\n\n(五)", "(牵头单位:政局)\n\n(五)")
    tasks = convert_written(tmp_path, "notice.txt", text).programme.tasks
    assert tasks[3].title == "新建村卫生室12个。"
    assert _lead(tasks[3]) == ["政局"]


def test_a_two_character_word_under_a_label_is_no_office(tmp_path):
    """A label followed by words that end like no office ("(牵头单位:待定)") stays in the title, as before."""
    text = NOTICE.replace("(牵头单位:县卫健委)\n\n(五)", "(牵头单位:待定)\n\n(五)")
    tasks = convert_written(tmp_path, "notice.txt", text).programme.tasks
    assert _lead(tasks[3]) == []


# --- 3. a plan's part of goals above its part of tasks ---------------------------------------------------------

PLAN = """某縣2023年民生工程實施方案
為切實解決群眾急難愁盼問題,2023年在全縣繼續實施民生工程,制定如下實施方案。
一、主要目標
堅持以人民為中心的發展思想,通過實施民生工程,提升保障和改善民生水平。全年任務力爭2023年10月底前全部完成,同時謀劃2024年20項民生工程。
二、主要任務
(一)老舊小區改造工程。改造老舊小區15個。(責任單位:縣住房和城鄉建設局)
(二)農村公路提升工程。建設改造農村公路60公里。(責任單位:縣交通運輸局)
(三)口袋公園建設工程。新建成3個口袋公園。(責任單位:縣城市管理局)
"""


def test_a_part_of_goals_in_running_text_is_no_task(tmp_path):
    """"一、主要目標" over a paragraph of running text (the plan's aims, next year's count) heads no project: it is no
    task, and the projects "(一)" of the part "二、主要任務" are its one group's, "二(一)" (traditional characters as
    printed)."""
    tasks = convert_written(tmp_path, "plan.txt", PLAN, year=2023).programme.tasks
    assert [t.code for t in tasks] == ["二(一)", "二(二)", "二(三)"]
    assert tasks[0].title == "老舊小區改造工程。改造老舊小區15個。"
    assert _lead(tasks[0]) == ["縣住房和城鄉建設局"]
    assert targets_of(tasks[1]) == [(60, "公里")]


# --- 4. one figure after two stages of work --------------------------------------------------------------------

@pytest.mark.parametrize("about", ["", "约", "不少于"])
def test_one_figure_after_two_stages_of_work_is_two_targets(tmp_path, about):
    """"开工400套,建成400套": the same figure after two verbs of the work's stages (start, finish) in one sentence is
    two targets, each its own stage, an estimate or a bound before it too; a figure said again in a list with no verb
    stays one ("学位2万个、幼儿园学位2万个")."""
    text = PLAN.replace("改造老舊小區15個。", f"棚戶區改造項目開工{about}400套,建成{about}400套。")
    tasks = convert_written(tmp_path, "plan.txt", text, year=2023).programme.tasks
    shacks = next(t for t in tasks if t.title.startswith("老舊小區改造工程"))
    assert targets_of(shacks) == [(400, "套"), (400, "套")]

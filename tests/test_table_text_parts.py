"""Issue 13, reader63a: a text file holding a notice and a table pasted among its lines (its cells parted by tabs) read
as the two parts of one plan, as a web page's text and table are; an inspection roster (组别 / 检查片区及单位 /
参加人员) its tasks, each on a small made-up text."""

from __future__ import annotations

from datetime import date

from mstrack.sources.documents import document_parts
from mstrack.sources.table.cells import seq_cell
from mstrack.sources.table.row_lines import UNLISTED

from .conftest import text_tasks


def _leads(task) -> list[str]:
    return [u for line in task.lines for u in line.lead_units if u != UNLISTED]  # the placeholder: none named


NOTICE = ["某区卫生健康局关于开展医疗机构专项检查的通知",
          "各医疗机构：",
          "为规范医疗服务，决定开展医疗机构专项检查，具体如下：",
          "一、时间安排",
          "2024年7月19日—25日。",
          "二、检查方式",
          "听取汇报、查阅资料、现场核查等。",
          "三、其他要求",
          "（一）提高思想认识。各级各类医疗机构要根据检查内容做好自查和迎检的各项准备工作。",
          "（二）组织培训。专项检查工作组要认真学习检查内容，确保检查结果客观公正。",
          "（三）廉政纪律要求。严格按照中央八项规定精神及廉洁自律有关规定执行。",
          "（四）工作组成员每天早上8点准时集中出发，局综合处负责交通工具。",
          "某区卫生健康局",
          "2024年7月18日",
          "附件",
          "专项检查具体安排表"]
ROSTER = ["组别\t检查片区及单位\t参加人员",
          "第一组\t甲镇、乙镇、丙乡、区直单位\t副组长：张 三 成 员：李四、王五",
          "第二组\t丁镇、戊乡、民营医院\t副组长：赵 六 成 员：钱七、孙八"]


def test_a_text_files_table_and_its_notice_are_one_plans_two_parts(tmp_path):
    """"组别	检查片区及单位	参加人员" over its rows, tab-separated lines under the notice's text: the table is read as a
    table (each group a task coded as printed, titled by the places it checks, no lead: its cell names persons), due
    at the end of the period the text's part names (二、时间安排), beside the text's duties (三(一)–(四), each due so
    too; 三(三), naming no doer, kept: the notice's own duties, not a requirement beside a plan's list)."""
    tasks = text_tasks(tmp_path, [*NOTICE, *ROSTER])
    assert [t.code for t in tasks] == ["三(一)", "三(二)", "三(三)", "三(四)", "第一组", "第二组"]
    groups = tasks[-2:]
    assert [(t.title, _leads(t), t.deadline) for t in groups] == [
        ("甲镇、乙镇、丙乡、区直单位", [], date(2024, 7, 25)), ("丁镇、戊乡、民营医院", [], date(2024, 7, 25))]
    assert {t.deadline for t in tasks} == {date(2024, 7, 25)}
    assert _leads(tasks[2]) == []


def test_the_notice_alone_reads_its_duties_as_before(tmp_path):
    """Without the table, the notice's duties read the same: the split changes nothing of the text's reading."""
    assert [t.code for t in text_tasks(tmp_path, NOTICE)] == ["三(一)", "三(二)", "三(三)", "三(四)"]


def test_a_text_files_parts_are_runs_of_tab_lines_of_one_width(tmp_path):
    """A run of three tab-separated lines or more of one width is a table; a line of another width among them, or two
    lines only, split nothing (the file is read whole, as before), nor does a file that is its table alone."""
    def parts(lines: list[str]) -> list[int | None]:
        path = tmp_path / "plan.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return [part.number for part in document_parts(path)]
    assert parts([*NOTICE, *ROSTER]) == [1, None]
    assert parts([*NOTICE, *ROSTER[:2]]) == []
    assert parts([*NOTICE, *ROSTER, "第三组\t己镇"]) == []
    assert parts(ROSTER) == []


def test_tab_lines_that_give_no_task_leave_the_file_read_whole(tmp_path):
    """Tab-separated lines that read as no task table (a class timetable an item's words point to) split nothing: the
    file is read whole, as it was before (parts.convert_parts gives no joined plan), its tasks the same."""
    from mstrack.sources.table.convert import convert_sheets
    from mstrack.sources.table.parts import convert_parts

    timetable = ["期号\t报到时间\t人数", "1\t10.16\t88", "2\t10.22\t88"]
    path = tmp_path / "plan.txt"

    def joined(lines: list[str]):
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return convert_parts(path, lambda sheets: convert_sheets(sheets, path=path, programme="x-2024", year=2024))
    assert joined([*NOTICE, *timetable]) is None
    assert [t.code for t in joined([*NOTICE, *ROSTER]).programme.tasks][-2:] == ["第一组", "第二组"]
    assert [t.code for t in text_tasks(tmp_path, [*NOTICE, *timetable])] == [t.code for t in text_tasks(tmp_path, NOTICE)]


def test_an_inspection_groups_number_is_a_row_number():
    """"第一组", "第2检查组" in a 组别 column number its rows, as "1" does in a 序号 column; "第一" alone does not."""
    assert seq_cell("第一组") and seq_cell("第2检查组") and seq_cell("3")
    assert not seq_cell("第一") and not seq_cell("小组")


def test_a_roster_of_two_groups_over_footnotes_is_a_table(tmp_path):
    """A roster of two groups with footnotes under it ("备注：…", "注：…"): the notes are no rows the items are counted
    against, and the groups are read (header._items_below)."""
    from .conftest import convert_written

    roster = "\n".join([*ROSTER, "备注：各组检查时间以通知为准。", "注：本表由局医政处负责填报。"]) + "\n"
    tasks = convert_written(tmp_path, "roster.tsv", roster).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [("第一组", "甲镇、乙镇、丙乡、区直单位"), ("第二组", "丁镇、戊乡、民营医院")]

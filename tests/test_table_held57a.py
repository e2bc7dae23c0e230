"""held57a (issue 13): a rectification ledger (整改台账) — the problems found, the body that must put them right, a person
answering for it and a term in days counted from the ledger's date.

序号 / 单位 / 存在问题 / 整改责任人 / 联系电话 / 整改期限 / 建议: the problems column is the task column
(columns.PROBLEM_HEADER), its figures what was found and no target (columns.lists_problems); 单位 names the body, the
row's lead; the person is no unit; "15天" is a term counted from the date printed above the table (terms), each row due
then; problems run together "1.无证2.通道堵塞" keep their first number (titles.runs_in); the header printed again mid-table
is no task."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mstrack.sources.table import convert_table
from mstrack.sources.table.columns import column_kind, lists_problems
from mstrack.sources.table.list_inspections import inspection_groups
from mstrack.sources.table.reading import Row
from mstrack.sources.table.terms import dated_above, term_days, term_end
from mstrack.vocabulary import UNLISTED

HEADER = ("<tr><td>序号</td><td>单位</td><td>存在问题</td><td>整改责任人</td><td>联系电话</td><td>整改期限</td>"
          "<td>建议</td></tr>")
ROWS = [
    ("1", "东风幼儿园", "无证，厨房旁存放液化气，一楼两个通道", "张三", "13800000001", "15天", "依法取缔"),
    ("2", "红星托管中心", "1.无证经营2.通道堵塞3.托管20人（已分流）", "李四", "13800000002", "15天", "联合勘定"),
    ("3", "阳光幼儿园", "灭火器过期（现已整改）", "王五", "13800000003", "30日内", "联合勘定"),
]


def _page(tmp_path: Path, dated: str = "<p>2020年5月6日</p>") -> Path:
    rows = ["<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in ROWS]
    body = "\n".join([
        "<p>某乡关于安全隐患整改情况的报告</p>",
        "<p>现将整改情况报告如下。</p>",
        "<p>某乡人民政府</p>",
        "<p>2020年6月30日</p>",
        "<p>安全隐患整改落实情况台账</p>",
        dated,
        '<table border="1">', HEADER, rows[0], rows[1], HEADER, rows[2], "</table>",
    ])
    path = tmp_path / "ledger.html"
    path.write_text(f'<html><head><meta charset="utf-8"></head><body>\n{body}\n</body></html>\n', encoding="utf-8")
    return path


def _leads(task) -> list[str]:
    return [u for line in task.lines for u in line.lead_units if u != UNLISTED]  # the placeholder: no office


def test_a_ledgers_problems_name_its_tasks_and_the_bodies_lead_them(tmp_path):
    conversion = convert_table(_page(tmp_path), "zg", 2020)
    tasks = conversion.programme.tasks
    assert [t.code for t in tasks] == ["1", "2", "3"]  # the header printed again is no task
    assert [t.title for t in tasks] == [row[2] for row in ROWS]  # "1.无证经营2.…": the points keep their numbers
    assert [_leads(t) for t in tasks] == [["东风幼儿园"], ["红星托管中心"], ["阳光幼儿园"]]
    assert not any(u in ("张三", "李四", "王五") for t in tasks for line in t.lines for u in (*line.lead_units, *line.units))
    assert not any(line.indicators for t in tasks for line in t.lines)  # "两个通道", "20人", "15天": no targets
    assert not any(t.text.progress for t in tasks)  # 联系电话: a phone, no progress
    assert "13800000001" in (tasks[0].note or "")  # kept beside the task, as a note


def test_a_term_in_days_counts_from_the_ledgers_date_above_the_table(tmp_path):
    conversion = convert_table(_page(tmp_path), "zg", 2020)
    tasks = conversion.programme.tasks
    said = [str(d) for d in conversion.doubts if "is a term" in str(d)]
    assert said and all("counted from 2020-05-06" in d for d in said)  # the day it counts from: a person checks it
    assert [t.deadline for t in tasks] == [date(2020, 5, 21), date(2020, 5, 21), date(2020, 6, 5)]
    assert [t.text.deadline_text for t in tasks] == ["15天", "15天", "30日内"]  # kept as printed


def test_a_ledger_printing_no_date_counts_from_the_documents(tmp_path):
    page = _page(tmp_path, dated="<p>（根据督查通报整理）</p>")
    tasks = convert_table(page, "zg", 2020).programme.tasks
    # the report's signature (2020年6月30日) is the nearest date alone above the table: the document's date
    assert [t.deadline for t in tasks] == [date(2020, 7, 15), date(2020, 7, 15), date(2020, 7, 30)]
    assert term_end("15天", None) is None  # nothing printed above: no date guessed
    assert term_end("15天", date(2020, 5, 6), "整改期限") == date(2020, 5, 21)
    assert term_end("180天", date(2020, 5, 6), "工期") is None  # a project's duration runs from its start, not printed


def test_the_problem_headers_and_the_terms():
    for header in ("存在问题", "督查发现的具体问题", "发现问题", "问题隐患", "主要问题", "隐患内容", "问题描述"):
        assert column_kind(header, 2020).kind == "task", header
        assert lists_problems(header), header
    for header in ("问题整改情况", "整改进展", "工作任务"):  # progress, or work of its own: figures stay targets
        assert not lists_problems(header), header
    assert column_kind("问题整改情况", 2020).kind == column_kind("整改落实情况", 2020).kind == "progress"
    assert [term_days(t) for t in ("15天", "15日内", "限期7天", "七日内", "30天以内")] == [15, 15, 7, 7, 30]
    assert [term_days(t) for t in ("15个工作日", "2017年9月28日", "9月底前", "15")] == [None] * 4
    assert dated_above(["台账", "2017年9月13日", "（盖章）"]) == date(2017, 9, 13)
    assert dated_above(["2017年11月9日", "台账", "2017年9月13日"]) == date(2017, 9, 13)  # the nearest
    assert dated_above(["某乡2017年工作台账"]) is None  # a year in a title is no date


# --- a notice's inspection groups in its text (list_inspections) ---------------------------------------------------

NOTICE = """某局关于开展第二季度水库安全检查工作的通知
各相关单位、各水库管理站：
为做好汛期安全工作，经研究，定于5月份开展水库安全检查。现将有关事项通知如下：
一、组织领导
局成立安全检查领导小组，分两个检查组开展检查。
二、检查时间及分组
1.时间安排：2021年6月1日—15日
2.分组
第一组：组长 张三
成员 李四、王五
负责检查东湖水库管理站、西山水库所辖的水利工程设施。
第二组：组长 赵六
成 员：钱七、孙八
负责检查南岭水库管理站、区供水公司所辖的供水设施。
三、工作要求
各相关单位、部门，水库管理站要认真开展自查，于6月10日前将自查报告报局水利科。
某局
2021年5月28日
"""


def _notice(tmp_path: Path, text: str = NOTICE) -> Path:
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_notices_inspection_groups_are_tasks_coded_as_printed(tmp_path):
    tasks = convert_table(_notice(tmp_path), "jc", 2021).programme.tasks
    assert [t.code for t in tasks] == ["第一组", "第二组", "三"]
    assert tasks[0].title == "负责检查东湖水库管理站、西山水库所辖的水利工程设施。"
    assert tasks[1].title == "负责检查南岭水库管理站、区供水公司所辖的供水设施。"
    # the leader and members are persons; the stations named are inspected: no lead, no unit
    assert [_leads(t) for t in tasks[:2]] == [[], []]
    assert not any(line.units for t in tasks[:2] for line in t.lines)
    assert [t.deadline for t in tasks[:2]] == [date(2021, 6, 15)] * 2  # the period printed in their part, its end


def test_the_addressees_duties_after_the_groups_are_a_task_of_their_own(tmp_path):
    task = convert_table(_notice(tmp_path), "jc", 2021).programme.tasks[-1]
    assert task.title.startswith("各相关单位、部门，水库管理站要认真开展自查")
    assert _leads(task) == ["水库管理站"]  # every station the notice is sent to; 各相关单位 and 部门 are kinds left open
    assert task.deadline == date(2021, 6, 10)  # its own date, not the period's


def test_groups_with_lines_of_other_kinds_are_no_such_list(tmp_path):
    text = NOTICE.replace("负责检查南岭水库管理站、区供水公司所辖的供水设施。",
                          "负责检查南岭水库管理站、区供水公司所辖的供水设施。\n（1）6月2日检查南岭水库")
    rows = [Row(k, [line]) for k, line in enumerate(text.splitlines(), 1)]
    assert inspection_groups(rows, 2021) is None  # a group's dated visits: not the layout read here
    rows = [Row(k, [line]) for k, line in enumerate(NOTICE.splitlines(), 1)]
    found = inspection_groups(rows, 2021)
    assert found is not None and [cells[0] for cells in found[3]] == ["第一组", "第二组", "三"]
    plain = NOTICE.replace("三、工作要求\n各相关单位、部门，水库管理站要认真开展自查，于6月10日前将自查报告报局水利科。\n", "")
    found = inspection_groups([Row(k, [line]) for k, line in enumerate(plain.splitlines(), 1)], 2021)
    assert found is not None and [cells[0] for cells in found[3]] == ["第一组", "第二组"]  # the signature ends them

"""Issue 13, reader59: the table reader's leftovers of the twenty-first session, each a structure on a small made-up
text — a ledger's points run together where point 2 opens with a range of figures ("1.无证2.1-5层"); a clause's
subject is a run of offices' names that opens it, never words of its work before an office's name ("成立以局长为组长…",
"请示上级部门…")."""

from __future__ import annotations

from pathlib import Path

import pytest

from mstrack.sources.table import convert_table
from mstrack.sources.table.numbering import TITLE_CODE_RE
from mstrack.sources.table.titles import runs_in


@pytest.mark.parametrize("title, points", [
    ("1.无证2.1-5层，五楼托管39人", True),  # point 2 opens with floors 1 to 5
    ("1.无证2.学生托管6人", True),
    ("1.新建道路2.5公里", False),  # a decimal: the item's own number
    ("1.新建道路2.5-3.5公里", False),  # a range of decimals
    ("1.新增社区老年食堂3家", False),
])
def test_point_two_run_in_before_a_range_of_figures_is_a_point(title, points):
    """"1.无证2.1-5层": after a cell's opening "1.", a "2." run into its words and followed by a range of whole numbers
    ("1-5层") is the cell's second point, not the decimal 2.1; "道路2.5公里" and "2.5-3.5公里" stay decimals."""
    assert runs_in(title, TITLE_CODE_RE.match(title)) is points


def test_a_ledgers_problems_keep_their_first_number_before_a_range(tmp_path: Path):
    rows = [("1", "东风幼儿园", "无证，一楼两个通道", "15天"),
            ("2", "红星托管中心", "1.无证2.1-5层，五楼托管20人（已分流）", "15天")]
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    page = tmp_path / "ledger.html"
    page.write_text('<html><head><meta charset="utf-8"></head><body><p>安全隐患整改台账</p><p>2020年5月6日</p>'
                    '<table border="1"><tr><td>序号</td><td>单位</td><td>存在问题</td><td>整改期限</td></tr>'
                    f"{body}</table></body></html>", encoding="utf-8")
    tasks = convert_table(page, "zg", 2020).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [(row[0], row[2]) for row in rows]


@pytest.mark.parametrize("clause, subject", [
    ("成立以局长为组长，班子成员为副组长", ""),  # a body set up: its object, no "成立以局"
    ("请示上级部门同意后实施", ""),  # a request to those above, no "请示上级部门"
    ("区住建局负责同志参加会议", ""),  # the office's people, no subject
    ("局长为组长", ""),
    ("在公共走道严禁停放", ""),  # a preposition's place
    ("区住建局负责车辆安排", "区住建局"),
    ("局综合处负责交通工具", "局综合处"),
    ("请各单位做好自查", "各单位"),
    ("各部门和各村（居）全面落实", "各部门和各村（居）"),
])
def test_a_subject_run_opens_its_clause_whatever_office_test_its_caller_gives(clause, subject):
    """subject_run holds the one rule of what opens a clause as its subject: a clause opening with its work (a verb, a
    preposition, a body it sets up, a request upward) or naming an office's people ("局长", "负责同志") opens with no
    subject, whichever office test the caller passes (office_clause accepts "成立以局" and "请示上级部门" as names)."""
    from mstrack.sources.table.list_bracketed import _run_of_offices
    from mstrack.sources.table.list_doers import office_clause, subject_run

    assert subject_run(clause) == subject
    if not subject:
        assert [subject_run(clause, offices) for offices in (office_clause, _run_of_offices)] == ["", ""]


def test_every_division_of_a_bureau_opens_a_clause_whole():
    """"局各处室要…": every division of the bureau, the run whole (was "局各处", its 室 left as the verb's)."""
    from mstrack.sources.table.list_doers import only_offices, paragraph_doers

    assert only_offices("局各处室") and only_offices("各业务处室")
    assert paragraph_doers("局各处室要加强协作。") == ["局各处室"]
    assert paragraph_doers("成立以局长为组长，班子成员为副组长，局各处室负责同志为组员的工作领导小组。", True) == []


def test_a_ledgers_one_unit_column_and_its_term_read_as_any_table_reads_them(tmp_path: Path):
    """A ledger's 单位 column is its one unit column: each line lists the body in `units` and leads with it, as one
    责任单位 column does (docs/import-table.md: "their first unit is the lead when no lead column exists"); its term
    "15天" is the deadline, and the line's one checkpoint at it is what a text-only line is judged by, as a 完成时限
    cell's is — no figure read from the term."""
    rows = [("1", "东风幼儿园", "无证，一楼两个通道", "15天"), ("2", "红星托管中心", "通道堵塞", "15天")]
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    ledger, plain = tmp_path / "ledger.html", tmp_path / "plain.csv"
    ledger.write_text('<html><head><meta charset="utf-8"></head><body><p>安全隐患整改台账</p><p>2020年5月6日</p>'
                      '<table border="1"><tr><td>序号</td><td>单位</td><td>存在问题</td><td>整改期限</td></tr>'
                      f"{body}</table></body></html>", encoding="utf-8")
    plain.write_text("序号,工作任务,责任单位,完成时限\n1,加强管理,区住建局,2020年5月21日\n", encoding="utf-8")
    (line,) = convert_table(ledger, "zg", 2020).programme.tasks[0].lines
    (other,) = convert_table(plain, "pl", 2020).programme.tasks[0].lines
    assert (line.lead_units, line.units) == (["东风幼儿园"], ["东风幼儿园"])
    assert (other.lead_units, other.units) == (["区住建局"], ["区住建局"])
    assert [(c.due.isoformat(), c.label) for c in line.checkpoints] == [("2020-05-21", "15天")]
    assert [c.due for c in other.checkpoints] == [c.due for c in line.checkpoints] and not line.indicators

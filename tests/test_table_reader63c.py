"""The reader's small leftovers (issue 13, reader63c): each rule on a small made-up document."""

from __future__ import annotations

from datetime import date

import pytest

from mstrack.errors import InputError
from mstrack.sources.table import convert_table
from mstrack.sources.table.list_sections import NUMBERING_RE
from mstrack.sources.table.numbering import TITLE_CODE_RE, heading_name
from mstrack.sources.table.titles import runs_in
from tests.conftest import import_table, write_page

HEADED = ["某县2024年民生实事项目", "一、集中供热扩建工程。", "铺设城区供热主管网，全长约4.3公里。",
          "二、农村公路提升工程。", "建设改造农村公路50公里。", "三、护眼教室改造工程。", "完成500间护眼教室改造。"]


def test_a_heading_over_its_paragraph_is_named_without_its_stop(tmp_path):
    """"一、name。" on a line of its own over its paragraph: the stop is the heading's, no part of the name — the task's
    title and its group's name are the words without it (tests/data/tables/README.md, read50c), as when none is printed."""
    plain = [line.removesuffix("。") if line.startswith(("一", "二", "三")) else line for line in HEADED]
    for lines in (HEADED, plain):
        programme = convert_table(write_page(tmp_path / "list.html", lines), "x-2024", 2024).programme
        assert [(t.code, t.title) for t in programme.tasks] == [
            ("一", "集中供热扩建工程"), ("二", "农村公路提升工程"), ("三", "护眼教室改造工程")]
        assert [a.name for a in programme.areas] == ["集中供热扩建工程", "农村公路提升工程", "护眼教室改造工程"]
        assert [i.target for t in programme.tasks for line in t.lines for i in line.indicators] == [4.3, 50, 500]


def test_a_heading_of_more_than_one_sentence_keeps_its_stops():
    """Only a name of one sentence loses its closing stop; words of several sentences are kept as printed."""
    assert heading_name("集中供热扩建工程。") == "集中供热扩建工程"
    assert heading_name("棚户区改造工程。建成安置房800套以上。") == "棚户区改造工程。建成安置房800套以上。"
    assert heading_name("集中供热扩建工程") == "集中供热扩建工程"


COMPANIES = ("<tr><td>序号</td><td>企业名称</td><td>备注</td></tr>"
             + "".join(f"<tr><td>{n}</td><td>某某{name}有限公司</td><td>粉尘涉爆</td></tr>"
                       for n, name in enumerate(["木业", "家具", "建材", "船舶"], 1)))


def test_a_left_out_table_says_the_refusal_it_had(tmp_path):
    """An annex that reads as no task table is left out of the plan with why: the refusal it had read alone, naming
    the table (a blank form: no header row; a phone list: a number with no task), or, for a table read whose rows name
    no office and no date (a list of companies), that none does — not one guess for every table."""
    from tests.conftest import write_blocks_page
    from tests.test_table_inspection_groups58 import BLANK_FORM, GROUPS, NOTICE, PHONES

    page = write_blocks_page(tmp_path / "plan.html", *NOTICE, *GROUPS, "附件1", "专项检查情况汇总表", BLANK_FORM,
                 "附件2", "各成员单位值班电话", PHONES, "附件3", "检查企业名单", COMPANIES)
    conversion = convert_table(page, "x-2024", 2024)
    assert [t.code for t in conversion.programme.tasks] == ["二(一)1", "二(一)2", "二(二)1", "二(二)2", "二(三)"]
    said = [str(d) for d in conversion.doubts if "left out of the plan" in str(d)]
    assert len(said) == 3
    assert said[0].startswith("plan.html, table 1 (“专项检查情况汇总表”): no header row found")
    assert said[1].startswith("plan.html, table 2 (“各成员单位值班电话”): row 2, column 1 (序号): task 1 has no text")
    assert said[2].startswith("plan.html: table 3 (“检查企业名单”): no task read in it (no row names who does it")
    assert not any("a table of figures, or no header row" in s for s in said)
    assert all("(--table" in s for s in said)


@pytest.mark.parametrize(("title", "points"), [
    ("1.新建道路2.5-8公里", False),  # 2.5 to 8 kilometres: a length keeps fractions, the decimal opens the range
    ("1.投资2.5-8亿元", False),  # a sum too
    ("1.无证2.1-5层，五楼托管39人", True),  # floors 1 to 5: no decimal of floors, point 2 (reader59)
    ("1.无证2.1-5个", True),
])
def test_a_decimal_before_a_whole_range_of_a_measure_is_no_point(title, points):
    """"道路2.5-8公里" run into a cell after its "1.": a decimal before a range of whole numbers closed by a measure that
    keeps fractions (a length, an area, a volume, a weight, a sum) is the range's lower bound, not point "2." opening
    a range "5-8"; before floors or a count (no fractions) it stays the cell's next point."""
    assert runs_in(title, TITLE_CODE_RE.match(title)) is points


def test_an_items_number_before_a_decimal_range_is_its_own(tmp_path):
    """序号 1 beside "1.新建道路2.5-8公里": the cell's "1." is the item's number in its words, dropped from the title as
    before "道路2.5公里" — the range's decimal no point 2 that would make "1." a run of points."""
    header = "".join(f"<td>{h}</td>" for h in ("序号", "建设内容", "责任单位"))
    rows = [("1", "1.新建道路2.5-8公里", "县交通局"), ("2", "新建学校3所", "县教育局"), ("3", "改造管网20公里", "县水利局")]
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    page = tmp_path / "t.html"
    page.write_text('<html><head><meta charset="utf-8"></head><body><p>某县2024年民生实事项目</p>'
                    f'<table border="1"><tr>{header}</tr>{body}</table></body></html>', encoding="utf-8")
    tasks = convert_table(page, "x-2024", 2024).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [("1", "新建道路2.5-8公里"), ("2", "新建学校3所"), ("3", "改造管网20公里")]


def _ledger(path, rows: list[tuple[str, ...]], header=("序号", "单位", "督查发现的具体问题", "整改责任人", "整改期限")):
    """A 整改台账 page: its title, its date, one table."""
    cells = "".join(f"<td>{h}</td>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    path.write_text('<html><head><meta charset="utf-8"></head><body><p>安全隐患整改落实情况台账</p><p>2020年5月6日</p>'
                    f'<table border="1"><tr>{cells}</tr>{body}</table></body></html>', encoding="utf-8")
    return path


@pytest.mark.parametrize("rows", [
    [("1", "东风幼儿园", "无证，一楼两个通道", "张三", "15天")],
    [("1", "东风幼儿园", "无证，一楼两个通道", "张三", "15天"), ("2", "城关小学", "消防通道堵塞", "李四", "15天")],
    [("1", "区教育局", "未落实安全责任制", "张三", "15天")],
])
def test_a_ledgers_unit_column_of_schools_leads_its_rows(tmp_path, rows):
    """A ledger's 单位 column ("单位" alone may be a unit of measure) naming a kindergarten or a school, short as a
    measure word is: the body that puts its row right leads it, one row or many — never （表中未列）."""
    tasks = convert_table(_ledger(tmp_path / "t.html", rows), "x-2020", 2020).programme.tasks
    assert [(t.code, t.lines[0].lead_units) for t in tasks] == [(row[0], [row[1]]) for row in rows]
    assert all(t.deadline == date(2020, 5, 21) for t in tasks)


CHECKS = ["1.是否建立安全生产责任制，是否落实到人；", "2.是否于每月5日前开展隐患排查；", "3.是否配备消防器材10具以上；",
          "4.是否制定应急预案并每年演练2次。"]


@pytest.mark.parametrize("lines", [
    ["某区2024年安全生产检查工作方案", "一、检查时间", "2024年5月1日至6月30日。", "二、检查内容", *CHECKS,
     "三、工作要求", "各单位要高度重视。"],  # the best-effort pass read these four questions as tasks
    ["某区2024年安全生产检查工作方案", "二、检查内容", "1.安全生产责任制是否落实到人？", "2.隐患排查是否每月开展？",
     "3.消防器材是否配备到位？", "4.应急预案是否每年演练？"],
])
def test_a_documents_only_list_of_questions_is_refused_saying_so(tmp_path, lines):
    """A document whose one list is a check list ("1.是否建立…；", "…是否落实到人？"): what an inspection asks, no task to
    do, though its items name dates and figures under a heading naming the content — refused (exit 2, no plan
    written), the message saying it is a check list and quoting its first question."""
    page = write_page(tmp_path / "checks.html", lines)
    with pytest.raises(InputError, match="check list of questions") as refused:
        convert_table(page, "x-2024", 2024)
    assert "no table found in the document" in str(refused.value)
    assert NUMBERING_RE.sub("", lines[lines.index("二、检查内容") + 1]).rstrip("；") in str(refused.value)
    result, out = import_table(page)
    assert result.exit_code == 2 and "check list of questions" in result.output and not out.exists()
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_check_list_beside_a_list_of_work_leaves_the_work_read(tmp_path):
    """Questions under "一、检查内容" and a 分工 under "二、工作分工": the best effort reads the 分工, and none of the questions
    (a run holding a question that opens with "是否" runs on past it, the next try below it)."""
    lines = ["某区2024年安全生产检查工作方案", "一、检查内容", *CHECKS, "二、工作分工", "1.区应急局负责综合协调；",
             "2.区住建局负责建筑工地检查，6月底前完成；", "3.区消防救援大队负责消防检查，6月底前完成。"]
    tasks = convert_table(write_page(tmp_path / "plan.html", lines), "x-2024", 2024).programme.tasks
    assert [(t.code, t.lines[0].lead_units) for t in tasks] == [
        ("二1", ["区应急局"]), ("二2", ["区住建局"]), ("二3", ["区消防救援大队"])]
    assert not any("是否" in t.title for t in tasks)


def test_a_list_read_from_one_part_is_no_campaigns_arrangements(tmp_path):
    """held59's part coding (prose_chain._one_part: "一、…" over "1．…", coded 一1) counts the plan's parts in Sheet.parts;
    whether a list is an event's or a campaign's duties (list_arrangements, the notice's logistics beside its tables
    when undated: parts._logistics) is Sheet.arrangements, a field of its own — not any list counting parts."""
    from tests.test_table_held59 import WAYS, _written
    from tests.test_table_notices55 import UNDATED

    ways = convert_table(_written(tmp_path, WAYS), "x-2017", 2017)
    assert [t.code for t in ways.programme.tasks] == ["一1", "一2", "一3"] and not ways.arrangements
    duties = convert_table(_written(tmp_path, UNDATED, "duties.txt"), "x-2018", 2018)
    assert [t.code for t in duties.programme.tasks] == ["四(一)", "四(二)", "四(三)", "四(四)"] and duties.arrangements

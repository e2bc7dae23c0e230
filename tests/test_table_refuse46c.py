"""Rows not read (refuse46c, review46 §1, §2, §4): a row left out says what it held; numbers that start again as a
second run refuse the table (a group the reader did not see), a single repeat is read as "Na"; the place names the
column as the file does ("column 1 (序号)"); every row of the source in no task and no recognised non-task is a doubt,
which `--strict` refuses."""

from __future__ import annotations

import pytest

from mstrack.errors import InputError

from .conftest import convert_written, write_page
from .test_table_refuse46 import strict_refuses_and_the_plan_says

HEADER = ["序号", "项目名称", "建设内容", "投资（万元）", "责任单位"]
ROWS = [["1", "农村公路加装护栏", "实施农村公路防护工程201公里。", "3417", "区交通运输委"],
        ["2", "新建公园", "新建口袋公园5个。", "800", "区城管局"]]


def said(conversion) -> str:
    return "\n".join(map(str, conversion.doubts))


def test_a_heading_row_with_words_beside_it_says_what_it_held(tmp_path):
    """"一、市级重点民生实事" beside a target, a sum and an office: not read, and the doubt names what is in no task."""
    conversion = convert_written(tmp_path, "plan.csv", [
        HEADER, ["一、市级重点民生实事", "", "改造老旧小区67个。", "15000", "区住房城乡建委"], *ROWS])
    assert [t.code for t in conversion.programme.tasks] == ["1", "2"]
    assert ("plan.csv: row 2, column 1 (序号): '一、市级重点民生实事' is not a task number: the row is not read, nor what it "
            "holds: “改造老旧小区67个。”、“15000”、“区住房城乡建委”") in said(conversion), said(conversion)


def test_a_row_before_any_task_says_the_office_it_names(tmp_path):
    """An office and a sum before the first task: the doubt names them, the cell at fault too (its words are not in
    the reason, as a 序号's are)."""
    conversion = convert_written(tmp_path, "plan.csv", [HEADER, ["", "", "", "4217", "区交通运输委"], *ROWS])
    assert [t.code for t in conversion.programme.tasks] == ["1", "2"]
    assert ("a row of schedule or units before any task: the row is not read, nor what it holds: “4217”、“区交通运输委”"
            in said(conversion)), said(conversion)


TASKS = ["序号", "工作任务", "完成时限", "责任单位"]


def test_numbers_that_start_again_as_a_second_run_refuse_the_table(tmp_path):
    """1, 2, then 1, 2 again: a second list under a group the table does not head; read as 1a, 2a its codes were
    invented (a later reader that sees the group renames them), so the file is refused as before refuse46."""
    with pytest.raises(InputError, match=r"dup\.tsv: row 4, column 1 \(序号\): task 1 appears twice \(first at row 2\), and "
                                         r"task 2 after it \(row 5\): the numbers start again"):
        convert_written(tmp_path, "dup.tsv", [TASKS, ["1", "新建公园3个", "2023年6月", "区城管局"],
                                              ["2", "改造小区5个", "2023年9月", "区住建局"],
                                              ["1", "新增学位500个", "2023年8月", "区教育局"],
                                              ["2", "新建食堂2家", "2023年12月", "区民政局"]], year=2023)


def test_a_single_repeat_is_read_as_na_and_said_with_the_columns_place(tmp_path):
    conversion = convert_written(tmp_path, "dup.csv", [TASKS, ["1", "新建公园3个", "2023年6月", "区城管局"],
                                                       ["2", "改造小区5个", "2023年9月", "区住建局"],
                                                       ["3", "新增学位500个", "2023年8月", "区教育局"],
                                                       ["2", "新建食堂2家", "2023年12月", "区民政局"]], year=2023)
    assert [t.code for t in conversion.programme.tasks] == ["1", "2", "3", "2a"]
    assert ("dup.csv: row 5, column 1 (序号): task 2 appears twice (first at row 3): read as task 2a; check its number"
            in conversion.doubts), said(conversion)


# --- §4: rows not read are doubts, however the reader left them out ------------------------------------------------

PAGE_TITLE = "XX县人民政府关于印发2024年民生实事项目的通知"


def _page(tmp_path, paragraphs):
    return write_page(tmp_path / "list.html", [PAGE_TITLE, *paragraphs], title=PAGE_TITLE)


def test_numbered_items_a_list_leaves_out_are_a_doubt_strict_refuses(cli, tmp_path):
    """"1.新建幼儿园3所。" cut from the items below by a line: left out of the list (Sheet.left_out); it was a summary
    line only, which `--strict` let through."""
    path = _page(tmp_path, ["1.新建幼儿园3所。", "本栏目由区政府办公室维护", "2.改造老旧小区10个。", "3.新建养老服务中心2个。",
                            "4.新增城镇就业3000人。"])
    strict_refuses_and_the_plan_says(cli, path, "row 3: numbered items not read as tasks")


def test_a_heading_over_no_item_is_a_doubt_strict_refuses(cli, tmp_path):
    path = _page(tmp_path, ["一、教育事业", "二、公共服务", "（一）新建社区食堂10个。（县民政局）", "（二）新建公厕20座。（县城管局）",
                            "（三）新增停车位500个。（县交通局）"])
    strict_refuses_and_the_plan_says(cli, path, "row 3: a heading over no item (“一、教育事业”): not read as a task; check it")


def test_a_number_alone_between_the_rows_is_a_quiet_doubt(tmp_path):
    """"①" alone in its row between two tasks: no task, no footnote, dropped silently before; now said, with nothing
    held beside it."""
    conversion = convert_written(tmp_path, "plan.csv", [HEADER, ROWS[0], ["①", "", "", "", ""], ROWS[1]])
    assert [t.code for t in conversion.programme.tasks] == ["1", "2"]
    assert "plan.csv: row 3, column 1 (序号): '①' alone in its row: the row is not read" in conversion.doubts, said(conversion)


def test_lines_under_the_table_are_listed_in_the_summary_not_doubts(tmp_path):
    """A signature and a date under the last row: recognised as no task, listed in the summary (they were dropped
    silently), never a doubt that `--strict` refuses."""
    conversion = convert_written(tmp_path, "plan.csv", [HEADER, *ROWS, ["XX区人民政府办公室", "", "", "", ""],
                                                        ["2024年3月1日", "", "", "", ""]])
    assert [t.code for t in conversion.programme.tasks] == ["1", "2"]
    assert not [d for d in conversion.doubts if "row 4" in d or "row 5" in d], said(conversion)
    assert "plan.csv: rows 4, 5: lines under the table (“XX区人民政府办公室”、“2024年3月1日”): no task" in [
        str(m) for m in conversion.summary], conversion.summary


def test_a_contact_table_is_listed_in_the_summary(tmp_path):
    conversion = convert_written(tmp_path, "t.csv", [HEADER, *ROWS, ["联系人", "联系电话", "", "", ""],
                                                     ["张三", "0571-87654321", "", "", ""]])
    assert [t.code for t in conversion.programme.tasks] == ["1", "2"]
    assert conversion.programme.note == "联系人 联系电话\n张三 0571-87654321"
    assert "t.csv: rows 4, 5: a contact table under the table: in the plan's note, no task" in [
        str(m) for m in conversion.summary], conversion.summary


def test_a_heading_alone_in_the_number_cell_is_said_as_a_heading(tmp_path):
    """"(一)…" alone in the 序号 cell under the area "二、重点工作" (tongliang-2025): not read as a group of its own, and
    dropped silently before; now said."""
    conversion = convert_written(tmp_path, "plan.csv", [HEADER, ["二、重点工作", "", "", "", ""],
                                                        ["(一)以创建国家高新区为抓手,更大力度推动科技创新", "", "", "", ""], *ROWS])
    assert [(t.code, t.area) for t in conversion.programme.tasks] == [("1", "二"), ("2", "二")]
    assert ("plan.csv: row 3, column 1 (序号): '(一)以创建国家高新区为抓手,更大力度推动科技创新' alone in its row: a heading, the rows "
            "under it read in no area of its own: the row is not read") in conversion.doubts, said(conversion)

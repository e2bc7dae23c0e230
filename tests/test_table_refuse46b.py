"""A list with no header is not refused whole for one odd line (refuse46b): an item numbered oddly ("1-1", "1.1", "★3",
"3*", a long "（一）…" among items "1." "2.") or a total line ("小计") between items of the run, the run going on after
it, is left out and said as a doubt, as a row of a table with a header is (refuse46); a total line is skipped as a
table's total row is. Before, the run of numbers broke there, and what was left was under the list's minimum: "no
header row found", exit 2."""

from __future__ import annotations

import pytest

from .conftest import convert_written, write_table

TITLE = "2024年民生实事项目"
ITEMS = ["1.新建公园2个（市住建局）", "2.改造老旧小区30个（市住建局）", "3.新增托位500个（市卫健委）", "4.新建学校2所（市教育局）"]
LONG = "（一）新增托位500个，为全市3岁以下婴幼儿家庭提供普惠托育服务，支持用人单位在工作场所为职工提供福利性托育服务（市卫健委）"


def listed(tmp_path, lines: list[str]):
    return convert_written(tmp_path, "t.txt", "\n".join(lines) + "\n")


def codes(conversion) -> list[str]:
    return [task.code for task in conversion.programme.tasks]


def doubts(conversion) -> str:
    return "\n".join(map(str, conversion.doubts))


@pytest.mark.parametrize("odd", ["3-1新增托位500个（市卫健委）", "3.1新增托位500个（市卫健委）", "★3新增托位500个（市卫健委）",
                                 "3*新增托位500个（市卫健委）", LONG])
def test_an_item_numbered_oddly_between_items_is_said_and_the_list_read(tmp_path, odd):
    """Item 3 numbered "3-1" (…): items 1, 2 and 4 are read, and line 4 said, not read; before, the run broke at it
    and two items were too few for a list."""
    conversion = listed(tmp_path, [TITLE, *ITEMS[:2], odd, ITEMS[3]])
    assert codes(conversion) == ["1", "2", "4"]
    assert [t.title for t in conversion.programme.tasks] == ["新建公园2个", "改造老旧小区30个", "新建学校2所"]
    assert f"t.txt: line 4, column 1 (序号): '{odd}' is not a task number: the row is not read" in doubts(conversion)


def test_a_line_numbered_oddly_put_in_between_items_is_said_and_no_item_lost(tmp_path):
    """A line "2-1…" between items 2 and 3 (a sub-item): said, not read; items 1, 2 and 3 are the list's."""
    conversion = listed(tmp_path, [TITLE, *ITEMS[:2], "2-1配套建设口袋公园5个", ITEMS[2]])
    assert codes(conversion) == ["1", "2", "3"]
    assert "t.txt: line 4, column 1 (序号): '2-1配套建设口袋公园5个' is not a task number: the row is not read" in doubts(conversion)


def test_an_item_numbered_oddly_first_under_a_heading_is_said(tmp_path):
    """The first item under a heading "一、…" numbered "1-1": items 2 and 3 under it read, the line said."""
    conversion = listed(tmp_path, [TITLE, "一、县住建局牵头工作(3项)", "1-1新建公园2个。", "2.改造老旧小区30个。", "3.新增停车位500个。"])
    assert codes(conversion) == ["2", "3"]
    assert all(t.lines[0].lead_units == ["县住建局"] for t in conversion.programme.tasks)
    assert "t.txt: line 3, column 1 (序号): '1-1新建公园2个。' is not a task number: the row is not read" in doubts(conversion)


@pytest.mark.parametrize("total", ["小计", "合计(2个)"])
def test_a_total_line_between_items_is_skipped_as_a_total_row(tmp_path, total):
    conversion = listed(tmp_path, [TITLE, *ITEMS[:2], total, *ITEMS[2:]])
    assert codes(conversion) == ["1", "2", "3", "4"]
    assert total not in doubts(conversion)


@pytest.mark.parametrize("odd", ["1-1已完成设计。", "（一）已完成设计。"])
def test_an_odd_line_among_an_items_progress_in_a_list_numbered_in_numerals_is_said(tmp_path, odd):
    """A report's items "一、" "二、" "三、", each followed by its progress ("推进情况：1.…" "2.…"): a progress point
    numbered "1-1" under item 一, or "（一）" right above item 二 (a heading of the level under 一 over nothing), is
    said, not read, and the three items are read (before: the run of 一, 二, 三 broke there, "no header row found")."""
    conversion = listed(tmp_path, [TITLE, "一、新建公园2个。（市住建局）", "推进情况：1.已完成选址。", "2.已开工1个。", odd,
                                   "二、改造老旧小区30个。（市住建局）", "推进情况：1.已开工10个。",
                                   "三、新增托位500个。（市卫健委）", "推进情况：1.已新增200个。"])
    assert codes(conversion) == ["一", "二", "三"]
    assert f"t.txt: line 5, column 1 (序号): '{odd}' is not a task number: the row is not read" in doubts(conversion)


@pytest.mark.parametrize("stray", ["附件1", "合计", "XX市人民政府办公室"])
def test_a_line_before_or_after_the_list_changes_nothing(tmp_path, stray):
    """A line before the list's first item or after its last is no line of the run: the list reads as without it."""
    plain = listed(tmp_path, [TITLE, *ITEMS])
    for lines in ([stray, TITLE, *ITEMS], [TITLE, stray, *ITEMS], [TITLE, *ITEMS, stray]):
        conversion = listed(tmp_path, lines)
        assert codes(conversion) == codes(plain) == ["1", "2", "3", "4"]
        assert stray not in doubts(conversion)


def test_sub_headings_numbered_as_groups_stay_headings(tmp_path):
    """"（一）" where "（二）" heads items too is a group heading of the list, no line out of its run."""
    conversion = listed(tmp_path, [TITLE, "（一）城市建设", *ITEMS[:2], "（二）社会事业", *ITEMS[2:]])
    assert codes(conversion) == ["1", "2", "3", "4"]
    assert [a.name for a in conversion.programme.areas] == ["城市建设", "社会事业"]
    assert "not a task number" not in doubts(conversion)


@pytest.mark.parametrize(("line", "read"), [("1-11月已完成投资2亿元", ["1", "2", "3", "4"]), ("1.5万人次参加培训", ["1", "2", "3"])])
def test_a_date_or_a_figure_opening_a_line_is_no_odd_number(tmp_path, line, read):
    """"1-11月…" (a date: the progress of the item above) or "1.5万人…" (a figure: the run cut there, the longer part
    read) opening a line between items is no item numbered oddly: read as before, never a row said as no number."""
    conversion = listed(tmp_path, [TITLE, *ITEMS[:3], line, ITEMS[3]])
    assert codes(conversion) == read
    assert "not a task number" not in doubts(conversion)


def test_a_list_with_an_odd_line_is_read_by_import_table_with_a_check(cli, tmp_path):
    path = write_table(tmp_path / "t.txt", "\n".join([TITLE, *ITEMS[:2], "★3新增托位500个（市卫健委）", ITEMS[3]]) + "\n")
    out = tmp_path / "t.toml"
    run = cli("import", "table", str(path), "-p", "x-2024", "--year", "2024", "-o", str(out))
    assert run.exit_code == 0, run.output
    assert "check: t.txt: line 4, column 1 (序号): '★3新增托位500个（市卫健委）' is not a task number: the row is not read" in run.stderr
    run = cli("import", "table", str(path), "-p", "x-2024", "--year", "2024", "-o", str(tmp_path / "s.toml"), "--strict")
    assert run.exit_code == 2, run.output
    assert not (tmp_path / "s.toml").exists()

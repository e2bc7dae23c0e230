"""One row the reader cannot take does not refuse the whole table (refuse46): the other rows are read, and the row is
said, as a doubt (`# check:` in the plan, listed at the end; `--strict` refuses it). A table with no row to read is
still refused, with the reason of its first row."""

from __future__ import annotations

import pytest

from mstrack.errors import InputError

from .conftest import convert_written, refused, write_table

HEADER = ["序号", "实事项目", "牵头单位", "完成时限"]
TASKS = [["1", "新建公园2个", "市住建局", "2024年6月底"], ["2", "改造老旧小区30个", "市住建局", "2024年12月底"],
         ["3", "新增托位500个", "市卫健委", "2024年12月底"]]


def codes(conversion) -> list[str]:
    return [task.code for task in conversion.programme.tasks]


def doubts(conversion) -> str:
    return "\n".join(map(str, conversion.doubts))


def import_table(cli, path, *options):
    out = path.with_suffix(".toml")
    return cli("import", "table", str(path), "-p", "x-2024", "--year", "2024", "-o", str(out), *options), out


def test_a_contact_table_under_the_table_is_kept_in_the_note_and_refuses_nothing(tmp_path):
    """A second small table after the main one (联系人 | 联系电话, then a name and a number): before, "'联系人' is not a
    task number" refused the file; now the table ends there, and the contacts are the plan's note."""
    conversion = convert_written(tmp_path, "t.csv", [HEADER, *TASKS, ["联系人", "联系电话", "", ""], ["张三", "0571-87654321", "", ""]])
    assert codes(conversion) == ["1", "2", "3"]
    assert [t.title for t in conversion.programme.tasks] == ["新建公园2个", "改造老旧小区30个", "新增托位500个"]
    assert conversion.programme.note == "联系人 联系电话\n张三 0571-87654321"
    assert not [d for d in conversion.doubts if "row 5" in d or "row 6" in d], doubts(conversion)


def test_a_row_whose_number_is_no_number_under_the_table_is_said_not_read(tmp_path):
    """A row under the table whose 序号 cell holds words ("XX县民生办 | 2024年3月1日", no contact labels): left out and
    said; the rows above are read."""
    conversion = convert_written(tmp_path, "t.csv", [HEADER, *TASKS, ["XX县民生办", "2024年3月1日", "", ""]])
    assert codes(conversion) == ["1", "2", "3"]
    assert ("t.csv: row 5, column 1 (序号): 'XX县民生办' is not a task number: the row is not read, nor what it holds: "
            "“2024年3月1日”") in doubts(conversion)


def test_a_row_numbered_by_a_circled_number_between_tasks_is_said_and_the_others_read(tmp_path):
    conversion = convert_written(tmp_path, "t.xlsx", [HEADER, TASKS[0], ["①", "配套绿道1公里", "市园林局", "2024年6月底"], *TASKS[1:]])
    assert codes(conversion) == ["1", "2", "3"]
    assert ("t.xlsx: row 3, column A (序号): '①' is not a task number: the row is not read, nor what it holds: "
            "“配套绿道1公里”、“市园林局”、“2024年6月底”") in doubts(conversion)


def test_a_numbered_row_with_no_text_is_said_and_the_others_read(tmp_path):
    conversion = convert_written(tmp_path, "t.csv", [HEADER, TASKS[0], ["2", "", "市住建局", "2024年12月底"], TASKS[2]])
    assert codes(conversion) == ["1", "3"]
    assert ("t.csv: row 3, column 2 (实事项目): task 2 has no text: the row is not read, nor what it holds: “市住建局”、"
            "“2024年12月底”") in doubts(conversion)


def test_a_number_printed_twice_reads_the_second_row_under_its_own_code_and_says_so(tmp_path):
    conversion = convert_written(tmp_path, "t.csv", [HEADER, *TASKS, ["2", "新建公厕10座", "市城管局", "2024年9月底"]])
    assert codes(conversion) == ["1", "2", "3", "2a"]
    assert conversion.programme.tasks[3].title == "新建公厕10座"
    said = doubts(conversion)
    assert "row 5, column 1 (序号): task 2 appears twice (first at row 3): read as task 2a; check its number" in said, said


def test_numbered_footnotes_under_the_table_are_notes_not_tasks(tmp_path):
    """Items that print their own numbers ("1.新建公园2个", no 序号 column), and under them "注：1.…" then "2.…", "3.…":
    the note's own points, not tasks 2 and 3 (which were "task 2 appears twice")."""
    rows = [["工作任务", "责任单位"], ["1.新建公园2个", "市住建局"], ["2.改造老旧小区30个", "市住建局"], ["3.新增托位500个", "市卫健委"],
            ["注：1.本表所列项目均为年度目标任务。", ""], ["2.完成时限为最迟完成时间。", ""], ["3.牵头单位负责统筹推进。", ""]]
    conversion = convert_written(tmp_path, "t.csv", rows)
    assert codes(conversion) == ["1", "2", "3"]
    assert [t.title for t in conversion.programme.tasks] == ["新建公园2个", "改造老旧小区30个", "新增托位500个"]
    assert "2.完成时限为最迟完成时间。" in conversion.programme.note and "3.牵头单位负责统筹推进。" in conversion.programme.note
    assert "appears twice" not in doubts(conversion)


def test_a_table_with_no_row_to_read_is_still_refused_with_its_first_reason(tmp_path):
    with pytest.raises(InputError, match=r"t\.csv: row 2, column 1 \(序号\): '①' is not a task number$"):
        convert_written(tmp_path, "t.csv", [HEADER, ["①", "新建公园2个", "市住建局", "2024年6月底"],
                                             ["②", "改造老旧小区30个", "市住建局", "2024年12月底"]])


def strict_refuses_and_the_plan_says(cli, path, said: str) -> None:
    """`--strict` refuses the file, naming `said`, and writes nothing; without it the plan is written, and `said` is a
    `check:` line at the end and a `# check:` comment beside the plan's `source`."""
    run, out = import_table(cli, path, "--strict")
    refused(run, "--strict", f"{path.name}: {said}")
    assert not out.exists()
    run, out = import_table(cli, path)
    assert run.exit_code == 0, run.output
    assert f"check: {path.name}: {said}" in run.stderr
    assert f"source = \"{path.name}\"  # check: {said}" in out.read_text(encoding="utf-8")


def test_the_row_not_read_is_a_check_comment_and_strict_refuses_it(cli, tmp_path):
    path = write_table(tmp_path / "t.csv", [HEADER, TASKS[0], ["①", "配套绿道1公里", "市园林局", "2024年6月底"], *TASKS[1:]])
    strict_refuses_and_the_plan_says(cli, path, "row 3, column 1 (序号): '①' is not a task number: the row is not read, nor "
                                                "what it holds")


REGIONS = [["长沙市", "20"], ["株洲市", "15"], ["湘潭市", "10"], ["衡阳市", "12"]]


@pytest.mark.parametrize("other", ["省直单位", "市本级"])
def test_a_table_by_region_with_one_row_that_is_no_place_reads_every_row(tmp_path, other):
    """A quota table by region (市州 | 目标任务) with one row for the province's own units ("省直单位", "市本级"): the
    市州 column still holds the rows' names (it was taken for none, and the file refused: "a row of schedule or units
    before any task")."""
    conversion = convert_written(tmp_path, "t.csv", [["市州", "目标任务(个)", "完成时限"],
                                                     *([*row, "2024年12月底"] for row in [*REGIONS, [other, "5"]])])
    assert [t.title for t in conversion.programme.tasks] == ["长沙市", "株洲市", "湘潭市", "衡阳市", other]
    assert [i.target for t in conversion.programme.tasks for line in t.lines for i in line.indicators] == [20, 15, 10, 12, 5]


def test_a_numbered_table_by_region_with_a_row_for_the_city_itself_is_titled_by_region(tmp_path):
    """With 序号 and 责任单位 beside it, the one row "市本级" made every task's title its office ("市民政局")."""
    conversion = convert_written(tmp_path, "t.csv", [["序号", "市州", "目标任务(个)", "责任单位", "完成时限"], *(
        [str(n), *row, "市民政局", "2024年12月底"] for n, row in enumerate([*REGIONS, ["市本级", "5"]], start=1))])
    assert [(t.code, t.title) for t in conversion.programme.tasks] == [
        ("1", "长沙市"), ("2", "株洲市"), ("3", "湘潭市"), ("4", "衡阳市"), ("5", "市本级")]


@pytest.mark.parametrize(("under", "said"), [([["XX县人民政府办公室", "", ""], ["2024年3月1日", "", ""]], []),
                                             ([["XX县民生办", "2024年3月1日", ""]], ["t.xlsx: row 5, column A: 'XX县民生办' is not "
                                                                                "a task number: the row is not read, nor what it holds: "
                                                                                "“2024年3月1日”"])])
def test_an_unnamed_number_column_keeps_its_numbers_over_lines_under_the_table(tmp_path, under, said):
    """No 序号 header, the items numbered "01", "02", "03" in the unnamed first column, then a signature under them:
    the column still numbers the items (the lines under it made them 1, 2, 3 by position). A line of one text under
    it is prose, left out as before; a row of two is said, not read."""
    rows = [["", "项目名称", "责任单位"], ["01", "新建公园2个", "市住建局"], ["02", "改造老旧小区30个", "市住建局"],
            ["03", "新增托位500个", "市卫健委"], *under]
    conversion = convert_written(tmp_path, "t.xlsx", rows)
    assert [(t.code, t.title) for t in conversion.programme.tasks] == [
        ("01", "新建公园2个"), ("02", "改造老旧小区30个"), ("03", "新增托位500个")]
    assert [doubt for doubt in conversion.doubts if "row 5" in doubt or "row 6" in doubt] == said


def test_a_contact_table_under_groups_of_items_leaves_the_groups_as_read(tmp_path):
    """No 序号: groups "(一)就业促进行动" beside their numbered targets, and under them a contact table (联系人 | 联系电话,
    then a name and a number). Its rows decided what the columns were (its words read as tasks 6 and 7, and every
    group's items as tasks 1a, 1aa …); they are the document's contacts, kept in the plan's note."""
    rows = [["", "市定任务(2023年度)", "工作进展情况"], ["一、各项目实施进展情况"] * 3,
            ["(一)就业促进行动", "1、充分就业社区创建18个;\n2、新增技能人才2400人。", "已完成"],
            ["(二)老年助餐行动", "1、城市老年食堂8个;\n2、农村老年食堂15个。", "已完成"],
            ["(三)安心托幼行动", "1、新增托位数900个;\n2、新增公办园学位900个。", "已完成"],
            ["联系人", "联系电话", ""], ["张三", "0571-87654321", ""]]
    conversion = convert_written(tmp_path, "t.xlsx", rows)
    assert [(t.code, t.title) for t in conversion.programme.tasks] == [
        ("一(一)", "就业促进行动"), ("一(二)", "老年助餐行动"), ("一(三)", "安心托幼行动")]
    assert "联系人 联系电话" in conversion.programme.note and "张三 0571-87654321" in conversion.programme.note


def test_lines_under_a_table_whose_items_number_themselves_leave_its_columns_as_read(tmp_path):
    """序号 "1" and 项目 "主要预期目标" merged over rows whose 重点工作目标任务 cells print their own numbers ("1.…", "2.…"):
    those are the tasks. A signature under the table (its office and date, each alone in the first cell) made the
    rule see a 序号 with no numbered item beside it, and the whole table one task with every item an indicator."""
    rows = [["序号", "项目", "重点工作目标任务", "责任单位"],
            ["1", "主要预期目标", "1.地区生产总值增长5%以上。", "区发改委"],
            ["1", "主要预期目标", "2.一般公共预算收入增长6%以上。", "区财政局"],
            ["1", "主要预期目标", "3.规上工业总产值增长5%左右。", "区工信局"],
            ["XX区人民政府办公室", "", "", ""], ["2024年3月1日", "", "", ""]]
    conversion = convert_written(tmp_path, "t.xlsx", rows)
    assert [(t.code, t.title) for t in conversion.programme.tasks] == [
        ("1", "地区生产总值增长5%以上。"), ("2", "一般公共预算收入增长6%以上。"), ("3", "规上工业总产值增长5%左右。")]


def test_a_last_row_not_numbered_as_the_titles_are_leaves_them_titles(tmp_path):
    """An unnamed column of numbered titles ("(一)就业促进行动") beside the named task column's numbered parts, and a last
    row whose cell there is no item's number ("①"): the column still holds the titles (that row made the parts the
    tasks, 1, 2, 1a, 1aa …)."""
    rows = [["", "市定任务(2023年度)", "工作进展情况"], ["一、各项目实施进展情况"] * 3,
            ["(一)就业促进行动", "1、充分就业社区创建18个;\n2、新增技能人才2400人。", "已完成"],
            ["(二)老年助餐行动", "1、城市老年食堂8个;\n2、农村老年食堂15个。", "已完成"],
            ["(三)安心托幼行动", "1、新增托位数900个;\n2、新增公办园学位900个。", "已完成"],
            ["①", "其他配套工作", ""]]
    conversion = convert_written(tmp_path, "t.xlsx", rows)
    assert [(t.code, t.title) for t in conversion.programme.tasks][:3] == [
        ("一(一)", "就业促进行动"), ("一(二)", "老年助餐行动"), ("一(三)", "安心托幼行动")]

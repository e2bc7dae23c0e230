"""A 序号 column with no header whose numbers repeat or start again (review46 §1, "unnamed number column"): before
refuse46d only numbers rising down the rows made it the 序号, so "1, 1, 2" left the column unread and the tasks were
numbered by their position, the printed 2 silently task 3. Now such a column numbers the tasks as a named 序号 does: the
printed numbers are the codes, a repeat is said, numbers that start again refuse the table."""

from __future__ import annotations

import pytest

from mstrack.errors import InputError

from .conftest import convert_written

ROWS = [["新建公园3个", "2023年6月", "区城管局"], ["改造小区5个", "2023年9月", "区住建局"],
        ["新增学位500个", "2023年8月", "区教育局"], ["新建食堂2家", "2023年12月", "区民政局"]]


def table(header: str, numbers: list[str]) -> list[list[str]]:
    return [[header, "工作任务", "完成时限", "责任单位"], *([n, *row] for n, row in zip(numbers, ROWS, strict=False))]


def read(tmp_path, header: str, numbers: list[str]):
    conversion = convert_written(tmp_path, f"t{header or 'x'}.csv", table(header, numbers), year=2023)
    return [(t.code, t.title) for t in conversion.programme.tasks], [str(d).split(": ", 1)[1] for d in conversion.doubts]


@pytest.mark.parametrize(("numbers", "codes"), [(["1", "1", "2"], ["1", "2"]), (["1", "2", "2"], ["1", "2"]),
                                                (["1", "2", "3", "1"], ["1", "2", "3", "1a"])])
def test_an_unnamed_number_column_that_repeats_a_number_keeps_the_printed_numbers(tmp_path, numbers, codes):
    """The printed numbers are the codes (never renumbered by position), the repeat is said, as under a named 序号."""
    tasks, doubts = read(tmp_path, "", numbers)
    assert [code for code, _ in tasks] == codes
    assert doubts, "the repeated number is said"
    named_tasks, named_doubts = read(tmp_path, "序号", numbers)
    assert tasks == named_tasks
    assert [d.replace("column 1:", "column 1 (序号):") for d in doubts] == named_doubts


def test_an_unnamed_number_column_whose_numbers_start_again_refuses_the_table(tmp_path):
    """1, 2, then 1, 2 again: a group the table does not head, refused as under a named 序号 (before: tasks 1 … 4)."""
    with pytest.raises(InputError, match=r"row 4, column 1: task 1 appears twice \(first at row 2\), and task 2 after it "
                                         r"\(row 5\): the numbers start again"):
        read(tmp_path, "", ["1", "2", "1", "2"])


def test_a_number_printed_again_on_the_next_row_is_said_as_printed(tmp_path):
    """"1" again on the row under task 1 (as a merged 序号 gives it): the row is read as a line of task 1, and the doubt
    says the number it prints, in the 序号 column (before: "a row without 序号", in the task column: untrue)."""
    tasks, doubts = read(tmp_path, "", ["1", "1", "2"])
    assert tasks == [("1", "新建公园3个"), ("2", "新增学位500个")]
    assert doubts == ["row 3, column 1: 序号 1 again: the row read as part of task 1; it may be a task of its own"]

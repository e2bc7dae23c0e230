"""held65: blank forms pasted under a notice's text in a .txt (an annex's header row over nothing but the next annex's
line, or over rows that only leave blanks to fill in "（）场") are no task table: the text is read instead, and each form
said as a doubt; a table whose rows hold values is still read by its header."""

from __future__ import annotations

from .conftest import convert_written
from .test_table_doer_parts import NOTICE

FORMS = [
    "附件1",
    "2023年防汛隐患问题排查表",
    "序号\t隐患问题\t整改情况\t责任人\t整改时限",
    "附件2",
    "防灾减灾日活动情况统计表",
    "内容要求\t进展情况",
    "开展防灾减灾知识学习宣传。\t开展学习宣传培训（）场，参与（）人次。",
    "修订完善应急预案，开展演练。\t新增应急物资（）件，开展演练（）场。",
]


def test_blank_forms_under_the_text_leave_it_read(tmp_path):
    conversion = convert_written(tmp_path, "plan.txt", "\n".join([*NOTICE, *FORMS]) + "\n", 2023)
    tasks = conversion.programme.tasks
    assert [t.code for t in tasks] == ["一", "二", "三"]
    assert [t.lines[0].lead_units for t in tasks] == [["各村"]] * 3
    said = [str(d) for d in conversion.doubts if "blank form" in str(d)]
    assert len(said) == 1 and "lines 14, 17: a blank form" in said[0]  # both forms' header lines


def test_a_table_with_values_is_still_read_by_its_header(tmp_path):
    table = ["序号\t工作任务\t责任单位\t完成时限", "1\t新建幼儿园3所\t区教育局\t2023年12月底前",
             "2\t改造老旧小区10个\t区住建局\t2023年11月底前"]
    conversion = convert_written(tmp_path, "plan.txt", "\n".join(table) + "\n", 2023)
    assert [t.code for t in conversion.programme.tasks] == ["1", "2"]
    assert not [d for d in conversion.doubts if "blank form" in str(d)]

"""Issue 13, held58b: a 任务分解表 of units as rows and indicators as columns (each unit's share of the targets, its
rates beside its counts, the whole's row under them), and a 预案's group duties numbered "1．X职责。由Y牵头，…", each read
by its structure on a small table or text of its own."""

from __future__ import annotations

from .test_table_layouts import indicators, page_tasks

SHARES = ['<td rowspan="2">序号</td><td rowspan="2">单位</td><td rowspan="2">人口数（人）</td>'
          '<td colspan="2">电子档案</td><td colspan="3">高血压管理</td>',
          "<td>年度<br>建档率</td><td>年度任务数（人）</td><td>年度健康管理任务数（人）</td><td>年度规范管理任务数（人）</td>"
          "<td>规范<br>管理率</td>",
          "<td>1</td><td>甲镇卫生院</td><td>1000</td><td>75%</td><td>750</td><td>55</td><td>33</td><td>60%</td>",
          "<td>2</td><td>乙镇卫生院</td><td>2000</td><td>75%</td><td>1500</td><td>110</td><td>66</td><td>60%</td>",
          "<td>3</td><td>某区</td><td>3000</td><td>75%</td><td>2250</td><td>165</td><td>99</td><td>60%</td>",
          '<td colspan="8">备注：电子档案任务人数＝常住人口数*年度建档率。</td>']


def test_each_units_rates_are_targets_beside_its_counts_and_the_summed_row_is_no_unit(tmp_path):
    """Units as rows, indicators as columns under a two-row header: a unit's rate (年度建档率 75%) is a target of its
    own as its counts are; the last row, every count the sum of the rows above, is the whole's (no unit's task)
    though it is numbered and named as a unit is."""
    tasks = page_tasks(tmp_path / "t.html", SHARES)
    assert [(t.code, t.title) for t in tasks] == [("1", "甲镇卫生院"), ("2", "乙镇卫生院")]
    assert sorted((i[1], i[2]) for i in indicators(tasks[0])) == [("%", 60), ("%", 75), ("人", 33), ("人", 55), ("人", 750)]
    assert [i[0] for i in indicators(tasks[1]) if i[1] == "%"] == ["电子档案/年度建档率", "高血压管理/规范管理率"]


def test_a_last_row_that_sums_only_one_column_is_a_unit_still(tmp_path):
    """A last row whose counts are not the rows' sums (one column summing by chance) is a unit's own task."""
    rows = [*SHARES[:4], SHARES[4].replace("<td>3</td><td>某区</td><td>3000</td>", "<td>3</td><td>丙镇卫生院</td><td>3100</td>")
            .replace("<td>2250</td><td>165</td><td>99</td>", "<td>2325</td><td>170</td><td>102</td>"), SHARES[5]]
    tasks = page_tasks(tmp_path / "t.html", rows)
    assert [t.title for t in tasks] == ["甲镇卫生院", "乙镇卫生院", "丙镇卫生院"]


def test_a_column_of_what_is_done_is_no_rate_target(tmp_path):
    """A column of percentages is a unit's target only under a rate's name: 完成率 beside the counts reports progress."""
    rows = [SHARES[0], SHARES[1].replace("规范<br>管理率", "完成率"), *SHARES[2:]]
    tasks = page_tasks(tmp_path / "t.html", rows)
    assert [t.code for t in tasks] == ["1", "2"]
    assert [(i[1], i[2]) for i in indicators(tasks[0]) if i[1] == "%"] == [("%", 75)]


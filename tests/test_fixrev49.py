"""fixrev49: the review's findings on the fourteenth session's reader work (review49), each on a small cell or
table: short office names keep their own (no town's ending shared with 发改, 卫健 …), a deadline's dated parts
give no figure of the year, dated batches keep their dates beside an item's own deadline, 规划一所 counts one, and
one list of countable units."""

from __future__ import annotations

import pytest

from .conftest import convert_written

# --- R2: a short office name is no place to share the next name's ending --------------------------------------------


@pytest.mark.parametrize(("cell", "units"), [
    ("县发改、财政、城关镇", ["县发改", "财政", "城关镇"]),
    ("卫健、民政、城南社区", ["卫健", "民政", "城南社区"]),
    ("卫健、教育、高新园区管委会", ["卫健", "教育", "高新园区管委会"]),
    ("区教育局、卫健、东湖街道", ["区教育局", "卫健", "东湖街道"]),
    ("县林业、自然资源、东城开发区管委会", ["县林业", "自然资源", "东城开发区管委会"]),
    ("金井湾、岚城片区开发管理局", ["金井湾片区开发管理局", "岚城片区开发管理局"]),
    ("东湖、西湖、南湖街道", ["东湖街道", "西湖街道", "南湖街道"]),
])
def test_short_office_names_keep_their_own_before_a_towns_name(cell, units):
    from mstrack.sources.table.office_names import split_units

    assert split_units(cell) == units


def test_a_short_office_name_in_a_units_cell_is_doubted_again(tmp_path):
    rows = [["序号", "工作任务", "完成时限", "牵头单位", "责任单位"],
            ["1", "改造社区卫生服务站3个", "2024年11月底", "县卫健局", "卫健、民政、城南社区"]]
    converted = convert_written(tmp_path, "a.xlsx", rows)
    units = [u for line in converted.programme.tasks[0].lines for u in line.units]
    assert "卫健社区" not in units and "卫健" in units, units
    assert any("“卫健” is a unit" in str(d) for d in converted.doubts), converted.doubts


# --- R3: a deadline's dated parts beside the item's undated work give dates, no figure of their own ----------------


def test_a_deadline_parts_figure_printed_once_is_no_indicator(tmp_path):
    """"2024年6月底前完成10个，12月底前全部完成" beside "完成老旧小区改造20个" (a 工作举措 column): the part's 10 is printed in
    one period only (tests/data/tables/README.md, "Quarters' figures with no figure of the year"): no indicator '指标'
    of 10 (the work is 20), only the dates as checkpoints."""
    rows = [["序号", "工作任务", "工作举措", "完成时限", "责任单位"],
            ["1", "推进老旧小区改造", "完成老旧小区改造20个，同步实施管网改造", "2024年6月底前完成10个，12月底前全部完成", "县住建局"]]
    task = convert_written(tmp_path, "a.xlsx", rows).programme.tasks[0]
    assert [(i.name, i.target) for line in task.lines for i in line.indicators if i.target == 10] == []
    assert sorted({c.due.isoformat() for line in task.lines for c in line.checkpoints}) == ["2024-06-30", "2024-12-31"]

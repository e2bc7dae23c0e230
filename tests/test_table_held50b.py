"""Issue 13, held50b: the held-back real tables. A table of counts by trade (行业 / 主管部门 / 应达标企业数 / 已达标企业数 /
达标率 / 备注): the rows are the trades, 应达标… each one's target, the rest progress; a quota per area (序号 / 片区 /
行政村数 / 高素质农民名额): the rows are places, the quota the target, a base count none, the unit only in the 合计 row."""

from __future__ import annotations

import pytest

from .conftest import convert_written, targets_of


def _page(rows: list[str], title: str = "某区安全生产标准化进展情况") -> str:
    return (f'<html><body><p>{title}</p><table border="1">' + "".join(f"<tr>{r}</tr>" for r in rows)
            + "</table></body></html>")


@pytest.mark.parametrize("name_header", ["行业", "类别"])
def test_counts_by_trade_read_each_row_as_a_task_with_its_target(tmp_path, name_header):
    """A title row merged over the columns, the office merged over runs of rows, a 总计 row: each trade a task led by
    its office, 应达标企业数 its target (a bare count, no unit); 已达标企业数 and 达标率 are progress."""
    html = _page([
        '<td colspan="6">某区安全生产标准化进展情况表</td>',
        f"<td>{name_header}</td><td>主管部门</td><td>应达标企业数</td><td>已达标企业数</td><td>达标率</td><td>备注</td>",
        '<td>商贸</td><td rowspan="2">区经济发展局</td><td>20</td><td>20</td><td>100</td><td>二级9家，三级11家</td>',
        "<td>机械</td><td>4</td><td>3</td><td>75</td><td>三级2家</td>",
        "<td>旅游</td><td>区旅游发展局</td><td>14</td><td>10</td><td>71.4</td><td>　</td>",
        "<td>总计</td><td>　</td><td>38</td><td>33</td><td>86</td><td>　</td>",
    ])
    tasks = convert_written(tmp_path, "page.html", html, 2015).programme.tasks
    assert [t.title for t in tasks] == ["商贸", "机械", "旅游"]
    assert [t.lines[0].lead_units for t in tasks] == [["区经济发展局"], ["区经济发展局"], ["区旅游发展局"]]
    assert [targets_of(t) for t in tasks] == [[(20, "")], [(4, "")], [(14, "")]]


def test_a_quota_per_area_reads_the_areas_as_tasks_and_the_quota_as_their_target(tmp_path):
    """序号 / 片区 / 行政村数 / 高素质农民名额: each area a task, its quota the target; the count of villages is none (the
    base the quota is shared by); the unit, printed only in the 合计 row (which has a 序号 of its own), is the quota's."""
    html = _page([
        "<td>序号</td><td>片区</td><td>行政村数</td><td>高素质农民名额</td><td>备 注</td>",
        "<td>1</td><td>金井片区</td><td>41</td><td>50</td><td></td>",
        "<td>2</td><td>海坛片区</td><td>38</td><td>45</td><td></td>",
        "<td>3</td><td>君山片区</td><td>52</td><td>65</td><td></td>",
        "<td>4</td><td>合计</td><td>131</td><td>160人</td><td></td>",
    ], title="2022年各片区高素质农民培训名额分配表")
    tasks = convert_written(tmp_path, "page.html", html, 2022).programme.tasks
    assert [(t.code, t.title) for t in tasks] == [("1", "金井片区"), ("2", "海坛片区"), ("3", "君山片区")]
    assert [targets_of(t) for t in tasks] == [[(50, "人")], [(45, "人")], [(65, "人")]]
    assert [i.name for i in tasks[0].lines[0].indicators] == ["高素质农民名额"]

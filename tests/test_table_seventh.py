"""The seventh held-out set's whole-file failures (issue #13), each in the general form the reader now knows,
on small synthetic tables: a heading row between items that print their own numbers."""

from __future__ import annotations

from mstrack.sources.table import convert_table
from tests.test_tables_score import scorer


def _read(tmp_path, name: str, rows: list[list[str]]) -> dict:
    path = tmp_path / name
    path.write_text("\n".join("\t".join(row) for row in rows) + "\n", encoding="utf-8")
    return scorer.read_programme(convert_table(path, "x-2023", 2023).programme)


def test_a_short_unnumbered_row_between_numbered_items_is_a_heading_not_a_task(tmp_path):
    read = _read(tmp_path, "headings.tsv", [
        ["", "牵头单位", "责任单位"],
        ["一、主要预期目标", "", ""],
        ["(一)经济指标", "", ""],
        ["1.地区生产总值增长8%以上。", "区发改局", "区统计局"],
        ["2.固定资产投资增长16%以上。", "区发改局", ""],
        ["(二)民生指标", "", ""],
        ["做好社会保障", "", ""],
        ["3.城镇登记失业率控制在4.5%以内。", "区人社局", ""],
    ])
    assert sorted(read) == ["1", "2", "3"]
    assert read["1"].title == "地区生产总值增长8%以上。"
    assert read["3"].title == "城镇登记失业率控制在4.5%以内。"
    assert read["3"].lead_units == {"区人社局"}
    assert read["1"].units == {"区统计局"}

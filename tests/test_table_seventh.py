"""The seventh held-out set's whole-file failures (issue #13), each in the general form the reader now knows,
on small synthetic tables: a heading row between items that print their own numbers, an unlabelled item column beside
unit columns only, and item numbers inside the item text."""

from __future__ import annotations

from tests.conftest import convert_written
from tests.test_tables_score import scorer


def _read(tmp_path, name: str, rows: list[list[str]]) -> dict:
    return scorer.read_programme(convert_written(tmp_path, name, rows, 2023).programme)


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


def test_an_unlabelled_item_column_beside_unit_columns_only_is_the_task_column(tmp_path):
    read = _read(tmp_path, "records.tsv", [
        ["", "牵头责任单位", "配合实施单位", "责任单位"],
        ["1.新改建农村公路260公里,改造危桥10座。", "市交通运输局、市城建投公司", "各县区人民政府", ""],
        ["2.新建城市公园3个,改造提升游园12处。", "市林业局", "市城建投公司", ""],
        ["3.对23条道路路灯进行提升改造。", "", "", "市城乡建设委员会"],
    ])
    assert sorted(read) == ["1", "2", "3"]
    assert read["1"].title == "新改建农村公路260公里,改造危桥10座。"
    assert read["1"].lead_units == {"市交通运输局", "市城建投公司"} and read["1"].units == {"各县区人民政府"}
    assert read["3"].lead_units == {"市城乡建设委员会"}
    assert ("新改建农村公路", 260, "公里") in {(n, v, u) for n, v, u in read["1"].targets}


def test_an_unlabelled_item_column_beside_one_lead_column_is_the_task_column(tmp_path):
    read = _read(tmp_path, "lead.tsv", [
        ["2021年民生实事工作目标", ""],
        ["", "牵头单位"],
        ["一、交通出行", ""],
        ["1.打通中心城区断头路20条。", "市住建局"],
        ["2.完成城市道路拥堵路口微整治20处。", "市城管委、市公安局"],
    ])
    assert sorted(read) == ["1", "2"]
    assert read["1"].title == "打通中心城区断头路20条。"
    assert read["2"].lead_units == {"市城管委", "市公安局"}


def test_an_item_number_inside_the_item_text_is_its_code(tmp_path):
    stops = _read(tmp_path, "stops.tsv", [
        ["", "牵头单位"],
        ["1。打通中心城区断头路20条。", "市住建局"],
        ["2。完成城市道路拥堵路口微整治20处。", "市城管委"],
    ])
    assert {code: r.title for code, r in stops.items()} == {"1": "打通中心城区断头路20条。", "2": "完成城市道路拥堵路口微整治20处。"}
    numerals = _read(tmp_path, "numerals.tsv", [
        ["", "牵头单位", "完成时限"],
        ["一、 扩大优质教育资源。新增公办幼儿园40所。", "市教育体育局", "2023年12月底"],
        ["二、 实施农村供水保障工程。", "市水务局", "2023年12月底"],
    ])
    assert {code: r.title for code, r in numerals.items()} == {
        "一": "扩大优质教育资源。新增公办幼儿园40所。", "二": "实施农村供水保障工程。"}
    grouped = _read(tmp_path, "grouped.tsv", [
        ["", "责任单位"],
        ["一、主要预期目标", "一、主要预期目标"],
        ["(一)地区生产总值增长7%以上", "区发展和改革局"],
        ["(二)固定资产投资增长10%以上", "区发展和改革局"],
    ])
    assert {code: r.title for code, r in grouped.items()} == {"一(一)": "地区生产总值增长7%以上", "一(二)": "固定资产投资增长10%以上"}
    assert grouped["一(一)"].lead_units == {"区发展和改革局"} and grouped["一(一)"].units == set()

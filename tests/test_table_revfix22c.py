"""Review21: a town office is a place's name (青山镇, 城北街道) or a collective of the administrative level (各乡镇,
属地镇街, 项目所在乡镇); a note after an item's stop ("（惠及各村）", "（重点镇）", "（试点村）") is neither and stays in the
title (13-revfix22c)."""

from __future__ import annotations

import pytest

from mstrack.sources.table.convert import convert_table
from mstrack.sources.table.office_names import town_name
from mstrack.sources.table.units import office_list
from tests.test_tables_score import scorer

INTRO = "<p>2024年，县政府将实施以下民生实事，具体如下：</p>"
SPLIT = "<p>现将2024年民生实事任务予以分解，落实到相关责任单位。</p>"


def _read(tmp_path, body: str, title: str = "X县2024年民生实事项目") -> dict:
    """The page's tasks in the scorer's terms: {code: task}."""
    path = tmp_path / "list.html"
    path.write_text(f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>{body}</body></html>",
                    encoding="utf-8")
    return scorer.read_programme(convert_table(path, "t", 2024).programme)


def _items(*items: str) -> str:
    return "".join(f"<p>{n}.{item}</p>" for n, item in enumerate(items, 1))


@pytest.mark.parametrize("name", ["惠及全县各乡镇", "惠及各村", "覆盖青山镇", "涉及各乡镇", "包括城关镇", "含各街道",
                                  "重点镇", "试点村", "示范村", "省级示范村", "美丽乡村示范村", "特色镇", "中心镇", "贫困村",
                                  "文明村", "重点村各村", "全县重点镇", "重点镇各村", "各示范村"])
def test_a_note_or_a_kind_of_town_is_no_town(name):
    assert not town_name(name)
    assert not office_list(name, towns=True)


@pytest.mark.parametrize("name", ["青山镇", "城北街道", "白水村", "东风社区", "城关镇", "X县城关镇", "各乡镇", "各镇（街道）",
                                  "城区各街道", "全县各行政村", "属地镇街", "属地乡镇", "项目所在乡镇", "所在镇街",
                                  "项目所在地乡镇（街道）", "各相关乡镇", "相关街道", "有关镇街", "青山镇各村", "各村（社区）"])
def test_a_place_name_or_a_collective_of_the_level_is_a_town(name):
    assert town_name(name)
    assert office_list(name, towns=True)


def test_notes_after_the_stop_stay_in_the_title(tmp_path):
    """A note in a bracket after the item's stop that is no office stays in its words, as before review20."""
    read = _read(tmp_path, INTRO + _items("新建城区幼儿园3所。（县教育局）", "新增城镇就业2000人。（惠及全县各乡镇）",
                                          "实施农村饮水安全巩固提升工程。（惠及各村）", "建设特色小城镇2个。（重点镇）",
                                          "建设美丽乡村示范村5个。（试点村）", "改造老旧小区12个。（城关镇、青山镇）"))
    assert read["1"].lead_units == {"县教育局"}
    for code, note in (("2", "（惠及全县各乡镇）"), ("3", "（惠及各村）"), ("4", "（重点镇）"), ("5", "（试点村）")):
        assert read[code].title.endswith(note), read[code].title
        assert not read[code].lead_units - {"（表中未列）"} and not read[code].units
    assert read["6"].lead_units == {"城关镇"} and read["6"].units == {"青山镇"}


def test_an_office_line_naming_the_towns_of_the_work_reads(tmp_path):
    """"由项目所在乡镇负责落实" is an office line as "由属地乡镇负责落实" is: the page is a list, not refused."""
    read = _read(tmp_path, SPLIT + "<p>1.新建城区幼儿园3所。</p><p>由县教育局负责落实</p>"
                 "<p>2.新建村级卫生室20个。</p><p>由项目所在乡镇负责落实</p>"
                 "<p>3.改造农村公路50公里。</p><p>由县交通运输局、属地乡镇负责落实</p>",
                 title="X县关于做好2024年民生实事任务分解的通知")
    assert sorted(read) == ["1", "2", "3"]
    assert read["2"].lead_units == {"项目所在乡镇"}
    assert read["3"].lead_units == {"县交通运输局"} and read["3"].units == {"属地乡镇"}


def test_an_office_clause_closing_the_items_sentence_names_its_office(tmp_path):
    """"…12个，由城关镇负责落实。": the item's last clause assigns it, as a line of its own under it would; a clause that
    assigns something else ("所需资金由县财政局负责落实") is the item's words."""
    read = _read(tmp_path, INTRO + _items("新建城区幼儿园3所，由县教育局负责落实。", "改造老旧小区12个，由城关镇负责落实。",
                                          "新增城镇就业2000人，由县人社局、各乡镇负责。",
                                          "新建村级卫生室20个，所需资金由县财政局负责落实。"))
    assert read["1"].lead_units == {"县教育局"} and read["1"].title == "新建城区幼儿园3所。"
    assert read["2"].lead_units == {"城关镇"}
    assert read["3"].lead_units == {"县人社局"} and read["3"].units == {"各乡镇"}
    assert not read["4"].lead_units - {"（表中未列）"} and "县财政局" in read["4"].title


def test_an_office_line_naming_the_lead_by_qiantou_assigns_the_item(tmp_path):
    """"由县教育局牵头" under an item is its office line, as "由县教育局负责落实" is: the page is a list, not refused."""
    read = _read(tmp_path, SPLIT + "<p>1.新建城区幼儿园3所。</p><p>由县教育局牵头</p>"
                 "<p>2.改造老旧小区12个。</p><p>由县住建局牵头负责</p>"
                 "<p>3.新建村级卫生室20个。</p><p>由县卫健局牵头落实。</p>"
                 "<p>4.改造农村公路50公里。</p><p>由县交通运输局牵头，各乡镇配合</p>",
                 title="X县关于做好2024年民生实事任务分解的通知")
    assert sorted(read) == ["1", "2", "3", "4"]
    assert [read[code].lead_units for code in "1234"] == [{"县教育局"}, {"县住建局"}, {"县卫健局"}, {"县交通运输局"}]
    assert read["4"].units == {"各乡镇"}

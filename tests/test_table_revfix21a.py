"""Review20: a town, a township or a street (镇/乡/街道/社区/村) named where an item's office stands is its office, a
normal lead unit in a 民生实事 list; inside the item's sentence it stays the work's place (13-revfix21a)."""

from __future__ import annotations

import pytest

from mstrack.sources.table.convert import convert_table
from mstrack.sources.table.units import office_list
from tests.test_table_eighth import read_xlsx
from tests.test_tables_score import scorer

INTRO = "<p>2024年，县政府将实施以下民生实事，具体如下：</p>"
SPLIT = "<p>现将2024年重点工作任务予以分解，落实到相关责任单位。</p>"


def _read(tmp_path, body: str) -> dict:
    """The page's tasks in the scorer's terms: {code: task}, each with its lead units and other units."""
    path = tmp_path / "list.html"
    path.write_text(f"<html><head><meta charset='utf-8'><title>X县2024年民生实事项目</title></head><body>{body}"
                    "</body></html>", encoding="utf-8")
    return scorer.read_programme(convert_table(path, "t", 2024).programme)


def _items(*items: str) -> str:
    return "".join(f"<p>{n}.{item}</p>" for n, item in enumerate(items, 1))


@pytest.mark.parametrize("names", ["城关镇", "青山乡", "城北街道", "城北街道办事处", "各乡镇", "城区各街道", "东风社区",
                                   "白水村", "青山镇、白水乡", "各镇（街道）", "各乡镇人民政府、街道办事处", "属地镇街",
                                   "县教育局、城北街道"])
def test_a_town_where_an_office_stands_is_an_office(names):
    assert office_list(names, towns=True)


@pytest.mark.parametrize("names", ["城乡", "农村", "乡村", "城镇", "美丽乡村", "含城关镇", "东区、西区", "城关镇3个"])
def test_a_word_or_a_scope_is_no_town_office(names):
    assert not office_list(names, towns=True)


def test_a_town_alone_is_no_office_where_the_position_does_not_say_so():
    """A row's last cell or a run after whitespace may be the work's place: only a position an office holds says it."""
    assert not office_list("城关镇")
    assert office_list("县教育局")


def test_a_bracket_at_an_items_end_names_its_town_office(tmp_path):
    read = _read(tmp_path, INTRO + _items("新建城区幼儿园3所。（县教育局、城北街道）", "改造老旧小区12个。（城关镇）",
                                          "新建社区养老服务站10个。（城北街道办事处）", "新建农村公路50公里。（各乡镇）",
                                          "新增城镇就业2000人。（县人社局）", "改造农村危房30户。（青山乡）"))
    assert read["1"].lead_units == {"县教育局"} and read["1"].units == {"城北街道"}
    assert read["2"].lead_units == {"城关镇"}
    assert read["3"].lead_units == {"城北街道办事处"}
    assert read["4"].lead_units == {"各乡镇"}
    assert read["6"].lead_units == {"青山乡"}


def test_an_office_line_naming_a_town_assigns_the_item(tmp_path):
    """"由城关镇负责落实" is the item's office line, as "由县住建局负责落实" is: the page is a list, not refused."""
    read = _read(tmp_path, SPLIT + "<p>1.新建城市道路12公里。</p><p>由县住建局负责落实</p>"
                 "<p>2.改造老旧小区12个。</p><p>由城关镇、城北街道负责落实</p>"
                 "<p>3.新增公共停车位1500个。</p><p>由县公安局负责落实</p>")
    assert sorted(read) == ["1", "2", "3"]
    assert read["2"].lead_units == {"城关镇"} and read["2"].units == {"城北街道"}
    assert read["3"].lead_units == {"县公安局"}


def test_a_town_inside_the_sentence_stays_the_works_place(tmp_path):
    """"在青山镇新建…" is where, and so is a bracket right after the words, no stop between ("…3所（城东街道）":
    test_table_review4_headerless); after the item's stop the bracket names who does it."""
    read = _read(tmp_path, INTRO + _items("新建公办幼儿园3所（城东街道）", "改造老旧小区12个（城关镇）",
                                          "新建社区养老服务站10个。（城北街道）"))
    assert not read["1"].lead_units - {"（表中未列）"} and not read["2"].lead_units - {"（表中未列）"}
    assert read["3"].lead_units == {"城北街道"}
    read = _read(tmp_path, INTRO + _items("在青山镇新建幼儿园1所。（县教育局）", "改造老旧小区12个。（县住建局）",
                                          "新建社区养老服务站10个，其中城北街道3个。", "新增城镇就业2000人。（县人社局）"))
    assert read["1"].lead_units == {"县教育局"} and not read["1"].units
    assert read["3"].lead_units in (set(), {"（表中未列）"})
    assert all("青山镇" not in t.lead_units | t.units and "城北街道" not in t.lead_units | t.units for t in read.values())


def test_town_units_as_written_lead_first(tmp_path):
    """Each as written, one office each: "各镇（街道）" is one, the lead first."""
    read = _read(tmp_path, INTRO + _items("新建城区幼儿园3所。（各镇（街道））", "改造老旧小区12个。（各乡镇人民政府、街道办事处）",
                                          "新建社区养老服务站10个。（青山镇、白水乡）", "新建农村公路50公里。（属地镇街）",
                                          "改造城区背街小巷20条。（县城市管理局）", "城乡居民医保参保率达到95%以上。（县医保局）",
                                          "改造老旧小区8个。（城区各街道）"))
    assert read["1"].lead_units == {"各镇（街道）"} and not read["1"].units
    assert read["2"].lead_units == {"各乡镇人民政府"} and read["2"].units == {"街道办事处"}
    assert read["3"].lead_units == {"青山镇"} and read["3"].units == {"白水乡"}
    assert read["4"].lead_units == {"属地镇街"}
    assert read["5"].lead_units == {"县城市管理局"}
    assert read["6"].title == "城乡居民医保参保率达到95%以上。" and read["6"].lead_units == {"县医保局"}
    assert read["7"].lead_units == {"城区各街道"}


def test_a_unit_column_keeps_its_towns_and_streets(tmp_path):
    read = read_xlsx(tmp_path, [
        ["序号", "项目名称", "责任单位"],
        ["1", "改造老旧小区12个", "城区各街道"],
        ["2", "新建社区养老服务站10个", "城北街道、城南街道"],
        ["3", "改造城区背街小巷20条", "县城市管理局"],
    ], 2024)
    assert read["1"].lead_units == {"城区各街道"}
    assert read["2"].lead_units == {"城北街道"} and read["2"].units == {"城南街道"}
    assert read["3"].lead_units == {"县城市管理局"}


def test_a_label_naming_a_town_gives_the_item_its_office(tmp_path):
    """"责任单位：城关镇" at the item's end, or in its closing bracket beside a 牵头单位, names an office as a county's does."""
    read = _read(tmp_path, INTRO + _items("新建城区幼儿园3所。责任单位：县教育局。", "改造老旧小区12个。责任单位：城关镇。",
                                          "新增城镇就业2000人。（牵头单位：县人社局；配合单位：城北街道）"))
    assert read["2"].lead_units == {"城关镇"}
    assert read["3"].lead_units == {"县人社局"} and read["3"].units == {"城北街道"}


def test_office_lines_keep_town_units_as_written_lead_first(tmp_path):
    names = ["各镇（街道）", "各乡镇人民政府、街道办事处", "青山镇、白水乡", "属地镇街", "县住建局、城关镇"]
    path = tmp_path / "split.html"
    path.write_text("<html><head><meta charset='utf-8'><title>X县人民政府关于做好2024年重点工作任务分解的通知</title></head><body>"
                    + SPLIT + "".join(f"<p>{n}.新建城市道路{n}公里。</p><p>由{name}负责落实</p>" for n, name in enumerate(names, 1))
                    + "</body></html>", encoding="utf-8")
    lines = [t.lines[0] for t in convert_table(path, "t", 2024).programme.tasks]
    assert [(line.lead_units, [u for u in line.units if u not in line.lead_units]) for line in lines] == [
        (["各镇（街道）"], []), (["各乡镇人民政府"], ["街道办事处"]), (["青山镇"], ["白水乡"]), (["属地镇街"], []),
        (["县住建局"], ["城关镇"])]

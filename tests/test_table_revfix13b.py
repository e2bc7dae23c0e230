"""Issue 13, revfix13b: review13's findings on read20b's labelled paragraphs, each on a small synthetic page: a label
paragraph under one item leaves the other items' bracketed offices theirs; a label right under a group's heading gives
that group's items their units; numbered items the list read leaves out are said, never dropped silently."""

from __future__ import annotations

from mstrack.sources.table import convert_table

from .conftest import write_page

TITLE = "XX区人民政府关于印发2024年重点工作任务分解的通知"


def _convert(tmp_path, paragraphs: list[str]):
    return convert_table(write_page(tmp_path / "list.html", [TITLE, *paragraphs], title=TITLE), "x-2024", 2024)


def _leads(programme) -> list[tuple[str, list[str]]]:
    return [(t.code, line.lead_units) for t in programme.tasks for line in t.lines]


def test_one_items_label_paragraph_leaves_the_others_bracketed_offices(tmp_path):
    """Per row: an item without a label paragraph of its own keeps the offices in its bracket."""
    programme = _convert(tmp_path, [
        "一、教育", "1.新建幼儿园3所。（责任单位：区教育局）", "2.改造老旧小区10个。（责任单位：区住建局）", "3.新建养老服务中心2个。",
        "责任单位：区民政局", "二、就业", "4.新增城镇就业3000人。（责任单位：区人社局）",
        "5.新建公厕20座。（责任单位：区城管局）"]).programme
    assert _leads(programme) == [("1", ["区教育局"]), ("2", ["区住建局"]), ("3", ["区民政局"]), ("4", ["区人社局"]),
                                 ("5", ["区城管局"])]


def test_a_label_under_a_heading_gives_its_groups_items_their_units(tmp_path):
    """The label right under "二、就业" is the group's: its items without their own take it; the list is not cut there."""
    programme = _convert(tmp_path, [
        "一、教育", "1.新建幼儿园3所。", "责任单位：区教育局", "2.改造老旧小区10个。", "责任单位：区住建局",
        "二、就业", "责任单位：区人社局", "1.新增城镇就业3000人。", "2.培训农民工500人次。", "3.新建公厕20座。",
        "责任单位：区城管局"]).programme
    assert _leads(programme) == [("一1", ["区教育局"]), ("一2", ["区住建局"]), ("二1", ["区人社局"]), ("二2", ["区人社局"]),
                                 ("二3", ["区城管局"])]


def test_numbered_items_left_out_of_the_list_are_said(tmp_path):
    """A line that is no label cuts the list: the group after it, not read, is named in the summary."""
    conversion = _convert(tmp_path, [
        "一、教育", "1.新建幼儿园3所。", "责任单位：区教育局", "2.改造老旧小区10个。", "责任单位：区住建局", "3.新建养老服务中心2个。",
        "责任单位：区民政局", "本栏目由区政府办公室维护", "二、就业", "1.新增城镇就业3000人。", "2.培训农民工500人次。"])
    assert [t.code for t in conversion.programme.tasks] == ["1", "2", "3"]
    said = [str(m) for m in conversion.doubts if "not read as tasks" in str(m)]
    assert len(said) == 1 and "rows 12, 13:" in said[0], conversion.doubts

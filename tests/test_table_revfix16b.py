"""Issue 13, revfix16b: review16's findings on the list reader, each rule on a small synthetic case: a "一、" row with
its own figure and office is an item beside the headings of "(一)" groups, never a heading; a heading that heads
nothing is named, not left an empty area; a requirement is a sentence's form (its opening, or its verb after the
subject), not the word 考核/督查 anywhere in a task's words."""

from __future__ import annotations

import pytest

from mstrack.sources.table.list_sections import requirement

from .test_table_revfix15b import _codes, _convert

# --- 1. a "一、" item with its own figure and office beside the "(一)" groups ------------------------------------------

def test_staffed_top_items_beside_a_group_are_tasks(tmp_path):
    conversion = _convert(tmp_path, [
        "一、新建公厕20座。（县城管局）", "二、新增停车位500个。（县交通局）", "三、提升文体设施",
        "（一）新建健身步道5公里。（县体育局）", "（二）改造体育场1个。（县文旅局）"])
    assert _codes(conversion) == ["一", "二", "三(一)", "三(二)"]
    assert [u for t in conversion.programme.tasks for line in t.lines for u in line.lead_units] == [
        "县城管局", "县交通局", "县体育局", "县文旅局"]
    assert [a.code for a in conversion.programme.areas] == ["三"]


def test_a_heading_that_heads_nothing_is_named(tmp_path):
    """"一、教育" over no item: the page's row is neither read nor dropped silently."""
    conversion = _convert(tmp_path, [
        "一、教育事业", "二、公共服务", "（一）新建社区食堂10个。（县民政局）", "（二）新建公厕20座。（县城管局）",
        "（三）新增停车位500个。（县交通局）"])
    assert _codes(conversion) == ["二(一)", "二(二)", "二(三)"]
    said = [str(line) for line in conversion.doubts if "row 3" in str(line)]
    assert said == ["list.html: row 3: a heading over no item (“一、教育事业”): not read as a task; check it"]


# --- 2. a requirement is the sentence's form, not the word anywhere ----------------------------------------------------

def test_requirement_is_the_sentence_form():
    assert requirement("各乡镇要于每月5日前报送进展。")
    assert requirement("（三）各村要建立督查台账1套。")
    assert requirement("加强督查，确保按期完成。")
    assert requirement("严格考核。县政府每季度通报一次。")
    assert requirement("县政府办通报进展情况。")
    assert requirement("县督查室12月底前完成考核。")  # the word and no figure: an office checking, no work
    assert not requirement("开展考核员培训200人次")
    assert not requirement("新建职业技能考核中心1个，12月底前投入使用")
    assert not requirement("建设督查平台1个")


@pytest.mark.parametrize("fifth", ["五、开展督查员培训150人次。（县人社局）", "五、开展技能培训。县人社局6月底前组织培训150人次。",
                                   "五、开展督查培训。县人社局6月底前组织督查员培训150人次。"])
def test_an_item_after_a_closing_section_is_kept(tmp_path, fifth):
    """考核/督查 in the closing points and in the item's object; or no office: "五、…" is numbered on among the items."""
    conversion = _convert(tmp_path, [
        "一、新建幼儿园3所。（县教育局）", "二、改造老旧小区10个。（县住建局）", "三、新建公厕20座。（县城管局）",
        "四、保障措施", "（一）加强组织领导。", "（二）强化督查考核。县督查室每季度督查一次。", fifth])
    assert _codes(conversion) == ["一", "二", "三", "五"]


def test_two_staffed_items_naming_kaohe_are_a_list(tmp_path):
    conversion = _convert(tmp_path, [
        "现将2024年为民办实事项目印发给你们，请认真组织实施。",
        "一、新建技能考核站1个，12月底前投入使用。（县人社局）", "二、建设督查信息平台1个，9月底前上线运行。（县政府办）"])
    assert _codes(conversion) == ["一", "二"]


def test_a_last_heading_with_a_figure_is_named(tmp_path):
    """"三、新建公厕20座。" after the groups, no office: no group's heading, never dropped silently."""
    conversion = _convert(tmp_path, [
        "一、新建公厕20座。（县城管局）", "二、提升文体设施", "（一）新建健身步道5公里。（县体育局）",
        "（二）改造体育场1个。（县文旅局）", "三、新增停车位500个。"])
    assert _codes(conversion) == ["一", "二(一)", "二(二)"]
    assert any("row 7: a heading over no item (“三、新增停车位500个。”)" in str(line) for line in conversion.doubts)
